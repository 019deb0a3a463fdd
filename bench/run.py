"""Benchmarks: a busy SSP over five years, generated here, then the operations users wait on.

    make bench                      # full run: ~2M movements
    .venv/bin/python bench/run.py --days 365   # a quicker look

Prints p50/p95 of what users wait on at ~20k and at ~2M movements, each beside the baseline
measured in the same run where there is one (raw sqlite3 writing the same visit; openpyxl's own
read of the imported file), then a table of every figure against its goal (issue 19) and its
growth from the small database to the large one. Figures, not a pass/fail test; the latest full
run is kept in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

import hrsupply
from hrsupply.db import open_database
from hrsupply.errors import NotEnoughStock
from hrsupply.models import Movement
from hrsupply.services import (
    catalog,
    closeout,
    counts,
    dashboard,
    exchange,
    expiry,
    item_editor,
    loadout,
    movements,
    program_report,
    receiving,
    reconcile,
    reorder,
    stock,
    users,
    verify,
    visits,
)
from hrsupply.services.ledger import Move, Poster
from hrsupply.services.receiving import ReceiptForm, ReceiptLine
from hrsupply.services.visits import Line, VisitForm

ITEMS = 40
LOT_TRACKED = 6  # naloxone and test strips
TODAY = date(2026, 11, 26)


def build(path: Path, days: int, visits_per_day: int = 230) -> tuple:
    """A site and two vans: weekly restocks, daily van load-outs, ~5 lines per visit."""
    rng = random.Random(7)
    db = open_database(f"sqlite:///{path}")
    with db.write() as s:
        users.add_in(s, "bench", "admin", "bench-pin", by="bench")
        users.add_in(s, "desk", "front_desk", "bench-pin", by="bench")
        users.add_in(s, "lead", "supply_lead", "bench-pin", by="bench")
        site = catalog.upsert_location(s, "SITE", "Fixed site", "site")
        vans = [catalog.upsert_location(s, f"VAN{n}", f"Van {n}", "van") for n in (1, 2)]
        items = [
            catalog.upsert_item(
                s,
                f"SKU{n:02d}",
                name=f"Item {n}",
                category=f"Category {n % 8}",
                lot_tracked=n < LOT_TRACKED,
                reorder_point=100,
            )
            for n in range(ITEMS)
        ]
        s.flush()
        ids = dict(site=site.id, vans=[v.id for v in vans], items=[i.id for i in items])
    start = datetime.combine(TODAY - timedelta(days=days), clock(8))
    lot_seq = 0
    with db.write() as s:
        poster = Poster(s, "bench")
        for day in range(days):
            morning = start + timedelta(days=day)
            if day % 7 == 0:
                for n, item_id in enumerate(ids["items"]):
                    lot_id = None
                    if n < LOT_TRACKED:
                        lot_seq += 1
                        lot_id = catalog.lot_for(
                            s, item_id, f"L{lot_seq:05d}", (morning + timedelta(days=1095)).date()
                        ).id
                    # A big opening delivery, then a little more each week than is handed out.
                    qty = 5000 if day == 0 else 430
                    poster.post(Move("receive", item_id, ids["site"], qty, morning, lot_id=lot_id))
            at = morning + timedelta(minutes=30)
            for van in ids["vans"]:
                for item_id in ids["items"]:
                    need = 400 - poster.item_on_hand(van, item_id)
                    if need > 0:
                        poster.post(Move("transfer", item_id, ids["site"], need, at, to_location_id=van))
            for v in range(visits_per_day):
                where = ids["site"] if v % 3 else ids["vans"][v % 2]
                when = morning + timedelta(minutes=60 + v * 2)
                for item_id in rng.sample(ids["items"], 5):
                    try:
                        poster.post(Move("handout", item_id, where, rng.randint(1, 3), when, participant=f"P{v % 500}"))
                    except NotEnoughStock:
                        pass  # ran out on the van: as in real life, the participant gets it next time
            if day % 30 == 29:
                poster.flush()
        poster.flush()
    return db, ids


def pct(samples: list[float]) -> str:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"p50 {p50 * 1000:7.2f} ms   p95 {p95 * 1000:7.2f} ms"


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def row(label: str, fn, n: int) -> None:
    figure(label, timed(fn, n))


# Every figure's p95 per database ("small", "large"), for the table of goals at the end.
RESULTS: dict[str, dict[str, float]] = {}
SIZE = ["small"]
# The goals at 2M movements (p95): milliseconds, or a multiple of raw sqlite3's visit.
GOALS = {
    "record a 5-line visit": ("raw", 5),
    "front desk: check + save visit": ("raw", 8),
    "reconcile last month": ("ms", 150),
    "reconcile a mid-history month": ("ms", 150),
    "stock --as-of mid-history": ("ms", 150),
    "reorder suggestions, site": ("ms", 50),
    "reorder suggestions, program": ("ms", 50),
    "home screen figures": ("ms", 50),
    "stock take (start, each line, post)": ("ms", 200),
    "program report, a year": ("ms", 1000),
}


def figure(label: str, samples: list[float], note: str = "") -> None:
    ordered = sorted(samples)
    RESULTS.setdefault(SIZE[0], {})[label] = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    print(f"  {label + note:<44} {pct(samples)}")


def raw_visit(path: Path, ids) -> list[float]:
    """The baseline: the same 5-line visit as 5 inserts and 5 balance updates through sqlite3
    itself (WAL, synchronous FULL, as the app opens it), on the same database."""
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    rng = random.Random(2)
    at = f"{datetime.combine(TODAY, clock(12)):%Y-%m-%d %H:%M:%S.%f}"

    def visit() -> None:
        con.execute("BEGIN IMMEDIATE")
        for item_id in rng.sample(ids["items"][LOT_TRACKED:], 5):
            con.execute(
                "INSERT INTO movements (type, item_id, location_id, quantity, occurred_at, recorded_at, "
                "recorded_by, participant, needs_review) VALUES ('handout', ?, ?, -1, ?, ?, 'raw', 'ANJO85', 0)",
                (item_id, ids["site"], at, at),
            )
            con.execute(
                "UPDATE balances SET quantity = quantity - 1, last_at = ? "
                "WHERE location_id = ? AND item_id = ? AND lot_key = 0",
                (at, ids["site"], item_id),
            )
        con.execute("COMMIT")

    timed(visit, 5)
    samples = timed(visit, 200)
    con.close()
    return samples


def goals() -> None:
    """Each figure at the large database against its goal, and how it grew from the small one."""
    small, large = RESULTS.get("small", {}), RESULTS.get("large", {})
    raw = large.get("raw sqlite3: the same visit")
    print("[goals] p95 at the large database; growth = large / small")
    for label, (kind, value) in GOALS.items():
        got = large.get(label)
        if got is None:
            continue
        goal = value / 1000 if kind == "ms" else (raw or 0) * value
        said = f"≤ {value} ms" if kind == "ms" else f"≤ {value}× raw ({goal * 1000:.2f} ms)"
        growth = f"{got / small[label]:5.2f}×" if small.get(label) else "    —"
        mark = "met" if got <= goal else "NOT met"
        extra = f" = {got / raw:4.1f}× raw" if kind == "raw" and raw else ""
        print(f"  {label:<40} {got * 1000:8.1f} ms{extra:<12} goal {said:<26} {mark:<8} growth {growth}")
    if (ratio := RESULTS.get("import", {}).get("ratio")) is not None:
        mark = "met" if ratio <= 1.3 else "NOT met"
        print(f"  {'import vs openpyxl read':<40} {ratio:8.2f}× {'':<14} goal {'≤ 1.3× openpyxl':<26} {mark}")


def measure(db, ids, label: str) -> None:
    with db.read() as s:
        count = s.scalar(select(func.count(Movement.id)))
    rng = random.Random(1)
    now = datetime.combine(TODAY, clock(12))

    def visit():
        lines = [
            Move("handout", item_id, ids["site"], 1, now, participant="ANJO85")
            for item_id in rng.sample(ids["items"], 5)
        ]
        movements.record(db, "bench", lines)

    def front_desk_save():  # what Ctrl+Enter does: advisory check, then the visit and its handouts
        form = VisitForm(
            ids["site"], datetime.now(), "ANJO85", [Line(item_id, 1) for item_id in rng.sample(ids["items"], 5)]
        )
        visits.check(db, form)
        visits.record(db, "desk", form)

    timed(visit, 5)  # warm up
    SIZE[0] = label
    print(f"[{label}] {count:,} movements")
    figure("raw sqlite3: the same visit", raw_visit(Path(db.url.split("///", 1)[1]), ids))
    raw = RESULTS[label]["raw sqlite3: the same visit"]
    samples = timed(visit, 200)
    figure("record a 5-line visit", samples, f" ({sorted(samples)[189] / raw:.1f}× raw)")
    samples = timed(front_desk_save, 200)
    figure("front desk: check + save visit", samples, f" ({sorted(samples)[189] / raw:.1f}× raw)")
    stock.on_hand(db)
    print(f"  on hand, all items x locations {pct(timed(lambda: stock.on_hand(db), 30))}")
    month_start = TODAY.replace(day=1) - timedelta(days=1)
    month_start = month_start.replace(day=1)
    month_end = TODAY.replace(day=1) - timedelta(days=1)
    row("reconcile last month", lambda: reconcile.reconcile(db, month_start, month_end), 10)
    source = item_editor.save_source(db, "lead", f"Bench supplier {label}", "supplier")

    def receipt():  # a 20-line delivery, a new lot on each lot-tracked line
        lines = [
            ReceiptLine(
                item_id,
                2,
                lot=f"R{rng.randrange(10**9)}" if n < LOT_TRACKED else None,
                expiry=TODAY + timedelta(days=700) if n < LOT_TRACKED else None,
            )
            for n, item_id in enumerate(ids["items"][:20])
        ]
        receiving.record_receipt(db, "lead", ReceiptForm(source, ids["site"], now, "PS-1", lines))

    print(f"  receive a 20-line delivery     {pct(timed(receipt, 50))}")
    print(f"  expiring within 90 days (all)  {pct(timed(lambda: expiry.expiring(db, today=TODAY), 20))}")
    print(f"  item finder (screen load)      {pct(timed(lambda: catalog.item_finder(db), 20))}")
    van = ids["vans"][0]
    with db.write() as s:
        for item_id in ids["items"]:
            catalog.upsert_par(s, van, item_id, 400, 100)
    print(f"  load-out plan, 40 items        {pct(timed(lambda: loadout.plan(db, ids['site'], van, TODAY), 20))}")
    print(f"  close-out sheet, one van       {pct(timed(lambda: closeout.sheet(db, van), 20))}")
    print(
        f"  van reconciliation, one day    {pct(timed(lambda: closeout.van_reconcile(db, 'VAN1', TODAY, TODAY), 10))}"
    )
    item = ids["items"][7]
    first_page = stock.stock_card(db, ids["site"], item)
    print(f"  stock card, first page         {pct(timed(lambda: stock.stock_card(db, ids['site'], item), 30))}")
    row("stock card, next page", lambda: stock.stock_card(db, ids["site"], item, after=first_page.after), 30)
    row("reorder suggestions, site", lambda: reorder.suggestions(db, location="SITE", today=TODAY), 10)
    row("reorder suggestions, program", lambda: reorder.suggestions(db, today=TODAY), 10)
    row("home screen figures", lambda: dashboard.dashboard(db, TODAY), 10)
    year = (TODAY - timedelta(days=364), TODAY)
    row("program report, a year", lambda: program_report.build(db, "bench", *year), 3)
    month_start = TODAY.replace(day=1)
    row(
        "reconcile drill-down, a month",
        lambda: reconcile.behind(db, month_start, TODAY, "SITE", "SKU07", "handed_out"),
        20,
    )

    def stock_take():  # a whole-site count: start, every line counted as expected, post
        count_id = counts.start(db, "bench", ids["site"])
        sheet = counts.sheet(db, count_id)
        for row in sheet:
            counts.enter(db, "lead", row.line_id, row.expected)
        counts.post(db, "bench", count_id)
        return len(sheet)

    lines = stock_take()
    figure("stock take (start, each line, post)", timed(stock_take, 3), f", {lines} lines")
    row("verify (sums, months, never below zero)", lambda: verify.check(db), 3)
    with db.read() as s:
        first = s.scalar(select(func.min(Movement.occurred_at))).date()
    middle = first + (TODAY - first) / 2
    mid_start, mid_end = (
        middle.replace(day=1),
        (middle.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1),
    )
    row("reconcile a mid-history month", lambda: reconcile.reconcile(db, mid_start, mid_end), 5)
    row("stock --as-of mid-history", lambda: stock.on_hand(db, as_of=mid_end), 5)


# A child process's own peak memory (VmHWM), importing the file or not: what the import adds.
PEAK = """
import sys
from hrsupply.db import open_database
from hrsupply.services import exchange, users
db = open_database(sys.argv[1])
users.create_first_admin(db, "bench", "bench-admin-pin")
if sys.argv[3] == "import":
    exchange.import_workbook(db, sys.argv[2], "bench")
print(next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024)
"""


def _import_peak(tmp: Path, path: Path, what: str) -> float:
    target = tmp / f"peak-{what}.sqlite"
    target.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", PEAK, f"sqlite:///{target}", str(path), what], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def bench_import(tmp: Path, rows: int = 100_000) -> None:
    path = tmp / "import.xlsx"
    book = Workbook(write_only=True)
    for title, header, data in (
        (
            "Items",
            ["sku", "name", "category", "lot_tracked"],
            [[f"SKU{n:02d}", f"Item {n}", "Supplies", "yes" if n < 4 else "no"] for n in range(ITEMS)],
        ),
        ("Locations", ["code", "name", "kind"], [["SITE", "Site", "site"], ["VAN1", "Van", "van"]]),
    ):
        ws = book.create_sheet(title)
        ws.append(header)
        for r in data:
            ws.append(r)
    ws = book.create_sheet("Movements")
    ws.append(exchange.SHEETS["movements"].columns)
    rng = random.Random(3)
    start = datetime(2025, 1, 1, 8)
    for n in range(rows):
        when = start + timedelta(minutes=n)
        sku = n % ITEMS
        lot, expiry = (f"LOT{sku}", date(2028, 1, 1)) if sku < 4 else (None, None)
        if n < ITEMS:
            ws.append([when, "receive", f"SKU{sku:02d}", 1_000_000, "SITE", None, lot, expiry, None, None, "opening"])
        elif n % 10 == 0:
            ws.append([when, "transfer", f"SKU{sku:02d}", 20, "SITE", "VAN1", None, None, None, None, None])
        else:
            ws.append(
                [
                    when,
                    "handout",
                    f"SKU{sku:02d}",
                    rng.randint(1, 5),
                    "SITE",
                    None,
                    None,
                    None,
                    f"P{n % 700}",
                    None,
                    None,
                ]
            )
    book.save(path)

    t = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True))
    wb.close()
    raw = time.perf_counter() - t

    db = open_database(f"sqlite:///{tmp / 'import.sqlite'}")
    users.create_first_admin(db, "bench", "bench-admin-pin")
    held = []  # how long the import holds the write lock: other desks wait only this long
    real_write = db.transaction

    def timed_write(work, *args, **kwargs):
        start = time.perf_counter()
        try:
            return real_write(work, *args, **kwargs)
        finally:
            held.append(time.perf_counter() - start)

    db.transaction = timed_write
    t = time.perf_counter()
    summary = exchange.import_workbook(db, path, "bench")
    ours = time.perf_counter() - t
    grew = _import_peak(tmp, path, "import") - _import_peak(tmp, path, "nothing")
    print(f"[import] {summary.movements:,} movement rows ({cells:,} cells, {path.stat().st_size / 2**20:.1f} MiB)")
    print(f"  openpyxl read-only read {raw:6.2f} s   hrsupply import {ours:6.2f} s   ratio {ours / raw:4.2f}x")
    print(f"  write lock held {held[-1]:6.2f} s ({held[-1] / ours:4.0%} of the import)")
    print(f"  peak memory grew {grew:6.1f} MiB ({grew * 1024 / summary.movements:.1f} KiB a row)")
    RESULTS.setdefault("import", {})["ratio"] = ours / raw
    db.dispose()


def bench_sync(tmp: Path, db, ids, visits_a_day: int = 300) -> None:
    """The van offline: a laptop set up for VAN1, a day of visits (5 lines each) on it, the
    day's file exported there and imported at the central, beside recording the same visits one
    by one at the central's desk; and the size of a week's file."""
    from hrsupply.models import Item, Location
    from hrsupply.services import sync

    with db.read() as s:
        count = s.scalar(select(func.count(Movement.id)))
    t = time.perf_counter()
    setup = sync.setup(db, "bench", "VAN1", tmp / "van1.setup")
    took_setup = time.perf_counter() - t
    laptop = open_database(f"sqlite:///{tmp / 'laptop.sqlite'}")
    sync.join(laptop, setup)
    print(f"[sync] central {count:,} movements; setup {took_setup:.2f} s, file {setup.stat().st_size / 1024:.0f} KB")
    rng = random.Random(29)
    with laptop.read() as s:
        van = s.scalar(select(Location.id).where(Location.code == "VAN1"))
        on_laptop = list(s.scalars(select(Item.id).where(Item.lot_tracked.is_(False))))
    day = datetime.now().replace(hour=9, minute=0, second=0, microsecond=0)

    def a_day(where_db, location: int, items: list[int], start: datetime) -> None:
        for v in range(visits_a_day):
            form = VisitForm(
                location, start + timedelta(seconds=v), f"P{v % 500}", [Line(i, 1) for i in rng.sample(items, 5)]
            )
            visits.record(where_db, "bench", form, confirm_shortfall=True)

    a_day(laptop, van, on_laptop, day)
    t = time.perf_counter()
    sent = sync.export_file(laptop, "bench", tmp / "day.sync")
    took_export = time.perf_counter() - t
    t = time.perf_counter()
    got = sync.import_file(db, "bench", tmp / "day.sync")
    took_import = time.perf_counter() - t
    t = time.perf_counter()
    a_day(db, ids["vans"][0], ids["items"][LOT_TRACKED:], day + timedelta(hours=6))
    took_desk = time.perf_counter() - t
    print(
        f"  a van day ({sent.visits} visits, {sent.lines:,} lines): export {took_export:.2f} s, import at the central "
        f"{took_import:.2f} s ({got.line()}); the same visits at the desk one by one {took_desk:.2f} s; "
        f"file {sent.path.stat().st_size / 1024:.0f} KB"
    )
    for n in range(6):  # the rest of a week on the road (recorded late), never sent
        a_day(laptop, van, on_laptop, day - timedelta(days=n + 1))
    week = sync.export_file(laptop, "bench", tmp / "week.sync")
    print(f"  a week's file (7 × {visits_a_day} visits): {week.path.stat().st_size / 1024:.0f} KB (goal < 1024 KB)")
    for what, took in (("export", took_export), ("import", took_import)):
        print(
            f"  {'a van day: ' + what:<40} {took * 1000:8.1f} ms   goal ≤ 1000 ms   {'met' if took <= 1 else 'NOT met'}"
        )
    laptop.dispose()


def bench_cards(tmp: Path, db, n: int) -> None:
    """Client cards on the large database: one card at the desk (the code checked, the PDF
    written, the card kept) and a sheet run of `n`, beside the bare PDF of the same cards (no
    database) and ReportLab drawing one Code 128 on a page (the floor)."""
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.pdfgen.canvas import Canvas

    from hrsupply.services import card_pdf, cards

    text = cards.text(db)
    codes = [f"P{v}" for v in range(min(n, 30))]  # the codes bench_sync's visits made known
    print(f"[cards] {n} cards on a sheet run; codes checked against the large database's visits")

    def floor() -> None:
        canvas = Canvas(str(tmp / "floor.pdf"), pagesize=card_pdf.WALLET)
        Code128("P1", barWidth=0.9, barHeight=20).drawOn(canvas, 10, 10)
        canvas.save()

    row("bare ReportLab: one Code 128 page", floor, 10)
    row(
        "one card, PDF only (no database)",
        lambda: card_pdf.write(tmp / "p.pdf", [card_pdf.Card("P1", 1, date.today())], text),
        10,
    )
    row("print one card at the desk", lambda: cards.print_cards(db, "bench", ["P1"], tmp / "one.pdf"), 10)
    batch = (codes * (n // len(codes) + 1))[:n]
    row(
        f"{n} cards, PDF only (sheet)",
        lambda: card_pdf.write(tmp / "n.pdf", [card_pdf.Card(c, 1, date.today()) for c in batch], text, "sheet"),
        3,
    )
    row(
        f"print {len(codes)} cards at once (sheet)",
        lambda: cards.print_cards(db, "bench", codes, tmp / "s.pdf", "sheet"),
        3,
    )


def bench_encrypted(tmp: Path, path: Path, ids, n: int, runs: int) -> None:
    """The same large database plain and encrypted (SQLCipher), side by side in this run: a
    5-line visit, Home's figures, the site's reorder suggestions, and the window's cold start
    (the key from HRSUPPLY_DB_KEY: this machine has no keyring; reading one is one call)."""
    import shutil

    import screens

    from hrsupply.db import rewrite

    key = "bench passphrase, long enough"
    encrypted = tmp / "encrypted.sqlite"
    shutil.copy(path, encrypted)
    t = time.perf_counter()
    rewrite(encrypted, None, key)
    print(f"[encrypted] the large database encrypted in {time.perf_counter() - t:.1f} s "
          f"({encrypted.stat().st_size / 1e6:.0f} MB)")  # fmt: skip
    plain, sealed = open_database(f"sqlite:///{path}"), open_database(f"sqlite:///{encrypted}", key=key)
    now = datetime.combine(TODAY, clock(13))
    rng = random.Random(3)

    def visit(db) -> None:
        picked = rng.sample(ids["items"], 5)
        movements.record(db, "bench", [Move("handout", i, ids["site"], 1, now, participant="ANJO85") for i in picked])

    for label, work in (
        ("a 5-line visit", visit),
        ("home screen figures", lambda db: dashboard.dashboard(db, TODAY)),
        ("reorder suggestions, site", lambda db: reorder.suggestions(db, location="SITE", today=TODAY)),
    ):
        work(plain), work(sealed)  # warm both alike
        p, e = [], []
        for _ in range(n):  # alternated: a busy moment of the machine falls on both
            p += timed(lambda w=work: w(plain), 1)
            e += timed(lambda w=work: w(sealed), 1)
        ratio = statistics.median(e) / statistics.median(p)
        print(f"  {label:<30} plain {pct(p)}   encrypted {pct(e)}   median ratio {ratio:.2f}× (goal ≤ 1.3×)")
    plain.dispose()
    sealed.dispose()
    os.environ["HRSUPPLY_DB_KEY"] = key
    try:
        starts = [
            tuple(screens._child(screens.HRSUPPLY, f"sqlite:///{where}")["seconds"] for where in (path, encrypted))
            for _ in range(runs)
        ]
    finally:
        del os.environ["HRSUPPLY_DB_KEY"]
    cold_plain, cold_enc = (statistics.median(s[i] for s in starts) for i in (0, 1))
    print(f"  cold start to a painted window  plain {cold_plain * 1000:6.0f} ms   encrypted {cold_enc * 1000:6.0f} ms"
          f"   ratio {cold_enc / cold_plain:.2f}× (goal ≤ 1.3×)")  # fmt: skip


def window(path: Path, runs: int) -> None:
    import screens  # bench/screens.py: Qt is loaded only here

    # As an installed app is: its modules compiled (pip does it; this machine may not write .pyc).
    compileall.compile_dir(Path(hrsupply.__file__).parent, quiet=1)
    print(f"[window] {path.name}")
    screens.cold_start(path, runs)
    screens.stalls(path, rounds=2 if runs < 5 else 3)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--days", type=int, default=5 * 365, help="history for the large database")
    p.add_argument("--skip-import", action="store_true")
    p.add_argument("--quick", action="store_true", help="small sizes, so CI keeps the benchmark working")
    args = p.parse_args()
    if args.quick:
        args.days = 20
    stored = users.hash_secret("246813")
    print(f"[sign-in] one PIN check (scrypt, N={users.N}): about 0.1 s is the aim")
    row("check a PIN", lambda: users.check_secret("246813", stored), 3 if args.quick else 10)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        small, ids = build(tmp / "small.sqlite", days=365, visits_per_day=7)  # a year of a small program
        measure(small, ids, "small")
        small.dispose()
        window(tmp / "small.sqlite", runs=3 if args.quick else 11)
        big, ids = build(tmp / "big.sqlite", days=args.days)
        print(f"(generated the large database in {time.perf_counter() - t:.0f} s)")
        measure(big, ids, "large")
        bench_sync(tmp, big, ids, visits_a_day=30 if args.quick else 300)
        bench_cards(tmp, big, n=20 if args.quick else 200)
        big.dispose()
        bench_encrypted(tmp, tmp / "big.sqlite", ids, n=5 if args.quick else 30, runs=2 if args.quick else 7)
        window(tmp / "big.sqlite", runs=3 if args.quick else 11)
        if not args.skip_import:
            bench_import(tmp, rows=2_000 if args.quick else 100_000)
    goals()


if __name__ == "__main__":
    main()
