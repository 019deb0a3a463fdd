"""Excel… and Print… buttons for a screen's table: the file is written off the UI thread; the PDF
opens in the print preview (Print…, Save as PDF…)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from hrsupply.i18n import tr
from hrsupply.ui import ops
from hrsupply.ui.geometry import file_to_save
from hrsupply.ui.widgets import Message, keyed

KINDS = {"xlsx": "Excel workbook (*.xlsx)", "pdf": "PDF (*.pdf)"}


def write(kind: str, path: str, report) -> str:
    """Write a services.report.Report (openpyxl and ReportLab are loaded here, when used)."""
    from hrsupply.services.exports import write_pdf, write_xlsx

    return str((write_xlsx if kind == "xlsx" else write_pdf)(Path(path), report))


class ExportButtons(QWidget):
    """`report()` is asked, on the UI thread, for what to export: a function that builds the
    services.report.Report off the UI thread. `name()` gives the file name to suggest."""

    finished = Signal(str)  # the path written

    def __init__(self, report, name, message: Message, parent=None):
        super().__init__(parent)
        self.report, self.name, self.message = report, name, message
        self.excel = keyed(self, QPushButton(tr("Export to Excel…")), "Ctrl+E")
        self.pdf = keyed(self, QPushButton(tr("Print or save as PDF…")), "Ctrl+P")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.excel)
        layout.addWidget(self.pdf)
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        self.pdf.clicked.connect(lambda: self.export("pdf"))

    def ask_path(self, kind: str) -> str:  # the workbook's; a PDF goes to the print preview
        """A test replaces this to avoid the dialog."""
        return file_to_save(self, tr("Export"), f"{self.name()}.{kind}", kind, KINDS[kind])

    def preview(self, path: str) -> None:
        """A test replaces this to read the file instead."""
        from hrsupply.ui.pdf_preview import show

        show(self, Path(path), self.name())

    def export(self, kind: str) -> None:
        build = self.report()
        if kind == "pdf":
            from hrsupply.ui.pdf_preview import scratch

            path = str(scratch(self) / f"{self.name()}.pdf")
        else:
            path = self.ask_path(kind)
            if not path:
                return
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
        self.setEnabled(False)
        self.message.ok(tr("Writing {path}…").format(path=path))

        def work(steps) -> str:
            steps.step(0, 2, tr("Reading the figures…"))
            report = build()
            steps.step(
                1, 2, tr("Writing {name}…").format(name=Path(path).name)
            )  # a cancel from here on still writes the file
            return write(kind, path, report)

        ops.run(
            self,
            work,
            self._done,
            failed=self._failed,
            busy=tr("Writing {name}…").format(name=Path(path).name),
            cancellable=True,
        )

    def _done(self, path: str) -> None:
        self.setEnabled(True)
        self.finished.emit(path)
        if path.endswith(".pdf"):
            self.message.clear()
            self.preview(path)
        else:
            self.message.ok(tr("Saved {path}.").format(path=path))

    def _failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        self.message.error(tr("Could not save: {exc}").format(exc=exc))
