"""What every table in the app shares: models that declare their columns once, and one view setup."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView


class ColumnsModel(QAbstractTableModel):
    """A read-only table model over `self.rows`; subclasses set COLUMNS and implement `data`.

    A view asks each cell for a dozen roles, many times over (painting, sizing columns): what a
    subclass's `data` answers is kept until its rows change, so a full table never stalls the
    window."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._texts: dict[tuple, object] = {}
        self._row_texts: dict[int, tuple] = {}
        for signal in (self.modelReset, self.dataChanged, self.rowsInserted, self.rowsRemoved, self.layoutChanged):
            signal.connect(self._forget)

    def _forget(self, *_args) -> None:
        self._texts.clear()
        self._row_texts.clear()

    def row_texts(self, n: int, make) -> tuple:
        """Row `n`'s texts, column by column, made once by `make(row)` (a wide row's formatting
        is then done once, not once per cell)."""
        if n not in self._row_texts:
            self._row_texts[n] = make(self.rows[n])
        return self._row_texts[n]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "data" in cls.__dict__:
            cls.data = _kept(cls.__dict__["data"])

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None


def _kept(data):
    def kept(self, index, role=Qt.ItemDataRole.DisplayRole):
        key = (index.row(), index.column(), role)
        try:
            return self._texts[key]
        except KeyError:
            value = self._texts[key] = data(self, index, role)
            return value

    return kept


def _fit(view: QTableView, stretch: int) -> None:
    """Each column to its contents but the one that takes the spare width (it would push the
    others out of sight)."""
    for column in range(view.model().columnCount()):
        if column != stretch:
            view.resizeColumnToContents(column)


class SheetView(QTableView):
    """Enter means what a spreadsheet user expects: the figure typed is kept and the cursor moves
    down a row, so `326⏎70⏎50⏎` counts three items (Qt's own table stays on the cell)."""

    def closeEditor(self, editor, hint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter, not Tab or Escape
            current = self.currentIndex()
            below = current.siblingAtRow(current.row() + 1)
            if below.isValid():
                self.setCurrentIndex(below)


def table_view(model, stretch: int) -> QTableView:
    """A row-selecting, read-only table whose `stretch` column takes the spare width (made
    editable by the screens that need it; Enter then moves down, as in a spreadsheet)."""
    view = SheetView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    # Columns are fitted to the rows in view once, when new rows arrive; fitting every cell
    # on every repaint (ResizeToContents) froze the window for a quarter second per table.
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    # In a pass of its own: the rows' first paint and the fitting each take their own moment.
    model.modelReset.connect(lambda: QTimer.singleShot(0, view, lambda: _fit(view, stretch)))
    return view
