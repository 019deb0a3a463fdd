"""For every pair of eyes: every input on every screen has a name a screen reader says, every
button says what it does, status is never shown by colour alone, colours meet WCAG AA, and a
larger text size still fits a 1366×768 screen."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget: its accessible name, which Qt takes from the
    label whose buddy it is when none is set."""
    face = QAccessible.queryAccessibleInterface(widget)
    return (face.text(QAccessible.Text.Name) if face is not None else "") or ""


def unnamed(where: str, root: QWidget) -> list[str]:
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or w.parent() is None:
            continue
        if isinstance(w.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or an editable combo is the box itself
        if isinstance(w, INPUTS) and not isinstance(w, QHeaderView) and not spoken_name(w).strip():
            found.append(
                f"{where}: {type(w).__name__} {w.objectName()!r} (placeholder {getattr(w, 'placeholderText', str)()!r})"
            )
        if isinstance(w, QAbstractButton) and not (w.text().strip() or spoken_name(w).strip()):
            found.append(f"{where}: a button with no text {w.objectName()!r} (tooltip {w.toolTip()!r})")
    return found


def every_screen(window: MainWindow):
    for name in window.names:
        screen = window.show_screen(name)
        settle()
        for tabs in screen.findChildren(QTabWidget) or [None]:
            for n in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(n)
                    settle()
                yield name + (f" / {tabs.tabText(n)}" if tabs else ""), screen


def test_every_input_on_every_screen_has_a_spoken_name(shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    found = []
    for where, screen in every_screen(window):
        found += unnamed(where, screen)
    window.lock()
    found += unnamed("lock page", window.lock_page)
    assert not found, "\n".join(sorted(set(found)))


def test_the_dialogs_inputs_have_spoken_names(qtbot, db, cat):
    from tests.ui.helpers import main_dialogs

    found = []
    for where, dialog in main_dialogs(db).items():
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        found += unnamed(where, dialog)
    assert not found, "\n".join(found)


def contrast(foreground: str, background: str) -> float:
    def luminance(name: str) -> float:
        c = QColor(name)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_colour_in_the_source_meets_wcag_aa():
    """Text colours (style sheets, pens, the Home figures) against white and the window's colour;
    the light row highlights against the default text they sit behind."""
    from pathlib import Path

    import hrsupply.ui
    from hrsupply.ui.home_screen import ALERT, CALM

    source = "\n".join(p.read_text() for p in Path(hrsupply.ui.__file__).parent.glob("*.py"))
    hexes = r"(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})"
    text = set(re.findall(r"(?<![-\w])color:\s*" + hexes, source)) | {ALERT, CALM}
    text |= set(re.findall(r"setPen\(QColor\(\"" + hexes, source))
    highlights = {c for c in re.findall(r"QColor\(\"" + hexes, source) if QColor(c).lightnessF() > 0.85}
    window = QApplication.palette().window().color().name()
    low = {c: round(min(contrast(c, "#ffffff"), contrast(c, window)), 2) for c in text}
    low |= {c: round(contrast("#000000", c), 2) for c in highlights}
    assert len(text) > 5 and highlights and {c: r for c, r in low.items() if r < 4.5} == {}


def test_stock_status_is_said_in_words_not_only_colour(db, cat, shown):
    from datetime import datetime

    from PySide6.QtCore import Qt

    from hrsupply.services import movements
    from hrsupply.services.ledger import Move

    movements.record(db, "lead", [Move("receive", cat.syr, cat.site, 10, datetime(2026, 11, 2, 9))])
    window = shown(MainWindow(db, "admin"))
    stock = window.show_screen("Stock")
    settle()
    model = stock.model
    status = model.COLUMNS.index("Status")
    texts = {model.data(model.index(r, status), Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())}
    assert texts and all(t and t.strip() for t in texts)  # every row says its status


def test_larger_text_is_never_cut_off_on_a_1366_by_768_screen(qapp, qtbot, shown, db, cat):
    """At 150% and 200% the window still fits the screen, and each screen is shown whole: at
    least its own minimum size, scrolling when the window is smaller."""
    for percent in at_text_sizes(qapp, (150, 200)):
        window = shown(MainWindow(db, "admin"))
        window.resize(1366, 768)
        for where, screen in every_screen(window):
            # Rows arriving may widen a screen; its scroll area follows at the next layout pass.
            qtbot.waitUntil(lambda s=screen: s.size() == s.size().expandedTo(s.minimumSizeHint()), timeout=3000)
            hint, size = window.minimumSizeHint(), screen.size()
            assert hint.width() <= 1366 and hint.height() <= 768, (percent, where, hint)
            assert size.width() >= screen.minimumSizeHint().width(), (percent, where, size)
            assert size.height() >= screen.minimumSizeHint().height(), (percent, where, size)
        window.close()


def at_text_sizes(qapp, percents):
    """Each text size in turn, as the app starts at it (the font scaled); 100% again after."""
    from PySide6.QtGui import QFont

    from hrsupply.ui import preferences

    font = QFont(qapp.font())
    try:
        for percent in percents:
            qapp.setFont(font)
            qapp._scaled = False
            preferences.set_text_size(percent)
            preferences.apply(qapp)
            yield percent
    finally:
        qapp.setFont(font)
        qapp._scaled = False
        preferences.set_text_size(100)


WEAK = {"at", "of", "for", "per", "to", "from", "by", "in", "on", "and"}


def _controls(screen: QWidget) -> list[QWidget]:
    return [
        w
        for w in screen.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and isinstance(w, (*INPUTS, QAbstractButton))
        and not isinstance(w, QHeaderView)
        and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox))
    ]


def weak_names(where: str, screen: QWidget) -> list[str]:
    """Two controls a screen reader names alike cannot be told apart; a bare "of" says nothing;
    a combo box is heard by its label only through the labelled-by relation (a QLabel buddy)."""
    found, seen = [], {}
    buddies = {label.buddy() for label in screen.window().findChildren(QLabel) if label.buddy() is not None}
    labels = {label.buddy(): label for label in screen.window().findChildren(QLabel) if label.buddy() is not None}
    for w in _controls(screen):
        name = spoken_name(w).strip()
        if isinstance(w, QComboBox):  # heard by its label (labelled-by), else as its current text
            if w not in buddies:
                found.append(f"{where}: combo box {name!r} has no label that names it (a buddy)")
            else:
                name = " ".join(labels[w].text().replace("&", "").split())
        if name.lower().rstrip(":") in WEAK or name.startswith("e.g."):
            found.append(f"{where}: {type(w).__name__} named only {name!r}")
        if name in seen and name:
            found.append(f"{where}: two controls named {name!r}")
        seen[name] = w
    return found


def test_every_control_has_a_distinct_name_that_says_what_it_is(shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    found = []
    for where, screen in every_screen(window):
        found += weak_names(where, screen)
    assert not found, "\n".join(sorted(set(found)))


MAIN_ACTIONS = {  # each screen's (tab's) main action, and what must be seen beside it
    "Front desk": ("save_button", "message", "when", "item", "lines_view"),
    "Counts": ("start_button", "post_button", "message"),
    "Supply / Receive": ("receive.save_button", "receive.message", "receive.item"),
    "Van / Load-out": ("load_tab.confirm_button", "load_tab.preview_button", "load_tab.load_message"),
    "Van / Close-out": ("close_tab.close_button", "close_tab.close_message"),
    "Reorder / Suggestions": ("suggestions.draft_button",),
    "Stock": ("search",),
}


def _attribute(screen, path: str):
    for part in path.split("."):
        screen = getattr(screen, part)
    return screen


def test_each_screens_main_action_and_its_message_stay_in_sight_at_any_text_size(qapp, qtbot, shown, db, cat):
    """At 150% and 200% on a 1280×720 laptop, with no scrolling: the button that does the screen's
    work, its message line and the fields around it are wholly inside the window."""
    found, checked = [], 0
    for percent in at_text_sizes(qapp, (100, 150, 200)):
        window = shown(MainWindow(db, "admin"))
        window.resize(1280, 720)
        for where, screen in every_screen(window):
            for path in MAIN_ACTIONS.get(where, ()):
                widget = _attribute(screen, path)
                QApplication.processEvents()
                seen = widget.visibleRegion().boundingRect()
                checked += 1
                if seen != widget.rect():
                    found.append(f"{percent}% {where}: {path} shows {seen} of {widget.rect()}")
        window.close()
    assert checked >= 40 and not found, "\n".join(found)


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_screen_is_wider_than_a_laptop_at_200_percent(qapp, shown, db, cat, language, monkeypatch):
    """At 200% on 1280×720 a screen may scroll down, never sideways: rows of buttons wrap, side by
    side parts go one above the other (Home's tiles, the item's grids, the front desk's fields)."""
    from hrsupply import i18n
    from hrsupply.services import counts, program
    from hrsupply.ui import preferences

    monkeypatch.setattr(preferences, "language_in_use", lambda: language)
    program.put(db, "admin", "syringes_per_pound", 281)  # the desk's weight box shown too
    counts.start(db, "admin", cat.site)  # a count in hand: its progress line widened the screen
    try:
        found = []
        for _ in at_text_sizes(qapp, (200,)):
            window = shown(MainWindow(db, "admin"))
            window.resize(1280, 720)
            for where, screen in every_screen(window):
                if where == "Counts":
                    screen.list.setCurrentRow(0)
                    settle()
                    QApplication.processEvents()
                    said = screen.title.text() + screen.progress.text()
                    assert said and (language == "en" or ("Count" not in said and "differ" not in said)), said
                holder = next(w for w in window.findChildren(QScrollArea) if w.widget() is screen)
                if holder.horizontalScrollBar().maximum():
                    found.append(f"{where}: {holder.horizontalScrollBar().maximum()} px too wide")
            window.close()
        assert not found, "\n".join(found)
    finally:
        i18n.use("en")
        preferences.forget_translations(qapp)


def test_homes_tiles_show_every_line_they_wrap_to_at_200_percent(qapp, shown, db, cat):
    """Qt's grid gave each wrapped line of a tile no room: at 200% a tile showed half a line."""
    from hrsupply.ui.home_screen import Tile

    for _ in at_text_sizes(qapp, (200,)):
        window = shown(MainWindow(db, "admin"))
        window.resize(1280, 720)
        home = window.show_screen("Home")
        settle()
        QApplication.processEvents()
        tiles = home.findChildren(Tile)
        tiles[0].show_figure("3", ["A very long item name that wraps at this size · SITE: 40 (min. 50)"] * 3, True)
        settle()
        QApplication.processEvents()
        cut = [
            f"{tile.title.text()}: {label.height()} px for {label.heightForWidth(label.width())}"
            for tile in tiles
            for label in (tile.title, tile.detail)
            if label.height() < label.heightForWidth(label.width())
        ]
        assert len(tiles) == 6 and cut == []
        window.close()


def test_a_field_given_the_focus_below_the_fold_scrolls_into_sight(qapp, qtbot, shown, db, cat):
    """At 200% the front desk runs below a 1280×720 window: a field reached by its Alt key (not
    only by Tab) is scrolled into sight, up or down, never sideways, and nothing widens the screen."""
    from PySide6.QtTest import QTest

    from tests.ui.helpers import activate

    for _ in at_text_sizes(qapp, (200,)):
        window = shown(MainWindow(db, "admin"))
        window.resize(1280, 720)
        desk = window.show_screen("Front desk")
        settle()
        activate(qtbot, window)
        holder = next(w for w in window.findChildren(QScrollArea) if w.widget() is desk)
        assert holder.horizontalScrollBar().maximum() == 0  # as wide as the window, no wider
        for key, field in ((Qt.Key.Key_V, desk.reversals), (Qt.Key.Key_E, desk.referrals[0]), (Qt.Key.Key_N, None)):
            QTest.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
            QApplication.processEvents()
            field = field or desk.naloxone_reason
            assert QApplication.focusWidget() is field
            assert field.visibleRegion().boundingRect() == field.rect(), key
        assert holder.verticalScrollBar().value() > 0
        desk.code.setFocus()
        QApplication.processEvents()
        assert holder.verticalScrollBar().value() == 0 and desk.code.visibleRegion().boundingRect() == desk.code.rect()
        window.close()


def test_the_field_being_typed_in_stays_in_sight_when_the_screen_grows_above_it(qapp, qtbot, shown, db, cat):
    """The screen's height settles after the focus moved (a list fills in, a message appears
    above): the field keeps its place in sight. It went 16 px below the fold when it did not."""
    from PySide6.QtWidgets import QLabel

    for _ in at_text_sizes(qapp, (200,)):
        window = shown(MainWindow(db, "admin"))
        window.resize(1280, 720)
        desk = window.show_screen("Front desk")
        settle()
        field = desk.referrals[0]
        field.setFocus()
        qtbot.wait(20)
        assert field.visibleRegion().boundingRect() == field.rect()
        above = QLabel("a message that appeared above")
        above.setFixedHeight(240)
        desk.layout().insertWidget(0, above)
        qtbot.wait(50)
        assert QApplication.focusWidget() is field
        assert field.visibleRegion().boundingRect() == field.rect()
        window.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_column_heading_is_cut_even_in_an_empty_table(qapp, shown, db, cat, language):
    """A table with no rows yet (the visit's lines, a new count) still shows each heading whole:
    at 200% Spanish "Cantidad" was cut to "Cantidac" in the default 100 px column, and a text
    column's 200 px cap cut "Naloxone reason"."""
    from hrsupply import i18n
    from hrsupply.ui.tables import SheetView

    i18n.use(language)
    try:
        for _ in at_text_sizes(qapp, (100, 200)):
            window = shown(MainWindow(db, "admin"))
            cut = []
            for where, screen in every_screen(window):
                QApplication.processEvents()
                cut += [
                    f"{where}: {view.accessibleName()!r} {view.model().headerData(c, Qt.Orientation.Horizontal)!r}"
                    f" {view.horizontalHeader().sectionSize(c)} px for {view.horizontalHeader().sectionSizeHint(c)}"
                    for view in screen.findChildren(SheetView)
                    if view.isVisible()
                    for c in range(view.model().columnCount())
                    if c != view.stretch
                    and not view.isColumnHidden(c)
                    and view.columnWidth(c) < view.horizontalHeader().sectionSizeHint(c)
                ]
            window.close()
            assert cut == [], "\n".join(cut)
    finally:
        i18n.use("en")


def test_the_keyboard_focus_is_a_ring_seen_3_to_1_in_the_style_the_app_sets(qapp):
    """Not left to the platform's style: Fusion draws the focus in the highlight colour, which
    stands out at least 3:1 from the window, a field's white and a button."""
    from PySide6.QtGui import QPalette

    from hrsupply.ui import preferences

    preferences.focus_ring(qapp)
    palette = qapp.palette()
    ring = palette.color(QPalette.ColorRole.Highlight).name()
    assert qapp.style().name().lower() == "fusion"
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        assert contrast(ring, palette.color(role).name()) >= 3, role
    assert contrast("#ffffff", ring) >= 4.5  # a selected row's text on the highlight


def test_a_category_keeps_its_colour_on_homes_chart_whatever_else_appears():
    from hrsupply.ui.home_screen import KNOWN, PALETTE, category_colour

    assert len({category_colour(name) for name in KNOWN}) == len(KNOWN) <= len(PALETTE)  # each its own
    before = {name: category_colour(name) for name in ("Syringes", "Naloxone", "Food")}
    # A new category (or one gone) changes nobody's colour: it is the name's, not the position's.
    assert {name: category_colour(name) for name in ("Syringes", "Naloxone", "Food")} == before
    assert category_colour("Syringes") == category_colour(" syringes ") and category_colour("Pet food") in PALETTE
