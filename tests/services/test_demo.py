from datetime import date

from hrsupply.services import presets, reconcile, stock, visits
from hrsupply.services.demo import rebuild_demo
from hrsupply.services.verify import find_drift


def test_demo_month_is_realistic_and_consistent(tmp_path):
    today = date(2026, 11, 26)
    db = rebuild_demo(tmp_path / "demo.sqlite", today=today)
    try:
        with db.read() as s:
            assert find_drift(s) == []
        rows = stock.overview(db, today=today)
        assert {r.location for r in rows} >= {"SITE", "VAN1"}
        expiring = stock.overview(db, status="expiring", today=today)
        assert any(r.category == "Naloxone" for r in expiring)  # one naloxone lot near expiry
        month = reconcile.reconcile(db, date(2026, 10, 27), date(2026, 11, 25))
        van_syringes = next(l for l in month if l.location == "VAN1" and l.sku == "SYR-1ML-28")
        assert van_syringes.transferred_in > 0 and van_syringes.handed_out > 0
        assert any(l.count_variance for l in month)
        assert sum(l.received for l in month) > 0
        recent = visits.between(db, "sam", date(2026, 11, 20), date(2026, 11, 25))
        assert visits.totals(recent).visits > 50 and any(r.participant is None for r in recent)
        assert [p.name for p in presets.list_presets(db)][:2] == ["Standard injection pack", "Walk-in basics"]
    finally:
        db.dispose()
    # Rebuilding starts again from nothing, not on top of the old month.
    again = rebuild_demo(tmp_path / "demo.sqlite", today=today)
    try:
        assert stock.on_hand(again) == stock.on_hand(rebuild_demo(tmp_path / "other.sqlite", today=today))
    finally:
        again.dispose()
