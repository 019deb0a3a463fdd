"""Sign-in: the first run's admin, the sign-in dialog, and the lock page shown after idle time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from hrsupply.services import users
from hrsupply.services.errors import UserError
from hrsupply.ui.widgets import Message


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.Password)
    return field


class FirstAdminDialog(QDialog):
    """A database with no users yet: whoever sets it up becomes its admin."""

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db, self.account = db, None
        self.setWindowTitle("hrsupply — set up")
        self.username = QLineEdit()
        self.pin, self.again = _pin_field(), _pin_field()
        self.message = Message()
        form = QFormLayout()
        form.addRow("Your username", self.username)
        form.addRow("PIN or password", self.pin)
        form.addRow("Again", self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Create admin")
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>Welcome</h3>This database has no users yet. You will be its admin: "
                                "you add the front desk, van crew and supply lead afterwards, in Settings → Users."))
        layout.itemAt(0).widget().setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def create(self) -> None:
        if self.pin.text() != self.again.text():
            self.message.error("The two PINs differ; type them again.")
            return
        try:
            self.account = users.create_first_admin(self.db, self.username.text(), self.pin.text())
        except UserError as exc:
            self.message.error(str(exc))
            return
        self.accept()


class SignInDialog(QDialog):
    def __init__(self, db, username: str = "", *, hint: str = "", parent=None):
        super().__init__(parent)
        self.db, self.account = db, None
        self.setWindowTitle("hrsupply — sign in")
        self.username = QLineEdit(username or "")
        self.pin = _pin_field()
        self.message = Message()
        form = QFormLayout()
        form.addRow("Username", self.username)
        form.addRow("PIN or password", self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Sign in")
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h3>Sign in</h3>"))
        layout.addLayout(form)
        if hint:
            layout.addWidget(QLabel(hint))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.pin if username else self.username).setFocus()

    def sign_in(self) -> None:
        try:
            self.account = users.sign_in(self.db, self.username.text(), self.pin.text())
        except UserError as exc:
            self.message.error(str(exc))
            self.pin.clear()
            return
        self.accept()


class LockPage(QWidget):
    """Covers the window after idle time: nothing of what was on screen shows until the same
    user types their PIN, or someone else signs in instead."""

    unlocked = Signal()
    switch_user = Signal()

    def __init__(self, db, account: users.Account, parent=None):
        super().__init__(parent)
        self.db, self.account = db, account
        self.pin = _pin_field()
        self.pin.setMaximumWidth(220)
        self.pin.returnPressed.connect(self.unlock)
        self.message = Message()
        self.message.setMinimumWidth(480)
        self.message.setAlignment(Qt.AlignHCenter)
        unlock = QPushButton("Unlock")
        unlock.clicked.connect(self.unlock)
        self.other = QPushButton("Sign in as someone else")
        self.other.clicked.connect(self.switch_user)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (QLabel(f"<h2>Locked</h2>Signed in as <b>{account.username}</b> ({account.role_label}). "
                              "Type your PIN to carry on where you left off."),
                       self.pin, unlock, self.message, self.other):
            layout.addWidget(widget, 0, Qt.AlignHCenter)
        layout.addStretch(2)

    def unlock(self) -> None:
        try:
            users.sign_in(self.db, self.account.username, self.pin.text())
        except UserError:
            self.message.error(f"That is not {self.account.username}'s PIN. Try again, or sign in as someone else.")
            return
        finally:
            self.pin.clear()
        self.message.clear()
        self.unlocked.emit()
