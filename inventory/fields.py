"""Parsing what people type (forms, CSV cells, CLI arguments) into typed values.

Each parser names the field it refuses, so a form can highlight it and an import can say
which column of which line is wrong.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from app.core.errors import ValidationError
from app.core.money import parse_amount, to_cents, to_decimal

E = TypeVar("E", bound=StrEnum)
DateT = TypeVar("DateT", dt.date, dt.datetime)

MAX_TEXT = 200
MAX_NOTES = 4000
MAX_MONEY_CENTS = 10**11  # a billion euros: more is a typing mistake


def text(field: str, value: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable()).strip()
    if required and not value:
        raise ValidationError(field, "The {field} cannot be empty.", field=field)
    if len(value) > limit:
        raise ValidationError(
            field,
            "The {field} is too long ({length} characters, at most {limit}).",
            field=field,
            length=len(value),
            limit=limit,
        )
    return value


def money_cents(field: str, value: str | Decimal | int, *, required: bool = False) -> int:
    if isinstance(value, str) and not value.strip():
        if required:
            raise ValidationError(field, "The {field} cannot be empty.", field=field)
        return 0
    if isinstance(value, str):
        # strict: ASCII digits, a point or a comma, at most two decimals, no separators
        amount = parse_amount(value, field=field, negative=True)  # the message names why
    else:
        amount = to_decimal(value)
    if amount < 0:
        raise ValidationError(field, "The {field} cannot be negative.", field=field)
    if amount > MAX_MONEY_CENTS / 100:  # before rounding: 1e400 cannot be quantized
        raise ValidationError(field, "The {field} is too large.", field=field)
    return to_cents(amount)


def optional_money_cents(field: str, value: str | Decimal | int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return money_cents(field, value)


def integer(field: str, value: str | int, *, minimum: int = 0, maximum: int = 10**9) -> int:
    if isinstance(value, str):
        stripped = "".join(value.split())  # "18 000", also with the no-break spaces of fr
        if not stripped:
            return minimum if minimum > 0 else 0
        try:
            value = int(stripped)
        except ValueError:
            raise ValidationError(field, "{value!r} is not a whole number.", value=value) from None
    if value < minimum:
        if minimum == 0:
            raise ValidationError(field, "The {field} cannot be negative.", field=field)
        raise ValidationError(
            field, "The {field} must be at least {minimum}.", field=field, minimum=minimum
        )
    if value > maximum:
        raise ValidationError(
            field, "The {field} must be at most {maximum}.", field=field, maximum=maximum
        )
    return value


#: The years a date typed by a person may fall in: older or later is a typing slip (and
#: year 9999 would overflow every period computed from it).
FIRST_YEAR, LAST_YEAR = 1900, 2199


def plausible(field: str, value: DateT) -> DateT:
    """``value`` itself, or refused when its year is outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            field,
            "{value} is not a plausible date: the year must be between {first} and {last}.",
            value=value.isoformat(),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return value


def optional_date(field: str, value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return plausible(field, dt.datetime.strptime(value, fmt).date())
        except ValueError:
            continue
    raise ValidationError(
        field, "{value!r} is not a date (write it 2026-03-31 or 31/03/2026).", value=value
    )


def choice(field: str, value: str, enum: type[E]) -> E:
    try:
        return enum(value.strip())
    except ValueError:
        raise ValidationError(
            field,
            "Unknown {field} {value!r}: expected one of {allowed}.",
            field=field,
            value=value,
            allowed=", ".join(e.value for e in enum),
        ) from None
