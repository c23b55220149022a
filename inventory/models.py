"""Catalogue tables (SQLModel). Money is integer cents, weights grams, dates local."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.core.errors import N_


class Category(StrEnum):
    LIGHTING = "lighting"
    SOUND = "sound"
    VIDEO = "video"
    POWER = "power"
    RIGGING = "rigging"
    STAGING = "staging"
    CABLES = "cables"
    CONSUMABLES = "consumables"


CATEGORY_LABELS: dict[Category, str] = {
    Category.LIGHTING: N_("Lighting"),
    Category.SOUND: N_("Sound"),
    Category.VIDEO: N_("Video"),
    Category.POWER: N_("Power & distribution"),
    Category.RIGGING: N_("Rigging & structure"),
    Category.STAGING: N_("Staging"),
    Category.CABLES: N_("Cables & adaptors"),
    Category.CONSUMABLES: N_("Consumables"),
}

#: Prefix of generated barcodes, by category (short, readable on a label: LUM-00042).
CATEGORY_PREFIX: dict[Category, str] = {
    Category.LIGHTING: "LUM",
    Category.SOUND: "SON",
    Category.VIDEO: "VID",
    Category.POWER: "ELE",
    Category.RIGGING: "STR",
    Category.STAGING: "PLA",
    Category.CABLES: "CAB",
    Category.CONSUMABLES: "CON",
}


class Tracking(StrEnum):
    SERIALIZED = "serialized"
    BULK = "bulk"


class UnitStatus(StrEnum):
    IN_SERVICE = "in_service"
    IN_REPAIR = "in_repair"
    LOST = "lost"
    RETIRED = "retired"


STATUS_LABELS: dict[UnitStatus, str] = {
    UnitStatus.IN_SERVICE: N_("In service"),
    UnitStatus.IN_REPAIR: N_("In repair"),
    UnitStatus.LOST: N_("Lost"),
    UnitStatus.RETIRED: N_("Retired"),
}

SERVICEABLE = (UnitStatus.IN_SERVICE,)


class Owner(SQLModel, table=True):
    """A member who placed pieces in the shared pool. Units without owner belong to the
    cooperative itself."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    notes: str = ""


class ItemType(SQLModel, table=True):
    __tablename__ = "item_type"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name: str = Field(index=True)
    category: str = Field(index=True)
    manufacturer: str = ""
    model: str = ""
    tracking: str = Tracking.SERIALIZED.value
    replacement_value_cents: int = 0
    deposit_cents: int = 0
    weight_grams: int = 0
    notes: str = ""
    #: Bulk types only: the stock quantity (consumables: the quantity on hand).
    stock_quantity: int = 0
    #: Bulk types only: the one barcode for the type.
    barcode: str | None = Field(default=None, unique=True, index=True)
    #: Consumables only: unit sale price.
    sale_price_cents: int = 0
    prep_hours: int = 0
    deprep_hours: int = 0


class ItemPhoto(SQLModel, table=True):
    """Photo thumbnail, kept apart so listing item types never reads image bytes."""

    __tablename__ = "item_photo"

    item_type_id: int = Field(foreign_key="item_type.id", primary_key=True, ondelete="CASCADE")
    thumbnail_png: bytes


class Unit(SQLModel, table=True):
    #: Serviceable stock per type is counted on every availability question.
    __table_args__ = (Index("ix_unit_type_status", "item_type_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    item_type_id: int = Field(foreign_key="item_type.id", index=True)
    barcode: str = Field(unique=True, index=True)
    serial: str = Field(default="", index=True)
    status: str = Field(default=UnitStatus.IN_SERVICE.value, index=True)
    location: str = ""
    purchase_date: dt.date | None = None
    purchase_price_cents: int | None = None
    condition_notes: str = ""
    owner_id: int | None = Field(default=None, foreign_key="owner.id", index=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)


class UnitEvent(SQLModel, table=True):
    """Audit trail of a unit's status: who changed it, when, why."""

    __tablename__ = "unit_event"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    at: dt.datetime
    user: str
    old_status: str
    new_status: str
    note: str = ""


class BarcodeSequence(SQLModel, table=True):
    """Next number of generated barcodes, per prefix."""

    __tablename__ = "barcode_sequence"

    prefix: str = Field(primary_key=True)
    next_value: int = 1


class Case(SQLModel, table=True):
    """A physical container whose barcode stands for the units inside it. A permanent case
    (an amp rack) keeps its contents; a temporary one is emptied at check-in."""

    id: int | None = Field(default=None, primary_key=True)
    barcode: str = Field(unique=True, index=True)
    name: str
    permanent: bool = False
    location: str = ""
    notes: str = ""


class Kit(SQLModel, table=True):
    """A bookable bundle of item types with quantities."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True)
    name: str
    notes: str = ""


class KitLine(SQLModel, table=True):
    __tablename__ = "kit_line"

    kit_id: int = Field(foreign_key="kit.id", primary_key=True, ondelete="CASCADE")
    item_type_id: int = Field(foreign_key="item_type.id", primary_key=True)
    quantity: int


class InspectionSchedule(SQLModel, table=True):
    """A periodic check of a type: VGP every 12 months, electrical check every 6... The
    interval is data; ``at_each_remount`` marks touring hoists' check at each re-mount."""

    __tablename__ = "inspection_schedule"

    id: int | None = Field(default=None, primary_key=True)
    item_type_id: int = Field(foreign_key="item_type.id", index=True, ondelete="CASCADE")
    name: str
    interval_months: int
    at_each_remount: bool = False


class InspectionDue(SQLModel, table=True):
    """When a unit's next check of one schedule falls due (set by the last inspection)."""

    __tablename__ = "inspection_due"

    unit_id: int = Field(foreign_key="unit.id", primary_key=True, ondelete="CASCADE")
    schedule_id: int = Field(
        foreign_key="inspection_schedule.id", primary_key=True, ondelete="CASCADE"
    )
    due_on: dt.date = Field(index=True)


class Inspection(SQLModel, table=True):
    """The inspection log."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    schedule_id: int | None = Field(default=None, foreign_key="inspection_schedule.id")
    date: dt.date
    passed: bool
    inspector: str
    notes: str = ""
    recorded_by: str = ""


class Repair(SQLModel, table=True):
    """The repair log: opened when a unit goes to repair, closed when it is back."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    opened_on: dt.date
    closed_on: dt.date | None = None
    description: str = ""
    repairer: str = ""
    cost_cents: int = 0
    recorded_by: str = ""
