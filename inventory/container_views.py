"""Read models of kits and cases for the screens (and the desk later): plain dataclasses
built in one unit of work, so the widgets only lay them out.

Resolving a typed or scanned text to an item type lives here too: a barcode or an exact code
wins over a fuzzy match, one rule for every screen that adds a type by scanning.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import col, select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork
from app.core.errors import NotFound
from inventory import catalogue, containers, queries
from inventory.barcodes import normalise
from inventory.models import Case, ItemType, Kit, KitLine, Unit

# --- kits -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeChoice:
    code: str
    name: str


def resolve_type(uow: UnitOfWork, text: str) -> tuple[bool, list[TypeChoice]]:
    """What a typed or scanned text names: (exact, candidates). An item code, a bulk
    barcode or a unit barcode is exact; otherwise the types whose code or name match."""
    text = normalise(text)
    if not text:
        return False, []
    ids = queries.search_types(uow, text)[:50]
    rows = queries.type_rows(uow, ids)
    choices = [TypeChoice(rows[i].code, rows[i].name) for i in ids if i in rows]
    for row in rows.values():
        if text.casefold() in (row.code.casefold(), (row.barcode or "").casefold()):
            return True, [TypeChoice(row.code, row.name)]
    try:
        unit = catalogue.unit_by_barcode(uow, text)
    except NotFound:
        return False, choices
    item = uow.session.get(ItemType, unit.item_type_id)
    assert item is not None
    return True, [TypeChoice(item.code, item.name)]


@dataclass(frozen=True)
class KitRow:
    id: int
    code: str
    name: str
    lines: int


def kit_rows(uow: UnitOfWork) -> list[KitRow]:
    counts = dict(
        uow.session.exec(select(KitLine.kit_id, func.count()).group_by(col(KitLine.kit_id))).all()
    )
    kits = uow.session.exec(select(Kit).order_by(Kit.code)).all()
    return [KitRow(k.id, k.code, k.name, counts.get(k.id, 0)) for k in kits if k.id]


@dataclass(frozen=True)
class KitDetail:
    id: int
    code: str
    name: str
    notes: str
    lines: list[tuple[TypeChoice, int]]


def kit_detail(uow: UnitOfWork, kit_id: int) -> KitDetail:
    kit = uow.session.get(Kit, kit_id)
    if kit is None:
        raise NotFound("This kit no longer exists.")
    lines = containers.kit_lines(uow, kit_id)
    rows = queries.type_rows(uow, [line.item_type_id for line in lines])
    chosen = [
        (TypeChoice(rows[ln.item_type_id].code, rows[ln.item_type_id].name), ln.quantity)
        for ln in lines
    ]
    chosen.sort(key=lambda pair: pair[0].code)
    return KitDetail(kit_id, kit.code, kit.name, kit.notes, chosen)


# --- cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    id: int
    barcode: str
    name: str
    permanent: bool
    location: str
    units: int


@dataclass(frozen=True)
class ContentRow:
    barcode: str
    item: str
    serial: str
    status: str


def case_rows(uow: UnitOfWork) -> list[CaseRow]:
    query = (
        select(Unit.case_id, func.count(col(Unit.id)))
        .where(col(Unit.case_id).is_not(None))
        .group_by(col(Unit.case_id))
    )
    counts = dict(uow.session.exec(query).all())
    cases = uow.session.exec(select(Case).order_by(Case.name, Case.barcode)).all()
    return [
        CaseRow(c.id, c.barcode, c.name, c.permanent, c.location, counts.get(c.id, 0))
        for c in cases
        if c.id
    ]


def content_rows(uow: UnitOfWork, case_id: int) -> list[ContentRow]:
    units = containers.case_contents(uow, case_id)
    types = queries.type_rows(uow, sorted({u.item_type_id for u in units}))
    return [ContentRow(u.barcode, types[u.item_type_id].name, u.serial, u.status) for u in units]


@requires(Permission.DESK)
def put_unit(uow: UnitOfWork, user: str, case_code: str, unit_code: str) -> tuple[str, str]:
    unit = containers.put_in_case(uow, user=user, case_code=case_code, unit_code=unit_code)
    item = uow.session.get(ItemType, unit.item_type_id)
    return unit.barcode, item.name if item else ""
