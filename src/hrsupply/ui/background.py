"""The one way long work leaves the UI thread: `run(fn, done, failed)` runs `fn` on the thread
pool and hands its result (or its exception) back to `done` / `failed` on the UI thread, so a
big export or report never freezes the desk."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_running: set = set()  # keeps each job's Python side alive until it reports back


class _Signals(QObject):
    # Created on the UI thread: emitted from the worker, they are delivered there (queued).
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the UI thread, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run(fn, done, failed) -> None:
    """`done` and `failed` should be methods of a widget (they then run on the UI thread)."""
    job = _Job(fn)
    _running.add(job)
    job.signals.done.connect(done)
    job.signals.failed.connect(failed)
    job.signals.done.connect(lambda *_: _running.discard(job))
    job.signals.failed.connect(lambda *_: _running.discard(job))
    QThreadPool.globalInstance().start(job)
