"""The command line: one contract for people, scripts and tests (DESIGN.md).

Exit status: 0 done; 1 refused (reason on stderr, nothing changed); 2 usage error.
Each command module registers its sub-commands; handlers get the parsed arguments and
return an exit status. ``main`` is the one place where anything a handler raises becomes
one sentence on stderr (never a traceback): output places are checked before the handler
runs, a closed pipe ends quietly, an unexpected error goes to the log file with its
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

from app.cli import argparse_fr
from app.cli.output import check_outputs, output_targets, silence_stdout
from app.core import accounts as _accounts  # (app.cli.accounts is the command module)
from app.core.access import Actor
from app.core.clock import Clock
from app.core.db import BUSY_LOG, Database, storage_problem
from app.core.errors import N_, DomainError, describe
from app.core.log import record_unexpected
from app.core.storage import os_problem
from app.version import VERSION

COMMAND_MODULES = (
    "items",
    "demo",
    "labels",
    "customers",
    "bookings",
    "desk",
    "bench",
    "invoicing",
    "statements",
    "reports",
    "deposits",
    "pricing",
    "verify",
    "export",
    "charges",
    "accounts",
    "audit",
    "backup",
    "db",
    "init",
    "rates",
    "opening",
)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (the usage itself is one ``--help`` away)."""

    def error(self, message: str) -> NoReturn:
        hint = argparse_fr.translate("cli", "see {command} --help").format(command=self.prog)
        line = argparse_fr.translate("cli", "{prog}: error: {message} ({hint})")
        self.exit(USAGE, line.format(prog=self.prog, message=message, hint=hint) + "\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_fr.install()
    parser = _Parser(
        prog="regie",
        description="Régie: rental and inventory desk for pooled stage equipment.",
    )
    parser.add_argument(
        "--version", action="version", version=f"regie {VERSION}", help="print the version"
    )
    parser.add_argument("--db", help="database file (REGIE_DB takes precedence)")
    parser.add_argument(
        "--user",
        dest="login_user",  # (``audit --user`` filters by account: another option)
        metavar="NAME",
        help="your account (else REGIE_USER; password from REGIE_PASSWORD or a prompt)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"app.cli.{name}").register(commands)
    return parser


def _window_only(argv: list[str]) -> tuple[str | None] | None:
    """``(db_option,)`` when the arguments only open the desktop app, else None."""
    if not argv:
        return (None,)
    if len(argv) == 2 and argv[0] == "--db":
        return (argv[1],)
    if len(argv) == 1 and argv[0].startswith("--db="):
        return (argv[0].split("=", 1)[1],)
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever happens, people get one sentence, never a traceback:
    refusals and failures of the database, the disk or an output file exit 1, malformed
    arguments 2; an unexpected error is written with its traceback to the log file."""
    notice = _BusyNotice()
    BUSY_LOG.addHandler(notice)
    args: argparse.Namespace | None = None
    try:
        window = _window_only(sys.argv[1:] if argv is None else list(argv))
        if window is not None:  # plain `regie`: the window first, without the parser's
            from app.gui.shell.launch import run_gui  # imports of every command (0.7 s)

            return run_gui(window[0])
        args = build_parser().parse_args(argv)  # usage errors: argparse's message, exit 2
        return _run(args, sys.argv[1:] if argv is None else argv)
    except BrokenPipeError:  # regie ... | head: the reader has what it wanted
        silence_stdout()
        return 1
    except DomainError as err:
        _say(_message(err))
        return 1
    except KeyboardInterrupt:
        _say(tr("cli", "Interrupted: what was not finished was not saved."))
        return 130
    except OverflowError:  # date arithmetic beyond the years 1 to 9999
        _say(
            tr(
                "cli",
                "regie: error: a date given is too far in the past or the future for Régie to "
                "compute with; give a date between the years 1900 and 2199.",
            )
        )
        return USAGE
    except OSError as err:  # an output or input file, the disk
        targets = output_targets(args) if args is not None else []
        _say(_message(os_problem(err, default=targets[0][1] if targets else "")))
        return 1
    except Exception as err:  # noqa: BLE001 - the last line of defence
        problem = storage_problem(err, None)
        if problem is not None:
            _say(_message(problem))
            return 1
        return _unexpected(err)
    finally:
        BUSY_LOG.removeHandler(notice)


def _run(args: argparse.Namespace, argv: Sequence[str]) -> int:
    if args.command is None:
        from app.gui.shell.launch import run_gui

        return run_gui(args.db)
    from app import i18n

    if getattr(args, "gui", False):  # a window of its own (regie desk): the QApplication
        from app.gui.shell.launch import gui_application  # comes before the translations

        gui_application()

    if getattr(args, "widgets", False):  # a command that builds widgets (bench) needs a
        from PySide6.QtWidgets import QApplication  # full QApplication before anything else

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless machine

        _keep = QApplication.instance() or QApplication(["regie"])  # noqa: F841
    try:
        i18n.install()  # messages and summaries in the user's language
    except Exception:  # noqa: BLE001 - English rather than nothing
        record_unexpected(traceback.format_exc(), where="the translations")
    bad = _undecodable(argv)
    if bad is not None:
        text = tr("cli", "regie: error: argument {argument} is not valid UTF-8 text.")
        _say(text.format(argument=bad))
        return USAGE
    _check_database(args)  # a mistyped --db or REGIE_DB: refused, nothing created
    check_outputs(args)  # before anything is opened or written
    # The person logs in whenever the command opens its database; a window (regie desk)
    # has its own login page instead.
    gui = getattr(args, "gui", False)
    with contextlib.nullcontext() if gui else _accounts.logging_in(_Login(args)):
        status = int(args.handler(args) or 0)
    sys.stdout.flush()  # a closed pipe shows here, not in Python's final flush
    return status


USAGE = 2


def _check_database(args: argparse.Namespace) -> None:
    """Refuse a database file named that does not exist (or is empty) for every command
    but those that make one (``app.bootstrap.MAKERS``), the benchmark (its own files) and
    a window (``regie desk``: the connection dialog asks)."""
    from app import bootstrap

    if args.command in bootstrap.MAKERS or args.command == "bench" or getattr(args, "gui", False):
        return
    refused = bootstrap.missing_database(getattr(args, "db", None))
    if refused is not None:
        raise refused


class _Login:
    """Logs the person in to each database the command opens (``_accounts.logging_in``):
    ``--user`` or ``REGIE_USER`` names the account, its password comes from
    ``REGIE_PASSWORD`` or a prompt on a terminal; with no name, the automatic account of
    an SQLite file (the passwordless ``admin``) acts. Once per database."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.done: dict[str, Actor] = {}

    def __call__(self, db: Database) -> Actor:
        key = str(db.engine.url)
        if key not in self.done:
            self.done[key] = self._log_in(db)
        return self.done[key]

    def _log_in(self, db: Database) -> Actor:
        name = (
            getattr(self.args, "login_user", None) or os.environ.get("REGIE_USER") or ""
        ).strip()
        if not name:
            actor = _accounts.automatic(db)
            if actor is None:
                raise _accounts.LoginRefused(
                    N_(
                        "Name your account: --user NAME (or REGIE_USER), with its password "
                        "in REGIE_PASSWORD or typed at the prompt."
                    )
                )
            return actor
        password = os.environ.get("REGIE_PASSWORD")
        needed = _accounts.needs_password(db, name)
        if password is None:
            password = self._prompt(name) if needed else ""
        elif needed:
            self.args.regie_password_used = True  # not a new account's password
        actor = _accounts.authenticate(db, name, password, Clock())
        if not needed and _accounts.first_setup(db):
            text = tr(
                "cli",
                "No account has a password on this server yet: give {name} one now "
                "(regie --user {name} accounts passwd {name}).",
            )
            _say(text.format(name=actor.name))
        return actor

    def _prompt(self, name: str) -> str:
        if not sys.stdin.isatty():
            raise _accounts.LoginRefused(
                N_(
                    "A password is needed for {name}: give it in REGIE_PASSWORD, or run "
                    "the command in a terminal to type it."
                ),
                name=name,
            )
        try:
            return getpass.getpass(tr("cli", "Password for {name}: ").format(name=name))
        except EOFError:
            raise KeyboardInterrupt from None


def _say(text: str) -> None:
    """One line on stderr (several only when the message itself lists problems)."""
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr, flush=True)


def _undecodable(argv: Sequence[str]) -> str | None:
    """The first argument that is not valid UTF-8 (it arrives with surrogate escapes),
    shown with its bad bytes escaped; None when all are fine."""
    for value in argv:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raw = value.encode("utf-8", "surrogateescape")
            return raw.decode("utf-8", "backslashreplace")
    return None


def tr(context: str, text: str) -> str:
    """Translated once the translations are loaded, else as written; never fails (and
    never imports anything: it may run while an import was interrupted)."""
    i18n = sys.modules.get("app.i18n")
    if i18n is None:
        return text
    try:
        return str(i18n.tr(context, text))
    except Exception:  # noqa: BLE001
        return text


def _message(err: DomainError) -> str:
    i18n = sys.modules.get("app.i18n")
    if i18n is None:
        return str(err)
    try:
        return str(i18n.message(err))
    except Exception:  # noqa: BLE001
        return str(err)


def _unexpected(err: BaseException) -> int:
    trace = traceback.format_exc()
    path = record_unexpected(trace, where="regie " + " ".join(sys.argv[1:2]))
    if path is None:
        text = tr("cli", "Unexpected error ({error}); nothing more is known.")
        _say(text.format(error=describe(err)))
    else:
        text = tr("cli", "Unexpected error ({error}); the details are in {log}.")
        _say(text.format(error=describe(err), log=str(path)))
    return 1


class _BusyNotice(logging.Handler):
    """Says once on stderr that the database is busy while a write waits for the lock."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.told = False

    def emit(self, record: logging.LogRecord) -> None:
        holders = getattr(record, "regie_busy", None)
        if holders is None or self.told:
            return
        self.told = True
        if holders:
            text = tr("cli", "The database is busy ({holders} is writing to it) — waiting…")
        else:
            text = tr("cli", "The database is busy (another program is writing to it) — waiting…")
        _say(text.format(holders=holders))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
