"""Participant codes and PIN hashes stay private on a shared computer: on POSIX every file the
app makes is readable by its owner only (0600) and every folder it makes is 0700, whatever the
umask. Keep the disk itself encrypted (BitLocker, FileVault, LUKS): permissions do not protect a
lost laptop."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from hrsupply.errors import UserError  # a leaf module: no cycle
from hrsupply.i18n import tr

POSIX = os.name == "posix"


def private_umask() -> None:
    """From here on this process makes files 0600 and folders 0700 (exports, backups, logs...)."""
    if POSIX:
        os.umask(0o077)


def private_dir(path: str | Path) -> Path:
    """Make the folder (and its parents) if missing; the folder itself is 0700."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise UserError(tr("{path} is a file, not a folder").format(path=path))
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise UserError(tr("cannot make the folder {path} ({x})").format(path=path, x=exc.strerror or exc)) from None
    if not os.access(path, os.W_OK):
        raise UserError(tr("cannot write in the folder {path}").format(path=path))
    tighten(path)
    return path


def writable_file(path: str | Path) -> Path:
    """A file the app is about to write: said plainly, before any work, if it cannot be."""
    path = Path(path)
    try:
        if path.is_dir():
            raise UserError(tr("{path} is a folder: give the name of a file to write").format(path=path))
        if not path.parent.is_dir():
            raise UserError(tr("the folder {path_parent} does not exist").format(path_parent=path.parent))
        if path.exists() and not path.is_file():  # /dev/full, a pipe: never replaced by a file
            raise UserError(tr("{path} is not a file").format(path=path))
        if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise UserError(tr("cannot write {path} (permission denied)").format(path=path))
    except OSError as exc:  # a name too long, a folder that cannot be looked in
        raise UserError(tr("cannot write {path} ({x})").format(path=str(path)[:120], x=exc.strerror or exc)) from None
    return path


def tighten(*paths: str | Path) -> None:
    """Nobody but the owner may read: group and other bits are taken away from those that exist
    and belong to this user (others are left as the administrator set them). The owner's own
    bits stay as they are: a database made read-only is never made writable here."""
    if not POSIX:
        return
    for path in map(Path, paths):
        try:
            info = path.stat()
            if info.st_uid != os.getuid():
                continue
            mode = stat.S_IMODE(info.st_mode)
            if mode & 0o077:
                path.chmod(mode & 0o700)
        except (FileNotFoundError, PermissionError):
            continue


def disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def write_text(path_or_file, write: Callable[[IO[str]], None]) -> None:
    """`write(out)` to an open text stream (a CSV to the screen), or to a file whole or not at all."""
    if hasattr(path_or_file, "write"):
        write(path_or_file)
        return
    with written(path_or_file) as temp, open(temp, "w", newline="", encoding="utf-8") as out:
        write(out)


@contextmanager
def written(path: str | Path) -> Iterator[Path]:
    """Write a file whole or not at all: the caller writes the temporary file this yields, beside
    the target; it is synced, made the owner's alone (0600, whatever was there before) and renamed
    over the target. A killed process, a full disk or an error leaves the last good file as it
    was, and no half-written one under its name."""
    path = writable_file(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".partial", dir=path.parent)
    except OSError as exc:
        raise UserError(tr("cannot write {path} ({x})").format(path=str(path)[:120], x=exc.strerror or exc)) from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as out:
            os.fsync(out.fileno())
        if POSIX:
            temp.chmod(0o600)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if disk_full(exc):
            raise UserError(
                tr("The disk is full: {path} was not written (nothing half-written is left).").format(path=path)
            ) from None
        raise
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
