"""The passphrase in the window: asked to open an encrypted database (wrong, then right), chosen
twice alike for a new one, Settings → Safety encrypting the open database and changing its
passphrase (then the recovery sheet), and a laptop joining from a sealed setup file."""

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from hrsupply import keys
from hrsupply.db import open_database
from hrsupply.services import recovery_sheet, sync, visits
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui.key_dialogs import NewKeyDialog, OpenKeyDialog
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from hrsupply.ui.sign_in import FirstAdminDialog
from tests.conftest import PG

KEY = "correct horse battery"
sqlite_only = pytest.mark.skipif(bool(PG), reason="SQLite files")


def test_open_asks_again_after_a_wrong_passphrase(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv(keys.ENV, raising=False)
    path = tmp_path / "enc.sqlite"
    open_database(f"sqlite:///{path}", key=KEY).dispose()
    keys._opened.clear()
    dialog = OpenKeyDialog(path, lambda key: open_database(f"sqlite:///{path}", key=key))
    qtbot.addWidget(dialog)
    dialog.key.setText("not it at all")
    dialog.try_open()
    assert dialog.db is None and "does not open enc.sqlite" in dialog.message.text()
    dialog.key.setText(KEY)
    dialog.try_open()
    assert dialog.db is not None and dialog.db.encrypted and dialog.result() == dialog.DialogCode.Accepted
    dialog.db.dispose()


def test_a_new_passphrase_is_long_and_typed_twice_alike(qtbot):
    dialog = NewKeyDialog("encrypt", "", "Encrypt")
    qtbot.addWidget(dialog)
    dialog.key.setText("short")
    dialog.again.setText("short")
    dialog.choose()
    assert dialog.passphrase is None and "at least 10 characters" in dialog.message.text()
    dialog.key.setText(KEY)
    dialog.again.setText(KEY + "!")
    dialog.choose()
    assert dialog.passphrase is None and "differ" in dialog.message.text()
    dialog.again.setText(KEY)
    dialog.choose()
    assert dialog.passphrase == KEY


@sqlite_only
def test_settings_encrypts_the_open_database_then_changes_its_passphrase(shown, db, cat, monkeypatch, tmp_path):
    monkeypatch.delenv(keys.ENV, raising=False)
    if db.encrypted:
        pytest.skip("the encrypted pass: this database is encrypted already")
    window = shown(MainWindow(db, "admin"))
    settings = window.show_screen("Settings")
    safety = settings.safety
    settings.tabs.setCurrentWidget(safety)
    settle()
    assert "Not encrypted" in safety.encryption.text()
    sheets = []
    safety.ask_new_key = lambda changing: "another long passphrase" if changing else KEY
    safety.show_recovery_sheet = lambda key, database: sheets.append((key, database))
    safety.encrypt_button.click()
    settle()
    assert db.encrypted and keys.is_encrypted(db.engine.url.database)
    assert "are encrypted" in safety.encryption.text() and safety.encrypt_button.text() == "Change passphrase…"
    assert sheets == [(KEY, db.engine.url.database)]
    visits.record(db, "desk", VisitForm(cat.site, datetime.now(), "MAJO85", [Line(cat.syr, 1)]), confirm_shortfall=True)
    safety.encrypt_button.click()
    settle()
    assert db.key == "another long passphrase" and len(sheets) == 2
    window.close()


def test_the_recovery_sheet_says_the_passphrase_and_what_it_opens(tmp_path):
    pdf = recovery_sheet.write(tmp_path / "sheet.pdf", KEY, "/home/desk/hrsupply.sqlite", "Eastside")
    text = PdfReader(pdf).pages[0].extract_text()
    assert KEY in text and "/home/desk/hrsupply.sqlite" in text and "office safe" in text
    assert "Eastside" in text


@sqlite_only
def test_a_laptop_joins_from_a_sealed_setup_file_with_the_programs_passphrase(qtbot, db, cat, tmp_path, monkeypatch):
    monkeypatch.setenv(keys.ENV, KEY)
    passphrase = db.key or KEY
    setup = sync.setup(db, "admin", "VAN1", tmp_path / "VAN1.setup")
    monkeypatch.delenv(keys.ENV)
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}", encrypt=False)
    first = FirstAdminDialog(laptop)
    qtbot.addWidget(first)
    first.ask_setup_file = lambda: str(setup)
    asked = []
    first.ask_passphrase = lambda: asked.append(True) or passphrase
    first.join_button.click()
    settle()
    assert asked and first.joined and first.joined[0] == "VAN1"
    laptop.dispose()
    assert Path(setup).exists()


@sqlite_only
def test_a_first_start_offers_encryption_then_the_recovery_sheet(qtbot, tmp_path, monkeypatch):
    """A new database: the passphrase chosen makes it encrypted from its first byte, and the
    recovery sheet is shown in the print preview (its PDF gone once it closes)."""
    from hrsupply import app
    from hrsupply.ui import key_dialogs, pdf_preview

    monkeypatch.delenv(keys.ENV, raising=False)

    def chosen(self):
        self.key.setText(KEY)
        self.again.setText(KEY)
        self.choose()
        return self.result()

    shown = []

    def preview(self):
        shown.append((self.path, PdfReader(self.path).pages[0].extract_text()))
        return 0

    monkeypatch.setattr(key_dialogs.NewKeyDialog, "exec", chosen)
    monkeypatch.setattr(pdf_preview.PdfPreview, "exec", preview)
    path = tmp_path / "new.sqlite"
    db = app._open_own(f"sqlite:///{path}")
    assert db.encrypted and keys.is_encrypted(path)
    [(sheet, text)] = shown
    assert KEY in text and str(path) in text and not sheet.exists()
    db.dispose()
    keys._opened.clear()
    asked = []

    def typed(self):
        asked.append(True)
        self.key.setText(KEY)
        self.try_open()
        return self.result()

    monkeypatch.setattr(key_dialogs.OpenKeyDialog, "exec", typed)
    again = app._open_own(f"sqlite:///{path}")  # the next start: asked (no keyring here), then open
    assert asked and again.encrypted
    again.dispose()


@sqlite_only
def test_a_first_start_may_decline_encryption(qtbot, tmp_path, monkeypatch):
    from hrsupply import app
    from hrsupply.ui import key_dialogs

    monkeypatch.delenv(keys.ENV, raising=False)
    monkeypatch.setattr(key_dialogs.NewKeyDialog, "exec", lambda self: 0)
    path = tmp_path / "plain.sqlite"
    db = app._open_own(f"sqlite:///{path}")
    assert not db.encrypted and path.exists() and not keys.is_encrypted(path)
    db.dispose()
