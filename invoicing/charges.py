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
  (same-day lateness is free; a weekend booking back on Monday after the weekend rule's
  hour loses its free Monday: ``pricing.late_period``), by the cooperative's rule: at the
  day rate without coefficient (the default), a fixed fee per piece and per late day, or
  nothing (``rates.late_rule``); pieces still out are charged once they come back; the
  late line carries its own period (BG-26), from the first late day to the last return;
- the minimum charge tops up the rental on the first invoice that charges rental (and
  again after a credit note cancelled every rental and minimum line);
- a credit note "uncovers" the units it cancels (``covered_so_far``): a booking fully
  credited is invoiced again, at the prices of the day.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Protocol

from sqlalchemy import bindparam, case, exists, func
from sqlalchemy import select as core_select
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import Conflict, NotFound
from app.core.money import from_cents, quantize
from booking import memberships
from booking.availability import table_of
from booking.bookings import booking_by_ref
from booking.desk import LineProgress, progress
from booking.models import Booking, Condition, Customer, Direction, Movement
from inventory import fields
from inventory.catalogue import item_by_code, unit_by_barcode
from inventory.models import Category, ItemType
from invoicing import pricing, pricing_reads, rates
from invoicing.document import Kind, VatCategory
from invoicing.issuing import Covered
from invoicing.models import CategoryRate, DamageCharge, IssuedDocument, IssuedLine

_MOVE = table_of(Movement)
_UNDO = _MOVE.alias("undo")
#: The check-ins of a booking that count (not undone, not an undo, not a missing piece).
_CHECKED_IN = (
    core_select(_MOVE.c.item_type_id, _MOVE.c.at, _MOVE.c.quantity)
    .where(
        _MOVE.c.booking_id == bindparam("booking_id"),
        _MOVE.c.direction == Direction.IN.value,
        _MOVE.c.undoes.is_(None),
        ~exists().where(_UNDO.c.undoes == _MOVE.c.id),
        _MOVE.c.condition != Condition.MISSING.value,
    )
    .order_by(_MOVE.c.id)
)
_DAMAGE = table_of(DamageCharge)
_DAMAGES = (
    core_select(
        _DAMAGE.c.id,
        _DAMAGE.c.item_type_id,
        _DAMAGE.c.quantity,
        _DAMAGE.c.amount_cents,
        _DAMAGE.c.description,
    )
    .where(_DAMAGE.c.booking_id == bindparam("booking_id"))
    .order_by(_DAMAGE.c.id)
)
_DOC = table_of(IssuedDocument)
_ISSUED = table_of(IssuedLine)
#: Per ``covers``: the units a booking's invoices cover less those its credit notes cancel.
_COVERED = (
    core_select(
        _ISSUED.c.covers,
        func.sum(
            case((_DOC.c.kind == Kind.CREDIT_NOTE.value, -1), else_=1) * _ISSUED.c.covered_quantity
        ),
    )
    .select_from(_ISSUED.join(_DOC, _DOC.c.id == _ISSUED.c.document_id))
    .where(
        _DOC.c.booking_id == bindparam("booking_id"),
        _DOC.c.kind.in_((Kind.INVOICE.value, Kind.CREDIT_NOTE.value)),
        _ISSUED.c.covers != "",
    )
    .group_by(_ISSUED.c.covers)
)

MEMBER_LABEL = "Tarif adhérent (sociétaire {number})"
#: Between the member numbers of a renewal on the printed rate ("S-0042 puis S-0043").
MEMBER_SEPARATOR = " puis "
CATEGORY_LABEL = "Tarif {name}"
PUBLIC_LABEL = "Tarif non-adhérent"
#: The damage line's detail, French like every line text (printed on French invoices).
DAMAGE_PIECES = "{qty} pièce{s}"
#: A damage charge's printed note when the manager gave none ("… — dommage : réparation").
DEFAULT_DAMAGE_NOTE = "réparation"


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
    """The first and last calendar days of use (the usage period, not the planned one)."""
    return memberships.usage_days(booking.use_start, booking.use_end)


def rate_choice(uow: UnitOfWork, booking: Priceable) -> RateChoice:
    """Member rates when the customer is a member on every day of use (one membership, or
    a renewal taking over: ``booking.memberships``); else the customer's price category;
    else public rates."""
    cover = memberships.member_during(uow, booking.customer_id, booking.use_start, booking.use_end)
    if cover:
        number = memberships.numbers(cover, MEMBER_SEPARATOR)
        return RateChoice("member", MEMBER_LABEL.format(number=number))
    category = rates.customer_category(uow, booking.customer_id)
    if category is not None:
        return RateChoice("category", CATEGORY_LABEL.format(name=category.name), category.id)
    return RateChoice("public", PUBLIC_LABEL)


def day_rate(uow: UnitOfWork, item: ItemType, choice: RateChoice) -> Decimal:
    rate = pricing_reads.item_rate(uow, item.id)
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


@dataclass(frozen=True)
class LatePiece:
    """A piece checked in after its planned return: its late days (first, last)."""

    item_type_id: int
    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def late_pieces(uow: UnitOfWork, booking: Priceable, clock: Clock) -> list[LatePiece]:
    """Each piece checked in (good or damaged) after the booking's planned return, with
    its late days (``pricing.late_period``: the check-in scan's time in the cooperative's
    time zone against the planned return, the weekend rule's Monday included)."""
    rule = rates.weekend_rule(uow)
    weekend = pricing.is_weekend(booking.start, booking.end, rule)
    out: list[LatePiece] = []
    for type_id, at, quantity in uow.session.execute(_CHECKED_IN, {"booking_id": booking.id}):
        returned = clock.to_local(at)
        period = pricing.late_period(booking.end, returned, weekend=weekend, rule=rule)
        if period is not None:
            out += [LatePiece(type_id, *period)] * quantity
    return out


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
    charges = uow.session.execute(_DAMAGES, {"booking_id": booking.id})
    for charge_id, type_id, quantity, amount_cents, description in charges:
        item = _item_type(uow, items, type_id)
        line = pricing.charge_line(
            text=pricing.DAMAGE_TEXT.format(name=item.name, note=description),
            code=item.code,
            quantity=1,
            unit_amount=from_cents(amount_cents),
            vat=dvat,
            detail=DAMAGE_PIECES.format(qty=quantity, s="s" if quantity > 1 else ""),
        )
        out.append(Covered(line, f"damage:{charge_id}", 1))
    out += _late_lines(uow, booking, items, choice, clock)
    return out


def _late_lines(
    uow: UnitOfWork,
    booking: Priceable,
    items: Mapping[int, ItemType],
    choice: RateChoice,
    clock: Clock,
) -> list[Covered]:
    """One line per item type returned late, by the cooperative's rule (``rates.late_rule``:
    the day rate, a fee per piece and per day, or nothing), with its own period."""
    rule = rates.late_rule(uow)
    if rule.charge is pricing.LateCharge.NONE:
        return []
    by_type: dict[int, list[LatePiece]] = defaultdict(list)
    for piece in late_pieces(uow, booking, clock):
        by_type[piece.item_type_id].append(piece)
    out: list[Covered] = []
    for tid, pieces in sorted(by_type.items()):
        item = _item_type(uow, items, tid)
        if item.category == Category.CONSUMABLES:
            continue
        groups: dict[int, int] = defaultdict(int)
        for piece in pieces:
            groups[piece.days] += 1
        fee = rule.charge is pricing.LateCharge.FEE
        piece_days = sum(p.days for p in pieces)
        line = pricing.late_line(
            name=item.name,
            code=item.code,
            piece_days=piece_days,
            groups=sorted(groups.items()),
            day_rate=rule.fee if fee else day_rate(uow, item, choice),
            vat=rates.vat_of(uow, item),
            period=(min(p.first for p in pieces), max(p.last for p in pieces)),
            fee=fee,
        )
        out.append(Covered(line, f"late:{tid}", piece_days))
    return out


def _item_type(uow: UnitOfWork, items: Mapping[int, ItemType], type_id: int) -> ItemType:
    return items.get(type_id) or uow.row(ItemType, type_id)


def with_minimum(uow: UnitOfWork, booking: Priceable, lines: list[Covered]) -> list[Covered]:
    rental = sum((c.line.net for c in lines if c.covers.startswith("rental:")), pricing.ZERO)
    vat = pricing.VatSpec(VatCategory.STANDARD, rates.default_vat(uow))
    top_up = pricing.minimum_line(rental, rates.booking_minimum(uow, booking.id or 0), vat)
    return lines + ([Covered(top_up, "minimum", 1)] if top_up is not None else [])


def covered_so_far(uow: UnitOfWork, booking_id: int) -> dict[str, int]:
    """Per ``covers``, the units the booking's issued invoices cover, less the units its
    credit notes cancelled (a credit note's line stores the credited line's ``covers`` and
    the units it cancels; an amount-only credit cancels none). Only what is still covered
    is listed: after a full credit note nothing is, and the booking can be invoiced again."""
    found = uow.session.execute(_COVERED, {"booking_id": booking_id})
    return {str(covers): int(qty) for covers, qty in found if int(qty) > 0}


def uninvoiced(uow: UnitOfWork, booking: Booking, clock: Clock) -> tuple[list[Covered], RateChoice]:
    """What the booking owes and no issued invoice covers (net of credit notes). The
    minimum charge tops up the rental while neither a minimum nor any rental is covered:
    on the first rental invoice (a damage-only invoice before it does not count), and
    again once a credit note has cancelled all of them."""
    everything, choice = billable(uow, booking, clock)
    done = covered_so_far(uow, require_id(booking))
    remaining: list[Covered] = []
    for c in everything:
        left = c.quantity - done.get(c.covers, 0)
        if left <= 0:
            continue
        remaining.append(c if left == c.quantity else _part(c, left))
    if not any(k == "minimum" or k.startswith("rental:") for k in done):
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


@requires(Permission.INVOICING)
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
    item = damage_item(uow, booking, item_code)
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
    if damaged == 0:
        raise Conflict(
            "No piece of {name} ({code}) came back damaged on {ref}: a damage charge is "
            "recorded once a piece is checked in damaged.",
            name=item.name,
            code=item.code,
            ref=booking.reference,
        )
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


def damage_item(uow: UnitOfWork, booking: Booking, code: str) -> ItemType:
    """The item type ``code`` names on the booking: an item type's code or the barcode of
    one of its units; refused when the booking neither booked nor moved that type."""
    text = fields.text("code", code, required=True)
    try:
        item = item_by_code(uow, text)
    except NotFound:
        try:
            unit = unit_by_barcode(uow, text)
        except NotFound:
            raise NotFound("No item type or unit has the code {code}.", code=text) from None
        item = uow.row(ItemType, unit.item_type_id)
    if not any(p.item_type_id == item.id for p in progress(uow, require_id(booking))):
        raise Conflict(
            "{name} ({code}) is not on booking {ref}.",
            name=item.name,
            code=item.code,
            ref=booking.reference,
        )
    return item


@dataclass(frozen=True)
class DamageChoice:
    """An item type of a booking, for the damage charge dialog's chooser: how many of its
    pieces came back damaged and how many of those are charged already."""

    code: str
    name: str
    damaged: int
    charged: int

    @property
    def left(self) -> int:
        return max(self.damaged - self.charged, 0)


def damage_choices(uow: UnitOfWork, reference: str) -> list[DamageChoice]:
    """The booking's item types (booked or moved): those with damaged pieces not yet
    charged first, then those with damaged pieces, then the others."""
    booking = booking_by_ref(uow, reference)
    charged = dict(
        uow.session.exec(
            select(DamageCharge.item_type_id, func.sum(DamageCharge.quantity))
            .where(DamageCharge.booking_id == booking.id)
            .group_by(col(DamageCharge.item_type_id))
        ).all()
    )
    found = [
        DamageChoice(p.code, p.name, p.damaged, int(charged.get(p.item_type_id, 0)))
        for p in progress(uow, require_id(booking))
    ]
    return sorted(found, key=lambda c: (c.left == 0, c.damaged == 0, c.name.casefold()))


@dataclass(frozen=True)
class DamageRow:
    """A recorded damage charge; ``invoice``: the number of the invoice covering it (net
    of credit notes), None while it waits for an invoice."""

    id: int
    code: str
    name: str
    quantity: int
    amount_cents: int
    description: str
    recorded_at: dt.datetime
    recorded_by: str
    invoice: str | None


def damage_charges(uow: UnitOfWork, reference: str) -> list[DamageRow]:
    """The damage charges recorded on a booking, oldest first, each saying whether an
    invoice covers it (an invoice line covering ``damage:<id>``, not credited since)."""
    booking = booking_by_ref(uow, reference)
    covered = covered_so_far(uow, require_id(booking))
    numbers: dict[str, str] = {}
    query = (
        select(IssuedLine.covers, IssuedDocument.number)
        .join(IssuedDocument, id_column(IssuedDocument) == IssuedLine.document_id)
        .where(
            IssuedDocument.booking_id == booking.id,
            IssuedDocument.kind == Kind.INVOICE.value,
            col(IssuedLine.covers).startswith("damage:"),
        )
        .order_by(id_column(IssuedDocument))
    )
    for covers, number in uow.session.exec(query):
        numbers[covers] = number  # the latest invoice covering it
    rows: list[DamageRow] = []
    query2 = (
        select(DamageCharge, ItemType)
        .join(ItemType, id_column(ItemType) == DamageCharge.item_type_id)
        .where(DamageCharge.booking_id == booking.id)
        .order_by(id_column(DamageCharge))
    )
    for charge, item in uow.session.exec(query2):
        key = f"damage:{charge.id}"
        rows.append(
            DamageRow(
                id=require_id(charge),
                code=item.code,
                name=item.name,
                quantity=charge.quantity,
                amount_cents=charge.amount_cents,
                description=charge.description,
                recorded_at=charge.recorded_at,
                recorded_by=charge.recorded_by,
                invoice=numbers.get(key) if covered.get(key, 0) > 0 else None,
            )
        )
    return rows


def customer_of(uow: UnitOfWork, booking: Booking) -> Customer:
    customer = uow.session.get(Customer, booking.customer_id)
    if customer is None:  # pragma: no cover - foreign key
        raise NotFound("This customer no longer exists.")
    return customer
