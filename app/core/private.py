"""Files only their owner may read: the SQLite database, its ``-wal``/``-shm`` and journals,
and every backup (customers' details, the cooperative's IBAN).

SQLite creates a database file with the process's umask (0644 usually) but gives its
``-wal``, ``-shm`` and journal files the permissions of the database file itself; so
creating the database file empty with mode 0600 before SQLite first opens it is enough
(an empty file is a new database to SQLite). ``make_private`` does that, and takes the group
and others' permissions away from an existing database of ours and its companions (a
database created by an earlier Régie with 0644). On Windows files are private to their
user's profile already: nothing is changed there.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

#: What SQLite writes beside a database file.
COMPANIONS = ("-wal", "-shm", "-journal")
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def _posix() -> bool:
    return os.name == "posix"


def create_private(path: Path) -> bool:
    """Create ``path`` empty with mode 0600 if it does not exist; True when it was created."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(handle)
    return True


def restrict(path: Path) -> None:
    """Take the group's and others' permissions away from ``path`` if we own it (a file
    someone else owns, or one that vanished meanwhile, is left as it is)."""
    if not _posix():
        return
    with contextlib.suppress(OSError):
        info = path.stat()
        if info.st_uid != os.getuid() or not stat.S_ISREG(info.st_mode):
            return
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def make_private(path: Path | str) -> None:
    """Before SQLite opens the database file ``path``: create it empty with mode 0600 when
    it does not exist yet, else make it and its ``-wal``/``-shm``/journal private to their
    owner. A folder, a missing folder or a file of another user is left alone (opening
    then says what is wrong)."""
    path = Path(path)
    if not path.parent.is_dir() or path.is_dir():
        return
    if _posix() and create_private(path):
        return
    restrict(path)
    for suffix in COMPANIONS:
        restrict(path.with_name(path.name + suffix))


def private_folder(path: Path) -> None:
    """Create the folder ``path`` (and its parents) readable by its owner only when it does
    not exist; an existing folder keeps its permissions (a USB disk, a NAS share)."""
    if path.is_dir():
        return
    path.mkdir(parents=True, exist_ok=True)
    if _posix():
        with contextlib.suppress(OSError):
            path.chmod(PRIVATE_FOLDER)
