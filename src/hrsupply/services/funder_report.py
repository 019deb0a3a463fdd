"""A funder's report: the program report's figures for the whole period at all locations, each
field of a template (services/funder_templates.py) worked out by its rule and labelled in the
funder's words. Small counts of people are suppressed as in the program report, with its
complementary suppression; a figure worked out from a hidden one is hidden too ("*")."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from hrsupply.db import Database
from hrsupply.files import write_text, written
from hrsupply.i18n import language, period, tr
from hrsupply.services import program, program_report
from hrsupply.services.cells import csv_field, printable, text
from hrsupply.services.funder_templates import Field, Template
from hrsupply.services.program_report import Line, ProgramReport
from hrsupply.steps import Steps

HEADER = ("field", "label", "value")


@dataclass(frozen=True)
class Figure:
    field: str  # the template's id for it
    label: str  # in the funder's words, in the language in use
    value: float | str | None  # a number, a class's label, or None (nothing to divide by)
    shown: str  # as printed: "1,211", "97.5%", "<5", "*", "—"


@dataclass
class FunderReport:
    template: Template
    start: date
    end: date
    program: str
    figures: list[Figure]
    suppressed: bool

    @property
    def period(self) -> str:
        return period(self.start, self.end)


def build(
    db: Database, user: str, template: Template, start: date, end: date, steps: Steps | None = None
) -> FunderReport:
    """The template's figures for `start`..`end` (the dates as given; the window snaps them)."""
    report = program_report.build(db, user, start, end, None, steps)
    suppress = bool(program.get(db, "small_count_suppression"))
    figures = [_figure(report, f, suppress) for f in template.fields]
    return FunderReport(template, start, end, program.letterhead(db), figures, suppress)


def _figure(report: ProgramReport, field: Field, suppress: bool) -> Figure:
    total = report.total()
    key = program_report._key(total)
    parts, hidden = [], []
    for measure, category in field.measures:
        if category == "*":
            found = [(c, v) for (k, m, c), v in report.values.items() if k == key and m == measure] or [("", 0)]
        else:
            found = [(category, report.value(total, Line("", "", measure, category)))]
        for cat, value in found:
            parts.append(value)
            mark = report.hidden.get((key, measure, cat)) if suppress else None
            if mark:
                hidden.append(mark)
    if field.rule == "ratio":
        top, bottom = parts[0], parts[-1]
        value = None if not bottom or top is None else round(top / bottom, field.decimals)
        shown = "—" if value is None else f"{value:,.{field.decimals}f}"
    else:
        value = sum(v or 0 for v in parts) if any(v is not None for v in parts) else None
        if field.rule == "class" and value is not None:
            reached = [c for c in field.classes if value >= c[0]] or field.classes[:1]
            value = reached[-1][2] if language() == "es" else reached[-1][1]
            shown = value
        elif isinstance(value, float):
            value = round(value, field.decimals)
            shown = f"{value:,.{field.decimals}f}"
        else:
            shown = "—" if value is None else f"{value:,}"
    if hidden:  # one hidden figure alone keeps its own mark; worked out of hidden ones: "*"
        shown = hidden[0] if len(parts) == 1 and field.rule == "sum" else "*"
        value = shown
    return Figure(field.id, field.said(), value, shown)


def write_csv(path_or_file, funder: FunderReport) -> None:
    """field,label,value: a figure a line, as sent (suppressed figures as "<5" or "*")."""

    def write(out) -> None:
        rows = csv.writer(out, lineterminator="\n")
        rows.writerow(HEADER)
        for f in funder.figures:
            rows.writerow([csv_field(v) for v in (f.field, f.label, "" if f.value is None else f.value)])

    write_text(path_or_file, write)


def _heading(funder: FunderReport) -> tuple[str, str]:
    t = funder.template
    sub = tr("{program} · {period}").format(program=funder.program, period=funder.period)
    return t.said(), sub + (f" · {t.funder}" if t.funder else "")


def _legend(funder: FunderReport) -> str | None:
    if any(f.shown in ("<5", "*") for f in funder.figures):
        return tr("<5: from 1 to 4 people. *: hidden so that a <5 cannot be worked back.")
    return None


def write_xlsx(path: str | Path, funder: FunderReport) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from hrsupply.services.exports import HEADER_FILL

    path, (title, subtitle) = Path(path), _heading(funder)
    book = Workbook()
    ws = book.active
    ws.title = funder.template.name[:31]
    text(ws.cell(1, 1, printable(title))).font = Font(bold=True, size=14)
    text(ws.cell(2, 1, printable(subtitle)))
    for n, heading in enumerate((tr("Field"), tr("Figure"), tr("Value")), start=1):
        cell = ws.cell(4, n, heading)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for r, f in enumerate(funder.figures, start=5):
        text(ws.cell(r, 1, f.field))
        text(ws.cell(r, 2, printable(f.label)))
        cell = ws.cell(r, 3)
        if isinstance(f.value, int):
            cell.value, cell.number_format = f.value, "#,##0"
        elif isinstance(f.value, float):
            cell.value, cell.number_format = f.value, "#,##0." + "0" * max(1, len(f.shown.split(".")[-1]))
        else:
            text(cell).value = f.shown
        cell.alignment = Alignment(horizontal="right")
    if legend := _legend(funder):
        text(ws.cell(len(funder.figures) + 6, 1, legend))
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 26, 60, 16
    ws.freeze_panes = "A5"
    with written(path) as temp:
        book.save(temp)
    return path


def write_pdf(path: str | Path, funder: FunderReport) -> Path:
    from reportlab.lib.units import inch
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from hrsupply.services.pdf import GRID, PAGE, build, document, text_styles

    path, (title, subtitle) = Path(path), _heading(funder)
    styles, small = text_styles(9)
    doc = document(path, f"{title} — {funder.program}", pagesize=(PAGE[1], PAGE[0]))  # portrait
    width = PAGE[1] - 1.0 * inch
    rows = [[tr("Figure"), tr("Value")]] + [[Paragraph(escape(f.label), small), f.shown] for f in funder.figures]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    # The value column as wide as its widest value: a size class is words ("medium (10,000 to 55,000)").
    values = max(1.5 * inch, *(stringWidth(f.shown, "Helvetica", 9) + 12 for f in funder.figures))
    table = Table(rows, repeatRows=1, colWidths=[width - values, values])
    table.setStyle(
        TableStyle(
            GRID
            + [
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story = [
        Paragraph(f"<b>{escape(title)}</b>", styles["Title"]),
        Paragraph(escape(subtitle), styles["Normal"]),
        Spacer(1, 10),
        table,
    ]
    if legend := _legend(funder):
        story += [Spacer(1, 6), Paragraph(escape(legend), small)]
    build(doc, story, f"{funder.program} · {title} · {funder.period}")
    return path
