"""The audit log: who changed an item, a par level, a location, a source, a user or a setting,
when, and from what to what. The ledger already says who recorded each movement."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrsupply.db import Database
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.models import AuditEntry
from hrsupply.services.access import require


@dataclass(frozen=True)
class Entry:
    at: datetime
    user: str
    action: str
    entity: str
    key: str
    changes: dict

    def summary(self) -> str:
        return "; ".join(f"{field}: {_show(old)} → {_show(new)}" for field, (old, new) in self.changes.items())


def _show(value) -> str:
    return "—" if value in (None, "", []) else str(value)


def diff(before: dict, after: dict) -> dict:
    """{field: [before, after]} for the fields that differ, in the order the fields come."""
    keys = list(after) + [k for k in before if k not in after]
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def log(session: Session, user: str, entity: str, key: str, changes: dict, *, created: bool = False) -> None:
    """Record a change in the caller's transaction; nothing is written when nothing changed."""
    if not changes and not created:
        return
    session.add(
        AuditEntry(
            at=datetime.now(),
            user=user,
            action="created" if created else "changed",
            entity=entity,
            key=key,
            changes=json.dumps(changes, default=str),
        )
    )


def entries(
    db: Database,
    user: str,
    *,
    start: date | None = None,
    end: date | None = None,
    entity: str | None = None,
    limit: int = 1000,
) -> list[Entry]:
    """Newest first; an admin's to read (who changed what names staff and, for imports, files)."""
    if start and end and end < start:
        raise UserError(tr("the period ends ({end}) before it starts ({start})").format(end=end, start=start))
    q = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if start:
        q = q.where(AuditEntry.at >= datetime.combine(start, datetime.min.time()))
    if end:
        q = q.where(AuditEntry.at < datetime.combine(end + timedelta(days=1), datetime.min.time()))
    if entity:
        q = q.where(AuditEntry.entity == entity)
    with db.read() as s:
        require(s, user, "admin")
        return [Entry(e.at, e.user, e.action, e.entity, e.key, json.loads(e.changes)) for e in s.scalars(q)]
