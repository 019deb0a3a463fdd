"""A table of figures written as a spreadsheet or a PDF: the order sheet and the reconciliation.

A `Report` declares its columns once (title, kind, width, whether it is totalled), so the
spreadsheet and the PDF always say the same thing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from hrsupply.files import written
from hrsupply.i18n import tr
from hrsupply.services.cells import printable, text
from hrsupply.services.pdf import GRID, PAGE, SHORT, build, document, text_styles
from hrsupply.services.report import Column, Report  # noqa: F401 - the writers' input, named here too

FORMATS = {"int": "#,##0", "signed": "+#,##0;-#,##0;0", "decimal": "#,##0.0", "date": "yyyy-mm-dd", "text": "@"}
HEADER_FILL = PatternFill("solid", fgColor="E8EEF5")
HIGHLIGHT_FILL = PatternFill("solid", fgColor="FDE2E1")


def _cell_text(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == "int":
        return f"{value:,}"
    if kind == "signed":
        return f"{value:+,}" if value else "0"
    if kind == "decimal":
        return f"{value:,.1f}"
    if kind == "date":
        return f"{value:%Y-%m-%d}" if isinstance(value, date) else str(value)
    return str(value)


def write_xlsx(path: str | Path, report: Report) -> Path:
    """Title and subtitle on top, a bold header row frozen under them with a filter, number
    formats per column, a bold totals row."""
    path = Path(path)
    book = Workbook()
    ws = book.active
    ws.title = report.title[:31]
    ws["A1"] = report.title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = printable(report.subtitle)
    text(ws["A1"]), text(ws["A2"])
    header_row = 4
    ws.row_dimensions[header_row].height = 30  # two lines: readers do not grow wrapped rows by themselves
    for n, col in enumerate(report.columns, start=1):
        cell = text(ws.cell(header_row, n, col.title))
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="left" if col.kind == "text" else "right"
        )
        ws.column_dimensions[get_column_letter(n)].width = col.width
    for r, row in enumerate(report.rows, start=header_row + 1):
        for n, (col, value) in enumerate(zip(report.columns, row), start=1):
            cell = text(ws.cell(r, n, printable(value)))
            cell.number_format = FORMATS[col.kind]
            if (r - header_row - 1) in report.highlight:
                cell.fill = HIGHLIGHT_FILL
    for r, totals in enumerate(report.totals(), start=header_row + len(report.rows) + 1):
        for n, (col, value) in enumerate(zip(report.columns, totals), start=1):
            cell = text(ws.cell(r, n, value))
            cell.font = Font(bold=True)
            if col.kind != "text":
                cell.number_format = FORMATS[col.kind]
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    last = get_column_letter(len(report.columns))
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row + len(report.rows)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    with written(path) as temp:
        book.save(temp)
    return path


def write_pdf(path: str | Path, report: Report, *, footer: str = "") -> Path:
    """US Letter landscape, the header row repeated on every page, page N of M."""
    path = Path(path)
    styles, small = text_styles(8)
    doc = document(path, report.title)
    usable = PAGE[0] - 1.0 * inch
    scale = usable / sum(c.width for c in report.columns)
    head = small.clone("head", fontName="Helvetica-Bold", fontSize=7.5, leading=9)
    rows = [
        [
            Paragraph(c.title, head.clone(f"h{n}", alignment=0 if c.kind == "text" else 2))
            for n, c in enumerate(report.columns)
        ]
    ]
    for row in report.rows:
        rows.append(
            [
                Paragraph(_cell_text(v, c.kind), small) if c.kind == "text" else _cell_text(v, c.kind)
                for c, v in zip(report.columns, row)
            ]
        )
    totals = report.totals()
    for total in totals:
        rows.append([_cell_text(v, c.kind) if v is not None else "" for c, v in zip(report.columns, total)])
    table = Table(rows, repeatRows=1, colWidths=[c.width * scale for c in report.columns])
    style = GRID + [
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("ALIGN", (n, 0), (n, -1), "RIGHT") for n, c in enumerate(report.columns) if c.kind != "text"]
    style += [("BACKGROUND", (0, n + 1), (-1, n + 1), SHORT) for n in report.highlight]
    if totals:
        style += [
            ("FONTNAME", (0, -len(totals)), (-1, -1), "Helvetica-Bold"),
            ("LINEABOVE", (0, -len(totals)), (-1, -len(totals)), 1.2, colors.black),
        ]
    table.setStyle(TableStyle(style))
    story = [
        Paragraph(tr("<b>{report_title}</b>").format(report_title=report.title), styles["Title"]),
        Paragraph(report.subtitle, styles["Normal"]),
        Spacer(1, 0.12 * inch),
        table,
    ]
    if report.note:
        story += [Spacer(1, 0.12 * inch), Paragraph(report.note, styles["Normal"])]
    build(doc, story, footer or f"{report.title} · {report.subtitle}")
    return path
