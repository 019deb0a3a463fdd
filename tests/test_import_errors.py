"""Bad input: every problem named by sheet, row and column; exit 2; nothing written."""

from datetime import datetime

import pytest

from hrsupply.cli import main
from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, workbook


def import_file(capsys, db_url, path):
    code = main(["--db", db_url, "import", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def stock_csv(capsys, db_url):
    main(["--db", db_url, "stock", "--format", "csv", "--lots"])
    return capsys.readouterr().out.splitlines()[1:]


def with_moves(tmp_path, *rows, header=MOVES_HEADER):
    return workbook(tmp_path / "in.xlsx", Items=ITEMS, Locations=LOCATIONS, Movements=[header, *rows])


RECEIVE = move("2026-11-01", "receive", "SYR-1ML", 100, "SITE")


@pytest.mark.parametrize(
    "row, expected",
    [
        (move("2026-13-01", "receive", "SYR-1ML", 1, "SITE"), "Movements, row 3, column date: must be a date"),
        (move(None, "receive", "SYR-1ML", 1, "SITE"), "Movements, row 3, column date: is required"),
        (move("2026-11-01", "gift", "SYR-1ML", 1, "SITE"), "Movements, row 3, column type: must be one of"),
        (move("2026-11-01", "receive", "NOPE", 1, "SITE"), "Movements, row 3, column sku: unknown sku NOPE"),
        (move("2026-11-01", "receive", "SYR-1ML", 1, "MARS"), "column location: unknown location MARS"),
        (move("2026-11-01", "receive", "SYR-1ML", "ten", "SITE"), "column quantity: must be a whole number"),
        (move("2026-11-01", "receive", "SYR-1ML", 2.5, "SITE"), "column quantity: must be a whole number"),
        (
            move("2026-11-01", "handout", "SYR-1ML", 0, "SITE"),
            "column quantity: a handout must be a whole number from 1 to 1,000,000, not 0",
        ),
        (
            move("2026-11-01", "adjust", "SYR-1ML", 0, "SITE", reason="x"),
            "an adjust (not 0) must be a whole number from 1",
        ),
        (
            move("2026-11-01", "receive", "SYR-1ML", 1_000_001, "SITE"),
            "column quantity: a receive must be a whole number from 1 to 1,000,000",
        ),
        (move("9999-12-31", "receive", "SYR-1ML", 1, "SITE"), "column date: 9999-12-31 is in the future"),
        (move("1989-12-31", "receive", "SYR-1ML", 1, "SITE"), "column date: 1989-12-31 is before 1990"),
        (move("2026-11-01", "handout", "SYR-1ML", 1, "SITE", participant="\u202eAB\U0001f489"), "column participant:"),
        (move("2026-11-01", "count", "SYR-1ML", -3, "SITE"), "a count must be a whole number from 0 to 1,000,000"),
        (move("2026-11-01", "transfer", "SYR-1ML", 1, "SITE"), "column to_location: a transfer needs to_location"),
        (move("2026-11-01", "transfer", "SYR-1ML", 1, "SITE", "SITE"), "column to_location: must differ"),
        (move("2026-11-01", "handout", "SYR-1ML", 1, "SITE", "VAN1"), "only a transfer has to_location"),
        (move("2026-11-01", "adjust", "SYR-1ML", -1, "SITE"), "column reason: a adjust needs a reason"),
        (move("2026-11-01", "dispose", "SYR-1ML", 1, "SITE"), "column reason: a dispose needs a reason"),
        (move("2026-11-01", "receive", "SYR-1ML", 1, "SITE", lot="L1"), "column lot: SYR-1ML is not lot-tracked"),
        (move("2026-11-01", "receive", "NAL-4MG", 1, "SITE", expiry="2027-01-01"), "column lot: receiving lot-tracked"),
        (move("2026-11-01", "receive", "NAL-4MG", 1, "SITE", lot="L1"), "column expiry: receiving lot-tracked"),
        (move("2026-11-01", "count", "NAL-4MG", 1, "SITE"), "column lot: a count of lot-tracked NAL-4MG needs lot"),
        (move("2026-11-01", "adjust", "NAL-4MG", 1, "SITE", reason="found"), "a positive adjust of lot-tracked"),
        (
            move("2026-11-01", "receive", "SYR-1ML", 1, "SITE", participant="ANJO85"),
            "only a handout names a participant",
        ),
        (move("2026-11-01", "handout", "SYR-1ML", 101, "SITE"), "Movements, row 3, column quantity: not enough stock"),
        (
            move("2026-10-31", "handout", "SYR-1ML", 1, "SITE"),
            "row 3, column quantity: not enough stock of SYR-1ML at SITE on 2026-10-31",
        ),
        (
            move("2026-11-01", "handout", "NAL-4MG", 1, "SITE", lot="ZZ"),
            "column expiry: lot ZZ of NAL-4MG is not known yet",
        ),
        (move("2026-11-01", "receive", "SYR-1ML", 10**12, "SITE"), "column quantity: 1,000,000,000,000 is too large"),
        (move("2026-11-01", "receive", "SYR-1ML", True, "SITE"), "column quantity: must be a whole number"),
        (move("2026-11-01", "handout", "SYR-1ML", 1, "SITE", reason="x" * 201), "column reason: is longer than 200"),
        (move("11/01/2026", "receive", "SYR-1ML", 1, "SITE"), "column date: must be a date (YYYY-MM-DD"),
    ],
)
def test_bad_movement_row_is_named_and_nothing_is_written(tmp_path, db_url, capsys, row, expected):
    path = with_moves(tmp_path, RECEIVE, row)
    code, out, err = import_file(capsys, db_url, path)
    assert code == 2
    assert expected in err
    assert "Traceback" not in err and out == ""
    assert stock_csv(capsys, db_url) == []  # not even the good first row, nor the items


def test_every_problem_is_listed_at_once(tmp_path, db_url, capsys):
    path = with_moves(
        tmp_path,
        move("bad", "receive", "SYR-1ML", 1, "SITE"),
        move("2026-11-01", "receive", "SYR-1ML", -1, "SITE"),
        move("2026-11-01", "receive", "NOPE", 1, "SITE"),
    )
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2
    assert "3 problem(s)" in err
    assert "row 2, column date" in err and "row 3, column quantity" in err and "row 4, column sku" in err


def test_unknown_column_missing_column_and_unknown_sheet(tmp_path, db_url, capsys):
    path = workbook(
        tmp_path / "in.xlsx", Items=[["sku", "name", "colour"], ["X", "Thing", "red"]], Notes=[["anything"]]
    )
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2
    assert "Items, row 1, column colour: unknown column" in err
    assert "Items, row 1, column category: required column is missing" in err
    assert "Notes: unknown sheet" in err


def test_par_problems(tmp_path, db_url, capsys):
    path = workbook(
        tmp_path / "in.xlsx",
        Items=ITEMS,
        Locations=LOCATIONS,
        Par=[
            ["location", "sku", "par", "min"],
            ["VAN1", "SYR-1ML", 100, 200],
            ["MARS", "SYR-1ML", 1, None],
            ["VAN1", "NAL-4MG", -1, None],
        ],
    )
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2
    assert "Par, row 2, column min: min (200) is above par (100)" in err
    assert "Par, row 3, column location: unknown location MARS" in err
    assert "Par, row 4, column par: cannot be negative" in err


def test_items_and_locations_problems(tmp_path, db_url, capsys):
    path = workbook(
        tmp_path / "in.xlsx",
        Items=[*ITEMS, ["SYR-1ML", "Again", "Syringes", None, "maybe", None, None]],
        Locations=[*LOCATIONS, ["BUS", "Bus", "boat"]],
    )
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2
    assert "Items, row 4, column sku: SYR-1ML already appears in row 2" in err
    assert "Items, row 4, column lot_tracked: must be yes or no" in err
    assert "Locations, row 4, column kind: must be site, van or other" in err


def test_lot_keeps_its_expiry(tmp_path, db_url, capsys):
    path = with_moves(
        tmp_path,
        move("2026-11-01", "receive", "NAL-4MG", 5, "SITE", lot="L1", expiry="2027-01-31"),
        move("2026-11-02", "receive", "NAL-4MG", 5, "SITE", lot="L1", expiry="2027-02-28"),
    )
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "row 3, column expiry: lot L1 of NAL-4MG has expiry 2027-01-31, not 2027-02-28" in err


def test_not_a_workbook_and_missing_file(tmp_path, db_url, capsys):
    junk = tmp_path / "junk.xlsx"
    junk.write_text("date,type\n")
    code, _, err = import_file(capsys, db_url, junk)
    assert code == 2 and "junk.xlsx: not an .xlsx workbook" in err
    code, _, err = import_file(capsys, db_url, tmp_path / "missing.xlsx")
    assert code == 2 and "missing.xlsx: file not found" in err


def test_names_are_case_insensitive_and_excel_dates_accepted(tmp_path, db_url, capsys):
    header = ["SKU", "Quantity", "Date", "Type", "LOCATION", "Lot", "Expiry"]
    path = workbook(
        tmp_path / "in.xlsx",
        ITEMS=ITEMS,
        locations=LOCATIONS,
        movements=[
            header,
            ["NAL-4MG", 5, datetime(2026, 11, 1, 9, 30), "Receive", "SITE", "L1", datetime(2027, 1, 31)],
            ["SYR-1ML", 10, "2026-11-01T08:00", "receive", "SITE", None, None],
        ],
    )
    code, out, err = import_file(capsys, db_url, path)
    assert (code, err) == (0, "")
    assert stock_csv(capsys, db_url) == [
        "SITE,NAL-4MG,Naloxone 4 mg nasal (2 doses),L1,2027-01-31,5",
        "SITE,SYR-1ML,Syringe 1 mL 28G 1/2 in,,,10",
    ]


def test_movements_apply_in_date_order_then_file_order(tmp_path, db_url, capsys):
    # The handout comes first in the file but later in time; same-date rows keep file order.
    path = with_moves(
        tmp_path,
        move("2026-11-02", "handout", "SYR-1ML", 5, "SITE"),
        move("2026-11-01", "receive", "SYR-1ML", 5, "SITE"),
        move("2026-11-03", "receive", "SYR-1ML", 1, "SITE"),
        move("2026-11-03", "handout", "SYR-1ML", 1, "SITE"),
    )
    code, _, err = import_file(capsys, db_url, path)
    assert (code, err) == (0, "")
    assert stock_csv(capsys, db_url) == []


def test_lot_tracking_cannot_change_once_an_item_has_movements(tmp_path, db_url, capsys):
    assert import_file(capsys, db_url, with_moves(tmp_path, RECEIVE))[0] == 0
    flipped = [ITEMS[0], ["SYR-1ML", "Syringe 1 mL 28G 1/2 in", "Syringes", "each", "yes", 500, "0001"]]
    code, _, err = import_file(capsys, db_url, workbook(tmp_path / "flip.xlsx", Items=flipped))
    assert code == 2 and "Items, row 2, column lot_tracked: SYR-1ML already has movements" in err


@pytest.fixture
def utc(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_date_with_an_offset_is_read_as_local_time(tmp_path, db_url, capsys, utc):
    path = with_moves(
        tmp_path,
        move("2026-11-01T08:00:00+02:00", "receive", "SYR-1ML", 5, "SITE"),
        move("2026-11-01 07:00", "handout", "SYR-1ML", 5, "SITE"),
    )
    code, _, err = import_file(capsys, db_url, path)
    assert (code, err) == (0, "")  # 08:00+02:00 is 06:00 here, before the 07:00 handout


def test_rows_keep_the_spreadsheets_numbers_across_empty_rows(tmp_path, db_url, capsys):
    """Empty rows are skipped but still counted: the bad row is row 5, as the spreadsheet shows it."""
    path = with_moves(tmp_path, RECEIVE, [], [None] * 5, move("2026-11-01", "gift", "SYR-1ML", 1, "SITE"))
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "Movements, row 5, column type: must be one of" in err


def test_the_rows_a_workbook_holds_are_counted_before_anything_is_written(tmp_path):
    from hrsupply.errors import ImportRefused
    from hrsupply.services import exchange

    path = with_moves(tmp_path, RECEIVE, move("2026-11-02", "handout", "SYR-1ML", 5, "SITE"))
    assert exchange.sheet_rows(path) == {"items": len(ITEMS) - 1, "locations": len(LOCATIONS) - 1, "movements": 2}
    (tmp_path / "junk.xlsx").write_text("date,type\n")
    with pytest.raises(ImportRefused, match="not an .xlsx workbook"):
        exchange.sheet_rows(tmp_path / "junk.xlsx")


@pytest.mark.parametrize("quantity", ["1_000", "١٠", "１０", "10.0", "1,00", "+-3", "0x10"])
def test_a_quantity_is_digits_or_a_number_cell_nothing_else(tmp_path, db_url, capsys, quantity):
    """Python's int() takes "1_000" and other scripts' digits; no spreadsheet means those."""
    path = with_moves(tmp_path, move("2026-11-01", "receive", "SYR-1ML", quantity, "SITE"))
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "Movements, row 2, column quantity: must be a whole number" in err
    assert stock_csv(capsys, db_url) == []


def test_a_quantity_may_group_its_thousands_with_commas(tmp_path, db_url, capsys):
    path = with_moves(tmp_path, move("2026-11-01", "receive", "SYR-1ML", "1,000", "SITE"))
    assert import_file(capsys, db_url, path)[0] == 0
    assert stock_csv(capsys, db_url) == ["SITE,SYR-1ML,Syringe 1 mL 28G 1/2 in,,,1000"]


@pytest.mark.parametrize("escape", ["_x0000_", "_x0007_", "_x001B_", "_x007F_"])
def test_a_control_character_is_refused_and_named(tmp_path, db_url, capsys, escape):
    """One such name used to import, and every export after it failed with a traceback."""
    items = [ITEMS[0], ["SYR-1ML", f"Syringe{escape}1 mL", "Syringes", "each", "no", 500, "0001"]]
    path = workbook(tmp_path / "in.xlsx", Items=items, Locations=LOCATIONS)
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "Items, row 2, column name: holds a control character (U+00" in err
    assert main(["--db", db_url, "export", str(tmp_path / "out.xlsx")]) == 0


def test_two_sheets_of_one_name_are_refused(tmp_path, db_url, capsys):
    path = workbook(tmp_path / "in.xlsx", Items=ITEMS, Locations=LOCATIONS, **{"ITEMS ": ITEMS})
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "a second Items sheet" in err


def test_a_workbook_past_the_limits_is_refused_before_it_is_read(tmp_path, db_url, capsys, monkeypatch):
    """Limits on rows and inflated size (generous for real programs: 1M rows, 200 MB), checked
    as the sheets inflate, never trusting the sizes the zip declares; lowered here to test them."""
    from hrsupply.services import exchange

    rows = [move("2026-11-01", "receive", "SYR-1ML", 1, "SITE") for _ in range(100)]
    path = with_moves(tmp_path, *rows)
    monkeypatch.setattr(exchange.read, "MAX_ROWS", 50)
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "the workbook is too large" in err and "Traceback" not in err
    monkeypatch.setattr(exchange.read, "MAX_ROWS", 1_000_000)
    monkeypatch.setattr(exchange.read, "MAX_XML", 2_000)
    code, _, err = import_file(capsys, db_url, path)
    assert code == 2 and "more than 0 MB of data" in err
    monkeypatch.setattr(exchange.read, "MAX_XML", 200 * 1024 * 1024)
    assert import_file(capsys, db_url, path)[0] == 0


@pytest.mark.parametrize(
    "expiry, said",
    [
        ("0001-01-01", "is not between 1990 and 2100"),
        ("1899-12-31", "is not between 1990 and 2100"),
        ("2999-01-01", "is not between 1990 and 2100"),
        ("2026-10-31", "is before the day it was received"),
    ],
)
def test_a_lot_expiry_must_be_a_real_year_and_not_before_the_receipt(tmp_path, db_url, capsys, expiry, said):
    row = move("2026-11-01", "receive", "NAL-4MG", 5, "SITE", lot="L1", expiry=expiry)
    code, _, err = import_file(capsys, db_url, with_moves(tmp_path, row))
    assert code == 2 and "Movements, row 2, column expiry" in err and said in err


def test_a_second_spelling_of_a_sku_or_a_location_is_refused_or_the_same_one(tmp_path, db_url, capsys):
    """A SKU with a Cyrillic letter was a second item; `site` beside `SITE`, or a code with a
    zero-width space, a second place."""
    items = [ITEMS[0], ["SYR-1МL", "Syringe", "Syringes", "each", "no", None, None]]  # a Cyrillic М
    locations = [LOCATIONS[0], ["VAN\u200b2", "Second van", "van"]]
    code, _, err = import_file(capsys, db_url, workbook(tmp_path / "a.xlsx", Items=items, Locations=locations))
    assert code == 2 and "Items, row 2, column sku: a SKU has only letters A–Z" in err and "U+041C" in err
    assert "Locations, row 2, column code:" in err and "U+200B" in err
    rows = [move("2026-11-01", "receive", "ＳＹＲ-1ML", 10, "site")]  # fullwidth, lower case: the same ones
    assert import_file(capsys, db_url, with_moves(tmp_path, *rows))[0] == 0
    assert stock_csv(capsys, db_url) == ["SITE,SYR-1ML,Syringe 1 mL 28G 1/2 in,,,10"]
