"""Accounts: adding, passwords (argon2id), lockout, badges, automatic login, the last
administrator kept, and who may manage accounts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlmodel import select

from app.core import accounts
from app.core.access import SYSTEM, Actor, Forbidden, Role
from app.core.clock import FixedClock
from app.core.errors import NotFound, ValidationError
from app.core.models import Account


def add(db, name, role=Role.STAFF, password="", clock=None):
    with db.write() as uow:
        accounts.add_account(
            uow,
            name=name,
            role=role,
            password=password,
            clock=clock or FixedClock(dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC)),
        )


def stored(db, name) -> Account:
    with db.read() as uow:
        account = accounts.find(uow, name)
        assert account is not None
        return account


def later(clock, minutes):
    return FixedClock(clock.at + dt.timedelta(minutes=minutes))


def test_a_new_database_has_one_automatic_admin(db):
    actor = accounts.automatic(db)
    assert actor is not None and actor.name == "admin" and actor.role == Role.ADMIN


def test_password_is_stored_as_argon2id_and_checked(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    account = stored(db, "ALICE")  # any case
    assert account.password_hash.startswith("$argon2id$")
    assert "correct horse" not in account.password_hash
    actor = accounts.authenticate(db, "Alice", "correct horse", clock)
    assert actor == Actor("alice", Role.MANAGER, actor.workstation)
    assert stored(db, "alice").last_login_at == clock.now()


def test_wrong_password_and_unknown_name_say_the_same(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    with pytest.raises(accounts.LoginRefused) as wrong:
        accounts.authenticate(db, "alice", "battery staple", clock)
    with pytest.raises(accounts.LoginRefused) as unknown:
        accounts.authenticate(db, "nobody", "battery staple", clock)
    assert str(wrong.value) == str(unknown.value) == "Wrong name or password."
    assert stored(db, "alice").failed_logins == 1


def test_five_failures_lock_fifteen_minutes_then_a_success_clears(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginRefused, match="Wrong name"):
            accounts.authenticate(db, "alice", "guess", clock)
    with pytest.raises(accounts.LoginRefused, match="locked after 5 wrong passwords, until"):
        accounts.authenticate(db, "alice", "correct horse", later(clock, 14))
    actor = accounts.authenticate(db, "alice", "correct horse", later(clock, 15))
    assert actor.name == "alice"
    account = stored(db, "alice")
    assert account.failed_logins == 0 and account.locked_until is None


def test_four_failures_then_success_resets_the_count(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    for _ in range(4):
        with pytest.raises(accounts.LoginRefused):
            accounts.authenticate(db, "alice", "guess", clock)
    accounts.authenticate(db, "alice", "correct horse", clock)
    for _ in range(4):
        with pytest.raises(accounts.LoginRefused):
            accounts.authenticate(db, "alice", "guess", clock)
    accounts.authenticate(db, "alice", "correct horse", clock)  # not locked


def test_an_administrator_unlocks(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginRefused):
            accounts.authenticate(db, "alice", "guess", clock)
    with db.read() as uow:
        assert accounts.account_row(uow, "alice", clock).locked
    with db.write() as uow:
        accounts.unlock(uow, "alice")
    assert accounts.authenticate(db, "alice", "correct horse", clock).name == "alice"


def test_a_disabled_account_cannot_log_in(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    with db.write() as uow:
        accounts.disable(uow, "alice")
    with pytest.raises(accounts.LoginRefused, match="alice is disabled"):
        accounts.authenticate(db, "alice", "correct horse", clock)
    with pytest.raises(accounts.LoginRefused, match="Wrong name or password"):
        accounts.authenticate(db, "alice", "guess", clock)  # says nothing more
    with db.write() as uow:
        accounts.enable(uow, "alice")
    assert accounts.authenticate(db, "alice", "correct horse", clock).name == "alice"


def test_setting_the_admin_password_ends_automatic_login(db, clock):
    with db.write() as uow:
        accounts.set_password(uow, "admin", "s3cret-admin")
    assert accounts.automatic(db) is None
    assert accounts.needs_password(db, "admin")
    with pytest.raises(accounts.LoginRefused):
        accounts.authenticate(db, "admin", "", clock)
    assert accounts.authenticate(db, "admin", "s3cret-admin", clock).role == Role.ADMIN


def test_passwordless_account_logs_in_by_name_on_sqlite(db, clock):
    add(db, "bob", Role.TECHNICIAN)
    assert not accounts.needs_password(db, "bob")
    assert accounts.needs_password(db, "nobody")  # unknown names look the same as others
    assert accounts.authenticate(db, "bob", "", clock).role == Role.TECHNICIAN
    assert not accounts.first_setup(db)


def test_password_rules(db):
    with pytest.raises(ValidationError, match="at least 8 characters"):
        add(db, "alice", password="short")
    for bad in ("", "two words", "BADGE-X", "x" * 41, "é"):
        with pytest.raises(ValidationError, match="1 to 40 letters"):
            add(db, bad)
    add(db, "alice")
    with pytest.raises(ValidationError, match="already an account named ALICE"):
        add(db, "ALICE")
    with db.read() as uow:
        names = [
            row.name for row in accounts.list_accounts(uow, FixedClock(dt.datetime.now(dt.UTC)))
        ]
    assert names == ["admin", "alice"]


def test_badges(db, clock):
    add(db, "bob", Role.TECHNICIAN)
    with db.write() as uow:
        code = accounts.new_badge(uow, "bob")
    assert code.startswith("BADGE-") and len(code) == 14 and accounts.is_badge(code)
    assert not accounts.is_badge("LX-0042")
    assert stored(db, "bob").badge_sha256 not in (None, code)
    actor = accounts.badge_login(db, f"  {code.lower()}\r\n", clock)
    assert actor.name == "bob" and actor.role == Role.TECHNICIAN
    with db.write() as uow:
        second = accounts.new_badge(uow, "bob")
    with pytest.raises(accounts.LoginRefused, match="belongs to nobody"):
        accounts.badge_login(db, code, clock)  # the old badge no longer works
    with db.write() as uow:
        accounts.disable(uow, "bob")
    with pytest.raises(accounts.LoginRefused, match="disabled"):
        accounts.badge_login(db, second, clock)


def test_the_last_enabled_admin_stays(db, clock):
    with db.write() as uow, pytest.raises(Forbidden, match="last enabled administrator"):
        accounts.disable(uow, "admin")
    with db.write() as uow, pytest.raises(Forbidden, match="last enabled administrator"):
        accounts.set_role(uow, "admin", Role.MANAGER)
    add(db, "root2", Role.ADMIN)
    with db.write() as uow:
        accounts.set_role(uow, "admin", Role.MANAGER)
    with db.write() as uow, pytest.raises(Forbidden, match="last enabled administrator"):
        accounts.disable(uow, "root2")
    assert stored(db, "root2").disabled is False


def test_only_administrators_manage_accounts(db, clock):
    add(db, "mia", Role.MANAGER, "manager-pass")
    add(db, "tom", Role.TECHNICIAN)
    db.actor = Actor("mia", Role.MANAGER)
    try:
        with db.write() as uow, pytest.raises(Forbidden, match="may not manage accounts"):
            accounts.add_account(uow, name="eve", role=Role.ADMIN, clock=clock)
        with db.write() as uow, pytest.raises(Forbidden):
            accounts.set_role(uow, "mia", Role.ADMIN)
        with db.write() as uow, pytest.raises(Forbidden):
            accounts.set_password(uow, "tom", "another-pass")
        with db.read() as uow, pytest.raises(Forbidden):
            accounts.list_accounts(uow, clock)
        with db.write() as uow:  # one's own password: yes
            accounts.set_password(uow, "mia", "new-manager-pass")
    finally:
        db.actor = SYSTEM
    assert accounts.authenticate(db, "mia", "new-manager-pass", clock).name == "mia"
    with db.read() as uow:
        assert accounts.find(uow, "eve") is None


def test_unknown_account_is_named(db):
    with db.write() as uow, pytest.raises(NotFound, match="no account named zed"):
        accounts.disable(uow, "zed")


def test_login_writes_nothing_within_the_hour(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    accounts.authenticate(db, "alice", "correct horse", clock)
    first = stored(db, "alice").last_login_at
    accounts.authenticate(db, "alice", "correct horse", later(clock, 30))
    assert stored(db, "alice").last_login_at == first
    accounts.authenticate(db, "alice", "correct horse", later(clock, 61))
    assert stored(db, "alice").last_login_at == first + dt.timedelta(minutes=61)


def test_list_rows(db, clock):
    add(db, "alice", Role.MANAGER, "correct horse")
    with db.write() as uow:
        accounts.new_badge(uow, "alice")
    with db.read() as uow:
        rows = {row.name: row for row in accounts.list_accounts(uow, clock)}
    alice = dataclasses.asdict(rows["alice"])
    assert alice["role"] == Role.MANAGER and alice["has_password"] and alice["badge"]
    assert not alice["auto_login"] and not alice["locked"] and not alice["disabled"]
    # alice's password ended admin's automatic login (admin has none: it cannot log in)
    assert not rows["admin"].auto_login and not rows["admin"].has_password
    with db.read() as uow:
        assert len(uow.session.exec(select(Account)).all()) == 2


def test_logins_are_recorded_in_the_audit_trail_as_the_account_tried(db, clock):
    from sqlalchemy import text

    add(db, "alice", Role.STAFF, "alice-pass")
    with pytest.raises(accounts.LoginRefused):
        accounts.authenticate(db, "alice", "bad", clock)
    accounts.authenticate(db, "alice", "alice-pass", clock)
    with db.read() as uow:
        rows = uow.session.execute(
            text("SELECT account, action FROM audit_event WHERE entity = 'account' ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows][-2:] == [("alice", "update"), ("alice", "update")]


def test_passwords_end_logging_in_without_one(db, clock):
    """While nobody has a password, admin acts automatically and tom logs in by name; the
    first password must be an administrator's; then tom (none) is told he has none, and
    the last administrator with a password stays one."""
    add(db, "tom", Role.TECHNICIAN)
    add(db, "eve", Role.ADMIN)
    assert accounts.automatic(db).name == "admin"
    assert accounts.authenticate(db, "tom", "", clock).name == "tom"
    db.actor = Actor("admin", Role.ADMIN)
    try:
        with db.write() as uow, pytest.raises(Forbidden, match="give yourself a password first"):
            accounts.set_password(uow, "tom", "tech-pass-1")
        with db.write() as uow, pytest.raises(Forbidden, match=r"passwd admin\)"):
            accounts.add_account(
                uow, name="sam", role=Role.STAFF, password="staff-pass-1", clock=clock
            )
        with db.write() as uow:
            accounts.set_password(uow, "admin", "admin-pass-1")
        last = "admin is the last enabled administrator"  # eve has no password: no admin
        with db.write() as uow, pytest.raises(Forbidden, match=last):
            accounts.disable(uow, "admin")
    finally:
        db.actor = SYSTEM
    assert accounts.automatic(db) is None
    for password in ("", "anything"):
        with pytest.raises(accounts.LoginRefused) as refused:
            accounts.authenticate(db, "tom", password, clock)
        assert str(refused.value) == (
            "tom has no password yet: an administrator sets one with regie accounts passwd tom."
        )
    assert not accounts.needs_password(db, "tom") and accounts.needs_password(db, "admin")
    assert stored(db, "tom").password_hash == "" and stored(db, "tom").failed_logins == 0
