"""The reconciliation's drill-down, and the order sheet and reconciliation as spreadsheet and PDF."""

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hrsupply.errors import UserError
from hrsupply.services import catalog, movements, reconcile, reorder
from hrsupply.services.exports import write_pdf, write_xlsx
from hrsupply.services.ledger import Move
from tests.conftest import at

NOV_1, NOV_30 = date(2026, 11, 1), date(2026, 11, 30)


@pytest.fixture
def month(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, at(2)),
            Move("receive", cat.syr, cat.site, 500, at(9)),
            Move("handout", cat.syr, cat.site, 40, at(3)),
            Move("handout", cat.syr, cat.site, 25, at(4)),
            Move("transfer", cat.syr, cat.site, 300, at(5, 8), to_location_id=cat.van),
            Move("transfer", cat.syr, cat.van, 50, at(5, 17), to_location_id=cat.site),
            Move("handout", cat.syr, cat.van, 200, at(5, 12)),
            Move("dispose", cat.syr, cat.site, 10, at(6), reason="damaged"),
            Move("count", cat.syr, cat.site, 670, at(7)),  # 675 expected: 5 missing
            Move("receive", cat.nal, cat.site, 12, at(2), lot_id=cat.lots["A"]),
        ],
    )
    return cat


def cell(lines, location, sku, column):
    [line] = [l for l in lines if (l.location, l.sku) == (location, sku)]
    return getattr(line, column)


@pytest.mark.parametrize(
    "column", ["received", "handed_out", "transferred_out", "transferred_in", "disposed", "count_variance"]
)
def test_drill_down_lines_add_up_to_the_cell(db, month, column):
    lines = reconcile.reconcile(db, NOV_1, NOV_30)
    for location in ("SITE", "VAN1"):
        behind = reconcile.behind(db, NOV_1, NOV_30, location, "SYR-1ML", column)
        assert sum(b.quantity for b in behind) == cell(lines, location, "SYR-1ML", column)


def test_drill_down_shows_each_movement_with_its_other_side(db, month):
    out = reconcile.behind(db, NOV_1, NOV_30, "SITE", "SYR-1ML", "transferred_out")
    assert [(b.type, b.quantity, b.counterpart) for b in out] == [("transfer", 300, "VAN1")]
    back = reconcile.behind(db, NOV_1, NOV_30, "SITE", "SYR-1ML", "transferred_in")
    assert [(b.quantity, b.counterpart) for b in back] == [(50, "VAN1")]
    handed = reconcile.behind(db, NOV_1, NOV_30, "SITE", "SYR-1ML", "handed_out")
    assert [b.quantity for b in handed] == [40, 25]
    assert [b.quantity for b in reconcile.behind(db, NOV_1, NOV_30, "SITE", "SYR-1ML", "count_variance")] == [-5]
    # Only the period: the 2nd is outside November 3–30.
    assert reconcile.behind(db, date(2026, 11, 3), NOV_30, "SITE", "SYR-1ML", "received")[0].quantity == 500
    with pytest.raises(UserError, match="a balance"):
        reconcile.behind(db, NOV_1, NOV_30, "SITE", "SYR-1ML", "opening")


def test_reconciliation_spreadsheet_has_values_formats_frozen_header_and_totals(db, month, tmp_path):
    lines = reconcile.reconcile(db, NOV_1, NOV_30)
    rep = reconcile.report(
        lines, program="Eastside", start=NOV_1, end=NOV_30, place="All locations", units=catalog.units(db)
    )
    path = write_xlsx(tmp_path / "reconcile.xlsx", rep)
    ws = load_workbook(path).active
    assert ws["A1"].value == "Reconciliation" and "All locations" in ws["A2"].value
    header = [c.value for c in ws[4]]
    assert header[:5] == ["Location", "SKU", "Item", "Opening", "Received"] and header[-1] == "Closing"
    assert ws.freeze_panes == "A5"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5, max_row=4 + len(lines))]
    site_syr = next(r for r in rows if r[:2] == ["SITE", "SYR-1ML"])
    assert site_syr[3:] == [0, 1500, 50, 65, 300, 10, 0, -5, 1170]
    totals = [c.value for c in ws[5 + len(lines)]]
    assert totals[0] == "Total" and totals[4] == 1512 and totals[-1] == sum(l.closing for l in lines)
    assert ws.cell(5, 4).number_format == "#,##0" and ws.cell(5, 11).number_format == "+#,##0;-#,##0;0"
    assert ws.cell(5 + len(lines), 5).font.bold
    assert ws.auto_filter.ref == f"A4:L{4 + len(lines)}"
    # The line with the count difference is highlighted.
    site_row = 5 + rows.index(site_syr)
    assert ws.cell(site_row, 1).fill.fgColor.rgb.endswith("FDE2E1")


def test_reconciliation_pdf_text(db, month, tmp_path):
    lines = reconcile.reconcile(db, NOV_1, NOV_30)
    rep = reconcile.report(
        lines, program="Eastside", start=NOV_1, end=NOV_30, place="All locations", units=catalog.units(db)
    )
    text = PdfReader(write_pdf(tmp_path / "reconcile.pdf", rep)).pages[0].extract_text()
    assert "Reconciliation" in text and "November 01, 2026 to November 30, 2026" in text
    assert "Transferred" in text and "1,170" in text and "-5" in text and "Total" in text and "Page 1 of 1" in text


def test_order_sheet_spreadsheet_and_pdf(db, month, tmp_path):
    view = reorder.suggestions(db, location="SITE", today=date(2026, 12, 1))
    rep = reorder.order_sheet(view, program="Eastside", place="Fixed site")
    ws = load_workbook(write_xlsx(tmp_path / "order.xlsx", rep)).active
    header = [c.value for c in ws[4]]
    assert header[0] == "Item" and header[-2:] == ["Packs to order", "Units to order"]
    first = [c.value for c in ws[5]]
    syr = view.lines[0]
    assert first[:2] == [syr.name, syr.sku] and first[-1] == syr.suggested
    assert ws.cell(5, header.index("AMC") + 1).number_format == "#,##0.0"
    assert ws.freeze_panes == "A5"
    assert [c.value for c in ws[5 + len(view.lines)]][-1] == sum(l.suggested for l in view.lines)
    text = PdfReader(write_pdf(tmp_path / "order.pdf", rep)).pages[0].extract_text()
    assert "Order sheet" in text and "Syringe 1 mL" in text and "target 3 months of stock" in text


def test_totals_are_per_unit_never_syringes_kits_and_socks_together(tmp_path):
    from hrsupply.services.report import Column, Report

    rep = Report(
        "Reconciliation",
        "Eastside",
        [Column("Item"), Column("Received", "int", total=True)],
        [["Syringe", 1000], ["Naloxone kit", 24], ["Syringe 3 mL", 500], ["Socks", 30]],
        units=["each", "kit", "each", "pair"],
    )
    assert rep.totals() == [["Total, each", 1500], ["Total, kit", 24], ["Total, pair", 30]]
    ws = load_workbook(write_xlsx(tmp_path / "r.xlsx", rep)).active
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=9, max_row=11)] == rep.totals()
    text = PdfReader(write_pdf(tmp_path / "r.pdf", rep)).pages[0].extract_text()
    assert "Total, kit" in text and "1,500" in text and "1,554" not in text
    rep.units = ["each"] * 4  # one unit: one total, as before
    assert rep.totals() == [["Total", 1554]]
    assert catalog.in_units([("each", 600), ("kit", 12), ("each", 5), ("pair", 1)]) == "605 each · 12 kits · 1 pair"
