"""Presets: lines handed out together (the standard injection pack), one key at the front desk."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import Preset, PresetLine
from hrsupply.services import audit, laptop
from hrsupply.services.access import require
from hrsupply.services.bounds import check_units
from hrsupply.services.visits import Line


@dataclass(frozen=True)
class PresetInfo:
    name: str
    lines: list[Line]


def list_presets(db: Database) -> list[PresetInfo]:
    with db.read() as session:
        presets = session.scalars(select(Preset).order_by(Preset.position, Preset.name)).all()
        lines = session.scalars(select(PresetLine).order_by(PresetLine.id)).all()
    by_preset: dict[int, list[Line]] = {}
    for line in lines:
        by_preset.setdefault(line.preset_id, []).append(Line(line.item_id, line.quantity))
    return [PresetInfo(p.name, by_preset.get(p.id, [])) for p in presets]


def _checked(name: str, lines: list[Line], where: str = "") -> str:
    name = (name or "").strip()
    if not name:
        raise UserError(tr("{where}a preset needs a name").format(where=where))
    if len(name) > Preset.name.type.length:
        raise UserError(
            tr("{where}a preset's name has at most {Preset_name_type_length} characters").format(
                where=where, Preset_name_type_length=Preset.name.type.length
            )
        )
    if not lines:
        raise UserError(tr("{where}{name} needs lines with quantities of at least 1").format(where=where, name=name))
    for line in lines:
        check_units(line.quantity, tr("{where}{name}: each line's quantity").format(where=where, name=name))
    return name


def _described(lines: list[Line]) -> str:
    return ", ".join(f"{l.quantity} × item {l.item_id}" for l in lines)


def put_preset(session, user: str, name: str, lines: list[Line], position: int) -> None:
    """Create or replace one preset in the caller's transaction, audited."""
    preset = session.scalar(select(Preset).where(Preset.name == name))
    created = preset is None
    before = {} if created else {"position": preset.position, "lines": _described(_lines_of(session, preset.id))}
    if created:
        preset = Preset(name=name)
        session.add(preset)
    preset.position = position
    session.flush()
    session.execute(delete(PresetLine).where(PresetLine.preset_id == preset.id))
    session.add_all(PresetLine(preset_id=preset.id, item_id=l.item_id, quantity=l.quantity) for l in lines)
    after = {"position": position, "lines": _described(lines)}
    audit.log(session, user, "preset", name, audit.diff(before, after), created=created)


def _lines_of(session, preset_id: int) -> list[Line]:
    rows = session.scalars(select(PresetLine).where(PresetLine.preset_id == preset_id).order_by(PresetLine.id))
    return [Line(r.item_id, r.quantity) for r in rows]


def save_preset(db: Database, user: str, name: str, lines: list[Line], position: int = 0) -> None:
    """Create or replace the preset called `name`."""
    name = _checked(name, lines)

    def work(session) -> None:
        require(session, user, "catalog")
        laptop.central_only(session, laptop.CATALOG)
        put_preset(session, user, name, lines, position)

    db.transaction(work)


def save_presets(db: Database, user: str, presets: list[PresetInfo]) -> None:
    """Replace every preset with these, in this order (the first is F5, then F6, …): one
    transaction, each change audited, a preset left out deleted."""
    db.transaction(replacing(user, presets))


def replacing(user: str, presets: list[PresetInfo]) -> Callable[[Session], None]:
    """The work of `save_presets`, checked now, to run in a transaction of the caller's."""
    names = [_checked(p.name, p.lines, f"preset {n}: ") for n, p in enumerate(presets, start=1)]
    if len(set(names)) != len(names):
        raise UserError(tr("two presets are called {x}").format(x=next(n for n in names if names.count(n) > 1)))

    def work(session) -> None:
        require(session, user, "catalog")
        for gone in session.scalars(select(Preset).where(Preset.name.not_in(names))).all():
            session.execute(delete(PresetLine).where(PresetLine.preset_id == gone.id))
            session.delete(gone)
            audit.log(session, user, "preset", gone.name, {"deleted": [gone.name, None]})
        for position, (name, preset) in enumerate(zip(names, presets), start=1):
            put_preset(session, user, name, preset.lines, position)

    return work
