from datetime import date

import pytest
from pypdf import PdfReader

from hrsupply.errors import UserError
from hrsupply.services import catalog, movements, stock, visits
from hrsupply.services.ledger import Move
from hrsupply.services.tally import TallyForm, record_tally, tally_items, write_tally_sheet
from hrsupply.services.visits import Line
from tests.conftest import at


@pytest.fixture
def van_loaded(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, at(1)),
            Move("transfer", cat.syr, cat.site, 300, at(2, 8), to_location_id=cat.van),
        ],
    )
    with db.write() as s:
        catalog.upsert_par(s, cat.van, cat.syr, 300, 100)
    return cat


def test_a_shift_of_tallies_becomes_anonymous_visits_at_the_van(db, van_loaded):
    cat = van_loaded
    made = record_tally(
        db,
        "lead",
        TallyForm(
            cat.van,
            date(2026, 11, 2),
            visits=12,
            lines=[Line(cat.syr, 240)],
            syringes_returned=180,
            naloxone_reasons={"first kit": 2, "used on an overdose": 1},
            reversals_reported=1,
            referrals={"HCV test": 2},
        ),
    )
    assert len(made) == 12
    rows = visits.between(db, "admin", date(2026, 11, 2), date(2026, 11, 2), cat.van)
    assert visits.totals(rows) == visits.Totals(
        visits=12, unique_codes=0, syringes_out=240, syringes_returned=180, naloxone_kits_out=0
    )
    assert sorted(r.naloxone_reason for r in rows if r.naloxone_reason) == [
        "first kit",
        "first kit",
        "used on an overdose",
    ]
    assert sum(len(r.referrals) for r in rows) == 2 and all(r.participant is None for r in rows)
    assert {(l.location, l.sku): l.quantity for l in stock.on_hand(db)}[("VAN1", "SYR-1ML")] == 60


def test_tallies_entered_after_the_close_out_count_keep_the_count(db, van_loaded):
    cat = van_loaded
    movements.record(db, "lead", [Move("count", cat.syr, cat.van, 50, at(2, 16))])
    record_tally(db, "lead", TallyForm(cat.van, date(2026, 11, 2), visits=10, lines=[Line(cat.syr, 240)]))
    assert {(l.location, l.sku): l.quantity for l in stock.on_hand(db)}[("VAN1", "SYR-1ML")] == 50


def test_bad_tallies_are_refused_whole(db, van_loaded):
    cat = van_loaded
    for form, message in (
        (TallyForm(cat.van, date(2026, 11, 2), visits=0, lines=[Line(cat.syr, 1)]), "at least 1 visit"),
        (TallyForm(cat.van, date(2026, 11, 2), visits=1, naloxone_reasons={"first kit": 2}), "only 1 visit"),
        (TallyForm(cat.van, date(2026, 11, 2), visits=1, syringes_returned=-1), "from 0 to 100,000"),
        (TallyForm(cat.van, date(2026, 11, 2), visits=100_001), "from 0 to 100,000"),
        (TallyForm(cat.van, date(2026, 11, 2), visits=1, naloxone_reasons={"bored": 1}), "unknown naloxone"),
        (TallyForm(cat.van, date(2026, 11, 2), visits=2, lines=[Line(cat.syr, 301)]), "not enough stock"),
    ):
        with pytest.raises(UserError, match=message):
            record_tally(db, "lead", form)
    assert visits.between(db, "admin", date(2026, 11, 1), date(2026, 11, 30)) == []


def test_tally_sheet_pdf_lists_the_van_items_first(db, van_loaded, tmp_path):
    cat = van_loaded
    assert [i.id for i in tally_items(db, cat.van)][0] == cat.syr
    path = write_tally_sheet(db, cat.van, date(2026, 11, 2), tmp_path / "tally.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Tally sheet — Mobile van (VAN1)" in text and "Monday November 02, 2026" in text
    for expected in (
        "Syringe 1 mL 28G 1/2 in",
        "Naloxone 4 mg nasal (2 doses)",
        "Visits",
        "Used syringes returned",
        "Naloxone refill: taken by police",
        "Referral: Housing",
        "Page 1",
    ):
        assert expected in text
    blank = write_tally_sheet(db, cat.van, None, tmp_path / "blank.pdf")
    assert "Date: ____" in PdfReader(blank).pages[0].extract_text()
