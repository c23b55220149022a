"""The demo cooperative: a fictitious SCIC of the Velay with a realistic pool of stage kit.

``small`` (the first-run demo) goes through the services, so every rule of the catalogue
holds and every status change, repair and inspection is logged as a person would log it.
``large`` (benchmarks) derives 2,000 types and 20,000 units from the same vocabulary with
bulk inserts, then adds cases and kits through the services. Both are deterministic: the
same seed and the same clock give the same rows (``random.Random(seed)``, dates from
``clock.today()``, never the wall clock).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, insert
from sqlmodel import select

from app.core import paths, settings
from app.core.clock import Clock
from app.core.dates import add_months
from app.core.db import Database, UnitOfWork, id_column
from app.core.errors import Conflict, ValidationError
from app.demo.inventory_data import (
    AISLES,
    CASES,
    CONDITION_NOTES,
    FIRST_NAMES,
    INSPECTORS,
    KITS,
    LAST_NAMES,
    LOST_NOTES,
    OWNERS,
    REPAIR_NOTES,
    RETIRED_NOTES,
    SCHEDULES,
    TYPES,
    VARIANTS,
    TypeSpec,
)
from inventory import catalogue, containers, maintenance
from inventory.barcodes import SEQUENCE_DIGITS
from inventory.catalogue import ItemTypeData, UnitData
from inventory.models import (
    CATEGORY_PREFIX,
    BarcodeSequence,
    Case,
    Category,
    Inspection,
    InspectionDue,
    InspectionSchedule,
    ItemType,
    Kit,
    Owner,
    Repair,
    Tracking,
    Unit,
    UnitEvent,
    UnitStatus,
)

SIZES = ("small", "large")
LARGE_TYPES = 2_000
LARGE_UNITS = 20_000

# --- the cooperative's identity (settings keys are app.core.settings') -------------------
from app.core.settings import (  # noqa: E402
    ADDRESS,
    BIC,
    CAPITAL,
    COOPERATIVE_NAME,
    EMAIL,
    IBAN,
    LEGAL_FORM,
    LOGO,
    PHONE,
    RCS,
    SIREN,
    SIRET,
    VAT,
)

DEMO_NAME = "Scène Commune du Velay (démo)"
DEMO_SIREN = settings.DEMO_SIREN  # fictitious; Luhn-valid
#: All fictitious, with valid check digits (SIRET Luhn, VAT key, IBAN mod 97, RIB key).
IDENTITY: dict[str, str] = {
    COOPERATIVE_NAME: DEMO_NAME,
    LEGAL_FORM: "SCIC SAS à capital variable",
    CAPITAL: "18500.00",
    ADDRESS: "Maison des coopératives (fictive)\n12 rue des Tanneurs\n43000 Le Puy-en-Velay",
    SIREN: DEMO_SIREN,
    SIRET: DEMO_SIREN + "00011",
    RCS: "RCS Le Puy-en-Velay 932 817 455",
    VAT: f"FR{(12 + 3 * (int(DEMO_SIREN) % 97)) % 97:02d}{DEMO_SIREN}",
    IBAN: "FR7699999000430001234567858",
    BIC: "DEMOFRPPXXX",
    EMAIL: "contact@scene-commune-velay.example",
    PHONE: "04 65 71 12 34",  # ARCEP range reserved for fiction
    LOGO: "demo/logo.png",
}

SCHEDULED_MIN_AGE_DAYS = 400  # kit under inspection was bought before the last check
MEMBER_OWNED_TYPES = 0.3  # share of types some member placed units of
CONDITION_NOTE_RATE = 0.12


@dataclass(frozen=True)
class DemoSummary:
    types: int
    units: int
    bulk_types: int
    cases: int
    kits: int
    consumables: int
    owners: int


@dataclass
class _UnitPlan:
    spec: TypeSpec
    serial: str
    location: str
    purchase_date: dt.date
    price_cents: int | None
    notes: str
    owner: str


@dataclass
class _Built:
    """What the builders hand to the shared finishing steps: in-service unit barcodes by
    type code, in plan order (a type's member-owned units come last)."""

    units_by_code: dict[str, list[str]] = field(default_factory=dict)


#: Bump when the generated data changes: benchmark datasets are cached by this version.
DEMO_VERSION = 1


def build_demo(
    db: Database,
    *,
    size: str = "small",
    seed: int = 1,
    clock: Clock,
    user: str,
    types: int = LARGE_TYPES,
    units: int = LARGE_UNITS,
) -> DemoSummary:
    """Fill an empty catalogue with the demo cooperative. ``types``/``units`` size the
    large build (tests build a scaled-down one through the same bulk code path)."""
    if size not in SIZES:
        raise ValidationError(
            "size", "Unknown demo size {size!r}: choose small or large.", size=size
        )
    if size == "large" and types < len(TYPES):
        raise ValueError(f"a large demo has at least {len(TYPES)} types")
    rng = random.Random(seed)
    with db.write() as uow:
        _refuse_own(uow)
        _refuse_non_empty(uow)
        # marked first: every document rendered from this database says "DÉMO"
        settings.set_setting(uow, settings.DATABASE_KIND, settings.DEMO)
        for key, value in IDENTITY.items():
            settings.set_setting(uow, key, value)
        if size == "small":
            built = _build_small(uow, rng, clock, user)
        else:
            built = _build_large(uow, rng, clock, user, types, units)
        _cases(uow, user, built)
        for code, name, lines in KITS:
            containers.save_kit(uow, user=user, code=code, name=name, lines=list(lines))
        return summarise(uow)


def _refuse_own(uow: UnitOfWork) -> None:
    """The demo never goes into a cooperative's own database (set up, or with an identity
    that is not the demo's)."""
    if settings.is_own(uow):
        raise Conflict(
            "This database holds {name}'s own data: the demo cooperative goes into a file "
            "of its own (regie --db {path} demo).",
            name=settings.get_setting(uow, settings.COOPERATIVE_NAME),
            path=str(paths.demo_db_path()),
        )


def _refuse_non_empty(uow: UnitOfWork) -> None:
    count = uow.session.exec(select(func.count()).select_from(ItemType)).one()
    if count:
        raise Conflict(
            "The database already has {count} item types: the demo cooperative only goes "
            "into an empty catalogue.",
            count=count,
        )


def summarise(uow: UnitOfWork) -> DemoSummary:
    def count(model: type, *where: ColumnElement[bool] | bool) -> int:
        return int(uow.session.exec(select(func.count()).select_from(model).where(*where)).one())

    return DemoSummary(
        types=count(ItemType),
        units=count(Unit),
        bulk_types=count(ItemType, ItemType.tracking == Tracking.BULK.value),
        cases=count(Case),
        kits=count(Kit),
        consumables=count(ItemType, ItemType.category == Category.CONSUMABLES.value),
        owners=count(Owner),
    )


# --- shared planning ------------------------------------------------------------------


def _plan_units(
    rng: random.Random, spec: TypeSpec, count: int, bay: int, today: dt.date, owners: list[str]
) -> list[_UnitPlan]:
    """Units of one type: consecutive-ish serials, one bay of the warehouse, bought over
    the last decade; on some types the last few belong to a member."""
    min_age = SCHEDULED_MIN_AGE_DAYS if spec.code in SCHEDULES else 60
    owned = 0
    if owners and rng.random() < MEMBER_OWNED_TYPES:
        owned = max(1, round(count * rng.uniform(0.3, 0.6)))
    owner = rng.choice(owners) if owners else ""
    prefix = "".join(ch for ch in spec.manufacturer.upper() if ch.isalpha())[:2]
    serial_no = rng.randrange(1_000, 60_000)
    bought = today - dt.timedelta(days=rng.randint(min_age, 3_650))
    plans = []
    for i in range(count):
        serial_no += rng.randint(1, 40)
        if rng.random() < 0.3:  # bought in batches
            bought = today - dt.timedelta(days=rng.randint(min_age, 3_650))
        mine = i >= count - owned
        price = None if mine else spec.value_eur * rng.randint(70, 100)
        notes = rng.choice(CONDITION_NOTES) if rng.random() < CONDITION_NOTE_RATE else ""
        location = f"{AISLES[spec.category]}-{bay:02d}-{rng.randint(1, 5)}"
        serial = f"{prefix}{bought.year % 100:02d}{serial_no:06d}"
        plans.append(_UnitPlan(spec, serial, location, bought, price, notes, owner if mine else ""))
    return plans


def _inspection_date(rng: random.Random, today: dt.date, months: int, overdue: bool) -> dt.date:
    if overdue:
        return add_months(today, -months) - dt.timedelta(days=rng.randint(5, 90))
    return today - dt.timedelta(days=rng.randint(1, months * 28 - 7))


def _deposit_cents(value_eur: int) -> int:
    return value_eur // 50 * 1000 if value_eur >= 1_000 else 0  # about 20 %, round tens


def _type_columns(
    spec: TypeSpec, code: str, name: str, value_eur: int, stock: int
) -> dict[str, Any]:
    heavy = spec.category in (Category.LIGHTING, Category.SOUND, Category.VIDEO)
    prep = 1 if heavy and value_eur >= 5_000 and not spec.bulk else 0
    return {
        "code": code,
        "name": name,
        "category": spec.category.value,
        "tracking": (Tracking.BULK if spec.bulk else Tracking.SERIALIZED).value,
        "manufacturer": spec.manufacturer,
        "model": spec.model,
        "replacement_value_cents": value_eur * 100,
        "deposit_cents": _deposit_cents(value_eur),
        "weight_grams": spec.weight_g,
        "notes": "",
        "stock_quantity": stock,
        "sale_price_cents": spec.sale_cents,
        "prep_hours": prep,
        "deprep_hours": prep,
    }


def _cases(uow: UnitOfWork, user: str, built: _Built) -> None:
    for name, permanent, contents in CASES:
        case = containers.create_case(
            uow, user=user, name=name, permanent=permanent, location="Quai de chargement"
        )
        for code, count in contents:
            free = built.units_by_code.get(code, [])
            for barcode in free[:count]:
                containers.put_in_case(uow, user=user, case_code=case.barcode, unit_code=barcode)
            del free[:count]


# --- small: through the services ------------------------------------------------------


def _build_small(uow: UnitOfWork, rng: random.Random, clock: Clock, user: str) -> _Built:
    today = clock.today()
    owners = list(OWNERS)
    schedules: dict[str, list[InspectionSchedule]] = {}
    plans: list[_UnitPlan] = []
    for bay, spec in enumerate(TYPES, start=1):
        columns = _type_columns(spec, spec.code, spec.name, spec.value_eur, spec.stock)
        columns.update(category=spec.category, tracking=Tracking(columns["tracking"]))
        item = catalogue.create_item_type(uow, user=user, data=ItemTypeData(**columns))
        assert item.id is not None
        schedules[spec.code] = [
            maintenance.add_schedule(
                uow,
                user=user,
                item_type_id=item.id,
                name=name,
                interval_months=months,
                at_each_remount=remount,
                clock=clock,
            )
            for name, months, remount in SCHEDULES.get(spec.code, ())
        ]
        plans += _plan_units(rng, spec, spec.units, bay % 24 + 1, today, owners)
    built = _Built()
    for plan in plans:
        unit = catalogue.add_unit(uow, user=user, data=_unit_data(plan), clock=clock)
        built.units_by_code.setdefault(plan.spec.code, []).append(unit.barcode)
    _inspect_small(uow, rng, clock, user, schedules)
    _statuses_small(uow, rng, clock, user, built)
    return built


def _unit_data(plan: _UnitPlan) -> UnitData:
    return UnitData(
        item_code=plan.spec.code,
        serial=plan.serial,
        location=plan.location,
        purchase_date=plan.purchase_date,
        purchase_price_cents=plan.price_cents,
        condition_notes=plan.notes,
        owner=plan.owner,
    )


def _inspect_small(
    uow: UnitOfWork,
    rng: random.Random,
    clock: Clock,
    user: str,
    schedules: dict[str, list[InspectionSchedule]],
) -> None:
    """Most units inspected within their interval, a handful overdue."""
    today = clock.today()
    checks = [
        (schedule, unit.barcode)
        for items in schedules.values()
        for schedule in items
        for unit in _units_of(uow, schedule.item_type_id)
    ]
    overdue = set(rng.sample(range(len(checks)), max(3, len(checks) // 25)))
    for index, (schedule, barcode) in enumerate(checks):
        date = _inspection_date(rng, today, schedule.interval_months, index in overdue)
        maintenance.log_inspection(
            uow,
            user=user,
            barcode=barcode,
            schedule_id=schedule.id,
            date=date,
            passed=True,
            inspector=rng.choice(INSPECTORS),
            clock=clock,
        )


def _units_of(uow: UnitOfWork, item_type_id: int | None) -> list[Unit]:
    query = select(Unit).where(Unit.item_type_id == item_type_id).order_by(id_column(Unit))
    return list(uow.session.exec(query))


def _statuses_small(
    uow: UnitOfWork, rng: random.Random, clock: Clock, user: str, built: _Built
) -> None:
    """A few units in repair, lost or retired, and one failing its check, taken from the
    end of the larger types' lists so the cases (filled from the front) get units in
    service."""
    pool = [(code, codes) for code, codes in built.units_by_code.items() if len(codes) >= 8]
    for status, notes, count in (
        (UnitStatus.IN_REPAIR, REPAIR_NOTES, 5),
        (UnitStatus.LOST, LOST_NOTES, 3),
        (UnitStatus.RETIRED, RETIRED_NOTES, 4),
    ):
        for _ in range(count):
            _code, codes = rng.choice(pool)
            catalogue.set_status(
                uow,
                user=user,
                barcode=codes.pop(),
                status=status,
                note=rng.choice(notes),
                clock=clock,
            )
    _code, codes = pool[0]
    maintenance.log_inspection(
        uow,
        user=user,
        barcode=codes.pop(),
        schedule_id=None,
        date=clock.today(),
        passed=False,
        inspector=INSPECTORS[-1],
        notes="Câble de sécurité effiloché",
        clock=clock,
    )


# --- large: bulk inserts --------------------------------------------------------------


class _Codes:
    """Generated barcodes by category prefix (``LUM-00042``), written back to the
    ``barcode_sequence`` table so later generated codes follow on."""

    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def take(self, category: Category) -> str:
        prefix = CATEGORY_PREFIX[category]
        value = self.next.get(prefix, 1)
        self.next[prefix] = value + 1
        return f"{prefix}-{value:0{SEQUENCE_DIGITS}d}"

    def save(self, uow: UnitOfWork) -> None:
        for prefix, value in sorted(self.next.items()):
            uow.session.merge(BarcodeSequence(prefix=prefix, next_value=value))
        uow.flush()


def _variants(rng: random.Random, count: int) -> list[tuple[TypeSpec, dict[str, Any]]]:
    """``count`` types: the small catalogue, then variants of it (another batch, another
    venue's stock) with slightly different values and stock."""
    out = []
    for i in range(count):
        spec, k = TYPES[i % len(TYPES)], i // len(TYPES)
        code, name, value, stock = spec.code, spec.name, spec.value_eur, spec.stock
        if k:
            variant = VARIANTS[(k - 1) % len(VARIANTS)]
            lot = (k - 1) // len(VARIANTS) + 1
            code = f"{spec.code}-V{k:02d}"
            name = f"{spec.name} — {variant}" + (f" {lot}" if lot > 1 else "")
            value = max(1, round(value * rng.uniform(0.85, 1.15)))
            stock = max(1, round(stock * rng.uniform(0.5, 1.5))) if stock else 0
        out.append((spec, _type_columns(spec, code, name, value, stock)))
    return out


def _shares(weights: list[int], total: int) -> list[int]:
    """``total`` split in proportion to ``weights``, exactly (largest remainders)."""
    whole = sum(weights) or 1
    shares = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _build_large(
    uow: UnitOfWork, rng: random.Random, clock: Clock, user: str, n_types: int, n_units: int
) -> _Built:
    today, codes, session = clock.today(), _Codes(), uow.session
    owners = _large_owners(rng)
    session.execute(insert(Owner), [{"name": name, "notes": ""} for name in owners])
    owner_ids = dict(session.exec(select(Owner.name, id_column(Owner))).all())
    types = _variants(rng, n_types)
    for spec, row in types:
        row["barcode"] = codes.take(spec.category) if spec.bulk else None
    session.execute(insert(ItemType), [row for _spec, row in types])
    type_ids = dict(session.exec(select(ItemType.code, id_column(ItemType))).all())
    serialized = [(spec, row) for spec, row in types if not spec.bulk]
    counts = _shares([spec.units for spec, _row in serialized], n_units)
    plans: list[tuple[int, _UnitPlan]] = []
    for index, ((spec, row), count) in enumerate(zip(serialized, counts, strict=True)):
        for plan in _plan_units(rng, spec, count, index % 40 + 1, today, owners):
            plans.append((type_ids[row["code"]], plan))
    rows = [
        _unit_row(item_id, plan, codes.take(plan.spec.category), owner_ids)
        for item_id, plan in plans
    ]
    built = _Built()
    _large_statuses(rng, rows, built, plans)
    session.execute(insert(Unit), rows)
    codes.save(uow)
    unit_ids = dict(session.exec(select(Unit.barcode, id_column(Unit))).all())
    _large_events(uow, rng, clock, user, rows, unit_ids)
    _large_inspections(uow, rng, today, user, types, type_ids, rows, unit_ids)
    return built


def _large_owners(rng: random.Random) -> list[str]:
    people = sorted({f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(60)})
    return list(OWNERS) + people


def _unit_row(
    item_id: int, plan: _UnitPlan, barcode: str, owner_ids: dict[str, int]
) -> dict[str, Any]:
    return {
        "item_type_id": item_id,
        "barcode": barcode,
        "serial": plan.serial,
        "status": UnitStatus.IN_SERVICE.value,
        "location": plan.location,
        "purchase_date": plan.purchase_date,
        "purchase_price_cents": plan.price_cents,
        "condition_notes": plan.notes,
        "owner_id": owner_ids.get(plan.owner),
        "case_id": None,
    }


STATUS_RATES = ((UnitStatus.IN_REPAIR, 0.01), (UnitStatus.LOST, 0.004), (UnitStatus.RETIRED, 0.01))


def _large_statuses(
    rng: random.Random,
    rows: list[dict[str, Any]],
    built: _Built,
    plans: list[tuple[int, _UnitPlan]],
) -> None:
    """About 1 % of units in repair, 0.4 % lost, 1 % retired; the rest can go in cases."""
    for row, (_item_id, plan) in zip(rows, plans, strict=True):
        draw = rng.random()
        for status, rate in STATUS_RATES:
            if draw < rate:
                row["status"] = status.value
                break
            draw -= rate
        if row["status"] == UnitStatus.IN_SERVICE.value:
            built.units_by_code.setdefault(plan.spec.code, []).append(row["barcode"])


def _large_events(
    uow: UnitOfWork,
    rng: random.Random,
    clock: Clock,
    user: str,
    rows: list[dict[str, Any]],
    unit_ids: dict[str, int],
) -> None:
    notes = {
        UnitStatus.IN_REPAIR.value: REPAIR_NOTES,
        UnitStatus.LOST.value: LOST_NOTES,
        UnitStatus.RETIRED.value: RETIRED_NOTES,
    }
    changed = [row for row in rows if row["status"] != UnitStatus.IN_SERVICE.value]
    events = [
        {
            "unit_id": unit_ids[row["barcode"]],
            "at": clock.now(),
            "user": user,
            "old_status": UnitStatus.IN_SERVICE.value,
            "new_status": row["status"],
            "note": rng.choice(notes[row["status"]]),
        }
        for row in changed
    ]
    repairs = [
        {
            "unit_id": e["unit_id"],
            "opened_on": clock.today(),
            "closed_on": None,
            "description": e["note"],
            "repairer": "",
            "cost_cents": 0,
            "recorded_by": user,
        }
        for e in events
        if e["new_status"] == UnitStatus.IN_REPAIR.value
    ]
    _insert(uow, UnitEvent, events)
    _insert(uow, Repair, repairs)


def _large_inspections(
    uow: UnitOfWork,
    rng: random.Random,
    today: dt.date,
    user: str,
    types: list[tuple[TypeSpec, dict[str, Any]]],
    type_ids: dict[str, int],
    rows: list[dict[str, Any]],
    unit_ids: dict[str, int],
) -> None:
    """Schedules of the inspected types; the last inspection of each unit (most within
    their interval, about 4 % overdue) and the due date it sets."""
    schedule_rows = [
        {
            "item_type_id": type_ids[row["code"]],
            "name": name,
            "interval_months": months,
            "at_each_remount": remount,
        }
        for spec, row in types
        for name, months, remount in SCHEDULES.get(spec.code, ())
    ]
    _insert(uow, InspectionSchedule, schedule_rows)
    by_type: dict[int, list[InspectionSchedule]] = {}
    query = select(InspectionSchedule).order_by(id_column(InspectionSchedule))
    for schedule in uow.session.exec(query):
        by_type.setdefault(schedule.item_type_id, []).append(schedule)
    inspections, dues = [], []
    for row in rows:
        for schedule in by_type.get(row["item_type_id"], ()):
            unit_id, months = unit_ids[row["barcode"]], schedule.interval_months
            date = _inspection_date(rng, today, months, rng.random() < 0.04)
            inspections.append(
                {
                    "unit_id": unit_id,
                    "schedule_id": schedule.id,
                    "date": date,
                    "passed": True,
                    "inspector": rng.choice(INSPECTORS),
                    "notes": "",
                    "recorded_by": user,
                }
            )
            due = max(add_months(row["purchase_date"], months), add_months(date, months))
            dues.append({"unit_id": unit_id, "schedule_id": schedule.id, "due_on": due})
    _insert(uow, Inspection, inspections)
    _insert(uow, InspectionDue, dues)


def _insert(uow: UnitOfWork, model: type, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if rows:
        uow.session.execute(insert(model), rows)
