"""What an installed copy relies on: the version, the self-test, the packaged resources, and a
package list in pyproject.toml that leaves no part of the app out of the wheel."""

import os
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

from hrsupply import __version__

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "hrsupply.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_version():
    done = _run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"hrsupply {__version__}"


def test_self_test_checks_every_screen_sheet_and_workbook_and_says_ok(tmp_path):
    done = _run("--self-test")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test ok"
    for what in (
        "screens built and shown",
        "tally sheet",
        "load-out sheet",
        "shelf labels",
        "count sheet",
        "program report",
        "workbook",
    ):
        assert any(what in line for line in lines), what


def test_resources_are_found_as_the_installed_app_finds_them():
    files = resources.files("hrsupply.resources")
    for name in (
        "hrsupply.svg",
        "hrsupply.ico",
        "hrsupply.desktop",
        "org.hrsupply.hrsupply.metainfo.xml",
        "starter_catalog.json",
    ):
        assert files.joinpath(name).is_file(), name
    assert files.joinpath("icons/hrsupply-256.png").is_file()
    assert files.joinpath("i18n/hrsupply_es.ts").is_file()  # the Spanish of the window and the sheets
    assert files.joinpath("report_templates/dpm-survey.toml").is_file()  # the funders' templates
    desktop = files.joinpath("hrsupply.desktop").read_text()
    assert "Exec=hrsupply\n" in desktop and "Icon=hrsupply\n" in desktop


def test_every_package_of_the_app_is_in_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.relative_to(ROOT / "src").parent.parts)
        for p in (ROOT / "src" / "hrsupply").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    resources = {"hrsupply.resources", "hrsupply.resources.icons", "hrsupply.resources.i18n"}
    assert found | resources | {"hrsupply.resources.report_templates"} == listed
