"""E-reporting transaction data (INVOICING-FR.md §3.4, §3.6; CGI ann. II art. 242 nonies
M): the operations that are not e-invoiced, totalled per day, category and VAT rate, for
the cooperative's approved platform (plateforme agréée).

Who is reported: the buyer frozen in each document, by the one rule the Factur-X BAR note
follows (``parties.processing_category``): ``B2C`` (a French individual, a public body, an
association or venue without a VAT number), ``B2BINT`` / ``B2CINT`` (a business / an
individual outside France) are reported; ``B2B`` (a VAT-registered French business with a
SIREN) is e-invoiced, hence left out.

Categories (the codes of the e-reporting specifications): ``TLB1`` goods sold (consumables,
lines frozen as goods) with French VAT, ``TPS1`` services (rental, late returns, damage
charged with VAT) with French VAT, ``TNT1`` operations not taxed in France (reverse charge,
intra-EU supply, export, exempt). Lines outside the scope of VAT (category O: a pure
damage or loss indemnity) are not operations and are not reported.

A credit note counts negatively on its own date (base and tax); every document (invoice or
credit note) counts as one transaction in each group it has lines in. When goods and
services share a rate in one document, the goods' tax is rounded half up and the services
take the rest, so the tax of every document adds up exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.money import cents_str, quantize, to_cents
from invoicing.document import Document, Kind, VatCategory
from invoicing.models import IssuedDocument
from invoicing.parties import B2B, B2BINT, B2C, B2CINT, processing_category
from invoicing.serial import from_json

__all__ = ["B2B", "B2BINT", "B2C", "B2CINT", "export", "transaction_rows"]

GOODS, SERVICES, NOT_TAXED = "TLB1", "TPS1", "TNT1"

COLUMNS = (
    "date",
    "category",
    "vat_rate",
    "taxable_base",
    "vat_amount",
    "transactions",
    "currency",
)


@dataclass(frozen=True)
class Row:
    date: dt.date
    category: str
    vat_rate: Decimal
    base_cents: int
    vat_cents: int
    transactions: int
    currency: str


def _category(vat_category: VatCategory, is_goods: bool) -> str | None:
    if vat_category is VatCategory.OUT_OF_SCOPE:
        return None
    if vat_category is not VatCategory.STANDARD:
        return NOT_TAXED
    return GOODS if is_goods else SERVICES


def _groups(document: Document) -> dict[tuple[str, Decimal], tuple[int, int]]:
    """{(category, rate): (base cents, tax cents)} of one document, unsigned."""
    bases: dict[tuple[str, Decimal], int] = defaultdict(int)
    for line in document.lines:
        code = _category(line.vat_category, line.is_goods)
        if code is not None:
            bases[(code, line.vat_rate)] += to_cents(line.net)
    taxes: dict[Decimal, int] = defaultdict(int)
    for total in document.vat:
        if total.category is not VatCategory.OUT_OF_SCOPE:
            taxes[total.rate] += to_cents(total.amount)
    out: dict[tuple[str, Decimal], tuple[int, int]] = {}
    for rate in {r for _c, r in bases}:
        codes = sorted(c for c, r in bases if r == rate)  # TLB1 before TPS1, TNT1
        left = taxes.get(rate, 0)
        for i, code in enumerate(codes):
            base = bases[(code, rate)]
            if i == len(codes) - 1:
                tax = left
            else:
                tax = to_cents(quantize(Decimal(base) * rate / 100 / 100))
            left -= tax
            out[(code, rate)] = (base, tax)
    return out


def transaction_rows(uow: UnitOfWork, start: dt.date, end: dt.date) -> list[Row]:
    if end < start:
        raise ValidationError(
            "period",
            "The period ends ({end}) before it starts ({start}).",
            start=start.isoformat(),
            end=end.isoformat(),
        )
    query = (
        select(IssuedDocument)
        .where(col(IssuedDocument.issue_date) >= start, col(IssuedDocument.issue_date) <= end)
        .order_by(col(IssuedDocument.issue_date), col(IssuedDocument.id))
    )
    sums: dict[tuple[dt.date, str, Decimal, str], list[int]] = {}
    for row in uow.session.exec(query):
        document = from_json(row.document_json)
        if processing_category(document.buyer) == B2B:
            continue  # e-invoiced
        sign = -1 if row.kind == Kind.CREDIT_NOTE.value else 1
        for (code, rate), (base, tax) in _groups(document).items():
            key = (row.issue_date, code, rate, document.currency)
            got = sums.setdefault(key, [0, 0, 0])
            got[0] += sign * base
            got[1] += sign * tax
            got[2] += 1
    return [
        Row(day, code, rate, base, tax, count, currency)
        for (day, code, rate, currency), (base, tax, count) in sorted(
            sums.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[0][2], kv[0][3])
        )
    ]


def csv_bytes(found: list[Row]) -> bytes:
    """Comma-separated, UTF-8, one header row, ISO dates, amounts with a decimal point."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in found:
        writer.writerow(
            [
                r.date.isoformat(),
                r.category,
                str(quantize(r.vat_rate)),
                cents_str(r.base_cents),
                cents_str(r.vat_cents),
                r.transactions,
                r.currency,
            ]
        )
    return buffer.getvalue().encode("utf-8")


def export(uow: UnitOfWork, start: dt.date, end: dt.date) -> tuple[bytes, int]:
    """(the CSV's bytes, its number of rows) for the period."""
    found = transaction_rows(uow, start, end)
    return csv_bytes(found), len(found)
