"""Van → Sync: where the laptop and the central stand (last sync each way, what waits to go),
sending and receiving directly or by file, and the records set aside, which an admin retries
or dismisses."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from hrsupply.i18n import tr
from hrsupply.ui import ops
from hrsupply.ui.geometry import file_to_open, file_to_save
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.widgets import Choices, Message, note

ARRIVED = Changes.STOCK | Changes.VISITS | Changes.CATALOG | Changes.SETTINGS | Changes.USERS


def _sync():
    from hrsupply.services import sync  # off the UI thread: the window paints before it loads

    return sync


def when(at: datetime | None) -> str:
    """ "10:42" today, "Nov 28 10:42" before, "never"."""
    if at is None:
        return tr("never")
    return f"{at:%H:%M}" if at.date() == datetime.now().date() else f"{at:%b %d %H:%M}"


def read_state(db, user: str):
    """The pairs, and the records set aside (None for whoever may not see them)."""
    from hrsupply.services.access import NotAllowed

    sync = _sync()
    try:
        aside = sync.set_aside(db, user)
    except NotAllowed:
        aside = None
    return sync.pairs(db), aside


class SyncTab(Screen):
    listens = ARRIVED

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.state = QLabel(tr("Reading…"))
        self.state.setTextFormat(Qt.RichText)
        self.state.setWordWrap(True)
        self.pair = Choices()  # at the central: which laptop a file is for
        self.now_button = QPushButton(tr("Send and receive now"))
        self.write_button = QPushButton(tr("Write a sync file…"))
        self.read_button = QPushButton(tr("Read a sync file…"))
        self.message = Message()
        self.aside = QListWidget()
        self.retry_button, self.dismiss_button = QPushButton(tr("Retry")), QPushButton(tr("Dismiss"))
        self.aside_title = QLabel(
            tr("<b>Set aside</b> (a record here already with other content, or one whose item or visit is missing)")
        )
        self.aside_title.setWordWrap(True)
        buttons = QHBoxLayout()
        for widget in (self.now_button, self.pair, self.write_button, self.read_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        aside_buttons = QHBoxLayout()
        aside_buttons.addWidget(self.retry_button)
        aside_buttons.addWidget(self.dismiss_button)
        aside_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(
            note(
                tr(
                    "On the road the laptop keeps working without the network. When the central database "
                    "can be reached, the window sends and receives by itself; otherwise carry a sync file "
                    "either way (a USB stick): a file sent twice, or lost, does no harm."
                )
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(self.aside_title)
        layout.addWidget(self.aside, 1)
        layout.addLayout(aside_buttons)
        layout.addStretch(0)
        self.now_button.clicked.connect(self.send_and_receive)
        self.write_button.clicked.connect(self.write_file)
        self.read_button.clicked.connect(self.read_file)
        self.retry_button.clicked.connect(lambda: self._on_selected("retry"))
        self.dismiss_button.clicked.connect(lambda: self._on_selected("dismiss"))
        self.laptop = False

    def reload(self, changes: Changes = ARRIVED) -> None:
        db, user = self.db, self.user
        ops.run(self, lambda: read_state(db, user), self._show, key="load")

    def _show(self, read) -> None:
        pairs, aside = read
        self.laptop = any(p.role == "central" for p in pairs)
        lines = []
        for p in pairs:
            other = tr("The central") if p.role == "central" else tr("The laptop of {x}").format(x=p.location)
            lines.append(
                tr("<b>{other}</b>: last sent {sent}, last received {received}; {waiting} waiting to go").format(
                    other=other, sent=when(p.last_sent), received=when(p.last_received), waiting=p.waiting
                )
            )
        self.state.setText(
            "<br>".join(lines)
            or tr("This database syncs with no laptop yet: an admin sets one up in Settings → Safety and backups.")
        )
        self.now_button.setVisible(self.laptop)
        self.pair.clear()
        for p in pairs:
            self.pair.addItem(p.location, p.location)
        self.pair.setVisible(not self.laptop and len(pairs) > 1)
        for button in (self.write_button, self.read_button):
            button.setEnabled(bool(pairs))
        self.aside.clear()
        for row in aside or []:
            entry = QListWidgetItem(f"{row.at:%Y-%m-%d %H:%M} · {row.what} · {row.reason}")
            entry.setData(Qt.ItemDataRole.UserRole, row.id)
            self.aside.addItem(entry)
        shown = aside is not None
        for widget in (self.aside_title, self.aside, self.retry_button, self.dismiss_button):
            widget.setVisible(shown)
        self.layout().setStretch(self.layout().count() - 1, 0 if shown else 1)  # the rest stays on top

    def send_and_receive(self) -> None:
        db, user = self.db, self.user

        def done(outcomes) -> None:
            sent, received = outcomes
            self.message.ok(
                tr("Sent: {sent}. Received: {received}.").format(sent=sent.line(), received=received.line())
            )

        ops.run(
            self,
            lambda: _sync().now(db, user),
            done,
            message=self.message,
            changes=ARRIVED,
            busy=tr("Sending and receiving…"),
        )

    def ask_save(self) -> str:
        """Where to write the file (a test replaces this)."""
        name = f"hrsupply-{datetime.now():%Y-%m-%d-%H%M}.sync"
        return file_to_save(self, tr("Write a sync file"), name, "sync", tr("Sync file (*.sync)"))

    def ask_open(self) -> str:
        """Which file to read (a test replaces this)."""
        return file_to_open(self, tr("Read a sync file"), "sync", tr("Sync file (*.sync)"))

    def write_file(self) -> None:
        path = self.ask_save()
        if not path:
            return
        db, user = self.db, self.user
        location = self.pair.currentData() if self.pair.isVisible() else None

        def done(sent) -> None:
            self.message.ok(
                tr("Wrote {path}: {visits} visit(s), {lines} movement line(s). Read it on the other side.").format(
                    path=sent.path, visits=sent.visits, lines=sent.lines
                )
            )
            self.catch_up()

        ops.run(self, lambda: _sync().export_file(db, user, path, location=location), done, message=self.message)

    def read_file(self) -> None:
        path = self.ask_open()
        if not path:
            return
        db, user = self.db, self.user

        def done(outcome) -> None:
            found = (
                tr(" Found stock added for review: {x}.").format(x=", ".join(outcome.found)) if outcome.found else ""
            )
            self.message.ok(outcome.line() + "." + found)

        ops.run(self, lambda: _sync().import_file(db, user, path), done, message=self.message, changes=ARRIVED)

    def _on_selected(self, action: str) -> None:
        entry = self.aside.currentItem()
        if entry is None:
            self.message.error(tr("Choose a record set aside first."))
            return
        aside_id, db, user = entry.data(Qt.ItemDataRole.UserRole), self.db, self.user

        def done(result) -> None:
            if action == "dismiss":
                self.message.ok(tr("Dismissed: it stays out of the records."))
            elif result:
                self.message.ok(tr("Applied: it is in the records now."))
            else:
                self.message.error(tr("Still set aside: the reason is brought up to date."))
            self.catch_up()

        ops.run(self, lambda: getattr(_sync(), action)(db, user, aside_id), done, message=self.message, changes=ARRIVED)
