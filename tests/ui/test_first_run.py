"""A new program's first launch: its first admin, then the setup, page by page, by keys and
buttons as a volunteer would; Home names the next step until there is stock."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from hrsupply.db import open_database
from hrsupply.services import catalog, counts, first_run, program, users
from hrsupply.ui.first_run import FirstRunWizard
from hrsupply.ui.home_screen import HomeScreen
from hrsupply.ui.ops import settle


def test_the_setup_names_the_program_adds_locations_and_the_starter_catalog(qtbot, shown, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    users.create_first_admin(db, "sam", "24681357")
    home = shown(HomeScreen(db))
    assert "Next: add your locations" in home.next_step.text() and home.next_step.isVisible()
    wizard = shown(FirstRunWizard(db, "sam"))
    qtbot.keyClicks(wizard.name_page.name, "Eastside Harm Reduction")
    wizard.next()
    settle()
    assert (
        wizard.currentPage() is wizard.locations_page and program.get(db, "program_name") == "Eastside Harm Reduction"
    )
    page = wizard.locations_page
    page.add_row("VAN2", "Night van", "van")
    page.add_row("PARTNER", "", "other")  # no name: said, nothing saved
    wizard.next()
    settle()
    assert wizard.currentPage() is page and page.message.text() == "Row 4, name: required."
    assert catalog.locations(db) == []
    page.table.item(3, 1).setText("Partner drop-in")
    wizard.next()
    settle()
    assert [(l.code, l.kind) for l in catalog.locations(db)] == [
        ("SITE", "site"),
        ("VAN1", "van"),
        ("VAN2", "van"),
        ("PARTNER", "other"),
    ]
    home.catch_up()
    settle()  # locations, no catalog yet: Home points to the menu, not to a command
    assert home.next_step.text() == (
        "Next: add your catalog (Settings → Items), or import a spreadsheet (File → Import spreadsheet…)."
    )
    assert page.message.text() == "4 location(s) added."
    assert wizard.currentPage() is wizard.catalog_page and wizard.catalog_page.starter.isChecked()
    wizard.next()
    settle()
    items = {i.sku: i for i in catalog.items(db)}
    assert len(items) == len(first_run.starter_catalog()) > 25
    assert items["NAL-NS-4MG"].lot_tracked and items["SYR-1ML-28-12"].unit == "each"
    assert [p.units for p in catalog.pack_sizes(db) if p.item_id == items["SYR-1ML-28-12"].id] == [100, 1000]
    assert wizard.currentPage() is wizard.stock_page
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    settle()
    home.catch_up()
    settle()
    assert home.next_step.text().startswith("Next: count your opening stock")
    count = counts.start(db, "sam", catalog.locations(db)[0].id)
    counts.enter(db, "sam", counts.sheet(db, count)[0].line_id, 100)
    home.catch_up()
    settle()
    assert home.next_step.text().startswith("Next: finish the opening count")
    counts.post(db, "sam", count)
    home.catch_up()
    settle()
    assert not home.next_step.isVisible()  # stock there: Home is itself again
    db.dispose()


def test_every_step_can_be_skipped(qtbot, shown, tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    users.create_first_admin(db, "sam", "24681357")
    wizard = shown(FirstRunWizard(db, "sam"))
    wizard.next()  # no name typed: the default stays
    settle()
    wizard.locations_page.table.setRowCount(0)
    wizard.next()
    settle()
    wizard.catalog_page.empty.setChecked(True)
    wizard.next()
    settle()
    assert wizard.currentPage() is wizard.stock_page
    assert catalog.locations(db) == [] and catalog.items(db) == []
    assert program.get(db, "program_name") == program.DEFAULTS["program_name"]
    qtbot.keyClick(wizard, Qt.Key_Escape)
    db.dispose()


def test_the_starter_catalog_is_whole_and_sensible():
    starter = first_run.starter_catalog()
    skus = [i.sku for i in starter]
    assert len(skus) == len(set(skus))
    categories = {i.category for i in starter}
    for needed in ("Syringes", "Naloxone", "Test strips", "Wound care", "Safer smoking", "Safer sex", "Food"):
        assert needed in categories
    naloxone = [i for i in starter if i.category == "Naloxone"]
    assert naloxone and all(i.lot_tracked and i.doses for i in naloxone)
    assert all(units > 1 for i in starter for _name, units in i.packs)


def test_the_admin_who_set_the_program_up_goes_straight_in_without_a_second_sign_in(monkeypatch, tmp_path, qapp):
    from hrsupply import app
    from hrsupply.db import open_database
    from hrsupply.services import users
    from hrsupply.ui import errors, first_run, main_window, preferences, sign_in

    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert users.needs_first_admin(db)
    opened, asked = [], []

    class FirstAdmin:
        joined = None

        def __init__(self, db):
            self.db = db

        def exec(self):
            self.account = users.create_first_admin(self.db, "ana", "48271937")
            return 1

    class Wizard:
        def __init__(self, db, user):
            pass

        def exec(self):
            return 1

    class SignIn:
        def __init__(self, *args, **kwargs):
            asked.append(args)

        def exec(self):
            return 0  # closed: the app ends

    class Window:
        def __init__(self, db, account, **kwargs):
            opened.append(account.username)
            self.switch_user = type("Signal", (), {"connect": lambda self, slot: None})()

        def show(self):
            pass

    monkeypatch.setattr(app, "_open_own", lambda url: db)
    monkeypatch.setattr(preferences, "apply", lambda qapp: None)
    monkeypatch.setattr(errors, "install", lambda folder: None)
    monkeypatch.setattr(sign_in, "FirstAdminDialog", FirstAdmin)
    monkeypatch.setattr(sign_in, "SignInDialog", SignIn)
    monkeypatch.setattr(first_run, "FirstRunWizard", Wizard)
    monkeypatch.setattr(main_window, "MainWindow", Window)
    monkeypatch.setattr(qapp, "exec", lambda: 0)
    assert app.run_app(url="unused", demo=False) == 0
    assert opened == ["ana"] and asked == []  # in at once; no sign-in dialog at all


def test_the_wizards_import_problems_scroll_and_copy_in_one_go(qtbot, shown, tmp_path):
    from PySide6.QtWidgets import QApplication, QScrollArea

    from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, workbook

    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    users.create_first_admin(db, "sam", "24681357")
    bad = [move("not a date", "receive", "SYR-1ML", 100, "SITE") for _ in range(60)]
    path = workbook(tmp_path / "in.xlsx", Items=ITEMS, Locations=LOCATIONS, Movements=[MOVES_HEADER, *bad])
    wizard = shown(FirstRunWizard(db, "sam"))
    page = wizard.catalog_page
    page.path.setText(str(path))
    page.spreadsheet.setChecked(True)
    assert page.copy_button.isHidden()
    assert page.validatePage() is False
    settle()
    problems = page.message.text()
    assert problems.count("\n") >= 50 and wizard.currentPage() is not wizard.stock_page  # nothing moved on
    holder = next(s for s in page.findChildren(QScrollArea) if s.widget() is page.message)
    assert holder.maximumHeight() <= 220 and not page.copy_button.isHidden()  # the page stays on screen
    page.copy_button.click()
    assert QApplication.clipboard().text() == problems
