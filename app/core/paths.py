"""Where Régie keeps its files, and which database a command opens.

A database is either an SQLite file (a ``Path``, the default: the user's data directory)
or a PostgreSQL server named by a URL (``postgresql+psycopg://user@host:port/database``;
``postgresql://`` and ``postgres://`` are read the same way). ``resolve_db`` returns one or
the other; a URL is never treated as a file name.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app.core.errors import N_, StorageError

APP = "regie"
#: The driver Régie speaks to PostgreSQL with (psycopg 3).
PG_SCHEME = "postgresql+psycopg"
_PG_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")
#: ``sqlite:///PATH`` names the file PATH (``sqlite:////abs/f.db`` an absolute one).
_SQLITE_PREFIX = "sqlite:///"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def default_db_path() -> Path:
    """The cooperative's own database (``regie init``, the first-start assistant)."""
    return data_dir() / "regie.db"


def demo_db_path() -> Path:
    """The demo cooperative's database: a file of its own, never the cooperative's."""
    return data_dir() / "demo.db"


def embedded_db_path() -> Path:
    """The file opened when nothing names one: the cooperative's own ``regie.db`` once it
    exists, else the demo's ``demo.db`` (built on first use)."""
    own = default_db_path()
    return own if own.exists() else demo_db_path()


def is_embedded(path: Path) -> bool:
    """Is ``path`` one of the two files of the user's data directory?"""
    resolved = path.resolve()
    return resolved in (default_db_path().resolve(), demo_db_path().resolve())


def chosen_db() -> str | None:
    """What names the database besides the command line: ``REGIE_DB``, else the database
    chosen on this computer (connection.json); None: the embedded default."""
    return os.environ.get("REGIE_DB") or _configured()


def is_url(value: object) -> bool:
    """Does ``value`` name a database server (a URL with a scheme) rather than a file?"""
    return isinstance(value, str) and "://" in value


def is_postgresql(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(_PG_PREFIXES)


def normal_url(url: str) -> str:
    """``url`` with the psycopg 3 driver named (``postgresql://`` → ``postgresql+psycopg://``)."""
    lowered = url.lower()
    for prefix in _PG_PREFIXES[1:]:
        if lowered.startswith(prefix):
            return PG_SCHEME + "://" + url[len(prefix) :]
    return url


def resolve_db(cli_value: str | None) -> Path | str:
    """``REGIE_DB`` first, then ``--db``, then the database chosen on this computer
    (Settings → Database, the connection dialog: ``app.core.connection``), then the user's
    data directory (``embedded_db_path``: the cooperative's ``regie.db`` once set up, else
    the demo's ``demo.db``): a ``Path`` for an SQLite file, the URL (a ``str``, driver
    named) for a server."""
    chosen = os.environ.get("REGIE_DB") or cli_value or _configured()
    if not chosen:
        return embedded_db_path()
    return database(chosen)


def database(value: str) -> Path | str:
    """The database ``value`` names: a file (a path, or ``sqlite:///PATH``) or a PostgreSQL
    server's URL (driver named); any other address is refused with a sentence (a
    ``StorageError``), never tried."""
    if not is_url(value):
        return Path(value).expanduser()
    if value.lower().startswith(_SQLITE_PREFIX) and len(value) > len(_SQLITE_PREFIX):
        return Path(value[len(_SQLITE_PREFIX) :]).expanduser()
    if is_postgresql(value):
        return normal_url(value)
    raise StorageError(
        N_(
            "{url} is neither a database file nor a PostgreSQL address "
            "(postgresql+psycopg://USER@HOST/DATABASE)."
        ),
        url=display_url(value),
    )


def _configured() -> str | None:
    from app.core import connection  # lazily: it opens databases (migrate)

    found = connection.configured()
    return str(found) if isinstance(found, Path) else found


def resolve_db_path(cli_value: str | None) -> Path:
    """The SQLite file a command opens. Only for callers that handle files (a first start,
    a demo built into a new file): call ``resolve_db`` first, a URL is not a path."""
    chosen = resolve_db(cli_value)
    if isinstance(chosen, str):
        raise ValueError(f"{display_url(chosen)} is a server, not a file")
    return chosen


def display_url(url: str) -> str:
    """The URL as a person may see it: the password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown as typed, minus nothing
        return url
