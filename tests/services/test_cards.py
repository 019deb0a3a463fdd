"""SSP client cards: the code printed large and as a Code 128 barcode a scanner reads back exactly,
text that fits at every length the settings allow, cards only for codes known here, card 2 for a
replacement, the count kept (and nothing else), synced from a van laptop, counted in the report."""

import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import inspect

from hrsupply.errors import UserError
from hrsupply.models import ClientCard
from hrsupply.services import card_pdf, cards, program, program_report, sync, visits
from hrsupply.services.card_pdf import ASCENT, DESCENT, Card, CardText
from hrsupply.services.visits import Line, VisitForm
from tests.helpers import earlier_today
from tests.services import test_sync
from tests.services.test_sync import laptop_of, send

stocked = test_sync.stocked  # the sync tests' fixture: a site and a van with stock

TODAY = date(2026, 12, 2)
CODES = ["MAJO85", "A1", "WWWWWWWWWWWWWWWWWWWW", "00000000000000000000", "AB-CD-12", "Q"]


@pytest.fixture
def known(db, cat):
    """Participants seen at a visit (codes only)."""
    for code in ("MAJO85", "ROLU90"):
        visits.record(
            db,
            "desk",
            VisitForm(cat.site, earlier_today(2), code, [Line(cat.syr, 10)]),
            confirm_shortfall=True,
        )
    return cat


def longest() -> CardText:
    """Every card setting at the longest the settings allow, in the widest letters."""
    wide = {n: "W" * n for n in (30, 100, 120, 200)}
    return CardText(
        program=wide[100],
        phone=wide[30],
        verify_phone=wide[30],
        address="W " * 100,
        hours=wide[100],
        statement=(("en", "Wm " * 66 + "Wm"), ("es", wide[200])),
        found=(("en", wide[120]), ("es", "W " * 60)),
        languages=("en", "es"),
        back=True,
    )


def inside(face: card_pdf.Face) -> None:
    """No text and no bar outside the card, and the text above the barcode clear of it."""
    for run in face.runs:
        assert run.x >= 0 and run.x + run.width <= face.width + 0.01, run
        assert run.y - DESCENT * run.size >= 0 and run.y + ASCENT * run.size <= face.height, run
        if face.barcode:
            assert run.y - DESCENT * run.size >= face.barcode[1] + face.barcode[3], run
    if face.barcode:
        x, y, w, h = face.barcode
        assert x >= 0 and x + w <= face.width and y >= 0 and y + h <= face.height


@pytest.mark.parametrize("size", [card_pdf.WALLET, card_pdf.SHEET_CARD])
@pytest.mark.parametrize("text", [longest(), CardText(program="Eastside")], ids=["longest", "shortest"])
def test_every_face_fits_its_card_at_every_length_the_settings_allow(size, text):
    for code in CODES:
        front = card_pdf.front(Card(code, 12, TODAY), text, size)
        inside(front)
        assert any(r.text == code for r in front.runs)  # the code whole, in large type
    inside(card_pdf.back(text, size))
    lines = [r for r in card_pdf.front(Card("MAJO85", 1, TODAY), text, size).runs]
    texts = " ".join(r.text for r in lines)
    # Shrunk, never cut, at the longest settings: the last word of each paragraph is on the card.
    assert texts.count("Wm") >= 67 or text.program == "Eastside"


def test_the_longest_allowed_text_is_shrunk_not_cut():
    front = card_pdf.front(Card("MAJO85", 1, TODAY), longest(), card_pdf.WALLET)
    assert not any("…" in r.text for r in front.runs)
    back = card_pdf.back(longest(), card_pdf.WALLET)
    assert not any("…" in r.text for r in back.runs)
    # More than a card can hold (beyond the settings' limits) is cut with "…", never overflowing.
    crowded = CardText(program="W" * 400, statement=(("en", "W " * 900),), languages=("en",))
    face = card_pdf.front(Card("MAJO85", 1, TODAY), crowded, card_pdf.WALLET)
    inside(face)
    assert any(r.text.endswith("…") for r in face.runs)


def test_the_settings_refuse_card_text_longer_than_a_card_holds(db, cat):
    for key, value in (
        ("program_phone", "5" * 31),
        ("program_hours", "x" * 101),
        ("card_statement", {"en": "x" * 201, "es": ""}),
        ("card_statement", {"en": ""}),
        ("card_found", {"en": "x" * 121, "es": ""}),
        ("card_languages", "fr"),
        ("card_back", "yes"),
    ):
        with pytest.raises(UserError, match=key):
            program.put(db, "admin", key, value)
    program.put(db, "admin", "card_statement", {"en": "x" * 200, "es": "y" * 200})


def _read_back(pdf, tmp_path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found = []
    for page in sorted(tmp_path.glob("page-*.png")):
        out = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Scode128.enable", str(page)],
            capture_output=True,
            text=True,
        )
        found += out.stdout.split()
    return found


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="needs zbarimg and pdftoppm")
@pytest.mark.parametrize("layout", card_pdf.LAYOUTS)
def test_a_scanner_reads_every_card_back_as_exactly_its_code(layout, tmp_path):
    pdf = tmp_path / "cards.pdf"
    card_pdf.write(pdf, [Card(code, 1, TODAY) for code in CODES], longest(), layout)
    assert sorted(_read_back(pdf, tmp_path)) == sorted(CODES)


def test_wallet_is_one_cr80_card_a_page_and_its_back_follows(tmp_path):
    pdf = tmp_path / "w.pdf"
    text = CardText(program="Eastside", address="12 Main St", back=True)
    assert card_pdf.write(pdf, [Card("MAJO85", 1, TODAY), Card("ROLU90", 2, TODAY)], text, "wallet") == 4
    pages = PdfReader(pdf).pages
    assert [(float(p.mediabox.width), float(p.mediabox.height)) for p in pages] == [(243, 153)] * 4
    assert "MAJO85" in pages[0].extract_text() and "12 Main St" in pages[1].extract_text()
    assert "card 2" in pages[2].extract_text() and "card 2" not in pages[0].extract_text()


def test_a_sheet_holds_ten_business_cards_where_the_stock_has_them(tmp_path):
    slots = card_pdf.slots("sheet")
    assert len(slots) == 10
    # 2 × 5 cards of 3.5 × 2 in, 0.75 in from the sides and 0.5 in from the top and bottom.
    assert {x for x, _ in slots} == {54.0, 306.0} and {y for _, y in slots} == {36.0, 180.0, 324.0, 468.0, 612.0}
    assert card_pdf.SHEET_CARD == (252.0, 144.0)
    assert max(x for x, _ in slots) + 252 == 612 - 54 and min(y for _, y in slots) == 36.0
    pdf = tmp_path / "s.pdf"
    codes = [f"P{n:02d}" for n in range(12)]
    assert card_pdf.write(pdf, [Card(c, 1, TODAY) for c in codes], CardText(program="E", back=True), "sheet") == 4
    pages = PdfReader(pdf).pages
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == (612, 792)
    assert all(c in pages[0].extract_text() for c in codes[:10]) and "P10" in pages[2].extract_text()
    # Behind the left card of a row is the right slot of the back page (a long-edge flip).
    assert [card_pdf._behind(n, "sheet") for n in range(4)] == [1, 0, 3, 2]


def test_a_card_is_printed_only_for_a_known_code_and_the_replacement_is_card_2(db, known, tmp_path):
    out = tmp_path / "c.pdf"
    with pytest.raises(UserError, match="NEVER1"):
        cards.print_cards(db, "desk", ["MAJO85", "NEVER1"], out)
    assert not out.exists() and cards.history(db, "desk", "MAJO85") == []
    first = cards.print_cards(db, "desk", ["majo85", "ROLU90", "MAJO85"], out)
    assert [(c.code, c.number) for c in first] == [("MAJO85", 1), ("ROLU90", 1)]  # each code once
    again = cards.print_cards(db, "desk", ["MAJO85"], out, layout="sheet")
    assert [(c.code, c.number) for c in again] == [("MAJO85", 2)]
    assert [n for n, _at in cards.history(db, "desk", "MAJO85")] == [1, 2]
    assert cards.next_cards(db, "desk", ["MAJO85"])[0].number == 3  # a preview keeps nothing
    assert len(cards.history(db, "desk", "MAJO85")) == 2
    with pytest.raises(UserError):
        cards.print_cards(db, "nobody", ["MAJO85"], out)


def test_a_card_keeps_its_code_number_and_when_and_nothing_about_the_person():
    columns = {c.name for c in inspect(ClientCard).columns}
    assert columns == {"id", "uid", "code", "number", "issued_at", "location_id", "origin", "arrived_at"}


def test_a_file_that_cannot_be_written_keeps_no_card(db, known, tmp_path):
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises((UserError, OSError)):
        cards.print_cards(db, "desk", ["MAJO85"], tmp_path / "folder.pdf")
    assert cards.history(db, "desk", "MAJO85") == []


def test_the_report_counts_cards_issued_and_replaced_by_month_and_location(db, known, tmp_path):
    cards.print_cards(db, "desk", ["MAJO85", "ROLU90"], tmp_path / "a.pdf")
    cards.print_cards(db, "desk", ["MAJO85"], tmp_path / "b.pdf", location="VAN1")
    today = date.today()
    report = program_report.build(db, "admin", today.replace(day=1), today)
    got = {(loc, measure): value for measure, _cat, loc, period, value in report.long_rows() if period == "ALL"}
    got = {k: v for k, v in got.items() if k[1].startswith("cards")}
    assert got[("SITE", "cards_issued")] == 2 and got[("SITE", "cards_replaced")] == 0
    assert got[("VAN1", "cards_issued")] == 1 and got[("VAN1", "cards_replaced")] == 1
    assert got[("ALL", "cards_issued")] == 3 and got[("ALL", "cards_replaced")] == 1


def test_cards_printed_on_the_van_laptop_reach_the_central_once_and_number_on(db, stocked, tmp_path):
    cards.print_cards(db, "desk", ["KNOWN1"], tmp_path / "c1.pdf")  # card 1 at the site
    laptop = laptop_of(db, tmp_path)
    send(db, laptop, tmp_path)  # the central's cards reach the laptop
    printed = cards.print_cards(laptop, "crew", ["KNOWN1"], tmp_path / "c2.pdf")  # offline: a replacement
    assert printed[0].number == 2
    for _ in range(2):  # sent twice: once at the central
        send(laptop, db, tmp_path)
    assert [n for n, _at in cards.history(db, "desk", "KNOWN1")] == [1, 2]
    send(db, laptop, tmp_path)  # and the laptop's own card does not come back as another
    assert sync.pairs(laptop)[0].waiting == 0 and sync.pairs(db)[0].waiting == 0
    assert [n for n, _at in cards.history(laptop, "crew", "KNOWN1")] == [1, 2]
    assert cards.print_cards(db, "desk", ["KNOWN1"], tmp_path / "c3.pdf")[0].number == 3
    report = program_report.build(db, "admin", date.today().replace(day=1), date.today())
    rows = {(loc, m): v for m, _c, loc, p, v in report.long_rows() if p == "ALL" and m.startswith("cards")}
    assert rows[("VAN1", "cards_issued")] == 1 and rows[("VAN1", "cards_replaced")] == 1


def test_the_card_text_comes_from_the_settings_with_neutral_defaults(db, cat):
    program.put_many(
        db,
        "admin",
        {"program_name": "Eastside", "program_phone": "555-0100", "card_verify_phone": "555-0199",
         "card_statement": {"en": "Our own words.", "es": ""}, "card_languages": "es"},
    )  # fmt: skip
    text = cards.text(db)
    assert (text.program, text.languages, text.said("statement", "en")) == ("Eastside", ("es",), "Our own words.")
    assert text.said("statement", "es") == card_pdf.WORDS["es"]["statement"]  # blank: the default
    face = card_pdf.front(Card("MAJO85", 2, TODAY), text, card_pdf.WALLET)
    printed = " ".join(r.text for r in face.runs)
    assert "tarjeta 2" in printed and "Emitida" in printed and "Our own words" not in printed
    assert "555-0199" in printed
