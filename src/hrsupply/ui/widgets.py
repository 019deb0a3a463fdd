"""Small pieces several screens share: the item field that takes typing or a scan, location
and source pickers, the red/green message line, the small editable tables and the list-and-form
tab of Settings, and the keys that add a preset at the front desk."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import no_tab_trap

# The front desk's preset keys: the first preset in the program's order is F5, the next F6, …
PRESET_KEYS = ("F5", "F6", "F7", "F8")


def _catalog():
    from hrsupply.services import catalog  # off the UI thread: the window paints before it loads

    return catalog


class ItemField(QLineEdit):
    """Type part of a name or SKU, or scan a barcode, then Enter: emits `picked(Match)`.
    "3 box" or "3 syr" first gives a count; a pack barcode counts as its pack. Its screen calls
    `reload()` when it is shown and when the catalog changes."""

    picked = Signal(object, int)  # (catalog.Match, count)
    not_found = Signal(str)

    def __init__(self, db, placeholder: str = "", parent=None):
        super().__init__(parent, placeholderText=placeholder or tr("Item: type or scan, then Enter"))
        self.db = db
        self._labels = QStringListModel(self)
        completer = QCompleter(self._labels, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.setCompleter(completer)
        self.returnPressed.connect(self._entered)
        self.finder = None
        self._waiting = False  # Enter came before the catalog: answered when it arrives
        self.first = None  # a screen's own reading of what was typed, asked first: True if it took it

    def reload(self) -> None:
        ops.run(self, lambda: _catalog().item_finder(self.db), self._loaded, key="finder")

    def ask_choice(self, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
        return ask_choice(self, title, label, choices)

    def _loaded(self, finder) -> None:
        self.finder = finder
        self._labels.setStringList(sorted(finder.by_label))
        if self._waiting:
            self._waiting = False
            self._entered()

    def _entered(self) -> None:
        if not self.text().strip():
            return  # Enter on an empty field does nothing
        if self.finder is None:
            self._waiting = True
            return
        if self.first is not None and self.first(self.text()):
            self.clear()
            return
        match, count, text = self.finder.find_counted(self.text())
        if match is None:
            match, asked = pick_item(self, self.finder, text)
            if match is None and asked:
                return  # the list was closed: back to the field, nothing to say
        if match is None:
            self.not_found.emit(text)
            return
        self.clear()
        self.picked.emit(match, count)


def pick_item(parent: QWidget, finder, text: str) -> tuple[object | None, bool]:
    """When a text means several items ("syr": four syringes), a list to pick from: arrows and
    Enter, or the number in front of one. (the Match or None, whether a list was shown): None
    after a list means it was closed, not that nothing matched."""
    options = finder.candidates(text)
    if len(options) < 2:
        return None, False
    choices = [f"{n}  {item.name} ({item.sku})" for n, item in enumerate(options, start=1)]
    choice, ok = parent.ask_choice(
        tr("Which item?"), tr("“{text}” matches {n} items:").format(text=text, n=len(options)), choices
    )
    if not ok:
        return None, True
    return _catalog().Match(options[choices.index(choice)]), True


class PickList(QDialog):
    """Every choice in sight, the list as wide as its longest entry (within the screen): arrows
    and Enter, or the number in front of one, which picks it at once (a 1 among 12 choices
    waits for the next digit)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, choices: list[str]):
        super().__init__(parent, windowTitle=title)
        self.choices = choices
        self.list = QListWidget()
        self.list.addItems(choices)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        caption = QLabel(label)
        caption.setBuddy(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        metrics = self.list.fontMetrics()
        room = self.screen().availableGeometry() if self.screen() else None
        wide = max(metrics.horizontalAdvance(c) for c in choices) + 48
        high = metrics.height() * (len(choices) + 1) + 16
        if room is not None:
            wide, high = min(wide, room.width() * 9 // 10), min(high, room.height() * 6 // 10)
        self.list.setMinimumSize(max(wide, 240), high)
        self._digits = ""
        self.list.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.text().isdigit():
            self._digits += event.text()
            numbers = [c.split(None, 1)[0] for c in self.choices]
            starting = [n for n, number in enumerate(numbers) if number.startswith(self._digits)]
            if not starting:
                self._digits = event.text() if any(x.startswith(event.text()) for x in numbers) else ""
                return True
            self.list.setCurrentRow(starting[0])
            if len(starting) == 1 and numbers[starting[0]] == self._digits:
                self.accept()
            return True
        return False

    @property
    def chosen(self) -> str:
        return self.choices[self.list.currentRow()]


def ask_choice(parent: QWidget, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
    """A list to choose from (PickList); (the choice, whether one was chosen). A test replaces a
    screen's `ask_choice`."""
    dialog = PickList(parent, title, label, choices)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.chosen, ok


KEY_NAMES = {"Return": QT_TR_NOOP("Enter"), "Enter": QT_TR_NOOP("Enter"), "Shift": QT_TR_NOOP("Shift")}


def key_name(keys: str) -> str:
    """A key as the keyboard's own caps say it: "Ctrl+Enter", "Ctrl+Intro" in Spanish."""
    return "+".join(tr(KEY_NAMES[part]) if part in KEY_NAMES else part for part in keys.split("+"))


def keyed(owner: QWidget, button: QAbstractButton, *keys: str) -> QAbstractButton:
    """`button` answers `keys` while `owner` (its screen or tab) is shown, wherever the focus is
    on it, and says so on its face: "Post count  (Ctrl+Enter)". A disabled button stays still."""
    button.setText(f"{button.text()}  ({key_name(keys[0])})")
    button.setProperty("keys", keys[0])
    for key in keys:
        shortcut = QShortcut(QKeySequence(key), owner, context=Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: button.isEnabled() and button.isVisible() and button.click())
    return button


SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # the main action of a form, as at the front desk


def said(text: str) -> str:
    """A service's message as a sentence on screen: "this was already loaded…" → "This was
    already loaded….". Services word errors to follow "error: " at the command line."""
    lines = [line[:1].upper() + line[1:] for line in text.split("\n")]
    return "\n".join(line + "." if line[-1:].isalnum() else line for line in lines)


def counted(n: int, one: str, many: str) -> str:
    """ "1 visit", "2 visits": a figure with its word, as people say it (the words in the
    user's language: counted(n, tr("visit"), tr("visits")))."""
    return f"{n:,} {one if n == 1 else many}"


class Choices(QComboBox):
    """Every drop-down list of the app. Filled once its data arrives (off the UI thread), it sizes
    itself to its entries then, not to the empty list it was when first shown; but never wider
    than WIDEST characters: a long name ("Mobile health van two, the night route along…") is cut
    short in the box, whole in its tooltip and in the open list, and never widens the window."""

    WIDEST = 36

    def __init__(self, **kwargs):
        super().__init__(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents, **kwargs)
        self.currentIndexChanged.connect(lambda _: self.setToolTip(self.currentText()))
        # Its open list's frame is a window of its own to a screen reader: named, not a blank "filler".
        self.view().parentWidget().setAccessibleName(tr("List of choices"))

    def _capped(self, size):
        cap = self.fontMetrics().averageCharWidth() * self.WIDEST + 48  # the arrow and the frame
        size.setWidth(min(size.width(), cap))
        return size

    def sizeHint(self):
        return self._capped(super().sizeHint())

    def minimumSizeHint(self):
        return self._capped(super().minimumSizeHint())

    def showPopup(self) -> None:
        view = self.view()  # the open list shows each name whole, up to the screen's width
        room = self.screen().availableGeometry().width() - 40
        view.setMinimumWidth(min(view.sizeHintForColumn(0) + 32, room))
        super().showPopup()


CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def label(loc) -> str:
    """How a location is named in every list: "Fixed site (SITE)"."""
    return f"{loc.name} ({loc.code})"


def location_combo(db, kinds: tuple[str, ...] | None = None, *, own: bool = False) -> QComboBox:
    """Locations by name; `currentData()` is the id, `currentData(CODE_ROLE)` the code. Filled
    off the UI thread; `fill_locations` fills it again (the catalog changed). `own`: where work is
    recorded here (on a van laptop, its own location only)."""
    combo = Choices()
    combo.kinds, combo.own = kinds, own
    fill_locations(combo, db)
    return combo


def refill(combo: QComboBox, entries, keep=None) -> None:
    """Fill a list again with (text, data) or (text, data, code) entries, the choice staying
    where it was (or on `keep`), quietly: filling is not the user choosing."""
    keep = combo.currentData() if keep is None else keep
    combo.blockSignals(True)
    combo.clear()
    for text, data, *code in entries:
        combo.addItem(text, data)
        if code:
            combo.setItemData(combo.count() - 1, code[0], CODE_ROLE)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


def fill_locations(combo: QComboBox, db, then=None) -> None:
    """(Re)fill a location_combo, keeping the current choice; `then()` after."""

    def fill(locations) -> None:
        kinds = combo.kinds
        refill(combo, [(label(loc), loc.id, loc.code) for loc in locations if kinds is None or loc.kind in kinds])
        if then is not None:
            then()

    places = _catalog().recording_places if combo.own else _catalog().locations
    ops.run(combo, lambda: places(db), fill, key="locations")


class Message(QLabel):
    """One line under a form: what went wrong (every problem, one per line) or what was saved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setAccessibleName(tr("Message"))  # heard as such before what it says, even when empty

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #9b1c1c;")
        self.setText(said(str(text)))

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1d6b32;")
        self.setText(text)


def month_to_date() -> tuple[QDateEdit, QDateEdit]:
    """From and to pickers set to this month so far: where a supply lead's questions usually start."""
    today = QDate.currentDate()
    start = QDateEdit(QDate(today.year(), today.month(), 1), calendarPopup=True, displayFormat="yyyy-MM-dd")
    return start, QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")


def note(text: str) -> QLabel:
    """A line of explanation above a table; it wraps instead of widening the window."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _value(field):
    if hasattr(field, "rows"):  # an EditGrid
        return field.rows()
    if hasattr(field, "isChecked"):
        return field.isChecked()
    if hasattr(field, "currentText"):
        return field.currentText()
    return field.text()


def said_then(message: Message, then):
    """A refusal said on the message line, then `then()`."""

    def failed(exc) -> None:
        message.error(str(exc))
        if then is not None:
            then()

    return failed


class KeepsEdits:
    """For a list-and-form tab: moving to another entry (or New) with edits not saved asks to
    save or discard them; they used to vanish. `fields` are the form's inputs; the tab calls
    `shown()` once an entry is in the form and implements `save(then, refused) -> bool`."""

    fields: tuple = ()
    _clean: list | None = None

    def shown(self) -> None:
        self._clean = [_value(f) for f in self.fields]

    def edited(self) -> bool:
        return self._clean is not None and [_value(f) for f in self.fields] != self._clean

    def leave(self, go, back) -> None:
        """`go()` to the other entry, after asking if there are edits; else `back()` to this one
        (the list's selection has moved already)."""
        if not self.edited():
            go()
            return
        answer = self.ask_unsaved()
        if answer == "discard":
            go()
        elif answer != "save" or not self.save(then=go, refused=back):
            back()

    def ask_unsaved(self) -> str:
        """ "save", "discard" or "cancel" (a test replaces it with its answer)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Question, tr("Unsaved changes"), tr("Save the changes to this entry first?"), parent=self
        )
        buttons = {
            box.addButton(QMessageBox.Save): "save",
            box.addButton(QMessageBox.Discard): "discard",
            box.addButton(QMessageBox.Cancel): "cancel",
        }
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def back(self) -> None:
        """Put the list's selection back on the entry in the form (none for a new one), quietly."""
        self.list.blockSignals(True)
        rows = [n for n in range(self.list.count()) if self.list.item(n).data(Qt.ItemDataRole.UserRole) == self._id]
        self.list.setCurrentRow(rows[0] if rows and self._id is not None else -1)
        self.list.blockSignals(False)


class SimpleTab(KeepsEdits, Screen):
    """A list on the left and a small form on the right, for locations and sources."""

    listens = Changes.CATALOG

    saved = Signal()

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.list = QListWidget()
        self.form = QFormLayout()
        new, save = QPushButton(tr("New")), QPushButton(tr("Save"))
        self.message = Message()
        right = QVBoxLayout()
        right.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(save)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)
        self.list.currentItemChanged.connect(self._selected)
        new.clicked.connect(lambda: self.leave(self.new_entry, self.back))
        save.clicked.connect(lambda: self.save())
        self._id = None

    def _selected(self, entry, _previous) -> None:
        if entry is not None:
            self.leave(lambda: self._open(entry.data(Qt.ItemDataRole.UserRole)), self.back)

    def new_entry(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._open(None)

    def _open(self, entry_id) -> None:
        self.show(entry_id)
        self.shown()

    def save(self, then=None, refused=None) -> bool:
        """Save the form (read here, saved off the UI thread); `then()` once saved, `refused()`
        if the save is refused. False if the form has something wrong (said on the message line)."""
        work = ops.attempt(self, self.save_work)
        if work is None:
            return False

        def saved(saved_id) -> None:
            self._id = saved_id
            self.shown()
            self.message.ok(tr("Saved."))
            self.saved.emit()
            if then is not None:
                then()

        ops.run(self, work, saved, failed=said_then(self.message, refused), changes=self.listens)
        return True

    def save_work(self):
        """Read the form (here, on the UI thread) and return the call that saves it, returning its id."""
        raise NotImplementedError


class EditGrid(QGroupBox):
    """A small editable table of text cells with Add and Remove; blank rows are ignored."""

    def __init__(self, title: str, columns: tuple[str, ...], parent=None):
        super().__init__(title, parent)
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([tr(c) for c in columns])  # marked QT_TR_NOOP by the caller
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        no_tab_trap(self.table)
        add, remove = QPushButton(tr("Add")), QPushButton(tr("Remove"))
        add.setAccessibleName(tr("Add a row to {x}").format(x=title))  # a tab may hold several grids
        remove.setAccessibleName(tr("Remove the selected row of {x}").format(x=title))
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_rows(self, rows: list[list]) -> None:
        self.table.setRowCount(0)
        for values in rows:
            n = self.table.rowCount()
            self.table.insertRow(n)
            for col, value in enumerate(values):
                self.table.setItem(n, col, QTableWidgetItem("" if value is None else str(value)))

    def rows(self) -> list[list[str]]:
        out = []
        for n in range(self.table.rowCount()):
            values = [
                (self.table.item(n, c).text().strip() if self.table.item(n, c) else "")
                for c in range(self.table.columnCount())
            ]
            if any(values):
                out.append(values)
        return out
