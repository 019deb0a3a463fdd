"""One rule for stock that can be handed out: a lot is usable through its expiry date."""

from datetime import date, datetime

from hrsupply.services import dashboard, movements, stock, visits
from hrsupply.services.ledger import Move
from hrsupply.services.usable import usable, usable_stock
from hrsupply.services.visits import Line, VisitForm

TODAY = date(2026, 11, 20)


def test_a_lot_is_usable_through_its_expiry_date():
    assert usable(date(2026, 11, 20), TODAY) and not usable(date(2026, 11, 19), TODAY)
    assert usable(None, TODAY)  # untracked stock never expires


def stock_naloxone(db, cat):
    """Site: 20 good kits (lot A) and 44 expired (OLD). Van: 9 expired kits only."""
    movements.record(
        db,
        "admin",
        [
            Move("receive", cat.nal, cat.site, 20, datetime(2026, 11, 1), lot_id=cat.lots["A"]),
            Move("receive", cat.nal, cat.site, 44, datetime(2026, 1, 5), lot_id=cat.lots["OLD"]),
            Move("receive", cat.nal, cat.van, 9, datetime(2026, 1, 5), lot_id=cat.lots["OLD"]),
        ],
    )


def test_usable_stock_splits_expired_units(db, cat):
    stock_naloxone(db, cat)
    with db.read() as s:
        split = usable_stock(s, TODAY)
    assert (split[(cat.site, cat.nal)].usable, split[(cat.site, cat.nal)].expired) == (20, 44)
    assert (split[(cat.van, cat.nal)].usable, split[(cat.van, cat.nal)].expired) == (0, 9)


def test_home_counts_only_usable_naloxone(db, cat):
    stock_naloxone(db, cat)
    board = dashboard.dashboard(db, today=TODAY)
    assert [(n.location, n.units, n.expired, n.short) for n in board.naloxone] == [
        ("SITE", 20, 44, False),
        ("VAN1", 0, 9, True),
    ]


def test_stock_overview_status_expired_is_not_expiring(db, cat):
    stock_naloxone(db, cat)
    rows = {r.location: r for r in stock.overview(db, today=TODAY) if r.sku == "NAL-4MG"}
    site, van = rows["SITE"], rows["VAN1"]
    assert (site.quantity, site.usable, site.expired, site.expiring, site.status) == (64, 20, 44, 20, "expired")
    assert site.next_expiry == date(2026, 12, 31)
    assert (van.quantity, van.usable, van.expired, van.next_expiry, van.status) == (9, 0, 9, None, "out")
    assert {r.location for r in stock.overview(db, status="expired", today=TODAY)} == {"SITE", "VAN1"}
    # Lot A (Dec 31) expires within the 90-day window; the van's expired kits are not "expiring".
    assert {r.location for r in stock.overview(db, status="expiring", today=TODAY)} == {"SITE"}


def test_front_desk_check_sees_only_usable_stock(db, cat):
    stock_naloxone(db, cat)
    form = VisitForm(cat.van, datetime.now(), lines=[Line(cat.nal, 2)])
    [short] = visits.check(db, form).shortfalls
    assert (short.wanted, short.available) == (2, 0)


def test_a_place_whose_lots_ran_out_still_shows_the_item_at_zero(db, cat):
    """Home and Stock list every place that had an item; an emptied lot adds no expiry."""
    stock_naloxone(db, cat)
    movements.record(
        db,
        "admin",
        [Move("dispose", cat.nal, cat.van, 9, datetime(2026, 11, 2), lot_id=cat.lots["OLD"], reason="expired")],
    )
    van = next(r for r in stock.overview(db, today=TODAY) if r.sku == "NAL-4MG" and r.location == "VAN1")
    assert (van.quantity, van.usable, van.expired, van.next_expiry, van.status) == (0, 0, 0, None, "out")
