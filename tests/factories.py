"""Small builders for tests: a catalogue written through the real services."""

from __future__ import annotations

from app.core.clock import Clock
from app.core.db import Database
from inventory import catalogue
from inventory.catalogue import ItemTypeData, UnitData
from inventory.models import Category, Tracking

USER = "tester"


def item(
    db: Database,
    code: str = "LYRE-WASH",
    name: str = "Lyre wash LED 19x15 W",
    category: Category = Category.LIGHTING,
    **extra: object,
) -> int:
    with db.write() as uow:
        created = catalogue.create_item_type(
            uow,
            user=USER,
            data=ItemTypeData(code=code, name=name, category=category, **extra),  # type: ignore[arg-type]
        )
        assert created.id is not None
        return created.id


def bulk(
    db: Database,
    code: str = "DMX-10",
    name: str = "Câble DMX 5 broches 10 m",
    quantity: int = 40,
    barcode: str = "",
) -> int:
    return item(
        db,
        code,
        name,
        Category.CABLES,
        tracking=Tracking.BULK,
        stock_quantity=quantity,
        barcode=barcode,
    )


def unit(db: Database, clock: Clock, item_code: str = "LYRE-WASH", **extra: object) -> str:
    with db.write() as uow:
        created = catalogue.add_unit(
            uow,
            user=USER,
            data=UnitData(item_code=item_code, **extra),
            clock=clock,  # type: ignore[arg-type]
        )
        return created.barcode


def customer(
    db: Database,
    name: str = "Compagnie du Rocher",
    number: str = "",
    member_from: str | None = None,
) -> str:
    from booking import customers

    with db.write() as uow:
        created = customers.save_customer(
            uow, user=USER, data=customers.parse_customer({"name": name, "number": number})
        )
        if member_from:
            customers.add_membership(
                uow,
                user=USER,
                customer_id=created.id,  # type: ignore[arg-type]
                member_number=f"S{created.number}",
                valid_from=member_from,
            )
        return created.number


def booking(
    db: Database,
    clock: Clock,
    customer_number: str,
    start: str,
    end: str,
    lines: dict[str, int],
    confirm: bool = True,
) -> str:
    import datetime as dt

    from booking import bookings

    data = bookings.BookingData(
        customer=customer_number,
        start=dt.datetime.fromisoformat(start),
        end=dt.datetime.fromisoformat(end),
        lines=[bookings.Line(code, qty) for code, qty in lines.items()],
    )
    with db.write() as uow:
        return bookings.create_booking(
            uow, user=USER, data=data, clock=clock, confirm=confirm
        ).reference
