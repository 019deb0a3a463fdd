import pytest
from sqlalchemy import text

from hrsupply.cli import main
from hrsupply.db import SchemaTooNew, open_database
from tests.conftest import PG


@pytest.mark.skipif(bool(PG), reason="SQLite settings")
def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_new_database_is_migrated_to_head(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
    db.dispose()


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
