"""Run by tests/test_crash.py in a child process that is killed with SIGKILL part-way."""

import sys
from datetime import datetime

from hrsupply.db import open_database
from hrsupply.services import visits
from hrsupply.services.visits import Line, VisitForm


def handouts(url: str, site: int, syr: int, vitc: int) -> None:
    """Record visits as fast as a front desk could dream of, saying each one once it is saved."""
    db = open_database(url, migrate=False)
    while True:
        visit = visits.record(db, "desk", VisitForm(site, datetime.now(), None, [Line(syr, 2), Line(vitc, 1)]))
        print(visit, flush=True)


if __name__ == "__main__":
    handouts(sys.argv[1], *map(int, sys.argv[2:]))
