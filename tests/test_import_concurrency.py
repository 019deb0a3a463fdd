"""One workstation's import does not lock out the others: the slow part runs before the write
transaction, a visit saved meanwhile waits (never fails) and goes through as soon as the import's
write ends; and stock moved by another desk between the rehearsal and the write is caught."""

import random
import threading
import time
from datetime import date, datetime, timedelta

import pytest
from openpyxl import Workbook

from hrsupply.errors import ImportRefused
from hrsupply.services import exchange, movements, visits
from hrsupply.services.ledger import Move
from hrsupply.services.visits import Line, VisitForm
from tests.helpers import MOVES_HEADER, move, stock_map, workbook

ROWS = 100_000


@pytest.fixture(scope="session")
def big_workbook(tmp_path_factory):
    """100k movements over ten items and the test catalog's syringes, at the site and the van."""
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    book = Workbook(write_only=True)
    ws = book.create_sheet("Items")
    ws.append(["sku", "name", "category"])
    for n in range(10):
        ws.append([f"SKU{n:02d}", f"Item {n}", "Supplies"])
    ws = book.create_sheet("Movements")
    ws.append(MOVES_HEADER)
    skus = [f"SKU{n:02d}" for n in range(10)] + ["SYR-1ML"]
    rng = random.Random(3)
    start = datetime.combine(date.today() - timedelta(days=90), datetime.min.time())
    for n in range(ROWS):
        sku = skus[n % len(skus)]
        when = start + timedelta(seconds=60 * n * 90 * 24 // ROWS)
        if n < len(skus):
            ws.append([when, "receive", sku, 1_000_000, "SITE", None, None, None, None, None, "opening"])
        elif n % 10 == 0:
            ws.append([when, "transfer", sku, 20, "SITE", "VAN1", None, None, None, None, None])
        else:
            ws.append([when, "handout", sku, rng.randint(1, 5), "SITE", None, None, None, f"P{n % 700}", None, None])
    book.save(path)
    return path


def test_a_visit_saved_during_a_large_import_goes_through_when_its_write_ends(db, cat, big_workbook, monkeypatch):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 100, datetime.now() - timedelta(days=100))])
    writing = threading.Event()
    real_write = exchange.plan.write_movements
    times = {}

    def write(*args, **kwargs):
        times["write"] = time.monotonic()
        writing.set()
        return real_write(*args, **kwargs)

    monkeypatch.setattr(exchange.plan, "write_movements", write)
    real_post_row, worked_out = exchange.plan.post_row, []

    def post_row(*args, **kwargs):  # each row worked out, and whether the write lock was held
        worked_out.append("write" in times)
        return real_post_row(*args, **kwargs)

    monkeypatch.setattr(exchange.plan, "post_row", post_row)
    outcome = {}

    def desk():
        writing.wait(timeout=600)
        time.sleep(0.2)  # well inside the write
        times["visit asked"] = time.monotonic()
        try:
            outcome["visit"] = visits.record(
                db, "desk", VisitForm(cat.site, datetime.now(), "MAJO85", [Line(cat.syr, 5)])
            )
        except Exception as exc:  # noqa: BLE001 - the test reports whatever went wrong
            outcome["error"] = exc
        times["visit saved"] = time.monotonic()

    other = threading.Thread(target=desk)
    other.start()
    times["import asked"] = time.monotonic()
    summary = exchange.import_workbook(db, big_workbook, "lead")
    times["import done"] = time.monotonic()
    other.join(timeout=600)
    assert summary.movements == ROWS
    assert "error" not in outcome, outcome.get("error")
    assert times["visit asked"] < times["import done"]  # it really had to wait for the import
    assert times["visit saved"] - times["import done"] < 5
    # Reading, checking and working out 100k rows happen before the write transaction: under the
    # lock the rehearsed lines are written as they are, not one row worked out again.
    assert len(worked_out) == ROWS and not any(worked_out)
    assert stock_map(db)[("SITE", "SYR-1ML")] > 0
    [row] = visits.between(db, "admin", date.today(), date.today())
    assert row.participant == "MAJO85" and row.syringes_out == 5


def test_stock_moved_between_the_check_and_the_write_is_caught(db, cat, tmp_path, monkeypatch):
    """The rehearsal saw 10 syringes; another desk hands out 8 before the write: the import is
    worked out again under lock, and refused, naming the row."""
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, datetime.now() - timedelta(days=2))])
    path = workbook(
        tmp_path / "take.xlsx",
        Movements=[MOVES_HEADER, move(datetime.now() - timedelta(days=1), "handout", "SYR-1ML", 5, "SITE")],
    )
    real = exchange.plan.rehearse

    def rehearse_then_another_desk_saves(*args, **kwargs):
        plan = real(*args, **kwargs)
        visits.record(db, "desk", VisitForm(cat.site, datetime.now(), None, [Line(cat.syr, 8)]))
        return plan

    monkeypatch.setattr(exchange.plan, "rehearse", rehearse_then_another_desk_saves)
    with pytest.raises(ImportRefused, match="row 2, column quantity: not enough stock of SYR-1ML"):
        exchange.import_workbook(db, path, "lead")
    assert stock_map(db)[("SITE", "SYR-1ML")] == 2  # the visit stands; the import wrote nothing


def test_a_rehearsal_still_valid_is_written_as_it_was_worked_out(db, cat, tmp_path, monkeypatch):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, datetime.now() - timedelta(days=2))])
    path = workbook(
        tmp_path / "ok.xlsx",
        Movements=[MOVES_HEADER, move(datetime.now() - timedelta(days=1), "handout", "SYR-1ML", 5, "SITE")],
    )
    posted = []
    real_post = exchange.plan.post_row
    monkeypatch.setattr(exchange.plan, "post_row", lambda *a: posted.append(a) or real_post(*a))
    exchange.import_workbook(db, path, "lead")
    assert len(posted) == 1  # posted once, in the rehearsal; the write only wrote it
    assert stock_map(db)[("SITE", "SYR-1ML")] == 5
