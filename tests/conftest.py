import os
import shutil
import sys
from datetime import date, datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings  # noqa: E402
from sqlalchemy import create_engine, make_url  # noqa: E402

from hrsupply.db import open_database  # noqa: E402
from hrsupply.models import Item, User  # noqa: E402
from hrsupply.services import catalog, users  # noqa: E402

# HYPOTHESIS_PROFILE=thorough for a long hunt; the default keeps `make test` quick.
settings.register_profile("default", max_examples=40, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Set HRSUPPLY_TEST_PG to a PostgreSQL server URL (e.g.
# postgresql+psycopg://postgres:pg@localhost/postgres) to run the suite against PostgreSQL.
PG = os.environ.get("HRSUPPLY_TEST_PG")


# The users every test database starts with (PIN 1234), one per role.
USERS = {"admin": "admin", "lead": "supply_lead", "desk": "front_desk", "crew": "van_crew"}
PIN = "1234"


def _add_users(url: str) -> None:
    db = open_database(url)
    secret = users.hash_secret(PIN)
    with db.write() as s:
        for name, role in USERS.items():
            s.add(
                User(
                    username=name,
                    role=role,
                    secret_hash=secret,
                    active=True,
                    created_at=datetime(2026, 1, 1),
                    created_by="admin",
                )
            )
    db.dispose()


@pytest.fixture(scope="session")
def _template(tmp_path_factory):
    """A migrated empty database, copied for each test: every test gets a fresh one, fast."""
    if PG:
        admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS hrsupply_template")
            conn.exec_driver_sql("CREATE DATABASE hrsupply_template")
        _add_users(make_url(PG).set(database="hrsupply_template").render_as_string(False))
        yield admin
        admin.dispose()
        return
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    _add_users(f"sqlite:///{path}")
    yield path


@pytest.fixture
def new_db_url(tmp_path, _template):
    """Makes empty, migrated databases: new_db_url("other") -> URL."""
    made = []

    def make(name: str = "test") -> str:
        if PG:
            db_name = f"hrsupply_{name}_{os.getpid()}"
            with _template.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
                conn.exec_driver_sql(f"CREATE DATABASE {db_name} TEMPLATE hrsupply_template")
            made.append(db_name)
            return make_url(PG).set(database=db_name).render_as_string(False)
        path = tmp_path / f"{name}.sqlite"
        shutil.copy(_template, path)
        return f"sqlite:///{path}"

    yield make
    if "hrsupply.ui.ops" in sys.modules:  # a screen's work off the UI thread ends before its database goes
        from PySide6.QtCore import QThreadPool

        sys.modules["hrsupply.ui.ops"].settle(strict=False)
        QThreadPool.globalInstance().waitForDone(30_000)  # an answer no longer wanted is still running
        sys.modules["hrsupply.ui.ops"].settle(strict=False)
    if PG:
        with _template.connect() as conn:
            for db_name in made:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")


@pytest.fixture
def db_url(new_db_url):
    return new_db_url()


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.dispose()


class Catalog:
    """Ids of a small catalog: syringes (not lot-tracked), naloxone (lot-tracked), a site and a van."""

    def __init__(self, db):
        with db.write() as s:
            syr = catalog.upsert_item(
                s, "SYR-1ML", name="Syringe 1 mL 28G 1/2 in", category="Syringes", barcode="0001", reorder_point=500
            )
            nal = catalog.upsert_item(
                s, "NAL-4MG", name="Naloxone 4 mg nasal (2 doses)", category="Naloxone", lot_tracked=True
            )
            site = catalog.upsert_location(s, "SITE", "Fixed site", "site")
            van = catalog.upsert_location(s, "VAN1", "Mobile van", "van")
            s.flush()
            self.syr, self.nal, self.site, self.van = syr.id, nal.id, site.id, van.id
            self.lots = {}
            for number, expiry in (
                ("A", date(2026, 12, 31)),
                ("B", date(2027, 3, 31)),
                ("C", date(2027, 6, 30)),
                ("OLD", date(2026, 1, 31)),
            ):
                self.lots[number] = catalog.lot_for(s, nal.id, number, expiry).id


@pytest.fixture
def cat(db):
    return Catalog(db)


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour)


@pytest.fixture(autouse=True)
def _cli_signs_in_as_admin(monkeypatch):
    """The command line signs in from the environment; tests of sign-in itself change these."""
    monkeypatch.setenv("HRSUPPLY_USER", "admin")
    monkeypatch.setenv("HRSUPPLY_PIN", PIN)


@pytest.fixture
def today_is(monkeypatch):
    """today_is(date(2026, 12, 1)): entries may be dated up to that day (a replayed later month)."""
    from hrsupply.services import bounds

    def move(day: date) -> None:
        monkeypatch.setattr(bounds, "today", lambda: day)

    return move


@pytest.fixture
def november(db, cat, today_is):
    """A November with known visits, returns, a tally sheet, an undone visit, an imported handout
    (and one reversed), naloxone first kits and refills, deliveries by source and a disposal."""
    from hrsupply.services import item_editor, movements, receiving, tally, visits
    from hrsupply.services.ledger import Move
    from hrsupply.services.receiving import ReceiptForm, ReceiptLine
    from hrsupply.services.tally import TallyForm
    from hrsupply.services.visits import Line, VisitForm

    with db.write() as s:
        strip = catalog.upsert_item(s, "FTS", name="Fentanyl test strip", category="Test strips", unit="strip")
        cooker = catalog.upsert_item(s, "COOKER", name="Cooker", category="Injection supplies")
        s.get(Item, cat.nal).doses = 2  # a 2-dose nasal kit
        s.flush()
        cat.strip, cat.cooker = strip.id, cooker.id
    supplier = item_editor.save_source(db, "lead", "Henry Schein", "supplier")
    donor = item_editor.save_source(db, "lead", "Church donation", "donation")
    state = item_editor.save_source(db, "lead", "State DOH", "state allocation")

    def receive(source, day, *lines):
        receiving.record_receipt(db, "lead", ReceiptForm(source, cat.site, at(day, 8), None, list(lines)))

    # October: AAAA11 seen once (so in November they return), from 10 syringes received then.
    receiving.record_receipt(
        db, "lead", ReceiptForm(supplier, cat.site, at(1, 8, 10), None, [ReceiptLine(cat.syr, 10)])
    )
    visits.record(db, "lead", VisitForm(cat.site, at(2, 10, 10), "AAAA11", [Line(cat.syr, 10)]))
    # November deliveries: 1,000 syringes bought, 100 strips and 50 cookers donated, 40 naloxone
    # kits from the state, and 30 cookers imported from a spreadsheet with no source.
    receive(supplier, 1, ReceiptLine(cat.syr, 1000))
    receive(donor, 1, ReceiptLine(cat.strip, 100), ReceiptLine(cat.cooker, 50))
    receive(state, 1, ReceiptLine(cat.nal, 40, lot="C"))
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.cooker, cat.site, 30, at(1, 9)),
            Move("transfer", cat.syr, cat.site, 100, at(1, 10), to_location_id=cat.van),
            Move("transfer", cat.nal, cat.site, 5, at(1, 10), lot_id=cat.lots["C"], to_location_id=cat.van),
        ],
    )
    visits.record(
        db,
        "lead",
        VisitForm(cat.site, at(3), "AAAA11", [Line(cat.syr, 20)], syringes_returned=15, referrals=["HCV test"]),
    )
    visits.record(
        db,
        "lead",
        VisitForm(
            cat.site,
            at(5),
            "BBBB22",
            [Line(cat.syr, 30), Line(cat.nal, 1)],
            syringes_returned=40,
            returned_estimated=True,
            collecting_for=2,
            naloxone_reason="first kit",
        ),
    )
    visits.record(
        db,
        "lead",
        VisitForm(
            cat.van,
            at(7),
            "BBBB22",
            [Line(cat.nal, 2)],
            naloxone_reason="used on an overdose",
            reversals_reported=1,
            referrals=["HCV test", "Housing"],
        ),
    )
    visits.record(db, "lead", VisitForm(cat.site, at(9), None, [Line(cat.syr, 10), Line(cat.strip, 5)]))
    undone = visits.record(db, "lead", VisitForm(cat.site, at(20), "CCCC33", [Line(cat.syr, 50)]))
    today_is(date(2026, 11, 20))  # undone the day it was recorded
    visits.undo(db, "lead", undone)
    today_is(date.today())
    tally.record_tally(
        db,
        "lead",
        TallyForm(
            cat.van,
            date(2026, 11, 12),
            3,
            [Line(cat.syr, 60), Line(cat.nal, 2)],
            syringes_returned=30,
            naloxone_reasons={"lost": 1},
            referrals={"Housing": 2},
        ),
    )
    movements.record(  # imported handouts: one kept, one reversed later
        db,
        "lead",
        [
            Move("handout", cat.cooker, cat.site, 5, at(14), participant="DDDD44"),
            Move("handout", cat.syr, cat.site, 7, at(15), participant="EEEE55"),
        ],
    )
    with db.read() as s:
        from sqlalchemy import select

        from hrsupply.models import Movement

        wrong = s.scalar(select(Movement.id).where(Movement.participant == "EEEE55"))
    movements.reverse(db, "lead", wrong, "entered twice")
    from hrsupply.services import adjustments

    adjustments.dispose(db, "lead", location_id=cat.site, item_id=cat.cooker, quantity=3, reason="damaged", at=at(16))
    return cat
