"""The customers a list may be filtered by (the bookings and invoices screens, monthly
statements): id, number and name, sorted by name; and the Chorus Pro service codes the
booking editor shows as the buyer's reference by default."""

from __future__ import annotations

from sqlmodel import col, select

from app.core.db import UnitOfWork
from booking.models import Customer

#: One choice: the customer's id, number and name.
CustomerChoice = tuple[int, str, str]


def customer_choices(uow: UnitOfWork) -> list[CustomerChoice]:
    """Every customer as ``(id, number, name)``, by name (then number, for namesakes)."""
    query = select(Customer.id, Customer.number, Customer.name).order_by(
        col(Customer.name), col(Customer.number)
    )
    return [(cid or 0, number, name) for cid, number, name in uow.session.exec(query)]


def service_codes(uow: UnitOfWork) -> dict[str, str]:
    """Customer number → Chorus Pro service code, for the customers that have one."""
    query = select(Customer.number, Customer.service_code).where(col(Customer.service_code) != "")
    return {number: code for number, code in uow.session.exec(query)}
