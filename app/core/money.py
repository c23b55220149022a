"""Money: integer cents in storage, Decimal in computation, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_decimal(value: str | int | Decimal) -> Decimal:
    """Parse an amount written by a person or a file ("1234,50", "1 234.5", 12)."""
    if isinstance(value, float):  # pragma: no cover - guarded by type hints
        raise TypeError("money is never a float")
    if isinstance(value, Decimal | int):
        return Decimal(value)
    text = value.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("€", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {value!r}") from exc
    if not amount.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    return amount


def quantize(amount: Decimal) -> Decimal:
    """Round to the cent, half up (the one rounding rule of DESIGN.md)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(value: str | int | Decimal) -> int:
    return int(quantize(to_decimal(value)) * 100)


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def cents_str(cents: int) -> str:
    """Amount as the CLI/JSON/CSV contract writes it: "1234.50"."""
    return str(from_cents(cents))
