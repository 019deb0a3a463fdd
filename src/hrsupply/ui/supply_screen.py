"""Supply: the supply lead's screen for what comes in and what is written off."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.ui.flow import sized_by_current
from hrsupply.ui.receive import ReceiptsTab, ReceiveTab
from hrsupply.ui.shelf_labels import LabelsTab
from hrsupply.ui.supply_out import AdjustTab, ExpiryTab, KitsTab


class SupplyScreen(QWidget):
    """Its tabs are Screens: each reads what it shows when it is shown and when that changes."""

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.receive = ReceiveTab(db, user)
        self.receipts = ReceiptsTab(db)
        self.expiry = ExpiryTab(db, user)
        self.adjust = AdjustTab(db, user)
        self.kits = KitsTab(db, user)
        self.labels = LabelsTab(db)
        self.tabs = QTabWidget()
        for tab, name in (
            (self.receive, QT_TR_NOOP("Receive")),
            (self.receipts, QT_TR_NOOP("Receipts")),
            (self.expiry, QT_TR_NOOP("Expiry")),
            (self.adjust, QT_TR_NOOP("Adjust and review")),
            (self.kits, QT_TR_NOOP("Kits")),
            (self.labels, QT_TR_NOOP("Shelf labels")),
        ):
            self.tabs.addTab(tab, tr(name))
        sized_by_current(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Supply") + "</h2>"))
        layout.addWidget(self.tabs, 1)

    def show_tab(self, name: str) -> None:
        for n in range(self.tabs.count()):
            if self.tabs.tabText(n) in (name, tr(name)):
                self.tabs.setCurrentIndex(n)

    def receive_order(self, order_id: int) -> None:
        self.show_tab("Receive")
        self.receive.load_order(order_id)
