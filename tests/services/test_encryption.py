"""Encrypted at rest: a database, its WAL and side files, its backups and the files hrsupply writes
for it (sync, setup, dumps) hold no participant code in plain text once encrypted; a missing or
wrong key is one sentence; encrypting is whole or not at all, even killed part-way."""

import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from hrsupply import keys, sealed
from hrsupply.cli import main
from hrsupply.db import open_database
from hrsupply.errors import UserError
from hrsupply.services import backup, encryption, sync, verify, visits
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import PG, PIN
from tests.helpers import earlier_today

sqlite_only = pytest.mark.skipif(bool(PG), reason="SQLite files (a server keeps its own disk)")
KEY, NEW = "correct horse battery", "another long passphrase"
CODES = ("MAJO85", "ROLU90", "PEAN77")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plain_db(tmp_path, cat, db, monkeypatch):
    """The suite's database, plain whatever pass this is, with visits of three codes and a backup."""
    monkeypatch.delenv(keys.ENV, raising=False)
    if db.encrypted:
        path = Path(db.engine.url.database)
        db.dispose()
        from hrsupply.db import rewrite

        rewrite(path, db.key, None)
        keys._opened.clear()
        db.reopen(None)
    for n, code in enumerate(CODES):
        visits.record(db, "desk", VisitForm(cat.site, earlier_today(n + 1), code,
                                            [Line(cat.syr, 5)]), confirm_shortfall=True)  # fmt: skip
    backup.take(db.url)
    return db


def files_with_codes(folder: Path) -> list[str]:
    """Every file under `folder` in which a recorded code can be read."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {code}" for code in CODES if code.encode() in data]
    return found


@sqlite_only
def test_after_encrypting_no_file_in_the_data_folder_holds_a_code(plain_db, tmp_path):
    folder = Path(plain_db.engine.url.database).parent
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "logs" / "hrsupply.log").write_text("12:00 visit saved for code ######\n")
    assert files_with_codes(folder)  # plain: the codes are there to find (the test can fail)
    done = encryption.encrypt(plain_db, "admin", KEY)
    assert done.backups == 1 and plain_db.encrypted
    visits.record(plain_db, "desk", VisitForm(1, datetime.now(), "MAJO85", [Line(1, 1)]), confirm_shortfall=True)
    assert files_with_codes(folder) == []  # the database, its WAL while open, the backups, the log
    backup.take(plain_db.url)
    plain_db.dispose()
    assert files_with_codes(folder) == []
    assert all(keys.is_encrypted(p) for p in (folder / "backups").glob("*.sqlite"))
    again = open_database(plain_db.url, key=KEY)
    assert {r.participant for r in visits.between(again, "admin", datetime.now().date() - timedelta(days=1),
                                                  datetime.now().date())} >= set(CODES)  # fmt: skip
    assert verify.check(again).ok
    again.dispose()


@sqlite_only
def test_a_missing_or_wrong_key_is_one_sentence_and_exit_2(plain_db, capsys, monkeypatch):
    encryption.encrypt(plain_db, "admin", KEY)
    plain_db.dispose()
    keys._opened.clear()
    with pytest.raises(keys.KeyNeeded, match="is encrypted: give its key"):
        open_database(plain_db.url)
    with pytest.raises(keys.WrongKey, match="The key does not open"):
        open_database(plain_db.url, key="not the passphrase")
    for key, said in ((None, "is encrypted: give its key"), ("wrong passphrase", "The key does not open")):
        if key:
            monkeypatch.setenv(keys.ENV, key)
        assert main(["--db", plain_db.url, "stock"]) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err and "file is not a database" not in err
        assert len(err.strip().splitlines()) == 1
    monkeypatch.setenv(keys.ENV, KEY)
    assert main(["--db", plain_db.url, "stock"]) == 0


@sqlite_only
def test_change_key_opens_with_the_new_passphrase_only_backups_too(plain_db):
    encryption.encrypt(plain_db, "admin", KEY)
    done = encryption.change_key(plain_db, "admin", NEW)
    assert done.backups == 1
    plain_db.dispose()
    keys._opened.clear()
    with pytest.raises(keys.WrongKey):
        open_database(plain_db.url, key=KEY)
    db = open_database(plain_db.url, key=NEW)
    [copy] = [b.path for b in backup.backups(backup.default_folder(db.url))]
    backup.check_sqlite(copy, NEW)
    with pytest.raises(UserError, match="not an hrsupply database, or one the key"):
        backup.check_sqlite(copy, KEY)
    with pytest.raises(UserError, match="already encrypted"):
        encryption.encrypt(db, "admin", KEY)
    with pytest.raises(UserError):
        encryption.change_key(db, "desk", KEY)  # an admin's
    db.dispose()


@sqlite_only
def test_a_passphrase_is_long_enough_and_encrypting_is_for_an_admin(plain_db):
    with pytest.raises(UserError, match="at least 10 characters"):
        encryption.encrypt(plain_db, "admin", "short")
    with pytest.raises(UserError):
        encryption.encrypt(plain_db, "desk", KEY)
    assert not keys.is_encrypted(plain_db.engine.url.database)


@sqlite_only
@pytest.mark.parametrize("where", ["copying", "renaming", "after"])
def test_encrypt_killed_part_way_leaves_a_database_that_opens_and_verifies(plain_db, where):
    """SIGKILL while the copy is written, just before it takes the name, and just after: the
    database opens (plain, or encrypted with the key), never neither, and verifies."""
    path = Path(plain_db.engine.url.database)
    plain_db.dispose()
    script = f"""
import os, signal, sys
from hrsupply.db import open_database
from hrsupply import db as dbmod
from hrsupply.services import encryption
where = {where!r}
real_replace, real_fsync = os.replace, os.fsync
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def fsync(fd):
    real_fsync(fd)
    if where == "copying":
        die()
def replace(a, b):
    if where == "renaming":
        die()
    real_replace(a, b)
    if where == "after":
        die()
os.fsync, os.replace = fsync, replace
db = open_database(sys.argv[1])
encryption.encrypt(db, "admin", {KEY!r})
"""
    env = dict(os.environ)
    env.pop(keys.ENV, None)
    done = subprocess.run([sys.executable, "-c", script, plain_db.url], cwd=ROOT, env=env, capture_output=True)
    assert done.returncode == -signal.SIGKILL, done.stderr
    encrypted = keys.is_encrypted(path)
    assert encrypted == (where == "after")
    db = open_database(plain_db.url, key=KEY if encrypted else None)
    assert verify.check(db).ok
    assert len(visits.between(db, "admin", datetime.now().date() - timedelta(days=1), datetime.now().date())) == 3
    db.dispose()
    if not encrypted:  # what the killed run left is cleared, and it goes through now
        db = open_database(plain_db.url)
        encryption.encrypt(db, "admin", KEY)
        assert keys.is_encrypted(path) and not Path(f"{path}.rewriting").exists()
        db.dispose()


def test_sync_files_hold_no_code_and_a_setup_file_needs_the_passphrase(db, cat, tmp_path, monkeypatch):
    visits.record(db, "desk", VisitForm(cat.van, earlier_today(1), "MAJO85", [Line(cat.syr, 1)]),
                  confirm_shortfall=True)  # fmt: skip
    monkeypatch.setenv(keys.ENV, KEY)
    program_key = db.key or KEY  # the central's own passphrase, if it is encrypted
    setup = sync.setup(db, "admin", "VAN1", tmp_path / "van.setup")
    assert b"MAJO85" not in setup.read_bytes() and b"crew" not in setup.read_bytes()
    monkeypatch.delenv(keys.ENV)
    keys._opened.clear()
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}", encrypt=False)
    with pytest.raises(UserError, match="sealed with the program's passphrase"):
        sync.join(laptop, setup)
    with pytest.raises(UserError, match="cannot be opened"):
        sync.join(laptop, setup, passphrase="not the passphrase")
    sync.join(laptop, setup, passphrase=program_key)
    visits.record(laptop, "crew", VisitForm(cat.van, datetime.now(), "ROLU90", [Line(cat.syr, 1)]),
                  confirm_shortfall=True)  # fmt: skip
    sent = sync.export_file(laptop, "crew", tmp_path / "day.sync")
    assert sent.visits == 1 and b"ROLU90" not in sent.path.read_bytes()
    assert sync.import_file(db, "crew", sent.path).new >= 1
    laptop.dispose()


def test_the_demo_is_never_encrypted(tmp_path, monkeypatch):
    from hrsupply.services.demo import rebuild_demo

    monkeypatch.setenv(keys.ENV, KEY)
    db = rebuild_demo(tmp_path / "demo.sqlite")
    assert not db.encrypted and not keys.is_encrypted(tmp_path / "demo.sqlite")
    db.dispose()


def test_a_sealed_file_opens_only_with_its_key_and_whole():
    data = os.urandom(2 * sealed.CHUNK + 17)
    box = sealed.seal_bytes(KEY, data)
    assert sealed.open_bytes(KEY, box, "f") == data
    for bad in (
        box[:-1],
        box[: sealed.HEAD + sealed.CHUNK + sealed.TAG],
        box[:100] + bytes([box[100] ^ 1]) + box[101:],
    ):
        with pytest.raises(UserError, match="cannot be opened"):
            sealed.open_bytes(KEY, bad, "f")
    with pytest.raises(UserError, match="cannot be opened"):
        sealed.open_bytes(NEW, box, "f")


@pytest.mark.skipif(not PG, reason="a PostgreSQL dump")
def test_a_server_dump_is_sealed_with_the_program_passphrase(db, cat, tmp_path, monkeypatch):
    visits.record(db, "desk", VisitForm(cat.site, datetime.now(), "MAJO85", [Line(cat.syr, 1)]), confirm_shortfall=True)
    monkeypatch.setenv(keys.ENV, KEY)
    made = backup.take(db.url, tmp_path)
    assert sealed.is_sealed(made.path) and b"MAJO85" not in made.path.read_bytes()
    backup.restore(db.url, made.path, tmp_path, user="admin", secret=PIN)
    monkeypatch.delenv(keys.ENV)
    with pytest.raises(UserError, match="sealed with the program's passphrase"):
        backup.restore(db.url, made.path, tmp_path, user="admin", secret=PIN)
