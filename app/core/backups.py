"""Backups and restores (issue 12): online copies of the database, checked, rotated, and
put back.

A backup of an SQLite database is made with SQLite's online backup API (one step, so a
consistent snapshot even while others write; then switched to a rollback journal so the
copy is one self-contained file); a backup of a PostgreSQL database with ``pg_dump -Fc``
(found on ``PATH``, else the newest ``/usr/lib/postgresql/*/bin``). Each is written beside
its target under a temporary name, checked, and only then given its name: a backup that
exists is a whole one. Files are readable by their owner only (0600).

A backup is *good* once checked: an SQLite copy is opened read-only and given the checks
the application hands in (``app.backup_jobs``, since the kernel knows nothing of invoices):
those of ``regie verify`` for a backup someone asks for, SQLite's ``quick_check`` and
``regie verify --quick`` for the automatic ones (seconds, even on a large database); a dump is read back whole by ``pg_restore`` (every data block
decompressed) and must hold Régie's tables. The last good one is recorded per database in
the per-user file ``backups.json`` of the configuration folder, with the backup folder the
cooperative chose (a USB disk, a NAS; default: ``backups`` in the data folder) — both belong
to a workstation, not to the database, so a restore never turns them back.

Backups in the folder are named ``<database>-<UTC stamp>.db`` (``.dump`` for a server) and
rotated after each one: the newest of each of the last 7 days, 4 weeks and 12 months that
have one are kept (a backup may count for several), the others deleted. Nothing else in the
folder is ever touched.

Restoring an SQLite file: the backup is copied into a private work folder beside the
database, must be a Régie database (its revision known, else it comes from a newer Régie),
is migrated when older and checked in full; only then is the current database kept aside
(``regie.db.before-restore-<stamp>``, an online copy, or its files as they are when SQLite
cannot read them) and replaced — through the backup API, so other programs that have it
open see the restored data at their next transaction. A damaged, foreign or newer file is
refused with nothing changed. Restoring a dump: only into an empty PostgreSQL database
(``createdb``), in one transaction, then migrated and checked (a check that fails empties
the target again): a server database is never overwritten — the current one stays as it
is, aside by construction, and the workstations are pointed at the restored one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import platformdirs

from app.core import access, storage
from app.core.clock import Clock
from app.core.errors import DomainError, StorageError
from app.core.private import make_private, private_folder, restrict
from app.core.storage import os_reason

if TYPE_CHECKING:
    from app.core.db import Database, UnitOfWork

#: The checks a backup must pass: problems in a sentence each (none: intact).
Check = Callable[["UnitOfWork"], list[str]]

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
SUFFIX = {SQLITE: ".db", POSTGRESQL: ".dump"}
PG_MAGIC = b"PGDMP"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
#: An automatic backup at start when the last good one is older than this.
DAILY = dt.timedelta(days=1)
STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<name>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?(?P<suffix>\.db|\.dump)$")
CONFIG_NAME = "backups.json"


# --- which database, where its backups go --------------------------------------------------


@dataclass(frozen=True)
class Source:
    """The database being backed up: its engine kind, its name (the file's stem or the
    server database's name) and a key naming it in the configuration file."""

    kind: str
    name: str
    key: str
    path: Path | None = None
    url: str = ""


def source_of(db: Database) -> Source:
    url = db.engine.url
    if url.get_backend_name() == POSTGRESQL:
        shown = url.render_as_string(hide_password=True)
        return Source(POSTGRESQL, url.database or "regie", shown, None, _full_url(db))
    path = Path(db.path if db.path is not None else (url.database or "")).resolve()
    return Source(SQLITE, path.stem or "regie", str(path), path)


def _full_url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("regie", appauthor=False)) / CONFIG_NAME


def _load_config() -> dict[str, Any]:
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _entry(source: Source) -> dict[str, Any]:
    entry = _load_config().get(source.key)
    return entry if isinstance(entry, dict) else {}


def _save_entry(source: Source, **values: Any) -> None:
    """Update the database's entry in the configuration file (written whole, private)."""
    data = _load_config()
    entry = data.get(source.key)
    entry = dict(entry) if isinstance(entry, dict) else {}
    entry.update(values)
    data[source.key] = entry
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".regie-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, ensure_ascii=False)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def default_folder() -> Path:
    return Path(platformdirs.user_data_dir("regie", appauthor=False)) / "backups"


def folder_of(db: Database) -> Path:
    """Where this workstation backs this database up (chosen, else the default)."""
    chosen = _entry(source_of(db)).get("folder")
    return Path(chosen) if isinstance(chosen, str) and chosen else default_folder()


def _require(db: Database) -> None:
    """Refuse unless the logged-in account may back up and restore (administrators)."""
    with db.read() as uow:
        access.require(uow, access.Permission.BACKUPS)


def set_folder(db: Database, folder: Path) -> Path:
    """Choose the folder this workstation backs this database up into; it must exist (a
    USB disk plugged in, a NAS share mounted) or be creatable, and be writable."""
    _require(db)
    folder = Path(folder).expanduser()
    _writable_folder(folder, create=True)
    folder = folder.resolve()
    _save_entry(source_of(db), folder=str(folder))
    return folder


def _writable_folder(folder: Path, *, create: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise DomainError(
            "{folder} is a file, not a folder: choose a folder for the backups.", folder=str(folder)
        )
    try:
        if create:
            private_folder(folder)
        handle, probe = tempfile.mkstemp(prefix=".regie-probe-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as err:
        raise DomainError(
            "The backup folder {folder} cannot be written to ({reason}): plug the disk in, "
            "mount the share or choose another folder.",
            folder=str(folder),
            reason=os_reason(err),
        ) from err


# --- the backups in a folder, and which ones to keep ----------------------------------------


@dataclass(frozen=True)
class Backup:
    """One backup file: where, when it was made (UTC) and its size in bytes."""

    path: Path
    at: dt.datetime
    size: int


def backup_name(source: Source, at: dt.datetime) -> str:
    return f"{source.name}-{at.astimezone(dt.UTC).strftime(STAMP)}{SUFFIX[source.kind]}"


def parse_name(name: str) -> tuple[str, dt.datetime, str] | None:
    """``(database name, UTC instant, suffix)`` of a backup's file name, else None."""
    found = _NAME.match(name)
    if found is None:
        return None
    try:
        at = dt.datetime.strptime(found["stamp"], STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return found["name"], at, found["suffix"]


def list_backups(folder: Path, source: Source) -> list[Backup]:
    """This database's backups in ``folder``, newest first (none when it is missing)."""
    found: list[Backup] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_name(path.name)
        if parsed is None or parsed[0] != source.name or parsed[2] != SUFFIX[source.kind]:
            continue
        with contextlib.suppress(OSError):
            if path.is_file():
                found.append(Backup(path, parsed[1], path.stat().st_size))
    return sorted(found, key=lambda b: (b.at, _counter(b.path.name)), reverse=True)


def _counter(name: str) -> int:
    """1 for ``x-<stamp>.db``, n for ``x-<stamp>-n.db`` (made later in the same second)."""
    found = _NAME.match(name)
    return int(found["n"]) if found is not None and found["n"] else 1


def to_keep(instants: Iterable[dt.datetime], tz: ZoneInfo) -> set[dt.datetime]:
    """Which backups rotation keeps: the newest of each of the last ``KEEP_DAILY`` days,
    ``KEEP_WEEKLY`` ISO weeks and ``KEEP_MONTHLY`` months (local time) that have one."""
    kept: set[dt.datetime] = set()
    days: set[object] = set()
    weeks: set[object] = set()
    months: set[object] = set()
    for at in sorted(instants, reverse=True):
        local = at.astimezone(tz)
        iso = local.isocalendar()
        for seen, bucket, limit in (
            (days, local.date(), KEEP_DAILY),
            (weeks, (iso.year, iso.week), KEEP_WEEKLY),
            (months, (local.year, local.month), KEEP_MONTHLY),
        ):
            if bucket not in seen and len(seen) < limit:
                seen.add(bucket)
                kept.add(at)
    return kept


def rotate(folder: Path, source: Source, tz: ZoneInfo) -> list[Path]:
    """Delete the backups rotation does not keep; the paths deleted."""
    backups = list_backups(folder, source)
    keep = to_keep([b.at for b in backups], tz)
    seen: set[dt.datetime] = set()
    removed = []
    for item in backups:  # newest first: of two made in the same second, the newer stays
        if item.at in keep and item.at not in seen:
            seen.add(item.at)
            continue
        with contextlib.suppress(OSError):
            item.path.unlink()
            removed.append(item.path)
    return removed


# --- making one -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Made:
    """A backup made and checked."""

    path: Path
    at: dt.datetime
    size: int
    kind: str
    removed: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Status:
    """What the Backups screen shows."""

    folder: Path
    kind: str
    backups: list[Backup]
    last_good: Backup | None
    #: The last automatic backup's failure in a sentence ("" when the last one worked).
    last_error: str
    last_error_at: dt.datetime | None


def status(db: Database) -> Status:
    source = source_of(db)
    entry = _entry(source)
    folder = folder_of(db)
    good = entry.get("last_good")
    last_good = None
    if isinstance(good, dict):
        with contextlib.suppress(KeyError, TypeError, ValueError):
            path = Path(good["path"])
            last_good = Backup(path, dt.datetime.fromisoformat(good["at"]), int(good["size"]))
    error = entry.get("last_error")
    error_at = None
    if isinstance(error, dict):
        with contextlib.suppress(KeyError, TypeError, ValueError):
            error_at = dt.datetime.fromisoformat(error["at"])
    return Status(
        folder=folder,
        kind=source.kind,
        backups=list_backups(folder, source),
        last_good=last_good,
        last_error=str(error.get("message", "")) if isinstance(error, dict) else "",
        last_error_at=error_at,
    )


def backup(
    db: Database,
    clock: Clock,
    check: Check,
    *,
    out: Path | None = None,
    automatic: bool = False,
) -> Made:
    """Back ``db`` up into ``out``, or into the backup folder (then rotated). A manual
    backup needs the right to back up (administrators); the automatic ones (at close,
    daily) are Régie's own and run whoever is logged in. Raises a ``DomainError`` with a
    sentence when the backup cannot be made or checked (nothing is left behind)."""
    if not automatic:
        _require(db)
    source = source_of(db)
    at = clock.now()
    if out is not None:
        target = Path(out).expanduser()
        _writable_folder(target.parent if str(target.parent) else Path("."), create=False)
    else:
        folder = folder_of(db)
        # only the default folder is made when missing: a chosen one that is missing is a
        # USB disk unplugged or a share not mounted, never to be replaced by a local folder
        _writable_folder(folder, create=folder == default_folder())
        target = _free_name(folder / backup_name(source, at))
    handle, temp_name = tempfile.mkstemp(prefix=".regie-backup-", suffix=".tmp", dir=target.parent)
    os.close(handle)  # mkstemp makes it 0600: the backup starts private
    temp = Path(temp_name)
    try:
        if source.kind == POSTGRESQL:
            _pg_dump(source.url, temp)
            _check_dump(temp, target.name)
        else:
            _sqlite_copy(db, temp)
            _check_sqlite_copy(temp, check, target.name)
        restrict(temp)
        os.replace(temp, target)
    except BaseException:
        _remove_with_companions(temp)
        raise
    made = Made(target.resolve(), at, target.stat().st_size, source.kind)
    try:  # the backup is made: a configuration folder that cannot be written only loses
        _save_entry(  # the record of it (the folder's listing still shows it)
            source,
            last_good={"path": str(made.path), "at": at.isoformat(), "size": made.size},
            last_error=None,
        )
    except OSError:
        _log().warning("the last good backup could not be recorded", exc_info=True)
    if out is None:
        made = Made(made.path, at, made.size, made.kind, rotate(target.parent, source, clock.tz))
    return made


def _free_name(path: Path) -> Path:
    """``path``, or with ``-2``, ``-3``... before the suffix when taken (same second)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _sqlite_copy(db: Database, target: Path) -> None:
    """An online copy (one backup step: a consistent snapshot), then switched to a rollback
    journal so the copy is one file that opens read-only anywhere."""
    raw = db.engine.raw_connection()
    try:
        live = raw.driver_connection
        if not isinstance(live, sqlite3.Connection):
            raise TypeError("not an SQLite connection")
        out = sqlite3.connect(target)
        try:
            live.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        raw.close()


def _read_only_database(path: Path) -> Database:
    """The SQLite file ``path`` opened read-only (SQLite refuses any write), for checks."""
    from sqlalchemy import create_engine

    from app.core.db import Database

    # The one engine made outside app.core.db: a read-only look at a file that is not the
    # database (a backup), without the pragmas that would write to it (WAL).
    engine = create_engine(
        "sqlite:///file:" + path.as_posix() + "?mode=ro&uri=true",
        connect_args={"check_same_thread": False},
    )
    return Database(engine, path)


def _check_sqlite_copy(path: Path, check: Check, name: str) -> None:
    database = _read_only_database(path)
    try:
        with database.read() as uow:
            problems = check(uow)
    except StorageError as err:
        raise DomainError(
            "The backup {name} could not be checked ({problem}); it was not kept.",
            name=name,
            problem=str(err),
        ) from err
    finally:
        database.engine.dispose()
    if problems:
        raise DomainError(
            "The backup {name} is not intact ({problems}); it was not kept: run regie verify "
            "on the database.",
            name=name,
            problems="; ".join(problems[:5]),
        )


def on_close(db: Database, clock: Clock, check: Check) -> Made | None:
    """The automatic backup when a window closes: never raises; a failure is recorded
    (the Backups screen shows it) and logged. The backup made, or None."""
    try:
        return backup(db, clock, check, automatic=True)
    except Exception as err:  # noqa: BLE001 - closing must go on whatever happens
        _record_failure(db, clock, err)
        return None


def due(db: Database, clock: Clock) -> bool:
    """Is the daily backup due (no good backup yet, or the last one older than a day)?"""
    last = status(db).last_good
    return last is None or clock.now() - last.at >= DAILY


def on_start(db: Database, clock: Clock, check: Check) -> Made | None:
    """The daily automatic backup, at start, when ``due``: like ``on_close``."""
    with contextlib.suppress(Exception):
        if not due(db, clock):
            return None
    return on_close(db, clock, check)


def _log() -> logging.Logger:
    return logging.getLogger("regie.backups")


def _record_failure(db: Database, clock: Clock, err: BaseException) -> None:
    _log().warning("automatic backup failed: %s", err)
    with contextlib.suppress(Exception):
        _save_entry(
            source_of(db),
            last_error={"at": clock.now().isoformat(), "message": str(err)},
        )


# --- PostgreSQL: pg_dump and pg_restore -------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of ``pg_dump`` or ``pg_restore``: on ``PATH``, else the newest PostgreSQL
    installed under ``/usr/lib/postgresql``; refused with a sentence when neither has it."""
    found = shutil.which(name)
    if found:
        return found
    candidates = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.parent.name)
        except ValueError:
            return 0.0

    if candidates:
        return max(candidates, key=version)
    raise DomainError(
        "{tool} was not found (neither on PATH nor in /usr/lib/postgresql): install the "
        "PostgreSQL client programs (Debian: apt install postgresql-client) to back up or "
        "restore a server database.",
        tool=name,
    )


def libpq_target(url: str) -> tuple[str, dict[str, str]]:
    """The connection URI the PostgreSQL programs understand, and their environment (the
    password goes in ``PGPASSWORD``, never on a command line others can read)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, check=False)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "?"


def _pg_dump(url: str, target: Path) -> None:
    conninfo, env = libpq_target(url)
    done = _run([pg_tool("pg_dump"), "-Fc", "-f", str(target), "-d", conninfo], env)
    if done.returncode != 0:
        raise DomainError(
            "pg_dump could not back the server database up: {reason}",
            reason=_last_line(done.stderr),
        )


def _dump_listing(path: Path) -> str:
    done = _run([pg_tool("pg_restore"), "--list", str(path)])
    if done.returncode != 0:
        raise DomainError(
            "{name} is not a readable PostgreSQL backup ({reason}).",
            name=path.name,
            reason=_last_line(done.stderr),
        )
    return done.stdout


def _check_dump(path: Path, name: str) -> None:
    """A dump is good when it lists Régie's tables and every data block reads back."""
    listing = _dump_listing(path)
    if not re.search(r"TABLE DATA \S+ alembic_version ", listing):
        raise DomainError("The backup {name} holds no Régie database; it was not kept.", name=name)
    done = _run([pg_tool("pg_restore"), "-f", os.devnull, str(path)])
    if done.returncode != 0:
        raise DomainError(
            "The backup {name} does not read back ({reason}); it was not kept.",
            name=name,
            reason=_last_line(done.stderr),
        )


def dump_revision(path: Path) -> str | None:
    """The schema revision recorded in a dump (its ``alembic_version`` row)."""
    done = _run(
        [pg_tool("pg_restore"), "--data-only", "--table=alembic_version", "-f", "-", str(path)]
    )
    lines = done.stdout.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and i + 1 < len(lines):
            value = lines[i + 1].strip()
            return value if value and value != "\\." else None
    return None


# --- restoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    """A restore done: from which file, the revision it had (and was migrated from when
    older), where the previous database was kept, and the check of the result."""

    source: Path
    revision: str
    migrated: bool
    kept_aside: Path | None
    target: str
    problems: list[str] = field(default_factory=list)


def kind_of_file(path: Path) -> str:
    """``sqlite`` or ``postgresql`` (a ``pg_dump -Fc`` archive) by the file's first bytes;
    anything else is refused with a sentence."""
    try:
        if not path.exists():
            raise DomainError("There is no file {path} to restore.", path=str(path))
        if path.is_dir():
            raise DomainError(
                "{path} is a folder: give the backup file to restore.", path=str(path)
            )
        with path.open("rb") as handle:
            head = handle.read(len(storage.MAGIC))
    except OSError as err:
        raise storage.os_problem(err) from err
    if head.startswith(PG_MAGIC):
        return POSTGRESQL
    if head == storage.MAGIC:
        return SQLITE
    raise DomainError(
        "{path} is not a Régie backup (neither an SQLite database nor a PostgreSQL dump); "
        "nothing was changed.",
        path=str(path),
    )


def restore(
    target: Path | str,
    source: Path,
    clock: Clock,
    check: Check,
    *,
    live: Database | None = None,
    after: Check | None = None,
) -> Restored:
    """Put the backup ``source`` in place of the database ``target`` (a file path, or a
    server URL), once ``check`` finds it intact; ``after`` (default ``check``) checks the
    database in place once replaced (the same content: a quick check is enough).
    ``live`` is the current database when it could be opened: its logged-in
    account must be allowed to restore, and its connections are closed first. A database
    that cannot be opened has no account to ask: whoever may write its file may replace
    it."""
    if live is not None:
        _require(live)
    source = Path(source).expanduser().absolute()
    kind = kind_of_file(source)
    server = isinstance(target, str)
    if server and kind == SQLITE:
        raise DomainError(
            "{path} is a backup of an SQLite file and the database is on a PostgreSQL server: "
            "copy it there with regie db copy --from {path} --to URL; nothing was changed.",
            path=str(source),
        )
    if not server and kind == POSTGRESQL:
        raise DomainError(
            "{path} is a backup of a PostgreSQL server database: restore it into an empty "
            "server database (REGIE_DB=URL regie restore {path}), then regie db copy to a file "
            "if needed; nothing was changed.",
            path=str(source),
        )
    if isinstance(target, str):
        return _restore_pg(target, source, check)
    return _restore_sqlite(Path(target), source, clock, check, live, after or check)


def _stamp(clock: Clock) -> str:
    return clock.now().astimezone(dt.UTC).strftime(STAMP)


def _file_revision(path: Path, shown: Path) -> str:
    """The revision recorded in an SQLite file, refusing one that is not Régie's."""
    try:
        conn = sqlite3.connect(path)
        try:
            found = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if found
                else None
            )
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise DomainError(
            "The backup {path} is damaged ({reason}); nothing was changed.",
            path=str(shown),
            reason=str(err),
        ) from err
    if row is None:
        raise DomainError(
            "{path} is an SQLite database but not a Régie one; nothing was changed.",
            path=str(shown),
        )
    return str(row[0])


def _restore_sqlite(
    target: Path, source: Path, clock: Clock, check: Check, live: Database | None, after: Check
) -> Restored:
    from app.core import migrate

    if not target.parent.is_dir():
        raise DomainError(
            "There is no folder {folder} for the database.", folder=str(target.parent)
        )
    if target.exists() and target.resolve() == source.resolve():
        raise DomainError("{path} is the database itself: choose a backup file.", path=str(source))
    work = Path(tempfile.mkdtemp(prefix=".regie-restore-", dir=target.parent))
    try:
        candidate = work / target.name
        make_private(candidate)
        try:
            shutil.copyfile(source, candidate)
            wal = source.with_name(source.name + "-wal")
            if wal.exists():
                make_private(candidate.with_name(candidate.name + "-wal"))
                shutil.copyfile(wal, candidate.with_name(candidate.name + "-wal"))
        except OSError as err:
            raise storage.os_problem(err) from err
        revision = _file_revision(candidate, source)
        if revision not in migrate.known_revisions():
            raise storage.too_new(source, revision)
        try:
            opened = migrate.open_database(candidate)
        except StorageError as err:
            raise DomainError(
                "The backup {path} cannot be opened ({problem}); nothing was changed.",
                path=str(source),
                problem=str(err),
            ) from err
        try:
            with opened.read() as uow:
                problems = check(uow)
        finally:
            opened.engine.dispose()
        if problems:
            raise DomainError(
                "The backup {path} is not intact ({problems}); nothing was changed.",
                path=str(source),
                problems="; ".join(problems[:5]),
            )
        aside = None
        if target.exists():
            if live is not None:
                live.engine.dispose()  # our own connections first: the pool reopens later
            aside = target.with_name(f"{target.name}.before-restore-{_stamp(clock)}")
            _keep_aside(target, aside)
            _replace(candidate, target)
        else:
            os.replace(candidate, target)
        return Restored(
            source=source,
            revision=revision,
            migrated=revision != migrate.HEAD,
            kept_aside=aside,
            target=str(target),
            problems=_check_target(target, after),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _keep_aside(target: Path, aside: Path) -> None:
    """An online copy of the current database; its files as they are when SQLite cannot
    read it (damaged): a restore never loses what was there."""
    make_private(aside)
    if _file_copy(target, aside):
        return
    try:
        shutil.copyfile(target, aside)
        for suffix in ("-wal",):
            companion = target.with_name(target.name + suffix)
            if companion.exists():
                make_private(aside.with_name(aside.name + suffix))
                shutil.copyfile(companion, aside.with_name(aside.name + suffix))
    except OSError as err:
        raise storage.os_problem(err) from err


def _file_copy(source: Path, target: Path) -> bool:
    """Copy the SQLite file ``source`` into ``target`` through the backup API (one
    transaction, waiting up to 30 s for a writer); False when SQLite cannot read the one or
    write the other (a damaged file), for the caller's fallback on the files themselves."""
    try:
        src = sqlite3.connect(source, timeout=30)
        try:
            out = sqlite3.connect(target, timeout=30)
            try:
                src.backup(out)
            finally:
                out.close()
        finally:
            src.close()
    except sqlite3.Error:
        return False
    return True


def _replace(candidate: Path, target: Path) -> None:
    """The restored content in place of the current one: through the backup API (one
    transaction, seen by other programs at their next one), or, when SQLite cannot write
    into the current file (damaged beyond that), by replacing the file itself."""
    if _file_copy(candidate, target):
        return
    os.replace(candidate, target)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            target.with_name(target.name + suffix).unlink()


def _check_target(target: Path | str, check: Check) -> list[str]:
    from app.core import migrate

    try:
        opened = migrate.open_database(target)
    except DomainError as err:
        return [str(err)]
    try:
        with opened.read() as uow:
            return check(uow)
    finally:
        opened.dispose()


def _restore_pg(url: str, source: Path, check: Check) -> Restored:
    from app.core import migrate
    from app.core.db import make_engine

    listing = _dump_listing(source)
    if not re.search(r"TABLE DATA \S+ alembic_version ", listing):
        raise DomainError("{path} holds no Régie database; nothing was changed.", path=str(source))
    revision = dump_revision(source) or ""
    if revision not in migrate.known_revisions():
        raise storage.too_new(source, revision or "?")
    engine = make_engine(url)
    try:
        tables = _tables(engine)
    finally:
        engine.dispose()
    if tables:
        from sqlalchemy.engine import make_url

        from app.core.paths import display_url

        # REGIE_DB wins over --db: the advice names the variable, so following it works
        empty = make_url(url).set(database="regie_restored", password=None)
        raise DomainError(
            "The server database {url} is not empty ({count} tables): a restore goes into an "
            "empty database, never over one. Create one (createdb regie_restored), restore "
            "into it with REGIE_DB={empty} regie restore {path}, then point the workstations "
            "at it; the current database stays as it is. Nothing was changed.",
            url=display_url(url),
            count=len(tables),
            empty=empty.render_as_string(hide_password=False),
            path=str(source),
        )
    conninfo, env = libpq_target(url)
    done = _run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "-d",
            conninfo,
            str(source),
        ],
        env,
    )
    if done.returncode != 0:
        raise DomainError(
            "pg_restore could not restore {path} ({reason}); nothing was changed.",
            path=str(source),
            reason=_last_line(done.stderr),
        )
    problems = _check_target(url, check)
    if problems:
        _empty(url)
        raise DomainError(
            "The backup {path} is not intact ({problems}); the server database was emptied "
            "again: nothing was changed.",
            path=str(source),
            problems="; ".join(problems[:5]),
        )
    return Restored(source, revision, revision != migrate.HEAD, None, url, [])


def _tables(engine: Any) -> list[str]:
    with engine.connect() as conn:
        return _table_names(conn)


def _table_names(conn: Any) -> list[str]:
    from sqlalchemy import text

    rows = conn.execute(
        text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
    )
    return [str(r[0]) for r in rows]


def _empty(url: str) -> None:
    """Drop what a failed restore put into a database that was empty before it."""
    from sqlalchemy import text

    from app.core.db import make_engine

    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for table in _table_names(conn):
                conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
            types = conn.execute(
                text(
                    "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    "WHERE n.nspname = current_schema() AND t.typtype = 'e'"
                )
            )
            for (name,) in list(types):
                conn.execute(text(f'DROP TYPE IF EXISTS "{name}" CASCADE'))
            conn.execute(text("DROP FUNCTION IF EXISTS regie_refuse() CASCADE"))
    finally:
        engine.dispose()
