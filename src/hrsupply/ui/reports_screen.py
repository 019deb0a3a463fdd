"""Reports: the program report for funders (ui/program_report_tab.py), and the reconciliation of
a period. Every unit from opening to closing, per item and
location, with totals; double-click a figure to see the movements behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import catalog, program, reconcile
from hrsupply.services.reconcile import COLUMNS, TITLES, BehindLine, ReconcileLine
from hrsupply.ui import ops
from hrsupply.ui.export_buttons import ExportButtons
from hrsupply.ui.flow import FlowLayout, sized_by_current
from hrsupply.ui.ops import Changes
from hrsupply.ui.period import PeriodScreen
from hrsupply.ui.tables import ColumnsModel, bold, table_view
from hrsupply.ui.widgets import Message, counted, note

UNEXPLAINED = QBrush(QColor("#fde2e1"))
NUMBERS = COLUMNS[3:]


class ReconcileModel(ColumnsModel):
    """The reconciliation lines and a totals row at the bottom."""

    COLUMNS = tuple(TITLES[name] for name in COLUMNS)

    units: dict[str, str] = {}

    def set_lines(self, lines: list[ReconcileLine], units: dict[str, str] | None = None) -> None:
        """`units`: each SKU's unit; the lines are totalled per unit (syringes, kits and socks
        are not one figure)."""
        self.units = units or {}
        by_unit: dict[str, list[ReconcileLine]] = {}
        for line in lines:
            by_unit.setdefault(self.units.get(line.sku, "each"), []).append(line)
        totals = [
            dict(
                location=tr("Total"),
                sku=unit if len(by_unit) > 1 else "",
                name=counted(len(group), tr("line"), tr("lines")),
                **{name: sum(getattr(l, name) for l in group) for name in NUMBERS},
            )
            for unit, group in by_unit.items()
        ]
        self.set_rows(list(lines) + totals)

    def line(self, row: int) -> ReconcileLine | None:
        r = self.rows[row]
        return r if isinstance(r, ReconcileLine) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r, name = self.rows[index.row()], COLUMNS[index.column()]
        value = r[name] if isinstance(r, dict) else getattr(r, name)
        numeric = name in NUMBERS
        if role == Qt.ItemDataRole.DisplayRole:
            if not numeric:
                return value
            return f"{value:+,}" if name in ("adjusted", "count_variance") and value else f"{value:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and isinstance(r, dict):
            return bold()
        if role == Qt.ItemDataRole.BackgroundRole and name == "count_variance" and value:
            return UNEXPLAINED
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and numeric
            and name not in ("opening", "closing")
            and not isinstance(r, dict)
        ):
            return "Double-click to see the movements behind this figure"
        return None


class BehindModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("When"),
        QT_TR_NOOP("Type"),
        QT_TR_NOOP("Lot"),
        QT_TR_NOOP("Quantity"),
        QT_TR_NOOP("Other location"),
        QT_TR_NOOP("Reason"),
        QT_TR_NOOP("Reference"),
        QT_TR_NOOP("Recorded by"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        b: BehindLine = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{b.occurred_at:%Y-%m-%d %H:%M}",
                b.type + (" (reversal)" if b.reversal else ""),
                b.lot or "",
                f"{b.quantity:,}",
                b.counterpart or "",
                b.reason or "",
                b.reference or "",
                b.recorded_by,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReconciliationTab(PeriodScreen):
    listens = Changes.STOCK | Changes.CATALOG

    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        self.message = Message()
        self.exports = ExportButtons(self.report, self._file_name, self.message)
        bar = FlowLayout()
        for widget in (
            QLabel(tr("Location")),
            self.location,
            QLabel(tr("From")),
            self.start,
            QLabel(tr("to")),
            self.end,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.exports)
        self.model = ReconcileModel(self)
        self.table = table_view(self.model, stretch=2)
        # On screen the closing figure sits beside the opening one, in sight at 1280 px whatever
        # the columns between take (the files keep the formula's order).
        header = self.table.horizontalHeader()
        header.moveSection(
            header.visualIndex(COLUMNS.index("closing")), header.visualIndex(COLUMNS.index("opening")) + 1
        )
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.behind_title = QLabel(tr("Double-click a figure to see the movements behind it."))
        self.behind_model = BehindModel(self)
        behind_box = QWidget()
        behind_layout = QVBoxLayout(behind_box)
        behind_layout.setContentsMargins(0, 0, 0, 0)
        behind_layout.addWidget(self.behind_title)
        behind_layout.addWidget(table_view(self.behind_model, stretch=5))
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(behind_box)
        split.setSizes([430, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(
            note(
                tr(
                    "Closing = opening + received + transferred in − handed out − transferred out − "
                    "disposed ± adjusted ± count variance. A count variance (red) is what a count found "
                    "that the records do not explain."
                )
            )
        )
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        self.table.doubleClicked.connect(self.drill)

    def refresh(self, *_args) -> None:
        self._settle.stop()
        (start, end), where = self._period(), self.location.currentData()
        ops.run(  # a long period takes a moment: a progress window offers Cancel past it
            self,
            lambda steps: (
                reconcile.reconcile(self.db, start, end, location=where, steps=steps),
                catalog.units(self.db),
            ),
            self._show,
            failed=self._refused,
            key="load",
            busy=tr("Working out the reconciliation…"),
            cancellable=True,
        )

    def _refused(self, exc) -> None:
        self.model.set_lines([])
        self.message.error(str(exc))

    def _show(self, read) -> None:
        lines, units = read
        self.model.set_lines(lines, units)
        self.behind_model.set_rows([])
        unexplained = sum(1 for l in lines if l.count_variance)
        self.message.ok(
            counted(len(lines), tr("line"), tr("lines"))
            + (tr(" · {unexplained} with a count variance").format(unexplained=unexplained) if unexplained else "")
        )

    def drill(self, index) -> None:
        line = self.model.line(index.row())
        column = COLUMNS[index.column()]
        if line is None or column not in NUMBERS:
            return
        if column in ("opening", "closing"):
            self.behind_title.setText(
                tr("{x} is a balance: the Stock screen's stock card shows how it built up.").format(
                    x=tr(TITLES[column])
                )
            )
            self.behind_model.set_rows([])
            return
        start, end = self._period()
        ops.run(
            self,
            lambda: reconcile.behind(self.db, start, end, line.location, line.sku, column),
            lambda rows: self._show_behind(line, column, rows),
            key="behind",
        )

    def _show_behind(self, line: ReconcileLine, column: str, rows: list[BehindLine]) -> None:
        self.behind_model.set_rows(rows)
        self.behind_title.setText(
            tr("<b>{x}</b> · {line_name} at {line_location}: {n} movement{x2}, together {x3:,}").format(
                x=tr(TITLES[column]),
                line_name=line.name,
                line_location=line.location,
                n=len(rows),
                x2="s" if len(rows) != 1 else "",
                x3=sum(b.quantity for b in rows),
            )
        )

    def report(self):
        (start, end), place = self._period(), self.location.currentText()
        lines = [l for l in (self.model.line(n) for n in range(len(self.model.rows))) if l is not None]
        name = lambda: program.letterhead(self.db)  # noqa: E731 - read off the UI thread
        units = self.model.units
        return lambda: reconcile.report(lines, program=name(), start=start, end=end, place=place, units=units)

    def _file_name(self) -> str:
        start, end = self._period()
        return f"reconciliation-{self.location.currentData() or 'all'}-{start}-to-{end}"


class ReportsScreen(QWidget):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        from hrsupply.ui.program_report_tab import ProgramReportTab

        self.reconciliation = ReconciliationTab(db)
        self.program = ProgramReportTab(db, user)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.program, tr("Program report"))
        self.tabs.addTab(self.reconciliation, tr("Reconciliation"))
        sized_by_current(self.tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Reports") + "</h2>"))
        layout.addWidget(self.tabs, 1)
