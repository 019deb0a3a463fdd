"""Start-up: open the database, make its first admin if it has no users, sign in, then the
main window. "Sign in as someone else" on the lock page comes back here for the next person."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

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


def _open_own(url: str | None):
    """The program's database: a new SQLite file is offered encryption first (on by default, with
    the recovery sheet); an encrypted one opens with the keyring's passphrase, or asks for it.
    None: the person chose not to go on."""
    from sqlalchemy import make_url

    from hrsupply import keys
    from hrsupply.db import default_url
    from hrsupply.services.backup import before_upgrade
    from hrsupply.ui.key_dialogs import NewKeyDialog, OpenKeyDialog, show_recovery_sheet

    url = url or default_url()
    database = make_url(url).database if make_url(url).get_backend_name() == "sqlite" else None
    path = Path(database) if database not in (None, "", ":memory:") and not database.startswith("file:") else None

    def opener(key: str | None = None, encrypt: bool | None = None):
        return open_database(url, before_upgrade=before_upgrade, key=key, encrypt=encrypt)

    if path is not None and (not path.exists() or path.stat().st_size == 0) and not keys.key_for(path):
        ask = NewKeyDialog(
            tr("protect the records"),
            tr(
                "<h3>Encrypt this computer's records?</h3>Participant codes, visits and backups are kept "
                "encrypted on the disk: a lost or stolen laptop gives nobody a code. Choose a passphrase of "
                "at least 10 characters (a few words is easiest)."
            ),
            tr("Encrypt (recommended)"),
            optional=True,
        )
        if not ask.exec():
            return opener(encrypt=False)
        db = opener(ask.passphrase)
        if ask.remember.isChecked():
            keys.remember(path, ask.passphrase)
        show_recovery_sheet(None, ask.passphrase, str(path))
        return db
    try:
        return opener()
    except (keys.KeyNeeded, keys.WrongKey):
        dialog = OpenKeyDialog(path, opener)
        return dialog.db if dialog.exec() else None


def _load_while_typing() -> threading.Thread:
    """What the main window needs (the ORM models, the services, Home) imported in the background
    while the sign-in dialog waits for a PIN: the dialog paints first, and Enter opens the window
    without the third of a second those imports take. Then every screen's module, so a first
    click on a screen builds it without reading its code from disk (Supply: 30 ms of a 110)."""
    import importlib

    def load() -> None:
        from sqlalchemy.orm import configure_mappers

        import hrsupply.services.users  # noqa: F401 - imported for the sign-in to find
        import hrsupply.ui.home_screen  # noqa: F401
        from hrsupply.ui.main_window import SCREENS

        configure_mappers()  # else the first query pays for it (a tenth of a second)
        for _needs, where in SCREENS.values():  # modules only: no widget is made off the window's thread
            importlib.import_module(f"hrsupply.ui.{where.split(':')[0]}")

    thread = threading.Thread(target=load, name="load-while-typing", daemon=True)
    thread.start()
    return thread


def run_app(*, url: str | None, demo: bool, user: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hrsupply.db import has_users
    from hrsupply.ui import errors
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
            db = _open_own(url)
            if db is None:
                return 0
    except (SchemaTooNew, UserError) as exc:  # a database too new, missing or unreachable: said in the window
        QMessageBox.critical(None, "hrsupply", str(exc))
        return 2
    if db.read_only:  # said once, before anyone types a visit that cannot be saved
        QMessageBox.warning(
            None, "hrsupply", tr("This database is read-only: it can be read, and nothing can be saved.")
        )
    from hrsupply.services.roles import ROLES

    hint = (
        tr("Demo: {users}; PIN {pin}").format(
            users=", ".join(f"{name} ({tr(ROLES[role])})" for name, role in DEMO_USERS.items()), pin=DEMO_PIN
        )
        if demo
        else ""
    )
    try:
        signed_in = None  # the admin who just set the program up goes straight in, not asked again
        if not has_users(db):
            first = FirstAdminDialog(db)
            if not first.exec():
                return 0
            if first.joined:  # a van laptop now: its users came with the setup file
                hint = tr("This laptop is now the van laptop of {x}: sign in as its crew.").format(x=first.joined[0])
            else:
                user = first.account.username
                from hrsupply.ui.first_run import FirstRunWizard

                FirstRunWizard(db, user).exec()  # every step may be skipped; Home names what is left
                signed_in = first.account
        while True:
            if signed_in is None:
                dialog = SignInDialog(db, user or "", hint=hint)
                QTimer.singleShot(100, _load_while_typing)  # once the dialog is painted
                if not dialog.exec():
                    return 0
                signed_in = dialog.account
            from hrsupply.ui.main_window import MainWindow

            window = MainWindow(db, signed_in, title_suffix=" — DEMO data" if demo else "", backups=not demo)
            signed_in = None
            switched = []
            window.switch_user.connect(lambda switched=switched, window=window: (switched.append(True), window.close()))
            window.show()
            app.exec()
            if not switched:
                return 0
            user = None
    finally:
        db.dispose()
