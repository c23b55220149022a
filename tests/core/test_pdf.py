"""The shared PDF page machinery (app.core.pdf)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph

from app.core import pdf


def test_fit_keeps_short_text_and_cuts_long_text_with_an_ellipsis() -> None:
    assert pdf.fit("Lyre", pdf.HELVETICA, 9, 50) == "Lyre"
    long = "Projecteur asservi à LED avec zoom motorisé " * 4
    cut = pdf.fit(long, pdf.HELVETICA, 9, 40)
    assert cut.endswith(pdf.ELLIPSIS) and long.startswith(cut[:-1])
    assert stringWidth(cut, pdf.HELVETICA, 9) <= 40 * mm
    longer = pdf.fit(long, pdf.HELVETICA, 9, 41)
    assert len(longer) >= len(cut)


def test_fit_never_ends_on_a_space_before_the_ellipsis() -> None:
    cut = pdf.fit("ab " + "x" * 200, pdf.HELVETICA, 9, 6)
    assert not cut[:-1].endswith(" ")


def test_fit_in_points_matches_fit_in_mm() -> None:
    text = "Câble DMX 5 broches 10 m " * 5
    assert pdf.fit_points(text, pdf.HELVETICA_BOLD, 8, 30 * mm) == pdf.fit(
        text, pdf.HELVETICA_BOLD, 8, 30
    )


def test_printable_keeps_french_and_replaces_the_rest() -> None:
    assert pdf.printable("Œuvre « été »\nligne 2") == "Œuvre « été » ligne 2"
    assert pdf.printable("Łódź ✓") == "?ódz ?"  # Ł has no accent to drop


def test_day_and_page_label() -> None:
    assert pdf.day(dt.date(2026, 1, 31)) == "31/01/2026"
    assert pdf.day(None) == ""
    assert pdf.day_time(dt.datetime(2026, 1, 31, 14, 5)) == "31/01/2026 14:05"
    assert pdf.page_label(2, 3) == "Page 2 / 3"


def test_new_canvas_writes_to_a_stream_with_its_metadata() -> None:
    def draw(out: object) -> None:
        canvas = pdf.new_canvas(out, author="Scène Commune", title="Liste R-1")  # type: ignore[arg-type]
        canvas.drawString(10, 10, "x")
        canvas.showPage()
        canvas.save()

    data = pdf.to_bytes(draw)
    info = PdfReader(io.BytesIO(data)).metadata
    assert info is not None
    assert info.title == "Liste R-1" and info.author == "Scène Commune"
    assert info.creator == "Régie"


def test_flowing_document_numbers_every_page_with_the_total() -> None:
    pdf.register_fonts()
    style = ParagraphStyle("body", fontName=pdf.DEJAVU, fontSize=9)
    flow = [Paragraph("Première page", style), PageBreak(), Paragraph("Suite", style)]
    footers: list[tuple[int, int]] = []
    headed: list[int] = []
    buffer = io.BytesIO()
    pages = pdf.build_flow(
        buffer,
        flow,
        title="Facture",
        author="Coop",
        later=lambda canvas: headed.append(canvas.getPageNumber()),
        footer=lambda _canvas, page, total: footers.append((page, total)),
    )
    assert pages == 2
    assert footers == [(1, 2), (2, 2)]
    assert headed == [2]
    reader = PdfReader(buffer)
    assert len(reader.pages) == 2
    assert reader.pdf_header == "%PDF-1.7"
