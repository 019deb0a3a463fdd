from datetime import date, datetime

import pytest
from sqlalchemy import select

from hrsupply.errors import UserError
from hrsupply.models import Lot, Movement, Visit
from hrsupply.services import catalog, movements, program, stock, visits
from hrsupply.services.ledger import Move
from hrsupply.services.verify import find_drift
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import at


@pytest.fixture
def desk(db, cat):
    with db.write() as s:
        food = catalog.upsert_item(s, "FOOD", name="Food pack", category="Food", limit_quantity=1, limit_days=7)
        s.flush()
        cat.food = food.id
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, at(1)),
            Move("receive", cat.food, cat.site, 20, at(1)),
            Move("receive", cat.nal, cat.site, 5, at(1), lot_id=cat.lots["A"]),
        ],
    )
    return cat


def on_hand(db):
    return {(l.location, l.sku): l.quantity for l in stock.on_hand(db)}


def test_a_visit_and_its_handouts_are_saved_together(db, desk):
    form = VisitForm(
        desk.site,
        at(2, 10),
        "majo85",
        [Line(desk.syr, 40), Line(desk.nal, 1)],
        syringes_returned=35,
        collecting_for=2,
        naloxone_reason="used on an overdose",
        reversals_reported=1,
        referrals=["HCV test", "Wound care"],
    )
    visit_id = visits.record(db, "lead", form)
    assert on_hand(db)[("SITE", "SYR-1ML")] == 960 and on_hand(db)[("SITE", "NAL-4MG")] == 4
    [row] = visits.between(db, "admin", date(2026, 11, 2), date(2026, 11, 2))
    assert (row.id, row.participant, row.syringes_out, row.naloxone_out) == (visit_id, "MAJO85", 40, 1)
    assert (row.syringes_returned, row.collecting_for, row.reversals_reported) == (35, 2, 1)
    assert row.referrals == ("HCV test", "Wound care") and row.naloxone_reason == "used on an overdose"
    with db.read() as s:
        assert set(s.scalars(select(Movement.visit_id).where(Movement.type == "handout"))) == {visit_id}
        assert find_drift(s) == []


def test_anonymous_visit_has_no_code(db, desk):
    visits.record(db, "lead", VisitForm(desk.site, at(2), None, [Line(desk.syr, 10)]))
    visits.record(db, "lead", VisitForm(desk.site, at(2), "  ", [Line(desk.syr, 10)]))
    rows = visits.between(db, "admin", at(2).date(), at(2).date())
    assert [r.participant for r in rows] == [None, None]
    assert visits.totals(rows).unique_codes == 0 and visits.totals(rows).visits == 2


def test_advisory_limit_is_a_notice_never_a_block(db, desk):
    visits.record(db, "lead", VisitForm(desk.site, at(2), "MAJO85", [Line(desk.food, 1)]))
    form = VisitForm(desk.site, at(5), "MAJO85", [Line(desk.food, 1)])
    advice = visits.check(db, form).advice
    assert advice == ["Food pack: suggested 1 per 7 days; 1 given since Oct 29, last on Mon Nov 02"]
    visits.record(db, "lead", form)  # staff go ahead
    assert on_hand(db)[("SITE", "FOOD")] == 18
    assert visits.check(db, VisitForm(desk.site, at(20), "MAJO85", [Line(desk.food, 1)])).advice == []
    assert visits.check(db, VisitForm(desk.site, at(5), None, [Line(desk.food, 1)])).advice == []


def test_shortfall_needs_a_confirmation_then_is_found_stock_for_review(db, desk):
    form = VisitForm(desk.site, at(2), None, [Line(desk.syr, 1010), Line(desk.nal, 7)])
    assert [str(s) for s in visits.check(db, form).shortfalls] == [
        "Syringe 1 mL 28G 1/2 in: handing out 1010, records show 1000",
        "Naloxone 4 mg nasal (2 doses): handing out 7, records show 5",
    ]
    with pytest.raises(visits.ShortfallNotConfirmed):
        visits.record(db, "lead", form)
    assert on_hand(db)[("SITE", "SYR-1ML")] == 1000  # nothing half-written
    visits.record(db, "lead", form, confirm_shortfall=True)
    assert ("SITE", "SYR-1ML") not in on_hand(db) and ("SITE", "NAL-4MG") not in on_hand(db)
    with db.read() as s:
        found = s.scalars(select(Movement).where(Movement.needs_review.is_(True))).all()
        assert sorted((m.item_id, m.quantity, m.reason) for m in found) == [
            (desk.syr, 10, "found"),
            (desk.nal, 2, "found"),
        ]
        assert find_drift(s) == []


def test_shortfall_of_a_lot_tracked_item_with_no_lot_at_all(db, desk):
    with db.write() as s:
        strips = catalog.upsert_item(s, "FTS", name="Fentanyl test strip", category="Test strips", lot_tracked=True)
        s.flush()
        strips_id = strips.id
    visits.record(db, "lead", VisitForm(desk.site, at(2), None, [Line(strips_id, 3)]), confirm_shortfall=True)
    assert "FTS" not in {l.sku for l in stock.on_hand(db)}  # 3 found, 3 handed out
    with db.read() as s:
        found = s.scalar(select(Movement).where(Movement.needs_review.is_(True)))
        lot = s.get(Lot, found.lot_id)
        assert found.quantity == 3 and lot.lot_number == "UNRECORDED-20261102"


def test_same_as_last_visit(db, desk):
    visits.record(db, "lead", VisitForm(desk.site, at(2), "MAJO85", [Line(desk.syr, 40), Line(desk.food, 1)]))
    visits.record(db, "lead", VisitForm(desk.site, at(3), "OTHR90", [Line(desk.syr, 10)]))
    assert visits.last_lines(db, "desk", "majo85") == [Line(desk.syr, 40), Line(desk.food, 1)]
    assert visits.last_lines(db, "desk", "NEW000") == [] and visits.last_lines(db, "desk", "") == []
    assert visits.known_codes(db, "desk") == ["MAJO85", "OTHR90"]


def test_undo_today_reverses_the_handouts_and_keeps_the_visit(db, desk, today_is):
    visit_id = visits.record(db, "lead", VisitForm(desk.site, at(2), "MAJO85", [Line(desk.syr, 40)]))
    today_is(date(2026, 11, 3))
    with pytest.raises(UserError, match="only today's visits"):
        visits.undo(db, "lead", visit_id)  # the day is the computer's: no caller chooses "today"
    today_is(date(2026, 11, 2))
    visits.undo(db, "lead", visit_id)
    assert on_hand(db)[("SITE", "SYR-1ML")] == 1000
    [row] = visits.between(db, "admin", at(2).date(), at(2).date())
    assert row.undone and visits.totals([row]).visits == 0
    assert row.items == "Syringe 1 mL 28G 1/2 in ×40"  # what it had handed out, shown greyed as undone
    with pytest.raises(UserError, match="already undone"):
        visits.undo(db, "lead", visit_id)
    assert visits.last_lines(db, "desk", "MAJO85") == []


def test_undo_also_reverses_the_found_stock_the_visit_added(db, desk, today_is):
    """The records show 14 syringes; a visit hands out 100, so 86 go in as found stock. Undoing the
    visit takes back both: 14 again (not 100), and nothing left to review."""
    from hrsupply.services import adjustments

    visits.record(db, "lead", VisitForm(desk.site, at(2, 8), None, [Line(desk.syr, 986)]))  # 14 left
    visit_id = visits.record(
        db, "lead", VisitForm(desk.site, at(2), "MAJO85", [Line(desk.syr, 100)]), confirm_shortfall=True
    )
    assert [f.quantity for f in adjustments.flagged(db)] == [86]
    summary = visits.undo_summary(db, visit_id)
    assert "Syringe 1 mL 28G 1/2 in ×100" in summary and "found stock" in summary and "×86" in summary
    today_is(date(2026, 11, 2))
    visits.undo(db, "lead", visit_id)
    assert on_hand(db)[("SITE", "SYR-1ML")] == 14
    assert adjustments.flagged(db) == []  # not pending: reversed with the visit
    with db.read() as s:
        from hrsupply.models import Review

        [review] = s.scalars(select(Review)).all()
        assert (review.outcome, review.note) == ("reversed", "the visit was undone")
        assert find_drift(s) == []
    with pytest.raises(adjustments.UserError, match="already reviewed|not waiting"):
        adjustments.review(db, "lead", review.movement_id, keep=True)


def test_today_totals(db, desk):
    visits.record(
        db, "lead", VisitForm(desk.site, at(2, 9), "A1", [Line(desk.syr, 40), Line(desk.nal, 2)], syringes_returned=30)
    )
    visits.record(
        db,
        "lead",
        VisitForm(desk.site, at(2, 10), "A1", [Line(desk.syr, 20)], syringes_returned=100, returned_estimated=True),
    )
    visits.record(db, "lead", VisitForm(desk.site, at(2, 11), None, [Line(desk.syr, 10)]))
    rows = visits.between(db, "admin", at(2).date(), at(2).date(), location_id=desk.site)
    assert [r.occurred_at.hour for r in rows] == [11, 10, 9]  # newest first
    assert visits.totals(rows) == visits.Totals(
        visits=3, unique_codes=1, syringes_out=70, syringes_returned=130, naloxone_kits_out=2
    )


def test_bad_visit_input_is_refused(db, desk):
    with pytest.raises(UserError, match="line 1: the quantity"):
        visits.record(db, "lead", VisitForm(desk.site, at(2), None, [Line(desk.syr, 0)]))
    with pytest.raises(UserError, match="naloxone refill reason"):
        visits.record(db, "lead", VisitForm(desk.site, at(2), None, [], naloxone_reason="because"))
    with pytest.raises(UserError, match="syringes returned must be a whole number from 0 to 100,000"):
        visits.record(db, "lead", VisitForm(desk.site, at(2), None, [], syringes_returned=-1))
    with pytest.raises(UserError, match="collecting for must be a whole number from 0 to 100,000"):
        visits.record(db, "lead", VisitForm(desk.site, at(2), None, [], collecting_for=100_001))
    with pytest.raises(UserError, match="line 1: the quantity must be a whole number from 1 to 1,000,000"):
        visits.record(db, "lead", VisitForm(desk.site, at(2), None, [Line(desk.syr, 9223372036854775808)]))
    assert visits.between(db, "admin", at(2).date(), at(2).date()) == []


def test_the_visit_record_has_no_place_for_names_or_notes():
    columns = {c.name for c in Visit.__table__.columns}
    for forbidden in ("name", "first_name", "last_name", "dob", "birth", "address", "note", "notes", "comment"):
        assert not any(forbidden in column for column in columns), forbidden
    assert columns == {
        "id",
        "location_id",
        "occurred_at",
        "returned_grams",  # the weight of the sharps brought back, not of anyone
        "recorded_at",
        "recorded_by",
        "participant",
        "syringes_returned",
        "returned_estimated",
        "collecting_for",
        "naloxone_reason",
        "reversals_reported",
        "from_tally",
        "undone_at",
        "undone_by",
        "uid",
        "origin",  # the database that recorded it, when it came by sync
        "arrived_at",  # and when it came
    }


def test_code_builder(db):
    scheme = program.code_scheme(db)
    assert program.build_code(scheme, ["Maria", "jo", "1985"]) == "MAJO85"
    with pytest.raises(UserError, match="Own first name: needs 2"):
        program.build_code(scheme, ["Maria", "J", "1985"])
    program.put(db, "admin", "code_scheme", [["Mother's initial", 1, "start"], ["Birth day", 2, "end"]])
    assert program.build_code(program.code_scheme(db), ["maria", "07"]) == "M07"
    assert program.build_code(program.code_scheme(db), ["Mary Ann", "07"]) == "M07"


def test_codes_are_normalized_or_refused(db):
    assert program.normalize_code(" majo85 ") == "MAJO85"
    assert program.normalize_code("ma-jo85") == "MA-JO85"  # hyphens are kept
    assert program.normalize_code("peña90") == "PENA90"  # accents fold: one spelling only
    assert program.normalize_code("pen\u0303a90") == "PENA90"  # the same letter typed as n + combining tilde
    assert program.normalize_code("ｍａｊｏ８５") == "MAJO85"  # fullwidth letters and digits are the plain ones
    assert program.normalize_code("   ") is None  # anonymous
    for bad, message in (
        ("\u202eAB\U0001f489", "letters A–Z, digits and hyphens"),
        ("MA JO 85", r"\(U\+0020\)"),
        ("MA_JO", "“_”"),
        ("МАJO85", r"“М” \(U\+041C\)"),  # a Cyrillic M: a second person
        ("MA\u200bJO85", r"U\+200B"),  # a zero-width space
        ("A" * 21, "at most 20 characters"),
    ):
        with pytest.raises(UserError, match=message):
            program.normalize_code(bad)


def test_a_prefix_of_one_known_code_completes_it_and_a_new_code_is_marked(db, desk):
    visits.record(db, "lead", VisitForm(desk.site, at(2), "MAJO85", [Line(desk.syr, 1)]))
    visits.record(db, "lead", VisitForm(desk.site, at(2), "MARI90", [Line(desk.syr, 1)]))
    assert visits.match_code(db, "desk", "majo") == visits.CodeMatch("MAJO85", True)
    assert visits.match_code(db, "desk", "MAJO85") == visits.CodeMatch("MAJO85", True)
    assert visits.match_code(db, "desk", "ma") == visits.CodeMatch("MA", False)  # two codes start so: not guessed
    assert visits.match_code(db, "desk", "ZZ") == visits.CodeMatch("ZZ", False)
    assert visits.match_code(db, "desk", "") == visits.CodeMatch(None, False)
    with pytest.raises(UserError):
        visits.match_code(db, "desk", "MA%")


def test_a_new_code_one_or_two_letters_from_known_ones_names_them_nearest_first(db, desk):
    for code in ("WFBW89", "WFBX89", "MAJO85", "WFB89", "QQQQ11"):
        visits.record(db, "lead", VisitForm(desk.site, at(2), code, [Line(desk.syr, 1)]))
    # Two digits swapped, a letter changed, one too many: one slip each; two changes come after.
    assert visits.match_code(db, "desk", "WFBW98").near == ("WFBW89",)
    assert visits.match_code(db, "desk", "WFBZ89").near == ("WFB89", "WFBW89", "WFBX89")  # Z one too many
    assert visits.match_code(db, "desk", "WFBW899").near == ("WFBW89",)  # a letter too many
    assert visits.match_code(db, "desk", "XFBW8").near == ()  # a letter short and one wrong: too far
    assert visits.match_code(db, "desk", "WFCW88").near == ("WFBW89",)
    assert visits.near_codes("WFCW88", ["WFBW89", "QQQQ11"]) == ["WFBW89"]  # two letters changed
    assert visits.near_codes("WFCX88", ["WFBW89"]) == []  # three
    # One slip each (a letter left out, one too many) before two (B and W are not a swap of F and B).
    assert visits.near_codes("WBW89", ["WFB89", "WFBW89", "WBW889"]) == ["WBW889", "WFBW89", "WFB89"]
    assert visits.match_code(db, "desk", "ABCDEF").near == ()


def test_datetime_is_kept(db, desk):
    visits.record(db, "lead", VisitForm(desk.site, datetime(2026, 11, 2, 14, 37), None, [Line(desk.syr, 1)]))
    assert visits.between(db, "admin", date(2026, 11, 2), date(2026, 11, 2))[0].occurred_at == datetime(
        2026, 11, 2, 14, 37
    )


def test_presets_are_saved_replaced_and_listed_in_order(db, desk):
    from hrsupply.services import presets

    presets.save_preset(db, "lead", "Walk-in basics", [Line(desk.syr, 10)], position=2)
    presets.save_preset(db, "lead", "Standard injection pack", [Line(desk.syr, 20), Line(desk.food, 1)], position=1)
    presets.save_preset(db, "lead", "Walk-in basics", [Line(desk.syr, 20), Line(desk.nal, 1)], position=2)
    assert presets.list_presets(db) == [
        presets.PresetInfo("Standard injection pack", [Line(desk.syr, 20), Line(desk.food, 1)]),
        presets.PresetInfo("Walk-in basics", [Line(desk.syr, 20), Line(desk.nal, 1)]),
    ]
    with pytest.raises(UserError, match="needs a name"):
        presets.save_preset(db, "lead", " ", [Line(desk.syr, 1)])
    with pytest.raises(UserError, match="at least 1"):
        presets.save_preset(db, "lead", "Empty", [])
