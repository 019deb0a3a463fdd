"""The database's passphrase in the window: asked to open an encrypted database, chosen when a
new one is made (encryption on by default) or when one is encrypted later, and the recovery
sheet that keeps it on paper."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from hrsupply import keys
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.ui.widgets import Message

LOST = QT_TR_NOOP(
    "Without the passphrase nobody can read these records — not the program, not hrsupply's makers. "
    "Print the recovery sheet next and keep it in the office safe."
)


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    field.setAccessibleName(name)
    return field


def _remember_box() -> QCheckBox:
    box = QCheckBox(tr("Keep the passphrase on this computer (its keyring): no need to type it at each start"))
    if keys.has_keyring():
        box.setChecked(True)
    else:
        box.setEnabled(False)
        box.setText(tr("This computer has no keyring: the passphrase is asked at each start"))
    return box


def _stack(dialog, heading: QLabel, form: QFormLayout, buttons: QDialogButtonBox) -> None:
    """Heading, form, the message line, buttons: top to bottom."""
    layout = QVBoxLayout(dialog)
    layout.addWidget(heading)
    layout.addLayout(form)
    layout.addWidget(dialog.message)
    layout.addWidget(buttons)


class OpenKeyDialog(QDialog):
    """An encrypted database: its passphrase, tried until it opens it (or Cancel)."""

    def __init__(self, path, opener, parent=None):
        super().__init__(parent)
        self.path, self.opener, self.db = path, opener, None
        name = path.name
        self.setWindowTitle(tr("hrsupply — passphrase"))
        self.key = _secret_field(tr("Passphrase"))
        self.remember = _remember_box()
        self.message = Message()
        heading = QLabel(tr("<h3>{name} is encrypted</h3>Type its passphrase to open it.").format(name=name))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Passphrase"), self.key)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(tr("Open"))
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        _stack(self, heading, form, buttons)

    def try_open(self) -> None:
        try:
            self.db = self.opener(self.key.text())
        except UserError as exc:  # the wrong passphrase: said, and asked again
            self.message.error(str(exc))
            self.key.selectAll()
            self.key.setFocus()
            return
        if self.remember.isChecked():
            keys.remember(self.path, self.key.text())
        self.accept()


class NewKeyDialog(QDialog):
    """A new passphrase, typed twice: for a new database (`optional`: encryption may be declined),
    or to encrypt one or change its passphrase."""

    def __init__(self, title: str, heading: str, ok: str, *, optional: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("hrsupply — {title}").format(title=title))
        self.passphrase: str | None = None
        self.key, self.again = _secret_field(tr("Passphrase")), _secret_field(tr("The same again"))
        self.remember = _remember_box()
        self.message = Message()
        top = QLabel(heading + "<br><br><b>" + tr(LOST) + "</b>")
        top.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Passphrase"), self.key)
        form.addRow(tr("The &same again"), self.again)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.button(QDialogButtonBox.Ok).setText(ok)
        buttons.accepted.connect(self.choose)
        if optional:
            plain = buttons.addButton(tr("Continue without encryption"), QDialogButtonBox.RejectRole)
            plain.setAutoDefault(False)
        else:
            buttons.addButton(QDialogButtonBox.Cancel)
        buttons.rejected.connect(self.reject)
        _stack(self, top, form, buttons)
        self.key.setFocus()

    def choose(self) -> None:
        try:
            keys.check_new(self.key.text())
        except UserError as exc:
            self.message.error(str(exc))
            return
        if self.key.text() != self.again.text():
            self.message.error(tr("The two passphrases differ: type the same one twice."))
            self.again.clear()
            self.again.setFocus()
            return
        self.passphrase = self.key.text()
        self.accept()


def show_recovery_sheet(owner, passphrase: str, database: str, program: str = "") -> None:
    """The recovery sheet in the print preview (print it; saving it as a file defeats it). The
    PDF lives in a folder of its own only while the preview is open: the passphrase is not left
    in a file."""
    import tempfile
    from pathlib import Path

    from hrsupply.services import recovery_sheet
    from hrsupply.ui.pdf_preview import PdfPreview

    with tempfile.TemporaryDirectory(prefix="hrsupply-") as folder:
        path = recovery_sheet.write(Path(folder) / "recovery-sheet.pdf", passphrase, database, program)
        title = tr("Recovery sheet: print it and keep it in the office safe")
        PdfPreview(path, title, path.name, owner).exec()
