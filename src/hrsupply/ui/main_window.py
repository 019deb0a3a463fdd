from __future__ import annotations

import gc
import importlib
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QInputEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services.roles import Account, can
from hrsupply.ui import help_menu, ops
from hrsupply.ui.flow import ScreenHolder
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import Changes
from hrsupply.ui.sign_in import LockPage

# Screens in the order of the navigation: the permission each needs, and where it is built from
# (imported the first time it is shown, so the first paint waits for nothing else).
SCREENS = {  # the names are shown through tr()
    QT_TR_NOOP("Home"): ("visits", "home_screen:HomeScreen"),
    QT_TR_NOOP("Front desk"): ("visits", "front_desk:FrontDeskScreen"),
    QT_TR_NOOP("Stock"): ("visits", "stock_screen:StockScreen"),
    QT_TR_NOOP("Supply"): ("stock", "supply_screen:SupplyScreen"),
    QT_TR_NOOP("Van"): ("van", "van_screen:VanScreen"),
    QT_TR_NOOP("Counts"): ("stock", "counts_screen:CountsScreen"),
    QT_TR_NOOP("Reorder"): ("stock", "reorder_screen:ReorderScreen"),
    QT_TR_NOOP("Reports"): ("stock", "reports_screen:ReportsScreen"),
    QT_TR_NOOP("Settings"): ("catalog", "settings_screen:SettingsScreen"),
}


def _arguments(name: str, db, account: Account, names: list[str]) -> tuple[tuple, dict]:
    """What each screen is built with (the database first)."""
    if name == "Home":
        return (db, names), {}
    if name == "Stock":
        return (db, account.username), {"can_correct": can(account.role, "stock")}
    if name == "Reports":
        return (db, account.username), {}
    if name == "Settings":
        return (db, account.username), {"admin": can(account.role, "admin")}
    return (db, account.username), {}


WARM_MS = 250  # between building one screen and the next, after the first paint


SYNC_MS = 5 * 60_000  # a van laptop tries to sync this often while the central is reachable
SYNCED = Changes.STOCK | Changes.VISITS | Changes.CATALOG | Changes.SETTINGS | Changes.USERS


def _laptop_state(db):
    """A van laptop's pair with its central (None anywhere else)."""
    from hrsupply.services import sync

    return next((p for p in sync.pairs(db) if p.role == "central"), None)


def _timer_settings(db) -> tuple[int, int]:
    from hrsupply.services import program

    return program.get(db, "idle_lock_minutes"), program.get(db, "backup_every_hours")


def _back_up(db):
    from hrsupply.services import backup

    return backup.automatic(db)


class Navigation(QListWidget):
    """The screens' list. It never takes typed letters: a code typed while it has the focus
    (after a click on it) must not jump to the screen whose name starts with that letter."""

    def keyboardSearch(self, text: str) -> None:
        pass


class _Screens(dict):
    """The screens built so far; asking for another builds it (tests and Home's tiles do)."""

    def __init__(self, window: MainWindow):
        super().__init__()
        self.window = window

    def __missing__(self, name: str) -> QWidget:
        return self.window.build(name)


class MainWindow(Remembers, QMainWindow):
    """The navigation and the screens the signed-in user's role allows, each built the first time
    it is shown. Locks after idle time (or Ctrl+L); on SQLite, backs up on a schedule and when it
    closes."""

    switch_user = Signal()

    def __init__(self, db, account: Account | str, *, title_suffix: str = "", backups: bool = False, parent=None):
        """`account`: who signed in (a username is looked up). The first paint needs no more than
        that: every service is loaded off the UI thread, with the screen that uses it."""
        super().__init__(parent)
        self.db = db
        if isinstance(account, str):
            from hrsupply.services import users

            account = users.account(db, account)
        self.account = account
        self.setWindowTitle(tr("hrsupply{title_suffix}").format(title_suffix=title_suffix))
        self.nav = Navigation()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(tr("Screens"))
        font = self.nav.font()  # by font and spacing, not a style sheet (see home_screen.Tile)
        font.setPointSizeF(QApplication.font().pointSizeF() * 1.1)  # grows with the text size
        self.nav.setFont(font)
        self.nav.setSpacing(5)
        self.stack = QStackedWidget()
        self.names = [name for name, (needs, _) in SCREENS.items() if can(self.account.role, needs)]
        self.screens = _Screens(self)
        for name in self.names:
            self.stack.addWidget(QWidget())  # a placeholder until the screen is first shown
            self.nav.addItem(tr(name))
        widest = max((self.nav.fontMetrics().horizontalAdvance(tr(n)) for n in self.names), default=0)
        self.nav.setFixedWidth(max(150, widest + 40))  # every name whole, at any text size
        self.nav.currentRowChanged.connect(self._go)
        # Each screen keeps its number whatever the role (Van is Ctrl+5 for the crew and the lead
        # alike); a number whose screen this role does not have does nothing.
        for row, name in enumerate(self.names):
            number = list(SCREENS).index(name) + 1
            self.nav.item(row).setToolTip(f"Ctrl+{number}")
            QShortcut(
                QKeySequence(f"Ctrl+{number}"), self, activated=lambda r=row: self.locked or self.nav.setCurrentRow(r)
            )
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.lock_page: LockPage | None = None  # made the first time the window locks
        self.pages = QStackedWidget()
        self.pages.addWidget(body)
        self.setCentralWidget(self.pages)
        # Locking (and, from the lock page, signing in as someone else) in sight, not only a key.
        self.lock_button = QPushButton(tr("Lock  (Ctrl+L)"))
        self.lock_button.setFlat(True)
        self.lock_button.clicked.connect(self.lock)
        self.sync_label = QLabel()  # a van laptop: when it last synced with the central
        self.sync_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.lock_button)
        self.statusBar().showMessage(
            tr("Signed in as {account_username} ({account_role_label}) · database {x}").format(
                account_username=self.account.username,
                account_role_label=self.account.role_label,
                x=db.url.split("/")[-1],
            )
        )
        self._file_menu()
        help_menu.add_to(self)
        self.resize(1280, 720)  # until Remembers restores where the user left it
        self.nav.setCurrentRow(0)

        self.idle = QTimer(self, singleShot=True)
        self.idle.timeout.connect(self.lock)
        # Every event of the app passes a filter, so it is put in place after the first paint.
        QTimer.singleShot(WARM_MS * 2, self, lambda: QApplication.instance().installEventFilter(self))
        self.backups = backups and db.is_sqlite
        self.backup_timer = QTimer(self)
        self.backup_timer.timeout.connect(self.back_up)
        ops.run(self, lambda: _timer_settings(db), self._start_timers)
        self.sync_timer = QTimer(self, interval=SYNC_MS)
        self.sync_timer.timeout.connect(self.sync_now)
        self.first_sync = QTimer(self, singleShot=True, interval=3_000)  # once the window is up
        self.first_sync.timeout.connect(self.sync_now)
        self.laptop = False
        ops.run(self, lambda: _laptop_state(db), self._paired)
        # Once the window is up, the other screens are built one at a time while nobody is
        # waiting (no data is read until one is shown), so a first click on one never pauses.
        self._to_warm = [name for name in self.names if name != "Home"]
        self._warm_timer = QTimer(self, singleShot=True, interval=WARM_MS, timeout=self._warm)
        self._warm_timer.start(WARM_MS * 4)

    def _file_menu(self) -> None:
        """File: import a spreadsheet (who may receive stock), export everything (an admin: it
        holds participant codes), lock, quit."""
        menu = self.menuBar().addMenu(tr("&File"))
        if can(self.account.role, "stock"):
            menu.addAction(tr("&Import spreadsheet…"), self.import_spreadsheet)
        if can(self.account.role, "admin"):
            menu.addAction(tr("&Export everything…"), self.export_everything)
        menu.addSeparator()
        # The one binding of Ctrl+L (a second one made Qt refuse the key as ambiguous).
        menu.addAction(tr("&Lock"), QKeySequence("Ctrl+L"), self.lock)
        menu.addAction(tr("&Quit"), QKeySequence.Quit, self.close)

    def import_spreadsheet(self) -> None:
        from hrsupply.ui.import_dialog import ImportDialog

        ImportDialog(self.db, self.account.username, self).exec()

    def export_everything(self) -> None:
        from hrsupply.ui.import_dialog import export_everything

        export_everything(self, self.db, self.account.username, lambda text: self.statusBar().showMessage(text, 15_000))

    # ---- a van laptop's sync with the central ---------------------------------------------
    def _paired(self, state) -> None:
        """On a van laptop: the sync state in sight, and a sync now and every few minutes."""
        if state is None:
            return
        self.laptop = True
        self._show_sync(state)
        ops.hub().changed.connect(self._written_here)  # "· 1 waiting to go" as soon as it is
        self.sync_timer.start()
        self.first_sync.start()

    def sync_now(self) -> None:
        if self.locked or not self.isVisible():
            return
        db, user = self.db, self.account.username

        def work():
            from hrsupply.services import sync

            sync.now(db, user)
            return _laptop_state(db)

        ops.run(self, work, self._show_sync, failed=self._not_synced, key="sync", changes=SYNCED)

    def _written_here(self, changes) -> None:
        if changes & (Changes.VISITS | Changes.STOCK):
            db = self.db
            ops.run(self, lambda: _laptop_state(db), self._show_sync, key="sync state")

    def _not_synced(self, exc) -> None:
        ops.run(self, lambda: _laptop_state(self.db), lambda state: self._show_sync(state, str(exc)), key="sync state")

    def _show_sync(self, state, why: str = "") -> None:
        self.sync_label.setVisible(True)
        at = state.last_received
        if at is not None and datetime.now() - at < timedelta(days=1):
            text, amber = tr("Synced {x}").format(x=f"{at:%H:%M}"), False
        elif at is None:
            text, amber = tr("Not synced yet"), True
        else:
            text, amber = tr("Not synced for {n} day(s)").format(n=(datetime.now() - at).days), True
        if state.waiting:
            text += tr(" · {n} waiting to go").format(n=state.waiting)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(why or tr("Sent and received with the central (Van → Sync)"))
        self.sync_label.setStyleSheet("color: #8a5300; font-weight: bold" if amber else "")

    def _start_timers(self, minutes_hours: tuple[int, int]) -> None:
        minutes, hours = minutes_hours
        self.idle.setInterval(minutes * 60_000)
        self.idle.start()
        self.backup_timer.setInterval(hours * 3_600_000)
        if self.backups:
            self.backup_timer.start()

    # ---- screens -------------------------------------------------------------------------
    def _warm(self) -> None:
        name = self._to_warm.pop(0)
        if name not in self.screens:
            self.build(name)
        if self._to_warm:
            self._warm_timer.start(WARM_MS)
        else:
            # What start-up made (modules, classes, the ORM's mappings, the screens) lives for
            # the session: kept out of the collector's full sweeps, so none pauses the window.
            gc.collect()
            gc.freeze()

    def build(self, name: str) -> QWidget:
        """Build a screen (in place of its placeholder), wiring what it asks of the window."""
        needs, where = SCREENS[name]
        module, cls = where.split(":")
        screen_class = getattr(importlib.import_module(f"hrsupply.ui.{module}"), cls)
        args, kwargs = _arguments(name, self.db, self.account, self.names)
        screen = self.screens[name] = screen_class(*args, **kwargs)
        row = self.names.index(name)
        placeholder = self.stack.widget(row)
        current = self.stack.currentIndex()
        # In a scroll area: with the text made larger (Settings → Program), a screen that no longer
        # fits the window scrolls instead of being cut off or widening the window off the screen.
        holder = ScreenHolder(screen, tr(name))
        self.stack.insertWidget(row, holder)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        if name == "Home":
            screen.open_requested.connect(self.open_from_home)
        elif name == "Reorder":
            screen.receive_requested.connect(self.receive_order)
        return screen

    # ---- locking -------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.lock_page is not None and self.pages.currentWidget() is self.lock_page

    def eventFilter(self, watched, event) -> bool:
        # Any key, mouse or wheel use starts the idle time again. Every event of the app passes
        # here, so the test is the cheapest there is (a type check, no enum comparisons).
        if isinstance(event, QInputEvent) and self.idle.interval() and not self.locked:
            self.idle.start()
        return False

    def lock(self) -> None:
        """Hide everything (participant codes included) until the PIN is typed again."""
        if self.lock_page is None:
            self.lock_page = LockPage(self.db, self.account)
            self.lock_page.unlocked.connect(self.unlock)
            self.lock_page.switch_user.connect(self.switch_user)
            self.pages.addWidget(self.lock_page)
        self.pages.setCurrentWidget(self.lock_page)
        self.menuBar().setEnabled(False)  # no import or export past a locked screen
        self.lock_page.pin.setFocus()

    def unlock(self) -> None:
        self.pages.setCurrentIndex(0)  # the screen is shown again: it reads what changed meanwhile
        self.menuBar().setEnabled(True)
        self.idle.start()

    # ---- backups -------------------------------------------------------------------------
    def back_up(self) -> None:
        ops.run(self, lambda: _back_up(self.db), self._backed_up, failed=self._backup_failed)

    def _backed_up(self, made) -> None:
        if made is not None:
            self.statusBar().showMessage(tr("Backed up to {made_path}").format(made_path=made.path), 10_000)

    def _backup_failed(self, exc) -> None:
        QMessageBox.warning(
            self,
            tr("Backup failed"),
            tr("The automatic backup failed: {exc}\nCheck the backup folder in Settings → Program.").format(exc=exc),
        )

    # ---- navigation ----------------------------------------------------------------------
    def _go(self, row: int) -> None:
        name = self.names[row]
        if name not in self.screens:
            self.build(name)
        self.stack.setCurrentIndex(row)  # a shown screen reads what other workstations recorded since
        screen = self.screens[name]
        if screen.focusProxy() is not None:  # the front desk: straight into the code field
            screen.setFocus()

    def open_from_home(self, name: str, detail: str) -> None:
        """A Home tile: open its screen with the filter or tab that handles it (if this user has it)."""
        if name not in self.names:
            return
        screen = self.show_screen(name)
        if name == "Stock":
            screen.show_filter(
                status=None if detail == "naloxone" else detail, category="naloxone" if detail == "naloxone" else None
            )
        elif name == "Supply" and detail:
            screen.show_tab(detail)

    def receive_order(self, order_id: int) -> None:
        self.show_screen("Supply").receive_order(order_id)

    def current_screen(self) -> QWidget:
        shown = self.stack.currentWidget()
        return shown.widget() if isinstance(shown, QScrollArea) else shown

    def show_screen(self, name: str) -> QWidget:
        self.nav.setCurrentRow(self.names.index(name))
        return self.screens[name]

    def closeEvent(self, event) -> None:
        # A save under way lands before the window goes (each write is one transaction either
        # way: a read still running is simply not waited for past a minute).
        ops.settle(60, strict=False)
        QApplication.instance().removeEventFilter(self)
        self.idle.stop()
        self.backup_timer.stop()
        self.sync_timer.stop()
        self.first_sync.stop()
        self._warm_timer.stop()  # a closed window builds no more screens
        if self.laptop:  # what the road recorded goes now if the central can be reached
            try:
                from hrsupply.services import sync

                sync.now(self.db, self.account.username)
            except Exception:  # noqa: BLE001 - out of reach is the usual case; the next start tries again
                pass
        if self.backups:
            try:
                _back_up(self.db)
            except Exception as exc:  # closing goes ahead; the user is told the copy is missing
                self._backup_failed(exc)
        super().closeEvent(event)
