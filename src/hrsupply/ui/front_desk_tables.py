"""The front desk's two tables: the lines of the visit being recorded, and today's visits."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import visits
from hrsupply.services.visits import Line
from hrsupply.ui.tables import ColumnsModel


class LinesModel(ColumnsModel):
    COLUMNS = (QT_TR_NOOP("Item"), QT_TR_NOOP("Quantity"), QT_TR_NOOP("Lot"))

    def __init__(self, names: dict[int, str], parent=None):
        super().__init__(parent)
        self.names = names
        self.lot_names: dict[int, str] = {}

    def add(self, line: Line) -> int:
        """The row the line is on: the same item twice is one line with the quantities added."""
        for n, existing in enumerate(self.rows):
            if existing.item_id == line.item_id and existing.lot_id == line.lot_id:
                existing.quantity += line.quantity
                self.dataChanged.emit(self.index(n, self.QUANTITY), self.index(n, self.QUANTITY))
                return n
        self.beginInsertRows(self.index(0, 0).parent(), len(self.rows), len(self.rows))
        self.rows.append(Line(line.item_id, line.quantity, line.lot_id))
        self.endInsertRows()
        return len(self.rows) - 1

    QUANTITY = COLUMNS.index("Quantity")
    changed = Signal()  # a quantity edited in place

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        line = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lot = self.lot_names.get(line.lot_id, "") if line.lot_id else ""
            return self.cell(
                index, {"Item": self.names.get(line.item_id, "?"), "Quantity": f"{line.quantity:,}", "Lot": lot}
            )
        if role == Qt.ItemDataRole.EditRole and index.column() == self.QUANTITY:
            return str(line.quantity)  # a text editor: the digits typed replace it
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.QUANTITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.QUANTITY else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """A quantity typed over the old one; 0 takes the line off."""
        text = str(value).strip().replace(",", "")
        if role != Qt.ItemDataRole.EditRole or not text.isdigit():
            return False
        self.set_quantity(index.row(), int(text))
        return True

    def set_quantity(self, row: int, quantity: int) -> None:
        if quantity <= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
        else:
            self.rows[row].quantity = quantity
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        self.changed.emit()


class TodayModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Time"),
        QT_TR_NOOP("Code"),
        QT_TR_NOOP("Handed out"),
        QT_TR_NOOP("Returned"),
        QT_TR_NOOP("Naloxone reason"),
        QT_TR_NOOP("Reversals"),
        QT_TR_NOOP("By"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row: visits.VisitRow = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            returned = f"{row.syringes_returned:,}" + (tr(" (est.)") if row.returned_estimated else "")
            return self.cell(
                index,
                {
                    "Time": row.occurred_at.strftime("%H:%M"),
                    "Code": row.participant or tr("anonymous"),
                    "Handed out": (tr("UNDONE · ") if row.undone else "") + row.items,
                    "Returned": returned,
                    "Naloxone reason": row.naloxone_reason or "",
                    "Reversals": str(row.reversals_reported or ""),
                    "By": row.recorded_by,
                },
            )
        if role == Qt.ItemDataRole.ForegroundRole and row.undone:
            return Qt.gray
        if role == Qt.ItemDataRole.FontRole and row.undone:  # struck through: seen without reading a word
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
