import os
from pathlib import Path

import pytest
from sqlalchemy import text

from hrsupply.cli import main
from hrsupply.db import HEAD, SchemaTooNew, open_database
from hrsupply.services import backup
from tests.conftest import PG


@pytest.mark.skipif(bool(PG), reason="SQLite settings")
def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_a_draft_commit_does_not_wait_for_the_disk_and_the_next_write_does(db):
    """A typed count line is a draft; the ledger's writes stay durable on the same connection."""
    sqlite = db.is_sqlite
    ask = "PRAGMA synchronous" if sqlite else "SHOW synchronous_commit"
    said = {}
    for draft in (True, False, True, False):
        said.setdefault(draft, set()).add(db.transaction(lambda s: s.execute(text(ask)).scalar(), draft=draft))
    assert said == ({True: {1}, False: {2}} if sqlite else {True: {"off"}, False: {"on"}})


def test_new_database_is_migrated_to_head(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    db.dispose()


def test_upgrade_from_0001_keeps_the_ledger_and_moves_barcodes(tmp_path):
    """A database made before pack sizes existed: its one barcode per item becomes a base-unit
    barcode, and the ledger (copied table by table on SQLite) is intact."""
    from alembic import command
    from sqlalchemy import create_engine

    from hrsupply.db import alembic_config
    from hrsupply.services.verify import check_session, find_drift

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    command.upgrade(alembic_config(url), "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO items (id, sku, name, category, unit, lot_tracked, barcode, active) "
                "VALUES (1, 'SYR', 'Syringe', 'Syringes', 'each', 0, '0301', 1)"
            )
        )
        conn.execute(text("INSERT INTO locations (id, code, name, kind) VALUES (1, 'SITE', 'Site', 'site')"))
        conn.execute(
            text(
                "INSERT INTO movements (type, item_id, location_id, quantity, occurred_at, "
                "recorded_at, recorded_by, needs_review) VALUES ('receive', 1, 1, 500, "
                "'2026-11-01 09:00:00', '2026-11-01 09:00:00', 'sam', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO balances (location_id, item_id, lot_key, quantity, last_at) "
                "VALUES (1, 1, 0, 500, '2026-11-01 09:00:00')"
            )
        )
    engine.dispose()
    db = open_database(url, before_upgrade=backup.before_upgrade)
    with db.read() as s:
        assert s.execute(text("SELECT code, item_id, pack_size_id FROM barcodes")).all() == [("0301", 1, None)]
        assert s.execute(text("SELECT count(*) FROM movements")).scalar() == 1
        assert find_drift(s) == []
        # 0009 filled the month changes from the ledger as it stood.
        assert s.execute(text("SELECT month, change FROM month_changes")).all() == [("2026-11", 500)]
        assert s.execute(text("SELECT day, kind, change FROM day_changes")).all() == [("2026-11-01", "receive", 500)]
        assert check_session(s, history=False).months == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on after the copy
    db.dispose()
    # The upgrade kept a copy of the database as it was, before changing a table.
    [kept] = backup.backups(tmp_path / "backups")
    assert kept.path.name.endswith(f"-before-{HEAD}.sqlite")
    old = create_engine(f"sqlite:///{kept.path}")
    with old.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        assert conn.execute(text("SELECT quantity FROM movements")).scalar() == 500
    old.dispose()


def test_newer_schema_is_refused_with_a_clear_message(db_url, capsys):
    db = open_database(db_url)
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    with pytest.raises(SchemaTooNew, match="newer version of hrsupply"):
        open_database(db_url)
    assert main(["--db", db_url, "stock"]) == 2
    assert "newer version of hrsupply" in capsys.readouterr().err


def test_transaction_retries_a_lost_race_then_gives_up_on_real_errors(db):
    from sqlalchemy.exc import IntegrityError, OperationalError

    calls = []

    def flaky(session):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
        return "saved"

    assert db.transaction(flaky) == "saved" and len(calls) == 3

    def broken(session):
        calls.append(1)
        raise IntegrityError("INSERT", {}, Exception("FOREIGN KEY constraint failed"))

    calls.clear()
    with pytest.raises(IntegrityError):
        db.transaction(broken)
    assert len(calls) == 1


def test_migrations_build_exactly_the_tables_the_models_declare(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from hrsupply.models import Base

    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_a_save_waits_out_another_workstations_write_then_says_so_plainly(db):
    """SQLite reports "database is locked" after its busy timeout: the save keeps waiting for as
    long as a person would, then gives a plain message, never a traceback of the driver error."""
    from sqlalchemy.exc import OperationalError

    from hrsupply.db import DatabaseBusy
    from hrsupply.errors import UserError

    calls = []

    def locked(session):
        calls.append(1)
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))

    with pytest.raises(DatabaseBusy, match="Another workstation is still saving") as err:
        db.transaction(locked, patience=0.3)
    assert isinstance(err.value, UserError) and len(calls) > 5  # kept trying, well past 5 attempts


@pytest.mark.skipif(bool(PG) or os.name != "posix", reason="SQLite files, POSIX modes")
def test_a_read_only_database_stays_read_only_and_a_write_says_so(db_url, tmp_path, capsys):
    """It was chmodded to 0600 on open (writable again), then the first write gave a traceback."""
    from hrsupply.cli import main
    from hrsupply.db import ReadOnly
    from hrsupply.services import program

    path = Path(db_url.removeprefix("sqlite:///"))
    open_database(db_url).dispose()
    path.chmod(0o444)
    open_database(db_url).dispose()
    assert path.stat().st_mode & 0o777 == 0o400  # nobody else may read; still nobody may write
    # As root the mode does not stop a write: the driver's read-only mode stands in for it.
    ro = open_database(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert ro.read_only
    with pytest.raises(ReadOnly, match="read-only"):
        program.put(ro, "admin", "expiry_window_days", 30)
    ro.dispose()
    code = main(["--db", f"sqlite:///file:{path}?mode=ro&uri=true", "settings", "expiry_window_days", "30"])
    err = capsys.readouterr().err
    assert code == 2 and "read-only" in err and "Traceback" not in err
