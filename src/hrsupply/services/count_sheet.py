"""The printed count sheet: one line per item and lot to count, by category, with blank boxes for
the figures. The blind sheet leaves out what the records expect, so counters count what is there."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from hrsupply.i18n import long_date, tr
from hrsupply.services.counts import CountInfo, CountRow
from hrsupply.services.pdf import GRID, KeptTable, build, document, text_styles

CATEGORY = colors.HexColor("#f3f4f6")
BLANK_LINES = 6  # for what is on the shelf but not on the sheet


def write_count_sheet(path: str | Path, *, program: str, count: CountInfo, rows: list[CountRow], blind: bool) -> Path:
    path = Path(path)
    styles, small = text_styles()
    doc = document(path, tr("Count sheet — {count_location_name}").format(count_location_name=count.location_name))
    story = [
        Paragraph(
            tr("<b>Count sheet</b> — {count_location_name}").format(count_location_name=count.location_name),
            styles["Title"],
        ),
        Paragraph(
            tr(
                "{program} &nbsp;·&nbsp; Count {count_id} &nbsp;·&nbsp; {count_scope} &nbsp;·&nbsp; started {started}"
            ).format(
                program=program, count_id=count.id, count_scope=count.scope_shown, started=long_date(count.started_at)
            )
            + (tr(" &nbsp;·&nbsp; <b>blind count</b>") if blind else ""),
            styles["Normal"],
        ),
        Paragraph(
            tr(
                "Count every unit on the shelf, including opened boxes. Write 0 when there is none. "
                "Lot-tracked items: count each lot on its own line."
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.12 * inch),
    ]
    header = (
        [tr("Item"), tr("Unit"), tr("Lot"), tr("Expiry")]
        + ([] if blind else [tr("Expected")])
        + [tr("Counted"), tr("Notes")]
    )
    table_rows = [header]
    style = list(GRID)
    category = None
    for r in rows:
        if r.category != category:
            category = r.category
            table_rows.append(
                [Paragraph(tr("<b>{category}</b>").format(category=category), small)] + [""] * (len(header) - 1)
            )
            n = len(table_rows) - 1
            style += [("SPAN", (0, n), (-1, n)), ("BACKGROUND", (0, n), (-1, n), CATEGORY)]
        lot = r.lot or ("lot: ____________" if r.lot_tracked else "")
        line = [
            Paragraph(
                tr("{r_name}<br/><font size=7 color='#555555'>{r_sku}</font>").format(r_name=r.name, r_sku=r.sku), small
            ),
            r.unit,
            lot,
            f"{r.expiry:%Y-%m-%d}" if r.expiry else ("________" if r.lot_tracked else ""),
        ]
        if not blind:
            line.append(f"{r.expected:,}")
        table_rows.append(line + ["", ""])
    table_rows.append(
        [Paragraph(tr("<b>Found on the shelf but not listed above</b>"), small)] + [""] * (len(header) - 1)
    )
    n = len(table_rows) - 1
    style += [("SPAN", (0, n), (-1, n)), ("BACKGROUND", (0, n), (-1, n), CATEGORY)]
    table_rows += [[""] * len(header) for _ in range(BLANK_LINES)]
    # The signatures are the table's last row, so a page break never leaves them on a page alone.
    signatures = Table(
        [
            [tr("Counted by: ______________________________"), tr("Checked by: ______________________________")],
            [tr("Date and time: ____________________"), tr("Date and time: ____________________")],
        ],
        colWidths=[4.9 * inch, 4.9 * inch],
    )
    table_rows.append([signatures] + [""] * (len(header) - 1))
    style += [("SPAN", (0, -1), (-1, -1)), ("TOPPADDING", (0, -1), (-1, -1), 14)]
    widths = (
        [3.3 * inch, 0.8 * inch, 1.3 * inch, 0.95 * inch]
        + ([] if blind else [0.85 * inch])
        + [1.0 * inch, 1.8 * inch + (0.85 * inch if blind else 0)]
    )
    heights = [None] + [22] * (len(table_rows) - 2) + [None]
    # A page break leaves for the last page the blank lines with their caption, the signatures and
    # at least three items: never a lone row.
    table = KeptTable(table_rows, repeatRows=1, colWidths=widths, rowHeights=heights, least=BLANK_LINES + 5)
    counted_col = len(header) - 2
    style += [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("ALIGN", (counted_col - (0 if blind else 1), 1), (counted_col, -1), "RIGHT"),
        ("LINEAFTER", (counted_col - 1, 0), (counted_col, -1), 1.2, colors.black),
    ]
    table.setStyle(TableStyle(style))
    story.append(table)
    build(doc, story, f"{count.location_name} · count {count.id} · {count.scope}" + (" · blind" if blind else ""))
    return path
