"""What went wrong with the database file, its folder or the disk, in a sentence.

SQLite and the operating system report failures as codes ("database is locked", "attempt
to write a readonly database", ENOSPC...). ``problem(err, path)`` turns them into a
``StorageError`` a person can act on, or returns None for anything else (a bug stays a
bug). ``check_header`` refuses a file that is not a database or was cut short before SQLite
touches it, and ``holders`` names the programs holding the database's write lock (Linux:
``/proc/locks``, else every process that has the file open).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from app.core.errors import N_, StorageError

#: The server's own (English) words go to the log only; people read our sentences.
LOG = logging.getLogger("regie.storage")

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

# SQLite result codes (the primary code is the low byte of an extended code).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Byte offsets SQLite's unix VFS locks: in the ``-shm`` file (WAL mode), the write lock is
# byte 120; in the database file (rollback journal), RESERVED/PENDING/EXCLUSIVE live in
# the "pending byte" page at 1 GiB.
WAL_WRITE_LOCK = 120
PENDING_BYTE = 0x40000000

_TEXT_CODES = (
    ("database is locked", SQLITE_BUSY),
    ("database table is locked", SQLITE_LOCKED),
    ("readonly database", SQLITE_READONLY),
    ("disk i/o error", SQLITE_IOERR),
    ("malformed", SQLITE_CORRUPT),
    ("database or disk is full", SQLITE_FULL),
    ("unable to open database file", SQLITE_CANTOPEN),
    ("file is not a database", SQLITE_NOTADB),
)


def sqlite_code(err: BaseException) -> int | None:
    """The primary SQLite result code of ``err`` (a sqlite3 error or SQLAlchemy's wrapper)."""
    orig = getattr(err, "orig", None) or err
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(orig).lower()
    for fragment, value in _TEXT_CODES:
        if fragment in text:
            return value
    return None


def is_busy(err: BaseException) -> bool:
    return sqlite_code(err) in (SQLITE_BUSY, SQLITE_LOCKED)


# --- the file itself ----------------------------------------------------------------------


def check_header(path: Path) -> None:
    """Refuse a file that is not an SQLite database, or was cut short, before opening it.

    An empty file is a new database (SQLite's rule; ``mktemp`` makes those)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as err:
        raise os_problem(err) from err
    if size == 0 or path.is_dir():
        if path.is_dir():
            raise StorageError(
                N_("{path} is a folder, not a database file: give the path of a file."),
                path=str(path),
            )
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as err:
        raise os_problem(err) from err
    if not header.startswith(MAGIC[: min(len(header), len(MAGIC))]):
        raise StorageError(
            N_(
                "The file {path} is not a Régie database (it is not an SQLite database at all). "
                "Check the path, or restore the database from a backup: regie restore FILE "
                "(or File → Backups…)."
            ),
            path=str(path),
        )
    if len(header) < HEADER_SIZE:
        raise _truncated(path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    wal_has_frames = wal.exists() and wal.stat().st_size > 32
    if page_size < 512 or size % page_size:
        raise _truncated(path)
    if counter_valid and pages and size < pages * page_size and not wal_has_frames:
        raise _truncated(path)


def _truncated(path: Path) -> StorageError:
    return StorageError(
        N_(
            "The database {path} is incomplete: the file was cut short (an interrupted copy or "
            "download?). Nothing was changed; use the complete file, or restore a backup: "
            "regie restore FILE (or File → Backups…)."
        ),
        path=str(path),
    )


def damaged(path: Path | None) -> StorageError:
    return StorageError(
        N_(
            "The database {path} is damaged (its content is malformed). Nothing was changed; "
            "restore a backup: regie restore FILE (or File → Backups…) puts back one of the "
            "backups folder's copies (the .bak files beside the database are copies made "
            "before each upgrade)."
        ),
        path=_name(path),
    )


def too_new(path: Path | str, revision: str) -> StorageError:
    return StorageError(
        N_(
            "The database {path} was written by a newer version of Régie (schema {revision}). "
            "Install that version to open it; nothing was changed."
        ),
        path=str(path),
        revision=revision,
    )


# --- who holds the lock ------------------------------------------------------------------


def holders(path: Path) -> list[tuple[int, str]]:
    """Other processes holding the database's write lock: ``[(pid, name)]``.

    Linux only (``/proc``); elsewhere, or when nothing is found, an empty list. When the
    lock table names nobody, every other process that has the file open is listed."""
    if not Path("/proc/self").is_dir():  # not Linux: nobody to name
        return []
    own = os.getpid()
    pids = [pid for pid in _lock_owners(path) if pid != own]
    if not pids:
        pids = [pid for pid in _openers(path) if pid != own]
    return [(pid, _process_name(pid)) for pid in sorted(set(pids))]


def describe_holders(found: list[tuple[int, str]]) -> str:
    return ", ".join(f"{name} (pid {pid})" for pid, name in found)


def _file_id(path: Path) -> str | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"


def _lock_owners(path: Path) -> list[int]:
    shm = _file_id(path.with_name(path.name + "-shm"))
    main = _file_id(path)
    try:
        table = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    owners = []
    for line in table:
        parts = line.split()
        if "->" in parts:  # a process waiting for a lock, not holding it
            continue
        try:
            kind, pid, file_id, start = parts[3], int(parts[4]), parts[5], parts[6]
            first = int(start)
        except (IndexError, ValueError):
            continue
        if kind != "WRITE":
            continue
        wal_writer = file_id == shm and first == WAL_WRITE_LOCK
        journal_writer = file_id == main and PENDING_BYTE <= first <= PENDING_BYTE + 2
        if wal_writer or journal_writer:
            owners.append(pid)
    return owners


def _openers(path: Path) -> list[int]:
    targets = set()
    for suffix in ("", "-wal", "-shm"):
        try:
            targets.add(str(Path(str(path) + suffix).resolve()))
        except OSError:
            continue
    found = []
    try:
        entries = list(Path("/proc").iterdir())
    except OSError:
        return []
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) in targets:
                    found.append(int(entry.name))
                    break
        except OSError:
            continue
    return found


def _process_name(pid: int) -> str:
    """What people would call the program: ``regie desk``, ``sqlitebrowser``, ``python3``."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\x00")
    except OSError:
        argv = []
    words = [os.fsdecode(a) for a in argv if a]
    if not words:
        try:
            return Path(f"/proc/{pid}/comm").read_text().strip() or "?"
        except OSError:
            return "?"
    program, rest = Path(words[0]).name, words[1:]
    if program.startswith("python") and rest and rest[0] == "-m" and len(rest) > 1:
        program, rest = rest[1], rest[2:]  # python -m app → "app"
    elif program.startswith("python") and rest and not rest[0].startswith("-"):
        program, rest = Path(rest[0]).name, rest[1:]  # a script: its name
    if program in ("regie", "app") and rest and not rest[0].startswith("-"):
        return f"regie {rest[0]}"  # regie desk, regie scan...
    return "regie" if program == "app" else program


# --- translating failures ----------------------------------------------------------------


def busy(path: Path | None, seconds: float | None = None) -> StorageError:
    """The database's write lock stayed taken (for ``seconds`` when the wait is known)."""
    return _passing(_busy(path, seconds))


def _busy(path: Path | None, seconds: float | None = None) -> StorageError:
    found = holders(path) if path is not None else []
    if found and seconds is not None:
        return StorageError(
            N_(
                "The database is still busy after {seconds} s: {holders} is writing to it. "
                "Nothing was changed; try again when it has finished (or close it)."
            ),
            seconds=f"{seconds:g}",
            holders=describe_holders(found),
        )
    if found:
        return StorageError(
            N_(
                "The database is busy: {holders} is writing to it. Nothing was changed; try "
                "again when it has finished (or close it)."
            ),
            holders=describe_holders(found),
        )
    if seconds is not None:
        return StorageError(
            N_(
                "The database is still busy after {seconds} s: another program is writing to "
                "it. Nothing was changed; try again when it has finished."
            ),
            seconds=f"{seconds:g}",
        )
    return StorageError(
        N_(
            "The database is busy: another program is writing to it. Nothing was changed; try "
            "again when it has finished."
        )
    )


def problem(err: BaseException, path: Path | None) -> StorageError | None:
    """The sentence for a failure of the database file, its folder or the disk; None when
    ``err`` is something else."""
    if isinstance(err, StorageError):
        return err
    if isinstance(err, OSError):
        return os_problem(err)
    code = sqlite_code(err)
    if code is None:
        return None
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return busy(path)
    if code == SQLITE_READONLY:
        return read_only(path)
    if code == SQLITE_CANTOPEN:
        if path is not None and not _writable(path.parent):
            return read_only(path)
        return StorageError(
            N_(
                "Régie cannot open the database {path}: check that the file and its folder "
                "exist and that you may read and write them."
            ),
            path=_name(path),
        )
    if code == SQLITE_FULL:
        return disk_full(path)
    if code == SQLITE_CORRUPT:
        if path is not None:
            try:
                check_header(path)
            except StorageError as cut:
                return cut
        return damaged(path)
    if code == SQLITE_NOTADB:
        if path is not None:
            try:
                check_header(path)
            except StorageError as bad:
                return bad
        return damaged(path)
    if code == SQLITE_IOERR:
        if _full(path):
            return disk_full(path)
        return StorageError(
            N_(
                "Régie could not read or write the database {path}: the disk reported an error "
                "({error}). Nothing was changed; check the disk, then try again."
            ),
            path=_name(path),
            error=str(getattr(err, "orig", err)),
        )
    return None


def read_only(path: Path | None) -> StorageError:
    if path is not None and _read_only_disk(path):
        return StorageError(
            N_(
                "The database {path} is on a read-only disk: Régie can show it but not save "
                "changes. Copy it to a disk you can write on."
            ),
            path=str(path),
        )
    if path is not None and path.exists() and not _writable(path):
        return StorageError(
            N_(
                "The database {path} is read-only: Régie can show it but not save changes. "
                "Allow writing to the file (its permissions) or copy it somewhere you can write."
            ),
            path=str(path),
        )
    if path is not None and not _writable(path.parent):
        return StorageError(
            N_(
                "Régie cannot write in the folder {folder} that holds the database (it is "
                "read-only). Allow writing to the folder, or move the database to one you can "
                "write in."
            ),
            folder=str(path.absolute().parent),
        )
    return StorageError(
        N_("The database {path} is read-only: Régie can show it but not save changes."),
        path=_name(path),
    )


def disk_full(path: Path | None) -> StorageError:
    return StorageError(
        N_(
            "The disk that holds the database {path} is full: Régie cannot work with it until "
            "some space is freed. Nothing was changed."
        ),
        path=_name(path),
    )


def os_problem(err: OSError, default: str = "") -> StorageError:
    """An operating system refusal about a file (an output, an input, the database);
    ``default`` names the file when the error does not (a failed ``write()``)."""
    name = err.filename if err.filename is not None else ""
    path = os.fsdecode(name) if isinstance(name, (str, bytes)) else str(name)
    path = path or default
    code = err.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        if not path:
            return StorageError(
                N_("The disk is full. Nothing was changed; free some space, then try again.")
            )
        return StorageError(
            N_(
                "The disk is full: Régie could not write {path}. Nothing was changed; free some "
                "space, then try again."
            ),
            path=path,
        )
    if code == errno.EROFS:
        return StorageError(
            N_("{path} is on a read-only disk: Régie cannot write there."), path=path or "?"
        )
    if code in (errno.EACCES, errno.EPERM):
        return StorageError(
            N_(
                "Permission denied: Régie may not use {path}. Check the permissions of the "
                "file and its folder."
            ),
            path=path or "?",
        )
    if code == errno.EISDIR:
        return StorageError(N_("{path} is a folder, not a file."), path=path or "?")
    if code == errno.ENOENT:
        return StorageError(N_("{path} does not exist."), path=path or "?")
    if code == errno.ENOTDIR:
        return StorageError(
            N_("{path}: part of this path is a file, not a folder."), path=path or "?"
        )
    if not path:
        return StorageError(
            N_("The system refused: {reason}. Nothing was changed."), reason=os_reason(err)
        )
    return StorageError(
        N_("Régie could not use {path}: {reason}."), path=path, reason=os_reason(err)
    )


#: What the operating system refused, in our words (``os_reason``), by errno name
#: (some are missing on Windows).
_REASON_NAMES = {
    "ENOENT": N_("the file does not exist"),
    "EACCES": N_("access denied"),
    "EPERM": N_("access denied"),
    "ENOSPC": N_("the disk is full"),
    "EDQUOT": N_("the disk quota is used up"),
    "EISDIR": N_("it is a folder, not a file"),
    "ENOTDIR": N_("part of the path is a file, not a folder"),
    "EROFS": N_("the disk is read-only"),
    "EEXIST": N_("the file already exists"),
    "ENAMETOOLONG": N_("the name is too long"),
    "EBUSY": N_("the file is in use by another program"),
    "ETXTBSY": N_("the file is in use by another program"),
    "EMFILE": N_("too many files are open"),
    "ENFILE": N_("too many files are open"),
    "EIO": N_("the disk could not be read or written (input/output error)"),
    "ELOOP": N_("too many symbolic links in the path"),
    "EINVAL": N_("the name is not valid here"),
}
_REASONS = {
    getattr(errno, name): text for name, text in _REASON_NAMES.items() if hasattr(errno, name)
}


def os_reason(err: OSError) -> StorageError:
    """Why the operating system refused, as a phrase for a sentence's ``{reason}``: our own
    words per errno (the file does not exist, access denied, the disk is full…), else the
    system's (``strerror``). A ``StorageError`` so that ``app.i18n.message`` translates it
    where it is shown: ``message(os_reason(err))``, or as a parameter of another message."""
    template = _REASONS.get(err.errno) if err.errno is not None else None
    if template is not None:
        return StorageError(template)
    return StorageError(N_("the system says: {reason}"), reason=err.strerror or str(err))


def _name(path: Path | None) -> str:
    return str(path) if path is not None else "?"


def _writable(path: Path) -> bool:
    try:
        return os.access(path, os.W_OK)
    except OSError:
        return False


def _read_only_disk(path: Path) -> bool:
    probe = path if path.exists() else path.parent
    try:
        return bool(os.statvfs(probe).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        return False


def _full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        st = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


# --- a PostgreSQL server -----------------------------------------------------------------

#: SQLSTATEs Régie names (PostgreSQL's appendix A).
PG_LOCK_NOT_AVAILABLE = "55P03"
PG_INVALID_PASSWORD = "28P01"
PG_INVALID_AUTHORIZATION = "28000"
PG_UNKNOWN_DATABASE = "3D000"
PG_ADMIN_SHUTDOWN = "57P01"
PG_CRASH_SHUTDOWN = "57P02"
PG_CANNOT_CONNECT_NOW = "57P03"
PG_DISK_FULL = "53100"
PG_OUT_OF_MEMORY = "53200"
PG_TOO_MANY_CONNECTIONS = "53300"
PG_READ_ONLY_TRANSACTION = "25006"
PG_INSUFFICIENT_PRIVILEGE = "42501"


def application_name() -> str:
    """What this process calls itself on the server (``pg_stat_activity``), so a busy
    write lock names who holds it: "regie desk on magasin"."""
    import socket

    program = _process_name(os.getpid())
    try:
        host = socket.gethostname().split(".")[0]
    except OSError:
        host = ""
    name = f"{program} on {host}" if host else program
    return name[:63]


def is_pg_error(err: BaseException) -> bool:
    orig = getattr(err, "orig", None) or err
    return type(orig).__module__.split(".")[0] == "psycopg"


def pg_sqlstate(err: BaseException) -> str | None:
    orig = getattr(err, "orig", None) or err
    state = getattr(orig, "sqlstate", None)
    return state if isinstance(state, str) else None


def server_name(url: str | None) -> str:
    """The server as people name it: ``host:port/database`` (a local socket: its folder)."""
    if not url:  # the server this process was told to use (REGIE_DB, the chosen one)
        from app.core import paths

        try:
            told = paths.resolve_db(None)
        except Exception:  # noqa: BLE001 - naming the server is a courtesy
            told = None
        if not isinstance(told, str):
            return "?"
        url = told
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - shown as given
        return url
    host = parsed.host or str(parsed.query.get("host", "") or "") or "localhost"
    port = parsed.port or parsed.query.get("port") or 5432
    database = parsed.database or ""
    user = f"{parsed.username}@" if parsed.username else ""
    return f"{user}{host}:{port}/{database}"


def pg_holders(raw: Any, key: int) -> list[str]:
    """The programs holding the advisory lock ``key`` (their ``application_name``)."""
    try:
        rows = raw.execute(
            "SELECT DISTINCT a.application_name, a.pid FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND a.pid <> pg_backend_pid() "
            "AND (l.classid::bigint << 32 | l.objid::bigint) = %s",
            (key,),
        ).fetchall()
    except Exception:  # noqa: BLE001 - naming the holder is a courtesy
        return []
    return [f"{name or 'a program'} (server pid {pid})" for name, pid in rows]


def transient(err: BaseException) -> bool:
    """Is ``err`` a passing problem, worth retrying as it is (connection lost, server down,
    unreachable or starting up, too many connections, the write lock still taken)? False
    for a lasting one (wrong password, no such database, disk full, read-only, damaged) and
    for anything that is not a storage problem. Takes a ``StorageError`` made here or the
    raw driver/SQLAlchemy error."""
    if isinstance(err, StorageError):
        return isinstance(err, PassingStorageError)
    found = pg_problem(err, None) if is_pg_error(err) else problem(err, None)
    return isinstance(found, PassingStorageError)


class PassingStorageError(StorageError):
    """A storage problem that passes by itself (``transient``): retrying later may work."""


def _passing(error: StorageError) -> StorageError:
    """``error`` as a passing problem (``transient``)."""
    return PassingStorageError(error.template, **error.params)


def pg_busy(url: str | None, seconds: float | None, found: list[str]) -> StorageError:
    """The server's write lock stayed taken for ``seconds``."""
    return _passing(_pg_busy(url, seconds, found))


def _pg_busy(url: str | None, seconds: float | None, found: list[str]) -> StorageError:
    if found:
        return StorageError(
            N_(
                "The database {server} is still busy after {seconds} s: {holders} is writing "
                "to it. Nothing was changed; try again when it has finished."
            ),
            server=server_name(url),
            seconds=f"{seconds or 0:g}",
            holders=", ".join(found),
        )
    return StorageError(
        N_(
            "The database {server} is still busy after {seconds} s: another workstation is "
            "writing to it. Nothing was changed; try again when it has finished."
        ),
        server=server_name(url),
        seconds=f"{seconds or 0:g}",
    )


def pg_problem(err: BaseException, url: str | None) -> StorageError | None:
    """The sentence for a failure of the PostgreSQL server or the connection to it; None
    when ``err`` is something else (a bug, a constraint: not the server's fault)."""
    if isinstance(err, StorageError):
        return err
    if not is_pg_error(err):
        if isinstance(err, OSError):
            return os_problem(err)
        return None
    import psycopg

    orig = getattr(err, "orig", None) or err
    state = pg_sqlstate(err) or ""
    text = str(orig).strip()
    lowered = text.lower()
    server = server_name(url)
    LOG.info("PostgreSQL %s (%s): %s", server, state or type(orig).__name__, text)
    if state in (PG_INVALID_PASSWORD, PG_INVALID_AUTHORIZATION) or (
        "authentication failed" in lowered or "no password supplied" in lowered
    ):
        return StorageError(
            N_(
                "The PostgreSQL server {server} refused the connection: wrong user name or "
                "password. Check the user and password of the database connection."
            ),
            server=server,
        )
    if "no pg_hba.conf entry" in lowered:
        return StorageError(
            N_(
                "The PostgreSQL server {server} does not allow this workstation to connect "
                "(no pg_hba.conf entry for it). Ask the server's administrator to allow it."
            ),
            server=server,
        )
    if state == PG_UNKNOWN_DATABASE or ("database" in lowered and "does not exist" in lowered):
        return StorageError(
            N_(
                "The PostgreSQL server {server} has no database of that name. Check the "
                "database name, or create it (createdb) first."
            ),
            server=server,
        )
    if state == PG_LOCK_NOT_AVAILABLE:
        return pg_busy(url, None, [])
    if state == PG_DISK_FULL:
        return StorageError(
            N_(
                "The disk of the PostgreSQL server {server} is full. Nothing was changed; ask "
                "the server's administrator to free some space."
            ),
            server=server,
        )
    if state == PG_TOO_MANY_CONNECTIONS:
        return _passing(
            StorageError(
                N_(
                    "The PostgreSQL server {server} accepts no more connections (too many "
                    "clients). Close a workstation or try again in a moment."
                ),
                server=server,
            )
        )
    if state in (PG_READ_ONLY_TRANSACTION, PG_INSUFFICIENT_PRIVILEGE):
        return StorageError(
            N_(
                "The PostgreSQL server {server} refused to save: the database user may not "
                "write there. Nothing was changed; the server's words are in the log."
            ),
            server=server,
        )
    lost = state in (PG_ADMIN_SHUTDOWN, PG_CRASH_SHUTDOWN) or state.startswith("08")
    if lost or (
        isinstance(orig, psycopg.OperationalError)
        and any(
            fragment in lowered
            for fragment in (
                "server closed the connection",
                "terminating connection",
                "connection is closed",
                "consuming input failed",
                "connection is lost",
                "the connection is closed",
                "ssl syscall",
                "eof detected",
            )
        )
    ):
        return lost_connection(url)
    if state == PG_CANNOT_CONNECT_NOW:
        return _passing(
            StorageError(
                N_(
                    "The PostgreSQL server {server} is starting up or shutting down. Try again "
                    "in a moment."
                ),
                server=server,
            )
        )
    if isinstance(orig, psycopg.OperationalError):
        return _passing(_unreachable(server, lowered))
    if isinstance(orig, psycopg.InterfaceError):
        return lost_connection(url)
    return None


def lost_connection(url: str | None) -> StorageError:
    """The connection broke (server restarted, network dropped): the transaction it carried
    was rolled back by the server, so nothing of it was saved."""
    return _passing(
        StorageError(
            N_(
                "The connection to the PostgreSQL server {server} was lost. Nothing was "
                "saved from the interrupted change; check the network and the server, then "
                "try again."
            ),
            server=server_name(url),
        )
    )


def _unreachable(server: str, lowered: str) -> StorageError:
    """The server could not be reached, said in our words from the driver's (``lowered``,
    which the log keeps)."""
    if "connection refused" in lowered or "no such file" in lowered:
        return StorageError(
            N_(
                "Régie cannot reach the PostgreSQL server {server}: nothing answers at that "
                "address and port. Check that the server is running and that its address "
                "and port are right."
            ),
            server=server,
        )
    if "timeout" in lowered or "timed out" in lowered:
        return StorageError(
            N_(
                "Régie cannot reach the PostgreSQL server {server}: it does not answer "
                "(timeout). Check the network and that the server is running."
            ),
            server=server,
        )
    if "translate host name" in lowered or "name or service not known" in lowered:
        return StorageError(
            N_(
                "Régie cannot reach the PostgreSQL server {server}: that host name is "
                "unknown. Check the server's address."
            ),
            server=server,
        )
    return StorageError(
        N_(
            "Régie cannot reach the PostgreSQL server {server}. Check that the server is "
            "running and that its address and port are right; the server's words are in "
            "the log."
        ),
        server=server,
    )
