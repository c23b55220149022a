"""An item type's rates as its form reads, checks and writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import func, select

from app.core.errors import ValidationError
from invoicing import item_rates, rates
from invoicing.models import CategoryRate, ItemRate
from tests import factories

USER = "manager"


@pytest.fixture
def par(db):
    item_id = factories.item(db, "PAR64", "Projecteur PAR 64")
    with db.write() as uow:
        rates.create_price_category(uow, user=USER, code="COMMUNES", name="Communes")
    return item_id


def count(db, model):
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(model)).one()


def save(db, raw):
    parsed = item_rates.parse_item_rates(raw)
    with db.write() as uow:
        item_rates.save_item_rates(uow, user=USER, item_code="PAR64", rates_=parsed)


def test_a_new_item_lists_the_categories_without_rates(db, par):
    with db.read() as uow:
        found = item_rates.item_rates(uow, None)
    assert found.member is None and found.vat is None
    assert found.default_vat == Decimal("20.00")
    assert [(c.code, c.day_cents) for c in found.categories] == [("COMMUNES", None)]


def test_rates_written_read_back_and_removed(db, par):
    save(db, {"member": "8", "non_member": "12,50", "vat": "5,5", "rate:COMMUNES": "10"})
    with db.read() as uow:
        found = item_rates.item_rates(uow, par)
    assert (found.member, found.non_member, found.vat) == (800, 1250, Decimal("5.5"))
    assert [(c.code, c.day_cents) for c in found.categories] == [("COMMUNES", 1000)]
    save(db, {"member": "", "non_member": "", "vat": "", "rate:COMMUNES": ""})
    assert count(db, ItemRate) == 0 and count(db, CategoryRate) == 0


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"member": "huit", "non_member": "12"}, "member day rate"),
        ({"member": "8", "non_member": ""}, "non-member day rate"),
        ({"member": "8", "non_member": "9", "vat": "120"}, "VAT rate"),
        ({"vat": "5"}, "member day rate"),
        ({"rate:COMMUNES": "dix"}, "rate:COMMUNES"),
    ],
)
def test_bad_rates_are_refused_naming_their_field(db, par, raw, field):
    with pytest.raises(ValidationError) as caught:
        item_rates.parse_item_rates(raw)
    assert caught.value.field == field
    assert count(db, ItemRate) == 0
