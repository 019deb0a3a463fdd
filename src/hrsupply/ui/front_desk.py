"""Front desk: record a visit in seconds, from the keyboard or a barcode scanner.

Keys: type a code and Enter (or F2 for an anonymous walk-in); type or scan an item and Enter,
with an optional quantity first ("20 syr"); F4 picks a lot; F3 repeats the participant's last
visit; F5…F8 add a preset; Delete removes the selected line; Ctrl+Enter saves; Ctrl+P prints the
participant's client card, and a card scanned anywhere on the desk selects its participant.
Nothing here can stop a handout.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QSettings, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, presets, program, visits
from hrsupply.services.bounds import check_units
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui import client_cards, ops, preferences
from hrsupply.ui.flow import FlowLayout, flow_row
from hrsupply.ui.front_desk_lots import LotKeys
from hrsupply.ui.front_desk_tables import LinesModel, TodayModel
from hrsupply.ui.front_desk_today import TodayList
from hrsupply.ui.front_desk_weight import WeighedReturns
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import rows_high, table_view
from hrsupply.ui.widgets import PRESET_KEYS, Choices, Message, ask_choice, counted, keyed, label, pick_item, refill

REFERRAL_COLUMNS = 2


def _buddy(text: str, field: QWidget) -> QLabel:
    """A label whose underlined letter (Alt+it) puts the cursor in its field."""
    label = QLabel(text)  # the caller's tr()
    label.setBuddy(field)
    label.setWordWrap(True)  # at a large text size the label wraps; its field stays in sight
    return label


@dataclass
class Setup:
    """What the desk reads once it is shown (and when the catalog or settings change)."""

    finder: catalog.ItemFinder
    locations: list
    presets: list
    sharps_sizes: list
    referrals: list[str]
    naloxone_reasons: list[str]
    codes: list[str]
    per_pound: int | None  # returns may be weighed: syringes to the pound
    weight_unit: str


class FrontDeskScreen(client_cards.CardKeys, LotKeys, TodayList, Screen):
    listens = Changes.VISITS | Changes.STOCK | Changes.CATALOG | Changes.SETTINGS
    KEYS = (  # the desk's keys no button or label names (Help → Keyboard shortcuts lists them)
        ("F2", QT_TR_NOOP("An anonymous walk-in")),
        ("F3", QT_TR_NOOP("Same as the participant's last visit")),
        ("F4", QT_TR_NOOP("Choose the lot of the line in hand")),
        ("F5…F8", QT_TR_NOOP("Add a preset")),
        ("Ctrl+B", QT_TR_NOOP("Build a participant code")),
        ("Delete", QT_TR_NOOP("Take the selected line off")),
        ("+ / −", QT_TR_NOOP("One more or one fewer on the selected line")),
        ("Esc", QT_TR_NOOP("Start the visit over")),
    )

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.settings = QSettings()
        self.finder = None  # the catalog, read off the UI thread when the screen is first shown
        self._items: list = []
        self._by_label: dict = {}
        self._waiting_item = False  # Enter on an item before the catalog arrived: answered then
        self._preset_keys: list[QShortcut] = []

        # -- where and when
        # Changed only deliberately (a click, or Ctrl+Shift+L opening its list): never by typing
        # into it. Tab skips it; the place being recorded is always shown in large type.
        self.location = Choices()
        self.location.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.location.setToolTip(tr("Where these visits are recorded: click, or Ctrl+Shift+L, to change"))
        self.place = QLabel()
        self.place.setObjectName("place")
        big = self.place.font()
        big.setPointSize(big.pointSize() + 5)
        big.setBold(True)
        self.place.setFont(big)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("ddd MMM d  HH:mm")
        self.when.setCalendarPopup(True)
        self._live_clock = True
        self.when.dateTimeChanged.connect(self._clock_edited)
        self._clock = QTimer(self, interval=20_000, timeout=self._tick)
        self._clock.start()

        # -- who
        self.code = QLineEdit(placeholderText=tr("Participant code, Enter  ·  F2 anonymous  ·  Ctrl+B build a code"))
        self.code.setObjectName("code")
        self._code_list = QStringListModel([], self)
        self._codes = QCompleter(self._code_list, self)
        self._codes.setCaseSensitivity(Qt.CaseInsensitive)
        self.code.setCompleter(self._codes)
        self.code.returnPressed.connect(self._code_entered)
        self.last_visit = QLabel()
        self.last_visit.setObjectName("lastVisit")
        # A long last visit wraps; it never widens the window past the screen.
        self.last_visit.setWordWrap(True)
        self.last_visit.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.card_button = QPushButton(tr("Print card  (Ctrl+P)"))
        self.card_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a key, not a stop in the Tab order
        self.card_button.clicked.connect(self.print_card)
        self._last_code: str | None = None  # the visit just saved: its card may be printed next

        # -- what
        self.item = QLineEdit(placeholderText=tr("Item name, SKU or scan; a quantity may come first: 20 syr"))
        self.item.setObjectName("item")
        self._item_list = QStringListModel([], self)
        self._item_completer = QCompleter(self._item_list, self)
        self._item_completer.setCaseSensitivity(Qt.CaseInsensitive)
        self._item_completer.setFilterMode(Qt.MatchContains)
        self.item.setCompleter(self._item_completer)
        self.item.returnPressed.connect(self._item_entered)
        self.lines = LinesModel({}, self)
        self.lines_view = table_view(self.lines, stretch=0)
        self.lines_view.setAccessibleName(tr("What this visit hands out"))
        # A quantity is typed over in place (or + / −); Delete takes the line off.
        self.lines_view.setSelectionBehavior(self.lines_view.SelectionBehavior.SelectItems)
        self.lines_view.setEditTriggers(self.lines_view.EditTrigger.AnyKeyPressed)
        # The advice is asked again once the editor has closed (the quantity is in).
        self.lines.changed.connect(lambda: QTimer.singleShot(0, self, self._show_advice))
        self.lines_view.setMinimumHeight(120)
        self.lines_view.setVerticalScrollMode(self.lines_view.ScrollMode.ScrollPerPixel)  # a new line wholly in sight
        self.lines_total = QLabel()
        self.lines_total.setObjectName("linesTotal")
        for signal in (self.lines.rowsInserted, self.lines.rowsRemoved, self.lines.dataChanged, self.lines.modelReset):
            signal.connect(self._show_lines_total)
        self.preset_hint = QLabel()
        self.preset_hint.setWordWrap(True)

        # -- around the handout
        self.returned = QSpinBox(maximum=100_000)
        self.estimated = QCheckBox(tr("estimated"))
        self.weighed = WeighedReturns(self.returned, self.estimated)
        # A menu, never a list in the Tab order: an arrow key on a list chose a container (and
        # ticked "estimated") without anyone meaning it. Only a click or Enter on an entry sets it.
        self.container = QToolButton(text=tr("Estimate from a sharps container…"))
        self.container.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.container.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.container_menu = QMenu(self.container)
        self.container.setMenu(self.container_menu)
        self._containers: list[tuple[str, int]] = []
        self.returned.valueChanged.connect(lambda n: n or self.estimated.setChecked(False))  # never "0 (est.)"
        self.collecting_for = QSpinBox(maximum=500)
        self.naloxone_reason = Choices()
        self.naloxone_reason.addItem("—", None)  # the program's reasons, once read
        self.naloxone_reason.currentIndexChanged.connect(lambda _n: self._say_advice())
        self._advice: list[str] = []
        self._naloxone_on_visit = False
        self.reversals = QSpinBox(maximum=100)
        self.referrals: list[QCheckBox] = []  # the program's referral types, once read
        self._referral_names: list[str] = []  # as stored (a default is shown in the user's language)
        # The label's buddy is the box around them, which hands the focus to the first: Qt clicks a
        # button that is a label's buddy, so Alt+E made a referral nobody meant.
        self.referrals_box = QWidget(focusPolicy=Qt.FocusPolicy.ClickFocus)
        self.referral_row = QGridLayout(self.referrals_box)  # REFERRAL_COLUMNS a row: wraps, never widens
        self.referral_row.setContentsMargins(0, 0, 0, 0)

        self.advice = QLabel()
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: #7a5b00;")
        self.save_button = QPushButton(tr("Save visit  (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.message = Message()
        self.message.setObjectName("message")

        # -- today
        self.today = TodayModel(self)
        self.today_view = table_view(self.today, stretch=2)
        self.today_view.setAccessibleName(tr("Today's visits here"))
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setWordWrap(True)
        self.undo_button = keyed(self, QPushButton(tr("Undo a visit…")), "Ctrl+Shift+U")
        self.undo_button.clicked.connect(self.undo_selected)
        self.undo_button.setEnabled(False)
        self.today_view.selectionModel().currentChanged.connect(self._today_selected)
        self.today.modelReset.connect(self._today_selected)
        self.tally_button = QPushButton(tr("Tally sheet…  (Ctrl+T)"))
        self.tally_button.clicked.connect(self.open_tally)

        self._lay_out()
        self._shortcuts()
        self._tab_order()
        self.location.currentIndexChanged.connect(self._location_changed)
        self.setFocusProxy(self.code)  # whoever opens the desk lands in the code field
        self.code.setFocus()

    def reload(self, changes: Changes) -> None:
        if changes & (Changes.CATALOG | Changes.SETTINGS):
            self.reload_catalog()
        elif changes & Changes.VISITS:
            self.refresh_today()

    # ---- layout ------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        top = flow_row(  # wraps at a large text size: the time stays in sight
            QLabel("<h2>" + tr("Front desk") + "</h2>"),
            (self.place, 1),
            QLabel(tr("Location (Ctrl+Shift+L)")),
            self.location,
            QLabel(tr("Time")),
            self.when,
        )

        who = QHBoxLayout()
        who.addWidget(self.code, 2)
        who.addWidget(self.last_visit, 3)
        who.addWidget(self.card_button)

        around = QGroupBox(tr("Returns, naloxone, referrals"))
        grid = QGridLayout(around)
        grid.addWidget(_buddy(tr("Used syringes &returned  (Alt+R)"), self.returned), 0, 0)
        returned = QHBoxLayout()
        returned.addWidget(self.returned)
        returned.addWidget(self.estimated)
        returned.addStretch(1)
        grid.addLayout(returned, 0, 1)
        large = preferences.large_text()
        # Under the count, the other ways to say it (a container, a weight), wrapping rather than
        # widening the screen; at a large size under its label too.
        other_ways = flow_row(self.container, self.weighed.label, self.weighed.box)
        grid.addWidget(other_ways, 1, 0 if large else 1, 1, 2 if large else 1)
        grid.addWidget(_buddy(tr("&Collecting for (other people)  (Alt+C)"), self.collecting_for), 2, 0)
        grid.addWidget(self.collecting_for, 2, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(_buddy(tr("&Naloxone refill reason  (Alt+N)"), self.naloxone_reason), 3, 0)
        grid.addWidget(self.naloxone_reason, 3, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(_buddy(tr("Overdose re&versals reported  (Alt+V)"), self.reversals), 4, 0)
        grid.addWidget(self.reversals, 4, 1, Qt.AlignmentFlag.AlignLeft)
        self.referral_row.setColumnStretch(REFERRAL_COLUMNS, 1)
        self.referrals_label = QLabel(tr("R&eferrals made  (Alt+E)"))
        self.referrals_label.setBuddy(self.referrals_box)
        grid.addWidget(self.referrals_label, 5, 0)
        if large:  # under their label: a long referral name beside it would widen the screen
            grid.addWidget(self.referrals_box, 6, 0, 1, 2)
        else:
            grid.addWidget(self.referrals_box, 5, 1)

        entry = QWidget()
        form = QVBoxLayout(entry)
        form.setContentsMargins(0, 0, 0, 0)
        form.addLayout(who)
        form.addWidget(self.item)
        form.addWidget(self.preset_hint)
        # Save and what it said right under what is typed: in sight at any text size.
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.message, 1)
        form.addLayout(save_row)
        # The visit's lines beside what comes around the handout: the list takes the height the
        # window has (a 12-line visit is in sight at 1280×720), its total per unit under it.
        lines = QVBoxLayout()
        lines.addWidget(self.lines_view, 1)
        lines.addWidget(self.lines_total)
        # Side by side, the fields around the handout scrolling in their own box rather than widen
        # the screen; one above the other at a large text size, each at its full height (side by
        # side cut the fields off at the right of a laptop's screen): the screen scrolls then,
        # following the focus.
        middle = QBoxLayout(QBoxLayout.Direction.TopToBottom if large else QBoxLayout.Direction.LeftToRight)
        middle.addLayout(lines, 1)
        if large:
            middle.addWidget(around)
            for view in (self.lines_view, self.today_view):
                view.setMinimumHeight(rows_high(view, 4))
        else:
            around_box = QScrollArea()
            around_box.setWidget(around)
            around_box.setWidgetResizable(True)
            around_box.setFrameShape(QFrame.Shape.NoFrame)
            around_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            around_box.setMinimumWidth(240)
            middle.addWidget(around_box, 1)
        form.addLayout(middle, 1)
        form.addWidget(self.advice)

        today = QWidget()
        today_layout = QVBoxLayout(today)
        today_layout.setContentsMargins(0, 0, 0, 0)
        header = FlowLayout()
        header.addWidget(self.totals, 1)
        header.addWidget(self.tally_button)
        header.addWidget(self.undo_button)
        today_layout.addLayout(header)
        today_layout.addWidget(self.today_view)

        split = QSplitter(Qt.Vertical)
        split.addWidget(entry)
        split.addWidget(today)
        split.setSizes([640, 80] if large else [520, 200])  # large text: the visit first
        layout = QVBoxLayout(self)
        layout.addWidget(top)
        layout.addWidget(split, 1)

    def _tab_order(self) -> None:
        """code → item → lines → returned → estimated → collecting for → naloxone reason → reversals →
        referrals → Save (the lines table lets Tab go on instead of walking its cells)."""
        chain = [
            self.code,
            self.item,
            self.lines_view,
            self.returned,
            self.estimated,
            self.weighed.box,
            self.collecting_for,
            self.naloxone_reason,
            self.reversals,
            *self.referrals,
            self.save_button,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.referrals_box.setFocusProxy(self.referrals[0] if self.referrals else None)

    def _shortcuts(self) -> None:
        # The desk's keys work while the desk is the screen shown, wherever the focus is (the
        # list of screens, say): a shortcut of a hidden screen is off by itself.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("F2"), self, activated=self.anonymous, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("F3"), self, activated=self.same_as_last, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+B"), self, activated=self.build_code, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.open_tally, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_card, context=Qt.WindowShortcut)
        self._scans = client_cards.ScanCatcher(self, (self.code, self.item), self.card_scanned)
        QShortcut(QKeySequence.Delete, self.lines_view, activated=self.remove_line, context=Qt.WidgetShortcut)
        for key, step in (("+", 1), ("-", -1)):
            line_key = QShortcut(QKeySequence(key), self.lines_view, context=Qt.WidgetShortcut)
            line_key.activated.connect(lambda s=step: self.step_line(s))
        QShortcut(QKeySequence("F4"), self, activated=self.pick_lot, context=Qt.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, activated=self.location.showPopup, context=Qt.WindowShortcut)
        self.lines_view.doubleClicked.connect(self.pick_lot)

    def _show_presets(self, found: list) -> None:
        for shortcut in self._preset_keys:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._presets = found[: len(PRESET_KEYS)]
        self._preset_keys = [
            QShortcut(
                QKeySequence(key),
                self,
                activated=lambda p=preset: self.add_lines(p.lines),
                context=Qt.WindowShortcut,
            )
            for key, preset in zip(PRESET_KEYS, self._presets)
        ]
        self.preset_hint.setText(
            "   ".join(f"<b>{k}</b> {p.name}" for k, p in zip(PRESET_KEYS, self._presets))
            + tr("   <b>F3</b> same as last visit")
        )

    # ---- catalog -----------------------------------------------------------------------------
    def reload_catalog(self) -> None:
        """What the desk offers: items, locations, presets and the program's lists (read when the
        screen is shown, and again when Settings or an import changes them)."""

        def read():
            return Setup(
                catalog.item_finder(self.db),
                catalog.recording_places(self.db),
                presets.list_presets(self.db),
                program.get(self.db, "sharps_sizes"),
                program.get(self.db, "referrals"),
                program.naloxone_reasons_of(self.db),
                visits.known_codes(self.db, self.user),
                program.get(self.db, "syringes_per_pound"),
                program.get(self.db, "returns_weight_unit"),
            )

        ops.run(self, read, self._show_setup, key="setup")

    def _show_setup(self, setup: Setup) -> None:
        self.finder = setup.finder
        self._items, self._by_label = setup.finder.items, setup.finder.by_label
        self._item_list.setStringList(sorted(self._by_label))
        self.lines.names = {i.id: i.name for i in self._items}
        self._code_list.setStringList(setup.codes)
        self._show_presets(setup.presets)
        self._show_locations(setup.locations)
        self.weighed.show(setup.per_pound, setup.weight_unit)
        containers = [(f"{tr(name)} (≈{holds})", holds) for name, holds in setup.sharps_sizes]
        if containers != self._containers:
            self._containers = containers
            self.container_menu.clear()
            for text, holds in containers:
                self.container_menu.addAction(text, lambda holds=holds: self._estimate(holds))
        reasons = [self.naloxone_reason.itemData(n) for n in range(1, self.naloxone_reason.count())]
        if setup.naloxone_reasons != reasons:
            while self.naloxone_reason.count() > 1:
                self.naloxone_reason.removeItem(1)
            for reason in setup.naloxone_reasons:
                self.naloxone_reason.addItem(tr(reason), reason)
        if setup.referrals != self._referral_names:  # rebuilt only when the list changed
            for box in self.referrals:
                box.deleteLater()
            self._referral_names = list(setup.referrals)
            self.referrals = [QCheckBox(tr(name)) for name in setup.referrals]
            across = 1 if preferences.large_text() else REFERRAL_COLUMNS
            for n, box in enumerate(self.referrals):
                self.referral_row.addWidget(box, n // across, n % across)
            self._tab_order()
        self.refresh_today()
        if self._waiting_item:
            self._waiting_item = False
            self._item_entered()

    def _show_locations(self, locations) -> None:
        keep = self.location.currentData()
        if keep is None and (remembered := self.settings.value("frontdesk/location")) is not None:
            keep = int(remembered)
        refill(self.location, [(label(loc), loc.id) for loc in locations], keep)
        self._show_place()

    def _show_place(self) -> None:
        self.place.setText(tr("at {x}").format(x=self.location.currentText()) if self.location.count() else "")

    # ---- actions -----------------------------------------------------------------------------
    def _code_entered(self) -> None:
        scanned = self.finder.scanned(self.code.text()) if self.finder else None
        if scanned:  # an item scanned before any code: an anonymous visit has begun
            self.code.clear()
            self.last_visit.setText(tr("Anonymous walk-in."))
            self.add_lines([Line(scanned.item.id, scanned.units)])
            return
        text = self.code.text()

        def read():
            match = visits.match_code(self.db, self.user, text)
            return match, visits.last_lines(self.db, self.user, match.code) if match.code and match.known else []

        # A code that cannot be one is said on the message line; the cursor stays in it to fix it.
        ops.run(self, read, self._show_match, key="code")

    def _show_match(self, read) -> None:
        match, last = read
        self._codes.popup().hide()
        self.code.setText(match.code or "")
        self.message.clear()
        if match.near and not self._new_or_near(match):
            return
        if match.code and not match.known:
            # A typo must not quietly become a new participant: say so before anything is saved.
            self.last_visit.setText(
                tr(
                    "<b style='color:#a4262c'>New code {match_code}</b>: never seen before. "
                    "Check the spelling with the participant."
                ).format(match_code=match.code)
            )
        elif match.code:
            names = {i.id: i.name for i in self._items}
            self.last_visit.setText(
                tr("Last visit: ")
                + ", ".join(f"{names.get(l.item_id, '?')} ×{l.quantity}" for l in last)
                + tr("  — F3 to repeat")
                if last
                else tr("Known code.")
            )
        self.item.setFocus()

    def _new_or_near(self, match) -> bool:
        """A new code one or two letters from known ones: "did you mean…?" before it becomes a
        new participant. True to go on with the new code; a known one chosen is entered instead."""
        choices = [f"{n}  {code}" for n, code in enumerate(match.near, start=1)]
        choices.append(f"{len(choices) + 1}  " + tr("{code}: a new participant").format(code=match.code))
        choice, ok = self.ask_choice(
            tr("New code?"), tr("{code} has never been seen. Did you mean:").format(code=match.code), choices
        )
        if not ok:  # Esc: back to the code to check it with the participant
            self.code.selectAll()
            self.message.error(tr("Check the code with the participant."))
            return False
        if choice == choices[-1]:
            return True
        self.code.setText(match.near[choices.index(choice)])
        self._code_entered()
        return False

    def anonymous(self) -> None:
        self.code.clear()
        self.last_visit.setText(tr("Anonymous walk-in."))
        self.item.setFocus()

    def same_as_last(self) -> None:
        text = self.code.text()

        def read() -> list[Line]:
            code = visits.match_code(self.db, self.user, text).code
            return visits.last_lines(self.db, self.user, code) if code else []

        ops.run(self, read, self._repeat, key="code")

    def _repeat(self, lines: list[Line]) -> None:
        if not lines:
            self.message.error(tr("No earlier visit for this code."))
            return
        self.add_lines(lines)

    def add_lines(self, lines: list[Line]) -> None:
        for line in lines:
            row = self.lines.add(line)
        if lines:  # the (last) line just added in sight, its scroll range made for the new rows first
            self.lines_view.updateGeometries()
            self.lines_view.scrollTo(self.lines.index(row, 0))
        self.item.setFocus()
        self._show_advice()

    def _show_lines_total(self, *_args) -> None:
        units = {i.id: i.unit for i in self._items}
        rows = self.lines.rows
        self.lines_total.setText(
            tr("Total: {x}").format(x=catalog.in_units((units.get(l.item_id, "each"), l.quantity) for l in rows))
            if rows
            else ""
        )

    def _show_advice(self) -> None:
        """Advisory limits as soon as a line is added: quiet, and never in the way of saving."""
        form = self.form()
        if not form.lines:
            self._advised(None)
            return
        ops.run(
            self,
            lambda: visits.check(self.db, form),
            self._advised,
            failed=lambda _exc: self._advised(None),  # the save says what is wrong, if anything
            key="advice",
        )

    def _advised(self, found) -> None:
        self._advice = list(found.advice) if found else []
        self._naloxone_on_visit = bool(found and found.naloxone)
        self._say_advice()

    def _say_advice(self) -> None:
        """The limits' advice, and while naloxone is on the visit with no reason chosen, the
        reason offered (funders count first kits and refills; it never stops a save)."""
        lines = list(self._advice)
        if self._naloxone_on_visit and self.naloxone_reason.currentData() is None:
            lines.append(tr("Naloxone on this visit: a first kit, or a refill and why? (Alt+N, not required)"))
        self.advice.setText("\n".join(lines))

    def _item_entered(self) -> None:
        if not self.item.text().strip():
            return  # Enter on an empty item field does nothing
        if self.finder is None:
            self._waiting_item = True
            return
        if self.finder.scanned(self.item.text()) is None and self._known(self.item.text()):
            text = self.item.text()
            self.item.clear()
            self.card_scanned(text)
            return
        found, quantity, text = self.finder.find_counted(self.item.text())
        if found is None:
            self._item_completer.popup().hide()
            found, asked = pick_item(self, self.finder, text)
            if found is None and asked:
                return  # the list was closed (Esc): back in the field as typed
        if found is None:
            self.message.error(
                tr("No item matches “{text}”: type part of its name or SKU, or scan it.").format(text=text)
            )
            return
        if ops.attempt(self, lambda: check_units(quantity * found.units, tr("a quantity")) or True) is None:
            return
        self.item.clear()
        self._item_completer.popup().hide()  # the line is in: the list of names goes with it
        self.message.clear()
        self.add_lines([Line(found.item.id, quantity * found.units)])

    def _line_row(self) -> int | None:
        """The line in hand: the one selected, else the one the cursor is on."""
        selected = self.lines_view.selectionModel().selectedIndexes()
        index = selected[0] if selected else self.lines_view.currentIndex()
        return index.row() if index.isValid() else None

    def remove_line(self) -> None:
        if (row := self._line_row()) is not None:
            self.lines.set_quantity(row, 0)

    def step_line(self, step: int) -> None:
        """+ or − on a line: one more or one fewer (none takes the line off)."""
        if (row := self._line_row()) is not None:
            self.lines.set_quantity(row, self.lines.rows[row].quantity + step)

    def ask_choice(self, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
        return ask_choice(self, title, label, choices)

    def _estimate(self, holds: int) -> None:
        self.weighed.clear()  # a container's estimate, not a weight's
        self.returned.setValue(holds)
        self.estimated.setChecked(True)

    def build_code(self) -> None:
        ops.run(self, lambda: program.code_scheme(self.db), self._build_code)

    def _build_code(self, scheme) -> None:
        from hrsupply.ui.code_builder import CodeBuilderDialog

        dialog = CodeBuilderDialog(scheme, self)
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
            returned_grams=self.weighed.grams(),
            collecting_for=self.collecting_for.value(),
            naloxone_reason=self.naloxone_reason.currentData(),
            reversals_reported=self.reversals.value(),
            referrals=[name for name, box in zip(self._referral_names, self.referrals) if box.isChecked()],
        )

    def save(self, *, confirmed: bool = False) -> None:
        form = self.form()
        if not form.lines and not (
            form.syringes_returned or form.reversals_reported or form.referrals or form.naloxone_reason
        ):
            self.message.error(tr("Nothing to save yet: add an item, a return or a referral."))
            return
        if ops.busy(self, "save"):
            return  # Ctrl+Enter twice is one visit

        def refused(exc) -> None:
            # The save's own availability rule found less on the shelf than is handed out.
            if isinstance(exc, visits.ShortfallNotConfirmed):
                if self._confirm_shortfall(exc.shortfalls):
                    self.save(confirmed=True)
            else:
                self.message.error(str(exc))

        ops.run(
            self,
            lambda: visits.record(self.db, self.user, form, confirm_shortfall=confirmed),
            lambda _visit_id: self._saved(form),
            failed=refused,
            changes=Changes.VISITS | Changes.STOCK,
            key="save",
            # Past a moment (another workstation's import holding the database), the window waits
            # visibly: typing the next visit into a form about to be cleared would lose it.
            busy=tr("Saving the visit…"),
        )

    def _saved(self, form: VisitForm) -> None:
        code = program.normalize_code(form.participant)
        who = code or tr("an anonymous participant")
        said = tr("Saved: visit for {who} at {form_occurred_at:%H:%M}.").format(
            who=who, form_occurred_at=form.occurred_at
        )
        if code and not self._known(code):  # a new participant: their card is one key away
            said += " " + tr("A new participant: Ctrl+P prints their client card.")
        self._last_code = code
        self.message.ok(said)
        self.clear()

    def _confirm_shortfall(self, shortfalls) -> bool:
        box = QMessageBox(
            QMessageBox.Question,
            tr("Records show less stock"),
            tr("The records show less than you are handing out:")
            + "\n\n"
            + "\n".join(f"• {s}" for s in shortfalls)
            + "\n\n"
            + tr("Save anyway? The difference is recorded as found stock for the supply lead to review."),
            parent=self,
        )
        save = box.addButton(tr("Save anyway"), QMessageBox.AcceptRole)
        box.addButton(tr("Go back"), QMessageBox.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return box.clickedButton() is save

    def clear(self) -> None:
        self.code.clear()
        self.last_visit.clear()
        self.item.clear()
        self.lines.set_rows([])
        self._advised(None)
        for spin in (self.returned, self.collecting_for, self.reversals):
            spin.setValue(0)
        self.estimated.setChecked(False)
        self.weighed.clear()
        self.naloxone_reason.setCurrentIndex(0)
        for box in self.referrals:
            box.setChecked(False)
        self._live_clock = True
        self._tick()
        ops.run(self, lambda: visits.known_codes(self.db, self.user), self._code_list.setStringList, key="codes")
        self.code.setFocus()

    def keyPressEvent(self, event) -> None:
        """Esc (that no field, list or editor kept for itself) starts the visit over: at once
        when only a code is typed, after asking when lines or figures would be lost."""
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
            return
        form = self.form()
        typed = len(form.lines) + form.syringes_returned + form.reversals_reported + len(form.referrals)
        if typed and not self.ask_yes_no(
            tr("Start over"),
            tr("Clear this visit? {x} and the figures typed are not saved.").format(
                x=counted(len(form.lines), tr("line"), tr("lines"))
            ),
            default_yes=False,
        ):
            return
        self.message.clear()
        self.clear()

    def open_tally(self) -> None:
        from hrsupply.ui.tally_entry import TallyEntryDialog

        locations = [(self.location.itemText(n), self.location.itemData(n)) for n in range(self.location.count())]
        referrals = list(self._referral_names)
        dialog = TallyEntryDialog(self.db, self.user, self.location.currentData(), locations, referrals, self)
        if dialog.exec():
            self.message.ok(tr("Tally sheet saved."))

    def _location_changed(self) -> None:
        self._show_place()
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
