"""Front desk: record a visit in seconds, from the keyboard or a barcode scanner.

Keys: type a code and Enter (or F2 for an anonymous walk-in); type or scan an item and Enter,
with an optional quantity first ("20 syr"); F4 picks a lot; F3 repeats the participant's last
visit; F5…F8 add a preset; Delete removes the selected line; Ctrl+Enter saves. Nothing here can
stop a handout.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QSettings, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hrsupply.services import catalog, presets, program, stock, visits
from hrsupply.services.bounds import check_units
from hrsupply.services.errors import UserError
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui.tables import ColumnsModel, table_view

PRESET_KEYS = ("F5", "F6", "F7", "F8")


class LinesModel(ColumnsModel):
    COLUMNS = ("Item", "Quantity", "Lot")

    def __init__(self, names: dict[int, str], parent=None):
        super().__init__(parent)
        self.names = names
        self.lot_names: dict[int, str] = {}

    def add(self, line: Line) -> None:
        # The same item twice is one line with the quantities added.
        for n, existing in enumerate(self.rows):
            if existing.item_id == line.item_id and existing.lot_id == line.lot_id:
                existing.quantity += line.quantity
                self.dataChanged.emit(self.index(n, 1), self.index(n, 1))
                return
        self.beginInsertRows(self.index(0, 0).parent(), len(self.rows), len(self.rows))
        self.rows.append(Line(line.item_id, line.quantity, line.lot_id))
        self.endInsertRows()

    def data(self, index, role=Qt.DisplayRole):
        line = self.rows[index.row()]
        if role == Qt.DisplayRole:
            lot = self.lot_names.get(line.lot_id, "") if line.lot_id else ""
            return (self.names.get(line.item_id, "?"), f"{line.quantity:,}", lot)[index.column()]
        if role == Qt.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class TodayModel(ColumnsModel):
    COLUMNS = ("Time", "Code", "Handed out", "Returned", "Naloxone reason", "Reversals", "By")

    def data(self, index, role=Qt.DisplayRole):
        row: visits.VisitRow = self.rows[index.row()]
        if role == Qt.DisplayRole:
            returned = f"{row.syringes_returned:,}" + (" (est.)" if row.returned_estimated else "")
            values = (
                row.occurred_at.strftime("%H:%M"),
                row.participant or "anonymous",
                ("UNDONE · " if row.undone else "") + row.items,
                returned,
                row.naloxone_reason or "",
                str(row.reversals_reported or ""),
                row.recorded_by,
            )
            return values[index.column()]
        if role == Qt.ForegroundRole and row.undone:
            return Qt.gray
        return None


class FrontDeskScreen(QWidget):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.settings = QSettings()
        self._load_catalog()

        # -- where and when
        self.location = QComboBox()
        for loc in catalog.locations(db):
            self.location.addItem(f"{loc.name} ({loc.code})", loc.id)
        remembered = self.settings.value("frontdesk/location")
        if remembered is not None and self.location.findData(int(remembered)) >= 0:
            self.location.setCurrentIndex(self.location.findData(int(remembered)))
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("ddd MMM d  HH:mm")
        self.when.setCalendarPopup(True)
        self._live_clock = True
        self.when.dateTimeChanged.connect(self._clock_edited)
        self._clock = QTimer(self, interval=20_000, timeout=self._tick)
        self._clock.start()

        # -- who
        self.code = QLineEdit(placeholderText="Participant code, Enter  ·  F2 anonymous  ·  Ctrl+B build a code")
        self.code.setObjectName("code")
        self._code_list = QStringListModel(visits.known_codes(db), self)
        self._codes = QCompleter(self._code_list, self)
        self._codes.setCaseSensitivity(Qt.CaseInsensitive)
        self.code.setCompleter(self._codes)
        self.code.returnPressed.connect(self._code_entered)
        self.last_visit = QLabel()
        self.last_visit.setObjectName("lastVisit")
        # A long last visit wraps; it never widens the window past the screen.
        self.last_visit.setWordWrap(True)
        self.last_visit.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)

        # -- what
        self.item = QLineEdit(placeholderText="Item name, SKU or scan; a quantity may come first: 20 syr")
        self.item.setObjectName("item")
        self._item_list = QStringListModel(sorted(self._by_label), self)
        self._item_completer = QCompleter(self._item_list, self)
        self._item_completer.setCaseSensitivity(Qt.CaseInsensitive)
        self._item_completer.setFilterMode(Qt.MatchContains)
        self.item.setCompleter(self._item_completer)
        self.item.returnPressed.connect(self._item_entered)
        self.lines = LinesModel({i.id: i.name for i in self._items}, self)
        self.lines_view = table_view(self.lines, stretch=0)
        self.lines_view.setMinimumHeight(120)
        self.preset_hint = QLabel()
        self.preset_hint.setWordWrap(True)

        # -- around the handout
        self.returned = QSpinBox(maximum=100_000)
        self.estimated = QCheckBox("estimated")
        self.container = QComboBox()
        self.container.addItem("estimate from a sharps container…", None)
        for name, holds in program.get(db, "sharps_sizes"):
            self.container.addItem(f"{name} (≈{holds})", holds)
        self.container.activated.connect(self._estimate)
        self.collecting_for = QSpinBox(maximum=500)
        self.naloxone_reason = QComboBox()
        self.naloxone_reason.addItem("—", None)
        for reason in program.NALOXONE_REASONS:
            self.naloxone_reason.addItem(reason, reason)
        self.reversals = QSpinBox(maximum=100)
        self.referrals = [QCheckBox(name) for name in program.get(db, "referrals")]

        self.advice = QLabel()
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: #7a5b00;")
        self.save_button = QPushButton("Save visit  (Ctrl+Enter)")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("message")

        # -- today
        self.today = TodayModel(self)
        self.today_view = table_view(self.today, stretch=2)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.undo_button = QPushButton("Undo selected visit…")
        self.undo_button.clicked.connect(self.undo_selected)
        self.undo_button.setEnabled(False)
        self.today_view.selectionModel().currentChanged.connect(self._today_selected)
        self.today.modelReset.connect(self._today_selected)
        self.tally_button = QPushButton("Tally sheet…  (Ctrl+T)")
        self.tally_button.clicked.connect(self.open_tally)

        self._lay_out()
        self._shortcuts()
        self.location.currentIndexChanged.connect(self._location_changed)
        self.refresh_today()
        self.code.setFocus()

    # ---- layout ------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>Front desk</h2>"))
        top.addStretch(1)
        top.addWidget(QLabel("Location"))
        top.addWidget(self.location)
        top.addWidget(QLabel("Time"))
        top.addWidget(self.when)

        who = QHBoxLayout()
        who.addWidget(self.code, 2)
        who.addWidget(self.last_visit, 3)

        around = QGroupBox("Returns, naloxone, referrals")
        grid = QGridLayout(around)
        grid.addWidget(QLabel("Used syringes returned"), 0, 0)
        returned = QHBoxLayout()
        returned.addWidget(self.returned)
        returned.addWidget(self.estimated)
        returned.addWidget(self.container, 1)
        grid.addLayout(returned, 0, 1)
        grid.addWidget(QLabel("Collecting for (other people)"), 1, 0)
        grid.addWidget(self.collecting_for, 1, 1, Qt.AlignLeft)
        grid.addWidget(QLabel("Naloxone refill reason"), 2, 0)
        grid.addWidget(self.naloxone_reason, 2, 1, Qt.AlignLeft)
        grid.addWidget(QLabel("Overdose reversals reported"), 3, 0)
        grid.addWidget(self.reversals, 3, 1, Qt.AlignLeft)
        refs = QHBoxLayout()
        for box in self.referrals:
            refs.addWidget(box)
        refs.addStretch(1)
        grid.addWidget(QLabel("Referrals made"), 4, 0)
        grid.addLayout(refs, 4, 1)

        entry = QWidget()
        form = QVBoxLayout(entry)
        form.setContentsMargins(0, 0, 0, 0)
        form.addLayout(who)
        form.addWidget(self.item)
        form.addWidget(self.preset_hint)
        form.addWidget(self.lines_view, 1)
        form.addWidget(around)
        form.addWidget(self.advice)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.message, 1)
        form.addLayout(save_row)

        today = QWidget()
        today_layout = QVBoxLayout(today)
        today_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.totals, 1)
        header.addWidget(self.tally_button)
        header.addWidget(self.undo_button)
        today_layout.addLayout(header)
        today_layout.addWidget(self.today_view)

        split = QSplitter(Qt.Vertical)
        split.addWidget(entry)
        split.addWidget(today)
        split.setSizes([520, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _shortcuts(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F2"), self, activated=self.anonymous, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("F3"), self, activated=self.same_as_last, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self.build_code, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.open_tally, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.Delete, self.lines_view, activated=self.remove_line, context=Qt.WidgetShortcut)
        QShortcut(QKeySequence("F4"), self, activated=self.pick_lot, context=Qt.WidgetWithChildrenShortcut)
        self.lines_view.doubleClicked.connect(self.pick_lot)
        self._presets = presets.list_presets(self.db)[: len(PRESET_KEYS)]
        for key, preset in zip(PRESET_KEYS, self._presets):
            QShortcut(
                QKeySequence(key),
                self,
                activated=lambda p=preset: self.add_lines(p.lines),
                context=Qt.WidgetWithChildrenShortcut,
            )
        self.preset_hint.setText(
            "   ".join(f"<b>{k}</b> {p.name}" for k, p in zip(PRESET_KEYS, self._presets))
            + "   <b>F3</b> same as last visit"
        )

    # ---- catalog -----------------------------------------------------------------------------
    def _load_catalog(self) -> None:
        self.finder = catalog.item_finder(self.db)
        self._items = self.finder.items
        self._by_label = self.finder.by_label

    def reload_catalog(self) -> None:
        """Pick up items added or changed elsewhere (Settings, an import)."""
        self._load_catalog()
        self._item_list.setStringList(sorted(self._by_label))
        self.lines.names = {i.id: i.name for i in self._items}

    # ---- actions -----------------------------------------------------------------------------
    def _code_entered(self) -> None:
        scanned = self.finder.scanned(self.code.text())
        if scanned:  # an item scanned before any code: an anonymous visit has begun
            self.code.clear()
            self.last_visit.setText("Anonymous walk-in.")
            self.add_lines([Line(scanned.item.id, scanned.units)])
            return
        try:
            match = visits.match_code(self.db, self.code.text())
        except UserError as exc:
            self.message.setText(str(exc))  # the cursor stays in the code to fix it
            return
        self.code.setText(match.code or "")
        self.message.clear()
        if match.code and not match.known:
            # A typo must not quietly become a new participant: say so before anything is saved.
            self.last_visit.setText(
                f"<b style='color:#a4262c'>New code {match.code}</b>: never seen before. "
                "Check the spelling with the participant."
            )
        elif match.code:
            last = visits.last_lines(self.db, match.code)
            names = {i.id: i.name for i in self._items}
            self.last_visit.setText(
                "Last visit: "
                + ", ".join(f"{names.get(l.item_id, '?')} ×{l.quantity}" for l in last)
                + "  — F3 to repeat"
                if last
                else "Known code."
            )
        self.item.setFocus()

    def anonymous(self) -> None:
        self.code.clear()
        self.last_visit.setText("Anonymous walk-in.")
        self.item.setFocus()

    def same_as_last(self) -> None:
        try:
            code = visits.match_code(self.db, self.code.text()).code
        except UserError as exc:
            self.message.setText(str(exc))
            return
        lines = visits.last_lines(self.db, code) if code else []
        if not lines:
            self.message.setText("No earlier visit for this code.")
            return
        self.add_lines(lines)

    def add_lines(self, lines: list[Line]) -> None:
        for line in lines:
            self.lines.add(line)
        self.item.setFocus()
        self._show_advice()

    def _show_advice(self) -> None:
        """Advisory limits as soon as a line is added: quiet, and never in the way of saving."""
        form = self.form()
        try:
            self.advice.setText("\n".join(visits.check(self.db, form).advice) if form.lines else "")
        except UserError:
            self.advice.clear()

    def _item_entered(self) -> None:
        found, quantity, text = self.finder.find_counted(self.item.text())
        if found is None:
            self.message.setText(f"No single item matches “{text}”: type more of its name, or pick one.")
            return
        try:
            check_units(quantity * found.units, "a quantity")
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.item.clear()
        self.message.clear()
        self.add_lines([Line(found.item.id, quantity * found.units)])

    def remove_line(self) -> None:
        index = self.lines_view.currentIndex()
        if index.isValid():
            self.lines.beginRemoveRows(index.parent(), index.row(), index.row())
            del self.lines.rows[index.row()]
            self.lines.endRemoveRows()

    def pick_lot(self, *_args) -> None:
        """Choose the lot of a lot-tracked line (F4); by default lines draw first-expiry-first-out."""
        index = self.lines_view.currentIndex()
        if not index.isValid() and self.lines.rows:
            index = self.lines.index(len(self.lines.rows) - 1, 0)
        if not index.isValid():
            return
        line = self.lines.rows[index.row()]
        lots = stock.lots_at(self.db, self.location.currentData(), line.item_id)
        if not lots:
            self.message.setText("This item has no lots in stock here; it is handed out without one.")
            return
        day = self.when.dateTime().toPython().date()
        choices = ["Earliest expiry first (FEFO)"] + [
            f"{l.lot} · expires {l.expiry:%Y-%m-%d}{' · EXPIRED, do not hand out' if l.expired_on(day) else ''}"
            f" · {l.quantity:,} here"
            for l in lots
        ]
        choice, ok = self.ask_choice("Lot", f"Lot for {self.lines.names[line.item_id]}", choices)
        if ok:
            picked = lots[choices.index(choice) - 1] if choices.index(choice) else None
            if (
                picked
                and picked.expired_on(day)
                and not self.ask_yes_no(
                    "Expired lot",
                    f"Lot {picked.lot} expired on {picked.expiry:%Y-%m-%d}.\nHand out from it anyway?",
                    default_yes=False,  # a rushed Enter does not hand out expired stock
                )
            ):
                return
            line.lot_id = picked.lot_id if picked else None
            if picked:
                self.lines.lot_names[picked.lot_id] = picked.lot
            self.lines.dataChanged.emit(self.lines.index(index.row(), 0), self.lines.index(index.row(), 2))

    def ask_choice(self, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
        return QInputDialog.getItem(self, title, label, choices, 0, False)

    def ask_yes_no(self, title: str, text: str, *, default_yes: bool = True) -> bool:
        default = QMessageBox.Yes if default_yes else QMessageBox.No
        return QMessageBox.question(self, title, text, QMessageBox.Yes | QMessageBox.No, default) == QMessageBox.Yes

    def _estimate(self) -> None:
        holds = self.container.currentData()
        if holds:
            self.returned.setValue(holds)
            self.estimated.setChecked(True)
        self.container.setCurrentIndex(0)

    def build_code(self) -> None:
        from hrsupply.ui.code_builder import CodeBuilderDialog

        dialog = CodeBuilderDialog(program.code_scheme(self.db), self)
        if dialog.exec():
            self.code.setText(dialog.code)
            self._code_entered()

    def form(self) -> VisitForm:
        return VisitForm(
            location_id=self.location.currentData(),
            occurred_at=self.when.dateTime().toPython(),
            participant=self.code.text(),
            lines=[Line(l.item_id, l.quantity, l.lot_id) for l in self.lines.rows],
            syringes_returned=self.returned.value(),
            returned_estimated=self.estimated.isChecked(),
            collecting_for=self.collecting_for.value(),
            naloxone_reason=self.naloxone_reason.currentData(),
            reversals_reported=self.reversals.value(),
            referrals=[box.text() for box in self.referrals if box.isChecked()],
        )

    def save(self) -> None:
        form = self.form()
        if not form.lines and not (
            form.syringes_returned or form.reversals_reported or form.referrals or form.naloxone_reason
        ):
            self.message.setText("Nothing to save yet: add an item, a return or a referral.")
            return
        try:
            found = visits.check(self.db, form)
            self.advice.setText("\n".join(found.advice))
            confirm = False
            if found.shortfalls:
                confirm = self._confirm_shortfall(found.shortfalls)
                if not confirm:
                    return
            try:
                visits.record(self.db, self.user, form, confirm_shortfall=confirm)
            except visits.ShortfallNotConfirmed as exc:  # another desk took the last units meanwhile
                if not self._confirm_shortfall(exc.shortfalls):
                    return
                visits.record(self.db, self.user, form, confirm_shortfall=True)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        who = program.normalize_code(form.participant) or "an anonymous participant"
        self.message.setText(f"Saved: visit for {who} at {form.occurred_at:%H:%M}.")
        self.clear()
        self.refresh_today()

    def _confirm_shortfall(self, shortfalls) -> bool:
        box = QMessageBox(
            QMessageBox.Question,
            "Records show less stock",
            "The records show less than you are handing out:\n\n"
            + "\n".join(f"• {s}" for s in shortfalls)
            + "\n\nSave anyway? The difference is recorded as found stock for the supply "
            "lead to review.",
            parent=self,
        )
        save = box.addButton("Save anyway", QMessageBox.AcceptRole)
        box.addButton("Go back", QMessageBox.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    def clear(self) -> None:
        self.code.clear()
        self.last_visit.clear()
        self.item.clear()
        self.lines.set_rows([])
        self.advice.clear()
        for spin in (self.returned, self.collecting_for, self.reversals):
            spin.setValue(0)
        self.estimated.setChecked(False)
        self.naloxone_reason.setCurrentIndex(0)
        for box in self.referrals:
            box.setChecked(False)
        self._live_clock = True
        self._tick()
        self._code_list.setStringList(visits.known_codes(self.db))
        self.code.setFocus()

    def _today_selected(self, *_args) -> None:
        """Undo is for a visit that is still standing: never twice."""
        index = self.today_view.currentIndex()
        self.undo_button.setEnabled(index.isValid() and not self.today.rows[index.row()].undone)

    def undo_selected(self) -> None:
        index = self.today_view.currentIndex()
        if not index.isValid():
            self.message.setText("Select a visit in today's list first.")
            return
        row = self.today.rows[index.row()]
        if row.undone:
            self.message.setText("That visit was already undone.")
            return
        if not self.ask_yes_no(
            "Undo visit",
            f"Undo the {row.occurred_at:%H:%M} visit "
            f"({row.participant or 'anonymous'})?\n\n{visits.undo_summary(self.db, row.id)}\n\n"
            "The visit stays in the records, marked undone.",
        ):
            return
        try:
            visits.undo(self.db, self.user, row.id)
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("Visit undone.")
        self.refresh_today()

    def open_tally(self) -> None:
        from hrsupply.ui.tally_entry import TallyEntryDialog

        if TallyEntryDialog(self.db, self.user, self.location.currentData(), self).exec():
            self.message.setText("Tally sheet saved.")
            self.refresh_today()

    # ---- today -------------------------------------------------------------------------------
    def refresh_today(self) -> None:
        day = QDateTime.currentDateTime().date().toPython()
        rows = visits.between(self.db, day, day, self.location.currentData())
        self.today.set_rows(rows)
        t = visits.totals(rows)
        self.totals.setText(
            f"<b>Today here</b>: {t.visits} visits · {t.unique_codes} codes · "
            f"{t.syringes_out:,} syringes out · {t.syringes_returned:,} returned · "
            f"{t.naloxone_kits_out} naloxone kits"
        )

    def _location_changed(self) -> None:
        self.settings.setValue("frontdesk/location", self.location.currentData())
        self.refresh_today()

    def _clock_edited(self) -> None:
        if not self._ticking:
            self._live_clock = False

    _ticking = False

    def _tick(self) -> None:
        if self._live_clock:
            self._ticking = True
            self.when.setDateTime(QDateTime.currentDateTime())
            self._ticking = False
