"""What every printed sheet shares: US Letter landscape, a grid style, "Page N of M" footers and
boxes to tick by hand."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

PAGE = landscape(letter)
SHORT = colors.HexColor("#fde2e1")
GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
]


class NumberedCanvas(Canvas):
    """Writes "Page N of M": the total is known only once every page is laid out."""

    def __init__(self, *args, footer: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._pages, self._footer = [], footer

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.drawString(0.5 * inch, 0.35 * inch, self._footer)
            self.drawRightString(self._pagesize[0] - 0.5 * inch, 0.35 * inch, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


class CheckBox(Flowable):
    """An empty box to tick by hand (the fonts built into PDF readers have no ☐)."""

    def wrap(self, *_):
        return 11, 11

    def draw(self):
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, 11, 11)


def document(path: Path, title: str, pagesize=PAGE) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.6 * inch,
        title=title,
        author="hrsupply",
    )


def build(doc: SimpleDocTemplate, story: list, footer: str) -> None:
    doc.build(story, canvasmaker=lambda *a, **k: NumberedCanvas(*a, footer=footer, **k))


def text_styles(size: float = 8.5):
    """ReportLab's sample styles and the small one table cells use."""
    styles = getSampleStyleSheet()
    return styles, styles["BodyText"].clone("small", fontSize=size, leading=size + 2)
