"""Client cards at the front desk: Ctrl+P prints the participant's card (kept once printed), and a
card scanned (the code and Enter, as fast as a wedge scanner types) selects its participant from
the code field, the item field or anywhere else on the desk."""

import pytest
from PySide6.QtCore import Qt

from hrsupply.services import cards, visits
from hrsupply.ui import ops, pdf_preview
from tests.ui import test_front_desk as front_desk
from tests.ui.test_front_desk import Keyboard

shop, desk = front_desk.shop, front_desk.desk  # the front desk's fixtures


def scan(qtbot, widget, code: str) -> None:
    """A wedge scanner: the code and Enter, a millisecond apart."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key_Return)


@pytest.fixture
def printed(monkeypatch):
    """The preview's Print pressed: what was shown is kept as printed."""
    shown = []

    def exec_(self):
        shown.append(self.path)
        if self.on_printed:
            self.on_printed()
        return 0

    monkeypatch.setattr(pdf_preview.PdfPreview, "exec", exec_)
    return shown


def test_a_card_scanned_into_the_code_field_selects_its_participant(qtbot, desk):
    scan(qtbot, desk.code, "MAJO85")
    qtbot.waitUntil(lambda: "Last visit" in desk.last_visit.text())
    assert desk.code.text() == "MAJO85" and desk.item.hasFocus()


def test_a_card_scanned_into_the_item_field_of_an_empty_visit_selects_its_participant(qtbot, desk):
    Keyboard(qtbot).focus(desk.item)
    scan(qtbot, desk.item, "majo85")
    qtbot.waitUntil(lambda: "Last visit" in desk.last_visit.text())
    assert desk.code.text() == "MAJO85" and desk.item.text() == "" and desk.lines.rowCount() == 0


@pytest.mark.parametrize("answer", [True, False])
def test_a_card_scanned_over_lines_asks_first(qtbot, desk, monkeypatch, answer):
    kb = Keyboard(qtbot)
    kb.press(Qt.Key_F2)
    kb.type("20 syr")
    kb.press(Qt.Key_Return)
    assert desk.lines.rowCount() == 1
    asked = []
    monkeypatch.setattr(desk, "ask_yes_no", lambda title, text, **_: asked.append(text) or answer)
    scan(qtbot, desk.item, "MAJO85")
    assert asked and "MAJO85" in asked[0]
    if answer:
        qtbot.waitUntil(lambda: desk.code.text() == "MAJO85")
    else:
        assert desk.code.text() == ""
    assert desk.lines.rowCount() == 1  # the lines stay either way


def test_a_card_scanned_into_a_number_field_selects_it_and_leaves_the_number(qtbot, desk):
    desk.returned.setValue(12)
    Keyboard(qtbot).focus(desk.returned)
    scan(qtbot, desk.returned, "MAJO85")
    qtbot.waitUntil(lambda: desk.code.text() == "MAJO85")
    assert desk.returned.value() == 12


def test_a_card_scanned_into_todays_list_selects_it(qtbot, desk):
    Keyboard(qtbot).focus(desk.today_view)
    scan(qtbot, desk.today_view, "MAJO85")
    qtbot.waitUntil(lambda: desk.code.text() == "MAJO85")


def test_a_scanner_that_presses_shift_for_each_capital_is_read_whole(qtbot, desk):
    """Found on a real X display: a wedge scanner (and xdotool) sends Shift before each capital;
    a Shift must not start the code over (it read "N55" of "ANIN55")."""
    Keyboard(qtbot).focus(desk.today_view)
    for ch in "MAJO85":
        if ch.isalpha():
            qtbot.keyPress(desk.today_view, Qt.Key_Shift)
        qtbot.keyClick(desk.today_view, ch, Qt.ShiftModifier if ch.isalpha() else Qt.NoModifier)
        if ch.isalpha():
            qtbot.keyRelease(desk.today_view, Qt.Key_Shift)
    qtbot.keyClick(desk.today_view, Qt.Key_Return)
    qtbot.waitUntil(lambda: desk.code.text() == "MAJO85")


def test_typing_at_a_persons_pace_is_no_scan(qtbot, desk):
    Keyboard(qtbot).focus(desk.returned)
    desk.returned.selectAll()
    for ch in "15":
        qtbot.keyClick(desk.returned, ch)
        qtbot.wait(120)
    qtbot.keyClick(desk.returned, Qt.Key_Return)
    assert desk.returned.value() == 15 and desk.code.text() == ""


def test_an_unknown_card_says_so_and_creates_nobody(qtbot, db, desk):
    Keyboard(qtbot).focus(desk.returned)
    scan(qtbot, desk.returned, "ZZZZ99")
    assert "No participant with the code ZZZZ99" in desk.message.text()
    assert desk.code.text() == "" and "ZZZZ99" not in visits.known_codes(db, "desk")


def test_ctrl_p_prints_the_card_and_a_second_is_card_2(qtbot, db, desk, printed):
    kb = Keyboard(qtbot)
    kb.type("MAJO85")
    kb.press(Qt.Key_Return)
    kb.press(Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "Card printed for MAJO85" in desk.message.text())
    kb.press(Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "Card 2 printed for MAJO85" in desk.message.text())
    assert [n for n, _at in cards.history(db, "desk", "MAJO85")] == [1, 2]
    assert "card-MAJO85-2.pdf" in str(printed[-1])


def test_a_preview_closed_without_printing_keeps_no_card(qtbot, db, desk, monkeypatch):
    """Closed with Escape, as a person does: the dialog closes (its own `done` untouched)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def escape() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, escape)
            return
        qtbot.keyClick(dialog, Qt.Key_Escape)

    QTimer.singleShot(0, escape)
    desk.code.setText("MAJO85")
    desk.print_card()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None and not ops.busy(desk, None))
    qtbot.wait(200)
    assert cards.history(db, "desk", "MAJO85") == [] and desk.message.text() == ""


def test_a_new_code_saved_is_offered_its_card(qtbot, db, desk, printed):
    kb = Keyboard(qtbot)
    kb.type("NEWP01")
    kb.press(Qt.Key_Return)
    kb.type("20 syr")
    kb.press(Qt.Key_Return)
    kb.press(Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "Ctrl+P prints their client card" in desk.message.text())
    assert desk.code.text() == ""
    kb.press(Qt.Key_P, Qt.ControlModifier)  # the form is clear: the card is the visit's just saved
    qtbot.waitUntil(lambda: "Card printed for NEWP01" in desk.message.text())
    assert len(cards.history(db, "desk", "NEWP01")) == 1


def test_an_anonymous_visit_has_no_card(qtbot, desk, printed):
    Keyboard(qtbot).press(Qt.Key_P, Qt.ControlModifier)
    assert "anonymous visit has no card" in desk.message.text() and not printed


def test_the_preview_prints_a_wallet_card_on_card_sized_paper(qtbot, db, desk, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    path = tmp_path / "card.pdf"
    cards.print_cards(db, "desk", ["MAJO85"], path)
    preview = pdf_preview.PdfPreview(path, "Client card", "card.pdf", desk)
    assert (preview.pages[0].width(), preview.pages[0].height()) == (372, 234)  # 3.375 × 2.125 in at 110 dpi
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.paper_for(printer)  # what Print… does before the dialog
    preview.print_to(printer)
    box = PdfReader(tmp_path / "printed.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (243, 153)
    preview.close()


def test_a_sheet_printed_through_the_preview_lines_up_with_the_card_stock(qtbot, db, desk, tmp_path):
    """Letter paper, from the edge, at full size: what prints falls where the PDF put it (the
    ink's outline of both, rendered alike, within a pixel at 72 dpi) and so on the stock's cards."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    path = tmp_path / "sheet.pdf"
    cards.print_cards(db, "desk", ["MAJO85"], path, layout="sheet")
    preview = pdf_preview.PdfPreview(path, "Client cards", "sheet.pdf", desk)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.paper_for(printer)
    preview.print_to(printer)
    preview.close()

    def ink(pdf) -> tuple[tuple[int, int], tuple[int, int, int, int]]:
        doc = pdfium.PdfDocument(str(pdf))
        image = doc[0].render(scale=1).to_pil().convert("L")
        doc.close()
        return image.size, image.point(lambda v: 255 if v < 128 else 0).getbbox()

    (size, box), (printed_size, printed_box) = ink(path), ink(printed)
    assert size == printed_size == (612, 792)
    assert all(abs(a - b) <= 1 for a, b in zip(box, printed_box)), (box, printed_box)
    # The first card's ink sits inside the first card of the stock (0.75 in, 0.5 in from the top).
    left, top, right, bottom = box
    assert 54 <= left and right <= 54 + 252 and 36 <= top and bottom <= 36 + 144
