"""A scripted van day: load-out to par (FEFO lots, expired skipped, shortfall), handouts,
close-out count and return, and the van's reconciliation numbers."""

from datetime import date, datetime

import pytest
from pypdf import PdfReader

from hrsupply.errors import UserError
from hrsupply.services import closeout, loadout, movements
from hrsupply.services.ledger import Move
from hrsupply.services.loadout import AlreadyLoaded
from hrsupply.services.van_sheets import write_pick_sheet
from hrsupply.services.verify import find_drift
from tests.helpers import stock_map, stock_the_site_for_the_van

DAY = date(2026, 11, 20)


def t(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 20, hour, minute)


@pytest.fixture
def van_day(db, cat):
    stock_the_site_for_the_van(db, cat)
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.nal, cat.site, 50, datetime(2026, 1, 2), lot_id=cat.lots["OLD"]),  # expired
            Move("transfer", cat.syr, cat.site, 150, datetime(2026, 11, 19, 8), to_location_id=cat.van),
            Move("receive", cat.nal, cat.van, 4, datetime(2026, 1, 2), lot_id=cat.lots["OLD"]),  # expired, on the van
        ],
    )
    return cat


def test_load_out_plans_to_par_with_fefo_lots_and_shows_what_is_short(db, van_day):
    syr, nal = sorted(loadout.plan(db, van_day.site, van_day.van, DAY), key=lambda l: l.sku, reverse=True)
    assert (syr.par, syr.on_hand, syr.to_load, syr.short) == (600, 150, 450, 0)
    assert (nal.par, nal.on_hand, nal.available, nal.to_load, nal.short) == (30, 0, 18, 18, 12)
    assert [(l.lot, l.quantity) for l in nal.lots] == [("A", 10), ("B", 8)]  # OLD is expired: skipped
    assert [(l.lot, l.quantity) for l in nal.expired_here] == [("OLD", 4)]  # listed to bring back


def test_confirm_posts_the_edited_transfers_once(db, van_day):
    lines = loadout.plan(db, van_day.site, van_day.van, DAY)
    syr = next(l for l in lines if l.sku == "SYR-1ML")
    syr.lots[0].quantity = 400  # the crew takes four boxes
    first = loadout.confirm(db, "lead", van_day.site, van_day.van, DAY, lines, crew="Ana, Ben")
    assert stock_map(db)[("VAN1", "SYR-1ML")] == 550
    assert stock_map(db, lots=True)[("VAN1", "NAL-4MG", "A")] == 10
    with pytest.raises(AlreadyLoaded, match="already loaded for 2026-11-20"):
        loadout.confirm(db, "lead", van_day.site, van_day.van, DAY, lines)
    assert stock_map(db)[("VAN1", "SYR-1ML")] == 550  # nothing moved twice
    [info] = loadout.history(db, van_day.van)
    assert (info.id, info.crew, info.units) == (first, "Ana, Ben", 418)
    reprint = {l.sku: l for l in loadout.lines_of(db, first)}
    assert reprint["SYR-1ML"].to_load == 400 and reprint["NAL-4MG"].short == 12
    second = loadout.confirm(db, "lead", van_day.site, van_day.van, DAY, [syr], again=True)  # a second trip
    assert second != first and stock_map(db)[("VAN1", "SYR-1ML")] == 950


def test_load_out_sheet_pdf_has_the_numbers(db, van_day, tmp_path):
    lines = loadout.plan(db, van_day.site, van_day.van, DAY)
    pdf = write_pick_sheet(
        tmp_path / "load.pdf",
        program="Test SSP",
        title="Load-out sheet",
        from_name="Fixed site",
        to_name="Mobile van",
        day=DAY,
        lines=lines,
        crew="Ana",
    )
    text = PdfReader(pdf).pages[0].extract_text()
    for expected in (
        "Load-out sheet — Mobile van",
        "Friday November 20, 2026",
        "Crew: Ana",
        "A (2026-12-31): 10",
        "B (2027-03-31): 8",
        "Expired here, bring back: OLD ×4",
        "450",
        "1 short",
        "Loaded by:",
        "Checked by:",
        "Page 1 of 1",
    ):
        assert expected in text, expected


def test_close_out_counts_returns_and_reconciles_the_day(db, van_day):
    lines = loadout.plan(db, van_day.site, van_day.van, DAY)
    loadout.confirm(db, "lead", van_day.site, van_day.van, DAY, lines)
    movements.record(
        db,
        "lead",
        [Move("handout", van_day.syr, van_day.van, 120, t(11)), Move("handout", van_day.nal, van_day.van, 3, t(12))],
    )
    sheet = {(l.sku, l.lot): l for l in closeout.sheet(db, van_day.van)}
    assert sheet[("SYR-1ML", None)].expected == 480
    assert sheet[("NAL-4MG", "A")].expected == 7 and sheet[("NAL-4MG", "OLD")].expected == 4
    sheet[("SYR-1ML", None)].counted, sheet[("SYR-1ML", None)].reason = 470, "box dropped"
    sheet[("SYR-1ML", None)].returned = 100
    sheet[("NAL-4MG", "A")].counted = 7
    sheet[("NAL-4MG", "OLD")].counted, sheet[("NAL-4MG", "OLD")].returned = 4, 4  # expired: back to the site
    sheet[("NAL-4MG", "B")].counted = 8
    closeout.close_out(db, "lead", van_day.van, van_day.site, DAY, list(sheet.values()), blind=True)
    on_van = stock_map(db, lots=True)
    assert on_van[("VAN1", "SYR-1ML", None)] == 370
    assert ("VAN1", "NAL-4MG", "OLD") not in on_van and on_van[("VAN1", "NAL-4MG", "B")] == 8
    day = {l.sku: l for l in closeout.van_reconcile(db, "VAN1", DAY, DAY)}
    s = day["SYR-1ML"]
    assert (s.start, s.loaded, s.handed_out, s.expected, s.counted, s.variance, s.returned, s.end) == (
        150,
        450,
        120,
        480,
        470,
        -10,
        100,
        370,
    )
    assert s.reasons == "box dropped"
    n = day["NAL-4MG"]
    assert (n.start, n.loaded, n.handed_out, n.expected, n.counted, n.variance, n.returned, n.end) == (
        4,
        18,
        3,
        19,
        19,
        0,
        4,
        15,
    )
    assert [c.blind for c in closeout.history(db, van_day.van)] == [True]
    with db.read() as s_:
        assert find_drift(s_) == []


def test_close_out_refuses_impossible_returns_and_writes_nothing(db, van_day):
    lines = closeout.sheet(db, van_day.van)
    syr = next(l for l in lines if l.sku == "SYR-1ML")
    syr.counted, syr.returned = 100, 101
    with pytest.raises(UserError, match="can return 0 to 100, not 101"):
        closeout.close_out(db, "lead", van_day.van, van_day.site, DAY, lines)
    assert closeout.history(db, van_day.van) == [] and stock_map(db)[("VAN1", "SYR-1ML")] == 150


def test_van_reconciliation_pdf_highlights_variances(db, van_day, tmp_path):
    from hrsupply.services.van_sheets import write_van_reconciliation

    loadout.confirm(db, "lead", van_day.site, van_day.van, DAY, loadout.plan(db, van_day.site, van_day.van, DAY))
    lines = [l for l in closeout.sheet(db, van_day.van) if l.sku == "SYR-1ML"]
    lines[0].counted, lines[0].reason = 590, "miscounted at load"
    closeout.close_out(db, "lead", van_day.van, van_day.site, DAY, lines)
    pdf = write_van_reconciliation(
        tmp_path / "rec.pdf",
        program="Test SSP",
        van_name="Mobile van",
        start=DAY,
        end=DAY,
        lines=closeout.van_reconcile(db, "VAN1", DAY, DAY),
    )
    text = PdfReader(pdf).pages[0].extract_text()
    for expected in (
        "Van reconciliation — Mobile van",
        "Friday November 20, 2026",
        "600",
        "590",
        "-10",
        "miscounted at load",
        "1 with a variance",
        "Page 1 of 1",
    ):
        assert expected in text, expected
