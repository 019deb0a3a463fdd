"""The program's key: the passphrase that opens an encrypted database (SQLCipher 4), its backups,
and the files hrsupply writes for it (server dumps, van sync and setup files).

Where a key comes from: given by the caller (the window asked for it), else `HRSUPPLY_DB_KEY`
(scripts, the command line), else this computer's keyring (Windows Credential Locker, macOS
Keychain, Secret Service), where the window keeps it once typed. A computer with no keyring
simply has none: the window asks at each start.

SQLCipher derives the page key from the passphrase and the salt in the file's first 16 bytes
(PBKDF2-HMAC-SHA512, 256,000 rounds) at every connection, a tenth of a second each. We derive it
once per process and hand SQLCipher the raw key: the file is the same as if opened with the
passphrase (any SQLCipher 4 tool opens it with the passphrase alone)."""

from __future__ import annotations

import functools
import hashlib
import os
import secrets
from pathlib import Path

from hrsupply.errors import UserError
from hrsupply.i18n import tr

ENV = "HRSUPPLY_DB_KEY"
SERVICE = "hrsupply"
PLAIN_HEADER = b"SQLite format 3\x00"
KDF_ROUNDS = 256_000  # SQLCipher 4's default
SHORTEST = 10  # characters of a passphrase, at least


class KeyNeeded(UserError):
    """The database is encrypted and no key was given."""


class WrongKey(UserError):
    """The key given does not open the database."""


def is_encrypted(path: str | Path) -> bool:
    """A SQLite file that is not plain SQLite (an empty or missing file is neither)."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return len(head) == 16 and head != PLAIN_HEADER


def _keyring():
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        return None if isinstance(backend, fail.Keyring) else keyring
    except Exception:  # noqa: BLE001 - no keyring on this computer (or a broken one): none
        return None


def has_keyring() -> bool:
    """Whether this computer has a keyring to keep the key in."""
    return _keyring() is not None


def _name(path: str | Path) -> str:
    return str(Path(path).resolve())


def stored(path: str | Path) -> str | None:
    """The key this computer's keyring keeps for the database at `path`, if any."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(SERVICE, _name(path))
    except Exception:  # noqa: BLE001 - a locked or broken keyring: as if none
        return None


def remember(path: str | Path, key: str) -> bool:
    """Keep the key in this computer's keyring; False where there is none."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(SERVICE, _name(path), key)
        return True
    except Exception:  # noqa: BLE001
        return False


def forget(path: str | Path) -> None:
    ring = _keyring()
    if ring is not None:
        try:
            ring.delete_password(SERVICE, _name(path))
        except Exception:  # noqa: BLE001 - nothing kept
            pass


_opened: dict[str, str] = {}  # path -> the key that opened it in this process


def register(path: str | Path, key: str) -> None:
    """This process opened `path` with `key`: its backups and checkpoints use it too."""
    _opened[_name(path)] = key


def key_for(path: str | Path | None) -> str | None:
    """The key for a database (or a server's files): the one it was opened with in this process,
    else HRSUPPLY_DB_KEY, else the keyring's."""
    if path is not None and _name(path) in _opened:
        return _opened[_name(path)]
    if os.environ.get(ENV):
        return os.environ[ENV]
    return stored(path) if path is not None else None


def check_new(key: str) -> str:
    """A passphrase fit to encrypt with: long enough to resist guessing."""
    if len(key or "") < SHORTEST:
        raise UserError(tr("a passphrase has at least {n} characters").format(n=SHORTEST))
    return key


@functools.lru_cache(maxsize=16)
def derive(key: str, salt: bytes) -> str:
    """The raw page key SQLCipher 4 derives from a passphrase and a salt."""
    return hashlib.pbkdf2_hmac("sha512", key.encode("utf-8"), salt, KDF_ROUNDS, 32).hex()


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def pragma_new(key: str, salt: bytes) -> str:
    """`PRAGMA key` for a new file: the raw key and the salt it is to carry."""
    return f"PRAGMA key = \"x'{derive(key, salt)}{salt.hex()}'\""


def salt_of(path: str | Path) -> bytes | None:
    """An encrypted file's salt (its first 16 bytes); None for a new or plain file."""
    if not is_encrypted(path):
        return None
    with open(path, "rb") as f:
        return f.read(16)


def pragma_for_salt(key: str, salt: bytes, statement: str = "key") -> str:
    """`PRAGMA key` (or `rekey`) for a file of this salt."""
    return f"PRAGMA {statement} = \"x'{derive(key, salt)}'\""
