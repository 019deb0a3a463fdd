"""Supply tab: shelf labels with each item's barcode, ticked and printed on a sheet of labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from hrsupply.i18n import tr
from hrsupply.services import labels
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.widgets import Message, keyed


class LabelsTab(Screen):
    listens = Changes.CATALOG

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.list = QListWidget()
        self.copies = QSpinBox(minimum=1, maximum=300, value=1)
        self.skip = QSpinBox(minimum=0, maximum=labels.PER_SHEET - 1)
        self.save_button = keyed(self, QPushButton(tr("Print labels…")), "Ctrl+P")
        self.message = Message()
        form = QFormLayout()
        form.addRow(tr("Copies of each label"), self.copies)
        form.addRow(tr("Labels already used on the sheet"), self.skip)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Tick the labels to print (Avery 5160 / 8160, US Letter, 30 per sheet).")))
        self.all_button, self.none_button = QPushButton(tr("Tick all")), QPushButton(tr("Tick none"))
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        layout.addLayout(ticks)
        layout.addWidget(self.list, 1)
        self.all_button.clicked.connect(lambda: self.tick_all(True))
        self.none_button.clicked.connect(lambda: self.tick_all(False))
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self.save)
        self._labels: list = []

    def reload(self, changes: Changes = Changes.CATALOG) -> None:
        ops.run(self, lambda: labels.labels_for(self.db), self._show, key="load")

    def _show(self, found: list) -> None:
        self.list.clear()
        self._labels = found
        for label in self._labels:
            entry = QListWidgetItem(f"{label.name} — {label.what}   [{label.code}]")
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.Unchecked)
            self.list.addItem(entry)

    def tick_all(self, on: bool) -> None:
        for n in range(self.list.count()):
            self.list.item(n).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[labels.Label]:
        return [label for n, label in enumerate(self._labels) if self.list.item(n).checkState() == Qt.Checked]

    def preview(self, path: Path) -> None:
        """A test replaces this to read the file instead."""
        from hrsupply.ui.pdf_preview import show

        show(self, path, tr("Shelf labels"))

    def save(self) -> None:
        """The ticked labels in the print preview (Print…, Save as PDF…)."""
        from hrsupply.ui.pdf_preview import scratch

        chosen = self.chosen()
        if not chosen:
            self.message.error(tr("Tick at least one label."))
            return
        path = scratch(self) / "shelf-labels.pdf"
        copies, skip = self.copies.value(), self.skip.value()

        def written(pages: int) -> None:
            self.message.ok(
                tr("{pages} sheet{x} of labels ready to print.").format(pages=pages, x="s" if pages > 1 else "")
            )
            self.preview(path)

        ops.run(
            self,
            lambda: labels.write_labels(path, chosen, copies=copies, skip=skip),
            written,
            busy=tr("Writing the labels…"),
        )
