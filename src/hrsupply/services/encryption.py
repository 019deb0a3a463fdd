"""Encrypting a database where it stands, and changing its passphrase.

A database is rewritten whole into a new file beside it (SQLCipher's export, under the write
lock), made durable, and then renamed over the old one in one step: killed at any moment, the old
file is there, or the new one, never neither. Its backups are rewritten the same way, so that
afterwards no file in its folders holds a participant code in plain text. Other workstations
should be closed first (they would go on writing into the file that was replaced)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url

from hrsupply import keys
from hrsupply.db import Database, rewrite
from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.services import backup, program
from hrsupply.services.access import require


@dataclass(frozen=True)
class Rewritten:
    database: Path
    backups: int  # backups rewritten with the new key


def _path(db: Database) -> Path:
    database = make_url(db.url).database
    if not db.is_sqlite or database in (None, "", ":memory:"):
        raise UserError(
            tr(
                "a PostgreSQL database is kept on its server: encrypt the server's disk there (its dumps are "
                "encrypted with the program's key)"
            )
        )
    return Path(database)


def _backups_of(db: Database, path: Path, key: str | None) -> list[Path]:
    """This database's backups (by its id), in the backup folder and beside it."""
    own = backup.database_id(path, key)
    folders = {backup.default_folder(db.url)}
    if setting := program.get(db, "backup_folder"):
        folders.add(Path(setting))
    found = []
    for folder in folders:
        if Path(folder).is_dir():
            found += [b.path for b in backup.backups(folder) if b.path.suffix == ".sqlite"]
    return [p for p in found if backup.database_id(p, key) == own]


def encrypt(db: Database, user: str, key: str) -> Rewritten:
    """Encrypt a plain database with `key`, then its backups; `db` is open again afterwards,
    with the key."""
    path = _path(db)
    with db.read() as session:
        require(session, user, "admin")
    if db.encrypted or keys.is_encrypted(path):
        raise UserError(tr("{name} is already encrypted (to change its passphrase: hrsupply change-key)").format(
            name=path.name))  # fmt: skip
    keys.check_new(key)
    copies = _backups_of(db, path, None)
    db.dispose()
    salt = keys.new_salt()
    rewrite(path, None, key, salt)
    done = 0
    for copy in copies:
        if not keys.is_encrypted(copy):
            rewrite(copy, None, key, salt)
            done += 1
    db.reopen(key)
    return Rewritten(path, done)


def change_key(db: Database, user: str, new: str) -> Rewritten:
    """Give an encrypted database (and its backups) a new passphrase; `db` is open again
    afterwards, with it."""
    path = _path(db)
    with db.read() as session:
        require(session, user, "admin")
    if not db.encrypted:
        raise UserError(tr("{name} is not encrypted: encrypt it first (hrsupply encrypt)").format(name=path.name))
    keys.check_new(new)
    old = db.key
    copies = [p for p in _backups_of(db, path, old) if keys.is_encrypted(p)]
    salt = keys.salt_of(path)
    db.dispose()
    rewrite(path, old, new, salt)
    for copy in copies:
        rewrite(copy, old, new, keys.salt_of(copy))
    if keys.stored(path) is not None:
        keys.remember(path, new)
    db.reopen(new)
    return Rewritten(path, len(copies))
