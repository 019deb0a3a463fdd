"""What each `hrsupply` command does (cli.py parses the command line; this runs it)."""

from __future__ import annotations

import csv
import getpass
import json
import os
import sys
from datetime import datetime

from hrsupply.db import SchemaTooNew, default_url, open_database
from hrsupply.errors import UserError
from hrsupply.files import writable_file
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
from hrsupply.services.catalog import location_by_code
from hrsupply.services.cells import csv_field
from hrsupply.services.visits import Line


def run(args, url: str | None) -> int:
    from hrsupply import i18n

    i18n.use(os.environ.get("HRSUPPLY_LANGUAGE", "en"))  # the language of the sheets a command prints
    try:
        if args.command == "restore":  # before opening: the file may be too damaged to open
            return _restore(args, url or default_url())
        if args.command == "sync" and args.action == "join":  # a new database: nobody to sign in yet
            return _join(args, url)
        db = open_database(url, before_upgrade=backup.before_upgrade)
        try:
            return _run(args, db, _sign_in(args, db))
        finally:
            db.dispose()
    except SchemaTooNew as exc:
        raise UserError(str(exc)) from None


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
        users.allowed(db, user, "admin")  # who may sign in, and who is locked out
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


def _audit(args, db, user: str) -> int:
    """Who changed what, and when."""
    rows = audit.entries(db, user, start=args.start, end=args.end, entity=args.what)
    _print(
        [[f"{e.at:%Y-%m-%d %H:%M}", e.user, e.action, e.entity, e.key, e.summary()] for e in rows],
        ["at", "user", "action", "what", "key", "changes"],
        "table",
    )
    return 0


def _backup(args, db, user: str) -> int:
    """A backup now, to the folder given or the program's backup folder."""
    users.allowed(db, user, "admin")
    folder = args.folder or program.get(db, "backup_folder") or None
    made = backup.take(db.url, folder)
    print(f"Backed up to {made.path}.")
    return 0


def _import(args, db, user: str) -> int:
    """A workbook, all of it or nothing."""
    s = exchange.import_workbook(db, args.file, user, skip_duplicates=args.skip_duplicates)
    print(
        f"Imported {s.items} items, {s.locations} locations, {s.par_levels} par levels, "
        f"{s.movements} movements ({s.ledger_lines} ledger lines)"
        + (f", {s.visits} visits" if s.visits else "")
        + (f"; skipped {s.skipped} already in the records." if s.skipped else ".")
    )
    return 0


def _export(args, db, user: str) -> int:
    """Everything but users, to a workbook."""
    n = exchange.export_workbook(db, user, writable_file(args.file))
    print(f"Exported {n} movements to {args.file}.")
    return 0


def _stock(args, db, user: str) -> int:
    """On hand per location and item (or lot), today or as of a day."""
    lines = stock.on_hand(db, location=args.location, lots=args.lots, as_of=args.as_of)
    if args.lots:
        header = ["location", "sku", "name", "lot", "expiry", "quantity"]
        rows = [
            [l.location, l.sku, l.name, l.lot, l.expiry.isoformat() if l.expiry else None, l.quantity] for l in lines
        ]
    else:
        # quantity is everything on hand; expired, the part in lots past expiry on that day
        header = ["location", "sku", "name", "quantity", "expired"]
        rows = [[l.location, l.sku, l.name, l.quantity, l.expired] for l in lines]
    _print(rows, header, args.format)
    return 0


def _reconcile(args, db, user: str) -> int:
    """Opening, movements and closing per item over a period."""
    users.allowed(db, user, "stock")  # as the window's Reports
    lines = reconcile.reconcile(db, args.start, args.end, location=args.location)
    _print([[getattr(l, c) for c in reconcile.COLUMNS] for l in lines], reconcile.COLUMNS, args.format)
    return 0


def _reorder(args, db, user: str) -> int:
    """What to order, as a table and, if asked, an order sheet."""
    users.allowed(db, user, "stock")  # as the window's Reorder
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
    sheet = reorder.order_sheet(view, program=program.letterhead(db), place=args.location or "Whole program")
    for path, write in ((args.xlsx, exports.write_xlsx), (args.pdf, exports.write_pdf)):
        if path:
            write(path, sheet)
            print(f"Wrote {path}.", file=sys.stderr)
    return 0


def _report(args, db, user: str) -> int:
    """The program report, as CSV, a workbook or a PDF."""
    if args.format != "csv" and not args.out:
        raise UserError(f"--out FILE: where to write the {args.format} file")
    if args.out:
        writable_file(args.out)  # said before the figures are worked out
    from hrsupply.services import program_report, program_report_files

    if args.list_templates or args.template:
        return _funder_report(args, db, user)
    if args.start is None or args.end is None:
        raise UserError("--from and --to: the period of the report")
    report = program_report.build(db, user, args.start, args.end, args.location)
    if args.format == "csv":
        outside = args.outside and program.get(db, "small_count_suppression")
        program_report_files.write_csv(args.out or sys.stdout, report, outside=outside)
    else:
        write = program_report_files.write_xlsx if args.format == "xlsx" else program_report_files.write_pdf
        suppress = program.get(db, "small_count_suppression")
        write(args.out, report, program=program.letterhead(db), suppress=suppress)
    if args.out:
        print(f"Wrote {args.out}.", file=sys.stderr)
    return 0


def _funder_report(args, db, user: str) -> int:
    """A funder's template filled in: --from alone reports the template's whole period holding it."""
    from hrsupply.services import funder_report, funder_templates

    if args.list_templates:
        for t in funder_templates.available():
            print(f"{t.name}\t{t.period}\t{t.title}")
        return 0
    template = funder_templates.named(args.template)
    if args.start is None:
        raise UserError("--from: a day in the period to report (with --to, the period itself)")
    if args.location:
        raise UserError("--location: a funder's report is for the whole program")
    start, end = (args.start, args.end) if args.end else template.snap(args.start)
    funder = funder_report.build(db, user, template, start, end)
    if args.format == "csv":
        funder_report.write_csv(args.out or sys.stdout, funder)
    else:
        (funder_report.write_xlsx if args.format == "xlsx" else funder_report.write_pdf)(args.out, funder)
    if args.out:
        print(f"Wrote {args.out}.", file=sys.stderr)
    return 0


def _visits(args, db, user: str) -> int:
    """Visits over a period, one row each."""
    location_id = None
    if args.location:
        with db.read() as session:
            location_id = location_by_code(session, args.location).id
    rows = visits.between(db, user, args.start, args.end, location_id)
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
    return 0


def _settings(args, db, user: str) -> int:
    """The program's settings, or one of them, set first if a value is given."""
    if args.key and args.value is not None:
        try:
            value = json.loads(args.value)
        except json.JSONDecodeError as exc:
            raise UserError(f"the value is not JSON ({exc})") from None
        except RecursionError:
            raise UserError("the value is nested too deeply to be a setting") from None
        program.put(db, user, args.key, value)
    shown = program.all_settings(db)
    if args.key:
        if args.key not in shown:
            raise UserError(f"unknown setting {args.key!r} (known: {', '.join(shown)})")
        shown = {args.key: shown[args.key]}
    print(json.dumps(shown, indent=2, ensure_ascii=False))
    return 0


def _preset(args, db, user: str) -> int:
    """Save a handout preset (SKU=QUANTITY lines)."""
    skus = {i.sku: i.id for i in catalog.items(db, include_inactive=True)}
    lines = []
    for text in args.lines:
        sku, _, qty = text.rpartition("=")
        if sku not in skus or not (qty.isascii() and qty.isdigit()):
            raise UserError(f"{text!r}: expected SKU=QUANTITY with a known SKU")
        lines.append(Line(skus[sku], int(qty)))
    presets.save_preset(db, user, args.name, lines, args.position)
    print(f"Preset {args.name!r} saved with {len(lines)} lines.")
    return 0


def _verify(args, db, user: str) -> int:
    """Check the balances against the ledger; repair them if asked. 1 while anything disagrees."""
    findings = verify.check(db)
    for line in findings.lines():
        print(line)
    if args.repair and findings.repairable:
        n = verify.repair(db, user)
        print(f"Repaired: rewrote {n} balances and the month changes from the ledger.")
    elif findings.repairable:
        print(
            f"{len(findings.drift) + len(findings.stale) + len(findings.months)} balance(s) or month "
            "change(s) disagree with the ledger. Run `hrsupply verify --repair`.",
            file=sys.stderr,
        )
    if findings.dips:
        print(
            f"{len(findings.dips)} balance(s) fell below zero in the past: correct the movements named "
            "above (a repair cannot).",
            file=sys.stderr,
        )
    if findings.dips or (findings.repairable and not args.repair):
        return 1
    if args.repair:
        return 0
    print("All balances agree with the ledger.")
    return 0


def _join(args, url: str | None) -> int:
    from hrsupply.services import sync

    if not args.file:
        raise UserError("sync join needs the setup FILE")
    db = open_database(url, before_upgrade=backup.before_upgrade)
    try:
        location, people = sync.join(db, args.file)
    finally:
        db.dispose()
    print(f"Joined: this is now the laptop of {location}; {people} user(s) may sign in.")
    return 0


def _sync(args, db, user: str) -> int:
    """The van offline: setup (central), export, import, now (laptop), status."""
    from hrsupply.services import sync

    needs = {"setup": ("location", "out"), "export": ("out",), "import": ("file",), "join": ("file",)}
    for name in needs.get(args.action, ()):
        if not getattr(args, name):
            raise UserError(f"sync {args.action} needs {'--' + name if name != 'file' else 'FILE'}")
    if args.action == "setup":
        path = sync.setup(db, user, args.location, writable_file(args.out), central_url=args.central)
        print(
            f"Wrote {path}: join it on the laptop with `hrsupply sync join {path.name}`. "
            "It holds the pair's key: keep it private."
        )
    elif args.action == "export":
        sent = sync.export_file(db, user, writable_file(args.out), location=args.location)
        print(f"Wrote {sent.path}: {sent.visits} visit(s), {sent.lines} movement line(s).")
    elif args.action == "import":
        print(sync.import_file(db, user, args.file).line())
    elif args.action == "now":
        sent, received = sync.now(db, user, args.central)
        print(f"Sent: {sent.line()}. Received: {received.line()}.")
    else:
        for p in sync.pairs(db):
            print(
                f"{p.role} {p.peer[:8]} ({p.location}): last sent {_when(p.last_sent)}, "
                f"last received {_when(p.last_received)}, {p.waiting} waiting to go, {p.set_aside} set aside"
            )
    return 0


def _cards(args, db, user: str) -> int:
    """Client cards for known codes, to a PDF (and each card kept as printed)."""
    from hrsupply.services import cards

    printed = cards.print_cards(db, user, args.codes, args.out, args.layout, args.location)
    for card in printed:
        print(f"{card.code}: card {card.number}" + (" (a replacement)" if card.number > 1 else ""))
    print(f"Wrote {args.out}.", file=sys.stderr)
    return 0


def _new_key(variable: str) -> str:
    """A new passphrase: from the environment, or typed twice at a terminal."""
    if os.environ.get(variable):
        return os.environ[variable]
    if not sys.stdin.isatty():
        raise UserError(f"give the passphrase in ${variable} (or run from a terminal to be asked)")
    first = getpass.getpass("New passphrase (at least 10 characters): ")
    if getpass.getpass("The same passphrase again: ") != first:
        raise UserError("the two passphrases differ: nothing was changed")
    return first


def _encrypt(args, db, user: str) -> int:
    """Encrypt this database and its backups with the passphrase in $HRSUPPLY_DB_KEY."""
    from hrsupply.services import encryption

    done = encryption.encrypt(db, user, _new_key("HRSUPPLY_DB_KEY"))
    print(f"Encrypted {done.database.name} and {done.backups} backup(s). Keep the passphrase safe: "
          "without it the data cannot be read.")  # fmt: skip
    return 0


def _change_key(args, db, user: str) -> int:
    """A new passphrase ($HRSUPPLY_NEW_DB_KEY) for this encrypted database and its backups."""
    from hrsupply.services import encryption

    done = encryption.change_key(db, user, _new_key("HRSUPPLY_NEW_DB_KEY"))
    print(f"Changed the passphrase of {done.database.name} and {done.backups} backup(s).")
    return 0


def _when(at) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at else "never"


# One function per command, each given the parsed arguments, the database and who is acting.
COMMANDS = {
    "users": _users,
    "audit": _audit,
    "backup": _backup,
    "import": _import,
    "export": _export,
    "stock": _stock,
    "reconcile": _reconcile,
    "reorder": _reorder,
    "report": _report,
    "visits": _visits,
    "settings": _settings,
    "preset": _preset,
    "verify": _verify,
    "sync": _sync,
    "cards": _cards,
    "encrypt": _encrypt,
    "change-key": _change_key,
}


def _run(args, db, user: str) -> int:
    return COMMANDS[args.command](args, db, user) or 0
