"""The installed ``regie`` never shows a traceback: each way a command can fail for reasons
outside Régie (a bad ``--out``, a closed pipe, bytes that are not UTF-8, a year-9999 date,
a database locked by another program, read-only, not a database, cut short, damaged, from
a newer Régie, a full disk) ends with one sentence on stderr, exit status 1 (2 for a
malformed argument), and the database file byte for byte as it was.

These tests run the console script in real processes, as people and scripts do."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REGIE = shutil.which("regie")
pytestmark = pytest.mark.skipif(REGIE is None, reason="the regie console script is not installed")
ROOT = os.geteuid() == 0


@pytest.fixture
def env(db_path: Path, tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    values.update(
        REGIE_DB=str(db_path),
        REGIE_LANG="en",
        REGIE_BUSY_TIMEOUT="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    return values


def regie(env: dict[str, str], *args: str | bytes, **kw) -> subprocess.CompletedProcess:
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([REGIE, *args], env=env, timeout=120, check=False, **kw)


def snapshot(path: Path) -> str:
    """The database's bytes (and its write-ahead log's, if one is left)."""
    digest = hashlib.sha256()
    for part in (path, Path(f"{path}-wal")):
        if part.exists() and not part.is_dir():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def one_line(result: subprocess.CompletedProcess) -> str:
    """stderr holds exactly one line and no traceback; that line."""
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable, even for root (the immutable attribute)."""
    if ROOT:
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if made.returncode != 0:
            pytest.skip("cannot make a file read-only for root here (chattr)")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=False)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


# --- output places, refused before anything is written ------------------------------------


def test_an_out_that_is_a_folder_is_refused(env, db_path, tmp_path):
    before = snapshot(db_path)
    result = regie(env, "invoice", "R-2026-0001", "--out", str(tmp_path))
    assert result.returncode == 1
    assert one_line(result) == (
        f"{tmp_path} is a folder: give the name of a file to write (in that folder, say)."
    )
    assert snapshot(db_path) == before


def test_an_out_in_a_missing_folder_is_refused(env, db_path, tmp_path):
    before = snapshot(db_path)
    result = regie(env, "picklist", "R-2026-0001", "--out", str(tmp_path / "nope" / "p.pdf"))
    assert result.returncode == 1
    assert one_line(result) == f"The folder {tmp_path / 'nope'} does not exist."
    assert snapshot(db_path) == before


def test_an_out_where_nobody_may_write_is_refused(env, db_path, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    before = snapshot(db_path)
    with read_only(folder):
        result = regie(env, "labels", "--out", str(folder / "labels.pdf"))
    assert result.returncode == 1
    assert one_line(result) == (
        f"Régie may not write in the folder {folder}: choose another place."
    )
    assert list(folder.iterdir()) == [] and snapshot(db_path) == before


def test_statements_out_must_be_a_folder(env, db_path, tmp_path):
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    result = regie(env, "statements", "--month", "2026-10", "--out", str(afile))
    assert result.returncode == 1
    assert one_line(result) == f"{afile} is a file, not a folder: give a folder for --out."
    assert afile.read_text() == "x"


def test_items_export_to_a_folder_is_refused(env, tmp_path):
    result = regie(env, "items", "export", str(tmp_path))
    assert result.returncode == 1
    assert "is a folder" in one_line(result)


def test_an_out_under_a_file_or_over_a_read_only_file_is_refused(tmp_path):
    from app.cli.output import check_output
    from app.core.errors import DomainError

    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    with pytest.raises(DomainError, match="part of this path is a file, not a folder"):
        check_output(str(afile / "devis.pdf"))
    with read_only(afile), pytest.raises(DomainError, match="cannot be overwritten"):
        check_output(str(afile))
    check_output(str(tmp_path / "devis.pdf"))  # a new file in a folder one may write in
    check_output(str(tmp_path / "new" / "folder"), folder=True)  # statements creates it


# --- the terminal --------------------------------------------------------------------------


def test_a_closed_pipe_ends_quietly(env):
    read_end, write_end = os.pipe()
    os.close(read_end)  # `regie ... | head -1` once head has what it wants
    try:
        result = regie(env, "customers", "list", "--json", stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == 1


def test_a_pipe_closed_by_head_leaves_no_noise(env, db_path):
    shell = f"{REGIE} items list --json | head -c 1"
    result = subprocess.run(
        ["sh", "-c", shell], env=env, capture_output=True, timeout=120, check=False
    )
    assert result.stdout == b"["
    assert result.stderr == b""


def test_an_argument_that_is_not_utf8_is_a_usage_error(env, db_path):
    before = snapshot(db_path)
    result = regie(env, b"customers", b"list", b"--search", b"caf\xe9")
    assert result.returncode == 2
    assert one_line(result) == r"regie: error: argument caf\xe9 is not valid UTF-8 text."
    assert snapshot(db_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("shortages", "--from", "9999-12-30T10:00", "--to", "9999-12-31T23:59"),
        ("report", "revenue", "--from", "9999-12-01", "--to", "9999-12-31", "--format", "json"),
        ("statements", "--month", "9999-12", "--out", "{tmp}"),
        ("bookings", "list", "--from", "9999-12-31T10:00", "--to", "9999-12-31T23:00"),
    ],
    ids=["shortages", "report", "statements", "bookings-list"],
)
def test_a_year_9999_date_is_a_sentence(env, db_path, tmp_path, args):
    before = snapshot(db_path)
    result = regie(env, *[a.format(tmp=tmp_path / "st") for a in args])
    err = result.stderr.decode()
    assert "Traceback" not in err and "OverflowError" not in err
    if result.returncode != 0:  # a refusal: one sentence
        assert result.returncode in (1, 2)
        one_line(result)
    assert snapshot(db_path) == before


# --- the database file ---------------------------------------------------------------------

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen]:
    """Another program holding the database's write lock until the test ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    proc.stdout.close()


def test_a_locked_database_waits_visibly_then_names_who_holds_it(env, db_path, holder):
    before = snapshot(db_path)
    result = regie(env, "customers", "add", "--name", "Compagnie du Rocher")
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "Traceback" not in err
    waiting, refusal = err.splitlines()
    who = f"{Path(sys.executable).name} (pid {holder.pid})"  # the program holding the lock
    assert waiting == f"The database is busy ({who} is writing to it) — waiting…"
    assert refusal.startswith(f"The database is still busy after 1 s: {who} is writing to it.")
    assert snapshot(db_path) == before


def test_reading_needs_no_write_lock(env, holder):
    result = regie(env, "customers", "list", "--json")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == "[]"
    assert result.stderr == b""


def test_a_read_only_database_can_be_read_not_written(env, db_path):
    before = snapshot(db_path)
    with read_only(db_path):
        shown = regie(env, "customers", "list", "--json")
        refused = regie(env, "customers", "add", "--name", "Compagnie du Rocher")
    assert shown.returncode == 0 and shown.stderr == b""
    assert refused.returncode == 1
    assert one_line(refused).startswith(
        f"The database {db_path} is read-only: Régie can show it but not save changes."
    )
    assert snapshot(db_path) == before


def test_a_database_in_a_read_only_folder(env, db_path, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "regie.db"
    shutil.copy(db_path, db)
    env["REGIE_DB"] = str(db)
    before = snapshot(db)
    with read_only(folder):
        result = regie(env, "customers", "add", "--name", "Compagnie du Rocher")
    assert result.returncode == 1
    assert one_line(result).startswith(
        f"Régie cannot write in the folder {folder} that holds the database"
    )
    assert snapshot(db) == before


def test_a_file_that_is_not_a_database(env, tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("Liste des courses : gélatine, gaffer\n")
    env["REGIE_DB"] = str(text)
    result = regie(env, "customers", "list")
    assert result.returncode == 1
    assert one_line(result).startswith(f"The file {text} is not a Régie database")
    assert text.read_text() == "Liste des courses : gélatine, gaffer\n"


def test_a_truncated_database(env, db_path, tmp_path):
    cut = tmp_path / "cut.db"
    cut.write_bytes(db_path.read_bytes()[:50_000])  # an interrupted copy
    env["REGIE_DB"] = str(cut)
    before = snapshot(cut)
    result = regie(env, "customers", "list")
    assert result.returncode == 1
    assert one_line(result).startswith(f"The database {cut} is incomplete: the file was cut short")
    assert snapshot(cut) == before


def test_a_damaged_database(env, db_path):
    with db_path.open("r+b") as handle:  # the first page's b-tree header: garbage
        handle.seek(100)
        handle.write(b"\xff" * 12)
    before = snapshot(db_path)
    result = regie(env, "customers", "list")
    assert result.returncode == 1
    assert one_line(result).startswith(f"The database {db_path} is damaged")
    assert snapshot(db_path) == before


def test_a_database_from_a_newer_regie(env, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '0042_from_the_future'")
    conn.commit()
    conn.close()
    before = snapshot(db_path)
    result = regie(env, "customers", "list")
    assert result.returncode == 1
    assert one_line(result) == (
        f"The database {db_path} was written by a newer version of Régie (schema "
        "0042_from_the_future). Install that version to open it; nothing was changed."
    )
    assert snapshot(db_path) == before
    assert not list(db_path.parent.glob("*.bak"))  # not even a backup copy was attempted


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB disk of its own (tmpfs; needs root), unmounted at the end."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small disk here (tests/core covers SQLITE_FULL in-process)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    with (disk / "filler").open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()


def test_a_full_disk_under_the_database(env, db_path, small_disk):
    db = small_disk / "regie.db"
    shutil.copy(db_path, db)
    env["REGIE_DB"] = str(db)
    assert regie(env, "customers", "list").returncode == 0  # its -wal and -shm exist now
    _fill(small_disk)
    before = snapshot(db)
    result = regie(env, "customers", "add", "--name", "Compagnie du Rocher")
    assert result.returncode == 1
    assert "is full" in one_line(result)
    assert snapshot(db) == before


def test_a_full_disk_under_the_output(env, db_path, small_disk):
    _fill(small_disk)
    before = snapshot(db_path)
    result = regie(env, "items", "export", str(small_disk / "catalogue.csv"))
    assert result.returncode == 1
    line = one_line(result)
    assert "No space left" in line or "disk is full" in line
    assert snapshot(db_path) == before


def test_a_usage_error_is_one_line(capsys):
    from app.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["bookings", "frobnicate"])
    assert stopped.value.code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("regie bookings: error: argument ACTION: invalid choice: 'frobnicate'")
    assert line.endswith("(see regie bookings --help)")


# --- a bug ------------------------------------------------------------------------------


def test_a_bug_in_a_command_is_one_line_and_a_log_entry(monkeypatch, capsys):
    """(In-process: a command module with a bug stands in for any unforeseen failure.)"""
    import app.cli.items
    from app.cli import main
    from app.core.log import log_file, stop

    def broken(_args: object) -> int:
        raise RuntimeError("the flux capacitor is missing")

    monkeypatch.setattr(app.cli.items, "list_items", broken)
    try:
        status = main(["items", "list"])
    finally:
        stop()
    err = capsys.readouterr().err
    assert status == 1
    assert err.splitlines() == [
        "Unexpected error (RuntimeError: the flux capacitor is missing); the details are in "
        f"{log_file()}."
    ]
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged and "in broken" in logged
