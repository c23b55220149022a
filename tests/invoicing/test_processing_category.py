"""One rule for e-invoiced (B2B) vs e-reported (B2C, B2BINT, B2CINT) buyers: the BAR note
of the Factur-X XML follows ``parties.processing_category``; each kind validates."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree

from invoicing import facturx_xml, parties, validation
from invoicing.document import Party
from invoicing.invoices import draft_invoice
from tests.invoicing.conftest import book, customer

NS = {"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
SIRET = "73282932000074"


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        (Party("SA", siren="732829320", category="company"), "B2B"),
        (
            Party("Asso", siren="732829320", vat_number="FR44732829320", category="association"),
            "B2B",
        ),
        (Party("Asso", siren="732829320", category="association"), "B2C"),
        (Party("Asso", category="association"), "B2C"),
        (Party("Mairie", siren="732829320", public_buyer=True, category="commune"), "B2C"),
        (Party("Mme X", is_business=False, category="individual"), "B2C"),
        (Party("GmbH", country="DE", vat_number="DE136695976", category="company"), "B2BINT"),
        (Party("Frau X", country="DE", is_business=False, category="individual"), "B2CINT"),
        (Party("Old", siren="732829320"), "B2B"),  # frozen before categories were recorded
    ],
)
def test_the_rule(party, expected):
    assert parties.processing_category(party) == expected


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"category": "association", "siret": SIRET}, "B2C"),
        ({"category": "company", "siret": SIRET}, "B2B"),
        ({"category": "commune", "siret": SIRET, "public_buyer": "1"}, "B2C"),
    ],
)
def test_each_kind_validates(coop, clock, extra, expected):
    customer(coop, "C-X", "Client", **extra)
    ref = book(coop, clock, "C-X", {"LYRE": 1})
    with coop.read() as uow:
        document = draft_invoice(uow, ref, clock)
    xml = facturx_xml.build_xml(dataclasses.replace(document, number="FA-2026-00001"))
    assert validation.check_xml(xml) == []
    tree = etree.fromstring(xml)
    assert tree.xpath(
        "//ram:IncludedNote[ram:SubjectCode='BAR']/ram:Content/text()", namespaces=NS
    ) == [expected]
