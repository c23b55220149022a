"""VAT treatments: which VAT category, exemption reason (printed) and VATEX code (BT-121)
each line of an invoice takes for its buyer (a French customer, an EU business, a customer
outside the EU, an exempt operation, a charge outside the scope of VAT), and the VAT
breakdown and totals of a document (EN 16931: VAT per category and rate, on the sum of
the line nets, rounded half up).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.core.db import UnitOfWork
from app.core.money import quantize
from booking.models import Customer
from invoicing.document import Line, VatCategory, VatTotal

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

#: Exemption reasons printed (and put in the XML) for non-standard VAT categories.
EXEMPTION_REASONS: dict[VatCategory, str] = {
    VatCategory.OUT_OF_SCOPE: "Indemnité hors du champ d'application de la TVA",
    VatCategory.EXEMPT: "Exonération de TVA",
}


def apply(uow: UnitOfWork, customer: Customer, lines: Sequence[Line]) -> list[Line]:
    """The lines with the VAT treatment of this buyer (today: as priced)."""
    return list(lines)


# --- totals --------------------------------------------------------------------------------


def vat_totals(lines: Iterable[Line]) -> tuple[VatTotal, ...]:
    """Per (category, rate): base = Σ line nets, amount = round_half_up(base × rate)."""
    bases: dict[tuple[VatCategory, Decimal], Decimal] = {}
    for line in lines:
        key = (line.vat_category, line.vat_rate)
        bases[key] = bases.get(key, ZERO) + line.net
    return tuple(
        VatTotal(
            rate=rate,
            category=category,
            base=quantize(base),
            amount=quantize(base * rate / HUNDRED),
            exemption_reason=EXEMPTION_REASONS.get(category, ""),
        )
        for (category, rate), base in sorted(bases.items(), key=lambda kv: (kv[0][0], -kv[0][1]))
    )


@dataclass(frozen=True)
class Totals:
    vat: tuple[VatTotal, ...]
    net: Decimal
    vat_total: Decimal
    gross: Decimal


def totals(lines: Sequence[Line]) -> Totals:
    vat = vat_totals(lines)
    net = quantize(sum((ln.net for ln in lines), ZERO))
    vat_total = quantize(sum((v.amount for v in vat), ZERO))
    return Totals(vat, net, vat_total, net + vat_total)
