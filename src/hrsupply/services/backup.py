"""Backups: a consistent copy of the database, taken while others keep working, and restore.

SQLite uses its online backup API, so a copy taken while a front desk is saving a visit holds
either all of that visit or none of it. PostgreSQL is dumped with pg_dump (custom format) and
restored with pg_restore; both must be on the PATH. Old backups are pruned to the newest of
each of the last 7 days and the newest of each of the 4 weeks before this one; copies taken
before a migration or a restore are kept out of that rotation.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import make_url

from hrsupply.files import private_dir, tighten
from hrsupply.services.errors import UserError

PREFIX = "hrsupply-"
STAMP = "%Y%m%d-%H%M%S"
KEEP_DAILY, KEEP_WEEKLY = 7, 4


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    label: str = ""  # "before-0005", "before-restore": kept out of rotation


def _sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    return Path(u.database) if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:") else None


def default_folder(url: str) -> Path:
    """A "backups" folder beside a SQLite file; the user data folder for a server database."""
    path = _sqlite_path(url)
    if path is not None:
        return path.parent / "backups"
    from hrsupply.db import data_dir

    return data_dir() / "backups"


def take(url: str, folder: str | Path | None = None, *, label: str = "", now: datetime | None = None) -> Backup:
    """Copy the database into `folder` (made if missing) and prune old copies; returns the copy."""
    folder = private_dir(folder if folder else default_folder(url))
    now = now or datetime.now()
    name = f"{PREFIX}{now:{STAMP}}{'-' + label if label else ''}"
    path = _sqlite_path(url)
    if path is not None:
        target = folder / f"{name}.sqlite"
        partial = target.with_suffix(".partial")
        _sqlite_copy(path, partial)
        tighten(partial)
        os.replace(partial, target)  # a half-written copy never carries a backup's name
    else:
        target = folder / f"{name}.dump"
        partial = target.with_suffix(".partial")
        _pg(url, "pg_dump", "--format=custom", f"--file={partial}")
        tighten(partial)
        os.replace(partial, target)
    prune(folder, today=now.date())
    return Backup(target, now)


def _sqlite_copy(source: Path, target: Path, *, live: bool = False) -> None:
    """Copy page by page with SQLite's backup API. Into a new file, the copy is made one
    self-contained file; into the `live` database, SQLite's locks keep readers consistent."""
    if not source.exists():
        raise UserError(f"there is no database file {source}")
    src = sqlite3.connect(source, timeout=10)
    dst = sqlite3.connect(target, timeout=10)
    try:
        with dst:
            src.backup(dst)
        if not live:
            dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def backups(folder: str | Path) -> list[Backup]:
    """The backups in `folder`, newest first."""
    found = []
    for p in Path(folder).glob(f"{PREFIX}*"):
        if p.suffix not in (".sqlite", ".dump"):
            continue
        try:
            taken = datetime.strptime(p.stem[len(PREFIX) : len(PREFIX) + 15], STAMP)
        except ValueError:
            continue
        found.append(Backup(p, taken, p.stem[len(PREFIX) + 16 :]))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_keep(taken: list[datetime], today: date) -> set[datetime]:
    """The newest backup of each of the last 7 days, and of each of the 4 ISO weeks before this one."""
    keep: set[datetime] = set()
    days: dict[date, datetime] = {}
    weeks: dict[tuple[int, int], datetime] = {}
    for t in sorted(taken, reverse=True):
        days.setdefault(t.date(), t)
        weeks.setdefault(t.isocalendar()[:2], t)
    keep |= {t for d, t in days.items() if today - d < timedelta(days=KEEP_DAILY)}
    recent_weeks = {(today - timedelta(weeks=n)).isocalendar()[:2] for n in range(1, KEEP_WEEKLY + 1)}
    keep |= {t for w, t in weeks.items() if w in recent_weeks}
    return keep


def prune(folder: str | Path, today: date | None = None) -> list[Path]:
    """Delete the scheduled backups rotation no longer keeps; returns what was deleted. Copies
    taken before a migration or a restore are the way back from it, so they stay until deleted
    by hand (and a restore never prunes away the file it is restoring)."""
    found = [b for b in backups(folder) if not b.label]
    keep = to_keep([b.taken_at for b in found], today or date.today())
    gone = [b.path for b in found if b.taken_at not in keep]
    for p in gone:
        p.unlink()
    return gone


def check_sqlite(path: Path) -> None:
    """Refuse a file that is not a whole hrsupply database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{path} is not an hrsupply database ({exc})") from None
    if ok != "ok" or version is None:
        raise UserError(f"{path} is damaged or not an hrsupply database ({ok})")


def restore(url: str, source: str | Path, folder: str | Path | None = None) -> Backup | None:
    """Replace the database with a backup. What is there now is backed up first (returned), so a
    restore can itself be undone. Other workstations should be closed."""
    source = Path(source)
    if not source.exists():
        raise UserError(f"there is no backup file {source}")
    path = _sqlite_path(url)
    if path is not None:
        if source.suffix != ".sqlite":
            raise UserError(f"{source.name} is not a SQLite backup (a .sqlite file)")
        check_sqlite(source)
        before = take(url, folder, label="before-restore") if path.exists() else None
        # The backup API in reverse: a workstation still connected sees the old database or the
        # restored one, never a mix.
        _sqlite_copy(source, path, live=True)
        return before
    if source.suffix != ".dump":
        raise UserError(f"{source.name} is not a PostgreSQL backup (a .dump file from pg_dump)")
    before = take(url, folder, label="before-restore")
    _pg(url, "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source))
    return before


def _pg(url: str, tool: str, *args: str) -> None:
    """Run pg_dump or pg_restore on the database at `url`. The password goes in the child's
    environment (PGPASSWORD), never on its command line, where `ps` shows it to everyone."""
    if shutil.which(tool) is None:
        raise UserError(f"{tool} is not installed or not on the PATH; install the PostgreSQL client tools")
    u = make_url(url)
    # URL.set() keeps a password given as None; the named tuple's _replace drops it.
    target = u._replace(password=None).set(drivername="postgresql").render_as_string(hide_password=False)
    env = {**os.environ, **({"PGPASSWORD": u.password} if u.password else {})}
    done = subprocess.run([tool, f"--dbname={target}", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        message = done.stderr.strip() or done.stdout.strip()
        if u.password:
            message = message.replace(u.password, "***")
        raise UserError(f"{tool} failed: {message}")


def automatic(db) -> Backup | None:
    """The app's own backup (on a schedule and at closing): SQLite only, into the folder the
    `backup_folder` setting names. A server database is backed up on the server (pg_dump)."""
    if not db.is_sqlite:
        return None
    from hrsupply.services import program

    return take(db.url, program.get(db, "backup_folder") or None)
