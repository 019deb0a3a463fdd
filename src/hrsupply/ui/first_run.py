"""The short setup of a new database, right after its first admin: the program's name, its
locations, a catalog to start from, then how the opening stock is counted. Every step can be
skipped and changed later in Settings; each is saved (off the UI thread) as Next is pressed, and a
problem is said on that page, nothing half-written."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from hrsupply.i18n import tr
from hrsupply.ui import ops
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import Changes
from hrsupply.ui.tables import no_tab_trap
from hrsupply.ui.widgets import Message, note

STARTING_LOCATIONS = [("SITE", "Fixed site", "site"), ("VAN1", "Mobile van", "van")]


def _services():
    from hrsupply.services import exchange, first_run, program

    return exchange, first_run, program


class _SavingPage(QWizardPage):
    """A page whose Next saves what it holds first: `work()` returns the service call (read on
    the UI thread) or None when there is nothing to save; Next moves on once it is saved."""

    def __init__(self, title: str, text: str):
        super().__init__()
        self.setTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(note(text))
        self.message = Message()
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.copy_button = QPushButton(tr("Cop&y the problems"))
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(self.message.text()))
        self.copy_button.hide()
        self._saved = False

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        # A workbook's problems may run to hundreds of lines: they scroll, and copy in one go.
        scroll = QScrollArea()
        scroll.setWidget(self.message)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMaximumHeight(220)
        self.layout_.addWidget(scroll)
        self.layout_.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _refused(self, exc) -> None:
        self.message.error(str(exc))
        self.copy_button.show()

    def work(self):
        return None

    def done_text(self, result) -> str:
        return ""

    def validatePage(self) -> bool:
        if self._saved:
            self._saved = False
            return True
        self.message.clear()
        self.copy_button.hide()
        call = ops.attempt(self, self.work)
        if call is None:
            return self.message.text() == ""  # skipped, or a problem now said on the page

        def saved(result) -> None:
            self.message.ok(self.done_text(result))
            self._saved = True
            self.wizard().next()

        ops.run(
            self,
            call,
            saved,
            failed=self._refused,
            changes=Changes.CATALOG | Changes.SETTINGS,
            busy=tr("Saving…"),
        )
        return False


class NamePage(_SavingPage):
    def __init__(self, db, user: str):
        super().__init__(
            tr("Your program"),
            tr("Its name is printed on every sheet and report (load-out sheets, count sheets, the program report)."),
        )
        self.db, self.user = db, user
        self.name = QLineEdit(placeholderText=tr("e.g. Eastside Harm Reduction"))
        self.layout_.addWidget(QLabel(tr("Program name")))
        self.layout_.addWidget(self.name)
        self.finish_layout()

    def work(self):
        name = self.name.text().strip()
        if not name:
            return None  # skipped: the default name stays
        return lambda: _services()[2].put(self.db, self.user, "program_name", name)

    def done_text(self, _result) -> str:
        return tr("Saved.")


class LocationsPage(_SavingPage):
    def __init__(self, db, user: str):
        super().__init__(
            tr("Your locations"),
            tr(
                "Where supplies are kept and handed out: the fixed site, each van, partner sites. Kind is "
                "site, van or other. Change the names, add a row for each van or partner, or skip."
            ),
        )
        self.db, self.user = db, user
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Code"), tr("Name"), tr("Kind (site, van, other)")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        no_tab_trap(self.table)
        for row in STARTING_LOCATIONS:
            self.add_row(*row)
        add, remove = QPushButton(tr("&Add a location")), QPushButton(tr("Re&move the selected location"))
        add.clicked.connect(lambda: self.add_row("", "", "van"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(buttons)
        self.finish_layout()

    def add_row(self, code: str, name: str, kind: str) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        for col, text in enumerate((code, name, kind)):
            self.table.setItem(n, col, QTableWidgetItem(text))

    def rows(self) -> list[tuple[str, str, str]]:
        out = []
        for n in range(self.table.rowCount()):
            cells = [(self.table.item(n, c).text().strip() if self.table.item(n, c) else "") for c in range(3)]
            if any(cells):
                out.append((cells[0], cells[1], cells[2].lower()))
        return out

    def work(self):
        rows = self.rows()
        if not rows:
            return None
        return lambda: _services()[1].add_locations(self.db, self.user, rows)

    def done_text(self, added: int) -> str:
        return tr("{n} location(s) added.").format(n=added)


class CatalogPage(_SavingPage):
    def __init__(self, db, user: str):
        super().__init__(
            tr("Your catalog"),
            tr("What you hand out and keep count of. Every item can be changed later in Settings → Items."),
        )
        self.db, self.user = db, user
        catalog = _services()[1].starter_catalog()
        categories = sorted({i.category for i in catalog})
        self.starter = QRadioButton(tr("Start from the starter catalog: {n} common supplies").format(n=len(catalog)))
        self.spreadsheet = QRadioButton(tr("Import a spreadsheet (.xlsx: Items, Locations, Par, Movements sheets)"))
        self.empty = QRadioButton(tr("Start empty, and add items in Settings → Items"))
        self.starter.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.starter, self.spreadsheet, self.empty):
            group.addButton(button)
        self.path = QLineEdit(placeholderText=tr("the workbook to import"))
        choose = QPushButton(tr("Choose…"))
        choose.clicked.connect(self.choose)
        pick = QHBoxLayout()
        pick.addWidget(self.path, 1)
        pick.addWidget(choose)
        self.layout_.addWidget(self.starter)
        self.layout_.addWidget(
            note(
                tr("With units, pack sizes and lot tracking where it applies, in: ")
                + ", ".join(categories)
                + tr(". Naloxone kits know their doses.")
            )
        )
        self.layout_.addWidget(self.spreadsheet)
        self.layout_.addLayout(pick)
        self.layout_.addWidget(self.empty)
        self.finish_layout()

    def ask_path(self) -> str:
        """A test replaces this to avoid the dialog."""
        from hrsupply.ui.import_dialog import ask_workbook

        return ask_workbook(self)

    def choose(self) -> None:
        path = self.ask_path()
        if path:
            self.path.setText(path)
            self.spreadsheet.setChecked(True)

    def work(self):
        exchange, first_run, _program = _services()
        if self.starter.isChecked():
            return lambda: ("starter", first_run.add_starter_catalog(self.db, self.user))
        if self.spreadsheet.isChecked():
            path = self.path.text().strip()
            if not path:
                from hrsupply.errors import UserError

                raise UserError(tr("choose the workbook to import, or another way to start"))
            return lambda: ("import", exchange.import_workbook(self.db, path, self.user))
        return None

    def done_text(self, result) -> str:
        kind, value = result
        if kind == "starter":
            return tr("{n} items added.").format(n=value)
        return tr("Imported {items} items, {locations} locations and {movements} movements.").format(
            items=value.items, locations=value.locations, movements=value.movements
        )


class StockPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(tr("Your opening stock"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "Last, count what is on your shelves, so the records start from what is there: open "
                    "Counts, choose a location and Start count, print the count sheet if you like, type "
                    "each figure and Post count. Do it for each location (a van's load can wait for its "
                    "first load-out). Home reminds you of the next step until there is stock.\n\n"
                    "Then add the people who will use the app (Settings → Users): front desk, van crew "
                    "and supply lead, each with a PIN."
                )
            )
        )
        layout.addStretch(1)


class FirstRunWizard(Remembers, QWizard):
    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Set up hrsupply"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.resize(720, 520)
        self.name_page = NamePage(db, user)
        self.locations_page = LocationsPage(db, user)
        self.catalog_page = CatalogPage(db, user)
        self.stock_page = StockPage()
        pages = (self.name_page, self.locations_page, self.catalog_page, self.stock_page)
        for n, page in enumerate(pages, start=1):
            page.setSubTitle(
                tr("Step {n} of {n2}").format(n=n, n2=len(pages))
                + (tr(" · Next skips it; everything here can be changed later in Settings.") if n < len(pages) else "")
            )
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Go to Home"))
