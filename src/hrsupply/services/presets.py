"""Presets: lines handed out together (the standard injection pack), one key at the front desk."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from hrsupply.db import Database
from hrsupply.models import Preset, PresetLine
from hrsupply.services.access import require
from hrsupply.services.bounds import check_units
from hrsupply.services.errors import UserError
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


def save_preset(db: Database, user: str, name: str, lines: list[Line], position: int = 0) -> None:
    """Create or replace the preset called `name`."""
    name = (name or "").strip()
    if not name:
        raise UserError("a preset needs a name")
    if len(name) > Preset.name.type.length:
        raise UserError(f"a preset's name has at most {Preset.name.type.length} characters")
    if not lines:
        raise UserError("a preset needs lines with quantities of at least 1")
    for line in lines:
        check_units(line.quantity, "each preset line's quantity")

    def work(session) -> None:
        require(session, user, "catalog")
        preset = session.scalar(select(Preset).where(Preset.name == name))
        if preset is None:
            preset = Preset(name=name)
            session.add(preset)
        preset.position = position
        session.flush()
        session.execute(delete(PresetLine).where(PresetLine.preset_id == preset.id))
        session.add_all(PresetLine(preset_id=preset.id, item_id=l.item_id, quantity=l.quantity) for l in lines)

    db.transaction(work)
