"""What the catalogue's screens show, read in one place (the inventory's detail panel, the
item type and unit forms, the labels picker), so no screen reaches the session itself.

Values come back typed (cents, dates, status keys); the screens format them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import select

from app.core.db import UnitOfWork
from app.core.errors import NotFound
from inventory import maintenance, photos, queries
from inventory.barcodes import normalise
from inventory.dues import schedules_of
from inventory.models import Inspection, ItemType, Owner, Repair, Unit, UnitEvent

LOG_LIMIT = 8  # entries of each log the detail panel shows
SHOWN_TYPES = 200  # labels search results listed at once


@dataclass(frozen=True)
class ScheduleRow:
    id: int
    name: str
    interval_months: int
    at_each_remount: bool


@dataclass
class Detail:
    """The inventory's detail panel: the type, and the selected unit's dues and logs."""

    item: dict[str, Any]
    photo: bytes | None
    schedules: list[ScheduleRow]
    unit: dict[str, Any] | None = None
    dues: list[maintenance.DueRow] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    events: list[UnitEvent] = field(default_factory=list)


def schedule_rows(uow: UnitOfWork, item_type_id: int) -> list[ScheduleRow]:
    return [
        ScheduleRow(s.id or 0, s.name, s.interval_months, s.at_each_remount)
        for s in schedules_of(uow, item_type_id)
    ]


def item_type_values(uow: UnitOfWork, item_id: int) -> dict[str, Any]:
    """An item type's columns, for its form."""
    item = uow.session.get(ItemType, item_id)
    if item is None:
        raise NotFound("This item type no longer exists.")
    return item.model_dump()


def _owner_name(uow: UnitOfWork, owner_id: int | None) -> str:
    owner = uow.session.get(Owner, owner_id) if owner_id else None
    return owner.name if owner else ""


def unit_values(uow: UnitOfWork, unit_id: int) -> dict[str, Any]:
    """A unit's columns with its type's code and name and its owner's name, for its form."""
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("This unit no longer exists.")
    item = uow.session.get(ItemType, unit.item_type_id)
    return unit.model_dump() | {
        "item_code": item.code if item else "",
        "item_name": item.name if item else "",
        "owner": _owner_name(uow, unit.owner_id),
    }


def owner_names(uow: UnitOfWork) -> list[str]:
    return list(uow.session.exec(select(Owner.name).order_by(Owner.name)))


def unit_events(uow: UnitOfWork, unit_id: int, limit: int = LOG_LIMIT) -> list[UnitEvent]:
    """A unit's latest status changes, newest first."""
    query = select(UnitEvent).where(UnitEvent.unit_id == unit_id)
    return list(uow.session.exec(query.order_by(UnitEvent.id.desc()).limit(limit)))  # type: ignore[union-attr]


def detail(uow: UnitOfWork, type_id: int, unit_id: int | None, today: dt.date) -> Detail:
    """The type and, when ``unit_id`` is one of its units, that unit with its dues and logs."""
    item = uow.session.get(ItemType, type_id)
    if item is None:
        return Detail({}, None, [])
    found = Detail(item.model_dump(), photos.photo_of(uow, type_id), schedule_rows(uow, type_id))
    unit = uow.session.get(Unit, unit_id) if unit_id is not None else None
    if unit is None or unit.id is None or unit.item_type_id != type_id:
        return found
    found.unit = unit.model_dump() | {"owner": _owner_name(uow, unit.owner_id)}
    found.dues = maintenance.dues_of(uow, unit.id, today)
    found.inspections = maintenance.inspection_log(uow, unit.id)[:LOG_LIMIT]
    found.repairs = maintenance.repair_log(uow, unit.id)[:LOG_LIMIT]
    found.events = unit_events(uow, unit.id)
    return found


# --- the labels picker -------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """One search result: a type with its units (or its bulk barcode)."""

    type: queries.TypeRow
    units: list[queries.UnitRow]
    matched: bool  # the search text named some of its units: show them


def label_search(uow: UnitOfWork, text: str, limit: int = SHOWN_TYPES) -> tuple[list[Found], int]:
    """The first ``limit`` types matching ``text`` with their units (only the units the
    text names, when it names some), and how many types match in all."""
    shown = queries.search_types(uow, text, limit=limit)
    rows = queries.type_rows(uow, shown)
    units = queries.units_by_type(uow, shown)
    needle = normalise(text).casefold()
    found = []
    for tid in shown:
        mine = units.get(tid, [])
        hits = [
            u
            for u in mine
            if needle and (needle in u.barcode.casefold() or needle in u.serial.casefold())
        ]
        found.append(Found(rows[tid], hits or mine, bool(hits)))
    total = len(shown) if len(shown) < limit else queries.count_types(uow, text)
    return found, total
