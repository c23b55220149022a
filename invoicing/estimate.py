"""What a booking costs, from its customer, its periods and its lines — stored, or still
being edited and not saved.

``booking_lines`` prices a booking's lines (rental with its days, coefficient and
discounts; consumables sold; what the desk recorded: losses, damage, late returns) and
``price`` adds the minimum charge and the deposit. The quote (``invoices.quote_document``)
and the booking editor's live panel (``invoices.draft_quote``) both go through ``price``,
so the screen shows the numbers the quote prints.

A ``Draft`` carries what pricing reads of a booking: the same attribute names as
``booking.models.Booking`` (``id``, ``reference``, ``customer_id``, the periods), plus the
booked quantities per item type. ``id`` is the stored booking whose own pricing (discounts,
coefficients, minimum) and desk record apply, or 0 for a booking not saved yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import bindparam, func
from sqlalchemy import select as core_select
from sqlmodel import select

from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.money import from_cents
from booking import bookings, memberships
from booking.availability import table_of
from booking.bookings import BookingData
from booking.customers import customer_by_number
from booking.desk import progress
from booking.models import Booking, BookingLine
from inventory.models import Category, ItemType
from invoicing import charges, pricing, pricing_reads, rates
from invoicing.document import Line
from invoicing.issuing import Covered

_LINE = table_of(BookingLine)
_TYPE = table_of(ItemType)
#: A stored booking's quantities per item type, in the order of its lines.
_BOOKED = (
    core_select(_LINE.c.item_type_id, func.sum(_LINE.c.quantity))
    .where(_LINE.c.booking_id == bindparam("booking_id"))
    .group_by(_LINE.c.item_type_id)
    .order_by(func.min(_LINE.c.id))
)
_TYPES = select(ItemType).where(id_column(ItemType).in_(bindparam("ids", expanding=True)))
_DEPOSITS = core_select(_TYPE.c.id, _TYPE.c.deposit_cents).where(
    _TYPE.c.id.in_(bindparam("ids", expanding=True))
)


@dataclass(frozen=True)
class Draft:
    """A booking as pricing sees it (attribute names of ``Booking``)."""

    customer_id: int
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime
    use_end: dt.datetime
    booked: Mapping[int, int] = field(default_factory=dict)  # item type id → quantity
    id: int = 0  # the stored booking, 0 when not saved yet
    reference: str = ""
    event: str = ""
    venue: str = ""


def draft_of(uow: UnitOfWork, booking: Booking) -> Draft:
    """A stored booking as it is in the database."""
    booking_id = require_id(booking)

    def load() -> dict[int, int]:
        found = uow.session.execute(_BOOKED, {"booking_id": booking_id})
        return {int(type_id): int(quantity) for type_id, quantity in found}

    booked = pricing_reads.scoped(uow, ("booked", booking_id), load)
    return Draft(
        customer_id=booking.customer_id,
        start=booking.start,
        end=booking.end,
        use_start=booking.use_start,
        use_end=booking.use_end,
        booked=booked,
        id=booking.id or 0,
        reference=booking.reference,
        event=booking.event,
        venue=booking.venue,
    )


def draft_from_data(uow: UnitOfWork, data: BookingData, booking: Booking | None = None) -> Draft:
    """A booking as typed (``BookingData``: customer number, periods, lines by item type or
    kit code), checked the way saving checks it; ``booking`` is the stored booking being
    edited (its reference, pricing and desk record apply), None for a new one."""
    customer = customer_by_number(uow, data.customer)
    # The booking service's own checks, so a draft is priced only when it could be saved.
    start, end, use_start, use_end = bookings._periods(data)
    expanded = bookings._expand(uow, data.lines)
    return Draft(
        customer_id=customer.id or 0,
        start=start,
        end=end,
        use_start=use_start,
        use_end=use_end,
        booked=bookings._wanted(expanded),
        id=(booking.id or 0) if booking is not None else 0,
        reference=booking.reference if booking is not None else "",
        event=data.event,
        venue=data.venue,
    )


def booking_lines(
    uow: UnitOfWork, draft: Draft, clock: Clock
) -> tuple[list[Covered], charges.RateChoice]:
    """Everything the booking owes so far, line by line, whatever was invoiced already:
    rental (charged days, the family's coefficient, the day rate of the customer's rate,
    line and booking discounts), consumables sold and, for a stored booking, what the desk
    recorded."""
    with pricing_reads.pricing_scope(uow):
        return _booking_lines(uow, draft, clock)


def _booking_lines(
    uow: UnitOfWork, draft: Draft, clock: Clock
) -> tuple[list[Covered], charges.RateChoice]:
    choice = charges.rate_choice(uow, draft)
    rule = rates.weekend_rule(uow)
    days = pricing.charged_days(draft.use_start, draft.use_end, draft.start, draft.end, rule)
    booking_discount = rates.bp_percent(rates.booking_pricing(uow, draft.id).discount_bp)
    discounts = rates.line_discounts(uow, draft.id)
    booked = {t: q for t, q in draft.booked.items() if q > 0}
    moved = {p.item_type_id: p for p in progress(uow, draft.id)} if draft.id else {}
    wanted = set(booked) | set(moved)
    items = {require_id(i): i for i in uow.session.exec(_TYPES, params={"ids": sorted(wanted)})}
    pricing_reads.read_item_rates(uow, items)
    pricing_reads.keep_deposits(uow, {t: i.deposit_cents for t, i in items.items()})
    order = sorted(items, key=lambda t: (items[t].category == Category.CONSUMABLES, items[t].name))
    out: list[Covered] = []
    for tid in order:
        item = items[tid]
        vat = rates.vat_of(uow, item)
        if item.category == Category.CONSUMABLES:
            p = moved.get(tid)
            sold = booked.get(tid, 0)
            if p is not None and p.left:
                sold = p.left - (p.back - p.damaged - p.missing)
            if sold > 0:
                line = pricing.sale_line(
                    name=item.name,
                    code=item.code,
                    quantity=sold,
                    unit_price=from_cents(item.sale_price_cents),
                    vat=vat,
                    discount=discounts.get(tid, pricing.ZERO),
                )
                out.append(Covered(line, f"sale:{tid}", sold))
            continue
        qty = booked.get(tid, 0)
        if qty > 0:
            coef = pricing.coefficient(rates.coefficients_for(uow, draft.id, item.category), days)
            line = pricing.rental_line(
                name=item.name,
                code=item.code,
                quantity=qty,
                days=days,
                coef=coef,
                day_rate=charges.day_rate(uow, item, choice),
                vat=vat,
                line_discount=discounts.get(tid, pricing.ZERO),
                booking_discount=booking_discount,
            )
            out.append(Covered(line, f"rental:{tid}", qty))
    if draft.id:
        out += charges._desk_charges(uow, draft, items, moved, choice, clock)
    return out, choice


def deposit_of(uow: UnitOfWork, booked: Mapping[int, int]) -> Decimal:
    """Σ quantity × the type's deposit."""
    deposits = pricing_reads.known_deposits(uow, booked)
    if deposits is None:
        wanted = sorted(booked)
        found = uow.session.execute(_DEPOSITS, {"ids": wanted}) if wanted else ()
        deposits = {int(type_id): int(cents) for type_id, cents in found}
    total = sum(quantity * deposits.get(t, 0) for t, quantity in booked.items())
    return from_cents(total)


@dataclass(frozen=True)
class Priced:
    """A booking's price and why: the lines (the minimum top-up included), the rate chosen
    and the facts that chose it, the days charged, the discounts, the deposit."""

    covered: tuple[Covered, ...]
    choice: charges.RateChoice
    member_number: str | None  # "S-0042", or "S-0042, S-0043" across a renewal
    member_until: dt.date | None  # the (last) membership's last day, None when open-ended
    days: int  # days charged
    use_days: int  # calendar days of use
    weekend: bool  # the weekend rule made it one day
    coefficients: Mapping[str, Decimal]  # item code → the coefficient of its rental line
    booking_discount: Decimal  # percent
    line_discounts: Mapping[str, Decimal]  # item code → percent
    minimum: Decimal  # the minimum charge that applies
    top_up: Decimal  # what the minimum adds (0 when the rental reaches it)
    deposit: Decimal

    @property
    def lines(self) -> list[Line]:
        return [c.line for c in self.covered]

    def net_of(self, code: str) -> Decimal:
        """The net of the lines of item type ``code`` (rental or sale)."""
        return sum((ln.net for ln in self.lines if ln.item_code == code), pricing.ZERO)


def price(uow: UnitOfWork, draft: Draft, clock: Clock) -> Priced:
    """What the quote of ``draft`` prints: its lines with the minimum charge, the rate and
    why, the deposit."""
    with pricing_reads.pricing_scope(uow):
        return _price(uow, draft, clock)


def _price(uow: UnitOfWork, draft: Draft, clock: Clock) -> Priced:
    covered, choice = booking_lines(uow, draft, clock)
    with_top_up = charges.with_minimum(uow, draft, covered)
    top_up = sum((c.line.net for c in with_top_up if c.covers == "minimum"), pricing.ZERO)
    cover = memberships.member_during(uow, draft.customer_id, draft.use_start, draft.use_end)
    rule = rates.weekend_rule(uow)
    days = pricing.charged_days(draft.use_start, draft.use_end, draft.start, draft.end, rule)
    discounts = rates.line_discounts(uow, draft.id)
    query = select(ItemType).where(id_column(ItemType).in_(set(draft.booked)))
    items = {require_id(i): i for i in uow.session.exec(query)}
    coefficients = {
        item.code: pricing.coefficient(rates.coefficients_for(uow, draft.id, item.category), days)
        for item in items.values()
        if item.category != Category.CONSUMABLES
    }
    return Priced(
        covered=tuple(with_top_up),
        choice=choice,
        member_number=memberships.numbers(cover) if cover else None,
        member_until=memberships.cover_ends(cover),
        days=days,
        use_days=pricing.use_days(draft.use_start, draft.use_end),
        weekend=pricing.is_weekend(draft.start, draft.end, rule),
        coefficients=coefficients,
        booking_discount=rates.bp_percent(rates.booking_pricing(uow, draft.id).discount_bp),
        line_discounts={items[t].code: pct for t, pct in discounts.items() if t in items},
        minimum=rates.booking_minimum(uow, draft.id),
        top_up=top_up,
        deposit=deposit_of(uow, draft.booked),
    )
