"""Help: About (version, data folder, database, licence), the keyboard shortcuts of the screen in
sight (F1), and, for an admin, Restore from a backup… (what `hrsupply restore` does, in the window)."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hrsupply.i18n import tr
from hrsupply.services.roles import can
from hrsupply.ui import ops
from hrsupply.ui.tables import no_tab_trap

# A key named where it is offered: "Save visit  (Ctrl+Enter)", "Used syringes returned  (Alt+R)".
SHOWN_KEY = re.compile(r"\((Ctrl\+[^)]+|Alt\+\w|F\d+(?:…F\d+)?|Delete|Esc)\)")


def add_to(window) -> None:
    """The Help menu of the main window."""
    menu = window.menuBar().addMenu(tr("&Help"))
    menu.addAction(tr("&Keyboard shortcuts"), QKeySequence("F1"), lambda: ShortcutsDialog(window).exec())
    if can(window.account.role, "admin"):
        menu.addAction(tr("&Restore from a backup…"), lambda: restore(window))
    menu.addSeparator()
    menu.addAction(tr("&About hrsupply"), lambda: about(window))


def about_text(db) -> str:
    from importlib import metadata

    import hrsupply
    from hrsupply.db import data_dir

    try:
        licence = metadata.metadata("hrsupply").get("License") or tr("not stated in this build")
    except metadata.PackageNotFoundError:
        licence = tr("not stated in this build")
    where = db.url.split("@")[-1]  # a server's address, never its password
    return "\n".join(
        (
            tr("hrsupply {version}: supplies and visits for syringe services programs.").format(
                version=hrsupply.__version__
            ),
            "",
            tr("Data folder: {x}").format(x=data_dir()),
            tr("Database: {x}").format(x=where),
            tr("Licence: {x}").format(x=licence),
        )
    )


def about(window) -> None:
    QMessageBox.about(window, tr("About hrsupply"), about_text(window.db))


def shortcuts_of(window) -> list[tuple[str, str]]:
    """(key, what it does) for the screen in sight: every key its buttons, labels and fields name,
    then the window's own."""
    found: list[tuple[str, str]] = []
    screen = window.current_screen()
    for widget in screen.findChildren(QWidget):
        if not widget.isVisible():
            continue
        texts = [widget.toolTip()]
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        for text in texts:
            plain = re.sub(r"<[^>]+>", "", text or "").replace("&", "")
            for key in SHOWN_KEY.findall(plain):
                what = SHOWN_KEY.sub("", plain).strip(" .:…") or plain
                found.append((key, what))
    for key, what in getattr(screen, "KEYS", ()):
        found.append((key, tr(what)))
    for row in range(window.nav.count()):
        found.append((window.nav.item(row).toolTip(), tr("Open {x}").format(x=window.nav.item(row).text())))
    found += [("Ctrl+L", tr("Lock the screen")), ("F1", tr("This list"))]
    for action in window.menuBar().actions():  # Alt+F: File (Alt+A: Archivo)
        if (letter := re.search(r"&(\w)", action.text())) is not None:
            menu = action.text().replace("&", "")
            found.append((f"Alt+{letter.group(1).upper()}", tr("The {x} menu").format(x=menu)))
    seen, out = set(), []
    for key, what in found:
        if (key, what) not in seen:
            seen.add((key, what))
            out.append((key, what))
    return out


class ShortcutsDialog(QDialog):
    """F1: the keys of the screen in sight, in a list that reads top to bottom."""

    def __init__(self, window):
        super().__init__(window, windowTitle=tr("Keyboard shortcuts"))
        rows = shortcuts_of(window)
        self.table = QTableWidget(len(rows), 2)
        no_tab_trap(self.table)
        self.table.setAccessibleName(tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([tr("Key"), tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for n, (key, what) in enumerate(rows):
            self.table.setItem(n, 0, QTableWidgetItem(key))
            self.table.setItem(n, 1, QTableWidgetItem(what))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Keys of {x}").format(x=window.nav.currentItem().text())))
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(640, 480)


def restore(window) -> None:
    """Replace the database with a backup, checked whole first (services.backup.restore), signed
    for by an admin of the backup; then everyone signs in again, to the restored records."""
    from hrsupply.services import backup

    folder = str(backup.default_folder(window.db.url))
    path, _ = QFileDialog.getOpenFileName(window, tr("Restore from a backup"), folder, tr("Backups (*.sqlite *.dump)"))
    if not path:
        return
    pin, ok = QInputDialog.getText(
        window,
        tr("Restore from a backup"),
        tr(
            "Replace the database with {x}?\nOther workstations should be closed first. The database as it "
            "is now is kept beside the backups.\n\nPIN or password of {user} (an admin of the backup):"
        ).format(x=path, user=window.account.username),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not pin:
        return
    url, user = window.db.url, window.account.username

    def restored(before) -> None:
        kept = tr("The database as it was is kept in {x}.").format(x=before.path) if before else ""
        QMessageBox.information(
            window, tr("Restored"), tr("Restored {x}. Sign in again to use it.").format(x=path) + "\n" + kept
        )
        window.switch_user.emit()

    ops.run(
        window,
        lambda: backup.restore(url, path, user=user, secret=pin),
        restored,
        failed=lambda exc: QMessageBox.warning(window, tr("Not restored"), str(exc)),
        busy=tr("Checking and restoring the backup…"),
    )
