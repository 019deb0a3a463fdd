"""How a screen runs a service call: off the UI thread, with its result back on it.

    ops.run(self, lambda: stock.on_hand(db, day), self.show_rows, key="load")
    ops.run(self, lambda: visits.record(db, user, form), self.saved, changes=Changes.VISITS | Changes.STOCK)

- The work runs on the thread pool; everything it needs is read from widgets *before* the call
  (a lambda must never touch a widget). `done(result)` runs on the UI thread, if the owner still
  exists and no newer op with the same `key` was started (a date changed twice: only the last
  answer shows).
- A `UserError` goes to `failed(exc)` if given, else to `message` (a Message line), else the
  owner's `message` line; so do `Cancelled` and an `OSError` (a full disk, a folder without
  permission), said in plain words. Anything else is a bug: it goes to `errors.report`, which
  logs it and shows the error dialog.
- Past ~300 ms the owner shows a busy cursor; a call given `busy="Writing the file…"` shows a
  progress dialog instead, with Cancel when `cancellable` (the work is then handed a `Steps`).
- After a write, `changes` says what changed; every Screen that shows it hears it (`hub()`).
"""

from __future__ import annotations

import enum
import inspect
import sys
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.steps import Cancelled, Steps
from hrsupply.ui import errors

POOL_THREADS = 4
SLOW_MS = 300  # a pause people notice: from here on, they are shown that work is going on
# While a worker runs Python, the UI thread waits for the interpreter lock at every call into
# Python (each cell a table paints): hand it over every millisecond, not every 5, so painting
# never waits long behind a report being worked out.
sys.setswitchinterval(0.001)


class Changes(enum.Flag):
    """What a write changed; a screen listens to what it shows."""

    NONE = 0
    STOCK = enum.auto()  # balances, lots, movements
    VISITS = enum.auto()
    CATALOG = enum.auto()  # items, locations, sources, presets, kits
    ORDERS = enum.auto()
    USERS = enum.auto()
    SETTINGS = enum.auto()
    ALL = STOCK | VISITS | CATALOG | ORDERS | USERS | SETTINGS


class Hub(QObject):
    changed = Signal(object)  # Changes


_hub: Hub | None = None


def hub() -> Hub:
    global _hub
    if _hub is None or not shiboken6.isValid(_hub):
        _hub = Hub(QCoreApplication.instance())
    return _hub


def announce(changes: Changes) -> None:
    """Tell every screen that `changes` happened (after a write that did not go through `run`)."""
    if changes:
        hub().changed.emit(changes)


class _Signals(QObject):
    # Made on the UI thread: emitted from the worker, delivered on the UI thread (queued).
    finished = Signal(object, object)  # (result, exception)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals):
        super().__init__()
        # The pool owns it (and deletes it once `run` has returned): an Op that reports back and
        # goes must not take the runnable with it while the pool thread is still leaving it.
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result, exc = self.work(), None
        except BaseException as caught:  # noqa: BLE001 - every outcome goes back to the UI thread
            result, exc = None, caught
        try:
            self.signals.finished.emit(result, exc)
        except RuntimeError:  # the app is closing and its receiver is gone: nobody to tell
            pass


_running: dict[int, Op] = {}  # id(op) -> op: alive until it reports back
_latest: dict[tuple[int, str], Op] = {}  # (owner, key) -> newest op of that key


class Op(QObject):
    def __init__(
        self,
        owner: QWidget,
        work: Callable,
        done: Callable[[Any], None] | None,
        *,
        message=None,
        failed: Callable[[UserError], None] | None,
        changes: Changes,
        key: str | None,
        busy: str | None,
        cancellable: bool,
    ):
        super().__init__()
        self.owner, self.done, self.message, self.failed = owner, done, message, failed
        self.changes, self.key, self.busy = changes, key, busy
        self.steps = Steps() if cancellable else None
        self.running = True
        self.started = time.perf_counter()
        self._progress = None  # a QProgressDialog, once the work is slow
        self._cursor = False
        self.signals = _Signals()
        self.signals.finished.connect(self._finished, Qt.QueuedConnection)
        call = work
        # The worker only notes its latest step; the progress dialog reads it (one signal per
        # step across threads, hundreds a second, is more than the UI needs or Qt likes).
        self._latest_step: tuple[int, int, str] | None = None
        if self.steps is not None:
            self.steps.reporter = self._note_step

            def call():
                return work(self.steps)

        self.job = _Job(call, self.signals)
        self.timer = QTimer(self, singleShot=True, interval=SLOW_MS)
        self.timer.timeout.connect(self._slow)

    # ---- UI thread ----------------------------------------------------------------------
    def start(self) -> Op:
        pool = QThreadPool.globalInstance()
        # A report being worked out must not hold up a front-desk save behind it: a few threads,
        # whatever the cores (they mostly wait on the database).
        pool.setMaxThreadCount(max(POOL_THREADS, pool.maxThreadCount()))
        _running[id(self)] = self
        if self.key is not None:
            _latest[(id(self.owner), self.key)] = self
        self.timer.start()
        pool.start(self.job)
        self.job = None
        return self

    def cancel(self) -> None:
        if self.steps is not None:
            self.steps.cancel()

    def _alive(self) -> bool:
        return shiboken6.isValid(self.owner)

    def _slow(self) -> None:
        if not self.running or not self._alive():
            return
        if self.busy is None:
            self.owner.setCursor(Qt.BusyCursor)
            self._cursor = True
            return
        dialog = QProgressDialog(self.busy, tr("Cancel") if self.steps else "", 0, 0, self.owner.window())
        dialog.setWindowTitle(tr("hrsupply"))
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self.steps is None:
            dialog.setCancelButton(None)
        else:
            dialog.canceled.connect(self.cancel)
        dialog.show()
        self._progress = dialog
        self._poll = QTimer(self, interval=100, timeout=self._show_step)
        self._poll.start()

    def _note_step(self, done: int, total: int, text: str) -> None:  # on the worker's thread
        self._latest_step = (done, total, text)

    def _show_step(self) -> None:
        if self._progress is not None and self._latest_step is not None:
            done, total, text = self._latest_step
            self._progress.setMaximum(total)
            self._progress.setValue(done)
            if text:
                self._progress.setLabelText(text)

    def _refused(self, exc: UserError) -> None:
        if self.failed is not None:
            self.failed(exc)
        elif (line := self.message or getattr(self.owner, "message", None)) is not None:
            line.error(str(exc))

    def _finished(self, result, exc) -> None:
        self.running = False
        self.timer.stop()
        _running.pop(id(self), None)
        if self._progress is not None:
            self._poll.stop()
            self._progress.close()
            self._progress.deleteLater()
        slot = (id(self.owner), self.key)
        stale = self.key is not None and _latest.get(slot) is not self  # a newer one of its kind was asked for
        if _latest.get(slot) is self:
            del _latest[slot]
        if not self._alive():
            stale = True  # its screen has gone
        elif self._cursor:
            self.owner.unsetCursor()
        if exc is None:
            # A write that landed changed things even if its screen has gone meanwhile.
            if not stale and self.done is not None:
                self.done(result)
            announce(self.changes)
        elif isinstance(exc, UserError | Cancelled | OSError):
            if not stale:
                self._refused(_as_user_error(exc))
        elif stale and not self.changes:
            errors.logged(exc)  # a read for a screen that has gone (or asked again): logged, no dialog
        else:
            errors.report(exc)
        self.deleteLater()


def _as_user_error(exc: BaseException) -> UserError:
    """What the person can act on: their own mistake, a cancel, or the disk (full, no permission)."""
    if isinstance(exc, Cancelled):
        return UserError(tr("Cancelled: nothing was written."))
    if isinstance(exc, OSError):
        return UserError(f"Could not write {exc.filename or 'the file'}: {exc.strerror or exc}")
    return exc


def run(
    owner: QWidget,
    work: Callable,
    done: Callable[[Any], None] | None = None,
    *,
    message=None,
    failed: Callable[[UserError], None] | None = None,
    changes: Changes = Changes.NONE,
    key: str | None = None,
    busy: str | None = None,
    cancellable: bool = False,
) -> Op:
    """Run `work()` (or `work(steps)` when `cancellable`) off the UI thread; see the module doc."""
    if cancellable and len(inspect.signature(work).parameters) != 1:
        raise TypeError("cancellable work takes the Steps it reports to")
    return Op(
        owner,
        work,
        done,
        message=message,
        failed=failed,
        changes=changes,
        key=key,
        busy=busy,
        cancellable=cancellable,
    ).start()


def busy(owner: QWidget | None = None, key: str | None = None) -> bool:
    """Whether any op (of this owner and key) is still running."""
    return any(
        (owner is None or op.owner is owner) and (key is None or op.key == key) for op in list(_running.values())
    )


def settle(timeout: float = 30.0, *, strict: bool = True) -> None:
    """Wait, with the event loop running, until every op has reported back — including ops the
    answers start (a reload a change announces, work a timer asks for) — for closing the window
    after a save, and for tests. Past `timeout`, `strict` raises; otherwise it stops waiting."""
    deadline = time.monotonic() + timeout
    while True:
        QCoreApplication.processEvents(QEventLoop.AllEvents, 20)
        if not _running:
            QCoreApplication.processEvents()  # what the last answers set off, if anything
            if not _running:
                return
        if time.monotonic() >= deadline:
            break
        QThreadPool.globalInstance().waitForDone(5)
    if strict:
        raise TimeoutError(f"{len(_running)} operations still running after {timeout} s")


def attempt(owner: QWidget, step: Callable[[], Any], *, message=None) -> Any:
    """A quick step on the UI thread (reading a form) with the same error path as `run`: a
    UserError is said on the message line and None comes back."""
    try:
        return step()
    except UserError as exc:
        line = message or getattr(owner, "message", None)
        if line is not None:
            line.error(str(exc))
        return None
