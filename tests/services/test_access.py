"""Roles are enforced in the services; dates by role and the lock date; changes are audited."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from hrsupply.models import Movement
from hrsupply.services import (
    adjustments,
    audit,
    counts,
    item_editor,
    movements,
    program,
    purchase_orders,
    users,
    visits,
)
from hrsupply.services.access import NotAllowed
from hrsupply.services.ledger import Move
from hrsupply.services.purchase_orders import OrderForm
from hrsupply.services.visits import Line, VisitForm
from tests.conftest import at


@pytest.fixture
def stocked(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 500, at(1)),
            Move("receive", cat.nal, cat.site, 20, at(1), lot_id=cat.lots["B"]),
        ],
    )
    return cat


def test_front_desk_records_todays_visits_but_may_not_touch_stock(db, stocked):
    now = datetime.now()
    visits.record(db, "desk", VisitForm(stocked.site, now, "MAJO85", [Line(stocked.syr, 20)]))
    with pytest.raises(
        NotAllowed,
        match=r"desk \(front desk\) may not receive, adjust, count or order stock; "
        r"ask a supply lead or an admin",
    ):
        adjustments.adjust(db, "desk", location_id=stocked.site, item_id=stocked.syr, quantity=-5, reason="damaged")
    for refused in (
        lambda: counts.start(db, "desk", stocked.site),
        lambda: movements.record(db, "crew", [Move("receive", stocked.syr, stocked.site, 5, now)]),
        lambda: purchase_orders.create(db, "desk", OrderForm(None, stocked.site)),
        lambda: program.put(db, "lead", "program_name", "Eastside"),
        lambda: item_editor.save_source(db, "crew", "Donor", "donation"),
    ):
        with pytest.raises(NotAllowed):
            refused()
    assert len(visits.between(db, "admin", now.date(), now.date())) == 1  # only the visit was written


def test_front_desk_and_van_crew_record_today_only_and_a_supply_lead_may_date_back(db, stocked):
    yesterday = datetime.now() - timedelta(days=1)
    form = VisitForm(stocked.site, yesterday, None, [Line(stocked.syr, 5)])
    for role_user in ("desk", "crew"):
        with pytest.raises(NotAllowed, match=f"records today's entries only, not {yesterday:%Y-%m-%d}"):
            visits.record(db, role_user, form)
    visits.record(db, "lead", form)
    tomorrow = datetime.now() + timedelta(days=1)
    with pytest.raises(NotAllowed, match="today's entries only"):
        visits.record(db, "desk", VisitForm(stocked.site, tomorrow, None, [Line(stocked.syr, 5)]))


def test_nothing_before_the_lock_date_except_by_an_admin(db, stocked):
    program.put(db, "admin", "lock_date", "2026-11-03")
    with pytest.raises(
        NotAllowed, match="locked before 2026-11-03: only an admin may record or correct anything dated 2026-11-02"
    ):
        movements.record(db, "lead", [Move("handout", stocked.syr, stocked.site, 1, at(2))])
    with pytest.raises(NotAllowed, match="locked before"):  # a reversal is dated when the original was
        movements.reverse(db, "lead", 1, "typed twice")
    movements.record(db, "lead", [Move("handout", stocked.syr, stocked.site, 1, at(3))])  # on the day: fine
    movements.record(db, "admin", [Move("handout", stocked.syr, stocked.site, 1, at(2))])  # movement 4
    with pytest.raises(NotAllowed, match="locked before"):
        movements.reverse(db, "lead", 4, "typed twice")
    movements.reverse(db, "admin", 4, "typed twice")
    with pytest.raises(NotAllowed):
        program.put(db, "lead", "lock_date", None)  # only an admin moves the lock
    with pytest.raises(Exception, match="cannot be after today"):
        program.put(db, "admin", "lock_date", (date.today() + timedelta(days=1)).isoformat())


def test_a_switched_off_user_is_refused_at_once(db, stocked):
    users.change_user(db, "admin", "lead", active=False)
    with pytest.raises(NotAllowed, match="'lead' is not an active user"):
        movements.record(db, "lead", [Move("handout", stocked.syr, stocked.site, 1, at(2))])
    with pytest.raises(NotAllowed, match="wrong username or PIN"):
        users.sign_in(db, "lead", "1234")
    users.change_user(db, "admin", "lead", active=True, role="front_desk")
    with pytest.raises(NotAllowed, match=r"lead \(front desk\)"):
        movements.record(db, "lead", [Move("handout", stocked.syr, stocked.site, 1, at(2))])


def test_every_movement_says_who_recorded_it_and_when(db, stocked):
    before = datetime.now()
    adjustments.adjust(db, "lead", location_id=stocked.site, item_id=stocked.syr, quantity=-5, reason="damaged")
    with db.read() as s:
        last = s.scalars(select(Movement).order_by(Movement.id.desc())).first()
    assert last.recorded_by == "lead" and before <= last.recorded_at <= datetime.now()


def test_item_par_location_source_user_and_setting_changes_are_audited(db, cat):
    form = item_editor.load_item(db, cat.syr)
    form.name = "Syringe 1 mL 29G"
    form.pars = [item_editor.ParLine("SITE", 600, 200)]
    item_editor.save_item(db, "lead", form)
    form.pars = [item_editor.ParLine("SITE", 800, 200)]
    item_editor.save_item(db, "lead", form)
    item_editor.save_item(db, "lead", form)  # nothing changed: nothing logged
    item_editor.save_location(db, "lead", "VAN2", "Second van", "van")
    item_editor.save_source(db, "lead", "Donor", "donation")
    users.add_user(db, "admin", "kim", "front_desk", "432187")
    users.change_user(db, "admin", "kim", role="van_crew", secret="999911")
    program.put(db, "admin", "idle_lock_minutes", 5)
    got = [(e.user, e.action, e.entity, e.key, e.changes) for e in reversed(audit.entries(db, "admin"))]
    assert got == [
        ("lead", "changed", "item", "SYR-1ML", {"name": ["Syringe 1 mL 28G 1/2 in", "Syringe 1 mL 29G"]}),
        ("lead", "changed", "par", "SYR-1ML at SITE", {"par": [None, 600], "minimum": [None, 200]}),
        ("lead", "changed", "par", "SYR-1ML at SITE", {"par": [600, 800]}),
        (
            "lead",
            "created",
            "location",
            "VAN2",
            {"code": [None, "VAN2"], "name": [None, "Second van"], "kind": [None, "van"]},
        ),
        (
            "lead",
            "created",
            "source",
            "Donor",
            {"name": [None, "Donor"], "kind": [None, "donation"], "active": [None, True]},
        ),
        ("admin", "created", "user", "kim", {"role": [None, "front desk"]}),
        ("admin", "changed", "user", "kim", {"role": ["front desk", "van crew"], "PIN": ["", "reset"]}),
        ("admin", "changed", "setting", "idle_lock_minutes", {"value": [10, 5]}),
    ]
    assert "432187" not in str(got) and "999911" not in str(got)
    assert [e.key for e in audit.entries(db, "admin", entity="par")] == ["SYR-1ML at SITE"] * 2
    assert audit.entries(db, "admin", start=date.today() + timedelta(days=1)) == []


def test_every_service_that_reads_participant_codes_checks_the_role(db, cat, tmp_path):
    """Participant-level reads: an admin anything; whoever records visits, today's list only."""
    from hrsupply.services import exchange, program_report
    from hrsupply.services.access import NotAllowed

    today, earlier = date.today(), date.today() - timedelta(days=3)
    reads = {
        "visits today": lambda u: visits.between(db, u, today, today),
        "visits of other days": lambda u: visits.between(db, u, earlier, today),
        "audit": lambda u: audit.entries(db, u),
        "export": lambda u: exchange.export_workbook(db, u, tmp_path / f"{u}.xlsx"),
        "program report": lambda u: program_report.build(db, u, earlier, today),
        "codes at the desk": lambda u: visits.known_codes(db, u),
        "a code completed": lambda u: visits.match_code(db, u, "MA"),
        "a participant's last visit": lambda u: visits.last_lines(db, u, "MAJO85"),
    }
    desk = {"visits today", "codes at the desk", "a code completed", "a participant's last visit"}
    allowed = {
        "admin": set(reads),
        "lead": desk | {"program report"},
        "desk": desk,
        "crew": desk,
    }
    for user, may in allowed.items():
        for what, read in reads.items():
            if what in may:
                read(user)
            else:
                with pytest.raises(NotAllowed):
                    read(user)
        assert not (tmp_path / f"{user}.xlsx").exists() or "export" in may
    users.change_user(db, "admin", "desk", active=False)
    for read in (lambda: visits.between(db, "desk", today, today), lambda: visits.known_codes(db, "desk")):
        with pytest.raises(NotAllowed):
            read()  # switched off: nothing at all
