"""The composition root: builds the database, clock and acting user, and hands them down.

Nothing else creates an engine; no module-level state.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core import accounts, paths
from app.core.clock import Clock
from app.core.db import Database
from app.core.errors import N_, NotFound
from app.core.migrate import open_database
from app.core.paths import demo_db_path, resolve_db


@dataclass
class Context:
    db: Database
    clock: Clock = field(default_factory=Clock)
    user: str = field(default_factory=lambda: acting_user())


def acting_user() -> str:
    name = os.environ.get("REGIE_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "regie"


def first_run(db_option: str | None) -> bool:
    """Will opening this database build the demo cooperative first (the first start)?"""
    path = resolve_db(db_option)
    return isinstance(path, Path) and not path.exists() and _is_demo_file(path)


def needs_choice(db_option: str | None) -> bool:
    """Must the desktop app ask first: explore the demo, or set up my cooperative? Yes on
    the embedded default (nothing names a database: no ``--db``, ``REGIE_DB`` nor chosen
    database) while neither the cooperative's ``regie.db`` nor the demo's ``demo.db``
    exists."""
    if db_option or paths.chosen_db():
        return False
    return not paths.default_db_path().exists() and not demo_db_path().exists()


def set_aside_old_demo() -> Path | None:
    """Before a cooperative is set up in ``regie.db``: a ``regie.db`` that holds the demo
    (built there by a Régie older than the two files) moves to ``demo.db`` when that does
    not exist yet. Returns the demo's new path, or None when nothing moved."""
    own, demo = paths.default_db_path(), demo_db_path()
    if not own.is_file() or demo.exists():
        return None
    for suffix in ("-wal", "-shm", "-journal"):
        if own.with_name(own.name + suffix).exists():
            return None  # open in another Régie (or not closed cleanly): left alone
    if not holds_demo(own):
        return None
    try:
        os.replace(own, demo)
    except OSError:  # open elsewhere (Windows refuses), or the folder is read-only
        return None
    return demo


def holds_demo(path: Path) -> bool:
    """Does the SQLite file ``path`` hold the demo cooperative (``database.kind`` demo, or
    no kind and the demo's SIREN: a database built before the kind existed)? Read without
    migrating or writing; False for anything unreadable."""
    import sqlite3

    from app.core import settings

    # with no write-ahead log beside it the file is whole: read it as immutable, so that
    # reading creates no -wal/-shm files either
    whole = not path.with_name(path.name + "-wal").exists()
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if whole else ''}", uri=True
        )
    except sqlite3.Error:
        return False
    try:
        rows = dict(
            connection.execute(
                "SELECT key, value FROM setting WHERE key IN (?, ?)",
                (settings.DATABASE_KIND, settings.SIREN),
            ).fetchall()
        )
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return settings.kind_is_demo(rows.get(settings.DATABASE_KIND, ""), rows.get(settings.SIREN, ""))


#: The commands that make a database, and may name one that does not exist yet.
MAKERS = frozenset({"init", "demo", "restore", "db"})


def missing_database(db_option: str | None) -> NotFound | None:
    """The refusal for a database named (``--db``, ``REGIE_DB``, the database chosen on
    this computer) that is a file which does not exist, or is empty: a mistyped path must
    not start a new, empty database (only ``regie init``, ``demo``, ``restore`` and ``db
    copy`` make one). None for a file that holds something, for a server, and for the
    embedded default (the demo's ``demo.db`` is built on first use)."""
    path = resolve_db(db_option)
    if isinstance(path, str) or _is_demo_file(path):
        return None
    if paths.is_embedded(path) and not (db_option or paths.chosen_db()):
        return None
    try:
        if path.is_dir() or path.stat().st_size > 0:
            return None  # a folder, or something to open (``check_header`` judges it)
    except FileNotFoundError:
        pass
    except OSError:
        return None  # unreadable: opening it says why
    return NotFound(
        N_(
            "There is no database at {path} (check the path; to create one: regie init or "
            "regie demo)."
        ),
        path=str(path),
    )


def open_context(
    db_option: str | None,
    *,
    demo_if_new: bool = True,
    progress: Callable[[Any], None] | None = None,
) -> Context:
    """Open the database a command names. The embedded default's demo file (the user's
    data directory's ``demo.db``, opened while no ``regie.db`` exists) is created with the
    demo cooperative (catalogue, customers, bookings,
    rates and invoices) on first run: built into a private file and published whole
    (``app.first_start``); ``progress(step)`` follows the build. A server (a URL) is
    opened as it is: its database must exist on the server."""
    path = resolve_db(db_option)
    if isinstance(path, str):
        return _context(open_database(path))
    if demo_if_new and not path.exists() and _is_demo_file(path):
        from app.first_start import build_demo_file

        if progress is None:  # said once, terminal or not: the answers are the demo's
            from app.i18n import tr

            message = tr(
                "cli",
                "First use: the demonstration cooperative (DEMO) is being prepared in {path}; "
                "for your own data: regie init",
            )
            print(message.format(path=path), file=sys.stderr, flush=True)
        build_demo_file(path, progress=progress)
    elif not path.parent.is_dir() and not paths.is_embedded(path):
        raise NotFound(
            "There is no folder {folder} for the database {path}: check the path given "
            "with --db or REGIE_DB (a mistyped path must not start a new, empty database).",
            folder=str(path.parent),
            path=path.name,
        )
    return _context(open_database(path))


def _context(db: Database) -> Context:
    """The opened database, logged in as the face asked (the CLI's ``--user``:
    ``app.core.accounts.log_in``; None asked: ``db.actor`` stays as it is)."""
    try:
        actor = accounts.log_in(db)
    except BaseException:
        db.dispose()
        raise
    return Context(db=db) if actor is None else Context(db=db, user=actor.name)


def _is_demo_file(path: Path) -> bool:
    return path.resolve() == demo_db_path().resolve()
