"""Where a benchmark runs: a new SQLite file in a temporary folder, or a new database on a
PostgreSQL server, created for the run beside the one the given URL names and dropped
afterwards (the database the URL names is never written: the bench needs a fresh one).

Creating a database needs the CREATEDB right on the server (its owner, ``postgres``, has
it); without it the bench says so and stops.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.core import paths
from app.core.errors import DomainError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_numbers = itertools.count(1)


def check_server_url(url: str) -> str:
    """``url`` normalised (psycopg 3 driver), or a DomainError when it names no
    PostgreSQL server."""
    if not paths.is_postgresql(url):
        raise DomainError(
            "{url} is not a PostgreSQL server's URL (postgresql+psycopg://USER@/DATABASE"
            "?host=SOCKET_FOLDER&port=PORT).",
            url=paths.display_url(url),
        )
    return paths.normal_url(url)


@contextmanager
def fresh_target(engine: str, url: str | None = None, name: str = "bench") -> Iterator[Path | str]:
    """A new, empty database for one run: an SQLite file's path, or (``engine`` =
    postgresql) a new database's URL on ``url``'s server. Removed afterwards."""
    if engine == SQLITE:
        with tempfile.TemporaryDirectory(prefix=f"regie-{name}-") as tmp:
            yield Path(tmp) / f"{name}.db"
        return
    if url is None:
        raise DomainError("The PostgreSQL bench needs the server's URL (--url).")
    with scratch_database(check_server_url(url), name) as target:
        yield target


@contextmanager
def scratch_database(url: str, name: str = "bench") -> Iterator[str]:
    """A new database on ``url``'s server, its URL yielded, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    parsed = make_url(url)
    database = f"regie_{name}_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(parsed, isolation_level="AUTOCOMMIT", poolclass=_null_pool())
    try:
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{database}"'))
        except SQLAlchemyError as err:
            raise DomainError(
                "Could not create a database for the bench on {server}: {reason}",
                server=paths.display_url(url),
                reason=str(getattr(err, "orig", err)).strip().splitlines()[0],
            ) from err
        try:
            yield parsed.set(database=database).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool


def server_settings(url: str) -> dict[str, str]:
    """The server's version and the settings that weigh most on a write's time (a commit
    waits for its WAL on disk when ``synchronous_commit`` is on; SQLite's WAL with
    ``synchronous = NORMAL`` does not), as Régie's own sessions see them (``app.core.db``
    turns ``synchronous_commit`` off unless the server's administrator chose it), and
    ``server_synchronous_commit``: what the server gives other clients, so that figures
    can be read."""
    from sqlalchemy import create_engine, text

    from app.core.db_pg import make_pg_engine

    names = ("server_version", "synchronous_commit", "fsync")
    engine = make_pg_engine(check_server_url(url))
    plain = create_engine(check_server_url(url), poolclass=_null_pool())
    try:
        with engine.connect() as conn:
            found = {name: str(conn.execute(text(f"SHOW {name}")).scalar_one()) for name in names}
        with plain.connect() as conn:
            server = conn.execute(text("SHOW synchronous_commit")).scalar_one()
        found["server_synchronous_commit"] = str(server)
        return found
    finally:
        engine.dispose()
        plain.dispose()
