"""Backups while the app is in use, rotation, and a restore that gives back the same ledger."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hrsupply.db import open_database
from hrsupply.errors import UserError
from hrsupply.models import Balance, Movement, User
from hrsupply.services import backup, movements
from hrsupply.services.ledger import Move
from hrsupply.services.verify import find_drift
from tests.conftest import PG, PIN, at


def ledger(db) -> list[tuple]:
    with db.read() as s:
        rows = [
            tuple(getattr(m, c.key) for c in Movement.__table__.columns)
            for m in s.scalars(select(Movement).order_by(Movement.id))
        ]
        rows += [
            (b.location_id, b.item_id, b.lot_id, b.quantity) for b in s.scalars(select(Balance).order_by(Balance.id))
        ]
        rows += [(u.username, u.role, u.secret_hash) for u in s.scalars(select(User).order_by(User.id))]
        return rows


def test_restore_gives_back_the_ledger_as_it_was_backed_up(db_url, db, cat, tmp_path):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 500, at(1)),
            Move("receive", cat.nal, cat.site, 20, at(1), lot_id=cat.lots["B"]),
            Move("transfer", cat.nal, cat.site, 5, at(2), to_location_id=cat.van),
        ],
    )
    kept = ledger(db)
    made = backup.take(db_url, tmp_path / "bk")
    assert made.path.suffix == (".dump" if PG else ".sqlite") and made.path.stat().st_size > 0
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 40, at(3))])  # after the backup
    assert ledger(db) != kept
    db.dispose()

    before = backup.restore(db_url, made.path, tmp_path / "bk", user="admin", secret=PIN)
    assert "before-restore" in before.path.name  # what was there is kept, so a restore can be undone
    again = open_database(db_url)
    assert ledger(again) == kept
    with again.read() as s:
        assert find_drift(s) == []
    again.dispose()


@pytest.mark.skipif(bool(PG), reason="the SQLite online backup API")
def test_a_backup_taken_during_a_write_holds_only_what_was_committed(db_url, db, cat, tmp_path):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 500, at(1))])
    with db.write() as s:  # another desk is halfway through saving
        s.add(
            Movement(
                type="receive",
                item_id=cat.syr,
                location_id=cat.site,
                quantity=7,
                occurred_at=at(2),
                recorded_at=at(2),
                recorded_by="lead",
            )
        )
        s.flush()
        made = backup.take(db_url, tmp_path)
    copy = open_database(f"sqlite:///{made.path}")
    with copy.read() as s:
        assert s.scalar(select(Movement.quantity).order_by(Movement.id.desc())) == 500
    copy.dispose()


def test_rotation_keeps_seven_daily_and_four_weekly():
    today = date(2026, 11, 26)  # a Thursday
    taken = [datetime(2026, 11, 26, 18) - timedelta(hours=6 * n) for n in range(4 * 60)]  # every 6 h, 60 days
    keep = backup.to_keep(taken, today)
    days = sorted({t.date() for t in keep})
    assert len(keep) == len(days)  # one per day kept, the newest of that day
    assert days[-7:] == [today - timedelta(days=n) for n in range(6, -1, -1)]
    weekly = [d for d in days if today - d >= timedelta(days=7)]
    assert weekly == [date(2026, 11, 1), date(2026, 11, 8), date(2026, 11, 15)]  # Sundays: each week's newest
    assert max(keep) == taken[0]


def _copy_of(path, database_id: str) -> None:
    """A backup file as take() leaves it: a SQLite file whose settings name its database."""
    import json
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO settings VALUES ('database_id', ?)", (json.dumps(database_id),))
    con.commit()
    con.close()


def test_prune_deletes_what_rotation_drops_of_this_database_only(tmp_path):
    for n in range(20):
        _copy_of(tmp_path / f"hrsupply-{(datetime(2026, 11, 26) - timedelta(days=n)):%Y%m%d-%H%M%S}.sqlite", "ours")
    for n in range(5):  # the demo's (or another database's) copies in the same folder
        _copy_of(tmp_path / f"hrsupply-{(datetime(2026, 11, 26, 12) - timedelta(days=n)):%Y%m%d-%H%M%S}.sqlite", "demo")
    (tmp_path / "hrsupply-20261020-090000.sqlite").write_bytes(b"x")  # unreadable: whose is it? kept
    (tmp_path / "notes.txt").write_text("keep me")
    _copy_of(tmp_path / "hrsupply-20261001-090000-before-0005.sqlite", "ours")  # the way back from a migration
    gone = backup.prune(tmp_path, today=date(2026, 11, 26), database="ours")
    assert len(gone) == 11 and (tmp_path / "notes.txt").exists()
    assert all(backup.database_id(p) is None for p in gone)  # deleted: nothing left to read
    left = [b for b in backup.backups(tmp_path) if not b.label]
    assert len(left) == 9 + 5 + 1  # ours: 7 days and the 2 older weeks in reach; the demo's 5; the unreadable one
    assert [b.label for b in backup.backups(tmp_path) if b.label] == ["before-0005"]


@pytest.mark.skipif(bool(PG), reason="SQLite files")
def test_another_database_backing_up_into_the_same_folder_never_removes_ours(db_url, db, cat, tmp_path):
    folder = tmp_path / "backups"
    ours = backup.take(db_url, folder, now=datetime.now() - timedelta(days=1, hours=1))
    other = open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    other.dispose()
    for n in range(3):  # the demo backs up again and again today, as "Back up now" does
        backup.take(other.url, folder, now=datetime.now() - timedelta(minutes=n))
    assert ours.path.exists()
    assert backup.database_id(tmp_path / "demo.sqlite") != backup.database_id(ours.path)


@pytest.mark.skipif(bool(PG), reason="SQLite files")
def test_the_database_file_alone_is_whole_after_closing_and_after_a_backup(db_url, db, cat, tmp_path):
    import shutil
    from pathlib import Path

    from sqlalchemy.engine import make_url

    path = Path(make_url(db_url).database)
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 500, at(1))])
    backup.take(db_url, tmp_path / "b")
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 7, at(2))])
    db.dispose()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    shutil.copy(path, tmp_path / "alone.sqlite")  # the file alone, as someone copying it by hand
    again = open_database(f"sqlite:///{tmp_path / 'alone.sqlite'}")
    with again.read() as s:
        assert s.scalar(select(Balance.quantity).where(Balance.item_id == cat.syr)) == 507
    again.dispose()


def test_restoring_a_backup_from_earlier_today_keeps_it_and_works(db_url, db, cat, tmp_path):
    """The restore's own "before-restore" copy is the newest of the day: rotation must not
    take the earlier backup being restored away."""
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 500, at(1))])
    kept = ledger(db)
    morning = backup.take(db_url, tmp_path, now=datetime.now() - timedelta(minutes=5))
    movements.record(db, "lead", [Move("handout", cat.syr, cat.site, 40, at(3))])
    db.dispose()
    backup.restore(db_url, morning.path, tmp_path, user="admin", secret=PIN)
    again = open_database(db_url)
    assert ledger(again) == kept and morning.path.exists()
    again.dispose()


@pytest.mark.skipif(bool(PG), reason="SQLite files")
def test_restore_refuses_what_is_not_an_hrsupply_backup(db_url, tmp_path):
    junk = tmp_path / "hrsupply-20261126-100000.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(UserError, match="is not an hrsupply database"):
        backup.restore(db_url, junk, user="admin", secret=PIN)
    with pytest.raises(UserError, match="there is no backup file"):
        backup.restore(db_url, tmp_path / "missing.sqlite", user="admin", secret=PIN)
    with pytest.raises(UserError, match="not a SQLite backup"):
        backup.restore(db_url, __file__, user="admin", secret=PIN)


def test_the_demo_backs_up_into_its_own_folder_never_the_real_one(monkeypatch, tmp_path):
    from hrsupply import db as db_module

    monkeypatch.setattr(db_module, "data_dir", lambda: tmp_path)
    monkeypatch.delenv("HRSUPPLY_DB", raising=False)
    demo = db_module.demo_path()
    assert demo.parent != tmp_path and demo.parent.parent == tmp_path
    real = make_url_path(db_module.default_url())
    assert backup.default_folder(f"sqlite:///{demo}") != backup.default_folder(f"sqlite:///{real}")


def make_url_path(url: str):
    from pathlib import Path

    from sqlalchemy.engine import make_url

    return Path(make_url(url).database)


def test_a_password_in_the_url_query_never_reaches_a_command_line_or_a_message(monkeypatch):
    import subprocess

    seen = {}

    def fake_run(args, **kwargs):
        seen["args"], seen["env"] = args, kwargs["env"]
        return subprocess.CompletedProcess(args, 1, "", "connection to s3cret-pw failed")

    monkeypatch.setattr(backup.shutil, "which", lambda _tool: "/usr/bin/pg_dump")
    monkeypatch.setattr(backup.subprocess, "run", fake_run)
    with pytest.raises(UserError) as refused:
        backup._pg("postgresql+psycopg://bob@db.example/hr?password=s3cret-pw&sslmode=require", "pg_dump")
    assert "s3cret-pw" not in " ".join(seen["args"]) and seen["env"]["PGPASSWORD"] == "s3cret-pw"
    assert "sslmode=require" in " ".join(seen["args"]) and "s3cret-pw" not in str(refused.value)
