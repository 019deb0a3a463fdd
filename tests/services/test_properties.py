"""Ledger invariants over random movement sequences (hypothesis)."""

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hrsupply.errors import UserError
from hrsupply.models import Balance, DayChange, MonthChange, Movement
from hrsupply.services import movements
from hrsupply.services.changes import balances_at
from hrsupply.services.ledger import Move
from hrsupply.services.verify import check_session, find_drift

START = datetime(2026, 1, 1)

step = st.tuples(
    st.sampled_from(["receive", "handout", "transfer", "adjust", "dispose", "count", "reverse"]),
    st.sampled_from(["syr", "nal"]),
    st.sampled_from(["site", "van"]),
    st.integers(min_value=-20, max_value=60),
    st.integers(min_value=0, max_value=2400),  # hours after START: many backdated, over four months
    st.sampled_from([None, "A", "B", "C", "OLD"]),
)


def snapshot(session):
    return {(b.location_id, b.item_id, b.lot_id): b.quantity for b in session.scalars(select(Balance)) if b.quantity}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_random_sequences_keep_the_ledger_invariants(db, cat, steps):
    with db.write() as s:  # hypothesis reuses the fixture: start each example empty
        s.execute(Movement.__table__.delete())
        s.execute(Balance.__table__.delete())
        s.execute(MonthChange.__table__.delete())
        s.execute(DayChange.__table__.delete())
    ids = {"syr": cat.syr, "nal": cat.nal, "site": cat.site, "van": cat.van}
    for kind, item, loc, qty, hours, lot in steps:
        when = START + timedelta(hours=hours)
        lot_id = cat.lots[lot] if lot and item == "nal" else None
        with db.read() as s:
            before = snapshot(s)
            totals_before = dict(
                s.execute(select(Balance.item_id, func.sum(Balance.quantity)).group_by(Balance.item_id)).all()
            )
            last = s.scalar(select(Movement.id).order_by(Movement.id.desc()))
        try:
            if kind == "reverse":
                if last is None:
                    continue
                movements.reverse(db, "lead", last, "property test")
            else:
                q = qty if kind in ("adjust", "count") else abs(qty) or 1
                if kind == "receive" and item == "nal" and lot_id is None:
                    lot_id = cat.lots["A"]
                movements.record(
                    db,
                    "lead",
                    [
                        Move(
                            kind,
                            ids[item],
                            ids[loc],
                            q,
                            when,
                            lot_id=lot_id,
                            to_location_id=(cat.van if loc == "site" else cat.site) if kind == "transfer" else None,
                            reason="test" if kind in ("adjust", "dispose") else None,
                        )
                    ],
                )
        except UserError:
            with db.read() as s:
                assert snapshot(s) == before  # a refused movement changes nothing
            continue
        with db.read() as s:
            # The whole promise: cached = ledger, the right last-movement times, never below zero.
            assert check_session(s).ok, check_session(s).lines()
            assert all(b.quantity >= 0 for b in s.scalars(select(Balance)))
            if kind == "transfer":
                # A transfer conserves the program-wide total; only a later count it came before
                # can change it, by the recount line that restates what was counted.
                totals = dict(
                    s.execute(select(Balance.item_id, func.sum(Balance.quantity)).group_by(Balance.item_id)).all()
                )
                recounted = dict(
                    s.execute(
                        select(Movement.item_id, func.sum(Movement.quantity))
                        .where(Movement.id > (last or 0), Movement.type == "count")
                        .group_by(Movement.item_id)
                    ).all()
                )
                for item_id in totals.keys() | totals_before.keys():
                    assert totals.get(item_id, 0) - totals_before.get(item_id, 0) == recounted.get(item_id, 0)
    # No balance was negative at any moment in history either (lines at the same moment count
    # together: a recount line and the count it restates are one event).
    with db.read() as s:
        running, moment = {}, None
        for m in s.scalars(select(Movement).order_by(Movement.occurred_at, Movement.id)):
            if m.occurred_at != moment:
                assert all(q >= 0 for q in running.values()), f"negative before {m.occurred_at}"
                moment = m.occurred_at
            for loc, delta in ((m.location_id, m.quantity), (m.to_location_id, -m.quantity)):
                if loc is not None:
                    key = (loc, m.item_id, m.lot_id)
                    running[key] = running.get(key, 0) + delta
        assert all(q >= 0 for q in running.values())
        # On hand at any instant, from the month and day changes and part of one day's movements,
        # equals the ledger added up from the start (month ends, mid-month, either side; midnight
        # or not), for the program and for each location.
        lines = list(s.scalars(select(Movement)))
        for days in (0, 13, 31, 45, 59, 60, 77, 90, 101):
            for hour in (0, 7, 23):
                cutoff = START + timedelta(days=days, hours=hour)
                expected: dict = {}
                for m in lines:
                    if m.occurred_at < cutoff:
                        for loc, delta in ((m.location_id, m.quantity), (m.to_location_id, -m.quantity)):
                            if loc is not None:
                                key = (loc, m.item_id, m.lot_id)
                                expected[key] = expected.get(key, 0) + delta
                got = balances_at(s, cutoff)
                assert {k: q for k, q in got.items() if q} == {k: q for k, q in expected.items() if q}, cutoff
                for place in {k[0] for k in expected}:
                    got = balances_at(s, cutoff, place)
                    want = {k: q for k, q in expected.items() if q and k[0] == place}
                    assert {k: q for k, q in got.items() if q} == want, (cutoff, place)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    qty=st.integers(1, 50),
    hours=st.integers(0, 100),
    kind=st.sampled_from(["handout", "transfer", "dispose", "adjust", "receive"]),
)
def test_reversal_restores_the_prior_state(db, cat, qty, hours, kind):
    with db.write() as s:
        s.execute(Movement.__table__.delete())
        s.execute(Balance.__table__.delete())
        s.execute(MonthChange.__table__.delete())
        s.execute(DayChange.__table__.delete())
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.nal, cat.site, 30, START, lot_id=cat.lots["B"]),
            Move("receive", cat.nal, cat.site, 30, START, lot_id=cat.lots["C"]),
        ],
    )
    with db.read() as s:
        before = snapshot(s)
        last = s.scalar(select(func.max(Movement.id)))
    when = START + timedelta(hours=hours)
    move = Move(
        kind,
        cat.nal,
        cat.site,
        -qty if kind == "adjust" else qty,
        when,
        lot_id=cat.lots["C"] if kind == "receive" else None,
        to_location_id=cat.van if kind == "transfer" else None,
        reason="test" if kind in ("adjust", "dispose") else None,
    )
    movements.record(db, "lead", [move])
    with db.read() as s:
        new_ids = list(s.scalars(select(Movement.id).where(Movement.id > last)))
    for movement_id in new_ids:
        movements.reverse(db, "lead", movement_id, "mistake")
    with db.read() as s:
        assert snapshot(s) == before
        assert find_drift(s) == []


def test_on_hand_at_an_instant_reads_the_shorter_side_of_the_history(db, cat):
    """Four years of months: this month's opening is taken back from today's balances (a month
    of day changes), the first months' added up from the start — never the whole history."""
    from hrsupply.services import changes
    from hrsupply.services.ledger import Move

    moves = [Move("receive", cat.syr, cat.site, 10, datetime(2023 + m // 12, m % 12 + 1, 1, 9)) for m in range(48)]
    movements.record(db, "admin", [Move("receive", cat.syr, cat.site, 1, datetime(2022, 12, 1, 9)), *moves])
    with db.read() as s:
        side = lambda at: changes._forward(s, at, changes._month_start(at), changes._next_month(at))  # noqa: E731
        assert side(datetime(2026, 12, 1)) is False and side(datetime(2023, 2, 1)) is True
        assert balances_at(s, datetime(2026, 12, 1))[(cat.site, cat.syr, None)] == 1 + 470
        assert balances_at(s, datetime(2023, 2, 1))[(cat.site, cat.syr, None)] == 1 + 10
