"""Excel… and PDF… buttons for a screen's table: the file is written off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from hrsupply.services.errors import UserError
from hrsupply.services.exports import write_pdf, write_xlsx
from hrsupply.ui import background
from hrsupply.ui.widgets import Message

KINDS = {"xlsx": ("Excel workbook (*.xlsx)", write_xlsx), "pdf": ("PDF (*.pdf)", write_pdf)}


class ExportButtons(QWidget):
    """`report()` is asked for a fresh services.exports.Report at each click; `name()` for the
    file name to suggest (without extension)."""

    finished = Signal(str)  # the path written

    def __init__(self, report, name, message: Message, parent=None):
        super().__init__(parent)
        self.report, self.name, self.message = report, name, message
        self.excel, self.pdf = QPushButton("Export to Excel…"), QPushButton("Export to PDF…")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.excel)
        layout.addWidget(self.pdf)
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        self.pdf.clicked.connect(lambda: self.export("pdf"))

    def ask_path(self, kind: str) -> str:
        """A test replaces this to avoid the dialog."""
        path, _ = QFileDialog.getSaveFileName(self, "Export", f"{self.name()}.{kind}", KINDS[kind][0])
        return path

    def export(self, kind: str) -> None:
        try:
            report = self.report()
        except UserError as exc:
            self.message.error(str(exc))
            return
        path = self.ask_path(kind)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        self.setEnabled(False)
        self.message.ok(f"Writing {path}…")
        background.run(lambda: str(KINDS[kind][1](path, report)), self._done, self._failed)

    def _done(self, path: str) -> None:
        self.setEnabled(True)
        self.message.ok(f"Saved {path}.")
        self.finished.emit(path)

    def _failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        self.message.error(f"Could not save: {exc}")
