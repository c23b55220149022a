"""Amounts typed by people are read strictly (``money.parse_amount``): ASCII digits, a
decimal point or a French decimal comma, at most two decimals; no currency sign, no
exponent, no digit separators, no other digits, no sign but a minus where a negative
makes sense (nowhere a person types an amount today): anything else is refused. Each refused form is refused with a
sentence naming the value and how to write it (the CLI's refusals:
tests/invoicing/test_amounts_cli.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.money import AmountError, parse_amount, to_cents, to_decimal
from inventory import fields

REFUSED = [
    ("1 234,50", "no spaces or thousands separators"),
    ("1\u202f234,50", "no spaces or thousands separators"),
    ("1\u00a0234", "no spaces or thousands separators"),
    ("1.234,50", "no spaces or thousands separators"),
    ("1,234.50", "no spaces or thousands separators"),
    ("1'234.50", "no spaces or thousands separators"),
    ("1e3", "no exponent"),
    ("1E-2", "no exponent"),
    ("12.345", "at most two decimals"),
    ("0,001", "at most two decimals"),
    ("\u0661\u0662", "use the digits 0 to 9"),  # Arabic-Indic
    ("\uff11\uff12", "use the digits 0 to 9"),  # fullwidth
    ("12,3x", "is not an amount"),
    ("+12", "is not an amount"),
    ("12.", "is not an amount"),
    (".5", "is not an amount"),
    ("€12", "is not an amount"),
    ("12 €", "is not an amount"),
    ("12,50\u00a0€", "is not an amount"),
    ("12€", "is not an amount"),
    ("10.00€", "is not an amount"),
    ("12 EUR", "is not an amount"),
    ("NaN", "is not an amount"),
    ("Infinity", "is not an amount"),
    ("douze", "is not an amount"),
]
ACCEPTED = [
    ("1234.50", "1234.50"),
    ("1234,50", "1234.50"),
    ("12", "12"),
    ("0,5", "0.5"),
    (" 7.10 ", "7.10"),
]


@pytest.mark.parametrize(("value", "reason"), REFUSED)
def test_refused_forms_name_the_value_and_how_to_write_it(value: str, reason: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(value)
    message = str(info.value)
    assert repr(value) in message and reason in message
    assert "write it like 1234.50 or 1234,50" in message
    assert isinstance(info.value, ValueError)  # callers catching ValueError still do


@pytest.mark.parametrize(("value", "expected"), ACCEPTED)
def test_accepted_forms(value: str, expected: str) -> None:
    assert parse_amount(value) == Decimal(expected)


def test_a_minus_only_where_allowed() -> None:
    with pytest.raises(AmountError, match="cannot be negative"):
        parse_amount("-3")
    assert parse_amount("-3,50", negative=True) == Decimal("-3.50")
    with pytest.raises(AmountError):
        parse_amount("--3", negative=True)


def test_internal_conversions() -> None:
    assert to_decimal(12) == Decimal(12) and to_decimal(Decimal("1.125")) == Decimal("1.125")
    assert to_decimal("1,125") == Decimal("1.125")  # a coefficient: more decimals allowed
    with pytest.raises(ValueError):
        to_decimal("1 000")
    assert to_cents("12,5") == 1250 and to_cents(Decimal("0.005")) == 1  # half-up
    with pytest.raises(ValueError):
        to_cents("0.005")  # typed: two decimals at most


def test_form_fields_use_the_strict_parser() -> None:
    assert fields.money_cents("deposit", "1234,50") == 123450
    with pytest.raises(AmountError, match="at most two decimals"):
        fields.money_cents("deposit", "12.345")
    with pytest.raises(fields.ValidationError, match="deposit cannot be negative"):
        fields.money_cents("deposit", "-5")
