"""Receive: a delivery typed or scanned line by line (packs convert to units as you go), and the
receipts list with totals by source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, item_editor, purchase_orders, receiving
from hrsupply.services.receiving import ReceiptForm, ReceiptLine
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import ColumnsModel, no_tab_trap, table_view
from hrsupply.ui.widgets import (
    SAVE_KEYS,
    Choices,
    ItemField,
    Message,
    counted,
    fill_locations,
    keyed,
    location_combo,
    month_to_date,
)

PAST_RECEIPT_TIME = time(7, 0)  # a delivery entered for an earlier day: before that day's handouts


@dataclass
class _Row:
    item: catalog.ItemInfo
    pack: QComboBox
    count: QSpinBox
    units: QLabel
    lot: QLineEdit | None
    expiry: QLineEdit | None


class _EnterGoesDown(QObject):
    """Enter in a line's box keeps the figure and goes to the same box a line down (after the
    last line, back to the item field for the next scan), as in a spreadsheet."""

    def __init__(self, tab: ReceiveTab):
        super().__init__(tab)
        self.tab = tab

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.tab.enter_down(watched)
            return True
        return False


class ReceiveTab(Screen):
    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Pack"),
        QT_TR_NOOP("Packs"),
        QT_TR_NOOP("Units"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Expiry"),
    )
    listens = Changes.CATALOG | Changes.ORDERS

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.order = Choices()
        self.order.setToolTip(tr("Receiving what was ordered fills the lines with what is still due"))
        self.source = Choices()
        self.reference = QLineEdit(placeholderText=tr("Packing slip or order number"))
        self.day = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.location = location_combo(db)
        self.item = ItemField(db, tr('Item: type or scan a barcode, then Enter ("3 box" for three boxes)'))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        no_tab_trap(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Fixed)  # cell widgets do not size their columns
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col, width in enumerate((0, 160, 100, 130, 150, 130)):
            if width:
                self.table.setColumnWidth(col, width)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.total = QLabel()
        self.message = Message()
        self.save_button = keyed(self, QPushButton(tr("Receive")), *SAVE_KEYS)
        remove = QPushButton(tr("Remove line  (Delete)"))
        self.rows: list[_Row] = []
        self._enter_down = _EnterGoesDown(self)
        self._packs: dict[int, list] = {}
        self._order_source: int | None = None

        form = QFormLayout()
        form.addRow(tr("Against order"), self.order)
        form.addRow(tr("Source"), self.source)
        form.addRow(tr("Reference"), self.reference)
        form.addRow(tr("Date received"), self.day)
        form.addRow(tr("Received at"), self.location)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        buttons.addWidget(remove)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.item)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.order.activated.connect(lambda _n: self.load_order(self.order.currentData()))
        self.item.picked.connect(self.add)
        self.item.first = self._packs_of_last_line
        self.item.not_found.connect(
            lambda text: self.message.error(
                tr("No single item matches “{text}”: type more of its name, or scan again.").format(text=text)
            )
        )
        self.save_button.clicked.connect(self.save)
        remove.clicked.connect(self.remove_line)
        QShortcut(QKeySequence.Delete, self.table, activated=self.remove_line, context=Qt.WidgetShortcut)

    def reload(self, changes: Changes = Changes.CATALOG | Changes.ORDERS) -> None:
        """Sources, items and packs (Settings may have changed them) and the orders due."""
        if changes & Changes.CATALOG:
            self.item.reload()
            fill_locations(self.location, self.db)
            ops.run(self, lambda: (item_editor.sources(self.db), catalog.pack_sizes(self.db)), self._show_catalog)
        self.reload_orders()

    def _show_catalog(self, read) -> None:
        sources, packs = read
        # No source is taken for granted (the first by name put purchases under donations): the
        # one last used at this workstation, else none until one is chosen.
        # An order's source wins (its lines may have come back before this list did).
        current = self._order_source or self.source.currentData() or QSettings().value("receive/source", None)
        self.source.clear()
        self.source.addItem(tr("— choose where this came from —"), None)
        for s in sources:
            self.source.addItem(f"{s.name} ({tr(s.kind)})", s.id)
        current = int(current) if current not in (None, "") else None
        if current is not None and (index := self.source.findData(current)) >= 0:
            self.source.setCurrentIndex(index)
        self._packs = {}
        for p in packs:
            self._packs.setdefault(p.item_id, []).append(p)

    def reload_orders(self, then=None) -> None:
        def show(orders) -> None:
            keep = self.order.currentData()
            self.order.clear()
            self.order.addItem(tr("— none: a delivery nobody ordered, a donation —"), None)
            for o in orders:
                self.order.addItem(
                    tr("{o_number} · {o_source} · {o_status} · {o_due:,} units due").format(
                        o_number=o.number, o_source=o.source, o_status=tr(o.status), o_due=o.due
                    ),
                    o.id,
                )
            self.order.setCurrentIndex(max(0, self.order.findData(keep)))
            if then is not None:
                then()

        ops.run(self, lambda: purchase_orders.receivable(self.db), show, key="orders")

    def load_order(self, order_id: int | None) -> None:
        """Fill the receipt with what is still due on the order; change the counts to what came."""
        if order_id is None:  # typed lines stay: this delivery was not ordered
            return
        self.table.setRowCount(0)
        self.rows.clear()
        self.reload_orders(then=lambda: self.order.setCurrentIndex(max(0, self.order.findData(order_id))))

        def read():  # the packs too: the lines need them, whatever the catalog's own read is doing
            form = receiving.form_for_order(self.db, order_id)
            return form, catalog.items(self.db, include_inactive=True), catalog.pack_sizes(self.db)

        ops.run(self, read, self._fill_from_order, key="order")

    def _fill_from_order(self, read) -> None:
        form, all_items, packs = read
        self._packs = {}
        for p in packs:
            self._packs.setdefault(p.item_id, []).append(p)
        self._order_source = form.source_id  # kept should the list of sources arrive after the order
        self.source.setCurrentIndex(max(0, self.source.findData(form.source_id)))
        self.location.setCurrentIndex(max(0, self.location.findData(form.location_id)))
        self.reference.setText(form.reference)
        items = {i.id: i for i in all_items}
        for line in form.lines:
            self.add(catalog.Match(items[line.item_id], pack=line.pack), line.packs)
        self.message.ok(
            tr(
                "{form_reference}: {n} lines still due. Change the counts to what arrived; a line that did not come "
                "can be removed."
            ).format(form_reference=form.reference, n=len(form.lines))
        )

    # ---- lines ---------------------------------------------------------------------------
    def add(self, match: catalog.Match, count: int = 1) -> None:
        item = match.item
        # A scan is exact; a typed item arrives in the pack it is ordered in unless a pack is typed
        # ("2 case syr") or chosen on the line: a delivery of "2 SYR-1ML-28" is two cases, not two.
        pack_name = match.pack if match.scanned or match.pack else item.order_pack
        # Scanning the same thing again counts one more pack on its line (no lot to tell apart).
        for row in self.rows:
            if row.item.id == item.id and not item.lot_tracked and (row.pack.currentData() or None) == pack_name:
                row.count.setValue(row.count.value() + count)
                self.item.setFocus()
                return
        n = self.table.rowCount()
        self.table.insertRow(n)
        self.table.setCellWidget(n, 0, QLabel(f" {item.name} ({item.sku})"))
        pack = Choices()
        pack.addItem(tr("single {item_unit}").format(item_unit=item.unit), "")
        for p in self._packs.get(item.id, []):
            pack.addItem(tr("{p_name} of {p_units:,}").format(p_name=p.name, p_units=p.units), p.name)
        pack.setCurrentIndex(max(0, pack.findData(pack_name or "")))
        spin = QSpinBox(minimum=1, maximum=1_000_000, value=count)
        units = QLabel()
        units.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lot = expiry = None
        if item.lot_tracked:
            lot = QLineEdit(placeholderText=tr("lot number"))
            # No default date: an expiry nobody typed would be a guess on every later FEFO pick.
            expiry = QLineEdit(placeholderText=tr("YYYY-MM-DD"))
            lot.editingFinished.connect(lambda lot=lot, expiry=expiry, item=item: self._known_lot(item, lot, expiry))
            self.table.setCellWidget(n, 4, lot)
            self.table.setCellWidget(n, 5, expiry)
        for col, widget in ((1, pack), (2, spin), (3, units)):
            self.table.setCellWidget(n, col, widget)
        row = _Row(item, pack, spin, units, lot, expiry)
        self.rows.append(row)
        for box in (spin, lot, expiry):
            if box is not None:
                box.installEventFilter(self._enter_down)
        pack.currentIndexChanged.connect(self._update_units)
        spin.valueChanged.connect(self._update_units)
        self._update_units()
        self.message.clear()
        (lot or self.item).setFocus()

    def _packs_of_last_line(self, typed: str) -> bool:
        """ "3 box" (the hint's own example), "2 cases": that many of a pack of the last line's item."""
        counted = re.fullmatch(r"\s*(\d+)\s*[x*]?\s*(\S+)\s*", typed)
        last = self.rows[-1] if self.rows else None
        pack = self.item.finder.pack_of(last.item.id, counted.group(2)) if counted and last else None
        if pack is None:
            return False
        last.pack.setCurrentIndex(max(0, last.pack.findData(pack[0])))
        last.count.setValue(int(counted.group(1)))
        self.message.clear()
        return True

    def enter_down(self, box: QWidget) -> None:
        for n, row in enumerate(self.rows):
            boxes = (row.count, row.lot, row.expiry)
            if box in boxes:
                column = boxes.index(box)
                below = [(r.count, r.lot, r.expiry)[column] for r in self.rows[n + 1 :]]
                target = next((b for b in below if b is not None), self.item)
                target.setFocus()
                if target is not self.item:
                    target.selectAll()  # what is typed replaces the figure, as in a spreadsheet
                return

    def _known_lot(self, item, lot: QLineEdit, expiry: QLineEdit) -> None:
        number = lot.text().strip()

        def show(known) -> None:
            if known is not None:  # a lot number keeps the expiry it already has
                expiry.setText(known.isoformat())
            elif not expiry.isEnabled():
                expiry.clear()
            expiry.setEnabled(known is None)

        ops.run(self, lambda: catalog.lot_expiry(self.db, item.id, number) if number else None, show)

    def _units(self, row: _Row) -> int:
        name = row.pack.currentData()
        size = next((p.units for p in self._packs.get(row.item.id, []) if p.name == name), 1)
        return size * row.count.value()

    def _in_units(self) -> str:
        return catalog.in_units((row.item.unit, self._units(row)) for row in self.rows)

    def _update_units(self) -> None:
        for row in self.rows:
            row.units.setText(f"{self._units(row):,} {row.item.unit} ")
        self.total.setText(
            f"{counted(len(self.rows), tr('line'), tr('lines'))} · {self._in_units()}"
            if self.rows
            else tr("No lines yet.")
        )

    def remove_line(self) -> None:
        n = self.table.currentRow()
        if 0 <= n < len(self.rows):
            self.table.removeRow(n)
            del self.rows[n]
            self._update_units()

    # ---- saving --------------------------------------------------------------------------
    def form(self) -> ReceiptForm:
        day = self.day.date().toPython()
        at = datetime.now() if day == date.today() else datetime.combine(day, PAST_RECEIPT_TIME)
        lines = []
        for n, r in enumerate(self.rows, start=1):
            expiry = None
            if r.expiry is not None and r.expiry.isEnabled() and r.expiry.text().strip():
                try:
                    expiry = date.fromisoformat(r.expiry.text().strip())
                except ValueError:
                    raise UserError(
                        f"Line {n} ({r.item.sku}), expiry: {r.expiry.text()!r} is not a date like 2027-06-30"
                    ) from None
            lines.append(
                ReceiptLine(
                    r.item.id,
                    r.count.value(),
                    r.pack.currentData() or None,
                    lot=(r.lot.text().strip() or None) if r.lot else None,
                    expiry=expiry,
                )
            )
        return ReceiptForm(
            self.source.currentData(),
            self.location.currentData(),
            at,
            self.reference.text().strip() or None,
            lines,
            purchase_order_id=self.order.currentData(),
        )

    def save(self) -> None:
        if self.source.currentData() is None:
            if self.source.count() > 1:
                self.message.error(tr("Choose the source first: where this delivery came from."))
                self.source.setFocus()
            else:
                self.message.error(tr("Add a source first (Settings → Sources): where deliveries come from."))
            return
        QSettings().setValue("receive/source", self.source.currentData())
        form = ops.attempt(self, self.form)
        if form is None or ops.busy(self, "save"):
            return
        units, lines, source = sum(self._units(r) for r in self.rows), len(self.rows), self.source.currentText()
        if not self.moves_many(
            units,
            tr("Receive {lines} from {source}").format(lines=counted(lines, tr("line"), tr("lines")), source=source),
            self._in_units(),
        ):
            return
        done = tr("Received {lines} ({units}) from {source}.").format(
            lines=counted(lines, tr("line"), tr("lines")), units=self._in_units(), source=source
        )
        ops.run(
            self,
            lambda: receiving.record_receipt(self.db, self.user, form),
            lambda _id: self._saved(done),
            changes=Changes.STOCK | Changes.ORDERS,
            key="save",
            busy=tr("Receiving…"),
        )

    def _saved(self, done: str) -> None:
        self.message.ok(done)
        self.table.setRowCount(0)
        self.rows.clear()
        self.reference.clear()
        self.order.setCurrentIndex(0)
        self._order_source = None  # the next delivery's source is chosen afresh
        self._update_units()
        self.item.setFocus()


class ReceiptsModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Date"),
        QT_TR_NOOP("Source"),
        QT_TR_NOOP("Kind"),
        QT_TR_NOOP("Reference"),
        QT_TR_NOOP("Location"),
        QT_TR_NOOP("Lines"),
        QT_TR_NOOP("Units"),
        QT_TR_NOOP("By"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{r.occurred_at:%Y-%m-%d %H:%M}",
                r.source,
                tr(r.kind),
                r.reference or "",
                r.location,
                str(r.lines),
                r.units,
                r.recorded_by,
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TotalsModel(ColumnsModel):
    COLUMNS = (QT_TR_NOOP("Kind"), QT_TR_NOOP("Source"), QT_TR_NOOP("Receipts"), QT_TR_NOOP("Units"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (tr(r.kind), r.source, str(r.receipts), r.units)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReceiptLinesModel(ColumnsModel):
    COLUMNS = (QT_TR_NOOP("Item"), QT_TR_NOOP("SKU"), QT_TR_NOOP("Lot"), QT_TR_NOOP("Expiry"), QT_TR_NOOP("Units"), "")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.name,
                r.sku,
                r.lot or "",
                r.expiry.isoformat() if r.expiry else "",
                f"{r.quantity:,}",
                "reversed" if r.reversed else "",
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReceiptsTab(Screen):
    listens = Changes.STOCK | Changes.CATALOG

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.start, self.end = month_to_date()
        self.model, self.totals, self.lines = ReceiptsModel(self), TotalsModel(self), ReceiptLinesModel(self)
        self.message = Message()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("From")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(tr("to")))
        bar.addWidget(self.end)
        bar.addStretch(1)
        split = QSplitter(Qt.Vertical)
        self.view = table_view(self.model, stretch=1)
        self.view.setAccessibleName(tr("Receipts in the period"))
        split.addWidget(self.view)
        lines_view = table_view(self.lines, stretch=0)
        lines_view.setAccessibleName(tr("Lines of the selected receipt"))
        split.addWidget(lines_view)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(
            QLabel(tr("<b>Totals by source</b> (donated, purchased and state-allocated, for funders)"))
        )
        box_layout.addWidget(table_view(self.totals, stretch=1))
        split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(self._show_lines)

    def _show_lines(self, current, _previous=None) -> None:
        if not current.isValid():
            self.lines.set_rows([])
            return
        receipt_id = self.model.rows[current.row()].id
        ops.run(self, lambda: receiving.receipt_lines(self.db, receipt_id), self.lines.set_rows, key="lines")

    def reload(self, changes: Changes) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        ops.run(
            self,
            lambda: (receiving.receipts(self.db, start, end), receiving.totals_by_source(self.db, start, end)),
            self._show,
            key="load",
        )

    def refresh(self, *_args) -> None:
        self.reload(Changes.NONE)

    def _show(self, read) -> None:
        receipts, totals = read
        self.model.set_rows(receipts)
        self.totals.set_rows(totals)
        self.lines.set_rows([])
        self.message.clear()
