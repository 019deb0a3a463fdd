"""The base of a screen of figures for a period, at all locations or one (Reports' tabs): From and
To (this month so far to start), the list of locations, and a read once a typed date settles. The
screen's own `refresh()` reads its figures for `period()` and `location.currentData()`."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer

from hrsupply.i18n import tr
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.widgets import Choices, label, month_to_date, refill


class PeriodScreen(Screen):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.start, self.end = month_to_date()
        self.location = Choices()
        self.location.addItem(tr("All locations"), None)
        # A date typed digit by digit, or a calendar clicked through, reads the period once it settles.
        self._settle = QTimer(self, singleShot=True, interval=250, timeout=self.refresh)
        for signal in (self.start.dateChanged, self.end.dateChanged):
            signal.connect(self._settle.start)
        self.location.currentIndexChanged.connect(self.refresh)

    def reload(self, changes: Changes) -> None:
        if changes & Changes.CATALOG or self.location.count() == 1:
            from hrsupply.services import catalog  # off the UI thread, with the figures

            ops.run(self, lambda: catalog.locations(self.db), self._show_locations, key="locations")
        else:
            self.refresh()

    def _show_locations(self, locations) -> None:
        refill(self.location, [(tr("All locations"), None), *((label(loc), loc.code) for loc in locations)])
        self.refresh()

    def _period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def refresh(self, *_args) -> None:
        """Read the figures for the period and location (through ops.run)."""
        raise NotImplementedError
