"""Sealed files: what hrsupply writes outside its database (a server's dumps, a van's sync and
setup files) encrypted and authenticated, so that a copied file gives nobody a participant code.

AES-256-GCM in chunks of 1 MiB, each with its own nonce (a random prefix and the chunk's
number, the last chunk marked), so a file of any size is sealed and opened in little memory and
no chunk can be dropped, reordered or cut off unseen. The key is 32 bytes: one derived from a
pair's secret (bytes), or a passphrase (str) stretched with scrypt and the salt written at the
head of the file."""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path

from hrsupply.errors import UserError
from hrsupply.i18n import tr

MAGIC = b"hrsupply-sealed\x01"
CHUNK = 1024 * 1024
TAG = 16


def from_passphrase(passphrase: str, salt: bytes) -> bytes:
    """A 32-byte key from a passphrase (scrypt: costly to guess, about 0.1 s once)."""
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32)


def from_secret(secret: bytes, purpose: bytes) -> bytes:
    """A 32-byte key for one purpose from a secret that is already random (a pair's)."""
    return hashlib.sha256(b"hrsupply seal " + purpose + b"\x00" + secret).digest()


def _nonce(prefix: bytes, n: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", n, 1 if last else 0)


HEAD = len(MAGIC) + 16 + 7  # the magic, the salt, the nonces' prefix


def _key(secret: bytes | str, salt: bytes) -> bytes:
    """A pair's 32-byte key as it is; a passphrase stretched with the file's salt."""
    return from_passphrase(secret, salt) if isinstance(secret, str) else secret


def seal_bytes(secret: bytes | str, data: bytes) -> bytes:
    return b"".join(_seal(secret, iter([data])))


def open_bytes(secret: bytes | str, sealed: bytes, name: str) -> bytes:
    return b"".join(_open(secret, sealed, name))


def _seal(secret: bytes | str, pieces: Iterator[bytes]) -> Iterator[bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix = os.urandom(16), os.urandom(7)
    aes = AESGCM(_key(secret, salt))
    yield MAGIC + salt + prefix
    pending, n = b"", 0
    for piece in pieces:
        pending += piece
        while len(pending) > CHUNK:
            yield aes.encrypt(_nonce(prefix, n, False), pending[:CHUNK], MAGIC)
            pending, n = pending[CHUNK:], n + 1
    yield aes.encrypt(_nonce(prefix, n, True), pending, MAGIC)


def _open(secret: bytes | str, sealed: bytes, name: str) -> Iterator[bytes]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not sealed.startswith(MAGIC) or len(sealed) < HEAD + TAG:
        raise UserError(tr("{name} is not a sealed hrsupply file").format(name=name))
    salt, prefix = sealed[len(MAGIC) : len(MAGIC) + 16], sealed[len(MAGIC) + 16 : HEAD]
    aes = AESGCM(_key(secret, salt))
    rest, n = sealed[HEAD:], 0
    while True:
        last = len(rest) <= CHUNK + TAG
        piece, rest = rest[: CHUNK + TAG], rest[CHUNK + TAG :]
        try:
            yield aes.decrypt(_nonce(prefix, n, last), piece, MAGIC)
        except InvalidTag:
            raise UserError(
                tr("{name} cannot be opened: another key, or the file was changed or cut short").format(name=name)
            ) from None
        if last:
            return
        n += 1


def is_sealed(path: str | Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def seal_file(source: Path, target: Path, secret: bytes | str) -> None:
    """Seal `source` into `target`, a chunk at a time (a dump of any size)."""

    def pieces() -> Iterator[bytes]:
        with open(source, "rb") as f:
            while piece := f.read(CHUNK):
                yield piece

    with open(target, "wb") as out:
        for part in _seal(secret, pieces()):
            out.write(part)


def open_file(source: Path, target: Path, secret: bytes | str) -> None:
    """Open a sealed `source` into `target` (UserError if the key or the file is wrong)."""
    with open(target, "wb") as out:
        for part in _open(secret, source.read_bytes(), source.name):
            out.write(part)
