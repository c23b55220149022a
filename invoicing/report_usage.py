"""Equipment reports: utilisation, what pooled owners' pieces earned, inspections due.

Rules (the period ``[start, end]`` is whole local days, both included):

- **utilisation** (per item type, and per family in rows with ``group`` "category"; types
  of the consumables family are left out, and so are types with nothing serviceable):
  ``days_out`` = Σ over the days of the period of the firm peak held that day, at most
  the type's serviceable stock; ``serviceable_days`` = serviceable stock × days;
  ``utilisation`` = days out / serviceable days, in [0, 1]. "Held" is the availability
  engine's notion (``booking.availability``): each line of a confirmed, out, returned or
  closed booking holds its quantity over its planned period widened by the type's prep
  and de-prep buffers (returned and closed bookings held it when they were confirmed or
  out), and an ``out`` booking past its end holds what is still out until it is scanned
  back (taken from ``availability.holds`` itself). The past is read from the bookings, not
  the desk's movements, so a past year and a booked future read the same way. Serviceable
  stock is today's (``availability.serviceable``): the catalogue keeps no history of it.
  Type rows are sorted from the most used to the least used (``rank`` 1 = most used).
- **owners**: per owner of pooled units (the cooperative, owner of the units without an
  owner and of all bulk stock, is one row): ``equipment_days`` = the local calendar days
  of the period each of their units spent out, from the desk's movements (a check-out to
  the next check-in of the unit on the same booking, or to today while still out; undone
  scans and their undos ignored); ``revenue`` = the net, excluding VAT, of the rental and
  late-return lines of the invoices issued in the period (minus what credit notes issued
  by ``end`` credited of them), each line shared among the units of its type that left on
  its booking in proportion to their equipment-days on that booking (whole booking), to
  the cent (largest remainders). A line of a serialized type none of whose units was
  scanned out goes to the "not attributed" row.
- **inspections**: units in service or in repair whose next check of a schedule falls due
  in the period, or is overdue on ``today`` (``inventory.maintenance.inspections_due``,
  the home screen's rule too: lost and retired units have none to do).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import operator
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, cast, func, literal_column, text
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from app.core import dialect
from app.core.db import UnitOfWork, id_column, require_id
from app.core.errors import N_
from app.core.money import from_cents
from booking import availability
from booking.models import BookingStatus, Direction, Movement
from inventory import maintenance
from inventory.models import (
    CATEGORY_LABELS,
    STATUS_LABELS,
    Category,
    ItemType,
    Owner,
    Tracking,
    Unit,
)
from invoicing.document import Kind
from invoicing.models import IssuedDocument, IssuedLine
from invoicing.report_model import ChartSpec, Column, Report

DAY = 1440  # minutes
COOPERATIVE = N_("The cooperative")
NOT_ATTRIBUTED = N_("Not attributed (nothing scanned out)")
_TYPE_FACTS = sa_select(
    id_column(ItemType),
    col(ItemType.category),
    col(ItemType.prep_hours),
    col(ItemType.deprep_hours),
)


#: The statuses whose lines hold stock over their buffered planned period (``out`` lines
#: come from ``availability.holds``, which knows what a late booking still holds).
_HELD = ("confirmed", "returned", "closed")
#: An event packed in one integer: ``minute << _SHIFT | (delta + _OFFSET)``; sorting the
#: integers sorts by minute, ends (negative deltas) before starts at one instant.
_SHIFT = 32
_OFFSET = 1 << 31
_MASK = (1 << _SHIFT) - 1


@functools.lru_cache(maxsize=4)
def _held_by_type(engine: str, target: Any) -> str:
    """Per item type, the start and end events (packed: ``_SHIFT``; minutes from the
    window's start, unbuffered) of the lines of confirmed, returned and closed bookings
    meeting the window, as two comma-separated lists — aggregated in the database:
    a ten-year report reads a million lines, and a row object per line would cost more than
    the whole sweep. The periods are computed once per booking (the lines mirror their
    booking's period and status), the lines read through their covering index
    (ix_booking_line_booking_type). ``target``: the connection's SQLAlchemy dialect (for
    the string aggregate's name). Parameters: origin, origin, low, high."""
    at = dialect.timestamp_param(engine)

    def joined(column: str) -> str:
        expression = func.aggregate_strings(cast(literal_column(column), Text), ",")
        return str(expression.compile(dialect=target, compile_kwargs={"literal_binds": True}))

    held = ", ".join(f"'{status}'" for status in _HELD)
    shift, offset = 1 << _SHIFT, _OFFSET
    return f"""
WITH bk AS MATERIALIZED (
  SELECT id,
         {dialect.minutes_since(engine, "start")} AS s,
         {dialect.minutes_since(engine, '"end"')} AS e
  FROM booking
  WHERE status IN ({held}) AND "end" > {at} AND start < {at}
)
SELECT bl.item_type_id,
       {joined(f"bk.s * CAST({shift} AS BIGINT) + ({offset} + bl.quantity)")},
       {joined(f"bk.e * CAST({shift} AS BIGINT) + ({offset} - bl.quantity)")}
FROM bk JOIN booking_line bl ON bl.booking_id = bk.id
WHERE bl.quantity > 0
GROUP BY bl.item_type_id
"""


def _numbers(text: str) -> list[int]:
    return list(map(int, text.split(",")))


def _sweep(packed: list[int], days: int, cap: int) -> int:
    """Σ over ``days`` days of min(peak level that day, ``cap``), from sorted packed
    events (``_SHIFT``) of half-open intervals; minutes before 0 count as 0 and minutes
    past the last day are ignored — the firm column of ``availability.daily`` summed, in
    one pass."""
    first = bisect.bisect_left(packed, 0)  # the events before the window: its instant 0
    level = sum(map(operator.and_, packed[:first], itertools.repeat(_MASK))) - _OFFSET * first
    total, day, day_max = 0, 0, level
    day_start, next_day = 0, DAY
    for x in itertools.islice(packed, first, None):
        minute = x >> _SHIFT
        if minute >= next_day:
            if day >= days:
                break
            total += day_max if day_max < cap else cap
            d = minute // DAY
            if d > day + 1:
                held = level if level < cap else cap
                total += held * ((d if d < days else days) - day - 1)
            day, day_max = d, level
            day_start = d * DAY
            next_day = day_start + DAY
        level += (x & _MASK) - _OFFSET
        if minute == day_start or level > day_max:
            day_max = level
    if day < days:
        total += (day_max if day_max < cap else cap) + (level if level < cap else cap) * (
            days - day - 1
        )
    return total


def day_peaks_total(events: list[tuple[int, int]], days: int, cap: int) -> int:
    """Σ over ``days`` days of min(peak level that day, ``cap``), from (minute, ±quantity)
    events of half-open intervals inside ``[0, days × 1440]`` — the firm column of
    ``availability.daily`` summed, in one sweep (at one instant, ends before starts, as
    ``availability.peak``)."""
    return _sweep(sorted(m << _SHIFT | (q + _OFFSET) for m, q in events), days, cap)


def _shifted(packed: list[int], minutes: int) -> list[int]:
    """Packed events moved by ``minutes`` (a type's buffer)."""
    if not minutes:
        return packed
    step = minutes << _SHIFT
    return [x + step for x in packed]


def utilisation_figures(
    uow: UnitOfWork, start: dt.date, end: dt.date, now: dt.datetime
) -> dict[int, tuple[int, int]]:
    """type id → (days out, serviceable days), for every type of the report: the held
    lines aggregated per type in the database (one statement), then one sweep per type
    over its events packed in integers — a ten-year report never holds a row object per
    line."""
    w0 = dt.datetime.combine(start, dt.time())
    w1 = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    days = (end - start).days + 1
    width = days * DAY
    facts = {
        tid: (category, prep, deprep)
        for tid, category, prep, deprep in uow.session.execute(_TYPE_FACTS)
    }
    max_prep = max((f[1] for f in facts.values()), default=0)
    max_deprep = max((f[2] for f in facts.values()), default=0)
    events: dict[int, list[int]] = defaultdict(list)

    def add(tid: int, s: dt.datetime, e: dt.datetime, qty: int) -> None:
        a = max(0, int((s - w0).total_seconds()) // 60)
        b = min(width, -(-int((e - w0).total_seconds()) // 60))
        if a < b and qty > 0:
            events[tid] += (a << _SHIFT | (qty + _OFFSET), b << _SHIFT | (_OFFSET - qty))

    late = availability.holds(uow, w0, w1, now=now, statuses=(BookingStatus.OUT,))
    for hold in late:
        if facts.get(hold.item_type_id, ("",))[0] != Category.CONSUMABLES:
            add(hold.item_type_id, hold.start, hold.end, hold.quantity)
    stock = availability.serviceable(uow)
    origin = w0.isoformat(sep=" ")
    params = (
        origin,
        origin,
        (w0 - dt.timedelta(hours=max_deprep)).isoformat(sep=" "),
        (w1 + dt.timedelta(hours=max_prep)).isoformat(sep=" "),
    )
    connection = uow.session.connection()
    cursor = connection.connection.cursor()
    result: dict[int, tuple[int, int]] = {}
    try:
        statement = _held_by_type(dialect.name_of(connection), connection.dialect)
        cursor.execute(statement, params)
        while (row := cursor.fetchone()) is not None:
            tid, starts, ends = row
            category, prep, deprep = facts[tid]
            count = stock.get(tid, 0)
            if category == Category.CONSUMABLES or count <= 0:
                continue
            packed = _shifted(_numbers(starts), -prep * 60)
            packed += _shifted(_numbers(ends), deprep * 60)
            packed += events.pop(tid, ())
            packed.sort()
            result[tid] = (_sweep(packed, days, count), count * days)
    finally:
        cursor.close()
    for tid, (category, _, _) in facts.items():
        count = stock.get(tid, 0)
        if tid in result or category == Category.CONSUMABLES or count <= 0:
            continue
        packed = sorted(events.get(tid, ()))
        result[tid] = (_sweep(packed, days, count), count * days)
    return result


def _ratio(numerator: int, denominator: int) -> float:
    return min(1.0, numerator / denominator) if denominator else 0.0


def utilisation(uow: UnitOfWork, start: dt.date, end: dt.date, now: dt.datetime) -> Report:
    figures = utilisation_figures(uow, start, end, now)
    names = {
        tid: (code, name, category)
        for tid, code, name, category in uow.session.exec(
            select(ItemType.id, ItemType.code, ItemType.name, ItemType.category)
        )
        if tid in figures
    }
    per_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    types: list[dict[str, Any]] = []
    for tid, (held, possible) in figures.items():
        code, name, category = names[tid]
        per_family[category][0] += held
        per_family[category][1] += possible
        types.append(
            {
                "group": "type",
                "code": code,
                "name": name,
                "category": category,
                "days_out": held,
                "serviceable_days": possible,
                "utilisation": _ratio(held, possible),
            }
        )
    types.sort(key=lambda r: (-r["utilisation"], -r["days_out"], r["code"]))
    for rank, row in enumerate(types, start=1):
        row["rank"] = rank
    families = [
        {
            "group": "category",
            "code": c.value,
            "name": CATEGORY_LABELS[c],
            "category": c.value,
            "days_out": per_family[c.value][0],
            "serviceable_days": per_family[c.value][1],
            "utilisation": _ratio(*per_family[c.value]),
            "rank": None,
        }
        for c in Category
        if c.value in per_family
    ]
    held = sum(r["days_out"] for r in types)
    possible = sum(r["serviceable_days"] for r in types)
    total = {"days_out": held, "serviceable_days": possible, "utilisation": _ratio(held, possible)}
    columns = [
        Column("group", N_("Section")),
        Column("rank", N_("Rank"), "int"),
        Column("code", N_("Code")),
        Column("name", N_("Item type or family")),
        Column("category", N_("Family")),
        Column("days_out", N_("Days out"), "int"),
        Column("serviceable_days", N_("Serviceable days"), "int"),
        Column("utilisation", N_("Utilisation"), "ratio"),
    ]
    return Report(
        "utilisation",
        N_("Utilisation"),
        columns,
        families + types,
        total,
        ChartSpec("name", "utilisation", "category"),
        start,
        end,
    )


# --- owners -------------------------------------------------------------------------------


def _local_day(at: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(tz).replace(tzinfo=None)


def _span_days(s: dt.datetime, e: dt.datetime, first: dt.date, last: dt.date) -> int:
    """Local calendar days touched by ``[s, e)`` (a same-day trip counts one) in
    ``[first, last]``."""
    a = max(s.date(), first)
    b = min((e - dt.timedelta(microseconds=1)).date() if e > s else s.date(), last)
    return max(0, (b - a).days + 1)


def _trips(
    uow: UnitOfWork, booking_ids: set[int], now: dt.datetime, tz: dt.tzinfo
) -> list[tuple[int, int, int, dt.datetime, dt.datetime]]:
    """(booking, type, unit, out, back) per unit trip, local times; undone scans ignored."""
    if not booking_ids:
        return []
    undone = {
        u for (u,) in uow.session.execute(text("SELECT undoes FROM movement WHERE undoes > 0"))
    }
    query = (
        select(Movement)
        .where(
            col(Movement.booking_id).in_(sorted(booking_ids)),
            col(Movement.unit_id).is_not(None),
            col(Movement.undoes).is_(None),
        )
        .order_by(id_column(Movement))
    )
    open_: dict[tuple[int, int], tuple[int, dt.datetime]] = {}
    trips: list[tuple[int, int, int, dt.datetime, dt.datetime]] = []
    for move in uow.session.exec(query):
        if move.id in undone:
            continue
        if move.unit_id is None:  # the query keeps unit scans only
            continue
        key = (move.booking_id, move.unit_id)
        at = _local_day(move.at, tz)
        if move.direction == Direction.OUT.value:
            open_.setdefault(key, (move.item_type_id, at))
        elif key in open_:
            tid, left = open_.pop(key)
            trips.append((key[0], tid, key[1], left, at))
    trips += [(b, tid, u, left, now) for (b, u), (tid, left) in open_.items()]
    return trips


def _share(cents: int, weights: dict[Any, int]) -> dict[Any, int]:
    """``cents`` split in proportion to ``weights``, to the cent (largest remainders)."""
    whole = sum(weights.values())
    parts = {k: cents * w // whole for k, w in weights.items()}
    rest = cents - sum(parts.values())
    order = sorted(weights, key=lambda k: (-(cents * weights[k] % whole), str(k)))
    for k in order[: max(0, rest)]:
        parts[k] += 1
    return parts


def owners(
    uow: UnitOfWork, start: dt.date, end: dt.date, now: dt.datetime, tz: dt.tzinfo
) -> Report:
    w0_utc = dt.datetime.combine(start, dt.time(), tzinfo=tz).astimezone(dt.UTC)
    touched = {
        b
        for (b,) in uow.session.execute(
            text(
                "SELECT DISTINCT booking_id FROM movement WHERE unit_id IS NOT NULL AND at >= :w0 "
                "UNION SELECT id FROM booking WHERE status = 'out'"
            ),
            {"w0": w0_utc.replace(tzinfo=None).isoformat(sep=" ")},
        )
    }
    invoices = {
        require_id(d): d
        for d in uow.session.exec(
            select(IssuedDocument).where(
                IssuedDocument.kind == Kind.INVOICE.value,
                IssuedDocument.issue_date >= start,
                IssuedDocument.issue_date <= end,
            )
        )
    }
    invoiced_bookings = {d.booking_id for d in invoices.values() if d.booking_id is not None}
    trips = _trips(uow, touched | invoiced_bookings, now, tz)
    owner_of = dict(uow.session.exec(select(Unit.id, Unit.owner_id)).all())
    days: dict[int | None, int] = defaultdict(int)
    per_line: dict[tuple[int, int], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for booking, tid, unit, left, back in trips:
        days[owner_of.get(unit)] += _span_days(left, back, start, end)
        per_line[(booking, tid)][unit] += _span_days(left, back, dt.date.min, dt.date.max)
    revenue: dict[int | str | None, int] = defaultdict(int)
    lines = []
    if invoices:
        query = select(IssuedLine).where(col(IssuedLine.document_id).in_(sorted(invoices)))
        lines = [
            ln for ln in uow.session.exec(query) if ln.covers.split(":")[0] in ("rental", "late")
        ]
    credited = _credited(uow, sorted(invoices), end)
    tracking = dict(uow.session.exec(select(ItemType.id, ItemType.tracking)).all())
    for line in lines:
        tid = int(line.covers.split(":")[1])
        cents = line.net_cents - credited.get((line.document_id, line.position), 0)
        billed = invoices[line.document_id].booking_id
        shares = per_line.get((billed, tid), {}) if billed is not None else {}
        weights = {u: d for u, d in shares.items() if d > 0}
        if tracking.get(tid) == Tracking.BULK:
            revenue[None] += cents
        elif not weights:
            revenue["unattributed"] += cents
        else:
            for unit, part in _share(cents, weights).items():
                revenue[owner_of.get(unit)] += part
    unit_counts: dict[int | None, int] = defaultdict(int)
    for owner_id in owner_of.values():
        unit_counts[owner_id] += 1
    rows = [_owner_row(None, COOPERATIVE, unit_counts, days, revenue)]
    for owner_id, name in uow.session.exec(select(Owner.id, Owner.name).order_by(Owner.name)):
        rows.append(_owner_row(owner_id, name, unit_counts, days, revenue))
    if revenue.get("unattributed"):
        rows.append(_owner_row("unattributed", NOT_ATTRIBUTED, unit_counts, days, revenue))
    total = {
        "units": sum(r["units"] for r in rows),
        "equipment_days": sum(r["equipment_days"] for r in rows),
        "revenue": sum((r["revenue"] for r in rows), Decimal("0.00")),
    }
    columns = [
        Column("owner", N_("Owner")),
        Column("units", N_("Units"), "int"),
        Column("equipment_days", N_("Equipment-days"), "int"),
        Column("revenue", N_("Revenue excl. VAT"), "money"),
    ]
    return Report(
        "owners",
        N_("Revenue and equipment-days per owner"),
        columns,
        rows,
        total,
        ChartSpec("owner", "revenue"),
        start,
        end,
    )


def _owner_row(key: Any, name: str, units: Any, days: Any, revenue: Any) -> dict[str, Any]:
    return {
        "owner_id": key if isinstance(key, int) else None,
        "owner": name,
        "units": units.get(key, 0) if key != "unattributed" else 0,
        "equipment_days": days.get(key, 0) if key != "unattributed" else 0,
        "revenue": from_cents(revenue.get(key, 0)),
    }


def _credited(uow: UnitOfWork, invoice_ids: list[int], end: dt.date) -> dict[tuple[int, int], int]:
    if not invoice_ids:
        return {}
    query = (
        select(IssuedDocument.cites_id, IssuedLine.credits_position, IssuedLine.net_cents)
        .join(IssuedLine, col(IssuedLine.document_id) == id_column(IssuedDocument))
        .where(col(IssuedDocument.cites_id).in_(invoice_ids), col(IssuedDocument.issue_date) <= end)
    )
    out: dict[tuple[int, int], int] = defaultdict(int)
    for cites, position, net in uow.session.exec(query):
        if cites is not None:  # the query keeps credit notes citing an invoice only
            out[(cites, position)] += net
    return out


# --- inspections --------------------------------------------------------------------------


def inspections(uow: UnitOfWork, start: dt.date, end: dt.date, today: dt.date) -> Report:
    """Inspections due in the period, and every one overdue before it (the home screen's
    rule: ``maintenance.inspections_due``)."""
    rows = [
        {
            "unit": due.barcode,
            "code": due.code,
            "type": due.type_name,
            "schedule": due.schedule,
            "due_on": due.due_on,
            "overdue_days": due.overdue_days(today),
            "owner": due.owner or COOPERATIVE,
            "status": STATUS_LABELS[due.status],
        }
        for due in maintenance.inspections_due(uow, today=today, since=start, until=end)
    ]
    columns = [
        Column("unit", N_("Unit")),
        Column("code", N_("Code")),
        Column("type", N_("Item type")),
        Column("schedule", N_("Inspection")),
        Column("due_on", N_("Due on"), "date"),
        Column("overdue_days", N_("Days overdue"), "int"),
        Column("owner", N_("Owner")),
        Column("status", N_("Status")),
    ]
    return Report("inspections", N_("Inspections due"), columns, rows, None, None, start, end)
