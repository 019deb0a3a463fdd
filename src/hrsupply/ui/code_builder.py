"""Build a participant's code from answers only they know; the answers themselves are not kept."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit

from hrsupply.i18n import tr
from hrsupply.services import program
from hrsupply.ui import ops
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.widgets import Message


class CodeBuilderDialog(Remembers, QDialog):
    def __init__(self, scheme: list[program.CodePart], parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Build a participant code"))
        self.scheme = scheme
        self.code = ""
        layout = QFormLayout(self)
        self.answers = []
        for part in scheme:
            field = QLineEdit()
            field.textChanged.connect(self._update)
            layout.addRow(tr(part.question), field)
            self.answers.append(field)
        self.preview = Message()
        self.preview.setObjectName("preview")
        layout.addRow(tr("Code"), self.preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self._update()

    def _update(self) -> None:
        answers = [f.text() for f in self.answers]
        if not any(a.strip() for a in answers):  # nothing typed yet: nothing wrong yet either
            self.code = ""
            self.preview.ok(tr("The code appears here as the answers are typed."))
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            return
        self.code = ops.attempt(self, lambda: program.build_code(self.scheme, answers), message=self.preview) or ""
        if self.code:
            self.preview.ok(tr("<b>{code}</b>").format(code=self.code))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.code))
