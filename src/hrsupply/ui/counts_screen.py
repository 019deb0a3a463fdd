"""Counts: start a stock take of a location, print the count sheet, type the figures (each is saved
as it is typed, so closing the app loses nothing), review the differences and post."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, counts, program
from hrsupply.services.counts import CountInfo, CountRow
from hrsupply.ui import ops
from hrsupply.ui.flow import FlowLayout
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import SAVE_KEYS, Choices, ItemField, Message, fill_locations, keyed, location_combo

DIFFERENT = QBrush(QColor("#fde2e1"))
UNCOUNTED = QBrush(QColor("#f3f4f6"))
ALL_ITEMS, CHOSEN = QT_TR_NOOP("All items"), QT_TR_NOOP("Chosen items…")


class CountLinesModel(ColumnsModel):
    """A count's lines. Counted and Reason are typed in place and saved at once; Expected and
    Difference stay hidden during a blind count until the review."""

    COLUMNS = (
        QT_TR_NOOP("Item"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Expiry"),
        QT_TR_NOOP("Expected"),
        QT_TR_NOOP("Counted"),
        QT_TR_NOOP("Difference"),
        QT_TR_NOOP("Reason"),
    )
    COUNTED, REASON = COLUMNS.index("Counted"), COLUMNS.index("Reason")
    EXPECTED = {COLUMNS.index("Expected"), COLUMNS.index("Difference")}  # hidden in a blind count
    FIGURES = EXPECTED | {COUNTED}
    saved = Signal()
    failed = Signal(str)

    def __init__(self, db, user: str, owner: QWidget):
        super().__init__(owner)
        self.db, self.user, self.owner = db, user, owner
        self.editable = True
        self.hide_expected = False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r: CountRow = self.rows[index.row()]
        col = index.column()
        hidden = self.hide_expected and col in self.EXPECTED
        if role == Qt.ItemDataRole.DisplayRole:
            if hidden:
                return "—"
            lot = r.lot or ("add the lot found" if r.lot_tracked else "")
            variance = r.variance
            return self.cell(
                index,
                {
                    "Item": f"{r.name}  ({r.sku})",
                    "Lot": lot,
                    "Expiry": r.expiry.isoformat() if r.expiry else "",
                    "Expected": f"{r.expected:,}",
                    "Counted": "" if r.counted is None else f"{r.counted:,}",
                    "Difference": "" if variance is None else (f"{variance:+,}" if variance else "0"),
                    "Reason": r.reason or "",
                },
            )
        if role == Qt.ItemDataRole.EditRole:
            return {self.COUNTED: "" if r.counted is None else r.counted, self.REASON: r.reason or ""}.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.FIGURES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.counted is None and col == self.COUNTED:
                return UNCOUNTED
            if r.variance and not self.hide_expected:
                return DIFFERENT
        return None

    def flags(self, index):
        base = super().flags(index)
        return (
            base | Qt.ItemFlag.ItemIsEditable
            if self.editable and index.column() in (self.COUNTED, self.REASON)
            else base
        )

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole:
            return False
        r: CountRow = self.rows[index.row()]
        counted, reason = r.counted, r.reason
        text = str(value).strip()
        if index.column() == self.COUNTED:
            if not text:
                counted = None
            elif text.replace(",", "").isdigit():
                counted = int(text.replace(",", ""))
            else:
                self.failed.emit(f"{r.sku}: type the number counted (0 or more), not {text!r}")
                return False
        else:
            reason = text or None
        # Shown at once, saved off the UI thread; a refusal puts the line back as it was.
        n = index.row()
        self._put(n, dataclasses.replace(r, counted=counted, reason=reason))

        def refused(exc) -> None:
            if n < len(self.rows) and self.rows[n].line_id == r.line_id:
                self._put(n, r)
            self.failed.emit(str(exc))

        ops.run(
            self.owner,
            lambda: counts.enter(self.db, self.user, r.line_id, counted, reason),
            lambda _r: self.saved.emit(),
            failed=refused,
        )
        return True

    def _put(self, n: int, row: CountRow) -> None:
        self.rows[n] = row
        self.dataChanged.emit(self.index(n, 0), self.index(n, len(self.COLUMNS) - 1))


def _entry_text(info: CountInfo) -> str:
    return tr("Count {id} · {location} · {scope}\n{status}").format(
        id=info.id, location=info.location, scope=info.scope_shown, status=tr(info.status)
    ) + (
        tr(" · {counted} of {lines} counted").format(counted=info.counted, lines=info.lines)
        if info.status == "open"
        else f" {info.finished_at:%Y-%m-%d}"
        if info.finished_at
        else ""
    )


class ChooseItems(Remembers, QDialog):
    """Tick the items to count."""

    def __init__(self, items: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Choose items to count"))
        self.resize(420, 520)
        self.filter = QLineEdit(placeholderText=tr("Find an item"))
        self.list = QListWidget()
        for item in sorted(items, key=lambda i: i.name.lower()):
            entry = QListWidgetItem(f"{item.name} ({item.sku})")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.Unchecked)
            self.list.addItem(entry)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(
            lambda text: [
                self.list.item(n).setHidden(text.lower() not in self.list.item(n).text().lower())
                for n in range(self.list.count())
            ]
        )

    def chosen(self) -> list[int]:
        return [
            self.list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.Checked
        ]


class CountsScreen(Screen):
    listens = Changes.STOCK | Changes.CATALOG

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self._tmp = tempfile.TemporaryDirectory(prefix="hrsupply-")
        self.count: CountInfo | None = None
        self._select: int | None = None  # a count just started: open it, first line in hand

        # Start a count
        self.location = location_combo(db)
        self.scope = Choices()
        self.blind = QCheckBox(tr("Blind (counters do not see expected figures)"))
        self.start_button = keyed(self, QPushButton(tr("Start count")), "Ctrl+N")
        start_bar = QHBoxLayout()  # the choices on one line, then how and the button (fits 1280 in Spanish)
        for widget in (QLabel(tr("Count at")), self.location, QLabel(tr("Items to count")), self.scope):
            start_bar.addWidget(widget)
        start_bar.addStretch(1)
        start_how = QHBoxLayout()
        start_how.addWidget(self.blind)
        start_how.addWidget(self.start_button)
        start_how.addStretch(1)

        # Counts list
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Counts"))
        self.list.setMinimumWidth(260)
        self.list.setWordWrap(True)  # "Count 1 · SITE · All items" whole at 200%

        # The count in hand
        self.title = QLabel(tr("Start a count, or pick one on the left."))
        self.title.setWordWrap(True)
        self.progress = QLabel(wordWrap=True)  # a long sentence: unwrapped, it widened the screen at 200%
        self.model = CountLinesModel(db, user, owner=self)
        self.table = table_view(self.model, stretch=0)
        self.table.setAccessibleName(tr("Lines of the count"))
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(self.table.EditTrigger.AllEditTriggers)
        self.only_differences = QCheckBox(tr("Review: show only lines that differ or are not counted"))
        self.add_item = ItemField(db, tr("Found something not on the list? Type or scan it, then Enter"))
        self.add_lot = QLineEdit(placeholderText=tr("Lot (lot-tracked items)"))
        self.add_expiry = QDateEdit(QDate.currentDate().addYears(1), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.add_expiry.setToolTip(tr("Only used for a lot this program has not seen before"))
        self.print_button = keyed(self, QPushButton(tr("Print count sheet…")), "Ctrl+P")
        self.post_button = keyed(self, QPushButton(tr("Post count")), *SAVE_KEYS)
        self.discard_button = QPushButton(tr("Discard count"))
        self.message = Message()
        add_bar = FlowLayout()  # these rows wrap at a large text size: Post count stays in sight
        add_bar.addWidget(self.add_item, 3)
        add_bar.addWidget(self.add_lot, 1)
        add_bar.addWidget(QLabel(tr("new lot expires")))
        add_bar.addWidget(self.add_expiry)
        buttons = FlowLayout()
        for b in (self.print_button, self.discard_button, self.post_button):
            buttons.addWidget(b)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.only_differences)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(add_bar)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.message)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setSizes([270, 900])

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Counts") + "</h2>"))
        layout.addLayout(start_bar)
        layout.addLayout(start_how)
        layout.addWidget(split, 1)

        self.start_button.clicked.connect(self.start)
        self.list.currentItemChanged.connect(self._picked)
        self.only_differences.toggled.connect(self._review)
        self.add_item.picked.connect(self._add)
        self.add_item.not_found.connect(
            lambda text: self.message.error(tr("No item matches {text!r}.").format(text=text))
        )
        self.print_button.clicked.connect(self.print_sheet)
        self.post_button.clicked.connect(self.post)
        self.discard_button.clicked.connect(self.discard)
        self.model.saved.connect(lambda: self._progress())
        self.model.saved.connect(self.message.clear)
        self.model.failed.connect(self.message.error)

    # ---- lists ---------------------------------------------------------------------------
    def reload(self, changes: Changes) -> None:
        if changes & Changes.CATALOG:
            self.add_item.reload()
            fill_locations(self.location, self.db)
            ops.run(self, lambda: catalog.categories(self.db), self._show_scopes, key="scopes")
        self.refresh()

    def _show_scopes(self, categories: list[str]) -> None:
        keep = self.scope.currentText()
        self.scope.clear()
        self.scope.addItem(tr(ALL_ITEMS), None)
        for category in categories:
            self.scope.addItem(tr("Category: {category}").format(category=category), category)
        self.scope.addItem(tr(CHOSEN), CHOSEN)
        self.scope.setCurrentIndex(max(0, self.scope.findText(keep)))

    def refresh(self) -> None:
        ops.run(self, lambda: counts.counts(self.db), self._show_counts, key="load")

    def _show_counts(self, infos: list[CountInfo]) -> None:
        keep = self._select or (self.count.id if self.count else None)
        self.list.blockSignals(True)
        self.list.clear()
        for info in infos:
            entry = QListWidgetItem(_entry_text(info))
            entry.setData(Qt.ItemDataRole.UserRole, info.id)
            if info.status == "open":
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.list.addItem(entry)
            if info.id == keep:
                self.list.setCurrentItem(entry)
        self.list.blockSignals(False)
        if keep is None and infos and infos[0].status == "open":
            self.list.setCurrentRow(0)  # a count in progress opens where it was left
        elif keep is not None:
            self.show_count(keep)

    def _picked(self, entry, _previous=None) -> None:
        if entry is not None:
            self.show_count(entry.data(Qt.ItemDataRole.UserRole))

    def show_count(self, count_id: int) -> None:
        ops.run(
            self,
            lambda: (counts.count_info(self.db, count_id), counts.sheet(self.db, count_id)),
            self._show_count,
            key="count",
        )

    def _show_count(self, read) -> None:
        self.count, rows = read
        is_open = self.count.status == "open"
        self.model.editable = is_open
        self.model.hide_expected = self.count.blind and is_open and not self.only_differences.isChecked()
        self.title.setText(
            tr("<b>{count_title}</b> · started {count_started_at:%Y-%m-%d %H:%M} by {count_started_by}").format(
                count_title=self.count.title,
                count_started_at=self.count.started_at,
                count_started_by=self.count.started_by,
            )
            + (tr(" · <b>blind</b>") if self.count.blind else "")
            + ("" if is_open else tr(" · <b>{count_status}</b>").format(count_status=self.count.status))
        )
        for widget in (self.post_button, self.discard_button, self.add_item, self.add_lot, self.add_expiry):
            widget.setEnabled(is_open)
        self._show_rows(rows)
        if self._select == self.count.id:
            self._select = None
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, CountLinesModel.COUNTED))

    def _load_rows(self, then=None) -> None:
        count_id = self.count.id

        def show(rows) -> None:
            self._show_rows(rows)
            if then is not None:
                then()

        ops.run(self, lambda: counts.sheet(self.db, count_id), show, key="count")

    def _show_rows(self, rows: list[CountRow]) -> None:
        shown = [r for r in rows if r.counted is None or r.variance] if self.only_differences.isChecked() else rows
        self.model.set_rows(shown)
        self._progress(rows)

    def _progress(self, rows: list[CountRow] | None = None) -> None:
        """`rows`: the whole count (the table may show only part of it); read again after an edit."""
        if rows is None:
            if self.count is not None:
                count_id = self.count.id
                ops.run(self, lambda: counts.sheet(self.db, count_id), self._progress, key="progress")
            return
        done = [r for r in rows if r.counted is not None]
        entry = self.list.currentItem()
        if entry is not None and entry.data(Qt.ItemDataRole.UserRole) == self.count.id:
            entry.setText(_entry_text(dataclasses.replace(self.count, lines=len(rows), counted=len(done))))
        text = tr("{done} of {lines} lines counted").format(done=len(done), lines=len(rows))
        if not self.model.hide_expected:
            differ = [r for r in done if r.variance]
            text += tr(" · {differ} differ from the records ({units:+,} units)").format(
                differ=len(differ), units=sum(r.variance for r in differ)
            )
        self.progress.setText(text + tr(". Lines left blank are not posted and keep their stock."))

    def _review(self, _on: bool) -> None:
        if self.count is not None:
            self.show_count(self.count.id)

    # ---- actions -------------------------------------------------------------------------
    def choose_items(self) -> list[int] | None:
        """A test replaces this to skip the dialog."""
        dialog = ChooseItems(catalog.items(self.db), self)  # the list a person is about to tick
        return dialog.chosen() if dialog.exec() == QDialog.Accepted else None

    def start(self) -> None:
        kwargs = {}
        if self.scope.currentData() == CHOSEN:
            chosen = self.choose_items()
            if chosen is None:
                return
            kwargs["item_ids"] = chosen
        elif self.scope.currentData():
            kwargs["category"] = self.scope.currentData()
        where, blind = self.location.currentData(), self.blind.isChecked()
        ops.run(
            self,
            lambda: counts.start(self.db, self.user, where, blind=blind, **kwargs),
            self._started,
            changes=Changes.STOCK,
        )

    def _started(self, count_id: int) -> None:
        self._select = count_id  # the list, read again (the change), opens it with the cursor in it
        self.only_differences.setChecked(False)
        self.message.ok(
            tr("Count {count_id} started: print the sheet, or type the figures here.").format(count_id=count_id)
        )

    def _add(self, match, _count: int) -> None:
        if self.count is None:
            return
        count_id, lot, expiry = self.count.id, self.add_lot.text().strip() or None, self.add_expiry.date().toPython()

        def added(_result) -> None:
            self.add_lot.clear()
            self.message.ok(
                tr("Added {match_item_name}: type what you counted.").format(match_item_name=match.item.name)
            )
            self._load_rows(then=lambda: self._go_to_item(match.item.id))

        ops.run(self, lambda: counts.add(self.db, self.user, count_id, match.item.id, lot, expiry), added)

    def _go_to_item(self, item_id: int) -> None:
        for n, r in enumerate(self.model.rows):
            if r.item_id == item_id:
                self.table.setCurrentIndex(self.model.index(n, CountLinesModel.COUNTED))

    def preview(self, path: Path) -> None:
        """A test replaces this to look at the file instead."""
        from hrsupply.ui.pdf_preview import PdfPreview

        PdfPreview(path, tr("Count sheet"), path.name, self).exec()

    def print_sheet(self) -> None:
        if self.count is None:
            self.message.error(tr("Start a count first, or pick one on the left."))
            return
        count = self.count
        path = Path(self._tmp.name) / f"count-{count.id}-{count.location}.pdf"

        def write() -> None:
            from hrsupply.services.count_sheet import write_count_sheet

            name = program.letterhead(self.db)
            write_count_sheet(path, program=name, count=count, rows=counts.sheet(self.db, count.id), blind=count.blind)

        ops.run(self, write, lambda _r: self.preview(path), busy=tr("Preparing the count sheet…"))

    def post(self) -> None:
        if self.count is not None:
            count_id = self.count.id
            ops.run(self, lambda: counts.sheet(self.db, count_id), lambda rows: self._post(count_id, rows))

    def _post(self, count_id: int, rows: list[CountRow]) -> None:
        blank = sum(r.counted is None for r in rows)
        differ = sum(1 for r in rows if r.variance)
        if not self.ask_yes_no(
            tr("Counts"),
            tr(
                "Post count {count_id}? {differ} line(s) differ from the records and will be set to what was "
                "counted. {blank} line(s) were not counted and keep their stock."
            ).format(count_id=count_id, differ=differ, blank=blank),
        ):
            return
        ops.run(
            self,
            lambda: counts.post(self.db, self.user, count_id),
            lambda posted: self.message.ok(
                tr(
                    "Posted count {count_id}: {posted_lines} line(s) counted, {posted_differences} corrected, "
                    "{posted_not_counted} left as they were."
                ).format(
                    count_id=count_id,
                    posted_lines=posted.lines,
                    posted_differences=posted.differences,
                    posted_not_counted=posted.not_counted,
                )
            ),
            changes=Changes.STOCK,
        )

    def discard(self) -> None:
        if self.count is None or not self.ask_yes_no(
            tr("Counts"), tr("Discard count {count_id}? Nothing will be posted.").format(count_id=self.count.id)
        ):
            return
        count_id = self.count.id
        ops.run(
            self,
            lambda: counts.discard(self.db, self.user, count_id),
            lambda _r: self.message.ok(tr("Count {count_id} discarded.").format(count_id=count_id)),
            changes=Changes.STOCK,
        )
