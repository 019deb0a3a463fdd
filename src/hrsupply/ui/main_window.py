from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListWidget, QMainWindow, QMessageBox, QStackedWidget, QWidget

from hrsupply.services import backup, program, users
from hrsupply.services.access import can
from hrsupply.ui import background
from hrsupply.ui.counts_screen import CountsScreen
from hrsupply.ui.front_desk import FrontDeskScreen
from hrsupply.ui.home_screen import HomeScreen
from hrsupply.ui.reorder_screen import ReorderScreen
from hrsupply.ui.reports_screen import ReportsScreen
from hrsupply.ui.settings_screen import SettingsScreen
from hrsupply.ui.sign_in import LockPage
from hrsupply.ui.stock_screen import StockScreen
from hrsupply.ui.supply_screen import SupplyScreen
from hrsupply.ui.van_screen import VanScreen

# Screens in the order of the navigation, and the permission each needs; Ctrl+1 … Ctrl+9 jump
# to the ones the signed-in user sees.
SCREENS = {
    "Home": "visits",
    "Front desk": "visits",
    "Stock": "visits",
    "Supply": "stock",
    "Van": "van",
    "Counts": "stock",
    "Reorder": "stock",
    "Reports": "stock",
    "Settings": "catalog",
}
# What builds each screen, given (db, account).
BUILD = {
    "Home": lambda db, a: HomeScreen(db, [name for name, needs in SCREENS.items() if can(a.role, needs)]),
    "Front desk": lambda db, a: FrontDeskScreen(db, a.username),
    "Stock": lambda db, a: StockScreen(db, a.username, can_correct=can(a.role, "stock")),
    "Supply": lambda db, a: SupplyScreen(db, a.username),
    "Van": lambda db, a: VanScreen(db, a.username),
    "Counts": lambda db, a: CountsScreen(db, a.username),
    "Reorder": lambda db, a: ReorderScreen(db, a.username),
    "Reports": lambda db, a: ReportsScreen(db),
    "Settings": lambda db, a: SettingsScreen(db, a.username, admin=can(a.role, "admin")),
}
IDLE_EVENTS = (QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel)


class MainWindow(QMainWindow):
    """The navigation and the screens the signed-in user's role allows. Locks after idle time
    (or Ctrl+L); on SQLite, backs up on a schedule and when it closes."""

    switch_user = Signal()

    def __init__(self, db, user: str, *, title_suffix: str = "", backups: bool = False, parent=None):
        super().__init__(parent)
        self.db = db
        self.account = users.account(db, user)
        self.setWindowTitle(f"hrsupply{title_suffix}")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        self.names = [name for name, needs in SCREENS.items() if can(self.account.role, needs)]
        self.screens: dict[str, QWidget] = {name: BUILD[name](db, self.account) for name in self.names}
        for name in self.names:
            self.stack.addWidget(self.screens[name])
            self.nav.addItem(name)
        if "Settings" in self.screens:
            self.screens["Settings"].changed.connect(self.catalog_changed)
        if "Reorder" in self.screens:
            self.screens["Reorder"].receive_requested.connect(self.receive_order)
        self.screens["Home"].open_requested.connect(self.open_from_home)
        self.nav.currentRowChanged.connect(self._go)
        for n, _ in enumerate(self.names, start=1):
            QShortcut(
                QKeySequence(f"Ctrl+{n}"), self, activated=lambda n=n: self.locked or self.nav.setCurrentRow(n - 1)
            )
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.lock_page = LockPage(db, self.account)
        self.lock_page.unlocked.connect(self.unlock)
        self.lock_page.switch_user.connect(self.switch_user)
        self.pages = QStackedWidget()
        self.pages.addWidget(body)
        self.pages.addWidget(self.lock_page)
        self.setCentralWidget(self.pages)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        self.statusBar().showMessage(
            f"Signed in as {self.account.username} ({self.account.role_label}) · "
            f"database {db.url.split('/')[-1]} · Ctrl+L locks"
        )
        self.nav.setCurrentRow(0)
        self._restore_geometry()

        self.idle = QTimer(self, singleShot=True, interval=program.get(db, "idle_lock_minutes") * 60_000)
        self.idle.timeout.connect(self.lock)
        self.idle.start()
        QApplication.instance().installEventFilter(self)
        self.backups = backups and db.is_sqlite
        self.backup_timer = QTimer(self, interval=program.get(db, "backup_every_hours") * 3_600_000)
        self.backup_timer.timeout.connect(self.back_up)
        if self.backups:
            self.backup_timer.start()

    # ---- locking -------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.pages.currentWidget() is self.lock_page

    def eventFilter(self, watched, event) -> bool:
        if event.type() in IDLE_EVENTS and not self.locked:
            self.idle.start()  # any key or mouse use starts the idle time again
        return False

    def lock(self) -> None:
        """Hide everything (participant codes included) until the PIN is typed again."""
        self.pages.setCurrentWidget(self.lock_page)
        self.lock_page.pin.setFocus()

    def unlock(self) -> None:
        self.pages.setCurrentIndex(0)
        self.idle.start()
        if hasattr(self.stack.currentWidget(), "refresh"):
            self.stack.currentWidget().refresh()

    # ---- backups -------------------------------------------------------------------------
    def back_up(self) -> None:
        background.run(lambda: backup.automatic(self.db), self._backed_up, self._backup_failed)

    def _backed_up(self, made) -> None:
        if made is not None:
            self.statusBar().showMessage(f"Backed up to {made.path}", 10_000)

    def _backup_failed(self, exc) -> None:
        QMessageBox.warning(
            self, "Backup failed", f"The automatic backup failed: {exc}\nCheck the backup folder in Settings → Program."
        )

    # ---- navigation ----------------------------------------------------------------------
    def _go(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        screen = self.stack.currentWidget()
        if hasattr(screen, "refresh"):  # show what other screens and workstations recorded since
            screen.refresh()

    def catalog_changed(self) -> None:
        """Items, locations or sources were edited: every screen with lists reloads them."""
        reload = {
            "Front desk": "reload_catalog",
            "Supply": "reload_catalog",
            "Stock": "reload_categories",
            "Van": "refresh",
            "Counts": "reload_catalog",
            "Reorder": "reload_catalog",
            "Reports": "reload_catalog",
        }
        for name, method in reload.items():
            if name in self.screens:
                getattr(self.screens[name], method)()

    def open_from_home(self, name: str, detail: str) -> None:
        """A Home tile: open its screen with the filter or tab that handles it (if this user has it)."""
        if name not in self.screens:
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

    def show_screen(self, name: str) -> QWidget:
        self.nav.setCurrentRow(self.names.index(name))
        return self.screens[name]

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        QApplication.instance().removeEventFilter(self)
        self.idle.stop()
        self.backup_timer.stop()
        if self.backups:
            try:
                backup.automatic(self.db)
            except Exception as exc:  # closing goes ahead; the user is told the copy is missing
                self._backup_failed(exc)
        super().closeEvent(event)
