"""Kill -9 in the middle of a large import and of a stream of visits: the database opens, no
balance has drifted from the ledger, and the import left nothing behind."""

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, func, make_url, select, text

from hrsupply.cli import main
from hrsupply.db import open_database, sqlite_errors
from hrsupply.models import ImportBatch, Item, Movement, Visit
from hrsupply.services import catalog, movements
from hrsupply.services.ledger import Move
from tests.conftest import PG, PIN
from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, raw_sqlite, workbook

ROOT = Path(__file__).resolve().parent.parent


def child(*args: str) -> subprocess.Popen:
    env = dict(os.environ, HRSUPPLY_USER="admin", HRSUPPLY_PIN=PIN)
    return subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def writing(url: str) -> bool:
    """Is another process in the middle of a write transaction?"""
    if PG:
        engine = create_engine(url)
        with engine.connect() as conn:
            busy = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
                )
            ).scalar()
        engine.dispose()
        return bool(busy)
    con = raw_sqlite(make_url(url).database, timeout=0, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("ROLLBACK")
        return False
    except sqlite_errors():  # "database is locked": a writer holds the lock
        return True
    finally:
        con.close()


def kill_while_writing(proc: subprocess.Popen, url: str, within: float = 120) -> None:
    deadline = time.monotonic() + within
    while not writing(url):
        assert proc.poll() is None, f"the child ended before it wrote: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "the child never started writing"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def verify(url: str, capsys) -> None:
    capsys.readouterr()
    assert main(["--db", url, "verify"]) == 0
    assert "All balances agree with the ledger." in capsys.readouterr().out


def test_kill_9_in_the_middle_of_a_large_import_leaves_nothing_behind(db_url, db, cat, tmp_path, capsys):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, datetime(2026, 10, 1))])
    rows = [MOVES_HEADER, move("2026-10-02", "receive", "SYR-1ML", 10**6, "SITE")]
    rows += [
        move(f"2026-10-{3 + n % 25:02d} {8 + n % 10:02d}:{n % 60:02d}", "handout", "SYR-1ML", 1, "SITE")
        for n in range(20000)
    ]
    items = ITEMS + [["NEW-ITEM", "Only in the killed import", "Other", "each", "no", None, None]]
    path = workbook(tmp_path / "big.xlsx", Items=items, Locations=LOCATIONS, Movements=rows)

    proc = child("-m", "hrsupply.cli", "--db", db_url, "import", str(path))
    kill_while_writing(proc, db_url)

    verify(db_url, capsys)
    again = open_database(db_url)
    with again.read() as s:
        assert s.scalar(select(func.count()).select_from(ImportBatch)) == 0
        assert s.scalar(select(func.count()).select_from(Movement)) == 1
        assert s.scalar(select(Item.id).where(Item.sku == "NEW-ITEM")) is None
    again.dispose()


def test_kill_9_in_a_stream_of_visits_loses_only_the_visit_being_saved(db_url, db, cat, capsys):
    with db.write() as s:
        vitc = catalog.upsert_item(s, "VITC", name="Vitamin C", category="Injection supplies")
        s.flush()
        vitc = vitc.id
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 10**6, datetime(2026, 1, 1)),
            Move("receive", vitc, cat.site, 10**6, datetime(2026, 1, 1)),
        ],
    )
    proc = child("-m", "tests.crash_worker", db_url, str(cat.site), str(cat.syr), str(vitc))
    saved = [proc.stdout.readline() for _ in range(40)]  # forty visits saved and said so
    assert all(line.strip().isdigit() for line in saved), proc.stderr.read()
    kill_while_writing(proc, db_url, within=30)

    verify(db_url, capsys)
    again = open_database(db_url)
    with again.read() as s:
        recorded = s.scalar(select(func.count()).select_from(Visit))
        lines = s.scalar(select(func.count()).select_from(Movement).where(Movement.visit_id.is_not(None)))
    again.dispose()
    assert recorded >= 40 and lines == 2 * recorded  # every visit whole: both its lines, or none of it


def test_kill_9_in_the_middle_of_a_sync_import_leaves_none_of_it_and_the_file_completes_it(
    db_url, db, cat, tmp_path, capsys
):
    from hrsupply.models import Visit as VisitRow
    from hrsupply.services import sync
    from hrsupply.services.ledger import Poster

    movements.record(db, "lead", [Move("receive", cat.syr, cat.van, 10**6, datetime(2026, 1, 1))])
    setup = sync.setup(db, "admin", "VAN1", tmp_path / "van1.setup")
    laptop = open_database(f"sqlite:///{tmp_path / 'laptop.sqlite'}")
    sync.join(laptop, setup)
    with laptop.write() as s:  # a long week on the road
        poster = Poster(s, "admin")  # typed in from the tally sheets of the week
        for n in range(4000):
            at = datetime(2026, 11, 2 + n % 20, 10, n % 60)
            visit = VisitRow(location_id=cat.van, occurred_at=at, recorded_at=at, recorded_by="admin")
            s.add(visit)
            s.flush()
            poster.visit_id = visit.id
            poster.post(Move("handout", cat.syr, cat.van, 2, at))
        poster.flush()
    sync.export_file(laptop, "crew", tmp_path / "week.sync")
    laptop.dispose()

    proc = child("-m", "hrsupply.cli", "--db", db_url, "sync", "import", str(tmp_path / "week.sync"))
    kill_while_writing(proc, db_url)
    verify(db_url, capsys)
    again = open_database(db_url)
    with again.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0  # none of it
    again.dispose()
    assert main(["--db", db_url, "sync", "import", str(tmp_path / "week.sync")]) == 0
    assert capsys.readouterr().out == "8,000 new, 0 already here, 0 set aside\n"
    verify(db_url, capsys)
