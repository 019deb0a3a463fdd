"""The front desk's lots: F4 (or a double click) chooses the lot a lot-tracked line draws from;
by default lines draw first-expiry-first-out, and an expired lot asks before it is handed out."""

from __future__ import annotations

from hrsupply.i18n import number, tr
from hrsupply.services import stock
from hrsupply.services.visits import Line
from hrsupply.ui import ops


class LotKeys:
    """Mixed into the front desk (its lines, location, time, message and questions)."""

    def pick_lot(self, *_args) -> None:
        """Choose the lot of a lot-tracked line (F4); by default lines draw first-expiry-first-out."""
        index = self.lines_view.currentIndex()
        if not index.isValid() and self.lines.rows:
            index = self.lines.index(len(self.lines.rows) - 1, 0)
        if not index.isValid():
            return
        line, where = self.lines.rows[index.row()], self.location.currentData()
        ops.run(
            self, lambda: stock.lots_at(self.db, where, line.item_id), lambda lots: self._pick_from(line, index, lots)
        )

    def _pick_from(self, line: Line, index, lots) -> None:
        if not lots:
            self.message.error(tr("This item has no lots in stock here; it is handed out without one."))
            return
        day = self.when.dateTime().toPython().date()
        expired = " · " + tr("EXPIRED, do not hand out")
        choices = [tr("Earliest expiry first (FEFO)")] + [
            tr("{lot} · expires {expiry}{expired} · {n} here").format(
                lot=l.lot,
                expiry=f"{l.expiry:%Y-%m-%d}",
                expired=expired if l.expired_on(day) else "",
                n=number(l.quantity),
            )
            for l in lots
        ]
        choice, ok = self.ask_choice(tr("Lot"), tr("Lot for {x}").format(x=self.lines.names[line.item_id]), choices)
        if ok:
            picked = lots[choices.index(choice) - 1] if choices.index(choice) else None
            if (
                picked
                and picked.expired_on(day)
                and not self.ask_yes_no(
                    tr("Expired lot"),
                    tr("Lot {picked_lot} expired on {picked_expiry:%Y-%m-%d}.\nHand out from it anyway?").format(
                        picked_lot=picked.lot, picked_expiry=picked.expiry
                    ),
                    default_yes=False,  # a rushed Enter does not hand out expired stock
                )
            ):
                return
            line.lot_id = picked.lot_id if picked else None
            if picked:
                self.lines.lot_names[picked.lot_id] = picked.lot
            self.lines.dataChanged.emit(self.lines.index(index.row(), 0), self.lines.index(index.row(), 2))
