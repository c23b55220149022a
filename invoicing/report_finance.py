"""Money reports from the issued documents: revenue, receivables, members' savings.

Rules (the period ``[start, end]`` is whole days, both included):

- **revenue**: net amounts excluding VAT of the invoices issued in the period, minus the
  credit notes issued in the period. One list of rows with a ``group`` key: ``month``
  (every month of the period, ``key`` "YYYY-MM"), ``category`` (the equipment family of
  what each line covers — rental, sale, loss, late return of a type, a damage charge's
  type; a credit note line takes the family of the invoice line it credits; the minimum
  charge and free lines are ``other``) and ``rate`` (``member`` / ``non_member``: the rate
  the invoice was priced at, read from its frozen rate label; a credit note follows the
  invoice it cites; customers with a price category count as non-members). Each row also
  splits its ``net`` into ``member`` and ``non_member``. Each group sums to ``total``.
- **receivables**: as of ``end`` (``start`` is not used): per customer, invoices issued on
  or before it, minus credit notes issued on or before it, minus payments dated on or
  before it (reversals included), all including VAT; each invoice's balance aged by
  ``end − due date``: not due (≤ 0 days), 1–30, 31–60, 61–90, over 90. Customers with a
  zero balance are left out. ``total`` sums every column.
- **savings**: for each invoice issued in the period at the member rate, its rental and
  late-return lines recomputed at today's non-member day rate of the type with the same
  quantity, days, coefficient (read from the frozen line) and discounts; savings = that −
  the line's net, both excluding VAT. A line credited (partly) by a credit note issued by
  ``end`` counts for what is left of it. Per member, and ``total``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.errors import N_
from app.core.money import from_cents, quantize
from booking.models import Customer, Membership
from inventory.models import CATEGORY_LABELS, Category, ItemType
from invoicing.balance import InvoiceBalance, invoice_balances
from invoicing.charges import MEMBER_LABEL
from invoicing.document import Kind
from invoicing.models import DamageCharge, IssuedDocument, IssuedLine, ItemRate
from invoicing.opening import opening_balances
from invoicing.report_model import ChartSpec, Column, Report

ZERO = Decimal("0.00")
OTHER = "other"
OTHER_LABEL = N_("Other (minimum charge, free lines)")
MEMBER, NON_MEMBER = "member", "non_member"
RATE_LABELS = {MEMBER: N_("Members"), NON_MEMBER: N_("Non-members")}
_MEMBER_PREFIX = MEMBER_LABEL.split("{", 1)[0]
_COEF = re.compile(r"\(coef\. ([0-9]+(?:,[0-9]+)?)\)")
AGES = (
    ("not_due", N_("Not due")),
    ("d1_30", N_("1–30 days")),
    ("d31_60", N_("31–60 days")),
    ("d61_90", N_("61–90 days")),
    ("over_90", N_("Over 90 days")),
)


def _money(cents: int) -> Decimal:
    return from_cents(cents)


def _is_member(document_json: str) -> bool:
    return str(json.loads(document_json).get("rate_label", "")).startswith(_MEMBER_PREFIX)


def _documents(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, IssuedDocument]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = select(IssuedDocument).where(col(IssuedDocument.id).in_(wanted))
    return {d.id: d for d in uow.session.exec(query) if d.id is not None}


def _lines(uow: UnitOfWork, doc_ids: Iterable[int]) -> list[IssuedLine]:
    wanted = sorted(set(doc_ids))
    if not wanted:
        return []
    query = select(IssuedLine).where(col(IssuedLine.document_id).in_(wanted))
    ordered = query.order_by(col(IssuedLine.document_id), col(IssuedLine.position))
    return list(uow.session.exec(ordered))


def _categories(uow: UnitOfWork, lines: Iterable[IssuedLine]) -> dict[str, str]:
    """covers → the equipment family it belongs to (``other`` when none)."""
    type_ids: set[int] = set()
    charge_ids: set[int] = set()
    for line in lines:
        kind, _, ident = line.covers.partition(":")
        if ident.isdigit():
            (charge_ids if kind == "damage" else type_ids).add(int(ident))
    charge_type: dict[int, int] = {}
    if charge_ids:
        charges = select(col(DamageCharge.id), col(DamageCharge.item_type_id)).where(
            col(DamageCharge.id).in_(charge_ids)
        )
        charge_type = {cid: tid for cid, tid in uow.session.exec(charges).all() if cid is not None}
        type_ids |= set(charge_type.values())
    family: dict[int, str] = {}
    if type_ids:
        types = select(col(ItemType.id), col(ItemType.category)).where(
            col(ItemType.id).in_(type_ids)
        )
        family = {tid: kind for tid, kind in uow.session.exec(types).all() if tid is not None}
    result: dict[str, str] = {}
    for line in lines:
        kind, _, ident = line.covers.partition(":")
        category = OTHER
        if ident.isdigit():
            tid = charge_type.get(int(ident)) if kind == "damage" else int(ident)
            category = family.get(tid, OTHER) if tid is not None else OTHER
        result[line.covers] = category
    return result


def _months(start: dt.date, end: dt.date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# --- revenue ------------------------------------------------------------------------------


def revenue(uow: UnitOfWork, start: dt.date, end: dt.date) -> Report:
    docs = list(
        uow.session.exec(
            select(IssuedDocument).where(
                IssuedDocument.issue_date >= start, IssuedDocument.issue_date <= end
            )
        )
    )
    in_period = {d.id: d for d in docs if d.id is not None}
    cited = _documents(
        uow, (d.cites_id for d in docs if d.cites_id and d.cites_id not in in_period)
    )
    every: dict[int, IssuedDocument] = {**cited, **in_period}
    lines = _lines(uow, every)
    family = _categories(uow, lines)
    by_position = {(ln.document_id, ln.position): ln for ln in lines}
    member = {i: _is_member(d.document_json) for i, d in every.items() if d.kind == Kind.INVOICE}

    sums: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines:
        doc = in_period.get(line.document_id)
        if doc is None:
            continue
        credit = doc.kind == Kind.CREDIT_NOTE.value
        invoice_id = doc.cites_id if credit else doc.id
        category = family[line.covers]
        if credit:
            credited = by_position.get((invoice_id or 0, line.credits_position or 0))
            category = family[credited.covers] if credited is not None else OTHER
        rate = MEMBER if member.get(invoice_id or 0, False) else NON_MEMBER
        signed = -line.net_cents if credit else line.net_cents
        for key in (("month", doc.issue_date.strftime("%Y-%m")), ("category", category)):
            bucket = sums[key]
            bucket["credited" if credit else "invoiced"] += line.net_cents
            bucket[rate] += signed
        bucket = sums[("rate", rate)]
        bucket["credited" if credit else "invoiced"] += line.net_cents
        bucket[rate] += signed

    def row(group: str, key: str, label: str) -> dict[str, Any]:
        s = sums.get((group, key), {})
        return {
            "group": group,
            "key": key,
            "label": label,
            "member": _money(s.get(MEMBER, 0)),
            "non_member": _money(s.get(NON_MEMBER, 0)),
            "invoiced": _money(s.get("invoiced", 0)),
            "credited": _money(s.get("credited", 0)),
            "net": _money(s.get("invoiced", 0) - s.get("credited", 0)),
        }

    rows = [row("month", m, m) for m in _months(start, end)]
    families = [c.value for c in Category] + [OTHER]
    labels = {**{c.value: text for c, text in CATEGORY_LABELS.items()}, OTHER: OTHER_LABEL}
    rows += [row("category", f, labels[f]) for f in families if ("category", f) in sums]
    rows += [row("rate", r, RATE_LABELS[r]) for r in (MEMBER, NON_MEMBER)]
    money_keys = ("member", "non_member", "invoiced", "credited", "net")
    month_rows = [r for r in rows if r["group"] == "month"]
    total = {k: sum((r[k] for r in month_rows), ZERO) for k in money_keys}
    columns = [
        Column("group", N_("Section")),
        Column("key", N_("Key")),
        Column("label", N_("Period or family")),
        Column("member", N_("Members"), "money"),
        Column("non_member", N_("Non-members"), "money"),
        Column("invoiced", N_("Invoiced excl. VAT"), "money"),
        Column("credited", N_("Credited excl. VAT"), "money"),
        Column("net", N_("Net revenue excl. VAT"), "money"),
    ]
    return Report(
        "revenue",
        N_("Revenue"),
        columns,
        rows,
        total,
        ChartSpec("label", "net", "month"),
        start,
        end,
    )


# --- receivables --------------------------------------------------------------------------


def _issued_balances(uow: UnitOfWork, as_of: dt.date) -> list[InvoiceBalance]:
    """Every invoice issued by ``as_of``, with its balance at the end of that day, and
    every opening entry (an invoice of the previous tool, ``invoicing.opening``)."""
    issued = [b for b in invoice_balances(uow, as_of=as_of) if b.issue_date <= as_of]
    return issued + opening_balances(uow, as_of=as_of)


def receivables_total_cents(uow: UnitOfWork, as_of: dt.date) -> int:
    return sum(b.balance_cents for b in _issued_balances(uow, as_of))


def receivables(uow: UnitOfWork, start: dt.date, end: dt.date) -> Report:
    per: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for b in _issued_balances(uow, end):
        if b.balance_cents:
            per[b.customer_id][AGES[b.age_bucket(end)][0]] += b.balance_cents
            per[b.customer_id]["balance"] += b.balance_cents
    names = _customers(uow, per)
    keys = [k for k, _ in AGES] + ["balance"]
    rows: list[dict[str, Any]] = []
    for customer_id, sums in per.items():
        if not sums["balance"] and not any(sums[k] for k, _ in AGES):
            continue
        number, name = names[customer_id]
        rows.append({"customer": number, "name": name, **{k: _money(sums.get(k, 0)) for k in keys}})
    rows.sort(key=lambda r: (-r["balance"], r["customer"]))
    total = {k: sum((r[k] for r in rows), ZERO) for k in keys}
    columns = [
        Column("customer", N_("Customer number")),
        Column("name", N_("Customer")),
        *[Column(k, label, "money") for k, label in AGES],
        Column("balance", N_("Balance incl. VAT"), "money"),
    ]
    return Report(
        "receivables",
        N_("Receivables by customer and age"),
        columns,
        rows,
        total,
        ChartSpec("name", "balance"),
        start,
        end,
    )


def _customers(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = select(col(Customer.id), col(Customer.number), col(Customer.name)).where(
        col(Customer.id).in_(wanted)
    )
    return {cid: (number, name) for cid, number, name in uow.session.exec(query) if cid is not None}


# --- members' savings ---------------------------------------------------------------------


def _coefficient(detail: str) -> Decimal | None:
    found = _COEF.search(detail)
    return Decimal(found.group(1).replace(",", ".")) if found else None


def _public_net(raw: dict[str, Any], kind: str, public_rate: Decimal) -> Decimal | None:
    """The frozen line recomputed at ``public_rate`` (the non-member day rate)."""
    quantity = Decimal(raw["quantity"])
    if kind == "late":
        return quantize(quantity * public_rate)
    coef = _coefficient(raw.get("detail") or "")
    if coef is None:
        return None
    factor = Decimal(1) - Decimal(raw.get("discount_percent") or "0") / 100
    return quantize(quantity * public_rate * coef * factor)


def savings(uow: UnitOfWork, start: dt.date, end: dt.date) -> Report:
    invoices = [
        d
        for d in uow.session.exec(
            select(IssuedDocument).where(
                IssuedDocument.kind == Kind.INVOICE.value,
                IssuedDocument.issue_date >= start,
                IssuedDocument.issue_date <= end,
            )
        )
        if _is_member(d.document_json)
    ]
    ids = [d.id for d in invoices if d.id is not None]
    credits: dict[tuple[int, int], int] = defaultdict(int)
    if ids:
        query = (
            select(
                col(IssuedDocument.cites_id),
                col(IssuedLine.credits_position),
                col(IssuedLine.net_cents),
            )
            .join(IssuedLine, col(IssuedLine.document_id) == col(IssuedDocument.id))
            .where(col(IssuedDocument.cites_id).in_(ids), col(IssuedDocument.issue_date) <= end)
        )
        for cites, position, credited_net in uow.session.exec(query):
            credits[(int(cites or 0), int(position or 0))] += credited_net
    public = dict(
        uow.session.exec(select(ItemRate.item_type_id, ItemRate.non_member_day_cents)).all()
    )
    lines = [ln for ln in _lines(uow, ids) if ln.covers.split(":")[0] in ("rental", "late")]
    frozen = {d.id: json.loads(d.document_json)["lines"] for d in invoices}
    customer_of = {d.id: d.customer_id for d in invoices}
    paid: dict[int, Decimal] = defaultdict(lambda: ZERO)
    would: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        kind, _, tid = line.covers.partition(":")
        rate = public.get(int(tid))
        if rate is None or line.net_cents <= 0:
            continue
        raw = frozen[line.document_id][line.position - 1]
        full = _public_net(raw, kind, from_cents(rate))
        if full is None:
            continue
        net = _money(line.net_cents)
        left = _money(line.net_cents - credits.get((line.document_id, line.position), 0))
        customer = customer_of[line.document_id]
        paid[customer] += left
        would[customer] += quantize(full * left / net)
    names = _customers(uow, paid)
    numbers = _member_numbers(uow, paid)
    rows: list[dict[str, Any]] = []
    for customer in paid:
        number, name = names[customer]
        rows.append(
            {
                "customer": number,
                "member_number": numbers.get(customer, ""),
                "name": name,
                "paid": paid[customer],
                "non_member": would[customer],
                "savings": would[customer] - paid[customer],
            }
        )
    rows.sort(key=lambda r: (-r["savings"], r["customer"]))
    keys = ("paid", "non_member", "savings")
    total = {k: sum((r[k] for r in rows), ZERO) for k in keys}
    columns = [
        Column("customer", N_("Customer number")),
        Column("member_number", N_("Member number")),
        Column("name", N_("Member")),
        Column("paid", N_("Paid at member rates excl. VAT"), "money"),
        Column("non_member", N_("At non-member rates excl. VAT"), "money"),
        Column("savings", N_("Savings"), "money"),
    ]
    return Report(
        "savings",
        N_("Members' savings"),
        columns,
        rows,
        total,
        ChartSpec("name", "savings"),
        start,
        end,
    )


def _member_numbers(uow: UnitOfWork, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = (
        select(col(Membership.customer_id), col(Membership.member_number))
        .where(col(Membership.customer_id).in_(wanted))
        .order_by(col(Membership.valid_from))
    )
    return dict(uow.session.exec(query).all())  # the latest membership wins
