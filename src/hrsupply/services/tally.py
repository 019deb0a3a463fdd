"""Tally sheets for outreach without a laptop: print a blank sheet, then enter a shift's tallies.

A shift's tallies become anonymous visits at the shift's location and date: one visit per
tallied visit (marked as from a tally sheet), the handouts, returns and referrals on the first,
and one naloxone refill reason per visit. Totals for funders come out the same as if each visit
had been entered at the desk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.files import written
from hrsupply.i18n import long_date, tr
from hrsupply.models import Item, Location, ParLevel, Visit, VisitReferral
from hrsupply.services import program
from hrsupply.services.access import check_date, require
from hrsupply.services.bounds import check_people, check_units
from hrsupply.services.catalog import is_naloxone
from hrsupply.services.ledger import Move, post_all
from hrsupply.services.returns import syringes_for
from hrsupply.services.visits import Line

SHIFT_TIME = time(12, 0)  # after the morning load-out, before the close-out count


@dataclass
class TallyForm:
    location_id: int
    day: date
    visits: int
    lines: list[Line] = field(default_factory=list)
    syringes_returned: int = 0
    returned_grams: int | None = None  # weighed at the close of the shift: the count is the weight's
    naloxone_reasons: dict[str, int] = field(default_factory=dict)
    reversals_reported: int = 0
    referrals: dict[str, int] = field(default_factory=dict)


def record_tally(db: Database, user: str, form: TallyForm) -> list[int]:
    """Post a shift's tallies in one transaction; returns the ids of the visits it made."""
    refills = sum(form.naloxone_reasons.values())
    if form.visits < 1:
        raise UserError(tr("a tally sheet needs at least 1 visit"))
    check_people(form.visits, tr("visits"))
    for what, n in (
        ("syringes returned", form.syringes_returned),
        ("reversals reported", form.reversals_reported),
        ("naloxone refills", refills),
        *form.referrals.items(),
    ):
        check_people(n, what)
    for line in form.lines:
        check_units(line.quantity, tr("each tallied item's quantity"))
    if refills > form.visits:
        visits = f"{form.visits} visit" + ("" if form.visits == 1 else "s")
        raise UserError(
            tr("{refills} naloxone refills were tallied but only {visits}").format(refills=refills, visits=visits)
        )
    at = datetime.combine(form.day, SHIFT_TIME)
    reasons = [reason for reason, n in form.naloxone_reasons.items() for _ in range(n)]

    def work(session) -> list[int]:
        require(session, user, "visits")
        if unknown := set(form.naloxone_reasons) - set(program.naloxone_reasons(session)):
            raise UserError(tr("unknown naloxone refill reason {x!r}").format(x=sorted(unknown)[0]))
        check_date(session, user, form.day)
        returned = form.syringes_returned
        if form.returned_grams is not None:
            returned = syringes_for(form.returned_grams, program.get_in(session, "syringes_per_pound"))
        made = []
        for n in range(form.visits):
            first = n == 0
            visit = Visit(
                location_id=form.location_id,
                occurred_at=at,
                recorded_at=datetime.now(),
                recorded_by=user,
                participant=None,
                from_tally=True,
                syringes_returned=returned if first else 0,
                returned_grams=form.returned_grams if first else None,
                reversals_reported=form.reversals_reported if first else 0,
                naloxone_reason=reasons[n] if n < len(reasons) else None,
            )
            session.add(visit)
            session.flush()
            made.append(visit.id)
            if first:
                for referral, count in form.referrals.items():
                    session.add_all(VisitReferral(visit_id=visit.id, referral=referral) for _ in range(count))
        naloxone = {i.id for i in session.execute(select(Item.id, Item.category, Item.doses)) if is_naloxone(*i[1:])}
        reference = f"tally sheet {form.day:%Y-%m-%d}"
        for visit_id, lines in _share_out(form.lines, made, len(reasons), naloxone).items():
            moves = [
                Move("handout", l.item_id, form.location_id, l.quantity, at, lot_id=l.lot_id, reference=reference)
                for l in lines
            ]
            post_all(session, user, moves, visit_id=visit_id)
        return made

    return db.transaction(work)


def _share_out(lines: list[Line], visits: list[int], reasons: int, naloxone: set[int]) -> dict[int, list[Line]]:
    """Which tallied visit hands out what: each visit with a naloxone reason one kit (a tally
    keeps one refill reason a visit), the rest on the first visit, and naloxone left over on the
    first visit with no reason, so that kits by reason add up as at the desk."""
    out: dict[int, list[Line]] = {v: [] for v in visits}
    left = [Line(l.item_id, l.quantity, l.lot_id) for l in lines]
    for n in range(reasons):
        kit = next((l for l in left if l.item_id in naloxone and l.quantity > 0), None)
        if kit is None:
            break
        out[visits[n]].append(Line(kit.item_id, 1, kit.lot_id))
        kit.quantity -= 1
    spare = visits[reasons] if reasons < len(visits) else visits[0]
    for l in left:
        if l.quantity:
            out[spare if l.item_id in naloxone else visits[0]].append(l)
    return {v: ls for v, ls in out.items() if ls}


@dataclass(frozen=True)
class TallyItem:
    id: int
    name: str
    unit: str


def tally_items(db: Database, location_id: int) -> list[TallyItem]:
    """The items for a location's tally sheet: those with a par level there first, then the rest."""
    with db.read() as session:
        stocked = set(session.scalars(select(ParLevel.item_id).where(ParLevel.location_id == location_id)))
        items = session.scalars(select(Item).where(Item.active.is_(True)).order_by(Item.category, Item.name)).all()
        rows = [TallyItem(i.id, i.name, i.unit) for i in items]
    return sorted(rows, key=lambda i: i.id not in stocked)


def write_tally_sheet(db: Database, location_id: int, day: date | None, path: str | Path) -> Path:
    """A printable US Letter tally sheet: item rows with tally space, then visits, returns,
    naloxone refill reasons, reversals and referrals. `day` None leaves the date to write in."""
    path = Path(path)
    with db.read() as session:
        location = session.get(Location, location_id)
        where = f"{location.name} ({location.code})"
    items = tally_items(db, location_id)
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(path),
        pagesize=letter,
        leftMargin=0.5 * inch,
        rightMargin=0.5 * inch,
        topMargin=0.5 * inch,
        bottomMargin=0.6 * inch,
        title=f"Tally sheet — {where}",
        author="hrsupply",
    )
    when = long_date(day, weekday=True) if day else tr("Date: ____________________")
    story = [
        Paragraph(tr("<b>Tally sheet</b> — {where}").format(where=where), styles["Title"]),
        Paragraph(
            tr("{when} &nbsp;&nbsp;&nbsp; Staff: ______________________________").format(when=when), styles["Normal"]
        ),
        Spacer(1, 0.15 * inch),
    ]
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
            ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f7f7")]),
        ]
    )
    item_rows = [[tr("Item handed out"), tr("Unit"), tr("Tally"), tr("Total")]] + [
        [i.name, i.unit, "", ""] for i in items
    ]
    table = Table(
        item_rows,
        colWidths=[2.9 * inch, 0.8 * inch, 3.0 * inch, 0.8 * inch],
        rowHeights=[0.3 * inch] + [0.34 * inch] * len(items),
        repeatRows=1,
    )
    table.setStyle(grid)
    story += [table, Spacer(1, 0.2 * inch)]
    counts = [
        [tr("Also count"), tr("Tally"), tr("Total")],
        [tr("Visits"), "", ""],
        [tr("Used syringes returned"), "", ""],
        [tr("Overdose reversals reported"), "", ""],
    ]
    with db.read() as session:
        reasons = program.naloxone_reasons(session)
    counts += [[tr("Naloxone refill: {reason}").format(reason=tr(reason)), "", ""] for reason in reasons]
    counts += [[tr("Referral: {name}").format(name=tr(name)), "", ""] for name in program.get(db, "referrals")]
    table = Table(
        counts,
        colWidths=[3.7 * inch, 3.0 * inch, 0.8 * inch],
        rowHeights=[0.3 * inch] + [0.34 * inch] * (len(counts) - 1),
        repeatRows=1,
    )
    table.setStyle(grid)
    story.append(table)

    def footer(canvas, doc_):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(
            0.5 * inch,
            0.35 * inch,
            tr("{where} · tally sheet · enter in hrsupply: Front desk → Tally sheet").format(where=where),
        )
        canvas.drawRightString(letter[0] - 0.5 * inch, 0.35 * inch, tr("Page {doc__page}").format(doc__page=doc_.page))
        canvas.restoreState()

    target = doc.filename
    with written(target) as temp:  # whole or not at all
        doc.filename = str(temp)
        try:
            doc.build(story, onFirstPage=footer, onLaterPages=footer)
        finally:
            doc.filename = target
    return path
