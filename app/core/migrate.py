"""Open a database: create or upgrade its schema with Alembic, backing it up first.

Only migrations create or change the schema. Opening a database that is already at head
costs one query (``HEAD`` is checked against the scripts by a test), so start-up does not
pay for importing Alembic.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from app.core import paths, storage
from app.core.db import WRITE_OPTION, Database, make_engine, storage_problem
from app.core.errors import DomainError
from app.core.private import make_private

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0013_opening_balances"
MIGRATIONS = Path(__file__).with_name("migrations")


def known_revisions() -> set[str]:
    """Every revision this Régie knows (the scripts are named after their revision)."""
    return {p.stem for p in (MIGRATIONS / "versions").glob("[0-9]*.py")}


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    from app.core import dialect

    with engine.connect() as conn:
        if not dialect.has_table(conn, "alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:  # waits its turn
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup_copy(path: Path, revision: str | None) -> Path:
    """A consistent copy of the file (SQLite online backup), named after its revision."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.name}.{revision or 'empty'}.{stamp}.bak")
    make_private(target)
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def open_database(target: Path | str, revision: str = "head") -> Database:
    """Open (creating if needed) and migrate the database ``target``: an SQLite file's
    path, or a PostgreSQL server's URL (``postgresql+psycopg://…``; the database must
    exist on the server, empty or Régie's).

    A file that is not a database, was cut short, is damaged, read-only where an upgrade
    must write, or comes from a newer Régie is refused with a ``StorageError`` before
    anything is written; so is a server that cannot be reached or refuses the login."""
    if paths.is_url(target):
        return _open_server(paths.normal_url(str(target)), revision)
    path = Path(target)
    storage.check_header(path)
    engine = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        make_private(path)  # a new file is created 0600 before SQLite opens it
        engine = make_engine(path)
        current = current_revision(engine)
        target = HEAD if revision == "head" else revision
        if current is not None and current not in known_revisions():
            raise storage.too_new(path, current)
        database = Database(engine, path)
        if current != target:
            if current is not None:
                backup_copy(path, current)
            upgrade(engine, revision)
            database.wrote = True
        return database
    except Exception as err:
        if engine is not None:
            engine.dispose()
        if isinstance(err, DomainError):
            raise
        problem = storage_problem(err, path)
        if problem is None:
            raise
        raise problem from err


def _open_server(url: str, revision: str) -> Database:
    """A PostgreSQL database: migrated under the write lock (two workstations starting
    together upgrade it once). No copy is made before an upgrade: back the server up with
    ``regie backup`` (pg_dump)."""
    engine = None
    try:
        engine = make_engine(url)
        current = current_revision(engine)
        target = HEAD if revision == "head" else revision
        if current is not None and current not in known_revisions():
            raise storage.too_new(paths.display_url(url), current)
        database = Database(engine, url=url)
        if current != target:
            upgrade(engine, revision)
            database.wrote = True
        return database
    except Exception as err:
        if engine is not None:
            engine.dispose()
        if isinstance(err, DomainError):
            raise
        problem = storage_problem(err, url)
        if problem is None:
            raise
        raise problem from err
