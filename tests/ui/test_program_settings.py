"""Settings → Program and Front desk: what used to need a terminal, saved in one transaction,
audited, and used at once by the front desk and the printed sheets."""

from PySide6.QtCore import Qt

from hrsupply.services import audit, presets, program
from hrsupply.ui import preferences
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from tests.ui.helpers import PATIENCE_MS, activate, put


def settings_of(shown, db):
    window = shown(MainWindow(db, "admin"))
    settings = window.show_screen("Settings")
    settle()
    return window, settings


def test_the_program_page_saves_name_address_and_rules_audited(shown, db, cat):
    window, settings = settings_of(shown, db)
    page = settings.program
    settings.tabs.setCurrentWidget(page)
    settle()
    assert page.name.text() == "Syringe services program" and page.save_button.isEnabled()
    page.name.setText("Eastside Harm Reduction")
    page.address.setText("12 Main St, Springfield")
    page.expiry.setValue(60)
    page.lookback.setValue(6)
    page.text_size.setValue(150)
    page.language.setCurrentIndex(page.language.findData("es"))
    page.save_button.click()
    settle()
    # The window is built in its language and text size: the change waits for the next start, and says so.
    assert page.message.text() == (
        "Saved. The language and text size of this workstation take effect at the next start."
    )
    page.save_button.click()  # nothing of this workstation's changed this time
    settle()
    assert page.message.text() == "Saved. Every workstation uses it from now on."
    assert program.letterhead(db) == "Eastside Harm Reduction · 12 Main St, Springfield"
    assert (program.get(db, "expiry_window_days"), program.get(db, "reorder_lookback_months")) == (60, 6)
    assert (preferences.text_size(), preferences.language()) == (150, "es")
    changed = {e.key: e.changes for e in audit.entries(db, "admin", entity="setting")}
    assert changed["program_name"] == {"value": ["Syringe services program", "Eastside Harm Reduction"]}
    assert set(changed) == {"program_name", "program_address", "expiry_window_days", "reorder_lookback_months"}


def test_a_program_without_a_name_is_refused_and_nothing_saved(shown, db, cat):
    _window, settings = settings_of(shown, db)
    page = settings.program
    settings.tabs.setCurrentWidget(page)
    settle()
    page.name.setText("  ")
    page.expiry.setValue(30)
    page.save_button.click()
    settle()
    assert "needs a name" in page.message.text()
    assert program.get(db, "expiry_window_days") == 90


def test_the_code_scheme_shows_a_live_example_and_saves(shown, db, cat):
    _window, settings = settings_of(shown, db)
    page = settings.front_desk
    settings.tabs.setCurrentWidget(page)
    settle()
    assert "<b>MAJO85</b>" in page.example.text()  # the default scheme: mother, own name, year
    put(page.scheme, 1, ["City of birth", "3", "start"])
    settle()
    assert "<b>MAJOS85</b>" in page.example.text() or "City of birth “Jose”" in page.example.text()
    put(page.scheme, 1, ["City of birth", "three", "start"])
    assert "characters must be a whole number" in page.example.text()
    put(page.scheme, 1, ["City of birth", "3", "start"])
    put(page.referrals, 6, ["Syringe disposal"])
    put(page.reasons, 5, ["broken"])
    put(page.sharps, 3, ["5 gallon", "2,000"])
    assert page.per_pound.text() == "no: counted only"  # returns are counted until a scale is set up
    page.per_pound.setValue(281)
    page.weight_unit.setCurrentIndex(page.weight_unit.findData("kg"))
    page.save_button.click()
    settle()
    assert page.message.text().startswith("Saved"), page.message.text()
    assert program.get(db, "code_scheme")[1] == ["City of birth", 3, "start"]
    assert program.get(db, "referrals")[-1] == "Syringe disposal"
    assert program.get(db, "sharps_sizes")[-1] == ["5 gallon", 2000]
    assert (program.get(db, "syringes_per_pound"), program.get(db, "returns_weight_unit")) == (281, "kg")
    with db.read() as s:
        assert program.naloxone_reasons(s)[0] == "first kit" and program.naloxone_reasons(s)[-1] == "broken"
    keys = {e.key for e in audit.entries(db, "admin", entity="setting")}
    assert {"code_scheme", "referrals", "naloxone_reasons", "sharps_sizes"} <= keys


def test_presets_are_edited_in_order_and_reach_the_front_desks_keys(shown, qtbot, db, cat):
    window, settings = settings_of(shown, db)
    page = settings.front_desk
    settings.tabs.setCurrentWidget(page)
    settle()
    put(page.presets, 0, ["Injection pack", "syr-1ml", "20"])
    put(page.presets, 1, ["Injection pack", "NAL-4MG", "5"])
    put(page.presets, 2, ["Walk-in", "SYR-1ML", "10"])
    settle()
    assert page.keys.text() == "<b>F5</b> Injection pack   <b>F6</b> Walk-in"
    page.save_button.click()
    settle()
    assert page.message.text().startswith("Saved"), page.message.text()
    assert [(p.name, [(l.item_id, l.quantity) for l in p.lines]) for p in presets.list_presets(db)] == [
        ("Injection pack", [(cat.syr, 20), (cat.nal, 5)]),
        ("Walk-in", [(cat.syr, 10)]),
    ]
    assert {e.key for e in audit.entries(db, "admin", entity="preset")} == {"Injection pack", "Walk-in"}
    desk = window.show_screen("Front desk")
    settle()
    assert "F6</b> Walk-in" in desk.preset_hint.text()
    activate(qtbot, window)  # the F-keys are the window's shortcuts: they need it active
    desk.code.setFocus()
    qtbot.keyClick(desk.code, Qt.Key_F6)
    qtbot.waitUntil(lambda: bool(desk.lines.rows), timeout=PATIENCE_MS)
    settle()
    assert [(l.item_id, l.quantity) for l in desk.lines.rows] == [(cat.syr, 10)]
    # A row naming no known item: said by row, nothing saved
    page = window.show_screen("Settings").front_desk
    put(page.presets, 3, ["Walk-in", "NOPE", "1"])
    page.save_button.click()
    settle()
    assert page.message.text() == "Presets, row 4: no item has the SKU 'NOPE'"
    assert len(presets.list_presets(db)[1].lines) == 1


def test_a_supply_lead_does_not_see_the_program_pages(shown, db, cat):
    window = shown(MainWindow(db, "lead"))
    settings = window.show_screen("Settings")
    settle()
    titles = [settings.tabs.tabText(n) for n in range(settings.tabs.count())]
    assert "Program" not in titles and "Front desk" not in titles
