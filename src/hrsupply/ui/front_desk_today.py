"""The front desk's list of today's visits here: its totals, and undoing a visit (the one selected,
else the latest still standing: Ctrl+Shift+U). An undone visit stays in the list, struck through."""

from __future__ import annotations

from PySide6.QtCore import QDateTime

from hrsupply.i18n import tr
from hrsupply.services import visits
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.widgets import counted


class TodayList:
    """Mixed into the front desk (its today model and view, totals, undo button, message)."""

    def refresh_today(self) -> None:
        day, where = QDateTime.currentDateTime().date().toPython(), self.location.currentData()
        if where is not None:
            ops.run(self, lambda: visits.between(self.db, self.user, day, day, where), self._show_today, key="today")

    def _show_today(self, rows) -> None:
        self.today.set_rows(rows)
        t = visits.totals(rows)
        self.totals.setText(
            tr("<b>Today here</b>: {x} · {x2} · {x3} out · {t_syringes_returned:,} returned · {x4}").format(
                x=counted(t.visits, tr("visit"), tr("visits")),
                x2=counted(t.unique_codes, tr("code"), tr("codes")),
                x3=counted(t.syringes_out, tr("syringe"), tr("syringes")),
                t_syringes_returned=t.syringes_returned,
                x4=counted(t.naloxone_kits_out, tr("naloxone kit"), tr("naloxone kits")),
            )
        )

    def _today_selected(self, *_args) -> None:
        """Undo is for a visit that is still standing: never twice."""
        self.undo_button.setEnabled(self._to_undo() is not None)

    def _to_undo(self):
        """The visit selected in today's list, else the latest still standing (Ctrl+Shift+U)."""
        index = self.today_view.currentIndex()
        if index.isValid():
            row = self.today.rows[index.row()]
            return None if row.undone else row
        return max((r for r in self.today.rows if not r.undone), key=lambda r: r.occurred_at, default=None)

    def undo_selected(self) -> None:
        row = self._to_undo()
        if row is None:
            self.message.error(tr("No visit to undo: select one in today's list that is still standing."))
            return
        ops.run(self, lambda: visits.undo_summary(self.db, row.id), lambda summary: self._undo(row, summary))

    def _undo(self, row, summary: str) -> None:
        if not self.ask_yes_no(
            tr("Undo visit"),
            tr(
                "Undo the {row_occurred_at:%H:%M} visit ({x})?\n\n{summary}\n\nThe visit stays in the records, "
                "marked undone."
            ).format(row_occurred_at=row.occurred_at, x=row.participant or tr("anonymous"), summary=summary),
        ):
            return
        ops.run(
            self,
            lambda: visits.undo(self.db, self.user, row.id),
            lambda _r: self.message.ok(tr("Visit undone.")),
            changes=Changes.VISITS | Changes.STOCK,
        )
