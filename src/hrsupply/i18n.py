"""The app's words in the language of the person using it: the window and every printed sheet.

The source text is English, written where it is used as `tr("…")` (a text with figures in it:
`tr("Saved {n} lines.").format(n=n)`), or marked with `QT_TR_NOOP("…")` where it is only named
(a table's column headings). A word whose translation depends on what it describes (Spanish
"caducado", a lot, against "caducada", a naloxone kit) is marked `QT_TRANSLATE_NOOP("stock", "…")`
and shown with `tr(word, "stock")`. `make translations` runs Qt's pyside6-lupdate over the source to
keep `resources/i18n/hrsupply_es.ts` (a Qt Linguist file: open it with pyside6-linguist) up to
date; this module reads that file. It is Qt-free: the printed sheets and the command line use it
too. Item, location and source names are data and stay as entered.
"""

from __future__ import annotations

import string
from importlib import resources
from xml.etree import ElementTree

LANGUAGES = ("en", "es")
_words: dict[str, str] = {}
_language = ["en"]


def catalogue(language: str) -> dict[str, str]:
    """{English source: translation} from the language's .ts file (finished translations only)."""
    if language == "en":
        return {}
    path = resources.files("hrsupply.resources").joinpath("i18n", f"hrsupply_{language}.ts")
    words = {}
    for context in ElementTree.fromstring(path.read_bytes()).iter("context"):  # our own file, not input
        sense = context.findtext("name")
        for message in context.iter("message"):
            source, translation = message.findtext("source"), message.find("translation")
            if source and translation is not None and translation.text and translation.get("type") is None:
                # tr(word, "stock") is lupdate's disambiguation (a <comment>), QT_TRANSLATE_NOOP
                # its context: either names the sense
                words[_key(source, message.findtext("comment") or sense)] = translation.text
    return words


def _key(text: str, sense: str | None) -> str:
    return f"{sense}\x04{text}" if sense else text


def use(language: str) -> None:
    """Speak `language` ("en" or "es") from now on (at start-up, before any window is made)."""
    language = language if language in LANGUAGES else "en"
    _words.clear()
    _words.update(catalogue(language))
    _language[0] = language


def language() -> str:
    return _language[0]


def tr(text: str, sense: str | None = None) -> str:
    """`text` in the language in use (the English source if it has no translation); `sense` picks
    the translation marked for it with QT_TRANSLATE_NOOP, where the word alone is ambiguous."""
    said = (sense and _words.get(_key(text, sense))) or _words.get(text, text)
    return _Spanish(said) if _language[0] == "es" else said


class _SpanishFigures(string.Formatter):
    """ "{n:,}" groups thousands with "." and marks decimals with "," (1.211; 2,5)."""

    def format_field(self, value: object, spec: str) -> str:
        text = super().format_field(value, spec)
        if "," in spec and isinstance(value, int | float):
            return text.translate(_SWAP)
        return text


_SWAP = str.maketrans(",.", ".,")
_FIGURES = _SpanishFigures()


class _Spanish(str):
    """A translated text whose .format() writes figures the Spanish way."""

    def format(self, *args: object, **kwargs: object) -> str:
        return _FIGURES.vformat(self, args, kwargs)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks a text for translation where it is defined; `tr()` translates it where it is shown."""
    return text


def QT_TRANSLATE_NOOP(sense: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for translation in `sense` (shown with `tr(text, sense)`)."""
    return text


_MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
_DAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")


def number(n: int | float) -> str:
    """ "1,211" / "1.211": a whole figure as the language groups its thousands."""
    text = f"{n:,.0f}"
    return text.replace(",", ".") if _language[0] == "es" else text


def long_date(day, *, weekday: bool = False) -> str:
    """ "Friday November 27, 2026" / "viernes 27 de noviembre de 2026" (printed sheets)."""
    if _language[0] == "es":
        text = f"{day.day} de {_MONTHS_ES[day.month - 1]} de {day.year}"
        return f"{_DAYS_ES[day.weekday()]} {text}" if weekday else text
    return f"{day:%A %B %d, %Y}" if weekday else f"{day:%B %d, %Y}"


def short_day(day, *, weekday: bool = False) -> str:
    """ "Nov 02" / "02 nov" (a chart's axis); with the weekday "Wed Dec 02" / "mié 02 dic"."""
    if _language[0] == "es":
        text = f"{day.day:02d} {_MONTHS_ES[day.month - 1][:3]}"
        return f"{_DAYS_ES[day.weekday()][:3]} {text}" if weekday else text
    return f"{day:%a %b %d}" if weekday else f"{day:%b %d}"


def month_year(day, *, short: bool = False) -> str:
    """ "November 2026" / "noviembre de 2026"; short: "Nov 2026" / "nov 2026"."""
    if _language[0] == "es":
        name = _MONTHS_ES[day.month - 1]
        return f"{name[:3]} {day.year}" if short else f"{name} de {day.year}"
    return f"{day:%b %Y}" if short else f"{day:%B %Y}"


def period(start, end) -> str:
    """A span of days as a sheet's subtitle says it."""
    if start == end:
        return long_date(start)
    return tr("{start} to {end}").format(start=long_date(start), end=long_date(end))
