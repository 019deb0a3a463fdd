"""Client cards on paper: each face laid out by measure (text shrinks to fit, long words break,
and what still does not fit is cut with "…", so nothing ever runs off a card), then drawn.

Layouts: "wallet", one CR80 card (3.375 × 2.125 in) per page for card printers; "sheet", US Letter
of ten 3.5 × 2 in business cards (2 × 5, 0.75 in sides, 0.5 in top: the common perforated stock).
With a back, a wallet card's back is the next page; a sheet's backs are the next page, columns
swapped, so they fall behind their fronts when the printer flips on the long edge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hrsupply.errors import UserError
from hrsupply.files import written
from hrsupply.i18n import tr

inch = 72.0
LAYOUTS = ("wallet", "sheet")
WALLET = (3.375 * inch, 2.125 * inch)
SHEET_CARD = (3.5 * inch, 2.0 * inch)
LETTER = (8.5 * inch, 11 * inch)
SHEET_LEFT, SHEET_TOP, COLUMNS, ROWS = 0.75 * inch, 0.5 * inch, 2, 5
PAD = 8.0  # the text's margin inside a card
BAR_HEIGHT = 0.3 * inch
BOLD, PLAIN, SECOND = "Helvetica-Bold", "Helvetica", "Helvetica-Oblique"  # the second language in italics
ASCENT, DESCENT = 0.78, 0.24  # of the font size: Helvetica's letters above and below the baseline
GAP = 2.0  # between paragraphs

# The card's own words in each language it may carry (not the screen's language: a program in
# English may print cards in both).
WORDS = {
    "en": {
        "statement": "The holder of this card is a participant in this syringe services program.",
        "found": "If found, please return this card to the program.",
        "issued": "Issued",
        "card": "card {n}",
        "phone": "Tel.",
        "verify": "To verify this card, call",
        "hours": "Hours:",
    },
    "es": {
        "statement": "La persona que porta esta tarjeta participa en este programa de servicios de jeringas.",
        "found": "Si encuentra esta tarjeta, por favor devuélvala al programa.",
        "issued": "Emitida",
        "card": "tarjeta {n}",
        "phone": "Tel.",
        "verify": "Para verificar esta tarjeta, llame al",
        "hours": "Horario:",
    },
}


@dataclass(frozen=True)
class CardText:
    """What the program prints on its cards (Settings → Program)."""

    program: str
    phone: str = ""
    verify_phone: str = ""
    address: str = ""
    hours: str = ""
    statement: tuple[tuple[str, str], ...] = ()  # (language, text); "" or missing: the default
    found: tuple[tuple[str, str], ...] = ()
    languages: tuple[str, ...] = ("en", "es")
    back: bool = False

    def said(self, what: str, language: str) -> str:
        own = dict(getattr(self, what)).get(language, "").strip()
        return own or WORDS[language][what]

    def word(self, what: str) -> str:
        """A label in every language the card carries: "Issued / Emitida"."""
        return " / ".join(dict.fromkeys(WORDS[lang][what] for lang in self.languages))


@dataclass(frozen=True)
class Card:
    code: str
    number: int  # 1: the first; 2, 3…: replacements ("card 2")
    issued: date


@dataclass(frozen=True)
class Run:
    """One line of text on a face: x from the left, y its baseline from the bottom (points)."""

    text: str
    font: str
    size: float
    x: float
    y: float
    width: float


@dataclass(frozen=True)
class Face:
    width: float
    height: float
    runs: tuple[Run, ...]
    barcode: tuple[float, float, float, float] | None = None  # x, y, width, height with quiet zones
    bar_width: float = 0.0  # one module of the barcode


@dataclass(frozen=True)
class Block:
    """A paragraph of one font that may shrink from `largest` to `smallest` points."""

    text: str
    font: str
    largest: float
    smallest: float


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than `width`; a word wider than a line is broken where it must be."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while _width(word, font, size) > width:  # a long word (a run of W's) breaks by letters
            if line:
                lines.append(line)
                line = ""
            cut = max(1, max(n for n in range(1, len(word) + 1) if _width(word[:n], font, size) <= width or n == 1))
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if line and _width(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def _ellipsis(text: str, font: str, size: float, width: float) -> str:
    while text and _width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def stack(blocks: list[Block], width: float, height: float) -> list[tuple[Block, float, list[str]]]:
    """Each block's size and lines so the whole stack fits `height`: all shrink together toward
    their smallest; at the smallest, the last lines that do not fit are cut with "…"."""
    blocks = [b for b in blocks if b.text.strip()]

    def laid(scale: float):
        out = []
        for b in blocks:
            size = max(b.smallest, b.largest * scale)
            out.append((b, size, wrap(b.text, b.font, size, width)))
        return out

    def tall(placed) -> float:
        return sum(len(lines) * size * 1.15 for _b, size, lines in placed) + GAP * max(0, len(placed) - 1)

    scale = 1.0
    placed = laid(scale)
    while tall(placed) > height and scale > 0.2:
        scale -= 0.02
        placed = laid(scale)
    while tall(placed) > height:  # at the smallest: cut the longest block's last line
        n = max(range(len(placed)), key=lambda i: len(placed[i][2]))
        b, size, lines = placed[n]
        if len(lines) <= 1:
            placed.pop(n)
            continue
        lines = lines[:-1]
        lines[-1] = _ellipsis(lines[-1], b.font, size, width)
        placed[n] = (b, size, lines)
    return placed


def _runs(placed, x: float, top: float, centre_in: float | None = None) -> list[Run]:
    """The lines placed from `top` down (centred in a width of `centre_in`, if given)."""
    runs = []
    y = top + GAP
    for block, size, lines in placed:
        y -= GAP
        for line in lines:
            y -= size * 1.15
            width = _width(line, block.font, size)
            left = x + (centre_in - width) / 2 if centre_in is not None else x
            runs.append(Run(line, block.font, size, left, y + size * (1.15 - ASCENT - 0.05), width))
    return runs


def front(card: Card, text: CardText, size: tuple[float, float]) -> Face:
    """Name, phone lines, statement at the top; the code in large type over its barcode below."""
    w, h = size
    inner = w - 2 * PAD
    bars, module = _barcode(card.code, w - 2 * 4)
    bar_x, bar_y = (w - bars.width) / 2, 5.0
    code_size = min(18.0, inner / max(_width(card.code, BOLD, 1), 1))
    code_y = bar_y + BAR_HEIGHT + 2 + code_size * DESCENT
    code_run = Run(card.code, BOLD, code_size, (w - _width(card.code, BOLD, code_size)) / 2, code_y,
                   _width(card.code, BOLD, code_size))  # fmt: skip
    issued = f"{text.word('issued')} {card.issued.isoformat()}"
    if card.number > 1:
        issued += " · " + " / ".join(
            dict.fromkeys(WORDS[lang]["card"].format(n=card.number) for lang in text.languages)
        )
    small = stack([Block(issued, PLAIN, 6.5, 4.5)], inner, 12)
    small_top = code_y + code_size * ASCENT + 1 + small[0][1] * 1.15 if small else code_y + code_size
    blocks = [Block(text.program, BOLD, 10.5, 6.0), Block(_contact(text), PLAIN, 7.0, 4.5)]
    blocks += [
        Block(text.said("statement", lang), PLAIN if n == 0 else SECOND, 7.0, 4.5)
        for n, lang in enumerate(text.languages)
    ]
    top = stack(blocks, inner, h - PAD - small_top - 2)
    runs = _runs(top, PAD, h - PAD) + _runs(small, PAD, small_top, inner) + [code_run]
    return Face(w, h, tuple(runs), (bar_x, bar_y, bars.width, BAR_HEIGHT), module)


def _contact(text: CardText) -> str:
    parts = []
    if text.phone.strip():
        parts.append(f"{WORDS[text.languages[0]]['phone']} {text.phone.strip()}")
    if text.verify_phone.strip():
        parts.append(f"{text.word('verify')} {text.verify_phone.strip()}")
    return " · ".join(parts)


def back(text: CardText, size: tuple[float, float]) -> Face:
    """The program, its address and hours, and what to do with a card found."""
    w, h = size
    hours = f"{text.word('hours')} {text.hours.strip()}" if text.hours.strip() else ""
    blocks = [Block(text.program, BOLD, 10.5, 6.0), Block(text.address, PLAIN, 8.0, 5.0), Block(hours, PLAIN, 8.0, 5.0)]
    blocks += [
        Block(text.said("found", lang), PLAIN if n == 0 else SECOND, 8.0, 5.0) for n, lang in enumerate(text.languages)
    ]
    return Face(w, h, tuple(_runs(stack(blocks, w - 2 * PAD, h - 2 * PAD), PAD, h - PAD)))


def _barcode(code: str, room: float):
    """Code 128 of exactly the code, with the widest bars (and quiet zones of ten of them) that fit."""
    from reportlab.graphics.barcode.code128 import Code128

    for mils in (14, 13, 12, 11, 10, 9, 8, 7.5):
        module = mils / 1000 * inch
        bars = Code128(code, barWidth=module, barHeight=BAR_HEIGHT, humanReadable=False, quiet=True,
                       lquiet=10 * module, rquiet=10 * module)  # fmt: skip
        if bars.width <= room:
            return bars, module
    raise UserError(tr("the code {code} is too long for a card's barcode").format(code=code))


def _draw_face(canvas, face: Face, x: float, y: float, code: str | None) -> None:
    for run in face.runs:
        canvas.setFont(run.font, run.size)
        canvas.drawString(x + run.x, y + run.y, run.text)
    if face.barcode and code:
        bars, _module = _barcode(code, face.barcode[2] + 0.01)
        bars.drawOn(canvas, x + face.barcode[0], y + face.barcode[1])


def slots(layout: str) -> list[tuple[float, float]]:
    """Where each card of a page sits (its lower-left corner, points): one on a wallet page, ten
    on a sheet, row by row."""
    if layout == "wallet":
        return [(0.0, 0.0)]
    w, h = SHEET_CARD
    return [(SHEET_LEFT + c * w, LETTER[1] - SHEET_TOP - (r + 1) * h) for r in range(ROWS) for c in range(COLUMNS)]


def write(path: str | Path, cards: list[Card], text: CardText, layout: str = "wallet") -> int:
    """Write the cards; returns the number of pages."""
    if layout not in LAYOUTS:
        raise UserError(tr("--layout is wallet or sheet, not {x}").format(x=layout))
    if not cards:
        raise UserError(tr("name at least one participant code to print a card for"))
    from reportlab.pdfgen.canvas import Canvas

    card_size, page = (WALLET, WALLET) if layout == "wallet" else (SHEET_CARD, LETTER)
    places = slots(layout)
    with written(Path(path)) as temp:
        canvas = Canvas(str(temp), pagesize=page)
        canvas.setTitle(tr("Client cards"))
        canvas.setAuthor("hrsupply")
        pages = 0
        for start in range(0, len(cards), len(places)):
            batch = cards[start : start + len(places)]
            for card, (x, y) in zip(batch, places):
                _draw_face(canvas, front(card, text, card_size), x, y, card.code)
            canvas.showPage()
            pages += 1
            if text.back:
                face = back(text, card_size)
                for n in range(len(batch)):
                    x, y = places[_behind(n, layout)]
                    _draw_face(canvas, face, x, y, None)
                canvas.showPage()
                pages += 1
        canvas.save()
    return pages


def _behind(n: int, layout: str) -> int:
    """The slot on the back page behind slot `n` of the front (a long-edge flip swaps columns)."""
    if layout == "wallet":
        return n
    row, col = divmod(n, COLUMNS)
    return row * COLUMNS + (COLUMNS - 1 - col)
