"""Several workstations at once: stock is never spent twice and balances stay equal to the ledger."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from hrsupply.db import open_database
from hrsupply.services import movements, stock
from hrsupply.services.errors import NotEnoughStock
from hrsupply.services.ledger import Move, find_drift
from tests.conftest import at


def test_workers_racing_for_the_same_stock(db_url, db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 60, at(1)),
                                  Move("receive", cat.nal, cat.site, 30, at(1), lot_id=cat.lots["A"]),
                                  Move("receive", cat.nal, cat.site, 30, at(1), lot_id=cat.lots["B"])])

    def worker(n: int) -> tuple[int, int]:
        desk = open_database(db_url, migrate=False)  # its own engine, like another workstation
        done = refused = 0
        try:
            for i in range(20):
                when = datetime(2026, 11, 2, 9, n, i)
                move = (Move("handout", cat.syr, cat.site, 1, when) if i % 2 else
                        Move("transfer", cat.nal, cat.site, 1, when, to_location_id=cat.van))
                try:
                    movements.record(desk, f"desk{n}", [move])
                    done += 1
                except NotEnoughStock:
                    refused += 1
        finally:
            desk.dispose()
        return done, refused

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(worker, range(8)))
    assert sum(d for d, _ in results) == 120 and sum(r for _, r in results) == 40
    left = {(l.location, l.sku): l.quantity for l in stock.on_hand(db)}
    assert left == {("VAN1", "NAL-4MG"): 60}  # 60 syringes handed out, 60 kits moved, none twice
    with db.read() as s:
        assert find_drift(s) == []
