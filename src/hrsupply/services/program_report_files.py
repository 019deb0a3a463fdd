"""The program report as files: a long CSV for the program's own use (every figure, nothing
suppressed), and for funders a workbook (a summary, one sheet per table, a chart sheet) and a PDF
(a summary page with the chart, then the tables), the program's name on every page. In the
workbook and the PDF (and the CSV written `outside`), a count of a few people shows as "<5" when
the setting says so, and "*" hides what would let one be worked back.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from hrsupply.files import write_text, written
from hrsupply.i18n import tr
from hrsupply.services.cells import csv_field, printable, text
from hrsupply.services.program_report import PEOPLE, PER, ProgramReport
from hrsupply.steps import Steps, step

MAIN = (
    "visits",
    "unique_participants",
    "syringes_out",
    "naloxone_kits_out",
    "reversals_reported",
    "syringes_returned",
)
HEADER = ["measure", "category", "location", "period", "value"]
NARROWEST = 40  # points: "12,345" and a short month in 6.5-point type


def legend(report: ProgramReport) -> str:
    """What "<5" and "*" mean, for under a table that shows them."""
    text = tr("“<5”: fewer than five people, not shown.")
    if "*" in report.hidden.values():
        text += " " + tr("“*”: not shown, so that no “<5” can be worked out from the figures beside it.")
    return text


def write_csv(path_or_file, report: ProgramReport, *, outside: bool = False) -> None:
    """measure,category,location,period,value: every figure for the whole period (period ALL) per
    location and ALL, and over several months each month's. `outside`: suppressed as the workbook."""

    def write(out) -> None:
        rows = csv.writer(out, lineterminator="\n")
        rows.writerow(HEADER)
        for *key, value in report.long_rows(outside=outside):
            value = round(value, 4) if isinstance(value, float) else value
            rows.writerow([csv_field(v) for v in (*key, "" if value is None else value)])

    write_text(path_or_file, write)


def _title(report: ProgramReport, program: str) -> tuple[str, str]:
    return tr("Program report"), f"{program} · {report.place} · {report.period}"


def _summary(report: ProgramReport) -> list:
    """The figures a funder reads first, for the whole period, named with their table's name."""
    wanted = {m for m, _ in PEOPLE} | set(MAIN) | {"naloxone_doses_out", "secondary_reach", "syringes_out_in_kits"}
    return [
        line
        if line.section == "People"
        else replace(line, label=f"{tr(line.section)}: {line.label[:1].lower()}{line.label[1:]}")
        for line in report.lines
        if not line.category and line.measure in wanted
    ]


def write_xlsx(
    path: str | Path, report: ProgramReport, *, program: str, suppress: bool, steps: Steps | None = None
) -> Path:
    """The workbook: a Summary sheet, a sheet per section, the Chart. `steps` may cancel between
    sheets; the file is written whole at the end, so a cancelled export leaves nothing."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from hrsupply.services.exports import HEADER_FILL

    path = Path(path)
    title, subtitle = _title(report, program)
    book = Workbook()
    columns = report.table_columns()

    def sheet(name: str, lines, heading: str, cols):
        ws = book.create_sheet(name[:31])
        ws["A1"], ws["A2"] = heading, printable(subtitle)
        ws["A1"].font = Font(bold=True, size=14)
        text(ws["A1"]), text(ws["A2"])
        ws.cell(4, 1, tr("Figure")).font = Font(bold=True)
        ws.cell(4, 1).fill = HEADER_FILL
        ws.column_dimensions["A"].width = 48
        for n, column in enumerate(cols, start=2):
            cell = text(ws.cell(4, n, column.label))
            cell.font, cell.fill = Font(bold=True), HEADER_FILL
            cell.alignment = Alignment(horizontal="right")
            ws.column_dimensions[cell.column_letter].width = 12
        for r, line in enumerate(lines, start=5):
            text(ws.cell(r, 1, printable(line.label)))
            for n, column in enumerate(cols, start=2):
                shown = report.shown(column, line, outside=suppress)
                value = report.value(column, line)
                cell = ws.cell(r, n)
                if value is None:
                    text(cell).value = shown or None  # "—": a share of nothing received
                    cell.alignment = Alignment(horizontal="right")
                    continue
                if shown in ("<5", "*"):
                    text(cell).value = shown  # suppressed: a word, never the figure
                    cell.alignment = Alignment(horizontal="right")
                elif isinstance(value, float):
                    cell.value, cell.number_format = value, "0.0" if line.measure in PER else "0.0%"
                else:
                    cell.value, cell.number_format = value, "#,##0"
            ws.cell(r, len(cols) + 1).font = Font(bold=True)  # the total
        ws.freeze_panes = "B5"
        ws.print_title_rows = "4:4"
        ws.page_setup.orientation = "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToHeight = 0
        ws.oddFooter.center.text = f"{program} · {title} · {report.period}"
        return ws

    book.remove(book.active)
    sheet(tr("Summary"), _summary(report), title, [report.total()])
    sections = report.sections()
    for n, (section, lines) in enumerate(sections.items()):
        step(steps, n, len(sections) + 1, tr("Writing {section}…").format(section=tr(section)))
        sheet(tr(section).replace(",", ""), lines, f"{title}: {tr(section)}", columns)
    labels, chart_data = report.chart(outside=suppress)
    if suppress and report.hidden:
        ws = book["Summary"]
        text(ws.cell(ws.max_row + 2, 1, legend(report)))
    if labels:
        _xlsx_chart(book, report, title, labels, chart_data)
    step(steps, len(sections), len(sections) + 1, tr("Saving the file…"))
    with written(path) as temp:
        book.save(temp)
    return path


def _xlsx_chart(book, report: ProgramReport, title: str, labels: list[str], chart_data) -> None:
    """The Chart sheet: the main figures by month (one month: by week), as a table and a line chart."""
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Font

    ws = book.create_sheet("Chart")
    by = tr("by month") if len(report.months) > 1 else tr("by week")
    ws["A1"] = f"{title}: {tr('the main figures')} {by}"
    ws["A1"].font = Font(bold=True, size=14)
    ws.cell(3, 1, tr("Month") if len(report.months) > 1 else tr("Week")).font = Font(bold=True)
    for n, (name, _values) in enumerate(chart_data, start=2):
        text(ws.cell(3, n, name)).font = Font(bold=True)
    for r, label in enumerate(labels, start=4):
        text(ws.cell(r, 1, label))
        for n, (_name, values) in enumerate(chart_data, start=2):
            ws.cell(r, n, values[r - 4])
    chart = LineChart()
    chart.title, chart.y_axis.title, chart.height, chart.width = by.capitalize(), tr("Count"), 9, 18
    chart.add_data(
        Reference(ws, min_col=2, max_col=1 + len(chart_data), min_row=3, max_row=3 + len(labels)),
        titles_from_data=True,
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=4, max_row=3 + len(labels)))
    ws.add_chart(chart, f"A{len(labels) + 6}")


def _chart(report: ProgramReport, width: float, height: float, *, outside: bool):
    """The main figures by month (one month: by week) as a line chart (ReportLab graphics)."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    labels, data = report.chart(outside=outside)
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 230, height - 50
    chart.data = [values for _name, values in data]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    palette = [colors.HexColor(c) for c in ("#1f4e79", "#c0504d", "#2e7d32", "#8e6c00", "#6a1b9a")]
    for n in range(len(data)):
        chart.lines[n].strokeColor = palette[n % len(palette)]
        chart.lines[n].strokeWidth = 1.6
    legend = Legend()
    legend.x, legend.y, legend.fontSize = width - 170, height - 25, 8
    legend.alignment, legend.columnMaximum, legend.deltay = "right", len(data), 14
    legend.colorNamePairs = [(palette[n % len(palette)], name) for n, (name, _v) in enumerate(data)]
    drawing.add(chart)
    drawing.add(legend)
    return drawing


def write_pdf(
    path: str | Path, report: ProgramReport, *, program: str, suppress: bool, steps: Steps | None = None
) -> Path:
    """The printed report; `steps` may cancel before the pages are laid out (nothing written)."""
    from reportlab.lib.units import inch
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    from hrsupply.services.pdf import GRID, PAGE, build, document, text_styles

    path = Path(path)
    title, subtitle = _title(report, program)
    styles, small = text_styles(8)
    doc = document(path, f"{title} — {program}")
    usable = PAGE[0] - 1.0 * inch
    story = [
        Paragraph(tr("<b>{title}</b>").format(title=title), styles["Title"]),
        Paragraph(subtitle, styles["Normal"]),
        Spacer(1, 8),
    ]

    def table(lines, cols):
        many = len(cols) > 8  # a year at every location: 16 columns of figures
        label_width = (2.3 if many else 2.9) * inch
        width = min(0.95 * inch, (usable - label_width) / len(cols))  # never below NARROWEST: see pieces
        head = small.clone("head", fontName="Helvetica-Bold", alignment=2, fontSize=6.5 if many else 8)
        rows = [[tr("Figure"), *(Paragraph(c.label, head) for c in cols)]]
        rows += [[Paragraph(l.label, small), *(report.shown(c, l, outside=suppress) for c in cols)] for l in lines]
        t = Table(rows, repeatRows=1, colWidths=[label_width] + [width] * len(cols))
        t.setStyle(
            TableStyle(
                GRID
                + [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("FONTNAME", (-1, 1), (-1, -1), "Helvetica-Bold"),
                ]
            )
        )
        return t

    story.append(table(_summary(report), [report.total()]))
    if report.chart(outside=suppress)[0]:
        story += [Spacer(1, 12), _chart(report, usable, 2.6 * inch, outside=suppress)]
    if suppress and report.hidden:
        story += [Spacer(1, 6), Paragraph(escape(legend(report)), small)]
    story.append(PageBreak())
    # Columns that do not fit across the page go on in another table below (years of months
    # at every location: pages across), each with the figures' names.
    columns = report.table_columns()
    across = max(1, int((usable - 2.3 * inch) // NARROWEST))
    pieces = [columns[n : n + across] for n in range(0, len(columns), across)]
    sections = report.sections()
    for done, (section, lines) in enumerate(sections.items()):
        step(steps, done, len(sections) + 1, tr("Writing {section}…").format(section=tr(section)))
        for n, piece in enumerate(pieces):
            heading = tr(section) if n == 0 else tr("{section} (continued)").format(section=tr(section))
            story.append(KeepTogether([Paragraph(f"<b>{heading}</b>", styles["Heading3"]), table(lines, piece)]))
            story.append(Spacer(1, 8))
    step(steps, len(sections), len(sections) + 1, tr("Laying out the pages…"))
    build(doc, story, f"{program} · {title} · {report.place} · {report.period}", steps)
    return path
