"""Accounts on a PostgreSQL server: no automatic login, every account needs a password
(except while none has one: the server's first set-up), the same lockout; and the CLI's
login against the server."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core import accounts
from app.core.access import Role
from app.core.errors import ValidationError
from app.core.migrate import open_database
from tests.pg import ADMIN_PASSWORD


def test_a_server_has_no_automatic_login_and_wants_passwords(pg_db, clock):
    assert accounts.automatic(pg_db) is None
    assert accounts.needs_password(pg_db, "admin") and not accounts.first_setup(pg_db)
    with (
        pg_db.write() as uow,
        pytest.raises(ValidationError, match="every account needs a password"),
    ):
        accounts.add_account(uow, name="bob", role=Role.STAFF, clock=clock)
    with pg_db.write() as uow:
        accounts.add_account(uow, name="bob", role=Role.STAFF, password="bob-pass-1", clock=clock)
    assert accounts.authenticate(pg_db, "BOB", "bob-pass-1", clock).role == Role.STAFF
    with pytest.raises(accounts.LoginRefused, match="Wrong name or password"):
        accounts.authenticate(pg_db, "admin", "", clock)


def test_lockout_on_a_server(pg_db, clock):
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(accounts.LoginRefused, match="Wrong name or password"):
            accounts.authenticate(pg_db, "admin", "guess", clock)
    with pytest.raises(accounts.LoginRefused, match="locked"):
        accounts.authenticate(pg_db, "admin", ADMIN_PASSWORD, clock)
    with pg_db.read() as uow:
        assert accounts.account_row(uow, "admin", clock).locked


def test_first_set_up_of_a_fresh_server(pg_empty_url, clock):
    db = open_database(pg_empty_url)  # migrated now: admin without a password
    try:
        assert accounts.first_setup(db) and not accounts.needs_password(db, "admin")
        assert accounts.automatic(db) is None  # still named, never automatic
        assert accounts.authenticate(db, "admin", "", clock).role == Role.ADMIN
        with db.write() as uow:
            accounts.set_password(uow, "admin", "admin-pass-1")
        assert not accounts.first_setup(db)
        with pytest.raises(accounts.LoginRefused):
            accounts.authenticate(db, "admin", "", clock)
    finally:
        db.dispose()


def test_the_cli_on_a_server(pg_url, monkeypatch, capsys, qapp):
    monkeypatch.setenv("REGIE_DB", pg_url)
    monkeypatch.delenv("REGIE_USER", raising=False)
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)
    assert main(["accounts", "list"]) == 1
    assert "Name your account" in capsys.readouterr().err
    monkeypatch.setenv("REGIE_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("REGIE_NEW_PASSWORD", "tom-pass-12")
    assert main(["--user", "admin", "accounts", "add", "tom", "--role", "technician"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("REGIE_PASSWORD", "tom-pass-12")
    assert main(["--user", "tom", "accounts", "whoami", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["role"] == "technician"
    assert main(["--user", "tom", "accounts", "add", "eve", "--role", "admin"]) == 1
    assert "tom (technician) may not manage accounts" in capsys.readouterr().err


def test_an_account_without_a_password_on_a_server_is_told_so(pg_url, monkeypatch, capsys, qapp):
    """An account copied without a password (say, from an SQLite file) cannot log in: the
    sentence says it has none and how an administrator gives it one."""
    import datetime as dt

    from app.core.models import Account

    db = open_database(pg_url)
    try:
        with db.write() as uow:
            uow.session.add(
                Account(
                    name="bob2",
                    role="staff",
                    password_hash="",
                    created_at=dt.datetime.now(dt.UTC),
                    created_by="system",
                )
            )
    finally:
        db.dispose()
    monkeypatch.setenv("REGIE_DB", pg_url)
    monkeypatch.setenv("REGIE_USER", "bob2")
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)
    assert main(["accounts", "whoami"]) == 1
    assert capsys.readouterr().err.strip() == (
        "bob2 has no password yet: an administrator sets one with regie accounts passwd bob2."
    )
