"""File → Import spreadsheet… and Export everything…: a preview before anything is written, the
import off the UI thread, every problem listed and copyable, the export read back."""

import csv

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from hrsupply.services import exchange
from hrsupply.ui.import_dialog import ImportDialog, write_everything
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, stock_map, workbook


def moves_book(tmp_path, *rows, name="in.xlsx"):
    return workbook(tmp_path / name, Items=ITEMS, Locations=LOCATIONS, Movements=[MOVES_HEADER, *rows])


def test_the_file_is_previewed_then_imported_and_every_screen_hears_it(qtbot, db, tmp_path):
    receive, handout = (
        move("2026-11-01", "receive", "SYR-1ML", 100, "SITE"),
        move("2026-11-02", "handout", "SYR-1ML", 5, "SITE"),
    )
    path = moves_book(tmp_path, receive, handout)
    dialog = ImportDialog(db, "lead")
    qtbot.addWidget(dialog)
    dialog.ask_path = lambda: str(path)
    dialog.choose()  # picking the file checks it at once
    settle()
    assert dialog.summary.text().startswith("<b>Ready to import</b>")
    assert "2 movement row(s), 2 ledger line(s)" in dialog.summary.text()
    assert not any(b.autoDefault() or b.isDefault() for b in dialog.findChildren(QPushButton))  # Enter: no chooser
    assert stock_map(db) == {}  # nothing written by the preview
    assert dialog.import_button.isEnabled() and not dialog.copy_button.isEnabled()
    dialog.import_button.click()
    settle()
    assert dialog.message.text() == "Imported. Every screen shows it now."
    assert stock_map(db) == {("SITE", "SYR-1ML"): 95}
    # The same file again: its rows are in the records, left out; nothing doubles
    dialog.check()
    settle()
    assert "2 row(s) already in the records left out" in dialog.summary.text()


def test_every_problem_is_listed_copied_and_saved_and_nothing_written(qtbot, db, tmp_path):
    path = moves_book(
        tmp_path, move("2026-13-01", "receive", "SYR-1ML", 1, "SITE"), move("2026-11-01", "gift", "SYR-1ML", 1, "MARS")
    )
    dialog = ImportDialog(db, "lead")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.check()
    settle()
    assert "nothing can be imported" in dialog.summary.text() and not dialog.import_button.isEnabled()
    rows = dialog._rows()
    assert ["Movements", "2", "date"] == rows[0][:3] and "must be a date" in rows[0][3]
    assert {(r[1], r[2]) for r in rows} >= {("3", "type"), ("3", "location")}
    dialog.copy_problems()
    copied = QApplication.clipboard().text().splitlines()
    assert copied[0] == "Sheet\tRow\tColumn\tWhat is wrong" and copied[1].startswith("Movements\t2\tdate\t")
    dialog.ask_problems_path = lambda: str(tmp_path / "problems.csv")
    dialog.save_problems()
    settle()
    with open(tmp_path / "problems.csv", newline="", encoding="utf-8") as f:
        saved = list(csv.reader(f))
    assert saved[0] == ["Sheet", "Row", "Column", "What is wrong"] and saved[1:] == rows
    assert stock_map(db) == {}


def test_a_file_that_is_not_a_workbook_is_said_plainly(qtbot, db, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("date,type\n")
    dialog = ImportDialog(db, "lead")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(junk))
    dialog.check()
    settle()
    assert dialog._rows()[0][0] == "junk.xlsx" and "not an .xlsx workbook" in dialog._rows()[0][3]
    assert dialog.summary.text() == "<b>Nothing was imported.</b>"


def test_the_file_menu_offers_what_each_role_may_do(qtbot, db):
    def entries(user):  # the menu as built: no need for the window to be shown or active
        window = MainWindow(db, user)
        qtbot.addWidget(window)
        settle()
        menu = window.menuBar().actions()[0].menu()
        entries = [a.text() for a in menu.actions() if a.text()]
        window.close()  # before its screens are built while nobody looks (its database goes with the test)
        settle()
        return entries

    assert entries("admin")[:2] == ["&Import spreadsheet…", "&Export everything…"]
    assert entries("lead")[0] == "&Import spreadsheet…" and "&Export everything…" not in entries("lead")
    assert entries("desk") == ["&Lock", "&Quit"]


def test_export_everything_writes_what_an_import_reads_back(qtbot, db, cat, tmp_path):
    from datetime import datetime

    from hrsupply.services import movements
    from hrsupply.services.ledger import Move

    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 40, datetime(2026, 11, 1, 9))])
    said, owner = [], QWidget()
    qtbot.addWidget(owner)
    write_everything(owner, db, "admin", tmp_path / "all.xlsx", said.append)
    settle()
    assert said == [f"Exported 1 movements to {tmp_path / 'all.xlsx'}."]
    assert exchange.sheet_rows(tmp_path / "all.xlsx")["movements"] == 1
    write_everything(owner, db, "lead", tmp_path / "no.xlsx", said.append)
    settle()
    assert said[-1].startswith("Not exported: lead (supply lead) may not") and not (tmp_path / "no.xlsx").exists()
