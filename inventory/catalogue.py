"""Item types, units and owners: create, edit, change status. Every function validates
first and writes only when everything holds, inside the caller's unit of work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypedDict

from sqlmodel import select

from app.core.access import Permission, requires
from app.core.clock import Clock
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, NotFound, ValidationError
from app.core.money import cents_str
from inventory import barcodes, fields
from inventory.dues import start_dues
from inventory.models import (
    Category,
    ItemType,
    Owner,
    Repair,
    Tracking,
    Unit,
    UnitEvent,
    UnitStatus,
)

COOPERATIVE = ""  # owner name meaning "the cooperative itself"

#: The references of the bookings holding an item type (booked, or some of it out): the
#: catalogue cannot see bookings, so whoever changes an item type passes
#: ``booking.tracking.holders``.
Holders = Callable[[UnitOfWork, int], Sequence[str]]
#: How many bookings a refusal names before "and N more".
NAMED_BOOKINGS = 5


@dataclass
class ItemTypeData:
    code: str
    name: str
    category: Category
    tracking: Tracking = Tracking.SERIALIZED
    manufacturer: str = ""
    model: str = ""
    replacement_value_cents: int = 0
    deposit_cents: int = 0
    weight_grams: int = 0
    notes: str = ""
    stock_quantity: int = 0
    barcode: str = ""
    sale_price_cents: int = 0
    prep_hours: int = 0
    deprep_hours: int = 0


@dataclass
class UnitData:
    item_code: str
    barcode: str = ""
    serial: str = ""
    status: UnitStatus = UnitStatus.IN_SERVICE
    location: str = ""
    purchase_date: dt.date | None = None
    purchase_price_cents: int | None = None
    condition_notes: str = ""
    owner: str = COOPERATIVE


def parse_item_type(raw: Mapping[str, str]) -> ItemTypeData:
    """An item type from text fields (a form or a CSV row); the first bad field is refused."""
    get = raw.get
    return ItemTypeData(
        code=_code(get("code", "")),
        name=fields.text("name", get("name", ""), required=True),
        category=fields.choice("category", get("category", ""), Category),
        tracking=fields.choice("tracking", get("tracking", "") or "serialized", Tracking),
        manufacturer=fields.text("manufacturer", get("manufacturer", "")),
        model=fields.text("model", get("model", "")),
        replacement_value_cents=fields.money_cents(
            "replacement value", get("replacement_value", "")
        ),
        deposit_cents=fields.money_cents("deposit", get("deposit", "")),
        weight_grams=fields.integer("weight", get("weight_grams", "")),
        notes=fields.text("notes", get("notes", ""), limit=fields.MAX_NOTES),
        stock_quantity=fields.integer("quantity", get("stock_quantity", "")),
        barcode=barcodes.normalise(get("barcode", "")),
        sale_price_cents=fields.money_cents("sale price", get("sale_price", "")),
        prep_hours=fields.integer("prep buffer", get("prep_hours", ""), maximum=24 * 30),
        deprep_hours=fields.integer("de-prep buffer", get("deprep_hours", ""), maximum=24 * 30),
    )


def item_type_text(item: ItemType) -> dict[str, str]:
    """An item type's fields as the text ``parse_item_type`` reads (an edit starts from it)."""
    raw = {key: str(getattr(item, key) or "") for key in ("code", "name", "category")}
    raw["tracking"] = item.tracking
    for key in ("manufacturer", "model", "notes"):
        raw[key] = getattr(item, key) or ""
    for key in ("weight_grams", "stock_quantity", "prep_hours", "deprep_hours"):
        raw[key] = str(getattr(item, key) or 0)
    for key in ("replacement_value", "deposit", "sale_price"):
        raw[key] = cents_str(getattr(item, f"{key}_cents") or 0)
    raw["barcode"] = item.barcode or ""
    return raw


def _code(value: str) -> str:
    code = fields.text("code", value, required=True, limit=barcodes.MAX_LENGTH)
    return barcodes.validate(code, "code")


def item_by_code(uow: UnitOfWork, code: str) -> ItemType:
    """The item type with this code, written in any case."""
    item = barcodes.find_item_code(uow, code)
    if item is None:
        raise NotFound("No item type has the code {code}.", code=code)
    return item


@requires(Permission.CATALOGUE)
def create_item_type(uow: UnitOfWork, *, user: str, data: ItemTypeData) -> ItemType:
    _check_item(uow, data, None)
    item = ItemType(**_item_columns(data))
    if data.tracking is Tracking.BULK:
        item.barcode = _bulk_barcode(uow, data)
    uow.session.add(item)
    uow.flush()
    return item


@requires(Permission.CATALOGUE)
def update_item_type(
    uow: UnitOfWork,
    *,
    user: str,
    item_id: int,
    data: ItemTypeData,
    holders: Holders | None = None,
) -> ItemType:
    """Edit an item type. A change between bulk and serialized is refused while bookings
    hold it (``holders``; without it, refused outright), while a bulk type still counts
    stock, and while a serialized type has units: nothing it counts is silently lost. Once
    serialized, a former bulk type's barcode is released."""
    item = uow.session.get(ItemType, item_id)
    if item is None:
        raise NotFound("This item type no longer exists.")
    _check_item(uow, data, item)
    if item.tracking != data.tracking.value:
        _check_tracking_change(uow, item, holders)
    barcode = item.barcode
    if data.tracking is Tracking.BULK and (not barcode or data.barcode != barcode):
        barcode = _bulk_barcode(uow, data)  # a type becoming bulk gets one
    for key, value in _item_columns(data).items():
        setattr(item, key, value)
    item.barcode = barcode if data.tracking is Tracking.BULK else None
    uow.flush()
    return item


class _ItemColumns(TypedDict):
    code: str
    name: str
    category: str
    tracking: str
    manufacturer: str
    model: str
    replacement_value_cents: int
    deposit_cents: int
    weight_grams: int
    notes: str
    stock_quantity: int
    sale_price_cents: int
    prep_hours: int
    deprep_hours: int


def _item_columns(data: ItemTypeData) -> _ItemColumns:
    """The item type's columns from ``data`` (its barcode aside: only bulk types have one)."""
    return _ItemColumns(
        code=data.code,
        name=data.name,
        category=data.category.value,
        tracking=data.tracking.value,
        manufacturer=data.manufacturer,
        model=data.model,
        replacement_value_cents=data.replacement_value_cents,
        deposit_cents=data.deposit_cents,
        weight_grams=data.weight_grams,
        notes=data.notes,
        stock_quantity=data.stock_quantity,
        sale_price_cents=data.sale_price_cents,
        prep_hours=data.prep_hours,
        deprep_hours=data.deprep_hours,
    )


def _bulk_barcode(uow: UnitOfWork, data: ItemTypeData) -> str:
    if data.barcode:
        return barcodes.ensure_free(uow, data.barcode)
    return barcodes.generate(uow, data.category)


def _check_item(uow: UnitOfWork, data: ItemTypeData, existing: ItemType | None) -> None:
    clash = uow.session.exec(select(ItemType).where(ItemType.code == data.code)).first()
    if clash is not None and clash is not existing:
        raise ValidationError(
            "code", "The code {code} is already used by {name}.", code=data.code, name=clash.name
        )
    if data.tracking is Tracking.SERIALIZED and data.stock_quantity:
        raise ValidationError(
            "quantity",
            "A serialized type counts its units; a stock quantity is only for bulk types.",
        )
    if data.category is Category.CONSUMABLES and data.tracking is not Tracking.BULK:
        raise ValidationError("tracking", "Consumables are counted in bulk, not by unit.")


def _check_tracking_change(uow: UnitOfWork, item: ItemType, holders: Holders | None) -> None:
    if item.tracking == Tracking.SERIALIZED and _unit_count(uow, item) > 0:
        raise ValidationError(
            "tracking",
            "{name} has units; retire or move them before making it a bulk type.",
            name=item.name,
        )
    held = list(holders(uow, require_id(item))) if holders is not None else []
    if held:
        named = ", ".join(held[:NAMED_BOOKINGS])
        if len(held) > NAMED_BOOKINGS:
            named += f" (+{len(held) - NAMED_BOOKINGS})"
        raise Conflict(
            "{name} is booked or out on {bookings}: it can change between bulk and serialized "
            "once they are returned or cancelled.",
            name=item.name,
            bookings=named,
        )
    if item.tracking == Tracking.BULK and item.stock_quantity > 0:
        raise ValidationError(
            "tracking",
            "{name} still counts {quantity} in bulk stock: set its stock quantity to 0 "
            "first, then add its units, each with its own barcode (its barcode {barcode} "
            "then no longer names it).",
            name=item.name,
            quantity=item.stock_quantity,
            barcode=item.barcode or "",
        )
    if holders is None:
        raise Conflict(
            "The tracking of {name} can only change where its bookings are checked.",
            name=item.name,
        )


def _unit_count(uow: UnitOfWork, item: ItemType) -> int:
    return len(uow.session.exec(select(Unit.id).where(Unit.item_type_id == item.id)).all())


# --- owners -----------------------------------------------------------------------------


@requires(Permission.CATALOGUE)
def owner_id(uow: UnitOfWork, name: str) -> int | None:
    """The owner called ``name`` (created on first use); None for the cooperative."""
    name = fields.text("owner", name)
    if not name:
        return None
    owner = uow.session.exec(select(Owner).where(Owner.name == name)).first()
    if owner is None:
        owner = Owner(name=name)
        uow.session.add(owner)
        uow.flush()
    assert owner.id is not None
    return owner.id


# --- units ------------------------------------------------------------------------------


def parse_unit(raw: Mapping[str, str]) -> UnitData:
    return UnitData(
        item_code=fields.text("item code", raw.get("item_code", ""), required=True),
        barcode=barcodes.normalise(raw.get("barcode", "")),
        serial=fields.text("serial number", raw.get("serial", "")),
        status=fields.choice("status", raw.get("status", "") or "in_service", UnitStatus),
        location=fields.text("location", raw.get("location", "")),
        purchase_date=fields.optional_date("purchase date", raw.get("purchase_date", "")),
        purchase_price_cents=fields.optional_money_cents(
            "purchase price", raw.get("purchase_price", "")
        ),
        condition_notes=fields.text(
            "condition notes", raw.get("condition_notes", ""), limit=fields.MAX_NOTES
        ),
        owner=fields.text("owner", raw.get("owner", "")),
    )


@requires(Permission.CATALOGUE)
def add_unit(uow: UnitOfWork, *, user: str, data: UnitData, clock: Clock) -> Unit:
    item = item_by_code(uow, data.item_code)
    if item.tracking != Tracking.SERIALIZED:
        raise ValidationError(
            "item code",
            "{name} is a bulk type: change its stock quantity instead of adding units.",
            name=item.name,
        )
    code = (
        barcodes.ensure_free(uow, data.barcode)
        if data.barcode
        else barcodes.generate(uow, Category(item.category))
    )
    unit = Unit(
        item_type_id=require_id(item),
        barcode=code,
        status=data.status.value,
        **_unit_columns(uow, data),
    )
    uow.session.add(unit)
    uow.flush()
    start_dues(uow, unit, clock.today())
    return unit


@requires(Permission.CATALOGUE)
def update_unit(uow: UnitOfWork, *, user: str, unit_id: int, data: UnitData, clock: Clock) -> Unit:
    """Edit a unit's details (its type and barcode stay; status goes through set_status)."""
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("This unit no longer exists.")
    if data.barcode and barcodes.key(data.barcode) != barcodes.key(unit.barcode):
        unit.barcode = barcodes.ensure_free(uow, data.barcode, keep=unit)
    status = data.status.value
    for key, value in _unit_columns(uow, data).items():
        setattr(unit, key, value)
    if status != unit.status:
        set_status(
            uow, user=user, barcode=unit.barcode, status=UnitStatus(status), note="", clock=clock
        )
    uow.flush()
    return unit


class _UnitColumns(TypedDict):
    serial: str
    location: str
    purchase_date: dt.date | None
    purchase_price_cents: int | None
    condition_notes: str
    owner_id: int | None


def _unit_columns(uow: UnitOfWork, data: UnitData) -> _UnitColumns:
    """The unit's columns from ``data`` a person edits (its status aside: set_status logs a
    change of it)."""
    return _UnitColumns(
        serial=data.serial,
        location=data.location,
        purchase_date=data.purchase_date,
        purchase_price_cents=data.purchase_price_cents,
        condition_notes=data.condition_notes,
        owner_id=owner_id(uow, data.owner),
    )


def unit_by_barcode(uow: UnitOfWork, code: str) -> Unit:
    """The unit labelled ``code``: without case, then as read on the other keyboard layout."""
    code = barcodes.normalise(code)
    unit = next(
        (u for r in barcodes.candidates(code) if (u := barcodes.find_unit(uow, r)) is not None),
        None,
    )
    if unit is None:
        raise NotFound("No unit has the barcode {code}.", code=code)
    return unit


@requires(Permission.MAINTENANCE)
def set_status(
    uow: UnitOfWork, *, user: str, barcode: str, status: UnitStatus, note: str, clock: Clock
) -> Unit:
    """Change a unit's status, logging who and why; going to repair opens a repair entry,
    coming back to service closes it."""
    unit = unit_by_barcode(uow, barcode)
    note = fields.text("note", note, limit=fields.MAX_NOTES)
    old = UnitStatus(unit.status)
    if old is status:
        raise Conflict("{code} is already {status}.", code=unit.barcode, status=status.value)
    today = clock.today()
    if status is UnitStatus.IN_REPAIR:
        uow.session.add(
            Repair(unit_id=require_id(unit), opened_on=today, description=note, recorded_by=user)
        )
    if old is UnitStatus.IN_REPAIR:
        for repair in open_repairs(uow, unit):
            repair.closed_on = today
    unit.status = status.value
    uow.session.add(
        UnitEvent(
            unit_id=require_id(unit),
            at=clock.now(),
            user=user,
            old_status=old.value,
            new_status=status.value,
            note=note,
        )
    )
    uow.flush()
    return unit


def open_repairs(uow: UnitOfWork, unit: Unit) -> list[Repair]:
    query = select(Repair).where(Repair.unit_id == unit.id, Repair.closed_on == None)  # noqa: E711
    return list(uow.session.exec(query))
