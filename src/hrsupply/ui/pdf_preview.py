"""Print preview for the PDFs we make: the pages as they will print, then the system's print
dialog, or Save as PDF. One renderer (ReportLab) for paper and screen; pdfium draws the pages."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from hrsupply.i18n import tr
from hrsupply.ui.geometry import Remembers, file_to_save

PREVIEW_DPI = 110  # sharp enough fitted to a laptop's width; zooming in past it softens
ZOOM_STEP = 1.25
FIT_MARGIN = 16


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
        self.pages = render_pages(self.path, dpi=PREVIEW_DPI)
        self.zoom = 1.0  # of the pages as rendered; fitted to the width when first shown
        self._fitted = False
        body = QWidget()
        column = QVBoxLayout(body)
        self.page_labels = []
        for _image in self.pages:
            page = QLabel()
            page.setStyleSheet("background: white; border: 1px solid #999;")
            self.page_labels.append(page)
            column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(body)
        self.scroll.setWidgetResizable(True)
        zoom_in, zoom_out, fit = (
            QPushButton(tr("Zoom &in  (Ctrl++)")),
            QPushButton(tr("Zoom &out  (Ctrl+-)")),
            QPushButton(tr("Fit &width")),
        )
        zoom_in.clicked.connect(lambda: self.set_zoom(self.zoom * ZOOM_STEP))
        zoom_out.clicked.connect(lambda: self.set_zoom(self.zoom / ZOOM_STEP))
        fit.clicked.connect(self.fit_width)
        for keys, step in (
            (QKeySequence.StandardKey.ZoomIn, ZOOM_STEP),
            (QKeySequence.StandardKey.ZoomOut, 1 / ZOOM_STEP),
        ):
            QShortcut(keys, self, activated=lambda step=step: self.set_zoom(self.zoom * step))
        print_button, save_button, close = (
            QPushButton(tr("&Print…")),
            QPushButton(tr("&Save as PDF…")),
            QPushButton(tr("&Close")),
        )
        print_button.clicked.connect(self.print_)
        save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(tr("{n} page{x}").format(n=len(self.pages), x="s" if len(self.pages) != 1 else "")))
        for b in (zoom_out, zoom_in, fit):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (print_button, save_button, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.set_zoom(1.0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:  # opens fitted to the page's width, as a reader expects
            self._fitted = True
            self.fit_width()

    def fit_width(self) -> None:
        widest = max((image.width() for image in self.pages), default=0)
        room = self.scroll.viewport().width() - 2 * FIT_MARGIN
        if widest and room > 0:
            self.set_zoom(room / widest)

    def set_zoom(self, zoom: float) -> None:
        """The pages at `zoom` × their rendering (never below a quarter or above three times)."""
        self.zoom = min(max(zoom, 0.25), 3.0)
        for image, page in zip(self.pages, self.page_labels):
            shown = image.scaledToWidth(round(image.width() * self.zoom), Qt.TransformationMode.SmoothTransformation)
            page.setPixmap(QPixmap.fromImage(shown))
            page.setFixedSize(shown.size())  # the page's own shape (a card is a card, not a tall strip)

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
        return file_to_save(self, tr("Save as PDF"), self.suggested_name, "pdf", tr("PDF (*.pdf)"))

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
