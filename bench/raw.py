"""What the database itself does without the app, for the figures' baselines, and where the
benchmark's databases live (a file each, or a database each on a PostgreSQL server).

The raw visit writes exactly the rows `visits.record` writes for a 5-line visit (the visit, five
movements, five balances, five day and five month net changes) through the driver itself (sqlite3
or psycopg), one transaction: the physical limit of that machine and database."""

from __future__ import annotations

import random
import threading
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from hrsupply.db import Database


def database_url(server: str | None, tmp: Path, name: str) -> str:
    """A fresh, empty database: a file in `tmp`, or `hrsupply_bench_NAME` on the `server`."""
    if not server:
        for leftover in tmp.glob(f"{name}.sqlite*"):  # with its -wal and -shm
            leftover.unlink()
        return f"sqlite:///{tmp / f'{name}.sqlite'}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS hrsupply_bench_{name} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE hrsupply_bench_{name}")
    admin.dispose()
    return make_url(server).set(database=f"hrsupply_bench_{name}").render_as_string(False)


def drop(server: str | None, name: str) -> None:
    if server:
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS hrsupply_bench_{name} WITH (FORCE)")
        admin.dispose()


def _connect(db: Database):
    """The driver's own connection, outside SQLAlchemy (autocommit off; WAL and synchronous FULL
    on SQLite, as the app opens it)."""
    url = make_url(db.url)
    if url.get_backend_name() == "sqlite":
        import sqlite3

        con = sqlite3.connect(url.database, isolation_level=None)
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        return con, "?"
    import psycopg

    con = psycopg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database, autocommit=True
    )
    return con, "%s"


def settle(db: Database) -> None:
    """A database as it stands after a while in use: on PostgreSQL the server's autovacuum vacuums
    and analyzes a table a minute or so after a load like the bench's; measured before that, a
    figure pays for the planner's missing statistics and for the vacuum running beside it."""
    if make_url(db.url).get_backend_name() == "sqlite":
        return  # SQLite keeps no statistics unless the app asks, and the app does not
    con, _ = _connect(db)
    with con:
        con.execute("VACUUM ANALYZE")


VISIT = [
    "INSERT INTO visits (location_id, occurred_at, recorded_at, recorded_by, participant, syringes_returned, "
    "returned_estimated, collecting_for, reversals_reported, from_tally) VALUES (?, ?, ?, 'raw', 'ANJO85', 0, "
    "false, 0, 0, false) RETURNING id",
]
LINE = [
    "INSERT INTO movements (type, item_id, location_id, quantity, occurred_at, recorded_at, recorded_by, "
    "participant, visit_id, needs_review) VALUES ('handout', ?, ?, -1, ?, ?, 'raw', 'ANJO85', ?, false)",
    "UPDATE balances SET quantity = quantity - 1, last_at = ? WHERE location_id = ? AND item_id = ? AND lot_key = 0",
    "INSERT INTO day_changes (day, location_id, item_id, lot_key, kind, change) VALUES (?, ?, ?, 0, 'handout', -1) "
    "ON CONFLICT (day, location_id, item_id, lot_key, kind) DO UPDATE SET change = day_changes.change - 1",
    "INSERT INTO month_changes (month, location_id, item_id, lot_key, change) VALUES (?, ?, ?, 0, -1) "
    "ON CONFLICT (month, location_id, item_id, lot_key) DO UPDATE SET change = month_changes.change - 1",
]


def raw_visits(db: Database, site: int, items: list[int], n: int, at: datetime) -> list[float]:
    """`n` 5-line visits written by the driver itself; the seconds each took."""
    con, mark = _connect(db)
    visit, line = (s.replace("?", mark) for s in VISIT), [s.replace("?", mark) for s in LINE]
    visit = next(visit)
    rng, day, month = random.Random(2), at.date(), f"{at:%Y-%m}"
    samples = []
    for _ in range(n + 5):  # the first five warm the caches
        started = time.perf_counter()
        cur = con.cursor()
        cur.execute("BEGIN IMMEDIATE" if mark == "?" else "BEGIN")
        cur.execute(visit, (site, at, at))
        visit_id = cur.fetchone()[0]
        picked = rng.sample(items, 5)  # each statement once for the five lines (psycopg: pipelined)
        cur.executemany(line[0], [(item_id, site, at, at, visit_id) for item_id in picked])
        cur.executemany(line[1], [(at, site, item_id) for item_id in picked])
        cur.executemany(line[2], [(day, site, item_id) for item_id in picked])
        cur.executemany(line[3], [(month, site, item_id) for item_id in picked])
        cur.execute("COMMIT")
        samples.append(time.perf_counter() - started)
    con.close()
    return samples[5:]


STOCK_TAKE = {
    "open": "INSERT INTO stock_counts (location_id, scope, blind, status, started_at, started_by) "
    "VALUES (?, 'All items', false, 'open', ?, 'raw') RETURNING id",
    "items": "SELECT id, lot_tracked FROM items WHERE active = true",
    "lots": "SELECT item_id, lot_id FROM balances WHERE location_id = ? AND quantity <> 0 AND lot_id IS NOT NULL",
    "line": "INSERT INTO stock_count_lines (count_id, item_id, lot_id, lot_key) VALUES (?, ?, ?, ?)",
    "sheet": "SELECT c.id, c.item_id, c.lot_id, coalesce(b.quantity, 0), i.lot_tracked FROM stock_count_lines c "
    "JOIN items i ON i.id = c.item_id LEFT JOIN balances b ON b.location_id = ? AND b.item_id = c.item_id "
    "AND b.lot_key = c.lot_key WHERE c.count_id = ?",
    "enter": "UPDATE stock_count_lines SET counted = ? WHERE id = ?",
    "post": "INSERT INTO movements (type, item_id, location_id, lot_id, quantity, counted, occurred_at, recorded_at, "
    "recorded_by, reference, needs_review) VALUES ('count', ?, ?, ?, 0, ?, ?, ?, 'raw', ?, false)",
    "balance": "UPDATE balances SET last_at = ? WHERE location_id = ? AND item_id = ? AND lot_key = ?",
    "close": "UPDATE stock_counts SET status = 'posted', finished_at = ?, finished_by = 'raw' WHERE id = ?",
}


def raw_stock_take(db: Database, location: int, n: int) -> list[float]:
    """`n` whole-location stock takes written by the driver itself, as the app's: open the count
    with a line per active item (per lot in stock for a lot-tracked one), read the sheet with what
    is expected, save each line as it is typed (its own commit, not waiting for the disk), post a
    count line for each (found as expected), close the count. The seconds each took."""
    con, mark = _connect(db)
    sql = {k: v.replace("?", mark) for k, v in STOCK_TAKE.items()}
    sqlite = mark == "?"
    samples = []
    for _ in range(n):
        started, now = time.perf_counter(), datetime.now()
        cur = con.cursor()
        cur.execute("BEGIN IMMEDIATE" if sqlite else "BEGIN")
        count = cur.execute(sql["open"], (location, now)).fetchone()[0]
        items = cur.execute(sql["items"]).fetchall()
        lots: dict[int, list[int]] = {}
        for item, lot in cur.execute(sql["lots"], (location,)).fetchall():
            lots.setdefault(item, []).append(lot)
        lines = [
            (count, i, lot, lot or 0) for i, tracked in items for lot in (lots.get(i) if tracked else None) or [None]
        ]
        cur.executemany(sql["line"], lines)
        cur.execute("COMMIT")
        sheet = cur.execute(sql["sheet"], (location, count)).fetchall()
        if sqlite:
            cur.execute("PRAGMA synchronous=NORMAL")  # a typed figure does not wait for the disk
        for line_id, _item, _lot, expected, _tracked in sheet:
            cur.execute("BEGIN IMMEDIATE" if sqlite else "BEGIN")
            if not sqlite:
                cur.execute("SET LOCAL synchronous_commit = off")
            cur.execute(sql["enter"], (expected, line_id))
            cur.execute("COMMIT")
        if sqlite:
            cur.execute("PRAGMA synchronous=FULL")
        posted = [r for r in sheet if r[2] is not None or not r[4]]
        cur.execute("BEGIN IMMEDIATE" if sqlite else "BEGIN")
        reference = f"Count {count}"
        cur.executemany(sql["post"], [(i, location, lot, q, now, now, reference) for _id, i, lot, q, _t in posted])
        cur.executemany(sql["balance"], [(now, location, i, lot or 0) for _id, i, lot, _q, _t in posted])
        cur.execute(sql["close"], (now, count))
        cur.execute("COMMIT")
        samples.append(time.perf_counter() - started)
    con.close()
    return samples


def desks_at_once(record, desks: int, seconds: float) -> tuple[list[float], int, list[str]]:
    """`desks` threads each saving visits through `record(desk)` for `seconds`: every save's
    time, how many were saved, and any error (a deadlock or a lost visit shows here)."""
    samples: list[float] = []
    errors: list[str] = []
    saved = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def desk(n: int) -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                record(n)
            except Exception as exc:  # noqa: BLE001 - every failure is a finding, reported
                with lock:
                    errors.append(f"desk {n}: {type(exc).__name__}: {exc}")
                return
            took = time.perf_counter() - started
            with lock:
                samples.append(took)
                saved[0] += 1

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, saved[0], errors


# The read figures' baselines: the hand-written SQL that gives the same answer in the fewest
# statements, through the driver itself (the app also turns the rows into its screens' lines).
HOME = [
    "SELECT location_id, item_id, lot_id, quantity FROM balances WHERE quantity <> 0",
    "SELECT location_id, item_id, par, min FROM par_levels",
    "SELECT l.id, l.item_id, l.expiry, b.location_id, b.quantity FROM lots l JOIN balances b ON b.lot_id = l.id "
    "WHERE b.quantity <> 0 AND l.expiry <= ?",
    "SELECT count(*) FROM visits WHERE occurred_at >= ? AND occurred_at < ? AND undone_at IS NULL",
    "SELECT m.id FROM movements m LEFT JOIN reviews r ON r.movement_id = m.id "
    "WHERE m.needs_review = true AND r.id IS NULL",
    "SELECT i.category, d.day, sum(d.change) FROM day_changes d JOIN items i ON i.id = d.item_id "
    "WHERE d.kind = 'handout' AND d.day >= ? AND d.day <= ? GROUP BY i.category, d.day",
]
REORDER = [
    "SELECT d.item_id, sum(d.change) FROM day_changes d JOIN locations l ON l.id = d.location_id "
    "WHERE d.kind IN ('handout', 'kit') AND d.day >= ? AND d.day <= ? AND (? = '' OR l.code = ?) GROUP BY d.item_id",
    "SELECT b.item_id, b.lot_id, sum(b.quantity), min(t.expiry) FROM balances b JOIN locations l "
    "ON l.id = b.location_id LEFT JOIN lots t ON t.id = b.lot_id WHERE b.quantity <> 0 AND (? = '' OR l.code = ?) "
    "GROUP BY b.item_id, b.lot_id",
    "SELECT p.item_id, sum(p.par), sum(p.min) FROM par_levels p JOIN locations l ON l.id = p.location_id "
    "WHERE ? = '' OR l.code = ? GROUP BY p.item_id",
    "SELECT ol.item_id, sum(ol.packs * ol.pack_units) FROM purchase_order_lines ol JOIN purchase_orders o "
    "ON o.id = ol.order_id WHERE o.status IN ('draft', 'sent', 'partly received') GROUP BY ol.item_id",
    # Days out of stock: each day's net change of each item and lot since the window opened (the
    # balances less these give the opening; program-wide a transfer moves nothing).
    "SELECT d.item_id, d.lot_id, d.day, sum(d.change) FROM day_changes d JOIN locations l ON l.id = d.location_id "
    "WHERE d.day >= ? AND (? <> '' OR d.kind NOT IN ('transfer_in', 'transfer_out')) AND (? = '' OR l.code = ?) "
    "GROUP BY d.item_id, d.lot_id, d.day",
]
RECONCILE = [
    "SELECT location_id, item_id, sum(change) FROM month_changes WHERE month < ? GROUP BY location_id, item_id",
    "SELECT location_id, item_id, type, sum(quantity) FROM movements WHERE occurred_at >= ? AND occurred_at < ? "
    "GROUP BY location_id, item_id, type",
    "SELECT to_location_id, item_id, sum(-quantity) FROM movements WHERE type = 'transfer' AND occurred_at >= ? "
    "AND occurred_at < ? GROUP BY to_location_id, item_id",
]
YEAR = [
    "SELECT v.location_id, count(*), sum(v.syringes_returned), sum(v.reversals_reported) FROM visits v "
    "WHERE v.occurred_at >= ? AND v.occurred_at < ? AND v.undone_at IS NULL GROUP BY v.location_id",
    "SELECT location_id, item_id, sum(quantity) FROM movements WHERE type = 'handout' AND occurred_at >= ? "
    "AND occurred_at < ? GROUP BY location_id, item_id",
    "SELECT count(DISTINCT participant) FROM movements WHERE occurred_at >= ? AND occurred_at < ? "
    "AND participant IS NOT NULL",
    "SELECT r.referral, count(*) FROM visit_referrals r JOIN visits v ON v.id = r.visit_id "
    "WHERE v.occurred_at >= ? AND v.occurred_at < ? GROUP BY r.referral",
    "SELECT location_id, item_id, type, sum(quantity) FROM movements WHERE type IN ('receive', 'dispose') "
    "AND occurred_at >= ? AND occurred_at < ? GROUP BY location_id, item_id, type",
]


def raw_reads(db: Database, today: date, window_days: int = 90) -> dict[str, object]:
    """{figure: a call that reads what it needs with the driver itself}."""
    from datetime import timedelta

    con, mark = _connect(db)
    if mark == "%s":
        con.autocommit = True

    def run(statements: list[str], *params_each) -> None:
        cur = con.cursor()
        for sql, params in zip(statements, params_each):
            cur.execute(sql.replace("?", mark), params)
            cur.fetchall()

    day = datetime.combine(today, datetime.min.time())
    month_start = today.replace(day=1)
    last_month = (month_start - timedelta(days=1)).replace(day=1)
    lo = today - timedelta(days=today.weekday() + 7 * 11)
    usage_from = today - timedelta(days=91)
    year = (day - timedelta(days=364), day + timedelta(days=1))

    def reorder(code: str):
        return lambda: run(
            REORDER, (usage_from, today, code, code), (code, code), (code, code), (), (usage_from, code, code, code)
        )

    return {
        "home screen figures": lambda: run(
            HOME, (), (), (today + timedelta(days=window_days),), (day, day + timedelta(days=1)), (), (lo, today)
        ),
        "reorder suggestions, site": reorder("SITE"),
        "reorder suggestions, program": reorder(""),
        "reconcile last month": lambda: run(
            RECONCILE,
            (f"{last_month:%Y-%m}",),
            (datetime.combine(last_month, datetime.min.time()), datetime.combine(month_start, datetime.min.time())),
            (datetime.combine(last_month, datetime.min.time()), datetime.combine(month_start, datetime.min.time())),
        ),
        "program report, a year": lambda: run(YEAR, year, year, year, year, year),
        "_close": con.close,
    }
