"""Command line: `hrsupply` opens the app; subcommands work on the same services.

Exit status: 0 ok, 2 bad input or refused, 1 unexpected failure.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
from datetime import date, datetime

from hrsupply.db import SchemaTooNew, default_url, open_database
from hrsupply.files import private_umask, writable_file
from hrsupply.services import (
    audit,
    backup,
    catalog,
    exchange,
    exports,
    presets,
    program,
    reconcile,
    reorder,
    stock,
    users,
    verify,
    visits,
)
from hrsupply.services.access import ROLES
from hrsupply.services.bounds import EARLIEST
from hrsupply.services.catalog import location_by_code
from hrsupply.services.cells import csv_field
from hrsupply.services.errors import ImportRefused, UserError
from hrsupply.services.visits import Line


class _Parser(argparse.ArgumentParser):
    """A wrong argument gets one sentence and exit 2, not a page of usage."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


LAST_DAY = date(2999, 12, 31)


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not EARLIEST <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text} is not between {EARLIEST:%Y} and {LAST_DAY:%Y}")
    return day


def _months(text: str) -> int:
    """Months of use or of stock, as the settings allow: 1 to 24."""
    low, high = program.NUMBERS["reorder_lookback_months"]
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"a whole number of months from {low} to {high}, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    # SUPPRESS: the option may stand before or after the subcommand without one erasing the other.
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="SQLAlchemy database URL (default: $HRSUPPLY_DB, else a file in the user data folder)",
    )
    common.add_argument(
        "--user",
        default=argparse.SUPPRESS,
        help="who is acting (default: $HRSUPPLY_USER, else the login name); the PIN or "
        "password is read from $HRSUPPLY_PIN, or asked for at the terminal",
    )

    p = _Parser(prog="hrsupply", parents=[common], description="Supplies and visits for a syringe services program.")
    p.add_argument("--demo", action="store_true", help="open a fresh demo database (never your own data)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("import", parents=[common], help="import an .xlsx workbook, all or nothing")
    s.add_argument("file")
    s.add_argument(
        "--skip-duplicates", action="store_true", help="leave out movements already in the records and import the rest"
    )
    s = sub.add_parser("export", parents=[common], help="export everything to an .xlsx workbook")
    s.add_argument("file")

    fmt = _Parser(add_help=False)
    fmt.add_argument("--format", choices=("table", "csv"), default="table")
    fmt.add_argument("--location", metavar="CODE")
    s = sub.add_parser("stock", parents=[common, fmt], help="on hand now or at the end of a date")
    s.add_argument("--lots", action="store_true", help="one line per lot")
    s.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD")
    s = sub.add_parser("reconcile", parents=[common, fmt], help="opening to closing, explained")
    s.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    s.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")

    s = sub.add_parser("reorder", parents=[common, fmt], help="what to order (a location, or the whole program)")
    s.add_argument("--months", type=_months, help="months of use to look back over, 1 to 24 (default: the setting)")
    s.add_argument("--target", type=_months, help="months of stock to order up to, 1 to 24 (default: the setting)")
    s.add_argument("--xlsx", metavar="FILE", help="also write the order sheet as a spreadsheet")
    s.add_argument("--pdf", metavar="FILE", help="also write the order sheet as a PDF")

    s = sub.add_parser("visits", parents=[common, fmt], help="visits in a date range, newest first")
    s.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    s.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")

    s = sub.add_parser("settings", parents=[common], help="show, or set, a program-wide setting (JSON)")
    s.add_argument("key", nargs="?", help="code_scheme, sharps_sizes or referrals")
    s.add_argument("value", nargs="?", help="the new value as JSON")

    s = sub.add_parser("preset", parents=[common], help="define a front-desk preset: NAME SKU=QTY ...")
    s.add_argument("name")
    s.add_argument("lines", nargs="+", metavar="SKU=QTY")
    s.add_argument("--position", type=int, default=0, help="order on the F5-F8 keys (lowest first)")

    s = sub.add_parser("verify", parents=[common], help="check cached balances against the ledger")
    s.add_argument("--repair", action="store_true", help="rewrite the cached balances from the ledger")

    s = sub.add_parser("users", parents=[common], help="list users; an admin adds or changes them")
    s.add_argument("action", choices=("list", "add", "change", "unlock"))
    s.add_argument("username", nargs="?")
    s.add_argument("--role", choices=list(ROLES))
    s.add_argument("--off", action="store_true", help="switch the user off (they can no longer sign in)")
    s.add_argument("--on", action="store_true", help="switch the user back on")
    s.add_argument("--reset-pin", action="store_true", help="set a new PIN (read from $HRSUPPLY_NEW_PIN or asked)")

    s = sub.add_parser("audit", parents=[common], help="changes to items, par, users and settings, newest first")
    s.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD")
    s.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD")
    s.add_argument("--what", choices=("item", "par", "location", "source", "user", "setting", "import", "balances"))

    s = sub.add_parser(
        "backup", parents=[common], help="back up the database now (SQLite: online; PostgreSQL: pg_dump)"
    )
    s.add_argument("--to", dest="folder", metavar="FOLDER", help="default: the backup_folder setting")
    s = sub.add_parser(
        "restore", parents=[common], help="replace the database with a backup (what is there now is backed up first)"
    )
    s.add_argument("file")
    return p


def _print(rows: list[list], header: list[str], fmt: str) -> None:
    if fmt == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(header)
        out.writerows([csv_field(v) for v in row] for row in rows)
        return
    text = [header] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in text) for i in range(len(header))]
    numeric = [all(isinstance(r[i], int) for r in rows) and rows for i in range(len(header))]
    for r in text:
        print("  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(r, widths, numeric)).rstrip())


def _secret(prompt: str, variable: str) -> str:
    if os.environ.get(variable):
        return os.environ[variable]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UserError(f"give the PIN or password in ${variable} (or run from a terminal to be asked)")


def _sign_in(args, db) -> str:
    """Who is acting: the first admin on an empty database, else a signed-in user."""
    name = getattr(args, "user", None) or os.environ.get("HRSUPPLY_USER") or getpass.getuser()
    if users.needs_first_admin(db):
        if args.command == "users" and args.action == "add" and args.role == "admin":
            return ""
        raise UserError(
            "this database has no users yet: create its admin first with `hrsupply users add NAME --role admin`"
        )
    return users.sign_in(db, name, _secret(f"PIN or password for {name}: ", "HRSUPPLY_PIN")).username


def main(argv: list[str] | None = None) -> int:
    private_umask()  # every file this process makes (database, backups, exports) is its owner's alone
    args = _parser().parse_args(argv)
    url = getattr(args, "db", None)
    try:
        if args.command is None:
            from hrsupply.app import run_app  # Qt only when the window is wanted

            return run_app(url=url, demo=args.demo, user=getattr(args, "user", None))
        if args.command == "restore":  # before opening: the file may be too damaged to open
            return _restore(args, url or default_url())
        db = open_database(url)
        try:
            return _run(args, db, _sign_in(args, db))
        finally:
            db.dispose()
    except ImportRefused as exc:
        print(f"Nothing was imported. {len(exc.problems)} problem(s) found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except (UserError, SchemaTooNew) as exc:
        print(f"hrsupply: {exc}", file=sys.stderr)
        return 2


def _restore(args, url: str) -> int:
    """Restore is for when the database is missing or broken, so it never opens it: the person
    restoring signs in as an admin of the backup, which is checked whole before anything is
    replaced."""
    name = getattr(args, "user", None) or os.environ.get("HRSUPPLY_USER") or getpass.getuser()
    secret = _secret(f"PIN or password for {name} (an admin of the backup): ", "HRSUPPLY_PIN")
    before = backup.restore(url, args.file, user=name, secret=secret)
    if before:
        print(f"The database as it was is kept in {before.path}.")
    print(f"Restored {args.file}: it is whole, verifies, and {name} is its admin.")
    return 0


def _users(args, db, user: str) -> None:
    if args.action == "list":
        pin = {True: "too short", False: "ok", None: "not yet known"}
        _print(
            [
                [
                    u.username,
                    ROLES[u.role],
                    "yes" if u.active else "no",
                    pin[u.short_secret],
                    f"{u.locked_until:%Y-%m-%d %H:%M}" if u.locked_until and u.locked_until > datetime.now() else "",
                    f"{u.created_at:%Y-%m-%d}",
                    u.created_by,
                ]
                for u in users.users(db)
            ],
            ["username", "role", "active", "pin", "locked until", "created", "by"],
            "table",
        )
        return
    if not args.username:
        raise UserError(f"users {args.action} needs a USERNAME")
    if args.action == "add":
        if not args.role:
            raise UserError("users add needs --role")
        secret = _secret(f"PIN or password for {args.username}: ", "HRSUPPLY_NEW_PIN")
        if not user:
            users.create_first_admin(db, args.username, secret)
        else:
            users.add_user(db, user, args.username, args.role, secret)
        print(f"Added {args.username} ({ROLES[args.role]}).")
        return
    if args.action == "unlock":
        users.unlock(db, user, args.username)
        print(f"Unlocked {args.username}: they may sign in again now.")
        return
    if args.on and args.off:
        raise UserError("--on or --off, not both")
    secret = _secret(f"New PIN or password for {args.username}: ", "HRSUPPLY_NEW_PIN") if args.reset_pin else None
    users.change_user(
        db, user, args.username, role=args.role, secret=secret, active=True if args.on else False if args.off else None
    )
    print(f"Changed {args.username}.")


def _run(args, db, user: str) -> int:
    if args.command == "users":
        _users(args, db, user)
    elif args.command == "audit":
        users.allowed(db, user, "admin")
        rows = audit.entries(db, start=args.start, end=args.end, entity=args.what)
        _print(
            [[f"{e.at:%Y-%m-%d %H:%M}", e.user, e.action, e.entity, e.key, e.summary()] for e in rows],
            ["at", "user", "action", "what", "key", "changes"],
            "table",
        )
    elif args.command == "backup":
        users.allowed(db, user, "admin")
        folder = args.folder or program.get(db, "backup_folder") or None
        made = backup.take(db.url, folder)
        print(f"Backed up to {made.path}.")
    elif args.command == "import":
        s = exchange.import_workbook(db, args.file, user, skip_duplicates=args.skip_duplicates)
        print(
            f"Imported {s.items} items, {s.locations} locations, {s.par_levels} par levels, "
            f"{s.movements} movements ({s.ledger_lines} ledger lines)"
            + (f"; skipped {s.skipped} already in the records." if s.skipped else ".")
        )
    elif args.command == "export":
        users.allowed(db, user, "admin")  # every movement, with participant codes
        n = exchange.export_workbook(db, writable_file(args.file))
        print(f"Exported {n} movements to {args.file}.")
    elif args.command == "stock":
        lines = stock.on_hand(db, location=args.location, lots=args.lots, as_of=args.as_of)
        if args.lots:
            header = ["location", "sku", "name", "lot", "expiry", "quantity"]
            rows = [
                [l.location, l.sku, l.name, l.lot, l.expiry.isoformat() if l.expiry else None, l.quantity]
                for l in lines
            ]
        else:
            # quantity is everything on hand; expired, the part in lots past expiry on that day
            header = ["location", "sku", "name", "quantity", "expired"]
            rows = [[l.location, l.sku, l.name, l.quantity, l.expired] for l in lines]
        _print(rows, header, args.format)
    elif args.command == "reconcile":
        lines = reconcile.reconcile(db, args.start, args.end, location=args.location)
        _print([[getattr(l, c) for c in reconcile.COLUMNS] for l in lines], reconcile.COLUMNS, args.format)
    elif args.command == "reorder":
        for path in (args.xlsx, args.pdf):
            if path:
                writable_file(path)  # said before the figures are worked out
        view = reorder.suggestions(db, location=args.location, months=args.months, target_months=args.target)
        header = [
            "sku",
            "name",
            "status",
            "on_hand",
            "on_order",
            "used",
            "stockout_days",
            "amc",
            "months_of_stock",
            "minimum",
            "par",
            "target",
            "order_pack",
            "packs",
            "units",
            "source",
        ]
        _print(
            [
                [
                    l.sku,
                    l.name,
                    l.status,
                    l.on_hand,
                    l.on_order,
                    l.used,
                    l.stockout_days,
                    round(l.amc, 1),
                    None if l.months_of_stock is None else round(l.months_of_stock, 1),
                    l.minimum,
                    l.par,
                    l.target,
                    "assemble" if l.kit else l.pack or "single",
                    l.packs,
                    l.suggested,
                    l.source,
                ]
                for l in view.lines
            ],
            header,
            args.format,
        )
        sheet = reorder.order_sheet(
            view, program=program.get(db, "program_name"), place=args.location or "Whole program"
        )
        for path, write in ((args.xlsx, exports.write_xlsx), (args.pdf, exports.write_pdf)):
            if path:
                write(path, sheet)
                print(f"Wrote {path}.", file=sys.stderr)
    elif args.command == "visits":
        users.allowed(db, user, "admin")  # participant-level
        location_id = None
        if args.location:
            with db.read() as session:
                location_id = location_by_code(session, args.location).id
        rows = visits.between(db, args.start, args.end, location_id)
        header = [
            "occurred_at",
            "location",
            "participant",
            "items",
            "syringes_out",
            "syringes_returned",
            "returned_estimated",
            "collecting_for",
            "naloxone_kits_out",
            "naloxone_reason",
            "reversals_reported",
            "referrals",
            "recorded_by",
            "undone",
        ]
        _print(
            [
                [
                    f"{r.occurred_at:%Y-%m-%d %H:%M}",
                    r.location,
                    r.participant or "",
                    r.items,
                    r.syringes_out,
                    r.syringes_returned,
                    "yes" if r.returned_estimated else "no",
                    r.collecting_for,
                    r.naloxone_out,
                    r.naloxone_reason or "",
                    r.reversals_reported,
                    "; ".join(r.referrals),
                    r.recorded_by,
                    "yes" if r.undone else "no",
                ]
                for r in rows
            ],
            header,
            args.format,
        )
    elif args.command == "settings":
        if args.key and args.value is not None:
            try:
                value = json.loads(args.value)
            except json.JSONDecodeError as exc:
                raise UserError(f"the value is not JSON ({exc})") from None
            program.put(db, user, args.key, value)
        shown = program.all_settings(db)
        if args.key:
            if args.key not in shown:
                raise UserError(f"unknown setting {args.key!r} (known: {', '.join(shown)})")
            shown = {args.key: shown[args.key]}
        print(json.dumps(shown, indent=2, ensure_ascii=False))
    elif args.command == "preset":
        skus = {i.sku: i.id for i in catalog.items(db, include_inactive=True)}
        lines = []
        for text in args.lines:
            sku, _, qty = text.rpartition("=")
            if sku not in skus or not qty.isdigit():
                raise UserError(f"{text!r}: expected SKU=QUANTITY with a known SKU")
            lines.append(Line(skus[sku], int(qty)))
        presets.save_preset(db, user, args.name, lines, args.position)
        print(f"Preset {args.name!r} saved with {len(lines)} lines.")
    elif args.command == "verify":
        findings = verify.check(db)
        for line in findings.lines():
            print(line)
        if args.repair and (findings.drift or findings.stale):
            n = verify.repair(db, user)
            print(f"Repaired: rewrote {n} balances from the ledger.")
        elif findings.drift or findings.stale:
            print(
                f"{len(findings.drift) + len(findings.stale)} balance(s) disagree with the ledger. "
                "Run `hrsupply verify --repair`.",
                file=sys.stderr,
            )
        if findings.dips:
            print(
                f"{len(findings.dips)} balance(s) fell below zero in the past: correct the movements named "
                "above (a repair cannot).",
                file=sys.stderr,
            )
        if findings.dips or ((findings.drift or findings.stale) and not args.repair):
            return 1
        if args.repair:
            return 0
        print("All balances agree with the ledger.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
