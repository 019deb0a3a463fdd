import os
import shutil
from datetime import date, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hrsupply.db import open_database  # noqa: E402
from hrsupply.services import catalog  # noqa: E402


@pytest.fixture(scope="session")
def _template(tmp_path_factory):
    """A migrated empty database, copied for each test: every test gets a fresh one, fast."""
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    db = open_database(f"sqlite:///{path}")
    db.dispose()
    return path


@pytest.fixture
def db_url(tmp_path, _template):
    path = tmp_path / "test.sqlite"
    shutil.copy(_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.dispose()


class Catalog:
    """Ids of a small catalog: syringes (not lot-tracked), naloxone (lot-tracked), a site and a van."""

    def __init__(self, db):
        with db.write() as s:
            syr = catalog.upsert_item(s, "SYR-1ML", name="Syringe 1 mL 28G 1/2 in", category="Syringes",
                                      barcode="0001", reorder_point=500)
            nal = catalog.upsert_item(s, "NAL-4MG", name="Naloxone 4 mg nasal (2 doses)",
                                      category="Naloxone", lot_tracked=True)
            site = catalog.upsert_location(s, "SITE", "Fixed site", "site")
            van = catalog.upsert_location(s, "VAN1", "Mobile van", "van")
            s.flush()
            self.syr, self.nal, self.site, self.van = syr.id, nal.id, site.id, van.id
            self.lots = {}
            for number, expiry in (("A", date(2026, 12, 31)), ("B", date(2027, 3, 31)),
                                   ("C", date(2027, 6, 30)), ("OLD", date(2026, 1, 31))):
                self.lots[number] = catalog.lot_for(s, nal.id, number, expiry).id


@pytest.fixture
def cat(db):
    return Catalog(db)


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour)
