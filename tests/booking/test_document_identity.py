"""The delivery note, the pick list and the return report carry the cooperative's full
identity at the foot of every page, like the invoices' seller block: name, legal form and
capital, address, SIRET/SIREN, RCS, VAT number (read from the settings; booking does not
import invoicing). Text extracted from the rendered PDFs, every page."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from app.core import settings
from app.core.pdf import Identity, capital_words
from booking import desk
from booking.desk_documents import render_delivery_note, render_return_report, to_bytes
from booking.picklist import render_to_bytes
from tests import factories

IDENTITY = {
    settings.COOPERATIVE_NAME: "SCIC Le Plateau Commun",
    settings.LEGAL_FORM: "SCIC SAS à capital variable",
    settings.CAPITAL: "18500.00",
    settings.ADDRESS: "12 rue des Tanneurs\n34000 Montpellier",
    settings.SIREN: "932817455",
    settings.SIRET: "93281745500011",
    settings.RCS: "RCS Montpellier 932 817 455",
    settings.VAT: "FR49932817455",
    settings.EMAIL: "contact@plateau.example",
    settings.PHONE: "04 67 00 00 00",
}
EXPECTED = (
    "SCIC Le Plateau Commun",
    "SCIC SAS à capital variable au capital de 18 500,00 €",
    "12 rue des Tanneurs, 34000 Montpellier",
    "SIRET 932 817 455 00011",
    "SIREN 932 817 455",
    "RCS Montpellier 932 817 455",
    "N° TVA intracom. FR49932817455",
)


def pages(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    try:
        out = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            out.append(" ".join(textpage.get_text_bounded().split()))
            textpage.close()
            page.close()
        return out
    finally:
        document.close()


@pytest.fixture
def booked(db, clock):
    with db.write() as uow:
        for key, value in IDENTITY.items():
            settings.set_setting(uow, key, value)
    factories.item(db)
    units = [factories.unit(db, clock, serial=f"LW19-{1000 + n}") for n in range(40)]
    customer = factories.customer(db, name="Compagnie du Rocher")
    ref = factories.booking(
        db, clock, customer, "2026-11-26T09:00", "2026-11-28T18:00", {"LYRE-WASH": 40}
    )
    for code in units:
        with db.write() as uow:
            assert desk.check_out(uow, user="t", reference=ref, code=code, clock=clock).ok
    return ref


def _documents(db, clock, ref: str) -> dict[str, bytes]:
    with db.read() as uow:
        return {
            "delivery": to_bytes(render_delivery_note, uow, ref, clock=clock),
            "return": to_bytes(render_return_report, uow, ref, clock=clock),
            "picklist": render_to_bytes(uow, ref),
        }


def test_every_page_of_every_desk_document_carries_the_identity(db, clock, booked):
    for name, pdf in _documents(db, clock, booked).items():
        texts = pages(pdf)
        for number, text in enumerate(texts, start=1):
            for phrase in EXPECTED:
                assert phrase in text, (name, number, phrase)


def test_identity_lines_and_capital() -> None:
    assert capital_words("18500.00") == "au capital de 18 500,00 €"
    assert capital_words("variable") == "capital variable"
    assert capital_words("au capital de 10 000 €") == "au capital de 10 000 €"
    who, ids = Identity("Coop", siret="93281745500011").lines()
    assert who == "Coop" and ids == "SIRET 932 817 455 00011 · SIREN 932 817 455"
    assert Identity("Coop").lines() == ("Coop", "")
