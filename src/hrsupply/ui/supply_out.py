"""Supply tabs for what leaves other than by handout: expiring lots, adjust and dispose, the
review of front-desk flags, kits, and shelf labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hrsupply.services import adjustments, catalog, expiry, kits, labels, program, stock
from hrsupply.services.errors import UserError
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import CODE_ROLE, ItemField, Message, location_combo


class ExpiryModel(ColumnsModel):
    COLUMNS = ("Expiry", "Days left", "Item", "SKU", "Lot", "Location", "On hand")

    def data(self, index, role=Qt.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.DisplayRole:
            left = "expired" if r.expired else str(r.days_left)
            return (r.expiry.isoformat(), left, r.name, r.sku, r.lot, r.location, f"{r.quantity:,}")[index.column()]
        if role == Qt.BackgroundRole and (r.expired or r.days_left <= 30):  # gone, or gone within a month
            return QBrush(QColor("#f8d7da" if r.expired else "#fde9c9"))
        if role == Qt.TextAlignmentRole and index.column() in (1, 6):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class ExpiryTab(QWidget):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.window = QSpinBox(minimum=1, maximum=730, value=program.expiry_window_days(db), suffix=" days")
        self.model = ExpiryModel(self)
        self.view = table_view(self.model, stretch=2)
        self.dispose_button = QPushButton("Dispose of the selected expired lot")
        self.message = Message()
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Expired, or expiring within"))
        bar.addWidget(self.window)
        bar.addStretch(1)
        bar.addWidget(self.dispose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.window.valueChanged.connect(self.refresh)
        self.dispose_button.clicked.connect(self.dispose_selected)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(expiry.expiring(self.db, within_days=self.window.value()))

    def dispose_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.message.error("Select an expired lot first.")
            return
        row = self.model.rows[index.row()]
        try:
            units = expiry.dispose_expired(self.db, self.user, row.location_id, row.lot_id)
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.message.ok(f"Disposed of {units:,} of {row.name}, lot {row.lot}, at {row.location} (expired).")
        self.refresh()


class FlaggedModel(ColumnsModel):
    COLUMNS = ("When", "Location", "Item", "Lot", "Found", "Recorded by", "Participant code")

    def data(self, index, role=Qt.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return (
                f"{r.occurred_at:%Y-%m-%d %H:%M}",
                r.location,
                r.name,
                r.lot or "",
                f"{r.quantity:+,}",
                r.recorded_by,
                r.participant or "anonymous",
            )[index.column()]
        return None


class ReviewedModel(ColumnsModel):
    COLUMNS = ("When", "Location", "Item", "Found", "Outcome", "Note", "By")

    def data(self, index, role=Qt.DisplayRole):
        r = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return (
                f"{r.flag.occurred_at:%Y-%m-%d %H:%M}",
                r.flag.location,
                r.flag.name,
                f"{r.flag.quantity:+,}",
                r.outcome,
                r.note or "",
                f"{r.reviewed_by}, {r.reviewed_at:%b %d %H:%M}",
            )[index.column()]
        if role == Qt.ForegroundRole:
            return QBrush(QColor("#6b6b6b"))  # closed: for the record only
        return None


class AdjustTab(QWidget):
    """Adjust (signed) or dispose with a reason; below, the front desk's flags to review."""

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.location = location_combo(db)
        self.item = ItemField(db)
        self.item_label = QLabel("No item chosen.")
        self.adjust_kind = QRadioButton("Adjust", checked=True)
        self.dispose_kind = QRadioButton("Dispose")
        self.quantity = QSpinBox(minimum=-1_000_000, maximum=1_000_000)
        self.lot = QComboBox()
        self.reason = QComboBox()
        self.note = QLineEdit(placeholderText="What happened (required for “other”)")
        self.save_button = QPushButton("Save")
        self.message = Message()
        self._item = None

        kind = QHBoxLayout()
        kind.addWidget(self.adjust_kind)
        kind.addWidget(self.dispose_kind)
        kind.addStretch(1)
        form = QFormLayout()
        form.addRow("Location", self.location)
        form.addRow("Item", self.item)
        form.addRow("", self.item_label)
        form.addRow("", kind)
        form.addRow("Quantity", self.quantity)
        form.addRow("Lot", self.lot)
        form.addRow("Reason", self.reason)
        form.addRow("Note", self.note)
        form.addRow("", self.save_button)

        self.flagged = FlaggedModel(self)
        self.flag_view = table_view(self.flagged, stretch=2)
        self.review_note = QLineEdit(placeholderText="Note for the record (required to reverse)")
        self.keep_button = QPushButton("Keep (stock was there)")
        self.undo_button = QPushButton("Reverse the adjustment")
        review_bar = QHBoxLayout()
        review_bar.addWidget(self.review_note, 1)
        review_bar.addWidget(self.keep_button)
        review_bar.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Adjust or dispose</b> — a negative adjustment takes stock away"))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(
            QLabel(
                "<b>Flagged for review</b> — handouts recorded when the records showed "
                "too little stock; the front desk added the difference as “found”"
            )
        )
        layout.addWidget(self.flag_view, 1)
        layout.addLayout(review_bar)
        self.reviewed = ReviewedModel(self)
        self.reviewed_view = table_view(self.reviewed, stretch=5)
        layout.addWidget(
            QLabel("<b>Reviewed in the last 7 days</b> — kept, reversed, or reversed with an undone visit")
        )
        layout.addWidget(self.reviewed_view, 1)

        self.item.picked.connect(self._picked)
        self.item.not_found.connect(lambda t: self.message.error(f"No single item matches “{t}”."))
        self.adjust_kind.toggled.connect(self._kind_changed)
        self.location.currentIndexChanged.connect(self._load_lots)
        self.save_button.clicked.connect(self.save)
        self.keep_button.clicked.connect(lambda: self.review(True))
        self.undo_button.clicked.connect(lambda: self.review(False))
        self._kind_changed()
        self.refresh()

    def refresh(self) -> None:
        self.flagged.set_rows(adjustments.flagged(self.db))
        self.reviewed.set_rows(adjustments.recently_reviewed(self.db))

    def _picked(self, match, _count) -> None:
        self._item = match.item
        self.item_label.setText(f"{match.item.name} ({match.item.sku}), in {match.item.unit}")
        self._load_lots()
        self.quantity.setFocus()

    def _load_lots(self) -> None:
        self.lot.clear()
        if self._item is None or not self._item.lot_tracked:
            self.lot.addItem("—", None)
            self.lot.setEnabled(False)
            return
        self.lot.setEnabled(True)
        self.lot.addItem("earliest expiry first", None)
        for lot in stock.lots_at(self.db, self.location.currentData(), self._item.id):
            self.lot.addItem(f"{lot.lot} (expires {lot.expiry:%Y-%m-%d}, {lot.quantity:,} here)", lot.lot_id)
            self.lot.setItemData(self.lot.count() - 1, lot.lot, Qt.UserRole + 1)

    def _kind_changed(self) -> None:
        self.reason.clear()
        reasons = adjustments.ADJUST_REASONS if self.adjust_kind.isChecked() else adjustments.DISPOSE_REASONS
        self.reason.addItems(reasons)
        self.quantity.setMinimum(-1_000_000 if self.adjust_kind.isChecked() else 0)

    def save(self) -> None:
        if self._item is None:
            self.message.error("Choose an item first.")
            return
        where, item, qty = self.location.currentData(), self._item, self.quantity.value()
        lot_id = self.lot.currentData()
        try:
            if self.adjust_kind.isChecked():
                lot_number = self.lot.currentData(Qt.UserRole + 1)
                if item.lot_tracked and qty > 0 and lot_number is None:
                    raise UserError(
                        "Adding to a lot-tracked item: choose the lot it goes into (receive a new lot instead)."
                    )
                adjustments.adjust(
                    self.db,
                    self.user,
                    location_id=where,
                    item_id=item.id,
                    quantity=qty,
                    reason=self.reason.currentText(),
                    note=self.note.text(),
                    lot=lot_number,
                )
                done = f"Adjusted {item.name} by {qty:+,}"
            else:
                if qty <= 0:
                    raise UserError("Quantity: how many to dispose of, above 0.")
                adjustments.dispose(
                    self.db,
                    self.user,
                    location_id=where,
                    item_id=item.id,
                    quantity=qty,
                    reason=self.reason.currentText(),
                    note=self.note.text(),
                    lot_id=lot_id,
                )
                done = f"Disposed of {qty:,} {item.name}"
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.message.ok(f"{done} ({self.reason.currentText()}).")
        self.quantity.setValue(0)
        self.note.clear()
        self._load_lots()

    def review(self, keep: bool) -> None:
        index = self.flag_view.currentIndex()
        if not index.isValid():
            self.message.error("Select a flagged adjustment first.")
            return
        row = self.flagged.rows[index.row()]
        try:
            adjustments.review(self.db, self.user, row.movement_id, keep=keep, note=self.review_note.text())
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.message.ok(f"Reviewed: {row.name} at {row.location} {'kept' if keep else 'reversed'}.")
        self.review_note.clear()
        self.refresh()


class KitsTab(QWidget):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.kit = QComboBox()
        self.location = location_combo(db)
        self.count = QSpinBox(minimum=1, maximum=100_000, value=10)
        self.recipe = QLabel()
        self.recipe.setWordWrap(True)
        self.assemble_button = QPushButton("Assemble")
        self.break_button = QPushButton("Break down")
        self.message = Message()
        form = QFormLayout()
        form.addRow("Kit", self.kit)
        form.addRow("At", self.location)
        form.addRow("How many kits", self.count)
        form.addRow("Made of", self.recipe)
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
        self.assemble_button.clicked.connect(lambda: self.run(kits.assemble, "Assembled"))
        self.break_button.clicked.connect(lambda: self.run(kits.break_down, "Broke down"))
        self.reload()

    def reload(self) -> None:
        self._kits = kits.kits(self.db)
        names = {i.id: i.name for i in catalog.items(self.db)}
        self.kit.clear()
        for kit_id in self._kits:
            if kit_id in names:
                self.kit.addItem(names[kit_id], kit_id)
        if not self._kits:
            self.recipe.setText("No kits yet: give an item its components in Settings → Items.")

    def _show_recipe(self) -> None:
        parts = self._kits.get(self.kit.currentData(), [])
        n = self.count.value()
        code = self.location.currentData(CODE_ROLE)
        here = {line.sku: line.quantity for line in stock.on_hand(self.db, location=code)} if parts else {}
        self.recipe.setText(
            "<br>".join(
                f"{p.name}: {p.quantity} each, <b>{p.quantity * n:,}</b> for {n} — {here.get(p.sku, 0):,} here"
                for p in parts
            )
        )

    def run(self, action, done: str) -> None:
        if self.kit.currentData() is None:
            self.message.error("There is no kit to choose yet.")
            return
        try:
            action(self.db, self.user, self.kit.currentData(), self.location.currentData(), self.count.value())
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.message.ok(f"{done} {self.count.value():,} × {self.kit.currentText()}.")
        self._show_recipe()


class LabelsTab(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.list = QListWidget()
        self.copies = QSpinBox(minimum=1, maximum=300, value=1)
        self.skip = QSpinBox(minimum=0, maximum=labels.PER_SHEET - 1)
        self.save_button = QPushButton("Save labels as PDF…")
        self.message = Message()
        form = QFormLayout()
        form.addRow("Copies of each label", self.copies)
        form.addRow("Labels already used on the sheet", self.skip)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tick the labels to print (Avery 5160 / 8160, US Letter, 30 per sheet)."))
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self._labels = labels.labels_for(self.db)
        for label in self._labels:
            entry = QListWidgetItem(f"{label.name} — {label.what}   [{label.code}]")
            entry.setFlags(entry.flags() | Qt.ItemIsUserCheckable)
            entry.setCheckState(Qt.Unchecked)
            self.list.addItem(entry)

    def chosen(self) -> list[labels.Label]:
        return [label for n, label in enumerate(self._labels) if self.list.item(n).checkState() == Qt.Checked]

    def ask_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Save shelf labels", "shelf-labels.pdf", "PDF (*.pdf)")
        return path

    def save(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.message.error("Tick at least one label.")
            return
        path = self.ask_path()
        if not path:
            return
        try:
            pages = labels.write_labels(path, chosen, copies=self.copies.value(), skip=self.skip.value())
        except (UserError, OSError) as exc:
            self.message.error(str(exc))
            return
        self.message.ok(f"Saved {pages} sheet{'s' if pages > 1 else ''} of labels to {path}.")
