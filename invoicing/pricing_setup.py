"""The pricing set-up as the pricing screen shows and edits it: the coefficient tables with
their steps, which table each equipment family uses, the pricing settings, the price
categories and their customers (``read_pricing``); the checks of what a person typed
(``parse_steps``, ``parse_rules``) and the writing of the rules (``write_rules``).

Everything written goes through ``invoicing.rates`` (or ``set_setting`` for the plain
settings it reads) after every value was checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.settings import set_setting
from booking.models import Customer
from inventory import fields
from invoicing import rates
from invoicing.models import (
    CoefficientStep,
    CoefficientTable,
    CustomerPriceCategory,
    FamilyCoefficient,
    PriceCategory,
)
from invoicing.pricing import LateRule, VatSpec


@dataclass
class Table:
    name: str
    is_default: bool
    steps: list[tuple[int, Decimal]]


@dataclass
class PriceCategoryRow:
    code: str
    name: str
    customers: list[tuple[str, str]]  # (number, name)


@dataclass
class PricingState:
    tables: list[Table] = field(default_factory=list)
    families: dict[str, str] = field(default_factory=dict)  # family → table name
    values: dict[str, str] = field(default_factory=dict)  # rates setting key → value
    categories: list[PriceCategoryRow] = field(default_factory=list)
    customers: list[tuple[str, str]] = field(default_factory=list)  # (number, name)


def _tables(uow: UnitOfWork, state: PricingState) -> dict[int, str]:
    names: dict[int, str] = {}
    for table in uow.session.exec(select(CoefficientTable).order_by(col(CoefficientTable.name))):
        steps = uow.session.exec(
            select(CoefficientStep.days, CoefficientStep.coefficient_milli)
            .where(CoefficientStep.table_id == table.id)
            .order_by(col(CoefficientStep.days))
        ).all()
        state.tables.append(
            Table(table.name, table.is_default, [(d, Decimal(m) / 1000) for d, m in steps])
        )
        names[table.id or 0] = table.name
    return names


def _categories(uow: UnitOfWork) -> list[PriceCategoryRow]:
    members: dict[int, list[tuple[str, str]]] = {}
    query = select(CustomerPriceCategory.category_id, Customer.number, Customer.name).join(
        Customer, col(Customer.id) == col(CustomerPriceCategory.customer_id)
    )
    for category_id, number, name in uow.session.exec(query.order_by(col(Customer.name))):
        members.setdefault(category_id, []).append((number, name))
    return [
        PriceCategoryRow(category.code, category.name, members.get(category.id or 0, []))
        for category in uow.session.exec(select(PriceCategory).order_by(col(PriceCategory.code)))
    ]


def read_pricing(uow: UnitOfWork) -> PricingState:
    state = PricingState()
    names = _tables(uow, state)
    for row in uow.session.exec(select(FamilyCoefficient)):
        state.families[row.family] = names.get(row.table_id, "")
    for key in rates.DEFAULTS:
        state.values[key] = rates.setting(uow, key)
    state.categories = _categories(uow)
    query = select(Customer.number, Customer.name).order_by(col(Customer.name))
    state.customers = [(number, name) for number, name in uow.session.exec(query)]
    return state


def parse_steps(rows: list[tuple[str, str]]) -> dict[int, str]:
    """(days, coefficient) texts → {days: coefficient}, empty rows skipped. The
    coefficients themselves are checked by ``rates.save_coefficient_table`` before it
    writes anything."""
    steps: dict[int, str] = {}
    for days_text, coefficient in rows:
        if not days_text.strip() and not coefficient.strip():
            continue
        if not days_text.strip():
            raise ValidationError("days", "The {field} cannot be empty.", field="days")
        days = fields.integer("days", days_text, minimum=1, maximum=3660)
        if days in steps:
            raise ValidationError("days", "The table gives {days} days twice.", days=days)
        if not coefficient.strip():
            raise ValidationError(
                "coefficient", "The {field} cannot be empty.", field="coefficient"
            )
        steps[days] = coefficient.strip().replace(",", ".")
    if 1 not in steps:
        raise ValidationError("days", "A coefficient table must give the coefficient of 1 day.")
    return steps


def parse_time(name: str, value: str) -> str:
    try:
        return dt.datetime.strptime(value.strip(), "%H:%M").strftime("%H:%M")
    except ValueError:
        raise ValidationError(
            name, "{value!r} is not a time of day (write it 14:00).", value=value
        ) from None


@dataclass(frozen=True)
class Rules:
    weekend: bool
    out_from: str
    back_by: str
    minimum_cents: int
    payment_days: int
    quote_days: int
    vat: Decimal
    late: LateRule | None = None  # how late returns are charged (None: not given, kept)
    damage: VatSpec | None = None  # damage and loss charges' VAT (None: not given, kept)


def parse_rules(raw: dict[str, Any]) -> Rules:
    out_from = parse_time("out from", raw["out_from"])
    back_by = parse_time("back by", raw["back_by"])
    minimum = fields.money_cents("minimum charge", raw["minimum"])
    if not raw["payment_days"].strip():
        raise ValidationError("payment days", "The {field} cannot be empty.", field="payment days")
    payment_days = fields.integer("payment days", raw["payment_days"], maximum=365)
    if not raw["quote_days"].strip():
        raise ValidationError(
            "quote validity", "The {field} cannot be empty.", field="quote validity"
        )
    quote_days = fields.integer("quote validity", raw["quote_days"], minimum=1, maximum=365)
    vat = rates.percent("VAT rate", raw["vat"].strip() or "x")
    late = rates.parse_late_rule(raw["late"], raw.get("late_fee", "")) if "late" in raw else None
    damage = (
        rates.parse_damage_vat(raw["damage_vat"], raw.get("damage_rate"))
        if "damage_vat" in raw
        else None
    )
    return Rules(
        bool(raw["weekend"]),
        out_from,
        back_by,
        minimum,
        payment_days,
        quote_days,
        vat,
        late,
        damage,
    )


@requires(Permission.RATES)
def write_rules(uow: UnitOfWork, user: str, rules: Rules) -> None:
    rates.set_weekend_rule(
        uow, user=user, enabled=rules.weekend, out_from=rules.out_from, back_by=rules.back_by
    )
    set_setting(
        uow,
        rates.MINIMUM_CHARGE,
        str(Decimal(rules.minimum_cents) / 100),
        permission=Permission.RATES,
    )
    set_setting(uow, rates.PAYMENT_DAYS, str(rules.payment_days), permission=Permission.RATES)
    set_setting(uow, rates.QUOTE_VALIDITY_DAYS, str(rules.quote_days), permission=Permission.RATES)
    set_setting(uow, rates.VAT_RATE, str(rules.vat), permission=Permission.RATES)
    if rules.late is not None:
        rates.set_late_rule(uow, user=user, charge=rules.late.charge.value, fee=rules.late.fee)
    if rules.damage is not None:
        rates.set_damage_vat(
            uow, user=user, category=rules.damage.category.value, rate=rules.damage.rate
        )
