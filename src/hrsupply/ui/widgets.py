"""Small pieces several screens share: the item field that takes typing or a scan, location
and source pickers, the red/green message line, and the list-and-form tab of Settings."""

from __future__ import annotations

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrsupply.services import catalog
from hrsupply.services.errors import UserError


class ItemField(QLineEdit):
    """Type part of a name or SKU, or scan a barcode, then Enter: emits `picked(Match)`.
    "3 box" or "3 syr" first gives a count; a pack barcode counts as its pack."""

    picked = Signal(object, int)  # (catalog.Match, count)
    not_found = Signal(str)

    def __init__(self, db, placeholder: str = "Item: type or scan, then Enter", parent=None):
        super().__init__(parent, placeholderText=placeholder)
        self.db = db
        self._labels = QStringListModel(self)
        completer = QCompleter(self._labels, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.setCompleter(completer)
        self.returnPressed.connect(self._entered)
        self.reload()

    def reload(self) -> None:
        self.finder = catalog.item_finder(self.db)
        self._labels.setStringList(sorted(self.finder.by_label))

    def _entered(self) -> None:
        match, count, text = self.finder.find_counted(self.text())
        if match is None:
            self.not_found.emit(text)
            return
        self.clear()
        self.picked.emit(match, count)


CODE_ROLE = Qt.UserRole + 1


def location_combo(db, kinds: tuple[str, ...] | None = None) -> QComboBox:
    """Locations by name; `currentData()` is the id, `currentData(CODE_ROLE)` the code."""
    combo = QComboBox()
    for loc in catalog.locations(db):
        if kinds is None or loc.kind in kinds:
            combo.addItem(f"{loc.name} ({loc.code})", loc.id)
            combo.setItemData(combo.count() - 1, loc.code, CODE_ROLE)
    return combo


class Message(QLabel):
    """One line under a form: what went wrong (every problem, one per line) or what was saved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)

    def error(self, text: str) -> None:
        self.setStyleSheet("color: #9b1c1c;")
        self.setText(str(text))

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


class SimpleTab(QWidget):
    """A list on the left and a small form on the right, for locations and sources."""

    saved = Signal()

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.list = QListWidget()
        self.form = QFormLayout()
        new, save = QPushButton("New"), QPushButton("Save")
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
        self.list.currentItemChanged.connect(lambda entry, _p: entry and self.show(entry.data(Qt.UserRole)))
        new.clicked.connect(lambda: (self.list.clearSelection(), self.show(None)))
        save.clicked.connect(self._save)
        self._id = None

    def _save(self) -> None:
        try:
            self.save()
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.reload()
        self.message.ok("Saved.")
        self.saved.emit()
