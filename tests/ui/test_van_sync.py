"""The van offline from the window: the admin writes a laptop's setup file (Settings → Safety and
backups), the laptop's first start joins from it, Van → Sync sends and receives (directly or by
file), the status bar says when it last synced, and an admin retries or dismisses what was set
aside."""

from datetime import datetime, timedelta

from sqlalchemy import select

from hrsupply.db import open_database, password_of
from hrsupply.models import Movement
from hrsupply.services import movements, sync, users, visits
from hrsupply.services.ledger import Move
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from hrsupply.ui.sign_in import FirstAdminDialog
from tests.conftest import PIN


def test_the_admin_writes_a_setup_file_and_the_laptop_joins_at_its_first_start(qtbot, shown, db, cat, tmp_path):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.van, 40, datetime.now() - timedelta(days=1))])
    window = shown(MainWindow(db, "admin"))
    safety = window.show_screen("Settings").safety
    window.show_screen("Settings").tabs.setCurrentWidget(safety)
    settle()
    asked = []
    safety.ask_choice = lambda title, label, choices: (asked.extend(choices), (choices[0], True))[1]
    safety.ask_setup_path = lambda code: str(tmp_path / f"{code}.setup")
    safety.laptop_button.click()
    settle()
    assert asked == ["VAN1 — Mobile van"]  # vans and partner places, never a site
    assert safety.message.text().startswith(f"Wrote {tmp_path / 'VAN1.setup'}")
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    first = FirstAdminDialog(laptop)
    qtbot.addWidget(first)
    first.ask_setup_file = lambda: str(tmp_path / "VAN1.setup")
    first.join_button.click()
    settle()
    assert first.joined == ("VAN1", 2) and first.result() == first.DialogCode.Accepted
    assert users.sign_in(laptop, "crew", PIN).role == "van_crew"
    laptop.dispose()


def test_van_sync_sends_and_receives_and_the_status_bar_says_when(qtbot, shown, db, db_url, cat, tmp_path, monkeypatch):
    if password := password_of(db_url):  # a PostgreSQL central: the laptop's libpq finds the password
        monkeypatch.setenv("PGPASSWORD", password)  # (~/.pgpass or PGPASSWORD); hrsupply never stores it
    movements.record(db, "lead", [Move("receive", cat.syr, cat.van, 40, datetime.now() - timedelta(days=1))])
    setup = sync.setup(db, "admin", "VAN1", tmp_path / "van1.setup", central_url=db_url)
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    sync.join(laptop, setup)
    visits.record(laptop, "crew", VisitForm(cat.van, datetime.now(), "ROAD01", [Line(cat.syr, 5)]))
    window = shown(MainWindow(laptop, "crew"))
    settle()
    assert window.laptop and window.sync_label.text().startswith("Not synced yet · 2 waiting to go")
    window.sync_now()  # what the timer does while the central can be reached
    settle()
    assert window.sync_label.text().startswith("Synced ") and "waiting" not in window.sync_label.text()
    desk = window.show_screen("Front desk")
    settle()
    places = [desk.location.itemText(n) for n in range(desk.location.count())]
    assert len(places) == 1 and "VAN1" in places[0]  # the laptop records at its van, never at the site
    with db.read() as s:
        assert s.scalar(select(Movement.participant).where(Movement.participant == "ROAD01")) == "ROAD01"
    van = window.show_screen("Van")
    van.tabs.setCurrentWidget(van.sync_tab)
    settle()
    tab = van.sync_tab
    assert "The central" in tab.state.text() and tab.now_button.isVisible() and not tab.aside.isVisible()
    tab.ask_save = lambda: str(tmp_path / "out.sync")
    tab.write_button.click()
    settle()
    assert tab.message.text().startswith(f"Wrote {tmp_path / 'out.sync'}")
    movements.record(db, "lead", [Move("dispose", cat.syr, cat.van, 2, datetime.now(), reason="damaged")])
    tab.now_button.click()
    settle()
    assert (
        tab.message.text() == "Sent: 0 new, 0 already here, 0 set aside. Received: 1 new, 0 already here, 0 set aside."
    )
    window.close()
    laptop.dispose()


def test_the_central_lists_what_was_set_aside_for_an_admin_to_retry_or_dismiss(qtbot, shown, db, cat, tmp_path):
    setup = sync.setup(db, "admin", "VAN1", tmp_path / "van1.setup")
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    sync.join(laptop, setup)
    movements.record(laptop, "admin", [Move("receive", cat.syr, cat.van, 10, datetime.now())])
    sync.export_file(laptop, "admin", tmp_path / "a.sync")
    with laptop.write() as s:  # the same line, other content: sent again, it is set aside
        s.scalar(select(Movement).where(Movement.type == "receive")).reference = "changed"
    window = shown(MainWindow(db, "admin"))
    van = window.show_screen("Van")
    van.tabs.setCurrentWidget(van.sync_tab)
    settle()
    tab = van.sync_tab
    assert not tab.now_button.isVisible() and "The laptop of VAN1" in tab.state.text()
    tab.ask_open = lambda: str(tmp_path / "a.sync")
    tab.read_button.click()
    settle()
    assert tab.message.text() == "1 new, 0 already here, 0 set aside."
    sync.export_file(laptop, "admin", tmp_path / "b.sync")
    tab.ask_open = lambda: str(tmp_path / "b.sync")
    tab.read_button.click()
    settle()
    assert tab.aside.count() == 1 and "other reference" in tab.aside.item(0).text()
    tab.aside.setCurrentRow(0)
    tab.retry_button.click()
    settle()
    assert tab.message.text() == "Still set aside: the reason is brought up to date."
    tab.aside.setCurrentRow(0)
    tab.dismiss_button.click()
    settle()
    assert tab.aside.count() == 0 and tab.message.text().startswith("Dismissed")
    laptop.dispose()
