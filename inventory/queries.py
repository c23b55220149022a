"""Read side of the catalogue: search and the rows that screens and the CLI list.

Search returns ids only (cheap, indexed or one scan); rows are fetched for the ids a
screen actually shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import String, and_, case, cast, exists, func, literal, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from app.core.db import UnitOfWork, id_column
from inventory import barcodes
from inventory.barcodes import normalise
from inventory.models import (
    InspectionDue,
    ItemType,
    Kit,
    Owner,
    Tracking,
    Unit,
    UnitStatus,
)


@dataclass(frozen=True)
class TypeRow:
    id: int
    code: str
    name: str
    category: str
    manufacturer: str
    model: str
    tracking: str
    barcode: str | None
    units: int
    serviceable: int
    stock_quantity: int
    next_due: dt.date | None

    @property
    def quantity(self) -> int:
        return self.units if self.tracking == Tracking.SERIALIZED else self.stock_quantity


@dataclass(frozen=True)
class UnitRow:
    id: int
    item_type_id: int
    barcode: str
    serial: str
    status: str
    location: str
    owner: str
    next_due: dt.date | None
    case_id: int | None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _unit_matches(pattern: str) -> ColumnElement[bool]:
    return or_(
        col(Unit.barcode).like(pattern, escape="\\"),
        col(Unit.serial).like(pattern, escape="\\"),
    )


def _type_conditions(
    text: str, category: str | None, status: str | None
) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    text = normalise(text)
    if text:
        pattern = _like(text)
        own = [
            col(column).like(pattern, escape="\\")
            for column in (
                ItemType.name,
                ItemType.code,
                ItemType.manufacturer,
                ItemType.model,
                ItemType.barcode,
            )
        ]
        has_unit = exists().where(
            col(Unit.item_type_id) == id_column(ItemType), _unit_matches(pattern)
        )
        found.append(or_(*own, has_unit))
    if category:
        found.append(col(ItemType.category) == category)
    if status:
        found.append(
            exists().where(
                col(Unit.item_type_id) == id_column(ItemType), col(Unit.status) == status
            )
        )
    return found


def search_types(
    uow: UnitOfWork,
    text: str = "",
    category: str | None = None,
    status: str | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids of the item types matching ``text`` in name, code, manufacturer, model or
    barcode, or having a unit whose barcode or serial matches; ordered for display (by
    category, name, then id: a stable order for pages), at most ``limit`` (None: all)
    after the first ``offset``."""
    query = (
        select(id_column(ItemType))
        .where(*_type_conditions(text, category, status))
        .order_by(col(ItemType.category), col(ItemType.name), id_column(ItemType))
    )
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return list(uow.session.exec(query))


def count_types(
    uow: UnitOfWork, text: str = "", category: str | None = None, status: str | None = None
) -> int:
    """How many item types ``search_types`` finds (all pages)."""
    query = select(func.count(id_column(ItemType))).where(*_type_conditions(text, category, status))
    return int(uow.session.exec(query).one())


def type_rows(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, TypeRow]:
    """Rows for ``ids`` with their unit counts and nearest inspection due date."""
    if not ids:
        return {}
    counts = (
        select(
            col(Unit.item_type_id).label("tid"),
            func.count(id_column(Unit)).label("units"),
            func.sum(case((col(Unit.status) == UnitStatus.IN_SERVICE.value, 1), else_=0)).label(
                "ok"
            ),
        )
        .where(col(Unit.item_type_id).in_(ids))
        .group_by(col(Unit.item_type_id))
        .subquery()
    )
    dues = (
        select(col(Unit.item_type_id).label("tid"), func.min(InspectionDue.due_on).label("due"))
        .join(Unit, id_column(Unit) == col(InspectionDue.unit_id))
        .where(col(Unit.item_type_id).in_(ids), Unit.status != UnitStatus.RETIRED.value)
        .group_by(col(Unit.item_type_id))
        .subquery()
    )
    query = (
        sa_select(
            id_column(ItemType),
            col(ItemType.code),
            col(ItemType.name),
            col(ItemType.category),
            col(ItemType.manufacturer),
            col(ItemType.model),
            col(ItemType.tracking),
            col(ItemType.barcode),
            counts.c.units,
            counts.c.ok,
            col(ItemType.stock_quantity),
            dues.c.due,
        )
        .outerjoin(counts, counts.c.tid == id_column(ItemType))
        .outerjoin(dues, dues.c.tid == id_column(ItemType))
        .where(id_column(ItemType).in_(ids))
    )
    rows: dict[int, TypeRow] = {}
    for (
        type_id,
        code,
        name,
        category,
        maker,
        model,
        tracking,
        barcode,
        units,
        ok,
        stock,
        due,
    ) in uow.session.execute(query):
        rows[type_id] = TypeRow(
            id=type_id,
            code=code,
            name=name,
            category=category,
            manufacturer=maker,
            model=model,
            tracking=tracking,
            barcode=barcode,
            units=units or 0,
            serviceable=ok or 0,
            stock_quantity=stock,
            next_due=_as_date(due),
        )
    return rows


def _as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def unit_ids(
    uow: UnitOfWork, item_type_id: int, text: str = "", status: str | None = None
) -> list[int]:
    """Units of a type; when ``text`` matches some of their barcodes or serials, only those."""
    query = select(id_column(Unit)).where(Unit.item_type_id == item_type_id)
    if status:
        query = query.where(Unit.status == status)
    text = normalise(text)
    if text:
        narrowed = query.where(_unit_matches(_like(text)))
        ids = list(uow.session.exec(narrowed.order_by(col(Unit.barcode))))
        if ids:
            return ids
    return list(uow.session.exec(query.order_by(col(Unit.barcode))))


def unit_rows(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, UnitRow]:
    if not ids:
        return {}
    due = (
        select(func.min(InspectionDue.due_on))
        .where(col(InspectionDue.unit_id) == id_column(Unit))
        .correlate(Unit)
        .scalar_subquery()
    )
    owner = func.coalesce(Owner.name, cast(literal(""), String))
    query = (
        sa_select(
            id_column(Unit),
            col(Unit.item_type_id),
            col(Unit.barcode),
            col(Unit.serial),
            col(Unit.status),
            col(Unit.location),
            owner,
            due,
            col(Unit.case_id),
        )
        .outerjoin(Owner, and_(id_column(Owner) == col(Unit.owner_id)))
        .where(id_column(Unit).in_(ids))
    )
    rows: dict[int, UnitRow] = {}
    for (
        unit_id,
        type_id,
        barcode,
        serial,
        status,
        location,
        owner_name,
        next_due,
        case_id,
    ) in uow.session.execute(query):
        rows[unit_id] = UnitRow(
            id=unit_id,
            item_type_id=type_id,
            barcode=barcode,
            serial=serial,
            status=status,
            location=location,
            owner=owner_name or "",
            next_due=_as_date(next_due),
            case_id=case_id,
        )
    return rows


def units_by_type(uow: UnitOfWork, type_ids: Sequence[int]) -> dict[int, list[UnitRow]]:
    """All units of the given types, grouped by type (for listings and exports)."""
    ids = list(
        uow.session.exec(
            select(id_column(Unit))
            .where(col(Unit.item_type_id).in_(type_ids))
            .order_by(col(Unit.barcode))
        )
    )
    grouped: dict[int, list[UnitRow]] = {tid: [] for tid in type_ids}
    rows = unit_rows(uow, ids)
    for uid in ids:
        row = rows[uid]
        grouped[row.item_type_id].append(row)
    return grouped


def entry_named(uow: UnitOfWork, code: str) -> ItemType | Kit | None:
    """What a code typed or scanned into a booking names: the item type of a unit's
    barcode, a bulk barcode or a type code, or a kit — without case, then as read on the
    other keyboard layout (``barcodes.candidates``)."""
    for reading in barcodes.candidates(code):
        found = barcodes.find_exactly(uow, reading)
        if found is not None and isinstance(found[1], Unit):
            return uow.session.get(ItemType, found[1].item_type_id)
        if found is not None and isinstance(found[1], ItemType):  # a bulk type's barcode
            return found[1]
        named = barcodes.find_item_code(uow, reading) or barcodes.find_kit(uow, reading)
        if named is not None:
            return named
    return None


def code_lookup(uow: UnitOfWork, code: str) -> tuple[int, int | None] | None:
    """A scanned code: (type id, unit id) of the unit, bulk type or type code it names."""
    for reading in barcodes.candidates(code):
        found = barcodes.find_exactly(uow, reading)
        if found is not None and isinstance(found[1], Unit):
            return found[1].item_type_id, found[1].id
        if found is not None and found[0] == "bulk":
            return found[1].id or 0, None
        item = barcodes.find_item_code(uow, reading)
        if item is not None:
            return item.id or 0, None
    return None
