"""The house rules, read from the source: floors that import only downward, no import loop, the
UI free of SQLAlchemy and the services free of Qt, and rooms small enough to read.

The floors, bottom up: errors, steps and words (i18n); tables (models), files and keys; the database;
the services; the command line's commands; the window (ui); and the entry points that start one
or the other (cli, app, self_test)."""

import ast
from pathlib import Path

import pytest

import hrsupply

SRC = Path(hrsupply.__file__).parent

FLOORS = [
    ("hrsupply", "hrsupply.errors", "hrsupply.steps", "hrsupply.i18n"),
    ("hrsupply.models", "hrsupply.files", "hrsupply.keys", "hrsupply.sealed"),
    ("hrsupply.db", "hrsupply.migrations"),
    ("hrsupply.services",),
    ("hrsupply.commands",),
    ("hrsupply.ui",),
    ("hrsupply.cli", "hrsupply.app", "hrsupply.self_test"),
]
LONGEST_MODULE = 800
LONGEST_FUNCTION = 80  # lines, in services/ and commands.py
PDF_DRAWING = {  # a page laid out top to bottom reads best in one piece
    "services/van_sheets.py:write_pick_sheet",
    "services/count_sheet.py:write_count_sheet",
    "services/tally.py:write_tally_sheet",
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = ("hrsupply", *path.relative_to(SRC).with_suffix("").parts)
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every module of ours `name` imports, at the top or inside a function, and every outside
    package (by its top name)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names}
    return found


def _ours(target: str) -> str | None:
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target or None


GRAPH = {name: {t for t in map(_ours, _imports(name, path)) if t and t != name} for name, path in MODULES.items()}


def _floor(name: str) -> int:
    """The floor of the most specific prefix naming the module."""
    return max((len(p), n) for n, floor in enumerate(FLOORS) for p in floor if name == p or name.startswith(p + "."))[1]


def test_every_import_goes_down_a_floor_or_stays_on_it():
    upward = sorted(f"{a} imports {b}" for a, targets in GRAPH.items() for b in targets if _floor(b) > _floor(a))
    assert upward == []


def test_no_modules_import_each_other_round_a_loop():
    loops, state = [], {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        for target in sorted(GRAPH[name]):
            if state.get(target) == "open":
                loops.append(" → ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert loops == []


def _outside(prefix: str, package: str) -> list[str]:
    return sorted(
        name
        for name, path in MODULES.items()
        if name.startswith(prefix)
        for imported in _imports(name, path)
        if imported == package or imported.startswith(package + ".")
    )


def test_the_services_never_touch_qt():
    assert _outside("hrsupply.services", "PySide6") == []
    assert _outside("hrsupply.models", "PySide6") == [] and _outside("hrsupply.db", "PySide6") == []


def test_the_window_never_touches_the_database():
    assert _outside("hrsupply.ui", "sqlalchemy") == []


def test_nothing_below_the_services_imports_them():
    below = [name for name in GRAPH if _floor(name) < _floor("hrsupply.services")]
    assert sorted(f"{a} imports {b}" for a in below for b in GRAPH[a] if b.startswith("hrsupply.services")) == []


def test_the_floors_name_every_module():
    """A new top-level module is put on a floor before it is used."""
    assert [name for name in MODULES if not any(name == p or name.startswith(p + ".") for f in FLOORS for p in f)] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_too_long_to_read(name):
    assert len(MODULES[name].read_text().splitlines()) <= LONGEST_MODULE


def test_no_service_or_command_function_does_too_much():
    long = []
    for path in [*(SRC / "services").rglob("*.py"), SRC / "commands.py"]:
        where = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines >= LONGEST_FUNCTION and f"{where}:{node.name}" not in PDF_DRAWING:
                    long.append(f"{where}:{node.name} ({lines} lines)")
    assert long == []
