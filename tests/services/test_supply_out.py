"""Expiry, kits, adjustments, disposal and review of flagged adjustments."""

from datetime import date, datetime

import pytest

from hrsupply.errors import NotEnoughStock, UserError
from hrsupply.services import adjustments, expiry, item_editor, kits, movements, visits
from hrsupply.services.item_editor import ComponentLine, ItemForm
from hrsupply.services.ledger import Move
from hrsupply.services.verify import find_drift
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import at
from tests.helpers import stock_map


@pytest.fixture
def stocked(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, at(1)),
            Move("receive", cat.nal, cat.site, 10, at(1), lot_id=cat.lots["A"]),
            Move("receive", cat.nal, cat.site, 10, at(1), lot_id=cat.lots["B"]),
            Move("receive", cat.nal, cat.site, 4, at(1), lot_id=cat.lots["OLD"]),
            Move("receive", cat.nal, cat.van, 2, at(1), lot_id=cat.lots["OLD"]),
        ],
    )
    return cat


def test_expiry_window_lists_expired_and_soon_expiring_lots_everywhere(db, stocked):
    rows = expiry.expiring(db, within_days=60, today=date(2026, 11, 20))
    assert [(r.location, r.lot, r.quantity, r.expired) for r in rows] == [
        ("SITE", "OLD", 4, True),
        ("VAN1", "OLD", 2, True),
        ("SITE", "A", 10, False),
    ]
    assert rows[2].days_left == 41
    assert [r.lot for r in expiry.expiring(db, within_days=180, today=date(2026, 11, 20))] == ["OLD", "OLD", "A", "B"]


def test_dispose_an_expired_lot_in_one_action(db, stocked):
    assert expiry.dispose_expired(db, "lead", stocked.site, stocked.lots["OLD"], at=at(20)) == 4
    assert ("SITE", "NAL-4MG", "OLD") not in stock_map(db, lots=True)
    with pytest.raises(UserError, match="has not expired yet"):
        expiry.dispose_expired(db, "lead", stocked.site, stocked.lots["A"], at=at(20))
    with pytest.raises(UserError, match="nothing left"):
        expiry.dispose_expired(db, "lead", stocked.site, stocked.lots["OLD"], at=at(20))


def test_handouts_never_draw_an_expired_lot_unless_named(db, stocked):
    movements.record(db, "lead", [Move("handout", stocked.nal, stocked.site, 12, at(20))])
    lots = stock_map(db, lots=True)
    assert ("SITE", "NAL-4MG", "A") not in lots  # all 10 of A, then 2 of B
    assert (lots[("SITE", "NAL-4MG", "B")], lots[("SITE", "NAL-4MG", "OLD")]) == (8, 4)
    movements.record(db, "lead", [Move("handout", stocked.nal, stocked.site, 1, at(20), lot_id=stocked.lots["OLD"])])
    assert stock_map(db, lots=True)[("SITE", "NAL-4MG", "OLD")] == 3


@pytest.fixture
def kit(db, stocked):
    stocked.kit = item_editor.save_item(
        db,
        "lead",
        ItemForm(
            sku="KIT",
            name="Safer use kit",
            category="Kits",
            components=[ComponentLine("SYR-1ML", 10), ComponentLine("NAL-4MG", 1)],
        ),
    )
    return stocked


def test_assembling_kits_uses_components_earliest_expiry_first(db, kit):
    kits.assemble(db, "lead", kit.kit, kit.site, 12, at(20))
    lots = stock_map(db, lots=True)
    assert lots[("SITE", "KIT", None)] == 12
    assert lots[("SITE", "SYR-1ML", None)] == 880
    assert lots.get(("SITE", "NAL-4MG", "A"), 0) == 0 and lots[("SITE", "NAL-4MG", "B")] == 8
    assert lots[("SITE", "NAL-4MG", "OLD")] == 4  # expired: never goes into a kit


def test_a_short_component_refuses_the_whole_assembly_and_names_it(db, kit):
    with pytest.raises(NotEnoughStock) as err:
        kits.assemble(db, "lead", kit.kit, kit.site, 30, at(20))
    assert "Naloxone 4 mg nasal (2 doses) needs 30, 20 available" in str(err.value)
    assert "Syringe" not in str(err.value)  # 300 syringes are there
    assert stock_map(db)[("SITE", "SYR-1ML")] == 1000 and ("SITE", "KIT") not in stock_map(db)


def test_breaking_kits_down_returns_components_to_the_lot_they_came_from(db, kit):
    kits.assemble(db, "lead", kit.kit, kit.site, 12, at(20))
    kits.break_down(db, "lead", kit.kit, kit.site, 5, at(21))
    lots = stock_map(db, lots=True)
    assert lots[("SITE", "KIT", None)] == 7
    assert lots[("SITE", "SYR-1ML", None)] == 930
    assert lots[("SITE", "NAL-4MG", "B")] == 13  # the last assembly drew lot B last
    with pytest.raises(NotEnoughStock, match="cannot break down 8"):
        kits.break_down(db, "lead", kit.kit, kit.site, 8, at(21))
    with pytest.raises(UserError, match="not a kit"):
        kits.assemble(db, "lead", kit.syr, kit.site, 1, at(21))


def test_adjust_and_dispose_need_a_listed_reason(db, stocked):
    adjustments.adjust(
        db,
        "lead",
        location_id=stocked.site,
        item_id=stocked.syr,
        quantity=-30,
        reason="damaged",
        note="water leak",
        at=at(5),
    )
    adjustments.adjust(
        db,
        "lead",
        location_id=stocked.site,
        item_id=stocked.nal,
        quantity=6,
        reason="found",
        lot="NEW",
        expiry=date(2027, 8, 1),
        at=at(5),
    )
    adjustments.dispose(
        db,
        "lead",
        location_id=stocked.site,
        item_id=stocked.nal,
        quantity=2,
        reason="recalled",
        lot_id=stocked.lots["B"],
        at=at(6),
    )
    lots = stock_map(db, lots=True)
    assert lots[("SITE", "SYR-1ML", None)] == 970
    assert lots[("SITE", "NAL-4MG", "NEW")] == 6 and lots[("SITE", "NAL-4MG", "B")] == 8
    with pytest.raises(UserError, match="reason must be one of"):
        adjustments.adjust(db, "lead", location_id=stocked.site, item_id=stocked.syr, quantity=1, reason="oops")
    with pytest.raises(UserError, match="say what happened"):
        adjustments.adjust(db, "lead", location_id=stocked.site, item_id=stocked.syr, quantity=1, reason="other")
    with pytest.raises(UserError, match="A disposal reason must be one of: expired, damaged, recalled"):
        adjustments.dispose(db, "lead", location_id=stocked.site, item_id=stocked.syr, quantity=1, reason="lost")
    with pytest.raises(NotEnoughStock):
        adjustments.adjust(
            db, "lead", location_id=stocked.site, item_id=stocked.syr, quantity=-5000, reason="lost", at=at(7)
        )


def test_front_desk_shortfall_appears_for_review_and_can_be_kept_or_reversed(db, stocked):
    form = VisitForm(stocked.van, datetime(2026, 11, 20, 10), "ABCD85", [Line(stocked.syr, 40)])
    visits.record(db, "lead", form, confirm_shortfall=True)
    visits.record(
        db,
        "lead",
        VisitForm(stocked.van, datetime(2026, 11, 20, 11), None, [Line(stocked.syr, 5)]),
        confirm_shortfall=True,
    )
    first, second = adjustments.flagged(db)
    assert (first.location, first.sku, first.quantity, first.participant) == ("VAN1", "SYR-1ML", 40, "ABCD85")
    adjustments.review(db, "lead", first.movement_id, keep=True, note="van count was off")
    with pytest.raises(UserError, match="say why"):
        adjustments.review(db, "lead", second.movement_id, keep=False)
    # Reversing takes the found units away again: only possible once the van has stock.
    with pytest.raises(NotEnoughStock):
        adjustments.review(db, "lead", second.movement_id, keep=False, note="double entry")
    movements.record(
        db,
        "lead",
        [Move("transfer", stocked.syr, stocked.site, 100, datetime(2026, 11, 20, 9), to_location_id=stocked.van)],
    )
    adjustments.review(db, "lead", second.movement_id, keep=False, note="double entry")
    assert adjustments.flagged(db) == []
    with pytest.raises(UserError, match="not waiting for review|already reviewed"):
        adjustments.review(db, "lead", first.movement_id, keep=True)
    with db.read() as s:
        assert find_drift(s) == []
