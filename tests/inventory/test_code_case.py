"""Every lookup of a code a person types or scans is without case and, failing that, tries
the reading of a scanner set up for the other keyboard layout: units by status change,
cases, item types, the booking editor's entries, the inventory search's scans and the CSV
import (which updates the unit rather than refusing a second one)."""

from __future__ import annotations

import io

from app.core.db import Database
from inventory import barcodes, catalogue, containers, csvio, queries
from inventory.models import UnitStatus
from tests import factories


def test_a_unit_found_in_lower_case_or_typed_on_the_other_layout(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    factories.item(db)
    code = factories.unit(db, clock)
    with db.read() as uow:
        assert catalogue.unit_by_barcode(uow, code.lower()).barcode == code
        swapped = barcodes.typed_on(code, "us", "fr")
        assert swapped != code
        assert catalogue.unit_by_barcode(uow, swapped).barcode == code
    with db.write() as uow:
        catalogue.set_status(
            uow, user="t", barcode=code.lower(), status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
    with db.read() as uow:
        assert catalogue.unit_by_barcode(uow, code).status == UnitStatus.IN_REPAIR.value


def test_cases_and_item_codes_are_found_without_case(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    factories.item(db)
    code = factories.unit(db, clock)
    with db.write() as uow:
        case = containers.create_case(uow, user="t", name="Flight", permanent=True)
        containers.put_in_case(uow, user="t", case_code=case.barcode.lower(), unit_code=code)
    with db.read() as uow:
        assert containers.case_by_barcode(uow, case.barcode.lower()).id == case.id
        item = catalogue.item_by_code(uow, "lyre-wash")
        assert item.code == "LYRE-WASH"
        assert queries.entry_named(uow, code.lower()) == item
        assert queries.entry_named(uow, "lyre-wash") == item
        assert queries.code_lookup(uow, code.lower()) == (
            item.id,
            catalogue.unit_by_barcode(uow, code).id,
        )
        assert queries.entry_named(uow, "NOTHING-HERE") is None


def test_a_csv_row_in_lower_case_updates_the_existing_unit(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    factories.item(db)
    code = factories.unit(db, clock)
    exported = io.StringIO()
    with db.read() as uow:
        csvio.export_catalogue(uow, exported)
    lowered = io.StringIO(exported.getvalue().replace(code, code.lower()))
    with db.write() as uow:
        summary = csvio.import_catalogue(uow, user="t", clock=clock, stream=lowered)
    assert summary.units_created == 0
    with db.read() as uow:
        assert catalogue.unit_by_barcode(uow, code).barcode == code


def test_labels_for_a_code_in_lower_case(db: Database, clock) -> None:  # type: ignore[no-untyped-def]
    from inventory import labels

    factories.item(db)
    code = factories.unit(db, clock)
    with db.read() as uow:
        found = labels.labels_for_codes(uow, [code.lower(), "lyre-wash"])
    assert [label.code for label in found] == [code, code]
