"""Who may do what. Checked inside each service's transaction against the users table, so a
role changed or a user switched off at one workstation is refused at every other at once.

Front desk and van crew record today's work only; a supply lead may date an entry back, but
not before the lock date; an admin may do anything.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import Setting, User
from hrsupply.services.bounds import check_moment
from hrsupply.services.roles import PERMISSIONS, ROLES, can  # noqa: F401 - the rules, named here too

# Whom to ask, as a sentence says it.
WHO = {
    "admin": QT_TR_NOOP("an admin"),
    "supply_lead": QT_TR_NOOP("a supply lead"),
    "front_desk": QT_TR_NOOP("a front desk worker"),
    "van_crew": QT_TR_NOOP("a van crew member"),
}


class NotAllowed(UserError):
    """The signed-in user's role does not allow this."""


# Built once: every write asks, and building the statement cost more than running it.
_ROLE = select(User.__table__.c.role, User.__table__.c.locked_until).where(
    User.__table__.c.username == bindparam("u"), User.__table__.c.active
)


def role_of(session: Session, username: str) -> str:
    """The user's role, read once per transaction: the service's check and the ledger's date
    rule both ask, and each write is its own session. A user locked out after too many wrong
    PINs may do nothing until the wait is over (or an admin unlocks them)."""
    roles = session.info.setdefault("roles", {})
    if username not in roles:
        row = session.connection().execute(_ROLE, {"u": username}).first()
        if row is not None and row.locked_until is not None and row.locked_until > datetime.now():
            raise NotAllowed(
                tr(
                    "{username} is locked out after too many wrong PINs until {until:%H:%M}; an admin can unlock them"
                ).format(username=username, until=row.locked_until)
            )
        roles[username] = row.role if row is not None else None
    if roles[username] is None:
        raise NotAllowed(tr("{username!r} is not an active user of this database").format(username=username))
    return roles[username]


def require(session: Session, username: str, permission: str) -> str:
    """The user's role, if it has `permission`; otherwise NotAllowed, saying who may."""
    role = role_of(session, username)
    if not can(role, permission):
        what, roles = PERMISSIONS[permission]
        who = tr(" or ").join(tr(WHO[r]) for r in reversed(ROLES) if r in roles)
        raise NotAllowed(
            tr("{username} ({x}) may not {what}; ask {who}").format(
                username=username, x=tr(ROLES[role]), what=tr(what), who=who
            )
        )
    return role


def lock_date(session: Session) -> date | None:
    """Nothing may be dated before this day except by an admin (setting `lock_date`)."""
    row = session.get(Setting, "lock_date")
    value = json.loads(row.value) if row else None
    return date.fromisoformat(value) if value else None


class DateRule:
    """The dates one user may record anything on (a movement, a visit, a tally sheet, a count, a
    close-out, a receipt), read once per transaction."""

    def __init__(self, session: Session, username: str, today: date):
        self.username, self.today, self.session = username, today, session
        self.role = role_of(session, username)
        self._lock: list[date | None] = []  # read when first needed

    @property
    def lock(self) -> date | None:
        # The lock date is never after today (the setting refuses one), so today's entries,
        # the front desk's every visit, need not read it.
        if not self._lock:
            self._lock.append(lock_date(self.session))
        return self._lock[0]

    def check(self, when: datetime | date) -> None:
        day = when.date() if isinstance(when, datetime) else when
        if self.role != "admin":
            if not can(self.role, "backdate") and day != self.today:
                raise NotAllowed(
                    tr(
                        "{username} ({x}) records today's entries only, not {day:%Y-%m-%d}; ask a supply lead or admin "
                        "to enter it"
                    ).format(username=self.username, x=tr(ROLES[self.role]), day=day)
                )
            if day < self.today and self.lock is not None and day < self.lock:
                raise NotAllowed(
                    tr(
                        "the records are locked before {lock:%Y-%m-%d}: only an admin may record or correct anything "
                        "dated {day:%Y-%m-%d}"
                    ).format(lock=self.lock, day=day)
                )
        check_moment(day)


def check_date(session: Session, username: str, when: datetime | date) -> None:
    """The date rule for a record that carries a date, whether or not it moves stock."""
    rule = session.info.get(("dates", username))
    if rule is None or rule.today != date.today():
        rule = session.info[("dates", username)] = DateRule(session, username, date.today())
    rule.check(when)
