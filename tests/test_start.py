"""Start-up: the first paint needs only the navigation and Home; the heavy libraries wait."""

import json
import os
import subprocess
import sys

import pytest
from alembic.script import ScriptDirectory

from hrsupply.db import HEAD, alembic_config

HEAVY = ("openpyxl", "reportlab", "pypdfium2", "alembic")

PAINT = """
import json, sys
from PySide6.QtWidgets import QApplication
from hrsupply.db import open_database
from hrsupply.ui import ops
from hrsupply.ui.main_window import MainWindow
app = QApplication([])
db = open_database(sys.argv[1])
window = MainWindow(db, "lead")
window.show()
app.processEvents()
built = sorted(window.screens)  # at the first paint (the others are built later, while idle)
ops.settle()
print(json.dumps({
    "heavy": sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2].split(","))),
    "built": built,
    "home": window.screens["Home"].visits.figure.text(),
}))
"""


def _run(code: str, *args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_first_paint_builds_home_only_and_loads_no_heavy_library(db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the same code path on PostgreSQL; the first paint is what matters here")
    seen = _run(PAINT, db_url, ",".join(HEAVY))
    assert seen == {"heavy": [], "built": ["Home"], "home": "0"}


def test_the_command_line_parser_loads_no_service():
    seen = _run(
        "import json, sys; import hrsupply.cli; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('hrsupply.services.exchange', "
        "'hrsupply.services.exports', 'openpyxl', 'reportlab', 'alembic')))))"
    )
    assert seen == []


def test_the_head_revision_written_down_is_alembics():
    """The start-up check reads one row instead of loading Alembic: its head must stay true."""
    assert ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() == HEAD


def test_no_screen_loads_a_heavy_library_until_it_writes_a_file():
    """The warm-up after the first paint loads every screen's code: none of it may pull in the
    spreadsheet, PDF or migration libraries (they load when a file is written or printed)."""
    from hrsupply.ui.main_window import SCREENS

    modules = ",".join(f"hrsupply.ui.{where.split(':')[0]}" for _, where in SCREENS.values())
    seen = _run(
        "import importlib, json, sys\n"
        "for name in sys.argv[1].split(','): importlib.import_module(name)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[2].split(',')))))",
        modules,
        ",".join(HEAVY),
    )
    assert seen == []


def test_while_the_pin_is_typed_every_screens_code_loads_in_the_background():
    """A first click on a screen right after sign-in builds it without reading its code from disk;
    the background load imports modules only (no widget is made off the window's thread)."""
    from hrsupply.ui.main_window import SCREENS

    modules = [f"hrsupply.ui.{where.split(':')[0]}" for _, where in SCREENS.values()]
    seen = _run(
        "import json, sys\n"
        "from hrsupply import app\n"
        "before = set(sys.modules)\n"
        "app._load_while_typing().join(60)\n"
        "print(json.dumps({'before': sorted(set(sys.argv[1].split(',')) & before),\n"
        "                  'after': sorted(set(sys.argv[1].split(',')) - set(sys.modules))}))",
        ",".join(modules),
    )
    assert seen == {"before": [], "after": []}
