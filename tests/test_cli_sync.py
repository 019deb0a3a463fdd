"""The sync commands as a script uses them: setup on the central, join on a new laptop database,
export and import either way (one line: N new, M already here, K set aside), `now`, `status`, and
exit 2 with one sentence for a file that is not right."""

from datetime import datetime, timedelta

import pytest

from hrsupply.cli import main
from hrsupply.services import movements
from hrsupply.services.ledger import Move


def run(capsys, *args):
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


def test_setup_join_export_import_now_and_status(capsys, db, db_url, cat, tmp_path, monkeypatch):
    movements.record(db, "lead", [Move("receive", cat.syr, cat.van, 100, datetime.now() - timedelta(days=1))])
    setup, laptop = tmp_path / "van1.setup", f"sqlite:///{tmp_path / 'laptop.sqlite'}"
    code, out, _ = run(capsys, "sync", "setup", "--db", db_url, "--location", "VAN1", "--out", str(setup))
    assert code == 0 and "hrsupply sync join van1.setup" in out
    code, out, _ = run(capsys, "sync", "join", str(setup), "--db", laptop)
    assert code == 0 and out.startswith("Joined: this is now the laptop of VAN1; 2 user(s) may sign in.")
    monkeypatch.setenv("HRSUPPLY_USER", "crew")
    code, out, _ = run(capsys, "sync", "status", "--db", laptop)
    assert code == 0 and "central" in out and "0 waiting to go" in out and "last sent never" in out
    movements.record(db, "lead", [Move("dispose", cat.syr, cat.van, 3, datetime.now(), reason="damaged")])
    back = tmp_path / "back.sync"
    monkeypatch.setenv("HRSUPPLY_USER", "admin")
    code, out, _ = run(capsys, "sync", "export", "--db", db_url, "--out", str(back))
    assert code == 0 and "1 movement line(s)" in out
    monkeypatch.setenv("HRSUPPLY_USER", "crew")
    assert run(capsys, "sync", "import", str(back), "--db", laptop)[1] == "1 new, 0 already here, 0 set aside\n"
    assert run(capsys, "sync", "import", str(back), "--db", laptop)[1] == "0 new, 1 already here, 0 set aside\n"
    code, out, _ = run(capsys, "stock", "--db", laptop, "--location", "VAN1", "--format", "csv")
    assert out.splitlines()[1].startswith("VAN1,SYR-1ML,") and ",97," in out.splitlines()[1]
    code, out, _ = run(capsys, "sync", "now", "--db", laptop, "--central", db_url)
    assert (
        code == 0 and out == "Sent: 0 new, 0 already here, 0 set aside. Received: 0 new, 0 already here, 0 set aside.\n"
    )


def test_a_wrong_file_exits_2_with_one_sentence_and_writes_nothing(capsys, db, db_url, cat, tmp_path):
    setup = tmp_path / "van1.setup"
    assert run(capsys, "sync", "setup", "--db", db_url, "--location", "VAN1", "--out", str(setup))[0] == 0
    code, _, err = run(capsys, "sync", "import", str(setup), "--db", db_url)
    assert code == 2 and "is a setup file" in err and "Traceback" not in err
    (tmp_path / "junk.sync").write_text("hello")
    code, _, err = run(capsys, "sync", "import", str(tmp_path / "junk.sync"), "--db", db_url)
    assert code == 2 and "not an hrsupply sync file" in err
    code, _, err = run(capsys, "sync", "export", "--db", db_url)
    assert code == 2 and "needs --out" in err
    code, _, err = run(capsys, "sync", "join", str(setup), "--db", db_url)
    assert code == 2 and "new, empty database" in err


def test_cards_prints_known_codes_and_refuses_an_unknown_one_without_a_file(capsys, db, db_url, cat, tmp_path):
    from hrsupply.services import cards, visits
    from hrsupply.services.visits import Line, VisitForm
    from tests.helpers import earlier_today

    visits.record(db, "desk", VisitForm(cat.site, earlier_today(1), "MAJO85", [Line(cat.syr, 5)]),
                  confirm_shortfall=True)  # fmt: skip
    out = tmp_path / "cards.pdf"
    code, _out, err = run(capsys, "--db", db_url, "cards", "MAJO85", "NEVER1", "--out", str(out))
    assert code == 2 and "NEVER1" in err and not out.exists()
    code, printed, _err = run(capsys, "--db", db_url, "cards", "majo85", "--out", str(out), "--layout", "sheet")
    assert code == 0 and out.read_bytes().startswith(b"%PDF") and printed.strip() == "MAJO85: card 1"
    code, printed, _err = run(capsys, "--db", db_url, "cards", "MAJO85", "--out", str(out), "--location", "VAN1")
    assert code == 0 and printed.strip() == "MAJO85: card 2 (a replacement)"
    assert [n for n, _at in cards.history(db, "desk", "MAJO85")] == [1, 2]
    with pytest.raises(SystemExit) as exited:  # argparse: a layout not offered
        run(capsys, "--db", db_url, "cards", "MAJO85", "--out", str(out), "--layout", "poster")
    assert exited.value.code == 2
