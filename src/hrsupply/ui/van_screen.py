"""Van: the morning load-out sheet (preview, print, confirm), the evening close-out (count,
return to the site) and the van's reconciliation; history to reopen and reprint; and the sync of
a van laptop with the central (ui/van_sync.py)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
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
from hrsupply.services import catalog, closeout, laptop, loadout, program
from hrsupply.services.loadout import PickLine, PickLot
from hrsupply.ui import ops
from hrsupply.ui.flow import FlowLayout, sized_by_current
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import AsksFirst, Screen
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.van_sync import SyncTab
from hrsupply.ui.widgets import CODE_ROLE, SAVE_KEYS, Message, counted, fill_locations, keyed, location_combo, said

SHORT = QBrush(QColor("#fde2e1"))


@dataclass
class _PickRow:
    line: PickLine
    lot: PickLot | None  # one of the source's lots; None for an item without lots
    quantity: int
    first: bool  # the item's first row shows par and on hand


class LoadOutModel(ColumnsModel):
    """One row per source lot of each item (one row for items without lots): the crew can take
    from another lot by changing the quantities, which start as earliest expiry first."""

    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Pack"),
        QT_TR_NOOP("Par"),
        QT_TR_NOOP("On van"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Expiry"),
        QT_TR_NOOP("At site"),
        QT_TR_NOOP("Take"),
        QT_TR_NOOP("Short"),
    )
    TAKE = 7

    def load(self, lines: list[PickLine]) -> None:
        rows = []
        for line in lines:
            planned = {lot.lot_id: lot.quantity for lot in line.lots}
            lots = line.source_lots or [None]
            for n, lot in enumerate(lots):
                rows.append(_PickRow(line, lot, planned.get(lot.lot_id if lot else None, 0), n == 0))
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            lot = r.lot
            values = (
                r.line.name if r.first else "",
                r.line.pack_hint if r.first else "",
                f"{r.line.par:,}" if r.first else "",
                f"{r.line.on_hand:,}" if r.first else "",
                (lot.lot or "") if lot else "",
                lot.expiry.isoformat() if lot and lot.expiry else "",
                f"{lot.quantity:,}" if lot else "0",
                r.quantity if role == Qt.ItemDataRole.EditRole else f"{r.quantity:,}",
                f"{r.line.short:,}" if r.first and r.line.short else "",
            )
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and r.line.short:
            return SHORT
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.TAKE and self.rows[index.row()].lot else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or index.column() != self.TAKE:
            return False
        try:
            quantity = int(str(value).replace(",", ""))
        except ValueError:
            return False
        r = self.rows[index.row()]
        if not 0 <= quantity <= r.lot.quantity:
            return False  # more than the site has of this lot
        r.quantity = quantity
        self.dataChanged.emit(index, index)
        return True

    def pick_lines(self) -> list[PickLine]:
        """The lines as edited: what the sheet prints and the confirmation posts."""
        out: dict[int, PickLine] = {}
        for r in self.rows:
            line = out.get(r.line.item_id)
            if line is None:
                line = out[r.line.item_id] = PickLine(
                    r.line.item_id,
                    r.line.sku,
                    r.line.name,
                    r.line.unit,
                    r.line.pack_hint,
                    r.line.par,
                    r.line.on_hand,
                    r.line.available,
                    0,
                    r.line.short,
                    [],
                    r.line.expired_here,
                    r.line.source_lots,
                )
            if r.lot and r.quantity:
                line.lots.append(PickLot(r.lot.lot_id, r.lot.lot, r.lot.expiry, r.quantity))
                line.to_load += r.quantity
        return list(out.values())


class CountModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Expiry"),
        QT_TR_NOOP("Expected"),
        QT_TR_NOOP("Counted"),
        QT_TR_NOOP("Return to site"),
        QT_TR_NOOP("Why it differs"),
    )
    EDITABLE = {4: "counted", 5: "returned", 6: "reason"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.blind = False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        l = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            expected = "—" if self.blind else f"{l.expected:,}"
            counted = "" if l.counted is None else (l.counted if role == Qt.ItemDataRole.EditRole else f"{l.counted:,}")
            expiry = l.expiry.isoformat() if l.expiry else ""
            if l.expiry and l.expired_on(date.today()):
                expiry += " EXPIRED: bring back"
            values = (
                l.name,
                l.lot or "",
                expiry,
                expected,
                counted,
                l.returned if role == Qt.ItemDataRole.EditRole else (f"{l.returned:,}" if l.returned else ""),
                l.reason or "",
            )
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (3, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and not self.blind
            and l.counted is not None
            and l.counted != l.expected
        ):
            return SHORT
        if role == Qt.ItemDataRole.BackgroundRole and col == 2 and l.expiry and l.expired_on(date.today()):
            return SHORT
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in self.EDITABLE else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        l = self.rows[index.row()]
        name = self.EDITABLE.get(index.column())
        if role != Qt.ItemDataRole.EditRole or name is None:
            return False
        text = str(value).strip().replace(",", "")
        if name == "reason":
            l.reason = text or None
        elif name == "counted" and text == "":
            l.counted = None
        elif text.isdigit():
            setattr(l, name, int(text))
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class VanReconcileModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Start"),
        QT_TR_NOOP("Loaded"),
        QT_TR_NOOP("Handed out"),
        QT_TR_NOOP("Adjusted"),
        QT_TR_NOOP("Expected"),
        QT_TR_NOOP("Counted"),
        QT_TR_NOOP("Variance"),
        QT_TR_NOOP("Returned"),
        QT_TR_NOOP("End"),
        QT_TR_NOOP("Why it differs"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        l = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                l.name,
                f"{l.start:,}",
                f"{l.loaded:,}",
                f"{l.handed_out:,}",
                f"{l.adjusted:+,}" if l.adjusted else "0",
                f"{l.expected:,}",
                "not counted" if l.counted is None else f"{l.counted:,}",
                f"{l.variance:+,}" if l.variance else "0",
                f"{l.returned:,}",
                f"{l.end:,}",
                l.reasons,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col < 10:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and l.variance:
            return SHORT
        return None


class VanScreen(Screen):
    """The van's day: which van, from which site, on which day (shared by every tab), then one
    tab each for the load-out, the close-out count, the reconciliation and the history."""

    listens = Changes.STOCK | Changes.CATALOG | Changes.SETTINGS

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.van = location_combo(db, kinds=("van", "other"), own=True)  # "other": a partner site to restock
        self.source = location_combo(db, kinds=("site",))
        self.day = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.crew = QLineEdit(placeholderText=tr("Crew names (printed on the sheet)"))
        bar = QHBoxLayout()
        for label, widget in (
            (QT_TR_NOOP("Van"), self.van),
            (QT_TR_NOOP("Loaded from"), self.source),
            (QT_TR_NOOP("Date"), self.day),
        ):
            bar.addWidget(QLabel(tr(label)))
            bar.addWidget(widget)
        bar.addWidget(self.crew, 1)
        self._tmp = tempfile.TemporaryDirectory(prefix="hrsupply-")
        self.load_tab, self.close_tab = LoadOutTab(self), CloseOutTab(self)
        self.rec_tab, self.history_tab = ReconciliationTab(self), HistoryTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.load_tab, tr("Load-out"))
        self.tabs.addTab(self.close_tab, tr("Close-out"))
        self.tabs.addTab(self.rec_tab, tr("Reconciliation"))
        self.tabs.addTab(self.history_tab, tr("History"))
        self.sync_tab = SyncTab(db, user)
        self.tabs.addTab(self.sync_tab, tr("Sync"))
        sized_by_current(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Van") + "</h2>"))
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        for signal in (self.van.currentIndexChanged, self.source.currentIndexChanged, self.day.dateChanged):
            signal.connect(self.refresh)
        self.message = self.load_tab.load_message

    def chosen_day(self) -> date:
        return self.day.date().toPython()

    def temp_file(self, name: str) -> Path:
        return Path(self._tmp.name) / name

    def preview(self, path: Path, title: str, name: str) -> None:
        """Opens the print preview; a test replaces this to look at the file instead."""
        from hrsupply.ui.pdf_preview import PdfPreview

        PdfPreview(path, title, name, self).exec()

    def print_sheet(self, path: Path, title: str, write) -> None:
        """Write a sheet off the UI thread, then open it in the print preview."""
        ops.run(
            self,
            write,
            lambda _r: self.preview(path, title, path.name),
            busy=tr("Preparing the {x}…").format(x=title.lower()),
        )

    def letterhead(self) -> str:
        return program.letterhead(self.db)

    def reload(self, changes: Changes) -> None:
        if changes & Changes.CATALOG:  # vans and sites may have changed: the combos first, then the rest
            fill_locations(self.van, self.db, then=lambda: fill_locations(self.source, self.db, then=self.refresh))
        else:
            self.refresh()

    def refresh(self, *_args) -> None:
        van, source, day = self.van.currentData(), self.source.currentData(), self.chosen_day()
        if van is None or source is None:
            self.load_tab.plan_summary.setText(tr("Add a van and a site in Settings first."))
            return
        history = self.history_tab

        def read():
            kinds = {l.id: l.kind for l in catalog.locations(self.db)}
            on_laptop = laptop.held(self.db) is not None
            plan = [] if on_laptop else loadout.plan(self.db, source, van, day)
            return kinds, plan, closeout.sheet(self.db, van), history.read(van), on_laptop

        ops.run(self, read, self._show, message=self.load_tab.load_message, key="load")
        self.rec_tab.reconcile()

    def _show(self, read) -> None:
        kinds, lines, sheet, entries, on_laptop = read
        self.load_tab.show(lines, kinds)
        if on_laptop:  # its load-out is recorded at the site: it arrives with the next sync
            self.tabs.setTabEnabled(self.tabs.indexOf(self.load_tab), False)
            self.tabs.setTabToolTip(
                self.tabs.indexOf(self.load_tab),
                tr("On a van laptop the load-out is recorded at the site; it arrives with the next sync."),
            )
            if self.tabs.currentWidget() is self.load_tab:
                self.tabs.setCurrentWidget(self.close_tab)
        self.close_tab.count_model.set_rows(sheet)
        self.history_tab.show(entries)

    def reconcile_day(self, day: date) -> None:
        """The Reconciliation tab, over that one day."""
        self.rec_tab.rec_start.setDate(QDate(day.year, day.month, day.day))
        self.rec_tab.rec_end.setDate(QDate(day.year, day.month, day.day))


class LoadOutTab(QWidget):
    """What to load (par less what is on the van, capped by the site), the sheet, and the load."""

    def __init__(self, screen: VanScreen):
        super().__init__()
        self.van_screen = screen
        self.plan_model = LoadOutModel(self)
        self.plan_view = table_view(self.plan_model, stretch=0)
        self.plan_view.setEditTriggers(self.plan_view.EditTrigger.AllEditTriggers)
        self.plan_summary = QLabel()
        self.preview_button = keyed(self, QPushButton(tr("Print load-out sheet…")), "Ctrl+P")
        self.confirm_button = keyed(self, QPushButton(tr("Confirm loaded")), *SAVE_KEYS)
        self.load_message = Message()
        self._kinds: dict[int, str] = {}
        self.plan_summary.setWordWrap(True)
        buttons = FlowLayout()  # wraps at a large text size: Confirm loaded stays in sight
        buttons.addWidget(self.plan_summary, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "To load = par − on the van, capped by what the site has; lots earliest "
                    "expiry first. Change “Take” to take more, less, or another lot."
                )
            )
        )
        layout.addWidget(self.plan_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.load_message)
        self.preview_button.clicked.connect(self.print_loadout)
        self.confirm_button.clicked.connect(self.confirm)

    def show(self, lines, kinds: dict[int, str]) -> None:
        self._kinds = kinds
        self.plan_model.load(lines)
        short = sum(1 for l in lines if l.short)
        self.plan_summary.setText(
            tr("{x} with a par · to load: ").format(x=counted(len(lines), tr("item"), tr("items")))
            + (catalog.in_units((l.unit, l.to_load) for l in lines if l.to_load) or "nothing")
            + (tr(" · {short} short at the site").format(short=short) if short else "")
        )

    def _title(self) -> str:
        """A van's morning sheet is its load-out; restocking a partner site uses a pick list."""
        van = self.van_screen.van.currentData()
        return tr("Load-out sheet") if self._kinds.get(van) == "van" else tr("Pick list")

    def print_loadout(self) -> None:
        screen = self.van_screen
        path = screen.temp_file(f"load-out-{screen.van.currentData(CODE_ROLE)}-{screen.chosen_day()}.pdf")
        sheet = dict(
            title=self._title(),
            from_name=screen.source.currentText(),
            to_name=screen.van.currentText(),
            day=screen.chosen_day(),
            lines=self.plan_model.pick_lines(),
            crew=screen.crew.text(),
        )
        screen.print_sheet(path, sheet["title"], lambda: _write_pick_sheet(path, program=screen.letterhead(), **sheet))

    def confirm(self) -> None:
        """Ask once, saying what moves (and whether it was loaded already today), then load."""
        lines = [l for l in self.plan_model.pick_lines() if l.to_load]
        if not lines:
            self.load_message.error(tr("Nothing to load: every line is 0."))
            return
        screen = self.van_screen
        crew, van_name, source = screen.crew.text(), screen.van.currentText(), screen.source.currentText()
        db, user, day = screen.db, screen.user, screen.chosen_day()
        from_id, to_id = screen.source.currentData(), screen.van.currentData()

        def ask(before: str | None) -> None:
            moving = catalog.in_units((l.unit, l.to_load) for l in lines)
            question = tr("Move {lines} ({moving}) from {source} to {van_name}?").format(
                lines=counted(len(lines), tr("line"), tr("lines")), moving=moving, source=source, van_name=van_name
            )
            if before:
                question = f"{said(before)} Load a second trip?\n\n{question}"
            if not screen.ask_yes_no(tr("Confirm loaded"), question, default_yes=before is None):
                return
            ops.run(
                self,
                lambda: loadout.confirm(db, user, from_id, to_id, day, lines, crew=crew, again=before is not None),
                lambda made: self.load_message.ok(
                    tr("Loaded: load-out {made} moved to {van_name}.").format(made=made, van_name=van_name)
                ),
                message=self.load_message,
                changes=Changes.STOCK,
            )

        ops.run(self, lambda: loadout.loaded_before(db, from_id, to_id, day), ask, message=self.load_message)


class CloseOutTab(AsksFirst, QWidget):
    """The count of what came back (blind if asked), saved as the van's close-out."""

    def __init__(self, screen: VanScreen):
        super().__init__()
        self.van_screen = screen
        self.count_model = CountModel(self)
        self.count_view = table_view(self.count_model, stretch=0)
        self.count_view.setEditTriggers(self.count_view.EditTrigger.AllEditTriggers)
        self.blind = QCheckBox(tr("Blind count (hide what the records expect)"))
        self.close_button = keyed(self, QPushButton(tr("Save close-out")), *SAVE_KEYS)
        self.close_message = Message()
        layout = QVBoxLayout(self)
        layout.addWidget(self.blind)
        layout.addWidget(self.count_view, 1)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("A line left blank is not counted and keeps its stock.")), 1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        layout.addWidget(self.close_message)
        self.blind.toggled.connect(self._blind)
        self.close_button.clicked.connect(self.save_closeout)

    def _blind(self, on: bool) -> None:
        self.count_model.blind = on
        self.count_model.set_rows(self.count_model.rows)

    def save_closeout(self) -> None:
        if all(l.counted is None for l in self.count_model.rows):
            self.close_message.error(tr("Type the counted quantity of at least one line."))
            return
        screen = self.van_screen
        args = (screen.db, screen.user, screen.van.currentData(), screen.source.currentData(), screen.chosen_day())
        rows, blind, day = list(self.count_model.rows), self.blind.isChecked(), screen.chosen_day()
        # What it moves: each count's difference from the records, and what goes back to the site.
        moved = sum(abs(l.counted - l.expected) for l in rows if l.counted is not None)
        if not self.moves_many(moved + sum(l.returned for l in rows), tr("The close-out moves")):
            return

        def saved(_result) -> None:
            screen.reconcile_day(day)
            self.close_message.ok(tr("Close-out saved: see the Reconciliation tab for the shift."))

        ops.run(
            self,
            lambda: closeout.close_out(*args, rows, blind=blind),
            saved,
            message=self.close_message,
            changes=Changes.STOCK,
        )


class ReconciliationTab(QWidget):
    """What was loaded, handed out and counted back over the days chosen, and its sheet."""

    def __init__(self, screen: VanScreen):
        super().__init__()
        self.van_screen = screen
        self.rec_start = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.rec_end = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.rec_model = VanReconcileModel(self)
        self.rec_button = keyed(self, QPushButton(tr("Print reconciliation…")), "Ctrl+P")
        self.rec_message = Message()
        bar = QHBoxLayout()
        for widget in (QLabel(tr("From")), self.rec_start, QLabel(tr("to")), self.rec_end):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.rec_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(table_view(self.rec_model, stretch=10), 1)
        layout.addWidget(self.rec_message)
        self.rec_start.dateChanged.connect(self.reconcile)
        self.rec_end.dateChanged.connect(self.reconcile)
        self.rec_button.clicked.connect(self.print_reconciliation)

    def reconcile(self, *_args) -> None:
        code = self.van_screen.van.currentData(CODE_ROLE)
        start, end = self.rec_start.date().toPython(), self.rec_end.date().toPython()
        if code is None:
            return

        def show(lines) -> None:
            self.rec_model.set_rows(lines)
            self.rec_message.clear()

        ops.run(
            self,
            lambda: closeout.van_reconcile(self.van_screen.db, code, start, end),
            show,
            message=self.rec_message,
            key="reconcile",
        )

    def print_reconciliation(self) -> None:
        screen = self.van_screen
        start, end = self.rec_start.date().toPython(), self.rec_end.date().toPython()
        path = screen.temp_file(f"van-reconciliation-{screen.van.currentData(CODE_ROLE)}-{start}.pdf")
        sheet = dict(van_name=screen.van.currentText(), start=start, end=end, lines=list(self.rec_model.rows))

        def write() -> None:
            from hrsupply.services.van_sheets import write_van_reconciliation

            write_van_reconciliation(path, program=screen.letterhead(), **sheet)

        screen.print_sheet(path, "Van reconciliation", write)


class HistoryTab(QWidget):
    """The van's load-outs and close-outs: a load-out reprinted, a close-out reconciled."""

    def __init__(self, screen: VanScreen):
        super().__init__()
        self.van_screen = screen
        self.history = QListWidget()
        self.reopen_button = QPushButton(tr("Reprint the selected load-out / reconcile the selected close-out"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.reopen_button)
        self.reopen_button.clicked.connect(self.reopen)

    def read(self, van: int) -> list[tuple[str, tuple]]:
        """The van's load-outs and close-outs, newest first (read off the UI thread)."""
        db = self.van_screen.db
        entries = [
            (
                l.day,
                l.confirmed_at,
                f"{l.day} · load-out {l.id} from {l.from_location} · {l.units:,} units · "
                f"{l.confirmed_by}" + (f" · crew {l.crew}" if l.crew else ""),
                ("load", l.id, l.day),
            )
            for l in loadout.history(db, van)
        ]
        entries += [
            (
                c.day,
                c.counted_at,
                f"{c.day} · close-out {c.id} · counted by {c.counted_by}" + (" (blind)" if c.blind else ""),
                ("close", c.id, c.day),
            )
            for c in closeout.history(db, van)
        ]
        return [(text, key) for _, _, text, key in sorted(entries, key=lambda e: (e[0], e[1]), reverse=True)]

    def show(self, entries: list[tuple[str, tuple]]) -> None:
        self.history.clear()
        for text, key in entries:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, key)
            self.history.addItem(entry)

    def reopen(self) -> None:
        entry = self.history.currentItem()
        if entry is None:
            return
        kind, ident, day = entry.data(Qt.ItemDataRole.UserRole)
        screen = self.van_screen
        if kind != "load":
            screen.reconcile_day(day)
            screen.tabs.setCurrentWidget(screen.rec_tab)
            return
        path = screen.temp_file(f"load-out-{ident}.pdf")
        van, van_name = screen.van.currentData(), screen.van.currentText()

        def write() -> None:
            info = next(l for l in loadout.history(screen.db, van) if l.id == ident)
            _write_pick_sheet(
                path,
                program=screen.letterhead(),
                title=tr("Load-out sheet (reprint)"),
                from_name=info.from_location,
                to_name=van_name,
                day=day,
                lines=loadout.lines_of(screen.db, ident),
                crew=info.crew,
            )

        screen.print_sheet(path, "Load-out sheet", write)


def _write_pick_sheet(path: Path, **sheet) -> None:
    from hrsupply.services.van_sheets import write_pick_sheet  # ReportLab: only when a sheet is printed

    write_pick_sheet(path, **sheet)
