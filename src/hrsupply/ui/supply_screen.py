"""Supply: the supply lead's screen for what comes in and what is written off."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hrsupply.ui.receive import ReceiptsTab, ReceiveTab
from hrsupply.ui.supply_out import AdjustTab, ExpiryTab, KitsTab, LabelsTab


class SupplyScreen(QWidget):
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
        self.tabs.currentChanged.connect(self.refresh)
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

    def refresh(self, *_args) -> None:
        """Lists other screens or workstations may have changed."""
        self.receive.reload_orders()
        self.receipts.refresh()
        self.expiry.refresh()
        self.adjust.refresh()

    def reload_catalog(self) -> None:
        self.receive.reload()
        self.adjust.item.reload()
        self.kits.reload()
        self.labels.reload()
