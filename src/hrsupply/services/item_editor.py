"""Settings: the item editor (pack sizes, barcodes, par levels, kit recipe), locations, sources.

Each save is one transaction that checks the whole form first and names every field that is
wrong, so a half-saved item never exists.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import delete, func, select

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Barcode, Item, KitComponent, Location, Movement, PackSize, ParLevel, Source
from hrsupply.services import audit, laptop
from hrsupply.services.access import require
from hrsupply.services.bounds import plain_code
from hrsupply.services.catalog import LOCATION_KINDS, SOURCE_KINDS  # noqa: F401 - SOURCE_KINDS named here too


@dataclass
class PackLine:
    name: str
    units: int


@dataclass
class BarcodeLine:
    code: str
    pack: str | None = None  # a pack size's name; None: the code is on a single unit


@dataclass
class ParLine:
    location: str  # location code
    par: int
    minimum: int | None = None


@dataclass
class ComponentLine:
    sku: str
    quantity: int


@dataclass
class ItemForm:
    sku: str
    name: str
    category: str
    unit: str = "each"
    active: bool = True
    lot_tracked: bool = False
    reorder_point: int | None = None
    limit_quantity: int | None = None  # advisory: so many per `limit_days` per participant
    limit_days: int | None = None
    default_source: str | None = None  # a source's name
    order_pack: str | None = None  # the pack size it is ordered in; None: single units
    doses: int | None = None  # naloxone: doses in one unit (a 2-dose nasal kit: 2)
    packs: list[PackLine] = field(default_factory=list)
    barcodes: list[BarcodeLine] = field(default_factory=list)
    pars: list[ParLine] = field(default_factory=list)
    components: list[ComponentLine] = field(default_factory=list)  # a kit's recipe
    id: int | None = None


def load_item(db: Database, item_id: int) -> ItemForm:
    with db.read() as s:
        return _form(s, item_id)


def _form(s, item_id: int) -> ItemForm:
    i = s.get(Item, item_id)
    if i is None:
        raise UserError(tr("there is no item {item_id}").format(item_id=item_id))
    packs = {p.id: p for p in s.scalars(select(PackSize).where(PackSize.item_id == item_id).order_by(PackSize.units))}
    source = s.get(Source, i.default_source_id) if i.default_source_id else None
    locs = dict(s.execute(select(Location.id, Location.code)).all())
    skus = dict(s.execute(select(Item.id, Item.sku)).all())
    return ItemForm(
        sku=i.sku,
        name=i.name,
        category=i.category,
        unit=i.unit,
        active=i.active,
        lot_tracked=i.lot_tracked,
        reorder_point=i.reorder_point,
        limit_quantity=i.limit_quantity,
        limit_days=i.limit_days,
        default_source=source.name if source else None,
        id=i.id,
        order_pack=i.order_pack,
        doses=i.doses,
        packs=[PackLine(p.name, p.units) for p in packs.values()],
        barcodes=[
            BarcodeLine(b.code, packs[b.pack_size_id].name if b.pack_size_id else None)
            for b in s.scalars(select(Barcode).where(Barcode.item_id == item_id).order_by(Barcode.id))
        ],
        pars=sorted(
            (
                ParLine(locs[p.location_id], p.par, p.min)
                for p in s.scalars(select(ParLevel).where(ParLevel.item_id == item_id))
            ),
            key=lambda p: p.location,
        ),
        components=[
            ComponentLine(skus[c.component_id], c.quantity)
            for c in s.scalars(select(KitComponent).where(KitComponent.kit_id == item_id).order_by(KitComponent.id))
        ],
    )


def _whole(problems: list[str], where: str, value, *, least: int = 0, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        problems.append(
            tr("{where}: must be a whole number of at least {least}, not {value!r}").format(
                where=where, least=least, value=value
            )
        )


def _check(s, form: ItemForm) -> list[str]:
    problems: list[str] = []
    for name, label in (
        ("sku", "SKU"),
        ("name", QT_TR_NOOP("Name")),
        ("category", QT_TR_NOOP("Category")),
        ("unit", QT_TR_NOOP("Base unit")),
    ):
        value = (getattr(form, name) or "").strip()  # named as the form names them
        limit = getattr(Item, name).type.length
        if not value:
            problems.append(tr("{label}: required").format(label=tr(label)))
        elif len(value) > limit:
            problems.append(tr("{label}: at most {limit} characters").format(label=tr(label), limit=limit))
    try:
        plain_code(form.sku, tr("a SKU"))
    except UserError as exc:
        problems.append(tr("SKU: {exc}").format(exc=exc))
    other = s.scalar(select(Item.id).where(Item.sku == form.sku.strip()))
    if other is not None and other != form.id:
        problems.append(tr("SKU: {sku} is already used by another item").format(sku=form.sku))
    _whole(problems, tr("Reorder point"), form.reorder_point, optional=True)
    _whole(problems, tr("Handout limit"), form.limit_quantity, least=1, optional=True)
    _whole(problems, tr("Limit days"), form.limit_days, least=1, optional=True)
    _whole(problems, tr("Naloxone doses"), form.doses, least=1, optional=True)
    if (form.limit_quantity is None) != (form.limit_days is None):
        problems.append(tr("Handout limit: give both a quantity and a number of days, or neither"))
    if form.default_source and s.scalar(select(Source.id).where(Source.name == form.default_source)) is None:
        problems.append(
            tr("Default source: there is no source {default_source!r}").format(default_source=form.default_source)
        )
    if form.id is not None:
        before = s.get(Item, form.id)
        if before.lot_tracked != form.lot_tracked and s.scalar(
            select(Movement.id).where(Movement.item_id == form.id).limit(1)
        ):
            problems.append(tr("Lot-tracked: this item already has movements, so lot tracking cannot change"))
    _check_packs(s, form, problems)
    _check_pars(s, form, problems)
    _check_components(s, form, problems)
    return problems


def _check_packs(s, form: ItemForm, problems: list[str]) -> None:
    """Pack sizes, the order pack and barcodes."""
    names: set[str] = set()
    for n, p in enumerate(form.packs, start=1):
        if not p.name.strip():
            problems.append(tr("Pack sizes, row {n}: name required").format(n=n))
        elif p.name.strip().lower() in names:
            problems.append(tr("Pack sizes, row {n}: {name} appears twice").format(n=n, name=p.name))
        names.add(p.name.strip().lower())
        _whole(problems, tr("Pack sizes, row {n}, units").format(n=n), p.units, least=2)
    if form.order_pack and form.order_pack.strip().lower() not in names:
        problems.append(
            tr("Order pack: there is no pack size {order_pack!r} in this item's pack sizes").format(
                order_pack=form.order_pack
            )
        )
    codes: set[str] = set()
    for n, b in enumerate(form.barcodes, start=1):
        code = b.code.strip()
        if not code:
            problems.append(tr("Barcodes, row {n}: code required").format(n=n))
            continue
        if code in codes:
            problems.append(tr("Barcodes, row {n}: {code} appears twice").format(n=n, code=code))
        codes.add(code)
        owner = s.scalar(select(Item.sku).join(Barcode, Barcode.item_id == Item.id).where(Barcode.code == code))
        if owner is not None and (form.id is None or owner != s.get(Item, form.id).sku):
            problems.append(
                tr("Barcodes, row {n}: {code} already belongs to {owner}").format(n=n, code=code, owner=owner)
            )
        if b.pack and b.pack.strip().lower() not in names:
            problems.append(
                tr("Barcodes, row {n}: there is no pack size {pack!r} in this item's pack sizes").format(
                    n=n, pack=b.pack
                )
            )


def _check_pars(s, form: ItemForm, problems: list[str]) -> None:
    locs = set(s.scalars(select(Location.code)))
    seen_locs: set[str] = set()
    for n, p in enumerate(form.pars, start=1):
        if p.location not in locs:
            problems.append(
                tr("Par levels, row {n}: there is no location {location!r}").format(n=n, location=p.location)
            )
        if p.location in seen_locs:
            problems.append(tr("Par levels, row {n}: {location} appears twice").format(n=n, location=p.location))
        seen_locs.add(p.location)
        _whole(problems, tr("Par levels, row {n}, par").format(n=n), p.par)
        _whole(problems, tr("Par levels, row {n}, minimum").format(n=n), p.minimum, optional=True)
        if isinstance(p.minimum, int) and isinstance(p.par, int) and p.minimum > p.par:
            problems.append(
                tr("Par levels, row {n}: minimum {minimum} is above par {par}").format(
                    n=n, minimum=p.minimum, par=p.par
                )
            )


def _check_components(s, form: ItemForm, problems: list[str]) -> None:
    """A kit's recipe: known items that are not kits, each once; a kit is neither lot-tracked nor
    a component of another kit."""
    if form.components and form.lot_tracked:
        problems.append(tr("Kit components: a kit is not lot-tracked itself (its components can be)"))
    seen_parts: set[str] = set()
    for n, c in enumerate(form.components, start=1):
        if c.sku == form.sku:
            problems.append(tr("Kit components, row {n}: a kit cannot contain itself").format(n=n))
        elif s.scalar(select(Item.id).where(Item.sku == c.sku)) is None:
            problems.append(tr("Kit components, row {n}: there is no item {sku!r}").format(n=n, sku=c.sku))
        elif s.scalar(
            select(KitComponent.id).join(Item, Item.id == KitComponent.kit_id).where(Item.sku == c.sku).limit(1)
        ):
            problems.append(
                tr("Kit components, row {n}: {sku} is itself a kit; list its components instead").format(n=n, sku=c.sku)
            )
        if c.sku in seen_parts:
            problems.append(tr("Kit components, row {n}: {sku} appears twice").format(n=n, sku=c.sku))
        seen_parts.add(c.sku)
        _whole(problems, tr("Kit components, row {n}, quantity").format(n=n), c.quantity, least=1)
    if (
        form.id is not None
        and s.scalar(select(func.count()).select_from(KitComponent).where(KitComponent.component_id == form.id))
        and form.components
    ):
        problems.append(tr("Kit components: this item is a component of another kit, so it cannot be a kit itself"))


def save_item(db: Database, user: str, form: ItemForm) -> int:
    """Create or update an item and everything that hangs off it; returns its id."""
    return db.transaction(lambda s: save_item_in(s, user, form))


def save_item_in(s, user: str, form: ItemForm) -> int:
    """save_item inside the caller's transaction (several items saved all or none)."""
    require(s, user, "catalog")
    laptop.central_only(s, laptop.CATALOG)
    problems = _check(s, form)
    if problems:
        raise UserError("\n".join(problems))
    before = _form(s, form.id) if form.id is not None else None
    item = s.get(Item, form.id) if form.id is not None else Item()
    s.add(item)
    item.sku, item.name, item.category, item.unit = (
        form.sku.strip(),
        form.name.strip(),
        form.category.strip(),
        form.unit.strip(),
    )
    item.active, item.lot_tracked, item.reorder_point = form.active, form.lot_tracked, form.reorder_point
    item.limit_quantity, item.limit_days = form.limit_quantity, form.limit_days
    item.order_pack = form.order_pack.strip() if form.order_pack else None
    item.doses = form.doses
    item.default_source_id = (
        s.scalar(select(Source.id).where(Source.name == form.default_source)) if form.default_source else None
    )
    s.flush()
    # The lists are replaced whole: what the editor shows is what is kept.
    s.execute(delete(Barcode).where(Barcode.item_id == item.id))
    s.execute(delete(PackSize).where(PackSize.item_id == item.id))
    s.execute(delete(ParLevel).where(ParLevel.item_id == item.id))
    s.execute(delete(KitComponent).where(KitComponent.kit_id == item.id))
    packs = {}
    for p in form.packs:
        packs[p.name.strip().lower()] = pack = PackSize(item_id=item.id, name=p.name.strip(), units=p.units)
        s.add(pack)
    s.flush()
    for b in form.barcodes:
        pack = packs[b.pack.strip().lower()].id if b.pack else None
        s.add(Barcode(code=b.code.strip(), item_id=item.id, pack_size_id=pack))
    loc_ids = dict(s.execute(select(Location.code, Location.id)).all())
    for p in form.pars:
        s.add(ParLevel(location_id=loc_ids[p.location], item_id=item.id, par=p.par, min=p.minimum))
    item_ids = dict(s.execute(select(Item.sku, Item.id)).all())
    for c in form.components:
        s.add(KitComponent(kit_id=item.id, component_id=item_ids[c.sku], quantity=c.quantity))
    s.flush()
    _audit_item(s, user, before, _form(s, item.id))
    return item.id


def _audit_item(s, user: str, before: ItemForm | None, after: ItemForm) -> None:
    """One entry for the item's own fields, one per location whose par or minimum changed."""
    old = asdict(before) if before else {}
    new = asdict(after)
    old.pop("id", None)
    new.pop("id")
    old_pars, new_pars = ({p["location"]: p for p in d.pop("pars", [])} for d in (old, new))
    audit.log(s, user, "item", after.sku, audit.diff(old, new), created=before is None)
    for loc in sorted(old_pars.keys() | new_pars.keys()):
        o, n = old_pars.get(loc, {}), new_pars.get(loc, {})
        changes = audit.diff({k: o.get(k) for k in ("par", "minimum")}, {k: n.get(k) for k in ("par", "minimum")})
        audit.log(s, user, "par", f"{after.sku} at {loc}", changes)


# ---- locations and sources -------------------------------------------------------------------
def _save_keyed(db: Database, user: str, model, key: str, row_id: int | None, problems: list[str], **values) -> int:
    """Create or update a row whose `key` column is unique; the user is told if it is taken."""

    def work(s) -> int:
        require(s, user, "catalog")
        laptop.central_only(s, laptop.CATALOG)
        column = getattr(model, key)
        other = s.scalar(select(model.id).where(column == values[key]))
        if other is not None and other != row_id:
            problems.append(
                tr("{field}: {value} is already used").format(field=tr(key.capitalize()), value=values[key])
            )
        if problems:
            raise UserError("\n".join(problems))
        row = s.get(model, row_id) if row_id else model()
        before = {name: getattr(row, name) for name in values} if row_id else {}
        for name, value in values.items():
            setattr(row, name, value)
        s.add(row)
        s.flush()
        audit.log(s, user, model.__tablename__.rstrip("s"), values[key], audit.diff(before, values), created=not row_id)
        return row.id

    return db.transaction(work)


def _text(problems: list[str], label: str, value: str, column) -> str:
    value = value.strip()
    if not value:
        problems.append(tr("{label}: required").format(label=tr(label)))
    elif len(value) > column.type.length:
        problems.append(tr("{label}: at most {length} characters").format(label=tr(label), length=column.type.length))
    return value


def save_location(db: Database, user: str, code: str, name: str, kind: str, *, location_id: int | None = None) -> int:
    problems: list[str] = []
    code = _text(problems, QT_TR_NOOP("Code"), code, Location.code).upper()
    try:  # one place, one spelling: "site", "SITE" and "SITE\u200b" are the same code or refused
        code = plain_code(code, tr("a location code")).upper()
    except UserError as exc:
        problems.append(tr("Code: {exc}").format(exc=exc))
    name = _text(problems, QT_TR_NOOP("Name"), name, Location.name)
    if kind not in LOCATION_KINDS:
        problems.append(tr("Kind: must be one of {kinds}").format(kinds=", ".join(LOCATION_KINDS)))
    return _save_keyed(db, user, Location, "code", location_id, problems, code=code, name=name, kind=kind)


@dataclass(frozen=True)
class SourceInfo:
    id: int
    name: str
    kind: str
    active: bool


def sources(db: Database, *, include_inactive: bool = False) -> list[SourceInfo]:
    with db.read() as s:
        q = select(Source).order_by(Source.name)
        if not include_inactive:
            q = q.where(Source.active.is_(True))
        return [SourceInfo(x.id, x.name, x.kind, x.active) for x in s.scalars(q)]


def save_source(
    db: Database, user: str, name: str, kind: str, *, active: bool = True, source_id: int | None = None
) -> int:
    problems: list[str] = []
    name = _text(problems, QT_TR_NOOP("Name"), name, Source.name)
    if kind not in SOURCE_KINDS:
        problems.append(tr("Kind: must be one of {kinds}").format(kinds=", ".join(SOURCE_KINDS)))
    return _save_keyed(db, user, Source, "name", source_id, problems, name=name, kind=kind, active=active)
