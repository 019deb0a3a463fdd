"""Settings → Program, the client card: phone lines, hours, the statement and what to do with a
card found (English and Spanish), the languages printed, a back or not; a sample card drawn as
it will print, as it is typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from hrsupply.i18n import QT_TR_NOOP, tr
from hrsupply.ui.flow import form_layout
from hrsupply.ui.widgets import Choices

KEYS = ("program_phone", "card_verify_phone", "program_hours", "card_statement", "card_found")
KEYS += ("card_languages", "card_back")
LANGUAGES = (("en+es", QT_TR_NOOP("English and Spanish")), ("en", QT_TR_NOOP("English")), ("es", QT_TR_NOOP("Spanish")))
SAMPLE_CODE = "MAJO85"


def _services():
    from hrsupply.services import card_pdf, cards, program

    return card_pdf, cards, program


class CardSettings(QGroupBox):
    def __init__(self, name: QLineEdit, address: QLineEdit, parent=None):
        super().__init__(tr("Client card"), parent)
        _card_pdf, _cards, program = _services()
        self.name, self.address = name, address  # the program's, printed on the card too
        self.phone, self.verify, self.hours = QLineEdit(), QLineEdit(), QLineEdit()
        self.statement = {lang: QLineEdit() for lang in ("en", "es")}
        self.found = {lang: QLineEdit() for lang in ("en", "es")}
        for field, key in (
            (self.phone, "program_phone"),
            (self.verify, "card_verify_phone"),
            (self.hours, "program_hours"),
        ):
            field.setMaxLength(program.CARD_TEXT[key])
        for fields, key in ((self.statement, "card_statement"), (self.found, "card_found")):
            for field in fields.values():
                field.setMaxLength(program.CARD_PARAGRAPHS[key])
                field.setPlaceholderText(tr("blank: the default, as on the sample"))
        self.verify.setPlaceholderText(tr("a line police may call to verify a card (optional)"))
        self.languages = Choices()
        for code, label in LANGUAGES:
            self.languages.addItem(tr(label), code)
        self.back = QCheckBox(tr("Print a back too (duplex)"))
        self.back.setToolTip(tr("The address, hours and what to do with a card found, on the back"))
        self.sample = QLabel()
        self.sample.setObjectName("cardSample")
        self.sample.setAccessibleName(tr("Sample client card"))
        form = form_layout()
        form.addRow(tr("&Phone"), self.phone)
        form.addRow(tr("&Verification line"), self.verify)
        form.addRow(tr("H&ours"), self.hours)
        form.addRow(tr("Statement (English)"), self.statement["en"])
        form.addRow(tr("Statement (Spanish)"), self.statement["es"])
        form.addRow(tr("If found (English)"), self.found["en"])
        form.addRow(tr("If found (Spanish)"), self.found["es"])
        form.addRow(tr("Card lan&guages"), self.languages)
        form.addRow("", self.back)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.sample)
        row.addStretch(1)
        layout.addLayout(row)
        self._later = QTimer(self, singleShot=True, interval=250, timeout=self.draw_sample)
        for field in (self.name, self.address, self.phone, self.verify, self.hours, *self.statement.values()):
            field.textChanged.connect(self._later.start)
        for field in self.found.values():
            field.textChanged.connect(self._later.start)
        self.languages.currentIndexChanged.connect(self._later.start)
        self.back.toggled.connect(self._later.start)

    def show_values(self, values: dict) -> None:
        self.phone.setText(values["program_phone"])
        self.verify.setText(values["card_verify_phone"])
        self.hours.setText(values["program_hours"])
        for lang in ("en", "es"):
            self.statement[lang].setText(values["card_statement"][lang])
            self.found[lang].setText(values["card_found"][lang])
        self.languages.setCurrentIndex(max(0, self.languages.findData(values["card_languages"])))
        self.back.setChecked(values["card_back"])
        self.draw_sample()

    def values(self) -> dict:
        return {
            "program_phone": self.phone.text().strip(),
            "card_verify_phone": self.verify.text().strip(),
            "program_hours": self.hours.text().strip(),
            "card_statement": {lang: field.text().strip() for lang, field in self.statement.items()},
            "card_found": {lang: field.text().strip() for lang, field in self.found.items()},
            "card_languages": self.languages.currentData(),
            "card_back": self.back.isChecked(),
        }

    def draw_sample(self) -> None:
        """The card as the form stands, front (and back), from the same PDF the printer gets."""
        from hrsupply.ui import pdf_preview

        card_pdf, cards, _program = _services()
        values = {
            **self.values(),
            "program_name": self.name.text().strip() or "—",
            "program_address": self.address.text(),
        }
        path = pdf_preview.scratch(self) / "sample-card.pdf"
        card_pdf.write(path, [card_pdf.Card(SAMPLE_CODE, 1, date.today())], cards.text_of(values), "wallet")
        pages = [QPixmap.fromImage(page) for page in pdf_preview.render_pages(path, dpi=64)]
        self.sample.setPixmap(_side_by_side(pages))


def _side_by_side(pages: list[QPixmap]) -> QPixmap:
    from PySide6.QtGui import QColor, QPainter

    gap = 12
    width = sum(p.width() for p in pages) + gap * (len(pages) - 1)
    out = QPixmap(width, max(p.height() for p in pages))
    out.fill(QColor("transparent"))
    painter = QPainter(out)
    x = 0
    for page in pages:
        painter.drawPixmap(x, 0, page)
        painter.setPen(QColor("#555"))
        painter.drawRect(x, 0, page.width() - 1, page.height() - 1)
        x += page.width() + gap
    painter.end()
    return out
