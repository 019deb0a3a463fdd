"""Home: what needs attention today, each tile opening the screen that handles it, and handouts per
week by category for the last twelve weeks."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hrsupply.i18n import short_day, tr
from hrsupply.ui import ops, preferences
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen

PALETTE = [
    "#2f6690",
    "#3a7d44",
    "#d1495b",
    "#edae49",
    "#66a182",
    "#8d6a9f",
    "#00798c",
    "#c05746",
    "#6c757d",
    "#a4508b",
    "#4f772d",
    "#e76f51",
]
# The starter catalog's categories each have a colour of their own; any other category takes
# one by its name. Either way a category keeps its colour week after week, whatever other
# categories appear or go (by position, a new one shifted every colour after it).
KNOWN = (
    "clothing",
    "food",
    "hygiene",
    "injection supplies",
    "naloxone",
    "safer sex",
    "safer smoking",
    "sharps containers",
    "syringes",
    "test strips",
    "wound care",
)


def category_colour(name: str) -> str:
    import zlib

    key = name.strip().lower()
    n = KNOWN.index(key) if key in KNOWN else zlib.crc32(key.encode())
    return PALETTE[n % len(PALETTE)]


if TYPE_CHECKING:
    from hrsupply.services.dashboard import Dashboard, Trend

ALERT, CALM = "#9b1c1c", "#1d3557"
SHOWN = 4  # lines listed in a tile before "and N more"


def _colour(widget: QWidget, role, colour: str) -> None:
    palette = widget.palette()
    palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


class Tile(QFrame):
    """A figure with a few lines under it; clicking it (or its button, for the keyboard) opens
    where the work is done."""

    opened = Signal()

    def __init__(self, title: str, action: str, parent=None):
        super().__init__(parent)
        # Colours and fonts by palette, not style sheets: a style sheet makes every widget under
        # it slow to lay out, and Home is what the first paint waits for.
        self.setFrameShape(QFrame.StyledPanel)
        self.setCursor(Qt.PointingHandCursor)
        self.setObjectName("tile")
        self.setAutoFillBackground(True)
        _colour(self, QPalette.Window, "white")
        self.title = QLabel(tr("<b>{x}</b>").format(x=escape(title)), wordWrap=True)
        self.figure = QLabel()
        big = QFont(self.font())
        big.setPointSize(24)
        big.setWeight(QFont.DemiBold)
        self.figure.setFont(big)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.button = QPushButton(action)
        self.button.setAccessibleName(f"{title}: {action.rstrip(' →')}")  # two tiles open Stock
        self.button.setFlat(True)
        _colour(self.button, QPalette.ButtonText, "#0b5cad")
        self.button.clicked.connect(self.opened)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.button)

    def show_figure(self, figure: str, lines: list[str], alert: bool, *, empty: str = "") -> None:
        self.figure.setText(figure)
        _colour(self.figure, QPalette.WindowText, ALERT if alert else CALM)
        more = len(lines) - SHOWN
        shown = lines[:SHOWN] + ([tr("<i>and {more} more</i>").format(more=more)] if more > 0 else [])
        self.detail.setText(
            "<br>".join(shown) if shown else "<span style='color:#555'>{}</span>".format(empty or tr("Nothing here."))
        )
        self._hold_lines()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._hold_lines()

    def _hold_lines(self) -> None:
        """Every wrapped line in sight: the tile asks for the height its lines take at its width
        (Qt's grid gives a wrapped label the height of one line each, and at 200% cut them)."""
        for label in (self.title, self.detail):
            label.setMinimumHeight(max(0, label.heightForWidth(max(label.width(), 1))))

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self.opened.emit()
        super().mouseReleaseEvent(event)


class UsageChart(QWidget):
    """Stacked bars: one per week, a colour per category, with a legend on the right."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trend: Trend | None = None
        self.setMinimumHeight(230)

    def set_trend(self, trend: Trend) -> None:
        self.trend = trend
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        trend = self.trend
        if trend is None:
            return
        categories = list(trend.by_category)
        legend_w = 190
        left, top, bottom = 60, 28, 34
        width, height = self.width() - left - legend_w - 20, self.height() - top - bottom
        painter.setPen(QColor("#333"))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(left, 18, tr("Handouts per week, last 12 weeks (units, by category)"))
        painter.setFont(self.font())
        totals = [trend.total(n) for n in range(len(trend.weeks))]
        peak = max(totals + [1])
        step = _nice_step(peak)
        top_value = step * -(-peak // step)
        grid = QPen(QColor("#e5e7eb"))
        for value in range(0, top_value + 1, step):
            y = top + height - height * value / top_value
            painter.setPen(grid)
            painter.drawLine(left, int(y), left + width, int(y))
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(0, y - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:,}",
            )
        slot = width / max(len(trend.weeks), 1)
        for n, week in enumerate(trend.weeks):
            x = left + n * slot + slot * 0.15
            y = top + height
            for category in categories:
                value = trend.by_category[category][n]
                h = height * value / top_value
                painter.fillRect(QRectF(x, y - h, slot * 0.7, h), QColor(category_colour(category)))
                y -= h
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(left + n * slot, top + height + 4, slot, 16), Qt.AlignmentFlag.AlignCenter, short_day(week)
            )
        if not categories:
            painter.drawText(
                QRectF(left, top, width, height), Qt.AlignmentFlag.AlignCenter, tr("No handouts in the last 12 weeks.")
            )
        for c, category in enumerate(categories):
            y = top + c * 18
            painter.fillRect(QRectF(self.width() - legend_w, y + 3, 12, 12), QColor(category_colour(category)))
            painter.setPen(QColor("#333"))
            painter.drawText(
                QRectF(self.width() - legend_w + 18, y, legend_w - 18, 18),
                Qt.AlignmentFlag.AlignVCenter,
                f"{category} ({sum(trend.by_category[category]):,})",
            )
        painter.end()


def _nice_step(peak: int) -> int:
    """A round grid step giving about four lines."""
    raw = max(peak / 4, 1)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def _dashboard(db) -> Dashboard:
    from hrsupply.services import dashboard  # the services load off the UI thread, with the figures

    return dashboard.dashboard(db)


class HomeScreen(Screen):
    # (screen name, what to show there): main_window turns these into filters and tabs
    open_requested = Signal(str, str)
    listens = Changes.STOCK | Changes.VISITS | Changes.CATALOG | Changes.SETTINGS

    def __init__(self, db, screens: list[str] | None = None, parent=None):
        """`screens`: those the signed-in user has; a tile offers no link to any other."""
        super().__init__(parent)
        self.db = db
        self.heading = QLabel("<h2>" + tr("Today") + "</h2>")
        self.next_step = QLabel()  # a new program's next step, until there is stock to show
        self.next_step.setWordWrap(True)
        self.next_step.setStyleSheet("background: #fff7d6; border: 1px solid #e0c060; padding: 8px; font-size: 12pt;")
        self.next_step.hide()
        self.out = Tile(tr("Stocked out"), tr("Open Stock →"))
        self.low = Tile(tr("Below minimum"), tr("Open Stock →"))
        self.expiring = Tile(tr("Lots expiring"), tr("Open Supply → Expiry →"))
        self.naloxone = Tile(tr("Naloxone on hand"), tr("Open Stock (naloxone) →"))
        self.visits = Tile(tr("Visits today"), tr("Open Front desk →"))
        self.review = Tile(tr("Shortfalls to review"), tr("Open Supply → Adjust and review →"))
        self.chart = UsageChart()
        self.chart.setCursor(Qt.PointingHandCursor)
        self.chart.setToolTip(tr("Open Reports"))
        grid, across = QGridLayout(), 2 if preferences.large_text() else 3
        for n, tile in enumerate((self.out, self.low, self.expiring, self.naloxone, self.visits, self.review)):
            grid.addWidget(tile, n // across, n % across)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.next_step)
        layout.addLayout(grid, 3)
        layout.addWidget(self.chart, 2)
        targets = {
            self.out: ("Stock", "out"),
            self.low: ("Stock", "below minimum"),
            self.expiring: ("Supply", "Expiry"),
            self.naloxone: ("Stock", "naloxone"),
            self.visits: ("Front desk", ""),
            self.review: ("Supply", "Adjust and review"),
        }
        for tile, (screen, detail) in targets.items():
            tile.opened.connect(lambda screen=screen, detail=detail: self.open_requested.emit(screen, detail))
            tile.button.setVisible(screens is None or screen in screens)
        if screens is None or "Reports" in screens:
            self.chart.mouseReleaseEvent = lambda _e: self.open_requested.emit("Reports", "")
        else:
            self.chart.unsetCursor()
            self.chart.setToolTip("")

    def reload(self, changes: Changes) -> None:
        ops.run(self, lambda: _dashboard(self.db), self.show_board, key="load")

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        self.next_step.setText(board.next_step or "")
        self.next_step.setVisible(bool(board.next_step))
        self.out.show_figure(
            f"{len(board.stocked_out)}",
            [f"{escape(r.name)} · {r.location}" for r in board.stocked_out],
            bool(board.stocked_out),
        )
        self.low.show_figure(
            f"{len(board.below_minimum)}",
            [
                tr("{name} · {location}: {quantity:,} (min {minimum:,})").format(
                    name=escape(r.name), location=r.location, quantity=r.quantity, minimum=r.minimum
                )
                for r in board.below_minimum
            ],
            bool(board.below_minimum),
        )
        expired = [e for e in board.expiring if e.expired]
        self.expiring.title.setText(
            tr("<b>Lots expired or expiring within {board_expiry_window_days} days</b>").format(
                board_expiry_window_days=board.expiry_window_days
            )
        )
        self.expiring.show_figure(
            f"{len(board.expiring)}" + (tr("  ({n} expired)").format(n=len(expired)) if expired else ""),
            [
                tr("{name} lot {lot} · {location}: {quantity:,}, ").format(
                    name=escape(e.name), lot=escape(e.lot), location=e.location, quantity=e.quantity
                )
                + (tr("<b>expired</b>") if e.expired else tr("expires {day:%Y-%m-%d}").format(day=e.expiry))
                for e in board.expiring
            ],
            bool(expired),
        )
        short = [n for n in board.naloxone if n.short]
        self.naloxone.show_figure(
            f"{sum(n.units for n in board.naloxone):,}",
            [
                (
                    f"<span style='color:{ALERT}'><b>{escape(n.name)}: {n.units:,}</b></span>"
                    if n in short
                    else f"{escape(n.name)}: {n.units:,}"
                )
                + (tr(" (min {minimum:,})").format(minimum=n.minimum) if n.minimum is not None else "")
                + (tr(" · {n:,} expired, to dispose of").format(n=n.expired) if n.expired else "")
                for n in board.naloxone
            ],
            bool(short),
        )
        self.visits.show_figure(f"{board.visits_today:,}", [], False, empty=tr("At every location, since midnight."))
        self.review.show_figure(
            f"{len(board.flagged)}",
            [f"{f.occurred_at:%m-%d} · {escape(f.name)} · {f.location}: {f.quantity:+,}" for f in board.flagged],
            bool(board.flagged),
        )
        self.chart.set_trend(board.trend)
