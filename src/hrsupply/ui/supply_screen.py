"""Supply: the supply lead's screen for what comes in and what is written off."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hrsupply.ui.receive import ReceiptsTab, ReceiveTab
from hrsupply.ui.supply_out import AdjustTab, ExpiryTab, KitsTab, LabelsTab


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
            (self.receive, "Receive"),
            (self.receipts, "Receipts"),
            (self.expiry, "Expiry"),
            (self.adjust, "Adjust and review"),
            (self.kits, "Kits"),
            (self.labels, "Shelf labels"),
        ):
            self.tabs.addTab(tab, name)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Supply</h2>"))
        layout.addWidget(self.tabs, 1)

    def show_tab(self, name: str) -> None:
        for n in range(self.tabs.count()):
            if self.tabs.tabText(n) == name:
                self.tabs.setCurrentIndex(n)

    def receive_order(self, order_id: int) -> None:
        self.show_tab("Receive")
        self.receive.load_order(order_id)
