"""Restore is a recovery tool: it signs in against the backup, never the (maybe broken) database
it replaces, and accepts only a backup that is whole, of a known schema, with an admin, and that
verifies. Otherwise nothing is touched and the message says why."""

import os
import shutil
import sqlite3
import time

import pytest
from sqlalchemy import text

from hrsupply.cli import main
from hrsupply.db import HEAD, open_database
from hrsupply.errors import UserError
from hrsupply.services import backup, movements, users
from hrsupply.services.ledger import Move
from tests.conftest import PG, PIN, at
from tests.helpers import raw_sqlite, stock_map

sqlite_only = pytest.mark.skipif(bool(PG), reason="SQLite files")


@pytest.fixture
def made(db, cat, tmp_path):
    """A backup holding 500 syringes at the site; the live database then gets 40 handed out."""
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 500, at(1))])
    copy = backup.take(db.url, tmp_path / "bk")
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 40, at(2))])
    return copy.path


def restored_stock(url):
    again = open_database(url)
    try:
        return stock_map(again)
    finally:
        again.dispose()


@sqlite_only
@pytest.mark.parametrize("damage", ["missing", "empty", "garbage", "truncated"])
def test_restore_recovers_a_missing_or_broken_database(db, made, tmp_path, damage, capsys):
    path = db.url.removeprefix("sqlite:///")
    db.dispose()
    for side in (f"{path}-wal", f"{path}-shm"):
        if os.path.exists(side):
            os.remove(side)
    if damage == "missing":
        os.remove(path)
    elif damage == "empty":
        open(path, "wb").close()
    elif damage == "garbage":
        with open(path, "wb") as f:
            f.write(b"this is not a database " * 500)
    else:
        with open(path, "r+b") as f:
            f.truncate(os.path.getsize(path) // 3)
    assert main(["--db", db.url, "restore", str(made)]) == 0
    assert "Restored" in capsys.readouterr().out
    assert restored_stock(db.url) == {("SITE", "SYR-1ML"): 500}
    if damage != "missing":  # what was there is kept aside, never thrown away
        assert [
            b for b in backup.backups(os.path.join(os.path.dirname(path), "backups")) if "before-restore" in b.label
        ]


def test_restore_signs_in_against_the_backup(db, made, tmp_path):
    users.change_user(db, "admin", "admin", secret="new-admin-secret")  # after the backup was taken
    with pytest.raises(UserError, match="not an admin of"):
        backup.restore(db.url, made, tmp_path / "bk", user="admin", secret="new-admin-secret")
    with pytest.raises(UserError, match="is not an admin of"):
        backup.restore(db.url, made, tmp_path / "bk", user="lead", secret=PIN)
    assert stock_map(db) == {("SITE", "SYR-1ML"): 460}  # untouched
    with pytest.raises(UserError, match="not an admin of the database being replaced"):
        backup.restore(db.url, made, tmp_path / "bk", user="admin", secret=PIN)  # the backup's PIN only
    from hrsupply.models import User

    with db.write() as s:  # the admin's PIN the same in both (set as the setup did, short)
        s.query(User).filter(User.username == "admin").update({"secret_hash": users.hash_secret(PIN)})
    backup.restore(db.url, made, tmp_path / "bk", user="admin", secret=PIN)  # an admin of both
    assert restored_stock(db.url) == {("SITE", "SYR-1ML"): 500}


@sqlite_only
def test_a_copy_made_to_crown_someone_is_refused(db, made, tmp_path):
    """A front-desk user edits a copy to make themself admin and restores it: refused, since the
    database it would replace opens and they are not its admin. A trigger in a copy (which would
    fire at the next visit) is refused whoever restores it."""
    crafted = tmp_path / "crafted.sqlite"
    shutil.copy(made, crafted)
    con = raw_sqlite(crafted)
    con.execute("UPDATE users SET role = 'admin' WHERE username = 'desk'")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="not an admin of the database being replaced"):
        backup.restore(db.url, crafted, tmp_path / "bk", user="desk", secret=PIN)
    assert stock_map(db) == {("SITE", "SYR-1ML"): 460}
    trap = tmp_path / "trap.sqlite"
    shutil.copy(made, trap)
    con = raw_sqlite(trap)
    con.execute(
        "CREATE TRIGGER crown AFTER INSERT ON visits BEGIN UPDATE users SET role = 'admin' WHERE username = 'desk'; END"
    )
    con.commit()
    con.close()
    with pytest.raises(UserError, match="trigger crown"):
        backup.restore(db.url, trap, tmp_path / "bk", user="admin", secret=PIN)
    assert stock_map(db) == {("SITE", "SYR-1ML"): 460}


@sqlite_only
def test_a_restore_killed_over_a_damaged_database_leaves_it_there(db, made, tmp_path, monkeypatch):
    path = db.url.removeprefix("sqlite:///")
    db.dispose()
    with open(path, "r+b") as f:
        f.truncate(os.path.getsize(path) // 3)
    damaged = open(path, "rb").read()

    class Killed(BaseException):
        pass

    def killed(*_a):
        raise Killed()

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(Killed):
        backup.restore(db.url, made, tmp_path / "bk", user="admin", secret=PIN)
    monkeypatch.undo()
    assert open(path, "rb").read() == damaged  # never nothing (which would open as an empty database)
    backup.restore(db.url, made, tmp_path / "bk", user="admin", secret=PIN)
    assert restored_stock(db.url) == {("SITE", "SYR-1ML"): 500}


@sqlite_only
def test_a_backup_that_is_not_whole_is_refused_and_nothing_is_touched(db, made, tmp_path):
    def variant(name, change):
        out = tmp_path / f"hrsupply-20261127-0900{len(name):02d}-{name}.sqlite"
        shutil.copy(made, out)
        con = raw_sqlite(out)
        change(con)
        con.commit()
        con.close()
        return out

    only_version = tmp_path / "hrsupply-20261127-080000.sqlite"
    con = sqlite3.connect(only_version)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute(f"INSERT INTO alembic_version VALUES ('{HEAD}')")
    con.commit()
    con.close()
    cases = [
        (only_version, "is not a whole hrsupply backup: it has no"),
        (variant("newer", lambda c: c.execute("UPDATE alembic_version SET version_num = '9999'")), "newer version"),
        (
            variant("noadmin", lambda c: c.execute("UPDATE users SET active = 0 WHERE role = 'admin'")),
            "no active admin",
        ),
        (variant("drift", lambda c: c.execute("UPDATE balances SET quantity = quantity + 1")), "does not verify"),
    ]
    for path, message in cases:
        with pytest.raises(UserError, match=message):
            backup.restore(db.url, path, tmp_path / "bk", user="admin", secret=PIN)
    assert stock_map(db) == {("SITE", "SYR-1ML"): 460}
    assert [b.label for b in backup.backups(tmp_path / "bk")] == [""]  # not even a before-restore copy


@sqlite_only
def test_paths_are_paths(db, made, tmp_path):
    """A # or ? in a folder name is part of the name, not a URI fragment that checks another file."""
    odd = tmp_path / "backups #1 ?x"
    odd.mkdir()
    copy = odd / made.name
    shutil.copy(made, copy)
    backup.restore(db.url, copy, tmp_path / "bk", user="admin", secret=PIN)
    assert restored_stock(db.url) == {("SITE", "SYR-1ML"): 500}


def test_half_written_backups_do_not_pile_up(db, tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    stale = folder / "hrsupply-20261127-010000.partial"
    stale.write_bytes(b"x" * 1000)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = folder / "hrsupply-20261127-020000.partial"  # another process may be writing this one
    fresh.write_bytes(b"x")
    backup.take(db.url, folder)
    assert not stale.exists() and fresh.exists()


@pytest.mark.skipif(not PG, reason="PostgreSQL")
def test_a_dump_is_checked_in_a_scratch_database_before_anything_is_replaced(db, made, tmp_path):
    with db.write() as s:
        s.execute(text("UPDATE users SET active = false WHERE role = 'admin'"))
    broken = backup.take(db.url, tmp_path / "broken")
    with db.write() as s:
        s.execute(text("UPDATE users SET active = true WHERE role = 'admin'"))
    with pytest.raises(UserError, match="no active admin"):
        backup.restore(db.url, broken.path, tmp_path / "bk", user="admin", secret=PIN)
    assert stock_map(db) == {("SITE", "SYR-1ML"): 460}


@pytest.mark.skipif(not PG, reason="PostgreSQL")
def test_a_dropped_postgresql_database_is_restored_from_its_dump(db, made, tmp_path):
    from sqlalchemy import create_engine, make_url

    name = make_url(db.url).database
    db.dispose()
    server = create_engine(make_url(db.url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    server.dispose()
    assert backup.restore(db.url, made, tmp_path / "bk", user="admin", secret=PIN) is None  # nothing to keep
    assert restored_stock(db.url) == {("SITE", "SYR-1ML"): 500}


@sqlite_only
def test_a_full_disk_is_one_sentence_for_a_visit_and_a_backup_and_leaves_nothing(db, cat, tmp_path, monkeypatch):
    """A visit's raw OperationalError reached the window's unexpected-error dialog; a backup gave
    a traceback and left a .partial for ten minutes."""
    from sqlalchemy import event

    from hrsupply.services import visits
    from hrsupply.services.visits import Line, VisitForm

    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 500, at(1))])
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def full(dbapi_conn, _record):  # the file may not grow by a single page: a full disk
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(UserError, match="The disk is full: nothing was saved"):
        for n in range(200):  # until the last free page is used
            visits.record(
                db, "lead", VisitForm(cat.site, at(2, 9), f"FULL{n:03d}", [Line(cat.syr, 1)], referrals=["x" * 60] * 1)
            )
    event.remove(db.engine, "connect", full)
    db.engine.dispose()

    real_connect = backup.connect_file

    def small_disk(target, *args, **kwargs):
        con = real_connect(target, *args, **kwargs)
        if str(target).endswith(".partial"):
            con.execute("PRAGMA max_page_count = 2")
        return con

    monkeypatch.setattr(backup, "connect_file", small_disk)
    folder = tmp_path / "bk"
    with pytest.raises(UserError, match="The disk is full: no backup was made"):
        backup.take(db.url, folder)
    assert [p.name for p in folder.iterdir()] == []
