"""Invoicing fixtures: the cooperative's identity, a small priced catalogue, a fake
renderer (fast, deterministic) and helpers to build bookings with a usage period."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import pytest

from app.core import settings
from app.demo import inventory as demo
from booking import bookings, customers
from inventory.models import Category, Tracking
from invoicing import rates
from invoicing.document import Document
from invoicing.serial import to_json
from tests import factories

USER = "manager"


@dataclass(frozen=True)
class FakeRendered:
    pdf: bytes
    xml: bytes | None


def fake_render(document: Document) -> FakeRendered:
    """Bytes that depend on the whole document, so the hash chain means something."""
    body = to_json(document).encode()
    xml = None if document.kind == "quote" else b"<xml>" + hashlib.sha256(body).digest() + b"</xml>"
    return FakeRendered(b"%PDF-1.7 fake " + body, xml)


@pytest.fixture
def render():
    return fake_render


def set_identity(db, **override: str) -> None:
    """The demo's identity, in a database that says it is a cooperative's own (the demo
    mark on documents is tested apart: tests/invoicing/test_demo_mark.py)."""
    with db.write() as uow:
        for key, value in {**demo.IDENTITY, **override}.items():
            settings.set_setting(uow, key, value)
        settings.set_setting(uow, settings.DATABASE_KIND, settings.OWN)


@pytest.fixture
def coop(db, clock):
    """Identity set; LYRE (45,00 / 30,00 a day, deposit 500, replacement 1 200), GAFFER
    (consumable at 12,50), two customers: C-PUB (non-member), C-MEM (member)."""
    set_identity(db)
    factories.item(
        db,
        "LYRE",
        "Lyre wash LED",
        Category.LIGHTING,
        deposit_cents=50000,
        replacement_value_cents=120000,
    )
    for _ in range(6):
        factories.unit(db, clock, "LYRE")
    factories.item(
        db,
        "GAFFER",
        "Gaffer noir 50 mm",
        Category.CONSUMABLES,
        tracking=Tracking.BULK,
        stock_quantity=100,
        sale_price_cents=1250,
    )
    with db.write() as uow:
        rates.set_item_rate(
            uow, user=USER, item_code="LYRE", member_day="30.00", non_member_day="45.00"
        )
    customer(db, "C-PUB", "Compagnie du Rocher")
    customer(db, "C-MEM", "Association Lumière", member_from="2026-01-01")
    return db


def customer(db, number: str, name: str, member_from: str | None = None, **extra: str) -> str:
    raw = {
        "name": name,
        "number": number,
        "address": "3 place du Marché",
        "postcode": "43000",
        "city": "Le Puy-en-Velay",
        "email": f"{number.lower()}@example.org",  # the e-invoice's address without a SIREN
        **extra,
    }
    with db.write() as uow:
        created = customers.save_customer(uow, user=USER, data=customers.parse_customer(raw))
        if member_from:
            customers.add_membership(
                uow,
                user=USER,
                customer_id=created.id,
                member_number=f"S-{number}",
                valid_from=member_from,
            )
    return number


def book(
    db,
    clock,
    customer_number: str,
    lines: dict[str, int],
    start: str = "2026-12-01T09:00",
    end: str = "2026-12-05T18:00",
    use_start: str | None = "2026-12-02T08:00",
    use_end: str | None = "2026-12-04T23:00",
    confirm: bool = True,
) -> str:
    data = bookings.BookingData(
        customer=customer_number,
        start=dt.datetime.fromisoformat(start),
        end=dt.datetime.fromisoformat(end),
        use_start=dt.datetime.fromisoformat(use_start) if use_start else None,
        use_end=dt.datetime.fromisoformat(use_end) if use_end else None,
        lines=[bookings.Line(code, qty) for code, qty in lines.items()],
    )
    with db.write() as uow:
        return bookings.create_booking(
            uow, user=USER, data=data, clock=clock, confirm=confirm
        ).reference
