from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from hrsupply.ui.front_desk import FrontDeskScreen
from hrsupply.ui.placeholder import PlaceholderScreen
from hrsupply.ui.settings_screen import SettingsScreen
from hrsupply.ui.stock_screen import StockScreen
from hrsupply.ui.supply_screen import SupplyScreen
from hrsupply.ui.van_screen import VanScreen

# Screens in the order of the navigation; Ctrl+1 … Ctrl+8 jump to them.
COMING = {
    "Counts": "Count a location by item and lot, review differences, and post the count.",
    "Reorder": "See what is low and order enough for the coming weeks based on what is actually used.",
    "Reports": "Monthly and quarterly figures for funders and the state: visits, syringes out and "
               "returned, naloxone doses, reported reversals.",
}
SCREENS = ["Front desk", "Stock", "Supply", "Van", "Counts", "Reorder", "Reports", "Settings"]


class MainWindow(QMainWindow):
    def __init__(self, db, user: str, *, title_suffix: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"hrsupply{title_suffix}")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 10px; }")
        self.stack = QStackedWidget()
        self.screens: dict[str, QWidget] = {}
        for name in SCREENS:
            if name == "Stock":
                screen = StockScreen(db, user)
            elif name == "Front desk":
                screen = FrontDeskScreen(db, user)
            elif name == "Supply":
                screen = SupplyScreen(db, user)
            elif name == "Van":
                screen = VanScreen(db, user)
            elif name == "Settings":
                screen = SettingsScreen(db)
                screen.changed.connect(self.catalog_changed)
            else:
                screen = PlaceholderScreen(name, f"Coming next: {COMING[name]}")
            self.screens[name] = screen
            self.stack.addWidget(screen)
            self.nav.addItem(name)
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
        self.nav.setCurrentRow(SCREENS.index("Front desk"))
        self._restore_geometry()

    def _go(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        screen = self.stack.currentWidget()
        if hasattr(screen, "refresh"):  # show what other screens and workstations recorded since
            screen.refresh()

    def catalog_changed(self) -> None:
        """Items, locations or sources were edited: every entry screen reloads its lists."""
        self.screens["Front desk"].reload_catalog()
        self.screens["Supply"].reload_catalog()
        self.screens["Stock"].reload_categories()
        self.screens["Van"].refresh()

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


