"""The one place an unexpected error goes: the log file and a dialog in plain words.

`install(folder)` routes `sys.excepthook` (an exception in any slot), `threading.excepthook` and
Qt's own warnings here. The log rotates (1 MB × 5) in the data folder, is the owner's alone, and
keeps no participant codes or PINs: SQL parameters never reach exception texts (the engine hides
them) and anything shaped like a code is blanked before a line is written or shown."""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from hrsupply.files import private_dir, tighten

log = logging.getLogger("hrsupply")
# Whatever could be a participant code, a lot, a PIN or a password is blanked. Codes are letters,
# digits and hyphens (3 to 20); people type them in any script and case, so: a stored hash; a
# base64 run (a salt, a digest); letters and digits mixed, in any script, hyphens too; 4+ digits;
# an upper-case word (a letters-only code); a hyphenated run of words (a passphrase); any word in
# letters other than plain ASCII (a code typed in another script or with accents). Over-blanking a
# SKU or an exception's name in a log is a fair price for never keeping a code; the words a log's
# own lines are made of stay readable.
_SECRETS = re.compile(
    r"scrypt\$\S+"
    r"|(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{16,}={0,2}"
    r"|\b(?=[\w-]*[^\W\d_])(?=[\w-]*\d)[\w-]+"
    r"|\b\d{4,}\b"
    r"|\b[A-Z][A-Z-]{2,}\b"
    r"|\b[^\W\d_]+(?:-[^\W\d_]+)+\b"
    r"|\b\w*[^\x00-\x7f\W]\w*\b"
)
_KEPT = {"ERROR", "WARNING", "INFO", "DEBUG", "CRITICAL", "SQL", "PIN", "UTC", "SKU", "CSV", "PDF", "XLSX", "URL", "UI"}
_PARAMETERS = re.compile(r"\[parameters: .*?\]", re.S)
dialogs: list = []  # the error dialogs open now (tests look here)
_previous: list = []  # what install() replaced: the hooks, then Qt's message handler


def scrub(text: str) -> str:
    """`text` fit for the log and the clipboard: no SQL parameters, nothing code- or PIN-shaped."""
    hidden = _PARAMETERS.sub("[parameters hidden]", text)
    return _SECRETS.sub(lambda m: m.group() if m.group() in _KEPT else "▒", hidden)


class _Scrubbed(logging.Formatter):
    """The time as it is (a year is four digits, like a PIN), then the rest scrubbed."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{self.formatTime(record)} {scrub(super().format(record))}"


def log_file(folder: Path) -> Path:
    return folder / "hrsupply.log"


def install(folder: Path) -> Path:
    """Start logging to `folder` and catch every unexpected error from here on."""
    folder = private_dir(folder)
    path = log_file(folder)
    for handler in list(log.handlers):  # a second install (tests, sign in again) replaces the first
        log.removeHandler(handler)
        handler.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(_Scrubbed("%(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    tighten(path)
    if not _previous:
        _previous.append((sys.excepthook, threading.excepthook))
    sys.excepthook = _excepthook
    threading.excepthook = lambda args: report(args.exc_value)
    qt_before = qInstallMessageHandler(_qt_message)
    if len(_previous) == 1:
        _previous.append(qt_before)
    return path


def uninstall() -> None:
    """Put back what `install` replaced (tests: each leaves the process as it found it)."""
    if _previous:
        sys.excepthook, threading.excepthook = _previous[0]
        qInstallMessageHandler(_previous[1] if len(_previous) > 1 else None)
        _previous.clear()
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


def _excepthook(kind, value, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    report(value)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind, context, text: str) -> None:
    log.log(_QT_LEVELS.get(kind, logging.WARNING), "Qt: %s", text)


def details(exc: BaseException) -> str:
    return scrub("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def logged(exc: BaseException) -> None:
    """Log an unexpected error nobody is waiting on (a read for a screen that has gone)."""
    log.error("unexpected error, nobody waiting on it\n%s", details(exc))


def report(exc: BaseException) -> None:
    """Log an unexpected error and tell whoever is at the screen, in plain words."""
    text = details(exc)
    log.error("unexpected error\n%s", text)
    if QApplication.instance() is None or threading.current_thread() is not threading.main_thread():
        sys.stderr.write(text)  # no window to show it in: the log and stderr have it
        return
    if len(dialogs) >= 3:  # a fault repeating on every tick: the log has the rest
        return
    from hrsupply.ui.error_dialog import ErrorDialog  # its Qt classes load on the first error

    dialog = ErrorDialog(text, log)
    dialogs.append(dialog)
    dialog.finished.connect(lambda _r, d=dialog: dialogs.remove(d) if d in dialogs else None)
    dialog.show()
