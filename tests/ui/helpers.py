"""What several screen tests do: wait for a window to be active, fill an editable grid."""

from PySide6.QtWidgets import QTableWidgetItem

# How long a condition may take on a loaded machine before a test fails: generous, because a
# wait on a condition ends as soon as it holds (a passing test never waits this long).
PATIENCE_MS = 60_000


def activate(qtbot, window) -> None:
    """Make `window` the active window, as a click on it would, and wait until it is: keys reach
    its shortcuts only then (another test's window, or a popup, may hold the activation)."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=PATIENCE_MS)


def put(grid, row: int, values: list[str]) -> None:
    """Type `values` into row `row` of an EditGrid, adding rows as needed."""
    while grid.table.rowCount() <= row:
        grid.table.insertRow(grid.table.rowCount())
    for col, value in enumerate(values):
        grid.table.setItem(row, col, QTableWidgetItem(value))


def main_dialogs(db) -> dict:
    """The dialogs a person meets most, by name, ready to show (several tests walk them all)."""
    from hrsupply.services import catalog, program
    from hrsupply.ui.code_builder import CodeBuilderDialog
    from hrsupply.ui.funder_dialog import FunderDialog
    from hrsupply.ui.import_dialog import ImportDialog
    from hrsupply.ui.sign_in import FirstAdminDialog, SignInDialog
    from hrsupply.ui.tally_entry import TallyEntryDialog

    locations = [(loc.name, loc.id) for loc in catalog.locations(db)]
    return {
        "import": ImportDialog(db, "admin"),
        "sign in": SignInDialog(db, "admin"),
        "first admin": FirstAdminDialog(db),
        "code": CodeBuilderDialog(program.code_scheme(db)),
        "for a funder": FunderDialog(db, "admin"),
        "tally": TallyEntryDialog(db, "admin", locations[0][1], locations, program.get(db, "referrals")),
    }
