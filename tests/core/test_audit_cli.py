"""``regie audit``: the trail from the command line, its JSON contract, and refusals of bad
arguments (exit 2, nothing printed as data, nothing changed)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlmodel import select

from app.cli import main
from app.core.access import Actor, Role
from app.core.clock import Clock
from app.core.db import Database
from app.core.models import AuditEvent
from inventory.models import ItemType
from tests import factories

KEYS = [
    "id",
    "at",
    "at_local",
    "account",
    "workstation",
    "entity",
    "entity_id",
    "action",
    "before",
    "after",
    "reference",
]


@pytest.fixture
def written(db: Database) -> int:
    """Alice (office) creates and renames an item type; Bob (warehouse) creates another."""
    db.actor = Actor("alice", Role.MANAGER, "bureau-1")
    item_id = factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    with db.write() as uow:
        uow.row(ItemType, item_id).name = "Projecteur PAR 64 noir"
    db.actor = Actor("bob", Role.STAFF, "entrepot")
    factories.item(db, code="PAR-56", name="Projecteur PAR 56")
    db.dispose()
    return item_id


def audit_json(db_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["--db", str(db_path), "audit", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_names_who_when_where_what_before_and_after(
    written: int, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = audit_json(db_path, capsys, "--entity", "item_type")
    assert [list(event) for event in events] == [KEYS] * 3
    newest, renamed, created = events
    assert (newest["account"], newest["workstation"], newest["action"]) == (
        "bob",
        "entrepot",
        "insert",
    )
    assert renamed["account"] == "alice"
    assert renamed["action"] == "update"
    assert renamed["entity_id"] == str(written)
    assert renamed["before"] == {"id": written, "name": "Projecteur PAR 64"}
    assert renamed["after"] == {"id": written, "name": "Projecteur PAR 64 noir"}
    assert renamed["reference"] == "PAR-64"  # how people name it, though not in the change
    assert created["before"] is None
    assert created["after"]["code"] == "PAR-64"
    at = dt.datetime.fromisoformat(renamed["at"])
    assert at.utcoffset() == dt.timedelta(0)
    assert dt.datetime.fromisoformat(renamed["at_local"]) == Clock().to_local(at)


def test_filters_by_person_row_days_and_limit(
    written: int, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = Clock().today().isoformat()
    yesterday = (Clock().today() - dt.timedelta(days=1)).isoformat()
    assert {e["account"] for e in audit_json(db_path, capsys, "--user", "Alice")} == {"alice"}
    row = audit_json(db_path, capsys, "--entity", "item_type", "--id", str(written))
    assert [e["action"] for e in row] == ["update", "insert"]
    assert len(audit_json(db_path, capsys, "--from", today, "--to", today)) == 3
    assert audit_json(db_path, capsys, "--from", yesterday, "--to", yesterday) == []
    assert [e["account"] for e in audit_json(db_path, capsys, "--limit", "1")] == ["bob"]


def test_the_text_lists_one_line_per_write_with_the_changes(
    written: int, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "audit", "--user", "alice"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert "alice@bureau-1" in lines[0]
    assert f"item_type {written}" in lines[0]
    assert "name: Projecteur PAR 64 → Projecteur PAR 64 noir" in lines[0]
    assert main(["--db", str(db_path), "audit", "--user", "nobody"]) == 0
    assert capsys.readouterr().out.strip() == "No recorded write matches."


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--from", "2026-13-01"], "--from"),
        (["--to", "yesterday"], "--to"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "--to"),
        (["--limit", "-3"], "--limit"),
        (["--limit", "ten"], "--limit"),
        (["--id", "5"], "--id 5 names a row of one table: say which with --entity TABLE"),
        (["--entity", "bookings"], "No table is called bookings: use one of account, barcode"),
    ],
)
def test_bad_arguments_are_usage_errors(
    written: int,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    named: str,
) -> None:
    before = db_path.read_bytes()
    assert main(["--db", str(db_path), "audit", *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert named in err
    assert "Traceback" not in err
    assert db_path.read_bytes() == before


def test_reading_the_trail_writes_nothing_to_it(
    written: int, db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = len(audit_json(db_path, capsys))
    assert len(audit_json(db_path, capsys)) == count
    with db.read() as uow:
        assert len(uow.session.exec(select(AuditEvent)).all()) == count


def test_a_real_process_prints_the_trail(written: int, db_path: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(REGIE_DB=str(db_path), REGIE_LANG="en", XDG_DATA_HOME=str(tmp_path / "data"))
    regie = shutil.which("regie")
    assert regie is not None, "the regie console script is installed (pip install -e .)"
    done = subprocess.run(
        [regie, "audit", "--json", "--entity", "item_type", "--limit", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    assert [(e["account"], e["action"]) for e in events] == [("bob", "insert"), ("alice", "update")]
    bad = subprocess.run(
        [regie, "audit", "--from", "tomorrow"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2
    assert "--from" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_only_a_manager_may_read_it(
    written: int,
    db: Database,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.core import accounts
    from app.core.access import SYSTEM

    db.actor = SYSTEM
    with db.write() as uow:
        accounts.add_account(
            uow, name="sam", role=Role.STAFF, password="motdepasse1", clock=Clock()
        )
        accounts.add_account(
            uow, name="maud", role=Role.MANAGER, password="motdepasse2", clock=Clock()
        )
    db.dispose()
    monkeypatch.setenv("REGIE_USER", "sam")
    monkeypatch.setenv("REGIE_PASSWORD", "motdepasse1")
    assert main(["--db", str(db_path), "audit", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "sam (staff) may not print statements, reports and exports" in err
    monkeypatch.setenv("REGIE_USER", "maud")
    monkeypatch.setenv("REGIE_PASSWORD", "motdepasse2")
    events = audit_json(db_path, capsys, "--entity", "account")
    created = {e["after"]["name"]: e for e in events if e["action"] == "insert"}
    assert created["sam"]["after"]["password_hash"] == "(hidden)"
    assert "motdepasse" not in json.dumps(events)
    logins = [e for e in events if e["action"] == "update" and "last_login_at" in e["after"]]
    assert {e["account"] for e in logins} >= {"maud"}  # a login is a write: it is in the trail
