"""Users, sign-in and PINs. A PIN or password is stored only as a salted scrypt hash; the first
user of a database is created as its admin, and every later one by an admin."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from hrsupply.db import Database, has_users
from hrsupply.errors import UserError
from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.models import User
from hrsupply.services import audit, laptop, program
from hrsupply.services.access import ROLES, NotAllowed, require
from hrsupply.services.roles import Account

# scrypt costs: about 0.1 s and 32 MB per try on a 2-core machine (bench/run.py measures it), so
# guessing a stolen hash is slow: a million 6-digit PINs take a core more than a day.
N, R, P = 2**15, 8, 1
MAXMEM = 64 * 1024 * 1024
ADMIN_CHARACTERS, ADMIN_DIGITS = 10, 8  # an admin's secret: 10 characters, or 8 digits
MAX_ATTEMPTS, LOCKOUT = 5, timedelta(minutes=15)
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


# One message for every refusal, so a name that does not exist reads like one that does.
REFUSED = QT_TR_NOOP(  # said through tr() where raised: in the language of whoever signs in
    "wrong username or PIN, or the user is switched off (after 5 wrong PINs in a row a user waits "
    "15 minutes, or an admin unlocks them)"
)


class LockedOut(NotAllowed):
    """Too many wrong PINs in a row: this user waits a while (or an admin unlocks them). Its
    message is the same as any refusal; `until` is for a screen that already knows the user."""

    def __init__(self, until: datetime):
        self.until = until
        super().__init__(tr(REFUSED))


@dataclass(frozen=True)
class UserInfo:
    username: str
    role: str
    active: bool
    created_at: datetime
    created_by: str
    short_secret: bool | None = None  # the PIN is shorter than the rules ask; None: not known yet
    locked_until: datetime | None = None


def hash_secret(secret: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=N, r=R, p=P, dklen=32, maxmem=MAXMEM)
    b64 = base64.b64encode
    return f"scrypt${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def check_secret(secret: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(
            secret.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(base64.b64decode(digest)),
            maxmem=MAXMEM,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, base64.b64decode(digest))


# Compared against when the username is unknown, so a wrong name takes as long as a wrong PIN.
# Made once, here: built on first use, an unknown name's first sign-in took 150 ms longer than a
# wrong PIN's (a test checks it has today's cost).
NOBODY = "scrypt$32768$8$1$1djblzIjxTQu5jwdMIo28A==$WSfFzoRZ+YFIggBcPYhvv25uH5fQMH6VYXlOLgireo0="


def _nobody() -> str:
    return NOBODY


def secret_problem(secret: str, role: str, min_pin: int) -> str | None:
    """Why this PIN or password is too short for this role, or None."""
    secret = secret or ""
    if role == "admin":
        if len(secret) >= ADMIN_CHARACTERS or (secret.isdigit() and len(secret) >= ADMIN_DIGITS):
            return None
        return f"an admin's password needs at least {ADMIN_CHARACTERS} characters (or a PIN of {ADMIN_DIGITS} digits)"
    if len(secret) >= min_pin:
        return None
    return f"a PIN needs at least {min_pin} digits (or a password of as many characters)"


def _valid_secret(s, secret: str, role: str) -> None:
    problem = secret_problem(secret, role, program.get_in(s, "min_pin_length"))
    if problem:
        raise UserError(problem)


def _short(s, secret: str, role: str) -> bool:
    return secret_problem(secret, role, program.get_in(s, "min_pin_length")) is not None


def _valid_name(username: str) -> str:
    username = (username or "").strip().lower()
    if not NAME.match(username):
        raise UserError(tr("a username is 1 to 64 letters, digits, dots, dashes or underscores"))
    return username


def _valid_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(tr("role must be one of: {x}").format(x=", ".join(ROLES)))


def needs_first_admin(db: Database) -> bool:
    return not has_users(db)


def create_first_admin(db: Database, username: str, secret: str) -> Account:
    """The first run: the database has no users yet, so its first is its admin."""
    username = _valid_name(username)

    def work(s) -> Account:
        if s.scalar(select(func.count()).select_from(User)):
            raise NotAllowed(tr("this database already has users: an admin adds new ones"))
        _valid_secret(s, secret, "admin")
        add_in(s, username, "admin", secret, by=username)
        return Account(username, "admin")

    return db.transaction(work)


def add_in(s, username: str, role: str, secret: str, *, by: str) -> None:
    """Add a user inside the caller's transaction (the first admin, the demo's people)."""
    if s.scalar(select(User.id).where(User.username == username)):
        raise UserError(tr("the username {username} is already taken").format(username=username))
    s.add(
        User(
            username=username,
            role=role,
            secret_hash=hash_secret(secret),
            active=True,
            created_at=datetime.now(),
            created_by=by,
            short_secret=_short(s, secret, role),
        )
    )
    audit.log(s, by, "user", username, {"role": [None, ROLES[role]]}, created=True)


def add_user(db: Database, admin: str, username: str, role: str, secret: str) -> None:
    username = _valid_name(username)
    _valid_role(role)

    def work(s) -> None:
        require(s, admin, "admin")
        laptop.central_only(s, laptop.USERS)
        _valid_secret(s, secret, role)
        add_in(s, username, role, secret, by=admin)

    db.transaction(work)


def change_user(
    db: Database,
    admin: str,
    username: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    secret: str | None = None,
) -> None:
    """An admin changes someone's role, switches them off or on, or sets a new PIN."""
    if role is not None:
        _valid_role(role)

    def work(s) -> None:
        require(s, admin, "admin")
        laptop.central_only(s, laptop.USERS)
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise UserError(tr("no user named {username}").format(username=username))
        before = dict(role=ROLES[user.role], active=user.active)
        if role is not None:
            user.role = role
        if active is not None:
            user.active = active
        if user.username == admin and not (user.active and user.role == "admin"):
            raise UserError(tr("you cannot take away your own admin role or switch yourself off"))
        changes = audit.diff(before, dict(role=ROLES[user.role], active=user.active))
        if secret is not None:
            _valid_secret(s, secret, user.role)
            user.secret_hash, user.short_secret = hash_secret(secret), False
            user.failed_attempts, user.locked_until = 0, None
            changes["PIN"] = ["", "reset"]
        audit.log(s, admin, "user", username, changes)

    db.transaction(work)


def change_own_secret(db: Database, username: str, old: str, new: str) -> None:
    """A user's new PIN, given the current one. Wrong current PINs count as wrong sign-ins: five
    in a row lock the user out, as at the sign-in."""
    now = datetime.now()

    def work(s) -> str | datetime | None:
        user = s.scalar(select(User).where(User.username == username, User.active).with_for_update())
        if user is None:
            return None
        if user.locked_until is not None and now < user.locked_until:
            return user.locked_until
        if not check_secret(old, user.secret_hash):
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_ATTEMPTS:
                user.failed_attempts, user.locked_until = 0, now + LOCKOUT
            return None
        _valid_secret(s, new, user.role)
        user.failed_attempts = 0
        user.secret_hash, user.short_secret = hash_secret(new), False
        audit.log(s, username, "user", username, {"PIN": ["", "changed"]})
        return "changed"

    outcome = db.transaction(work)  # the wrong attempt is counted before the refusal is raised
    if isinstance(outcome, datetime):
        raise LockedOut(outcome)
    if outcome is None:
        raise NotAllowed(tr("the current PIN or password is wrong"))


def sign_in(db: Database, username: str, secret: str, *, now: datetime | None = None) -> Account:
    """The account, if the name and PIN match an active user. Every failure reads the same, but
    after MAX_ATTEMPTS wrong PINs in a row that user waits LOCKOUT before trying again."""
    username = (username or "").strip().lower()
    real = datetime.now()
    now = min(now, real) if now else real  # a caller's clock never runs past a lockout

    def work(s) -> Account | datetime | None:
        # The row is locked while its PIN is checked, so guesses from many workstations at once
        # are counted one after another: exactly MAX_ATTEMPTS wrong ones lock the user.
        user = s.scalar(select(User).where(User.username == username).with_for_update())
        # Checked every time, so a locked or unknown user answers as slowly as any other.
        good = check_secret(secret or "", user.secret_hash if user is not None else _nobody())
        if user is not None and user.locked_until is not None and now < user.locked_until:
            return user.locked_until
        if user is not None and not good:
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_ATTEMPTS:
                user.failed_attempts, user.locked_until = 0, now + LOCKOUT
        if user is None or not good or not user.active:
            return None
        user.failed_attempts, user.locked_until = 0, None
        # Only now is the PIN at hand: note whether it is shorter than the rules ask, and bring
        # a hash made at a lower cost up to today's.
        user.short_secret = _short(s, secret, user.role)
        if user.secret_hash.split("$")[1:4] != [str(N), str(R), str(P)]:
            user.secret_hash = hash_secret(secret)
        return Account(user.username, user.role)

    # The count of wrong PINs must be saved even though sign-in fails, so the refusal is raised
    # only once the transaction has committed.
    outcome = db.transaction(work)
    if isinstance(outcome, datetime):
        raise LockedOut(outcome)
    if outcome is None:
        raise NotAllowed(tr(REFUSED))
    return outcome


def unlock(db: Database, admin: str, username: str) -> None:
    """An admin lets a user who typed too many wrong PINs try again at once."""

    def work(s) -> None:
        require(s, admin, "admin")
        user = s.scalar(select(User).where(User.username == username).with_for_update())
        if user is None:
            raise UserError(tr("no user named {username}").format(username=username))
        was = user.locked_until
        user.failed_attempts, user.locked_until = 0, None
        if was is not None and was > datetime.now():
            audit.log(s, admin, "user", username, {"locked until": [f"{was:%Y-%m-%d %H:%M}", None]})

    db.transaction(work)


def account(db: Database, username: str) -> Account:
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == username, User.active))
    if user is None:
        raise NotAllowed(tr("{username!r} is not an active user of this database").format(username=username))
    return Account(user.username, user.role)


def allowed(db: Database, username: str, permission: str) -> None:
    """For what reads rather than writes, e.g. exports of participant-level data."""
    with db.read() as s:
        require(s, username, permission)


def users(db: Database) -> list[UserInfo]:
    with db.read() as s:
        return [
            UserInfo(u.username, u.role, u.active, u.created_at, u.created_by, u.short_secret, u.locked_until)
            for u in s.scalars(select(User).order_by(User.username))
        ]
