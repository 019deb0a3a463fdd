"""The runtime every screen shares: work off the UI thread, one error path, change notifications."""

import threading
import time
from datetime import date, datetime

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton, QVBoxLayout, QWidget

from hrsupply.errors import UserError
from hrsupply.services import movements, visits
from hrsupply.services.ledger import Move
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui import errors, ops
from hrsupply.ui.front_desk import FrontDeskScreen
from hrsupply.ui.home_screen import HomeScreen
from hrsupply.ui.ops import Changes, settle
from hrsupply.ui.screen import Screen
from hrsupply.ui.widgets import Message


class Owner(QWidget):
    def __init__(self):
        super().__init__()
        self.message = Message()
        QVBoxLayout(self).addWidget(self.message)


@pytest.fixture
def owner(qtbot):
    widget = Owner()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def log_folder(tmp_path):
    folder = tmp_path / "logs"
    errors.install(folder)
    yield folder
    for dialog in list(errors.dialogs):
        dialog.close()
    errors.dialogs.clear()
    errors.uninstall()


def test_work_runs_off_the_ui_thread_and_its_result_comes_back_on_it(owner):
    threads = {}

    def work():
        threads["work"] = threading.current_thread()
        return 42

    ops.run(owner, work, lambda result: threads.update(done=threading.current_thread(), result=result))
    assert "done" not in threads  # nothing waits for it
    settle()
    assert threads["work"] is not threading.main_thread()
    assert threads["done"] is threading.main_thread() and threads["result"] == 42


def test_a_user_error_lands_in_the_screens_message_line(owner):
    def refuse():
        raise UserError("line 2: the quantity must be above 0")

    ops.run(owner, refuse, lambda _r: pytest.fail("no result for a refusal"))
    settle()
    assert owner.message.text() == "Line 2: the quantity must be above 0."  # said as a sentence


def test_a_full_disk_or_a_locked_folder_is_said_plainly(owner):
    def write():
        raise PermissionError(13, "Permission denied", "/media/usb/report.pdf")

    ops.run(owner, write)
    settle()
    assert owner.message.text() == "Could not write /media/usb/report.pdf: Permission denied."


def test_only_the_newest_answer_of_a_kind_is_shown(owner):
    """A date changed twice: the slow first read must not overwrite the second."""
    shown = []
    ops.run(owner, lambda: time.sleep(0.3) or "first", shown.append, key="load")
    ops.run(owner, lambda: "second", shown.append, key="load")
    settle()
    assert shown == ["second"]


def test_an_answer_for_a_closed_screen_is_dropped(qtbot):
    widget = Owner()
    shown = []
    ops.run(widget, lambda: time.sleep(0.1) or "late", shown.append)
    shiboken6.delete(widget)
    settle()
    assert shown == []


def test_a_read_failing_for_a_closed_screen_is_logged_without_a_dialog(qtbot, log_folder):
    """Its database gone with it (a test's, dropped): nobody waits on the answer, so no dialog
    stands in front of whatever window is in use now."""
    widget = Owner()

    def fails_late():
        time.sleep(0.1)
        raise KeyError("the database went away")

    ops.run(widget, fails_late, lambda _r: None)
    shiboken6.delete(widget)
    settle()
    assert errors.dialogs == [] and "nobody waiting on it" in (log_folder / "hrsupply.log").read_text()


def test_long_work_shows_progress_after_a_moment_and_can_be_cancelled(owner):
    started = threading.Event()

    def export(steps):
        for n in range(200):
            started.set()
            steps.step(n, 200, f"Writing row {n}")
            time.sleep(0.01)
        return "written"

    done = []
    ops.run(owner, export, done.append, busy="Writing the workbook…", cancellable=True)
    assert not owner.findChildren(QProgressDialog)  # a quick answer would show nothing at all
    deadline = time.monotonic() + 5
    while not [d for d in owner.findChildren(QProgressDialog) if d.isVisible()] and time.monotonic() < deadline:
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()
    [dialog] = [d for d in owner.findChildren(QProgressDialog) if d.isVisible()]
    assert started.is_set() and dialog.labelText().startswith("Writing")
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    cancel.click()
    settle()
    assert done == [] and owner.message.text() == "Cancelled: nothing was written."
    assert not [d for d in owner.findChildren(QProgressDialog) if d.isVisible()]


def test_an_unexpected_error_reaches_the_dialog_and_the_log_without_a_participant_code(owner, log_folder):
    def broken():
        raise KeyError("visit of MAJO85 with PIN 483920")

    ops.run(owner, broken)
    settle()
    [dialog] = errors.dialogs
    assert "KeyError" in dialog.text and "Copy details" in dialog.copy_button.text()
    log = (log_folder / "hrsupply.log").read_text()
    assert "KeyError" in log and "MAJO85" not in log and "483920" not in log
    assert log.startswith(f"{date.today():%Y-%m-%d} ")  # the year is a year, not blanked like a PIN
    assert "MAJO85" not in dialog.text
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert "KeyError" in QGuiApplication.clipboard().text()
    if hasattr(__import__("os"), "geteuid"):
        assert (log_folder / "hrsupply.log").stat().st_mode & 0o777 == 0o600


def test_an_exception_in_any_slot_reaches_the_dialog_and_the_log(qtbot, log_folder):
    button = QPushButton("Go")
    qtbot.addWidget(button)

    def slot():
        raise ZeroDivisionError("a slot nobody wrapped")

    button.clicked.connect(slot)
    button.click()
    [dialog] = errors.dialogs
    assert "ZeroDivisionError" in dialog.text and dialog.isVisible()
    assert "a slot nobody wrapped" in (log_folder / "hrsupply.log").read_text()


def test_sql_parameters_never_reach_an_error_text(db):
    """A failed statement's text would carry what was being written (a code, a PIN hash)."""
    from sqlalchemy import text

    with pytest.raises(Exception) as caught:
        with db.write() as s:
            s.execute(text("INSERT INTO no_such_table (code) VALUES (:code)"), {"code": "MAJO85"})
    assert "MAJO85" not in str(caught.value)


class Counting(Screen):
    listens = Changes.STOCK

    def __init__(self):
        super().__init__()
        self.heard = []

    def reload(self, changes):
        self.heard.append(changes)


def test_a_screen_reloads_when_shown_and_when_what_it_shows_changes(qtbot):
    screen = Counting()
    qtbot.addWidget(screen)
    ops.announce(Changes.STOCK)
    assert screen.heard == []  # hidden: nothing read for nobody
    screen.show()
    assert screen.heard == [Changes.STOCK]  # shown: read once
    ops.announce(Changes.USERS)
    assert len(screen.heard) == 1  # not what it shows
    ops.announce(Changes.STOCK | Changes.VISITS)
    assert screen.heard[-1] == Changes.STOCK  # visible: at once, only what it shows
    screen.hide()
    ops.announce(Changes.STOCK)
    ops.announce(Changes.STOCK)
    assert len(screen.heard) == 2
    screen.show()
    assert len(screen.heard) == 3  # the two changes meanwhile: one read when next shown


def test_a_visit_saved_at_the_front_desk_refreshes_home_in_another_window(qtbot, shown, db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, datetime(2026, 1, 1))])
    home = shown(HomeScreen(db))
    assert home.visits.figure.text() == "0"
    assert home.visits.detail.text().endswith("At every location, since midnight.</span>")  # not "Nothing here."
    desk = shown(FrontDeskScreen(db, "desk"))
    loads = home.loads
    desk.add_lines([Line(cat.syr, 10)])
    desk.save()
    settle()
    assert home.loads == loads + 1 and home.visits.figure.text() == "1"  # nobody asked it to refresh
    assert home.out.figure.text() == "0"


def test_the_advisory_check_and_the_save_use_one_rule(db, cat):
    """3 kits of lot A on the shelf and 5 of an expired lot: a visit naming lot A for 4 is short
    by the advice exactly as the save finds it (today: the advice summed every lot)."""
    movements.record(
        db,
        "admin",
        [
            Move("receive", cat.nal, cat.site, 3, datetime(2026, 1, 2), lot_id=cat.lots["A"]),
            Move("receive", cat.nal, cat.site, 5, datetime(2026, 1, 2), lot_id=cat.lots["OLD"]),
        ],
    )
    for lot, wanted, short in ((cat.lots["A"], 4, [(4, 3)]), (None, 4, [(4, 3)]), (cat.lots["A"], 3, [])):
        form = VisitForm(cat.site, datetime(2026, 3, 1, 10), None, [Line(cat.nal, wanted, lot)])
        advised = [(s.wanted, s.available) for s in visits.check(db, form).shortfalls]
        try:
            visits.record(db, "admin", form)
            saved = []
        except visits.ShortfallNotConfirmed as exc:
            saved = [(s.wanted, s.available) for s in exc.shortfalls]
        assert advised == saved == short  # the expired lot counts for neither


def test_the_error_dialog_wraps_its_words_and_fits_a_small_screen():
    from hrsupply.ui.error_dialog import ErrorDialog

    dialog = ErrorDialog("Traceback\n" + "x" * 2000, errors.log)
    assert dialog.width() <= 800
    assert any(label.wordWrap() for label in dialog.findChildren(QLabel))
    dialog.deleteLater()


def test_after_the_first_paint_the_other_screens_are_built_while_idle_without_reading(qtbot, shown, db, cat):
    from hrsupply.ui.main_window import MainWindow

    window = shown(MainWindow(db, "lead"))
    assert list(window.screens) == ["Home"]
    qtbot.waitUntil(lambda: not window._to_warm, timeout=10_000)
    assert sorted(window.screens) == sorted(window.names)
    assert all(window.screens[name].loads == 0 for name in ("Stock", "Counts"))  # nothing read for nobody
    window.show_screen("Stock")
    settle()
    assert window.screens["Stock"].loads == 1


def test_a_service_message_is_said_as_sentences():
    from hrsupply.ui.widgets import said

    assert said("this was already loaded by jo") == "This was already loaded by jo."
    assert said("SKU: required\ncategory: required") == "SKU: required.\nCategory: required."
    assert said("Nothing to load (every line is 0)") == "Nothing to load (every line is 0)"


@pytest.mark.parametrize(
    "secret",
    [
        "MAJO85",  # letters and digits
        "MAJO",  # letters only
        "MA-JO-85",  # hyphenated
        "PEÑA90",  # accented
        "МАJO85",  # another script
        "ABC",  # three characters
        "ABCDEFGHIJKLMNOPQ",  # seventeen
        "ABCDEFGHIJKLMNOPQRS1",  # twenty
        "A1B2C3D4E5F6G7H8I9J0",
        "majo85",  # typed in lower case
        "483920",  # a PIN
        "hunter22",  # a password
        "correct-horse-battery-staple",  # a hyphenated passphrase
        "1djblzIjxTQu5jwdMIo28A==",  # a scrypt salt
        "WSfFzoRZ+YFIggBcPYhvv25uH5fQMH6VYXlOLgireo0=",  # a scrypt digest
        "scrypt$32768$8$1$1djblzIjxTQu5jwdMIo28A==$WSfFzoRZ+YFIggBcPYhvv25uH5fQMH6VYXlOLgireo0=",
    ],
)
def test_the_log_scrubber_blanks_every_shape_a_code_or_secret_can_take(secret):
    scrubbed = errors.scrub(f"KeyError: visit of {secret} refused")
    assert secret not in scrubbed and scrubbed.startswith("KeyError: visit of") and "refused" in scrubbed


def test_the_log_keeps_the_words_a_traceback_is_made_of():
    line = 'Traceback (most recent call last):\n  File "/work/main/src/hrsupply/ui/ops.py", line 92, in run'
    assert errors.scrub(line) == line
