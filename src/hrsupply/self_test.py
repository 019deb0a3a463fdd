"""`hrsupply --self-test`: does this installation work? On a throwaway demo database in a
temporary folder (never the user's data or settings): every screen is built and shown offscreen,
one of each printed sheet is rendered and read back, one workbook is written and opened. Prints
`self-test ok` and returns 0, or names what failed and returns 1. Works from the frozen app too."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from datetime import date
from pathlib import Path


def run() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    with tempfile.TemporaryDirectory(prefix="hrsupply-self-test-") as tmp:
        step = "starting"
        try:
            for step in _steps(Path(tmp)):
                print(f"  {step}", flush=True)
        except Exception as exc:  # the point is to say what broke, whatever it is
            print(f"self-test FAILED while {step}: {type(exc).__name__}: {exc}", file=sys.stderr)
            traceback.print_exc()
            return 1
    print("self-test ok")
    return 0


def _pdf_pages(path: Path) -> int:
    """Opens the PDF as the print preview does and renders its first page; its page count."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        if len(doc) < 1 or doc[0].render(scale=0.5).width < 100:
            raise RuntimeError(f"{path.name} has no page to show")
        return len(doc)
    finally:
        doc.close()


def _encrypted(tmp: Path) -> str:
    """SQLCipher is in this installation: a new database encrypted, reopened with its key, and
    no code readable in its file."""
    from hrsupply import keys
    from hrsupply.db import open_database
    from hrsupply.services import catalog

    path = tmp / "encrypted.sqlite"
    db = open_database(f"sqlite:///{path}", key="self-test passphrase")
    with db.write() as s:
        catalog.upsert_location(s, "SELFTEST", "Self-test site", "site")
    db.dispose()
    if not keys.is_encrypted(path) or b"SELFTEST" in path.read_bytes():
        raise RuntimeError("the database was written in plain text")
    again = open_database(f"sqlite:///{path}", key="self-test passphrase")
    again.dispose()
    return "an encrypted database written and opened again"


def _steps(tmp: Path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])
    app.setOrganizationName("hrsupply-self-test")  # window sizes and choices go to the temporary folder
    app.setApplicationName("hrsupply-self-test")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "settings"))

    from hrsupply.services import (
        exchange,
    )
    from hrsupply.services.demo import rebuild_demo

    db = rebuild_demo(tmp / "self-test.sqlite")
    yield "a demo database made"
    yield _encrypted(tmp)
    try:
        from hrsupply.ui import ops
        from hrsupply.ui.main_window import MainWindow

        window = MainWindow(db, "sam")
        window.show()
        for name in window.names:
            screen = window.show_screen(name)
            ops.settle(timeout=60)
            if not screen.isVisible():
                raise RuntimeError(f"the {name} screen did not show")
        window.close()
        yield f"{len(window.names)} screens built and shown"

        sheets = sheets_of(db, "sam", date.today())
        for what, write in sheets.items():
            path = tmp / f"{what.replace(' ', '-')}.pdf"
            write(path)
            yield f"{what}: {_pdf_pages(path)} page(s)"

        book = tmp / "everything.xlsx"
        moved = exchange.export_workbook(db, "sam", book)
        sheets_in = exchange.sheet_rows(book)  # read back as an import reads it
        if sheets_in.get("movements", 0) < moved or moved < 1:
            raise RuntimeError(f"the workbook holds {sheets_in} and {moved} movements")
        yield f"a workbook of {moved:,} movements written and read back"
    finally:
        db.dispose()


def sheets_of(db, user: str, today: date) -> dict:
    """Every sheet the app prints, each a `write(path)` (the self-test writes them all, and a
    test reads their headings in each language): from the first site and the first van."""
    from hrsupply.i18n import tr
    from hrsupply.services import (
        catalog,
        closeout,
        counts,
        exports,
        labels,
        loadout,
        program,
        program_report,
        program_report_files,
        reconcile,
        reorder,
        tally,
    )
    from hrsupply.services.count_sheet import write_count_sheet
    from hrsupply.services.van_sheets import write_pick_sheet, write_van_reconciliation

    places = catalog.locations(db)
    site = next(loc for loc in places if loc.kind == "site")
    van = next(loc for loc in places if loc.kind == "van")
    name, first = program.letterhead(db), today.replace(day=1)
    count_id = counts.start(db, user, site.id)
    info = counts.count_info(db, count_id)
    return {
        "tally sheet": lambda p: tally.write_tally_sheet(db, van.id, today, p),
        "load-out sheet": lambda p: write_pick_sheet(
            p,
            program=name,
            title=tr("Load-out sheet"),
            from_name=site.name,
            to_name=van.name,
            day=today,
            lines=loadout.plan(db, site.id, van.id, today),
        ),
        "van reconciliation": lambda p: write_van_reconciliation(
            p,
            program=name,
            van_name=van.name,
            start=today,
            end=today,
            lines=closeout.van_reconcile(db, van.code, today, today),
        ),
        "shelf labels": lambda p: labels.write_labels(p, labels.labels_for(db)[:6]),
        "count sheet": lambda p: write_count_sheet(
            p, program=name, count=info, rows=counts.sheet(db, count_id), blind=False
        ),
        "order sheet": lambda p: exports.write_pdf(
            p, reorder.order_sheet(reorder.suggestions(db, today=today), program=name, place=site.name)
        ),
        "reconciliation": lambda p: exports.write_pdf(
            p,
            reconcile.report(
                reconcile.reconcile(db, first, today),
                program=name,
                start=first,
                end=today,
                place=tr("All locations"),
                units=catalog.units(db),
            ),
        ),
        "program report": lambda p: program_report_files.write_pdf(
            p, program_report.build(db, user, first, today), program=name, suppress=True
        ),
    }
