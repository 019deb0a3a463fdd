"""Export everything → import into an empty database → export again: the same workbook (ids
aside) and the same program report; visits, their lines, kits, packs, barcodes, presets and
sources travel; a visit already in the records is refused like a movement."""

import io
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from hrsupply.errors import ImportRefused
from hrsupply.models import Item, Location, Movement
from hrsupply.services import exchange, movements, program_report, tally, visits
from hrsupply.services.demo import rebuild_demo
from hrsupply.services.program_report_files import write_csv
from hrsupply.services.tally import TallyForm
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import PG
from tests.helpers import EXPORT_SHEETS, workbook

DAY = date(2026, 11, 25)
VISITS_HEADER = [
    "visit_id",
    "date",
    "location",
    "participant",
    "returned",
    "returned_estimated",
    "collecting_for",
    "naloxone_reason",
    "reversals",
    "referrals",
    "undone",
]


def sheets(path) -> dict[str, list[tuple]]:
    book = load_workbook(path, read_only=True)
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def report_csv(db, user: str) -> str:
    out = io.StringIO()
    write_csv(out, program_report.build(db, user, DAY - timedelta(days=40), DAY))
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo's month, and what it lacks: an undone visit, a tally sheet, a line reversed at
    the stock card, a visit with only returns."""
    db = rebuild_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", today=DAY)
    with db.read() as s:
        site = s.scalar(select(Location.id).where(Location.code == "SITE"))
        van = s.scalar(select(Location.id).where(Location.code == "VAN1"))
        syr = s.scalar(select(Item.id).where(Item.sku == "SYR-1ML-28"))
        nal = s.scalar(select(Item.id).where(Item.category == "Naloxone"))
    at = datetime(2026, 11, 24, 15, 5, 7)
    undone = visits.record(db, "sam", VisitForm(site, at, "ZZUN01", [Line(syr, 30), Line(nal, 1)]))
    with pytest.MonkeyPatch.context() as patch:  # undone the day it was recorded
        from hrsupply.services import bounds

        patch.setattr(bounds, "today", lambda: at.date())
        visits.undo(db, "sam", undone)
    returns = VisitForm(
        site, at + timedelta(minutes=3), None, [], syringes_returned=120, referrals=["HCV test", "Housing"]
    )
    visits.record(db, "sam", returns)
    kept = visits.record(db, "sam", VisitForm(site, at + timedelta(minutes=9), "ZZRV02", [Line(syr, 20)]))
    with db.read() as s:
        line = s.scalar(select(Movement.id).where(Movement.visit_id == kept))
    movements.reverse(db, "sam", line, "entered on the wrong visit")
    tally.record_tally(
        db,
        "sam",
        TallyForm(van, DAY - timedelta(days=2), 4, [Line(syr, 40), Line(nal, 3)], naloxone_reasons={"lost": 2}),
    )
    yield db
    db.dispose()


def test_export_import_export_gives_the_same_workbook_and_report(demo, db, tmp_path):
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    exchange.export_workbook(demo, "sam", first)
    book = sheets(first)
    assert list(book) == EXPORT_SHEETS
    assert list(book["Visits"][0]) == VISITS_HEADER
    assert list(book["Visit lines"][0]) == ["visit_id", "sku", "quantity", "lot"]
    assert all(len(rows) > 1 for rows in book.values()), {t: len(r) for t, r in book.items()}
    visits_rows = [dict(zip(VISITS_HEADER, r)) for r in book["Visits"][1:]]
    assert all(isinstance(v["date"], datetime) for v in visits_rows)
    assert {v["undone"] for v in visits_rows} == {"yes", "no"} and {v["returned_estimated"] for v in visits_rows} <= {
        "yes",
        "no",
    }
    assert any(v["participant"] is None for v in visits_rows)  # anonymous
    assert any(";" in (v["referrals"] or "") for v in visits_rows)
    undone = next(v for v in visits_rows if v["participant"] == "ZZUN01")
    assert undone["undone"] == "yes"
    assert {r[2] for r in book["Visit lines"][1:] if r[0] == undone["visit_id"]} == {30, 1}  # what it had handed out
    reversed_visit = next(v for v in visits_rows if v["participant"] == "ZZRV02")
    assert not [r for r in book["Visit lines"][1:] if r[0] == reversed_visit["visit_id"]]  # nothing left of it
    assert not any("PIN" in str(c) or "scrypt" in str(c) for rows in book.values() for r in rows for c in r)

    summary = exchange.import_workbook(db, first, "admin")
    assert summary.movements > 0
    exchange.export_workbook(db, "admin", second)
    again = sheets(second)
    assert list(again) == list(book)
    for title in book:
        assert again[title] == book[title], title
    assert report_csv(db, "admin") == report_csv(demo, "sam")


def test_a_visit_already_in_the_records_is_refused_like_a_movement(demo, db, tmp_path):
    path = tmp_path / "all.xlsx"
    exchange.export_workbook(demo, "sam", path)
    exchange.import_workbook(db, path, "admin")
    with pytest.raises(ImportRefused) as refused:
        exchange.import_workbook(db, path, "admin")
    assert any(p.sheet == "Visits" and "already in the records" in p.message for p in refused.value.problems)
    book = sheets(path)
    only = workbook(tmp_path / "visits.xlsx", Visits=[list(r) for r in book["Visits"]])
    with pytest.raises(ImportRefused):
        exchange.import_workbook(db, only, "admin")


def test_a_workbook_of_visits_alone_imports(db, cat, tmp_path):
    from hrsupply.services.ledger import Move

    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, datetime(2026, 11, 1, 8))])
    rows = [
        VISITS_HEADER,
        [
            "7b0c5a5e-2f0e-4c55-9d55-0b8f0b1d3a01",
            "2026-11-02 10:00",
            "SITE",
            "MAJO85",
            10,
            "no",
            2,
            "",
            0,
            "HCV test; Housing",
            "no",
        ],
        ["7b0c5a5e-2f0e-4c55-9d55-0b8f0b1d3a02", "2026-11-02 11:00", "SITE", "", 0, "yes", 0, "", 1, "", "no"],
    ]
    lines = [["visit_id", "sku", "quantity", "lot"], ["7b0c5a5e-2f0e-4c55-9d55-0b8f0b1d3a01", "SYR-1ML", 20, None]]
    path = workbook(tmp_path / "v.xlsx", **{"Visits": rows, "Visit lines": lines})
    exchange.import_workbook(db, path, "admin")
    [second, first] = visits.between(db, "admin", date(2026, 11, 2), date(2026, 11, 2))
    assert (first.participant, first.syringes_out, first.syringes_returned, first.collecting_for) == (
        "MAJO85",
        20,
        10,
        2,
    )
    assert (
        list(first.referrals) == ["HCV test", "Housing"]
        and second.participant is None
        and second.reversals_reported == 1
    )


def test_bad_visit_rows_are_named(db, cat, tmp_path):
    rows = [
        VISITS_HEADER,
        ["not-an-id", "2026-11-02 10:00", "NOPE", "MA JO", -1, "maybe", 0, "bored", 0, "", "no"],
    ]
    lines = [["visit_id", "sku", "quantity", "lot"], ["7b0c5a5e-2f0e-4c55-9d55-0b8f0b1d3a09", "SYR-1ML", "1_000", None]]
    path = workbook(tmp_path / "v.xlsx", **{"Visits": rows, "Visit lines": lines})
    with pytest.raises(ImportRefused) as refused:
        exchange.import_workbook(db, path, "admin")
    found = {(p.sheet, p.row, p.column) for p in refused.value.problems}
    assert {("Visits", 2, "visit_id"), ("Visits", 2, "location"), ("Visits", 2, "returned")} <= found
    assert {
        ("Visits", 2, "returned_estimated"),
        ("Visit lines", 2, "visit_id"),
        ("Visit lines", 2, "quantity"),
    } <= found


@pytest.mark.skipif(bool(PG), reason="one database is enough")
def test_export_carries_no_user_and_no_pin_hash(demo, tmp_path):
    from hrsupply.models import User

    with demo.read() as s:
        hashes = [h for h in s.scalars(select(User.secret_hash))]
    path = tmp_path / "x.xlsx"
    exchange.export_workbook(demo, "sam", path)
    cells = "\n".join(str(c) for rows in sheets(path).values() for r in rows for c in r if c is not None)
    assert "Users" not in sheets(path) and hashes and not any(h in cells or h[-20:] in cells for h in hashes)


CLASSES = (
    ("" if PG else "\x00") + "\x07\x1b\x7f\x85\u200b\u202e\ufeff\U0001f489 é 名 =SUM(A1) \\"
)  # control (PostgreSQL holds no NUL), format, emoji, formula


def test_export_never_fails_on_anything_the_database_holds(db, cat, tmp_path):
    """Every character class, stored through every service that keeps text, then exported."""
    from hrsupply.services import adjustments, catalog, exports, item_editor, presets, program, reconcile, stock
    from hrsupply.services.ledger import Move

    odd = f"X{CLASSES}"
    with db.write() as s:
        catalog.upsert_item(s, "ODD-1", name=odd, category=odd, unit="each")
    item_editor.save_location(db, "admin", "ODD", odd[:60], "other")
    source = item_editor.save_source(db, "admin", odd[:60], "donation")
    from hrsupply.services import receiving
    from hrsupply.services.receiving import ReceiptForm, ReceiptLine

    receiving.record_receipt(
        db, "admin", ReceiptForm(source, cat.site, datetime(2026, 11, 1, 9), odd[:100], [ReceiptLine(cat.syr, 50)])
    )
    movements.record(
        db,
        "admin",
        [Move("receive", cat.nal, cat.site, 5, datetime(2026, 11, 1, 9), lot_id=cat.lots["B"], reference=odd)],
    )
    adjustments.adjust(
        db,
        "admin",
        location_id=cat.site,
        item_id=cat.syr,
        quantity=-1,
        reason="other",
        note=CLASSES,
        at=datetime(2026, 11, 2, 9),
    )
    presets.save_preset(db, "admin", odd[:90], [Line(cat.syr, 2)])
    program.put(db, "admin", "referrals", [odd[:60], "Housing"])
    visits.record(
        db, "admin", VisitForm(cat.site, datetime(2026, 11, 3, 9), None, [Line(cat.syr, 1)], referrals=[odd[:60]])
    )
    path = tmp_path / "all.xlsx"
    exchange.export_workbook(db, "admin", path)
    cells = "".join(str(c) for rows in sheets(path).values() for r in rows for c in r if c is not None)
    assert "\ufffd" in cells and "\U0001f489" in cells and "名" in cells  # shown, not lost; controls replaced
    report = program_report.build(db, "admin", date(2026, 11, 1), date(2026, 11, 30))
    from hrsupply.services.program_report_files import write_pdf, write_xlsx

    write_xlsx(tmp_path / "r.xlsx", report, program=odd, suppress=True)
    write_pdf(tmp_path / "r.pdf", report, program=odd, suppress=True)
    out = io.StringIO()
    write_csv(out, report)
    assert odd in out.getvalue()  # the program's own CSV keeps the name as it is
    lines = reconcile.reconcile(db, date(2026, 11, 1), date(2026, 11, 30))
    sheet = reconcile.report(
        lines, program=odd, start=date(2026, 11, 1), end=date(2026, 11, 30), place=odd, units=catalog.units(db)
    )
    exports.write_xlsx(tmp_path / "rec.xlsx", sheet)
    exports.write_pdf(tmp_path / "rec.pdf", sheet)
    assert stock.on_hand(db)
