"""The program report: a November with known visits, returns, a tally sheet, an undone visit,
an imported handout (and one reversed), naloxone first kits and refills, deliveries by source and a
disposal; every figure asserted against a hand count, on SQLite and PostgreSQL alike."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hrsupply.cli import main
from hrsupply.models import Item
from hrsupply.services import catalog, item_editor, movements, program, program_report, receiving, tally, visits
from hrsupply.services.ledger import Move
from hrsupply.services.program_report_files import write_csv, write_pdf, write_xlsx
from hrsupply.services.receiving import ReceiptForm, ReceiptLine
from hrsupply.services.tally import TallyForm
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import at

NOV_1, NOV_30 = date(2026, 11, 1), date(2026, 11, 30)


@pytest.fixture
def november(db, cat):
    with db.write() as s:
        strip = catalog.upsert_item(s, "FTS", name="Fentanyl test strip", category="Test strips", unit="strip")
        cooker = catalog.upsert_item(s, "COOKER", name="Cooker", category="Injection supplies")
        s.get(Item, cat.nal).doses = 2  # a 2-dose nasal kit
        s.flush()
        cat.strip, cat.cooker = strip.id, cooker.id
    supplier = item_editor.save_source(db, "lead", "Henry Schein", "supplier")
    donor = item_editor.save_source(db, "lead", "Church donation", "donation")
    state = item_editor.save_source(db, "lead", "State DOH", "state allocation")

    def receive(source, day, *lines):
        receiving.record_receipt(db, "lead", ReceiptForm(source, cat.site, at(day, 8), None, list(lines)))

    # October: AAAA11 seen once (so in November they return), from 10 syringes received then.
    receiving.record_receipt(
        db, "lead", ReceiptForm(supplier, cat.site, at(1, 8, 10), None, [ReceiptLine(cat.syr, 10)])
    )
    visits.record(db, "lead", VisitForm(cat.site, at(2, 10, 10), "AAAA11", [Line(cat.syr, 10)]))
    # November deliveries: 1,000 syringes bought, 100 strips and 50 cookers donated, 40 naloxone
    # kits from the state, and 30 cookers imported from a spreadsheet with no source.
    receive(supplier, 1, ReceiptLine(cat.syr, 1000))
    receive(donor, 1, ReceiptLine(cat.strip, 100), ReceiptLine(cat.cooker, 50))
    receive(state, 1, ReceiptLine(cat.nal, 40, lot="C"))
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.cooker, cat.site, 30, at(1, 9)),
            Move("transfer", cat.syr, cat.site, 100, at(1, 10), to_location_id=cat.van),
            Move("transfer", cat.nal, cat.site, 5, at(1, 10), lot_id=cat.lots["C"], to_location_id=cat.van),
        ],
    )
    visits.record(
        db,
        "lead",
        VisitForm(cat.site, at(3), "AAAA11", [Line(cat.syr, 20)], syringes_returned=15, referrals=["HCV test"]),
    )
    visits.record(
        db,
        "lead",
        VisitForm(
            cat.site,
            at(5),
            "BBBB22",
            [Line(cat.syr, 30), Line(cat.nal, 1)],
            syringes_returned=40,
            returned_estimated=True,
            collecting_for=2,
            naloxone_reason="first kit",
        ),
    )
    visits.record(
        db,
        "lead",
        VisitForm(
            cat.van,
            at(7),
            "BBBB22",
            [Line(cat.nal, 2)],
            naloxone_reason="used on an overdose",
            reversals_reported=1,
            referrals=["HCV test", "Housing"],
        ),
    )
    visits.record(db, "lead", VisitForm(cat.site, at(9), None, [Line(cat.syr, 10), Line(cat.strip, 5)]))
    undone = visits.record(db, "lead", VisitForm(cat.site, at(20), "CCCC33", [Line(cat.syr, 50)]))
    visits.undo(db, "lead", undone, today=date(2026, 11, 20))
    tally.record_tally(
        db,
        "lead",
        TallyForm(
            cat.van,
            date(2026, 11, 12),
            3,
            [Line(cat.syr, 60)],
            syringes_returned=30,
            naloxone_reasons={"lost": 1},
            referrals={"Housing": 2},
        ),
    )
    movements.record(  # imported handouts: one kept, one reversed later
        db,
        "lead",
        [
            Move("handout", cat.cooker, cat.site, 5, at(14), participant="DDDD44"),
            Move("handout", cat.syr, cat.site, 7, at(15), participant="EEEE55"),
        ],
    )
    with db.read() as s:
        from sqlalchemy import select

        from hrsupply.models import Movement

        wrong = s.scalar(select(Movement.id).where(Movement.participant == "EEEE55"))
    movements.reverse(db, "lead", wrong, "entered twice")
    from hrsupply.services import adjustments

    adjustments.dispose(db, "lead", location_id=cat.site, item_id=cat.cooker, quantity=3, reason="damaged", at=at(16))
    return cat


def figures(report, column=None):
    column = column or report.total()
    return {(l.measure, l.category): report.value(column, l) for l in report.lines}


def test_every_figure_of_a_month_as_counted_by_hand(db, november):
    report = program_report.build(db, NOV_1, NOV_30)
    f = figures(report)
    people = [f[(m, "")] for m in ("visits", "anonymous_visits", "unique_participants")]
    # 4 desk visits (the undone one is not a visit) and 3 tallied; anonymous: 1 + the 3 tallied;
    # people: AAAA11, BBBB22 and DDDD44 of the import (CCCC33 undone, EEEE55 reversed).
    assert people == [7, 4, 3]
    assert (f[("new_participants", "")], f[("returning_participants", "")]) == (2, 1)  # AAAA11 came in October
    assert f[("units_out", "Syringes")] == 20 + 30 + 10 + 60  # not the undone 50 nor the reversed 7
    assert f[("units_out", "Naloxone")] == 3 and f[("units_out", "Test strips")] == 5
    assert f[("units_out", "Injection supplies")] == 5  # the imported handout
    assert f[("units_out_item", "Syringe 1 mL 28G 1/2 in")] == 120
    assert (f[("syringes_returned", "")], f[("syringes_returned_counted", "")]) == (85, 45)
    assert f[("syringes_returned_estimated", "")] == 40 and f[("secondary_reach", "")] == 2
    assert (f[("naloxone_kits_out", "")], f[("naloxone_doses_out", "")]) == (3, 6)
    assert f[("naloxone_first_kits", "")] == 1
    assert (f[("naloxone_refills", "used on an overdose")], f[("naloxone_refills", "lost")]) == (1, 1)
    assert f[("naloxone_refills", "expired")] == 0 and f[("reversals_reported", "")] == 1
    assert f[("test_strips_out", "Fentanyl test strip")] == 5
    assert (f[("referrals", "HCV test")], f[("referrals", "Housing")], f[("referrals", "HIV test")]) == (2, 3, 0)
    received = [f[("received", kind)] for kind in ("supplier", "donation", "state allocation", "not recorded")]
    assert received == [1000, 150, 40, 30] and f[("received_total", "")] == 1220  # October's 10 outside
    assert f[("disposed", "damaged")] == 3 and f[("disposed_share", "")] == pytest.approx(3 / 1220)
    # The end of November: syringes 10 + 1,000 − 10 − 20 − 30 − 10 − 60; naloxone 40 − 3;
    # cookers 50 + 30 − 5 − 3; strips 100 − 5.
    assert f[("stock_end", "Syringes")] == 880 and f[("stock_end", "Naloxone")] == 37
    assert (f[("stock_end", "Injection supplies")], f[("stock_end", "Test strips")]) == (72, 95)


def test_people_are_distinct_per_column_never_summed(db, november):
    report = program_report.build(db, NOV_1, NOV_30)
    site, van, total = report.places
    assert [c.location for c in report.places] == ["SITE", "VAN1", "ALL"]
    unique = [figures(report, c)[("unique_participants", "")] for c in (site, van, total)]
    assert unique == [3, 1, 3]  # BBBB22 at both: once in the total
    assert figures(report, van)[("visits", "")] == 4 and figures(report, site)[("visits", "")] == 3
    assert figures(report, van)[("stock_end", "Syringes")] == 40
    only_van = program_report.build(db, NOV_1, NOV_30, "VAN1")
    assert only_van.places == [] and figures(only_van)[("unique_participants", "")] == 1
    assert figures(only_van)[("referrals", "Housing")] == 3


def test_a_quarter_has_a_column_per_month_and_the_total(db, november):
    report = program_report.build(db, date(2026, 10, 1), NOV_30)
    october, nov, total = report.months
    assert [c.label for c in report.months] == ["Oct 2026", "Nov 2026", "Total"]
    assert [figures(report, c)[("visits", "")] for c in (october, nov, total)] == [1, 7, 8]
    assert [figures(report, c)[("unique_participants", "")] for c in (october, nov, total)] == [1, 3, 3]
    assert figures(report, october)[("new_participants", "")] == 1  # AAAA11, first seen in October
    assert figures(report, total)[("new_participants", "")] == 3
    assert report.value(october, next(l for l in report.lines if l.measure == "stock_end")) is None
    assert report.period == "October 2026 to November 2026"


def test_few_people_show_as_under_five_outside_never_in_the_csv(db, november, tmp_path):
    report = program_report.build(db, NOV_1, NOV_30)
    site, _van, total = report.places
    unique = next(l for l in report.lines if l.measure == "unique_participants")
    assert report.shown(site, unique, outside=True) == "<5" and report.shown(site, unique, outside=False) == "3"
    assert report.shown(total, unique, outside=True) == "3"  # all locations: not one place
    out = io.StringIO()
    write_csv(out, report)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["measure", "category", "location", "value"]
    found = {(r["measure"], r["category"], r["location"]): r["value"] for r in rows}
    assert found[("unique_participants", "", "SITE")] == "3" and found[("visits", "", "ALL")] == "7"
    assert found[("units_out", "Syringes", "ALL")] == "120" and found[("received", "donation", "ALL")] == "150"
    for measure in ("naloxone_kits_out", "naloxone_doses_out", "reversals_reported", "syringes_returned", "disposed"):
        assert any(r["measure"] == measure for r in rows), measure
    assert not any("AAAA11" in v or "BBBB22" in v for r in rows for v in r.values())  # counts only
    book = load_workbook(write_xlsx(tmp_path / "r.xlsx", report, program="Eastside", suppress=True))
    assert book.sheetnames[0] == "Summary" and "People" in book.sheetnames
    people = book["People"]
    header = [c.value for c in people[4]]
    assert header == ["Figure", "SITE", "VAN1", "Total"] and people.freeze_panes == "B5"
    row = next(r for r in people.iter_rows(min_row=5, values_only=True) if r[0] == "Unique participants")
    assert row == ("Unique participants", "<5", "<5", 3)
    text = "".join(
        p.extract_text()
        for p in PdfReader(write_pdf(tmp_path / "r.pdf", report, program="Eastside", suppress=True)).pages
    )
    assert "Program report" in text and "Eastside" in text and "<5" in text and "Naloxone" in text


def test_the_setting_turns_suppression_off_and_the_cli_writes_each_format(db, db_url, november, tmp_path, capsys):
    assert program.get(db, "small_count_suppression") is True
    assert main(["--db", db_url, "report", "--from", "2026-11-01", "--to", "2026-11-30"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["location"] for r in rows} == {"SITE", "VAN1", "ALL"}
    program.put(db, "admin", "small_count_suppression", False)
    out = tmp_path / "nov.xlsx"
    assert (
        main(
            [
                "--db",
                db_url,
                "report",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    row = next(
        r for r in load_workbook(out)["People"].iter_rows(min_row=5, values_only=True) if r[0] == "Unique participants"
    )
    assert row == ("Unique participants", 3, 1, 3)
    pdf = tmp_path / "van.pdf"
    args = ["--db", db_url, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--location", "VAN1"]
    assert main([*args, "--format", "pdf", "--out", str(pdf)]) == 0
    assert "Mobile van" in PdfReader(pdf).pages[0].extract_text()
    assert main([*args, "--format", "pdf"]) == 2  # a PDF needs --out
    assert "--out FILE" in capsys.readouterr().err
