"""Files are private: 0600 files and 0700 folders whatever the umask; existing ones tightened when
the database opens; no password on a command line."""

import os
import stat

import pytest

from hrsupply.cli import main
from hrsupply.db import open_database
from hrsupply.services import backup
from tests.conftest import PG

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    """The usual umask (0022), as the app finds it; put back afterwards."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(bool(PG), reason="SQLite files")
def test_backups_exports_and_the_database_are_private(db_url, tmp_path, loose_umask, capsys):
    folder = tmp_path / "copies"
    assert main(["--db", db_url, "backup", "--to", str(folder)]) == 0
    [copy] = backup.backups(folder)
    assert mode(folder) == 0o700 and mode(copy.path) == 0o600
    assert main(["--db", db_url, "export", str(tmp_path / "all.xlsx")]) == 0
    assert mode(tmp_path / "all.xlsx") == 0o600
    path = db_url.removeprefix("sqlite:///")
    for side in (path, f"{path}-wal", f"{path}-shm"):
        if os.path.exists(side):
            assert mode(side) == 0o600, side


@pytest.mark.skipif(bool(PG), reason="SQLite files")
def test_opening_a_database_tightens_what_an_older_version_left_open(db_url, tmp_path):
    path = db_url.removeprefix("sqlite:///")
    folder = os.path.join(os.path.dirname(path), "backups")
    os.makedirs(folder, mode=0o755, exist_ok=True)
    old_copy = os.path.join(folder, "hrsupply-20260101-090000.sqlite")
    open(old_copy, "wb").close()
    for p, m in ((path, 0o644), (folder, 0o755), (old_copy, 0o644)):
        os.chmod(p, m)
    open_database(db_url).dispose()
    assert (mode(path), mode(folder), mode(old_copy)) == (0o600, 0o700, 0o600)


def test_pg_tools_get_the_password_from_the_environment_not_the_command_line(monkeypatch, tmp_path):
    seen = {}

    class Done:
        returncode, stdout, stderr = 0, "", ""

    def run(args, **kwargs):
        seen["args"], seen["env"] = args, kwargs.get("env", {})
        [out] = [a.removeprefix("--file=") for a in args if a.startswith("--file=")]
        open(out, "wb").close()  # what pg_dump would write
        return Done()

    monkeypatch.setattr(backup.shutil, "which", lambda tool: "/usr/bin/" + tool)
    monkeypatch.setattr(backup.subprocess, "run", run)
    backup.take("postgresql+psycopg://ssp:s3cret-pw@db.example/hrsupply", tmp_path)
    assert not any("s3cret-pw" in a for a in seen["args"])
    assert seen["env"]["PGPASSWORD"] == "s3cret-pw"
    assert "--dbname=postgresql://ssp@db.example/hrsupply" in seen["args"]


def test_a_failing_pg_tool_never_prints_the_password(monkeypatch, tmp_path):
    class Failed:
        returncode, stdout, stderr = 1, "", 'connection to "ssp:s3cret-pw" failed'

    monkeypatch.setattr(backup.shutil, "which", lambda tool: "/usr/bin/" + tool)
    monkeypatch.setattr(backup.subprocess, "run", lambda args, **kw: Failed())
    with pytest.raises(backup.UserError) as err:
        backup.take("postgresql+psycopg://ssp:s3cret-pw@db.example/hrsupply", tmp_path)
    assert "s3cret-pw" not in str(err.value) and "***" in str(err.value)
