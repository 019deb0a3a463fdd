"""Start-up: open the database, make its first admin if it has no users, sign in, then the
main window. "Sign in as someone else" on the lock page comes back here for the next person."""

from __future__ import annotations

import sys

from hrsupply.db import SchemaTooNew, data_dir, open_database
from hrsupply.errors import UserError
from hrsupply.i18n import tr


def _icon():
    from importlib import resources

    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in resources.files("hrsupply.resources").joinpath("icons").iterdir():
        if png.name.endswith(".png"):
            icon.addFile(str(png))
    return icon


def run_app(*, url: str | None, demo: bool, user: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hrsupply.services import users
    from hrsupply.ui import errors
    from hrsupply.ui.main_window import MainWindow
    from hrsupply.ui.sign_in import FirstAdminDialog, SignInDialog

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("hrsupply")
    app.setApplicationName("hrsupply")
    app.setDesktopFileName("hrsupply")  # Wayland and the taskbar match the window to hrsupply.desktop
    app.setWindowIcon(_icon())
    from hrsupply.ui import preferences

    preferences.apply(app)
    errors.install(data_dir() / "logs")  # from here on, nothing fails silently
    try:
        if demo:
            from hrsupply.services.demo import DEMO_PIN, DEMO_USERS, rebuild_demo

            db = rebuild_demo()
        else:
            from hrsupply.services.backup import before_upgrade

            db = open_database(url, before_upgrade=before_upgrade)
    except (SchemaTooNew, UserError) as exc:  # a database too new, missing or unreachable: said in the window
        QMessageBox.critical(None, "hrsupply", str(exc))
        return 2
    if db.read_only:  # said once, before anyone types a visit that cannot be saved
        QMessageBox.warning(
            None, "hrsupply", tr("This database is read-only: it can be read, and nothing can be saved.")
        )
    hint = (
        (
            "Demo: "
            + ", ".join(f"{name} ({role.replace('_', ' ')})" for name, role in DEMO_USERS.items())
            + f"; PIN {DEMO_PIN}"
        )
        if demo
        else ""
    )
    try:
        if users.needs_first_admin(db):
            first = FirstAdminDialog(db)
            if not first.exec():
                return 0
            if first.joined:  # a van laptop now: its users came with the setup file
                hint = tr("This laptop is now the van laptop of {x}: sign in as its crew.").format(x=first.joined[0])
            else:
                user = first.account.username
                from hrsupply.ui.first_run import FirstRunWizard

                FirstRunWizard(db, user).exec()  # every step may be skipped; Home names what is left
        while True:
            dialog = SignInDialog(db, user or "", hint=hint)
            if not dialog.exec():
                return 0
            window = MainWindow(db, dialog.account, title_suffix=" — DEMO data" if demo else "", backups=not demo)
            switched = []
            window.switch_user.connect(lambda switched=switched, window=window: (switched.append(True), window.close()))
            window.show()
            app.exec()
            if not switched:
                return 0
            user = None
    finally:
        db.dispose()
