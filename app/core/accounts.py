"""Accounts: the people who use Régie, their roles, passwords and badges, and logging in.

Rules (issue 12):

- A name is 1 to 40 letters, digits or ``. _ - @``, unique regardless of case.
- A password has at least ``MIN_PASSWORD`` characters and is stored as an argon2id hash.
- Logging in without a password (by name alone, or automatically) is allowed only while NO
  account has a password: a cooperative starting out on one PC. Once any account has one,
  an account without a password cannot log in ("NAME has no password yet: an administrator
  sets one with regie accounts passwd NAME"). On a PostgreSQL server every new account
  needs a password; the first ``admin`` logs in by name while no account has one (the
  server's set-up, done by whoever holds the server's credentials).
- Logging in automatically: on SQLite only, an account marked ``auto_login`` (the first
  ``admin``) acts when nobody is named — only while no account has a password. A fresh
  file is thus two commands away from use (``regie demo``/``regie``: admin acts).
- Never locked out: the first password is an administrator's — giving one to anyone else
  (a new account or an existing one) while no account has one is refused: an
  administrator gives themself one first (``regie accounts passwd admin``).
- A wrong password is "Wrong name or password." whether or not the account exists;
  ``MAX_FAILURES`` in a row lock the account ``LOCK_MINUTES`` minutes (an administrator
  can unlock it). A locked or disabled account cannot log in, by password or badge.
- A badge is a random code ``BADGE-XXXXXXXX`` printed as a barcode; only its SHA-256 is
  stored, so a lost badge is replaced, never read back.
- Managing accounts needs ``Permission.ACCOUNTS`` (administrators), except setting one's
  own password. The last enabled administrator (the last with a password, once passwords
  are in use) can be neither disabled nor demoted.

The login functions take the ``Database`` (they run their own short transactions: reading
the account, checking the password outside any lock, then recording the outcome).
``last_login_at`` is recorded to the hour (``LAST_LOGIN_STEP``): a login within the hour of
the recorded one writes nothing, so reading commands do not each take the write lock, and
a read-only file can still be read.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import col, select

from app.core import audit, dialect
from app.core.access import SYSTEM, Actor, Forbidden, Permission, Role, require, workstation
from app.core.errors import N_, DomainError, NotFound, StorageError, ValidationError
from app.core.models import Account

if TYPE_CHECKING:
    from app.core.clock import Clock
    from app.core.db import Database, UnitOfWork

MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCK_MINUTES = 15
LAST_LOGIN_STEP = dt.timedelta(hours=1)
BADGE_PREFIX = "BADGE-"
#: Badge characters: capitals and digits a person never confuses (no 0/O, 1/I).
BADGE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BADGE_LENGTH = 8
_NAME = re.compile(r"[A-Za-z0-9._@-]{1,40}")


class LoginRefused(DomainError):
    """The name, password or badge does not open a session. Nothing but the failure count
    was written."""


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountRow:
    """One account as the list shows it (never its hash or badge code)."""

    name: str
    full_name: str
    role: Role
    disabled: bool
    locked: bool
    locked_until: dt.datetime | None  # UTC
    has_password: bool
    badge: bool
    auto_login: bool
    last_login_at: dt.datetime | None  # UTC
    created_at: dt.datetime  # UTC
    created_by: str


def list_accounts(uow: UnitOfWork, clock: Clock) -> list[AccountRow]:
    """Every account, by name (administrators only)."""
    require(uow, Permission.ACCOUNTS)
    now = _now(clock)
    rows = uow.session.exec(select(Account).order_by(func.upper(Account.name))).all()
    automatic_ok = _automatic_allowed(uow)
    return [_row(account, now, automatic_ok) for account in rows]


def account_row(uow: UnitOfWork, name: str, clock: Clock) -> AccountRow:
    """One account (administrators, or the account itself)."""
    if name.strip().upper() != uow.actor.name.upper():
        require(uow, Permission.ACCOUNTS)
    return _row(_named(uow, name), _now(clock), _automatic_allowed(uow))


def _row(account: Account, now: dt.datetime, automatic_ok: bool) -> AccountRow:
    locked = account.locked_until is not None and account.locked_until > now
    return AccountRow(
        name=account.name,
        full_name=account.full_name,
        role=Role.parse(account.role),
        disabled=account.disabled,
        locked=locked,
        locked_until=account.locked_until if locked else None,
        has_password=bool(account.password_hash),
        badge=account.badge_sha256 is not None,
        auto_login=automatic_ok and account.auto_login and not account.password_hash,
        last_login_at=account.last_login_at,
        created_at=account.created_at,
        created_by=account.created_by,
    )


def find(uow: UnitOfWork, name: str) -> Account | None:
    """The account named ``name`` (any case), or None."""
    key = name.strip().upper()
    if not key:
        return None
    statement = select(Account).where(func.upper(Account.name) == key)
    return uow.session.exec(statement).first()


def _named(uow: UnitOfWork, name: str) -> Account:
    account = find(uow, name)
    if account is None:
        raise NotFound("There is no account named {name}.", name=name.strip())
    return account


def on_server(uow: UnitOfWork) -> bool:
    """Is this database a PostgreSQL server's (where every account needs a password)?"""
    return dialect.name_of(uow.session.get_bind()) == dialect.POSTGRESQL


# --- managing accounts (administrators) --------------------------------------------------


def check_name(name: str) -> str:
    """``name`` stripped, or ``ValidationError`` saying what a name may be."""
    text = name.strip()
    if not _NAME.fullmatch(text) or text.upper().startswith(BADGE_PREFIX):
        raise ValidationError(
            "name",
            "An account name is 1 to 40 letters, digits or . _ - @ (no spaces), and does "
            "not start with BADGE-: {name} is not.",
            name=text or '""',
        )
    return text


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password",
            "A password has at least {count} characters.",
            count=MIN_PASSWORD,
        )


def hash_password(password: str) -> str:
    """The argon2id hash stored for ``password`` (argon2-cffi's default parameters)."""
    return _hasher().hash(password)


def add_account(
    uow: UnitOfWork,
    *,
    name: str,
    role: Role,
    password: str = "",
    full_name: str = "",
    clock: Clock,
) -> Account:
    """A new account. An empty password means none (refused on a PostgreSQL server)."""
    require(uow, Permission.ACCOUNTS)
    text = check_name(name)
    if not password and on_server(uow):
        raise ValidationError(
            "password",
            "On a PostgreSQL server every account needs a password (at least {count} characters).",
            count=MIN_PASSWORD,
        )
    if password:
        check_password(password)
    if find(uow, text) is not None:
        raise ValidationError("name", "There is already an account named {name}.", name=text)
    if password and role != Role.ADMIN:
        _admin_password_first(uow)
    account = Account(
        name=text,
        full_name=full_name.strip(),
        role=role.key,
        password_hash=hash_password(password) if password else "",
        created_at=_now(clock),
        created_by=uow.actor.name,
    )
    uow.session.add(account)
    uow.flush()
    return account


def set_password(uow: UnitOfWork, name: str, password: str) -> Account:
    """Set ``name``'s password (an administrator, or the account itself). Setting it ends
    logging in automatically and clears the failed attempts."""
    account = _named(uow, name)
    if account.name.upper() != uow.actor.name.upper():
        require(uow, Permission.ACCOUNTS)
    check_password(password)
    if account.role != Role.ADMIN.key:
        _admin_password_first(uow)
    account.password_hash = hash_password(password)
    account.auto_login = False
    account.failed_logins = 0
    account.locked_until = None
    uow.session.add(account)
    uow.flush()
    return account


def set_role(uow: UnitOfWork, name: str, role: Role) -> Account:
    """Change ``name``'s role; the last enabled administrator stays one."""
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    if role != Role.ADMIN:
        _keep_an_admin(uow, account, "demote")
    account.role = role.key
    uow.session.add(account)
    uow.flush()
    return account


def set_full_name(uow: UnitOfWork, name: str, full_name: str) -> Account:
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    account.full_name = full_name.strip()
    uow.session.add(account)
    uow.flush()
    return account


def disable(uow: UnitOfWork, name: str) -> Account:
    """``name`` can no longer log in (its history keeps its name); the last enabled
    administrator cannot be disabled."""
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    _keep_an_admin(uow, account, "disable")
    account.disabled = True
    uow.session.add(account)
    uow.flush()
    return account


def enable(uow: UnitOfWork, name: str) -> Account:
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    account.disabled = False
    uow.session.add(account)
    uow.flush()
    return account


def unlock(uow: UnitOfWork, name: str) -> Account:
    """End a lock after failed attempts, and forget them."""
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    account.failed_logins = 0
    account.locked_until = None
    uow.session.add(account)
    uow.flush()
    return account


def new_badge(uow: UnitOfWork, name: str) -> str:
    """A new badge code for ``name`` (the old badge stops working). Only its SHA-256 is
    stored: print it now, it cannot be read back."""
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    code = BADGE_PREFIX + "".join(secrets.choice(BADGE_ALPHABET) for _ in range(BADGE_LENGTH))
    account.badge_sha256 = badge_digest(code)
    uow.session.add(account)
    uow.flush()
    return code


def remove_badge(uow: UnitOfWork, name: str) -> Account:
    require(uow, Permission.ACCOUNTS)
    account = _named(uow, name)
    account.badge_sha256 = None
    uow.session.add(account)
    uow.flush()
    return account


def _keep_an_admin(uow: UnitOfWork, account: Account, action: str) -> None:
    if account.role != Role.ADMIN.key or account.disabled:
        return
    statement = (
        select(func.count())
        .select_from(Account)
        .where(
            Account.role == Role.ADMIN.key,
            col(Account.disabled).is_(False),
            Account.id != account.id,
        )
    )
    if not _passwordless_allowed(uow):  # the others must be able to log in
        statement = statement.where(Account.password_hash != "")
    if uow.session.exec(statement).one():
        return
    if action == "disable":
        raise Forbidden(
            N_(
                "{name} is the last enabled administrator: it cannot be disabled (make "
                "another account an administrator first)."
            ),
            name=account.name,
        )
    raise Forbidden(
        N_(
            "{name} is the last enabled administrator: its role cannot change (make another "
            "account an administrator first)."
        ),
        name=account.name,
    )


# --- badges ----------------------------------------------------------------------------


def normalise_badge(code: str) -> str:
    """A scanned badge as stored: trimmed, control characters removed, in capitals."""
    return "".join(ch for ch in code if ch.isprintable()).strip().upper()


def is_badge(code: str) -> bool:
    """Does a scanned code look like a badge (``BADGE-…``)? (The desk's scan bar asks.)"""
    return normalise_badge(code).startswith(BADGE_PREFIX)


def badge_digest(code: str) -> str:
    return hashlib.sha256(normalise_badge(code).encode("utf-8")).hexdigest()


# --- logging in ------------------------------------------------------------------------


def automatic(db: Database) -> Actor | None:
    """The account that acts when nobody is named: on an SQLite file, the enabled
    ``auto_login`` account without a password (the first ``admin``); else None."""
    with db.read() as uow:
        if not _automatic_allowed(uow):
            return None
        statement = (
            select(Account)
            .where(
                col(Account.auto_login).is_(True),
                col(Account.disabled).is_(False),
                Account.password_hash == "",
            )
            .order_by(col(Account.id))
        )
        account = uow.session.exec(statement).first()
        return None if account is None else _actor(account)


def needs_password(db: Database, name: str) -> bool:
    """Must a password be asked for to log ``name`` in? True for an unknown name too (the
    answer must not tell whether an account exists); False for an account without one
    (``authenticate`` then logs it in, or says it has no password yet)."""
    with db.read() as uow:
        account = find(uow, name)
        if account is None:
            return True
        return bool(account.password_hash)


def passwords_in_use(uow: UnitOfWork) -> bool:
    """Has any account a password (so accounts without one cannot log in)?"""
    return not _passwordless_allowed(uow)


def first_setup(db: Database) -> bool:
    """Is this a server's database where no account has a password yet (its set-up)?"""
    with db.read() as uow:
        return on_server(uow) and _passwordless_allowed(uow)


def authenticate(db: Database, name: str, password: str, clock: Clock) -> Actor:
    """Log ``name`` in with ``password``: the acting ``Actor``, or ``LoginRefused``.

    A wrong password (or an unknown name) is "Wrong name or password." and counts a
    failure; the ``MAX_FAILURES``-th in a row locks the account ``LOCK_MINUTES`` minutes.
    A locked or disabled account is refused with a sentence saying so (only once the
    password is right, for a disabled one); so is an account without a password once
    another has one."""
    with db.read() as uow:
        account = find(uow, name)
        if account is None:
            _hasher_waste(password)  # the same time as a wrong password
            raise _wrong()
        passwordless = not account.password_hash
        allowed = passwordless and _passwordless_allowed(uow)
        account_id = account.id
    now = _now(clock)
    if _locked(account, now):
        raise _locked_error(account, clock)
    if passwordless and not allowed:
        raise _no_password_yet(account)
    right = passwordless or _verify(account.password_hash, password)
    if not right:
        _record_failure(db, account_id, clock)
        raise _wrong()
    if account.disabled:
        raise _disabled(account)
    rehash = bool(account.password_hash) and _hasher().check_needs_rehash(account.password_hash)
    _record_success(db, account_id, clock, password if rehash else None)
    return _actor(account)


def badge_login(db: Database, code: str, clock: Clock) -> Actor:
    """Log in the account whose badge is ``code`` (as scanned), or ``LoginRefused``."""
    digest = badge_digest(code)
    with db.read() as uow:
        statement = select(Account).where(Account.badge_sha256 == digest)
        account = uow.session.exec(statement).first()
    if account is None:
        raise LoginRefused(N_("This badge belongs to nobody: ask an administrator for a new one."))
    if account.disabled:
        raise _disabled(account)
    if _locked(account, _now(clock)):
        raise _locked_error(account, clock)
    _record_success(db, account.id, clock, None)
    return _actor(account)


# --- a face's login for every database it opens (the CLI's --user) ----------------------

_LOGIN: ContextVar[Callable[[Database], Actor] | None] = ContextVar("regie_login", default=None)


@contextmanager
def logging_in(login: Callable[[Database], Actor]) -> Iterator[None]:
    """While the block runs, every database opened through ``app.bootstrap.open_context``
    acts as the account ``login(db)`` returns (it raises ``LoginRefused`` to refuse)."""
    token = _LOGIN.set(login)
    try:
        yield
    finally:
        _LOGIN.reset(token)


def log_in(db: Database) -> Actor | None:
    """Called by ``open_context`` for each database opened: the face's login, set as
    ``db.actor``; None (``db.actor`` unchanged) when no face asked for one."""
    login = _LOGIN.get()
    if login is None:
        return None
    actor = login(db)
    db.actor = actor
    return actor


# --- helpers ---------------------------------------------------------------------------


def _now(clock: Clock) -> dt.datetime:
    return clock.now().astimezone(dt.UTC)


def _actor(account: Account) -> Actor:
    return Actor(account.name, Role.parse(account.role), workstation())


def _passwordless_allowed(uow: UnitOfWork) -> bool:
    """May an account without a password log in by its name? Only while no account has a
    password (a cooperative starting out, or a server's first set-up)."""
    statement = select(func.count()).select_from(Account).where(Account.password_hash != "")
    return uow.session.exec(statement).one() == 0


def _automatic_allowed(uow: UnitOfWork) -> bool:
    """May the ``auto_login`` account act when nobody is named? On an SQLite file, while
    no account has a password."""
    return not on_server(uow) and _passwordless_allowed(uow)


def _admin_password_first(uow: UnitOfWork) -> None:
    """Refuse the first password to anyone but an administrator (while no enabled
    administrator has one): it ends logging in without one, administrators included.
    Internal work (``SYSTEM``: the demo build, tests) is not a person who could be locked
    out."""
    if uow.actor == SYSTEM or not _passwordless_allowed(uow):
        return  # (passwords in use already: this one changes nothing for the others)
    admins = uow.session.exec(
        select(Account)
        .where(Account.role == Role.ADMIN.key, col(Account.disabled).is_(False))
        .order_by(col(Account.id))
    ).all()
    if not admins or any(admin.password_hash for admin in admins):
        return
    actor = uow.actor.name.upper()
    admin = next((a for a in admins if a.name.upper() == actor), admins[0])
    raise Forbidden(
        N_(
            "No administrator has a password yet, and once an account has one, accounts "
            "without a password can no longer log in: give yourself a password first "
            "(regie accounts passwd {admin})."
        ),
        admin=admin.name,
    )


def _no_password_yet(account: Account) -> LoginRefused:
    return LoginRefused(
        N_(
            "{name} has no password yet: an administrator sets one with regie accounts "
            "passwd {name}."
        ),
        name=account.name,
    )


def _locked(account: Account, now: dt.datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


def _wrong() -> LoginRefused:
    return LoginRefused(N_("Wrong name or password."))


def _disabled(account: Account) -> LoginRefused:
    return LoginRefused(
        N_("The account {name} is disabled: ask an administrator."), name=account.name
    )


def _locked_error(account: Account, clock: Clock) -> LoginRefused:
    until = account.locked_until or _now(clock)
    local = clock.to_local(until)
    return LoginRefused(
        N_(
            "The account {name} is locked after {count} wrong passwords, until {time}: wait, "
            "or ask an administrator to unlock it."
        ),
        name=account.name,
        count=MAX_FAILURES,
        time=local.strftime("%H:%M"),
    )


def _record_failure(db: Database, account_id: int | None, clock: Clock) -> None:
    """One more failure; the ``MAX_FAILURES``-th locks the account (and the count starts
    again once the lock ends). A file that cannot be written still refuses the login."""
    now = _now(clock)
    try:
        with db.write() as uow:
            account = uow.session.get(Account, account_id)
            if account is None:
                return
            _act_as(uow, account)
            account.failed_logins += 1
            if account.failed_logins >= MAX_FAILURES:
                account.failed_logins = 0
                account.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            uow.session.add(account)
    except StorageError:
        return


def _record_success(db: Database, account_id: int | None, clock: Clock, rehash: str | None) -> None:
    now = _now(clock)
    with db.read() as uow:
        account = uow.session.get(Account, account_id)
        if account is None or not _worth_writing(account, now, rehash):
            return
    try:
        with db.write() as uow:
            account = uow.session.get(Account, account_id)
            if account is None:
                return
            _act_as(uow, account)
            account.failed_logins = 0
            account.locked_until = None
            account.last_login_at = now
            if rehash is not None:
                account.password_hash = hash_password(rehash)
            uow.session.add(account)
    except StorageError:  # a read-only file: the login stands, unrecorded
        return


def _worth_writing(account: Account, now: dt.datetime, rehash: str | None) -> bool:
    if rehash is not None or account.failed_logins or account.locked_until is not None:
        return True
    last = account.last_login_at
    return last is None or not (now - LAST_LOGIN_STEP < last <= now)


def _act_as(uow: UnitOfWork, account: Account) -> None:
    """The login's own bookkeeping is attributed to the account logging in."""
    actor = _actor(account)
    uow.actor = actor
    uow.session.info[audit.ACTOR_KEY] = actor


@functools.cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id, argon2-cffi's recommended parameters


def _verify(stored: str, password: str) -> bool:
    try:
        return bool(_hasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def _dummy_hash() -> str:
    return hash_password("not the password of anyone")


def _hasher_waste(password: str) -> None:
    _verify(_dummy_hash(), password)
