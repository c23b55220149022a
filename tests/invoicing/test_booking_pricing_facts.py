"""What the booking pricing dialog reads (``invoicing.booking_pricing.pricing_facts``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.core.errors import NotFound
from invoicing import deposits, rates
from invoicing.booking_pricing import pricing_facts
from tests.invoicing.conftest import USER, book


def test_a_booking_without_overrides(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2, "GAFFER": 3})
    with coop.read() as uow:
        facts = pricing_facts(uow, ref, clock.today())
    assert facts.reference == ref
    assert (facts.discount, facts.fixed_coefficient, facts.table) == (Decimal(0), None, None)
    assert facts.minimum_cents is None
    assert [(code, pct) for code, _, pct in facts.lines] == [
        ("GAFFER", Decimal(0)),
        ("LYRE", Decimal(0)),
    ]
    assert facts.required == Decimal("1000.00") and facts.held == 0
    assert facts.deposits == [] and facts.invoices == []


def test_overrides_discounts_and_deposits(coop, clock):
    ref = book(coop, clock, "C-MEM", {"LYRE": 1})
    with coop.write() as uow:
        rates.set_booking_pricing(
            uow, user=USER, reference=ref, fixed_coefficient="1.5", discount="10", minimum="80"
        )
        rates.set_line_discount(uow, user=USER, reference=ref, item_code="LYRE", discount="12.5")
        deposits.record_deposit(
            uow, user=USER, reference=ref, amount="200", method="cheque", clock=clock
        )
    with coop.read() as uow:
        facts = pricing_facts(uow, ref, clock.today())
    assert (facts.discount, facts.fixed_coefficient) == (Decimal("10.00"), Decimal("1.5"))
    assert facts.minimum_cents == 8000
    assert facts.lines == [("LYRE", "Lyre wash LED", Decimal("12.50"))]
    (deposit,) = facts.deposits
    assert (deposit.amount_cents, deposit.method, deposit.status) == (20000, "cheque", "held")
    assert facts.held == Decimal("200.00")


def test_an_unknown_booking_is_refused(coop, clock):
    with pytest.raises(NotFound), coop.read() as uow:
        pricing_facts(uow, "R-1999-0001", clock.today())
