"""The Stock screen, driven as a user would: typing, choosing filters, selecting rows, scrolling."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from hrsupply.services import movements
from hrsupply.services.ledger import Move
from hrsupply.ui.main_window import SCREENS, MainWindow
from hrsupply.ui.ops import settle
from hrsupply.ui.stock_screen import StockScreen
from tests.conftest import at


def visible(screen):
    m = screen.model
    return [
        (m.data(m.index(r, 1)), m.data(m.index(r, 3)), m.data(m.index(r, 4)), m.data(m.index(r, 10)))
        for r in range(m.rowCount())
    ]


@pytest.fixture
def stocked(db, cat):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 1200, at(1)),
            Move("receive", cat.nal, cat.site, 6, at(1), lot_id=cat.lots["A"]),  # expires 2026-12-31
            Move("transfer", cat.syr, cat.site, 900, at(2), to_location_id=cat.van),
            Move("transfer", cat.nal, cat.site, 6, at(2), to_location_id=cat.van),
        ],
    )
    return cat


@pytest.fixture
def screen(qtbot, db, stocked):
    widget = StockScreen(db)
    qtbot.addWidget(widget)
    widget.show()
    settle()
    return widget


def test_lists_on_hand_by_item_and_location_with_status(screen):
    rows = visible(screen)
    assert ("SYR-1ML", "SITE", "300", "below minimum") in rows  # reorder point 500 at the site
    assert ("SYR-1ML", "VAN1", "900", "ok") in rows
    assert ("NAL-4MG", "SITE", "0", "stocked out") in rows
    assert ("NAL-4MG", "VAN1", "6", "6 expiring") in rows
    assert "4 item-location rows · 3 need attention" in screen.summary.text()


def test_expired_kits_are_not_usable_stock_and_say_so(qtbot, db, stocked, screen):
    """9 kits of a lot that expired in January on the van: on hand 15 (the ledger's figure), but
    the row says expired, and a van with only expired kits reads as out."""
    movements.record(
        db, "admin", [Move("receive", stocked.nal, stocked.van, 9, at(1, month=1), lot_id=stocked.lots["OLD"])]
    )
    screen.refresh()
    settle()
    assert ("NAL-4MG", "VAN1", "15", "9 expired") in visible(screen)
    m = screen.model
    [row] = [r for r in range(m.rowCount()) if (m.data(m.index(r, 1)), m.data(m.index(r, 3))) == ("NAL-4MG", "VAN1")]
    assert m.data(m.index(row, 5)) == "9"  # the Expired column
    screen.status.setCurrentIndex(3)
    settle()
    assert {(r[0], r[1]) for r in visible(screen)} == {("NAL-4MG", "VAN1")}


def test_search_by_name_sku_and_scanned_barcode(qtbot, screen):
    qtbot.keyClicks(screen.search, "nalox")
    qtbot.waitUntil(lambda: {r[0] for r in visible(screen)} == {"NAL-4MG"})
    screen.search.clear()
    qtbot.keyClicks(screen.search, "0001")  # a scanner types the barcode and Enter
    qtbot.keyClick(screen.search, Qt.Key_Return)
    settle()
    assert {r[0] for r in visible(screen)} == {"SYR-1ML"}
    qtbot.keyClicks(screen.search, "x")
    qtbot.waitUntil(lambda: visible(screen) == [])


def test_category_and_status_filters(qtbot, screen):
    screen.category.setCurrentText("Naloxone")
    settle()
    assert {r[0] for r in visible(screen)} == {"NAL-4MG"}
    screen.category.setCurrentText("All")
    settle()
    for index, expected in (
        (1, {("NAL-4MG", "SITE")}),
        (2, {("SYR-1ML", "SITE")}),
        (3, set()),
        (4, {("NAL-4MG", "VAN1")}),
    ):
        screen.status.setCurrentIndex(index)
        settle()
        assert {(r[0], r[1]) for r in visible(screen)} == expected


def test_selecting_a_row_shows_its_stock_card_with_running_balance(qtbot, screen):
    row = [r[:2] for r in visible(screen)].index(("SYR-1ML", "SITE"))
    screen.table.selectRow(row)
    settle()
    card = screen.card_model
    lines = [
        (
            card.data(card.index(r, 1)),
            card.data(card.index(r, 3)),
            card.data(card.index(r, 4)),
            card.data(card.index(r, 5)),
        )
        for r in range(card.rowCount())
    ]
    assert lines == [("transfer", "-900", "300", "VAN1"), ("receive", "+1,200", "1,200", "")]
    assert "300 each on hand" in screen.card_title.text()


def test_the_stock_cards_columns_fit_its_first_page(qtbot, screen):
    """The card's lines arrive after its empty reset: its When and Type were fitted to their
    headings and showed "202…" and "tra…"."""
    from PySide6.QtWidgets import QApplication

    row = [r[:2] for r in visible(screen)].index(("SYR-1ML", "SITE"))
    screen.table.selectRow(row)
    settle()
    QApplication.processEvents()
    card, metrics = screen.card_model, screen.card.fontMetrics()
    cut = [
        card.data(card.index(r, c))
        for r in range(card.rowCount())
        for c in (0, 1, 7)
        if screen.card.columnWidth(c) < metrics.horizontalAdvance(card.data(card.index(r, c)))
    ]
    assert card.rowCount() == 2 and cut == []


def test_stock_card_pages_in_as_the_user_scrolls(qtbot, db, stocked, screen):
    moves = [Move("handout", stocked.syr, stocked.van, 1, at(3) + timedelta(minutes=n)) for n in range(450)]
    movements.record(db, "lead", moves)
    screen.refresh()
    settle()
    row = [r[:2] for r in visible(screen)].index(("SYR-1ML", "VAN1"))
    screen.table.selectRow(row)
    settle()
    card = screen.card_model
    assert card.rowCount() == card.PAGE and card.canFetchMore()
    while card.canFetchMore():
        screen.card.scrollToBottom()
        card.fetchMore()
        settle()
    assert card.rowCount() == 451
    balances = [int(card.data(card.index(r, 4)).replace(",", "")) for r in range(card.rowCount())]
    assert balances[0] == 450 and balances[-1] == 900  # oldest line: the transfer in
    assert all(a == b - 1 for a, b in zip(balances[:-2], balances[1:-1]))


def test_main_window_navigation(qtbot, shown, db, stocked):
    window = shown(MainWindow(db, "admin"))
    assert window.current_screen() is window.screens["Home"]  # what needs attention today
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == list(SCREENS)
    assert window.statusBar().currentMessage().startswith("Signed in as admin (admin)")
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_2, Qt.ControlModifier)
    settle()
    assert window.current_screen() is window.screens["Front desk"]
    window.screens["Front desk"].code.setFocus()
    qtbot.keyClick(window.screens["Front desk"].code, Qt.Key_4, Qt.ControlModifier)
    settle()
    assert window.current_screen() is window.screens["Supply"]
    qtbot.keyClick(window.focusWidget() or window, Qt.Key_6, Qt.ControlModifier)
    settle()
    assert window.current_screen() is window.screens["Counts"]
    from PySide6.QtWidgets import QLabel

    for name, screen in window.screens.items():  # every screen is a real one now
        assert not any("Coming next" in label.text() for label in screen.findChildren(QLabel)), name


@pytest.mark.parametrize("role", ["supply_lead", "van_crew", "front_desk"])
def test_each_screen_keeps_its_ctrl_number_for_every_role(qtbot, shown, db, stocked, role):
    """Van is Ctrl+5 for the supply lead and the van crew alike (it was Ctrl+4 for the crew, and
    the crew's Ctrl+5 did nothing); a number whose screen the role lacks does nothing."""
    from hrsupply.services.roles import Account

    window = shown(MainWindow(db, Account({"supply_lead": "lead", "van_crew": "crew", "front_desk": "desk"}[role],
                                          role)))  # fmt: skip
    for number, name in enumerate(SCREENS, start=1):
        before = window.current_screen()
        window.activateWindow()  # offscreen, a screen's completion list may keep the activation
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.focusWidget() or window, getattr(Qt, f"Key_{number}"), Qt.ControlModifier)
        settle()
        if name in window.names:
            assert window.current_screen() is window.screens[name], (role, number, name)
            assert window.nav.item(window.names.index(name)).toolTip() == f"Ctrl+{number}"
        else:
            assert window.current_screen() is before, (role, number, name)
    window.close()
