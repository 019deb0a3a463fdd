"""Reports → Program report: the figures show for the period picked, the quick periods, the
workbook saved and the PDF through the print preview."""

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate

from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from hrsupply.ui.program_report_tab import periods


def test_quick_periods():
    assert periods(date(2026, 11, 27)) == {
        "This month": (date(2026, 11, 1), date(2026, 11, 27)),
        "Last month": (date(2026, 10, 1), date(2026, 10, 31)),
        "Last quarter": (date(2026, 7, 1), date(2026, 9, 30)),
        "Last year": (date(2025, 1, 1), date(2025, 12, 31)),
    }
    assert periods(date(2026, 2, 10))["Last quarter"] == (date(2025, 10, 1), date(2025, 12, 31))


def test_the_month_shows_then_goes_to_excel_and_the_print_preview(qtbot, shown, db, november, tmp_path):
    window = shown(MainWindow(db, "lead"))
    tab = window.show_screen("Reports").program
    settle()
    assert window.show_screen("Reports").tabs.currentWidget() is tab  # the report funders ask for, first
    tab.start.setDate(QDate(2026, 11, 1))
    tab.end.setDate(QDate(2026, 11, 30))
    qtbot.waitUntil(lambda: not tab._settle.isActive())
    settle()
    assert tab.model.COLUMNS == ("Figure", "SITE", "VAN1", "Total")
    rows = {getattr(r, "label", r): n for n, r in enumerate(tab.model.rows)}
    cell = lambda label, col: tab.model.data(tab.model.index(rows[label], col))  # noqa: E731
    assert (cell("People", 0), cell("Visits", 3), cell("Unique participants", 3)) == ("People", "7", "3")
    assert cell("Unique participants", 1) == "3"  # the program's own screen: never "<5"
    assert "November 2026" in tab.title.text()
    tab.location.setCurrentIndex(tab.location.findData("VAN1"))
    settle()
    assert tab.model.COLUMNS == ("Figure", "Total") and cell("Visits", 1) == "4"
    tab.ask_path = lambda: str(tmp_path / "november")
    tab.excel_button.click()
    settle()
    assert "Saved" in tab.message.text()
    book = load_workbook(tmp_path / "november.xlsx")
    assert "Naloxone" in book.sheetnames and book["Summary"]["A1"].value == "Program report"
    seen = []
    tab.preview = lambda path: seen.append(PdfReader(path).pages[0].extract_text())
    tab.print_button.click()
    settle()
    assert "Program report" in seen[0] and "Mobile van" in seen[0]
    tab.pick("Last year")
    settle()
    assert tab.start.date().toPython() == date(date.today().year - 1, 1, 1)


def test_for_a_funder_the_template_snaps_its_period_and_saves_its_files(qtbot, db, november, tmp_path, monkeypatch):
    """Pick a template: the period snaps to its kind (the one just ended), the figures show beside
    the funder's words with small counts suppressed, and CSV, Excel and the PDF are written."""
    import csv

    from hrsupply.ui import funder_dialog
    from hrsupply.ui.funder_dialog import FunderDialog

    monkeypatch.setattr(funder_dialog, "date", type("D", (date,), {"today": staticmethod(lambda: date(2026, 12, 2))}))
    dialog = FunderDialog(db, "lead")
    qtbot.addWidget(dialog)
    dialog.templates.setCurrentIndex(dialog.templates.findData("nys-monthly"))
    settle()
    assert dialog.span() == (date(2026, 11, 1), date(2026, 11, 30))  # the month just ended
    assert dialog.period.text().startswith("November 01, 2026 to November 30, 2026 (a month)")
    shown = {f.field: f.shown for f in dialog.model.rows}
    assert shown["visits"] == "7" and shown["participants"] == "<5"  # 3 people: suppressed
    assert dialog.model.data(dialog.model.index(0, 0)) == "Exchange transactions (visits)"
    assert "<5: from 1 to 4 people" in dialog.message.text()
    dialog.day.setDate(QDate(2026, 8, 15))  # any day of a quarter's template snaps to it
    dialog.templates.setCurrentIndex(dialog.templates.findData("nys-quarterly"))
    settle()
    assert dialog.span() == (date(2026, 7, 1), date(2026, 9, 30))
    dialog.day.setDate(QDate(2026, 11, 15))
    settle()
    assert dialog.span() == (date(2026, 10, 1), date(2026, 12, 31))
    out = {"csv": tmp_path / "nys.csv", "xlsx": tmp_path / "nys.xlsx"}
    dialog.ask_path = lambda kind, name: str(out[kind])
    read = []
    dialog.preview = lambda path: read.append("".join(p.extract_text() for p in PdfReader(path).pages))
    for kind in ("csv", "xlsx", "pdf"):
        dialog.save(kind)
        settle()
    rows = list(csv.DictReader(out["csv"].open()))
    assert rows[0] == {"field": "visits", "label": "Exchange transactions (visits)", "value": "8"}
    assert load_workbook(out["xlsx"]).active["C5"].value == 8
    assert "NYS AIDS Institute" in read[0] and "Exchange transactions (visits)" in read[0]
