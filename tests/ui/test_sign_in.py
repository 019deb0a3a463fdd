"""Sign-in, what each role sees, the idle lock, and the admin's Settings tabs."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hrsupply.db import open_database
from hrsupply.services import audit, backup, program, users
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from hrsupply.ui.sign_in import FirstAdminDialog, SignInDialog
from tests.conftest import PIN


def nav(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


@pytest.mark.parametrize(
    "user, screens",
    [
        ("admin", ["Home", "Front desk", "Stock", "Supply", "Van", "Counts", "Reorder", "Reports", "Settings"]),
        ("lead", ["Home", "Front desk", "Stock", "Supply", "Van", "Counts", "Reorder", "Reports", "Settings"]),
        ("crew", ["Home", "Front desk", "Stock", "Van"]),
        ("desk", ["Home", "Front desk", "Stock"]),
    ],
)
def test_each_role_sees_only_its_screens(qtbot, shown, db, cat, user, screens):
    window = shown(MainWindow(db, user))
    settle()
    assert nav(window) == screens
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_3, Qt.ControlModifier)  # Ctrl+N: the Nth shown
    settle()
    assert window.current_screen() is window.screens["Stock"]
    assert window.screens["Stock"].reverse_button.isVisibleTo(window) == (user in ("admin", "lead"))
    if "Settings" in window.screens:
        tabs = window.screens["Settings"].tabs
        settle()
        admin_tabs = ["Users", "Safety and backups", "Audit log"]
        assert [tabs.tabText(i) for i in range(tabs.count())][3:] == (admin_tabs if user == "admin" else [])
    home = window.screens["Home"]
    settle()
    assert home.expiring.button.isVisibleTo(home) == ("Supply" in screens)  # no link to a screen it lacks
    window.open_from_home("Supply", "expiry")  # and the request would do nothing
    settle()
    expected = "Supply" if "Supply" in screens else "Stock"
    assert window.current_screen() is window.screens[expected]


def test_ctrl_l_locks_and_only_the_pin_unlocks(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "desk"))
    settle()
    window.show_screen("Front desk")
    settle()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_L, Qt.ControlModifier)
    settle()
    assert window.locked and not window.screens["Front desk"].isVisible()  # nothing of the visit shows
    page = window.lock_page
    for key, modifier in ((Qt.Key_1, Qt.ControlModifier), (Qt.Key_F2, Qt.NoModifier)):  # no keys reach the screens
        qtbot.keyClick(window.focusWidget(), key, modifier)
        settle()
    assert window.screens["Front desk"].last_visit.text() != "Anonymous walk-in." and window.locked
    qtbot.keyClicks(page.pin, "0000")
    settle()
    qtbot.keyClick(page.pin, Qt.Key_Return)
    settle()
    assert window.locked and "not desk's PIN" in page.message.text() and page.pin.text() == ""
    qtbot.keyClicks(page.pin, PIN)
    settle()
    qtbot.keyClick(page.pin, Qt.Key_Return)
    settle()
    assert not window.locked and window.current_screen() is window.screens["Front desk"]
    window.lock()
    settle()
    for _ in range(5):
        page.pin.setText("0000")
        settle()
        page.unlock()
        settle()
    page.pin.setText(PIN)
    settle()
    page.unlock()
    settle()
    assert window.locked and "Too many wrong PINs for desk: try again after" in page.message.text()


def test_the_window_locks_itself_after_idle_time_and_can_change_user(qtbot, shown, db, cat):
    program.put(db, "admin", "idle_lock_minutes", 5)
    settle()
    window = shown(MainWindow(db, "desk"))
    settle()
    assert window.idle.interval() == 5 * 60_000 and window.idle.isActive()
    window.idle.setInterval(50)
    settle()
    window.idle.start()
    settle()
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    settle()
    with qtbot.waitSignal(window.switch_user):
        qtbot.mouseClick(window.lock_page.other, Qt.LeftButton)
        settle()


def test_sign_in_dialog_and_the_first_admin(qtbot, shown, db, tmp_path):
    dialog = SignInDialog(db, "desk")
    settle()
    qtbot.addWidget(dialog)
    settle()
    qtbot.keyClicks(dialog.pin, "9999")
    settle()
    dialog.sign_in()
    settle()
    assert dialog.account is None and "Wrong username or PIN" in dialog.message.text()
    qtbot.keyClicks(dialog.pin, PIN)
    settle()
    dialog.sign_in()
    settle()
    assert dialog.account == users.Account("desk", "front_desk")

    empty = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    settle()
    first = shown(FirstAdminDialog(empty))
    first.username.setFocus()
    for field in (first.pin, first.again):  # Tab walks name → PIN → again, as a person types them
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert QApplication.focusWidget() is field
    first.username.setText("Sam")
    settle()
    first.pin.setText("24681357")
    settle()
    first.again.setText("24681375")
    settle()
    first.create()
    settle()
    assert first.account is None and "differ" in first.message.text()
    first.again.setText("24681357")
    settle()
    first.create()
    settle()
    assert first.account == users.Account("sam", "admin") and not users.needs_first_admin(empty)
    empty.dispose()
    settle()


def test_an_admin_adds_a_user_and_sets_the_lock_date(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    settle()
    settings = window.show_screen("Settings")
    settle()
    tab = settings.users
    tab.show(None)
    settle()
    tab.username.setText("kim")
    settle()
    tab.role.setCurrentIndex(tab.role.findData("van_crew"))
    settle()
    tab.pin.setText("12")
    settle()
    tab.save()
    settle()
    assert "at least 6" in tab.message.text()
    tab.pin.setText("432187")
    settle()
    tab.save()
    settle()
    assert users.sign_in(db, "kim", "432187").role == "van_crew" and "Saved" in tab.message.text()
    tab.active.setChecked(False)
    settle()
    tab.save()
    settle()
    assert not {u.username: u.active for u in users.users(db)}["kim"]

    safety = settings.safety
    settings.tabs.setCurrentWidget(safety)
    settle()
    safety.locked.setChecked(True)
    settle()
    safety.lock_date.setDate(date(2026, 10, 31))
    settle()
    safety.idle.setValue(3)
    settle()
    safety.save()
    settle()
    assert program.get(db, "lock_date") == "2026-10-31" and program.get(db, "idle_lock_minutes") == 3
    settings.tabs.setCurrentWidget(settings.audit)
    settle()
    keys = [settings.audit.model.rows[r].key for r in range(len(settings.audit.model.rows))]
    assert keys[:4] == ["idle_lock_minutes", "lock_date", "kim", "kim"]
    assert [e.entity for e in audit.entries(db, "admin")][:2] == ["setting", "setting"]


def test_closing_the_window_backs_up_a_sqlite_database(qtbot, shown, db, cat, tmp_path):
    if not db.is_sqlite:
        pytest.skip("the app backs up SQLite only")
        settle()
    program.put(db, "admin", "backup_folder", str(tmp_path / "copies"))
    settle()
    window = shown(MainWindow(db, "desk", backups=True))
    settle()
    window.close()
    settle()
    [made] = backup.backups(tmp_path / "copies")
    settle()
    assert made.path.stat().st_size > 0


def test_settings_users_shows_short_pins_and_unlocks(qtbot, shown, db, cat):
    users.sign_in(db, "desk", "1234")  # the test PIN is 4 digits: now known to be short
    settle()
    for _ in range(5):
        with pytest.raises(users.NotAllowed):
            users.sign_in(db, "crew", "0000")
            settle()
    window = shown(MainWindow(db, "admin"))
    settle()
    tab = window.show_screen("Settings").users
    settle()
    tab.reload()
    settle()
    texts = {tab.list.item(n).data(Qt.UserRole): tab.list.item(n).text() for n in range(tab.list.count())}
    assert "PIN too short" in texts["desk"] and "locked until" in texts["crew"]
    tab.show("crew")
    settle()
    assert tab.unlock_button.isVisibleTo(tab)
    tab.unlock_button.click()
    settle()
    assert "crew may sign in again" in tab.message.text() and users.sign_in(db, "crew", "1234")


def test_the_window_can_be_locked_from_a_button_too(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "desk"))
    settle()
    window.lock_button.click()
    assert window.locked and window.lock_page.pin.hasFocus()
