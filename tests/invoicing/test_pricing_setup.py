"""The pricing set-up as the pricing screen reads and checks it (``pricing_setup``), on a
real database: tables with their steps, families, settings, categories and customers;
every refusal names its field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.errors import ValidationError
from invoicing import pricing_setup, rates
from tests import factories


def test_read_pricing_gives_tables_families_settings_and_categories(db) -> None:
    number = factories.customer(db, "Mairie de Retournac")
    with db.write() as uow:
        rates.save_coefficient_table(
            uow, user="t", name="Court", steps={1: "1", 3: "2.5"}, is_default=True
        )
        rates.set_family_table(uow, user="t", family="lighting", table_name="Court")
        rates.create_price_category(uow, user="t", code="COMMUNES", name="Communes")
        rates.assign_price_category(uow, user="t", customer_number=number, category_code="COMMUNES")
    with db.read() as uow:
        state = pricing_setup.read_pricing(uow)
    court = next(t for t in state.tables if t.name == "Court")
    assert (court.is_default, court.steps) == (True, [(1, Decimal(1)), (3, Decimal("2.5"))])
    assert [t.name for t in state.tables if t.is_default] == ["Court"]  # the only default
    assert state.families == {"lighting": "Court"}
    assert state.values[rates.PAYMENT_DAYS] == "30"  # the default until one is saved
    assert [(c.code, c.customers) for c in state.categories] == [
        ("COMMUNES", [(number, "Mairie de Retournac")])
    ]
    assert (number, "Mairie de Retournac") in state.customers


def test_a_new_database_reads_as_the_defaults(db) -> None:
    with db.read() as uow:
        state = pricing_setup.read_pricing(uow)
    assert (state.families, state.categories, state.customers) == ({}, [], [])
    assert set(state.values) == set(rates.DEFAULTS)


def test_steps_are_checked_row_by_row() -> None:
    assert pricing_setup.parse_steps([("1", "1"), ("", ""), (" 7 ", "3,5")]) == {1: "1", 7: "3.5"}
    for rows, field in (
        ([("2", "1.5")], "days"),  # no coefficient for one day
        ([("1", "1"), ("1", "2")], "days"),  # twice
        ([("1", "")], "coefficient"),
        ([("", "2")], "days"),
        ([("x", "2")], "days"),
    ):
        with pytest.raises(ValidationError) as refused:
            pricing_setup.parse_steps(rows)
        assert refused.value.field == field


RULES = {
    "weekend": True,
    "out_from": "14:00",
    "back_by": "10:00",
    "minimum": "20",
    "payment_days": "45",
    "quote_days": "15",
    "vat": "5,5",
}


def test_rules_are_checked_then_written(db) -> None:
    rules = pricing_setup.parse_rules(RULES)
    assert (rules.minimum_cents, rules.payment_days, rules.vat) == (2000, 45, Decimal("5.5"))
    with db.write() as uow:
        pricing_setup.write_rules(uow, "t", rules)
    with db.read() as uow:
        assert rates.payment_days(uow) == 45
        assert rates.weekend_rule(uow).out_from.hour == 14
        assert rates.default_vat(uow) == Decimal("5.5")


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("out_from", "14h", "out from"),
        ("back_by", "", "back by"),
        ("minimum", "vingt", "minimum charge"),
        ("payment_days", " ", "payment days"),
        ("quote_days", "0", "quote validity"),
        ("vat", "", "VAT rate"),
    ],
)
def test_a_bad_rule_names_its_field(key: str, value: str, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        pricing_setup.parse_rules({**RULES, key: value})
    assert refused.value.field == field
