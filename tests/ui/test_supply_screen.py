"""The Supply screen as the supply lead uses it: scan a delivery in, check receipts, dispose of
expired stock, adjust, review the desk's flags, make kits and print shelf labels."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hrsupply.services import catalog, item_editor, movements, visits
from hrsupply.services.item_editor import ComponentLine, ItemForm
from hrsupply.services.ledger import Move
from hrsupply.services.visits import Line, VisitForm
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes, settle
from hrsupply.ui.supply_screen import SupplyScreen
from tests.helpers import box_syringes, stock_map


@pytest.fixture
def supply(db, cat):
    box_syringes(db, cat.syr)
    item_editor.save_source(db, "lead", "State DOH", "state allocation")
    return cat


@pytest.fixture
def screen(shown, db, supply):
    return shown(SupplyScreen(db, "lead"))


def scan(qtbot, widget, code: str) -> None:
    """A scanner: a burst of keystrokes, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key_Return)


def test_scanning_a_delivery_in_converts_packs_and_saves_in_one_go(qtbot, db, screen):
    tab = screen.receive
    asked = []
    tab.ask_yes_no = lambda title, text, **_: asked.append(text) or True
    tab.reference.setText("PS-1")
    settle()
    assert tab.source.currentData() is None  # no source taken for granted
    tab.source.setCurrentIndex(tab.source.findText("State DOH", Qt.MatchStartsWith))
    tab.item.setFocus()
    settle()
    scan(qtbot, tab.item, "0003")  # a case
    settle()
    scan(qtbot, tab.item, "0003")  # another case: same line, two packs
    settle()
    scan(qtbot, tab.item, "0002")  # a box: its own line
    settle()
    assert [(r.pack.currentData(), r.count.value()) for r in tab.rows] == [("case", 2), ("box", 1)]
    assert tab.total.text() == "2 lines · 2,100 each"
    qtbot.keyClicks(tab.item, "5 naloxone")
    settle()
    qtbot.keyClick(tab.item, Qt.Key_Return)
    settle()
    assert tab.focusWidget() is tab.rows[-1].lot  # lot-tracked: straight to its lot
    qtbot.keyClicks(tab.rows[-1].lot, "NEW7")
    settle()
    qtbot.keyClick(tab.rows[-1].lot, Qt.Key_Tab)
    settle()
    qtbot.keyClick(tab.item, Qt.Key_Return, Qt.ControlModifier)
    settle()
    assert "Line 3 (NAL-4MG), lot: lot NEW7 is not known yet: give its expiry" in tab.message.text()
    assert stock_map(db) == {}  # nothing half-written
    tab.rows[-1].expiry.setText("2027-09-30")
    settle()
    qtbot.keyClick(tab.item, Qt.Key_Return, Qt.ControlModifier)
    settle()
    assert tab.message.text().startswith("Received 3 lines (2,105 each) from")
    # More than 100 units in one click: the figure is checked first, each time it is saved.
    assert asked[-1] == "Receive 3 lines from State DOH (state allocation): 2,105 each in one go. Is that right?"
    assert stock_map(db, lots=True) == {("SITE", "SYR-1ML", None): 2100, ("SITE", "NAL-4MG", "NEW7"): 5}
    assert tab.rows == [] and tab.reference.text() == ""

    screen.tabs.setCurrentWidget(screen.receipts)
    settle()
    assert screen.receipts.model.rows[0].units == "2,105 each"
    screen.receipts.view.selectRow(0)
    settle()
    assert [(l.sku, l.lot, l.quantity) for l in screen.receipts.lines.rows] == [
        ("SYR-1ML", None, 2000),
        ("SYR-1ML", None, 100),
        ("NAL-4MG", "NEW7", 5),
    ]
    assert [(t.source, t.units) for t in screen.receipts.totals.rows] == [("State DOH", "2,105 each")]


def test_a_known_lot_fills_in_its_expiry(qtbot, db, screen, supply):
    tab = screen.receive
    tab.item.setFocus()
    settle()
    scan(qtbot, tab.item, "NAL-4MG")
    settle()
    qtbot.keyClicks(tab.rows[0].lot, "B")
    settle()
    qtbot.keyClick(tab.rows[0].lot, Qt.Key_Tab)
    settle()
    assert tab.rows[0].expiry.text() == "2027-03-31" and not tab.rows[0].expiry.isEnabled()


def test_dispose_an_expired_lot_from_the_expiry_tab(qtbot, db, screen, supply):
    movements.record(
        db, "lead", [Move("receive", supply.nal, supply.site, 4, datetime(2026, 1, 2), lot_id=supply.lots["OLD"])]
    )
    screen.tabs.setCurrentWidget(screen.expiry)
    settle()
    tab = screen.expiry
    assert [(r.lot, r.expired) for r in tab.model.rows] == [("OLD", True)]
    tab.view.selectRow(0)
    settle()
    tab.dispose_button.click()
    settle()
    assert "Disposed of 4" in tab.message.text()
    assert tab.model.rows == [] and stock_map(db) == {}


def test_adjust_then_review_a_front_desk_flag(qtbot, db, screen, supply):
    movements.record(db, "lead", [Move("receive", supply.syr, supply.site, 100, datetime(2026, 11, 1))])
    settle()
    tab = screen.adjust
    screen.tabs.setCurrentWidget(tab)
    settle()
    tab.item.setFocus()
    settle()
    scan(qtbot, tab.item, "0001")
    settle()
    tab.quantity.setValue(-10)
    settle()
    tab.reason.setCurrentText("damaged")
    settle()
    tab.save_button.click()
    settle()
    assert tab.message.text() == "Adjusted Syringe 1 mL 28G 1/2 in by -10 (damaged)."
    assert stock_map(db)[("SITE", "SYR-1ML")] == 90
    asked = []
    tab.ask_yes_no = lambda title, text, **kw: asked.append((text, kw)) or False
    tab.quantity.setValue(-900)  # 90 meant: more than 100 units in one click is checked first
    tab.save_button.click()
    settle()
    assert asked == [("Adjust Syringe 1 mL 28G 1/2 in: 900 units in one go. Is that right?", {"default_yes": False})]
    assert stock_map(db)[("SITE", "SYR-1ML")] == 90 and tab.quantity.value() == -900  # nothing moved, kept

    visits.record(
        db, "desk", VisitForm(supply.van, datetime.now(), None, [Line(supply.syr, 20)]), confirm_shortfall=True
    )
    screen.tabs.setCurrentWidget(screen.receipts)
    settle()
    screen.tabs.setCurrentWidget(tab)  # coming back shows what the desk flagged since
    settle()
    assert [r.quantity for r in tab.flagged.rows] == [20]
    tab.flag_view.selectRow(0)
    settle()
    tab.review_note.setText("van count was off")
    settle()
    tab.keep_button.click()
    settle()
    assert tab.flagged.rows == [] and "kept" in tab.message.text()
    assert [(r.outcome, r.note) for r in tab.reviewed.rows] == [("kept", "van count was off")]


def test_a_flag_of_an_undone_visit_shows_as_reversed_not_pending(qtbot, db, screen, supply):
    visit_id = visits.record(
        db, "desk", VisitForm(supply.site, datetime.now(), None, [Line(supply.syr, 5)]), confirm_shortfall=True
    )
    visits.undo(db, "desk", visit_id)
    settle()
    tab = screen.adjust
    screen.tabs.setCurrentWidget(tab)
    settle()
    assert tab.flagged.rows == []
    [row] = tab.reviewed.rows
    m = tab.reviewed
    assert (m.data(m.index(0, 3)), m.data(m.index(0, 4)), m.data(m.index(0, 5))) == (
        "+5",
        "reversed",
        "the visit was undone",
    )
    assert row.reviewed_by == "desk"


def test_assemble_kits_and_see_a_shortage_named(qtbot, db, screen, supply):
    movements.record(db, "lead", [Move("receive", supply.syr, supply.site, 100, datetime(2026, 11, 1))])
    settle()
    item_editor.save_item(
        db,
        "lead",
        ItemForm(sku="KIT", name="Safer use kit", category="Kits", components=[ComponentLine("SYR-1ML", 10)]),
    )
    ops.announce(Changes.CATALOG)  # what Settings says when it saves an item
    tab = screen.kits
    screen.tabs.setCurrentWidget(tab)
    settle()
    assert tab.kit.currentText() == "Safer use kit"
    tab.count.setValue(4)
    settle()
    assert "<b>40</b> for 4 — 100 here" in tab.recipe.text()
    tab.assemble_button.click()
    settle()
    assert stock_map(db)[("SITE", "KIT")] == 4 and stock_map(db)[("SITE", "SYR-1ML")] == 60
    tab.count.setValue(7)
    settle()
    tab.assemble_button.click()
    settle()
    assert "Syringe 1 mL 28G 1/2 in needs 70, 60 available" in tab.message.text()


def test_print_shelf_labels_for_ticked_items(qtbot, db, screen, tmp_path, monkeypatch):
    tab = screen.labels
    screen.tabs.setCurrentWidget(tab)
    settle()
    previewed = []
    monkeypatch.setattr(tab, "preview", previewed.append)
    settle()
    tab.save_button.click()
    settle()
    assert tab.message.text() == "Tick at least one label."
    for n in range(tab.list.count()):
        if "[0003]" in tab.list.item(n).text():
            tab.list.item(n).setCheckState(Qt.Checked)
            settle()
    tab.copies.setValue(3)
    settle()
    tab.save_button.click()
    settle()
    assert previewed[0].exists() and tab.message.text() == "1 sheet of labels ready to print."


def test_receive_offers_a_pick_list_when_a_name_means_several_items(qtbot, db, screen, supply, monkeypatch):
    """ "3 syr" with two syringes in the catalog: pick one, and three of it are on the line."""
    with db.write() as s:
        catalog.upsert_item(s, "SYR-3ML", name="Syringe 3 mL", category="Syringes")
    ops.announce(Changes.CATALOG)  # what Settings says when it saves an item
    settle()
    tab = screen.receive
    offered = []
    monkeypatch.setattr(tab.item, "ask_choice", lambda t, label, choices: (offered.append(choices) or choices[1], True))
    tab.item.setFocus()
    qtbot.keyClick(tab.item, Qt.Key_Return)  # Enter on nothing: nothing
    assert not offered and tab.rows == []
    scan(qtbot, tab.item, "3 syr")
    settle()
    assert [c.split("  ")[1] for c in offered[0]] == ["Syringe 1 mL 28G 1/2 in (SYR-1ML)", "Syringe 3 mL (SYR-3ML)"]
    assert [(r.item.sku, r.count.value()) for r in tab.rows] == [("SYR-3ML", 3)]


def test_shelf_labels_can_all_be_ticked_at_once(qtbot, db, screen):
    tab = screen.labels
    screen.tabs.setCurrentWidget(tab)
    settle()
    tab.all_button.click()
    assert len(tab.chosen()) == tab.list.count() > 1
    tab.none_button.click()
    assert tab.chosen() == []


def test_enter_in_a_receive_line_moves_down_a_line_then_back_to_the_item_field(qtbot, db, screen):
    """`3⏎5⏎` down the Packs column: two lines counted, the cursor back where the next scan goes."""
    tab = screen.receive
    tab.item.setFocus()
    settle()
    scan(qtbot, tab.item, "0003")  # a case
    settle()
    scan(qtbot, tab.item, "0002")  # a box
    settle()
    first, second = tab.rows[0].count, tab.rows[1].count
    first.setFocus()
    first.selectAll()
    for figure in ("3", "5"):
        qtbot.keyClicks(QApplication.focusWidget(), figure)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
        settle()
    assert (first.value(), second.value()) == (3, 5)
    assert QApplication.focusWidget() is tab.item and tab.message.text() == ""  # nothing saved


def test_the_source_must_be_chosen_and_a_typed_pack_is_understood(qtbot, db, screen, supply):
    """The first receipt went to the first source by name; "2 case" failed though the hint says
    "3 box"; "2 SYR-1ML" received two syringes of what comes in cases."""
    from PySide6.QtCore import QSettings

    item_editor.save_source(db, "lead", "Community donations", "donation")
    QSettings().remove("receive/source")  # a workstation that never received
    tab = screen.receive
    tab.source.clear()
    tab.reload()
    settle()
    tab.item.setFocus()
    for typed in ("2 case SYR-1ML", "SYR-1ML", "3 box"):
        qtbot.keyClicks(tab.item, typed)
        qtbot.keyClick(tab.item, Qt.Key_Return)
        settle()
    assert [(r.pack.currentData(), r.count.value()) for r in tab.rows] == [("case", 2), ("box", 3)]
    assert tab.total.text() == "2 lines · 2,300 each"
    tab.save()
    settle()
    assert tab.message.text() == "Choose the source first: where this delivery came from." and stock_map(db) == {}
    tab.source.setCurrentIndex(tab.source.findText("State DOH", Qt.MatchStartsWith))
    tab.ask_yes_no = lambda *_a, **_k: True
    tab.save()
    settle()
    assert stock_map(db) == {("SITE", "SYR-1ML"): 2300}
    tab.reload()
    settle()
    assert tab.source.currentText().startswith("State DOH")  # the last one used at this workstation
