"""An import can never count the same movement twice: by movement_id, by every column, or by the
row an earlier import made; a stale sheet dimension loses no rows; problems come in one pass."""

import zipfile

from openpyxl import load_workbook

from hrsupply.cli import main
from hrsupply.db import open_database
from hrsupply.services import exchange, visits
from hrsupply.services.visits import Line, VisitForm
from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, stock_map, workbook

MOVES = [
    MOVES_HEADER,
    move("2026-11-01", "receive", "SYR-1ML", 1000, "SITE"),
    move("2026-11-01", "receive", "NAL-4MG", 8, "SITE", lot="N1", expiry="2026-12-31"),
    move("2026-11-01", "receive", "NAL-4MG", 8, "SITE", lot="N2", expiry="2027-05-31"),
    move("2026-11-02 10:00", "handout", "NAL-4MG", 10, "SITE", participant="ANJO85"),  # FEFO: 8 of N1, 2 of N2
    move("2026-11-02 10:05", "handout", "SYR-1ML", 10, "SITE"),
    move("2026-11-02 10:05", "handout", "SYR-1ML", 10, "SITE"),  # a second walk-in, same minute
]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def first_import(tmp_path, db_url, capsys):
    path = workbook(tmp_path / "start.xlsx", Items=ITEMS, Locations=LOCATIONS, Movements=MOVES)
    code, out, err = run(capsys, "--db", db_url, "import", str(path))
    assert (code, err) == (0, ""), err
    assert "6 movements (7 ledger lines)" in out  # identical rows in one file are two movements
    return path


def test_each_imported_line_names_its_import_and_who_imported_it(tmp_path, db_url, capsys):
    from sqlalchemy import select

    from hrsupply.models import ImportBatch, Movement

    first_import(tmp_path, db_url, capsys)
    db = open_database(db_url)
    with db.read() as s:
        batch = s.scalar(select(ImportBatch))
        lines = s.execute(select(Movement.import_id, Movement.recorded_by, Movement.recorded_at)).all()
    db.dispose()
    assert len(lines) == 7 and {(i, by) for i, by, _at in lines} == {(batch.id, batch.imported_by)}
    assert all(at is not None for _i, _by, at in lines)


def test_the_same_workbook_with_one_more_row_is_refused_then_only_the_new_row_imported(tmp_path, db_url, capsys):
    first_import(tmp_path, db_url, capsys)
    db = open_database(db_url)
    before = stock_map(db)
    more = workbook(tmp_path / "more.xlsx", Movements=MOVES + [move("2026-11-03", "handout", "NAL-4MG", 1, "SITE")])
    code, _, err = run(capsys, "--db", db_url, "import", str(more))
    assert code == 2 and "6 rows are already in the records (rows 2, 3, 4, 5, 6, 7)" in err
    assert stock_map(db) == before  # naloxone stays 6, not 12
    code, out, err = run(capsys, "--db", db_url, "import", str(more), "--skip-duplicates")
    assert code == 0 and "1 movements (1 ledger lines); skipped 6 already in the records." in out
    assert stock_map(db)[("SITE", "NAL-4MG")] == 5
    db.dispose()


def test_importing_the_apps_own_export_into_the_same_database_adds_nothing(tmp_path, db_url, capsys):
    first_import(tmp_path, db_url, capsys)
    db = open_database(db_url)
    visits.record(db, "lead", VisitForm(1, __import__("datetime").datetime(2026, 11, 4, 9), "MAJO85", [Line(2, 1)]))
    before = stock_map(db, lots=True)
    out_path = tmp_path / "export.xlsx"
    exchange.export_workbook(db, "admin", out_path)
    sheet = load_workbook(out_path)["Movements"]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "movement_id" and all(row[-1] for row in sheet.iter_rows(min_row=2, values_only=True))
    code, _, err = run(capsys, "--db", db_url, "import", str(out_path))
    # the visit's handout is its Visit line, not a movement row
    assert code == 2 and "7 rows are already in the records" in err and "1 visit is already in the records" in err
    code, out, _ = run(capsys, "--db", db_url, "import", str(out_path), "--skip-duplicates")
    assert code == 0 and "skipped 8" in out  # 7 movements and the visit
    assert stock_map(db, lots=True) == before
    db.dispose()


def test_an_export_without_its_ids_is_still_recognised_line_by_line(tmp_path, db_url, capsys, new_db_url):
    first_import(tmp_path, db_url, capsys)
    db = open_database(db_url)
    out_path = tmp_path / "export.xlsx"
    exchange.export_workbook(db, "admin", out_path)
    rows = list(load_workbook(out_path)["Movements"].iter_rows(values_only=True))
    stripped = workbook(tmp_path / "stripped.xlsx", Movements=[r[:-1] for r in rows])  # movement_id column gone
    code, _, err = run(capsys, "--db", db_url, "import", str(stripped))
    assert code == 2 and "7 rows are already in the records" in err
    # Into another database the same file is new: it imports whole.
    other = new_db_url("other")
    assert (
        run(capsys, "--db", other, "import", str(workbook(tmp_path / "items.xlsx", Items=ITEMS, Locations=LOCATIONS)))[
            0
        ]
        == 0
    )
    assert run(capsys, "--db", other, "import", str(stripped))[0] == 0
    db.dispose()


def test_a_movement_id_twice_in_one_file_or_malformed_is_named(tmp_path, db_url, capsys):
    first_import(tmp_path, db_url, capsys)
    header = MOVES_HEADER + ["movement_id"]
    uid = "7d2c6f0e-2f4b-4c8e-9a57-1b2c3d4e5f60"
    path = workbook(
        tmp_path / "ids.xlsx",
        Movements=[
            header,
            move("2026-11-03", "handout", "SYR-1ML", 1, "SITE") + [uid],
            move("2026-11-03", "handout", "SYR-1ML", 1, "SITE") + [uid],
            move("2026-11-03", "handout", "SYR-1ML", 1, "SITE") + ["not-an-id"],
        ],
    )
    code, _, err = run(capsys, "--db", db_url, "import", str(path))
    assert code == 2 and "row 3, column movement_id: already appears in row 2" in err
    assert "row 4, column movement_id: must be a movement id" in err


def test_rows_past_a_stale_dimension_are_read(tmp_path, db_url, capsys):
    """Another program wrote <dimension ref="A1:K2"> over 4 rows: read-only openpyxl would stop at row 2."""
    path = workbook(
        tmp_path / "stale.xlsx",
        Items=ITEMS,
        Locations=LOCATIONS,
        Movements=[
            MOVES_HEADER,
            move("2026-11-01", "receive", "SYR-1ML", 100, "SITE"),
            move("2026-11-01", "receive", "SYR-1ML", 20, "SITE"),
            move("2026-11-01", "receive", "SYR-1ML", 3, "SITE"),
        ],
    )
    stale = tmp_path / "stale2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stale, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet3.xml":
                text = data.decode()
                start = text.index('<dimension ref="') + len('<dimension ref="')
                data = (text[:start] + "A1:K2" + text[text.index('"', start) :]).encode()
            dst.writestr(info, data)
    code, out, err = run(capsys, "--db", db_url, "import", str(stale))
    assert code == 0 and "3 movements" in out, err
    db = open_database(db_url)
    assert stock_map(db)[("SITE", "SYR-1ML")] == 123
    db.dispose()


def test_parse_and_stock_problems_come_in_one_pass(tmp_path, db_url, capsys):
    path = workbook(
        tmp_path / "both.xlsx",
        Items=ITEMS,
        Locations=LOCATIONS,
        Movements=[
            MOVES_HEADER,
            move("2026-11-01", "receive", "SYR-1ML", 10, "SITE"),
            move("2026-11-02", "handout", "SYR-1ML", 50, "SITE"),  # more than there is
            move("2026-11-02", "handout", "NOPE", 1, "SITE"),
        ],
    )  # unknown item
    code, _, err = run(capsys, "--db", db_url, "import", str(path))
    assert code == 2 and "2 problem(s)" in err
    assert "row 3, column quantity: not enough stock" in err and "row 4, column sku: unknown sku NOPE" in err
