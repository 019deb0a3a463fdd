"""Returns by weight: a program that weighs the sharps that come back (syringes to the pound, a
setting) records the weight; the count is worked out from it, and the report keeps counted,
estimated by container and estimated by weight apart, adding them in what was collected."""

from datetime import date, datetime

import pytest

from hrsupply.errors import UserError
from hrsupply.models import Visit
from hrsupply.services import funder_report, funder_templates, program, program_report, returns, visits
from hrsupply.services.visits import Line, VisitForm


def test_a_weight_is_kept_in_grams_and_counted_at_the_programs_syringes_to_the_pound():
    assert returns.to_grams(2, "lb") == 907 and returns.to_grams(1.5, "kg") == 1500
    assert returns.syringes_for(907, 281) == 562  # 2 lb at 281 to the pound
    assert returns.syringes_for(1500, 281) == 929  # 1.5 kg = 3.307 lb
    with pytest.raises(UserError, match="set how many syringes a pound holds first"):
        returns.syringes_for(907, None)
    with pytest.raises(UserError, match="lb or kg"):
        returns.to_grams(2, "oz")
    with pytest.raises(UserError, match="above 0, up to 2,000"):
        returns.to_grams(0, "lb")


def test_counted_by_container_and_by_weight_are_kept_apart_and_added_in_collected(db, cat, today_is):
    today_is(date(2026, 11, 30))
    form = lambda **kw: VisitForm(cat.site, datetime(2026, 11, 3, 10), "AAAA11", [Line(cat.syr, 1)], **kw)  # noqa: E731
    with pytest.raises(UserError, match="set how many syringes a pound holds first"):  # not set up: refused
        visits.record(db, "admin", form(returned_grams=907), confirm_shortfall=True)
    program.put(db, "admin", "syringes_per_pound", 281)
    visits.record(db, "admin", form(syringes_returned=30), confirm_shortfall=True)  # counted
    visits.record(db, "admin", form(syringes_returned=100, returned_estimated=True), confirm_shortfall=True)
    # Weighed: whatever count came with it, the weight's count is kept (and never "estimated").
    weighed = visits.record(
        db, "admin", form(syringes_returned=5, returned_estimated=True, returned_grams=907), confirm_shortfall=True
    )
    with db.read() as s:
        row = s.get(Visit, weighed)
        assert (row.syringes_returned, row.returned_estimated, row.returned_grams) == (562, False, 907)
    report = program_report.build(db, "admin", date(2026, 11, 1), date(2026, 11, 30))
    f = {(l.measure, l.category): report.value(report.total(), l) for l in report.lines}
    assert f[("syringes_returned_counted", "")] == 30
    assert f[("syringes_returned_estimated", "")] == 100
    assert f[("syringes_returned_weighed", "")] == 562
    assert f[("syringes_returned", "")] == 30 + 100 + 562
    assert f[("return_ratio", "")] == pytest.approx(692 / 3)  # 3 syringes handed out


def test_a_template_may_ask_for_the_weighed_returns(db, cat, today_is, tmp_path, monkeypatch):
    today_is(date(2026, 11, 30))
    program.put(db, "admin", "syringes_per_pound", 281)
    visits.record(
        db,
        "admin",
        VisitForm(cat.site, datetime(2026, 11, 3, 10), None, [], returned_grams=returns.to_grams(1, "kg")),
    )
    monkeypatch.setattr(funder_templates, "data_dir", lambda: tmp_path)
    (tmp_path / "report_templates").mkdir()
    (tmp_path / "report_templates" / "county.toml").write_text(
        'name = "county"\ntitle = "County"\nperiod = "month"\n\n[[fields]]\nid = "weighed"\n'
        'label = "Collected, by weight"\nmeasures = ["syringes_returned_weighed"]\n'
    )
    template = funder_templates.named("county")
    figures = funder_report.build(db, "admin", template, *template.snap(date(2026, 11, 1))).figures
    assert [(f.field, f.value) for f in figures] == [("weighed", 619)]  # 1 kg = 2.2046 lb × 281


def test_the_vans_tally_sheet_takes_the_shifts_sharps_by_weight(db, cat, today_is):
    """At the close of a van shift the crew weighs what came back: the tally's first visit keeps
    the weight and its count; the report counts it as estimated by weight."""
    from hrsupply.services import tally
    from hrsupply.services.tally import TallyForm

    today_is(date(2026, 11, 30))
    program.put(db, "admin", "syringes_per_pound", 281)
    made = tally.record_tally(db, "admin", TallyForm(cat.van, date(2026, 11, 20), 3, returned_grams=1361))
    with db.read() as s:
        rows = [s.get(Visit, v) for v in made]
        assert [(v.syringes_returned, v.returned_grams) for v in rows] == [(843, 1361), (0, None), (0, None)]
    report = program_report.build(db, "admin", date(2026, 11, 1), date(2026, 11, 30))
    f = {(l.measure, l.category): report.value(report.total(), l) for l in report.lines}
    assert (f[("syringes_returned_weighed", "")], f[("syringes_returned", "")]) == (843, 843)  # 3 lb × 281
