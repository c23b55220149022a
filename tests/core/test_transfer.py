"""``regie db copy``: a cooperative's data moved into an empty database — every row of
every table, the counts checked, ``regie verify``'s checks on the target — and refused with
a sentence and nothing written when the target holds data, is not Régie's, or is missing.

The source has a bit of everything: catalogue, customers and memberships, bookings, a scan
out (a movement), an issued invoice (its seal, its PDF and XML bytes), payments (one
reversed: a row referring to an earlier one), the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from app.cli import main
from app.core import accounts, transfer
from app.core.access import Role
from app.core.clock import PARIS, FixedClock
from app.core.migrate import open_database
from booking import desk
from inventory.models import Unit
from invoicing import integrity, invoices, issuing, payments
from tests.invoicing.conftest import USER, book, coop, fake_render  # noqa: F401 (fixture)

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

OUT = FixedClock(dt.datetime(2026, 12, 1, 9, 30, tzinfo=PARIS))


@pytest.fixture
def source(coop, clock, db_path) -> Path:  # noqa: F811 (the fixture imported above)
    """The test database with data of every kind, closed."""
    ref = book(coop, clock, "C-PUB", {"LYRE": 2, "GAFFER": 3})
    book(
        coop,
        clock,
        "C-MEM",
        {"LYRE": 1},
        start="2026-12-10T09:00",
        end="2026-12-12T18:00",
        use_start=None,
        use_end=None,
    )
    with coop.read() as uow:
        barcode = uow.session.exec(select(Unit.barcode).where(Unit.status == "in_service")).first()
    with coop.write() as uow:
        assert desk.check_out(uow, user=USER, reference=ref, code=barcode, clock=OUT).ok
    issued = issuing.issue(
        coop,
        lambda uow: invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=clock, renderer=fake_render
        ),
    )
    with coop.write() as uow:
        payments.add_payment(
            uow, user=USER, invoice_number=issued.number, amount="10.00", clock=clock
        )
        paid = payments.add_payment(
            uow, user=USER, invoice_number=issued.number, amount="20.00", clock=clock
        )
    with coop.write() as uow:
        payments.reverse_payment(uow, user=USER, payment_id=paid.id, clock=clock)
    coop.dispose()
    return db_path


def content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (Alembic's and SQLite's own tables left out), in a stable order."""
    conn = sqlite3.connect(path)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1, 2').fetchall() for n in names}
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def regie(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "app", *argv],
        env={**os.environ, "REGIE_LANG": "en", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


# --- copies -------------------------------------------------------------------------------


def test_a_copy_into_a_new_file_holds_every_row_and_verifies(source, tmp_path, capsys):
    target = tmp_path / "copy.db"
    status, out, err = run(
        capsys, "db", "copy", "--from", str(source), "--to", str(target), "--json"
    )
    assert status == 0, err
    shown = json.loads(out)
    assert shown["from"] == str(source) and shown["to"] == str(target)
    expected = content(source)
    assert content(target) == expected
    assert {t["name"]: t["rows"] for t in shown["tables"]} == {
        name: len(rows) for name, rows in expected.items()
    }
    assert shown["rows"] == sum(len(rows) for rows in expected.values())
    assert shown["verify"]["intact"] and shown["verify"]["documents"] == 1
    assert shown["verify"]["payments"] == 3
    for table in ("movement", "issued_document", "document_file", "payment", "record_seal"):
        assert expected[table], table  # the source really has some


def test_the_copy_goes_on_where_the_source_left_off(source, tmp_path, capsys, clock):
    """New rows in the copy get new ids and the next numbers (sequences follow)."""
    target = tmp_path / "copy.db"
    assert run(capsys, "db", "copy", "--from", str(source), "--to", str(target))[0] == 0
    copy = open_database(target)
    try:
        ref = book(
            copy,
            clock,
            "C-MEM",
            {"LYRE": 1},
            start="2027-01-10T09:00",
            end="2027-01-12T18:00",
            use_start=None,
            use_end=None,
        )
        issued = issuing.issue(
            copy,
            lambda uow: invoices.issue_invoice(
                uow, user=USER, reference=ref, clock=clock, renderer=fake_render
            ),
        )
        assert issued.number.endswith("00002")
        with copy.read() as uow:
            assert integrity.verify(uow).intact
    finally:
        copy.dispose()


def test_a_real_process_copies_the_current_database_and_verify_agrees(source, tmp_path):
    """``--from`` defaults to the database REGIE_DB names; the summary says what to do
    next; ``regie verify`` in its own process finds the copy intact."""
    target = tmp_path / "copy.db"
    done = regie("db", "copy", "--to", str(target), env={"REGIE_DB": str(source)})
    assert done.returncode == 0, done.stderr
    assert "Copied" in done.stdout and "every table's count checked" in done.stdout
    assert "Verified: 1 documents, 3 payments" in done.stdout
    assert f"REGIE_DB={target}" in done.stdout
    check = regie("verify", env={"REGIE_DB": str(target)})
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_empty_new_database_counts_as_empty(db):
    """What migrations put in a new database (the default coefficients, ``admin``) is not
    data: a database just created may receive a copy."""
    with db.read() as uow:
        assert transfer.holding_data(uow.session.connection()) is None


# --- refusals: a sentence, exit 1, nothing written ----------------------------------------


def test_a_target_holding_data_is_refused_and_left_as_it_was(source, tmp_path, capsys):
    target = tmp_path / "copy.db"
    assert run(capsys, "db", "copy", "--from", str(source), "--to", str(target))[0] == 0
    before = digest(target)
    status, out, err = run(capsys, "db", "copy", "--from", str(source), "--to", str(target))
    assert status == 1 and out == ""
    assert "already holds data" in err and "copy only into an empty database" in err
    assert digest(target) == before


def test_a_missing_source_is_refused_without_creating_anything(tmp_path, capsys):
    status, _, err = run(
        capsys,
        "db",
        "copy",
        "--from",
        str(tmp_path / "nothere.db"),
        "--to",
        str(tmp_path / "copy.db"),
    )
    assert status == 1 and f"There is no Régie database at {tmp_path / 'nothere.db'}" in err
    assert sorted(p.name for p in tmp_path.iterdir() if "db" in p.name) == []


def test_a_target_in_a_missing_folder_is_refused(source, tmp_path, capsys):
    status, _, err = run(
        capsys, "db", "copy", "--from", str(source), "--to", str(tmp_path / "no" / "x.db")
    )
    assert status == 1 and "There is no folder" in err
    assert not (tmp_path / "no").exists()


def test_the_same_database_on_both_sides_is_refused(source, capsys):
    before = digest(source)
    status, _, err = run(capsys, "db", "copy", "--from", str(source), "--to", str(source))
    assert status == 1 and "name the same database" in err
    assert digest(source) == before


def test_only_an_administrator_may_copy(source, tmp_path, capsys, monkeypatch, clock):
    db = open_database(source)
    try:
        with db.write() as uow:
            accounts.add_account(
                uow, name="tech", role=Role.TECHNICIAN, password="long enough 1", clock=clock
            )
    finally:
        db.dispose()
    monkeypatch.setenv("REGIE_USER", "tech")
    monkeypatch.setenv("REGIE_PASSWORD", "long enough 1")
    target = tmp_path / "copy.db"
    status, out, err = run(capsys, "db", "copy", "--from", str(source), "--to", str(target))
    assert status == 1 and out == ""
    assert "tech (technician) may not back up, restore or copy the database" in err
    assert not target.exists()


def test_a_file_that_is_not_regie_s_is_refused_and_left_alone(source, tmp_path, capsys):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.close()
    junk = tmp_path / "junk.db"
    junk.write_text("hello, not a database\n")
    for target in (other, junk):
        before = digest(target)
        status, _, err = run(capsys, "db", "copy", "--from", str(source), "--to", str(target))
        assert status == 1 and err.strip(), target
        assert "Traceback" not in err
        assert digest(target) == before
    assert (
        "is not a Régie database"
        in run(capsys, "db", "copy", "--from", str(source), "--to", str(other))[2]
    )
    status, _, err = run(
        capsys, "db", "copy", "--from", str(other), "--to", str(tmp_path / "new.db")
    )
    assert status == 1 and "There is no Régie database" in err
    assert not (tmp_path / "new.db").exists()


def test_a_copy_failing_its_checks_leaves_no_file_behind(source, tmp_path, capsys, monkeypatch):
    """A copy the checks refuse (here: a row of the movements lost on the way) writes
    nothing: the new file it made is removed."""
    real = transfer._batches

    def lossy(sconn, table):
        for rows in real(sconn, table):
            yield rows[:-1] if table.name == "movement" else rows

    monkeypatch.setattr(transfer, "_batches", lossy)
    target = tmp_path / "copy.db"
    status, _, err = run(capsys, "db", "copy", "--from", str(source), "--to", str(target))
    assert status == 1 and "The copy of table movement has" in err and "nothing was copied" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("copy.db")]


def test_a_copy_refused_by_verify_leaves_an_existing_empty_target_empty(
    source, tmp_path, capsys, monkeypatch
):
    """Into an existing (empty) database, a refused copy leaves it as it was: empty, and
    ready for the next attempt."""
    target = tmp_path / "empty.db"
    open_database(target).dispose()
    before = content(target)
    real = integrity.verify
    calls: list[int] = []

    def second_damaged(uow):
        calls.append(1)
        report = real(uow)
        if len(calls) == 2:  # the source first, then the target
            report.add("FA-X", "amounts changed since issue")
        return report

    monkeypatch.setattr(integrity, "verify", second_damaged)
    status, _, err = run(capsys, "db", "copy", "--from", str(source), "--to", str(target))
    assert status == 1 and "does not pass regie verify" in err and "FA-X" in err
    assert content(target) == before
    monkeypatch.setattr(integrity, "verify", real)
    assert run(capsys, "db", "copy", "--from", str(source), "--to", str(target))[0] == 0
    assert content(target) == content(source)


# --- to a PostgreSQL server and back ------------------------------------------------------


def test_a_file_goes_to_a_server_and_back_unchanged(source, pg_empty_url, tmp_path, capsys):
    """SQLite → PostgreSQL → SQLite: every row of every table comes back as it was; the
    server's copy verifies intact (its own triggers, seals recomputed there). The server's
    database is a new, empty one (createdb): the copy makes its schema."""
    status, out, err = run(
        capsys, "db", "copy", "--from", str(source), "--to", pg_empty_url, "--json"
    )
    assert status == 0, err
    shown = json.loads(out)
    assert shown["verify"]["intact"] and shown["verify"]["triggers"] >= 10
    assert "***" not in shown["to"] and "@" in shown["to"]
    back = tmp_path / "back.db"
    status, out, err = run(
        capsys, "--user", "admin", "db", "copy", "--from", pg_empty_url, "--to", str(back), "--json"
    )
    assert status == 0, err
    came_back, sent = content(back), content(source)
    # Logging in on the server (--user admin) recorded the login there: the account's
    # last login and its audit event; everything else is as it was.
    logins = came_back["audit_event"][len(sent["audit_event"]) :]
    assert came_back["audit_event"][: len(sent["audit_event"])] == sent["audit_event"]
    assert logins and {row[4] for row in logins} == {"account"}
    assert len(came_back["account"]) == len(sent["account"])
    for name in ("account", "audit_event"):
        del came_back[name], sent[name]
    assert came_back == sent


def test_on_the_server_the_copy_goes_on_where_the_source_left_off(
    source, pg_empty_url, capsys, clock
):
    """The ids' sequences follow the copied rows: new rows, the next invoice number."""
    assert run(capsys, "db", "copy", "--from", str(source), "--to", pg_empty_url)[0] == 0
    server = open_database(pg_empty_url)
    try:
        ref = book(
            server,
            clock,
            "C-MEM",
            {"LYRE": 1},
            start="2027-01-10T09:00",
            end="2027-01-12T18:00",
            use_start=None,
            use_end=None,
        )
        issued = issuing.issue(
            server,
            lambda uow: invoices.issue_invoice(
                uow, user=USER, reference=ref, clock=clock, renderer=fake_render
            ),
        )
        assert issued.number.endswith("00002")
        with server.write() as uow:
            payments.add_payment(
                uow, user=USER, invoice_number=issued.number, amount="1.00", clock=clock
            )
        with server.read() as uow:
            assert integrity.verify(uow).intact
    finally:
        server.dispose()


def test_a_server_database_holding_data_missing_or_unreachable_is_refused(
    source, pg_empty_url, tmp_path, capsys
):
    assert run(capsys, "db", "copy", "--from", str(source), "--to", pg_empty_url)[0] == 0
    status, _, err = run(capsys, "db", "copy", "--from", str(source), "--to", pg_empty_url)
    assert status == 1 and "already holds data" in err
    status, _, err = run(
        capsys, "db", "copy", "--from", str(tmp_path / "x.db"), "--to", pg_empty_url
    )
    assert status == 1 and "There is no Régie database" in err
    missing = pg_empty_url.replace("/regie_test_", "/no_such_", 1)
    status, out, err = run(capsys, "db", "copy", "--from", str(source), "--to", missing)
    assert status == 1 and out == "" and "has no database of that name" in err
    unreachable = pg_empty_url.split("?")[0] + "?host=" + str(tmp_path) + "&port=1"
    status, out, err = run(capsys, "db", "copy", "--from", str(source), "--to", unreachable)
    assert status == 1 and out == "" and "Traceback" not in err and "PostgreSQL server" in err


def test_a_real_process_copies_to_the_server(source, pg_empty_url):
    done = regie("db", "copy", "--from", str(source), "--to", pg_empty_url)
    assert done.returncode == 0, done.stderr
    assert "Verified: 1 documents, 3 payments" in done.stdout
    check = regie("verify", env={"REGIE_DB": pg_empty_url, "REGIE_USER": "admin"})
    assert check.returncode == 0, check.stdout + check.stderr
