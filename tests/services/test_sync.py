"""The van offline: a laptop set up from the central, its records exchanged by file or directly,
each rule of the pair (no duplicates, nothing lost, nothing overwritten, the ledger whole on both
sides) on the central's database kind (SQLite, or PostgreSQL with HRSUPPLY_TEST_PG)."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hrsupply.db import open_database
from hrsupply.errors import UserError
from hrsupply.models import Movement, Visit
from hrsupply.services import (
    adjustments,
    catalog,
    dashboard,
    movements,
    program,
    program_report,
    stock,
    sync,
    users,
    verify,
    visits,
)
from hrsupply.services.ledger import Move
from hrsupply.services.sync import package
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import PIN


def van_stock(db, code: str = "VAN1") -> dict:
    return {(l.sku, l.lot): l.quantity for l in stock.on_hand(db, location=code, lots=True) if l.quantity}


def laptop_of(db, tmp_path: Path, name: str = "laptop", location: str = "VAN1"):
    setup = sync.setup(db, "admin", location, tmp_path / f"{name}.setup")
    laptop = open_database(f"sqlite:///{tmp_path / name}.sqlite")
    sync.join(laptop, setup)
    return laptop


def send(source, target, tmp_path: Path, who=("crew", "crew"), name="f.sync") -> sync.Outcome:
    path = tmp_path / name
    sync.export_file(source, who[0], path)
    return sync.import_file(target, who[1], path)


@pytest.fixture
def stocked(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, datetime.now() - timedelta(days=3)),
            Move("receive", cat.nal, cat.site, 20, datetime.now() - timedelta(days=3), lot_id=cat.lots["B"]),
            Move("transfer", cat.syr, cat.site, 200, datetime.now() - timedelta(days=2), to_location_id=cat.van),
            Move("transfer", cat.nal, cat.site, 6, datetime.now() - timedelta(days=2), to_location_id=cat.van,
                 lot_id=cat.lots["B"]),
        ],
    )  # fmt: skip
    visits.record(db, "lead", VisitForm(cat.site, datetime.now() - timedelta(days=1), "KNOWN1", [Line(cat.syr, 5)]))
    with db.write() as s:
        catalog.upsert_par(s, cat.van, cat.syr, 300, 100)
    return cat


def test_a_laptop_joins_with_the_vans_stock_the_catalog_users_and_known_codes(db, stocked, tmp_path):
    program.put_many(db, "admin", {"referrals": ["Housing", "Detox"], "backup_folder": "/srv/site-backups"})
    laptop = laptop_of(db, tmp_path)
    assert program.get(laptop, "referrals") == ["Housing", "Detox"]  # the program's rules travel
    assert program.get(laptop, "backup_folder") == ""  # where the site's backups go does not
    assert van_stock(laptop) == van_stock(db) == {("SYR-1ML", None): 200, ("NAL-4MG", "B"): 6}
    assert users.sign_in(laptop, "crew", PIN).role == "van_crew"  # the crew and admins sign in there
    with pytest.raises(UserError):
        users.sign_in(laptop, "desk", PIN)  # the front desk stays at the site
    assert visits.match_code(laptop, "crew", "KNOWN").code == "KNOWN1"  # completed offline
    assert [p.role for p in sync.pairs(laptop)] == ["central"] and [p.role for p in sync.pairs(db)] == ["laptop"]
    assert sync.pairs(laptop)[0].waiting == 0  # the opening stock is never sent back
    assert verify.check(db).ok and verify.check(laptop).ok
    # What the laptop shows is its own location's: never the site's empty shelves
    assert {(r.location, r.par, r.minimum) for r in stock.overview(laptop) if r.sku == "SYR-1ML"} == {
        ("VAN1", 300, 100)
    }
    assert [n.location for n in dashboard.dashboard(laptop).naloxone] == ["VAN1"]
    assert {r.location for r in stock.overview(db)} == {"SITE", "VAN1"}


def test_setup_is_for_an_admin_and_a_van_and_join_needs_an_empty_database(db, stocked, tmp_path):
    with pytest.raises(UserError, match="may not"):
        sync.setup(db, "crew", "VAN1", tmp_path / "x.setup")
    with pytest.raises(UserError, match="is a site"):
        sync.setup(db, "admin", "SITE", tmp_path / "x.setup")
    path = sync.setup(db, "admin", "VAN1", tmp_path / "x.setup")
    assert path.stat().st_mode & 0o777 == 0o600  # it holds the pair's key
    with pytest.raises(UserError, match="new, empty database"):
        sync.join(db, path)
    with pytest.raises(UserError, match="setup file"):
        sync.import_file(db, "admin", path)


def test_the_days_visits_arrive_once_however_often_the_file_is_sent(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    for n in range(3):
        visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), f"ROAD{n}", [Line(stocked.syr, 10)]))
    path = tmp_path / "day.sync"
    sent = sync.export_file(laptop, "crew", path)
    assert (sent.visits, sent.lines) == (3, 3)
    assert sync.import_file(db, "admin", path).line() == "6 new, 0 already here, 0 set aside"
    assert sync.import_file(db, "admin", path).line() == "0 new, 6 already here, 0 set aside"  # resent
    assert sync.pairs(db)[0].waiting == 0  # the laptop's own visits never wait to go back to it
    assert db_count(db, Visit) == 4 and van_stock(db)[("SYR-1ML", None)] == 170
    # The laptop hears back; its next file holds nothing already confirmed
    send(db, laptop, tmp_path)
    assert sync.export_file(laptop, "crew", tmp_path / "next.sync").lines == 0
    assert van_stock(laptop) == van_stock(db)
    codes = {r.participant for r in visits.between(db, "admin", date.today(), date.today())}
    assert {"ROAD0", "ROAD1", "ROAD2"} <= codes  # a code first seen on the van is a participant


def test_a_line_keeps_who_recorded_it_on_the_van_and_when(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), "ROAD9", [Line(stocked.syr, 10)]))
    with laptop.read() as s:
        on_van = s.execute(
            select(Movement.recorded_by, Movement.recorded_at).where(Movement.participant == "ROAD9")
        ).one()
    send(laptop, db, tmp_path, who=("crew", "admin"))
    with db.read() as s:
        here = s.execute(
            select(Movement.recorded_by, Movement.recorded_at, Movement.import_id).where(
                Movement.participant == "ROAD9"
            )
        ).one()
    assert tuple(here) == (*on_van, None)


def test_a_load_out_at_the_central_reaches_the_laptop_and_stock_agrees_lot_by_lot(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    movements.record(
        db,
        "lead",
        [Move("transfer", stocked.nal, stocked.site, 4, datetime.now(), to_location_id=stocked.van,
              lot_id=stocked.lots["B"])],
    )  # fmt: skip
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), None, [Line(stocked.nal, 2)]))
    send(laptop, db, tmp_path, ("crew", "lead"))
    assert send(db, laptop, tmp_path, ("lead", "crew")).new == 1  # the load-out line
    assert van_stock(laptop) == van_stock(db) == {("SYR-1ML", None): 200, ("NAL-4MG", "B"): 8}


def test_the_central_never_goes_below_zero_what_the_van_gave_beyond_it_is_found_stock(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    # At the site someone counts the van short while it is out; the van hands out what it carries
    movements.record(db, "lead", [Move("count", stocked.syr, stocked.van, 50, datetime.now() - timedelta(hours=1))])
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), "ROAD1", [Line(stocked.syr, 120)]))
    outcome = send(laptop, db, tmp_path, ("crew", "lead"))
    assert outcome.found == ["70 SYR-1ML at VAN1"] and outcome.new == 2  # no visit refused or lost
    found = db_rows(db, select(Movement).where(Movement.reason == "found"))
    assert [(f.quantity, f.needs_review) for f in found] == [(70, True)]  # for the supply lead to review
    assert ("SYR-1ML", None) not in van_stock(db)  # 50 counted + 70 found - 120 handed out
    findings = verify.check(db)
    assert findings.ok and not findings.dips
    back = send(db, laptop, tmp_path, ("lead", "crew"))
    assert (back.new, back.found) == (2, []), back  # the count and the found stock: no found of its own
    assert van_stock(laptop) == van_stock(db)


def test_a_record_here_with_other_content_is_set_aside_never_overwritten(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), "ROAD1", [Line(stocked.syr, 10)]))
    path = tmp_path / "day.sync"
    sync.export_file(laptop, "crew", path)
    sync.import_file(db, "admin", path)
    with laptop.write() as s:  # the same id, other content (a bug, or a hand edit)
        s.scalar(select(Movement).where(Movement.type == "handout")).participant = "OTHER9"
    laptop_peer_reset(laptop)
    sync.export_file(laptop, "crew", path)
    outcome = sync.import_file(db, "admin", path)
    assert (outcome.new, outcome.set_aside) == (0, 1)
    handouts = select(Movement.participant).where(Movement.type == "handout", Movement.location_id == stocked.van)
    assert db_rows(db, handouts) == ["ROAD1"]  # kept as it came first
    [row] = sync.set_aside(db, "admin")
    assert "other participant" in row.reason and row.what.startswith("handout 10 SYR-1ML at VAN1")
    assert sync.retry(db, "admin", row.id) is False  # still different: still set aside
    [row] = sync.set_aside(db, "admin")
    sync.dismiss(db, "admin", row.id)
    assert sync.set_aside(db, "admin") == [] and sync.pairs(db)[0].set_aside == 0
    with pytest.raises(UserError, match="may not"):
        sync.set_aside(db, "crew")


def laptop_peer_reset(laptop) -> None:
    """Forget what the central confirmed, so everything goes again (as after a lost answer)."""
    with laptop.write() as s:
        peer = s.scalar(select(sync.review.SyncPeer))
        peer.sent_movements = peer.sent_visits = 0


def db_count(db, model) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def db_rows(db, query) -> list:
    with db.read() as s:
        return list(s.scalars(query))


def test_a_tampered_misdirected_or_newer_file_is_refused_and_nothing_written(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    other = laptop_of(db, tmp_path, "other")
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), None, [Line(stocked.syr, 1)]))
    path = tmp_path / "day.sync"
    sync.export_file(laptop, "crew", path)
    before = db_count(db, Movement)
    data = bytearray(path.read_bytes())
    data[-30] ^= 0xFF
    (tmp_path / "bad.sync").write_bytes(bytes(data))
    with pytest.raises(UserError, match="changed after it was written"):
        sync.import_file(db, "admin", tmp_path / "bad.sync")
    with pytest.raises(UserError, match="another database"):
        sync.import_file(other, "crew", path)
    head, rest = path.read_bytes().split(b"\n", 1)
    newer = json.loads(head) | {"version": package.VERSION + 1}
    (tmp_path / "new.sync").write_bytes(json.dumps(newer).encode() + b"\n" + rest)
    with pytest.raises(UserError, match="newer hrsupply"):
        sync.import_file(db, "admin", tmp_path / "new.sync")
    (tmp_path / "junk.sync").write_bytes(b"PK\x03\x04 not a sync file")
    with pytest.raises(UserError, match="not an hrsupply sync file"):
        sync.import_file(db, "admin", tmp_path / "junk.sync")
    assert db_count(db, Movement) == before


def test_an_import_that_fails_midway_leaves_none_of_it_and_the_same_file_completes_it(
    db, stocked, tmp_path, monkeypatch
):
    laptop = laptop_of(db, tmp_path)
    for n in range(4):
        visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), f"ROAD{n}", [Line(stocked.syr, 1)]))
    path = tmp_path / "day.sync"
    sync.export_file(laptop, "crew", path)
    before = (db_count(db, Movement), db_count(db, Visit))
    calls = []
    real = sync.records.Inbox.line

    def dies(self, m):
        calls.append(m)
        if len(calls) == 3:
            raise OSError("the power went")
        return real(self, m)

    monkeypatch.setattr(sync.records.Inbox, "line", dies)
    with pytest.raises(OSError):
        sync.import_file(db, "admin", path)
    assert (db_count(db, Movement), db_count(db, Visit)) == before
    monkeypatch.undo()
    assert sync.import_file(db, "admin", path).new == 8


def test_a_visit_undone_on_the_van_after_it_was_sent_is_undone_at_the_central(db, stocked, tmp_path, today_is):
    laptop = laptop_of(db, tmp_path)
    made = visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), "ROAD1", [Line(stocked.syr, 10)]))
    send(laptop, db, tmp_path)
    visits.undo(laptop, "crew", made)
    outcome = send(laptop, db, tmp_path)
    assert outcome.new == 1  # the reversal line (the visit and its handout again, not yet confirmed: already here)
    [row] = visits.between(db, "admin", date.today(), date.today(), stocked.van)
    assert row.undone and van_stock(db)[("SYR-1ML", None)] == 200


def test_a_late_file_counts_in_the_month_it_happened(db, stocked, tmp_path, today_is):
    laptop = laptop_of(db, tmp_path)
    last_month = (date.today().replace(day=1) - timedelta(days=1)).replace(day=15)
    with laptop.write() as s:  # recorded on the road last month, on a laptop that never came back until now
        s.add(Visit(location_id=stocked.van, occurred_at=datetime.combine(last_month, datetime.min.time()),
                    recorded_at=datetime.now(), recorded_by="crew", participant="LATE01"))  # fmt: skip
    send(laptop, db, tmp_path)
    start = last_month.replace(day=1)
    report = program_report.build(db, "admin", start, last_month.replace(day=28), None)
    assert report.value(report.total(), next(l for l in report.lines if l.measure == "visits")) == 1
    assert report.late[0] == 1 and report.late[1].date() == date.today()  # the Reports screen says so
    this_month = program_report.build(db, "admin", date.today().replace(day=1), date.today(), None)
    assert this_month.late == (0, None)


def test_direct_sync_sends_then_receives_when_the_central_can_be_reached(db, stocked, tmp_path, db_url):
    laptop = laptop_of(db, tmp_path)
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), "ROAD1", [Line(stocked.syr, 10)]))
    adjustments.dispose(db, "lead", location_id=stocked.van, item_id=stocked.syr, quantity=5, reason="damaged")
    sent, received = sync.now(laptop, "crew", db_url)
    assert (sent.new, received.new) == (2, 1)
    assert van_stock(laptop) == van_stock(db) == {("SYR-1ML", None): 185, ("NAL-4MG", "B"): 6}
    assert sync.now(laptop, "crew", db_url)[0].new == 0
    state = sync.pairs(laptop)[0]
    assert state.last_sent and state.last_received and state.waiting == 0


def test_a_central_out_of_reach_is_said_and_no_database_is_made_in_its_place(db, stocked, tmp_path):
    laptop = laptop_of(db, tmp_path)
    missing = tmp_path / "share" / "central.sqlite"
    with pytest.raises(UserError, match="could not be reached"):
        sync.now(laptop, "crew", f"sqlite:///{missing}")
    assert not missing.exists()
    with pytest.raises(UserError, match="could not be reached"):
        sync.now(laptop, "crew", "postgresql+psycopg://nobody:x@127.0.0.1:9/none")
    with pytest.raises(UserError, match="give the central database's address"):
        sync.now(laptop, "crew")


def test_a_close_out_on_the_laptop_reconciles_at_the_central(db, stocked, tmp_path):
    from hrsupply.services import closeout

    laptop = laptop_of(db, tmp_path)
    visits.record(laptop, "crew", VisitForm(stocked.van, datetime.now(), None, [Line(stocked.syr, 30)]))
    lines = closeout.sheet(laptop, stocked.van)
    for line in lines:
        if line.sku == "SYR-1ML":
            line.counted, line.returned, line.reason = 168, 100, "two dropped"
    closeout.close_out(laptop, "crew", stocked.van, stocked.site, date.today(), lines)
    send(laptop, db, tmp_path)
    [line] = [l for l in closeout.van_reconcile(db, "VAN1", date.today(), date.today()) if l.sku == "SYR-1ML"]
    assert (line.handed_out, line.counted, line.variance, line.returned) == (30, 168, -2, 100)
    assert "two dropped" in line.reasons and van_stock(db)[("SYR-1ML", None)] == 68
    site = {l.sku: l.quantity for l in stock.on_hand(db, location="SITE")}
    assert site["SYR-1ML"] == 1000 - 200 - 5 + 100  # what went back is at the site


def test_on_a_laptop_what_belongs_to_the_central_is_read_only(db, stocked, tmp_path):
    from hrsupply.services import item_editor, presets, program, receiving

    laptop = laptop_of(db, tmp_path)
    said = "come from the central with each sync"
    with pytest.raises(UserError, match=f"items, locations, sources and presets {said}"):
        item_editor.save_source(laptop, "admin", "Church", "donation")
    with pytest.raises(UserError, match=f"the program's settings {said}"):
        program.put(laptop, "admin", "referrals", ["Housing"])
    with pytest.raises(UserError, match=f"users {said}"):
        users.add_user(laptop, "admin", "newcrew", "van_crew", "24681357")
    with pytest.raises(UserError, match=said):
        presets.save_preset(laptop, "admin", "Road kit", [Line(stocked.syr, 10)])
    with pytest.raises(UserError, match=f"deliveries and orders {said}"):
        receiving.record_receipt(
            laptop,
            "admin",
            receiving.ReceiptForm(1, stocked.van, datetime.now(), None, [receiving.ReceiptLine(stocked.syr, 5)]),
        )
    # What the road records is the laptop's to write
    adjustments.dispose(laptop, "admin", location_id=stocked.van, item_id=stocked.syr, quantity=1, reason="damaged")
    item_editor.save_source(db, "admin", "Church", "donation")  # at the central, as ever


def test_returns_weighed_on_the_van_arrive_with_their_weight(db, stocked, tmp_path):
    """A weighed return travels with its weight (and its count, worked out on the van)."""
    from hrsupply.services import program, returns

    program.put(db, "admin", "syringes_per_pound", 281)
    laptop = laptop_of(db, tmp_path)
    if program.get(laptop, "syringes_per_pound") is None:  # settings come with the setup file
        pytest.fail("the laptop does not have the program's syringes to the pound")
    form = VisitForm(stocked.van, datetime.now(), "ROAD9", [], returned_grams=returns.to_grams(2, "lb"))
    visits.record(laptop, "crew", form)
    path = tmp_path / "day.sync"
    sync.export_file(laptop, "crew", path)
    assert sync.import_file(db, "admin", path).line() == "1 new, 0 already here, 0 set aside"
    with db.read() as s:
        saved = s.execute(select(Visit.syringes_returned, Visit.returned_grams).where(Visit.participant == "ROAD9"))
        assert [tuple(r) for r in saved] == [(562, 907)]
