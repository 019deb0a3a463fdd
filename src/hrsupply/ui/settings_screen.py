"""Settings: items (pack sizes, barcodes, par levels, advisory limit, kit recipe), locations and
sources. Saving anything here tells the other screens to reload their item lists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, item_editor
from hrsupply.services.catalog import LOCATION_KINDS
from hrsupply.services.item_editor import SOURCE_KINDS, BarcodeLine, ComponentLine, ItemForm, PackLine, ParLine
from hrsupply.ui import ops, preferences
from hrsupply.ui.admin_tabs import AuditTab, SafetyTab, UsersTab
from hrsupply.ui.flow import form_layout, sized_by_current
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.widgets import Choices, EditGrid, KeepsEdits, Message, SimpleTab, said_then


def _number(text: str):
    """A whole number from a cell; text that is not one is passed on as typed, for the service to
    refuse naming its field."""
    text = text.replace(",", "").strip()
    if not text:
        return None
    return int(text) if text.lstrip("-").isdigit() else text


class ItemsTab(KeepsEdits, Screen):
    listens = Changes.CATALOG
    saved = Signal()

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.filter = QLineEdit(placeholderText=tr("Find an item"))
        self.list = QListWidget()
        new = QPushButton(tr("New item"))
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.list, 1)
        left.addWidget(new)

        self.sku, self.name, self.unit = QLineEdit(), QLineEdit(), QLineEdit()
        self.category = Choices(editable=True)
        self.active, self.lot_tracked = QCheckBox(tr("Active (offered on entry screens)")), QCheckBox(tr("Lot-tracked"))
        self.reorder = QLineEdit(placeholderText=tr("program-wide reorder point (optional)"))
        self.limit_qty = QLineEdit(placeholderText=tr("e.g. 200"))
        self.limit_days = QLineEdit(placeholderText=tr("e.g. 7"))
        self.limit_qty.setAccessibleName(tr("Handout limit: how many (advice only)"))
        self.limit_days.setAccessibleName(tr("Handout limit: in how many days"))
        self.source = Choices()
        self.order_pack = QLineEdit(placeholderText=tr("a pack size's name, e.g. case (blank: single units)"))
        self.doses = QLineEdit(placeholderText=tr("naloxone only: doses in one unit, e.g. 2 for a 2-dose kit"))
        limit = QHBoxLayout()
        limit.addWidget(self.limit_qty)
        limit.addWidget(QLabel(tr("per")))
        limit.addWidget(self.limit_days)
        limit.addWidget(QLabel(tr("days")))
        limit.addStretch(1)
        # Under the figures, wrapping: beside them it widened the screen at a large text size.
        advice_only = QLabel(tr("Advice only: never blocks a handout."), wordWrap=True)
        form = form_layout()
        form.addRow(tr("SKU"), self.sku)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Category"), self.category)
        form.addRow(tr("Base unit"), self.unit)
        form.addRow("", self.active)
        form.addRow("", self.lot_tracked)
        form.addRow(tr("Reorder point"), self.reorder)
        form.addRow(tr("Handout limit"), limit)
        form.addRow("", advice_only)
        form.addRow(tr("Default source"), self.source)
        form.addRow(tr("Ordered in"), self.order_pack)
        form.addRow(tr("Naloxone doses"), self.doses)
        self.packs = EditGrid(tr("Pack sizes"), (QT_TR_NOOP("Name"), QT_TR_NOOP("Units in it")))
        self.barcodes = EditGrid(tr("Barcodes"), (QT_TR_NOOP("Code"), QT_TR_NOOP("Pack (blank: one unit)")))
        self.pars = EditGrid(tr("Par levels"), (QT_TR_NOOP("Location"), QT_TR_NOOP("Par"), QT_TR_NOOP("Minimum")))
        self.components = EditGrid(
            tr("Kit components (makes this item a kit)"), (QT_TR_NOOP("SKU"), QT_TR_NOOP("Quantity"))
        )
        grids, across = QGridLayout(), 1 if preferences.large_text() else 2
        for n, grid in enumerate((self.packs, self.barcodes, self.pars, self.components)):
            grids.addWidget(grid, n // across, n % across)
        self.save_button = QPushButton(tr("Save item  (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.message = Message()
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(grids, 1)
        right.addWidget(self.save_button)
        right.addWidget(self.message)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        self.filter.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._selected)
        new.clicked.connect(lambda: self.leave(self.new, self.back))
        self.save_button.clicked.connect(lambda: self.save())
        self.fields = (self.sku, self.name, self.category, self.unit, self.active, self.lot_tracked, self.reorder)
        self.fields += (self.limit_qty, self.limit_days, self.source, self.order_pack, self.doses)
        self.fields += (self.packs, self.barcodes)
        self.fields += (self.pars, self.components)
        self._id = None
        self._codes: list[str] = []  # location codes: every one gets a par row
        self._select: int | None = None

    def reload(self, changes: Changes = Changes.CATALOG) -> None:
        def read():
            items = catalog.items(self.db, include_inactive=True)
            sources = item_editor.sources(self.db)
            return items, catalog.categories(self.db), sources, [l.code for l in catalog.locations(self.db)]

        ops.run(self, read, self._show_lists, key="load")

    def _show_lists(self, read) -> None:
        items, categories, sources, self._codes = read
        first = self.list.count() == 0 and self._id is None
        self.list.blockSignals(True)
        self.list.clear()
        for item in sorted(items, key=lambda i: i.name.lower()):
            entry = QListWidgetItem(f"{item.name} ({item.sku})" + ("" if item.active else " — inactive"))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        category = self.category.currentText()
        self.category.clear()
        self.category.addItems(categories)
        self.category.setCurrentText(category)
        source = self.source.currentData()
        self.source.clear()
        self.source.addItem("—", None)
        for s in sources:
            self.source.addItem(s.name, s.name)
        self.source.setCurrentIndex(max(0, self.source.findData(source)))
        self._filter(self.filter.text())
        select = self._select or self._id
        self._select = None
        for n in range(self.list.count()):
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) == select:
                self.list.blockSignals(True)
                self.list.setCurrentRow(n)
                self.list.blockSignals(False)
        if first:
            self.new()

    def _filter(self, text: str) -> None:
        for n in range(self.list.count()):
            self.list.item(n).setHidden(text.lower() not in self.list.item(n).text().lower())

    def _selected(self, entry, _previous=None) -> None:
        if entry is not None:
            self.leave(lambda: self._open(entry.data(Qt.ItemDataRole.UserRole)), self.back)

    def _open(self, item_id: int) -> None:
        self._select = item_id  # the list, read again after a save, stays on it
        ops.run(self, lambda: item_editor.load_item(self.db, item_id), self.show_form, key="item")

    def new(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.show_form(ItemForm(sku="", name="", category="", pars=[ParLine(code, None, None) for code in self._codes]))
        self.sku.setFocus()

    def show_form(self, form: ItemForm) -> None:
        self._id = form.id
        self.sku.setText(form.sku)
        self.name.setText(form.name)
        self.category.setCurrentText(form.category)
        self.unit.setText(form.unit)
        self.active.setChecked(form.active)
        self.lot_tracked.setChecked(form.lot_tracked)
        self.reorder.setText("" if form.reorder_point is None else str(form.reorder_point))
        self.limit_qty.setText("" if form.limit_quantity is None else str(form.limit_quantity))
        self.limit_days.setText("" if form.limit_days is None else str(form.limit_days))
        self.source.setCurrentIndex(max(0, self.source.findData(form.default_source)))
        self.order_pack.setText(form.order_pack or "")
        self.doses.setText("" if form.doses is None else str(form.doses))
        self.packs.set_rows([[p.name, p.units] for p in form.packs])
        self.barcodes.set_rows([[b.code, b.pack] for b in form.barcodes])
        listed = {p.location for p in form.pars}
        self.pars.set_rows(
            [[p.location, p.par, p.minimum] for p in form.pars]
            + [[code, None, None] for code in self._codes if code not in listed]
        )
        self.components.set_rows([[c.sku, c.quantity] for c in form.components])
        self.message.clear()
        self.shown()

    def form(self) -> ItemForm:
        return ItemForm(
            id=self._id,
            sku=self.sku.text(),
            name=self.name.text(),
            category=self.category.currentText(),
            unit=self.unit.text() or "each",
            active=self.active.isChecked(),
            lot_tracked=self.lot_tracked.isChecked(),
            reorder_point=_number(self.reorder.text()),
            limit_quantity=_number(self.limit_qty.text()),
            limit_days=_number(self.limit_days.text()),
            default_source=self.source.currentData(),
            order_pack=self.order_pack.text().strip() or None,
            doses=_number(self.doses.text()),
            packs=[PackLine(name, _number(units)) for name, units in self.packs.rows()],
            barcodes=[BarcodeLine(code, pack or None) for code, pack in self.barcodes.rows()],
            # A location with no par typed in has no par level.
            pars=[
                ParLine(loc, _number(par), _number(minimum)) for loc, par, minimum in self.pars.rows() if par or minimum
            ],
            components=[ComponentLine(sku, _number(qty)) for sku, qty in self.components.rows()],
        )

    def save(self, then=None, refused=None) -> bool:
        """Save the item; `then()` once saved, `refused()` if refused. False if the form has
        something wrong (said)."""
        form = ops.attempt(self, self.form)
        if form is None:
            return False

        def saved(item_id: int) -> None:
            self._id = self._select = item_id  # the list, read again (the change), keeps it selected
            self.shown()
            self.message.ok(tr("Saved {form_name}.").format(form_name=form.name))
            self.saved.emit()
            if then is not None:
                then()

        ops.run(
            self,
            lambda: item_editor.save_item(self.db, self.user, form),
            saved,
            failed=said_then(self.message, refused),
            changes=Changes.CATALOG,
        )
        return True


class LocationsTab(SimpleTab):
    def __init__(self, db, user: str, parent=None):
        super().__init__(db, user, parent)
        self.code, self.name, self.kind = QLineEdit(), QLineEdit(), Choices()
        for kind in LOCATION_KINDS:  # the code is kept; the word is the user's
            self.kind.addItem(tr(kind), kind)
        self.form.addRow(tr("Code"), self.code)
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("Kind"), self.kind)
        self.fields = (self.code, self.name, self.kind)
        self._rows = {}
        self._open(None)

    def reload(self, changes: Changes = Changes.CATALOG) -> None:
        ops.run(self, lambda: catalog.locations(self.db), self._show_rows, key="load")

    def _show_rows(self, locations) -> None:
        self.list.clear()
        self._rows = {l.id: l for l in locations}
        for loc in self._rows.values():
            entry = QListWidgetItem(f"{loc.name} ({loc.code}) — {tr(loc.kind)}")
            entry.setData(Qt.ItemDataRole.UserRole, loc.id)
            self.list.addItem(entry)

    def show(self, location_id) -> None:
        loc = self._rows.get(location_id)
        self._id = location_id if loc else None
        self.code.setText(loc.code if loc else "")
        self.name.setText(loc.name if loc else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(loc.kind if loc else "van")))

    def save_work(self):
        values, location_id = (self.code.text(), self.name.text(), self.kind.currentData()), self._id
        return lambda: item_editor.save_location(self.db, self.user, *values, location_id=location_id)


class SourcesTab(SimpleTab):
    def __init__(self, db, user: str, parent=None):
        super().__init__(db, user, parent)
        self.name, self.kind = QLineEdit(), Choices()
        self.active = QCheckBox(tr("Active (offered when receiving)"))
        for kind in SOURCE_KINDS:
            self.kind.addItem(tr(kind), kind)
        self.form.addRow(tr("Name"), self.name)
        self.form.addRow(tr("Kind"), self.kind)
        self.form.addRow("", self.active)
        self.fields = (self.name, self.kind, self.active)
        self._rows = {}
        self._open(None)

    def reload(self, changes: Changes = Changes.CATALOG) -> None:
        ops.run(self, lambda: item_editor.sources(self.db, include_inactive=True), self._show_rows, key="load")

    def _show_rows(self, sources) -> None:
        self.list.clear()
        self._rows = {s.id: s for s in sources}
        for src in self._rows.values():
            entry = QListWidgetItem(f"{src.name} — {tr(src.kind)}" + ("" if src.active else tr(" (inactive)")))
            entry.setData(Qt.ItemDataRole.UserRole, src.id)
            self.list.addItem(entry)

    def show(self, source_id) -> None:
        src = self._rows.get(source_id)
        self._id = source_id if src else None
        self.name.setText(src.name if src else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(src.kind if src else "supplier")))
        self.active.setChecked(src.active if src else True)

    def save_work(self):
        name, kind, active, source_id = self.name.text(), self.kind.currentData(), self.active.isChecked(), self._id
        return lambda: item_editor.save_source(self.db, self.user, name, kind, active=active, source_id=source_id)


class SettingsScreen(QWidget):
    """Its tabs are Screens; a save in any of them is heard by every screen (Changes.CATALOG)."""

    def __init__(self, db, user: str, *, admin: bool = False, parent=None):
        super().__init__(parent)
        self.items = ItemsTab(db, user)
        self.locations = LocationsTab(db, user)
        self.sources = SourcesTab(db, user)
        self.tabs = tabs = QTabWidget()
        tabs.addTab(self.items, tr("Items"))
        tabs.addTab(self.locations, tr("Locations"))
        tabs.addTab(self.sources, tr("Sources"))
        if admin:
            from hrsupply.ui.program_settings import FrontDeskTab, ProgramTab

            self.program, self.front_desk = ProgramTab(db, user), FrontDeskTab(db, user)
            tabs.addTab(self.program, tr("Program"))
            tabs.addTab(self.front_desk, tr("Front desk"))
            self.users, self.safety, self.audit = UsersTab(db, user), SafetyTab(db, user), AuditTab(db, user)
            tabs.addTab(self.users, tr("Users"))
            tabs.addTab(self.safety, tr("Safety and backups"))
            tabs.addTab(self.audit, tr("Audit log"))
        sized_by_current(tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Settings") + "</h2>"))
        layout.addWidget(tabs, 1)
