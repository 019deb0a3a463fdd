"""Tally sheet: print a blank one for outreach, then type in a shift's totals (Tab between boxes)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
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

from hrsupply.services import catalog, program
from hrsupply.services.errors import UserError
from hrsupply.services.tally import TallyForm, record_tally, tally_items, write_tally_sheet
from hrsupply.services.visits import Line


def _spin(maximum: int = 100_000) -> QSpinBox:
    spin = QSpinBox(maximum=maximum)
    spin.setMinimumWidth(90)
    return spin


class TallyEntryDialog(QDialog):
    def __init__(self, db, user: str, location_id: int | None = None, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.setWindowTitle("Tally sheet")
        self.resize(720, 760)
        self.location = QComboBox()
        for loc in catalog.locations(db):
            self.location.addItem(f"{loc.name} ({loc.code})", loc.id)
        if location_id is not None:
            self.location.setCurrentIndex(max(0, self.location.findData(location_id)))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd MMM d yyyy")
        self.print_button = QPushButton("Save a blank sheet as PDF…")
        self.print_button.clicked.connect(self.save_blank_sheet)

        self.visits = _spin(10_000)
        self.returned = _spin()
        self.reversals = _spin(1_000)
        self.naloxone = {reason: _spin(1_000) for reason in program.NALOXONE_REASONS}
        self.referrals = {name: _spin(1_000) for name in program.get(db, "referrals")}
        self.items: dict[int, QSpinBox] = {}
        self.items_box = QWidget()
        self.items_form = QFormLayout(self.items_box)
        self._fill_items()
        self.location.currentIndexChanged.connect(self._fill_items)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton("Save tallies")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        top = QHBoxLayout()
        top.addWidget(QLabel("Location"))
        top.addWidget(self.location, 1)
        top.addWidget(QLabel("Shift date"))
        top.addWidget(self.day)
        top.addWidget(self.print_button)
        counts = QGroupBox("Visits, returns, naloxone, referrals")
        counts_form = QFormLayout(counts)
        counts_form.addRow("Visits", self.visits)
        counts_form.addRow("Used syringes returned", self.returned)
        counts_form.addRow("Overdose reversals reported", self.reversals)
        for reason, spin in self.naloxone.items():
            counts_form.addRow(f"Naloxone refill: {reason}", spin)
        for name, spin in self.referrals.items():
            counts_form.addRow(f"Referral: {name}", spin)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        items_group = QGroupBox("Handed out")
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

    def _fill_items(self) -> None:
        while self.items_form.rowCount():
            self.items_form.removeRow(0)
        self.items = {}
        for item in tally_items(self.db, self.location.currentData()):
            spin = _spin()
            self.items[item.id] = spin
            self.items_form.addRow(f"{item.name} ({item.unit})", spin)

    def form(self) -> TallyForm:
        return TallyForm(
            location_id=self.location.currentData(),
            day=self.day.date().toPython(),
            visits=self.visits.value(),
            lines=[Line(item_id, spin.value()) for item_id, spin in self.items.items() if spin.value()],
            syringes_returned=self.returned.value(),
            reversals_reported=self.reversals.value(),
            naloxone_reasons={r: s.value() for r, s in self.naloxone.items() if s.value()},
            referrals={r: s.value() for r, s in self.referrals.items() if s.value()},
        )

    def save(self) -> None:
        try:
            made = record_tally(self.db, self.user, self.form())
        except UserError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(f"Saved {len(made)} visits from the tally sheet.")
        self.accept()

    def save_blank_sheet(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Save tally sheet", "tally-sheet.pdf", "PDF (*.pdf)")
        if path:
            write_tally_sheet(self.db, self.location.currentData(), self.day.date().toPython(), path)
            self.message.setText(f"Tally sheet saved to {path}. Print it from your PDF viewer.")
