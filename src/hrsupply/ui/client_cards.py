"""Client cards at the front desk: "Print card" (Ctrl+P) for the participant in hand, and a card
scanned anywhere on the desk selecting its participant.

A wedge scanner types the code and Enter faster than anyone types: keys a few milliseconds apart
ending in Enter, in a part of the desk that is not the code or item field, are a scanned card
(what they typed into a number field on the way is put back). A code has a letter in it: digits
typed fast are a quantity, never a card."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QApplication, QLineEdit, QWidget

from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.services import program
from hrsupply.ui import ops

SCAN_GAP = 0.05  # seconds between a scanner's keys at most (people type 0.1 s apart or more)
SHORTEST_SCAN = 3
MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
MODIFIER_KEYS |= {Qt.Key.Key_CapsLock}


def _services():
    from hrsupply.services import cards

    return cards


def print_card(owner: QWidget, db, user: str, code: str, location_id: int | None, layout: str = "wallet") -> None:
    """The card in the print preview; kept as issued once it is printed or saved."""
    from hrsupply.ui import pdf_preview  # pdfium loads when a card is printed, not with the desk

    cards = _services()

    def make() -> tuple[Path, list]:
        issued = cards.next_cards(db, user, [code])
        path = pdf_preview.scratch(owner) / f"card-{issued[0].code}-{issued[0].number}.pdf"
        cards.write(path, issued, cards.text(db), layout)
        return path, issued

    def show(made) -> None:
        path, issued = made
        done = []
        preview = pdf_preview.PdfPreview(path, tr("Client card"), path.name, owner)
        preview.on_printed = lambda: done.append(True)
        preview.exec()
        if done:
            ops.run(owner, lambda: cards.record(db, user, issued, location_id), lambda _r: _said(owner, issued[0]))

    ops.run(owner, make, show)


def _said(owner: QWidget, card) -> None:
    message = getattr(owner, "message", None)
    if message is not None:
        if card.number > 1:
            message.ok(tr("Card {n} printed for {code} (a replacement).").format(n=card.number, code=card.code))
        else:
            message.ok(tr("Card printed for {code}.").format(code=card.code))


class CardKeys:
    """The front desk's card keys (mixed into FrontDeskScreen: it has `code`, `lines`,
    `_code_list`, `location`, `message` and `_code_entered`)."""

    def _known(self, text: str) -> str | None:
        """The code as stored if it is a participant's known here (from the desk's list)."""
        try:
            code = program.normalize_code(text)
        except UserError:
            return None
        return code if code and code in set(self._code_list.stringList()) else None

    def print_card(self) -> None:
        """The card of the code in the field, else of the visit just saved."""
        try:
            code = program.normalize_code(self.code.text()) or self._last_code
        except UserError as exc:
            self.message.error(str(exc))
            return
        if not code:
            self.message.error(tr("Type or scan the participant's code first: an anonymous visit has no card."))
            return
        print_card(self, self.db, self.user, code, self.location.currentData())

    def card_scanned(self, text: str) -> None:
        """A card scanned: its participant is selected (asked first if the visit has lines for
        someone else). An unknown code changes nothing: a new participant's code is typed."""
        code = self._known(text)
        if code is None:
            self.message.error(
                tr("No participant with the code {x} is known here; nothing was changed.").format(x=text.strip())
            )
            return
        current = self._known(self.code.text())
        if self.lines.rows and current != code:
            if not self.ask_yes_no(
                tr("Client card scanned"), tr("Record this visit for {code}? The lines on it stay.").format(code=code)
            ):
                return
        self.code.setText(code)
        self._code_entered()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        QApplication.instance().installEventFilter(self._scans)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        QApplication.instance().removeEventFilter(self._scans)
        super().hideEvent(event)


class ScanCatcher(QObject):
    """Watches the desk's keys (installed on the application while the desk is shown) and hands
    a scanned code to `scanned(text)`."""

    def __init__(self, desk: QWidget, skip: tuple[QWidget, ...], scanned):
        super().__init__(desk)
        self.desk, self.skip, self.scanned = desk, skip, scanned
        self.buffer, self.last, self.snapshot = "", 0.0, None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or obj is not QApplication.focusWidget():
            return False
        if obj in self.skip or not self.desk.isAncestorOf(obj):
            return False
        if event.key() in MODIFIER_KEYS:  # a scanner presses Shift for each capital letter
            return False
        now, quick = time.monotonic(), time.monotonic() - self.last <= SCAN_GAP
        self.last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text, self.buffer = self.buffer, ""
            # A code has a letter: fast digits and Enter are a number typed (a line's quantity).
            if quick and len(text) >= SHORTEST_SCAN and any(ch.isalpha() for ch in text):
                self._put_back(obj)
                self.scanned(text)
                return True
            return False
        char = event.text()
        if not char or not char.isprintable() or event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            self.buffer = ""
            return False
        if not quick:
            self.buffer, self.snapshot = "", _state(obj)
        self.buffer += char
        # A list does nothing useful with a letter (it jumps to a row): keep the row where it is.
        return isinstance(obj, QAbstractItemView) and char.isalpha()

    def _put_back(self, obj) -> None:
        """Undo what the scan typed into a number or text field on its way."""
        if self.snapshot is None or self.snapshot[0] is not obj:
            return
        _widget, value = self.snapshot
        if isinstance(obj, QAbstractSpinBox) and hasattr(obj, "setValue"):
            obj.setValue(value)
        elif isinstance(obj, QLineEdit):
            obj.setText(value)


def _state(obj):
    if isinstance(obj, QAbstractSpinBox) and hasattr(obj, "value"):
        return obj, obj.value()
    if isinstance(obj, QLineEdit):
        return obj, obj.text()
    return None
