"""The invoice PDF names every VAT category on one line (the lines table's TVA column and
the VAT breakdown), and says "Caution" once. The text is read back with pypdfium2 with
its line breaks kept: a word cut by a wrap reads "Autoli\\nq."."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pypdfium2 as pdfium

from invoicing.document import Line, VatCategory, VatTotal
from invoicing.pdf_layout import CATEGORY_LABEL, CATEGORY_SHORT, deposit_item, pdf_bytes
from tests.invoicing.test_render import make_document, make_line, quote, text_of

ZERO = Decimal("0.00")


def raw_lines(pdf: bytes) -> list[str]:
    """Every printed line of every page, no-break spaces read as spaces."""
    document = pdfium.PdfDocument(pdf)
    try:
        out: list[str] = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            raw = textpage.get_text_bounded()
            textpage.close()
            page.close()
            raw = raw.replace("\u202f", " ").replace("\xa0", " ")
            out += [" ".join(line.split()) for line in raw.splitlines()]
        return out
    finally:
        document.close()


def _exempt(category: VatCategory, description: str, price: str) -> Line:
    line = make_line(description, "2", "C62", price, "0")
    return dataclasses.replace(line, vat_category=category)


def every_category() -> bytes:
    lines = [
        make_line("Console son 32 voies", "1", "C62", "100.00"),
        _exempt(VatCategory.REVERSE_CHARGE, "Lyre wash LED", "90.00"),
        _exempt(VatCategory.INTRA_EU, "Gaffer noir 50 mm", "12.50"),
        _exempt(VatCategory.OUT_OF_SCOPE, "Casse : lentille", "40.00"),
        _exempt(VatCategory.EXEMPT, "Formation sécurité", "30.00"),
        _exempt(VatCategory.EXPORT, "Câbles vendus", "20.00"),
    ]
    vat = [VatTotal(Decimal(20), VatCategory.STANDARD, lines[0].net, Decimal("20.00"))]
    vat += [VatTotal(Decimal(0), ln.vat_category, ln.net, ZERO) for ln in lines[1:]]
    net = sum((ln.net for ln in lines), Decimal(0))
    return pdf_bytes(
        make_document(
            lines,
            vat=tuple(vat),
            vat_total=Decimal("20.00"),
            gross_total=net + Decimal("20.00"),
            deposit_note="Caution demandée : 4 160,00 € — non facturée",
        )
    )


def test_every_category_is_printed_on_one_line() -> None:
    printed = raw_lines(every_category())
    words = {w.replace("\xa0", " ") for w in (*CATEGORY_SHORT.values(), *CATEGORY_LABEL.values())}
    for word in sorted(words):
        assert any(word in line for line in printed), (word, printed)
    # The line table's words: one per line of the table, beside its amount.
    assert any("Autoliq." in ln and "180,00 €" in ln for ln in printed), printed
    assert any("Exo. UE" in ln and "25,00 €" in ln for ln in printed), printed
    assert any("Hors ch." in ln and "80,00 €" in ln for ln in printed), printed
    assert any(ln.startswith("Livraison intracom.") for ln in printed), printed
    # G: a service to a buyer outside the EU is no export; one neutral label
    assert any("Hors UE" in ln and "40,00 €" in ln for ln in printed), printed
    assert not any("Export" in ln for ln in printed), printed


def test_deposit_says_caution_once() -> None:
    text = text_of(every_category())
    assert "Caution demandée : 4 160,00 € — non facturée" in text
    assert text.count("Caution") == 1
    quoted = text_of(pdf_bytes(quote()))
    assert quoted.count("Caution") == 1
    assert "Caution demandée : 1 200,00 €" in quoted


def test_deposit_item_keeps_other_wordings() -> None:
    assert deposit_item("Caution demandée : 4 160,00 € — non facturée") == (
        "Caution demandée",
        "4 160,00 € — non facturée",
    )
    assert deposit_item("Chèque de 500 € à la remise") == ("Caution", "Chèque de 500 € à la remise")
