"""The van offline: a laptop bound to one location records the road's work in its own SQLite
file and exchanges records with the central (the site's database) by file or directly.

`pair` makes a pair (the central's setup file, the laptop's join), `package` is the signed file,
`snapshot` what the central owns and a laptop only reads, `records` the visits and ledger lines
exchanged and how they are applied, `send` the exchange itself, `review` where a pair stands and
what was set aside."""

from hrsupply.services.sync.pair import join, setup
from hrsupply.services.sync.review import dismiss, pairs, retry, set_aside
from hrsupply.services.sync.send import Outcome, Sent, export_file, import_file, now

__all__ = [
    "Outcome",
    "Sent",
    "dismiss",
    "export_file",
    "import_file",
    "join",
    "now",
    "pairs",
    "retry",
    "set_aside",
    "setup",
]
