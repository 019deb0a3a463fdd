"""Long work stops when the person waiting cancels, between steps, leaving nothing half-done."""

from datetime import datetime

import pytest

from hrsupply.db import open_database
from hrsupply.services import backup, exchange, movements
from hrsupply.services.ledger import Move
from hrsupply.steps import Cancelled, Steps
from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, stock_map, workbook


def cancel_at(text: str) -> tuple[Steps, list[str]]:
    """Steps that record what they heard and cancel once `text` is reported (as a person presses
    Cancel on seeing it): the work stops at its next step."""
    heard: list[str] = []
    steps = Steps()

    def report(done: int, total: int, said: str) -> None:
        heard.append(said)
        if text in said:
            steps.cancel()

    steps.reporter = report
    return steps, heard


def test_an_import_cancelled_before_the_writing_writes_nothing(tmp_path, db):
    rows = [MOVES_HEADER] + [move("2026-11-01", "receive", "SYR-1ML", 10 + n, "SITE") for n in range(30)]
    path = workbook(tmp_path / "in.xlsx", Items=ITEMS, Locations=LOCATIONS, Movements=rows)
    steps, heard = cancel_at("Checking movement")  # heard at the next step: the last before the writing
    with pytest.raises(Cancelled):
        exchange.import_workbook(db, path, "lead", steps=steps)
    assert heard[0].startswith("Reading in.xlsx") and heard[-1] == "Checking movement 0 of 30…"
    assert stock_map(db) == {}  # not an item, not a line
    summary = exchange.import_workbook(db, path, "lead")  # and it imports whole afterwards
    assert summary.movements == 30


def test_a_backup_cancelled_half_way_leaves_no_copy(tmp_path, db_url, cat):
    if not db_url.startswith("sqlite"):
        pytest.skip("a server database is backed up on the server")
    db = open_database(db_url)
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 5, datetime(2026, 1, 1))])
    steps, heard = cancel_at("Copying")
    with pytest.raises(Cancelled):
        backup.take(db_url, tmp_path / "bk", steps=steps)
    assert heard and list((tmp_path / "bk").iterdir()) == []
    made = backup.take(db_url, tmp_path / "bk", steps=Steps())
    assert made.path.exists()
    db.dispose()
