"""Reports → Program report → For a funder…: a funder's template filled in for its period, the
figures beside the funder's own words, saved as CSV, Excel or PDF (small counts suppressed)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout

from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, period, tr
from hrsupply.ui import ops
from hrsupply.ui.flow import flow_row
from hrsupply.ui.geometry import Remembers, file_to_save
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import Choices, Message, keyed

KINDS = {
    "month": QT_TR_NOOP("a month"),
    "quarter": QT_TR_NOOP("a quarter"),
    "half": QT_TR_NOOP("half a year"),
    "year": QT_TR_NOOP("a year"),
    "calendar_year": QT_TR_NOOP("a calendar year"),
}


def _services():
    from hrsupply.services import funder_report, funder_templates

    return funder_templates, funder_report


class FiguresModel(ColumnsModel):
    COLUMNS = (QT_TR_NOOP("Figure"), QT_TR_NOOP("Value"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        figure = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return figure.label if index.column() == 0 else figure.shown
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FunderDialog(Remembers, QDialog):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent, windowTitle=tr("Report for a funder"))
        self.db, self.user, self.funder = db, user, None
        self._tmp = tempfile.TemporaryDirectory(prefix="hrsupply-")
        self.templates = Choices()
        self.templates.setAccessibleName(tr("Funder's template"))
        try:
            self._all = {t.name: t for t in _services()[0].available()}
        except UserError as exc:  # a program's own template is wrong: said, the shipped ones still offered
            self._all = {}
            self._bad = str(exc)
        else:
            self._bad = ""
        for t in self._all.values():
            self.templates.addItem(t.said(), t.name)
        self.day = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.day.setAccessibleName(tr("A day in the period"))
        self.period = QLabel()
        self.period.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Template"), self.templates)
        form.addRow(tr("A &day in the period"), self.day)
        form.addRow(tr("Period"), self.period)
        self.model = FiguresModel(self)
        self.table = table_view(self.model, stretch=0)
        self.table.setAccessibleName(tr("The funder's figures"))
        self.csv_button = QPushButton(tr("Save as &CSV…"))
        self.excel_button = keyed(self, QPushButton(tr("Export to Excel…")), "Ctrl+E")
        self.print_button = keyed(self, QPushButton(tr("Print or save as PDF…")), "Ctrl+P")
        close = QPushButton(tr("Close"))
        self.message = Message()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(flow_row(self.csv_button, self.excel_button, self.print_button, close))
        self.templates.currentIndexChanged.connect(self._template_changed)
        self.day.dateChanged.connect(self.refresh)
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        self.print_button.clicked.connect(lambda: self.save("pdf"))
        close.clicked.connect(self.reject)
        self.resize(760, 560)
        self.templates.setFocus()  # the first thing to choose
        self._template_changed()
        if self._bad:
            self.message.error(self._bad)

    def template(self):
        return self._all.get(self.templates.currentData())

    def _template_changed(self) -> None:
        """The period just ended of the template's kind: what is usually due."""
        template = self.template()
        if template is None:
            return
        start, _end = template.snap(date.today())
        last = start - timedelta(days=1)
        self.day.blockSignals(True)
        self.day.setDate(QDate(last.year, last.month, last.day))
        self.day.blockSignals(False)
        self.refresh()

    def span(self) -> tuple[date, date]:
        d = self.day.date()
        return self.template().snap(date(d.year(), d.month(), d.day()))

    def refresh(self, *_args) -> None:
        template = self.template()
        if template is None:
            return
        start, end = self.span()
        self.period.setText(tr("{period} ({kind})").format(period=period(start, end), kind=tr(KINDS[template.period])))
        db, user = self.db, self.user
        ops.run(
            self,
            lambda steps: _services()[1].build(db, user, template, start, end, steps),
            self._show,
            failed=lambda exc: self.message.error(str(exc)),
            key="load",
            busy=tr("Working out the program report…"),
            cancellable=True,
        )

    def _show(self, funder) -> None:
        self.funder = funder
        self.model.set_rows(funder.figures)
        if any(f.shown in ("<5", "*") for f in funder.figures):
            self.message.ok(tr("<5: from 1 to 4 people. *: hidden so that a <5 cannot be worked back."))
        else:
            self.message.clear()

    def ask_path(self, kind: str, name: str) -> str:
        """A test replaces this to avoid the dialog."""
        filters = {"csv": tr("CSV file (*.csv)"), "xlsx": tr("Excel workbook (*.xlsx)")}
        return file_to_save(self, tr("Export"), name, kind, filters[kind])

    def preview(self, path: Path) -> None:
        """Opens the print preview; a test replaces this to read the file."""
        from hrsupply.ui.pdf_preview import PdfPreview

        PdfPreview(path, self.funder.template.said(), path.name, self).exec()

    def save(self, kind: str) -> None:
        funder = self.funder
        if funder is None:
            self.message.error(tr("The figures are not there yet: pick a period first."))
            return
        name = f"{funder.template.name}-{funder.start}-to-{funder.end}.{kind}"
        if kind == "pdf":
            path = Path(self._tmp.name) / name
        else:
            chosen = self.ask_path(kind, name)
            if not chosen:
                return
            path = Path(chosen if chosen.lower().endswith(f".{kind}") else f"{chosen}.{kind}")
        writers = _services()[1]
        write = {"csv": writers.write_csv, "xlsx": writers.write_xlsx, "pdf": writers.write_pdf}[kind]

        def work() -> Path:
            write(path, funder)
            return path

        done = self.preview if kind == "pdf" else (lambda p: self.message.ok(tr("Saved {written}.").format(written=p)))
        ops.run(self, work, done, busy=tr("Writing {path_name}…").format(path_name=path.name))
