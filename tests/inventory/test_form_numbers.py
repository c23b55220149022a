"""Whatever is typed in a money or number field of the item type form (or a CSV cell), the
answer is a value in range or a refusal naming that field: never a crash, never a write."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import func, select

from app.core.db import Database
from app.core.errors import ValidationError
from inventory import catalogue, fields
from inventory.models import ItemType

MONEY = {"replacement_value": "replacement value", "deposit": "deposit", "sale_price": "sale price"}
NUMBERS = {
    "weight_grams": ("weight", 10**9),
    "stock_quantity": ("quantity", 10**9),
    "prep_hours": ("prep buffer", 24 * 30),
    "deprep_hours": ("de-prep buffer", 24 * 30),
}
BASE = {"code": "PAR-64", "name": "Projecteur PAR 64", "category": "lighting"}

typed = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\A[-+ ]?[0-9 ,._]{0,20}([eE][-+]?[0-9]{1,6})?\Z"),
    st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", "9" * 40, "1\u202f234,50", "١٢"]),
)


@given(column=st.sampled_from(sorted(MONEY)), value=typed)
def test_money_fields_give_cents_in_range_or_name_the_field(column: str, value: str) -> None:
    try:
        data = catalogue.parse_item_type({**BASE, column: value})
    except ValidationError as err:
        assert err.field == MONEY[column]
        return
    cents = getattr(data, column + "_cents")
    assert 0 <= cents <= fields.MAX_MONEY_CENTS


@given(column=st.sampled_from(sorted(NUMBERS)), value=typed)
def test_number_fields_give_integers_in_range_or_name_the_field(column: str, value: str) -> None:
    field, maximum = NUMBERS[column]
    try:
        data = catalogue.parse_item_type({**BASE, column: value})
    except ValidationError as err:
        assert err.field == field
        return
    assert 0 <= getattr(data, column) <= maximum


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("deposit", "1e400", "no exponent"),
        ("deposit", "9999999999", "too large"),
        ("replacement_value", "-0,01", "cannot be negative"),
        ("weight_grams", "12,5", "not a whole number"),
        ("prep_hours", "721", "at most 720"),
    ],
)
def test_a_refused_number_writes_nothing(db: Database, column: str, value: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words), db.write() as uow:
        data = catalogue.parse_item_type({**BASE, column: value})
        catalogue.create_item_type(uow, user="t", data=data)
    with db.read() as uow:
        assert uow.session.exec(select(func.count()).select_from(ItemType)).one() == 0


def test_french_grouped_whole_numbers_are_read_but_amounts_take_no_separators() -> None:
    data = catalogue.parse_item_type(
        {**BASE, "weight_grams": "18\u202f000", "replacement_value": "2900,00"}
    )
    assert data.weight_grams == 18000 and data.replacement_value_cents == 290000
    with pytest.raises(ValidationError, match="no spaces or thousands separators"):
        catalogue.parse_item_type({**BASE, "replacement_value": "2\u00a0900,00"})
