"""``regie accounts add|list|show|role|disable|enable|passwd|badge|unlock|whoami``: people,
their roles, passwords and badges (issue 12). Administrators only (``Permission.ACCOUNTS``),
except ``passwd`` on one's own account and ``whoami``.

Logging in without a password works only while no account has one (see
``app.core.accounts``): the first password must be an administrator's.

A new password comes from ``REGIE_NEW_PASSWORD``, else from ``REGIE_PASSWORD`` when that
did not log the acting person in (the automatic ``admin``), else from a prompt (typed
twice) on a terminal. Without any, ``add`` makes an account without a password (refused on
a PostgreSQL server) and ``passwd`` is refused.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import _usage_guard
from app.cli.output import add_page_options, page_of, print_json, say_more
from app.core import accounts
from app.core.access import ROLE_LABELS, Role
from app.core.clock import Clock
from app.core.errors import N_, DomainError
from app.i18n import label, tr

ROLES = ("technician", "staff", "manager", "admin")
NEW_PASSWORD = "REGIE_NEW_PASSWORD"


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "accounts", help=tr("cli", "people who use Régie: roles, passwords, badges")
    )
    sub = parser.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)

    add = sub.add_parser("add", help=tr("cli", "add an account"))
    add.add_argument("name", metavar="NAME", help=tr("cli", "the account's name (to log in)"))
    add.add_argument("--role", required=True, choices=ROLES, help=tr("cli", "what it may do"))
    add.add_argument("--full-name", default="", help=tr("cli", "the person's full name"))
    add.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    add.set_defaults(handler=add_account)

    listing = sub.add_parser("list", help=tr("cli", "list the accounts"))
    add_page_options(listing)
    listing.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    listing.set_defaults(handler=_usage_guard(list_accounts))

    show = sub.add_parser("show", help=tr("cli", "show one account"))
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    show.set_defaults(handler=show_account)

    role = sub.add_parser("role", help=tr("cli", "change an account's role"))
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", metavar="ROLE", choices=ROLES, help="|".join(ROLES))
    role.set_defaults(handler=change_role)

    for action, helptext in (
        ("disable", tr("cli", "stop an account from logging in")),
        ("enable", tr("cli", "let a disabled account log in again")),
        ("unlock", tr("cli", "end a lock after wrong passwords")),
    ):
        command = sub.add_parser(action, help=helptext)
        command.add_argument("name", metavar="NAME")
        command.set_defaults(handler=simple_action, action=action)

    passwd = sub.add_parser("passwd", help=tr("cli", "set an account's password"))
    passwd.add_argument("name", metavar="NAME")
    passwd.set_defaults(handler=set_password)

    badge = sub.add_parser(
        "badge", help=tr("cli", "give an account a new badge code (printed once)")
    )
    badge.add_argument("name", metavar="NAME")
    badge.add_argument(
        "--remove", action="store_true", help=tr("cli", "take its badge away instead")
    )
    badge.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    badge.set_defaults(handler=new_badge)

    whoami = sub.add_parser("whoami", help=tr("cli", "who the command acts as"))
    whoami.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    whoami.set_defaults(handler=whoami_command)


# --- handlers --------------------------------------------------------------------------


def add_account(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        password = _new_password(args, required=False)
        with ctx.db.write() as uow:
            accounts.add_account(
                uow,
                name=args.name,
                role=Role.parse(args.role),
                password=password,
                full_name=args.full_name,
                clock=ctx.clock,
            )
        with ctx.db.read() as uow:
            row = accounts.account_row(uow, args.name, ctx.clock)
            locked_out = accounts.passwords_in_use(uow)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_json(row, ctx.clock))
        return 0
    text = tr("cli", "Account {name} added ({role}).")
    print(text.format(name=row.name, role=label(ROLE_LABELS[row.role])))
    if not row.has_password and locked_out:
        print(
            tr(
                "cli",
                "It has no password yet: it cannot log in until an administrator sets one "
                "(regie accounts passwd {name}).",
            ).format(name=row.name)
        )
    elif not row.has_password:
        print(
            tr(
                "cli",
                "It has no password: it logs in by its name alone on this PC "
                "(set one with regie accounts passwd {name}).",
            ).format(name=row.name)
        )
    return 0


def list_accounts(args: argparse.Namespace) -> int:
    """The accounts, a page of them (``--limit``/``--offset``; text: 100 by default). The
    people of one cooperative are a handful: the page is cut from the list
    ``accounts.list_accounts`` reads."""
    page = page_of(args)
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            every = accounts.list_accounts(uow, ctx.clock)
    finally:
        ctx.db.dispose()
    end = None if page.limit is None else page.offset + page.limit
    rows = every[page.offset : end]
    if args.json:
        print_json([_json(row, ctx.clock) for row in rows])
        return 0
    for row in rows:
        print(_line(row, ctx.clock))
    say_more(page, len(rows), len(every) - page.offset - len(rows))
    return 0


def show_account(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:
            row = accounts.account_row(uow, args.name, ctx.clock)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(_json(row, ctx.clock))
    else:
        print(_line(row, ctx.clock))
    return 0


def change_role(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            account = accounts.set_role(uow, args.name, Role.parse(args.role))
            name = account.name
    finally:
        ctx.db.dispose()
    text = tr("cli", "{name} is now {role}.")
    print(text.format(name=name, role=label(ROLE_LABELS[Role.parse(args.role)])))
    return 0


def simple_action(args: argparse.Namespace) -> int:
    service = {
        "disable": accounts.disable,
        "enable": accounts.enable,
        "unlock": accounts.unlock,
    }[args.action]
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            name = service(uow, args.name).name
    finally:
        ctx.db.dispose()
    done = {
        "disable": tr("cli", "{name} is disabled: it can no longer log in."),
        "enable": tr("cli", "{name} is enabled: it can log in again."),
        "unlock": tr("cli", "{name} is unlocked."),
    }[args.action]
    print(done.format(name=name))
    return 0


def set_password(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.read() as uow:  # the right to do it, before asking for a password
            row = accounts.account_row(uow, args.name, ctx.clock)
        password = _new_password(args, required=True)
        with ctx.db.write() as uow:
            accounts.set_password(uow, args.name, password)
    finally:
        ctx.db.dispose()
    print(tr("cli", "The password of {name} is set.").format(name=row.name))
    if row.auto_login:
        print(
            tr(
                "cli",
                "{name} no longer logs in automatically: name it with --user {name} "
                "(or REGIE_USER) and give its password (REGIE_PASSWORD or the prompt).",
            ).format(name=row.name)
        )
    return 0


def new_badge(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    try:
        with ctx.db.write() as uow:
            if args.remove:
                name = accounts.remove_badge(uow, args.name).name
                code = None
            else:
                code = accounts.new_badge(uow, args.name)
                found = accounts.find(uow, args.name)
                name = found.name if found is not None else args.name
    finally:
        ctx.db.dispose()
    if args.json:
        print_json({"name": name, "badge": code})
    elif code is None:
        print(tr("cli", "{name} has no badge any more.").format(name=name))
    else:
        print(code)
        print(
            tr(
                "cli",
                "The new badge of {name} (its old badge no longer works). Print it now "
                "(the Accounts screen prints badge labels): it cannot be shown again.",
            ).format(name=name),
            file=sys.stderr,
        )
    return 0


def whoami_command(args: argparse.Namespace) -> int:
    ctx = open_context(args.db)
    ctx.db.dispose()
    actor = ctx.db.actor
    if args.json:
        print_json({"name": actor.name, "role": actor.role.key, "workstation": actor.workstation})
    else:
        print(f"{actor.name} ({label(ROLE_LABELS[actor.role])})")
    return 0


# --- helpers ---------------------------------------------------------------------------


def _new_password(args: argparse.Namespace, *, required: bool) -> str:
    """The new password: REGIE_NEW_PASSWORD, REGIE_PASSWORD when it did not log the acting
    person in, a prompt on a terminal; else "" (``required``: refused)."""
    given = os.environ.get(NEW_PASSWORD)
    if given is not None:
        return given
    given = os.environ.get("REGIE_PASSWORD")
    if given is not None and not getattr(args, "regie_password_used", False):
        return given
    if sys.stdin.isatty():
        first = getpass.getpass(tr("cli", "New password for {name}: ").format(name=args.name))
        if not first and not required:
            return ""
        again = getpass.getpass(tr("cli", "The same password again: "))
        if first != again:
            raise DomainError(N_("The two passwords differ: nothing was changed."))
        return first
    if required:
        raise DomainError(
            N_(
                "Give the new password in REGIE_NEW_PASSWORD, or run the command in a "
                "terminal to type it."
            )
        )
    return ""


def _json(row: accounts.AccountRow, clock: Clock) -> dict[str, Any]:
    return {
        "name": row.name,
        "full_name": row.full_name,
        "role": row.role.key,
        "disabled": row.disabled,
        "locked": row.locked,
        "locked_until": _local(row.locked_until, clock),
        "has_password": row.has_password,
        "badge": row.badge,
        "auto_login": row.auto_login,
        "last_login_at": _local(row.last_login_at, clock),
        "created_at": _local(row.created_at, clock),
        "created_by": row.created_by,
    }


def _local(value: Any, clock: Clock) -> str | None:
    return None if value is None else clock.to_local(value).isoformat(timespec="minutes")


def _line(row: accounts.AccountRow, clock: Clock) -> str:
    states = []
    if row.disabled:
        states.append(tr("cli", "disabled"))
    if row.locked:
        states.append(tr("cli", "locked until {time}").format(time=_local(row.locked_until, clock)))
    states.append(tr("cli", "password") if row.has_password else tr("cli", "no password"))
    if row.badge:
        states.append(tr("cli", "badge"))
    if row.auto_login:
        states.append(tr("cli", "logs in automatically"))
    last = _local(row.last_login_at, clock)
    if last:
        states.append(tr("cli", "last login {at}").format(at=last.replace("T", " ")))
    who = f"{row.name} ({row.full_name})" if row.full_name else row.name
    return f"{who}\t{label(ROLE_LABELS[row.role])}\t{', '.join(states)}"
