"""Tally sheet: print a blank one for outreach, then type in a shift's totals (Tab between boxes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import tr
from hrsupply.services import program
from hrsupply.services.catalog import with_unit
from hrsupply.services.tally import TallyForm, record_tally, tally_items, write_tally_sheet
from hrsupply.services.visits import Line
from hrsupply.ui import ops
from hrsupply.ui.front_desk_weight import WeighedReturns
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import AsksFirst
from hrsupply.ui.widgets import Choices, Message


class _EnterMovesOn(QObject):
    """Enter in a box goes to the next box (the dialog's default button would save instead)."""

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            watched.window().focusNextChild()
            return True
        return False


_ENTER_MOVES_ON = None


def _spin(maximum: int = 100_000) -> QSpinBox:
    global _ENTER_MOVES_ON
    if _ENTER_MOVES_ON is None:
        _ENTER_MOVES_ON = _EnterMovesOn()
    spin = QSpinBox(maximum=maximum)
    spin.installEventFilter(_ENTER_MOVES_ON)
    spin.setMinimumWidth(90)
    return spin


class TallyEntryDialog(AsksFirst, Remembers, QDialog):
    """`locations`: (label, id) pairs; `referrals`: the program's referral types (the front desk
    has both at hand, so the dialog opens without a query)."""

    def __init__(
        self,
        db,
        user: str,
        location_id: int | None,
        locations: list[tuple[str, int]],
        referrals: list[str],
        parent=None,
    ):
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle(tr("Tally sheet"))
        self.resize(720, 640)
        self.location = Choices()
        for label, loc_id in locations:
            self.location.addItem(label, loc_id)
        if location_id is not None:
            self.location.setCurrentIndex(max(0, self.location.findData(location_id)))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd MMM d yyyy")
        self.print_button = QPushButton(tr("Print a blank sheet…"))
        self.print_button.clicked.connect(self.save_blank_sheet)

        self.visits = _spin(10_000)
        self.returned = _spin()
        self.reversals = _spin(1_000)
        self.naloxone = {reason: _spin(1_000) for reason in program.naloxone_reasons_of(db)}  # one small read
        self.weighed = WeighedReturns(self.returned)  # the van's sharps weighed at the close of the shift
        self.weighed.show(program.get(db, "syringes_per_pound"), program.get(db, "returns_weight_unit"))
        self.referrals = {name: _spin(1_000) for name in referrals}
        self.items: dict[int, QSpinBox] = {}
        self.items_box = QWidget()
        self.items_form = QFormLayout(self.items_box)
        self._fill_items()
        self.location.currentIndexChanged.connect(self._fill_items)

        self.message = Message()
        self.message.setObjectName("message")
        # Enter moves to the next box, as in a spreadsheet; only Ctrl+Enter or the button saves
        # (a habitual Enter once posted a half-typed shift as visits).
        self.save_button = QPushButton(tr("Save tallies  (Ctrl+Enter)"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Location")))
        top.addWidget(self.location, 1)
        top.addWidget(QLabel(tr("Shift date")))
        top.addWidget(self.day)
        top.addWidget(self.print_button)
        counts = QGroupBox(tr("Visits, returns, naloxone, referrals"))
        counts_form = QFormLayout(counts)
        counts_form.addRow(tr("Visits"), self.visits)
        counts_form.addRow(tr("Used syringes returned"), self.returned)
        counts_form.addRow(self.weighed.label, self.weighed.box)
        counts_form.addRow(tr("Overdose reversals reported"), self.reversals)
        for reason, spin in self.naloxone.items():
            counts_form.addRow(tr("Naloxone refill: {reason}").format(reason=tr(reason)), spin)
        for name, spin in self.referrals.items():
            counts_form.addRow(tr("Referral: {name}").format(name=tr(name)), spin)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        items_group = QGroupBox(tr("Handed out"))
        QVBoxLayout(items_group).addWidget(self.items_box)
        body_layout.addWidget(items_group)
        body_layout.addWidget(counts)
        scroll.setWidget(body)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    def _fill_items(self, *_args) -> None:
        where = self.location.currentData()
        ops.run(self, lambda: tally_items(self.db, where), self._show_items, key="items")

    def _show_items(self, items) -> None:
        while self.items_form.rowCount():
            self.items_form.removeRow(0)
        self.items = {}
        for item in items:
            spin = _spin()
            self.items[item.id] = spin
            self.items_form.addRow(with_unit(item.name, item.unit), spin)

    def form(self) -> TallyForm:
        return TallyForm(
            location_id=self.location.currentData(),
            day=self.day.date().toPython(),
            visits=self.visits.value(),
            lines=[Line(item_id, spin.value()) for item_id, spin in self.items.items() if spin.value()],
            syringes_returned=self.returned.value(),
            returned_grams=self.weighed.grams(),
            reversals_reported=self.reversals.value(),
            naloxone_reasons={r: s.value() for r, s in self.naloxone.items() if s.value()},
            referrals={r: s.value() for r, s in self.referrals.items() if s.value()},
        )

    def keyPressEvent(self, event) -> None:
        # Ctrl+Enter from a box (a box takes the shortcut's key for itself): save.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            return  # a plain Enter never closes the sheet
        super().keyPressEvent(event)

    def save(self) -> None:
        if ops.busy(self, "save"):
            return
        form = self.form()
        units = sum(line.quantity for line in form.lines)
        if not self.moves_many(units, tr("The tally sheet hands out")):
            return

        def saved(made) -> None:
            self.message.ok(tr("Saved {n} visits from the tally sheet.").format(n=len(made)))
            self.accept()

        ops.run(
            self,
            lambda: record_tally(self.db, self.user, form),
            saved,
            changes=Changes.VISITS | Changes.STOCK,
            key="save",
        )

    def save_blank_sheet(self, path: str | None = None) -> None:
        """A blank tally sheet in the print preview (Print…, Save as PDF…); given `path`, saved
        there instead."""
        from hrsupply.ui.pdf_preview import scratch

        target = Path(path) if path else scratch(self) / "tally-sheet.pdf"
        where, day = self.location.currentData(), self.day.date().toPython()
        ops.run(
            self,
            lambda: write_tally_sheet(self.db, where, day, str(target)),
            lambda _r: (
                self.message.ok(tr("Tally sheet saved to {target}.").format(target=target))
                if path
                else self.preview(target)
            ),
            busy=tr("Writing the tally sheet…"),
        )

    def preview(self, path: Path) -> None:
        """A test replaces this to read the file instead."""
        from hrsupply.ui.pdf_preview import show

        show(self, path, tr("Tally sheet"))
