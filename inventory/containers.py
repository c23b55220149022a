"""Kits (bookable bundles of types) and cases (containers whose barcode stands for the
units inside)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import select

from app.core.access import Permission, requires
from app.core.db import UnitOfWork, require_id
from app.core.errors import Conflict, NotFound, ValidationError
from inventory import barcodes, fields
from inventory.catalogue import item_by_code, unit_by_barcode
from inventory.models import Case, Category, Kit, KitLine, Unit, UnitStatus


@requires(Permission.CATALOGUE)
def save_kit(
    uow: UnitOfWork,
    *,
    user: str,
    code: str,
    name: str,
    lines: Sequence[tuple[str, int]],
    notes: str = "",
    kit_id: int | None = None,
) -> Kit:
    """Create or replace a kit: ``lines`` are (item code, quantity)."""
    code = barcodes.validate(fields.text("code", code, required=True), "code")
    name = fields.text("name", name, required=True)
    clash = uow.session.exec(select(Kit).where(Kit.code == code)).first()
    if clash is not None and clash.id != kit_id:
        raise ValidationError("code", "The kit code {code} is already used.", code=code)
    contents = _kit_contents(uow, lines)
    kit = uow.session.get(Kit, kit_id) if kit_id is not None else Kit(code=code, name=name)
    if kit is None:
        raise NotFound("This kit no longer exists.")
    kit.code, kit.name, kit.notes = code, name, fields.text("notes", notes, limit=4000)
    uow.session.add(kit)
    uow.flush()
    for old in uow.session.exec(select(KitLine).where(KitLine.kit_id == kit.id)):
        uow.session.delete(old)
    uow.flush()
    for item_id, quantity in contents.items():
        uow.session.add(KitLine(kit_id=require_id(kit), item_type_id=item_id, quantity=quantity))
    uow.flush()
    return kit


def _kit_contents(uow: UnitOfWork, lines: Sequence[tuple[str, int]]) -> dict[int, int]:
    if not lines:
        raise ValidationError("lines", "A kit needs at least one item type.")
    contents: dict[int, int] = {}
    for item_code, quantity in lines:
        item = item_by_code(uow, item_code)
        qty = fields.integer("quantity", quantity, minimum=1, maximum=10_000)
        assert item.id is not None
        contents[item.id] = contents.get(item.id, 0) + qty
    return contents


def kit_lines(uow: UnitOfWork, kit_id: int) -> list[KitLine]:
    return list(uow.session.exec(select(KitLine).where(KitLine.kit_id == kit_id)))


@requires(Permission.CATALOGUE)
def delete_kit(uow: UnitOfWork, *, user: str, kit_id: int) -> None:
    kit = uow.session.get(Kit, kit_id)
    if kit is None:
        raise NotFound("This kit no longer exists.")
    uow.session.delete(kit)
    uow.flush()


@requires(Permission.CATALOGUE)
def create_case(
    uow: UnitOfWork,
    *,
    user: str,
    name: str,
    permanent: bool,
    barcode: str = "",
    location: str = "",
) -> Case:
    name = fields.text("name", name, required=True)
    code = barcodes.ensure_free(uow, barcode) if barcode else _case_code(uow)
    case = Case(
        barcode=code, name=name, permanent=permanent, location=fields.text("location", location)
    )
    uow.session.add(case)
    uow.flush()
    return case


def _case_code(uow: UnitOfWork) -> str:
    return "CASE-" + barcodes.generate(uow, Category.STAGING).split("-", 1)[1]


def case_by_barcode(uow: UnitOfWork, code: str) -> Case:
    """The case labelled ``code``: without case, then as read on the other layout."""
    code = barcodes.normalise(code)
    case = next(
        (c for r in barcodes.candidates(code) if (c := barcodes.find_case(uow, r)) is not None),
        None,
    )
    if case is None:
        raise NotFound("No case has the barcode {code}.", code=code)
    return case


@requires(Permission.DESK)
def put_in_case(uow: UnitOfWork, *, user: str, case_code: str, unit_code: str) -> Unit:
    """Put a scanned unit in a case. A unit is in one case at a time; only serviceable
    units go in (a case's barcode stands for working kit)."""
    case = case_by_barcode(uow, case_code)
    unit = unit_by_barcode(uow, unit_code)
    if unit.case_id == case.id:
        raise Conflict("{code} is already in {case}.", code=unit.barcode, case=case.name)
    if unit.case_id is not None:
        other = uow.session.get(Case, unit.case_id)
        raise Conflict(
            "{code} is in {case}: take it out first.",
            code=unit.barcode,
            case=other.name if other else "?",
        )
    if unit.status != UnitStatus.IN_SERVICE:
        raise Conflict(
            "{code} is {status}: only units in service go in a case.",
            code=unit.barcode,
            status=unit.status,
        )
    unit.case_id = case.id
    uow.flush()
    return unit


@requires(Permission.DESK)
def take_out_of_case(uow: UnitOfWork, *, user: str, unit_code: str) -> Unit:
    unit = unit_by_barcode(uow, unit_code)
    if unit.case_id is None:
        raise Conflict("{code} is not in a case.", code=unit.barcode)
    unit.case_id = None
    uow.flush()
    return unit


def case_contents(uow: UnitOfWork, case_id: int) -> list[Unit]:
    query = select(Unit).where(Unit.case_id == case_id).order_by(Unit.barcode)
    return list(uow.session.exec(query))


@requires(Permission.DESK)
def empty_case(uow: UnitOfWork, *, user: str, case_id: int) -> int:
    units = case_contents(uow, case_id)
    for unit in units:
        unit.case_id = None
    uow.flush()
    return len(units)
