"""What belongs to the central and a laptop only reads: the catalog (items, lots, packs, barcodes,
kits, presets, sources, par levels), locations, settings, the users who may sign in on the laptop (van crew
and admins; PIN hashes only) and the participant codes known (codes only). Sent whole with every
file from the central and applied over the laptop's copy."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlalchemy import delete, select, union
from sqlalchemy.orm import Session

from hrsupply.models import (
    Barcode,
    Item,
    KitComponent,
    Location,
    Lot,
    Movement,
    PackSize,
    ParLevel,
    ParticipantCode,
    Preset,
    PresetLine,
    Setting,
    Source,
    User,
    Visit,
)

ITEM_FIELDS = ("name", "category", "unit", "lot_tracked", "reorder_point", "active", "limit_quantity", "limit_days")
ITEM_FIELDS += ("order_pack", "doses")
LAPTOP_ROLES = ("admin", "van_crew")
# Each database keeps its own: its id, the snapshot it last applied, where its backups go.
OWN_SETTINGS = ("database_id", "sync_snapshot", "backup_folder")


def take(session: Session) -> dict:
    """The central's catalog, settings, laptop users and known codes, by name (ids differ)."""
    skus = dict(session.execute(select(Item.id, Item.sku)).all())
    codes = dict(session.execute(select(Location.id, Location.code)).all())
    sources = dict(session.execute(select(Source.id, Source.name)).all())
    packs = {p.id: p for p in session.scalars(select(PackSize))}
    presets = {p.id: p for p in session.scalars(select(Preset))}
    known_codes = union(
        select(Visit.participant).where(Visit.participant.is_not(None)),
        select(Movement.participant).where(Movement.participant.is_not(None)),
        select(ParticipantCode.code),
    )
    return {
        "locations": [[l.code, l.name, l.kind] for l in session.scalars(select(Location).order_by(Location.id))],
        "sources": [[s.name, s.kind, s.active] for s in session.scalars(select(Source).order_by(Source.id))],
        "items": [
            {"sku": i.sku, "source": sources.get(i.default_source_id), **{f: getattr(i, f) for f in ITEM_FIELDS}}
            for i in session.scalars(select(Item).order_by(Item.id))
        ],
        "lots": [[skus[l.item_id], l.lot_number, l.expiry.isoformat()] for l in session.scalars(select(Lot))],
        "packs": [[skus[p.item_id], p.name, p.units] for p in packs.values()],
        "barcodes": [
            [b.code, skus[b.item_id], packs[b.pack_size_id].name if b.pack_size_id else None]
            for b in session.scalars(select(Barcode))
        ],
        "kits": [[skus[k.kit_id], skus[k.component_id], k.quantity] for k in session.scalars(select(KitComponent))],
        "pars": [[codes[p.location_id], skus[p.item_id], p.par, p.min] for p in session.scalars(select(ParLevel))],
        "presets": [
            [p.name, p.position, [[skus[l.item_id], l.quantity] for l in session.scalars(_lines(p.id))]]
            for p in presets.values()
        ],
        "settings": {s.key: s.value for s in session.scalars(select(Setting)) if s.key not in OWN_SETTINGS},
        "users": [
            [u.username, u.role, u.secret_hash, u.active, u.short_secret, u.created_at.isoformat(), u.created_by]
            for u in session.scalars(select(User).where(User.role.in_(LAPTOP_ROLES)))
        ],
        "codes": sorted(session.scalars(known_codes)),
    }


def _lines(preset_id: int):
    return select(PresetLine).where(PresetLine.preset_id == preset_id).order_by(PresetLine.id)


def apply(session: Session, snap: dict) -> None:
    """Make the laptop's catalog, settings, users and codes the central's (nothing is deleted that
    a record may name: a thing gone at the central arrives switched off). The same snapshot as
    last time is left alone."""
    digest = hashlib.sha256(json.dumps(snap, sort_keys=True, default=str).encode()).hexdigest()
    seen = session.get(Setting, "sync_snapshot")
    if seen is not None and seen.value == json.dumps(digest):
        return
    for code, name, kind in snap["locations"]:
        _put(session, Location, {"code": code}, name=name, kind=kind)
    for name, kind, active in snap["sources"]:
        _put(session, Source, {"name": name}, kind=kind, active=active)
    session.flush()
    sources = dict(session.execute(select(Source.name, Source.id)).all())
    for i in snap["items"]:
        fields = {f: i[f] for f in ITEM_FIELDS}
        _put(session, Item, {"sku": i["sku"]}, default_source_id=sources.get(i["source"]), **fields)
    session.flush()
    items = dict(session.execute(select(Item.sku, Item.id)).all())
    for sku, number, expiry in snap["lots"]:
        _put(session, Lot, {"item_id": items[sku], "lot_number": number}, expiry=date.fromisoformat(expiry))
    for sku, name, units in snap["packs"]:
        _put(session, PackSize, {"item_id": items[sku], "name": name}, units=units)
    session.flush()
    packs = {(items_sku, name): pid for items_sku, name, pid in _pack_keys(session)}
    for code, sku, pack in snap["barcodes"]:
        _put(session, Barcode, {"code": code}, item_id=items[sku], pack_size_id=packs.get((sku, pack)))
    places = dict(session.execute(select(Location.code, Location.id)).all())
    for code, sku, par, minimum in snap.get("pars", []):
        _put(session, ParLevel, {"location_id": places[code], "item_id": items[sku]}, par=par, min=minimum)
    session.execute(delete(KitComponent))
    session.add_all(KitComponent(kit_id=items[k], component_id=items[c], quantity=q) for k, c, q in snap["kits"])
    for name, position, lines in snap["presets"]:
        preset = _put(session, Preset, {"name": name}, position=position)
        session.flush()
        session.execute(delete(PresetLine).where(PresetLine.preset_id == preset.id))
        session.add_all(PresetLine(preset_id=preset.id, item_id=items[s], quantity=q) for s, q in lines)
    for key, value in snap["settings"].items():
        _put(session, Setting, {"key": key}, value=value)
    for name, role, secret_hash, active, short, created_at, created_by in snap["users"]:
        created = datetime.fromisoformat(created_at)
        _put(session, User, {"username": name}, role=role, secret_hash=secret_hash, active=active, short_secret=short,
             created_at=created, created_by=created_by)  # fmt: skip
    have = set(session.scalars(select(ParticipantCode.code)))
    session.add_all(ParticipantCode(code=c) for c in snap["codes"] if c not in have)
    _put(session, Setting, {"key": "sync_snapshot"}, value=json.dumps(digest))
    session.flush()


def _pack_keys(session: Session):
    return session.execute(select(Item.sku, PackSize.name, PackSize.id).join(Item, Item.id == PackSize.item_id))


def _put(session: Session, model, key: dict, **values):
    row = session.scalar(select(model).filter_by(**key))
    if row is None:
        row = model(**key)
        session.add(row)
    for name, value in values.items():
        setattr(row, name, value)
    return row
