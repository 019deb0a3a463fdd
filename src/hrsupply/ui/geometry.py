"""Windows, dialogs and splitters open where the user left them (one mixin for all).

Mix `Remembers` in before the Qt class (`class Foo(Remembers, QDialog)`): a window's size and
position, and every splitter's position, are kept in QSettings under the class name, restored
the first time it is shown and saved each time it is hidden."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter


class Remembers:
    def _remember_key(self) -> str:
        return f"geometry/{type(self).__name__}"

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
        for n, splitter in enumerate(self._splitters()):
            if (state := settings.value(f"{key}/splitter{n}")) is not None:
                splitter.restoreState(state)

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
