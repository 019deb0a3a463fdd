"""Every input says what it is to a screen reader: the words a sighted person reads beside it.

`name_inputs(page)` runs when a page is shown (`geometry.Remembers`, which every screen, tab and
dialog mixes in). An input already named, or labelled by a QLabel whose buddy it is (a form
row), is left as it is. Otherwise it takes the label just before it in its row (made its buddy,
so the label's Alt+letter reaches it too), else its placeholder, else the title of its box or tab.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from hrsupply.i18n import tr

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit)
# A label that only links a field to the one before says little alone: "From (date)" is heard.
LINKING = {"from", "to", "desde", "hasta", "a", "de"}


def _plain(text: str) -> str:
    import re

    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&", "")
    return " ".join(text.split()).rstrip(":")


def _label_before(widget: QWidget) -> QLabel | None:
    """The QLabel just before `widget` in the layout that holds it (a "From [date]" row)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    found = _find(layout, widget) if layout is not None else None
    if found is None:
        return None
    holder, index = found
    for n in range(index - 1, -1, -1):
        item = holder.itemAt(n).widget()
        if isinstance(item, QLabel) and item.text().strip():
            return item
        if item is not None and isinstance(item, INPUTS):
            return None  # another input comes between: that label is not this one's
    return None


def _form_label(widget: QWidget) -> QLabel | None:
    """The label of the form row whose field is a row of boxes holding `widget` ("Backup folder
    [path] [Choose…]"), when nothing in that row names it first."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    for form in [layout, *(layout.findChildren(QFormLayout) if layout is not None else [])]:
        if not isinstance(form, QFormLayout):
            continue
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if field is not None and field.layout() is not None and _find(field.layout(), widget) is not None:
                label = form.labelForField(field.layout())
                return label if isinstance(label, QLabel) and label.text().strip() else None
    return None


def _find(layout: QLayout, widget: QWidget) -> tuple[QLayout, int] | None:
    for n in range(layout.count()):
        item = layout.itemAt(n)
        if item.widget() is widget:
            return layout, n
        if item.layout() is not None and (inner := _find(item.layout(), widget)) is not None:
            return inner
    return None


def _context(widget: QWidget) -> str:
    """The title of the box or tab the widget is in."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return _plain(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            return _plain(tabs.tabText(tabs.indexOf(child)))
        child, parent = parent, parent.parentWidget()
    return ""


def name_inputs(page: QWidget) -> None:
    labelled = {label.buddy() for label in page.findChildren(QLabel) if label.buddy() is not None}
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QHeaderView) or widget.accessibleName():
            continue
        if widget in labelled or isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        label = _label_before(widget) or _form_label(widget)
        if label is not None:
            if label.buddy() is None:
                label.setBuddy(widget)
            name = _plain(label.text())
            if isinstance(widget, QDateEdit) and name.lower() in LINKING:  # "From [date] to [date]"
                name = tr("{x} (date)").format(x=name)
            widget.setAccessibleName(name)
            continue
        hint = widget.placeholderText() if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) else ""
        context = _context(widget)
        if isinstance(widget, QAbstractItemView) and context:
            hint = context
        widget.setAccessibleName(_plain(hint or context))
