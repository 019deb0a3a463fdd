"""Print preview for the PDFs we make: the pages as they will print, then the system's print
dialog, or Save as PDF. One renderer (ReportLab) for paper and screen; pdfium draws the pages."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from hrsupply.i18n import tr
from hrsupply.ui.geometry import Remembers


def render_pages(path: str | Path, dpi: int = 96) -> list[QImage]:
    doc = pdfium.PdfDocument(str(path))
    try:
        images = []
        for page in doc:
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
            data = image.tobytes()
            # Copy: the QImage must not point into a buffer Python frees.
            images.append(QImage(data, image.width, image.height, 3 * image.width, QImage.Format_RGB888).copy())
        return images
    finally:
        doc.close()


def _fitting(widget: QWidget, width: int, height: int) -> QSize:
    """The size wanted, within the screen the window is on (its buttons stay in sight)."""
    screen = (widget.parentWidget() or widget).screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    return QSize(min(width, room.width() - 40), min(height, room.height() - 60))


class PdfPreview(Remembers, QDialog):
    """`on_printed`, if set, is called once the pages are printed or saved (not when only looked
    at). (Not `done`: that is QDialog's own, which closing the dialog calls.)"""

    on_printed = None

    def __init__(self, path: str | Path, title: str, suggested_name: str, parent=None):
        super().__init__(parent)
        self.path, self.suggested_name = Path(path), suggested_name
        self.setWindowTitle(title)
        self.resize(_fitting(self, 900, 1000))
        self.pages = render_pages(self.path)
        body = QWidget()
        column = QVBoxLayout(body)
        for image in self.pages:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #999;")
            page.setFixedSize(image.size())  # the page's own shape (a card is a card, not a tall strip)
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        print_button, save_button, close = (
            QPushButton(tr("Print…")),
            QPushButton(tr("Save as PDF…")),
            QPushButton(tr("Close")),
        )
        print_button.clicked.connect(self.print_)
        save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(tr("{n} page{x}").format(n=len(self.pages), x="s" if len(self.pages) != 1 else "")))
        buttons.addStretch(1)
        for b in (print_button, save_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def print_(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        self.paper_for(printer)
        if QPrintDialog(printer, self).exec() == QDialog.Accepted:
            self.print_to(printer)
            self._printed()

    def _printed(self) -> None:
        if self.on_printed is not None:
            self.on_printed()

    def paper_for(self, printer: QPrinter) -> None:
        """The printer's paper is the PDF's page (a CR80 card stays card-sized, a landscape sheet
        landscape), printed from its very edge: the page already holds its own margins."""
        doc = pdfium.PdfDocument(str(self.path))
        try:
            width, height = doc[0].get_size()
        finally:
            doc.close()
        landscape = width > height
        size = QSizeF(min(width, height), max(width, height))
        printer.setPageSize(QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)

    def print_to(self, printer: QPrinter) -> None:
        """Each page at printer resolution, scaled to the printable area."""
        hi_res = render_pages(self.path, dpi=min(300, printer.resolution()))
        painter = QPainter(printer)
        try:
            for n, image in enumerate(hi_res):
                if n:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
                painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), image)
        finally:
            painter.end()

    def ask_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("Save as PDF"), self.suggested_name, tr("PDF (*.pdf)"))
        return path

    def save_as(self) -> None:
        target = self.ask_path()
        if target:
            shutil.copyfile(self.path, target)
            self._printed()


def scratch(owner: QWidget) -> Path:
    """The folder a screen writes the PDFs it previews into (removed when the app closes)."""
    folder = getattr(owner, "_previews", None)
    if folder is None:
        folder = owner._previews = tempfile.TemporaryDirectory(prefix="hrsupply-")
    return Path(folder.name)


def show(owner: QWidget, path: Path, title: str) -> None:
    """The print preview of a PDF just written: Print…, Save as PDF…, Close."""
    PdfPreview(path, title, path.name, owner).exec()
