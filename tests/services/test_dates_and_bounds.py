"""The date rules hold for every record that carries a date, not only for movements; nothing is
dated in the future or before 1990; van crew never load out or close out the site."""

from datetime import date, datetime, timedelta

import pytest

from hrsupply.errors import UserError
from hrsupply.services import closeout, counts, loadout, movements, receiving, tally, visits
from hrsupply.services.access import NotAllowed
from hrsupply.services.ledger import Move
from hrsupply.services.receiving import ReceiptForm, ReceiptLine
from hrsupply.services.tally import TallyForm
from hrsupply.services.visits import Line, VisitForm
from tests.helpers import stock_the_site_for_the_van


@pytest.fixture
def stocked(db, cat):
    stock_the_site_for_the_van(db, cat)
    return cat


def test_front_desk_cannot_backdate_a_tally_sheet(db, stocked):
    """Today: a front-desk user could save a tally sheet dated 20 days back as 40 visits."""
    back = date.today() - timedelta(days=20)
    with pytest.raises(NotAllowed, match=f"records today's entries only, not {back:%Y-%m-%d}"):
        tally.record_tally(db, "desk", TallyForm(stocked.site, back, visits=40))
    assert visits.between(db, "admin", back, back) == []
    tally.record_tally(db, "desk", TallyForm(stocked.site, date.today(), visits=40))  # today: fine


def test_a_visit_with_no_item_lines_obeys_the_date_rule(db, stocked):
    yesterday = datetime.now() - timedelta(days=1)
    with pytest.raises(NotAllowed, match="today's entries only"):
        visits.record(db, "desk", VisitForm(stocked.site, yesterday, "MAJO85", syringes_returned=50))
    with pytest.raises(UserError, match="in the future"):
        visits.record(db, "admin", VisitForm(stocked.site, datetime(9999, 12, 31), None, referrals=["Housing"]))
    with pytest.raises(UserError, match="before 1990"):
        visits.record(db, "admin", VisitForm(stocked.site, datetime(1989, 5, 1), None, syringes_returned=5))


def test_lock_date_holds_for_counts_receipts_and_close_outs(db, stocked):
    from hrsupply.services import program

    program.put(db, "admin", "lock_date", "2026-11-03")
    with pytest.raises(NotAllowed, match="locked before 2026-11-03"):
        receiving.record_receipt(
            db, "lead", ReceiptForm(1, stocked.site, datetime(2026, 11, 2), lines=[ReceiptLine(stocked.syr, 1)])
        )
    count = counts.start(db, "lead", stocked.site)
    line = counts.sheet(db, count)[0]
    counts.enter(db, "lead", line.line_id, 1)
    with pytest.raises(NotAllowed, match="locked before 2026-11-03"):
        counts.post(db, "lead", count, at=datetime(2026, 11, 2, 17))
    with pytest.raises(NotAllowed, match="locked before 2026-11-03"):
        closeout.close_out(db, "lead", stocked.van, stocked.site, date(2026, 11, 2), [])


def test_van_crew_never_load_out_or_close_out_the_site(db, stocked):
    """Today the service let a close-out set the site's syringes to 999,999."""
    lines = closeout.sheet(db, stocked.site)
    for line in lines:
        line.counted = 999_999
    with pytest.raises(UserError, match="Fixed site is a site: only a van or a partner location is closed out"):
        closeout.close_out(db, "crew", stocked.site, stocked.van, date.today(), lines)
    plan = loadout.plan(db, stocked.van, stocked.site, date.today())
    with pytest.raises(UserError, match="is a site: only a van or a partner location is loaded out"):
        loadout.confirm(db, "crew", stocked.van, stocked.site, date.today(), plan)
    from tests.helpers import stock_map

    assert stock_map(db)[("SITE", "SYR-1ML")] == 5000


def test_close_out_figures_are_bounded(db, stocked):
    movements.record(
        db, "lead", [Move("transfer", stocked.syr, stocked.site, 100, datetime.now(), to_location_id=stocked.van)]
    )
    lines = closeout.sheet(db, stocked.van)
    syr = next(l for l in lines if l.sku == "SYR-1ML")
    syr.counted = 9223372036854775808
    with pytest.raises(UserError, match="the count must be a whole number from 0 to 1,000,000"):
        closeout.close_out(db, "crew", stocked.van, stocked.site, date.today(), lines)


def test_presets_orders_and_kits_take_bounded_quantities(db, stocked):
    from hrsupply.services import item_editor, kits, presets, purchase_orders
    from hrsupply.services.purchase_orders import OrderForm, OrderLineForm

    vendor = item_editor.save_source(db, "lead", "Vendor", "supplier")

    with pytest.raises(UserError, match="Huge: each line's quantity must be a whole number from 1 to 1,000,000"):
        presets.save_preset(db, "lead", "Huge", [Line(stocked.syr, 2_000_000)])
    with pytest.raises(UserError, match="the number of packs must be a whole number from 1 to 1,000,000"):
        purchase_orders.create(db, "lead", OrderForm(vendor, stocked.site, lines=[OrderLineForm(stocked.syr, 10**12)]))
    with pytest.raises(UserError, match="how many kits must be a whole number from 1 to 1,000,000"):
        kits.assemble(db, "lead", stocked.syr, stocked.site, 0)
