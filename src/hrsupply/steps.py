"""Long work (imports, exports, reports, backups) reports its progress and stops between steps
when the person waiting cancels. Services take an optional `steps` and call `steps.step(...)`
where stopping leaves nothing half-written (before the write transaction, or between files)."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The person waiting cancelled; nothing was written."""


class Steps:
    def __init__(self, reporter: Callable[[int, int, str], None] | None = None):
        self.reporter = reporter
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Report `done` of `total`; raises Cancelled if cancel was asked for."""
        if self._cancelled.is_set():
            raise Cancelled()
        if self.reporter is not None:
            self.reporter(done, total, text)


def step(steps: Steps | None, done: int, total: int, text: str = "") -> None:
    """`steps.step(...)` for services whose `steps` is optional."""
    if steps is not None:
        steps.step(done, total, text)
