from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from hrsupply.ui.counts_screen import CountsScreen
from hrsupply.ui.front_desk import FrontDeskScreen
from hrsupply.ui.home_screen import HomeScreen
from hrsupply.ui.reorder_screen import ReorderScreen
from hrsupply.ui.reports_screen import ReportsScreen
from hrsupply.ui.settings_screen import SettingsScreen
from hrsupply.ui.stock_screen import StockScreen
from hrsupply.ui.supply_screen import SupplyScreen
from hrsupply.ui.van_screen import VanScreen

# Screens in the order of the navigation; Ctrl+1 … Ctrl+9 jump to them.
SCREENS = ["Home", "Front desk", "Stock", "Supply", "Van", "Counts", "Reorder", "Reports", "Settings"]


class MainWindow(QMainWindow):
    def __init__(self, db, user: str, *, title_suffix: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"hrsupply{title_suffix}")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        self.screens: dict[str, QWidget] = {
            "Home": HomeScreen(db),
            "Front desk": FrontDeskScreen(db, user),
            "Stock": StockScreen(db, user),
            "Supply": SupplyScreen(db, user),
            "Van": VanScreen(db, user),
            "Counts": CountsScreen(db, user),
            "Reorder": ReorderScreen(db, user),
            "Reports": ReportsScreen(db),
            "Settings": SettingsScreen(db, user),
        }
        for name in SCREENS:
            self.stack.addWidget(self.screens[name])
            self.nav.addItem(name)
        self.screens["Settings"].changed.connect(self.catalog_changed)
        self.screens["Home"].open_requested.connect(self.open_from_home)
        self.screens["Reorder"].receive_requested.connect(self.receive_order)
        self.nav.currentRowChanged.connect(self._go)
        for n, _ in enumerate(SCREENS, start=1):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, activated=lambda n=n: self.nav.setCurrentRow(n - 1))
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(f"Recording as {user} · database {db.url.split('/')[-1]}")
        self.nav.setCurrentRow(SCREENS.index("Home"))
        self._restore_geometry()

    def _go(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        screen = self.stack.currentWidget()
        if hasattr(screen, "refresh"):  # show what other screens and workstations recorded since
            screen.refresh()

    def catalog_changed(self) -> None:
        """Items, locations or sources were edited: every screen with lists reloads them."""
        self.screens["Front desk"].reload_catalog()
        self.screens["Supply"].reload_catalog()
        self.screens["Stock"].reload_categories()
        self.screens["Van"].refresh()
        for name in ("Counts", "Reorder", "Reports"):
            self.screens[name].reload_catalog()

    def open_from_home(self, name: str, detail: str) -> None:
        """A Home tile: open its screen with the filter or tab that handles it."""
        screen = self.show_screen(name)
        if name == "Stock":
            screen.show_filter(status=None if detail == "naloxone" else detail,
                               category="naloxone" if detail == "naloxone" else None)
        elif name == "Supply" and detail:
            screen.show_tab(detail)

    def receive_order(self, order_id: int) -> None:
        self.show_screen("Supply").receive_order(order_id)

    def show_screen(self, name: str) -> QWidget:
        self.nav.setCurrentRow(SCREENS.index(name))
        return self.screens[name]

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
