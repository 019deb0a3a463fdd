"""What every printed sheet shares: US Letter landscape, a grid style, "Page N of M" footers and
boxes to tick by hand."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Table

from hrsupply.files import written
from hrsupply.i18n import tr
from hrsupply.steps import Cancelled, Steps

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
            self.drawRightString(
                self._pagesize[0] - 0.5 * inch,
                0.35 * inch,
                tr("Page {_pageNumber} of {total}").format(_pageNumber=self._pageNumber, total=total),
            )
            super().showPage()
        super().save()


class KeptTable(Table):
    """A table whose page break never leaves fewer than `least` rows alone on the next page
    (a count sheet's last page held one row): a few more rows go over with them."""

    def __init__(self, *args, least: int = 5, **kwargs):
        super().__init__(*args, **kwargs)
        self.least = least

    def split(self, availWidth, availHeight):
        parts = self._split(availWidth, availHeight)
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        moved = False
        while len(parts) == 2:
            first, rest = len(parts[0]._cellvalues), len(parts[1]._cellvalues) - head
            short = self.least - rest
            if short <= 0 or first - short < head + self.least:
                break  # enough over already, or too few rows to share between the pages
            availHeight -= sum(self._rowHeights[first - short : first])
            parts, moved = self._split(availWidth, availHeight), True
        if moved and len(parts) == 2:
            return parts[:1] + [PageBreak()] + parts[1:]  # the rest goes over, not below on this page
        return parts

    def _split(self, availWidth, availHeight) -> list:
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.least = self.least  # the rest may break again, by the same rule
        return parts


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


def build(doc: SimpleDocTemplate, story: list, footer: str, steps: Steps | None = None) -> None:
    """Lay out and write the PDF, whole or not at all (files.written); `steps` may cancel after
    any page (a year's report at every location runs to many pages)."""
    target = doc.filename
    if steps is not None:

        def stop_if_cancelled() -> None:
            if steps.cancelled:
                raise Cancelled()

        doc.afterPage = stop_if_cancelled
    with written(target) as temp:
        doc.filename = str(temp)
        try:
            doc.build(story, canvasmaker=lambda *a, **k: NumberedCanvas(*a, footer=footer, **k))
        finally:
            doc.filename = target


def text_styles(size: float = 8.5):
    """ReportLab's sample styles and the small one table cells use."""
    styles = getSampleStyleSheet()
    return styles, styles["BodyText"].clone("small", fontSize=size, leading=size + 2)
