from datetime import date, datetime, timedelta

from hrsupply.models import Visit
from hrsupply.services import catalog, dashboard, movements
from hrsupply.services.ledger import Move

TODAY = date(2026, 11, 26)  # a Thursday


def test_dashboard_tiles(db, cat):
    with db.write() as s:
        catalog.upsert_par(s, cat.van, cat.nal, 30, 10)
        catalog.upsert_par(s, cat.van, cat.syr, 600, 200)
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 400, datetime(2026, 11, 2, 9)),  # the site minimum is 500
            Move("receive", cat.nal, cat.site, 12, datetime(2026, 11, 2, 9), lot_id=cat.lots["A"]),  # expires Dec 31
            Move(
                "transfer", cat.nal, cat.site, 4, datetime(2026, 11, 3, 8), lot_id=cat.lots["A"], to_location_id=cat.van
            ),
            Move("adjust", cat.syr, cat.van, 5, datetime(2026, 11, 25, 15), reason="found", needs_review=True),
            Move("handout", cat.syr, cat.van, 5, datetime(2026, 11, 25, 15)),
        ],
    )
    with db.write() as s:
        for hour, undone in ((9, None), (10, None), (11, datetime(2026, 11, 26, 11, 5))):
            s.add(
                Visit(
                    location_id=cat.site,
                    occurred_at=datetime(2026, 11, 26, hour),
                    recorded_at=datetime.now(),
                    recorded_by="desk",
                    undone_at=undone,
                )
            )
    board = dashboard.dashboard(db, TODAY)
    assert [(r.location, r.sku) for r in board.below_minimum] == [("VAN1", "NAL-4MG"), ("SITE", "SYR-1ML")]
    assert [(r.location, r.sku) for r in board.stocked_out] == [("VAN1", "SYR-1ML")]
    assert [(e.location, e.lot, e.quantity) for e in board.expiring] == [("SITE", "A", 8), ("VAN1", "A", 4)]
    assert [(n.location, n.units, n.minimum, n.short) for n in board.naloxone] == [
        ("SITE", 8, None, False),
        ("VAN1", 4, 10, True),
    ]
    assert board.visits_today == 2  # the undone one does not count
    assert [f.sku for f in board.flagged] == ["SYR-1ML"]


def test_usage_trend_is_handouts_per_week_by_category(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1000, datetime(2026, 8, 1)),
            Move("receive", cat.nal, cat.site, 50, datetime(2026, 8, 1), lot_id=cat.lots["C"]),
        ],
    )
    monday = date(2026, 11, 23)
    movements.record(
        db,
        "lead",
        [
            Move("handout", cat.syr, cat.site, 30, datetime(2026, 11, 26, 10)),  # this week
            Move("handout", cat.syr, cat.site, 20, datetime(2026, 11, 23, 0, 5)),  # this week, Monday
            Move("handout", cat.syr, cat.site, 10, datetime(2026, 11, 22, 23, 55)),  # last week, Sunday
            Move("handout", cat.nal, cat.site, 2, datetime(2026, 9, 8, 12)),  # the first of the 12 weeks
            Move("handout", cat.syr, cat.site, 99, datetime(2026, 9, 6, 12)),  # the Sunday before: left out
        ],
    )
    trend = dashboard.trend(db, TODAY)
    assert trend.weeks[-1] == monday and trend.weeks[0] == monday - timedelta(weeks=11) == date(2026, 9, 7)
    assert trend.by_category["Syringes"][-2:] == [10, 50]
    assert sum(trend.by_category["Syringes"]) == 60
    assert trend.by_category["Naloxone"][0] == 2
    assert trend.total(11) == 50
