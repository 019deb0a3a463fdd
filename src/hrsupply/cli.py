"""Command line: `hrsupply` opens the app; subcommands work on the same services.

Exit status: 0 ok, 2 bad input or refused, 1 unexpected failure.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from hrsupply import __version__
from hrsupply.errors import ImportRefused, UserError
from hrsupply.files import private_umask
from hrsupply.services.access import ROLES
from hrsupply.services.bounds import EARLIEST


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
    from hrsupply.services import program

    low, high = program.NUMBERS["reorder_lookback_months"]
    if not text.isdigit() or not low <= int(text) <= high:
        raise argparse.ArgumentTypeError(f"a whole number of months from {low} to {high}, not {text!r}")
    return int(text)


def _position(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 99:
        raise argparse.ArgumentTypeError(f"a whole number from 0 to 99, not {text[:20]!r}")
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
    p.add_argument("--version", action="version", version=f"hrsupply {__version__}")
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a throwaway demo database (no screen needed); prints 'self-test ok'",
    )
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

    s = sub.add_parser("report", parents=[common], help="the program report for funders: people, supplies, naloxone")
    s.add_argument(
        "--template",
        metavar="NAME",
        help="a funder's report in its own words (csv: field,label,value); --list-templates names them",
    )
    s.add_argument("--list-templates", action="store_true", help="the funder templates there are, and stop")
    s.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD")
    s.add_argument(
        "--to", dest="end", type=_day, metavar="YYYY-MM-DD", help="with --template: default the end of its period"
    )
    s.add_argument("--location", metavar="CODE", help="one location (default: all, with a column for each)")
    s.add_argument("--format", choices=("csv", "xlsx", "pdf"), default="csv")
    s.add_argument("--out", metavar="FILE", help="where to write it (a CSV goes to the screen without one)")
    s.add_argument(
        "--outside",
        action="store_true",
        help="a CSV to share: small counts suppressed as in the workbook and PDF (xlsx and pdf always are)",
    )

    s = sub.add_parser("visits", parents=[common, fmt], help="visits in a date range, newest first")
    s.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    s.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")

    s = sub.add_parser("settings", parents=[common], help="show, or set, a program-wide setting (JSON)")
    s.add_argument("key", nargs="?", help="code_scheme, sharps_sizes or referrals")
    s.add_argument("value", nargs="?", help="the new value as JSON")

    s = sub.add_parser("preset", parents=[common], help="define a front-desk preset: NAME SKU=QTY ...")
    s.add_argument("name")
    s.add_argument("lines", nargs="+", metavar="SKU=QTY")
    s.add_argument("--position", type=_position, default=0, help="order on the F5-F8 keys (lowest first), 0 to 99")

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

    s = sub.add_parser("cards", parents=[common], help="print SSP client cards for participant codes (a PDF)")
    s.add_argument("codes", nargs="+", metavar="CODE")
    s.add_argument("--out", metavar="FILE.pdf", required=True)
    s.add_argument(
        "--layout",
        choices=("wallet", "sheet"),
        default="wallet",
        help="wallet: one CR80 card a page; sheet: 10 on Letter",
    )
    s.add_argument(
        "--location", metavar="CODE", help="where the cards are printed (default: this laptop's, or the first site)"
    )

    sub.add_parser(
        "encrypt",
        parents=[common],
        help="encrypt this SQLite database and its backups with the passphrase in $HRSUPPLY_DB_KEY (admin)",
    )
    sub.add_parser(
        "change-key",
        parents=[common],
        help="a new passphrase ($HRSUPPLY_NEW_DB_KEY) for an encrypted database and its backups (admin)",
    )

    s = sub.add_parser("sync", parents=[common], help="the van offline: set up a laptop, exchange records")
    s.add_argument("action", choices=("setup", "join", "export", "import", "now", "status"))
    s.add_argument("file", nargs="?", help="join, import: the file to read")
    s.add_argument("--location", metavar="CODE", help="setup: the van (or partner) the laptop is for")
    s.add_argument("--out", metavar="FILE", help="setup, export: where to write the file")
    s.add_argument("--central", metavar="URL", help="setup, now: the central database's address")
    return p


def main(argv: list[str] | None = None) -> int:
    private_umask()  # every file this process makes (database, backups, exports) is its owner's alone
    args = _parser().parse_args(argv)
    url = getattr(args, "db", None)
    try:
        if args.self_test:
            from hrsupply.self_test import run

            return run()
        if args.command is None:
            from hrsupply.app import run_app  # Qt only when the window is wanted

            return run_app(url=url, demo=args.demo, user=getattr(args, "user", None))
        from hrsupply import commands  # the services, spreadsheets and PDFs: only for a command

        return commands.run(args, url)
    except ImportRefused as exc:
        print(f"Nothing was imported. {len(exc.problems)} problem(s) found:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"hrsupply: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file named on the command line that cannot be read or written
        where = f": {exc.filename}" if exc.filename else ""
        print(f"hrsupply: {exc.strerror or exc}{where}"[:400], file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
