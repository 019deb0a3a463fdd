"""Every bad argument gets exit 2 and one clear sentence: no traceback, nothing written."""

import zipfile

import pytest
from sqlalchemy import func, select

from hrsupply.cli import main
from hrsupply.db import open_database
from hrsupply.models import AuditEntry, Movement, Preset, User
from tests.helpers import ITEMS, LOCATIONS, MOVES_HEADER, move, workbook


@pytest.fixture
def loaded(tmp_path, db_url, capsys):
    path = workbook(
        tmp_path / "start.xlsx",
        Items=ITEMS,
        Locations=LOCATIONS,
        Movements=[MOVES_HEADER, move("2026-11-01", "receive", "SYR-1ML", 100, "SITE")],
    )
    assert main(["--db", db_url, "import", str(path)]) == 0
    capsys.readouterr()
    return db_url


def snapshot(url):
    db = open_database(url)
    with db.read() as s:
        out = tuple(s.scalar(select(func.count()).select_from(t)) for t in (Movement, AuditEntry, User, Preset))
    db.dispose()
    return out


def hostile(tmp_path, name, xml):
    """A workbook whose Movements sheet XML is replaced by `xml`."""
    path = workbook(tmp_path / "base.xlsx", Movements=[MOVES_HEADER])
    out = tmp_path / name
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, xml.encode() if info.filename == "xl/worksheets/sheet1.xml" else data)
    return out


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol3;</t>'
    "</is></c></row></sheetData></worksheet>"
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row>'
    '<c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
)

# (arguments, with {tmp} for the test's folder). Each must be refused with exit 2.
BAD = [
    # dates that are not dates, or beyond any calendar the app can count to
    "stock --as-of 9999-12-31",
    "stock --as-of 0001-01-01",
    "stock --as-of 2026-13-01",
    "stock --as-of yesterday",
    "reconcile --from 2026-11-01 --to 9999-12-31",
    "reconcile --from 0001-01-01 --to 2026-11-01",
    "reconcile --from 2026-11-05 --to 2026-11-01",
    "reconcile --from 2026-02-30 --to 2026-03-01",
    "visits --from 2026-11-01 --to 9999-12-31",
    "visits --from 2026-11-05 --to 2026-11-01",
    "visits --from nope --to 2026-11-01",
    "audit --from 9999-12-31",
    "audit --from 2026-11-05 --to 2026-11-01",
    # numbers out of range
    "reorder --months 100000",
    "reorder --months 0",
    "reorder --months -5",
    "reorder --months two",
    "reorder --target 0",
    "reorder --target 1000",
    "reorder --target -1",
    # unknown places and things
    "stock --location NOPE",
    "reorder --location NOPE",
    "reconcile --from 2026-11-01 --to 2026-11-02 --location NOPE",
    "stock --format xml",
    "audit --what everything",
    "users frobnicate",
    "users change nobody --role admin",
    "users unlock nobody",
    "users add kim",
    "users change",
    "users add kim --role boss",
    "settings no_such_setting 1",
    "settings expiry_window_days 0",
    "settings expiry_window_days not-json",
    "settings lock_date 2026-01-01",
    "settings min_pin_length 3",
    "settings program_name " + '"' + "x" * 300 + '"',
    # presets
    "preset " + "P" * 300 + " SYR-1ML=10",
    "preset Basics SYR-1ML=0",
    "preset Basics SYR-1ML=2000000",
    "preset Basics NOPE=10",
    "preset Basics SYR-1ML",
    "preset Basics SYR-1ML=ten",
    # files to write that cannot be written
    "export {tmp}/missing/folder/out.xlsx",
    "export {tmp}",
    "reorder --xlsx {tmp}/missing/order.xlsx",
    "reorder --pdf {tmp}",
    "backup --to {tmp}/afile.txt",
    # files to read that are not what they say
    "import {tmp}/missing.xlsx",
    "import {tmp}/afile.txt",
    "import {tmp}",
    "import {tmp}/bomb.xlsx",
    "import {tmp}/external.xlsx",
    "import {tmp}/broken.xlsx",
    "restore {tmp}/missing.sqlite",
    "restore {tmp}/afile.txt",
    # databases that cannot be reached
    "stock --db not-a-url",
    "stock --db nosuchdriver://x/y",
    "stock --db sqlite:///{tmp}/missing/folder/db.sqlite",
    "stock --db postgresql+psycopg://nobody:pw@127.0.0.1:1/none",
    "stock --db mysql://nobody:pw@127.0.0.1/none",
    "stock --db sqlite:///{tmp}/garbage.sqlite",
    # names too long for any file system, targets that are no files, folders nothing can be made in
    *(
        line.replace("LONG", "x" * 300)
        for line in (
            "export {tmp}/LONG.xlsx",
            "report --from 2026-11-01 --to 2026-11-30 --format xlsx --out {tmp}/LONG.xlsx",
            "report --from 2026-11-01 --to 2026-11-30 --out {tmp}/LONG.csv",
            "reorder --xlsx {tmp}/LONG.xlsx",
            "reorder --pdf {tmp}/LONG.pdf",
            "backup --to {tmp}/LONG",
            "restore {tmp}/LONG.sqlite",
            "import {tmp}/LONG.xlsx",
        )
    ),
    "export /dev/full",
    "report --from 2026-11-01 --to 2026-11-30 --format pdf --out /dev/full",
    "export /proc/hrsupply-export.xlsx",
    "reorder --pdf /proc/order.pdf",
    # arguments no setting or preset can hold
    "preset Basics SYR-1ML=²",
    "preset Basics SYR-1ML=10 --position 12345678901234567890",
    "settings sharps_sizes " + "[" * 60000 + "]" * 60000,
    'settings code_scheme [["Mother\'s first name",100000000000000000000,"start"]]',
    # hostile workbooks: a cell at the sheet's last column and row
    "import {tmp}/last-cell.xlsx",
]


@pytest.fixture
def tmp_files(tmp_path):
    (tmp_path / "afile.txt").write_text("not a workbook, not a folder")
    hostile(tmp_path, "bomb.xlsx", BOMB)
    hostile(tmp_path, "external.xlsx", EXTERNAL)
    hostile(tmp_path, "broken.xlsx", "<worksheet><sheetData><row>")
    hostile(
        tmp_path,
        "last-cell.xlsx",
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>'
        '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
    )
    (tmp_path / "garbage.sqlite").write_bytes(b"not a database at all, " * 100)
    return tmp_path


def test_there_are_at_least_sixty_bad_invocations():
    assert len(BAD) >= 60


@pytest.mark.parametrize("line", BAD)
def test_bad_invocation_gets_a_sentence_and_exit_2(loaded, tmp_files, capsys, line):
    before = snapshot(loaded)
    files = sorted(p.name for p in tmp_files.rglob("*"))
    args = [a.replace("{tmp}", str(tmp_files)) for a in line.split(" ")]
    if "--db" not in args:
        args += ["--db", loaded]
    try:
        code = main(args)
    except SystemExit as exc:  # argparse refuses before anything runs
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2, (line, out, err)
    assert "Traceback" not in err and err.strip(), (line, err)
    assert len(err.strip().splitlines()) <= 3, err  # a sentence (argparse adds its usage line)
    assert "pw@" not in err  # a password in a URL is never printed
    assert snapshot(loaded) == before
    assert sorted(p.name for p in tmp_files.rglob("*")) == files


def test_a_password_in_the_query_string_is_never_printed(tmp_path, capsys):
    code = main(["stock", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none?password=s3cret-pw"])
    err = capsys.readouterr().err
    assert code == 2 and err.strip() and "s3cret-pw" not in err
