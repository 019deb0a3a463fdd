from datetime import date

import pytest

from hrsupply.errors import UserError
from hrsupply.services import item_editor, movements, receiving
from hrsupply.services.item_editor import PackLine
from hrsupply.services.receiving import ReceiptForm, ReceiptLine
from tests.conftest import at
from tests.helpers import stock_map


@pytest.fixture
def supply(db, cat):
    form = item_editor.load_item(db, cat.syr)
    form.packs = [PackLine("box", 100), PackLine("case", 1000)]
    item_editor.save_item(db, "lead", form)
    cat.state = item_editor.save_source(db, "lead", "State DOH", "state allocation")
    cat.donor = item_editor.save_source(db, "lead", "Community donations", "donation")
    cat.vendor = item_editor.save_source(db, "lead", "Henry Schein", "supplier")
    return cat


def test_packs_become_base_units_and_lots_are_kept(db, supply):
    receipt = receiving.record_receipt(
        db,
        "lead",
        ReceiptForm(
            supply.state,
            supply.site,
            at(3),
            "PS-1001",
            [
                ReceiptLine(supply.syr, 2, "case"),
                ReceiptLine(supply.syr, 3, "box"),
                ReceiptLine(supply.syr, 7),
                ReceiptLine(supply.nal, 24, lot="NEW1", expiry=date(2027, 9, 30)),
                ReceiptLine(supply.nal, 12, lot="A"),
            ],
        ),
    )  # a known lot keeps its expiry
    assert stock_map(db)[("SITE", "SYR-1ML")] == 2307
    assert stock_map(db, lots=True)[("SITE", "NAL-4MG", "NEW1")] == 24
    lines = receiving.receipt_lines(db, receipt)
    assert [l.quantity for l in lines] == [2000, 300, 7, 24, 12]
    assert lines[4].expiry == date(2026, 12, 31)
    [row] = receiving.receipts(db, date(2026, 11, 1), date(2026, 11, 30))
    assert (row.source, row.kind, row.reference, row.lines, row.units) == (
        "State DOH",
        "state allocation",
        "PS-1001",
        5,
        "2,343 each",
    )


def test_a_bad_receipt_names_each_line_and_posts_nothing(db, supply):
    form = ReceiptForm(
        supply.state,
        supply.site,
        at(3),
        None,
        [
            ReceiptLine(supply.syr, 1, "pallet"),
            ReceiptLine(supply.syr, 0, "box"),
            ReceiptLine(supply.nal, 5),
            ReceiptLine(supply.nal, 5, lot="NEW2"),
            ReceiptLine(supply.nal, 5, lot="A", expiry=date(2027, 1, 1)),
            ReceiptLine(supply.nal, 5, lot="OLD2", expiry=date(2026, 10, 1)),
            ReceiptLine(supply.syr, 5, lot="X"),
            ReceiptLine(supply.syr, 5, "box"),
        ],
    )
    with pytest.raises(UserError) as err:
        receiving.record_receipt(db, "lead", form)
    text = str(err.value)
    for expected in (
        "Line 1 (SYR-1ML), pack: SYR-1ML has no pack size 'pallet'",
        "Line 2 (SYR-1ML), quantity",
        "Line 3 (NAL-4MG), lot: NAL-4MG is lot-tracked",
        "Line 4 (NAL-4MG), lot: lot NEW2 is not known yet: give its expiry",
        "Line 5 (NAL-4MG), lot: lot A already has expiry 2026-12-31",
        "Line 6 (NAL-4MG), expiry: 2026-10-01 is before the receipt date",
        "Line 7 (SYR-1ML), lot: SYR-1ML is not lot-tracked",
    ):
        assert expected in text
    assert "Line 8" not in text
    assert stock_map(db) == {}
    assert receiving.receipts(db, date(2026, 11, 1), date(2026, 11, 30)) == []


def test_totals_by_source_split_donated_purchased_and_allocated_net_of_reversals(db, supply):
    receiving.record_receipt(
        db, "lead", ReceiptForm(supply.state, supply.site, at(2), None, [ReceiptLine(supply.syr, 1, "case")])
    )
    receiving.record_receipt(
        db, "lead", ReceiptForm(supply.donor, supply.site, at(3), None, [ReceiptLine(supply.syr, 2, "box")])
    )
    mistake = receiving.record_receipt(
        db, "lead", ReceiptForm(supply.vendor, supply.site, at(4), "PO-7", [ReceiptLine(supply.syr, 50)])
    )
    receiving.record_receipt(
        db, "lead", ReceiptForm(supply.vendor, supply.site, at(2, month=10), None, [ReceiptLine(supply.syr, 9)])
    )  # outside the period
    [line] = receiving.receipt_lines(db, mistake)
    movements.reverse(db, "lead", line.movement_id, "typed 50, was 5")
    totals = receiving.totals_by_source(db, date(2026, 11, 1), date(2026, 11, 30))
    assert [(t.kind, t.source, t.receipts, t.units) for t in totals] == [
        ("donation", "Community donations", 1, "200 each"),
        ("state allocation", "State DOH", 1, "1,000 each"),
        ("supplier", "Henry Schein", 1, "0 each"),
    ]
    assert receiving.receipt_lines(db, mistake)[0].reversed
