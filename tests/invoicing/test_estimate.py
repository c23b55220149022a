# ruff: noqa: F811  (the ``coop`` fixture imported from tests/invoicing/conftest.py)
"""Pricing a booking as it is being edited (``invoices.draft_quote``): the numbers equal
the quote printed once the booking is saved, for members and non-members, with the
booking's own pricing when an existing booking is edited."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core import settings
from app.core.errors import NotFound, ValidationError
from booking import bookings
from booking.bookings import BookingData, Line
from invoicing import invoices, rates
from tests.invoicing.conftest import USER, book, coop  # noqa: F401

START = dt.datetime(2026, 12, 1, 9, 0)
END = dt.datetime(2026, 12, 5, 18, 0)


def data(customer: str, lines: dict[str, int], **extra: object) -> BookingData:
    return BookingData(
        customer=customer,
        start=extra.pop("start", START),  # type: ignore[arg-type]
        end=extra.pop("end", END),  # type: ignore[arg-type]
        lines=[Line(code, qty) for code, qty in lines.items()],
        **extra,  # type: ignore[arg-type]
    )


def totals(document) -> tuple[Decimal, Decimal, Decimal, str, str]:  # type: ignore[no-untyped-def]
    return (
        document.net_total,
        document.vat_total,
        document.gross_total,
        document.rate_label,
        document.deposit_note,
    )


@pytest.mark.parametrize("customer", ["C-MEM", "C-PUB"])
def test_draft_priced_as_the_saved_quote(coop, clock, customer: str) -> None:  # type: ignore[no-untyped-def]
    wanted = {"LYRE": 3, "GAFFER": 2}
    with coop.read() as uow:
        live = invoices.draft_quote(uow, data(customer, wanted), clock)
    ref = book(coop, clock, customer, wanted, "2026-12-01T09:00", "2026-12-05T18:00", None, None)
    with coop.read() as uow:
        quote = invoices.quote_document(uow, ref, clock)
    assert totals(live.document) == totals(quote)
    assert live.document.lines == quote.lines
    priced = live.priced
    assert priced.days == 5 and not priced.weekend
    assert priced.coefficients == {"LYRE": Decimal("3")}
    assert priced.deposit == Decimal("1500.00")
    if customer == "C-MEM":
        assert (priced.member_number, priced.member_until) == ("S-C-MEM", None)
        assert priced.choice.kind == "member"
        # 3 × 30,00 × 3 = 270,00 + 2 × 12,50 = 295,00; VAT 20 %
        assert live.document.net_total == Decimal("295.00")
    else:
        assert priced.member_number is None and priced.choice.kind == "public"
        assert live.document.net_total == Decimal("430.00")  # 3 × 45 × 3 + 25
    assert live.document.gross_total == live.document.net_total * Decimal("1.2")


def test_weekend_and_minimum(coop, clock) -> None:  # type: ignore[no-untyped-def]
    with coop.write() as uow:
        settings.set_setting(uow, rates.MINIMUM_CHARGE, "100.00")
    friday, monday = dt.datetime(2026, 12, 4, 14, 0), dt.datetime(2026, 12, 7, 10, 0)
    with coop.read() as uow:
        live = invoices.draft_quote(
            uow, data("C-MEM", {"LYRE": 1}, start=friday, end=monday), clock
        )
    assert live.priced.weekend and live.priced.days == 1 and live.priced.use_days == 4
    assert live.priced.top_up == Decimal("70.00")  # 30,00 rental topped up to 100,00
    assert live.document.net_total == Decimal("100.00")
    ref = book(
        coop, clock, "C-MEM", {"LYRE": 1}, friday.isoformat(), monday.isoformat(), None, None
    )
    with coop.read() as uow:
        assert totals(invoices.quote_document(uow, ref, clock)) == totals(live.document)


def test_editing_a_stored_booking_keeps_its_pricing(coop, clock) -> None:  # type: ignore[no-untyped-def]
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})
    with coop.write() as uow:
        rates.set_booking_pricing(uow, user=USER, reference=ref, discount="10")
    edited = data(
        "C-PUB",
        {"LYRE": 4},
        start=dt.datetime(2026, 12, 1, 9, 0),
        end=dt.datetime(2026, 12, 5, 18, 0),
        use_start=dt.datetime(2026, 12, 2, 8, 0),
        use_end=dt.datetime(2026, 12, 4, 23, 0),
    )
    with coop.read() as uow:
        live = invoices.draft_quote(uow, edited, clock, reference=ref)
    assert live.priced.booking_discount == Decimal("10")
    assert live.document.number == f"D-{ref}"
    with coop.write() as uow:
        bookings.update_booking(uow, user=USER, reference=ref, data=edited, clock=clock)
    with coop.read() as uow:
        assert totals(invoices.quote_document(uow, ref, clock)) == totals(live.document)
    # 4 × 45,00 × 2 (3 days) = 360,00 − 10 %
    assert live.document.net_total == Decimal("324.00")


def test_a_draft_without_lines_costs_nothing(coop, clock) -> None:  # type: ignore[no-untyped-def]
    with coop.read() as uow:
        live = invoices.draft_quote(uow, data("C-MEM", {}), clock)
    assert live.document.lines == ()
    assert live.document.gross_total == Decimal("0.00")


def test_bad_drafts_are_refused_with_a_reason(coop, clock) -> None:  # type: ignore[no-untyped-def]
    with coop.read() as uow:
        with pytest.raises(NotFound, match="NOPE"):
            invoices.draft_quote(uow, data("C-MEM", {"NOPE": 1}), clock)
        with pytest.raises(ValidationError):
            invoices.draft_quote(uow, data("C-MEM", {"LYRE": 1}, end=START), clock)
        with pytest.raises(NotFound):
            invoices.draft_quote(uow, data("C-NONE", {"LYRE": 1}), clock)
