from datetime import date, datetime

import pytest
from pypdf import PdfReader

from hrsupply.db import open_database
from hrsupply.errors import UserError
from hrsupply.services import catalog, counts, movements, stock
from hrsupply.services.count_sheet import write_count_sheet
from hrsupply.services.ledger import Move
from tests.conftest import at
from tests.helpers import stock_map


@pytest.fixture
def shelf(db, cat):
    """Site: 500 syringes, naloxone lot A ×10 and B ×8; a tourniquet never stocked."""
    with db.write() as s:
        cat.tourn = catalog.upsert_item(s, "TOURN", name="Tourniquet", category="Injection supplies").id
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 500, at(1)),
            Move("receive", cat.nal, cat.site, 10, at(1), lot_id=cat.lots["A"]),
            Move("receive", cat.nal, cat.site, 8, at(1), lot_id=cat.lots["B"]),
            Move("receive", cat.syr, cat.van, 200, at(1)),
        ],
    )
    return cat


def by_key(rows):
    return {(r.sku, r.lot): r for r in rows}


def test_a_count_lists_items_by_lot_including_zero_stock(db, shelf):
    count = counts.start(db, "lead", shelf.site)
    rows = by_key(counts.sheet(db, count))
    assert set(rows) == {("SYR-1ML", None), ("NAL-4MG", "A"), ("NAL-4MG", "B"), ("TOURN", None)}
    assert [rows[k].expected for k in (("SYR-1ML", None), ("NAL-4MG", "A"), ("TOURN", None))] == [500, 10, 0]
    assert all(r.counted is None for r in rows.values())


def test_posting_touches_only_what_was_counted(db, shelf):
    count = counts.start(db, "lead", shelf.site)
    rows = by_key(counts.sheet(db, count))
    counts.enter(db, "lead", rows[("SYR-1ML", None)].line_id, 480, "box opened for the van, not recorded")
    counts.enter(db, "lead", rows[("NAL-4MG", "A")].line_id, 10)
    counts.enter(db, "lead", rows[("TOURN", None)].line_id, 12)  # zero expected, found some
    # Lot B is not counted, and the van is a different location: both keep their stock.
    review = by_key(counts.sheet(db, count))
    assert [review[k].variance for k in (("SYR-1ML", None), ("NAL-4MG", "A"), ("NAL-4MG", "B"), ("TOURN", None))] == [
        -20,
        0,
        None,
        12,
    ]
    posted = counts.post(db, "lead", count, at=datetime(2026, 11, 20, 17))
    assert posted == counts.Posted(lines=3, differences=2, not_counted=1)
    on_hand = stock_map(db, lots=True)
    assert on_hand[("SITE", "SYR-1ML", None)] == 480
    assert on_hand[("SITE", "NAL-4MG", "A")] == 10 and on_hand[("SITE", "NAL-4MG", "B")] == 8
    assert on_hand[("SITE", "TOURN", None)] == 12 and on_hand[("VAN1", "SYR-1ML", None)] == 200
    card = stock.stock_card(db, shelf.site, shelf.syr).lines[0]
    assert (card.type, card.change, card.reference, card.reason) == (
        "count",
        -20,
        f"Count {count}",
        "box opened for the van, not recorded",
    )
    assert counts.count_info(db, count).status == "posted"
    with pytest.raises(UserError, match="already posted"):
        counts.enter(db, "lead", rows[("NAL-4MG", "B")].line_id, 7)


def test_a_count_in_progress_survives_closing_the_app(db_url, db, shelf):
    count = counts.start(db, "lead", shelf.site, category="Naloxone", blind=True)
    line = by_key(counts.sheet(db, count))[("NAL-4MG", "A")].line_id
    counts.enter(db, "lead", line, 9, "one kit torn")
    db.dispose()
    reopened = open_database(db_url)
    [info] = counts.counts(reopened)
    assert (info.status, info.scope, info.blind, info.lines, info.counted) == ("open", "Category: Naloxone", True, 2, 1)
    row = by_key(counts.sheet(reopened, count))[("NAL-4MG", "A")]
    assert (row.counted, row.reason) == (9, "one kit torn")
    reopened.dispose()


def test_chosen_items_a_found_lot_and_lot_rules(db, shelf):
    count = counts.start(db, "lead", shelf.site, item_ids=[shelf.nal])
    assert counts.count_info(db, count).scope == "Chosen items"
    with pytest.raises(UserError, match="give the lot number"):
        counts.add(db, "lead", count, shelf.nal)
    with pytest.raises(UserError, match="expiry"):
        counts.add(db, "lead", count, shelf.nal, "NEW9")  # never seen: needs its expiry
    line = counts.add(db, "lead", count, shelf.nal, "NEW9", date(2028, 1, 31))
    assert counts.add(db, "lead", count, shelf.nal, "NEW9") == line  # adding again finds the same line
    counts.enter(db, "lead", line, 6)
    posted = counts.post(db, "lead", count, at=datetime(2026, 11, 20, 17))
    assert (posted.lines, posted.not_counted) == (1, 2)
    assert stock_map(db, lots=True)[("SITE", "NAL-4MG", "NEW9")] == 6


def test_a_lot_tracked_item_with_no_stock_needs_its_lot_before_a_figure(db, cat):
    with db.write() as s:
        catalog.upsert_location(s, "PARTNER", "Partner", "other")
    [partner] = [l.id for l in catalog.locations(db) if l.code == "PARTNER"]
    count = counts.start(db, "lead", partner, category="Naloxone")
    [row] = counts.sheet(db, count)
    assert (row.sku, row.lot, row.expected) == ("NAL-4MG", None, 0)
    with pytest.raises(UserError, match="add the lot you found"):
        counts.enter(db, "lead", row.line_id, 3)
    counts.enter(db, "lead", row.line_id, 0)  # none there: fine, and nothing to post
    assert counts.post(db, "lead", count).lines == 0


def test_bad_figures_and_rules_are_refused_with_the_item_named(db, shelf):
    count = counts.start(db, "lead", shelf.site)
    line = by_key(counts.sheet(db, count))[("SYR-1ML", None)].line_id
    with pytest.raises(UserError, match="SYR-1ML: the count must be a whole number from 0 to 1,000,000, not -4"):
        counts.enter(db, "lead", line, -4)
    with pytest.raises(UserError, match="nothing has been counted yet"):
        counts.post(db, "lead", count)
    with pytest.raises(UserError, match="still open"):
        counts.start(db, "lead", shelf.site)
    counts.discard(db, "lead", count)
    assert counts.count_info(db, count).status == "discarded"
    assert stock_map(db)[("SITE", "SYR-1ML")] == 500
    counts.start(db, "lead", shelf.site)  # the location is free again
    with pytest.raises(UserError, match="no active items"):
        counts.start(db, "lead", shelf.van, category="Clothing")


def test_count_sheet_pdf_blind_leaves_out_expected(db, shelf, tmp_path):
    count = counts.start(db, "lead", shelf.site)
    info, rows = counts.count_info(db, count), counts.sheet(db, count)
    open_sheet = write_count_sheet(tmp_path / "count.pdf", program="Eastside", count=info, rows=rows, blind=False)
    blind = write_count_sheet(tmp_path / "blind.pdf", program="Eastside", count=info, rows=rows, blind=True)
    text = PdfReader(open_sheet).pages[0].extract_text()
    assert "Count sheet" in text and "Expected" in text and "500" in text and "Naloxone" in text
    assert "2026-12-31" in text and "2027-03-31" in text  # naloxone: a line per lot, with its expiry
    blind_text = PdfReader(blind).pages[0].extract_text()
    assert "Expected" not in blind_text and "500" not in blind_text and "blind count" in blind_text
    assert "Syringe 1 mL" in blind_text and "Page 1 of 1" in blind_text


def test_a_count_sheets_last_page_never_holds_a_lone_row(tmp_path):
    """Whatever the number of lines, a page break leaves for the last page at least three items,
    the blank lines with their caption, and the signatures; it used to hold one row."""
    import re

    from hrsupply.services.counts import CountInfo, CountRow

    info = CountInfo(1, 1, "SITE", "Fixed site", "full count", False, "open", datetime(2026, 11, 2), "lead", None, 0, 0)
    lonely = []
    for n in range(14, 75):
        rows = [
            CountRow(i, i, f"SKU-{i:03d}", f"Item {i}", "Supplies", "each", False, None, None, 10, None, None)
            for i in range(n)
        ]
        sheet = write_count_sheet(tmp_path / f"count-{n}.pdf", program="Eastside", count=info, rows=rows, blind=False)
        pages = [page.extract_text() for page in PdfReader(sheet).pages]
        last = pages[-1]
        held = len(re.findall(r"SKU-\d{3}", last))
        assert "Counted by" in last and "Counted by" not in "".join(pages[:-1])
        assert sum(len(re.findall(r"SKU-\d{3}", p)) for p in pages) == n  # every line printed once
        if len(pages) > 1 and (held < 3 or "Found on the shelf" not in last):
            lonely.append((n, held))
    assert lonely == []
