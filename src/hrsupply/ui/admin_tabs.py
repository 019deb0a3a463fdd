"""Settings tabs only an admin sees: users and roles, safety (lock date, idle lock, backups),
and the audit log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.services import audit, backup, catalog, program, sync, users
from hrsupply.services.access import ROLES
from hrsupply.ui import ops
from hrsupply.ui.ops import Changes
from hrsupply.ui.screen import Screen
from hrsupply.ui.tables import ColumnsModel, table_view
from hrsupply.ui.widgets import Choices, Message, SimpleTab, ask_choice, note

SAFETY = ("lock_date", "idle_lock_minutes", "backup_every_hours", "backup_folder")


class UsersTab(SimpleTab):
    """Add people with a role and a PIN; change a role, switch someone off, or reset a PIN."""

    listens = Changes.USERS

    def __init__(self, db, user: str, parent=None):
        super().__init__(db, user, parent)
        self.username, self.role, self.pin = QLineEdit(), Choices(), QLineEdit()
        for key, label in ROLES.items():
            self.role.addItem(tr(label), key)
        self.pin.setEchoMode(QLineEdit.Password)
        self.pin.setPlaceholderText(tr("at least 6 digits (an admin: 10 characters or 8 digits); blank keeps it"))
        self.active = QCheckBox(tr("Active (may sign in)"))
        self.form.addRow(tr("Username"), self.username)
        self.form.addRow(tr("Role"), self.role)
        self.form.addRow(tr("PIN or password"), self.pin)
        self.form.addRow("", self.active)
        self.unlock_button = QPushButton(tr("Unlock (let them try their PIN again now)"))
        self.unlock_button.clicked.connect(self.unlock)
        self.form.addRow("", self.unlock_button)
        self.form.addRow(
            "",
            note(
                tr(
                    "Front desk and van crew record today's work; van crew also load out and "
                    "close out. A supply lead receives, adjusts, counts and orders, and may date "
                    "entries back to the lock date. An admin manages users and settings."
                )
            ),
        )
        self.fields = (self.username, self.role, self.pin, self.active)
        self._rows = {}
        self._open(None)

    def reload(self, changes: Changes = Changes.USERS) -> None:
        ops.run(self, lambda: users.users(self.db), self._show_rows, key="load")

    def _show_rows(self, found) -> None:
        self.list.clear()
        self._rows = {u.username: u for u in found}
        now = datetime.now()
        for u in self._rows.values():
            notes = [] if u.active else ["switched off"]
            if u.short_secret:
                notes.append("PIN too short: set a new one")
            if u.locked_until and u.locked_until > now:
                notes.append(f"locked until {u.locked_until:%H:%M}")
            entry = QListWidgetItem(f"{u.username} — {tr(ROLES[u.role])}" + "".join(f" · {n}" for n in notes))
            entry.setData(Qt.ItemDataRole.UserRole, u.username)
            self.list.addItem(entry)
        if self._id in self._rows:
            self._open(self._id)

    def show(self, username) -> None:
        u = self._rows.get(username)
        self._id = username if u else None
        self.username.setText(u.username if u else "")
        self.username.setReadOnly(u is not None)  # a name stays: the ledger says who recorded what
        self.role.setCurrentIndex(self.role.findData(u.role if u else "front_desk"))
        self.active.setChecked(u.active if u else True)
        self.unlock_button.setVisible(bool(u and u.locked_until and u.locked_until > datetime.now()))
        self.pin.clear()

    def unlock(self) -> None:
        who = self._id
        ops.run(
            self,
            lambda: users.unlock(self.db, self.user, who),
            lambda _r: self.message.ok(tr("{who} may sign in again now.").format(who=who)),
            changes=Changes.USERS,
        )

    def save_work(self):
        username, pin, role, active = (
            self._id,
            self.pin.text() or None,
            self.role.currentData(),
            self.active.isChecked(),
        )
        new_name = self.username.text()
        self.pin.clear()  # a PIN is not kept on screen a moment longer than needed

        def work() -> str:
            if username is None:
                users.add_user(self.db, self.user, new_name, role, pin or "")
                return new_name.strip().lower()
            users.change_user(self.db, self.user, username, role=role, active=active, secret=pin)
            return username

        return work


class SafetyTab(Screen):
    """The lock date, the idle lock, and backups."""

    listens = Changes.SETTINGS

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        self.locked = QCheckBox(tr("Lock the records before"))
        self.lock_date = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.idle = QSpinBox(minimum=1, maximum=240, suffix=tr(" minutes without use"))
        self.every = QSpinBox(minimum=1, maximum=168, suffix=tr(" hours"))
        for spin in (self.idle, self.every):
            spin.setMaximumWidth(260)
        self.folder = QLineEdit()
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        save, now = QPushButton(tr("Save")), QPushButton(tr("Back up now"))
        save.setEnabled(False)  # until the settings are read: never save the form's blanks
        self.save_button = save
        save.clicked.connect(self.save)
        now.clicked.connect(self.back_up_now)
        self.message = Message()
        self.latest = QLabel()
        form = QFormLayout()
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.locked)
        lock_row.addWidget(self.lock_date)
        lock_row.addStretch(1)
        form.addRow(tr("Lock date"), lock_row)
        form.addRow(
            "",
            note(
                tr(
                    "Nobody but an admin may record or correct anything dated before the lock date: "
                    "set it when a month has been reported."
                )
            ),
        )
        form.addRow(tr("Lock the screen after"), self.idle)
        form.addRow(tr("Back up every"), self.every)
        form.addRow(tr("Backup folder"), folder_row)
        form.addRow(
            "",
            note(
                tr(
                    "Backups of this database are taken while the app is open and when it closes; "
                    "the newest of each of the last 7 days and of 4 weeks before are kept. "
                    "Leave the folder blank for a “backups” folder beside the database. Restore "
                    "with `hrsupply restore FILE`. A PostgreSQL server is backed up on the server "
                    "(`hrsupply backup` there runs pg_dump)."
                )
            ),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(now)
        buttons.addStretch(1)
        self.laptop_button = QPushButton(tr("Set up a van laptop…"))
        self.laptop_button.clicked.connect(self.set_up_laptop)
        laptop = QHBoxLayout()
        laptop.addWidget(self.laptop_button)
        laptop.addWidget(
            note(
                tr(
                    "A laptop for a van (or a partner location) works offline on the road with its own "
                    "database: this writes the file it is set up from (the catalog, the users who may sign "
                    "in there, the location's stock). It holds the pair's key: carry it by hand."
                )
            ),
            1,
        )
        self.encrypt_button = QPushButton(tr("Encrypt this database…"))
        self.encrypt_button.clicked.connect(self.encrypt)
        self.encryption = QLabel()
        self.encryption.setWordWrap(True)
        locked = QHBoxLayout()
        locked.addWidget(self.encrypt_button)
        locked.addWidget(self.encryption, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.latest)
        layout.addLayout(locked)
        layout.addLayout(laptop)
        layout.addStretch(1)
        self._show_encryption()

    def _show_encryption(self) -> None:
        """Encrypted or not, said; the button encrypts a plain SQLite database or changes the
        passphrase of an encrypted one."""
        if not self.db.is_sqlite:
            self.encrypt_button.hide()
            self.encryption.setText(tr("A PostgreSQL database is kept on its server: encrypt the server's disk."))
        elif self.db.encrypted:
            self.encrypt_button.setText(tr("Change passphrase…"))
            self.encryption.setText(tr("This database and its backups are encrypted."))
        else:
            self.encrypt_button.setText(tr("Encrypt this database…"))
            self.encryption.setText(
                tr("Not encrypted: a lost or stolen computer gives away every participant code in it.")
            )

    def ask_new_key(self, changing: bool) -> str | None:
        """A new passphrase, typed twice (a test replaces this)."""
        from hrsupply.ui.key_dialogs import NewKeyDialog

        dialog = NewKeyDialog(
            tr("change passphrase") if changing else tr("encrypt"),
            tr("Close hrsupply on every other workstation first.")
            + " "
            + (
                tr("The database and its backups get the new passphrase.")
                if changing
                else tr("The database and its backups are encrypted with this passphrase.")
            ),  # fmt: skip
            tr("Change passphrase") if changing else tr("Encrypt"),
            parent=self,
        )
        if not dialog.exec():
            return None
        self._remember = dialog.remember.isChecked()
        return dialog.passphrase

    def encrypt(self) -> None:
        from hrsupply.services import encryption

        changing = self.db.encrypted
        key = self.ask_new_key(changing)
        if not key:
            return
        ops.settle()  # nothing of this window is reading the file while it is rewritten
        work = encryption.change_key if changing else encryption.encrypt

        def done(result) -> None:
            from hrsupply import keys

            if getattr(self, "_remember", False):
                keys.remember(result.database, key)
            self._show_encryption()
            self.message.ok(
                tr("Done: the database and {n} backup(s) are encrypted. Print the recovery sheet and keep it safe.")
                .format(n=result.backups)
            )  # fmt: skip
            self.show_recovery_sheet(key, str(result.database))

        ops.run(self, lambda: work(self.db, self.user, key), done, busy=tr("Encrypting the database…"))

    def show_recovery_sheet(self, key: str, database: str) -> None:
        from hrsupply.ui.key_dialogs import show_recovery_sheet

        show_recovery_sheet(self, key, database, program.get(self.db, "program_name"))

    def reload(self, changes: Changes = Changes.SETTINGS) -> None:
        def read():
            values = {key: program.get(self.db, key) for key in SAFETY}
            folder = values["backup_folder"] or backup.default_folder(self.db.url)
            return values, backup.backups(folder) if self.db.is_sqlite else []

        ops.run(self, read, self._show, key="load")

    def _show(self, read) -> None:
        values, found = read
        self.save_button.setEnabled(True)
        lock = values["lock_date"]
        self.locked.setChecked(bool(lock))
        self.lock_date.setDate(
            QDate.fromString(lock, "yyyy-MM-dd") if lock else QDate.currentDate().addDays(1 - QDate.currentDate().day())
        )
        self.idle.setValue(values["idle_lock_minutes"])
        self.every.setValue(values["backup_every_hours"])
        self.folder.setText(values["backup_folder"])
        self.latest.setText(
            tr("Newest backup: {path} ({taken_at:%Y-%m-%d %H:%M}), {n} kept.").format(
                path=found[0].path, taken_at=found[0].taken_at, n=len(found)
            )
            if found
            else tr("No backups yet in that folder.")
        )

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("Backup folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        wanted = {
            "lock_date": self.lock_date.date().toString("yyyy-MM-dd") if self.locked.isChecked() else None,
            "idle_lock_minutes": self.idle.value(),
            "backup_every_hours": self.every.value(),
            "backup_folder": self.folder.text().strip(),
        }

        def work() -> None:
            program.put_many(self.db, self.user, wanted)

        ops.run(
            self,
            work,
            lambda _r: self.message.ok(tr("Saved. The idle lock and backup times apply from the next sign-in.")),
            changes=Changes.SETTINGS,
        )

    def set_up_laptop(self) -> None:
        db = self.db

        def ask(places) -> None:
            codes = [f"{l.code} — {l.name}" for l in places if l.kind != "site"]
            if not codes:
                self.message.error(tr("Add a van (or a partner location) in Settings → Locations first."))
                return
            chosen, ok = self.ask_choice(tr("Set up a van laptop"), tr("The laptop is for:"), codes)
            path = self.ask_setup_path(chosen.split(" — ")[0]) if ok else ""
            if not path:
                return
            code, user = chosen.split(" — ")[0], self.user

            def done(made) -> None:
                self.message.ok(
                    tr(
                        "Wrote {path}. On the laptop, start hrsupply and choose “Join a program's database from a "
                        "setup file”; keep the file private."
                    ).format(path=made)
                )

            ops.run(self, lambda: sync.setup(db, user, code, path, central_url=db.url), done, message=self.message)

        ops.run(self, lambda: catalog.locations(db), ask, message=self.message)

    def ask_choice(self, title: str, label: str, choices: list[str]) -> tuple[str, bool]:
        return ask_choice(self, title, label, choices)

    def ask_setup_path(self, code: str) -> str:
        """Where to write the setup file (a test replaces this)."""
        name = f"hrsupply-laptop-{code}.setup"
        return QFileDialog.getSaveFileName(self, tr("Set up a van laptop"), name, tr("Setup file (*.setup)"))[0]

    def back_up_now(self) -> None:
        self.message.ok(tr("Backing up…"))
        ops.run(
            self,
            lambda steps: backup.automatic(self.db, steps),
            self._done,
            busy=tr("Backing up the database…"),
            cancellable=True,
        )

    def _done(self, made) -> None:
        self.message.ok(
            tr("Backed up to {made_path}.").format(made_path=made.path)
            if made
            else tr("This is a server database: back it up on the server with `hrsupply backup` (pg_dump).")
        )
        self.catch_up(Changes.SETTINGS)  # the newest backup shown


class AuditModel(ColumnsModel):
    COLUMNS = (
        QT_TR_NOOP("When"),
        QT_TR_NOOP("Who"),
        "",
        QT_TR_NOOP("What"),
        QT_TR_NOOP("Which"),
        QT_TR_NOOP("Changes"),
    )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        e = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{e.at:%Y-%m-%d %H:%M}", e.user, e.action, e.entity, e.key, e.summary())[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return e.summary()
        return None


class AuditTab(Screen):
    listens = Changes.ALL  # every change an admin makes is audited
    ENTITIES = {  # what was changed, as the list names it
        "item": QT_TR_NOOP("Item"),
        "par": QT_TR_NOOP("Par"),
        "location": QT_TR_NOOP("Location"),
        "source": QT_TR_NOOP("Source"),
        "user": QT_TR_NOOP("User"),
        "setting": QT_TR_NOOP("Setting"),
        "preset": QT_TR_NOOP("Preset"),
        "import": QT_TR_NOOP("Import"),
    }

    def __init__(self, db, user: str, parent=None):
        super().__init__(parent)
        self.db, self.user = db, user
        today = date.today()
        self.start = QDateEdit(QDate(today - timedelta(days=30)), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.end = QDateEdit(QDate(today), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.what = Choices()
        self.what.addItem(tr("Everything"), None)
        for entity, name in self.ENTITIES.items():
            self.what.addItem(tr(name), entity)
        self.model = AuditModel(self)
        self.table = table_view(self.model, stretch=5)
        bar = QHBoxLayout()
        for label, widget in (("From", self.start), ("to", self.end), ("Show", self.what)):
            bar.addWidget(QLabel(tr(label)))
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "Who changed an item, a par level, a location, a source, a user or a setting, "
                    "and from what to what. Who recorded each movement is on its stock card."
                )
            )
        )
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        for signal in (self.start.dateChanged, self.end.dateChanged, self.what.currentIndexChanged):
            signal.connect(self.refresh)

    def reload(self, changes: Changes) -> None:
        self.refresh()

    def refresh(self, *_args) -> None:
        start, end, entity = self.start.date().toPython(), self.end.date().toPython(), self.what.currentData()
        ops.run(
            self,
            lambda: audit.entries(self.db, self.user, start=start, end=end, entity=entity),
            self.model.set_rows,
            key="load",
        )
