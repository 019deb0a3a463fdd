"""The van's printed sheets, US Letter landscape with page N of M: the load-out sheet (pick list:
a check box per line, lots to take earliest expiry first, shortfalls highlighted, crew and
signature lines) and the van reconciliation."""

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from hrsupply.i18n import long_date, tr
from hrsupply.i18n import period as i18n_period
from hrsupply.services.catalog import in_units
from hrsupply.services.closeout import VanLine
from hrsupply.services.loadout import PickLine
from hrsupply.services.pdf import GRID, SHORT, CheckBox, build, document, text_styles


def write_pick_sheet(
    path: str | Path,
    *,
    program: str,
    title: str,
    from_name: str,
    to_name: str,
    day: date,
    lines: list[PickLine],
    crew: str | None = None,
) -> Path:
    path = Path(path)
    styles, small = text_styles()
    doc = document(path, f"{title} — {to_name}")
    story = [
        Paragraph(tr("<b>{title}</b> — {to_name}").format(title=title, to_name=to_name), styles["Title"]),
        Paragraph(
            tr("{program} &nbsp;·&nbsp; {day} &nbsp;·&nbsp; from {from_name}").format(
                program=program, day=long_date(day, weekday=True), from_name=from_name
            ),
            styles["Normal"],
        ),
        Paragraph(tr("Crew: {x}").format(x=crew or "_" * 60), styles["Normal"]),
        Spacer(1, 0.12 * inch),
    ]
    header = [
        "✓",
        tr("Item"),
        tr("Pack"),
        tr("Par"),
        tr("On hand"),
        tr("To load"),
        tr("Lots to take (expiry)"),
        tr("Short"),
    ]
    rows = [header]
    shortfalls = []
    for n, line in enumerate(lines, start=1):
        lots = (
            "<br/>".join(
                f"{lot.lot} ({lot.expiry:%Y-%m-%d}): <b>{lot.quantity:,}</b>" if lot.lot else f"<b>{lot.quantity:,}</b>"
                for lot in line.lots
            )
            or "—"
        )
        if line.expired_here:
            lots += (
                "<br/><font color='#9b1c1c'>Expired here, bring back: "
                + ", ".join(f"{lot.lot} ×{lot.quantity:,}" for lot in line.expired_here)
                + "</font>"
            )
        rows.append(
            [
                CheckBox(),
                Paragraph(
                    tr("{line_name}<br/><font size=7 color='#555555'>{line_sku}</font>").format(
                        line_name=line.name, line_sku=line.sku
                    ),
                    small,
                ),
                Paragraph(line.pack_hint, small),
                f"{line.par:,}",
                f"{line.on_hand:,}",
                f"{line.to_load:,}",
                Paragraph(lots, small),
                f"{line.short:,}" if line.short else "",
            ]
        )
        if line.short:
            shortfalls.append(n)
    table = Table(
        rows,
        repeatRows=1,
        colWidths=[0.35 * inch, 3.0 * inch, 1.0 * inch, 0.65 * inch, 0.75 * inch, 0.75 * inch, 2.9 * inch, 0.6 * inch],
    )
    style = GRID + [
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("ALIGN", (3, 0), (5, -1), "RIGHT"),
        ("ALIGN", (7, 0), (7, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    style += [("BACKGROUND", (0, n), (-1, n), SHORT) for n in shortfalls]
    style += [("FONTNAME", (7, n), (7, n), "Helvetica-Bold") for n in shortfalls]
    table.setStyle(TableStyle(style))
    total = in_units((line.unit, line.to_load) for line in lines)
    story += [
        table,
        Spacer(1, 0.15 * inch),
        Paragraph(
            tr("{n} line{x} to load: {total}").format(n=len(lines), x="s" if len(lines) != 1 else "", total=total)
            + (
                tr(" · <b>{n} short</b> (highlighted: the source does not have enough)").format(n=len(shortfalls))
                if shortfalls
                else ""
            ),
            styles["Normal"],
        ),
        Spacer(1, 0.35 * inch),
    ]
    signatures = Table(
        [
            [tr("Loaded by: ______________________________"), tr("Checked by: ______________________________")],
            [tr("Time: ____________"), tr("Time: ____________")],
        ],
        colWidths=[4.9 * inch, 4.9 * inch],
    )
    story.append(signatures)
    footer = f"{to_name} · {title.lower()} · {day:%Y-%m-%d}"
    build(doc, story, footer)
    return path


def write_van_reconciliation(
    path: str | Path, *, program: str, van_name: str, start: date, end: date, lines: list[VanLine]
) -> Path:
    """Per item: start, loaded, handed out, adjusted, expected, counted, variance (highlighted, with
    the reason given), returned, end."""
    path = Path(path)
    styles, small = text_styles()
    period = long_date(start, weekday=True) if start == end else i18n_period(start, end)
    doc = document(path, tr("Van reconciliation — {van_name}").format(van_name=van_name))
    right = small.clone("right", alignment=TA_RIGHT)  # "not counted" wraps in its narrow cell
    story = [
        Paragraph(tr("<b>Van reconciliation</b> — {van_name}").format(van_name=van_name), styles["Title"]),
        Paragraph(tr("{program} &nbsp;·&nbsp; {period}").format(program=program, period=period), styles["Normal"]),
        Spacer(1, 0.12 * inch),
    ]
    rows = [
        [
            tr("Item"),
            tr("Start"),
            tr("Loaded"),
            tr("Handed\nout"),
            tr("Adjusted"),
            tr("Expected"),
            tr("Counted"),
            tr("Variance"),
            tr("Returned"),
            tr("End"),
            tr("Why it differs"),
        ]
    ]
    off = []
    for n, l in enumerate(lines, start=1):
        rows.append(
            [
                Paragraph(
                    tr("{l_name}<br/><font size=7 color='#555555'>{l_sku}</font>").format(l_name=l.name, l_sku=l.sku),
                    small,
                ),
                f"{l.start:,}",
                f"{l.loaded:,}",
                f"{l.handed_out:,}",
                f"{l.adjusted:+,}" if l.adjusted else "0",
                f"{l.expected:,}",
                Paragraph(tr("not<br/>counted"), right) if l.counted is None else f"{l.counted:,}",
                f"{l.variance:+,}" if l.variance else "0",
                f"{l.returned:,}",
                f"{l.end:,}",
                Paragraph(l.reasons, small),
            ]
        )
        if l.variance:
            off.append(n)
    table = Table(rows, repeatRows=1, colWidths=[2.4 * inch] + [0.7 * inch] * 9 + [1.3 * inch])
    style = GRID + [
        ("ALIGN", (1, 0), (9, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
    ]
    style += [("BACKGROUND", (0, n), (-1, n), SHORT) for n in off]
    style += [("FONTNAME", (7, n), (7, n), "Helvetica-Bold") for n in off]
    table.setStyle(TableStyle(style))
    story += [
        table,
        Spacer(1, 0.15 * inch),
        Paragraph(
            tr("{n} items · {n2} with a variance (highlighted)").format(n=len(lines), n2=len(off)), styles["Normal"]
        ),
    ]
    build(
        doc,
        story,
        f"{van_name} · van reconciliation · {start:%Y-%m-%d}" + (f" to {end:%Y-%m-%d}" if end != start else ""),
    )
    return path
