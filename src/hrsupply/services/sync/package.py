"""A sync file: a one-line header (what it is, from which database to which), its signature,
then the records as gzip-compressed JSON, sealed (encrypted: `hrsupply.sealed`) with a key its
reader holds: the pair's secret for records, the program's passphrase for a setup file. It is
checked whole (signature, addressee, version, size) before anything is read out of it, so a
damaged, tampered or misdirected file changes nothing."""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import zlib
from pathlib import Path

from hrsupply import sealed
from hrsupply.errors import UserError
from hrsupply.files import written
from hrsupply.i18n import tr

MAGIC = "hrsupply-sync"
VERSION = 1
LARGEST = 512 * 1024 * 1024  # the records, uncompressed: a year of a busy van is a few MB


def write(path: str | Path, header: dict, body: dict, key: bytes, seal: bytes | str | None = None) -> Path:
    """Write the file at once or not at all (0600, like every file the app writes); sealed with
    `seal` (a key, or a passphrase) when given."""
    head = json.dumps({"format": MAGIC, "version": VERSION, **header, **({"sealed": True} if seal else {})},
                      sort_keys=True).encode()  # fmt: skip
    data = gzip.compress(json.dumps(body, separators=(",", ":"), default=str).encode(), compresslevel=6, mtime=0)
    if seal:
        data = sealed.seal_bytes(seal, data)
    with written(Path(path)) as temp:
        temp.write_bytes(head + b"\n" + _sign(key, head, data).encode() + b"\n" + data)
    return Path(path)


def header(path: str | Path) -> dict:
    """The header alone (who the file is from and for), to find the key it is signed with."""
    head, _sig, _data = _parts(Path(path))
    return head


def read(path: str | Path, key: bytes, seal: bytes | str | None = None) -> tuple[dict, dict]:
    """(header, body) of a file whose signature `key` confirms (and, sealed, that `seal` opens);
    UserError for anything else."""
    path = Path(path)
    head, sig, data = _parts(path)
    if not hmac.compare_digest(sig, _sign(key, json.dumps(head, sort_keys=True).encode(), data)):
        raise UserError(
            tr("{name} is not a sync file of this pair, or it was changed after it was written").format(name=path.name)
        )
    if head.get("sealed"):
        if not seal:
            raise UserError(tr("{name} is sealed with the program's passphrase: give it").format(name=path.name))
        data = sealed.open_bytes(seal, data, path.name)
    try:
        raw = zlib.decompressobj(wbits=31).decompress(data, LARGEST)
    except zlib.error:
        raise UserError(tr("{name} is damaged: its records cannot be read").format(name=path.name)) from None
    if len(raw) >= LARGEST:
        raise UserError(tr("{name} is too large to be a sync file").format(name=path.name))
    try:
        return head, json.loads(raw)
    except ValueError:
        raise UserError(tr("{name} is damaged: its records cannot be read").format(name=path.name)) from None


def _parts(path: Path) -> tuple[dict, str, bytes]:
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise UserError(tr("{name}: file not found").format(name=path.name)) from None
    except OSError as exc:
        raise UserError(tr("{name} cannot be read ({x})").format(name=path.name, x=exc.strerror)) from None
    try:
        head_line, sig, data = content.split(b"\n", 2)
        head = json.loads(head_line)
        ok = isinstance(head, dict) and head.get("format") == MAGIC
    except ValueError:
        ok = False
    if not ok:
        raise UserError(tr("{name} is not an hrsupply sync file").format(name=path.name))
    if not isinstance(head.get("version"), int) or head["version"] > VERSION:
        raise UserError(tr("{name} was written by a newer hrsupply: update this computer first").format(name=path.name))
    return head, sig.decode("ascii", "replace"), data


def _sign(key: bytes, head: bytes, data: bytes) -> str:
    return hmac.new(key, head + b"\n" + hashlib.sha256(data).digest(), hashlib.sha256).hexdigest()
