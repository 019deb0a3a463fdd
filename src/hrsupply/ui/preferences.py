"""What each workstation chooses for itself (kept in its QSettings, not the shared database): the
language of the window and sheets, and the text size. Both apply from the next start."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from hrsupply.i18n import QT_TR_NOOP

LANGUAGES = {"": QT_TR_NOOP("As the system"), "en": "English", "es": "Español"}  # each in its own words
SIZES = (100, 200)  # percent of the system's text size


def language() -> str:
    """ "" (follow the system), "en" or "es"."""
    chosen = QSettings().value("display/language", "", type=str)
    return chosen if chosen in LANGUAGES else ""


def set_language(code: str) -> None:
    QSettings().setValue("display/language", code if code in LANGUAGES else "")


def text_size() -> int:
    size = QSettings().value("display/text_size", 100, type=int)
    return min(max(size, SIZES[0]), SIZES[1])


def large_text() -> bool:
    """150% and up: screens put side-by-side parts one above the other (a laptop is 1280 wide)."""
    return text_size() >= 150


def set_text_size(percent: int) -> None:
    QSettings().setValue("display/text_size", min(max(int(percent), SIZES[0]), SIZES[1]))


def language_in_use() -> str:
    """The language to show: the one chosen here, else the system's if we have it, else English."""
    chosen = language()
    if chosen:
        return chosen
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


_installed: list = []  # Qt's translators put in place by apply()


def forget_translations(app: QApplication) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English))
    while _installed:
        app.removeTranslator(_installed.pop())


def apply(app: QApplication) -> None:
    """At start, before any window: the language (ours, and Qt's own for its dialogs' buttons)
    and the text size, scaled from the system's font (layouts grow with it)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from hrsupply import i18n

    i18n.use(language_in_use())
    focus_ring(app)
    # Qt's own figures and dates (a time field's "mié 2 dic", a spin box's 1.211) follow too.
    QLocale.setDefault(QLocale(QLocale.Language.Spanish if i18n.language() == "es" else QLocale.Language.English))
    if i18n.language() != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{i18n.language()}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    percent = text_size()
    if percent != 100 and not getattr(app, "_scaled", False):
        app._scaled = True  # once: a second call would scale the scaled font
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * percent / 100)
        app.setFont(font)


FOCUS = "#0b5cad"  # 6:1 against the window's grey, 6.5:1 against white: the ring is seen


def focus_ring(app: QApplication) -> None:
    """One style everywhere (Fusion draws the keyboard focus as a ring in the highlight colour;
    the Windows and macOS styles' dotted outline is barely seen), and a highlight dark enough
    for that ring to stand out 3:1 from what is around it."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(FOCUS))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
