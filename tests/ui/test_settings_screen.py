"""Settings: edit an item's packs and barcodes, and every entry screen picks them up at once."""

from datetime import datetime

from PySide6.QtCore import Qt

from hrsupply.services import catalog, item_editor, movements
from hrsupply.services.ledger import Move
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from tests.helpers import stock_map
from tests.ui.helpers import put


def test_a_new_pack_barcode_works_on_the_front_desk_right_after_saving(qtbot, shown, db, cat):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 1000, datetime(2026, 1, 1))])
    settle()
    window = shown(MainWindow(db, "admin"))
    settle()
    settings = window.show_screen("Settings")
    settle()
    items = settings.items
    row = next(n for n in range(items.list.count()) if "SYR-1ML" in items.list.item(n).text())
    settle()
    items.list.setCurrentRow(row)
    settle()
    assert items.sku.text() == "SYR-1ML"
    put(items.packs, 0, ["box", "100"])
    settle()
    put(items.barcodes, 1, ["0100", "box"])
    settle()
    items.save_button.click()
    settle()
    assert items.message.text() == "Saved Syringe 1 mL 28G 1/2 in."
    assert [(b.code, b.pack) for b in item_editor.load_item(db, cat.syr).barcodes] == [("0001", None), ("0100", "box")]

    desk = window.show_screen("Front desk")
    settle()
    desk.code.setFocus()
    settle()
    qtbot.keyClicks(desk.code, "0100")  # the box's code scanned at the desk: a box of 100
    settle()
    qtbot.keyClick(desk.code, Qt.Key_Return)
    settle()
    assert [(l.item_id, l.quantity) for l in desk.lines.rows] == [(cat.syr, 100)]


def test_wrong_fields_are_named_and_nothing_saved(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    settle()
    items = window.show_screen("Settings").items
    settle()
    items.new()
    settle()
    items.sku.setText("NEW")
    settle()
    items.name.setText("New thing")
    settle()
    items.category.setCurrentText("Misc")
    settle()
    put(items.packs, 0, ["box", "ten"])
    settle()
    put(items.barcodes, 0, ["0001", ""])
    settle()
    items.save_button.click()
    settle()
    assert "Pack sizes, row 1, units: must be a whole number of at least 2, not 'ten'" in items.message.text()
    assert "Barcodes, row 1: 0001 already belongs to SYR-1ML" in items.message.text()
    assert "NEW" not in [i.sku for i in catalog.items(db, include_inactive=True)]


def test_par_levels_and_an_advisory_limit_are_set_per_location(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    settle()
    items = window.show_screen("Settings").items
    settle()
    items.list.setCurrentRow(next(n for n in range(items.list.count()) if "NAL-4MG" in items.list.item(n).text()))
    settle()
    rows = {items.pars.table.item(n, 0).text(): n for n in range(items.pars.table.rowCount())}
    put(items.pars, rows["VAN1"], ["VAN1", "30", "10"])
    settle()
    items.limit_qty.setText("2")
    settle()
    items.limit_days.setText("7")
    settle()
    items.save_button.click()
    settle()
    form = item_editor.load_item(db, cat.nal)
    settle()
    assert [(p.location, p.par, p.minimum) for p in form.pars] == [("VAN1", 30, 10)]
    assert (form.limit_quantity, form.limit_days) == (2, 7)


def test_locations_and_sources_are_added_and_offered_when_receiving(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    settle()
    settings = window.show_screen("Settings")
    settle()
    settings.locations.list.clearSelection()
    settle()
    settings.locations.show(None)
    settle()
    settings.locations.code.setText("van2")
    settle()
    settings.locations.name.setText("Second van")
    settle()
    settings.locations.kind.setCurrentText("van")
    settle()
    settings.locations.save()
    settle()
    assert "VAN2" in [l.code for l in catalog.locations(db)]
    settings.sources.name.setText("Community donations")
    settle()
    settings.sources.kind.setCurrentText("donation")
    settle()
    settings.sources.save()
    settle()
    receive = window.show_screen("Supply").receive  # Receive is its first tab
    settle()
    assert receive.source.findText("Community donations (donation)") > 0  # offered, after "choose"
    assert stock_map(db) == {}


def test_reverse_a_mistaken_line_from_the_stock_card(qtbot, shown, db, cat, monkeypatch):
    movements.record(
        db,
        "lead",
        [
            Move("receive", cat.syr, cat.site, 500, datetime(2026, 11, 1)),
            Move("receive", cat.syr, cat.site, 50, datetime(2026, 11, 2)),
        ],
    )
    window = shown(MainWindow(db, "lead"))
    settle()
    stock = window.show_screen("Stock")
    settle()
    stock.table.selectRow(0)
    settle()
    stock.card.selectRow(0)  # newest: the 50 that was really 5
    settle()
    monkeypatch.setattr(stock, "ask_reason", lambda line: "typed 50, was 5")
    settle()
    stock.reverse_button.click()
    settle()
    assert stock_map(db)[("SITE", "SYR-1ML")] == 500
    assert stock.card_message.text() == "Reversed: receive of +50 (typed 50, was 5)."
    stock.card.selectRow(0)
    settle()
    stock.reverse_button.click()  # the reversal itself cannot be reversed
    settle()
    assert "is itself a reversal" in stock.card_message.text()


def _row(items, sku: str) -> int:
    return next(n for n in range(items.list.count()) if f"({sku})" in items.list.item(n).text())


def test_moving_to_another_item_with_edits_asks_to_save_or_discard(qtbot, shown, db, cat):
    """Today the edits vanished when another item was clicked."""
    window = shown(MainWindow(db, "admin"))
    items = window.show_screen("Settings").items
    settle()
    items.list.setCurrentRow(_row(items, "SYR-1ML"))
    settle()
    asked = []

    def answer(reply):
        items.ask_unsaved = lambda: asked.append(items.name.text()) or reply

    answer("cancel")
    items.list.setCurrentRow(_row(items, "NAL-4MG"))  # nothing edited: no question
    settle()
    assert asked == [] and items.sku.text() == "NAL-4MG"
    items.name.setText("Naloxone 4 mg nasal spray")
    items.list.setCurrentRow(_row(items, "SYR-1ML"))  # Cancel: stay, edits and all
    settle()
    assert asked == ["Naloxone 4 mg nasal spray"] and items.sku.text() == "NAL-4MG"
    assert items.list.currentRow() == _row(items, "NAL-4MG") and items.name.text() == "Naloxone 4 mg nasal spray"
    answer("save")
    items.list.setCurrentRow(_row(items, "SYR-1ML"))  # Save: saved, then the other item
    settle()
    assert item_editor.load_item(db, cat.nal).name == "Naloxone 4 mg nasal spray" and items.sku.text() == "SYR-1ML"
    assert items.list.currentItem().text().endswith("(SYR-1ML)")
    items.reorder.setText("900")
    answer("discard")
    items.leave(items.new, lambda: None)  # New asks too
    settle()
    assert item_editor.load_item(db, cat.syr).reorder_point == 500 and items.sku.text() == ""
    items.name.setText("Wound care kit")
    answer("save")  # a save that cannot go through (no SKU) keeps the form where it is
    items.list.setCurrentRow(_row(items, "NAL-4MG"))
    settle()
    assert items.name.text() == "Wound care kit" and items.message.text() == "SKU: required.\nCategory: required."
    assert items.list.currentItem() is None  # the list stays on the new item, as the form does


def test_a_location_typed_and_not_saved_is_asked_about_too(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    settings = window.show_screen("Settings")
    locations = settings.locations
    settings.tabs.setCurrentWidget(locations)
    settle()
    asked = []
    locations.ask_unsaved = lambda: asked.append(locations.name.text()) or "discard"
    locations.leave(locations.new_entry, locations.back)  # New, as the button does
    locations.code.setText("VAN2")
    locations.name.setText("Second van")
    locations.list.setCurrentRow(0)
    settle()
    assert asked == ["Second van"] and locations.code.text() in ("SITE", "VAN1")
