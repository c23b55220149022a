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

from sqlalchemy import (
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    union_all,
)
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core.db import UnitOfWork
from app.core.errors import N_
from app.core.money import from_cents, quantize
from booking.availability import table_of
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


_DOC = table_of(IssuedDocument)
_LINE = table_of(IssuedLine)
#: How a member-rate invoice's frozen JSON begins its rate label (``invoicing.serial.to_json``:
#: sorted keys, ``": "`` between key and value, characters as they are): key, open quote, prefix.
_MEMBER_NEEDLE = json.dumps({"rate_label": _MEMBER_PREFIX}, ensure_ascii=False)[1:-2]


def _member_flag(document_json: Any) -> Any:
    """SQL: 1 when the frozen rate label is the member rate (``_is_member``), else 0 —
    the needle found case-sensitively (``replace`` shortens the text) on both engines."""
    found = func.length(func.replace(document_json, _MEMBER_NEEDLE, "")) < func.length(
        document_json
    )
    return case((found, _ONE), else_=_ZERO)


#: Constants written into the SQL (not bound): a grouped expression must read the same in
#: the select list and in GROUP BY on PostgreSQL.
_ONE: Any = literal_column("1")
_ZERO: Any = literal_column("0")
_CREDIT: Any = literal_column("'credit_note'")
_INVOICE: Any = literal_column("'invoice'")


def _revenue_statement() -> Any:
    """The lines of the documents issued in ``[:start, :end]`` summed in the database, in
    two groupings of one statement (the member flag of each invoice worked out once):
    ``day`` rows (kind, issue date, member, net) and ``covers`` rows (kind, what the line
    covers — a credit note's line: what the line it credits covers —, member, net)."""
    doc, line = _DOC.alias("d"), _LINE.alias("l")
    credited = _LINE.alias("cl")
    cites = _DOC.alias("c")
    in_period = doc.c.issue_date.between(bindparam("start"), bindparam("end"))
    cited = (
        sa_select(cites.c.cites_id)
        .where(
            cites.c.issue_date.between(bindparam("start"), bindparam("end")),
            cites.c.cites_id.is_not(None),
        )
        .scalar_subquery()
    )
    invoice = _DOC.alias("i")
    flags = (
        sa_select(invoice.c.id, _member_flag(invoice.c.document_json).label("member"))
        .where(
            invoice.c.kind == _INVOICE,
            or_(
                invoice.c.issue_date.between(bindparam("start"), bindparam("end")),
                invoice.c.id.in_(cited),
            ),
        )
        .cte("flags")
        .prefix_with("MATERIALIZED")
    )
    credit = doc.c.kind == _CREDIT
    billed = case((credit, doc.c.cites_id), else_=doc.c.id)
    member = func.coalesce(flags.c.member, _ZERO)
    joined = line.join(doc, doc.c.id == line.c.document_id).outerjoin(flags, flags.c.id == billed)
    by_day = (
        sa_select(
            literal_column("'day'").label("grouping"),
            doc.c.kind,
            cast(doc.c.issue_date, String).label("day"),
            literal(None, String).label("covers"),
            member.label("member"),
            func.sum(line.c.net_cents).label("net"),
        )
        .select_from(joined)
        .where(in_period)
        .group_by(doc.c.kind, doc.c.issue_date, member)
    )
    covers = case((credit, credited.c.covers), else_=line.c.covers)
    by_covers = (
        sa_select(
            literal_column("'covers'").label("grouping"),
            doc.c.kind,
            literal(None, String).label("day"),
            covers.label("covers"),
            member.label("member"),
            func.sum(line.c.net_cents).label("net"),
        )
        .select_from(
            joined.outerjoin(
                credited,
                and_(
                    credit,
                    credited.c.document_id == doc.c.cites_id,
                    credited.c.position == line.c.credits_position,
                ),
            )
        )
        .where(in_period)
        .group_by(doc.c.kind, covers, member)
    )
    return union_all(by_day, by_covers)


_REVENUE = _revenue_statement()


def _families(uow: UnitOfWork, covers: Iterable[str]) -> dict[str, str]:
    """covers → the equipment family it belongs to (``other`` when none)."""
    type_ids: set[int] = set()
    charge_ids: set[int] = set()
    for value in covers:
        kind, _, ident = value.partition(":")
        if ident.isdigit():
            (charge_ids if kind == "damage" else type_ids).add(int(ident))
    charge_type: dict[int, int] = {}
    if charge_ids:
        charges = sa_select(col(DamageCharge.id), col(DamageCharge.item_type_id))
        charge_type = {cid: tid for cid, tid in uow.session.execute(charges) if cid in charge_ids}
        type_ids |= set(charge_type.values())
    family: dict[int, str] = {}
    if type_ids:
        types = sa_select(col(ItemType.id), col(ItemType.category))
        family = {tid: kind for tid, kind in uow.session.execute(types) if tid in type_ids}
    result: dict[str, str] = {}
    for value in covers:
        kind, _, ident = value.partition(":")
        category = OTHER
        if ident.isdigit():
            tid = charge_type.get(int(ident)) if kind == "damage" else int(ident)
            category = family.get(tid, OTHER) if tid is not None else OTHER
        result[value] = category
    return result


def revenue(uow: UnitOfWork, start: dt.date, end: dt.date) -> Report:
    """Summed in the database (``_REVENUE``): a few thousand grouped rows, whatever the
    number of invoices in the period."""
    rows_by_day: list[tuple[str, str, int, int]] = []
    rows_by_covers: list[tuple[str, str | None, int, int]] = []
    for grouping, kind, day, covered, member_flag, net in uow.session.execute(
        _REVENUE, {"start": start, "end": end}
    ):
        if grouping == "day":
            rows_by_day.append((kind, str(day)[:7], int(member_flag), int(net or 0)))
        else:
            rows_by_covers.append((kind, covered, int(member_flag), int(net or 0)))
    family = _families(uow, {c for _, c, _, _ in rows_by_covers if c is not None})

    sums: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def add(key: tuple[str, str], kind: str, member_flag: int, net: int) -> None:
        credit = kind == Kind.CREDIT_NOTE.value
        rate = MEMBER if member_flag else NON_MEMBER
        bucket = sums[key]
        bucket["credited" if credit else "invoiced"] += net
        bucket[rate] += -net if credit else net

    for kind, month, member_flag, net in rows_by_day:
        add(("month", month), kind, member_flag, net)
        add(("rate", MEMBER if member_flag else NON_MEMBER), kind, member_flag, net)
    for kind, covered, member_flag, net in rows_by_covers:
        category = family[covered] if covered is not None else OTHER
        add(("category", category), kind, member_flag, net)

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


#: Member invoices read per batch by the savings report (their frozen JSON is parsed one
#: batch at a time: ten years of invoices never sit in memory together).
SAVINGS_BATCH = 500
_MEMBER_INVOICES = (
    sa_select(_DOC.c.id, _DOC.c.customer_id, _DOC.c.document_json)
    .where(
        _DOC.c.kind == _INVOICE,
        _DOC.c.issue_date.between(bindparam("start"), bindparam("end")),
        _member_flag(_DOC.c.document_json) == _ONE,
    )
    .order_by(_DOC.c.id)
)


def savings(uow: UnitOfWork, start: dt.date, end: dt.date) -> Report:
    public = dict(
        uow.session.exec(select(ItemRate.item_type_id, ItemRate.non_member_day_cents)).all()
    )
    paid: dict[int, Decimal] = defaultdict(lambda: ZERO)
    would: dict[int, Decimal] = defaultdict(lambda: ZERO)
    found = uow.session.execute(
        _MEMBER_INVOICES.execution_options(yield_per=SAVINGS_BATCH),
        {"start": start, "end": end},
    )
    for batch in found.partitions(SAVINGS_BATCH):
        frozen = {i: json.loads(text)["lines"] for i, _, text in batch}
        customer_of = {i: customer for i, customer, _ in batch}
        ids = sorted(frozen)
        credits: dict[tuple[int, int], int] = defaultdict(int)
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
        lines = [ln for ln in _lines(uow, ids) if ln.covers.split(":")[0] in ("rental", "late")]
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
