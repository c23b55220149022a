"""Rates and pricing settings: day rates per item type (member, non-member, extra price
categories), VAT rate overrides, coefficient tables per equipment family with a
per-booking override, booking and line discounts, the minimum charge and the weekend rule.

Settings (``app.core.settings``, cooperative-wide) hold the defaults below; each service
validates everything before writing anything.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import bindparam, true
from sqlalchemy import select as core_select
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork
from app.core.errors import NotFound, ValidationError
from app.core.money import from_cents, quantize, to_decimal
from app.core.settings import get_setting, set_setting
from booking.availability import table_of
from booking.bookings import booking_by_ref
from booking.customers import customer_by_number
from inventory import fields
from inventory.catalogue import item_by_code
from inventory.models import Category, ItemType
from invoicing.document import VatCategory
from invoicing.models import (
    BookingPricing,
    CategoryRate,
    CoefficientStep,
    CoefficientTable,
    CustomerPriceCategory,
    FamilyCoefficient,
    ItemRate,
    LineDiscount,
    PriceCategory,
)
from invoicing.pricing import Coefficients, LateCharge, LateRule, VatSpec, WeekendRule
from invoicing.pricing_reads import item_rate, scoped

# Statements built once (SQLAlchemy caches their compiled form).
_DISCOUNT = table_of(LineDiscount)
_LINE_DISCOUNTS = core_select(_DISCOUNT.c.item_type_id, _DISCOUNT.c.discount_bp).where(
    _DISCOUNT.c.booking_id == bindparam("booking_id")
)
_STEP = table_of(CoefficientStep)
_STEPS = (
    core_select(_STEP.c.days, _STEP.c.coefficient_milli)
    .where(_STEP.c.table_id == bindparam("table_id"))
    .order_by(_STEP.c.days)
)
_FAMILY = table_of(FamilyCoefficient)
_TABLE = table_of(CoefficientTable)
#: A family's coefficient table and the default one, in one statement.
_FAMILY_OR_DEFAULT = core_select(
    core_select(_FAMILY.c.table_id)
    .where(_FAMILY.c.family == bindparam("family"))
    .scalar_subquery(),
    core_select(_TABLE.c.id).where(_TABLE.c.is_default == true()).limit(1).scalar_subquery(),
)
_PRICING = select(BookingPricing).where(col(BookingPricing.booking_id) == bindparam("booking_id"))
_CUSTOMER_CATEGORY = (
    select(PriceCategory)
    .join(CustomerPriceCategory, col(CustomerPriceCategory.category_id) == col(PriceCategory.id))
    .where(col(CustomerPriceCategory.customer_id) == bindparam("customer_id"))
)

# --- settings --------------------------------------------------------------------------

VAT_RATE = "invoicing.vat_rate"
PAYMENT_DAYS = "invoicing.payment_days"
QUOTE_VALIDITY_DAYS = "invoicing.quote_validity_days"
MINIMUM_CHARGE = "invoicing.minimum_charge"
WEEKEND_ENABLED = "invoicing.weekend_rule"
WEEKEND_OUT_FROM = "invoicing.weekend_out_from"
WEEKEND_BACK_BY = "invoicing.weekend_back_by"
DAMAGE_VAT_CATEGORY = "invoicing.damage_vat_category"
DAMAGE_VAT_RATE = "invoicing.damage_vat_rate"
PENALTY_RATE = "invoicing.penalty_rate"
#: How late returns are charged: "rate" (each late day at the day rate), "fee" (a fixed
#: fee per piece and per late day, ``LATE_RETURN_FEE`` in euros) or "none".
LATE_RETURN_RULE = "invoicing.late_return_rule"
LATE_RETURN_FEE = "invoicing.late_return_fee"

DEFAULTS: dict[str, str] = {
    VAT_RATE: "20.00",
    PAYMENT_DAYS: "30",
    QUOTE_VALIDITY_DAYS: "30",
    MINIMUM_CHARGE: "0.00",
    WEEKEND_ENABLED: "1",
    WEEKEND_OUT_FROM: "12:00",
    WEEKEND_BACK_BY: "12:00",
    # Damage and loss charges: standard 20 % by default (the safer choice, and a single
    # VAT category per invoice); "O" (outside the scope of VAT, an indemnity) is allowed
    # once the accountant confirms it (INVOICING-FR.md §6.4).
    DAMAGE_VAT_CATEGORY: "S",
    DAMAGE_VAT_RATE: "20.00",
    PENALTY_RATE: "taux de refinancement de la BCE majoré de 10 points",
    # "Tout retard sera facturé selon le tarif en vigueur" (INVOICING-FR.md §6.4).
    LATE_RETURN_RULE: LateCharge.RATE.value,
    LATE_RETURN_FEE: "0.00",
}

MAX_PERCENT = Decimal(100)
MAX_COEFFICIENT = Decimal(1000)


def setting(uow: UnitOfWork, key: str) -> str:
    return get_setting(uow, key) or DEFAULTS.get(key, "")


def _int_setting(uow: UnitOfWork, key: str) -> int:
    try:
        return int(setting(uow, key))
    except ValueError:
        return int(DEFAULTS[key])


def payment_days(uow: UnitOfWork) -> int:
    return _int_setting(uow, PAYMENT_DAYS)


def quote_validity_days(uow: UnitOfWork) -> int:
    return _int_setting(uow, QUOTE_VALIDITY_DAYS)


def default_vat(uow: UnitOfWork) -> Decimal:
    return to_decimal(setting(uow, VAT_RATE)).quantize(Decimal("0.01"))


def damage_vat(uow: UnitOfWork) -> VatSpec:
    category = VatCategory(setting(uow, DAMAGE_VAT_CATEGORY) or "S")
    if category is not VatCategory.STANDARD:
        return VatSpec(category, Decimal("0.00"))
    return VatSpec(category, to_decimal(setting(uow, DAMAGE_VAT_RATE)).quantize(Decimal("0.01")))


#: The VAT treatments a cooperative may give damage and loss charges.
DAMAGE_CATEGORIES = (VatCategory.STANDARD, VatCategory.OUT_OF_SCOPE)


def parse_damage_vat(category: str, rate: str | Decimal | int | None = None) -> VatSpec:
    """The damage and loss charges' VAT treatment as typed: ``category`` "S" (VAT at
    ``rate``, 20.00 when not given) or "O" (outside the scope of VAT, an indemnity: rate
    0). Refused: another category, a rate that is not a percentage, a zero rate with S."""
    text = str(category).strip().upper()
    allowed = {c.value: c for c in DAMAGE_CATEGORIES}
    if text not in allowed:
        raise ValidationError(
            "damage VAT",
            "{value!r} is not a VAT treatment of damage charges: S (VAT) or O (outside the "
            "scope of VAT).",
            value=category,
        )
    if allowed[text] is VatCategory.OUT_OF_SCOPE:
        return VatSpec(VatCategory.OUT_OF_SCOPE, Decimal("0.00"))
    given = DEFAULTS[DAMAGE_VAT_RATE] if rate is None or str(rate).strip() == "" else rate
    value = percent("damage VAT rate", str(given).strip().replace(",", "."))
    if value <= 0:
        raise ValidationError(
            "damage VAT rate", "A VAT rate of damage charges must be more than zero."
        )
    return VatSpec(VatCategory.STANDARD, quantize(value))


@requires(Permission.RATES)
def set_damage_vat(
    uow: UnitOfWork, *, user: str, category: str, rate: str | Decimal | int | None = None
) -> VatSpec:
    """Set the damage and loss charges' VAT treatment (``parse_damage_vat`` checks first;
    with O the stored rate is kept for a later S)."""
    spec = parse_damage_vat(category, rate)
    set_setting(uow, DAMAGE_VAT_CATEGORY, spec.category.value, permission=Permission.RATES)
    if spec.category is VatCategory.STANDARD:
        set_setting(uow, DAMAGE_VAT_RATE, str(spec.rate), permission=Permission.RATES)
    return damage_vat(uow)


def minimum_charge(uow: UnitOfWork) -> Decimal:
    return to_decimal(setting(uow, MINIMUM_CHARGE))


@functools.lru_cache(maxsize=64)
def _time(text: str) -> dt.time:
    """``"14:00"`` → 14:00 (parsed once per text: every pricing asks the weekend rule)."""
    return dt.datetime.strptime(text.strip(), "%H:%M").time()


def weekend_rule(uow: UnitOfWork) -> WeekendRule:
    return WeekendRule(
        enabled=setting(uow, WEEKEND_ENABLED) == "1",
        out_from=_time(setting(uow, WEEKEND_OUT_FROM)),
        back_by=_time(setting(uow, WEEKEND_BACK_BY)),
    )


@requires(Permission.RATES)
def set_weekend_rule(
    uow: UnitOfWork, *, user: str, enabled: bool, out_from: str, back_by: str
) -> WeekendRule:
    times = []
    for name, value in (("out from", out_from), ("back by", back_by)):
        try:
            times.append(_time(value))
        except ValueError:
            raise ValidationError(
                name, "{value!r} is not a time of day (write it 14:00).", value=value
            ) from None
    set_setting(uow, WEEKEND_ENABLED, "1" if enabled else "0", permission=Permission.RATES)
    set_setting(uow, WEEKEND_OUT_FROM, times[0].strftime("%H:%M"), permission=Permission.RATES)
    set_setting(uow, WEEKEND_BACK_BY, times[1].strftime("%H:%M"), permission=Permission.RATES)
    return weekend_rule(uow)


def late_rule(uow: UnitOfWork) -> LateRule:
    """How late returns are charged (an unreadable stored value: the default, full rate)."""
    try:
        charge = LateCharge(setting(uow, LATE_RETURN_RULE))
    except ValueError:
        charge = LateCharge.RATE
    try:
        fee = quantize(to_decimal(setting(uow, LATE_RETURN_FEE)))
    except ValueError:
        fee = Decimal("0.00")
    return LateRule(charge, fee)


def parse_late_rule(charge: str, fee: str | Decimal | int) -> LateRule:
    """A late-return rule as typed: ``charge`` "rate", "fee" or "none"; ``fee`` the amount
    per piece and per late day, excl. VAT (checked always, required above zero with
    "fee")."""
    kind = fields.choice("late returns", charge, LateCharge)
    cents = fields.money_cents("late fee", fee)
    if kind is LateCharge.FEE and cents <= 0:
        raise ValidationError(
            "late fee", "A late fee per piece and per day must be more than zero."
        )
    return LateRule(kind, from_cents(cents))


@requires(Permission.RATES)
def set_late_rule(uow: UnitOfWork, *, user: str, charge: str, fee: str | Decimal | int) -> LateRule:
    """Set how late returns are charged (``parse_late_rule`` checks first)."""
    rule = parse_late_rule(charge, fee)
    set_setting(uow, LATE_RETURN_RULE, rule.charge.value, permission=Permission.RATES)
    set_setting(uow, LATE_RETURN_FEE, str(rule.fee), permission=Permission.RATES)
    return late_rule(uow)


def percent(field: str, value: str | Decimal | int) -> Decimal:
    """A percentage 0–100 with at most two decimals (12,5 %)."""
    try:
        amount = to_decimal(value) if not isinstance(value, Decimal) else value
    except ValueError:
        raise ValidationError(field, "{value!r} is not a percentage.", value=value) from None
    if amount < 0 or amount > MAX_PERCENT or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(
            field, "The {field} must be between 0 and 100, with at most two decimals.", field=field
        )
    return amount


def _bp(value: Decimal) -> int:
    return int(value * 100)


def bp_percent(bp: int) -> Decimal:
    return (Decimal(bp) / 100).quantize(Decimal("0.01"))


def _coef(field: str, value: str | Decimal | int) -> int:
    try:
        amount = to_decimal(value) if not isinstance(value, Decimal) else value
    except ValueError:
        raise ValidationError(field, "{value!r} is not a coefficient.", value=value) from None
    if amount <= 0 or amount > MAX_COEFFICIENT or amount != amount.quantize(Decimal("0.001")):
        raise ValidationError(
            field,
            "The {field} must be above 0, with at most three decimals.",
            field=field,
        )
    return int(amount * 1000)


# --- day rates -------------------------------------------------------------------------


@requires(Permission.RATES)
def set_item_rate(
    uow: UnitOfWork,
    *,
    user: str,
    item_code: str,
    member_day: str | Decimal | int,
    non_member_day: str | Decimal | int,
    vat_rate: str | Decimal | int | None = None,
) -> ItemRate:
    item = item_by_code(uow, item_code)
    member = fields.money_cents("member day rate", member_day, required=True)
    public = fields.money_cents("non-member day rate", non_member_day, required=True)
    vat_bp = None if vat_rate is None or vat_rate == "" else _bp(percent("VAT rate", vat_rate))
    rate = uow.session.get(ItemRate, item.id) or ItemRate(item_type_id=item.id)  # type: ignore[arg-type]
    rate.member_day_cents, rate.non_member_day_cents, rate.vat_rate_bp = member, public, vat_bp
    uow.session.add(rate)
    uow.flush()
    return rate


@requires(Permission.RATES)
def create_price_category(uow: UnitOfWork, *, user: str, code: str, name: str) -> PriceCategory:
    code = fields.text("code", code, required=True, limit=20)
    name = fields.text("name", name, required=True)
    if uow.session.exec(select(PriceCategory).where(PriceCategory.code == code)).first():
        raise ValidationError("code", "The price category {code} already exists.", code=code)
    category = PriceCategory(code=code, name=name)
    uow.session.add(category)
    uow.flush()
    return category


def price_category(uow: UnitOfWork, code: str) -> PriceCategory:
    found = uow.session.exec(select(PriceCategory).where(PriceCategory.code == code)).first()
    if found is None:
        raise NotFound("No price category has the code {code}.", code=code)
    return found


@requires(Permission.RATES)
def set_category_rate(
    uow: UnitOfWork, *, user: str, category_code: str, item_code: str, day: str | Decimal | int
) -> CategoryRate:
    category = price_category(uow, category_code)
    item = item_by_code(uow, item_code)
    cents = fields.money_cents("day rate", day, required=True)
    row = uow.session.get(CategoryRate, (category.id, item.id)) or CategoryRate(
        category_id=category.id,  # type: ignore[arg-type]
        item_type_id=item.id,  # type: ignore[arg-type]
        day_cents=cents,
    )
    row.day_cents = cents
    uow.session.add(row)
    uow.flush()
    return row


@requires(Permission.RATES)
def assign_price_category(
    uow: UnitOfWork, *, user: str, customer_number: str, category_code: str | None
) -> None:
    """Give a customer a price category (None: back to member / non-member rates)."""
    customer = customer_by_number(uow, customer_number)
    row = uow.session.get(CustomerPriceCategory, customer.id)
    if category_code is None:
        if row is not None:
            uow.session.delete(row)
        return
    category = price_category(uow, category_code)
    if row is None:
        row = CustomerPriceCategory(customer_id=customer.id, category_id=category.id)  # type: ignore[arg-type]
    row.category_id = category.id  # type: ignore[assignment]
    uow.session.add(row)
    uow.flush()


def customer_category(uow: UnitOfWork, customer_id: int) -> PriceCategory | None:
    def load() -> PriceCategory | None:
        return uow.session.exec(_CUSTOMER_CATEGORY, params={"customer_id": customer_id}).first()

    return scoped(uow, ("customer_category", customer_id), load)


def vat_of(uow: UnitOfWork, item: ItemType) -> VatSpec:
    rate = item_rate(uow, item.id)
    if rate is not None and rate.vat_rate_bp is not None:
        return VatSpec(VatCategory.STANDARD, bp_percent(rate.vat_rate_bp))
    return VatSpec(VatCategory.STANDARD, default_vat(uow))


# --- coefficient tables ------------------------------------------------------------------


@requires(Permission.RATES)
def save_coefficient_table(
    uow: UnitOfWork,
    *,
    user: str,
    name: str,
    steps: Mapping[int, str | Decimal | int],
    is_default: bool = False,
) -> CoefficientTable:
    """Create or replace a table of day coefficients (days → coefficient)."""
    name = fields.text("name", name, required=True)
    if not steps or 1 not in steps:
        raise ValidationError("days", "A coefficient table must give the coefficient of 1 day.")
    milli = {}
    for days, value in steps.items():
        fields.integer("days", days, minimum=1, maximum=3660)
        milli[days] = _coef("coefficient", value)
    table = uow.session.exec(select(CoefficientTable).where(CoefficientTable.name == name)).first()
    if table is None:
        table = CoefficientTable(name=name)
        uow.session.add(table)
        uow.flush()
    else:
        for old in uow.session.exec(
            select(CoefficientStep).where(CoefficientStep.table_id == table.id)
        ):
            uow.session.delete(old)
        uow.flush()
    if is_default:
        for other in uow.session.exec(
            select(CoefficientTable).where(CoefficientTable.is_default == True)  # noqa: E712
        ):
            other.is_default = False
        table.is_default = True
    for days, value in sorted(milli.items()):
        uow.session.add(CoefficientStep(table_id=table.id, days=days, coefficient_milli=value))  # type: ignore[arg-type]
    uow.flush()
    uow.memo.pop((CoefficientTable, table.id), None)
    _forget_coefficients(uow)
    return table


def coefficient_table(uow: UnitOfWork, name: str) -> CoefficientTable:
    found = uow.session.exec(select(CoefficientTable).where(CoefficientTable.name == name)).first()
    if found is None:
        raise NotFound("No coefficient table is named {name}.", name=name)
    return found


@requires(Permission.RATES)
def set_family_table(uow: UnitOfWork, *, user: str, family: str, table_name: str | None) -> None:
    """The coefficient table of an equipment family (None: back to the default table)."""
    family = fields.choice("category", family, Category).value
    _forget_coefficients(uow)
    row = uow.session.get(FamilyCoefficient, family)
    if table_name is None:
        if row is not None:
            uow.session.delete(row)
        return
    table = coefficient_table(uow, table_name)
    row = row or FamilyCoefficient(family=family, table_id=table.id)  # type: ignore[arg-type]
    row.table_id = table.id  # type: ignore[assignment]
    uow.session.add(row)
    uow.flush()


def _steps(uow: UnitOfWork, table_id: int) -> Coefficients:
    key = (CoefficientTable, table_id)
    if key in uow.memo:
        return uow.memo[key]  # type: ignore[return-value]
    rows = uow.session.execute(_STEPS, {"table_id": table_id}).all()
    found = Coefficients(steps=tuple((d, Decimal(m) / 1000) for d, m in rows))
    uow.memo[key] = found
    return found


def coefficients_for(uow: UnitOfWork, booking_id: int, family: str) -> Coefficients:
    """Booking override (fixed coefficient or table) → family table → default table →
    the built-in default (INVOICING-FR.md §6.1). Memoised per unit of work."""
    key = ("coefficients", booking_id, family)
    if key not in uow.memo:
        uow.memo[key] = _coefficients_for(uow, booking_id, family)
    return uow.memo[key]  # type: ignore[return-value]


def _forget_coefficients(uow: UnitOfWork) -> None:
    for key in [k for k in uow.memo if isinstance(k, tuple) and k[0] == "coefficients"]:
        del uow.memo[key]


def _coefficients_for(uow: UnitOfWork, booking_id: int, family: str) -> Coefficients:
    override = _pricing_row(uow, booking_id)
    if override is not None and override.fixed_coefficient_milli is not None:
        return Coefficients(fixed=Decimal(override.fixed_coefficient_milli) / 1000)
    if override is not None and override.coefficient_table_id is not None:
        return _steps(uow, override.coefficient_table_id)
    found = uow.session.execute(_FAMILY_OR_DEFAULT, {"family": family}).first()
    family_table, default = found if found is not None else (None, None)
    if family_table is not None:
        return _steps(uow, int(family_table))
    return _steps(uow, int(default)) if default is not None else Coefficients()


# --- per-booking pricing ------------------------------------------------------------------


@requires(Permission.BOOKINGS)
def set_booking_pricing(
    uow: UnitOfWork,
    *,
    user: str,
    reference: str,
    table_name: str | None = None,
    fixed_coefficient: str | Decimal | None = None,
    discount: str | Decimal | int = 0,
    minimum: str | Decimal | int | None = None,
) -> BookingPricing:
    """A booking's overrides: a coefficient table or a fixed coefficient (not both), a
    discount on its rental, its own minimum charge."""
    booking = booking_by_ref(uow, reference)
    if table_name and fixed_coefficient is not None:
        raise ValidationError(
            "coefficient", "Choose a coefficient table or a fixed coefficient, not both."
        )
    table_id = coefficient_table(uow, table_name).id if table_name else None
    fixed = None if fixed_coefficient is None else _coef("coefficient", fixed_coefficient)
    disc = _bp(percent("discount", discount))
    minimum_cents = fields.optional_money_cents("minimum charge", minimum)
    _forget_coefficients(uow)
    row = uow.session.get(BookingPricing, booking.id) or BookingPricing(booking_id=booking.id)  # type: ignore[arg-type]
    row.coefficient_table_id, row.fixed_coefficient_milli = table_id, fixed
    row.discount_bp, row.minimum_cents = disc, minimum_cents
    uow.session.add(row)
    uow.flush()
    return row


@requires(Permission.BOOKINGS)
def set_line_discount(
    uow: UnitOfWork, *, user: str, reference: str, item_code: str, discount: str | Decimal | int
) -> None:
    booking = booking_by_ref(uow, reference)
    item = item_by_code(uow, item_code)
    bp = _bp(percent("discount", discount))
    row = uow.session.get(LineDiscount, (booking.id, item.id))
    if bp == 0:
        if row is not None:
            uow.session.delete(row)
        return
    row = row or LineDiscount(booking_id=booking.id, item_type_id=item.id, discount_bp=bp)  # type: ignore[arg-type]
    row.discount_bp = bp
    uow.session.add(row)
    uow.flush()


def _pricing_row(uow: UnitOfWork, booking_id: int) -> BookingPricing | None:
    def load() -> BookingPricing | None:
        return uow.session.exec(_PRICING, params={"booking_id": booking_id}).first()

    return scoped(uow, (BookingPricing, booking_id), load)


def booking_pricing(uow: UnitOfWork, booking_id: int) -> BookingPricing:
    return _pricing_row(uow, booking_id) or BookingPricing(booking_id=booking_id)


def line_discounts(uow: UnitOfWork, booking_id: int) -> dict[int, Decimal]:
    rows = uow.session.execute(_LINE_DISCOUNTS, {"booking_id": booking_id})
    return {int(type_id): bp_percent(bp) for type_id, bp in rows}


def booking_minimum(uow: UnitOfWork, booking_id: int) -> Decimal:
    row = _pricing_row(uow, booking_id)
    if row is not None and row.minimum_cents is not None:
        return from_cents(row.minimum_cents)
    return minimum_charge(uow)
