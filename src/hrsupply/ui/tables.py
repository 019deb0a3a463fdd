"""What every table in the app shares: models that declare their columns once, and one view setup."""

from __future__ import annotations

import functools

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from hrsupply.i18n import tr


@functools.cache
def bold() -> QFont:
    """A totals row's font: made at first use, in the window's thread (a screen's module may be
    imported in the background while the PIN is typed)."""
    font = QFont()
    font.setBold(True)
    return font


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
        self._row_texts: dict[int, dict] = {}
        for signal in (self.modelReset, self.dataChanged, self.rowsInserted, self.rowsRemoved, self.layoutChanged):
            signal.connect(self._forget)

    def _forget(self, *_args) -> None:
        self._texts.clear()
        self._row_texts.clear()

    def row_texts(self, n: int, make) -> dict:
        """Row `n`'s texts as {heading: text}, made once by `make(row)` (a wide row's formatting
        is then done once, not once per cell)."""
        if n not in self._row_texts:
            self._row_texts[n] = make(self.rows[n])
        return self._row_texts[n]

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "data" in cls.__dict__:
            cls.data = _kept(cls.__dict__["data"])

    @classmethod
    def column(cls, heading: str) -> int:
        """A column's position, by its heading as declared: no code counts columns."""
        return cls.COLUMNS.index(heading)

    def cell(self, index, values: dict[str, object]):
        """The cell at `index` of a row given as {heading: value}, every column named."""
        return values[self.COLUMNS[index.column()]]

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
            return tr(self.COLUMNS[section])  # the headings are marked QT_TR_NOOP where declared
        return None


def _kept(data):
    def kept(self, index, role=Qt.ItemDataRole.DisplayRole):
        key = (index.row(), index.column(), role)
        try:
            return self._texts[key]
        except KeyError:
            value = data(self, index, role)
            if value is None and role == Qt.ItemDataRole.ToolTipRole:
                # A text cut short ("Naloxone 4 mg nasal (2 d…") is read whole by pointing at it.
                text = data(self, index, Qt.ItemDataRole.DisplayRole)
                value = text if isinstance(text, str) and len(text) > 16 else None
            self._texts[key] = value
            return value

    return kept


# A column fitted to its contents is no wider than this: a long source or location name is cut
# short (whole in its tooltip) and the item's name keeps its room on a 1280-px screen.
WIDEST_FIT = 200


# The column that takes the spare width (the item's name) is never narrower than this: with
# many figures beside it on a 1280-px screen, the table scrolls sideways instead of showing
# three "Syringe 1 mL 2…" that cannot be told apart.
NARROWEST_NAME = 220


FIGURES_MEASURED = 5_000  # rows whose figures are measured for a column's width (beyond, the first ones)


def _fit(view: SheetView, stretch: int) -> None:
    """Each column to its contents but the one that takes the spare width (it would push the
    others out of sight). A column of figures is as wide as its widest figure in any row, not
    only the rows in sight: a figure is never cut to "2,…"."""
    model, metrics, header = view.model(), view.fontMetrics(), view.horizontalHeader()
    rows = min(model.rowCount(), FIGURES_MEASURED)
    for column in range(model.columnCount()):
        if column == stretch:
            continue
        if not rows:  # nothing to fit yet: room for the heading, and for a first line's lot or date
            view.setColumnWidth(column, max(header.defaultSectionSize(), header.sectionSizeHint(column)))
            continue
        view.resizeColumnToContents(column)
        if _figures(model, column):
            texts = (model.data(model.index(r, column)) for r in range(rows))
            widest = max((metrics.horizontalAdvance(str(t)) for t in texts if t not in (None, "")), default=0)
            view.setColumnWidth(column, max(view.columnWidth(column), widest + 2 * metrics.averageCharWidth() + 8))
        elif view.columnWidth(column) > WIDEST_FIT:
            # Long contents are cut short, never the heading ("Naloxone reason" at 200%).
            view.setColumnWidth(column, max(WIDEST_FIT, header.sectionSizeHint(column)))
    view.fill_width()


def _figures(model, column: int) -> bool:
    """Whether a column holds figures: its cells are right-aligned, as figures are."""
    if not model.rowCount():
        return False
    align = model.data(model.index(0, column), Qt.ItemDataRole.TextAlignmentRole)
    return align is not None and bool(int(align) & int(Qt.AlignmentFlag.AlignRight))


class SheetView(QTableView):
    """Enter means what a spreadsheet user expects: the figure typed is kept and the cursor moves
    down a row, so `326⏎70⏎50⏎` counts three items (Qt's own table stays on the cell).
    Its `stretch` column takes the width the others leave, but never less than NARROWEST_NAME."""

    stretch = -1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fill_width()

    def fill_width(self) -> None:
        model = self.model()
        if self.stretch < 0 or model is None or self.stretch >= model.columnCount():
            return
        others = sum(self.columnWidth(c) for c in range(model.columnCount()) if c != self.stretch)
        self.setColumnWidth(
            self.stretch, max(min(NARROWEST_NAME, self.viewport().width()), self.viewport().width() - others)
        )

    def closeEditor(self, editor, hint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter, not Tab or Escape
            current = self.currentIndex()
            below = current.siblingAtRow(current.row() + 1)
            if below.isValid():
                self.setCurrentIndex(below)


def no_tab_trap(view: QAbstractItemView) -> QAbstractItemView:
    """Tab leaves the table for the next control, as everywhere else (Qt's tables walk their
    cells with Tab, so a keyboard user could not get past one); Ctrl+Tab and Ctrl+Shift+Tab
    move between cells where a table is typed into (arrow keys do too)."""
    view.setTabKeyNavigation(False)
    for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+Backtab", -1)):
        shortcut = QShortcut(QKeySequence(keys), view, context=Qt.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda step=step: _next_cell(view, step))
    return view


def _next_cell(view: QAbstractItemView, step: int) -> None:
    model, current = view.model(), view.currentIndex()
    columns, rows = model.columnCount(), model.rowCount()
    if not rows or not columns:
        return
    at = (current.row() * columns + current.column() + step) if current.isValid() else 0
    at = max(0, min(rows * columns - 1, at))
    view.setCurrentIndex(model.index(at // columns, at % columns))
    if (widget := view.indexWidget(view.currentIndex())) is not None:
        widget.setFocus()  # a cell holding a box (a receipt's lot): into the box


def rows_high(view: QTableView, rows: int) -> int:
    """The height that shows the headings and `rows` rows at the text size in use."""
    frame = 2 * view.frameWidth() + 2
    return view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize() + frame


def table_view(model, stretch: int) -> QTableView:
    """A row-selecting, read-only table whose `stretch` column takes the spare width (made
    editable by the screens that need it; Enter then moves down, as in a spreadsheet)."""
    view = SheetView()
    view.setModel(model)
    no_tab_trap(view)
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
    view.stretch = stretch

    # In a pass of its own: the rows' first paint and the fitting each take their own moment.
    # Fitted before any row arrives too (an empty table's 100 px columns cut "Cantidad" at 200%),
    # and when rows are added rather than reset (a visit's lines, the stock card's pages).
    def fit() -> None:
        QTimer.singleShot(0, view, lambda: _fit(view, stretch))

    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)
    fit()
    return view
