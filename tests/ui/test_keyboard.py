"""Every path by keyboard: Tab never cycles inside one control, and no key is bound twice."""

import re
from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

from hrsupply.ui.main_window import MainWindow
from hrsupply.ui.ops import settle
from tests.ui.helpers import activate
from tests.ui.test_accessible import every_screen

# Shortcuts that answer wherever the focus is in their window (or their screen, for the second).
WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.WidgetWithChildrenShortcut)
TABS = 80  # more stops than any screen has: the walk has to leave every table on the way


def _view_of(widget: QWidget | None) -> QAbstractItemView | None:
    while widget is not None:
        if isinstance(widget, QAbstractItemView):
            return widget
        widget = widget.parentWidget()
    return None


def tab_traps(where: str, root: QWidget, start: QWidget) -> list[str]:
    """Tab from `start` TABS times: a Tab that leaves the focus where it was, or a table that keeps
    it for more Tabs than it has boxes in its cells, is a trap."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    found, held, stayed, previous = [], 0, 0, QApplication.focusWidget()
    for _ in range(TABS):
        QTest.keyClick(QApplication.focusWidget() or root, Qt.Key.Key_Tab)
        QApplication.processEvents()
        now = QApplication.focusWidget()
        view = _view_of(now)
        stayed = stayed + 1 if now is previous else 0
        # A date walks its day, month and year first (Qt's own way), then leaves.
        if stayed > (now.sectionCount() if isinstance(now, QDateTimeEdit) else 0):
            found.append(f"{where}: Tab stays on {type(now).__name__} {now.accessibleName()!r}")
            break
        held = held + 1 if view is not None and view is _view_of(previous) else 0
        boxes = len(view.viewport().findChildren(QWidget)) if view is not None else 0
        if held > boxes + 1:
            found.append(f"{where}: Tab keeps going round {view.accessibleName()!r}")
            break
        previous = now
    return found


def _focusable(screen: QWidget) -> list[QWidget]:
    return [
        w
        for w in screen.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_tab_leaves_every_table_on_every_screen(qtbot, shown, db, cat):
    from hrsupply.services import catalog

    window = shown(MainWindow(db, "admin"))
    found, tables = [], 0
    for where, screen in every_screen(window):
        if "Receive" in where:  # a receipt with a lot-tracked line: boxes in its cells
            tab = window.screens["Supply"].receive
            tab.add(catalog.Match(next(i for i in catalog.items(db) if i.lot_tracked)))
            tab.add(catalog.Match(next(i for i in catalog.items(db) if not i.lot_tracked)))
        activate(qtbot, window)
        views = [w for w in _focusable(screen) if isinstance(w, QAbstractItemView)]
        tables += len(views)
        for view in views:
            found += tab_traps(f"{where} / {view.accessibleName() or type(view).__name__}", screen, view)
    assert tables > 20 and not found, "\n".join(found)


def test_tab_walks_out_of_the_wizard_locations_and_the_edit_grids(qtbot, db):
    from hrsupply.ui.first_run import LocationsPage
    from hrsupply.ui.widgets import EditGrid

    page = LocationsPage(db, "admin")
    grid = EditGrid("Sizes", ("Name", "Holds"))
    found = []
    for where, widget, table in (("wizard locations", page, page.table), ("edit grid", grid, grid.table)):
        qtbot.addWidget(widget)
        widget.show()
        activate(qtbot, widget)
        table.setCurrentCell(0, 0)
        found += tab_traps(where, widget, table)
    assert not found, "\n".join(found)


def test_ctrl_tab_moves_between_cells_where_a_table_is_typed_into(qtbot, db):
    from hrsupply.ui.first_run import LocationsPage

    page = LocationsPage(db, "admin")
    qtbot.addWidget(page)
    page.show()
    activate(qtbot, page)
    page.table.setFocus()
    page.table.setCurrentCell(0, 0)
    QTest.keyClick(page.table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert (page.table.currentRow(), page.table.currentColumn()) == (0, 1)
    QTest.keyClick(page.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ControlModifier)
    assert (page.table.currentRow(), page.table.currentColumn()) == (0, 0)


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return f"Alt+{found.group(1).upper()}" if found else None


def bindings(window: QWidget) -> dict[str, list[tuple[str, QWidget | None]]]:
    """Every key the shown window answers: shortcuts of visible widgets (scope None: wherever the
    focus is in the window; else the widget the focus must be in), buttons' own keys, the menus'
    keys and titles, and the Alt letters of labels, buttons and tabs."""
    keys: dict[str, list[tuple[str, QWidget | None]]] = defaultdict(list)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.isEnabled() and parent.isVisible() and shortcut.context() in WINDOW_WIDE:
            scope = None if shortcut.context() == Qt.ShortcutContext.WindowShortcut else parent
            keys[shortcut.key().toString()].append((f"shortcut on {type(parent).__name__}", scope))
    for action in window.findChildren(QAction):
        if action.isEnabled() and action.isVisible() and not action.shortcut().isEmpty():
            if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut:
                keys[action.shortcut().toString()].append((f"action {action.text()!r}", None))
    for action in window.menuBar().actions():
        if (key := _mnemonic(action.text())) is not None:
            keys[key].append((f"menu {action.text()!r}", None))
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton) and not w.shortcut().isEmpty() and "&" not in w.text():
            keys[w.shortcut().toString()].append((f"button {w.text()!r}", None))
        if isinstance(w, QLabel) and w.buddy() is not None:
            text = w.text()
        elif isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QGroupBox) and w.isCheckable():
            text = w.title()
        elif isinstance(w, QTabBar):
            for n in range(w.count()):
                if (key := _mnemonic(w.tabText(n))) is not None:
                    keys[key].append((f"tab {w.tabText(n)!r}", None))
            continue
        else:
            continue
        if (key := _mnemonic(text)) is not None:
            keys[key].append((f"{type(w).__name__} {text!r}", None))
    return keys


def clashes(keys: dict[str, list[tuple[str, QWidget | None]]]) -> list[str]:
    """Two bindings of a key that can be live at once: either answers the whole window, or one's
    widget holds the other's."""
    found = []
    for key, uses in keys.items():
        for n, (first, scope) in enumerate(uses):
            for second, other in uses[n + 1 :]:
                if scope is None or other is None or scope is other or scope.isAncestorOf(other):
                    found.append(f"{key} = {first}, {second}")
                elif other.isAncestorOf(scope):
                    found.append(f"{key} = {first}, {second}")
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_key_is_bound_twice_on_any_screen(shown, db, cat, language):
    from hrsupply import i18n

    i18n.use(language)
    try:
        window = shown(MainWindow(db, "admin"))
        found = []
        for where, _screen in every_screen(window):
            found += [f"{where}: {clash}" for clash in clashes(bindings(window))]
        window.lock()
        found += [f"lock page: {clash}" for clash in clashes(bindings(window))]
    finally:
        i18n.use("en")
    assert not found, "\n".join(sorted(set(found)))


def test_ctrl_l_is_bound_once_and_locks_and_the_menus_wait_behind_the_lock(qtbot, shown, db, cat):
    window = shown(MainWindow(db, "admin"))
    assert [use for use, _scope in bindings(window)["Ctrl+L"]] == ["action '&Lock'"]
    QTest.keyClick(window.current_screen(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and not window.menuBar().isEnabled()
    window.unlock()
    assert window.menuBar().isEnabled()


def test_a_digit_picks_at_once_and_the_list_is_as_wide_as_its_longest_entry(qtbot):
    from hrsupply.ui.widgets import PickList

    longest = "3  Naloxone nasal spray 4 mg (2-dose kit) (NAL-NASAL-4MG-2)"
    dialog = PickList(None, "Which item?", "“nal” matches 3 items:", ["1  Naloxone inj", "2  Naloxone 2", longest])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.viewport().width() >= dialog.list.fontMetrics().horizontalAdvance(longest)
    QTest.keyClick(dialog.list, Qt.Key.Key_3)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen == longest


def test_among_twelve_a_1_waits_for_the_next_digit(qtbot):
    from hrsupply.ui.widgets import PickList

    dialog = PickList(None, "Which item?", "12 match", [f"{n}  Item {n}" for n in range(1, 13)])
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog.list, Qt.Key.Key_1)
    assert dialog.isVisible() and dialog.chosen == "1  Item 1"
    QTest.keyClick(dialog.list, Qt.Key.Key_2)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.chosen == "12  Item 12"


def test_every_key_a_button_shows_is_bound_and_clicks_it(qtbot, shown, db, cat):
    """ "Post count  (Ctrl+Enter)", "Print load-out sheet…  (Ctrl+P)": the key shown beside a
    button works while its screen is shown, wherever the focus is on it."""
    window = shown(MainWindow(db, "admin"))
    found, tried = [], 0
    for where, screen in every_screen(window):
        keys = bindings(window)
        for button in screen.findChildren(QAbstractButton):
            shown_key = re.search(r"\((Ctrl\+[^)]+|F\d+)\)", button.text())
            if not button.isVisible() or shown_key is None:
                continue
            key = shown_key.group(1).replace("Enter", "Return")
            if key not in keys and shown_key.group(1) not in keys:
                found.append(f"{where}: {button.text()!r} shows a key nothing binds")
            if button.property("keys") and button.isEnabled():
                clicks = []
                button.click = lambda clicks=clicks: clicks.append(1)  # the action itself is tested elsewhere
                activate(qtbot, window)
                QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(key))
                tried += 1
                if not clicks:
                    found.append(f"{where}: {key} did not click {button.text()!r}")
                del button.click
    assert tried >= 5 and not found, "\n".join(found)


def test_tab_never_cycles_inside_one_control_in_the_dialogs(qtbot, db, cat):
    from tests.ui.helpers import main_dialogs

    found = []
    for where, dialog in main_dialogs(db).items():
        qtbot.addWidget(dialog)
        dialog.show()
        activate(qtbot, dialog)
        settle()
        first = next(
            w for w in dialog.findChildren(QWidget) if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        )
        found += tab_traps(where, dialog, first)
        dialog.close()
    assert not found, "\n".join(found)


def test_an_alt_letter_moves_the_focus_and_never_ticks_a_box(qtbot, shown, db, cat):
    """Qt clicks a button that is a label's buddy: Alt+E at the front desk made a referral (and a
    second Alt+E took it back). A label's Alt letter only moves the focus, on every screen and
    in every dialog."""
    from tests.ui.helpers import main_dialogs

    window = shown(MainWindow(db, "admin"))
    places = [(where, screen) for where, screen in every_screen(window)] + list(main_dialogs(db).items())
    clicking = [
        f"{where}: {label.text()!r} clicks {type(label.buddy()).__name__} {label.buddy().text()!r}"
        for where, root in places
        for label in root.findChildren(QLabel)
        if isinstance(label.buddy(), QAbstractButton)
    ]
    assert clicking == []
    desk = window.show_screen("Front desk")
    activate(qtbot, window)
    desk.code.setFocus()
    QTest.keyClick(desk.code, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)  # a click by a label is animated for 100 ms
    assert QApplication.focusWidget() is desk.referrals[0] and not any(b.isChecked() for b in desk.referrals)


@pytest.mark.parametrize("user", ["admin", "lead"])
def test_the_screens_built_after_sign_in_never_take_the_keyboard_from_the_desk(qtbot, shown, db, cat, user):
    """The other screens are built a second after sign-in, while someone may be typing a code: no
    window of their own may show up (a button shown before its screen held it was one), and the
    focus stays in the code field."""
    from PySide6.QtCore import QEvent, QObject

    class Windows(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                self.shown.append(f"{type(watched).__name__} {getattr(watched, 'text', str)()!r}")
            return False

    window = shown(MainWindow(db, user))
    window._warm_timer.stop()
    desk = window.show_screen("Front desk")
    desk.code.setFocus()
    watch = Windows()
    QApplication.instance().installEventFilter(watch)
    try:
        for name in window.names:
            if name not in window.screens:
                window.build(name)
        qtbot.wait(20)
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert watch.shown == [] and QApplication.focusWidget() is desk.code
