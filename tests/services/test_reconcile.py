def test_the_reconciliation_reports_its_reads_and_can_be_cancelled(db, november):
    from datetime import date

    import pytest

    from hrsupply.services import reconcile
    from hrsupply.steps import Cancelled, Steps

    heard = []
    reconcile.reconcile(db, date(2026, 11, 1), date(2026, 11, 30), steps=Steps(lambda d, t, _x: heard.append((d, t))))
    assert heard == [(0, 2), (1, 2)]
    stopped = Steps(lambda d, t, _x: stopped.cancel())
    with pytest.raises(Cancelled):
        reconcile.reconcile(db, date(2026, 11, 1), date(2026, 11, 30), steps=stopped)
