"""The app's words in the language of the person using it: the window and every printed sheet.

The source text is English, written where it is used as `tr("…")` (a text with figures in it:
`tr("Saved {n} lines.").format(n=n)`), or marked with `QT_TR_NOOP("…")` where it is only named
(a table's column headings). `make translations` runs Qt's pyside6-lupdate over the source to
keep `resources/i18n/hrsupply_es.ts` (a Qt Linguist file: open it with pyside6-linguist) up to
date; this module reads that file. It is Qt-free: the printed sheets and the command line use it
too. Item, location and source names are data and stay as entered.
"""

from __future__ import annotations

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
    for message in ElementTree.fromstring(path.read_bytes()).iter("message"):  # our own file, not input
        source, translation = message.findtext("source"), message.find("translation")
        if source and translation is not None and translation.text and translation.get("type") is None:
            words[source] = translation.text
    return words


def use(language: str) -> None:
    """Speak `language` ("en" or "es") from now on (at start-up, before any window is made)."""
    language = language if language in LANGUAGES else "en"
    _words.clear()
    _words.update(catalogue(language))
    _language[0] = language


def language() -> str:
    return _language[0]


def tr(text: str) -> str:
    """`text` in the language in use (the English source if it has no translation)."""
    return _words.get(text, text)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks a text for translation where it is defined; `tr()` translates it where it is shown."""
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
