"""What needs doing today, for the home screen: today's pick-ups, the returns due today,
late returns, shortages in the next 14 days (the availability engine), overdue
inspections (``inventory.maintenance.inspections_due``, the inspections report's rule)
and overdue invoices (``invoicing.payments``).

``load_dashboard(uow, clock)`` reads every panel in one go; each panel keeps its first
``FIRST_ROWS`` lines and the count of all of them. Qt-free: the GUI shows it, a test or
the CLI may read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.money import to_cents
from booking import availability, desk
from booking.models import Booking, BookingStatus, Customer
from inventory import maintenance
from invoicing import opening, payments
from invoicing.document import Kind
from invoicing.models import IssuedDocument

#: Lines listed per panel (the count says how many there are in all).
FIRST_ROWS = 50
SHORTAGE_DAYS = 14
PANELS = ("pickups", "returns", "late", "shortages", "inspections", "invoices")


@dataclass(frozen=True)
class Line:
    """One row of a panel; ``target`` is what opening it needs (an id, a reference...)."""

    target: Any
    when: dt.datetime | dt.date | None
    title: str
    detail: str
    amount_cents: int | None = None
    figure: int | None = None


@dataclass(frozen=True)
class PanelData:
    lines: list[Line] = field(default_factory=list)
    count: int = 0
    total_cents: int | None = None


@dataclass(frozen=True)
class DashboardData:
    today: dt.date
    pickups: PanelData
    returns: PanelData
    late: PanelData
    shortages: PanelData
    inspections: PanelData
    invoices: PanelData

    def panel(self, key: str) -> PanelData:
        data: PanelData = getattr(self, key)
        return data


def _panel(lines: list[Line], total_cents: int | None = None) -> PanelData:
    return PanelData(lines[:FIRST_ROWS], len(lines), total_cents)


def _customers(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    query = select(col(Customer.id), Customer.name).where(col(Customer.id).in_(ids))
    return {cid: name for cid, name in uow.session.exec(query) if cid is not None}


def pickups(uow: UnitOfWork, clock: Clock) -> list[Booking]:
    """Today's pick-ups: the desk's departures of the day still to pick (confirmed, or
    out since today and maybe not complete)."""
    today = clock.today()
    return [
        b
        for b in desk.departures(uow, clock=clock, days=1)
        if b.status == BookingStatus.CONFIRMED.value or b.start.date() == today
    ]


def returns_due(uow: UnitOfWork, clock: Clock) -> list[Booking]:
    """Out bookings due back today and not late yet."""
    now = clock.local_now()
    tomorrow = dt.datetime.combine(clock.today() + dt.timedelta(days=1), dt.time())
    query = (
        select(Booking)
        .where(
            Booking.status == BookingStatus.OUT.value,
            Booking.end >= now,
            Booking.end < tomorrow,
        )
        .order_by(col(Booking.end), col(Booking.id))
    )
    return list(uow.session.exec(query))


def late_returns(uow: UnitOfWork, clock: Clock) -> list[Booking]:
    """Out bookings past their end: something is still out."""
    query = (
        select(Booking)
        .where(Booking.status == BookingStatus.OUT.value, Booking.end < clock.local_now())
        .order_by(col(Booking.end), col(Booking.id))
    )
    return list(uow.session.exec(query))


def overdue_inspections(uow: UnitOfWork, today: dt.date) -> list[maintenance.Due]:
    """Each inspection past due on a unit that needs it (not lost, not retired), the
    oldest first: ``maintenance.inspections_due``, as the inspections report."""
    return maintenance.inspections_due(uow, today=today)


def _booking_lines(uow: UnitOfWork, found: list[Booking], when: str) -> list[Line]:
    names = _customers(uow, {b.customer_id for b in found})
    return [
        Line(
            (b.id, b.reference),
            getattr(b, when),
            b.reference,
            " · ".join(filter(None, (names.get(b.customer_id, ""), b.event))),
        )
        for b in found
    ]


def _invoice_lines(uow: UnitOfWork, today: dt.date) -> PanelData:
    overdue = payments.overdue_invoices(uow, today)
    query = select(IssuedDocument.number, IssuedDocument.id).where(
        IssuedDocument.kind == Kind.INVOICE.value,
        col(IssuedDocument.number).in_([b.number for b in overdue]),
    )
    ids = dict(uow.session.exec(query).all())
    balances = [to_cents(b.balance) for b in overdue]
    lines = [
        Line(ids.get(b.number), b.due_date, b.number, b.buyer_name, amount_cents=cents)
        for b, cents in zip(overdue, balances, strict=True)
    ]
    # the previous tool's invoices still owed (opening entries): listed, opened nowhere
    late_openings = [
        row
        for row in opening.opening_rows(uow, as_of=today)
        if row.balance_cents > 0 and row.due_date < today
    ]
    lines += [
        Line(None, row.due_date, row.reference, row.customer_name, amount_cents=row.balance_cents)
        for row in late_openings
    ]
    lines.sort(key=lambda line: (line.when, line.title))
    return _panel(lines, sum(balances) + sum(row.balance_cents for row in late_openings))


def load_dashboard(uow: UnitOfWork, clock: Clock) -> DashboardData:
    today, now = clock.today(), clock.local_now()
    short = availability.shortages(uow, now, now + dt.timedelta(days=SHORTAGE_DAYS), now=now)
    shortage_lines = [
        Line((s.item_type_id, s.at.date()), s.at, s.code, s.name, figure=s.missing) for s in short
    ]
    inspection_lines = [
        Line(due.barcode, due.due_on, due.barcode, f"{due.type_name} · {due.schedule}")
        for due in overdue_inspections(uow, today)
    ]
    return DashboardData(
        today,
        _panel(_booking_lines(uow, pickups(uow, clock), "start")),
        _panel(_booking_lines(uow, returns_due(uow, clock), "end")),
        _panel(_booking_lines(uow, late_returns(uow, clock), "end")),
        _panel(shortage_lines),
        _panel(inspection_lines),
        _invoice_lines(uow, today),
    )
