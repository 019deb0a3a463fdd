"""Help: the keys of the screen in sight (F1), About, and Restore from a backup… in the window."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

import hrsupply
from hrsupply.services import backup, visits
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui import help_menu
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from tests.conftest import PIN


def test_f1_lists_the_keys_of_the_screen_in_sight(qtbot, shown, db, cat, monkeypatch):
    window = shown(MainWindow(db, "admin"))
    window.show_screen("Front desk")
    settle()
    keys = dict(help_menu.shortcuts_of(window))
    assert keys["Ctrl+Enter"] == "Save visit" and keys["Alt+R"] == "Used syringes returned"
    assert keys["F2"] == "An anonymous walk-in" and keys["Esc"] == "Start the visit over"
    assert keys["Ctrl+2"] == "Open Front desk" and keys["Ctrl+L"] == "Lock the screen"
    assert keys["Alt+F"] == "The File menu" and keys["Alt+H"] == "The Help menu"
    window.show_screen("Counts")
    settle()
    keys = dict(help_menu.shortcuts_of(window))
    assert keys["Ctrl+Enter"] == "Post count" and keys["Ctrl+N"] == "Start count" and "F2" not in keys
    opened = []
    monkeypatch.setattr(help_menu.ShortcutsDialog, "exec", lambda self: opened.append(self.table.rowCount()))
    qtbot.keyClick(window.current_screen(), Qt.Key.Key_F1)
    assert opened and opened[0] == len(keys)


def test_about_names_the_version_data_folder_and_database(db):
    text = help_menu.about_text(db)
    assert hrsupply.__version__ in text and "Data folder: " in text and "Licence: " in text
    assert f"Database: {db.url.split('@')[-1]}" in text


def test_the_help_menu_offers_restore_to_an_admin_only(shown, db, cat):
    menus = {
        user: [a.text() for a in shown(MainWindow(db, user)).menuBar().actions()[-1].menu().actions()]
        for user in ("admin", "lead")
    }
    assert "&Restore from a backup…" in menus["admin"] and "&Restore from a backup…" not in menus["lead"]


@pytest.fixture
def restoring(monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    return said


def test_restore_from_a_backup_in_the_window_then_everyone_signs_in_again(
    qtbot, shown, db, cat, tmp_path, monkeypatch, restoring
):
    if not db.is_sqlite:
        pytest.skip("the PostgreSQL restore needs pg_restore; the command's tests cover it")
    copy = backup.take(db.url, tmp_path / "backups")
    visit = VisitForm(cat.site, datetime(2026, 11, 3, 9), "MAJO85", [Line(cat.syr, 5)])
    visits.record(db, "admin", visit, confirm_shortfall=True)
    window = shown(MainWindow(db, "admin"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(copy.path), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: ("wrong", True))
    help_menu.restore(window)
    settle()
    day = visit.occurred_at.date()
    assert "PIN" in restoring[-1] and len(visits.between(db, "admin", day, day)) == 1  # refused: nothing touched
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: (PIN, True))
    with qtbot.waitSignal(window.switch_user, timeout=60_000):
        help_menu.restore(window)
    assert restoring[-1].startswith(f"Restored {copy.path}. Sign in again")
    assert visits.between(db, "admin", day, day) == []
