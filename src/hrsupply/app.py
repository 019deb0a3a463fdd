"""Start-up: open the database, then the main window."""

from __future__ import annotations

import sys

from hrsupply.db import SchemaTooNew, open_database


def run_app(*, url: str | None, demo: bool, user: str) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from hrsupply.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("hrsupply")
    app.setApplicationName("hrsupply")
    try:
        if demo:
            from hrsupply.services.demo import rebuild_demo

            db = rebuild_demo()
        else:
            db = open_database(url)
    except SchemaTooNew as exc:
        QMessageBox.critical(None, "hrsupply", str(exc))
        return 2
    window = MainWindow(db, user, title_suffix=" — DEMO data" if demo else "")
    window.show()
    code = app.exec()
    db.dispose()
    return code
