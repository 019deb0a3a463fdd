from datetime import datetime

import pytest
from sqlalchemy import func, select

from hrsupply.errors import NotEnoughStock, UserError
from hrsupply.models import Balance, Movement
from hrsupply.services import movements, stock
from hrsupply.services.ledger import Move
from hrsupply.services.verify import find_drift, rebuild_balances
from tests.conftest import at


def on_hand(db, location=None, lots=False, as_of=None):
    return {
        (l.location, l.sku, l.lot): l.quantity for l in stock.on_hand(db, location=location, lots=lots, as_of=as_of)
    }


def receive_naloxone(db, cat, **per_lot):
    moves = [Move("receive", cat.nal, cat.site, q, at(1), lot_id=cat.lots[lot]) for lot, q in per_lot.items()]
    movements.record(db, "lead", moves)


def test_receive_and_handout_update_balance_and_ledger(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 1000, at(1))])
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 30, at(2), participant="ANJO85")])
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 970}
    with db.read() as s:
        handout = s.scalar(select(Movement).where(Movement.type == "handout"))
        assert (handout.quantity, handout.participant, handout.recorded_by) == (-30, "ANJO85", "lead")
        assert handout.recorded_at >= handout.occurred_at
        assert find_drift(s) == []


def test_handout_beyond_stock_is_refused_and_writes_nothing(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, at(1))])
    with pytest.raises(NotEnoughStock, match="SYR-1ML at SITE.*needs 6, 5 available"):
        movements.record(
            db, "lead", [Move("handout", cat.syr, cat.site, 5, at(2)), Move("handout", cat.syr, cat.site, 6, at(2))]
        )
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 10}
    with db.read() as s:
        assert s.scalar(select(Movement.id).where(Movement.type == "handout")) is None


def test_fefo_splits_across_lots_earliest_expiry_first(db, cat):
    receive_naloxone(db, cat, C=10, A=3, B=5)
    movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 6, at(2))])
    assert on_hand(db, lots=True) == {("SITE", "NAL-4MG", "B"): 2, ("SITE", "NAL-4MG", "C"): 10}


def test_fefo_ties_broken_by_lot_number(db, cat):
    from hrsupply.services import catalog

    with db.write() as s:
        z = catalog.lot_for(s, cat.nal, "Z9", datetime(2027, 3, 31).date()).id
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.nal, cat.site, 4, at(1), lot_id=z),
            Move("receive", cat.nal, cat.site, 4, at(1), lot_id=cat.lots["B"]),
        ],
    )
    movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 5, at(2))])
    assert on_hand(db, lots=True) == {("SITE", "NAL-4MG", "Z9"): 3}


def test_fefo_skips_expired_lots_unless_named(db, cat):
    receive_naloxone(db, cat, OLD=5, A=2)
    with pytest.raises(NotEnoughStock, match="unexpired"):
        movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 3, at(2))])
    # Named, the expired lot can still be disposed of.
    movements.record(
        db, "lead", [Move("dispose", cat.nal, cat.site, 5, at(2), lot_id=cat.lots["OLD"], reason="expired")]
    )
    assert on_hand(db, lots=True) == {("SITE", "NAL-4MG", "A"): 2}


def test_lot_expiring_on_the_day_is_still_drawn(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.nal, cat.site, 2, datetime(2026, 1, 2), lot_id=cat.lots["OLD"]),
            Move("receive", cat.nal, cat.site, 2, datetime(2026, 1, 2), lot_id=cat.lots["A"]),
        ],
    )
    movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 1, datetime(2026, 1, 31, 16))])
    assert on_hand(db, lots=True)[("SITE", "NAL-4MG", "OLD")] == 1


def test_transfer_moves_the_lots_it_draws(db, cat):
    receive_naloxone(db, cat, A=3, B=5)
    movements.record(db, "lead", [Move("transfer", cat.nal, cat.site, 4, at(2), to_location_id=cat.van)])
    assert on_hand(db, lots=True) == {
        ("SITE", "NAL-4MG", "B"): 4,
        ("VAN1", "NAL-4MG", "A"): 3,
        ("VAN1", "NAL-4MG", "B"): 1,
    }


def test_negative_adjust_draws_fefo_and_positive_adjust_needs_lot(db, cat):
    receive_naloxone(db, cat, A=3, B=5)
    movements.record(db, "lead", [Move("adjust", cat.nal, cat.site, -4, at(2), reason="damaged")])
    assert on_hand(db, lots=True) == {("SITE", "NAL-4MG", "B"): 4}
    with pytest.raises(UserError, match="needs its lot"):
        movements.record(db, "lead", [Move("adjust", cat.nal, cat.site, 2, at(2), reason="found")])


@pytest.mark.parametrize(
    "move, message",
    [
        (dict(type="handout", quantity=0), "from 1 to 1,000,000"),
        (dict(type="receive", quantity=-1), "from 1 to 1,000,000"),
        (dict(type="receive", quantity=1_000_001), "from 1 to 1,000,000"),
        (dict(type="handout", quantity=9223372036854775808), "from 1 to 1,000,000"),
        (dict(type="adjust", quantity=0, reason="x"), "not 0"),
        (dict(type="adjust", quantity=-1_000_001, reason="x"), "from 1 to 1,000,000"),
        (dict(type="adjust", quantity=-1), "needs a reason"),
        (dict(type="dispose", quantity=1), "needs a reason"),
        (dict(type="count", quantity=-1), "from 0 to 1,000,000"),
        (dict(type="receive", quantity=5, occurred_at=datetime(9999, 12, 31)), "in the future"),
        (dict(type="receive", quantity=5, occurred_at=datetime(1989, 12, 31)), "before 1990"),
        (dict(type="transfer", quantity=1), "destination"),
        (dict(type="transfer", quantity=1, to_location_id="site"), "different"),
        (dict(type="handout", quantity=1, to_location_id="van"), "only a transfer"),
        (dict(type="loan", quantity=1), "unknown movement type"),
    ],
)
def test_invalid_movements_are_refused(db, cat, move, message):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, at(1))])
    if "to_location_id" in move:
        move["to_location_id"] = {"site": cat.site, "van": cat.van}[move["to_location_id"]]
    with pytest.raises(UserError, match=message):
        movements.record(db, "lead", [Move(item_id=cat.syr, location_id=cat.site, **{"occurred_at": at(2), **move})])


def test_lot_on_untracked_item_and_missing_lot_on_tracked_receive(db, cat):
    with pytest.raises(UserError, match="not lot-tracked"):
        movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 1, at(1), lot_id=cat.lots["A"])])
    with pytest.raises(UserError, match="needs its lot"):
        movements.record(db, "lead", [Move("receive", cat.nal, cat.site, 1, at(1))])


def test_count_sets_quantity_and_records_variance(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, at(1))])
    movements.record(db, "lead", [Move("count", cat.syr, cat.site, 93, at(3))])
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 93}
    with db.read() as s:
        count = s.scalar(select(Movement).where(Movement.type == "count"))
        assert (count.counted, count.quantity) == (93, -7)


def test_backdated_count_is_relative_to_that_moment(db, cat):
    movements.record(
        db, "lead", [Move("receive", cat.syr, cat.site, 100, at(1)), Move("handout", cat.syr, cat.site, 20, at(5))]
    )
    # On the 3rd there were 100; the count found 90; the later handout still happened.
    movements.record(db, "lead", [Move("count", cat.syr, cat.site, 90, at(3))])
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 70}


def test_backdated_handout_that_would_make_a_later_balance_negative_is_refused(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 10, at(1)),
            Move("handout", cat.syr, cat.site, 8, at(5)),
            Move("receive", cat.syr, cat.site, 50, at(9)),
        ],
    )
    # Today there are 52, but on the 5th only 2 were left after the handout.
    with pytest.raises(NotEnoughStock, match="3, 2 available"):
        movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 3, at(3))])
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 2, at(3))])
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 50}
    with db.read() as s:
        assert find_drift(s) == []


def test_backdated_fefo_uses_what_each_lot_can_spare(db, cat):
    receive_naloxone(db, cat, A=5, B=5)
    movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 4, at(10), lot_id=cat.lots["A"])])
    movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 3, at(5))])
    assert on_hand(db, lots=True) == {("SITE", "NAL-4MG", "B"): 3}


def test_reversal_restores_stock_and_cannot_repeat(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, at(1))])
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 40, at(2))])
    with db.read() as s:
        handout_id = s.scalar(select(Movement.id).where(Movement.type == "handout"))
    movements.reverse(db, "lead", handout_id, "entered twice")
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 100}
    with pytest.raises(UserError, match="already been reversed"):
        movements.reverse(db, "lead", handout_id, "again")
    with db.read() as s:
        reversal = s.scalar(select(Movement).where(Movement.reverses_id == handout_id))
        assert (reversal.type, reversal.quantity, reversal.reason) == ("handout", 40, "entered twice")
    with pytest.raises(UserError, match="itself a reversal"):
        movements.reverse(db, "lead", reversal.id, "undo undo")


def test_reversing_a_receive_whose_stock_is_gone_is_refused(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, at(1))])
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 6, at(2))])
    with pytest.raises(NotEnoughStock, match="cannot reverse"):
        movements.reverse(db, "lead", 1, "wrong item")


def test_reversing_a_transfer_moves_stock_back(db, cat):
    receive_naloxone(db, cat, A=5)
    movements.record(db, "lead", [Move("transfer", cat.nal, cat.site, 5, at(2), to_location_id=cat.van)])
    movements.reverse(db, "lead", 2, "not loaded after all")
    assert on_hand(db, lots=True) == {("SITE", "NAL-4MG", "A"): 5}


def test_verify_finds_drift_and_repair_rebuilds(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, at(1))])
    with db.write() as s:
        s.execute(Balance.__table__.update().values(quantity=999))
    with db.read() as s:
        [drift] = find_drift(s)
        assert (drift.sku, drift.ledger, drift.cached) == ("SYR-1ML", 10, 999)
    with db.write() as s:
        rebuild_balances(s)
    with db.read() as s:
        assert find_drift(s) == []


def test_stock_as_of_end_of_a_date(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 100, at(1)),
            Move("handout", cat.syr, cat.site, 10, at(2, hour=23)),
            Move("handout", cat.syr, cat.site, 5, at(3, hour=0)),
        ],
    )
    assert on_hand(db, as_of=at(2).date()) == {("SITE", "SYR-1ML", None): 90}
    assert on_hand(db, as_of=at(1).date().replace(day=1).replace(month=10)) == {}


def test_as_of_and_reconcile_agree_with_a_running_sum_on_every_day(db, cat):
    """Early dates sum the ledger from the start, late ones subtract from today: both must agree."""
    import random
    from datetime import timedelta

    from hrsupply.services.reconcile import reconcile

    rng = random.Random(5)
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 5000, at(1, month=10))])
    expected, running = {}, {"SITE": 5000, "VAN1": 0}
    day = at(1, month=10).date()
    for n in range(30):
        day = at(1, month=10).date() + timedelta(days=n)
        when = datetime(day.year, day.month, day.day, 12)
        moved = rng.randint(1, 50)
        handed = rng.randint(1, 20)
        movements.record(
            db,
            "lead",
            [
                Move("transfer", cat.syr, cat.site, moved, when, to_location_id=cat.van),
                Move("handout", cat.syr, cat.van, handed, when),
            ],
        )
        running["SITE"] -= moved
        running["VAN1"] += moved - handed
        expected[day] = dict(running)
    for day, want in expected.items():
        got = {loc: q for (loc, _sku, _lot), q in on_hand(db, as_of=day).items()}
        assert got == {k: v for k, v in want.items() if v}, day
        lines = {l.location: l for l in reconcile(db, day, day)}
        assert lines["VAN1"].closing == want["VAN1"]
        before = expected.get(day - timedelta(days=1), {"SITE": 5000, "VAN1": 0})
        assert lines["VAN1"].opening == before["VAN1"]
        site = lines["SITE"]
        assert site.opening + site.received - site.transferred_out == site.closing == want["SITE"]


def test_entry_recorded_after_a_later_count_is_absorbed_by_that_count(db, cat):
    """The van counted 240 at close-out; the tally sheet with 50 handouts from 14:00 is entered
    the next day. The count found what was on the shelf, so the van still holds 240 and the
    count's unexplained difference shrinks from -60 to -10."""
    from hrsupply.services.reconcile import reconcile

    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, at(1)),
            Move("transfer", cat.syr, cat.site, 300, at(2, 8), to_location_id=cat.van),
        ],
    )
    movements.record(db, "lead", [Move("count", cat.syr, cat.van, 240, datetime(2026, 11, 2, 16, 30))])
    movements.record(db, "lead", [Move("transfer", cat.syr, cat.van, 240, at(2, 17), to_location_id=cat.site)])
    # The van is empty now, but at 14:00 it held 300: the late tally is accepted...
    movements.record(db, "lead", [Move("handout", cat.syr, cat.van, 50, at(2, 14))])
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 940}
    [van] = [l for l in reconcile(db, at(2).date(), at(2).date()) if l.location == "VAN1"]
    assert (van.transferred_in, van.handed_out, van.count_variance, van.transferred_out, van.closing) == (
        300,
        50,
        -10,
        240,
        0,
    )
    # ...but not more than the van had before the count.
    with pytest.raises(NotEnoughStock, match="needs 251, 250 available"):
        movements.record(db, "lead", [Move("handout", cat.syr, cat.van, 251, at(2, 15))])
    with db.read() as s:
        assert find_drift(s) == []
        recount = s.scalars(select(Movement).where(Movement.type == "count").order_by(Movement.id)).all()[-1]
        assert (recount.quantity, recount.counted) == (50, 240)
        assert recount.occurred_at == datetime(2026, 11, 2, 16, 30)


def test_reversing_a_handout_before_a_count_leaves_the_counted_stock(db, cat):
    movements.record(
        db, "lead", [Move("receive", cat.syr, cat.site, 100, at(1)), Move("handout", cat.syr, cat.site, 10, at(2))]
    )
    movements.record(db, "lead", [Move("count", cat.syr, cat.site, 88, at(3))])
    movements.reverse(db, "lead", 2, "entered on the wrong item")
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 88}
    assert on_hand(db, as_of=at(2).date()) == {("SITE", "SYR-1ML", None): 100}


def test_a_reversed_count_no_longer_absorbs_later_entries(db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, at(1))])
    movements.record(db, "lead", [Move("count", cat.syr, cat.site, 90, at(3))])
    movements.reverse(db, "lead", 2, "counted the wrong shelf")
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 5, at(2))])
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 95}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Movement).where(Movement.type == "count")) == 2


def test_a_long_batch_is_written_whole_in_several_inserts(db, cat, monkeypatch):
    """Lines go to the database in batches (the driver copies what one executemany sends): every
    line of a batch longer than one insert arrives, with its balance and day changes."""
    from hrsupply.services import ledger

    monkeypatch.setattr(ledger, "_BATCH", 3)
    moves = [Move("receive", cat.syr, cat.site, 100, at(1))]
    moves += [Move("handout", cat.syr, cat.site, n, at(2), participant="ANJO85") for n in range(1, 9)]
    movements.record(db, "lead", moves)
    assert on_hand(db) == {("SITE", "SYR-1ML", None): 100 - sum(range(1, 9))}
    with db.read() as s:
        assert s.scalar(select(func.count(Movement.id))) == 9
        assert find_drift(s) == []
