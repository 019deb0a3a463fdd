"""The CLI contract: import all-or-nothing, export round trip, stock, reconcile, verify."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from hrsupply.cli import main
from hrsupply.db import open_database
from hrsupply.models import Balance
from tests.helpers import EXPORT_SHEETS, ITEMS, LOCATIONS, MOVES_HEADER, move, workbook

MOVES = [
    MOVES_HEADER,
    move("2026-11-01", "receive", "SYR-1ML", 1000, "SITE", reference="PO-17"),
    move("2026-11-01", "receive", "NAL-4MG", 10, "SITE", lot="N1", expiry="2026-12-31"),
    move("2026-11-01", "receive", "NAL-4MG", 10, "SITE", lot="N2", expiry="2027-05-31"),
    move("2026-11-02 08:30", "transfer", "SYR-1ML", 300, "SITE", "VAN1"),
    move("2026-11-02 08:30", "transfer", "NAL-4MG", 12, "SITE", "VAN1"),
    move("2026-11-02 10:00", "handout", "SYR-1ML", 50, "VAN1", participant="ANJO85"),
    move("2026-11-02 10:05", "handout", "NAL-4MG", 2, "VAN1"),
    move("2026-11-03", "dispose", "NAL-4MG", 1, "SITE", lot="N2", reason="damaged"),
    move("2026-11-03", "adjust", "SYR-1ML", -5, "SITE", reason="damaged"),
    move("2026-11-04", "count", "SYR-1ML", 240, "VAN1"),
]


def run(capsys, *args):
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def table(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def loaded(tmp_path, db_url, capsys):
    path = workbook(tmp_path / "start.xlsx", Items=ITEMS, Locations=LOCATIONS, Movements=MOVES)
    code, out, err = run(capsys, "--db", db_url, "import", str(path))
    assert (code, err) == (0, "")
    assert "10 movements" in out
    return db_url


def test_stock_csv_with_and_without_lots(loaded, capsys):
    code, out, _ = run(capsys, "stock", "--db", loaded, "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "location,sku,name,quantity,expired"
    assert {(r["location"], r["sku"]): int(r["quantity"]) for r in table(out)} == {
        (
            "SITE",
            "SYR-1ML",
        ): 695,
        ("SITE", "NAL-4MG"): 7,
        ("VAN1", "SYR-1ML"): 240,
        ("VAN1", "NAL-4MG"): 10,
    }
    code, out, _ = run(capsys, "stock", "--db", loaded, "--lots", "--location", "VAN1", "--format", "csv")
    assert out.splitlines()[0] == "location,sku,name,lot,expiry,quantity"
    rows = {(r["sku"], r["lot"], r["expiry"]): int(r["quantity"]) for r in table(out)}
    # FEFO: the transfer took all of N1 (earliest expiry) and 2 of N2; the handout took N1 first.
    assert rows == {("NAL-4MG", "N1", "2026-12-31"): 8, ("NAL-4MG", "N2", "2027-05-31"): 2, ("SYR-1ML", "", ""): 240}


def test_stock_as_of_and_zero_rows_omitted(loaded, capsys):
    _, out, _ = run(capsys, "stock", "--db", loaded, "--as-of", "2026-11-01", "--format", "csv")
    assert {(r["location"], r["sku"]): int(r["quantity"]) for r in table(out)} == {
        ("SITE", "SYR-1ML"): 1000,
        ("SITE", "NAL-4MG"): 20,
    }
    _, out, _ = run(capsys, "stock", "--db", loaded, "--as-of", "2026-10-31", "--format", "csv")
    assert out.splitlines() == ["location,sku,name,quantity,expired"]


def test_stock_csv_names_the_units_expired_on_the_as_of_day(loaded, capsys):
    """Lot N1 expires 2026-12-31: usable through that day, expired the day after."""
    _, out, _ = run(capsys, "stock", "--db", loaded, "--as-of", "2026-12-31", "--format", "csv")
    assert {(r["location"], r["sku"]): (r["quantity"], r["expired"]) for r in table(out)}[("VAN1", "NAL-4MG")] == (
        "10",
        "0",
    )
    _, out, _ = run(capsys, "stock", "--db", loaded, "--as-of", "2027-01-01", "--format", "csv")
    rows = {(r["location"], r["sku"]): (r["quantity"], r["expired"]) for r in table(out)}
    assert rows[("VAN1", "NAL-4MG")] == ("10", "8") and rows[("SITE", "SYR-1ML")] == ("695", "0")


def test_stock_csv_without_as_of_counts_lots_expired_before_today(tmp_path, db_url, capsys):
    """No --as-of is today: a lot that expired yesterday is expired, one expiring today is not."""
    today = date.today()
    moves = [
        MOVES_HEADER,
        move("2026-01-05", "receive", "NAL-4MG", 28, "SITE", lot="OLD", expiry=f"{today - timedelta(days=1)}"),
        move("2026-01-05", "receive", "NAL-4MG", 5, "SITE", lot="TODAY", expiry=f"{today}"),
    ]
    path = workbook(tmp_path / "lots.xlsx", Items=ITEMS, Locations=LOCATIONS, Movements=moves)
    assert run(capsys, "--db", db_url, "import", str(path))[0] == 0
    _, out, _ = run(capsys, "stock", "--db", db_url, "--format", "csv")
    assert [(r["sku"], r["quantity"], r["expired"]) for r in table(out)] == [("NAL-4MG", "33", "28")]
    _, out, _ = run(capsys, "stock", "--db", db_url, "--format", "csv", "--as-of", f"{today}")
    assert [(r["sku"], r["quantity"], r["expired"]) for r in table(out)] == [("NAL-4MG", "33", "28")]


def test_stock_table_format_is_aligned(loaded, capsys):
    code, out, _ = run(capsys, "stock", "--db", loaded)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["location", "sku", "name", "quantity", "expired"]
    assert any("Syringe 1 mL 28G 1/2 in" in l and re.search(r"695\s+0$", l) for l in lines)


def test_reconcile_explains_every_unit(loaded, capsys):
    code, out, _ = run(
        capsys, "reconcile", "--db", loaded, "--from", "2026-11-02", "--to", "2026-11-04", "--format", "csv"
    )
    assert code == 0
    assert out.splitlines()[0] == (
        "location,sku,name,opening,received,transferred_in,handed_out,"
        "transferred_out,disposed,adjusted,count_variance,closing"
    )
    rows = {
        (r["location"], r["sku"]): {k: v for k, v in r.items() if k not in ("location", "sku", "name")}
        for r in table(out)
    }
    assert rows[("SITE", "SYR-1ML")] == dict(
        opening="1000",
        received="0",
        transferred_in="0",
        handed_out="0",
        transferred_out="300",
        disposed="0",
        adjusted="-5",
        count_variance="0",
        closing="695",
    )
    assert rows[("VAN1", "SYR-1ML")] == dict(
        opening="0",
        received="0",
        transferred_in="300",
        handed_out="50",
        transferred_out="0",
        disposed="0",
        adjusted="0",
        count_variance="-10",
        closing="240",
    )
    assert rows[("SITE", "NAL-4MG")]["disposed"] == "1"
    # closing equals stock --as-of the end date
    _, out, _ = run(capsys, "stock", "--db", loaded, "--as-of", "2026-11-04", "--format", "csv")
    for r in table(out):
        assert rows[(r["location"], r["sku"])]["closing"] == r["quantity"]


def test_reconcile_location_filter_and_quiet_period(loaded, capsys):
    _, out, _ = run(
        capsys,
        "reconcile",
        "--db",
        loaded,
        "--from",
        "2026-11-05",
        "--to",
        "2026-11-30",
        "--location",
        "VAN1",
        "--format",
        "csv",
    )
    rows = table(out)
    assert {r["location"] for r in rows} == {"VAN1"}
    assert all(r["opening"] == r["closing"] for r in rows)


def test_reconcile_rejects_reversed_period_and_bad_dates(loaded, capsys):
    code, _, err = run(capsys, "reconcile", "--db", loaded, "--from", "2026-11-05", "--to", "2026-11-01")
    assert code == 2 and "before it starts" in err
    with pytest.raises(SystemExit) as exc:
        main(["reconcile", "--db", loaded, "--from", "yesterday", "--to", "2026-11-01"])
    assert exc.value.code == 2


def test_unknown_location_is_a_clear_error(loaded, capsys):
    code, _, err = run(capsys, "stock", "--db", loaded, "--location", "NOPE")
    assert code == 2 and "no location 'NOPE'" in err


def test_importing_the_same_movements_twice_is_refused(loaded, tmp_path, capsys):
    again = workbook(tmp_path / "copy.xlsx", Movements=MOVES)
    code, _, err = run(capsys, "--db", loaded, "import", str(again))
    assert code == 2 and "10 rows are already in the records (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)" in err
    _, out, _ = run(capsys, "stock", "--db", loaded, "--format", "csv", "--location", "SITE")
    assert "SYR-1ML" in out and ",695" in out


def test_items_sheet_updates_by_key(loaded, tmp_path, capsys):
    path = workbook(
        tmp_path / "items.xlsx", items=[["SKU", "Name", "category"], ["SYR-1ML", "Syringe 1 mL 27G", "Syringes"]]
    )
    assert run(capsys, "--db", loaded, "import", str(path))[0] == 0
    _, out, _ = run(capsys, "stock", "--db", loaded, "--format", "csv", "--location", "SITE")
    assert "Syringe 1 mL 27G" in out
    _, out, _ = run(capsys, "audit", "--db", loaded, "--what", "item")
    lines = out.splitlines()
    assert (
        "admin  changed  item  SYR-1ML  name: Syringe 1 mL 28G 1/2 in → Syringe 1 mL 27G; reorder_point: 500 → —"
        in lines[1]
    )
    assert sum("created  item" in line for line in lines) == 2  # the first import made both items


def test_export_then_import_into_empty_database_reproduces_stock(loaded, tmp_path, capsys, new_db_url):
    # Add a reversal so the export has to express it.
    from hrsupply.services import movements

    db = open_database(loaded)
    movements.reverse(db, "lead", 7, "entered twice")
    movements.reverse(db, "lead", 6, "not loaded")
    db.dispose()
    out_path = tmp_path / "export.xlsx"
    code, out, _ = run(capsys, "--db", loaded, "export", str(out_path))
    assert code == 0
    book = load_workbook(out_path)
    assert book.sheetnames == EXPORT_SHEETS
    sheet = book["Movements"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    assert isinstance(sheet["A2"].value, datetime) and sheet["A2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet.column_dimensions["A"].width >= 16  # a date and time shows in full
    naloxone = next(row for row in sheet.iter_rows(min_row=2) if row[6].value)
    assert naloxone[7].number_format == "yyyy-mm-dd"
    book.close()
    empty = new_db_url("empty")
    assert run(capsys, "--db", empty, "import", str(out_path))[0] == 0
    for args in (["--lots"], []):
        _, before, _ = run(capsys, "stock", "--db", loaded, "--format", "csv", *args)
        _, after, _ = run(capsys, "stock", "--db", empty, "--format", "csv", *args)
        assert before == after


def test_verify_reports_drift_and_repairs(loaded, capsys):
    code, out, _ = run(capsys, "verify", "--db", loaded)
    assert code == 0 and "agree" in out
    db = open_database(loaded)
    with db.write() as s:
        s.execute(Balance.__table__.update().values(quantity=Balance.quantity + 1))
    db.dispose()
    code, out, err = run(capsys, "verify", "--db", loaded)
    assert code == 1 and "SITE SYR-1ML: ledger 695, cached 696" in out
    assert run(capsys, "verify", "--db", loaded, "--repair")[0] == 0
    assert run(capsys, "verify", "--db", loaded)[0] == 0
    _, out, _ = run(capsys, "audit", "--db", loaded, "--what", "balances")
    assert "admin  changed  balances  repair  balances rewritten: — → 6; disagreed: — → 6" in out


def test_verify_checks_each_balances_last_movement_time(loaded, capsys):
    db = open_database(loaded)
    with db.write() as s:
        s.execute(Balance.__table__.update().values(last_at=datetime(2026, 1, 1)))
    db.dispose()
    code, out, _ = run(capsys, "verify", "--db", loaded)
    assert code == 1 and "SITE SYR-1ML: last movement 2026-11-03 00:00:00, cached 2026-01-01 00:00:00" in out
    assert run(capsys, "verify", "--db", loaded, "--repair")[0] == 0
    assert run(capsys, "verify", "--db", loaded)[0] == 0


def test_verify_finds_a_balance_that_fell_below_zero_in_the_past(loaded, capsys):
    """A handout slipped into the ledger behind the services' back, before the stock arrived:
    today's balances agree, but the history went negative."""
    db = open_database(loaded)
    with db.write() as s:
        s.execute(
            text(
                "UPDATE movements SET occurred_at = '2026-10-30 09:00:00.000000' "
                "WHERE type = 'handout' AND location_id = (SELECT id FROM locations WHERE code = 'VAN1') "
                "AND item_id = (SELECT id FROM items WHERE sku = 'SYR-1ML')"
            )
        )
    db.dispose()
    code, out, err = run(capsys, "verify", "--db", loaded)
    assert code == 1 and "VAN1 SYR-1ML: falls to -50 on 2026-10-30 09:00" in out and "below zero" in err


def test_repair_never_writes_a_negative_balance(loaded, capsys):
    db = open_database(loaded)
    with db.write() as s:
        s.execute(
            text(
                "UPDATE movements SET quantity = -5000 WHERE type = 'handout' "
                "AND item_id = (SELECT id FROM items WHERE sku = 'SYR-1ML')"
            )
        )
    db.dispose()
    code, out, err = run(capsys, "verify", "--db", loaded, "--repair")
    assert code == 2 and "the ledger adds up to less than zero for VAN1 SYR-1ML (-4710)" in err
    db = open_database(loaded)
    with db.read() as s:
        assert s.scalar(text("SELECT min(quantity) FROM balances")) >= 0
    db.dispose()


def test_db_from_environment(loaded, capsys, monkeypatch):
    monkeypatch.setenv("HRSUPPLY_DB", loaded)
    code, out, _ = run(capsys, "stock", "--format", "csv")
    assert code == 0 and "SYR-1ML" in out


def test_visits_csv_for_a_date_range(loaded, capsys):
    from hrsupply.services import visits
    from hrsupply.services.visits import Line, VisitForm

    db = open_database(loaded)
    with db.read() as s:
        from hrsupply.services.catalog import location_by_code

        site = location_by_code(s, "SITE").id
        from sqlalchemy import select

        from hrsupply.models import Item

        syr = s.scalar(select(Item.id).where(Item.sku == "SYR-1ML"))
    visits.record(
        db,
        "lead",
        VisitForm(
            site, datetime(2026, 11, 5, 10, 15), "majo85", [Line(syr, 40)], syringes_returned=25, referrals=["HCV test"]
        ),
    )
    visits.record(db, "lead", VisitForm(site, datetime(2026, 11, 6, 9, 0), None, [Line(syr, 10)]))
    db.dispose()
    code, out, _ = run(
        capsys, "visits", "--db", loaded, "--from", "2026-11-05", "--to", "2026-11-05", "--format", "csv"
    )
    assert code == 0
    [row] = table(out)
    assert row["occurred_at"] == "2026-11-05 10:15" and row["participant"] == "MAJO85"
    assert (row["syringes_out"], row["syringes_returned"], row["referrals"]) == ("40", "25", "HCV test")
    assert row["items"] == "Syringe 1 mL 28G 1/2 in ×40"
    _, out, _ = run(
        capsys,
        "visits",
        "--db",
        loaded,
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--format",
        "csv",
        "--location",
        "SITE",
    )
    assert [r["participant"] for r in table(out)] == ["", "MAJO85"]
    code, _, err = run(capsys, "visits", "--db", loaded, "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 2 and "before it starts" in err


def test_settings_show_and_set(loaded, capsys):
    import json as js

    code, out, _ = run(capsys, "settings", "--db", loaded)
    assert code == 0 and js.loads(out)["referrals"][0] == "HCV test"
    code, out, _ = run(capsys, "settings", "--db", loaded, "sharps_sizes", '[["1 quart", 90]]')
    assert code == 0 and js.loads(out) == {"sharps_sizes": [["1 quart", 90]]}
    code, _, err = run(capsys, "settings", "--db", loaded, "sharps_sizes", '[["1 quart", -1]]')
    assert code == 2 and "sharps_sizes must look like" in err
    code, _, err = run(capsys, "settings", "--db", loaded, "colour", '"red"')
    assert code == 2 and "unknown setting 'colour'" in err
    code, _, err = run(capsys, "settings", "--db", loaded, "referrals", "[not json")
    assert code == 2 and "not JSON" in err


def test_preset_from_the_command_line(loaded, capsys):
    from hrsupply.services import presets

    code, out, _ = run(capsys, "preset", "--db", loaded, "Walk-in basics", "SYR-1ML=10", "NAL-4MG=1")
    assert code == 0 and "2 lines" in out
    db = open_database(loaded)
    [preset] = presets.list_presets(db)
    db.dispose()
    assert preset.name == "Walk-in basics" and [l.quantity for l in preset.lines] == [10, 1]
    code, _, err = run(capsys, "preset", "--db", loaded, "Bad", "NOPE=1")
    assert code == 2 and "'NOPE=1': expected SKU=QUANTITY" in err


def test_reorder_prints_suggestions_and_writes_the_order_sheet(loaded, capsys, tmp_path):
    code, out, err = run(
        capsys,
        "reorder",
        "--db",
        loaded,
        "--location",
        "SITE",
        "--format",
        "csv",
        "--xlsx",
        str(tmp_path / "order.xlsx"),
        "--pdf",
        str(tmp_path / "order.pdf"),
    )
    assert code == 0, err
    rows = {r["sku"]: r for r in table(out)}
    # The site's use is what it sent the van (300 syringes) over the look-back; its minimum is 500.
    assert rows["SYR-1ML"]["used"] == "300" and rows["SYR-1ML"]["minimum"] == "500"
    assert rows["SYR-1ML"]["on_hand"] == "695" and rows["SYR-1ML"]["status"] == "reorder"
    assert load_workbook(tmp_path / "order.xlsx").active["A1"].value == "Order sheet"
    assert (tmp_path / "order.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "reorder", "--db", loaded, "--location", "NOPE")
    assert code == 2 and "no location 'NOPE'" in err


def test_the_command_line_signs_in_and_refuses_what_the_role_may_not(loaded, capsys, monkeypatch):
    monkeypatch.delenv("HRSUPPLY_PIN")
    code, _, err = run(capsys, "--db", loaded, "stock")
    assert code == 2 and "give the PIN or password in $HRSUPPLY_PIN" in err
    monkeypatch.setenv("HRSUPPLY_PIN", "0000")
    code, _, err = run(capsys, "--db", loaded, "stock")
    assert code == 2 and "wrong username or PIN" in err
    monkeypatch.setenv("HRSUPPLY_PIN", "1234")
    code, _, err = run(capsys, "--db", loaded, "--user", "desk", "visits", "--from", "2026-11-01", "--to", "2026-11-30")
    assert code == 2 and "desk may see only today's visits; ask an admin" in err
    code, _, err = run(capsys, "--db", loaded, "--user", "desk", "audit")
    assert code == 2 and "desk (front desk) may not manage users and settings, or export participant-level" in err
    code, _, err = run(capsys, "--db", loaded, "--user", "desk", "report", "--from", "2026-11-01", "--to", "2026-11-30")
    assert code == 2 and "may not see and export the program report" in err
    code, _, err = run(capsys, "--db", loaded, "--user", "lead", "settings", "lock_date", '"2026-11-02"')
    assert code == 2 and "may not" in err
    assert run(capsys, "--db", loaded, "settings", "lock_date", '"2026-11-02"')[0] == 0


def test_first_admin_then_users_from_the_command_line(tmp_path, capsys, monkeypatch):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    code, _, err = run(capsys, "--db", url, "stock")
    assert code == 2 and "no users yet: create its admin first with `hrsupply users add NAME --role admin`" in err
    monkeypatch.setenv("HRSUPPLY_NEW_PIN", "24681357")
    assert run(capsys, "--db", url, "users", "add", "sam", "--role", "admin")[0] == 0
    monkeypatch.setenv("HRSUPPLY_USER", "sam")
    monkeypatch.setenv("HRSUPPLY_PIN", "24681357")
    monkeypatch.setenv("HRSUPPLY_NEW_PIN", "135791")
    assert run(capsys, "--db", url, "users", "add", "kim", "--role", "front_desk")[0] == 0
    assert run(capsys, "--db", url, "users", "change", "kim", "--role", "van_crew", "--off")[0] == 0
    code, out, _ = run(capsys, "--db", url, "users", "list")
    assert [re.split(r"\s{2,}", line)[:3] for line in out.splitlines()] == [
        ["username", "role", "active"],
        ["kim", "van crew", "no"],
        ["sam", "admin", "yes"],
    ]
    code, out, _ = run(capsys, "--db", url, "audit", "--what", "user")
    assert code == 0 and "role: front desk → van crew; active: True → False" in out


def test_backup_and_restore_from_the_command_line(loaded, capsys, tmp_path):
    code, out, _ = run(capsys, "--db", loaded, "backup", "--to", str(tmp_path / "copies"))
    assert code == 0 and out.startswith("Backed up to ")
    made = out.split("Backed up to ")[1].strip().rstrip(".")
    stock_before = run(capsys, "--db", loaded, "stock", "--format", "csv")[1]
    path = workbook(
        tmp_path / "more.xlsx", Movements=[MOVES_HEADER, move("2026-11-05", "receive", "SYR-1ML", 7, "SITE")]
    )
    assert run(capsys, "--db", loaded, "import", str(path))[0] == 0
    assert run(capsys, "--db", loaded, "stock", "--format", "csv")[1] != stock_before
    code, out, _ = run(capsys, "--db", loaded, "restore", made)
    assert code == 0 and "Restored" in out
    assert run(capsys, "--db", loaded, "stock", "--format", "csv")[1] == stock_before
    code, _, err = run(capsys, "--db", loaded, "restore", str(tmp_path / "nope.sqlite"))
    assert code == 2 and "there is no backup file" in err


def test_verify_checks_the_month_changes_and_repair_rewrites_them(loaded, capsys):
    """A month's kept change that no longer adds up to its movements (balances at any later date
    would be off): said, and rewritten by --repair."""
    from hrsupply.models import MonthChange

    db = open_database(loaded)
    with db.write() as s:
        first = s.scalar(select(MonthChange.id).order_by(MonthChange.month, MonthChange.id))
        s.execute(MonthChange.__table__.update().where(MonthChange.id == first).values(change=MonthChange.change + 7))
    db.dispose()
    code, out, err = run(capsys, "verify", "--db", loaded)
    assert code == 1 and "changed by" in out and "+ 7" not in out and "verify --repair" in err
    assert run(capsys, "verify", "--db", loaded, "--repair")[0] == 0
    code, out, _ = run(capsys, "verify", "--db", loaded)
    assert code == 0 and "agree" in out
    _, out, _ = run(capsys, "audit", "--db", loaded, "--what", "balances")
    assert "months that disagreed: — → 1" in out


@pytest.mark.parametrize(
    "args",
    [
        ["users", "list"],
        ["reconcile", "--from", "2026-11-01", "--to", "2026-11-30"],
        ["reorder", "--xlsx", "order.xlsx"],
        ["audit"],
        ["export", "all.xlsx"],
    ],
)
@pytest.mark.parametrize("user", ["desk", "crew"])
def test_front_desk_and_van_crew_cannot_do_from_the_cli_what_the_window_keeps_from_them(
    loaded, capsys, tmp_path, monkeypatch, args, user
):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, err = run(capsys, "--db", loaded, "--user", user, *args)
    assert code == 2 and "may not" in err and out == ""
    assert list(here.iterdir()) == []  # nothing written
