"""Backups and restores of an SQLite database (issue 12): ``regie backup`` and ``regie
restore`` from the outside, the rotation over a year of backups, private files, and every
refusal leaving the database exactly as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from app.cli import main
from app.core import backups
from app.core.access import Actor, Forbidden, Role
from app.core.clock import PARIS, FixedClock
from app.core.migrate import HEAD, open_database
from app.core.private import make_private
from tests import factories

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _no_check(_uow: object) -> list[str]:
    return []


def _digest(path: Path) -> str:
    """The database's content as SQLite sees it (the WAL folded in first)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def filled(db_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with a customer, an item with units and a booking, named by REGIE_DB."""
    database = open_database(db_path)
    try:
        factories.item(database, "LYRE-WASH", "Lyre wash")
        for _ in range(3):
            factories.unit(database, clock)
        number = factories.customer(database, "Compagnie du Rocher")
        factories.booking(
            database, clock, number, "2026-12-01T09:00", "2026-12-03T18:00", {"LYRE-WASH": 2}
        )
    finally:
        database.dispose()
    monkeypatch.setenv("REGIE_DB", str(db_path))
    return db_path


def _bookings(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM booking").fetchone()[0])
    finally:
        conn.close()


# --- regie backup -------------------------------------------------------------------------


def test_backup_goes_into_the_backup_folder_private_and_checked(filled, capsys, tmp_path):
    status, out, err = _run(capsys, "backup", "--json")
    assert status == 0, err
    made = json.loads(out)
    path = Path(made["path"])
    assert path.parent == tmp_path / "xdg-data" / "regie" / "backups"
    assert path.name.startswith("regie-") and path.suffix == ".db"
    assert made["verified"] is True and made["kind"] == "sqlite"
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert _bookings(path) == 1
    # one self-contained file (no WAL needed to read it), nothing temporary left behind
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]

    status, out, _err = _run(capsys, "backup", "--list", "--json")
    listed = json.loads(out)
    assert listed["last_good"]["path"] == str(path)
    assert [b["path"] for b in listed["backups"]] == [str(path)]


def test_backup_out_file_and_chosen_folder(filled, capsys, tmp_path):
    out_file = tmp_path / "copy.db"
    status, _out, err = _run(capsys, "backup", "--out", str(out_file))
    assert status == 0, err
    assert _mode(out_file) == 0o600 and _bookings(out_file) == 1

    usb = tmp_path / "usb"
    usb.mkdir()
    status, out, err = _run(capsys, "backup", "--folder", str(usb), "--json")
    assert status == 0, err
    assert Path(json.loads(out)["path"]).parent == usb
    status, out, _err = _run(capsys, "backup", "--json")  # the folder is remembered
    assert Path(json.loads(out)["path"]).parent == usb


def test_a_folder_that_cannot_be_written_is_refused_in_a_sentence(filled, capsys, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    status, _out, err = _run(capsys, "backup", "--folder", str(blocker))
    assert status == 1
    assert "is a file, not a folder" in err and "Traceback" not in err


def test_only_an_administrator_backs_up_by_hand(db, clock, tmp_path):
    db.actor = Actor("tech", Role.TECHNICIAN)
    with pytest.raises(Forbidden, match="may not back up"):
        backups.backup(db, clock, _no_check, out=tmp_path / "b.db")
    assert not (tmp_path / "b.db").exists()
    # the automatic backups are Régie's own: they run whoever is logged in
    made = backups.on_close(db, clock, _no_check)
    assert made is not None and made.path.exists()


def test_a_backup_that_fails_its_check_is_not_kept(db, clock, tmp_path):
    def broken(_uow: object) -> list[str]:
        return ["FA-2026-00001: amounts changed since issue"]

    with pytest.raises(Exception, match="not intact .*FA-2026-00001"):
        backups.backup(db, clock, broken, out=tmp_path / "b.db")
    assert list(tmp_path.glob("*b.db*")) == []
    assert list(tmp_path.glob(".regie-*")) == []


def test_automatic_backup_failure_is_recorded_not_raised(db, clock, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_folder(db, usb)
    usb.rmdir()
    (tmp_path / "usb").write_text("the disk is gone and a file took its name")
    assert backups.on_close(db, clock, _no_check) is None
    state = backups.status(db)
    assert "is a file, not a folder" in state.last_error
    assert state.last_good is None
    assert backups.due(db, clock)


def test_daily_backup_at_start_only_when_the_last_is_a_day_old(db, tmp_path):
    clock = FixedClock(dt.datetime(2026, 11, 26, 10, 0, tzinfo=PARIS))
    assert backups.on_start(db, clock, _no_check) is not None
    clock.at += dt.timedelta(hours=23)
    assert backups.on_start(db, clock, _no_check) is None
    clock.at += dt.timedelta(hours=2)
    assert backups.on_start(db, clock, _no_check) is not None


# --- rotation -----------------------------------------------------------------------------


def test_rotation_over_a_year_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    """One backup a day (two on Fridays) for 400 days, rotating after each, as the
    automatic backups do; files that are not this database's backups are never touched."""
    source = backups.Source(backups.SQLITE, "regie", "k")
    other = backups.Source(backups.SQLITE, "other", "o")
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / backups.backup_name(other, dt.datetime(2025, 1, 1, tzinfo=dt.UTC))).write_text("")
    start = dt.datetime(2026, 1, 1, 17, 30, tzinfo=PARIS)
    for day in range(400):
        moment = start + dt.timedelta(days=day)
        times = [moment, moment + dt.timedelta(hours=1)] if moment.weekday() == 4 else [moment]
        for at in times:
            (tmp_path / backups.backup_name(source, at)).write_bytes(b"x")
            backups.rotate(tmp_path, source, PARIS)
    kept = [b.at.astimezone(PARIS) for b in backups.list_backups(tmp_path, source)]
    last = start + dt.timedelta(days=399)
    days = {k.date() for k in kept}
    # the last 7 days, each by its newest backup
    assert all((last - dt.timedelta(days=n)).date() in days for n in range(7))
    assert len([k for k in kept if k.date() == last.date()]) == 1
    # the newest of each of the last 4 weeks and 12 months
    assert len({k.isocalendar()[:2] for k in kept}) >= 4
    months = sorted({(k.year, k.month) for k in kept})
    assert len(months) == 12 and months[-1] == (last.year, last.month)
    assert min(kept) >= last - dt.timedelta(days=366)
    assert len(kept) <= 7 + 4 + 12
    for month in months[:-2]:  # a past month is kept by its last backup
        newest = max(k for k in kept if (k.year, k.month) == month)
        following = newest + dt.timedelta(days=1)
        assert (following.year, following.month) != month
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert len(backups.list_backups(tmp_path, other)) == 1


def test_to_keep_counts_one_backup_for_several_periods():
    instants = [dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=n) for n in range(3)]
    assert backups.to_keep(instants, PARIS) == set(instants)


# --- private files ------------------------------------------------------------------------


def test_make_private_creates_the_file_0600_and_tightens_an_old_database(tmp_path):
    new = tmp_path / "new.db"
    make_private(new)
    assert new.exists() and _mode(new) == 0o600
    conn = sqlite3.connect(new)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    assert _mode(tmp_path / "new.db-wal") == 0o600  # SQLite copies the file's mode
    assert _mode(tmp_path / "new.db-shm") == 0o600
    conn.close()

    old = tmp_path / "old.db"
    old.write_bytes(b"")
    old.chmod(0o644)
    (tmp_path / "old.db-wal").write_bytes(b"")
    (tmp_path / "old.db-wal").chmod(0o644)
    make_private(old)
    assert _mode(old) == 0o600 and _mode(tmp_path / "old.db-wal") == 0o600


# --- regie restore ------------------------------------------------------------------------


def _backup(capsys: pytest.CaptureFixture[str]) -> Path:
    status, out, err = _run(capsys, "backup", "--json")
    assert status == 0, err
    return Path(json.loads(out)["path"])


def test_restore_puts_the_backup_back_and_keeps_the_current_one_aside(filled, capsys):
    saved = _backup(capsys)
    conn = sqlite3.connect(filled)
    conn.execute("DELETE FROM booking_line")
    conn.execute("DELETE FROM booking")
    conn.commit()
    conn.close()
    status, out, err = _run(capsys, "restore", str(saved), "--json")
    assert status == 0, err
    done = json.loads(out)
    assert done["intact"] is True and done["migrated"] is False and done["revision"] == HEAD
    aside = Path(done["kept_aside"])
    assert aside.name.startswith("regie.db.before-restore-")
    assert _mode(aside) == 0o600
    assert _bookings(aside) == 0  # what was there, kept
    assert _bookings(filled) == 1  # the backup's data, back
    assert list(filled.parent.glob(".regie-restore-*")) == []


def test_restore_migrates_an_older_backup(filled, capsys, tmp_path):
    old = tmp_path / "old.db"
    open_database(old, revision="0011_member_numbers").dispose()
    status, out, err = _run(capsys, "restore", str(old), "--json")
    assert status == 0, err
    done = json.loads(out)
    assert done["migrated"] is True and done["revision"] == "0011_member_numbers"
    conn = sqlite3.connect(filled)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    conn.close()
    assert _bookings(filled) == 0


def _refused(capsys, filled: Path, path: Path, fragment: str) -> None:
    before = _digest(filled)
    status, _out, err = _run(capsys, "restore", str(path))
    assert status == 1, err
    assert fragment in err and "Traceback" not in err
    assert _digest(filled) == before
    assert list(filled.parent.glob("regie.db.before-restore-*")) == []
    assert list(filled.parent.glob(".regie-restore-*")) == []


def test_restore_refuses_what_is_not_a_good_regie_backup(filled, capsys, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    _refused(capsys, filled, text, "is not a Régie backup")
    _refused(capsys, filled, tmp_path / "missing.db", "There is no file")

    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (a)")
    conn.commit()
    conn.close()
    _refused(capsys, filled, foreign, "not a Régie one")

    newer = tmp_path / "newer.db"
    shutil.copy(_backup(capsys), newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    _refused(capsys, filled, newer, "newer")

    damaged = tmp_path / "damaged.db"
    shutil.copy(_backup(capsys), damaged)
    size = damaged.stat().st_size
    with damaged.open("r+b") as handle:
        for page in range(2, size // 4096):
            handle.seek(page * 4096 + 8)
            handle.write(os.urandom(200))
    _refused(capsys, filled, damaged, "damaged.db")

    dump = tmp_path / "server.dump"
    dump.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 100)
    _refused(capsys, filled, dump, "PostgreSQL server")

    _refused(capsys, filled, filled, "the database itself")


def test_restore_refuses_a_backup_whose_invoices_were_tampered_with(db, clock, tmp_path):
    """The checks are ``regie verify``'s: a problem found refuses the backup."""

    def tampered(_uow: object) -> list[str]:
        return ["FA-2026-00001: amounts changed since issue"]

    good = backups.backup(db, clock, _no_check, out=tmp_path / "b.db")
    before = _digest(db.path)
    with pytest.raises(Exception, match="not intact .*nothing was changed"):
        backups.restore(db.path, good.path, clock, tampered, live=db)
    assert _digest(db.path) == before


def test_only_an_administrator_restores(db, clock, tmp_path):
    good = backups.backup(db, clock, _no_check, out=tmp_path / "b.db")
    db.actor = Actor("anna", Role.MANAGER)
    with pytest.raises(Forbidden, match="may not back up, restore"):
        backups.restore(db.path, good.path, clock, _no_check, live=db)


def test_restore_onto_a_new_workstation(filled, capsys, tmp_path, monkeypatch):
    """A PC lost: on the new one, the backup becomes the database (private)."""
    saved = _backup(capsys)
    fresh = tmp_path / "new-pc" / "regie.db"
    fresh.parent.mkdir()
    monkeypatch.setenv("REGIE_DB", str(fresh))
    status, out, err = _run(capsys, "restore", str(saved), "--json")
    assert status == 0, err
    done = json.loads(out)
    assert done["kept_aside"] is None and done["intact"] is True
    assert _bookings(fresh) == 1 and _mode(fresh) == 0o600
    assert sorted(
        p.name for p in fresh.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))
    ) == ["regie.db"]


def test_an_unplugged_disk_is_said_never_replaced_by_a_local_folder(db, clock, tmp_path):
    usb = tmp_path / "media" / "usb"
    usb.mkdir(parents=True)
    backups.set_folder(db, usb)
    usb.rmdir()  # unplugged
    with pytest.raises(Exception, match="plug the disk in"):
        backups.backup(db, clock, _no_check)
    assert not usb.exists()


def test_backup_out_refusals_write_nothing(filled, capsys, tmp_path):
    status, _out, err = _run(capsys, "backup", "--out", str(tmp_path / "missing" / "b.db"))
    assert status == 1 and "does not exist" in err
    status, _out, err = _run(capsys, "backup", "--out", str(tmp_path))
    assert status == 1 and "is a folder" in err
    with pytest.raises(SystemExit) as usage:
        main(["restore"])
    assert usage.value.code == 2
    assert "required: F" in capsys.readouterr().err
    assert not (tmp_path / "xdg-data" / "regie" / "backups").exists()
    assert list(tmp_path.glob(".regie-*")) == []


def test_backup_list_in_words(filled, capsys):
    status, out, _err = _run(capsys, "backup", "--list")
    assert status == 0 and "No good backup yet." in out
    saved = _backup(capsys)
    status, out, _err = _run(capsys, "backup", "--list")
    assert f"Last good backup: {saved}" in out and saved.name in out


def test_online_backup_while_another_program_writes(filled, capsys):
    """Another program in the middle of a write: the backup neither waits for it nor
    holds its unfinished change."""
    other = sqlite3.connect(filled, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM booking_line")
    other.execute("DELETE FROM booking")
    try:
        saved = _backup(capsys)
    finally:
        other.execute("COMMIT")
        other.close()
    assert _bookings(saved) == 1 and _bookings(filled) == 0


def test_a_technician_may_not_back_up_or_restore_from_the_command_line(
    filled, capsys, clock, monkeypatch
):
    from app.core import accounts

    saved = _backup(capsys)
    database = open_database(filled)
    try:
        with database.write() as uow:
            accounts.add_account(
                uow, name="tech", role=Role.TECHNICIAN, password="s3cret-pass", clock=clock
            )
    finally:
        database.dispose()
    conn = sqlite3.connect(filled)
    conn.execute("DELETE FROM booking_line")
    conn.execute("DELETE FROM booking")
    conn.commit()
    conn.close()
    monkeypatch.setenv("REGIE_PASSWORD", "s3cret-pass")
    status, _out, err = _run(capsys, "--user", "tech", "backup")
    assert status == 1 and "may not back up" in err
    status, _out, err = _run(capsys, "--user", "tech", "restore", str(saved))
    assert status == 1 and "may not back up, restore" in err
    assert _bookings(filled) == 0  # not restored (logging in records the login only)
    assert list(filled.parent.glob("regie.db.before-restore-*")) == []


def test_a_new_database_is_created_readable_by_its_owner_only(tmp_path, capsys, monkeypatch):
    path = tmp_path / "new.db"
    monkeypatch.setenv("REGIE_DB", str(path))
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)
    example = Path(__file__).resolve().parents[2] / "resources" / "examples" / "cooperative.toml"
    status, _out, err = _run(capsys, "init", "--from", str(example))  # (a command that creates)
    assert status == 0, err
    status, _out, err = _run(capsys, "verify")
    assert status == 0, err
    assert _mode(path) == 0o600
    for companion in (tmp_path / "new.db-wal", tmp_path / "new.db-shm"):
        if companion.exists():
            assert _mode(companion) == 0o600


def test_automatic_backups_get_the_quick_check(db, clock, tmp_path):
    from app import backup_jobs

    with db.read() as uow:
        assert backup_jobs.quick(uow) == []
    made = backup_jobs.on_close(db, clock)
    assert made is not None and made.path.exists()
    conn = sqlite3.connect(db.path)
    conn.execute("DROP TRIGGER payment_no_update")
    conn.commit()
    conn.close()
    with db.read() as uow:
        assert any("payment_no_update" in p for p in backup_jobs.quick(uow))
    assert backup_jobs.on_close(db, clock) is None  # refused, recorded
    assert "payment_no_update" in backups.status(db).last_error
