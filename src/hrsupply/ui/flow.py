"""A row of controls that wraps onto the next line when the window is narrower than the row (at a
larger text size, or in Spanish), instead of widening the screen past the window: the toolbars
above the tables use it, so a screen's main action stays in sight at 200% on a 1280-px laptop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

LONG = 50  # characters: a label longer than this wraps rather than set the screen's width


class FlowLayout(QLayout):
    """Items left to right, wrapping at the layout's width; an item with a stretch (`addWidget(w, stretch)`)
    takes the rest of its line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}
        self._height = 0  # what the lines took at the width last given: asked of the parent as a minimum
        self._heights: dict[int, int] = {}  # height for a width, until an item changes (Qt asks often)
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # As a QHBoxLayout is filled, so a toolbar changes from one to the other by its constructor.
    def addWidget(self, widget: QWidget, stretch: int = 0, *_alignment) -> None:  # noqa: N802 - Qt's name
        super().addWidget(widget)
        if stretch:
            self._stretch[id(self._items[-1])] = stretch

    def addStretch(self, _stretch: int = 0) -> None:  # noqa: N802 - a stretch is where a line ends anyway
        pass

    def addSpacing(self, _size: int) -> None:  # noqa: N802
        pass

    # ---- QLayout ----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return self._heights[width]

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._place(rect, move=True)
        if height != self._height:  # wrapped onto more (or fewer) lines: the parent makes room
            self._height = height
            self.invalidate()

    def sizeHint(self) -> QSize:  # everything on one line
        margins = self.contentsMargins()
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # the widest single item: the rest wraps
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        return QSize(size.width(), max(size.height(), self._height))

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in (i for i in self._items if not i.isEmpty()):
            width = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + width > area.width():
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + width
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            height = max((i.sizeHint().height() for i in line), default=0)
            spare = area.width() - sum(i.sizeHint().width() for i in line) - self.spacing() * (len(line) - 1)
            stretches = sum(self._stretch.get(id(i), 0) for i in line)
            x = area.x()
            for item in line:
                width = item.sizeHint().width()
                if stretches and spare > 0:
                    width += spare * self._stretch.get(id(item), 0) // stretches
                width = min(width, area.width())
                if move:
                    top = y + (height - item.sizeHint().height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item.sizeHint().height())))
                x += width + self.spacing()
            y += height + self.spacing()
        return y - self.spacing() - rect.y() + margins.bottom() if lines[0] else 0


def form_layout() -> QFormLayout:
    """A form whose long rows put the label above the field where the width runs out (at 200%
    a label and its field side by side ran off a laptop's screen)."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def flow_row(*widgets: QWidget | tuple[QWidget, int]) -> QWidget:
    """A widget holding `widgets` in a FlowLayout (a (widget, stretch) pair takes spare width)."""
    holder = QWidget()
    layout = FlowLayout(holder)
    for entry in widgets:
        widget, stretch = entry if isinstance(entry, tuple) else (entry, 0)
        layout.addWidget(widget, stretch)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


def wrap_long_labels(page: QWidget) -> None:
    """A sentence on a screen (a note, a summary, a title) wraps at the window's width: at 200% a
    one-line 80-character note alone was wider than a 1280-px laptop."""
    import re

    for label in page.findChildren(QLabel):
        if not label.wordWrap() and len(re.sub(r"<[^>]+>", "", label.text())) > LONG:
            label.setWordWrap(True)


def sized_by_current(tabs) -> None:
    """A tab widget as large as the tab in sight, not its largest tab: one tall form (Adjust) made
    every Supply tab scroll at 200%, Receive's button below the fold. The hidden tabs ask for no
    room (an ignored size policy) until shown."""

    def fit(current: int) -> None:
        for n in range(tabs.count()):
            policy = QSizePolicy.Policy.Preferred if n == current else QSizePolicy.Policy.Ignored
            tabs.widget(n).setSizePolicy(policy, policy)
        tabs.updateGeometry()

    tabs.currentChanged.connect(fit)
    fit(tabs.currentIndex())


class ScreenHolder(QScrollArea):
    """Holds a screen: as large as the window, and never smaller than the screen's least size,
    scrolling then. Qt's own resizable scroll area gives a screen with wrapping text its
    *preferred* height (a table's full height), so at 200% the buttons under a table went below
    the fold with room to spare; here the table shrinks first."""

    def __init__(self, screen: QWidget, name: str):
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not an empty stop in the Tab order
        self.setAccessibleName(name)
        self.setWidget(screen)
        screen.installEventFilter(self)
        # Tab scrolls a scroll area to the new focus (Qt's focusNextPrevChild); an Alt key, a
        # shortcut or a click in a list does not: follow the focus whichever way it came.
        QApplication.instance().focusChanged.connect(self._follow)

    def _follow(self, _old, now) -> None:
        """Up or down only: sideways, a wide field would take the screen's left edge out of sight."""
        if now is None or not self.isVisible() or not self.widget().isAncestorOf(now):
            return
        top = now.mapTo(self.widget(), QPoint(0, 0)).y()
        bar, seen = self.verticalScrollBar(), self.viewport().height()
        if top < bar.value():  # with some of what is above it: its heading, the screen's title
            bar.setValue(top - seen // 4)
        elif top + min(now.height(), seen) > bar.value() + seen:
            bar.setValue(top + min(now.height(), seen) - seen + 8)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        screen, room = self.widget(), self.maximumViewportSize()
        least = screen.minimumSizeHint().expandedTo(screen.minimumSize())
        width = max(room.width(), least.width())
        if width > room.width():  # a scroll bar along the bottom takes some height
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())
        # Not the layout's height-for-width: Qt's tab widget answers it with its page's preferred
        # height (a table at full length); the least size already holds every line of wrapped text.
        height = least.height()
        if height > room.height():
            width = max(least.width(), width - self.verticalScrollBar().sizeHint().width())
        screen.resize(width, max(room.height(), height))
        # The screen grew or the window shrank under the focus (a list filled in, a message
        # appeared): keep the field being typed in in sight.
        self._follow(None, QApplication.focusWidget())
