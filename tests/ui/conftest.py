import pytest
from PySide6.QtCore import QSettings

from hrsupply.ui import ops
from tests.ui.helpers import activate


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, qapp):
    """Each UI test gets its own settings file, never the real user's."""
    qapp.setOrganizationName("hrsupply-tests")
    qapp.setApplicationName("hrsupply-tests")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    from hrsupply.ui import errors

    for dialog in list(errors.dialogs):  # a test sees only the error dialogs it caused
        try:
            dialog.close()
        except RuntimeError:  # already gone with its window
            pass
    errors.dialogs.clear()
    yield
    ops.settle()  # nothing still running against the test's database when it goes


@pytest.fixture(autouse=True)
def _no_unexpected_questions(monkeypatch):
    """A question a test did not answer fails it at once (a modal box offscreen waits forever)."""
    from hrsupply.ui.screen import AsksFirst
    from hrsupply.ui.widgets import KeepsEdits

    def unexpected(self, *args, **_):
        raise AssertionError(f"{type(self).__name__} asked, and the test gave no answer: {args}")

    monkeypatch.setattr(AsksFirst, "ask_yes_no", unexpected)
    monkeypatch.setattr(KeepsEdits, "ask_unsaved", unexpected)


@pytest.fixture
def settle():
    """Wait until the screens' work off the UI thread has come back (as a person would look up)."""
    return ops.settle


@pytest.fixture
def shown(qtbot):
    """Show a widget as the active window, so keyboard shortcuts reach it as they would a user's."""

    def show(widget):
        qtbot.addWidget(widget)
        widget.show()
        activate(qtbot, widget)
        ops.settle()
        return widget

    return show
