"""Shelf labels: Avery 5160 sheets (US Letter, 3 × 10 labels of 2⅝ × 1 in), each with the item's
name, what one scan counts as, and a Code 128 barcode that the front desk and Receive screens
read back as that item (and, for a pack's code, that many units)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.files import written
from hrsupply.i18n import tr
from hrsupply.models import Barcode, Item, PackSize

if TYPE_CHECKING:
    from reportlab.graphics.barcode.code128 import Code128

# Avery 5160 / 8160 geometry.
COLUMNS, ROWS = 3, 10
# ReportLab's units, written out so choosing labels on screen does not load it (it loads to draw).
inch = 72.0
letter = (8.5 * inch, 11 * inch)
LABEL_W, LABEL_H = 2.625 * inch, 1.0 * inch
LEFT, TOP = 0.1875 * inch, 0.5 * inch
PITCH_X, PITCH_Y = 2.75 * inch, 1.0 * inch
PER_SHEET = COLUMNS * ROWS
PAD = 0.09 * inch


@dataclass(frozen=True)
class Label:
    item_id: int
    sku: str
    name: str
    what: str  # "1 each", "box of 100"
    code: str  # what the barcode encodes


def labels_for(db: Database, item_ids: list[int] | None = None) -> list[Label]:
    """One label per barcode of each item (its single-unit code and each pack's), in catalog order.
    An item with no single-unit barcode gets one that encodes its SKU, which a scan also finds."""
    with db.read() as s:
        q = select(Item).where(Item.active.is_(True)).order_by(Item.category, Item.name)
        if item_ids is not None:
            q = q.where(Item.id.in_(item_ids))
        items = s.scalars(q).all()
        codes = s.execute(
            select(Barcode.item_id, Barcode.code, PackSize.name, PackSize.units)
            .outerjoin(PackSize, PackSize.id == Barcode.pack_size_id)
            .order_by(PackSize.units.is_not(None), PackSize.units, Barcode.id)
        ).all()
    out = []
    for item in items:
        mine = [c for c in codes if c.item_id == item.id]
        if not any(c.name is None for c in mine):
            out.append(Label(item.id, item.sku, item.name, f"1 {item.unit}", item.sku))
        for c in mine:
            what = f"1 {item.unit}" if c.name is None else tr("{pack} of {units:,}").format(pack=c.name, units=c.units)
            out.append(Label(item.id, item.sku, item.name, what, c.code))
    return out


def _fit(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _barcode(code: str, width: float) -> Code128:
    from reportlab.graphics.barcode.code128 import Code128

    """The widest bars that fit: wider bars scan more easily off a shelf edge."""
    for mils in (15, 13, 11, 10, 9, 8, 7):
        bars = Code128(
            code,
            barWidth=mils / 1000 * inch,
            barHeight=0.36 * inch,
            humanReadable=False,
            quiet=True,
            lquiet=0.1 * inch,
            rquiet=0.1 * inch,
        )
        if bars.width <= width:
            return bars
    raise UserError(tr("barcode {code!r} is too long to fit on a 2⅝-inch label").format(code=code))


def write_labels(path: str | Path, labels: list[Label], *, copies: int = 1, skip: int = 0) -> int:
    """Write the sheet(s); `skip` leaves that many labels blank on a partly used first sheet.
    Returns the number of pages."""
    if not labels:
        raise UserError(tr("choose at least one item to print labels for"))
    if not 1 <= copies <= 300:
        raise UserError(tr("copies: 1 to 300 of each label"))
    if not 0 <= skip < PER_SHEET:
        raise UserError(tr("labels already used on the first sheet: 0 to {x}").format(x=PER_SHEET - 1))
    path = Path(path)
    from reportlab.pdfgen.canvas import Canvas

    with written(path) as temp:
        return _draw(Canvas(str(temp), pagesize=letter), labels, copies, skip)


def _draw(canvas, labels: list, copies: int, skip: int) -> int:
    canvas.setTitle(tr("Shelf labels"))
    canvas.setAuthor("hrsupply")
    _, page_h = letter
    slots = [None] * skip + [label for label in labels for _ in range(copies)]
    pages = 0
    for start in range(0, len(slots), PER_SHEET):
        pages += 1
        for n, label in enumerate(slots[start : start + PER_SHEET]):
            if label is None:
                continue
            col, row = n % COLUMNS, n // COLUMNS
            x = LEFT + col * PITCH_X
            top = page_h - TOP - row * PITCH_Y
            inner = LABEL_W - 2 * PAD
            canvas.setFont("Helvetica-Bold", 8.5)
            canvas.drawString(x + PAD, top - PAD - 7, _fit(label.name, "Helvetica-Bold", 8.5, inner))
            canvas.setFont("Helvetica", 7)
            canvas.drawString(x + PAD, top - PAD - 16, _fit(f"{label.what} · {label.sku}", "Helvetica", 7, inner))
            bars = _barcode(label.code, inner)
            bottom = top - LABEL_H
            bars.drawOn(canvas, x + (LABEL_W - bars.width) / 2, bottom + 0.17 * inch)
            canvas.setFont("Courier", 7)  # the code in print, for typing it when a scan fails
            canvas.drawCentredString(x + LABEL_W / 2, bottom + 0.08 * inch, label.code)
        canvas.showPage()
    canvas.save()
    return pages
