from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderScreen(QWidget):
    """A screen that is planned: says what it will do, and offers no buttons that do nothing."""

    def __init__(self, title: str, coming: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        body = QLabel(coming)
        body.setWordWrap(True)
        body.setObjectName("coming")
        body.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
