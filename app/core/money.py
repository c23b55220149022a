"""Money: integer cents in storage, Decimal in computation, never float.

What people type is read strictly (``parse_amount``): ASCII digits, a decimal point or a
French decimal comma, at most two decimals, no exponent, no digit separators ("1 234,50",
"1.234,50" and "1,234.50" are refused rather than guessed), a leading minus only where
the caller allows a negative; anything else is refused, a currency sign too ("12 €",
"12€": the number alone). Every amount shown is rounded half-up to the cent by ``quantize`` (or
``round_half_up`` for a unit price shown with more places): one rounding rule.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from app.core.errors import N_, ValidationError

CENT = Decimal("0.01")

# ASCII only: ``[0-9]``, never ``\d`` (which matches Arabic-Indic or fullwidth digits).
_NUMBER = re.compile(r"(-?)([0-9]+)(?:[.,]([0-9]+))?")
_SEPARATORS = re.compile(r"[0-9][\s\u00a0\u202f\u2009'_][0-9]|[0-9][.,][0-9]{3}[.,]")


class AmountError(ValidationError, ValueError):
    """A typed amount that is not written as one; the message names the value and says
    how to write it. A ``ValueError`` too, for callers that catch that."""


def _refusal(field: str, value: str) -> AmountError:
    text = value.strip()
    if any(ch.isdigit() and not "0" <= ch <= "9" for ch in text):
        return AmountError(
            field,
            N_(
                "{value!r} is not an amount: use the digits 0 to 9 (write it like 1234.50 or 1234,50)."
            ),
            value=value,
        )
    if re.search(r"[0-9][eE][-+]?[0-9]", text):
        return AmountError(
            field,
            N_("{value!r} is not an amount: no exponent (write it like 1234.50 or 1234,50)."),
            value=value,
        )
    if _SEPARATORS.search(text) or (text.count(".") + text.count(",")) > 1:
        return AmountError(
            field,
            N_(
                "{value!r} is not an amount: no spaces or thousands separators "
                "(write it like 1234.50 or 1234,50)."
            ),
            value=value,
        )
    return AmountError(
        field, N_("{value!r} is not an amount (write it like 1234.50 or 1234,50)."), value=value
    )


def parse_decimal(
    value: str, *, field: str = "amount", places: int | None = 2, negative: bool = False
) -> Decimal:
    """``value`` as typed by a person, read strictly (see the module docstring);
    ``places``: the most decimals allowed (None: any). Raises ``AmountError``."""
    found = _NUMBER.fullmatch(value.strip())
    if found is None:
        raise _refusal(field, value)
    sign, units, decimals = found.groups()
    if sign and not negative:
        raise AmountError(field, N_("The {field} cannot be negative."), field=field)
    if places is not None and decimals is not None and len(decimals) > places:
        raise AmountError(
            field,
            N_(
                "{value!r} is not an amount: at most two decimals (write it like 1234.50 or 1234,50)."
            ),
            value=value,
        )
    return Decimal(f"{sign}{units}.{decimals}" if decimals is not None else f"{sign}{units}")


def parse_amount(value: str, *, field: str = "amount", negative: bool = False) -> Decimal:
    """An amount in euros typed by a person (CLI argument, form field, CSV cell): at most
    two decimals. Raises ``AmountError`` naming the value and how to write it."""
    return parse_decimal(value, field=field, places=2, negative=negative)


def to_decimal(value: str | int | Decimal) -> Decimal:
    """A number typed by a person or stored as text ("1234,50", "12.5", 12), read with the
    strict rules of ``parse_decimal`` but any number of decimals (percentages,
    coefficients and settings use it too). Raises ``AmountError`` (a ValueError)."""
    if isinstance(value, float):  # pragma: no cover - guarded by type hints
        raise TypeError("money is never a float")
    if isinstance(value, Decimal | int):
        return Decimal(value)
    return parse_decimal(value, places=None, negative=True)


def round_half_up(amount: Decimal, places: int = 2) -> Decimal:
    """``amount`` rounded half-up to ``places`` decimals (the one rounding rule)."""
    return amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def quantize(amount: Decimal) -> Decimal:
    """Round to the cent, half up (the one rounding rule of DESIGN.md)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(value: str | int | Decimal) -> int:
    amount = parse_amount(value, negative=True) if isinstance(value, str) else to_decimal(value)
    return int(quantize(amount) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def cents_str(cents: int) -> str:
    """Amount as the CLI/JSON/CSV contract writes it: "1234.50"."""
    return str(from_cents(cents))
