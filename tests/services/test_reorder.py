from datetime import date, datetime

import pytest

from hrsupply.errors import UserError
from hrsupply.services import catalog, item_editor, movements, purchase_orders, receiving, reorder
from hrsupply.services.ledger import Move
from hrsupply.services.purchase_orders import OrderForm, OrderLineForm
from hrsupply.services.receiving import ReceiptForm, ReceiptLine
from hrsupply.services.reorder import amc, months_back, months_of_stock, status, suggested_packs, target

TODAY = date(2026, 12, 1)  # three months back: 2026-09-01, 91 days


def on(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour)


# ---- the formulas --------------------------------------------------------------------------
def test_amc_is_corrected_for_days_out_of_stock():
    assert amc(90, 3, 90, 0) == 30
    assert amc(90, 3, 90, 30) == 45  # out a third of the time: the use came from two thirds of it
    assert amc(90, 3, 90, 90) == 30  # out every day: nothing to correct with, plain average
    assert amc(0, 3, 90, 10) == 0  # zero use stays zero
    assert amc(0, 3, 90, 90) == 0  # no history at all


def test_months_of_stock_target_and_whole_packs():
    assert months_of_stock(300, 100.0) == 3
    assert months_of_stock(300, 0) is None  # nothing used: lasts indefinitely
    assert target(par=None, minimum=None, monthly=447.5, target_months=3) == 1343
    assert target(par=2000, minimum=500, monthly=447.5, target_months=3) == 2000
    assert target(par=None, minimum=500, monthly=0, target_months=3) == 500
    assert target(par=None, minimum=None, monthly=100.0, target_months=3) == 300  # no float fuzz: not 301
    assert suggested_packs(1343, 700, 0, 100) == 7
    assert suggested_packs(1343, 700, 500, 100) == 2  # what is on order counts
    assert suggested_packs(1000, 1000, 0, 100) == 0
    assert suggested_packs(1001, 1000, 0, 100) == 1  # one unit short still needs a whole pack
    assert suggested_packs(1343, 0, 0, 1) == 1343  # ordered as single units
    assert suggested_packs(100, 700, 0, 100) == 0  # never a negative order


def test_status_order_of_urgency():
    assert status(0, 500, 3, None, 6) == "stocked out"
    assert status(400, 500, 3, 1.0, 6) == "below minimum"
    assert status(700, 500, 3, 1.5, 6) == "reorder"
    assert status(700, 500, 0, 3.0, 6) == "OK"
    assert status(7000, 500, 0, 12.0, 6) == "overstocked"
    assert status(7000, None, 0, None, 6) == "OK"  # nothing used: not called overstocked


def test_months_back_keeps_the_day_or_takes_the_months_last():
    assert months_back(date(2026, 12, 1), 3) == date(2026, 9, 1)
    assert months_back(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_back(date(2026, 1, 15), 3) == date(2025, 10, 15)


# ---- the view ------------------------------------------------------------------------------
@pytest.fixture
def history(db, cat):
    """Syringes ordered in boxes of 100: 600 in, all out by mid-September, out of stock for 30 days,
    1,000 in on October 15, 300 handed out since. On hand 700, used 900."""
    form = item_editor.load_item(db, cat.syr)
    form.packs = [item_editor.PackLine("box", 100)]
    form.order_pack = "box"
    item_editor.save_item(db, "lead", form)
    cat.vendor = item_editor.save_source(db, "lead", "Henry Schein", "supplier")
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 600, on(9, 1, 9)),
            Move("handout", cat.syr, cat.site, 600, on(9, 15)),
            Move("receive", cat.syr, cat.site, 1000, on(10, 15)),
            Move("handout", cat.syr, cat.site, 300, on(11, 10)),
        ],
    )
    return cat


def line_for(view, sku):
    [line] = [l for l in view.lines if l.sku == sku]
    return line


def test_site_suggestion_counts_stockout_days_and_rounds_to_boxes(db, history):
    view = reorder.suggestions(db, location="SITE", today=TODAY)
    assert (view.start, view.end, view.days, view.months) == (date(2026, 9, 1), TODAY, 91, 3)
    syr = line_for(view, "SYR-1ML")
    assert (syr.on_hand, syr.on_order, syr.used, syr.stockout_days) == (700, 0, 900, 30)
    assert syr.amc == pytest.approx(900 * 91 / 61 / 3)  # 447.5 a month
    assert syr.months_of_stock == pytest.approx(700 / syr.amc)
    assert (syr.minimum, syr.par, syr.target) == (500, None, 1343)  # the item's reorder point is the site minimum
    assert (syr.pack, syr.pack_units, syr.packs, syr.suggested, syr.status) == ("box", 100, 7, 700, "reorder")
    # Naloxone has no stock, use or level at the site: not listed there.
    assert [l.sku for l in view.lines] == ["SYR-1ML"]


def test_the_look_back_and_target_can_be_changed(db, history):
    syr = line_for(reorder.suggestions(db, location="SITE", months=1, target_months=2, today=TODAY), "SYR-1ML")
    # November only: 300 used, never out.
    assert (syr.used, syr.stockout_days, syr.amc, syr.target, syr.packs) == (300, 0, 300, 600, 0)
    assert syr.status == "OK"


def test_the_program_settings_set_the_look_back_and_target(db, history):
    from hrsupply.services import program

    program.put_many(db, "admin", {"reorder_lookback_months": 1, "target_months": 2})
    view = reorder.suggestions(db, location="SITE", today=TODAY)
    syr = line_for(view, "SYR-1ML")
    assert (view.months, view.target_months, syr.used, syr.target) == (1, 2, 300, 600)
    with db.read() as s:  # read together, a setting never stored gives its default
        assert program.get_all_in(s, "target_months", "overstock_months") == (2, program.DEFAULTS["overstock_months"])


def test_an_item_with_no_history_suggests_nothing(db, history):
    nal = line_for(reorder.suggestions(db, today=TODAY), "NAL-4MG")
    assert (nal.on_hand, nal.used, nal.amc, nal.months_of_stock, nal.packs, nal.status) == (
        0,
        0,
        0,
        None,
        0,
        "stocked out",
    )
    assert nal.stockout_days == 0  # never stocked anywhere: not carried, so never "out"


def test_the_site_counts_what_it_sends_the_van_and_the_program_does_not(db, history):
    movements.record(
        db,
        "lead",
        [
            Move("transfer", history.syr, history.site, 100, on(11, 20, 8), to_location_id=history.van),
            Move("handout", history.syr, history.van, 60, on(11, 20, 12)),
            Move("transfer", history.syr, history.van, 30, on(11, 20, 17), to_location_id=history.site),
        ],
    )
    assert line_for(reorder.suggestions(db, location="SITE", today=TODAY), "SYR-1ML").used == 900 + 70
    van = line_for(reorder.suggestions(db, location="VAN1", today=TODAY), "SYR-1ML")
    assert (van.used, van.on_hand) == (60, 10)
    whole = line_for(reorder.suggestions(db, today=TODAY), "SYR-1ML")
    assert (whole.used, whole.on_hand) == (960, 640)


def test_overstocked_when_months_of_stock_pass_the_setting(db, history, today_is):
    today_is(TODAY)
    movements.record(db, "lead", [Move("receive", history.syr, history.site, 20000, on(11, 30))])
    syr = line_for(reorder.suggestions(db, location="SITE", today=TODAY), "SYR-1ML")
    assert syr.months_of_stock > 6 and syr.status == "overstocked" and syr.packs == 0


# ---- purchase orders -----------------------------------------------------------------------
def test_on_order_counts_sent_orders_until_received(db, history, today_is):
    today_is(TODAY)
    order = purchase_orders.create(
        db, "lead", OrderForm(history.vendor, history.site, lines=[OrderLineForm(history.syr, 5, "box")])
    )
    assert purchase_orders.orders(db)[0].status == "draft"
    assert (
        line_for(reorder.suggestions(db, location="SITE", today=TODAY), "SYR-1ML").on_order == 0
    )  # a draft is not ordered yet
    purchase_orders.mark_sent(db, "lead", order)
    syr = line_for(reorder.suggestions(db, location="SITE", today=TODAY), "SYR-1ML")
    assert (syr.on_order, syr.packs) == (500, 2)

    form = receiving.form_for_order(db, order, on(12, 1, 9))
    assert [(l.item_id, l.packs, l.pack) for l in form.lines] == [(history.syr, 5, "box")]
    assert (form.source_id, form.location_id, form.reference) == (history.vendor, history.site, f"PO-{order:04d}")
    form.lines[0].packs = 3  # a partial delivery
    receipt = receiving.record_receipt(db, "lead", form)
    [row] = purchase_orders.orders(db)
    assert (row.status, row.ordered, row.received, row.due) == ("partly received", 500, 300, 200)
    [line] = purchase_orders.lines_of(db, order)
    assert (line.due, line.due_packs) == (200, 2)
    syr = line_for(reorder.suggestions(db, location="SITE", today=date(2026, 12, 2)), "SYR-1ML")
    assert (syr.on_hand, syr.on_order) == (1000, 200)

    # The rest arrives; then a line of the first delivery turns out to be wrong and is reversed.
    rest = receiving.form_for_order(db, order, on(12, 1, 15))
    assert [(l.packs, l.pack) for l in rest.lines] == [(2, "box")]
    receiving.record_receipt(db, "lead", rest)
    assert purchase_orders.orders(db)[0].status == "received"
    assert purchase_orders.receivable(db) == []
    first = receiving.receipt_lines(db, receipt)[0]
    movements.reverse(db, "lead", first.movement_id, "wrong item in the box")
    row = purchase_orders.orders(db)[0]
    assert (row.status, row.due) == ("partly received", 300)


def test_closing_an_order_stops_counting_what_is_due(db, history):
    order = purchase_orders.create(
        db, "lead", OrderForm(history.vendor, history.site, lines=[OrderLineForm(history.syr, 5, "box")])
    )
    purchase_orders.mark_sent(db, "lead", order)
    purchase_orders.close(db, "lead", order, "back-ordered until March")
    row = purchase_orders.orders(db)[0]
    assert (row.status, row.due, row.note) == ("closed", 0, "back-ordered until March")
    assert line_for(reorder.suggestions(db, location="SITE", today=TODAY), "SYR-1ML").on_order == 0
    with pytest.raises(UserError, match="closed"):
        receiving.form_for_order(db, order)


def test_a_bad_order_names_each_line_and_saves_nothing(db, history):
    with pytest.raises(UserError) as err:
        purchase_orders.create(
            db,
            "lead",
            OrderForm(
                history.vendor,
                history.site,
                lines=[
                    OrderLineForm(history.syr, 2, "pallet"),
                    OrderLineForm(history.nal, 0),
                    OrderLineForm(history.syr, 1, "box"),
                    OrderLineForm(history.syr, 3, "box"),
                ],
            ),
        )
    assert str(err.value).splitlines() == [
        "Line 1 (SYR-1ML), pack: SYR-1ML has no pack size 'pallet'",
        "Line 2 (NAL-4MG), quantity: the number of packs must be a whole number from 1 to 1,000,000, not 0",
        "Line 3 (SYR-1ML): already on line 1; change the quantity there",
        "Line 4 (SYR-1ML): already on line 1; change the quantity there",
    ]
    assert purchase_orders.orders(db) == []


def test_only_a_draft_changes_and_only_a_sent_order_is_received_against(db, history, today_is):
    today_is(TODAY)
    order = purchase_orders.create(
        db, "lead", OrderForm(history.vendor, history.site, lines=[OrderLineForm(history.syr, 5, "box")])
    )
    purchase_orders.update(
        db,
        "lead",
        order,
        OrderForm(
            history.vendor,
            history.site,
            "urgent",
            [OrderLineForm(history.syr, 8, "box"), OrderLineForm(history.nal, 24)],
        ),
    )
    assert [(l.sku, l.ordered) for l in purchase_orders.lines_of(db, order)] == [("NAL-4MG", 24), ("SYR-1ML", 800)]
    with pytest.raises(UserError, match="only a sent order"):
        receiving.record_receipt(
            db,
            "lead",
            ReceiptForm(
                history.vendor,
                history.site,
                on(12, 1),
                lines=[ReceiptLine(history.syr, 1, "box")],
                purchase_order_id=order,
            ),
        )
    purchase_orders.mark_sent(db, "lead", order)
    with pytest.raises(UserError, match="only a draft"):
        purchase_orders.update(
            db, "lead", order, OrderForm(history.vendor, history.site, lines=[OrderLineForm(history.syr, 1)])
        )
    with pytest.raises(UserError, match="only a draft"):
        purchase_orders.delete_draft(db, "lead", order)
    donor = item_editor.save_source(db, "lead", "Donations", "donation")
    with pytest.raises(UserError, match="was ordered from Henry Schein"):
        receiving.record_receipt(
            db,
            "lead",
            ReceiptForm(
                donor, history.site, on(12, 1), lines=[ReceiptLine(history.syr, 1, "box")], purchase_order_id=order
            ),
        )


def test_a_draft_can_be_deleted(db, history):
    order = purchase_orders.create(
        db, "lead", OrderForm(history.vendor, history.site, lines=[OrderLineForm(history.syr, 5, "box")])
    )
    purchase_orders.delete_draft(db, "lead", order)
    assert purchase_orders.orders(db) == []


def test_drafts_from_suggestions_one_per_source(db, history):
    donor = item_editor.save_source(db, "lead", "Donations", "donation")
    picks = [
        purchase_orders.Pick(history.syr, 7, "box", history.vendor),
        purchase_orders.Pick(history.nal, 24, None, None),
        purchase_orders.Pick(history.syr, 0, "box", history.vendor),
    ]  # nothing to order: left out
    with pytest.raises(UserError, match="NAL-4MG has no default source"):
        purchase_orders.drafts_from(db, "lead", history.site, picks)
    assert purchase_orders.orders(db) == []
    made = purchase_orders.drafts_from(db, "lead", history.site, picks, fallback_source_id=donor)
    rows = {o.source: o for o in purchase_orders.orders(db)}
    assert sorted(rows) == ["Donations", "Henry Schein"] and sorted(made) == sorted(o.id for o in rows.values())
    assert (rows["Henry Schein"].ordered, rows["Donations"].ordered, rows["Henry Schein"].status) == (700, 24, "draft")
    report = purchase_orders.order_report(
        rows["Henry Schein"], purchase_orders.lines_of(db, rows["Henry Schein"].id), program="Eastside"
    )
    assert report.rows == [["Syringe 1 mL 28G 1/2 in", "SYR-1ML", "box of 100", 7, 700, 0, 700]]


def test_a_draft_starts_empty_but_is_not_sent_empty(db, history):
    order = purchase_orders.create(db, "lead", OrderForm(history.vendor, history.site))
    with pytest.raises(UserError, match="has no lines"):
        purchase_orders.mark_sent(db, "lead", order)


# ---- days out ----------------------------------------------------------------------------
def test_days_before_an_item_is_first_stocked_are_not_days_out(db, cat):
    """First received mid-window, never ran out: no day out, and the use is averaged over the
    days it was carried; the view says how many days the history covers."""
    movements.record(
        db,
        "lead",
        [Move("receive", cat.syr, cat.site, 1000, on(11, 1, 9)), Move("handout", cat.syr, cat.site, 300, on(11, 10))],
    )
    view = reorder.suggestions(db, location="SITE", today=TODAY)
    syr = line_for(view, "SYR-1ML")
    assert syr.stockout_days == 0
    assert syr.amc == pytest.approx(300 / 30 * 91 / 3)  # 300 in 30 days: ~303 a month
    assert view.recorded_days == 30 and view.use_label == "use over the 30 days recorded"
    sheet = reorder.order_sheet(view, program="P", place="SITE")
    assert "use over the 30 days recorded" in sheet.subtitle


def test_real_stockout_days_show_as_they_were(db, cat):
    """Carried from before the window, out for exactly 6 days in November."""
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 500, on(8, 1, 9)),
            Move("handout", cat.syr, cat.site, 500, on(11, 4, 10)),
            Move("receive", cat.syr, cat.site, 500, on(11, 10, 9)),
        ],
    )
    view = reorder.suggestions(db, location="SITE", today=TODAY)
    assert line_for(view, "SYR-1ML").stockout_days == 6  # Nov 4..9 ended empty
    assert view.recorded_days is None and view.use_label == "use over 3 months"


def test_expired_stock_is_out_for_days_out(db, cat):
    """Naloxone whose only lot expired on Nov 30 2026 (lot A is Dec 31; OLD is Jan 31): the days
    after a lot's expiry with nothing else usable are days out."""
    movements.record(db, "lead", [Move("receive", cat.nal, cat.site, 5, on(1, 10), lot_id=cat.lots["OLD"])])
    view = reorder.suggestions(db, location="SITE", today=TODAY)
    nal = line_for(view, "NAL-4MG")
    assert (nal.on_hand, nal.expired, nal.stockout_days, nal.status) == (0, 5, 91, "stocked out")


def test_a_lot_that_expires_in_the_window_is_out_from_the_day_after_its_expiry(db, cat):
    """Lot MID (expires Oct 15) and lot A (Dec 31) both on the shelf, A handed out by Oct 20:
    out from Oct 20 to Nov 30 (42 days); MID's expired units never count again."""
    with db.write() as s:
        mid = catalog.lot_for(s, cat.nal, "MID", date(2026, 10, 15)).id
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.nal, cat.site, 4, on(8, 1), lot_id=mid),
            Move("receive", cat.nal, cat.site, 6, on(8, 1), lot_id=cat.lots["A"]),
            Move("handout", cat.nal, cat.site, 6, on(10, 20), lot_id=cat.lots["A"]),
        ],
    )
    nal = line_for(reorder.suggestions(db, location="SITE", today=TODAY), "NAL-4MG")
    assert (nal.on_hand, nal.expired, nal.stockout_days) == (0, 4, 42)
    movements.record(db, "lead", [Move("handout", cat.nal, cat.site, 1, on(10, 10), lot_id=mid)])
    nal = line_for(reorder.suggestions(db, location="SITE", today=TODAY), "NAL-4MG")
    assert (nal.expired, nal.stockout_days) == (3, 42)  # a handout before the lapse: the rest still lapses


def test_reorder_plans_with_usable_stock_only(db, cat):
    """40 kits on hand, 30 of them expired: on hand is 10, the order tops up from 10, and the
    expired and soon-expiring units are shown beside it."""
    with db.write() as s:
        from hrsupply.services import catalog

        catalog.upsert_par(s, cat.site, cat.nal, 40, 20)
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.nal, cat.site, 30, on(1, 5), lot_id=cat.lots["OLD"]),
            Move("receive", cat.nal, cat.site, 10, on(11, 5), lot_id=cat.lots["A"]),
        ],
    )
    nal = line_for(reorder.suggestions(db, location="SITE", today=TODAY), "NAL-4MG")
    assert (nal.on_hand, nal.expired, nal.expiring) == (10, 30, 10)  # lot A expires Dec 31: within 90 days
    assert nal.status == "below minimum" and nal.packs == 30
