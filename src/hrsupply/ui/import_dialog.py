"""File → Import spreadsheet…: pick a workbook, see what it holds before anything is written,
then import it, with progress and Cancel off the UI thread. Every problem is listed by sheet,
row and column, and can be copied or saved. File → Export everything… writes the whole record."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrsupply.errors import ImportRefused
from hrsupply.i18n import tr
from hrsupply.ui import ops
from hrsupply.ui.geometry import Remembers, file_to_open
from hrsupply.ui.ops import Changes
from hrsupply.ui.widgets import Message, note


def _exchange():
    from hrsupply.services import exchange

    return exchange


def _said(summary) -> str:
    parts = [
        tr("{n:,} item(s) added or updated").format(n=summary.items),
        tr("{n:,} location(s)").format(n=summary.locations),
        tr("{n:,} par level(s)").format(n=summary.par_levels),
        tr("{rows:,} movement row(s), {lines:,} ledger line(s)").format(
            rows=summary.movements, lines=summary.ledger_lines
        ),
    ]
    if summary.skipped:
        parts.append(tr("{n:,} row(s) already in the records left out").format(n=summary.skipped))
    return "; ".join(parts)


def ask_workbook(parent: QWidget) -> str:
    """The system's file chooser, for a workbook to import ("" if none was chosen)."""
    path = file_to_open(parent, tr("Import a spreadsheet"), "xlsx", tr("Excel workbook (*.xlsx)"))
    return path


class ImportDialog(Remembers, QDialog):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import a spreadsheet"))
        self.db, self.user = db, user
        self.prepared = None
        self.path = QLineEdit()
        self.path.setAccessibleName(tr("Workbook file"))
        self.path.setPlaceholderText(tr("an .xlsx workbook with Items, Locations, Par or Movements sheets"))
        choose = QPushButton(tr("&Choose file…"))
        choose.clicked.connect(self.choose)
        self.skip = QCheckBox(tr("&Leave out rows already in the records (an export imported again)"))
        self.skip.setChecked(True)
        self.check_button = QPushButton(tr("C&heck the file"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.summary = QLabel(
            tr("Nothing read yet: choose a workbook, then check it. Nothing is written until Import.")
        )
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels((tr("Sheet"), tr("Row"), tr("Column"), tr("What is wrong")))
        self.problems.setAccessibleName(tr("Problems found"))
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.copy_button, self.save_button = QPushButton(tr("Cop&y problems")), QPushButton(tr("&Save problems…"))
        self.copy_button.clicked.connect(self.copy_problems)
        self.save_button.clicked.connect(self.save_problems)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        self.message = Message()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("&File")))
        row.itemAt(0).widget().setBuddy(self.path)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.save_button)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "A workbook is imported whole or not at all. Sheets: Items, Locations, Par, Movements "
                    "(headers in row 1, any order). Check it first: every problem is listed by sheet, row and column."
                )
            )
        )
        layout.addLayout(row)
        layout.addWidget(self.skip)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self._show_problems([])
        for button in self.findChildren(QPushButton):  # Enter in the file field checks it, no more
            button.setAutoDefault(False)
        self.path.returnPressed.connect(self.check)
        self.skip.toggled.connect(self._forget)
        self.path.textChanged.connect(self._forget)
        self.resize(900, 520)

    # ---- picking and checking ------------------------------------------------------------------
    def ask_path(self) -> str:
        """A test replaces this to avoid the dialog."""
        return ask_workbook(self)

    def choose(self) -> None:
        path = self.ask_path()
        if path:
            self.path.setText(path)
            self.check()

    def _forget(self, *_args) -> None:
        self.prepared = None
        self.import_button.setEnabled(False)

    def check(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.message.error(tr("Choose a workbook first."))
            return
        path, skip, db, user = Path(text), self.skip.isChecked(), self.db, self.user
        self._forget()
        self.message.clear()
        ops.run(
            self,
            lambda steps: _exchange().prepare(db, path, user, skip_duplicates=skip, steps=steps),
            self._checked,
            failed=self._refused,
            busy=tr("Checking {path_name}…").format(path_name=path.name),
            cancellable=True,
        )

    def _checked(self, prepared) -> None:
        self.prepared = prepared
        self._show_problems(prepared.problems)
        said = _said(prepared.summary)
        if prepared.problems:
            found = len(prepared.problems)
            self.summary.setText(
                tr("<b>{found:,} problem(s): nothing can be imported.</b> It holds {said}.").format(
                    found=found, said=said
                )
            )
        else:
            self.summary.setText(tr("<b>Ready to import</b> {said}.").format(said=said))
        self.import_button.setEnabled(not prepared.problems)
        if not prepared.problems:
            self.import_button.setFocus()

    def _refused(self, exc) -> None:
        problems = exc.problems if isinstance(exc, ImportRefused) else []
        self._show_problems(problems)
        self.summary.setText(tr("<b>Nothing was imported.</b>"))
        self.message.error(str(exc) if not problems else tr("{n:,} problem(s): see the list.").format(n=len(problems)))

    # ---- importing ------------------------------------------------------------------------------
    def run_import(self) -> None:
        prepared, db = self.prepared, self.db
        if prepared is None:
            return
        self.import_button.setEnabled(False)
        ops.run(
            self,
            lambda steps: _exchange().commit(db, prepared, steps),
            self._imported,
            failed=self._refused,
            busy=tr("Importing {prepared_path_name}…").format(prepared_path_name=prepared.path.name),
            cancellable=True,
            changes=Changes.ALL,
        )

    def _imported(self, summary) -> None:
        self.prepared = None
        self.summary.setText(tr("<b>Imported</b> {x}.").format(x=_said(summary)))
        self.message.ok(tr("Imported. Every screen shows it now."))

    # ---- the problems list ----------------------------------------------------------------------
    def _show_problems(self, problems) -> None:
        self.problems.setRowCount(0)
        for p in problems:
            n = self.problems.rowCount()
            self.problems.insertRow(n)
            for col, value in enumerate((p.sheet, p.row, p.column, p.message)):
                self.problems.setItem(n, col, QTableWidgetItem("" if value is None else str(value)))
        self.problems.resizeColumnsToContents()
        for button in (self.copy_button, self.save_button):
            button.setEnabled(bool(problems))

    def _rows(self) -> list[list[str]]:
        table = self.problems
        return [
            [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    def copy_problems(self) -> None:
        """Tab-separated, with a header: pastes into a spreadsheet as columns."""
        lines = ["\t".join(("Sheet", "Row", "Column", "What is wrong"))] + ["\t".join(r) for r in self._rows()]
        QApplication.clipboard().setText("\n".join(lines))
        self.message.ok(tr("Copied {x:,} problem(s).").format(x=len(lines) - 1))

    def ask_problems_path(self) -> str:
        """A test replaces this to avoid the dialog."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the problems"), "import-problems.csv", tr("CSV (*.csv)"))
        return path

    def save_problems(self) -> None:
        path = self.ask_problems_path()
        if not path:
            return
        rows = self._rows()

        def work() -> Path:
            from hrsupply.files import writable_file, written

            target = writable_file(path)
            with written(target) as temp, open(temp, "w", newline="", encoding="utf-8") as f:
                out = csv.writer(f)
                out.writerow(("Sheet", "Row", "Column", "What is wrong"))
                out.writerows(rows)
            return target

        ops.run(self, work, lambda target: self.message.ok(tr("Saved {target}.").format(target=target)))


def export_everything(owner: QWidget, db, user: str, say) -> None:
    """File → Export everything…: every item, location, par level and movement, in the format an
    import reads back. `say(text)` tells how it went (the window's status line)."""
    path, _ = QFileDialog.getSaveFileName(
        owner,
        tr("Export everything — the workbook is not encrypted and holds participant codes: keep it safe"),
        "hrsupply-export.xlsx",
        tr("Excel workbook (*.xlsx)"),
    )
    if path:
        write_everything(owner, db, user, Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx"), say)


def write_everything(owner: QWidget, db, user: str, path: Path, say) -> None:
    def work() -> int:
        from hrsupply.files import writable_file

        return _exchange().export_workbook(db, user, writable_file(str(path)))

    ops.run(
        owner,
        work,
        lambda n: say(f"Exported {n:,} movements to {path}."),
        failed=lambda exc: say(f"Not exported: {exc}"),
        busy=tr("Writing {path_name}…").format(path_name=path.name),
    )
