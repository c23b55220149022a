"""Pricing: pure functions over Decimal (no database, no clock).

- charged days come from the usage period (whole calendar days of use), with the weekend
  rule (out Friday from ``out_from``, back Monday by ``back_by``: one day);
- the day coefficient comes from a degressive table (INVOICING-FR.md §6.1) or a fixed
  coefficient; beyond the table's last day it goes on with the slope of its last step
  (the default table: +0,1 a day after 30 days);
- a rental line's net is ``round_half_up(quantity × day_rate × coefficient × (1 − line
  discount) × (1 − booking discount), 2)``, computed exactly then rounded once;
- VAT is computed per (category, rate) on the sum of the line nets at that rate
  (EN 16931 BR-CO-17), and the totals are sums of lines.

Line descriptions are French: they are printed on French invoices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.core.money import quantize
from invoicing.document import Line, Nature, VatCategory
from invoicing.vat_rules import Totals as Totals
from invoicing.vat_rules import totals as totals
from invoicing.vat_rules import vat_totals as vat_totals

ONE = Decimal(1)
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")
MILLI = Decimal("0.001")  # coefficients have at most three decimals

#: The default degressive table (INVOICING-FR.md §6.1): days → coefficient.
DEFAULT_COEFFICIENTS: tuple[tuple[int, Decimal], ...] = tuple(
    [(1, Decimal("1")), (2, Decimal("1.5")), (3, Decimal("2")), (4, Decimal("2.5"))]
    + [(5, Decimal("3"))]
    + [(d, Decimal("3.25") + Decimal("0.25") * (d - 6)) for d in range(6, 18)]
    + [(d, Decimal("6") + Decimal("0.1") * (d - 17)) for d in range(18, 31)]
)

# French line texts (data printed on French invoices, not UI strings).
RENTAL_TEXT = "{name} — location {days} jour{s}"
RENTAL_DETAIL = "{qty} × {days} jour{s} (coef. {coef}) × {rate}"
SALE_TEXT = "{name} — vente"
LATE_TEXT = "{name} — retard de restitution"
LATE_DETAIL = "{parts} de retard × {rate}"
LATE_PART_DETAIL = "{qty} jours-pièce de retard × {rate}"
LATE_FEE_TEXT = "{name} — retard de restitution, forfait par pièce et par jour"
LOSS_TEXT = "{name} — perte (valeur de remplacement)"
DAMAGE_TEXT = "{name} — dommage : {note}"
MINIMUM_TEXT = "Complément au minimum de facturation ({minimum})"
DISCOUNT_DETAIL = "remise {percent} %"


@dataclass(frozen=True)
class WeekendRule:
    """Out on Friday from ``out_from`` and back on Monday by ``back_by``: one day."""

    enabled: bool = True
    out_from: dt.time = dt.time(12, 0)
    back_by: dt.time = dt.time(12, 0)


class LateCharge(StrEnum):
    """How the cooperative charges late returns (a setting, ``rates.late_rule``)."""

    RATE = "rate"  # each late day at the day rate, no coefficient ("tarif en vigueur")
    FEE = "fee"  # a fixed fee per piece and per late day
    NONE = "none"  # late returns are not charged


@dataclass(frozen=True)
class LateRule:
    charge: LateCharge = LateCharge.RATE
    fee: Decimal = ZERO  # per piece and per late day (``LateCharge.FEE``)


@dataclass(frozen=True)
class Coefficients:
    """A degressive table (sorted (days, coefficient) steps) or a fixed coefficient."""

    steps: tuple[tuple[int, Decimal], ...] = DEFAULT_COEFFICIENTS
    fixed: Decimal | None = None


@dataclass(frozen=True)
class VatSpec:
    category: VatCategory = VatCategory.STANDARD
    rate: Decimal = Decimal("20.00")


# --- formatting (French, for line texts) ---------------------------------------------------


def euros(amount: Decimal) -> str:
    """``1234.5`` → ``"1 234,50 €"`` (narrow no-break space between thousands)."""
    text = f"{quantize(amount):,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{text}\u00a0€"


def coef_text(value: Decimal) -> str:
    """``2`` → ``"2,0"``, ``3.25`` → ``"3,25"``."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return text.replace(".", ",")


def percent_text(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def price_value(amount: Decimal) -> Decimal:
    """A unit price kept exact (the line net is computed from it), written with at least
    two decimals and no exponent: ``90`` → ``90.00``, ``129.53281250`` → ``129.5328125``."""
    cents = quantize(amount)
    return cents if cents == amount else Decimal(format(amount.normalize(), "f"))


def _s(n: int | Decimal) -> str:
    return "s" if n > 1 else ""


# --- days and coefficients ----------------------------------------------------------------


def use_days(use_start: dt.datetime, use_end: dt.datetime) -> int:
    """Whole calendar days touched by the half-open usage period ``[start, end)``."""
    if use_end <= use_start:
        raise ValueError("the usage period must end after it starts")
    last = (use_end - dt.timedelta(microseconds=1)).date()
    return (last - use_start.date()).days + 1


def is_weekend(start: dt.datetime, end: dt.datetime, rule: WeekendRule) -> bool:
    """Out on a Friday from ``out_from`` and back on the next Monday by ``back_by``."""
    return (
        rule.enabled
        and start.weekday() == 4
        and start.time() >= rule.out_from
        and end.date() == start.date() + dt.timedelta(days=3)
        and end.time() <= rule.back_by
    )


def charged_days(
    use_start: dt.datetime,
    use_end: dt.datetime,
    start: dt.datetime,
    end: dt.datetime,
    rule: WeekendRule = WeekendRule(),  # noqa: B008 - frozen
) -> int:
    """Days charged: one for a weekend (by the planned out/back times), else the days of
    use."""
    if is_weekend(start, end, rule):
        return 1
    return use_days(use_start, use_end)


def coefficient(coefficients: Coefficients, days: int) -> Decimal:
    """The coefficient for ``days``: a listed day gives its value; a gap keeps the value of
    the last listed day before it; beyond the last listed day, the slope of the last step
    goes on (default table: +0,1 a day after 30)."""
    if days < 1:
        raise ValueError("at least one day")
    if coefficients.fixed is not None:
        return coefficients.fixed
    steps = coefficients.steps
    if not steps or steps[0][0] > days:
        return Decimal(days)  # no coefficient: plain days
    last_day, last_coef = steps[-1]
    if days > last_day:
        if len(steps) >= 2:
            prev_day, prev_coef = steps[-2]
            slope = (last_coef - prev_coef) / (last_day - prev_day)
        else:
            slope = Decimal(0)
        return (last_coef + slope * (days - last_day)).quantize(MILLI, rounding=ROUND_HALF_UP)
    value = steps[0][1]
    for day, coef in steps:
        if day > days:
            break
        value = coef
    return value


def late_period(
    planned_return: dt.datetime,
    returned: dt.datetime,
    *,
    weekend: bool = False,
    rule: WeekendRule = WeekendRule(),  # noqa: B008 - frozen
) -> tuple[dt.date, dt.date] | None:
    """The days a piece was kept late (first, last; both inclusive), None when it was not
    late. Both times are the cooperative's local wall-clock time (a desk scan converted
    with ``Clock.to_local``).

    Each calendar day after the planned return's day, up to the day it came back, is a
    late day; coming back later on the planned return's day is free. A booking priced by
    the weekend rule (out Friday afternoon, back Monday by ``back_by``: one day) that comes
    back on Monday after ``back_by`` broke the rule's condition: that Monday is a late day
    too (and so is each following day)."""
    first = planned_return.date() + dt.timedelta(days=1)
    if weekend and returned > dt.datetime.combine(planned_return.date(), rule.back_by):
        first = planned_return.date()
    last = returned.date()
    return (first, last) if last >= first else None


# --- lines ---------------------------------------------------------------------------------


def _discount_factor(*percents: Decimal) -> Decimal:
    factor = ONE
    for p in percents:
        factor *= ONE - p / HUNDRED
    return factor


def _discount_percent(factor: Decimal) -> Decimal:
    return Decimal(format(((ONE - factor) * HUNDRED).normalize(), "f"))


def rental_line(
    *,
    name: str,
    code: str,
    quantity: int,
    days: int,
    coef: Decimal,
    day_rate: Decimal,
    vat: VatSpec,
    line_discount: Decimal = ZERO,
    booking_discount: Decimal = ZERO,
) -> Line:
    """``quantity`` pieces for ``days`` days: unit price = day rate × coefficient (after
    discounts), net rounded half-up once."""
    factor = _discount_factor(line_discount, booking_discount)
    gross_unit = day_rate * coef
    unit_price = gross_unit * factor
    net = quantize(Decimal(quantity) * unit_price)
    detail = RENTAL_DETAIL.format(
        qty=quantity, days=days, s=_s(days), coef=coef_text(coef), rate=euros(day_rate)
    )
    discount = _discount_percent(factor)
    if discount:
        detail += ", " + DISCOUNT_DETAIL.format(percent=percent_text(discount))
    return Line(
        description=RENTAL_TEXT.format(name=name, days=days, s=_s(days)),
        quantity=Decimal(quantity),
        unit="C62",
        unit_price=price_value(unit_price),
        net=net,
        vat_rate=vat.rate,
        vat_category=vat.category,
        detail=detail,
        gross_unit_price=gross_unit if discount else None,
        discount_percent=discount,
        item_code=code,
    )


def sale_line(
    *,
    name: str,
    code: str,
    quantity: int,
    unit_price: Decimal,
    vat: VatSpec,
    discount: Decimal = ZERO,
) -> Line:
    """Consumables sold: quantity × sale price (goods)."""
    factor = _discount_factor(discount)
    price = unit_price * factor
    pct = _discount_percent(factor)
    return Line(
        description=SALE_TEXT.format(name=name),
        quantity=Decimal(quantity),
        unit="H87",
        unit_price=price_value(price),
        net=quantize(Decimal(quantity) * price),
        vat_rate=vat.rate,
        vat_category=vat.category,
        detail=DISCOUNT_DETAIL.format(percent=percent_text(pct)) if pct else "",
        gross_unit_price=unit_price if pct else None,
        discount_percent=pct,
        item_code=code,
        is_goods=True,
    )


def late_line(
    *,
    name: str,
    code: str,
    piece_days: int,
    groups: Sequence[tuple[int, int]],
    day_rate: Decimal,
    vat: VatSpec,
    period: tuple[dt.date, dt.date] | None = None,
    fee: bool = False,
) -> Line:
    """Late return: the extra days at the day rate (no coefficient), taxable as extended
    use (§6.4); with ``fee`` the cooperative's fixed fee per piece and per late day instead
    (``day_rate`` is then the fee). ``groups`` are (days late, pieces); the quantity is the
    piece-days. ``period`` is the line's own period of use (BG-26): from the first late day
    to the last return."""
    parts = " + ".join(f"{n} × {d} jour{_s(d)}" for d, n in groups)
    text = LATE_FEE_TEXT if fee else LATE_TEXT
    return Line(
        description=text.format(name=name),
        quantity=Decimal(piece_days),
        unit="DAY",
        unit_price=day_rate,
        net=quantize(Decimal(piece_days) * day_rate),
        vat_rate=vat.rate,
        vat_category=vat.category,
        detail=LATE_DETAIL.format(parts=parts, rate=euros(day_rate)),
        item_code=code,
        period_start=period[0] if period is not None else None,
        period_end=period[1] if period is not None else None,
    )


def charge_line(
    *, text: str, code: str, quantity: int, unit_amount: Decimal, vat: VatSpec, detail: str = ""
) -> Line:
    """A damage or loss charge."""
    return Line(
        description=text,
        quantity=Decimal(quantity),
        unit="C62",
        unit_price=unit_amount,
        net=quantize(Decimal(quantity) * unit_amount),
        vat_rate=vat.rate,
        vat_category=vat.category,
        detail=detail,
        item_code=code,
    )


def minimum_line(rental_net: Decimal, minimum: Decimal, vat: VatSpec) -> Line | None:
    """The top-up to the minimum charge, if the rental falls short of it."""
    missing = quantize(minimum - rental_net)
    if missing <= 0:
        return None
    return Line(
        description=MINIMUM_TEXT.format(minimum=euros(minimum)),
        quantity=ONE,
        unit="C62",
        unit_price=missing,
        net=missing,
        vat_rate=vat.rate,
        vat_category=vat.category,
    )


def nature(lines: Sequence[Line]) -> Nature:
    """Goods only, services only, or both (décret 2022-1299)."""
    goods = any(ln.is_goods for ln in lines)
    services = any(not ln.is_goods for ln in lines)
    if goods and services:
        return Nature.MIXED
    return Nature.GOODS if goods else Nature.SERVICES
