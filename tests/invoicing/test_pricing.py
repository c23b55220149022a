"""Pure pricing: charged days, coefficients, lines and totals, by hand and by property."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from invoicing import parties, pricing, serial
from invoicing.document import VatCategory
from invoicing.pricing import Coefficients, VatSpec, WeekendRule

D = Decimal
T = dt.datetime.fromisoformat
STD = VatSpec()


def test_default_table_matches_the_published_one():
    published = {1: "1", 2: "1.5", 3: "2", 4: "2.5", 5: "3", 6: "3.25", 7: "3.5", 8: "3.75"}
    published |= {9: "4", 10: "4.25", 14: "5.25", 17: "6", 21: "6.4", 30: "7.3"}
    table = Coefficients()
    for days, coef in published.items():
        assert pricing.coefficient(table, days) == D(coef), days
    # beyond 30 days: the last step's slope goes on (+0,1 a day)
    assert pricing.coefficient(table, 31) == D("7.4")
    assert pricing.coefficient(table, 40) == D("8.3")


def test_gaps_keep_the_previous_coefficient_and_fixed_wins():
    table = Coefficients(steps=((1, D(1)), (3, D(2)), (7, D(4))))
    assert pricing.coefficient(table, 2) == D(1)
    assert pricing.coefficient(table, 5) == D(2)
    assert pricing.coefficient(table, 9) == D("5")  # slope (4-2)/(7-3) = 0,5 a day
    assert pricing.coefficient(Coefficients(fixed=D("1.8")), 12) == D("1.8")
    thirds = Coefficients(steps=((1, D(1)), (4, D(2))))
    assert pricing.coefficient(thirds, 5) == D("2.333")  # three decimals at most


def test_charged_days_are_calendar_days_of_use():
    assert pricing.use_days(T("2026-12-02T08:00"), T("2026-12-04T23:00")) == 3
    assert pricing.use_days(T("2026-12-02T08:00"), T("2026-12-03T00:00")) == 1  # half-open
    assert pricing.use_days(T("2026-12-01T00:00"), T("2026-12-11T00:00")) == 10


def test_weekend_rule():
    rule = WeekendRule(out_from=dt.time(12), back_by=dt.time(12))
    fri, mon = T("2026-12-04T14:00"), T("2026-12-07T10:00")
    assert pricing.charged_days(fri, mon, fri, mon, rule) == 1
    # out on Friday morning, or back on Monday afternoon: days of use
    assert pricing.charged_days(fri, mon, T("2026-12-04T09:00"), mon, rule) == 4
    assert pricing.charged_days(fri, mon, fri, T("2026-12-07T15:00"), rule) == 4
    assert pricing.charged_days(fri, mon, fri, mon, WeekendRule(enabled=False)) == 4


def test_rental_line_worked_example():
    line = pricing.rental_line(
        name="Lyre", code="L", quantity=4, days=3, coef=D(2), day_rate=D("45.00"), vat=STD
    )
    assert line.net == D("360.00")
    assert line.unit_price == D("90.00")
    assert line.detail == "4 × 3 jours (coef. 2,0) × 45,00\u00a0€"
    assert line.description == "Lyre — location 3 jours"


def test_discounts_multiply_and_round_once():
    line = pricing.rental_line(
        name="Lyre",
        code="L",
        quantity=4,
        days=3,
        coef=D(2),
        day_rate=D("45.00"),
        vat=STD,
        line_discount=D(10),
        booking_discount=D(5),
    )
    # 4 × 45 × 2 × 0,90 × 0,95 = 307,80
    assert line.net == D("307.80")
    assert line.discount_percent == D("14.5")
    assert line.gross_unit_price == D("90.00")
    assert line.detail.endswith("remise 14,5 %")


def test_half_up_rounding_of_a_line():
    # 3 × 33,33 × 1,5 = 149,985 → 149,99 (half up, not half even)
    line = pricing.rental_line(
        name="X", code="X", quantity=3, days=2, coef=D("1.5"), day_rate=D("33.33"), vat=STD
    )
    assert line.net == D("149.99")


def test_vat_per_rate_on_the_sum_of_lines():
    # three lines of 0,05 at 20 %: per line 0,01 each (0,03) but on the sum 0,15 × 20 % = 0,03
    # and two of 10,03 at 5,5 %: 20,06 × 5,5 % = 1,1033 → 1,10 (per line would give 1,10 too)
    lines = [
        pricing.charge_line(text="a", code="", quantity=1, unit_amount=D("0.05"), vat=STD)
        for _ in range(3)
    ]
    reduced = VatSpec(VatCategory.STANDARD, D("5.50"))
    lines += [
        pricing.charge_line(text="b", code="", quantity=1, unit_amount=D("10.03"), vat=reduced)
        for _ in range(2)
    ]
    t = pricing.totals(lines)
    assert [(v.rate, v.base, v.amount) for v in t.vat] == [
        (D("20.00"), D("0.15"), D("0.03")),
        (D("5.50"), D("20.06"), D("1.10")),
    ]
    assert (t.net, t.vat_total, t.gross) == (D("20.21"), D("1.13"), D("21.34"))


def test_minimum_charge_tops_up():
    line = pricing.minimum_line(D("42.00"), D("60.00"), STD)
    assert line is not None and line.net == D("18.00")
    assert pricing.minimum_line(D("60.00"), D("60.00"), STD) is None


def test_nature_of_operations():
    rent = pricing.rental_line(
        name="L", code="L", quantity=1, days=1, coef=D(1), day_rate=D(1), vat=STD
    )
    sale = pricing.sale_line(name="G", code="G", quantity=2, unit_price=D("12.50"), vat=STD)
    assert sale.net == D("25.00") and sale.is_goods
    assert pricing.nature([rent]) == "S"
    assert pricing.nature([sale]) == "B"
    assert pricing.nature([rent, sale]) == "M"


def test_french_formats():
    assert pricing.euros(D("1234.5")) == "1\u202f234,50\u00a0€"
    assert pricing.coef_text(D("3.250")) == "3,25"


# --- properties ---------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10_000_00).map(lambda c: D(c) / 100)
rates_ = st.sampled_from([D("20.00"), D("10.00"), D("5.50"), D("2.10"), D("0.00")])
percent = st.integers(min_value=0, max_value=10000).map(lambda bp: D(bp) / 100)
line_args = st.fixed_dictionaries(
    {
        "quantity": st.integers(min_value=1, max_value=500),
        "days": st.integers(min_value=1, max_value=60),
        "day_rate": cents,
        "rate": rates_,
        "line_discount": percent,
        "booking_discount": percent,
    }
)


def _line(args):
    coef = pricing.coefficient(Coefficients(), args["days"])
    return pricing.rental_line(
        name="x",
        code="x",
        quantity=args["quantity"],
        days=args["days"],
        coef=coef,
        day_rate=args["day_rate"],
        vat=VatSpec(VatCategory.STANDARD, args["rate"]),
        line_discount=args["line_discount"],
        booking_discount=args["booking_discount"],
    ), coef


@given(st.lists(line_args, min_size=1, max_size=12))
def test_totals_are_sums_of_lines_and_vat_is_per_rate(many):
    lines = [_line(a)[0] for a in many]
    t = pricing.totals(lines)
    assert t.net == sum(ln.net for ln in lines)
    assert t.gross == t.net + t.vat_total
    assert t.vat_total == sum(v.amount for v in t.vat)
    for v in t.vat:
        base = sum(ln.net for ln in lines if ln.vat_rate == v.rate)
        assert v.base == base
        assert v.amount == (base * v.rate / 100).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert sum(v.base for v in t.vat) == t.net


@given(line_args)
def test_line_net_is_the_exact_product_rounded_half_up_once(args):
    line, coef = _line(args)
    exact = (
        args["quantity"]
        * args["day_rate"]
        * coef
        * (1 - args["line_discount"] / 100)
        * (1 - args["booking_discount"] / 100)
    )
    assert line.net == exact.quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert line.net == (line.quantity * line.unit_price).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert line.net.as_tuple().exponent == -2
    written = serial.to_json_value(line.unit_price)
    assert "E" not in written and Decimal(written) == line.unit_price


def test_out_of_scope_charges_cannot_share_an_invoice_with_taxed_lines():
    import pytest

    from app.core.errors import Conflict

    out = VatSpec(VatCategory.OUT_OF_SCOPE, D("0.00"))
    loss = pricing.charge_line(text="perte", code="L", quantity=1, unit_amount=D(100), vat=out)
    rent = pricing.charge_line(text="loc", code="L", quantity=1, unit_amount=D(10), vat=STD)
    parties.require_lines([loss])
    (vat,) = pricing.vat_totals([loss])
    assert vat.amount == D("0.00") and vat.exemption_reason.startswith("Indemnité")
    with pytest.raises(Conflict, match="BR-O-11"):
        parties.require_lines([loss, rent])
