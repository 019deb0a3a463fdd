"""The dialog an unexpected error shows: what happened in plain words, and the details to copy
for whoever supports the program (already scrubbed of codes and PINs by ui/errors.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from hrsupply.i18n import tr
from hrsupply.ui.geometry import Remembers


class ErrorDialog(Remembers, QDialog):
    def __init__(self, text: str, log: logging.Logger, parent=None):
        super().__init__(parent or QApplication.activeWindow())
        self.setWindowTitle(tr("Something went wrong"))
        self.text = text
        folder = next((Path(h.baseFilename).parent for h in log.handlers if hasattr(h, "baseFilename")), None)
        words = QLabel(
            tr(
                "hrsupply hit a problem it did not expect, so the last thing you did may not have "
                "finished. Everything saved before it is safe.\n\n"
                "Check the screen you were on, and try again. If it happens again, press “Copy "
                "details” and send them to whoever supports your program"
            )
            + (tr(" (they are also kept in {folder}).").format(folder=folder) if folder else ".")
        )
        words.setWordWrap(True)
        box = QPlainTextEdit(text, readOnly=True)
        box.setMaximumHeight(160)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.copy_button = buttons.addButton(tr("Copy details"), QDialogButtonBox.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(words)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
