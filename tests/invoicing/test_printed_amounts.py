"""What the invoice PDF prints: amounts rounded half-up through ``money``, unit prices that
multiply out to the line amounts (the issue's 5 × 116,025 €), the buyer's references, the
exemption wording beside the VAT breakdown, a line's own period of use, and a credit
note that asks for no payment. Documents are built by hand; the text is read back with
pypdfium2 (``test_render.page_texts``) and the numbers parsed from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from invoicing.document import Kind, Line, Party, VatCategory, VatTotal
from invoicing.pdf_layout import line_cells, money, pdf_bytes, unit_price
from invoicing.render import render
from invoicing.validation import check_xml
from tests.invoicing.test_render import (
    BUYER,
    credit_note,
    make_document,
    make_line,
    needs_saxon,
    text_of,
)

CENT = Decimal("0.01")


def _french(text: str) -> Decimal:
    """``1 116,025 €`` / ``10 %`` → Decimal."""
    cleaned = "".join(ch for ch in text if ch.isdigit() or ch in ",-")
    return Decimal(cleaned.replace(",", "."))


def _plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def test_amounts_are_rounded_half_up() -> None:
    assert _plain(money(Decimal("580.125"))) == "580,13 €"
    assert _plain(money(Decimal("0.005"))) == "0,01 €"
    assert _plain(money(Decimal("-2.345"))) == "-2,35 €"


def test_the_issues_example_multiplies_out() -> None:
    """5 × 116,025 € (a day rate of 46,41 € × coefficient 2,5): the line is 580,13 €,
    and the printed unit price is 116,025 €, not 116,02 € (which gives 580,10 €)."""
    line = make_line("Projecteur découpe 750 W", "5", "C62", "116.025")
    assert line.net == Decimal("580.13")
    document = make_document([line])
    text = text_of(pdf_bytes(document))
    assert "116,025 €" in text and "580,13 €" in text
    assert "116,02 €" not in text.replace("116,025", "")


def _line(quantity: Decimal, gross: Decimal, discount: Decimal) -> Line:
    """A line as ``pricing`` builds it: net = round_half_up(qty × gross × (1 − d)), once."""
    net_price = gross * (1 - discount / 100)
    return Line(
        "Article",
        quantity,
        "C62",
        net_price,
        (quantity * net_price).quantize(CENT, ROUND_HALF_UP),
        Decimal("20"),
        gross_unit_price=gross if discount else None,
        discount_percent=discount,
    )


@settings(max_examples=300, deadline=None)
@given(
    quantity=st.integers(min_value=1, max_value=500),
    day_rate=st.integers(min_value=1, max_value=200_000),  # cents
    coefficient=st.integers(min_value=1000, max_value=12_000),  # thousandths
    discount=st.sampled_from(["0", "5", "10", "12.5", "14.5", "33.33", "50"]),
)
def test_every_printed_line_multiplies_out(
    quantity: int, day_rate: int, coefficient: int, discount: str
) -> None:
    gross = Decimal(day_rate) / 100 * Decimal(coefficient) / 1000
    line = _line(Decimal(quantity), gross, Decimal(discount))
    qty, price, remise, _net_price, net = line_cells(line)
    factor = 1 - (_french(remise) / 100 if remise != "—" else 0)
    product = (_french(qty) * _french(price) * factor).quantize(CENT, ROUND_HALF_UP)
    assert product == _french(net), (qty, price, remise, net)


def test_unit_price_keeps_its_decimals_up_to_six() -> None:
    assert _plain(unit_price(Decimal("90"))) == "90,00 €"
    assert _plain(unit_price(Decimal("1116.5"))) == "1 116,50 €"
    assert _plain(unit_price(Decimal("104.4225"))) == "104,4225 €"
    assert _plain(unit_price(Decimal("0.1234565"))) == "0,123457 €"


PUBLIC = dataclasses.replace(
    BUYER, name="Commune de Brives-Charensac", public_buyer=True, vat_number=""
)
EU = Party(
    name="Theater am Fluss GmbH",
    address="Uferstraße 12",
    postcode="10115",
    city="Berlin",
    country="DE",
    vat_number="DE123456789",
    customer_number="C-0077",
)


def test_public_buyer_references_are_printed() -> None:
    document = make_document(
        [make_line("Pupitre", "2", "C62", "12.00")],
        buyer=PUBLIC,
        buyer_reference="SERV-CULTURE-01",
        order_reference="ENG-2026-0456",
    )
    text = text_of(pdf_bytes(document))
    assert "Code service : SERV-CULTURE-01" in text
    assert "Bon de commande / n° d'engagement : ENG-2026-0456" in text
    assert "Notre référence : R-2026-0117" in text
    assert "Votre référence" not in text


def test_reverse_charge_prints_the_wording_and_both_vat_numbers() -> None:
    line = dataclasses.replace(
        make_line("Console son 32 voies", "1", "C62", "1234.56", "0"),
        vat_category=VatCategory.REVERSE_CHARGE,
    )
    document = make_document(
        [line],
        buyer=EU,
        buyer_reference="PO 4711",
        vat=(
            VatTotal(
                Decimal("0"),
                VatCategory.REVERSE_CHARGE,
                line.net,
                Decimal("0.00"),
                "Autoliquidation",
                "VATEX-EU-AE",
            ),
        ),
        vat_total=Decimal("0.00"),
        gross_total=line.net,
    )
    text = text_of(pdf_bytes(document))
    assert "Votre référence : PO 4711" in text
    assert "Autoliquidation" in text
    assert "FR47932817455" in text and "DE123456789" in text
    assert "10115 Berlin Allemagne" in text  # the country by its French name


def test_lines_with_their_own_period_print_it() -> None:
    first = dataclasses.replace(
        make_line("Projecteur", "2", "C62", "40.00"),
        period_start=dt.date(2026, 11, 20),
        period_end=dt.date(2026, 11, 23),
    )
    late = dataclasses.replace(
        make_line("Projecteur, retour tardif", "2", "C62", "13.00"),
        period_start=dt.date(2026, 11, 24),
        period_end=dt.date(2026, 11, 25),
    )
    text = text_of(pdf_bytes(make_document([first, late])))
    assert "Période d'utilisation : du 24/11/2026 au 25/11/2026" in text
    assert "Période d'utilisation : du 20/11/2026 au 23/11/2026" in text
    # The same periods as the document's: nothing repeated under the lines.
    same = dataclasses.replace(first, period_start=dt.date(2026, 11, 20))
    text = text_of(pdf_bytes(make_document([same])))
    assert "Période d'utilisation" not in text


def test_credit_note_asks_for_no_payment() -> None:
    text = text_of(pdf_bytes(credit_note()))  # invoice terms given: not printed
    assert "Avoir sur facture n° FA-2026-00042 du 26/11/2026" in text
    assert "Aucun paiement n'est demandé" in text
    for absent in ("IBAN", "pénalités", "recouvrement", "escompte", "Échéance"):
        assert absent not in text, absent


def test_invoice_still_has_its_payment_block() -> None:
    text = text_of(pdf_bytes(make_document([make_line("Pupitre", "2", "C62", "12.00")])))
    assert "IBAN" in text and "pénalités" in text and "Échéance" in text


@needs_saxon
def test_discounted_document_with_references_is_valid() -> None:
    lines = [
        _line(Decimal(3), Decimal("46.41") * Decimal("2.5"), Decimal("12.5")),
        make_line("Gaffer", "3", "C62", "13.75", goods=True),
    ]
    document = make_document(
        lines, buyer_reference="BR-1", order_reference="PO-2", kind=Kind.INVOICE
    )
    rendered = render(document)
    assert rendered.xml is not None
    assert check_xml(rendered.xml) == []
