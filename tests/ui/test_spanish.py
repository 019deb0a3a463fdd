"""The whole app in Spanish: every screen and tab, the main dialogs and every printed sheet's
headings. A text still in English fails the test (data such as item names stays as entered: the
database here is in Spanish). The translations are checked for their placeholders and tone."""

import re
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from hrsupply import i18n
from hrsupply.services import catalog, movements
from hrsupply.services.ledger import Move
from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle

# Whole words that are English, not Spanish (words both languages share are left out: total, kit, PIN, SKU…).
ENGLISH = set(
    """the and of to for with from at by is are was all new save add remove print cancel close show search stock items
    item location locations date count counts visit visits report reports settings home supply lot lots expiry quantity
    name code type reason users user lock open delete edit back next start post discard receive order orders today week
    month year this last every none yes your what when who which here there be it an or not out on in up sheet label
    labels import export file help done saved due used sent status find choose print unit units source sources
    expired expiring reorder program naloxone returned handed referrals van front""".split()
)
# Spanish texts that happen to be English words or names we keep.
SAME = {"hrsupply", "SKU", "CSV", "PDF", "Total", "Kit", "PIN", "Excel", "CMP"}
SHEETS = {"Items", "Locations", "Par", "Movements"}  # a workbook's sheet names are the file format's


def words_of(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # markup
    text = re.sub(r"&\w+;", " ", text).replace("&", "")  # entities, accelerators
    text = re.sub(r"\(Alt\+\w\)|\(Ctrl\+[\w+]+\)|Ctrl\+\w+|F\d+", " ", text)  # key names
    return re.sub(r"`[^`]*`", " ", text)  # a command to type


def english_words(text: str) -> list[str]:
    found = re.findall(r"[^\W\d_]+", words_of(text))  # words, accented letters and all
    return [w for w in found if w.lower() in ENGLISH and w not in SAME | SHEETS]


def texts_of(root: QWidget) -> list[tuple[str, str]]:
    """(kind, text) of what a person sees on `root`: labels, buttons, group titles, tabs, hints,
    table headings."""
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QLabel):
            found.append(("label", w.text()))
        elif isinstance(w, QAbstractButton):
            found.append(("button", w.text()))
        elif isinstance(w, QGroupBox):
            found.append(("group", w.title()))
        elif isinstance(w, QLineEdit):
            found.append(("hint", w.placeholderText()))
        if isinstance(w, QTabWidget):
            found += [("tab", w.tabText(n)) for n in range(w.count())]
        if w.toolTip():
            found.append(("tooltip", w.toolTip()))
        if isinstance(w, QComboBox):  # every entry of a list, not only the one showing
            found += [("entry", w.itemText(n)) for n in range(w.count())]
        if isinstance(w, QListWidget):
            found += [("list item", w.item(n).text()) for n in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None and hasattr(w, "horizontalHeader"):
            model = w.model()
            found += [
                ("heading", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount())
            ]
    return [(kind, text) for kind, text in found if text]


def still_english(where: str, root: QWidget) -> list[str]:
    return [f"{where}: {kind} {text!r}" for kind, text in texts_of(root) if english_words(text)]


@pytest.fixture
def spanish(qapp, monkeypatch):
    """Spanish, as the app starts in it (Qt's own buttons too)."""
    from hrsupply.ui import preferences

    monkeypatch.setattr(preferences, "language_in_use", lambda: "es")
    preferences.apply(qapp)
    yield
    i18n.use("en")
    preferences.forget_translations(qapp)


@pytest.fixture
def datos(db):
    """A program whose data is in Spanish, as a Spanish-speaking program enters it."""
    with db.write() as s:
        jer = catalog.upsert_item(s, "JER-1ML", name="Jeringa 1 mL", category="Jeringas", barcode="0001")
        nal = catalog.upsert_item(s, "NAL-4MG", name="Naloxona nasal 4 mg", category="Naloxona", lot_tracked=True)
        local = catalog.upsert_location(s, "LOCAL", "Local fijo", "site")
        catalog.upsert_location(s, "MOVIL", "Unidad móvil", "van")
        s.flush()
        lot = catalog.lot_for(s, nal.id, "L1", date(2027, 6, 30)).id
        old = catalog.lot_for(s, nal.id, "L0", date(2026, 1, 31)).id  # expired: Home lists it
        soon = catalog.lot_for(s, nal.id, "L2", date.today() + timedelta(days=20)).id
        catalog.upsert_par(s, local.id, jer.id, 2000, 1000)  # below its minimum
        catalog.upsert_par(s, local.id, nal.id, 60, 30)
        ids = jer.id, nal.id, local.id, lot, old, soon
    jer, nal, local, lot, old, soon = ids
    movements.record(
        db,
        "admin",
        [
            Move("receive", jer, local, 500, datetime(2025, 11, 2, 9)),
            Move("receive", nal, local, 20, datetime(2025, 11, 2, 9), lot_id=lot),
            Move("receive", nal, local, 5, datetime(2025, 11, 2, 9), lot_id=old),
            Move("receive", nal, local, 5, datetime(2025, 11, 2, 9), lot_id=soon),
        ],
    )
    return db


def test_every_screen_and_tab_speaks_spanish(spanish, shown, datos):
    window = shown(MainWindow(datos, "admin"))
    home = window.screens["Home"]
    settle()
    assert "L0" in home.expiring.detail.text() and "L2" in home.expiring.detail.text()  # there to be read
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    found = still_english("window", window.nav)
    found += [f"menu: {a.text()!r}" for m in [window.menuBar(), *menus] for a in m.actions() if english_words(a.text())]
    assert [window.nav.item(n).text() for n in range(3)] == ["Inicio", "Recepción", "Existencias"]
    for name in window.names:
        screen = window.show_screen(name)
        settle()
        tab_widgets = screen.findChildren(QTabWidget) or [None]
        for tabs in tab_widgets:
            for n in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(n)
                    settle()
                where = name + (f" / {tabs.tabText(n)}" if tabs else "")
                found += still_english(where, screen)
                found += [  # a label's words whole: "Tamaño del textc" was cut by its field
                    f"{where}: label {w.text()!r} cut ({w.width()} of {w.sizeHint().width()} px)"
                    for w in screen.findChildren(QLabel)
                    if w.isVisible() and w.buddy() is not None and not w.wordWrap() and w.width() < w.sizeHint().width()
                ]
                if screen.minimumSizeHint().width() > 1280 - window.nav.width() - 12:  # longer words still fit
                    found.append(f"{where}: {screen.minimumSizeHint().width()} px wide")
    found += still_english("status line", window.statusBar())
    window.lock()
    found += still_english("lock page", window.lock_page)
    assert not found, "\n".join(sorted(set(found)))


def test_the_dialogs_speak_spanish(spanish, qtbot, datos, tmp_path):
    from hrsupply.services import program
    from hrsupply.ui.code_builder import CodeBuilderDialog
    from hrsupply.ui.import_dialog import ImportDialog
    from hrsupply.ui.sign_in import SignInDialog
    from hrsupply.ui.tally_entry import TallyEntryDialog

    locations = [(loc.name, loc.id) for loc in catalog.locations(datos)]
    dialogs = {
        "import": ImportDialog(datos, "admin"),
        "sign in": SignInDialog(datos, "admin"),
        "code": CodeBuilderDialog(program.code_scheme(datos)),
        "tally": TallyEntryDialog(datos, "admin", locations[0][1], locations, program.get(datos, "referrals")),
    }
    found = []
    for where, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        found += still_english(where, dialog)
        found += [f"{where}: title {dialog.windowTitle()!r}"] if english_words(dialog.windowTitle()) else []
    # The import's summary of what a workbook holds
    from tests.helpers import LOCATIONS, MOVES_HEADER, move, workbook

    book = workbook(
        tmp_path / "libro.xlsx",
        Locations=LOCATIONS,
        Movements=[MOVES_HEADER, move("2026-11-01", "receive", "JER-1ML", 5, "LOCAL")],
    )
    importing = dialogs["import"]
    importing.path.setText(str(book))
    importing.check()
    settle()
    assert "2" in importing.summary.text()
    found += still_english("import, checked", importing)
    assert not found, "\n".join(found)


def test_every_printed_sheet_is_headed_in_spanish(spanish, datos, tmp_path):
    """The first lines of each sheet (title, subtitle, column headings) carry no English."""
    from pypdf import PdfReader

    from hrsupply.self_test import sheets_of

    found = []
    for what, write in sheets_of(datos, "admin", date(2026, 11, 27)).items():
        path = tmp_path / f"{what}.pdf"
        write(path)
        head = "\n".join(PdfReader(path).pages[0].extract_text().splitlines()[:6])
        found += [f"{what}: {w} in {head!r}" for w in english_words(head)]
    assert not found, "\n".join(found)


def test_every_text_has_a_translation_with_the_same_placeholders_and_plain_words():
    words = i18n.catalogue("es")
    from importlib import resources
    from xml.etree import ElementTree

    ts = resources.files("hrsupply.resources").joinpath("i18n", "hrsupply_es.ts").read_bytes()
    sources = [
        i18n._key(m.findtext("source"), m.findtext("comment") or c.findtext("name"))
        for c in ElementTree.fromstring(ts).iter("context")
        for m in c.iter("message")
    ]
    assert sources and [s for s in sources if s not in words] == []  # none unfinished
    for source in sources:
        fields = lambda t: sorted(set(re.findall(r"\{[^{}]*\}", t)))  # noqa: E731
        assert fields(source) == fields(words[source]), source
        assert source.count("&") - source.count("&nbsp;") - source.count("&lt;") == words[source].count("&") - words[
            source
        ].count("&nbsp;") - words[source].count("&lt;"), source
    stigmatizing = re.compile(r"\b(adict\w*|drogadict\w*|usuarios? de drogas|toxicóman\w*|abuso)\b", re.I)
    assert [t for t in words.values() if stigmatizing.search(t)] == []


def test_a_refusal_is_said_in_spanish(spanish, datos):
    """A service's refusal, built from its parts, reads as one Spanish sentence."""
    from hrsupply.errors import UserError
    from hrsupply.services import visits
    from hrsupply.services.visits import Line, VisitForm

    with datos.read() as s:
        from sqlalchemy import select

        from hrsupply.models import Item, Location

        jer = s.scalar(select(Item.id).where(Item.sku == "JER-1ML"))
        local = s.scalar(select(Location.id).where(Location.code == "LOCAL"))
    with pytest.raises(UserError) as refused:
        visits.record(datos, "desk", VisitForm(local, datetime.now(), "ANJO85", [Line(jer, 0)]))
    assert str(refused.value) == "línea 1: la cantidad debe ser un número entero de 1 a 1.000.000, no 0"
    with pytest.raises(UserError) as refused:
        visits.record(datos, "nadie", VisitForm(local, datetime.now(), None, [Line(jer, 1)]))
    assert english_words(str(refused.value)) == [] and "no es un usuario activo" in str(refused.value)


def refusals(db, jer: int, local: int) -> dict[str, object]:
    """A call with bad input to each service a window form saves through."""
    from hrsupply.services import adjustments, first_run, item_editor, purchase_orders, receiving
    from hrsupply.services.item_editor import BarcodeLine, ComponentLine, ItemForm, PackLine, ParLine

    now = datetime.now()
    bad_item = ItemForm(
        "JER-1ML",
        "",
        "Jeringas",
        limit_quantity=3,
        packs=[PackLine("caja", 1), PackLine("caja", 100)],
        barcodes=[BarcodeLine(""), BarcodeLine("9", "bolsa")],
        pars=[ParLine("NINGUNA", 10, 20)],
        components=[ComponentLine("NADA", 0)],
        order_pack="palé",
    )
    return {
        "receipt": lambda: receiving.record_receipt(
            db, "admin", receiving.ReceiptForm(999, 999, now, "x" * 500, [receiving.ReceiptLine(999, 1)])
        ),
        "receipt pack": lambda: receiving.record_receipt(
            db, "admin", receiving.ReceiptForm(999, local, now, None, [receiving.ReceiptLine(jer, 1, "palé")])
        ),
        "order": lambda: purchase_orders.create(
            db,
            "admin",
            purchase_orders.OrderForm(
                999, 999, "x" * 900, [purchase_orders.OrderLineForm(jer, 0), purchase_orders.OrderLineForm(jer, 1)]
            ),
        ),
        "item": lambda: item_editor.save_item(db, "admin", bad_item),
        "location": lambda: item_editor.save_location(db, "admin", "", "", "barco"),
        "source": lambda: item_editor.save_source(db, "admin", "", "amigo"),
        "locations": lambda: first_run.add_locations(db, "admin", [("A B", "", "barco"), ("A B", "x", "site")]),
        "disposal": lambda: adjustments.dispose(db, "admin", location_id=local, item_id=jer, quantity=1, reason="x"),
        "adjustment": lambda: adjustments.adjust(
            db, "admin", location_id=local, item_id=jer, quantity=1, reason="other", note=""
        ),
    }


def test_every_form_a_window_saves_is_refused_in_spanish(spanish, datos):
    """Each service a window saves through, given bad input, names every problem in Spanish."""
    from hrsupply.errors import UserError

    with datos.read() as s:
        from sqlalchemy import select

        from hrsupply.models import Item, Location

        jer = s.scalar(select(Item.id).where(Item.sku == "JER-1ML"))
        local = s.scalar(select(Location.id).where(Location.code == "LOCAL"))
    said = {}
    for what, call in refusals(datos, jer, local).items():
        with pytest.raises(UserError) as refused:
            call()
        said[what] = str(refused.value)
    # "uno de: site, van, other": the values the command line takes stay as typed
    plain = {what: re.sub(r"uno de:? [\w ,]+", "", text) for what, text in said.items()}
    english = {what: english_words(text) for what, text in plain.items() if english_words(text)}
    assert english == {}, said
    assert said["item"].count("\n") >= 8  # every problem of the form, each in Spanish
    assert "Componentes del kit, fila 1: no hay ningún artículo 'NADA'" in said["item"]


def test_summaries_numbers_and_dates_follow_the_language(db, cat, spanish):
    """What a confirmation reads out is Spanish too, figures grouped the Spanish way and the
    time field's day and month in Spanish (Qt's locale follows the language)."""
    from PySide6.QtCore import QDateTime, QLocale

    from hrsupply.services import visits
    from hrsupply.services.visits import Line, VisitForm

    visit = visits.record(
        db, "admin", VisitForm(cat.site, datetime(2026, 12, 2, 9), None, [Line(cat.syr, 1211)]), confirm_shortfall=True
    )
    summary = visits.undo_summary(db, visit)
    assert summary.startswith("Devuelve al estante: ") and not english_words(summary.split(":")[0])
    assert i18n.number(1211) == "1.211" and QLocale().toString(12110) == "12.110"
    shown = QLocale().toString(QDateTime(2026, 12, 2, 9, 0, 0), "ddd MMM d")
    assert shown.startswith("mié") and "dic" in shown
    assert i18n.tr("Which item?") == "¿Qué artículo?" and i18n.tr("New code?") == "¿Código nuevo?"
    from hrsupply.errors import UserError
    from hrsupply.services import users

    with pytest.raises(UserError, match="^usuario o PIN incorrecto"):  # the refusal at sign-in
        users.sign_in(db, "admin", "0000")


def test_an_advisory_limit_note_speaks_spanish_with_spanish_days(db, cat, spanish):
    from hrsupply.services import catalog, visits
    from hrsupply.services.visits import Line, VisitForm

    with db.write() as s:
        food = catalog.upsert_item(s, "COMIDA", name="Comida", category="Alimentos", limit_quantity=1, limit_days=7)
        s.flush()
        food_id = food.id
    visits.record(
        db, "admin", VisitForm(cat.site, datetime(2026, 11, 2, 9), "MAJO85", [Line(food_id, 1)]), confirm_shortfall=True
    )
    check = visits.check(db, VisitForm(cat.site, datetime(2026, 11, 5, 9), "MAJO85", [Line(food_id, 1)]))
    assert check.advice == ["Comida: se sugieren 1 cada 7 días; 1 entregados desde el 29 oct, el último el lun 02 nov"]


def test_the_workstation_labels_are_never_cut_in_spanish(spanish, shown, datos):
    from hrsupply.ui.program_settings import ProgramTab

    page = shown(ProgramTab(datos, "admin"))
    page.resize(1100, 600)
    label = next(w for w in page.findChildren(QLabel) if w.buddy() is page.text_size)
    assert label.text() == "&Tamaño del texto"
    # Its own width is its least: a form row with a wide field beside it no longer cuts it.
    assert label.minimumWidth() > label.fontMetrics().horizontalAdvance("Tamaño del texto")


def test_a_word_agrees_with_what_it_describes(spanish):
    """A lot is "caducado", a naloxone kit "caducada": the same English word, two translations."""
    from hrsupply.services import adjustments, program

    assert [i18n.tr(r, "stock") for r in adjustments.DISPOSE_REASONS] == [
        "caducado",
        "dañado",
        "retirado por el fabricante",
    ]
    assert i18n.tr("expired") == "caducada" and "expired" in program.NALOXONE_REASONS
    assert i18n.tr("Disposed ({reason}): {name}").format(reason=i18n.tr("expired", "stock"), name="Jeringas") == (
        "Desechado (caducado): Jeringas"
    )
    assert i18n.tr("{n:,} expired").format(n=1211) == "1.211 caducados"  # figures the Spanish way
    assert i18n.tr("nothing to translate {x:,.1f}").format(x=1234.5) == "nothing to translate 1.234,5"


def test_a_buttons_key_is_named_as_a_spanish_keyboard_names_it(spanish, qtbot):
    from PySide6.QtWidgets import QPushButton, QWidget

    from hrsupply.ui.widgets import SAVE_KEYS, keyed

    owner = QWidget()
    qtbot.addWidget(owner)
    assert keyed(owner, QPushButton("Registrar recuento"), *SAVE_KEYS).text() == "Registrar recuento  (Ctrl+Intro)"
    assert keyed(owner, QPushButton("Deshacer"), "Ctrl+Shift+U").text() == "Deshacer  (Ctrl+Mayús+U)"
