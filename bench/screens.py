"""The window's figures: cold start to a painted main window beside a bare PySide6 + SQLAlchemy
window on the same file (alternated, median ratio), and the longest the UI thread stalls while
each busy screen loads. Run by bench/run.py on its small and large databases."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Each child prints {"seconds": to the first paint, "rss_mb": peak memory} and exits at once.
PAINTED = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject
def painted(started):
    # VmHWM: this process's own peak (getrusage's would include the parent's at the fork).
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print(json.dumps({"seconds": time.perf_counter() - started, "rss_mb": peak / 1024}), flush=True)
    import os; os._exit(0)
class FirstPaint(QObject):
    def __init__(self, started): super().__init__(); self.started = started
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint: painted(self.started)
        return False
"""

HRSUPPLY = (
    "import time; started = time.perf_counter()\n"
    + PAINTED
    + """
from PySide6.QtWidgets import QApplication
from hrsupply.db import open_database
from hrsupply.services.roles import Account
from hrsupply.ui.main_window import MainWindow
app = QApplication([])
db = open_database(sys.argv[1])
window = MainWindow(db, Account("lead", "supply_lead"))  # as the sign-in dialog hands it over
probe = FirstPaint(started)
window.screens["Home"].installEventFilter(probe)
window.show()
app.exec()
"""
)

BARE = (
    "import time; started = time.perf_counter()\n"
    + PAINTED
    + """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from sqlalchemy import create_engine, text
app = QApplication([])
engine = create_engine(sys.argv[1])
with engine.connect() as conn:
    role = conn.execute(text("SELECT role FROM users WHERE username = 'lead'")).scalar()
window = QMainWindow()
label = QLabel(f"signed in: {role}")
window.setCentralWidget(label)
probe = FirstPaint(started)
label.installEventFilter(probe)
window.resize(1280, 720)
window.show()
app.exec()
"""
)


def _child(code: str, url: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, env=env, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_start(path: Path, runs: int) -> None:
    url = f"sqlite:///{path}"
    _child(HRSUPPLY, url), _child(BARE, url)  # warm the disk cache for both alike
    ours, bare = [], []
    for _ in range(runs):  # alternated, so a busy moment of the machine falls on both
        ours.append(_child(HRSUPPLY, url))
        bare.append(_child(BARE, url))
    ratios = [o["seconds"] / b["seconds"] for o, b in zip(ours, bare)]
    memory = [o["rss_mb"] / b["rss_mb"] for o, b in zip(ours, bare)]
    print(
        f"  cold start to a painted window   {statistics.median(o['seconds'] for o in ours) * 1000:7.0f} ms"
        f"   bare PySide6 + SQLAlchemy {statistics.median(b['seconds'] for b in bare) * 1000:5.0f} ms"
        f"   median ratio {statistics.median(ratios):.2f}× (goal ≤ 1.3×)"
    )
    print(
        f"  peak memory                      {statistics.median(o['rss_mb'] for o in ours):7.0f} MB"
        f"   bare {statistics.median(b['rss_mb'] for b in bare):5.0f} MB"
        f"   median ratio {statistics.median(memory):.2f}× (goal ≤ 1.3×)"
    )


def stalls(path: Path, rounds: int = 3) -> None:
    """The longest gap between event-loop ticks while each screen is shown and loads its data,
    `rounds` times each (the first time includes any build left)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from hrsupply.db import open_database
    from hrsupply.ui import ops
    from hrsupply.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{path}")
    window = MainWindow(db, "lead")
    window.show()
    ops.settle(300)
    # A person looks at Home for a moment first; meanwhile the other screens are built.
    deadline = time.monotonic() + 30
    while window._to_warm and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    ticks: list[float] = []
    timer = QTimer(interval=1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    worst: dict[str, list[float]] = {}
    took: dict[str, list[float]] = {}
    for _ in range(rounds):
        for name in ("Home", "Stock", "Reorder", "Reports", "Van"):
            window.show_screen("Supply")  # away, so coming back reads again, as a user's click does
            ops.settle(300)
            ticks.clear()
            start = time.perf_counter()
            ticks.append(start)
            window.show_screen(name)
            QCoreApplication.processEvents()
            while ops.busy() or time.perf_counter() - start < 0.05:
                QCoreApplication.processEvents()
                time.sleep(0.0005)
            ticks.append(time.perf_counter())
            worst.setdefault(name, []).append(max(b - a for a, b in zip(ticks, ticks[1:])) * 1000)
            took.setdefault(name, []).append((ticks[-1] - start) * 1000)
    for name, gaps in worst.items():
        print(
            f"  {name + ' loads':<32} {statistics.median(took[name]):7.0f} ms in all"
            f"   longest UI stall {max(gaps):6.1f} ms of {rounds} (goal < 50 ms)"
        )
    timer.stop()
    window.close()
    db.dispose()
    app.processEvents()
