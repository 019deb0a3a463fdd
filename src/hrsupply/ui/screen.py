"""A page that shows data and keeps it current: the base of every screen and tab.

A Screen says which `Changes` it shows (`listens`) and how to fetch them (`reload(changes)`, which
runs its queries through `ops.run`). It reloads when it is shown (other workstations write too),
and when a write anywhere in the app changes what it shows: at once if it is visible, else the
next time it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hrsupply.i18n import number, tr
from hrsupply.ui import ops
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import Changes

# Past this many units moved by one click, the click asks first (a slipped digit: 1000 for 100).
MANY = 100


class AsksFirst:
    """Yes/No questions, and the one asked before a large move (screens, the tally sheet, the
    van's close-out): a test replaces `ask_yes_no` with its answer."""

    def ask_yes_no(self, title: str, text: str, *, default_yes: bool = True) -> bool:
        """A question with Yes and No (a test replaces it with its answer)."""
        from PySide6.QtWidgets import QMessageBox

        default = QMessageBox.Yes if default_yes else QMessageBox.No
        return QMessageBox.question(self, title, text, QMessageBox.Yes | QMessageBox.No, default) == QMessageBox.Yes

    def moves_many(self, units: int, what: str, said: str | None = None) -> bool:
        """True to go ahead: at once for up to MANY units, else when the user says so to
        "`what`: 1,000 units in one go" (`said`: the figure per unit, "2,000 each · 5 kits")."""
        return abs(units) <= MANY or self.ask_yes_no(
            tr("Check the figure"),
            tr("{what}: {x} in one go. Is that right?").format(what=what, x=said)
            if said
            else tr("{what}: {x} units in one go. Is that right?").format(what=what, x=number(abs(units))),
            default_yes=False,
        )


class Screen(AsksFirst, Remembers, QWidget):
    listens: Changes = Changes.NONE

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pending = self.listens
        self.loads = 0  # how many times it has read its data (tests count them)
        ops.hub().changed.connect(self._heard)

    def reload(self, changes: Changes) -> None:
        """Read again what `changes` touched (through ops.run)."""

    def catch_up(self, changes: Changes | None = None) -> None:
        """Reload what changed (everything it shows, by default) if visible; else when shown."""
        self._pending |= self.listens if changes is None else changes & self.listens
        if self.isVisible() and self._pending:
            changes, self._pending = self._pending, Changes.NONE
            self.loads += 1
            self.reload(changes)

    def _heard(self, changes: Changes) -> None:
        if changes & self.listens:
            self.catch_up(changes)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Shown by the user: read again (another workstation may have written). Shown again as
        # the window is restored: only what this app changed meanwhile.
        self.catch_up(None if not event.spontaneous() else Changes.NONE)
