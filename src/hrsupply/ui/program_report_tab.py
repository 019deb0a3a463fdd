"""Reports → Program report: pick a period (This month, Last month, Last quarter, Last year, or
any dates) and the locations; the figures show at once (read off the UI thread), a column per
month and per location; the workbook is saved, the PDF goes through the print preview."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.ui import ops
from hrsupply.ui.flow import FlowLayout
from hrsupply.ui.geometry import file_to_save
from hrsupply.ui.ops import Changes
from hrsupply.ui.period import PeriodScreen
from hrsupply.ui.tables import ColumnsModel, bold, table_view
from hrsupply.ui.widgets import Message, keyed


def _services():
    from hrsupply.services import program, program_report, program_report_files

    return program, program_report, program_report_files


def periods(today: date) -> dict[str, tuple[date, date]]:
    """The one-click periods: this month so far, last month, last quarter, last year."""
    first = today.replace(day=1)
    last_month_end = first - timedelta(days=1)
    quarter_first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_quarter_end = quarter_first - timedelta(days=1)
    last_quarter_first = date(last_quarter_end.year, last_quarter_end.month - 2, 1)
    return {
        QT_TR_NOOP("This month"): (first, today),
        QT_TR_NOOP("Last month"): (last_month_end.replace(day=1), last_month_end),
        QT_TR_NOOP("Last quarter"): (last_quarter_first, last_quarter_end),
        QT_TR_NOOP("Last year"): (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
    }


class FiguresModel(ColumnsModel):
    """The report's lines under their section headings, a column per month or location."""

    def show(self, report) -> None:
        self.report = report
        self.columns = report.table_columns()
        self.COLUMNS = ("Figure", *(c.label for c in self.columns))
        rows = []
        for section, lines in report.sections().items():
            rows.append(tr(section))
            rows += lines
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row, col = self.rows[index.row()], index.column()
        heading = isinstance(row, str)
        if role == Qt.ItemDataRole.DisplayRole:
            if heading:
                return row if col == 0 else None
            if col == 0:
                return "    " + row.label
            return self.report.shown(self.columns[col - 1], row, outside=False)
        if role == Qt.ItemDataRole.FontRole and (heading or col == len(self.COLUMNS) - 1):
            return bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProgramReportTab(PeriodScreen):
    listens = Changes.STOCK | Changes.VISITS | Changes.CATALOG | Changes.SETTINGS

    def __init__(self, db, user: str, parent=None):
        super().__init__(db, parent)
        self.user = user
        self.report = None
        self._tmp = tempfile.TemporaryDirectory(prefix="hrsupply-")
        self.quick = {}
        bar = FlowLayout()
        for name in periods(date.today()):
            button = self.quick[name] = QPushButton(tr(name))
            button.clicked.connect(lambda _=False, name=name: self.pick(name))
            bar.addWidget(button)
        for text, widget in (("From", self.start), ("to", self.end), ("Location", self.location)):
            bar.addWidget(QLabel(tr(text)))
            bar.addWidget(widget)
        bar.addStretch(1)
        self.excel_button = keyed(self, QPushButton(tr("Export to Excel…")), "Ctrl+E")
        self.print_button = keyed(self, QPushButton(tr("Print or save as PDF…")), "Ctrl+P")
        self.title = QLabel()
        self.title.setWordWrap(True)
        heading = FlowLayout()  # the files beside the title: the period row keeps room for longer words
        heading.addWidget(self.title, 1)
        heading.addWidget(self.excel_button)
        heading.addWidget(self.print_button)
        self.funder_button = QPushButton(tr("For a fu&nder…"))  # a funder's own template and words
        heading.addWidget(self.funder_button)
        self.model = FiguresModel(self)
        self.table = table_view(self.model, stretch=0)
        self.message = Message()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.excel_button.clicked.connect(self.export_excel)
        self.print_button.clicked.connect(self.print_pdf)
        self.funder_button.clicked.connect(self.for_a_funder)

    def for_a_funder(self) -> None:
        from hrsupply.ui.funder_dialog import FunderDialog

        FunderDialog(self.db, self.user, self).exec()

    def pick(self, name: str) -> None:
        start, end = periods(date.today())[name]
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def refresh(self, *_args) -> None:
        self._settle.stop()
        (start, end), where = self._period(), self.location.currentData()
        ops.run(  # a year takes a few seconds: past a moment a progress window offers Cancel
            self,
            lambda steps: _services()[1].build(self.db, self.user, start, end, where, steps=steps),
            self._show,
            failed=self._refused,
            key="load",
            busy=tr("Working out the program report…"),
            cancellable=True,
        )

    def _refused(self, exc) -> None:
        self.report = None
        self.message.error(str(exc))

    def _show(self, report) -> None:
        self.report = report
        self.model.show(report)
        late, last = report.late
        self.title.setText(
            tr("<b>Program report</b> · {report_place} · {report_period}").format(
                report_place=report.place, report_period=report.period
            )
            + (
                tr(
                    "<br>{n} visit(s) of this period arrived from a van laptop after it ended (the last on {x}): "
                    "a report made before then showed less."
                ).format(n=late, x=f"{last:%Y-%m-%d}")  # fmt: skip
                if late
                else ""
            )
        )
        self.message.clear()

    # ---- files ---------------------------------------------------------------------------
    def _file_name(self) -> str:
        start, end = self._period()
        return f"program-report-{self.location.currentData() or 'all'}-{start}-to-{end}"

    def ask_path(self) -> str:
        """A test replaces this to avoid the dialog."""
        return file_to_save(self, tr("Export"), f"{self._file_name()}.xlsx", "xlsx", tr("Excel workbook (*.xlsx)"))

    def preview(self, path: Path) -> None:
        """Opens the print preview (Print, Save as PDF); a test replaces this to read the file."""
        from hrsupply.ui.pdf_preview import PdfPreview

        PdfPreview(path, tr("Program report"), path.name, self).exec()

    def _write(self, kind: str, path: Path, done) -> None:
        report, db = self.report, self.db
        if report is None:
            self.message.error(tr("The figures are not there yet: pick a period first."))
            return

        def work(steps) -> Path:
            program, _build, files = _services()
            name, suppress = program.letterhead(db), program.get(db, "small_count_suppression")
            write = files.write_xlsx if kind == "xlsx" else files.write_pdf
            return write(path, report, program=name, suppress=suppress, steps=steps)

        busy = tr("Writing {path_name}…").format(path_name=path.name)
        ops.run(self, work, done, busy=busy, cancellable=True)

    def export_excel(self) -> None:
        path = self.ask_path()
        if path:
            path = Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")
            self._write("xlsx", path, lambda written: self.message.ok(tr("Saved {written}.").format(written=written)))

    def print_pdf(self) -> None:
        self._write("pdf", Path(self._tmp.name) / f"{self._file_name()}.pdf", self.preview)
