"""Sign-in: the first run's admin, the sign-in dialog, and the lock page shown after idle time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hrsupply.errors import UserError
from hrsupply.i18n import tr
from hrsupply.services.roles import Account
from hrsupply.ui import ops
from hrsupply.ui.geometry import Remembers
from hrsupply.ui.ops import Changes
from hrsupply.ui.widgets import Message


def _users():
    """The users service, loaded off the first paint's path (a PIN check is the first use)."""
    from hrsupply.services import users

    return users


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    field.setAccessibleName(tr("PIN"))
    return field


class _AccountDialog(Remembers, QDialog):
    """A heading, a username and PIN form, a message line and OK/Cancel; OK calls `action`."""

    def __init__(self, db, title: str, heading: str, ok: str, action, username: str = "", parent=None):
        super().__init__(parent)
        self.db, self.account = db, None
        self.setWindowTitle(tr("hrsupply — {title}").format(title=title))
        self.username = QLineEdit(username)
        self.pin = _pin_field()
        self.message = Message()
        self.form = QFormLayout()
        self.form.addRow(tr("Username"), self.username)
        self.form.addRow(tr("PIN or password"), self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(ok)
        buttons.accepted.connect(action)
        buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        top = QLabel(heading)
        top.setWordWrap(True)
        self.layout_.addWidget(top)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(buttons)


class FirstAdminDialog(_AccountDialog):
    """A database with no users yet: whoever sets it up becomes its admin."""

    def __init__(self, db, parent=None):
        super().__init__(
            db,
            tr("set up"),
            tr(
                "<h3>Welcome</h3>This database has no users yet. You will be its admin: "
                "you add the front desk, van crew and supply lead afterwards, in Settings → Users."
            ),
            tr("Create admin"),
            self.create,
            parent=parent,
        )
        self.again = _pin_field()
        self.form.addRow(tr("Again"), self.again)
        from hrsupply.services.users import ADMIN_CHARACTERS, ADMIN_DIGITS

        self.rule = QLabel(  # said before the first try, not after a refusal
            tr("An admin's PIN has at least {digits} digits, or a password at least {characters} characters.").format(
                digits=ADMIN_DIGITS, characters=ADMIN_CHARACTERS
            )
        )
        self.rule.setWordWrap(True)
        self.form.addRow("", self.rule)
        QWidget.setTabOrder(self.pin, self.again)  # made after the buttons: Tab would skip it
        self.joined: tuple[str, int] | None = None  # (location, users) once made a van laptop
        self.join_button = QPushButton(tr("Join a program's database from a setup file…"))
        self.join_button.setAutoDefault(False)
        self.join_button.clicked.connect(self.join)
        self.layout_.insertWidget(self.layout_.count() - 1, self.join_button)
        self.layout_.insertWidget(
            self.layout_.count() - 1,
            QLabel(tr("(a van laptop: the admin at the site writes that file in Settings → Safety and backups)")),
        )

    def ask_setup_file(self) -> str:
        """The setup file to join from (a test replaces this)."""
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getOpenFileName(self, tr("Join from a setup file"), "", tr("Setup file (*.setup)"))[0]

    def join(self) -> None:
        path = self.ask_setup_file()
        if not path:
            return
        from hrsupply import keys
        from hrsupply.services.sync import package

        passphrase = None
        try:
            needs = bool(package.header(path).get("sealed")) and not keys.key_for(None)
        except UserError:  # not a setup file: the join says so
            needs = False
        if needs:  # sealed with the program's passphrase
            passphrase = self.ask_passphrase()
            if not passphrase:
                return

        def joined(result) -> None:
            self.joined = result
            self.accept()

        def work():
            from hrsupply.services import sync

            return sync.join(self.db, path, passphrase)

        ops.run(self, work, joined, message=self.message, changes=Changes.USERS | Changes.CATALOG)

    def ask_passphrase(self) -> str:
        """The program's passphrase that seals the setup file (a test replaces this)."""
        from PySide6.QtWidgets import QInputDialog

        asked = tr("The program's passphrase (the setup file is sealed with it):")
        text, ok = QInputDialog.getText(self, tr("Setup file"), asked, QLineEdit.Password)
        return text if ok else ""

    def create(self) -> None:
        if self.pin.text() != self.again.text():
            self.message.error(tr("The two PINs differ; type them again."))
            return
        name, pin = self.username.text(), self.pin.text()
        ops.run(self, lambda: _users().create_first_admin(self.db, name, pin), self._done, changes=Changes.USERS)

    def _done(self, account: Account) -> None:
        self.account = account
        self.accept()


class SignInDialog(_AccountDialog):
    def __init__(self, db, username: str = "", *, hint: str = "", parent=None):
        super().__init__(db, tr("sign in"), tr("<h3>Sign in</h3>"), tr("Sign in"), self.sign_in, username or "", parent)
        if hint:
            self.layout_.insertWidget(2, QLabel(hint))
        (self.pin if username else self.username).setFocus()

    def sign_in(self) -> None:
        if ops.busy(self):
            return  # a PIN being checked (a tenth of a second, on purpose): Enter twice is one try
        name, pin = self.username.text(), self.pin.text()
        ops.run(self, lambda: _users().sign_in(self.db, name, pin), self._done, failed=self._refused)

    def _refused(self, exc) -> None:
        self.message.error(str(exc))
        self.pin.clear()

    def _done(self, account: Account) -> None:
        self.account = account
        self.accept()


class LockPage(QWidget):
    """Covers the window after idle time: nothing of what was on screen shows until the same
    user types their PIN, or someone else signs in instead."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, db, account: Account, parent=None):
        super().__init__(parent)
        self.db, self.account = db, account
        self.pin = _pin_field()
        self.pin.setMaximumWidth(220)
        self.pin.returnPressed.connect(self.unlock)
        self.message = Message()
        self.message.setMinimumWidth(480)
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        unlock = QPushButton(tr("Unlock"))
        unlock.clicked.connect(self.unlock)
        self.other = QPushButton(tr("Sign in as someone else"))
        self.other.clicked.connect(self.switch_user)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (
            QLabel(
                tr(
                    "<h2>Locked</h2> Signed in as <b>{account_username}</b> ({account_role_label}). Type your PIN to "
                    "carry on where you left off."
                ).format(account_username=account.username, account_role_label=account.role_label)
            ),
            self.pin,
            unlock,
            self.message,
            self.other,
        ):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def unlock(self) -> None:
        if ops.busy(self):
            return
        name, pin = self.account.username, self.pin.text()
        self.pin.clear()
        ops.run(self, lambda: _users().sign_in(self.db, name, pin), self._unlocked, failed=self._refused)

    def _refused(self, exc) -> None:
        if isinstance(exc, _users().LockedOut):
            self.message.error(
                tr(
                    "Too many wrong PINs for {account_username}: try again after {exc_until:%H:%M}, ask an admin to "
                    "unlock, or sign in as someone else."
                ).format(account_username=self.account.username, exc_until=exc.until)
            )
        else:
            self.message.error(
                tr("That is not {account_username}'s PIN. Try again, or sign in as someone else.").format(
                    account_username=self.account.username
                )
            )

    def _unlocked(self, _account) -> None:
        self.message.clear()
        self.unlocked.emit()
