"""Backups: a consistent copy of the database, taken while others keep working, and restore.

SQLite uses its online backup API, so a copy taken while a front desk is saving a visit holds
either all of that visit or none of it. PostgreSQL is dumped with pg_dump (custom format) and
restored with pg_restore; both must be on the PATH. Old backups are pruned to the newest of
each of the last 7 days and the newest of each of the 4 weeks before this one; copies taken
before a migration or a restore are kept out of that rotation. Pruning only ever removes copies
of the same database: each SQLite database carries an id (setting `database_id`, made with its
schema), and a copy whose id differs (another database's, the demo's) or cannot be read is
never touched.

A backup of an encrypted database is encrypted with the same key (and salt): it opens with the
database's passphrase, and only with it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import make_url

from hrsupply import keys, sealed
from hrsupply.db import checkpoint, connect_file, sqlite_errors
from hrsupply.errors import UserError
from hrsupply.files import disk_full, private_dir, tighten
from hrsupply.i18n import tr
from hrsupply.steps import Cancelled, Steps, step

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


def before_upgrade(url: str, head: str) -> Backup:
    """The way back from a migration: a copy of the database as it was, kept out of rotation."""
    return take(url, label=f"before-{head}")


def take(
    url: str,
    folder: str | Path | None = None,
    *,
    label: str = "",
    now: datetime | None = None,
    steps: Steps | None = None,
) -> Backup:
    """Copy the database into `folder` (made if missing) and prune old copies; returns the copy.
    `steps` hears the pages copied and may cancel (the half-made copy is removed)."""
    folder = private_dir(folder if folder else default_folder(url))
    clear_partials(folder)
    now = now or datetime.now()
    name = f"{PREFIX}{now:{STAMP}}{'-' + label if label else ''}"
    path = _sqlite_path(url)
    own = key = None
    if path is not None:
        key = _key(path)
        own = database_id(path, key) or "unknown"  # a database with no id prunes none of the copies
        target = folder / f"{name}.sqlite"
        partial = target.with_suffix(".partial")
        try:
            _sqlite_copy(path, partial, steps=steps)
            step(steps, 1, 1, "Keeping the copy…")  # the last moment a cancel leaves no copy
        except Cancelled:
            partial.unlink(missing_ok=True)
            raise
        except (*sqlite_errors(), OSError) as exc:
            partial.unlink(missing_ok=True)
            if "full" in str(exc).lower() or (isinstance(exc, OSError) and disk_full(exc)):
                raise UserError(tr("The disk is full: no backup was made (nothing half-written is left).")) from None
            raise
        tighten(partial)
        os.replace(partial, target)  # a half-written copy never carries a backup's name
        checkpoint(path, key)  # the database file alone is whole again, as the copy is
    else:
        target = folder / f"{name}.dump"
        partial = target.with_suffix(".partial")
        _pg(url, "pg_dump", "--format=custom", f"--file={partial}")
        tighten(partial)
        if key := keys.key_for(None):  # the program's passphrase: the dump is sealed with it
            plain = partial.with_suffix(".plain")
            os.replace(partial, plain)
            try:
                sealed.seal_file(plain, partial, key)
            finally:
                plain.unlink(missing_ok=True)
            tighten(partial)
        os.replace(partial, target)
    prune(folder, today=now.date(), database=own, key=key)
    return Backup(target, now)


def _key(path: Path) -> str | None:
    """The key of an encrypted database file (KeyNeeded if none is at hand); None if plain."""
    from hrsupply.db import file_key

    return file_key(path)


def database_id(path: Path, key: str | None = None) -> str | None:
    """The id inside a SQLite database or backup (made with its schema), or None if it has none
    or cannot be read (an encrypted copy `key` does not open): then no copy is taken for its own."""
    try:
        con = _read_only(path, (key or keys.key_for(path)) if keys.is_encrypted(path) else None)
        try:
            row = con.execute("SELECT value FROM settings WHERE key = 'database_id'").fetchone()
        finally:
            con.close()
        return json.loads(row[0]) if row else None
    except (*sqlite_errors(), ValueError, UserError):
        return None


def clear_partials(folder: Path, older_than: timedelta = timedelta(seconds=30)) -> list[Path]:
    """Remove what backups killed half-way left behind (not one another process is writing now)."""
    cutoff = datetime.now().timestamp() - older_than.total_seconds()
    gone = [p for p in folder.glob(f"{PREFIX}*.partial") if p.stat().st_mtime < cutoff]
    for p in gone:
        p.unlink(missing_ok=True)
    return gone


def _sqlite_copy(
    source: Path, target: Path, *, live: bool = False, steps: Steps | None = None, key: str | None = None
) -> None:
    """Copy page by page with SQLite's backup API. Into a new file, the copy is made one
    self-contained file, encrypted as the source is (same key, same salt); into the `live`
    database, SQLite's locks keep readers consistent. `key`: the source's, when it is not at
    hand by its path (a backup being restored)."""
    if not source.exists():
        raise UserError(tr("there is no database file {source}").format(source=source))
    key = (key or _key(source)) if keys.is_encrypted(source) else None
    src = connect_file(source, key)
    dst = connect_file(target, key, salt=keys.salt_of(source))
    try:
        with dst:
            if steps is None:
                src.backup(dst)
            else:  # a few MB at a time, so a cancel is heard
                src.backup(
                    dst, pages=1024, progress=lambda _s, left, total: steps.step(total - left, total, "Copying…")
                )
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


def prune(
    folder: str | Path, today: date | None = None, *, database: str | None = None, key: str | None = None
) -> list[Path]:
    """Delete the scheduled backups of `database` (its id; None: the server's dumps) that rotation
    no longer keeps; returns what was deleted. Copies taken before a migration or a restore are the
    way back from it, so they stay until deleted by hand (and a restore never prunes away the file
    it is restoring)."""
    found = [b for b in backups(folder) if not b.label]
    if database is None:
        found = [b for b in found if b.path.suffix == ".dump"]
    else:
        found = [b for b in found if b.path.suffix == ".sqlite" and database_id(b.path, key) == database]
    keep = to_keep([b.taken_at for b in found], today or date.today())
    gone = [b.path for b in found if b.taken_at not in keep]
    for p in gone:
        p.unlink()
    return gone


def _read_only(path: Path, key: str | None = None):
    """Open a SQLite file by its path, read-only (a `#` or `?` in the name is part of the name)."""
    return connect_file(f"{path.resolve().as_uri()}?mode=ro", key, uri=True)


def check_sqlite(path: Path, key: str | None = None) -> None:
    """Refuse a file that is not a whole hrsupply database of a schema this version knows (an
    encrypted one opens with `key`, else the key at hand)."""
    from hrsupply.db import known_revisions

    key = (key or keys.key_for(path)) if keys.is_encrypted(path) else None
    if keys.is_encrypted(path) and not key:
        raise UserError(
            tr("{path} is not an hrsupply database, or an encrypted one whose key is not at hand").format(path=path)
        )
    try:
        con = _read_only(path, key)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except keys.WrongKey:
        raise UserError(
            tr("{path} is not an hrsupply database, or one the key at hand does not open").format(path=path)
        ) from None
    except sqlite_errors() as exc:
        raise UserError(tr("{path} is not an hrsupply database ({exc})").format(path=path, exc=exc)) from None
    if ok != "ok" or version is None:
        raise UserError(tr("{path} is damaged or not an hrsupply database ({ok})").format(path=path, ok=ok))
    if version[0] not in known_revisions():
        raise UserError(
            tr(
                "{path_name} was made by a newer version of hrsupply (schema {x}): install that version to "
                "restore it; nothing was changed"
            ).format(path_name=path.name, x=version[0])
        )


def _as_encrypted_as(checked: Path, path: Path, key: str | None) -> None:
    """The copy to restore, encrypted as the database it replaces is (same key, same salt): a
    restore never leaves an encrypted database plain, and SQLite's copy needs both alike. A plain
    database restored from an encrypted backup stays encrypted."""
    from hrsupply.db import rewrite

    if not (keys.is_encrypted(checked) or keys.is_encrypted(path)):
        return
    salt = keys.salt_of(path) if keys.is_encrypted(path) else keys.salt_of(checked)
    if keys.is_encrypted(checked) and keys.salt_of(checked) == salt:
        return
    rewrite(checked, key if keys.is_encrypted(checked) else None, key, salt)


def check_backup(url: str, name: str, user: str, secret: str, key: str | None = None) -> None:
    """A copy of a backup at `url` (brought up to this version's schema) is one to restore: every
    table, an active admin, a ledger that verifies, and `user` is an admin of it with this PIN."""
    from sqlalchemy import func, inspect, select

    from hrsupply.db import SchemaTooNew, open_database
    from hrsupply.models import Base, User
    from hrsupply.services import users
    from hrsupply.services.verify import check_session

    try:
        db = open_database(url, before_upgrade=before_upgrade, key=key)
    except SchemaTooNew as exc:
        raise UserError(f"{name}: {exc}") from None
    try:
        missing = set(Base.metadata.tables) - set(inspect(db.engine).get_table_names())
        if missing:
            raise UserError(
                tr("{name} is not a whole hrsupply backup: it has no {x} table").format(
                    name=name, x=", ".join(sorted(missing))
                )
            )
        with db.read() as s:
            admins = s.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active))
            findings = check_session(s)
        if not admins:
            raise UserError(tr("{name} has no active admin, so nobody could manage it once restored").format(name=name))
        if not findings.ok:
            raise UserError(tr("{name} does not verify: ").format(name=name) + "; ".join(findings.lines()[:3]))
        try:
            account = users.sign_in(db, user, secret)
        except UserError:
            raise UserError(
                tr("{user} with that PIN is not an admin of {name}: sign in as an admin of the backup").format(
                    user=user, name=name
                )
            ) from None
        if account.role != "admin":
            raise UserError(
                tr("{user} is not an admin of {name}: sign in as the backup's admin").format(user=user, name=name)
            )
        extra = _not_ours(db)
        if extra:
            raise UserError(
                tr("{name} holds what no hrsupply database holds ({x}): it is not restored").format(
                    name=name, x=", ".join(extra[:5])
                )
            )
    finally:
        db.dispose()


def _not_ours(db) -> list[str]:
    """Triggers, views, tables and indexes beyond the app's own schema (a trigger in a crafted
    backup could make anyone an admin at the next visit)."""
    from sqlalchemy import inspect

    from hrsupply.models import Base

    tables = set(Base.metadata.tables) | {"alembic_version"}
    indexes = {ix.name for t in Base.metadata.tables.values() for ix in t.indexes}
    if db.is_sqlite:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT type, name FROM sqlite_master").all()
        return [
            f"{kind} {name}"
            for kind, name in rows
            if kind in ("trigger", "view")
            or (kind == "table" and name not in tables and not name.startswith("sqlite_"))
            or (kind == "index" and name not in indexes and not name.startswith("sqlite_autoindex_"))
        ]
    inspector = inspect(db.engine)
    out = [f"table {t}" for t in inspector.get_table_names() if t not in tables]
    out += [f"view {v}" for v in inspector.get_view_names()]
    with db.engine.connect() as conn:
        out += [
            f"trigger {t}"
            for (t,) in conn.exec_driver_sql(
                "SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname = 'public'"
            )
        ]
        out += [
            f"function {f}"
            for (f,) in conn.exec_driver_sql(
                "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public'"
            )
        ]
    return out


def check_current(url: str, user: str, secret: str) -> None:
    """Restoring over a database that opens and has an admin needs an admin of it too: else a
    front-desk user could make a copy with themself as admin, restore it, and be admin."""
    from sqlalchemy import func, select

    from hrsupply.db import DatabaseUnavailable, open_database
    from hrsupply.models import User
    from hrsupply.services import users

    try:
        db = open_database(url, migrate=False)
    except (DatabaseUnavailable, UserError):
        return  # missing or broken: what a restore is for
    try:
        try:
            with db.read() as s:
                admins = s.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active))
        except Exception:  # noqa: BLE001 - no users table, a damaged file: nobody to ask
            return
        if not admins:
            return
        try:
            account = users.sign_in(db, user, secret)
        except UserError:
            account = None
        if account is None or account.role != "admin":
            raise UserError(
                tr(
                    "{user} is not an admin of the database being replaced: an admin of both it and the "
                    "backup restores it"
                ).format(user=user)
            )
    finally:
        db.dispose()


def _set_aside(url: str, path: Path, folder: str | Path | None) -> Backup | None:
    """Keep the database as it is before a restore replaces it: a backup if it opens, else the
    damaged file itself, moved out of the way so the restored copy starts clean."""
    if not path.exists():
        return None
    try:
        con = _read_only(path, _key(path))
        try:
            healthy = con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            con.close()
    except (*sqlite_errors(), UserError):
        healthy = False
    if healthy and path.stat().st_size > 0:
        return take(url, folder, label="before-restore")
    folder = private_dir(folder if folder else default_folder(url))
    now = datetime.now()
    kept = folder / f"{PREFIX}{now:{STAMP}}-before-restore-damaged.sqlite"
    shutil.copyfile(path, kept)  # copied, not moved: until the restored copy is in place, it stays
    tighten(kept)
    return Backup(kept, now, "before-restore-damaged")


def _replace_damaged(checked: Path, path: Path) -> None:
    """Put the restored copy in place of a damaged file in one rename: killed at any moment, the
    damaged file (or the restored one) is there, never nothing, which would open as an empty
    database. Its old journal goes first, so it is never played into the restored copy."""
    partial = path.with_name(f"{path.name}.restoring.partial")
    shutil.copyfile(checked, partial)
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        side.unlink(missing_ok=True)
    os.replace(partial, path)


def restore(url: str, source: str | Path, folder: str | Path | None = None, *, user: str, secret: str) -> Backup | None:
    """Replace the database with a backup, once the backup has shown it is whole (integrity, a
    schema this version knows, every table, an active admin, a ledger that verifies) and `user`
    has signed in as an admin *of the backup*: the database being replaced may be missing or
    broken. What is there now is kept first (returned), so a restore can itself be undone.
    Other workstations should be closed."""
    source = Path(source)
    if not source.is_file():
        raise UserError(tr("there is no backup file {source}").format(source=source))
    path = _sqlite_path(url)
    if path is not None:
        if source.suffix != ".sqlite":
            raise UserError(tr("{source_name} is not a SQLite backup (a .sqlite file)").format(source_name=source.name))
        key = keys.key_for(path)  # the database's key opens its backups
        check_sqlite(source, key)
        with tempfile.TemporaryDirectory() as tmp:
            checked = Path(tmp) / "checked.sqlite"
            _sqlite_copy(source, checked, key=key)
            check_backup(f"sqlite:///{checked}", source.name, user, secret, key=key)
            _as_encrypted_as(checked, path, key)
            check_current(url, user, secret)
            before = _set_aside(url, path, folder)
            damaged = before is not None and before.label == "before-restore-damaged"
            if damaged or (path.exists() and keys.is_encrypted(checked) != keys.is_encrypted(path)):
                _replace_damaged(checked, path)
            else:
                # The backup API in reverse: a workstation still connected sees the old database
                # or the restored one, never a mix.
                _sqlite_copy(checked, path, live=path.exists())
            tighten(path)
        return before
    if source.suffix != ".dump":
        raise UserError(
            tr("{source_name} is not a PostgreSQL backup (a .dump file from pg_dump)").format(source_name=source.name)
        )
    with tempfile.TemporaryDirectory() as tmp:
        source = _opened_dump(source, Path(tmp))
        _check_dump(url, source, user, secret)
        check_current(url, user, secret)
        # A database dropped by mistake is made again, empty, for the dump to fill.
        before = take(url, folder, label="before-restore") if _pg_database(url, create=True) else None
        _pg(url, "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source))
    return before


def _opened_dump(source: Path, tmp: Path) -> Path:
    """A dump sealed with the program's passphrase, opened into `tmp` (a plain one as it is)."""
    if not sealed.is_sealed(source):
        return source
    key = keys.key_for(None)
    if not key:
        raise UserError(tr("{name} is sealed with the program's passphrase: give it (HRSUPPLY_DB_KEY)").format(
            name=source.name))  # fmt: skip
    opened = tmp / source.name
    sealed.open_file(source, opened, key)
    return opened


def _server(url: str):
    """An engine on the server's maintenance database, for making and dropping databases: the
    database named in `url` may be the one that is missing."""
    from sqlalchemy import create_engine

    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def _pg_database(url: str, *, create: bool) -> bool:
    """Whether the database in `url` exists (made, empty, when `create`)."""
    name = make_url(url).database
    server = _server(url)
    try:
        with server.connect() as conn:
            there = conn.exec_driver_sql("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).scalar()
            if not there and create:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        return bool(there)
    finally:
        server.dispose()


def _check_dump(url: str, source: Path, user: str, secret: str) -> None:
    """Restore the dump into a scratch database beside the real one and check it there."""
    u = make_url(url)
    scratch = f"{u.database}_restore_check_{os.getpid()}"
    admin = _server(url)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{scratch}"')
    except Exception as exc:  # noqa: BLE001 - any refusal by the server is said as it is
        admin.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise UserError(
            tr("cannot check {source_name} before restoring it: a scratch database is needed ({reason})").format(
                source_name=source.name, reason=reason
            )
        ) from None
    scratch_url = u.set(database=scratch).render_as_string(hide_password=False)
    try:
        _pg(scratch_url, "pg_restore", "--no-owner", "--single-transaction", str(source))
        check_backup(scratch_url, source.name, user, secret)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
        admin.dispose()


def _pg(url: str, tool: str, *args: str) -> None:
    """Run pg_dump or pg_restore on the database at `url`. The password goes in the child's
    environment (PGPASSWORD), never on its command line, where `ps` shows it to everyone."""
    if shutil.which(tool) is None:
        raise UserError(
            tr("{tool} is not installed or not on the PATH; install the PostgreSQL client tools").format(tool=tool)
        )
    from hrsupply.db import password_of, without_secrets

    password = password_of(url)  # in the user part, or `?password=` in the query string
    target = without_secrets(url).set(drivername="postgresql").render_as_string(hide_password=False)
    env = {**os.environ, **({"PGPASSWORD": password} if password else {})}
    done = subprocess.run([tool, f"--dbname={target}", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        message = done.stderr.strip() or done.stdout.strip()
        if password:
            message = message.replace(password, "***")
        raise UserError(tr("{tool} failed: {message}").format(tool=tool, message=message))


def automatic(db, steps: Steps | None = None) -> Backup | None:
    """The app's own backup (on a schedule and at closing): SQLite only, into the folder the
    `backup_folder` setting names. A server database is backed up on the server (pg_dump)."""
    if not db.is_sqlite:
        return None
    from hrsupply.services import program

    return take(db.url, program.get(db, "backup_folder") or None, steps=steps)
