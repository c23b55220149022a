"""Typed access to rows and primary keys (app.core.db): require_id, id_column, uow.row."""

from __future__ import annotations

import pytest
from sqlmodel import select

from app.core.db import Database, id_column, require_id
from inventory.models import ItemType, Unit
from tests import factories


def test_require_id_of_a_stored_row(db: Database) -> None:
    type_id = factories.item(db)
    with db.read() as uow:
        item = uow.session.exec(select(ItemType)).one()
        assert require_id(item) == type_id


def test_require_id_refuses_a_row_not_flushed() -> None:
    with pytest.raises(LookupError, match="ItemType has no id yet"):
        require_id(ItemType(code="X", name="X"))


def test_id_column_selects_filters_and_orders(db: Database) -> None:
    first = factories.item(db, "LYRE-WASH")
    second = factories.item(db, "PAR-64", "PAR 64")
    with db.read() as uow:
        query = (
            select(id_column(ItemType), ItemType.code)
            .where(id_column(ItemType).in_([first, second]))
            .order_by(id_column(ItemType).desc())
        )
        assert uow.session.exec(query).all() == [(second, "PAR-64"), (first, "LYRE-WASH")]


def test_id_column_joins(db: Database, clock) -> None:
    type_id = factories.item(db)
    factories.unit(db, clock)
    with db.read() as uow:
        query = select(ItemType.code).join(Unit, id_column(ItemType) == Unit.item_type_id)
        assert uow.session.exec(query).all() == ["LYRE-WASH"]
        assert str(id_column(Unit)) == "unit.id"
        assert uow.row(ItemType, type_id).code == "LYRE-WASH"


def test_row_of_a_missing_key_is_a_lookup_error(db: Database) -> None:
    with db.read() as uow, pytest.raises(LookupError, match="no ItemType 999"):
        uow.row(ItemType, 999)
