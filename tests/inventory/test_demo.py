"""The demo cooperative: coverage of the catalogue, every rule holding, determinism, refusal
on a non-empty database, the bulk (large) path and the ``regie demo`` command."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import func, select

from app.cli import main
from app.core import accounts, settings
from app.core.access import Role
from app.core.clock import FixedClock
from app.core.db import Database
from app.core.errors import Conflict, ValidationError
from app.core.migrate import open_database
from app.demo import inventory as demo
from app.demo.inventory import build_demo
from inventory import barcodes
from inventory.models import (
    CATEGORY_PREFIX,
    Case,
    Category,
    Inspection,
    InspectionDue,
    InspectionSchedule,
    ItemType,
    Kit,
    KitLine,
    Owner,
    Repair,
    Tracking,
    Unit,
    UnitEvent,
    UnitStatus,
)
from tests import factories
from tests.conftest import NOW

CLOCK = FixedClock(NOW)
TODAY = CLOCK.today()


def _fresh(template: Path, folder: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.db"
    shutil.copy(template, path)
    return open_database(path)


@pytest.fixture(scope="module")
def small(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = _fresh(template_db, tmp_path_factory.mktemp("small"))
    build_demo(database, size="small", seed=1, clock=CLOCK, user="tester")
    yield database
    database.dispose()


def _count(db: Database, model: type, *where: object) -> int:
    with db.read() as uow:
        return int(uow.session.exec(select(func.count()).select_from(model).where(*where)).one())  # type: ignore[arg-type]


def fingerprint(db: Database) -> tuple:
    """Every row a person would see, independent of nothing but the data."""
    with db.read() as uow:
        s = uow.session
        units = s.exec(
            select(
                ItemType.code,
                Unit.barcode,
                Unit.serial,
                Unit.status,
                Unit.location,
                Unit.purchase_date,
                Unit.purchase_price_cents,
                Unit.condition_notes,
                Owner.name,
                Case.name,
            )
            .join(ItemType, ItemType.id == Unit.item_type_id)
            .outerjoin(Owner, Owner.id == Unit.owner_id)
            .outerjoin(Case, Case.id == Unit.case_id)
        ).all()
        types = s.exec(
            select(
                ItemType.code,
                ItemType.name,
                ItemType.barcode,
                ItemType.stock_quantity,
                ItemType.replacement_value_cents,
            )
        ).all()
        dues = s.exec(
            select(Unit.barcode, InspectionDue.due_on).join(Unit, Unit.id == InspectionDue.unit_id)
        ).all()
        inspections = s.exec(
            select(Unit.barcode, Inspection.date, Inspection.inspector).join(
                Unit, Unit.id == Inspection.unit_id
            )
        ).all()
        events = s.exec(
            select(Unit.barcode, UnitEvent.new_status, UnitEvent.note).join(
                Unit, Unit.id == UnitEvent.unit_id
            )
        ).all()
        values = settings.all_settings(uow)
    return (
        sorted(units, key=str),
        sorted(types),
        sorted(dues),
        sorted(inspections),
        sorted(events),
        sorted(values.items()),
    )


# --- the small demo ---------------------------------------------------------------------


def test_small_demo_covers_the_whole_catalogue(small):
    with small.read() as uow:
        summary = demo.summarise(uow)
        categories = set(uow.session.exec(select(ItemType.category)).all())
    assert summary.types >= 60 and summary.units >= 600
    assert categories == {c.value for c in Category}
    assert summary.cases >= 4 and summary.kits >= 4 and summary.owners >= 5
    assert summary.consumables >= 5 and summary.bulk_types > summary.consumables


def test_bulk_types_have_barcodes_stock_and_consumables_a_sale_price(small):
    with small.read() as uow:
        bulk = uow.session.exec(select(ItemType).where(ItemType.tracking == Tracking.BULK)).all()
    cables = [b for b in bulk if b.category == Category.CABLES]
    consumables = [b for b in bulk if b.category == Category.CONSUMABLES]
    assert len(cables) >= 5 and all(b.barcode and b.stock_quantity > 0 for b in bulk)
    assert all(b.barcode.startswith("CAB-") for b in cables)
    assert consumables and all(c.sale_price_cents > 0 for c in consumables)


def test_units_look_real(small):
    with small.read() as uow:
        units = uow.session.exec(select(Unit)).all()
        no_units = uow.session.exec(
            select(ItemType.code).where(
                ItemType.tracking == Tracking.SERIALIZED,
                ~ItemType.id.in_(select(Unit.item_type_id)),
            )  # type: ignore[union-attr]
        ).all()
    assert no_units == []
    assert all(u.serial and u.location and u.purchase_date for u in units)
    assert all(u.purchase_date < TODAY for u in units)
    assert sum(bool(u.condition_notes) for u in units) > 20
    owned = sum(u.owner_id is not None for u in units)
    assert 0.08 * len(units) <= owned <= 0.25 * len(units)


def test_status_changes_are_logged_with_repairs(small):
    with small.read() as uow:
        s = uow.session
        changed = s.exec(select(Unit).where(Unit.status != UnitStatus.IN_SERVICE)).all()
        statuses = {u.status for u in changed}
        for unit in changed:
            event = s.exec(select(UnitEvent).where(UnitEvent.unit_id == unit.id)).one()
            assert event.new_status == unit.status and event.user == "tester"
        in_repair = [u.id for u in changed if u.status == UnitStatus.IN_REPAIR]
        repairs = s.exec(select(Repair.unit_id).where(Repair.closed_on == None)).all()  # noqa: E711
    assert statuses == {UnitStatus.IN_REPAIR, UnitStatus.LOST, UnitStatus.RETIRED}
    assert sorted(repairs) == sorted(in_repair)


def test_inspections_mostly_up_to_date_a_handful_overdue(small):
    overdue = _count(small, InspectionDue, InspectionDue.due_on < TODAY)
    total = _count(small, InspectionDue)
    assert total >= 60 and 1 <= overdue <= total // 10
    with small.read() as uow:
        schedules = uow.session.exec(
            select(
                ItemType.code,
                InspectionSchedule.interval_months,
                InspectionSchedule.at_each_remount,
            ).join(ItemType, ItemType.id == InspectionSchedule.item_type_id)
        ).all()
    by_code = {code: (months, remount) for code, months, remount in schedules}
    assert by_code["PALAN-LODESTAR"] == (6, True) and by_code["PALAN-SR5"] == (12, False)
    assert by_code["DISTRIB-P17-63"] == (12, False)
    assert _count(small, Inspection) >= total


def test_cases_hold_units_in_service_and_kits_have_lines(small):
    with small.read() as uow:
        s = uow.session
        cases = s.exec(select(Case)).all()
        contents = {c.name: s.exec(select(Unit).where(Unit.case_id == c.id)).all() for c in cases}
        kits = s.exec(select(Kit)).all()
        lines = {k.code: s.exec(select(KitLine).where(KitLine.kit_id == k.id)).all() for k in kits}
    assert any(c.permanent for c in cases) and any(not c.permanent for c in cases)
    assert all(contents.values()) and len(contents["LA-RAK II n°1"]) == 3
    assert all(u.status == UnitStatus.IN_SERVICE for units in contents.values() for u in units)
    assert "KIT-CONCERT-SM58" in lines and all(lines.values())


def test_barcodes_valid_unique_and_sequences_follow(small):
    with small.read() as uow:
        s = uow.session
        codes = list(s.exec(select(Unit.barcode)).all())
        codes += [c for c in s.exec(select(ItemType.barcode)).all() if c]
        codes += list(s.exec(select(Case.barcode)).all())
    assert len(codes) == len(set(codes))
    assert all(barcodes.validate(c) == c for c in codes)
    with small.read() as uow:  # read: rolled back
        fresh = {barcodes.generate(uow, category) for category in Category}
    assert not fresh & set(codes)


def test_cooperative_identity_is_fictitious_but_well_formed(small):
    with small.read() as uow:
        values = settings.all_settings(uow)
    assert values[settings.COOPERATIVE_NAME] == demo.DEMO_NAME
    assert values[demo.LEGAL_FORM] == "SCIC SAS à capital variable"
    siren, siret = values[demo.SIREN], values[demo.SIRET]
    assert _luhn(siren) and len(siren) == 9
    assert _luhn(siret) and len(siret) == 14 and siret.startswith(siren)
    assert values[demo.VAT] == f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    iban = values[demo.IBAN]
    assert iban.startswith("FR76") and len(iban) == 27 and _iban_ok(iban)
    assert "\n" in values[demo.ADDRESS] and "Le Puy-en-Velay" in values[demo.ADDRESS]
    logo = importlib.resources.files("resources").joinpath(values[demo.LOGO])
    assert logo.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _iban_ok(iban: str) -> bool:
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


# --- determinism and refusal ----------------------------------------------------------


def test_same_seed_same_data_other_seed_other_data(small, template_db, tmp_path):
    again = _fresh(template_db, tmp_path / "again")
    other = _fresh(template_db, tmp_path / "other")
    try:
        build_demo(again, size="small", seed=1, clock=CLOCK, user="tester")
        build_demo(other, size="small", seed=2, clock=CLOCK, user="tester")
        assert fingerprint(again) == fingerprint(small)
        assert fingerprint(other) != fingerprint(small)
    finally:
        again.dispose()
        other.dispose()


def test_refused_on_a_non_empty_catalogue_nothing_written(db):
    factories.item(db, code="PAR-LED")
    before = fingerprint(db)
    with pytest.raises(Conflict, match="already has 1 item types"):
        build_demo(db, size="small", seed=1, clock=CLOCK, user="tester")
    assert fingerprint(db) == before
    assert _count(db, Unit) == 0 and _count(db, Owner) == 0


def test_refused_twice_on_the_demo_itself(small):
    before = fingerprint(small)
    with pytest.raises(Conflict):
        build_demo(small, size="small", seed=3, clock=CLOCK, user="tester")
    assert fingerprint(small) == before


def test_unknown_size_refused(db):
    with pytest.raises(ValidationError, match="Unknown demo size 'huge'") as info:
        build_demo(db, size="huge", seed=1, clock=CLOCK, user="tester")
    assert info.value.field == "size" and _count(db, ItemType) == 0


# --- large, scaled down through the same bulk path ------------------------------------


def test_large_scaled_down_bulk_build(db, template_db, tmp_path):
    summary = build_demo(
        db, size="large", seed=7, clock=CLOCK, user="tester", types=300, units=3_000
    )
    assert summary.types == 300 and summary.units == 3_000
    assert summary.bulk_types > 0 and summary.cases and summary.kits and summary.owners > 10
    with db.read() as uow:
        s = uow.session
        rows = s.exec(
            select(Unit.barcode, ItemType.category).join(ItemType, ItemType.id == Unit.item_type_id)
        ).all()
        bulk = s.exec(
            select(ItemType.barcode, ItemType.category).where(ItemType.tracking == Tracking.BULK)
        ).all()
        statuses = set(s.exec(select(Unit.status)).all())
        changed = len(s.exec(select(Unit.id).where(Unit.status != UnitStatus.IN_SERVICE)).all())
    codes = [code for code, _ in rows + bulk]
    assert len(codes) == len(set(codes)) and all(barcodes.validate(c) == c for c in codes)
    assert all(code.startswith(CATEGORY_PREFIX[Category(cat)] + "-") for code, cat in rows + bulk)
    assert statuses == {s.value for s in UnitStatus}
    assert _count(db, UnitEvent) == changed
    assert _count(db, Repair) == _count(db, Unit, Unit.status == UnitStatus.IN_REPAIR)
    assert 0 < _count(db, InspectionDue, InspectionDue.due_on < TODAY) < _count(db, InspectionDue)
    assert 0.05 * summary.units < _count(db, Unit, Unit.owner_id != None) < 0.3 * summary.units  # noqa: E711
    with db.write() as uow:
        fresh = [barcodes.generate(uow, category) for category in Category for _ in range(3)]
    assert not set(fresh) & set(codes) and len(set(fresh)) == len(fresh)
    twin = _fresh(template_db, tmp_path / "twin")
    try:
        build_demo(twin, size="large", seed=7, clock=CLOCK, user="tester", types=300, units=3_000)
        assert fingerprint(twin) == fingerprint(db)
    finally:
        twin.dispose()


def test_large_needs_the_whole_vocabulary(db):
    with pytest.raises(ValueError, match="at least"):
        build_demo(db, size="large", seed=1, clock=CLOCK, user="tester", types=10, units=10)


# --- the command ----------------------------------------------------------------------


@pytest.fixture
def cli_db(db_path, monkeypatch, qapp):  # qapp: main() installs translations on errors
    monkeypatch.setenv("REGIE_DB", str(db_path))
    monkeypatch.setenv("REGIE_USER", "cli-user")  # an account: the CLI logs it in
    db = open_database(db_path)
    try:
        with db.write() as uow:
            accounts.add_account(uow, name="cli-user", role=Role.ADMIN, clock=FixedClock(NOW))
    finally:
        db.dispose()
    return db_path


@pytest.mark.slow
def test_cli_demo_json_then_refused(cli_db, capsys):
    assert main(["demo", "--json", "--seed", "4"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["name"] == demo.DEMO_NAME and out["seed"] == 4 and out["size"] == "small"
    assert out["types"] >= 60 and out["units"] >= 600 and out["kits"] >= 4
    assert main(["demo"]) == 1
    err = capsys.readouterr().err
    assert "already has" in err and str(out["types"]) in err


@pytest.mark.slow
def test_cli_demo_text(cli_db, capsys):
    assert main(["demo", "--size", "small"]) == 0
    out = capsys.readouterr().out
    assert demo.DEMO_NAME in out and "item types" in out


def test_cli_unknown_size_is_a_usage_error(cli_db, capsys):
    with pytest.raises(SystemExit) as info:
        main(["demo", "--size", "huge"])
    assert info.value.code == 2


def test_build_does_not_read_the_wall_clock(template_db, tmp_path):
    later = FixedClock(NOW + dt.timedelta(days=400))
    database = _fresh(template_db, tmp_path / "later")
    try:
        build_demo(database, size="small", seed=1, clock=later, user="tester")
        with database.read() as uow:
            newest = uow.session.exec(select(func.max(Unit.purchase_date))).one()
        assert newest > TODAY  # dates follow the given clock, not today's date
    finally:
        database.dispose()
