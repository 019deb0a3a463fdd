"""Stock: on hand by item and location, with filters, and the stock card of the selected row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, movements, program, stock
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import Choices, Message

STATUS_COLOURS = {"out": "#f8d7da", "below minimum": "#fff3cd", "expired": "#f5c6cb", "expiring": "#fde9c9"}


def _stock_texts(row) -> dict[str, str]:
    status = tr(STATUS_WORDS.get(row.status, row.status))  # a word, never the row's colour alone
    if row.status == "expiring":
        status = tr("{n:,} expiring").format(n=row.expiring)
    elif row.status == "expired":
        status = tr("{n:,} expired").format(n=row.expired)
    elif row.expired:  # out or below minimum, and some of what is there has expired
        status += tr(" ({n:,} expired)").format(n=row.expired)
    return {
        "Item": row.name,
        "SKU": row.sku,
        "Category": row.category,
        "Location": row.location,
        "On hand": f"{row.quantity:,}",
        "Expired": f"{row.expired:,}" if row.expired else "",
        "Unit": row.unit,
        "Minimum": "" if row.minimum is None else f"{row.minimum:,}",
        "Par": "" if row.par is None else f"{row.par:,}",
        "Next expiry": row.next_expiry.isoformat() if row.next_expiry else "",
        "Status": status,
    }


STATUS_WORDS = {"ok": QT_TR_NOOP("ok"), "out": QT_TR_NOOP("stocked out"), "below minimum": QT_TR_NOOP("below minimum")}


class StockTableModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("SKU"),
        QT_TR_NOOP("Category"),
        QT_TR_NOOP("Location"),
        QT_TR_NOOP("On hand"),
        QT_TR_NOOP("Expired"),
        QT_TR_NOOP("Unit"),
        QT_TR_NOOP("Minimum"),
        QT_TR_NOOP("Par"),
        QT_TR_NOOP("Next expiry"),
        QT_TR_NOOP("Status"),
    )
    QUANTITY_COLUMNS = set(map(COLUMNS.index, ("On hand", "Expired", "Minimum", "Par")))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index, self.row_texts(index.row(), _stock_texts))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.QUANTITY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        return None


class StockCardModel(ColumnsModel):
    """The movements of one item at one location, newest first, fetched a page at a time as the
    user scrolls: the view asks `canFetchMore`, we ask the service for the next keyset page."""

    COLUMNS = (
        QT_TR_NOOP("When"),
        QT_TR_NOOP("Type"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Change"),
        QT_TR_NOOP("Balance"),
        QT_TR_NOOP("From / to"),
        QT_TR_NOOP("Reason"),
        QT_TR_NOOP("Reference"),
        QT_TR_NOOP("By"),
    )
    PAGE = 200

    def __init__(self, db, owner: QWidget, parent=None):
        super().__init__(parent)
        self.db, self.owner = db, owner
        self._key: tuple[int, int] | None = None
        self._after = None
        self._fetching = False

    def load(self, location_id: int, item_id: int) -> None:
        self._key = key = (location_id, item_id)
        self._after = None
        self.set_rows([])
        ops.run(self.owner, lambda: stock.stock_card(self.db, *key, limit=self.PAGE), self._page, key="card")

    def clear(self) -> None:
        self._key = self._after = None
        self.set_rows([])

    def canFetchMore(self, parent=QModelIndex()):
        return not parent.isValid() and self._after is not None and not self._fetching

    def fetchMore(self, parent=QModelIndex()):
        key, after = self._key, self._after
        self._fetching = True
        ops.run(
            self.owner, lambda: stock.stock_card(self.db, *key, after=after, limit=self.PAGE), self._page, key="card"
        )

    def _page(self, page) -> None:
        self._fetching = False
        if page.lines:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.lines) - 1)
            self.rows.extend(page.lines)
            self.endInsertRows()
        self._after = page.after

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        line = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kind = tr(line.type) + (tr(" (reversal)") if line.reversal else "")
            values = (
                line.occurred_at.strftime("%Y-%m-%d %H:%M"),
                kind,
                line.lot or "",
                f"{line.change:+,}",
                f"{line.balance:,}",
                line.counterpart or "",
                line.reason or "",
                line.reference or "",
                line.recorded_by,
            )
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QBrush(QColor("#1a7f37" if line.change > 0 else "#b42318" if line.change < 0 else "#555"))
        return None


class StockScreen(Screen):
    ALL = "All"
    listens = Changes.STOCK | Changes.CATALOG | Changes.SETTINGS

    def __init__(self, db, user: str = "", *, can_correct: bool = True, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.search = QLineEdit(placeholderText=tr("Search name, SKU or scan a barcode  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.ALL = tr("All")
        self.category = Choices()
        self.category.addItem(self.ALL)
        self.status = Choices()
        self.status.addItems([self.ALL, tr("Out of stock"), tr("Below minimum"), tr("Expired"), tr("Expiring soon")])
        self.summary = QLabel()
        self._reselect: int | None = None

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(QLabel(tr("Category")))
        bar.addWidget(self.category, 1)
        bar.addWidget(QLabel(tr("Show")))
        bar.addWidget(self.status, 1)

        self.model = StockTableModel(self)
        self.table = table_view(self.model, stretch=0)
        self.table.setAccessibleName(tr("Stock on hand"))
        self.card_title = QLabel(tr("Select a row to see its stock card."))
        self.card_title.setObjectName("cardTitle")
        self.card_model = StockCardModel(db, self, self)
        self.card = table_view(self.card_model, stretch=6)
        self.card.setAccessibleName(tr("Stock card"))

        card_box = QWidget()
        card_layout = QVBoxLayout(card_box)
        card_layout.setContentsMargins(0, 0, 0, 0)
        self.reverse_button = QPushButton(tr("Reverse selected line…"))
        self.reverse_button.setToolTip(tr("Correct a mistaken movement: its opposite is recorded, with your reason"))
        self.card_message = Message()
        card_bar = QHBoxLayout()
        card_bar.addWidget(self.card_title, 1)
        card_bar.addWidget(self.reverse_button)
        card_layout.addLayout(card_bar)
        # Only once it has a parent: shown before, it was a window of its own that took the
        # keyboard from the front desk a second after sign-in (the screens are built then).
        self.reverse_button.setVisible(can_correct)  # corrections are the supply lead's
        card_layout.addWidget(self.card)
        card_layout.addWidget(self.card_message)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(card_box)
        split.setSizes([420, 260])

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Stock on hand") + "</h2>"))
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        self.message = self.card_message  # where a failed read is said

        # Type-ahead search refreshes after a short pause, not on every keystroke.
        self._debounce = QTimer(self, singleShot=True, interval=150, timeout=self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.refresh)
        self.category.currentIndexChanged.connect(self.refresh)
        self.status.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._show_card)
        QShortcut(QKeySequence.Find, self, activated=self.search.setFocus)
        self.reverse_button.clicked.connect(self.reverse_selected)

    def reload(self, changes: Changes) -> None:
        filters = self._filters()
        lists = bool(changes & (Changes.CATALOG | Changes.SETTINGS))

        def read():
            days = program.expiry_window_days(self.db)
            categories = catalog.categories(self.db) if lists else None
            return days, categories, stock.overview(self.db, **filters, window_days=days)

        ops.run(self, read, self._show, key="load")

    def refresh(self, *_args) -> None:
        """The filters changed: read the rows again."""
        self.reload(Changes.NONE)

    def _show(self, read) -> None:
        days, categories, rows = read
        self.status.setItemText(4, tr("Expiring within {days} days").format(days=days))
        if categories is not None:
            current = self.category.currentText()
            self.category.blockSignals(True)
            self.category.clear()
            self.category.addItems([self.ALL, *categories])
            self.category.setCurrentIndex(max(0, self.category.findText(current)))
            self.category.blockSignals(False)
        self.model.set_rows(rows)
        self.card_model.clear()
        self.card_title.setText(tr("Select a row to see its stock card."))
        flagged = sum(1 for r in rows if r.status != "ok")
        self.summary.setText(
            tr("{n} item-location rows · {flagged} need attention").format(n=len(rows), flagged=flagged)
        )
        if len(rows) == 1:  # a scanned barcode: go straight to the card
            self.table.selectRow(0)
        elif self._reselect is not None and self._reselect < len(rows):
            self.table.selectRow(self._reselect)
        self._reselect = None

    def show_filter(self, *, status: str | None = None, category: str | None = None) -> None:
        """Open with a filter set (from a Home tile): a status of stock.STATUSES and/or a category
        (or the first category containing the word given, e.g. "naloxone")."""
        self._wanted_category = category
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.status.blockSignals(True)
        self.status.setCurrentIndex([None, *stock.STATUSES].index(status))
        self.status.blockSignals(False)
        ops.run(self, lambda: catalog.categories(self.db), self._pick_category, key="load")

    def _pick_category(self, categories: list[str]) -> None:
        wanted = self._wanted_category
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems([self.ALL, *categories])
        match = next((n for n, name in enumerate(categories, 1) if wanted and wanted.lower() in name.lower()), 0)
        self.category.setCurrentIndex(match)
        self.category.blockSignals(False)
        self.refresh()

    def _filters(self) -> dict:
        category = self.category.currentText() if self.category.currentIndex() > 0 else None  # 0: all
        status = [None, *stock.STATUSES][self.status.currentIndex()]
        return dict(search=self.search.text(), category=category, status=status)

    def _show_card(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        self.card_title.setText(
            tr(
                "<b>Stock card</b>: {row_name} ({row_sku}) at {row_location} — {row_quantity:,} {row_unit} on hand"
            ).format(
                row_name=row.name,
                row_sku=row.sku,
                row_location=row.location,
                row_quantity=row.quantity,
                row_unit=row.unit,
            )
        )
        self.card_model.load(row.location_id, row.item_id)

    def ask_reason(self, line) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            tr("Reverse a movement"),
            tr("Reverse the {type} of {change:+,} on {at:%Y-%m-%d %H:%M}?").format(
                type=tr(line.type), change=line.change, at=line.occurred_at
            )
            + "\n"
            + tr("The original stays on the card; its opposite is added. Why?"),
        )
        return text if ok else None

    def reverse_selected(self) -> None:
        index = self.card.currentIndex()
        if not index.isValid():
            self.card_message.error(tr("Select a line on the stock card first."))
            return
        line = self.card_model.rows[index.row()]
        reason = self.ask_reason(line)
        if reason is None:
            return
        current = self.table.currentIndex()

        def reversed_(_result) -> None:
            self._reselect = current.row() if current.isValid() else None  # the reload shows it again
            self.card_message.ok(
                tr("Reversed: {line_type} of {line_change:+,} ({reason}).").format(
                    line_type=tr(line.type), line_change=line.change, reason=reason
                )
            )

        ops.run(
            self,
            lambda: movements.reverse(self.db, self.user, line.id, reason),
            reversed_,
            message=self.card_message,
            changes=Changes.STOCK,
        )
