"""Windows, dialogs and splitters open where the user left them (one mixin for all).

Mix `Remembers` in before the Qt class (`class Foo(Remembers, QDialog)`): a window's size and
position, and every splitter's position, are kept in QSettings under the class name, restored
the first time it is shown and saved each time it is hidden."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter


class Remembers:
    def _remember_key(self) -> str:
        """By class, and by text size: a dialog left large at 200% opens at its own size at 100%."""
        from hrsupply.ui.preferences import text_size

        size = text_size()
        return f"geometry/{type(self).__name__}" + ("" if size == 100 else f"@{size}")

    def _splitters(self) -> list[QSplitter]:
        return self.findChildren(QSplitter)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        from hrsupply.ui.accessible import name_inputs

        name_inputs(self)  # inputs made since (a tab's rows, a dialog's fields) are named too
        from hrsupply.ui.flow import wrap_long_labels

        wrap_long_labels(self)
        if getattr(self, "_restored", False):
            return
        self._restored = True
        settings, key = QSettings(), self._remember_key()
        if self.isWindow() and (geometry := settings.value(f"{key}/window")) is not None:
            self.restoreGeometry(geometry)
        if self.isWindow():
            self._keep_on_screen()
        for n, splitter in enumerate(self._splitters()):
            if (state := settings.value(f"{key}/splitter{n}")) is not None:
                splitter.restoreState(state)

    def _keep_on_screen(self) -> None:
        """Never larger than the screen it is on, nor off its edge (a screen changed since)."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), room.width() - extra_w)
        height = min(self.height(), room.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), room.x()), room.right() - frame.width() + 1)
        y = min(max(frame.y(), room.y()), room.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def hideEvent(self, event) -> None:
        if getattr(self, "_restored", False):
            settings, key = QSettings(), self._remember_key()
            if self.isWindow():
                settings.setValue(f"{key}/window", self.saveGeometry())
            for n, splitter in enumerate(self._splitters()):
                settings.setValue(f"{key}/splitter{n}", splitter.saveState())
        super().hideEvent(event)


def file_to_save(parent, title: str, name: str, kind: str, filter_: str) -> str:
    """The save dialog, opened in the folder this workstation last saved that kind of file to
    ("xlsx", "pdf", "sync", …): a supply lead's exports go to one folder, the van's sync files
    to the USB stick. "" when cancelled."""
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    settings = QSettings()
    folder = settings.value(f"folders/{kind}", "")
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name) if folder else name, filter_)
    if path:
        settings.setValue(f"folders/{kind}", str(Path(path).parent))
    return path


def file_to_open(parent, title: str, kind: str, filter_: str) -> str:
    """The open dialog, in the folder this kind of file was last opened or saved from."""
    from pathlib import Path

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog

    settings = QSettings()
    path, _ = QFileDialog.getOpenFileName(parent, title, settings.value(f"folders/{kind}", ""), filter_)
    if path:
        settings.setValue(f"folders/{kind}", str(Path(path).parent))
    return path
