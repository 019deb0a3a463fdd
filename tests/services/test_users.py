"""Sign-in, PIN hashing, the first admin, and what an admin may change."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from hrsupply.db import open_database
from hrsupply.errors import UserError
from hrsupply.models import User
from hrsupply.services import program, users
from hrsupply.services.access import NotAllowed, can


def test_a_pin_is_kept_only_as_a_salted_slow_hash(db):
    users.add_user(db, "admin", "kim", "front_desk", "246813")
    with db.read() as s:
        stored = s.scalar(select(User.secret_hash).where(User.username == "kim"))
    assert stored.startswith("scrypt$32768$8$1$") and "246813" not in stored
    assert users.hash_secret("246813") != users.hash_secret("246813")  # salted
    assert users.check_secret("246813", stored) and not users.check_secret("246814", stored)
    assert not users.check_secret("246813", "not a hash")


def test_sign_in_says_the_same_for_a_wrong_name_or_a_wrong_pin(db):
    assert users.sign_in(db, " Desk ", "1234") == users.Account("desk", "front_desk")
    messages = set()
    for name, pin in (("desk", "9999"), ("nobody", "1234"), ("desk", "")):
        with pytest.raises(NotAllowed) as refused:
            users.sign_in(db, name, pin)
        messages.add(str(refused.value))
    assert len(messages) == 1


def test_the_first_user_of_a_database_is_its_admin(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert users.needs_first_admin(db)
    with pytest.raises(UserError, match="an admin's password needs at least 10 characters"):
        users.create_first_admin(db, "sam", "123456")
    assert users.create_first_admin(db, "Sam", "12345678") == users.Account("sam", "admin")  # 8 digits
    assert not users.needs_first_admin(db)
    with pytest.raises(NotAllowed, match="already has users"):
        users.create_first_admin(db, "eve", "correct horse")
    db.dispose()


def test_only_an_admin_manages_users_and_never_locks_themselves_out(db):
    with pytest.raises(NotAllowed, match=r"lead \(supply lead\) may not manage users"):
        users.add_user(db, "lead", "kim", "admin", "123456")
    with pytest.raises(UserError, match="already taken"):
        users.add_user(db, "admin", "desk", "front_desk", "123456")
    with pytest.raises(UserError, match="role must be one of"):
        users.add_user(db, "admin", "kim", "boss", "123456")
    with pytest.raises(UserError, match="username is"):
        users.add_user(db, "admin", "kim smith", "front_desk", "123456")
    with pytest.raises(UserError, match="your own admin role"):
        users.change_user(db, "admin", "admin", role="front_desk")
    with pytest.raises(UserError, match="your own admin role"):
        users.change_user(db, "admin", "admin", active=False)
    users.change_user(db, "admin", "desk", secret="555555")
    users.sign_in(db, "desk", "555555")
    users.change_own_secret(db, "desk", "555555", "666666")
    with pytest.raises(NotAllowed, match="current PIN"):
        users.change_own_secret(db, "desk", "5555", "7777")
    assert [(u.username, u.role, u.active) for u in users.users(db)] == [
        ("admin", "admin", True),
        ("crew", "van_crew", True),
        ("desk", "front_desk", True),
        ("lead", "supply_lead", True),
    ]


def test_what_each_role_may_do():
    assert [r for r in ("admin", "supply_lead", "front_desk", "van_crew") if can(r, "stock")] == [
        "admin",
        "supply_lead",
    ]
    assert [r for r in ("admin", "supply_lead", "front_desk", "van_crew") if can(r, "van")] == [
        "admin",
        "supply_lead",
        "van_crew",
    ]
    assert all(can(r, "visits") for r in ("admin", "supply_lead", "front_desk", "van_crew"))
    assert [r for r in ("admin", "supply_lead", "front_desk", "van_crew") if can(r, "admin")] == ["admin"]


def test_five_wrong_pins_make_that_user_wait_and_a_reset_lets_them_in(db):
    start = datetime(2026, 11, 26, 9, 0)
    for n in range(5):
        with pytest.raises(NotAllowed, match="wrong username or PIN"):
            users.sign_in(db, "desk", "0000", now=start + timedelta(seconds=n))
    with pytest.raises(users.LockedOut, match="wrong username or PIN") as locked:
        users.sign_in(db, "desk", "1234", now=start + timedelta(minutes=1))  # even the right PIN waits
    assert locked.value.until == start + timedelta(minutes=15, seconds=4)
    assert users.sign_in(db, "desk", "1234", now=start + timedelta(minutes=16)).username == "desk"
    for _ in range(4):  # a success starts the count again
        with pytest.raises(NotAllowed, match="wrong username"):
            users.sign_in(db, "desk", "0000", now=start + timedelta(minutes=17))
    users.sign_in(db, "desk", "1234", now=start + timedelta(minutes=17))
    for _ in range(5):
        with pytest.raises(NotAllowed):
            users.sign_in(db, "desk", "0000", now=start + timedelta(minutes=18))
    users.change_user(db, "admin", "desk", secret="246813")  # an admin's new PIN lifts the wait
    assert users.sign_in(db, "desk", "246813", now=start + timedelta(minutes=19)).username == "desk"


def test_refusals_read_the_same_for_a_user_who_does_not_exist(db):
    """A locked user, a wrong PIN and a name nobody has: one message, so guessing names learns nothing."""
    messages = set()
    for _ in range(6):
        with pytest.raises(NotAllowed) as wrong:
            users.sign_in(db, "desk", "0000")
        messages.add(str(wrong.value))
    for _ in range(6):
        with pytest.raises(NotAllowed) as nobody:
            users.sign_in(db, "nobody", "0000")
        messages.add(str(nobody.value))
    assert messages == {users.REFUSED}


def test_an_admin_unlocks_a_user(db, capsys):
    for _ in range(5):
        with pytest.raises(NotAllowed):
            users.sign_in(db, "desk", "0000")
    with pytest.raises(users.LockedOut):
        users.sign_in(db, "desk", "1234")
    with pytest.raises(NotAllowed, match="may not manage users"):
        users.unlock(db, "lead", "desk")
    from hrsupply.cli import main

    assert main(["--db", db.url, "users", "unlock", "desk"]) == 0
    assert "Unlocked desk" in capsys.readouterr().out
    assert users.sign_in(db, "desk", "1234").username == "desk"
    assert main(["--db", db.url, "audit", "--what", "user"]) == 0
    assert "admin  changed  user  desk  locked until:" in capsys.readouterr().out


def _guess(url: str, tries: int) -> tuple[int, int]:
    """In another process: wrong PINs for desk; (refused as wrong, refused as locked)."""
    from hrsupply.db import open_database

    db = open_database(url, migrate=False)
    wrong = locked = 0
    for _ in range(tries):
        try:
            users.sign_in(db, "desk", "0000")
        except users.LockedOut:
            locked += 1
        except NotAllowed:
            wrong += 1
    db.dispose()
    return wrong, locked


def test_eight_workstations_guessing_at_once_get_exactly_five_tries(db):
    """Each guess reads and updates the user under a lock: parallel guesses cannot overwrite each
    other's count, so exactly 5 are judged before the user is locked."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(8) as pool:
        results = pool.starmap(_guess, [(db.url, 4)] * 8)
    assert sum(w for w, _ in results) == 5 and sum(lk for _, lk in results) == 27


def test_pins_are_6_digits_and_an_admins_10_characters_or_8_digits(db):
    with pytest.raises(UserError, match="a PIN needs at least 6 digits"):
        users.add_user(db, "admin", "kim", "front_desk", "12345")
    users.add_user(db, "admin", "kim", "front_desk", "123456")
    with pytest.raises(UserError, match="an admin's password needs at least 10 characters .or a PIN of 8 digits."):
        users.add_user(db, "admin", "ana", "admin", "1234567")
    users.add_user(db, "admin", "ana", "admin", "12345678")
    users.add_user(db, "admin", "bo", "admin", "long enough")
    with pytest.raises(UserError, match="at least 10 characters"):
        users.change_user(db, "admin", "kim", role="admin", secret="abcdefg")  # the new role's rule
    program.put(db, "admin", "min_pin_length", 8)
    with pytest.raises(UserError, match="at least 8 digits"):
        users.add_user(db, "admin", "cy", "front_desk", "1234567")
    with pytest.raises(UserError):
        program.put(db, "admin", "min_pin_length", 4)  # never below 6


def test_a_short_pin_keeps_working_and_shows_until_it_is_changed(db):
    """The test users have the old 4-digit PIN: not known as short until they sign in."""
    assert {u.username: u.short_secret for u in users.users(db)}["desk"] is None
    users.sign_in(db, "desk", "1234")
    assert {u.username: u.short_secret for u in users.users(db)}["desk"] is True
    users.change_own_secret(db, "desk", "1234", "246813")
    assert {u.username: u.short_secret for u in users.users(db)}["desk"] is False


def test_an_old_cheaper_hash_is_brought_up_to_todays_cost_at_sign_in(db):
    with db.read() as s:
        assert s.scalar(select(User.secret_hash).where(User.username == "desk")).startswith("scrypt$32768$")
    import base64
    import hashlib
    import os as _os

    salt = _os.urandom(16)
    digest = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    with db.write() as s:
        s.execute(User.__table__.update().where(User.username == "desk").values(secret_hash=old))
    assert users.sign_in(db, "desk", "1234").username == "desk"
    with db.read() as s:
        assert s.scalar(select(User.secret_hash).where(User.username == "desk")).startswith("scrypt$32768$8$1$")


def test_a_locked_out_user_writes_nothing_and_the_clock_is_never_the_callers(db, cat):
    """Lockout used to apply at sign-in only; a `now` in the future passed it; thirty wrong
    current PINs to change_own_secret were never counted."""
    from hrsupply.services import movements
    from hrsupply.services.ledger import Move

    for _ in range(5):
        with pytest.raises(NotAllowed):
            users.sign_in(db, "desk", "0000")
    with pytest.raises(users.LockedOut):
        users.sign_in(db, "desk", "1234", now=datetime.now() + timedelta(hours=1))  # a future clock waits too
    with pytest.raises(NotAllowed, match="locked out"):
        movements.record(db, "desk", [Move("handout", cat.syr, cat.site, 1, datetime.now())])
    users.unlock(db, "admin", "desk")
    for _ in range(5):
        with pytest.raises(NotAllowed, match="current PIN or password is wrong"):
            users.change_own_secret(db, "lead", "999999", "24681357")
    with pytest.raises(users.LockedOut):
        users.change_own_secret(db, "lead", "1234", "24681357")  # even the right one waits
    with pytest.raises(users.LockedOut):
        users.sign_in(db, "lead", "1234")


def test_an_unknown_name_is_checked_against_a_hash_of_todays_cost_made_beforehand():
    assert users.NOBODY.split("$")[1:4] == [str(users.N), str(users.R), str(users.P)]
    assert users.check_secret("-", users.NOBODY)
