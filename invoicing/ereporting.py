"""E-reporting transaction data (INVOICING-FR.md §3.4, §3.6; CGI ann. II art. 242 nonies
M): the operations that are not e-invoiced, totalled per day, category and VAT rate, for
the cooperative's approved platform (plateforme agréée).

Who is reported: the buyer frozen in each document, by the one rule the Factur-X BAR note
follows (``parties.processing_category``): ``B2C`` (a French individual, a public body, an
association or venue without a VAT number), ``B2BINT`` / ``B2CINT`` (a business / an
individual outside France) are reported; ``B2B`` (a VAT-registered French business with a
SIREN) is e-invoiced, hence left out.

Categories: the transaction category codes of the e-reporting specifications (TT-81),
with the nature of the operations in a column of its own (``nature``: ``goods`` or
``services``), since TNT1 covers both:

- ``TLB1``: goods sold (consumables, lines frozen as goods) with French VAT; nature goods;
- ``TPS1``: services (rental, late returns, damage charged with VAT) with French VAT;
  nature services;
- ``TNT1``: operations not taxed in France — reverse charge to an EU business (AE),
  intra-EU supply of goods (K), export outside the EU (G), and exempt operations (E)
  other than those of articles 261 to 261 E of the CGI; one row for the goods and one
  for the services (the ``nature`` column), so the consumables sold abroad and the
  rentals read apart.

Not reported: lines outside the scope of VAT (O: a pure damage or loss indemnity is not an
operation), and operations exempt under articles 261 to 261 E of the CGI (excluded from
e-reporting by law, INVOICING-FR.md §3.4; recognised by the article cited in the line's
exemption reason).

Transactions: the number of invoices of the day with lines in the row. A credit note
reduces the base and the tax of its own day (negative amounts) but is not a new
transaction: it counts 0 (it corrects a sale already counted).

When goods and services share a rate in one document, the goods' tax is rounded half up
and the services take the rest, so the tax of every document adds up exactly.

The CSV is machine format for the platform: comma-separated, UTF-8, ISO dates, amounts
with a decimal point (unlike the accounting CSV, which is for a French spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.money import cents_str, quantize, to_cents
from invoicing.document import Document, Kind, Line, VatCategory
from invoicing.models import IssuedDocument
from invoicing.parties import B2B, B2BINT, B2C, B2CINT, processing_category
from invoicing.serial import from_json

__all__ = ["B2B", "B2BINT", "B2C", "B2CINT", "export", "transaction_rows"]

GOODS, SERVICES, NOT_TAXED = "TLB1", "TPS1", "TNT1"
#: The ``nature`` column.
NATURE_GOODS, NATURE_SERVICES = "goods", "services"
#: Articles 261 to 261 E of the CGI, cited in an exempt line's reason.
EXCLUDED_EXEMPTION = re.compile(r"\b261(?:\s*[A-E])?\b")

COLUMNS = (
    "date",
    "category",
    "vat_rate",
    "taxable_base",
    "vat_amount",
    "transactions",
    "currency",
    "nature",
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
    nature: str = NATURE_SERVICES

    def as_json(self) -> dict[str, str | int]:
        return {
            "date": self.date.isoformat(),
            "category": self.category,
            "nature": self.nature,
            "vat_rate": str(quantize(self.vat_rate)),
            "taxable_base": cents_str(self.base_cents),
            "vat_amount": cents_str(self.vat_cents),
            "transactions": self.transactions,
            "currency": self.currency,
        }


def _category(line: Line, exempt_reasons: str) -> tuple[str, str] | None:
    """(category code, nature) of a line, or None when it is not reported."""
    nature = NATURE_GOODS if line.is_goods else NATURE_SERVICES
    if line.vat_category is VatCategory.OUT_OF_SCOPE:
        return None
    if line.vat_category is VatCategory.EXEMPT:
        if EXCLUDED_EXEMPTION.search(line.exemption_reason or exempt_reasons):
            return None
    if line.vat_category is not VatCategory.STANDARD:
        return NOT_TAXED, nature
    return (GOODS if line.is_goods else SERVICES), nature


Group = tuple[str, str, Decimal]  # category, nature, rate


def _groups(document: Document) -> dict[Group, tuple[int, int]]:
    """{(category, nature, rate): (base cents, tax cents)} of one document, unsigned."""
    exempt = " ".join(t.exemption_reason for t in document.vat if t.category is VatCategory.EXEMPT)
    bases: dict[Group, int] = defaultdict(int)
    for line in document.lines:
        found = _category(line, exempt)
        if found is not None:
            bases[(*found, line.vat_rate)] += to_cents(line.net)
    taxes: dict[Decimal, int] = defaultdict(int)
    for total in document.vat:
        if total.category is VatCategory.STANDARD:
            taxes[total.rate] += to_cents(total.amount)
    out: dict[Group, tuple[int, int]] = {}
    for rate in {r for _c, _n, r in bases}:
        groups = sorted(g for g in bases if g[2] == rate)  # TLB1 before TNT1, TPS1
        taxed = [g for g in groups if g[0] != NOT_TAXED]
        left = taxes.get(rate, 0)
        for group in groups:
            base = bases[group]
            if group[0] == NOT_TAXED:
                tax = 0
            elif group == taxed[-1]:
                tax = left
            else:
                tax = to_cents(quantize(Decimal(base) * rate / 100 / 100))
            left -= tax
            out[group] = (base, tax)
    return out


@requires(Permission.REPORTS)
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
    sums: dict[tuple[dt.date, str, str, Decimal, str], list[int]] = {}
    for row in uow.session.exec(query):
        document = from_json(row.document_json)
        if processing_category(document.buyer) == B2B:
            continue  # e-invoiced
        credit = row.kind == Kind.CREDIT_NOTE.value
        sign = -1 if credit else 1
        for (code, nature, rate), (base, tax) in _groups(document).items():
            key = (row.issue_date, code, nature, rate, document.currency)
            got = sums.setdefault(key, [0, 0, 0])
            got[0] += sign * base
            got[1] += sign * tax
            got[2] += 0 if credit else 1  # a credit note is not a new transaction
    return [
        Row(day, code, rate, base, tax, count, currency, nature)
        for (day, code, nature, rate, currency), (base, tax, count) in sorted(
            sums.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], -kv[0][3], kv[0][4])
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
                r.nature,
            ]
        )
    return buffer.getvalue().encode("utf-8")


@requires(Permission.REPORTS)
def export(uow: UnitOfWork, start: dt.date, end: dt.date) -> tuple[bytes, int]:
    """(the CSV's bytes, its number of rows) for the period."""
    found = transaction_rows(uow, start, end)
    return csv_bytes(found), len(found)
