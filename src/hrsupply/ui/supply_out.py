"""Supply tabs for what leaves other than by handout: expiring lots, adjust and dispose, the
review of front-desk flags, and kits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, number, tr
from hrsupply.services import adjustments, catalog, expiry, kits, program, stock
from hrsupply.ui import ops
from hrsupply.ui.flow import flow_row
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import CODE_ROLE, Choices, ItemField, Message, fill_locations, location_combo, refill


class ExpiryModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Expiry"),
        QT_TR_NOOP("Days left"),
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("SKU"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Location"),
        QT_TR_NOOP("On hand"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(
                index,
                {
                    "Expiry": r.expiry.isoformat(),
                    "Days left": tr("expired", "stock") if r.expired else str(r.days_left),
                    "Item": r.name,
                    "SKU": r.sku,
                    "Lot": r.lot,
                    "Location": r.location,
                    "On hand": f"{r.quantity:,}",
                },
            )
        if role == Qt.ItemDataRole.BackgroundRole and (r.expired or r.days_left <= 30):  # gone, or gone within a month
            return QBrush(QColor("#f8d7da" if r.expired else "#fde9c9"))
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[index.column()] in ("Days left", "On hand"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ExpiryTab(Screen):
    listens = Changes.STOCK | Changes.SETTINGS

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.window = QSpinBox(minimum=1, maximum=730, value=90, suffix=tr(" days"))
        self.model = ExpiryModel(self)
        self.view = table_view(self.model, stretch=2)
        self.dispose_button = QPushButton(tr("Dispose of the selected expired lot"))
        self.message = Message()
        bar = flow_row(QLabel(tr("Expired, or expiring within")), (self.window, 1), self.dispose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.window.valueChanged.connect(self.refresh)
        self.dispose_button.clicked.connect(self.dispose_selected)
        self._window_set = False

    def reload(self, changes: Changes) -> None:
        if not self._window_set:  # the program's window first; then the user's choice stands
            self._window_set = True
            ops.run(self, lambda: program.expiry_window_days(self.db), self._set_window)
            return
        within = self.window.value()
        ops.run(self, lambda: expiry.expiring(self.db, within_days=within), self.model.set_rows, key="load")

    def _set_window(self, days: int) -> None:
        if self.window.value() == days:
            self.refresh()
        self.window.setValue(days)  # and valueChanged reads the lots

    def refresh(self, *_args) -> None:
        self.reload(Changes.NONE)

    def dispose_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.message.error(tr("Select an expired lot first."))
            return
        row = self.model.rows[index.row()]
        if not self.moves_many(row.quantity, f"Dispose of {row.name}, lot {row.lot}, at {row.location}"):
            return
        ops.run(
            self,
            lambda: expiry.dispose_expired(self.db, self.user, row.location_id, row.lot_id),
            lambda units: self.message.ok(
                tr("Disposed of {units:,} of {row_name}, lot {row_lot}, at {row_location} (expired).").format(
                    units=units, row_name=row.name, row_lot=row.lot, row_location=row.location
                )
            ),
            changes=Changes.STOCK,
        )


class FlaggedModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("When"),
        QT_TR_NOOP("Location"),
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Found"),
        QT_TR_NOOP("Recorded by"),
        QT_TR_NOOP("Participant code"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(
                index,
                {
                    "When": f"{r.occurred_at:%Y-%m-%d %H:%M}",
                    "Location": r.location,
                    "Item": r.name,
                    "Lot": r.lot or "",
                    "Found": f"{r.quantity:+,}",
                    "Recorded by": r.recorded_by,
                    "Participant code": r.participant or "anonymous",
                },
            )
        return None


class ReviewedModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("When"),
        QT_TR_NOOP("Location"),
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Found"),
        QT_TR_NOOP("Outcome"),
        QT_TR_NOOP("Note"),
        QT_TR_NOOP("By"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(
                index,
                {
                    "When": f"{r.flag.occurred_at:%Y-%m-%d %H:%M}",
                    "Location": r.flag.location,
                    "Item": r.flag.name,
                    "Found": f"{r.flag.quantity:+,}",
                    "Outcome": r.outcome,
                    "Note": r.note or "",
                    "By": f"{r.reviewed_by}, {r.reviewed_at:%b %d %H:%M}",
                },
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#6b6b6b"))  # closed: for the record only
        return None


class AdjustTab(Screen):
    """Adjust (signed) or dispose with a reason; below, the front desk's flags to review."""

    listens = Changes.STOCK | Changes.VISITS | Changes.CATALOG

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.location = location_combo(db)
        self.item = ItemField(db)
        self.item_label = QLabel(tr("No item chosen."))
        self.adjust_kind = QRadioButton(tr("Adjust"), checked=True)
        self.dispose_kind = QRadioButton(tr("Dispose"))
        self.quantity = QSpinBox(minimum=-1_000_000, maximum=1_000_000)
        self.lot = Choices()
        self.reason = Choices()
        self.note = QLineEdit(placeholderText=tr("What happened (required for “other”)"))
        self.save_button = QPushButton(tr("Save"))
        self.message = Message()
        self._item = None

        kind = QHBoxLayout()
        kind.addWidget(self.adjust_kind)
        kind.addWidget(self.dispose_kind)
        kind.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Location"), self.location)
        form.addRow(tr("Item"), self.item)
        form.addRow("", self.item_label)
        form.addRow("", kind)
        form.addRow(tr("Quantity"), self.quantity)
        form.addRow(tr("Lot"), self.lot)
        form.addRow(tr("Reason"), self.reason)
        form.addRow(tr("Note"), self.note)
        form.addRow("", self.save_button)

        self.flagged = FlaggedModel(self)
        self.flag_view = table_view(self.flagged, stretch=2)
        self.review_note = QLineEdit(placeholderText=tr("Note for the record (required to reverse)"))
        self.keep_button = QPushButton(tr("Keep (stock was there)"))
        self.undo_button = QPushButton(tr("Reverse the adjustment"))
        review_bar = QHBoxLayout()
        review_bar.addWidget(self.review_note, 1)
        review_bar.addWidget(self.keep_button)
        review_bar.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("<b>Adjust or dispose</b> — a negative adjustment takes stock away")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(
            QLabel(
                tr(
                    "<b>Flagged for review</b> — handouts recorded when the records showed "
                    "too little stock; the front desk added the difference as “found”"
                )
            )
        )
        layout.addWidget(self.flag_view, 1)
        layout.addLayout(review_bar)
        self.reviewed = ReviewedModel(self)
        self.reviewed_view = table_view(self.reviewed, stretch=5)
        layout.addWidget(
            QLabel(tr("<b>Reviewed in the last 7 days</b> — kept, reversed, or reversed with an undone visit"))
        )
        layout.addWidget(self.reviewed_view, 1)

        self.item.picked.connect(self._picked)
        self.item.not_found.connect(lambda t: self.message.error(tr("No single item matches “{t}”.").format(t=t)))
        self.adjust_kind.toggled.connect(self._kind_changed)
        self.location.currentIndexChanged.connect(self._load_lots)
        self.save_button.clicked.connect(self.save)
        self.keep_button.clicked.connect(lambda: self.review(True))
        self.undo_button.clicked.connect(lambda: self.review(False))
        self._kind_changed()

    def reload(self, changes: Changes) -> None:
        if changes & Changes.CATALOG:
            self.item.reload()
            fill_locations(self.location, self.db)
        ops.run(
            self,
            lambda: (adjustments.flagged(self.db), adjustments.recently_reviewed(self.db)),
            self._show_flags,
            key="load",
        )
        self._load_lots()

    def _show_flags(self, read) -> None:
        flagged, reviewed = read
        self.flagged.set_rows(flagged)
        self.reviewed.set_rows(reviewed)

    def _picked(self, match, _count) -> None:
        self._item = match.item
        self.item_label.setText(
            tr("{match_item_name} ({match_item_sku}), in {match_item_unit}").format(
                match_item_name=match.item.name, match_item_sku=match.item.sku, match_item_unit=match.item.unit
            )
        )
        self._load_lots()
        self.quantity.setFocus()

    def _load_lots(self, *_args) -> None:
        self.lot.clear()
        if self._item is None or not self._item.lot_tracked:
            self.lot.addItem("—", None)
            self.lot.setEnabled(False)
            return
        self.lot.setEnabled(True)
        self.lot.addItem(tr("earliest expiry first"), None)
        where, item_id = self.location.currentData(), self._item.id
        ops.run(self, lambda: stock.lots_at(self.db, where, item_id), self._show_lots, key="lots")

    def _show_lots(self, lots) -> None:
        for lot in lots:
            self.lot.addItem(
                tr("{lot_lot} (expires {lot_expiry:%Y-%m-%d}, {lot_quantity:,} here)").format(
                    lot_lot=lot.lot, lot_expiry=lot.expiry, lot_quantity=lot.quantity
                ),
                lot.lot_id,
            )
            self.lot.setItemData(self.lot.count() - 1, lot.lot, Qt.ItemDataRole.UserRole + 1)

    def _kind_changed(self) -> None:
        self.reason.clear()
        reasons = adjustments.ADJUST_REASONS if self.adjust_kind.isChecked() else adjustments.DISPOSE_REASONS
        for reason in reasons:  # kept in the records as they are; shown in the user's language
            self.reason.addItem(tr(reason, "stock"), reason)
        self.quantity.setMinimum(-1_000_000 if self.adjust_kind.isChecked() else 0)

    def save(self) -> None:
        if self._item is None:
            self.message.error(tr("Choose an item first."))
            return
        where, item, qty = self.location.currentData(), self._item, self.quantity.value()
        lot_id, lot_number = self.lot.currentData(), self.lot.currentData(Qt.ItemDataRole.UserRole + 1)
        reason, note, adjusting = self.reason.currentData(), self.note.text(), self.adjust_kind.isChecked()
        what = tr("Adjust {item}") if adjusting else tr("Dispose of {item}")
        if not self.moves_many(qty, what.format(item=item.name)):
            return

        def work() -> str:
            if adjusting:
                if item.lot_tracked and qty > 0 and lot_number is None:
                    raise UserError(
                        tr("Adding to a lot-tracked item: choose the lot it goes into (receive a new lot instead).")
                    )
                adjustments.adjust(
                    self.db,
                    self.user,
                    location_id=where,
                    item_id=item.id,
                    quantity=qty,
                    reason=reason,
                    note=note,
                    lot=lot_number,
                )
                return tr("Adjusted {item} by {n}").format(item=item.name, n=("+" if qty > 0 else "") + number(qty))
            if qty <= 0:
                raise UserError(tr("Quantity: how many to dispose of, above 0."))
            adjustments.dispose(
                self.db,
                self.user,
                location_id=where,
                item_id=item.id,
                quantity=qty,
                reason=reason,
                note=note,
                lot_id=lot_id,
            )
            return tr("Disposed of {n} {item}").format(n=number(qty), item=item.name)

        said = tr(reason, "stock")  # the reason as the person reads it
        ops.run(self, work, lambda done: self._saved(f"{done} ({said})."), changes=Changes.STOCK)

    def _saved(self, done: str) -> None:
        self.message.ok(done)
        self.quantity.setValue(0)
        self.note.clear()

    def review(self, keep: bool) -> None:
        index = self.flag_view.currentIndex()
        if not index.isValid():
            self.message.error(tr("Select a flagged adjustment first."))
            return
        row, note = self.flagged.rows[index.row()], self.review_note.text()

        def reviewed(_result) -> None:
            self.message.ok(
                tr("Reviewed: {row_name} at {row_location} {x}.").format(
                    row_name=row.name, row_location=row.location, x="kept" if keep else "reversed"
                )
            )
            self.review_note.clear()

        ops.run(
            self,
            lambda: adjustments.review(self.db, self.user, row.movement_id, keep=keep, note=note),
            reviewed,
            changes=Changes.STOCK,
        )


class KitsTab(Screen):
    listens = Changes.CATALOG | Changes.STOCK

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.kit = Choices()
        self.location = location_combo(db)
        self.count = QSpinBox(minimum=1, maximum=100_000, value=10)
        self.recipe = QLabel()
        self.recipe.setWordWrap(True)
        self.assemble_button = QPushButton(tr("Assemble"))
        self.break_button = QPushButton(tr("Break down"))
        self.message = Message()
        form = QFormLayout()
        form.addRow(tr("Kit"), self.kit)
        form.addRow(tr("Kits made or broken down at"), self.location)
        form.addRow(tr("How many kits"), self.count)
        form.addRow(tr("Made of"), self.recipe)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assemble_button)
        buttons.addWidget(self.break_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.kit.currentIndexChanged.connect(self._show_recipe)
        self.count.valueChanged.connect(self._show_recipe)
        self.location.currentIndexChanged.connect(self._show_recipe)
        self.assemble_button.clicked.connect(lambda: self.run(kits.assemble, "Assemble", "Assembled"))
        self.break_button.clicked.connect(lambda: self.run(kits.break_down, "Break down", "Broke down"))
        self._kits: dict = {}

    def reload(self, changes: Changes) -> None:
        if changes & Changes.CATALOG:
            fill_locations(self.location, self.db)
            ops.run(self, lambda: (kits.kits(self.db), catalog.items(self.db)), self._show_kits, key="kits")
        else:
            self._show_recipe()

    def _show_kits(self, read) -> None:
        self._kits, items = read
        names = {i.id: i.name for i in items}
        refill(self.kit, [(names[kit_id], kit_id) for kit_id in self._kits if kit_id in names])
        if not self._kits:
            self.recipe.setText(tr("No kits yet: give an item its components in Settings → Items."))
        self._show_recipe()

    def _show_recipe(self, *_args) -> None:
        parts = self._kits.get(self.kit.currentData(), [])
        n = self.count.value()
        code = self.location.currentData(CODE_ROLE)

        def show(on_hand) -> None:
            here = {line.sku: line.quantity for line in on_hand}
            self.recipe.setText(
                "<br>".join(
                    f"{p.name}: {p.quantity} each, <b>{p.quantity * n:,}</b> for {n} — {here.get(p.sku, 0):,} here"
                    for p in parts
                )
            )

        if parts:
            ops.run(self, lambda: stock.on_hand(self.db, location=code), show, key="recipe")

    def run(self, action, do: str, done: str) -> None:
        if self.kit.currentData() is None:
            self.message.error(tr("There is no kit to choose yet."))
            return
        kit, where, count, name = (
            self.kit.currentData(),
            self.location.currentData(),
            self.count.value(),
            self.kit.currentText(),
        )
        if not self.moves_many(count, f"{do} {name}"):
            return
        ops.run(
            self,
            lambda: action(self.db, self.user, kit, where, count),
            lambda _r: self.message.ok(f"{done} {count:,} × {name}."),
            changes=Changes.STOCK,
        )
