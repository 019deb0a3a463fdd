"""Reorder: suggestions from actual use (per location or the whole program) with the order sheet
to Excel or PDF, and purchase orders from draft to received."""

from __future__ import annotations

import dataclasses
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, item_editor, program, purchase_orders, reorder
from hrsupply.services.purchase_orders import OrderForm, OrderLine, OrderLineForm, OrderRow, Pick
from hrsupply.services.reorder import ReorderLine
from hrsupply.ui import ops
from hrsupply.ui.export_buttons import ExportButtons, write
from hrsupply.ui.flow import FlowLayout, flow_row, sized_by_current
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import (
    SAVE_KEYS,
    Choices,
    ItemField,
    Message,
    fill_locations,
    keyed,
    label,
    location_combo,
    note,
    refill,
)

URGENT = QBrush(QColor("#fde2e1"))
TO_ORDER = QBrush(QColor("#fff4d6"))
OVER = QBrush(QColor("#e8eef5"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _order_pack(line: ReorderLine) -> str:
    if line.kit:
        return tr("kits to assemble")
    return tr("{pack} of {units:,}").format(pack=line.pack, units=line.pack_units) if line.pack else tr("single")


def _months(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def _reorder_texts(l: ReorderLine) -> dict[str, str]:
    blank = lambda v: "" if v is None else f"{v:,}"  # noqa: E731
    aging = f"{l.expired:,} / {l.expiring:,}" if l.expired or l.expiring else ""
    return {
        "Item": l.name,
        "Status": tr(l.status),  # the word as well as the row's colour
        "On hand\n(usable)": f"{l.on_hand:,}",
        "Expired\n/ soon": aging,
        "On\norder": f"{l.on_order:,}",
        "Used": f"{l.used:,}",
        "Days\nout": f"{l.stockout_days}",
        "AMC": f"{l.amc:,.1f}",
        "Months\nof stock": _months(l.months_of_stock),
        "Min": blank(l.minimum),
        "Par": blank(l.par),
        "Target": f"{l.target:,}",
        "Order\npack": _order_pack(l),
        "Packs\nto order": f"{l.packs:,}",
        "Units": f"{l.suggested:,}",
        "Source": "assembled here" if l.kit else l.source or "—",
    }


class SuggestionsModel(ColumnsModel):
    """The suggestions; the packs to order can be changed before drafting orders."""

    # Two-line headings keep the figures narrow, so the item names get the width.
    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("On hand\n(usable)"),
        QT_TR_NOOP("Expired\n/ soon"),
        QT_TR_NOOP("On\norder"),
        QT_TR_NOOP("Used"),
        QT_TR_NOOP("Days\nout"),
        QT_TR_NOOP("AMC"),
        QT_TR_NOOP("Months\nof stock"),
        QT_TR_NOOP("Min"),
        QT_TR_NOOP("Par"),
        QT_TR_NOOP("Target"),
        QT_TR_NOOP("Order\npack"),
        QT_TR_NOOP("Packs\nto order"),
        QT_TR_NOOP("Units"),
        QT_TR_NOOP("Source"),
    )
    PACKS = COLUMNS.index("Packs\nto order")
    FIGURES = set(range(COLUMNS.index("On hand\n(usable)"), COLUMNS.index("Units") + 1)) - {
        COLUMNS.index("Order\npack")
    }
    AGING, AMC = COLUMNS.index("Expired\n/ soon"), COLUMNS.index("AMC")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        l: ReorderLine = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index, self.row_texts(index.row(), _reorder_texts))
        if role == Qt.ItemDataRole.EditRole and col == self.PACKS:
            return l.packs
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.FIGURES:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if l.status in ("stocked out", "below minimum"):
                return URGENT
            if l.status == "reorder":
                return TO_ORDER
            if l.status == "overstocked":
                return OVER
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{l.name} · {l.sku} · {l.category}"
        if role == Qt.ItemDataRole.ToolTipRole and col == len(self.COLUMNS) - 1:
            return tr("assembled here") if l.kit else l.source or tr("no default source")
        if role == Qt.ItemDataRole.ToolTipRole and col == self.AGING:
            return tr(
                "{expired:,} expired (not counted as on hand; dispose of them) · {expiring:,} of the usable "
                "stock expire within the expiry window"
            ).format(expired=l.expired, expiring=l.expiring)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.AMC:
            return tr("{used:,} used in {days} days out of stock: corrected for the days the shelf was empty").format(
                used=l.used, days=l.stockout_days
            )
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.PACKS else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        text = str(value).strip().replace(",", "")
        if role != Qt.ItemDataRole.EditRole or index.column() != self.PACKS or not text.isdigit():
            return False
        self.rows[index.row()] = dataclasses.replace(self.rows[index.row()], packs=int(text))
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.COLUMNS) - 1))
        return True


class SuggestionsTab(Screen):
    orders_made = Signal()
    listens = Changes.STOCK | Changes.CATALOG | Changes.ORDERS | Changes.SETTINGS

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.view = None
        self.location = Choices()
        self.months = QSpinBox(minimum=1, maximum=24, value=3, suffix=tr(" months"))
        self.target = QSpinBox(minimum=1, maximum=24, value=2, suffix=tr(" months"))
        self._defaults_read = False
        self.only = QCheckBox(tr("Only what to order"))
        self.message = Message()
        self.exports = ExportButtons(self.report, self._file_name, self.message)
        bar = FlowLayout()
        for widget in (
            QLabel(tr("Suggestions for")),
            self.location,
            QLabel(tr("Use over the last")),
            self.months,
            QLabel(tr("Order up to")),
            self.target,
            self.only,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.model = SuggestionsModel(self)
        self.table = table_view(self.model, stretch=0)
        # The item names get the width: a long source name is cut short (its tooltip has it whole).
        source = len(SuggestionsModel.COLUMNS) - 1
        self.table.horizontalHeader().setSectionResizeMode(source, QHeaderView.Interactive)
        self.table.setColumnWidth(source, 110)
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(self.table.EditTrigger.AllEditTriggers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.fallback = Choices()
        self.draft_button = keyed(self, QPushButton(tr("Create draft orders")), *SAVE_KEYS)
        bottom = FlowLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.exports)
        bottom.addWidget(QLabel(tr("No default source:")))
        bottom.addWidget(self.fallback)
        bottom.addWidget(self.draft_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(
            note(
                tr(
                    "AMC: average monthly use, corrected for the days the item was out. Target: the highest "
                    "of par, minimum and months of stock × AMC. Suggested packs bring on hand plus on "
                    "order up to the target; change them before drafting orders. Kits assembled here are "
                    "not ordered."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        for signal in (self.location.currentIndexChanged, self.months.valueChanged, self.target.valueChanged):
            signal.connect(self.refresh)
        self.only.toggled.connect(self._show_view)
        self.draft_button.clicked.connect(self.draft_orders)

    def reload(self, changes: Changes) -> None:
        if changes & (Changes.CATALOG | Changes.SETTINGS):
            first = not self._defaults_read
            self._defaults_read = True

            def read():
                defaults = (program.get(self.db, "reorder_lookback_months"), program.get(self.db, "target_months"))
                return catalog.locations(self.db), item_editor.sources(self.db), defaults if first else None

            ops.run(self, read, self._show_lists, key="lists")
        else:
            self.refresh()

    def _show_lists(self, read) -> None:
        locations, sources, defaults = read
        refill(self.location, [*((label(loc), loc.code) for loc in locations), (tr("Whole program"), "")])
        if defaults is not None:  # the program's settings first; then the user's choice stands
            for spin, value in zip((self.months, self.target), defaults):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        refill(self.fallback, [(s.name, s.id) for s in sources])
        self.refresh()

    def refresh(self, *_args) -> None:
        where, months, target = self.location.currentData() or None, self.months.value(), self.target.value()
        ops.run(
            self,
            lambda: reorder.suggestions(self.db, location=where, months=months, target_months=target),
            self._show_view,
            key="load",
        )

    def _show_view(self, view=None) -> None:
        if view is not None and not isinstance(view, bool):
            self.view = view
        if self.view is None:
            return
        lines = [l for l in self.view.lines if l.packs] if self.only.isChecked() else self.view.lines
        self.model.set_rows(lines)
        urgent = sum(l.status in ("stocked out", "below minimum") for l in self.view.lines)
        to_order = [l for l in self.view.lines if l.packs]
        self.summary.setText(
            tr(
                "{n} items · {urgent} stocked out or below minimum · {n2} to order · {view_use_label} since "
                "{x:%Y-%m-%d}"
            ).format(
                n=len(self.view.lines),
                urgent=urgent,
                n2=len(to_order),
                view_use_label=self.view.use_label,
                x=self.view.end - timedelta(days=self.view.recorded_days or self.view.days),
            )
        )

    def report(self):
        view, place = dataclasses.replace(self.view, lines=list(self.model.rows)), self.location.currentText()
        return lambda: reorder.order_sheet(view, program=program.letterhead(self.db), place=place)

    def _file_name(self) -> str:
        return f"order-sheet-{self.location.currentData() or 'program'}-{self.view.end:%Y-%m-%d}"

    def draft_orders(self) -> None:
        picks = [Pick(l.item_id, l.packs, l.pack, l.source_id) for l in self.model.rows if l.packs and not l.kit]
        code, fallback = self.location.currentData(), self.fallback.currentData()

        def work() -> list[int]:
            locations = catalog.locations(self.db)
            # The whole program's order is delivered to the first site.
            deliver = next((l.id for l in locations if l.code == code), None) or next(
                (l.id for l in locations if l.kind == "site"), None
            )
            return purchase_orders.drafts_from(self.db, self.user, deliver, picks, fallback)

        ops.run(self, work, self._drafted, changes=Changes.ORDERS)

    def _drafted(self, made: list[int]) -> None:
        self.message.ok(
            tr("Drafted {n} order{x}: {x2}. Check and send them on the Purchase orders tab.").format(
                n=len(made), x="s" if len(made) != 1 else "", x2=", ".join(purchase_orders.number(n) for n in made)
            )
        )
        self.orders_made.emit()


class OrdersModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Order"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Source"),
        QT_TR_NOOP("Deliver to"),
        QT_TR_NOOP("Created"),
        QT_TR_NOOP("Sent"),
        QT_TR_NOOP("Lines"),
        QT_TR_NOOP("Ordered"),
        QT_TR_NOOP("Received"),
        QT_TR_NOOP("Due"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        o: OrderRow = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                o.number,
                tr(o.status),
                o.source,
                o.location,
                f"{o.created_at:%Y-%m-%d}",
                f"{o.sent_at:%Y-%m-%d}" if o.sent_at else "",
                f"{o.lines}",
                f"{o.ordered:,}",
                f"{o.received:,}",
                f"{o.due:,}",
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 6:
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and o.status == "partly received":
            return TO_ORDER
        return None


class OrderLinesModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Pack"),
        QT_TR_NOOP("Packs"),
        QT_TR_NOOP("Units"),
        QT_TR_NOOP("Received"),
        QT_TR_NOOP("Still due"),
    )
    PACKS = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editable = False
        self.on_change = None  # called with (row, packs) when a draft's packs are edited

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        l: OrderLine = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{l.name}  ({l.sku})",
                tr("{pack} of {units:,}").format(pack=l.pack, units=l.pack_units) if l.pack else tr("single"),
                f"{l.packs:,}",
                f"{l.ordered:,}",
                f"{l.received:,}",
                f"{l.due:,}",
            )[col]
        if role == Qt.ItemDataRole.EditRole and col == self.PACKS:
            return l.packs
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return RIGHT
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if self.editable and index.column() == self.PACKS else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        text = str(value).strip().replace(",", "")
        if role != Qt.ItemDataRole.EditRole or not text.isdigit() or self.on_change is None:
            return False
        return self.on_change(index.row(), int(text))


class OrdersTab(Screen):
    receive_requested = Signal(int)  # an order id
    listens = Changes.ORDERS | Changes.CATALOG | Changes.STOCK

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self._tmp = tempfile.TemporaryDirectory(prefix="hrsupply-")
        self.show_all = QCheckBox(tr("Show received and closed orders"))
        self.new_source = Choices()
        self.new_location = location_combo(db, kinds=("site",))
        self.new_button = QPushButton(tr("New draft order"))
        bar = FlowLayout()
        bar.addWidget(self.show_all, 1)
        for widget in (
            QLabel(tr("New order to")),
            self.new_source,
            QLabel(tr("deliver to")),
            self.new_location,
            self.new_button,
        ):
            bar.addWidget(widget)
        self.model = OrdersModel(self)
        self.table = table_view(self.model, stretch=2)
        self.lines_title = QLabel(tr("Select an order to see its lines."))
        self.lines = OrderLinesModel(self)
        self.lines.on_change = self._set_packs
        self.lines_view = table_view(self.lines, stretch=0)
        self.lines_view.setEditTriggers(self.lines_view.EditTrigger.AllEditTriggers)
        self.lines_view.setSelectionBehavior(self.lines_view.SelectionBehavior.SelectItems)
        self.add_item = ItemField(db, tr('Add an item to this draft: type or scan, then Enter ("5 syr" for 5 packs)'))
        self.sent_button = QPushButton(tr("Mark sent"))
        self.receive_button = QPushButton(tr("Receive against this order…"))
        self.print_button = keyed(self, QPushButton(tr("Print order…")), "Ctrl+P")
        self.close_button = QPushButton(tr("Close: the rest will not come"))
        self.delete_button = QPushButton(tr("Delete draft"))
        self.message = Message()
        buttons = flow_row(  # wraps at a large text size rather than widen the screen
            self.print_button, self.delete_button, self.close_button, self.sent_button, self.receive_button
        )
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.lines_title)
        lower_layout.addWidget(self.lines_view, 1)
        lower_layout.addWidget(self.add_item)
        lower_layout.addWidget(buttons)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setSizes([260, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.show_all.toggled.connect(self.refresh)
        self.new_button.clicked.connect(self.new_order)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.add_item.picked.connect(self._add_line)
        self.add_item.not_found.connect(
            lambda text: self.message.error(tr("No single item matches {text!r}.").format(text=text))
        )
        self.sent_button.clicked.connect(self.mark_sent)
        self.receive_button.clicked.connect(lambda: self.order and self.receive_requested.emit(self.order.id))
        self.print_button.clicked.connect(self.print_order)
        self.close_button.clicked.connect(self.close_order)
        self.delete_button.clicked.connect(self.delete_order)
        self.order: OrderRow | None = None
        self._select: int | None = None  # an order just made: selected once the list is read

    def reload(self, changes: Changes) -> None:
        if changes & Changes.CATALOG:
            self.add_item.reload()
            fill_locations(self.new_location, self.db)
            ops.run(self, lambda: item_editor.sources(self.db), self._show_sources, key="sources")
        self.refresh()

    def _show_sources(self, sources) -> None:
        refill(self.new_source, [(s.name, s.id) for s in sources])

    def refresh(self, *_args) -> None:
        open_only = not self.show_all.isChecked()
        ops.run(self, lambda: purchase_orders.orders(self.db, open_only=open_only), self._show_orders, key="load")

    def _show_orders(self, orders: list[OrderRow]) -> None:
        keep = self._select or (self.order.id if self.order else None)
        self._select = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(orders)
        self.table.selectionModel().blockSignals(False)
        ids = [o.id for o in orders]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
            self._show(orders[ids.index(keep)])
        else:
            self._show(None)

    def select(self, order_id: int) -> None:
        ids = [o.id for o in self.model.rows]
        if order_id in ids:
            self.table.selectRow(ids.index(order_id))
        else:
            self._select = order_id

    def _selected(self, current, _previous=None) -> None:
        self._show(self.model.rows[current.row()] if current.isValid() else None)

    def _show(self, order: OrderRow | None) -> None:
        self.order = order
        status = order.status if order else None
        self.lines.editable = status == "draft"
        self.lines.set_rows([])
        if order is not None:
            ops.run(self, lambda: purchase_orders.lines_of(self.db, order.id), self.lines.set_rows, key="lines")
        self.lines_title.setText(
            tr("<b>{order_number}</b> · {order_source} · deliver to {order_location} · {order_status}").format(
                order_number=order.number,
                order_source=order.source,
                order_location=order.location,
                order_status=tr(order.status),
            )
            + (f" · {order.note}" if order.note else "")
            if order
            else tr("Select an order to see its lines.")
        )
        for widget, when in (
            (self.add_item, ("draft",)),
            (self.sent_button, ("draft",)),
            (self.delete_button, ("draft",)),
            (self.close_button, ("sent", "partly received")),
            (self.receive_button, ("sent", "partly received")),
            (self.print_button, purchase_orders.STATUSES),
        ):
            widget.setEnabled(status in when)

    # ---- editing a draft -----------------------------------------------------------------
    def _form(self, lines: list[OrderLineForm]) -> OrderForm:
        return OrderForm(self.order.source_id, self.order.location_id, self.order.note, lines)

    def _save_lines(self, lines: list[OrderLineForm], done: str = "") -> bool:
        order_id, form = self.order.id, self._form(lines)
        ops.run(
            self,
            lambda: purchase_orders.update(self.db, self.user, order_id, form),
            lambda _r: done and self.message.ok(done),
            changes=Changes.ORDERS,
        )
        return True

    def _set_packs(self, row: int, packs: int) -> bool:
        """0 packs takes the line off the draft."""
        lines = [
            OrderLineForm(l.item_id, packs if n == row else l.packs, l.pack) for n, l in enumerate(self.lines.rows)
        ]
        return self._save_lines([l for l in lines if l.packs > 0])

    def _add_line(self, match, count: int) -> None:
        if self.order is None or self.order.status != "draft":
            return
        pack = match.pack or match.item.order_pack
        lines = [OrderLineForm(l.item_id, l.packs, l.pack) for l in self.lines.rows]
        for line in lines:
            if line.item_id == match.item.id:
                line.packs += count
                break
        else:
            lines.append(OrderLineForm(match.item.id, count, pack))
        self._save_lines(lines, f"{match.item.name}: {count} {pack or match.item.unit} added.")

    def new_order(self) -> None:
        if self.new_source.currentData() is None or self.new_location.currentData() is None:
            self.message.error(tr("Add a source and a site in Settings first."))
            return
        form = OrderForm(self.new_source.currentData(), self.new_location.currentData())

        def made(order_id: int) -> None:
            self._select = order_id
            self.message.ok(tr("{x} drafted: add its items below.").format(x=purchase_orders.number(order_id)))
            self.add_item.setFocus()

        ops.run(self, lambda: purchase_orders.create(self.db, self.user, form), made, changes=Changes.ORDERS)

    # ---- status --------------------------------------------------------------------------
    def _status(self, change, done: str) -> None:
        """Send, close or delete the selected order."""
        order_id = self.order.id
        ops.run(self, lambda: change(order_id), lambda _r: self.message.ok(done), changes=Changes.ORDERS)

    def mark_sent(self) -> None:
        self._status(
            lambda order_id: purchase_orders.mark_sent(self.db, self.user, order_id),
            f"{self.order.number} sent: its lines now count as on order.",
        )

    def ask_note(self) -> str | None:
        note, ok = QInputDialog.getText(self, tr("Close order"), tr("Why will the rest not come? (optional)"))
        return note if ok else None

    def close_order(self) -> None:
        note = self.ask_note()
        if note is None:
            return
        self._status(
            lambda order_id: purchase_orders.close(self.db, self.user, order_id, note or None),
            f"{self.order.number} closed: what was still due no longer counts as on order.",
        )

    def delete_order(self) -> None:
        self._status(
            lambda order_id: purchase_orders.delete_draft(self.db, self.user, order_id),
            f"{self.order.number} deleted.",
        )

    def preview(self, path: Path) -> None:
        """A test replaces this to look at the file instead."""
        from hrsupply.ui.pdf_preview import PdfPreview

        PdfPreview(path, tr("Purchase order"), path.name, self).exec()

    def print_order(self) -> None:
        path = Path(self._tmp.name) / f"{self.order.number}.pdf"
        order, lines = self.order, list(self.lines.rows)

        def work() -> str:
            name = program.letterhead(self.db)
            return write("pdf", str(path), purchase_orders.order_report(order, lines, program=name))

        ops.run(self, work, lambda _r: self.preview(path), busy=tr("Preparing the order…"))


class ReorderScreen(QWidget):
    receive_requested = Signal(int)

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.suggestions = SuggestionsTab(db, user)
        self.orders = OrdersTab(db, user)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.suggestions, tr("Suggestions"))
        self.tabs.addTab(self.orders, tr("Purchase orders"))
        sized_by_current(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Reorder") + "</h2>"))
        layout.addWidget(self.tabs, 1)
        self.suggestions.orders_made.connect(self._orders_made)
        self.orders.receive_requested.connect(self.receive_requested)

    def _orders_made(self) -> None:
        self.tabs.setCurrentWidget(self.orders)  # the orders tab reads the new drafts as it is shown
