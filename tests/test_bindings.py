"""The Qt bindings keep Python's books: a call of a method that returns nothing must not release
a reference to None it never took (PySide6 6.12.0 did, on every call, so on Python 3.11 a day at
the front desk ended in "Fatal Python error: deallocating None")."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402


def test_calls_that_return_nothing_leave_none_alone(qapp):
    label = QLabel()
    timer = QTimer()
    calls = (label.update, label.clear, label.unsetCursor, lambda: timer.start(10), timer.stop)
    before = sys.getrefcount(None)
    for _ in range(200):
        for call in calls:
            call()
        QCoreApplication.processEvents(QEventLoop.AllEvents, 1)  # what ops.settle calls
        QCoreApplication.sendPostedEvents()
    # On Python 3.12+ None is immortal (its count is fixed); before, it may only grow.
    assert sys.getrefcount(None) >= before
