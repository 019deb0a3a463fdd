"""Several workstations at once: stock is never spent twice and balances stay equal to the ledger."""

import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from hrsupply.db import open_database
from hrsupply.errors import NotEnoughStock
from hrsupply.services import movements, stock
from hrsupply.services.ledger import Move
from hrsupply.services.verify import find_drift
from tests.conftest import PG, at


def desk(url: str, n: int, ids: tuple, rounds: int) -> tuple[int, int]:
    """One workstation: its own engine, alternating handouts of syringes and transfers of naloxone."""
    syr, nal, site, van = ids
    db = open_database(url, migrate=False)
    done = refused = 0
    try:
        for i in range(rounds):
            when = datetime(2026, 11, 2, 9, n % 60, i % 60)
            move = (
                Move("handout", syr, site, 1, when)
                if i % 2
                else Move("transfer", nal, site, 1, when, to_location_id=van)
            )
            try:
                movements.record(db, "lead", [move])
                done += 1
            except NotEnoughStock:
                refused += 1
    finally:
        db.dispose()
    return done, refused


def _desk(args):
    return desk(*args)


@pytest.mark.parametrize(
    "workers, processes", [(8, False), (2, True)] + ([(8, True)] if PG else []), ids=lambda v: str(v)
)
def test_workers_racing_for_the_same_stock(db_url, db, cat, workers, processes):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 60, at(1)),
            Move("receive", cat.nal, cat.site, 30, at(1), lot_id=cat.lots["A"]),
            Move("receive", cat.nal, cat.site, 30, at(1), lot_id=cat.lots["B"]),
        ],
    )
    rounds = 160 // workers  # 160 attempts in all, for 120 units: 40 must be refused
    jobs = [(db_url, n, (cat.syr, cat.nal, cat.site, cat.van), rounds) for n in range(workers)]
    if processes:  # separate processes, as separate workstations are (SQLite: WAL and the busy timeout)
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            results = pool.map(_desk, jobs)
    else:
        with ThreadPoolExecutor(workers) as pool:
            results = list(pool.map(_desk, jobs))
    assert sum(d for d, _ in results) == 120 and sum(r for _, r in results) == 40
    left = {(l.location, l.sku): l.quantity for l in stock.on_hand(db)}
    assert left == {("VAN1", "NAL-4MG"): 60}  # 60 syringes handed out, 60 kits moved, none twice
    with db.read() as s:
        assert find_drift(s) == []
