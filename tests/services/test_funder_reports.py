"""Funder report templates: every field of every shipped template against figures worked out by
hand from a small second half of 2026 (written here, not read from the code), and the templates
a program writes itself, refused with the file and line when they are wrong."""

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hrsupply.cli import main
from hrsupply.errors import UserError
from hrsupply.services import funder_report, funder_templates, item_editor, kits, movements, program, visits
from hrsupply.services.catalog import naloxone_form, upsert_item
from hrsupply.services.item_editor import ComponentLine, ItemForm
from hrsupply.services.ledger import Move
from hrsupply.services.visits import Line, VisitForm


@pytest.fixture
def half(db, cat, today_is):
    """The second half of 2026, by hand:
    1. AAAA11, SITE, Nov 3: 100 syringes, 80 returned (counted), a nasal kit, first kit.
    2. BBBB22, SITE, Nov 10: a safer-use kit (10 syringes in it), 50 returned (estimated by a
       container), an IM kit after an overdose, 1 reversal, referred to MOUD.
    3. AAAA11, VAN1, Dec 1: 40 syringes, 2 nasal kits, lost.
    4. anonymous, SITE, Dec 2: 20 syringes, 30 returned (counted).
    Not counted: CCCC33's visit of Nov 5 (500 syringes), undone; DDDD44's of June 10 (10 syringes:
    in the calendar year, not in the half)."""
    today_is(date(2026, 12, 31))
    with db.write() as s:
        im = upsert_item(s, "NAL-IM", name="Naloxone IM 0.4 mg/mL kit", category="Naloxone", doses=1)
        s.flush()
        cat.im = im.id
    kit = item_editor.save_item(
        db, "admin", ItemForm("KIT-SU", "Safer use kit", "Kits", components=[ComponentLine("SYR-1ML", 10)])
    )
    with db.write() as s:
        from hrsupply.models import Item

        s.get(Item, cat.nal).doses = 2  # a 2-dose nasal kit
    june = datetime(2026, 6, 1, 8)
    movements.record(
        db,
        "admin",
        [
            Move("receive", cat.syr, cat.site, 2000, june),
            Move("receive", cat.nal, cat.site, 20, june, lot_id=cat.lots["C"]),
            Move("receive", cat.im, cat.site, 10, june),
            Move("transfer", cat.syr, cat.site, 100, june, to_location_id=cat.van),
            Move("transfer", cat.nal, cat.site, 5, june, lot_id=cat.lots["C"], to_location_id=cat.van),
        ],
    )
    kits.assemble(db, "admin", kit, cat.site, 2, datetime(2026, 6, 1, 9))
    record = lambda where, when, code, lines, **kw: visits.record(  # noqa: E731
        db, "admin", VisitForm(where, when, code, lines, **kw), confirm_shortfall=True
    )
    record(cat.site, datetime(2026, 6, 10, 10), "DDDD44", [Line(cat.syr, 10)])
    record(
        cat.site,
        datetime(2026, 11, 3, 10),
        "AAAA11",
        [Line(cat.syr, 100), Line(cat.nal, 1)],
        syringes_returned=80,
        naloxone_reason="first kit",
    )
    today_is(date(2026, 11, 5))  # undone the day it was recorded, as the desk may
    visits.undo(db, "admin", record(cat.site, datetime(2026, 11, 5, 10), "CCCC33", [Line(cat.syr, 500)]))
    today_is(date(2026, 12, 31))
    record(
        cat.site,
        datetime(2026, 11, 10, 10),
        "BBBB22",
        [Line(kit, 1), Line(cat.im, 1)],
        syringes_returned=50,
        returned_estimated=True,
        naloxone_reason="used on an overdose",
        reversals_reported=1,
        referrals=["Medication for opioid use disorder"],
    )
    record(cat.van, datetime(2026, 12, 1, 10), "AAAA11", [Line(cat.syr, 40), Line(cat.nal, 2)], naloxone_reason="lost")
    record(cat.site, datetime(2026, 12, 2, 10), None, [Line(cat.syr, 20)], syringes_returned=30)
    return db


# Each shipped template's figures for the period holding the day, as worked out by hand.
BY_HAND = {
    ("ct-annual", date(2026, 11, 15)): {  # July 2026 to June 2027
        "syringes_distributed": 170,  # 100 + 10 in the kit + 40 + 20
        "syringes_collected": 160,  # 80 + 50 + 30
        "return_ratio": 0.94,  # 160 / 170
        "participants": 2,  # AAAA11, BBBB22
        "new_participants": 2,
        "exchanges": 4,
        "referred_to_treatment": 1,
        "naloxone_kits": 4,  # 1 nasal + 1 IM + 2 nasal
    },
    ("nys-monthly", date(2026, 11, 20)): {
        "visits": 2,
        "participants": 2,
        "new_enrollments": 2,
        "syringes_dispensed": 110,
        "syringes_collected": 130,
        "secondary_exchange": 0,
        "naloxone_kits": 2,
        "reversals": 1,
        "referrals": 1,
    },
    ("nys-quarterly", date(2026, 10, 1)): {
        "visits": 4,
        "participants": 2,
        "new_enrollments": 2,
        "syringes_dispensed": 170,
        "syringes_collected": 160,
        "secondary_exchange": 0,
        "naloxone_kits": 4,
        "reversals": 1,
        "referrals": 1,
    },
    ("dpm-survey", date(2026, 3, 1)): {  # the calendar year: June's 10 syringes too
        "syringes_distributed": 180,
        "syringes_collected": 160,
        "syringes_disposed": 160,
        "naloxone_kits": 4,
        "naloxone_doses": 7,  # 3 nasal kits × 2 doses + 1 IM
        "reversals": 1,
        "size_class": "small (under 10,000)",
    },
    ("naloxone-quarterly", date(2026, 12, 31)): {
        "kits_nasal": 3,
        "kits_injectable": 1,
        "kits_total": 4,
        "doses": 7,
        "first_kits": 1,
        "refills_used": 1,
        "refills_lost": 2,
        "refills_expired": 0,
        "administrations": 1,
    },
    ("semiannual", date(2026, 7, 1)): {
        "exchanges": 4,
        "syringes_out": 170,
        "syringes_in": 160,
        "people_served": 2,
        "new_participants": 2,
        "syringes_per_participant": 85.0,
        "naloxone_doses": 7,
        "reversals": 1,
    },
}


@pytest.mark.parametrize(("name", "day"), list(BY_HAND))
def test_every_field_of_every_shipped_template_as_counted_by_hand(half, name, day):
    program.put(half, "admin", "small_count_suppression", False)  # the figures themselves
    template = funder_templates.named(name)
    start, end = template.snap(day)
    report = funder_report.build(half, "admin", template, start, end)
    assert {f.field: f.value for f in report.figures} == BY_HAND[(name, day)]
    assert [f.label for f in report.figures] == [f.label for f in template.fields]  # the funder's words


def test_every_shipped_template_is_checked_by_hand():
    assert sorted(t.name for t in funder_templates.available()) == sorted({name for name, _ in BY_HAND})


def test_a_few_people_are_suppressed_and_what_would_give_them_back(half):
    """Suppression on (the default): 2 people show as "<5"; syringes per participant would give
    the 2 back from the 170 syringes, so it is hidden too ("*")."""
    template = funder_templates.named("semiannual")
    shown = {
        f.field: f.shown for f in funder_report.build(half, "admin", template, *template.snap(date(2026, 9, 1))).figures
    }
    assert shown["people_served"] == "<5" and shown["new_participants"] == "<5"
    assert shown["syringes_per_participant"] == "*"
    assert shown["syringes_out"] == "170" and shown["exchanges"] == "4"


def test_the_periods_snap_to_the_template_kind():
    day = date(2026, 11, 15)
    assert funder_templates.snap("month", day) == (date(2026, 11, 1), date(2026, 11, 30))
    assert funder_templates.snap("quarter", day) == (date(2026, 10, 1), date(2026, 12, 31))
    assert funder_templates.snap("half", day) == (date(2026, 7, 1), date(2026, 12, 31))
    assert funder_templates.snap("year", day, 7) == (date(2026, 7, 1), date(2027, 6, 30))
    assert funder_templates.snap("year", date(2026, 3, 1), 7) == (date(2025, 7, 1), date(2026, 6, 30))
    assert funder_templates.snap("calendar_year", day) == (date(2026, 1, 1), date(2026, 12, 31))


def test_the_command_line_writes_field_label_value(half, db_url, capsys, tmp_path):
    program.put(half, "admin", "small_count_suppression", False)
    assert main(["--db", db_url, "report", "--template", "naloxone-quarterly", "--from", "2026-10-01",
                 "--to", "2026-12-31", "--format", "csv"]) == 0  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["field", "label", "value"]
    assert {r["field"]: r["value"] for r in rows}["kits_nasal"] == "3"
    assert rows[0]["label"] == "Kits distributed: nasal spray"
    for fmt in ("xlsx", "pdf"):
        out = tmp_path / f"dpm.{fmt}"
        assert main(["--db", db_url, "report", "--template", "dpm-survey", "--from", "2026-05-01",
                     "--format", fmt, "--out", str(out)]) == 0  # fmt: skip
    sheet = load_workbook(tmp_path / "dpm.xlsx").active
    assert sheet.title == "dpm-survey" and sheet["C5"].value == 180 and sheet["B5"].value == "Syringes distributed"
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "dpm.pdf").pages)
    assert "Dave Purchase Memorial" in text and "small (under 10,000)" in text and "180" in text
    assert main(["--db", db_url, "report", "--template", "nope", "--from", "2026-05-01"]) == 2
    assert "no report template 'nope'" in capsys.readouterr().err
    assert main(["--db", db_url, "report", "--list-templates"]) == 0
    assert "semiannual\thalf\tSemiannual funder summary" in capsys.readouterr().out


def test_labels_in_spanish_where_the_program_reports_in_spanish(half):
    from hrsupply import i18n

    i18n.use("es")
    try:
        template = funder_templates.named("dpm-survey")
        figures = funder_report.build(half, "admin", template, *template.snap(date(2026, 1, 1))).figures
    finally:
        i18n.use("en")
    said = {f.field: (f.label, f.value) for f in figures}
    assert said["syringes_distributed"] == ("Jeringas distribuidas", 180)
    assert said["size_class"] == ("Tamaño del programa (jeringas distribuidas)", "pequeño (menos de 10.000)")


GOOD = """name = "county"
title = "County health: monthly"
period = "month"

[[fields]]
id = "out"
label = "Syringes out"
measures = ["syringes_out"]
"""


def test_a_program_adds_its_own_template_in_the_data_folder(half, tmp_path, monkeypatch):
    monkeypatch.setattr(funder_templates, "data_dir", lambda: tmp_path)
    (tmp_path / "report_templates").mkdir()
    (tmp_path / "report_templates" / "county.toml").write_text(GOOD)
    template = funder_templates.named("county")
    report = funder_report.build(half, "admin", template, *template.snap(date(2026, 12, 5)))
    assert [(f.field, f.value) for f in report.figures] == [("out", 60)]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (('measures = ["syringes_out"]', 'measures = ["syringes_given"]'),
         "county.toml, line 8: measures: syringes_given is not a measure of the program report"),
        (('period = "month"', 'period = "fortnight"'), "county.toml, line 3: period: one of month, quarter, half"),
        (("[[fields]]\nid", "[[fields]]\nid = \"out\"\nlabel = \"x\"\nmeasures = [\"visits\"]\n\n[[fields]]\nid"),
         "county.toml, line 11: id: 'out' is a field already"),
        (('label = "Syringes out"', 'label = "Syringes out'), "county.toml: not a TOML file"),
        (('measures = ["syringes_out"]', 'measures = ["syringes_out"]\nrule = "ratio"'),
         "county.toml, line 8: measures: a ratio divides the first measure by the second"),
    ],
)  # fmt: skip
def test_a_bad_template_is_refused_with_its_file_and_line(tmp_path, change, said):
    path = tmp_path / "county.toml"
    path.write_text(GOOD.replace(*change))
    with pytest.raises(UserError) as refused:
        funder_templates.load(path)
    assert str(refused.value).startswith(said), str(refused.value)


def test_every_category_of_a_measure_is_0_when_there_is_none(db, cat):
    """ "referrals:*" in a period without a referral: 0, not "—"."""
    template = funder_templates.named("nys-monthly")
    figures = {
        f.field: f.shown for f in funder_report.build(db, "admin", template, *template.snap(date(2026, 11, 1))).figures
    }
    assert figures["referrals"] == "0" and figures["visits"] == "0"


def test_a_naloxone_items_form_comes_from_its_name():
    assert naloxone_form("Naloxone 4 mg nasal (2 doses)") == "nasal"
    assert naloxone_form("Naloxone IM 0.4 mg/mL kit") == "injectable"
    assert naloxone_form("Narcan") == "other form"
