"""Home, Counts, Reorder and Reports as the supply lead uses them."""

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hrsupply.services import catalog, counts, item_editor, movements, purchase_orders
from hrsupply.services.ledger import Move
from hrsupply.ui.counts_screen import CountLinesModel, CountsScreen
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from tests.helpers import box_syringes, stock_map

NOW = datetime.now().replace(microsecond=0)


def ago(days: int, hour: int = 10) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days), datetime.min.time()).replace(hour=hour)


@pytest.fixture
def site(db, cat):
    """Syringes (boxes of 100, ordered by the box, from Henry Schein): 880 in, 400 handed out over two
    months, 480 left under the site minimum of 500. Naloxone lot C at the site; a van with a naloxone
    minimum and none on board."""
    box_syringes(db, cat.syr)
    cat.vendor = item_editor.save_source(db, "lead", "Henry Schein", "supplier")
    form = item_editor.load_item(db, cat.syr)
    form.order_pack, form.default_source = "box", "Henry Schein"
    item_editor.save_item(db, "lead", form)
    with db.write() as s:
        catalog.upsert_par(s, cat.van, cat.nal, 20, 10)
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 880, ago(60)),
            Move("receive", cat.nal, cat.site, 12, ago(60), lot_id=cat.lots["C"]),
            *[Move("handout", cat.syr, cat.site, 20, ago(d)) for d in range(1, 60, 3)],
        ],
    )
    return cat


@pytest.fixture
def window(shown, db, site):
    return shown(MainWindow(db, "lead"))


def cell(view, row, col):
    return view.model().data(view.model().index(row, col))


def test_home_tiles_show_what_needs_attention_and_open_its_screen(qtbot, window, site):
    home = window.screens["Home"]
    settle()
    assert (home.low.figure.text(), home.out.figure.text()) == ("1", "1")
    assert "Naloxone 4 mg nasal (2 doses) · VAN1" in home.out.detail.text()
    assert "Syringe 1 mL 28G 1/2 in · SITE: 480 (min 500)" in home.low.detail.text()
    assert "Mobile van: 0" in home.naloxone.detail.text() and "(min 10)" in home.naloxone.detail.text()
    assert sum(home.chart.trend.by_category["Syringes"]) == 400
    qtbot.mouseClick(home.low.button, Qt.LeftButton)
    settle()
    stock = window.screens["Stock"]
    settle()
    assert window.current_screen() is stock and stock.status.currentText() == "Below minimum"
    assert [(r.location, r.sku) for r in stock.model.rows] == [("VAN1", "NAL-4MG"), ("SITE", "SYR-1ML")]
    window.show_screen("Home")
    settle()
    qtbot.mouseClick(home.naloxone, Qt.LeftButton)
    settle()
    assert stock.category.currentText() == "Naloxone" and stock.status.currentIndex() == 0
    window.show_screen("Home")
    settle()
    qtbot.mouseClick(home.review.button, Qt.LeftButton)
    settle()
    assert window.current_screen() is window.screens["Supply"]
    assert window.screens["Supply"].tabs.tabText(window.screens["Supply"].tabs.currentIndex()) == "Adjust and review"


def type_count(qtbot, screen, row: int, text: str) -> None:
    """Type a figure into the Counted cell as a counter would, then Enter."""
    view = screen.table
    view.setCurrentIndex(screen.model.index(row, CountLinesModel.COUNTED))  # the cell opens for typing
    editor = view.focusWidget()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: screen.model.rows[row].counted is not None)  # the view commits after the key


def test_a_count_typed_in_survives_a_restart_and_posts_only_counted_lines(qtbot, shown, db, site):
    screen = shown(CountsScreen(db, "lead"))
    settle()
    screen.location.setCurrentIndex(screen.location.findData(site.site))
    settle()
    screen.blind.setChecked(True)
    settle()
    screen.start()
    settle()
    rows = {r.sku: n for n, r in enumerate(screen.model.rows)}
    assert screen.model.hide_expected and cell(screen.table, rows["SYR-1ML"], 3) == "—"  # blind
    type_count(qtbot, screen, rows["SYR-1ML"], "470")
    settle()
    assert "1 of 2 lines counted" in screen.progress.text()
    assert "1 of 2 counted" in screen.list.currentItem().text()
    screen.close()
    settle()

    again = shown(CountsScreen(db, "lead"))  # the app was closed and opened again
    settle()
    assert again.count is not None and again.count.status == "open"
    syr = next(r for r in again.model.rows if r.sku == "SYR-1ML")
    settle()
    assert syr.counted == 470
    again.only_differences.setChecked(True)  # the review shows expected figures and differences
    settle()
    assert not again.model.hide_expected
    row = next(n for n, r in enumerate(again.model.rows) if r.sku == "SYR-1ML")
    settle()
    assert cell(again.table, row, 3) == "480" and cell(again.table, row, 5) == "-10"
    again.ask_yes_no = lambda *_a, **_k: True
    again.post()
    settle()
    assert "1 line(s) counted, 1 corrected, 1 left as they were" in again.message.text()
    on_hand = stock_map(db, lots=True)
    settle()
    assert on_hand[("SITE", "SYR-1ML", None)] == 470 and on_hand[("SITE", "NAL-4MG", "C")] == 12


def test_count_sheet_prints_blind(qtbot, shown, db, site):
    screen = shown(CountsScreen(db, "lead"))
    settle()
    screen.blind.setChecked(True)
    settle()
    screen.start()
    settle()
    printed = []
    screen.preview = printed.append
    screen.print_sheet()
    settle()
    from pypdf import PdfReader

    text = PdfReader(printed[0]).pages[0].extract_text()
    settle()
    assert "blind count" in text and "Expected" not in text


def test_reorder_drafts_an_order_sends_it_and_receives_against_it(qtbot, window, db, site):
    reorder = window.show_screen("Reorder")
    settle()
    tab = reorder.suggestions
    syr = next(l for l in tab.model.rows if l.sku == "SYR-1ML")
    settle()
    assert (syr.pack, syr.status) == ("box", "below minimum") and syr.packs > 0
    tab.only.setChecked(True)
    settle()
    assert [l.sku for l in tab.model.rows] == ["SYR-1ML"]  # naloxone at the site needs nothing
    tab.model.setData(tab.model.index(0, tab.model.PACKS), "12")  # the lead orders a bit more
    settle()
    tab.draft_orders()
    settle()
    orders = reorder.orders
    assert reorder.tabs.currentWidget() is orders
    [draft] = orders.model.rows
    assert (draft.status, draft.source, draft.ordered) == ("draft", "Henry Schein", 1200)

    orders.table.selectRow(0)
    settle()
    orders.add_item.setFocus()
    settle()
    qtbot.keyClicks(orders.add_item, "naloxone")
    settle()
    qtbot.keyClick(orders.add_item, Qt.Key_Return)
    settle()
    assert [l.sku for l in orders.lines.rows] == ["NAL-4MG", "SYR-1ML"]
    orders.mark_sent()
    settle()
    assert orders.model.rows[0].status == "sent"

    qtbot.mouseClick(orders.receive_button, Qt.LeftButton)
    settle()
    supply = window.screens["Supply"]
    settle()
    assert window.current_screen() is supply
    receive = supply.receive
    assert receive.reference.text() == draft.number
    assert [(r.item.sku, r.pack.currentData(), r.count.value()) for r in receive.rows] == [
        ("NAL-4MG", "", 1),
        ("SYR-1ML", "box", 12),
    ]
    receive.rows[1].count.setValue(5)  # five boxes came; naloxone did not
    settle()
    receive.table.setCurrentCell(0, 0)
    settle()
    receive.remove_line()
    settle()
    receive.ask_yes_no = lambda *_a, **_k: True  # 500 syringes: "is that right?" — yes
    receive.save()
    settle()
    assert "Received 1 line (500 each)" in receive.message.text()
    [order] = purchase_orders.orders(db)
    settle()
    assert (order.status, order.received, order.due) == ("partly received", 500, 701)
    assert stock_map(db)[("SITE", "SYR-1ML")] == 980


def test_reconciliation_drill_down_and_excel_export(qtbot, window, db, site, tmp_path):
    reports = window.show_screen("Reports")
    settle()
    tab = reports.reconciliation
    reports.tabs.setCurrentWidget(tab)
    tab.start.setDate(date.today() - timedelta(days=90))
    qtbot.waitUntil(lambda: not tab._settle.isActive())  # read once the date has settled
    settle()
    lines = {(tab.model.rows[n].location, tab.model.rows[n].sku): n for n in range(len(tab.model.rows) - 1)}
    total = tab.model.rows[-1]
    assert total["location"] == "Total" and total["received"] == 892
    row = lines[("SITE", "SYR-1ML")]
    tab.drill(tab.model.index(row, 6))  # handed out
    settle()
    assert tab.behind_model.rowCount() == 20
    assert sum(b.quantity for b in tab.behind_model.rows) == 400 == tab.model.rows[row].handed_out
    assert "together 400" in tab.behind_title.text()
    tab.exports.ask_path = lambda kind: str(tmp_path / "reconciliation")
    settle()
    with qtbot.waitSignal(tab.exports.finished, timeout=10000) as done:
        tab.exports.export("xlsx")
        settle()
    assert done.args == [str(tmp_path / "reconciliation.xlsx")]
    ws = load_workbook(done.args[0]).active
    assert ws.freeze_panes == "A5" and [c.value for c in ws[4]][6] == "Handed out"
    assert "Saved" in tab.message.text()


def test_counts_are_listed_newest_open_first(db, site):
    first = counts.start(db, "lead", site.van)
    settle()
    counts.discard(db, "lead", first)
    settle()
    second = counts.start(db, "lead", site.site)
    settle()
    assert [c.id for c in counts.counts(db)] == [second, first]


def test_a_date_typed_digit_by_digit_reads_the_period_once(qtbot, window, db, site, monkeypatch):
    """Today every change of either date reran a whole reconciliation on the UI thread."""
    from hrsupply.services import reconcile

    reads = []
    real = reconcile.reconcile
    monkeypatch.setattr(reconcile, "reconcile", lambda *a, **kw: reads.append(a[1:3]) or real(*a, **kw))
    reports = window.show_screen("Reports")
    tab = reports.reconciliation
    reports.tabs.setCurrentWidget(tab)
    settle()
    reads.clear()
    for days in (10, 20, 40, 90):  # the calendar clicked through, or the year typed
        tab.start.setDate(date.today() - timedelta(days=days))
    qtbot.waitUntil(lambda: not tab._settle.isActive())
    settle()
    assert reads == [(date.today() - timedelta(days=90), date.today())]
    assert tab.model.rows and tab.model.rows[-1]["received"] == 892


def test_figures_typed_down_a_count_land_one_per_line(qtbot, shown, db, site):
    """`326⏎70⏎50⏎` from the first line: three lines counted (Qt's table kept the cursor on the
    cell, so each figure overwrote the one before: one item counted as 50, a −276 variance)."""
    with db.write() as s:
        socks = catalog.upsert_item(s, "SOCKS", name="Socks (pair)", category="Clothing", unit="pair")
        s.flush()
        socks = socks.id
    movements.record(db, "lead", [Move("receive", socks, site.site, 60, ago(5))])
    screen = shown(CountsScreen(db, "lead"))
    settle()
    screen.location.setCurrentIndex(screen.location.findData(site.site))
    screen.start()
    settle()
    table = screen.table
    focus = QApplication.focusWidget()  # the first line's Counted, open to type in
    assert (focus is table or table.isAncestorOf(focus)) and table.currentIndex().row() == 0
    for figure in ("326", "70", "50"):
        qtbot.keyClicks(QApplication.focusWidget(), figure)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
        settle()
    assert [r.counted for r in screen.model.rows] == [326, 70, 50]
    assert len({r.item_id for r in screen.model.rows}) == 3


def test_the_reconciliations_closing_figure_is_in_sight_at_1280(shown, db, cat):
    from hrsupply.services.reconcile import COLUMNS
    from hrsupply.ui.main_window import MainWindow

    window = shown(MainWindow(db, "admin"))
    window.resize(1280, 720)
    reports = window.show_screen("Reports")
    reports.tabs.setCurrentWidget(reports.reconciliation)
    settle()
    table = reports.reconciliation.table
    header = table.horizontalHeader()
    closing = COLUMNS.index("closing")
    assert header.visualIndex(closing) == header.visualIndex(COLUMNS.index("opening")) + 1
    assert header.sectionViewportPosition(closing) + header.sectionSize(closing) <= table.viewport().width()
