"""The restore drill (issue 12), with real processes: back up, damage the database, restore,
and ``regie verify`` says intact with the data back.

Two kinds of damage: rows deleted behind Régie's back with sqlite3 (a booking, and an
issued invoice after dropping its trigger — ``regie verify`` names it), and pages of the
file overwritten (SQLite then calls the file malformed)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from app.core import settings
from app.core.clock import FixedClock
from app.core.migrate import open_database
from app.demo import inventory as demo
from booking import bookings, customers
from inventory.models import Category
from invoicing import invoices, rates
from invoicing.document import Document
from invoicing.serial import to_json
from tests import factories
from tests.invoicing.cli_helpers import regie_command


class _Rendered:
    def __init__(self, document: Document) -> None:
        body = to_json(document).encode()
        self.pdf = b"%PDF-1.7 drill " + body
        self.xml = b"<xml>" + body[:64] + b"</xml>"


@pytest.fixture
def env(db_path: Path, tmp_path: Path) -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    values.update(
        REGIE_DB=str(db_path),
        REGIE_LANG="en",
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CACHE_HOME=str(tmp_path / "xdg-cache"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )
    return values


def regie(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*regie_command(), *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def cooperative(db_path: Path, clock: FixedClock) -> dict[str, str]:
    """Two bookings, one invoiced (an issued, sealed invoice)."""
    db = open_database(db_path)
    try:
        with db.write() as uow:
            for key, value in demo.IDENTITY.items():
                settings.set_setting(uow, key, value)
        factories.item(db, "LYRE", "Lyre wash LED", Category.LIGHTING)
        for _ in range(4):
            factories.unit(db, clock, "LYRE")
        with db.write() as uow:
            rates.set_item_rate(
                uow, user="drill", item_code="LYRE", member_day="30.00", non_member_day="45.00"
            )
            customers.save_customer(
                uow,
                user="drill",
                data=customers.parse_customer(
                    {
                        "name": "Compagnie du Rocher",
                        "number": "C-PUB",
                        "address": "3 place du Marché",
                        "postcode": "43000",
                        "city": "Le Puy-en-Velay",
                        "email": "rocher@example.org",
                    }
                ),
            )
        refs = []
        for start in ("2026-12-01", "2026-12-10"):
            day = dt.date.fromisoformat(start)
            data = bookings.BookingData(
                customer="C-PUB",
                start=dt.datetime.combine(day, dt.time(9)),
                end=dt.datetime.combine(day + dt.timedelta(days=3), dt.time(18)),
                lines=[bookings.Line("LYRE", 2)],
            )
            with db.write() as uow:
                refs.append(
                    bookings.create_booking(
                        uow, user="drill", data=data, clock=clock, confirm=True
                    ).reference
                )
        with db.write() as uow:
            issued = invoices.issue_invoice(
                uow, user="drill", reference=refs[0], clock=clock, renderer=_Rendered
            )
            number = issued.number
    finally:
        db.dispose()
    return {"first": refs[0], "second": refs[1], "invoice": number}


def _state(env: dict[str, str]) -> tuple[list[str], list[str]]:
    """The issued numbers and the booking references (read with sqlite3, as a person
    checking by hand would)."""
    conn = sqlite3.connect(env["REGIE_DB"])
    try:
        numbers = sorted(r[0] for r in conn.execute("SELECT number FROM issued_document"))
        refs = sorted(r[0] for r in conn.execute("SELECT reference FROM booking"))
    finally:
        conn.close()
    return numbers, refs


def _restore_and_check(env: dict[str, str], saved: str, before: tuple[list[str], list[str]]):
    restored = regie(env, "restore", saved, "--json")
    assert restored.returncode == 0, restored.stderr
    done = json.loads(restored.stdout)
    assert done["intact"] is True
    assert Path(done["kept_aside"]).exists()
    verified = regie(env, "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert verified.stdout.startswith("Intact: 1 documents")
    assert _state(env) == before


def test_drill_rows_deleted_behind_regies_back(env, cooperative):
    before = _state(env)
    made = regie(env, "backup", "--json")
    assert made.returncode == 0, made.stderr
    saved = json.loads(made.stdout)["path"]

    conn = sqlite3.connect(env["REGIE_DB"])
    conn.execute(
        "DELETE FROM booking_line WHERE booking_id IN (SELECT id FROM booking WHERE reference = ?)",
        (cooperative["second"],),
    )
    conn.execute("DELETE FROM booking WHERE reference = ?", (cooperative["second"],))
    conn.execute("DROP TRIGGER issued_line_no_delete")
    conn.execute("DELETE FROM issued_line")
    conn.commit()
    conn.close()
    broken = regie(env, "verify")
    assert broken.returncode == 1
    assert cooperative["invoice"] in broken.stdout

    _restore_and_check(env, saved, before)


def test_drill_pages_overwritten(env, cooperative):
    before = _state(env)
    made = regie(env, "backup", "--json")
    assert made.returncode == 0, made.stderr
    saved = json.loads(made.stdout)["path"]

    path = Path(env["REGIE_DB"])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:  # the middle of every 3rd page after the schema
        for page in range(3, size // 4096, 3):
            handle.seek(page * 4096 + 64)
            handle.write(b"\xde\xad" * 500)
    broken = regie(env, "verify")
    assert broken.returncode == 1
    assert "Traceback" not in broken.stderr

    _restore_and_check(env, saved, before)
