"""The audit trail: every write through a unit of work leaves who, when, where, which row,
before and after; nothing for a write that was rolled back; secrets and blobs never enter
it; the database itself refuses to change or delete a recorded event."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import select

from app.core import audit, audit_queries
from app.core.access import Actor, Forbidden, Role
from app.core.audit_queries import AuditFilter
from app.core.clock import Clock
from app.core.db import Database
from app.core.models import Account
from booking.models import Contact, Customer
from inventory import catalogue
from inventory.catalogue import ItemTypeData
from inventory.models import Category, ItemType
from tests import factories

ALICE = Actor("alice", Role.MANAGER, "bureau-1")


def trail(db: Database, **where: object) -> list[audit_queries.AuditRow]:
    with db.read() as uow:
        return audit_queries.events(uow, AuditFilter(**where), Clock())  # type: ignore[arg-type]


@pytest.mark.both_engines
def test_an_insert_names_the_person_the_workstation_and_the_new_row(db: Database) -> None:
    db.actor = ALICE
    item_id = factories.item(db, code="PAR-64", name="Projecteur PAR 64")

    [event] = trail(db, entity="item_type")
    assert (event.account, event.workstation, event.action) == ("alice", "bureau-1", "insert")
    assert event.entity_id == str(item_id)
    assert event.before is None
    assert event.after is not None
    assert event.after["id"] == item_id
    assert event.after["code"] == "PAR-64"
    assert event.after["name"] == "Projecteur PAR 64"
    assert abs(event.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


@pytest.mark.both_engines
def test_an_update_keeps_only_the_changed_columns_and_the_id(db: Database) -> None:
    item_id = factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    db.actor = ALICE
    with db.write() as uow:
        item = uow.row(ItemType, item_id)
        item.name = "Projecteur PAR 64 noir"
        item.replacement_value_cents = 12_345

    [event] = trail(db, entity="item_type", account="alice")
    assert event.action == "update"
    assert event.before == {
        "id": item_id,
        "name": "Projecteur PAR 64",
        "replacement_value_cents": 0,
    }
    assert event.after == {
        "id": item_id,
        "name": "Projecteur PAR 64 noir",
        "replacement_value_cents": 12_345,
    }


@pytest.mark.both_engines
def test_setting_a_column_to_its_own_value_records_nothing(db: Database) -> None:
    item_id = factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    db.actor = ALICE
    with db.write() as uow:
        uow.row(ItemType, item_id).name = "Projecteur PAR 64"
    assert trail(db, account="alice") == []


@pytest.mark.both_engines
def test_a_delete_keeps_the_row_as_it_was(db: Database) -> None:
    item_id = factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    db.actor = ALICE
    with db.write() as uow:
        uow.session.delete(uow.row(ItemType, item_id))

    [event] = trail(db, account="alice")
    assert (event.action, event.entity, event.entity_id) == ("delete", "item_type", str(item_id))
    assert event.after is None
    assert event.before is not None
    assert event.before["code"] == "PAR-64"


@pytest.mark.both_engines
def test_a_write_rolled_back_leaves_no_trace(db: Database) -> None:
    before = len(trail(db))
    with pytest.raises(RuntimeError), db.write() as uow:
        catalogue.create_item_type(
            uow, user="x", data=ItemTypeData(code="GONE", name="Gone", category=Category.SOUND)
        )
        uow.flush()
        raise RuntimeError("changed my mind")
    assert len(trail(db)) == before


def test_the_workstation_defaults_to_this_pc(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGIE_WORKSTATION", "entrepot")
    db.actor = Actor("tech", Role.ADMIN)
    factories.item(db)
    [event] = trail(db, account="tech")
    assert event.workstation == "entrepot"


def test_secrets_are_hidden_and_blobs_kept_as_digests() -> None:
    text = json.loads(
        audit.to_json(
            {
                "password_hash": "$argon2id$v=19$secret",
                "badge_sha256": None,
                "pdf": b"%PDF-1.7 ...",
                "xml": "x" * (audit.LONG_TEXT + 1),
                "amount": Decimal("12.50"),
                "day": dt.date(2026, 11, 26),
                "at": dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC),
                "odd": object(),
            }
        )
    )
    assert text["password_hash"] == audit.HIDDEN
    assert text["badge_sha256"] is None  # none set: nothing to hide
    assert text["pdf"] == {"sha256": hashlib.sha256(b"%PDF-1.7 ...").hexdigest(), "length": 12}
    assert text["xml"]["length"] == audit.LONG_TEXT + 1
    assert text["amount"] == "12.50"
    assert text["day"] == "2026-11-26"
    assert text["at"] == "2026-11-26T09:30:00+00:00"
    assert text["odd"].startswith("<object object")


@pytest.mark.both_engines
def test_an_account_s_password_never_enters_the_trail(db: Database) -> None:
    db.actor = ALICE
    with db.write() as uow:
        admin = uow.session.exec(select(Account).where(Account.name == "admin")).one()
        admin.password_hash = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"
    [event] = trail(db, entity="account", account="alice")
    assert event.after is not None
    assert event.after["password_hash"] == audit.HIDDEN
    assert event.before is not None
    # none before (a file's admin): that much is visible; a server's admin had one
    assert event.before["password_hash"] in ("", audit.HIDDEN)
    assert "argon2" not in json.dumps([event.before, event.after])


@pytest.mark.both_engines
def test_filters_by_day_account_entity_and_row(db: Database) -> None:
    db.actor = ALICE
    first = factories.item(db, code="PAR-64", name="Projecteur PAR 64")
    db.actor = Actor("bob", Role.STAFF, "entrepot")
    factories.item(db, code="PAR-56", name="Projecteur PAR 56")
    db.actor = ALICE  # a manager reads the trail
    today = Clock().today()

    items = {"entity": "item_type"}  # (a server's test database starts with its admin set up)
    assert {e.account for e in trail(db, **items)} == {"alice", "bob"}
    assert [e.account for e in trail(db, account="ALICE")] == ["alice"]
    assert [e.entity_id for e in trail(db, entity="item_type", entity_id=str(first))] == [
        str(first)
    ]
    assert len(trail(db, start=today, end=today, **items)) == 2
    yesterday = today - dt.timedelta(days=1)
    assert trail(db, end=yesterday, **items) == []
    assert trail(db, start=today + dt.timedelta(days=1)) == []
    newest_first = trail(db, **items)
    assert [e.account for e in newest_first] == ["bob", "alice"]


@pytest.mark.both_engines
def test_reading_the_trail_needs_a_manager(db: Database) -> None:
    factories.item(db)
    db.actor = Actor("sam", Role.STAFF, "")
    with pytest.raises(Forbidden), db.read() as uow:
        audit_queries.events(uow, AuditFilter(), Clock())


def test_the_database_refuses_to_change_or_delete_an_event(db: Database, db_path: Path) -> None:
    factories.item(db)
    db.dispose()
    before = _dump(db_path)
    for statement in (
        "UPDATE audit_event SET account = 'nobody';",
        "DELETE FROM audit_event;",
    ):
        done = subprocess.run(
            ["sqlite3", str(db_path), statement], capture_output=True, text=True, check=False
        )
        assert done.returncode != 0
        assert "append-only" in done.stderr
    assert _dump(db_path) == before


def _dump(path: Path) -> str:
    return subprocess.run(
        ["sqlite3", str(path), "SELECT * FROM audit_event ORDER BY id;"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.both_engines
def test_a_customer_s_personal_data_never_enters_the_trail(db: Database) -> None:
    """The trail is append-only: what it kept could not be erased when the person asks."""
    db.actor = ALICE
    number = factories.customer(db, name="Jeanne Martin")
    with db.write() as uow:
        found = uow.session.exec(select(Customer).where(Customer.number == number)).one()
        found.email = "jeanne.martin@example.org"
        found.city = "Lyon"
        uow.session.add(Contact(customer_id=found.id, name="Paul Martin", phone="0612345678"))
    text = json.dumps([(e.before, e.after) for e in trail(db)], ensure_ascii=False)
    for personal in ("Jeanne", "Martin", "jeanne.martin", "Lyon", "0612345678"):
        assert personal not in text
    changed = next(e for e in trail(db, entity="customer") if e.action == "update")
    assert changed.before is not None
    assert changed.after is not None
    assert changed.before["email"] == ""  # it had none: that much is visible
    assert changed.after["email"] == audit.PERSONAL_MARK
    assert changed.after["city"] == audit.PERSONAL_MARK
    assert any(e.entity == "contact" and e.action == "insert" for e in trail(db))


def test_free_text_of_bookings_and_deposits_is_personal() -> None:
    """Anonymising empties them too ("Mariage Dupont", a home address as venue)."""
    booking = json.loads(
        audit.to_json(
            {"reference": "R-2026-0042", "event": "Mariage Dupont", "venue": "", "notes": None},
            "booking",
        )
    )
    assert booking == {
        "reference": "R-2026-0042",
        "event": audit.PERSONAL_MARK,
        "venue": "",
        "notes": None,
    }
    deposit = json.loads(audit.to_json({"notes": "Chèque de M. Dupont"}, "deposit"))
    assert deposit == {"notes": audit.PERSONAL_MARK}


@pytest.mark.both_engines
def test_every_table_has_a_name_people_read(db: Database) -> None:
    """The Activity screen names each record's kind; regie audit --entity accepts these."""
    from sqlalchemy import inspect

    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version", audit.TABLE}
    assert tables - set(audit_queries.ENTITY_LABELS) == set()
