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
from hrsupply.services import catalog, program, program_report, tally, visits
from hrsupply.services.program_report_files import write_csv, write_pdf, write_xlsx
from hrsupply.services.tally import TallyForm
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import at

NOV_1, NOV_30 = date(2026, 11, 1), date(2026, 11, 30)


def figures(report, column=None):
    column = column or report.total()
    return {(l.measure, l.category): report.value(column, l) for l in report.lines}


def test_every_figure_of_a_month_as_counted_by_hand(db, november):
    report = program_report.build(db, "lead", NOV_1, NOV_30)
    f = figures(report)
    people = [f[(m, "")] for m in ("visits", "anonymous_visits", "unique_participants")]
    # 4 desk visits (the undone one is not a visit) and 3 tallied; anonymous: 1 + the 3 tallied;
    # people: AAAA11, BBBB22 and DDDD44 of the import (CCCC33 undone, EEEE55 reversed).
    assert people == [7, 4, 3]
    assert (f[("new_participants", "")], f[("returning_participants", "")]) == (2, 1)  # AAAA11 came in October
    assert f[("units_out", "Syringes")] == 20 + 30 + 10 + 60  # not the undone 50 nor the reversed 7
    assert f[("units_out", "Naloxone")] == 5 and f[("units_out", "Test strips")] == 5
    assert f[("units_out", "Injection supplies")] == 5  # the imported handout
    assert f[("units_out_item", "Syringe 1 mL 28G 1/2 in")] == 120
    assert f[("syringes_out", "")] == f[("syringes_out", "Syringe 1 mL 28G 1/2 in")] == 120
    assert f[("syringes_out_in_kits", "")] == 0
    assert (f[("syringes_returned", "")], f[("syringes_returned_counted", "")]) == (85, 45)
    assert f[("syringes_returned_estimated", "")] == 40 and f[("secondary_reach", "")] == 2
    assert (f[("naloxone_kits_out", "")], f[("naloxone_doses_out", "")]) == (5, 10)
    # Kits by reason: 1 first kit, 2 on the van visit after an overdose, 1 of the tally's 2 lost
    # (a tally keeps one reason a visit); the tally's other kit has no reason recorded.
    assert f[("naloxone_first_kits", "")] == 1
    assert (f[("naloxone_refills", "used on an overdose")], f[("naloxone_refills", "lost")]) == (2, 1)
    assert f[("naloxone_refills", "expired")] == 0 and f[("naloxone_not_recorded", "")] == 1
    reasons = sum(v for (m, _c), v in f.items() if m in ("naloxone_first_kits", "naloxone_refills"))
    assert reasons + f[("naloxone_not_recorded", "")] == f[("naloxone_kits_out", "")]
    assert f[("reversals_reported", "")] == 1
    assert f[("test_strips_out", "Fentanyl test strip")] == 5
    assert (f[("referrals", "HCV test")], f[("referrals", "Housing")], f[("referrals", "HIV test")]) == (2, 3, 0)
    # Received and disposed per category, never one sum of syringes, strips and naloxone kits.
    received = [f[("received", c)] for c in ("Syringes", "Test strips", "Injection supplies", "Naloxone")]
    assert received == [1000, 100, 80, 40]  # October's 10 syringes outside
    by_source = {c: v for (m, c), v in f.items() if m == "received_by_source"}
    assert by_source == {
        "supplier: Syringes": 1000,
        "donation: Test strips": 100,
        "donation: Injection supplies": 50,
        "not recorded: Injection supplies": 30,
        "state allocation: Naloxone": 40,
    }
    assert not any(m in ("received_total", "disposed_total") for m, _c in f)
    assert f[("disposed", "Injection supplies")] == 3 and f[("disposed_by_reason", "damaged: Injection supplies")] == 3
    assert f[("disposed_share", "Injection supplies")] == pytest.approx(3 / 80)
    assert f[("disposed_share", "Syringes")] == 0.0
    # The end of November: syringes 10 + 1,000 − 10 − 20 − 30 − 10 − 60; naloxone 40 − 5;
    # cookers 50 + 30 − 5 − 3; strips 100 − 5.
    assert f[("stock_end", "Syringes")] == 880 and f[("stock_end", "Naloxone")] == 35
    assert (f[("stock_end", "Injection supplies")], f[("stock_end", "Test strips")]) == (72, 95)


def test_people_are_distinct_per_column_never_summed(db, november):
    report = program_report.build(db, "lead", NOV_1, NOV_30)
    site, van, total = report.places
    assert [c.location for c in report.places] == ["SITE", "VAN1", "ALL"]
    unique = [figures(report, c)[("unique_participants", "")] for c in (site, van, total)]
    assert unique == [3, 1, 3]  # BBBB22 at both: once in the total
    assert figures(report, van)[("visits", "")] == 4 and figures(report, site)[("visits", "")] == 3
    assert figures(report, van)[("stock_end", "Syringes")] == 40
    only_van = program_report.build(db, "lead", NOV_1, NOV_30, "VAN1")
    assert only_van.places == [] and figures(only_van)[("unique_participants", "")] == 1
    assert figures(only_van)[("referrals", "Housing")] == 3


def test_a_quarter_has_a_column_per_month_and_the_total(db, november):
    report = program_report.build(db, "lead", date(2026, 10, 1), NOV_30)
    october, nov, total = report.months
    assert [c.label for c in report.months] == ["Oct 2026", "Nov 2026", "Total"]
    assert [figures(report, c)[("visits", "")] for c in (october, nov, total)] == [1, 7, 8]
    assert [figures(report, c)[("unique_participants", "")] for c in (october, nov, total)] == [1, 3, 3]
    assert figures(report, october)[("new_participants", "")] == 1  # AAAA11, first seen in October
    assert figures(report, total)[("new_participants", "")] == 3
    assert report.value(october, next(l for l in report.lines if l.measure == "stock_end")) is None
    assert report.period == "October 2026 to November 2026"


def test_few_people_show_as_under_five_outside_never_in_the_plain_csv(db, november, tmp_path):
    report = program_report.build(db, "lead", NOV_1, NOV_30)
    site, van, total = report.places
    unique = next(l for l in report.lines if l.measure == "unique_participants")
    assert report.shown(site, unique, outside=True) == "<5" and report.shown(site, unique, outside=False) == "3"
    assert report.shown(total, unique, outside=True) == "<5"  # a few people anywhere are a few people
    out = io.StringIO()
    write_csv(out, report)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == ["measure", "category", "location", "period", "value"]
    assert {r["period"] for r in rows} == {"ALL"}  # one month: no month rows
    found = {(r["measure"], r["category"], r["location"]): r["value"] for r in rows}
    assert found[("unique_participants", "", "SITE")] == "3" and found[("visits", "", "ALL")] == "7"
    assert found[("units_out", "Syringes", "ALL")] == "120" and found[("received", "Test strips", "ALL")] == "100"
    assert found[("disposed_share", "Naloxone", "ALL")] == "0.0"  # 0 of 40
    for measure in ("naloxone_kits_out", "naloxone_doses_out", "reversals_reported", "syringes_returned", "disposed"):
        assert any(r["measure"] == measure for r in rows), measure
    assert not any("AAAA11" in v or "BBBB22" in v for r in rows for v in r.values())  # counts only
    book = load_workbook(write_xlsx(tmp_path / "r.xlsx", report, program="Eastside", suppress=True))
    assert book.sheetnames[0] == "Summary" and "People" in book.sheetnames
    people = book["People"]
    header = [c.value for c in people[4]]
    assert header == ["Figure", "SITE", "VAN1", "Total"] and people.freeze_panes == "B5"
    row = next(r for r in people.iter_rows(min_row=5, values_only=True) if r[0] == "Unique participants")
    assert row == ("Unique participants", "<5", "<5", "<5")
    text = "".join(
        p.extract_text()
        for p in PdfReader(write_pdf(tmp_path / "r.pdf", report, program="Eastside", suppress=True)).pages
    )
    assert "Program report" in text and "Eastside" in text and "<5" in text and "Naloxone" in text
    # The CSV to share says exactly what the workbook says.
    out = io.StringIO()
    write_csv(out, report, outside=True)
    shared = {(r["measure"], r["location"]): r["value"] for r in csv.DictReader(io.StringIO(out.getvalue()))}
    for n, code in ((2, "SITE"), (3, "VAN1"), (4, "ALL")):
        assert (
            shared[("unique_participants", code)]
            == people.cell(row=[c.value for c in people["A"]].index("Unique participants") + 1, column=n).value
        )


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


def test_each_month_is_its_own_report_and_the_months_new_add_up(db, november):
    """AAAA11 first came in October: new in October, returning in November, new in the quarter."""
    quarter = program_report.build(db, "lead", date(2026, 10, 1), date(2026, 12, 31))
    october, nov, december, total = quarter.months
    alone = program_report.build(db, "lead", NOV_1, NOV_30)
    for measure in ("unique_participants", "new_participants", "returning_participants", "visits"):
        assert figures(quarter, nov)[(measure, "")] == figures(alone)[(measure, "")], measure
    assert (figures(quarter, nov)[("new_participants", "")], figures(quarter, nov)[("returning_participants", "")]) == (
        2,
        1,
    )
    new = [figures(quarter, c)[("new_participants", "")] for c in (october, nov, december)]
    assert sum(new) == figures(quarter, total)[("new_participants", "")] == 3
    site_nov = next(c for c in quarter.grid if c.period == "2026-11" and c.location == "SITE")
    assert (
        figures(quarter, site_nov)[("unique_participants", "")]
        == figures(alone, alone.places[0])[("unique_participants", "")]
    )


def test_the_csv_has_the_whole_period_and_each_month_with_no_row_twice(db, november):
    report = program_report.build(db, "lead", date(2026, 10, 15), NOV_30)
    out = io.StringIO()
    write_csv(out, report)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    keys = [(r["measure"], r["category"], r["location"], r["period"]) for r in rows]
    assert len(keys) == len(set(keys))  # syringes by size are their own measure
    assert {r["period"] for r in rows} == {"ALL", "2026-10", "2026-11"}
    assert {(r["location"], r["period"]) for r in rows} == {
        (loc, p) for loc in ("SITE", "VAN1", "ALL") for p in ("ALL", "2026-10", "2026-11")
    }
    value = {k: r["value"] for k, r in zip(keys, rows)}
    assert value[("visits", "", "ALL", "2026-11")] == "7" and value[("visits", "", "ALL", "ALL")] == "7"
    assert value[("visits", "", "SITE", "2026-10")] == "0"  # October 15 on: AAAA11 came on the 2nd
    assert value[("visits", "", "VAN1", "2026-11")] == "4"
    # the months add up to the period for everything counted, at every location
    for (measure, category, loc, period), v in value.items():
        if period == "ALL" and measure in (
            "visits",
            "units_out",
            "syringes_out",
            "naloxone_kits_out",
            "new_participants",
        ):
            if measure == "new_participants" and loc != "ALL":
                continue
            months = [value[(measure, category, loc, m)] for m in ("2026-10", "2026-11")]
            assert sum(int(x) for x in months) == int(v), (measure, category, loc)
    assert not any(r["measure"] == "stock_end" and r["period"] != "ALL" for r in rows)


def test_kits_count_as_kits_and_what_is_in_them_as_syringes(db, november):
    with db.write() as s:
        from hrsupply.models import KitComponent

        kit = catalog.upsert_item(s, "KIT-SAFE", name="Safer use kit", category="Kits")
        s.flush()
        s.add(KitComponent(kit_id=kit.id, component_id=november.syr, quantity=10))
        s.add(KitComponent(kit_id=kit.id, component_id=november.cooker, quantity=1))
        kit_id = kit.id
    from hrsupply.services import kits

    kits.assemble(db, "lead", kit_id, november.site, 45, at=at(20, 8))
    visits.record(db, "lead", VisitForm(november.site, at(21), "FFFF66", [Line(kit_id, 45)]))
    f = figures(program_report.build(db, "lead", NOV_1, NOV_30))
    assert f[("units_out", "Kits")] == 45 and f[("units_out_item", "Safer use kit")] == 45
    assert f[("syringes_out", "")] == 120 + 450 and f[("syringes_out_in_kits", "")] == 450
    assert f[("units_out", "Syringes")] == 570 and f[("units_out_in_kits", "Syringes")] == 450
    assert f[("syringes_out", "Syringe 1 mL 28G 1/2 in")] == 570
    assert f[("units_out_item", "Syringe 1 mL 28G 1/2 in")] == 120  # by item: as handed out
    assert f[("units_out", "Injection supplies")] == 5 + 45


def test_a_share_of_nothing_received_is_a_dash_not_nought(db, november):
    from hrsupply.services import adjustments

    adjustments.dispose(
        db, "lead", location_id=november.site, item_id=november.syr, quantity=20, reason="damaged", at=at(2, 9, 12)
    )
    report = program_report.build(db, "lead", date(2026, 12, 1), date(2026, 12, 31))
    share = next(l for l in report.lines if l.measure == "disposed_share" and l.category == "Syringes")
    assert report.value(report.total(), share) is None and report.shown(report.total(), share, outside=False) == "—"
    assert report.weeks and sum(w.get("visits", 0) for _label, w in report.weeks) == 0  # the chart by week


def test_a_tally_sheets_kits_add_up_by_reason_like_the_desks(db, november):
    """Three tallied visits, four kits, refills for an overdose and a lost kit: one kit on each
    visit with a reason, the other two on the visit with none."""
    tally.record_tally(
        db,
        "lead",
        TallyForm(
            november.site,
            date(2026, 11, 25),
            3,
            [Line(november.syr, 10), Line(november.nal, 3)],
            naloxone_reasons={"used on an overdose": 1, "lost": 1},
        ),
    )
    f = figures(program_report.build(db, "lead", date(2026, 11, 25), date(2026, 11, 25)))
    assert f[("naloxone_kits_out", "")] == 3
    assert (f[("naloxone_refills", "used on an overdose")], f[("naloxone_refills", "lost")]) == (1, 1)
    assert f[("naloxone_not_recorded", "")] == 1 and f[("visits", "")] == 3


def test_a_report_over_years_prints_its_columns_across_pages(db, november, tmp_path):
    """Over about 45 months the tables had a negative width and the PDF failed."""
    report = program_report.build(db, "lead", date(2022, 1, 1), date(2026, 11, 30))
    assert len(report.table_columns()) == 59 + 3
    text = "".join(
        p.extract_text() for p in PdfReader(write_pdf(tmp_path / "years.pdf", report, program="E", suppress=True)).pages
    )
    assert "Jan 2022" in text and "Nov 2026" in text and "People (continued)" in text


def test_the_report_reports_its_progress_and_can_be_cancelled(db, november):
    from hrsupply.steps import Cancelled, Steps

    heard = []
    steps = Steps(lambda done, total, text: heard.append((done, total)))
    program_report.build(db, "admin", date(2026, 11, 1), date(2026, 11, 30), steps=steps)
    assert heard == [(0, 4), (1, 4), (2, 4), (3, 4)]
    stopped = Steps(lambda done, total, text: stopped.cancel() if done == 1 else None)
    with pytest.raises(Cancelled):
        program_report.build(db, "admin", date(2026, 11, 1), date(2026, 11, 30), steps=stopped)


@pytest.mark.parametrize("write", [write_xlsx, write_pdf])
def test_writing_the_report_can_be_cancelled_and_leaves_no_file(db, november, tmp_path, write):
    """The export reports a step per section; cancelled, nothing is left at the path."""
    from hrsupply.steps import Cancelled, Steps

    report = program_report.build(db, "admin", date(2022, 1, 1), date(2026, 11, 30))
    heard, out = [], tmp_path / "out"
    out.mkdir()
    path = write(out / "all", report, program="E", suppress=True, steps=Steps(lambda *a: heard.append(a[:2])))
    assert path.stat().st_size > 0 and len(heard) == len(report.sections()) + 1
    stopped = Steps(lambda done, total, text: stopped.cancel() if done == 1 else None)
    with pytest.raises(Cancelled):
        write(out / "stopped", report, program="E", suppress=True, steps=stopped)
    assert [p.name for p in out.iterdir()] == ["all"]  # no half-written file, no temp left


def test_a_pdf_cancelled_while_its_pages_are_laid_out_leaves_no_file(db, november, tmp_path, monkeypatch):
    """Cancel pressed on the third page of the layout: it stops there, and no file is left."""
    from hrsupply.services import pdf
    from hrsupply.steps import Cancelled, Steps

    report = program_report.build(db, "admin", date(2022, 1, 1), date(2026, 11, 30))
    steps, real, pages, out = Steps(), pdf.NumberedCanvas.showPage, [], tmp_path / "out"
    out.mkdir()

    def show_page(canvas):
        real(canvas)
        pages.append(canvas._pageNumber)
        if len(pages) == 3:
            steps.cancel()

    monkeypatch.setattr(pdf.NumberedCanvas, "showPage", show_page)
    with pytest.raises(Cancelled):
        write_pdf(out / "r.pdf", report, program="E", suppress=True, steps=steps)
    assert len(pages) == 3 and list(out.iterdir()) == []
