"""SSP client cards: a wallet card with the participant's code as text and as a Code 128 barcode,
printed at the desk and scanned at the next visit. A card is printed only for a code known here
(seen at a visit, or known to the central on a van laptop); which card of the code it was and
when is kept, nothing else."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import ClientCard, Location
from hrsupply.services import laptop, program
from hrsupply.services.access import require
from hrsupply.services.card_pdf import Card, CardText, write
from hrsupply.services.visits import known_among

__all__ = [
    "Card",
    "CardText",
    "card_text",
    "text",
    "history",
    "next_cards",
    "print_cards",
    "record",
    "text_of",
    "write",
]


def text_of(values: dict) -> CardText:
    """The card's text from the settings (as `program.get` returns them)."""
    languages = tuple(values["card_languages"].split("+"))
    return CardText(
        program=tr(values["program_name"]),
        phone=values["program_phone"],
        verify_phone=values["card_verify_phone"],
        address=values["program_address"],
        hours=values["program_hours"],
        statement=tuple(values["card_statement"].items()),
        found=tuple(values["card_found"].items()),
        languages=languages,
        back=values["card_back"],
    )


CARD_SETTINGS = ("program_name", "program_address", "program_phone", "card_verify_phone", "program_hours")
CARD_SETTINGS += ("card_statement", "card_found", "card_languages", "card_back")


def card_text(session: Session) -> CardText:
    return text_of({key: program.get_in(session, key) for key in CARD_SETTINGS})


def text(db: Database) -> CardText:
    """The card's text as the settings have it now."""
    with db.read() as session:
        return card_text(session)


def _known(session: Session, codes: list[str]) -> list[str]:
    """The codes as stored, in order, each once; UserError naming any not known here."""
    wanted = list(dict.fromkeys(program.normalize_code(c) for c in codes if c and c.strip()))
    if not wanted:
        raise UserError(tr("name at least one participant code to print a card for"))
    known = known_among(session, wanted)
    unknown = [c for c in wanted if c not in known]
    if unknown:
        raise UserError(
            tr(
                "no participant with the code {codes} is known here: a card is printed for a code saved at a visit"
            ).format(codes=", ".join(unknown))
        )
    return wanted


def _next(session: Session, codes: list[str], today: date) -> list[Card]:
    counts = dict(
        session.execute(
            select(ClientCard.code, func.count()).where(ClientCard.code.in_(codes)).group_by(ClientCard.code)
        ).all()
    )
    return [Card(code, counts.get(code, 0) + 1, today) for code in codes]


def next_cards(db: Database, user: str, codes: list[str]) -> list[Card]:
    """The cards these codes would get now (card 2 for a code that has had one), for a preview."""
    with db.read() as session:
        require(session, user, "visits")
        return _next(session, _known(session, codes), date.today())


def _where(session: Session, location: str | int | None) -> int:
    """Where a card is printed: the location given (id or code), the van laptop's own, or the
    first site."""
    if isinstance(location, int):
        return location
    if location:
        found = session.scalar(select(Location.id).where(Location.code == location.strip().upper()))
        if found is None:
            raise UserError(tr("there is no location {code!r}").format(code=location))
        return found
    own = laptop.held_location(session)
    if own is not None:
        return own
    first = session.scalar(select(Location.id).order_by((Location.kind != "site"), Location.id))
    if first is None:
        raise UserError(tr("add a location first (Settings → Locations)"))
    return first


def _add(session: Session, cards: list[Card], location_id: int) -> None:
    now = datetime.now()
    session.add_all(ClientCard(code=c.code, number=c.number, issued_at=now, location_id=location_id) for c in cards)
    session.flush()


def record(db: Database, user: str, cards: list[Card], location: str | int | None = None) -> None:
    """Keep that these cards were printed (the preview's Print or Save), in one transaction."""

    def work(session):
        require(session, user, "visits")
        _known(session, [c.code for c in cards])
        _add(session, cards, _where(session, location))

    db.transaction(work)


def print_cards(
    db: Database, user: str, codes: list[str], out: str | Path, layout: str = "wallet", location: str | None = None
) -> list[Card]:
    """Write the cards to `out` and keep them, together: no file without its record, and no
    record without its file."""

    def work(session):
        require(session, user, "visits")
        cards = _next(session, _known(session, codes), date.today())
        where = _where(session, location)
        write(out, cards, card_text(session), layout)
        _add(session, cards, where)
        return cards

    return db.transaction(work)


def history(db: Database, user: str, code: str) -> list[tuple[int, datetime]]:
    """The cards a code has had: (number, when printed), first first."""
    wanted = program.normalize_code(code)
    with db.read() as session:
        require(session, user, "visits")
        return [
            (n, at)
            for n, at in session.execute(
                select(ClientCard.number, ClientCard.issued_at)
                .where(ClientCard.code == wanted)
                .order_by(ClientCard.issued_at, ClientCard.id)
            )
        ]
