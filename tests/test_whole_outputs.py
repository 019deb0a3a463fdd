"""Every file hrsupply writes is whole and private, or not there: a writer killed half-way or a
full disk leaves the last good file as it was (and nothing half-written beside it), and a file
written over one that others could read ends the owner's alone."""

import errno
import os
from datetime import date

import pytest

from hrsupply.errors import UserError
from hrsupply.self_test import sheets_of
from hrsupply.services import exchange, program_report
from hrsupply.services.demo import rebuild_demo
from hrsupply.services.program_report_files import write_csv, write_pdf, write_xlsx

TODAY = date(2026, 11, 25)
LAST_GOOD = b"the last good copy"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = rebuild_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite", today=TODAY)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def every_writer(demo) -> dict:
    return writers(demo)


def writers(db) -> dict:
    """Each writer of a file, as `write(path)`."""
    out = dict(sheets_of(db, "sam", TODAY))
    report = program_report.build(db, "sam", TODAY.replace(day=1), TODAY)
    out["everything workbook"] = lambda p: exchange.export_workbook(db, "sam", p)
    out["program report csv"] = lambda p: write_csv(p, report)
    out["program report xlsx"] = lambda p: write_xlsx(p, report, program="P", suppress=True)
    out["program report pdf"] = lambda p: write_pdf(p, report, program="P", suppress=True)
    return out


def leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".partial")]


class Killed(BaseException):
    """What a kill looks like from inside: nothing after it runs (not an Exception)."""


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_writer_killed_before_it_finishes_leaves_the_last_good_file(every_writer, tmp_path, monkeypatch):
    """Killed at the last moment (the whole file written, not yet in place): the target is the
    last good copy, so no writer puts a byte under the final name before the end."""
    real_replace = os.replace

    def killed(*_args):
        raise Killed()

    for name, write in every_writer.items():
        target = tmp_path / f"{name.replace(' ', '-')}.out"
        target.write_bytes(LAST_GOOD)
        target.chmod(0o644)
        monkeypatch.setattr(os, "replace", killed)
        try:
            with pytest.raises(Killed):
                write(target)
        finally:
            monkeypatch.setattr(os, "replace", real_replace)
        assert target.read_bytes() == LAST_GOOD, name
        assert leftovers(tmp_path) == [], name
        write(target)  # and written again in full, over a file others could read
        assert target.read_bytes() != LAST_GOOD and target.stat().st_size > 100, name
        assert target.stat().st_mode & 0o777 == 0o600, name


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_an_export_killed_at_any_moment_leaves_a_whole_file_or_the_old_one(demo, tmp_path):
    """The CLI export, killed at ten moments of its run: what is under the name always opens."""
    import signal
    import subprocess
    import sys
    import time

    from openpyxl import load_workbook

    target = tmp_path / "all.xlsx"
    exchange.export_workbook(demo, "sam", target)
    env = {**os.environ, "HRSUPPLY_USER": "sam", "HRSUPPLY_PIN": "1234"}
    args = [sys.executable, "-m", "hrsupply.cli", "--db", demo.url, "export", str(target)]
    started = time.monotonic()
    subprocess.run(args, env=env, check=True, capture_output=True)
    took = time.monotonic() - started
    for n in range(10):
        child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * (n + 0.5) / 10)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert load_workbook(target, read_only=True).sheetnames[0] == "Items"  # whole, old or new


def test_a_full_disk_says_so_in_one_sentence_and_leaves_nothing(every_writer, tmp_path, monkeypatch):
    real_fsync = os.fsync

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    for name, write in every_writer.items():
        target = tmp_path / f"{name.replace(' ', '-')}.out"
        target.write_bytes(LAST_GOOD)
        monkeypatch.setattr(os, "fsync", full)
        try:
            with pytest.raises(UserError, match="The disk is full"):
                write(target)
        finally:
            monkeypatch.setattr(os, "fsync", real_fsync)
        assert target.read_bytes() == LAST_GOOD and leftovers(tmp_path) == [], name
