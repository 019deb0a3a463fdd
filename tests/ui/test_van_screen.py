"""The Van screen: load-out edited and printed (preview opens offscreen), confirmed once, the
evening close-out, the shift's reconciliation, and reprinting from history."""

from datetime import date, datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from hrsupply.services import catalog, movements
from hrsupply.services.ledger import Move
from hrsupply.ui.ops import settle
from hrsupply.ui.pdf_preview import PdfPreview
from hrsupply.ui.van_screen import VanScreen
from tests.helpers import stock_map, stock_the_site_for_the_van


@pytest.fixture
def van(shown, db, cat):
    stock_the_site_for_the_van(db, cat)
    screen = shown(VanScreen(db, "crew"))
    settle()
    screen.printed = []
    screen.preview = lambda path, title, name: screen.printed.append(PdfReader(path).pages[0].extract_text())
    answering(screen, True)
    return screen


def answering(screen, answer: bool) -> None:
    """Each question the screen asks is kept in `screen.asked` and answered `answer`."""
    screen.asked = []
    screen.ask_yes_no = lambda title, text, **_: screen.asked.append(text) or answer


def take(screen, row: int, value: int) -> None:
    model = screen.load_tab.plan_model
    assert model.setData(model.index(row, model.TAKE), value)


def test_edit_the_lots_print_and_confirm_once(qtbot, db, van, cat, monkeypatch):
    rows = van.load_tab.plan_model.rows
    assert [(r.line.sku, r.lot.lot if r.lot.lot else None, r.quantity) for r in rows] == [
        ("NAL-4MG", "A", 10),
        ("NAL-4MG", "B", 8),
        ("SYR-1ML", None, 600),
    ]
    take(van, 0, 4)  # four from lot A, the rest from B
    settle()
    assert not van.load_tab.plan_model.setData(
        van.load_tab.plan_model.index(1, van.load_tab.plan_model.TAKE), 9
    )  # B only has 8
    van.crew.setText("Ana, Ben")
    settle()
    van.load_tab.preview_button.click()
    settle()
    assert "Crew: Ana, Ben" in van.printed[0] and "A (2026-12-31): 4" in van.printed[0]
    answering(van, False)
    van.load_tab.confirm_button.click()  # what moves, said before anything does
    settle()
    assert van.asked == ["Move 2 lines (612 each) from Fixed site (SITE) to Mobile van (VAN1)?"]
    assert stock_map(db).get(("VAN1", "SYR-1ML")) is None and van.load_tab.load_message.text() == ""
    answering(van, True)
    van.load_tab.confirm_button.click()
    settle()
    assert len(van.asked) == 1 and "Loaded: load-out" in van.load_tab.load_message.text()
    assert stock_map(db, lots=True)[("VAN1", "NAL-4MG", "A")] == 4
    assert stock_map(db)[("VAN1", "SYR-1ML")] == 600
    answering(van, False)
    van.load_tab.confirm_button.click()  # the 6 kits left out: a second trip is asked about, once
    settle()
    [question] = van.asked
    assert "already loaded" in question and "Move 1 line (6 each)" in question
    assert stock_map(db)[("VAN1", "SYR-1ML")] == 600
    for row in range(len(van.load_tab.plan_model.rows)):
        take(van, row, 0)
    answering(van, True)
    van.load_tab.confirm_button.click()  # nothing to load: said without asking
    settle()
    assert van.asked == [] and van.load_tab.load_message.text() == "Nothing to load: every line is 0."


def test_loading_twice_asks_first(qtbot, db, van, cat, monkeypatch):
    van.load_tab.confirm_button.click()
    settle()
    movements.record(db, "lead", [Move("handout", cat.syr, cat.van, 50, datetime.now())])
    settle()
    van.refresh()
    settle()
    answering(van, False)
    van.load_tab.confirm_button.click()
    settle()
    [question] = van.asked  # once: the earlier trip and what moves, in one question
    assert question.startswith("This was already loaded for ") and "by crew. Load a second trip?" in question
    assert "Move 1 line (50 each)" in question and stock_map(db)[("VAN1", "SYR-1ML")] == 550
    answering(van, True)
    van.load_tab.confirm_button.click()
    settle()
    assert len(van.asked) == 1 and stock_map(db)[("VAN1", "SYR-1ML")] == 600


def test_close_out_then_the_shift_reconciles_and_history_reprints(qtbot, db, van, cat):
    van.load_tab.confirm_button.click()
    settle()
    movements.record(db, "lead", [Move("handout", cat.syr, cat.van, 120, datetime.now())])
    settle()
    van.tabs.setCurrentIndex(1)
    settle()
    van.refresh()
    settle()
    model = van.close_tab.count_model
    van.close_tab.blind.setChecked(True)
    settle()
    assert model.data(model.index(0, 3)) == "—"  # a blind count hides what is expected
    syr = next(n for n, l in enumerate(model.rows) if l.sku == "SYR-1ML")
    settle()
    model.setData(model.index(syr, 4), "470")
    settle()
    model.setData(model.index(syr, 5), "100")
    settle()
    model.setData(model.index(syr, 6), "box dropped")
    settle()
    asked = []
    van.close_tab.ask_yes_no = lambda title, text, **_: asked.append(text) or True
    van.close_tab.close_button.click()
    settle()
    assert "Close-out saved" in van.close_tab.close_message.text()
    assert asked and asked[0].startswith("The close-out moves: ")  # a 30 short and 100 back: asked once
    assert stock_map(db)[("VAN1", "SYR-1ML")] == 370 and stock_map(db)[("SITE", "SYR-1ML")] == 4500
    line = next(l for l in van.rec_tab.rec_model.rows if l.sku == "SYR-1ML")
    settle()
    assert (line.loaded, line.handed_out, line.expected, line.counted, line.variance, line.returned) == (
        600,
        120,
        480,
        470,
        -10,
        100,
    )
    van.rec_tab.rec_button.click()
    settle()
    assert "box dropped" in van.printed[-1]
    assert van.history_tab.history.count() == 2
    load_entry = next(
        n for n in range(van.history_tab.history.count()) if "load-out" in van.history_tab.history.item(n).text()
    )
    settle()
    van.history_tab.history.setCurrentRow(load_entry)
    settle()
    van.history_tab.reopen_button.click()
    settle()
    assert "Load-out sheet (reprint)" in van.printed[-1] and "600" in van.printed[-1]


def test_print_preview_renders_every_page_offscreen(qtbot, db, van, tmp_path):
    from hrsupply.services.van_sheets import write_pick_sheet

    path = write_pick_sheet(
        tmp_path / "sheet.pdf",
        program="Test",
        title="Load-out sheet",
        from_name="Site",
        to_name="Van",
        day=date.today(),
        lines=van.load_tab.plan_model.pick_lines() * 12,
    )
    preview = PdfPreview(path, "Load-out sheet", "sheet.pdf")
    settle()
    qtbot.addWidget(preview)
    settle()
    preview.show()
    settle()
    assert len(preview.pages) == len(PdfReader(path).pages) >= 2
    room = preview.screen().availableGeometry()  # a 1280×720 laptop: the buttons stay on screen
    assert preview.frameGeometry().height() <= room.height() and preview.width() <= room.width()
    assert preview.pages[0].width() == 1210 and preview.pages[0].height() == 935  # 11 × 8.5 in at 110 dpi
    # Opened fitted to the width: the whole page across, zoom in and out by key or button.
    page, room = preview.page_labels[0], preview.scroll.viewport().width()
    assert room - 40 <= page.width() <= room
    fitted = page.width()
    qtbot.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.width() == round(1210 * preview.zoom) > fitted
    preview.fit_width()
    room = preview.scroll.viewport().width()  # the zoomed page's scroll bar may have come or gone
    assert page.width() < round(1210 * 1.25 * fitted / 1210) and room - 40 <= page.width() <= room
    labels = {b.text() for b in preview.findChildren(QPushButton)}
    assert {"&Print…", "&Save as PDF…", "&Close", "Fit &width"} <= labels
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.print_to(printer)  # what the print dialog's OK does
    settle()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(preview.pages)
    saved = tmp_path / "copy.pdf"
    preview.ask_path = lambda: str(saved)
    settle()
    preview.save_as()
    settle()
    assert saved.read_bytes() == path.read_bytes()


def test_restocking_a_partner_site_prints_a_pick_list(qtbot, db, van, cat):
    from hrsupply.services import item_editor

    partner = item_editor.save_location(db, "lead", "PARTNER", "Partner drop-in", "other")
    settle()
    with db.write() as s:
        catalog.upsert_par(s, partner, cat.syr, 200, None)
        settle()
    screen = VanScreen(db, "lead")
    settle()
    qtbot.addWidget(screen)
    settle()
    screen.printed = []
    screen.preview = lambda path, title, name: screen.printed.append(PdfReader(path).pages[0].extract_text())
    answering(screen, True)
    settle()
    screen.van.setCurrentIndex(screen.van.findData(partner))
    settle()
    assert [(r.line.sku, r.quantity) for r in screen.load_tab.plan_model.rows] == [("SYR-1ML", 200)]
    screen.load_tab.preview_button.click()
    settle()
    assert screen.printed[0].startswith("Pick list — Partner drop-in (PARTNER)")
    screen.load_tab.confirm_button.click()
    settle()
    assert stock_map(db)[("PARTNER", "SYR-1ML")] == 200


def test_close_out_marks_expired_lots_on_the_van(qtbot, db, van, cat):
    movements.record(db, "admin", [Move("receive", cat.nal, cat.van, 9, datetime(2026, 1, 5), lot_id=cat.lots["OLD"])])
    settle()
    van.tabs.setCurrentIndex(1)
    settle()
    van.refresh()
    settle()
    model = van.close_tab.count_model
    [old] = [n for n, l in enumerate(model.rows) if l.lot == "OLD"]
    assert model.data(model.index(old, 2)) == "2026-01-31 EXPIRED: bring back"
    assert model.data(model.index(old, 2), role=0x08) is not None  # highlighted (Qt.BackgroundRole)
    others = [model.data(model.index(n, 2)) for n, l in enumerate(model.rows) if l.lot != "OLD"]
    assert not any("EXPIRED" in text for text in others)
