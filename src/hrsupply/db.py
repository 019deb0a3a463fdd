"""Engine and session factories from one URL; SQLite pragmas; Alembic upgrade on open.

Alembic is loaded only when the schema is not already the newest (a start-up reads one row).
This module imports no service: what to do before an upgrade is the caller's to say."""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from hrsupply import keys
from hrsupply.errors import UserError  # a leaf module: no cycle
from hrsupply.files import private_dir, tighten
from hrsupply.i18n import tr

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session

APP_NAME = "hrsupply"
MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0014"  # the newest migration (a test checks it against Alembic's head)
T = TypeVar("T")


class SchemaTooNew(Exception):
    """The database was written by a newer hrsupply than this one."""


class DatabaseBusy(UserError):
    """Another workstation kept the database busy for longer than a person should wait."""


def data_dir() -> Path:
    return private_dir(user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    return os.environ.get("HRSUPPLY_DB") or f"sqlite:///{data_dir() / 'hrsupply.sqlite'}"


def demo_path() -> Path:
    """The demo lives in a folder of its own: its backups never sit among the real ones."""
    return private_dir(data_dir() / "demo") / "demo.sqlite"


class Cipher:
    """The key of an encrypted SQLite file, and its salt once known (a new file's is made once,
    here, so that every connection of this process agrees before the file has one)."""

    def __init__(self, key: str, path: Path):
        self.key, self.path = key, path
        self.salt = keys.salt_of(path)

    def __repr__(self) -> str:
        return f"Cipher({self.path.name})"  # never the key

    def unlock(self, dbapi_conn) -> None:
        """Key a new connection and prove the key: one sentence if it is the wrong one."""
        dbapi_conn.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" on stderr
        if self.salt is None:
            self.salt = keys.salt_of(self.path)  # another process may have made the file since
        if self.salt is None:
            self.salt = keys.new_salt()
            dbapi_conn.execute(keys.pragma_new(self.key, self.salt))
        else:
            dbapi_conn.execute(keys.pragma_for_salt(self.key, self.salt))
        try:
            dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except Exception:  # noqa: BLE001 - sqlcipher3's DatabaseError: "file is not a database"
            raise keys.WrongKey(
                tr("The key does not open {name}: check it (a passphrase is exact, letter case too).").format(
                    name=self.path.name
                )
            ) from None


def sqlite_errors() -> tuple[type[Exception], ...]:
    """The DB-API errors of both drivers (sqlcipher3's are not sqlite3's)."""
    import sqlite3

    import sqlcipher3

    return (sqlite3.Error, sqlcipher3.Error)


def file_key(path: Path) -> str | None:
    """The key an encrypted file opens with here (KeyNeeded if none is at hand); None if plain."""
    if not keys.is_encrypted(path):
        return None
    key = keys.key_for(path)
    if not key:
        raise keys.KeyNeeded(tr("{name} is encrypted: give its key (HRSUPPLY_DB_KEY).").format(name=path.name))
    return key


def connect_file(path: Path, key: str | None = None, *, salt: bytes | None = None, uri: bool = False, **options):
    """A DB-API connection to a SQLite file outside an engine (a backup, a checkpoint): plain
    sqlite3, or SQLCipher keyed with `key` (a new file gets `salt`, or a new one). `options` go
    to the driver's connect (timeout, isolation_level, check_same_thread)."""
    options.setdefault("timeout", 10)
    if not key:
        import sqlite3

        return sqlite3.connect(path, uri=uri, **options)
    import sqlcipher3

    conn = sqlcipher3.connect(path, uri=uri, **options)
    cipher = Cipher(key, _uri_path(str(path)) if uri else Path(path))
    if cipher.salt is None and salt is not None:
        cipher.salt = salt
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(keys.pragma_new(key, salt))
        return conn
    cipher.unlock(conn)
    return conn


def _uri_path(uri: str) -> Path:
    """The file a `file:` URI names (its query, `?mode=ro`, left off)."""
    from urllib.parse import unquote, urlsplit

    return Path(unquote(urlsplit(uri).path))


REWRITING = ".rewriting"  # a rewrite under way (what a killed one leaves is removed next time)


def rewrite(path: Path, old: str | None, new: str | None, salt: bytes | None = None) -> None:
    """Rewrite the SQLite file at `path` from key `old` (None: plain) to key `new` (None: plain),
    whole or not at all. A new encrypted file takes `salt` (or its own)."""
    import sqlcipher3

    partial = path.with_name(path.name + REWRITING)
    partial.unlink(missing_ok=True)
    checkpoint(path, old)
    con = connect_file(path, old, isolation_level=None) if old else sqlcipher3.connect(path, isolation_level=None)
    try:
        if new:
            salt = salt or keys.new_salt()
            target = f"x'{keys.derive(new, salt)}{salt.hex()}'"
        else:
            target = ""
        con.execute("ATTACH DATABASE ? AS rewritten KEY ?", (str(partial), target))
        con.execute("BEGIN IMMEDIATE")  # nobody writes while it is copied
        con.execute("SELECT sqlcipher_export('rewritten')")
        con.execute("COMMIT")
        con.execute("DETACH DATABASE rewritten")
    except Exception:
        partial.unlink(missing_ok=True)
        raise
    finally:
        con.close()
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())  # on the disk before it takes the name
    tighten(partial)
    os.replace(partial, path)
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        side.unlink(missing_ok=True)  # the old file's (its WAL was emptied into it first)


def _sqlite_setup(engine: Engine, cipher: Cipher | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        if cipher is not None:  # the key first: nothing else can be read before it
            cipher.unlock(dbapi_conn)
        # We issue BEGIN ourselves (below), so pysqlite must not.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except Exception:  # noqa: BLE001 - a read-only file keeps the journal it has; it is read, not written
            pass
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")  # WAL + FULL: a commit survives power loss
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the write lock up front: a deferred transaction that reads, then writes,
        # fails with SQLITE_BUSY instead of waiting when another workstation is writing.
        options = conn.get_execution_options()
        sync = options.get("sqlite_sync", "FULL")
        kept = conn.connection.info
        if kept.get("sync", "FULL") != sync:  # outside the transaction, as SQLite wants it
            conn.exec_driver_sql(f"PRAGMA synchronous={sync}")
            kept["sync"] = sync
        conn.exec_driver_sql(f"BEGIN {options.get('sqlite_begin', '')}".strip())


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def known_revisions() -> set[str]:
    """Every schema revision this version of hrsupply can open (and bring up to date)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def stored_revision(engine: Engine) -> str | None:
    """The schema revision written in the database; None for a new, empty one."""
    with engine.connect() as conn:
        if "alembic_version" not in engine.dialect.get_table_names(conn):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, before: Callable[[str, str], object] | None = None) -> None:
    """Bring the schema to the newest revision; refuse a schema newer than this app knows.
    `before(url, head)` runs first when a database with data in it is about to change (the app
    keeps a backup then)."""
    if stored_revision(engine) == HEAD:
        return  # the usual start: nothing of Alembic's is loaded
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    known = known_revisions()
    unknown = [rev for rev in current if rev not in known]
    if unknown:
        raise SchemaTooNew(
            tr(
                "This database was created by a newer version of hrsupply (schema {x}). Install the newer "
                "version to open it; nothing was changed."
            ).format(x=", ".join(unknown))
        )
    if set(current) == set(script.get_heads()):
        return
    if current and before is not None:  # a database with data in it: about to change its tables
        before(engine.url.render_as_string(hide_password=False), script.get_current_head())
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # SQLite changes a table by copying it; foreign keys would refuse dropping the old
            # copy. The pragma only takes effect outside a transaction; integrity is checked below.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            if sqlite:
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


@dataclass
class Database:
    """One database: `write()` for a use case that changes data, `read()` for queries."""

    engine: Engine
    url: str
    key: str | None = field(default=None, repr=False)  # an encrypted SQLite file's

    @functools.cached_property
    def _write(self):
        # The ORM is loaded at the first session, not at open: the window paints before.
        from sqlalchemy.orm import sessionmaker

        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        return sessionmaker(writer, expire_on_commit=False)

    @functools.cached_property
    def _draft(self):
        from sqlalchemy.orm import sessionmaker

        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE", sqlite_sync="NORMAL")
        return sessionmaker(writer, expire_on_commit=False)

    @functools.cached_property
    def _read(self):
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def read_only(self) -> bool:
        """A SQLite file this account cannot write (made read-only, on a read-only disk)."""
        path = self.engine.url.database
        if not self.is_sqlite or path in (None, "", ":memory:") or path.startswith("file:"):
            return bool(path and "mode=ro" in str(self.engine.url))
        return not os.access(path, os.W_OK) or not os.access(Path(path).parent, os.W_OK)

    @contextmanager
    def write(self, *, draft: bool = False) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any error.

        `draft`: a working figure that is not the ledger (a count line as it is typed). Its
        commit does not wait for the disk: it survives the app's crash at once, and a power cut
        once the next ordinary commit (or the system, within seconds) writes it out."""
        try:
            with (self._draft if draft else self._write).begin() as session:
                if draft and not self.is_sqlite:
                    session.execute(text("SET LOCAL synchronous_commit = off"))
                yield session
        except DBAPIError as exc:
            said = _plain(exc, self.url)
            if said is None:
                raise
            raise said from None

    def transaction(
        self, work: Callable[[Session], T], attempts: int = 5, patience: float = 180.0, *, draft: bool = False
    ) -> T:
        """Run `work` in one write transaction, again from the start if it lost a race with
        another workstation (a deadlock, or two first entries for the same balance at once).

        While another workstation is writing (a large import), SQLite says the database is
        locked after its busy timeout: that is waited out for up to `patience` seconds, then
        refused with a plain message. Nothing is half-written either way."""
        deadline = time.monotonic() + patience
        attempt = 0
        while True:
            attempt += 1
            try:
                with self.write(draft=draft) as session:
                    return work(session)
            except DBAPIError as exc:
                if _locked(exc):
                    if time.monotonic() >= deadline:
                        raise DatabaseBusy(
                            tr(
                                "Another workstation is still saving a large change, so this was not saved. "
                                "Nothing was lost: try again in a minute."
                            )
                        ) from exc
                    time.sleep(0.05)
                    continue
                if attempt >= attempts or not _transient(exc):
                    raise
                time.sleep(0.01 * attempt)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session:
            yield session

    def dispose(self) -> None:
        """Close every connection; a SQLite file is checkpointed, so the file alone is whole."""
        self.engine.dispose()
        if self.is_sqlite and self.engine.url.database not in (None, "", ":memory:"):
            checkpoint(Path(self.engine.url.database), self.key)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def reopen(self, key: str | None) -> None:
        """Open the same URL again (with `key`) in this object: after its file was rewritten
        (encrypted, a new passphrase), every screen holding it goes on with the new one."""
        self.dispose()
        fresh = open_database(self.url, key=key)
        self.engine, self.key = fresh.engine, fresh.key
        for made in ("_write", "_draft", "_read"):  # the session makers of the old engine
            self.__dict__.pop(made, None)


def checkpoint(path: Path, key: str | None = None) -> None:
    """Write SQLite's WAL back into the database file and empty it, so that the file alone holds
    everything (a copy of just hrsupply.sqlite is whole). A connection still reading elsewhere
    only makes it partial: SQLite checkpoints on its own as it goes."""
    if not path.exists() or (keys.is_encrypted(path) and not key):
        return
    try:
        con = connect_file(path, key if keys.is_encrypted(path) else None)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()
    except Exception:  # noqa: BLE001 - sqlite3.Error or sqlcipher3's: SQLite checkpoints later itself
        pass


def _transient(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "sqlstate", None)
    if code in ("40P01", "40001"):  # PostgreSQL: deadlock detected, serialization failure
        return True
    if code == "23505":  # unique violation: only the race to create the same balance row
        return "uq_balances_key" in str(exc.orig)
    return _locked(exc)


class ReadOnly(UserError):
    """The database cannot be written: a file made read-only, a disk mounted read-only."""


def _plain(exc: DBAPIError, url: str) -> UserError | None:
    """A database error that is the computer's, not the app's, said in one sentence (None: not
    one of those)."""
    text_ = str(exc.orig).lower()
    if "readonly database" in text_ or "read-only" in text_:
        return ReadOnly(
            tr("This database is read-only ({x}): it can be read, and nothing can be saved.").format(x=_shown(url))
        )
    if "disk is full" in text_ or "no space left" in text_ or "could not extend file" in text_:
        return UserError(tr("The disk is full: nothing was saved. Free some space and try again."))
    return None


def _locked(exc: DBAPIError) -> bool:
    """SQLite: another connection held the write lock for longer than the busy timeout."""
    return "database is locked" in str(exc.orig)


class DatabaseUnavailable(UserError):
    """The URL is not one this app can open, or the database behind it cannot be reached."""


def has_users(db: Database) -> bool:
    """Whether anyone can sign in yet (else the first run makes its admin). Plain SQL: the sign-in
    dialog is shown before the ORM models are loaded."""
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT 1 FROM users LIMIT 1")).first() is not None


def open_database(
    url: str | None = None,
    *,
    migrate: bool = True,
    before_upgrade: Callable[[str, str], object] | None = None,
    key: str | None = None,
    encrypt: bool | None = None,
) -> Database:
    """Open (and bring up to date) the database at `url`. `before_upgrade(url, head)` runs before
    a database with data in it is migrated: the app and the CLI keep a backup then.

    An encrypted SQLite file opens with `key`, else HRSUPPLY_DB_KEY, else this computer's keyring
    (KeyNeeded if none; WrongKey if it does not open it). A new file is encrypted when a key is
    at hand (`encrypt=False`: never, the demo's); a plain file stays plain."""
    url = url or default_url()
    try:
        backend = make_url(url).get_backend_name()
    except (ArgumentError, ValueError, TypeError) as exc:
        raise DatabaseUnavailable(f"{_shown(url)} is not a database URL hrsupply can open ({exc})") from None
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(f"{_shown(url)}: hrsupply keeps its records in SQLite or PostgreSQL, not {backend}")
    cipher = _cipher(url, key, encrypt) if backend == "sqlite" else None
    extra = {}
    if cipher is not None:
        import sqlcipher3

        extra["module"] = sqlcipher3
    try:
        # hide_parameters: an error's text never carries a participant code or a PIN hash.
        engine = create_engine(url, hide_parameters=True, **extra)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError, TypeError) as exc:
        raise DatabaseUnavailable(f"{_shown(url)} is not a database URL hrsupply can open ({exc})") from None
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine, cipher)
    try:
        if migrate:
            upgrade(engine, before_upgrade)
        else:
            with engine.connect():
                pass
    except DBAPIError as exc:  # cannot connect, or a file that is not a database ("file is not a database")
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseUnavailable(f"cannot open the database {_shown(url)}: {reason}") from None
    database = Database(engine, url, cipher.key if cipher else None)
    if cipher is not None:
        keys.register(cipher.path, cipher.key)
    if database.is_sqlite and engine.url.database not in (None, "", ":memory:"):
        _tighten_sqlite(Path(engine.url.database))
    return database


def _cipher(url: str, key: str | None, encrypt: bool | None) -> Cipher | None:
    """How a SQLite file opens: with a key (encrypted, or new and to be encrypted), or plain."""
    database = make_url(url).database
    if database in (None, "", ":memory:"):
        return None
    if database.startswith("file:"):  # a URI (read-only: ?mode=ro): the path before its query
        database = str(_uri_path(database))
        encrypt = False if encrypt is None else encrypt  # a URI is opened, never made
    path = Path(database)
    if keys.is_encrypted(path):
        key = key or keys.key_for(path)
        if not key:
            raise keys.KeyNeeded(
                tr(
                    "{name} is encrypted: give its key (HRSUPPLY_DB_KEY for the command line; the window asks for it)."
                ).format(name=path.name)
            )
        return Cipher(key, path)
    if encrypt is False or (path.exists() and path.stat().st_size > 0):
        return None  # a plain file stays plain (and no keyring is asked for it)
    key = key or keys.key_for(path)
    return Cipher(keys.check_new(key), path) if key else None


SECRET_QUERY = ("password", "sslpassword", "passfile")  # a password may also ride in the query string


def password_of(url) -> str | None:
    """The password of a URL, whether in its user part or its query string (`?password=`)."""
    u = make_url(url)
    return u.password or next((str(u.query[k]) for k in ("password",) if k in u.query), None)


def without_secrets(url):
    """The URL with no password anywhere: for a command line or a message."""
    u = make_url(url)
    return u._replace(password=None).difference_update_query(SECRET_QUERY)


def _shown(url: str) -> str:
    """A URL fit to print: never its password (nor one in the query string)."""
    try:
        return without_secrets(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not even a URL: say so without echoing what may be a secret
        return "the --db value"


def _tighten_sqlite(path: Path) -> None:
    """The database, its side files and its backups are its owner's alone (made so by an older
    version, or copied in by hand, they are tightened here)."""
    backups = path.parent / "backups"
    tighten(path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"), backups)
    if backups.is_dir():
        tighten(*backups.iterdir())
