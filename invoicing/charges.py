"""What a booking owes, line by line, each line saying what it covers: rental (days,
coefficient, rate), consumables sold, losses and damage found at the desk, late returns,
the minimum charge. ``billable`` gives everything; ``uninvoiced`` subtracts what earlier
issued invoices of the booking covered.

Decisions (where the spec is silent):
- consumables sold: the booked quantity while nothing has left; once moved, what left and
  did not come back in good condition;
- a loss is charged at the type's replacement value per missing piece; a damage only once
  the manager recorded its amount (``record_damage_charge``);
- a late return is charged per piece and whole calendar day after the planned return
  (same-day lateness is free), at the day rate without coefficient; pieces still out are
  charged once they come back;
- the minimum charge tops up the rental on the first invoice only;
- a credit note does not "uncover" what its invoice covered.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Protocol

from sqlalchemy import func
from sqlmodel import col, select

from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import Conflict, NotFound
from app.core.money import from_cents, quantize
from booking.bookings import booking_by_ref
from booking.customers import membership_covering
from booking.desk import LineProgress, progress
from booking.models import Booking, Condition, Customer, Direction, Movement
from inventory import fields
from inventory.catalogue import item_by_code
from inventory.models import Category, ItemType
from invoicing import pricing, rates
from invoicing.document import Kind, VatCategory
from invoicing.issuing import Covered
from invoicing.models import CategoryRate, DamageCharge, IssuedDocument, IssuedLine, ItemRate

MEMBER_LABEL = "Tarif adhérent (sociétaire {number})"
CATEGORY_LABEL = "Tarif {name}"
PUBLIC_LABEL = "Tarif non-adhérent"
#: The damage line's detail, French like every line text (printed on French invoices).
DAMAGE_PIECES = "{qty} pièce{s}"


@dataclass(frozen=True)
class RateChoice:
    kind: str  # member / category / public
    label: str
    category_id: int | None = None


class Priceable(Protocol):
    """What pricing reads of a booking: a stored ``Booking`` or an ``estimate.Draft``
    (``id`` 0 or None: not stored, so no pricing of its own and no desk record)."""

    @property
    def id(self) -> int | None: ...
    @property
    def customer_id(self) -> int: ...
    @property
    def start(self) -> dt.datetime: ...
    @property
    def end(self) -> dt.datetime: ...
    @property
    def use_start(self) -> dt.datetime: ...
    @property
    def use_end(self) -> dt.datetime: ...


def usage_days(booking: Priceable) -> tuple[dt.date, dt.date]:
    last = (booking.use_end - dt.timedelta(microseconds=1)).date()
    return booking.use_start.date(), last


def rate_choice(uow: UnitOfWork, booking: Priceable) -> RateChoice:
    first, last = usage_days(booking)
    membership = membership_covering(uow, booking.customer_id, first, last)
    if membership is not None:
        return RateChoice("member", MEMBER_LABEL.format(number=membership.member_number))
    category = rates.customer_category(uow, booking.customer_id)
    if category is not None:
        return RateChoice("category", CATEGORY_LABEL.format(name=category.name), category.id)
    return RateChoice("public", PUBLIC_LABEL)


def day_rate(uow: UnitOfWork, item: ItemType, choice: RateChoice) -> Decimal:
    rate = uow.session.get(ItemRate, item.id)
    if choice.category_id is not None:
        special = uow.session.get(CategoryRate, (choice.category_id, item.id))
        if special is not None:
            return from_cents(special.day_cents)
    if rate is None:
        raise Conflict(
            "No day rate is set for {name} ({code}): set its rates before quoting or invoicing.",
            name=item.name,
            code=item.code,
        )
    return from_cents(
        rate.member_day_cents if choice.kind == "member" else rate.non_member_day_cents
    )


def _late_returns(uow: UnitOfWork, booking: Priceable, clock: Clock) -> dict[int, list[int]]:
    """Per type, the days late of each piece checked in (good or damaged) after the
    planned return's day."""
    undone = select(Movement.undoes).where(col(Movement.undoes).is_not(None))
    query = select(Movement).where(
        Movement.booking_id == booking.id,
        Movement.direction == Direction.IN.value,
        col(Movement.undoes).is_(None),
        id_column(Movement).not_in(undone),
        Movement.condition != Condition.MISSING.value,
    )
    late: dict[int, list[int]] = defaultdict(list)
    for move in uow.session.exec(query):
        days = (clock.to_local(move.at).date() - booking.end.date()).days
        if days > 0:
            late[move.item_type_id] += [days] * move.quantity
    return late


def billable(uow: UnitOfWork, booking: Booking, clock: Clock) -> tuple[list[Covered], RateChoice]:
    """Everything the booking owes so far, whatever was invoiced already (priced by
    ``estimate.booking_lines``, the code the quote and the booking editor use)."""
    from invoicing import estimate  # estimate builds on this module

    return estimate.booking_lines(uow, estimate.draft_of(uow, booking), clock)


def _desk_charges(
    uow: UnitOfWork,
    booking: Priceable,
    items: Mapping[int, ItemType],
    moved: Mapping[int, LineProgress],
    choice: RateChoice,
    clock: Clock,
) -> list[Covered]:
    """What the desk recorded on a stored booking: losses, damage charges, late returns."""
    out: list[Covered] = []
    dvat = rates.damage_vat(uow)
    for tid, p in moved.items():
        item = items[tid]
        if p.missing > 0 and item.category != Category.CONSUMABLES:
            line = pricing.charge_line(
                text=pricing.LOSS_TEXT.format(name=item.name),
                code=item.code,
                quantity=p.missing,
                unit_amount=from_cents(item.replacement_value_cents),
                vat=dvat,
            )
            out.append(Covered(line, f"loss:{tid}", p.missing))
    charges = uow.session.exec(
        select(DamageCharge)
        .where(DamageCharge.booking_id == booking.id)
        .order_by(id_column(DamageCharge))
    )
    for charge in charges:
        item = _item_type(uow, items, charge.item_type_id)
        line = pricing.charge_line(
            text=pricing.DAMAGE_TEXT.format(name=item.name, note=charge.description),
            code=item.code,
            quantity=1,
            unit_amount=from_cents(charge.amount_cents),
            vat=dvat,
            detail=DAMAGE_PIECES.format(qty=charge.quantity, s="s" if charge.quantity > 1 else ""),
        )
        out.append(Covered(line, f"damage:{charge.id}", 1))
    for tid, late in sorted(_late_returns(uow, booking, clock).items()):
        item = _item_type(uow, items, tid)
        if item.category == Category.CONSUMABLES:
            continue
        groups: dict[int, int] = defaultdict(int)
        for d in late:
            groups[d] += 1
        rate = day_rate(uow, item, choice)
        line = pricing.late_line(
            name=item.name,
            code=item.code,
            piece_days=sum(late),
            groups=sorted(groups.items()),
            day_rate=rate,
            vat=rates.vat_of(uow, item),
        )
        out.append(Covered(line, f"late:{tid}", sum(late)))
    return out


def _item_type(uow: UnitOfWork, items: Mapping[int, ItemType], type_id: int) -> ItemType:
    return items.get(type_id) or uow.row(ItemType, type_id)


def with_minimum(uow: UnitOfWork, booking: Priceable, lines: list[Covered]) -> list[Covered]:
    rental = sum((c.line.net for c in lines if c.covers.startswith("rental:")), pricing.ZERO)
    vat = pricing.VatSpec(VatCategory.STANDARD, rates.default_vat(uow))
    top_up = pricing.minimum_line(rental, rates.booking_minimum(uow, booking.id or 0), vat)
    return lines + ([Covered(top_up, "minimum", 1)] if top_up is not None else [])


def covered_so_far(uow: UnitOfWork, booking_id: int) -> dict[str, int]:
    query = (
        select(IssuedLine.covers, func.sum(IssuedLine.covered_quantity))
        .join(IssuedDocument, id_column(IssuedDocument) == IssuedLine.document_id)
        .where(
            IssuedDocument.booking_id == booking_id,
            IssuedDocument.kind == Kind.INVOICE.value,
            IssuedLine.covers != "",
        )
        .group_by(IssuedLine.covers)
    )
    return {covers: int(qty) for covers, qty in uow.session.exec(query)}


def uninvoiced(uow: UnitOfWork, booking: Booking, clock: Clock) -> tuple[list[Covered], RateChoice]:
    """What the booking owes and no issued invoice covered yet."""
    everything, choice = billable(uow, booking, clock)
    done = covered_so_far(uow, require_id(booking))
    remaining: list[Covered] = []
    for c in everything:
        left = c.quantity - done.get(c.covers, 0)
        if left <= 0:
            continue
        remaining.append(c if left == c.quantity else _part(c, left))
    if "minimum" not in done and not done:
        remaining = with_minimum(uow, booking, remaining)
    return remaining, choice


def _part(c: Covered, left: int) -> Covered:
    """The uncovered part of a line: ``left`` of its ``quantity`` units."""
    ln = c.line
    detail = ln.detail
    if c.covers.startswith("rental:"):
        detail = str(left) + ln.detail[ln.detail.index(" ×") :]
    elif c.covers.startswith("late:"):
        detail = pricing.LATE_PART_DETAIL.format(qty=left, rate=pricing.euros(ln.unit_price))
    quantity = Decimal(left)
    net = quantize(quantity * ln.unit_price)
    return Covered(replace(ln, quantity=quantity, net=net, detail=detail), c.covers, left)


# --- damage charges -----------------------------------------------------------------------


def record_damage_charge(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    item_code: str,
    amount: str | Decimal | int,
    description: str,
    quantity: int = 1,
    clock: Clock,
) -> DamageCharge:
    """The manager's charge for pieces of a type checked in damaged on a booking (repair
    cost after inspection). Invoiced on the next invoice of the booking."""
    booking = booking_by_ref(uow, reference)
    item = item_by_code(uow, item_code)
    cents = fields.money_cents("amount", amount, required=True)
    if cents <= 0:
        raise Conflict("A damage charge must be more than zero.")
    text = fields.text("description", description, required=True)
    qty = fields.integer("quantity", quantity, minimum=1)
    damaged = next(
        (p.damaged for p in progress(uow, require_id(booking)) if p.item_type_id == item.id),
        0,
    )
    charged = uow.session.exec(
        select(func.coalesce(func.sum(DamageCharge.quantity), 0)).where(
            DamageCharge.booking_id == booking.id, DamageCharge.item_type_id == item.id
        )
    ).one()
    if damaged - int(charged) < qty:
        raise Conflict(
            "{name} ({code}): {damaged} came back damaged on {ref} and {charged} are already "
            "charged.",
            name=item.name,
            code=item.code,
            damaged=damaged,
            charged=charged,
            ref=booking.reference,
        )
    charge = DamageCharge(
        booking_id=require_id(booking),
        item_type_id=require_id(item),
        quantity=qty,
        amount_cents=cents,
        description=text,
        recorded_at=clock.now(),
        recorded_by=user,
    )
    uow.session.add(charge)
    uow.flush()
    return charge


def customer_of(uow: UnitOfWork, booking: Booking) -> Customer:
    customer = uow.session.get(Customer, booking.customer_id)
    if customer is None:  # pragma: no cover - foreign key
        raise NotFound("This customer no longer exists.")
    return customer
