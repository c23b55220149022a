"""Which database this computer opens: chosen in Settings → Database or in the connection
dialog at start, remembered per user.

``<config>/regie/connection.json`` (created readable by its owner only) holds the choice:
``{"database": "/path/to/regie.db"}`` or ``{"database": "postgresql+psycopg://user@host:5432/regie"}``
— a URL never holds a password there. The password of a server is either typed at each
start (the connection dialog asks for it) or, when the person ticks "remember", kept in
``<config>/regie/pgpass``: PostgreSQL's own password-file format (``host:port:database:
user:password``), readable by its owner only, handed to the server's client library by the
URL's ``passfile`` parameter — the same protection as every PostgreSQL tool's ``~/.pgpass``.

Which database a command opens: ``REGIE_DB``, else ``--db``, else this choice, else the
default file in the user's data directory.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url

from app.core import migrate, paths, storage
from app.core.db import make_engine, storage_problem

CONFIG_NAME = "connection.json"
PASSFILE_NAME = "pgpass"
DEFAULT_PORT = 5432


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(paths.APP, appauthor=False))


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def passfile_path() -> Path:
    return config_dir() / PASSFILE_NAME


@dataclass(frozen=True)
class Server:
    """A PostgreSQL database as a person names it. ``host`` is a name, an address, or a
    folder holding the server's socket (``/run/postgresql``)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    def url(self, password: str = "") -> str:
        """The URL Régie opens (with ``password`` only when given: never stored)."""
        socket = self.host.startswith("/")
        query = {"host": self.host, "port": str(self.port)} if socket else {}
        built = URL.create(
            paths.PG_SCHEME,
            username=self.user or None,
            password=password or None,
            host=None if socket else self.host or None,
            port=None if socket else self.port,
            database=self.database,
            query=query,
        )
        return built.render_as_string(hide_password=False)

    @classmethod
    def parse(cls, url: str) -> Server:
        """The server a URL names (its password and other options left aside)."""
        parsed = make_url(paths.normal_url(url))
        query_host = str(parsed.query.get("host", "") or "")
        query_port = str(parsed.query.get("port", "") or "")
        port = parsed.port or (int(query_port) if query_port.isdigit() else DEFAULT_PORT)
        return cls(
            host=parsed.host or query_host or "localhost",
            database=parsed.database or "",
            user=parsed.username or "",
            port=port,
        )


def password_of(url: str) -> str:
    """The password a URL carries ('' when none)."""
    return make_url(paths.normal_url(url)).password or ""


# --- reading the choice ------------------------------------------------------------------


def chosen() -> Path | str | None:
    """The database chosen on this computer, as stored (a file's path, or a server's URL
    without password); None when nothing was chosen (or the file is unreadable)."""
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("database") if isinstance(data, dict) else None
    if not isinstance(value, str) or not value.strip():
        return None
    if paths.is_url(value):
        return paths.normal_url(value)
    return Path(value).expanduser()


def configured() -> Path | str | None:
    """What this computer opens when neither ``REGIE_DB`` nor ``--db`` say: the chosen
    database, a server's URL naming the remembered password file when there is one."""
    found = chosen()
    if isinstance(found, str) and passfile_path().is_file():
        return with_passfile(found)
    return found


def with_passfile(url: str) -> str:
    parsed = make_url(url)
    if "passfile" in parsed.query:
        return url
    updated = parsed.update_query_dict({"passfile": str(passfile_path())})
    return updated.render_as_string(hide_password=False)


def remembered(server: Server) -> bool:
    """Is a password kept on this computer for ``server``?"""
    return any(_matches(line, server) for line in _pass_lines())


# --- what is there ---------------------------------------------------------------------


def look(where: Path | str) -> tuple[str | None, set[str]]:
    """The database's revision (None: not Régie's) and its tables, without changing it
    (a file is read through a read-only connection: not even its journal mode changes)."""
    if isinstance(where, Path):
        return _look_file(where)
    engine = make_engine(where)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        return migrate.current_revision(engine), tables
    except Exception as err:
        problem = storage_problem(err, where)
        if problem is None:
            raise
        raise problem from err
    finally:
        engine.dispose()


def _look_file(path: Path) -> tuple[str | None, set[str]]:
    storage.check_header(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                str(name)
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return None, tables
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return (str(found[0]) if found else None), tables
        finally:
            conn.close()
    except sqlite3.Error as err:
        problem = storage.problem(err, path)
        if problem is None:
            raise
        raise problem from err


def probe(where: Path | str) -> str:
    """What ``where`` holds, without changing it: ``regie`` (a Régie database), ``empty``
    (nothing yet: Régie prepares it at the first opening), ``other`` (tables that are not
    Régie's); a ``StorageError`` when it cannot be reached or read."""
    if isinstance(where, Path) and (not where.exists() or where.stat().st_size == 0):
        return "empty"
    revision, tables = look(where)
    if revision is not None:
        return "regie"
    return "other" if tables else "empty"


# --- choosing ----------------------------------------------------------------------------


def choose_file(path: Path) -> None:
    """Open this SQLite file from now on."""
    _write_choice(str(Path(path).expanduser()))


def choose_server(server: Server, password: str = "", remember: bool = False) -> None:
    """Open this server from now on; keep its password on this computer only when
    ``remember`` (a password kept before stays when none is typed), else forget any kept
    before: it will be asked at start."""
    _write_choice(server.url())
    if remember and not password:
        return
    lines = [line for line in _pass_lines() if not _matches(line, server)]
    if remember:
        lines.append(_pass_line(server, password))
    _write_private(passfile_path(), "".join(f"{line}\n" for line in lines), drop_if_empty=True)


def forget() -> None:
    """Back to the default file in the user's data directory."""
    config_path().unlink(missing_ok=True)


def _write_choice(value: str) -> None:
    _write_private(config_path(), json.dumps({"database": value}, indent=2) + "\n")


def _write_private(path: Path, content: str, drop_if_empty: bool = False) -> None:
    """Write ``path`` readable and writable by its owner only (created so, never widened
    for a moment), replacing it whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if drop_if_empty and not content:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


# --- the password file (PostgreSQL's format) ---------------------------------------------


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _key(server: Server) -> str:
    fields = (server.host, str(server.port), server.database, server.user)
    return ":".join(_escape(field) for field in fields) + ":"


def _pass_line(server: Server, password: str) -> str:
    return _key(server) + _escape(password)


def _matches(line: str, server: Server) -> bool:
    return line.startswith(_key(server))


def _pass_lines() -> list[str]:
    try:
        text = passfile_path().read_text(encoding="utf-8")
    except OSError:
        return []
    return [line for line in text.splitlines() if line.strip()]
