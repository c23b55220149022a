"""The warehouse pick list: rasterised and its barcode decoded as a scanner would, its text
extracted, its lines grouped by category and ordered by shelf location."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
import zxingcpp

from app.core.errors import NotFound
from app.core.settings import COOPERATIVE_NAME, set_setting
from booking.picklist import PickLine, paginate, picklist_data, render_to_bytes
from inventory.models import Category
from tests import factories

DPI = 300


def read_pdf(pdf: bytes) -> tuple[list[str], list[str]]:
    """(Code 128 texts found on every page, the text of each page)."""
    doc = pdfium.PdfDocument(pdf)
    codes: list[str] = []
    texts: list[str] = []
    try:
        for page in doc:
            image = page.render(scale=DPI / 72, grayscale=True).to_pil()
            codes += [
                found.text
                for found in zxingcpp.read_barcodes(image)
                if found.format == zxingcpp.BarcodeFormat.Code128
            ]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return codes, texts
    finally:
        doc.close()


@pytest.fixture
def booked(db, clock):
    """A booking of lyres (shelf A-01 mostly), microphones (B-02), a spot without location
    and DMX cables (bulk, location in the notes)."""
    factories.item(db, weight_grams=7300)
    for location in ("A-01", "A-01", "C-09", ""):
        factories.unit(db, clock, location=location)
    factories.item(db, "SM58", "Micro Shure SM58", Category.SOUND, weight_grams=300)
    for _ in range(4):
        factories.unit(db, clock, "SM58", location="B-02")
    factories.item(db, "PAR-64", "Projecteur PAR 64", weight_grams=2000)
    factories.unit(db, clock, "PAR-64")
    factories.item(db, "FRESNEL", "Fresnel 1 kW", weight_grams=6000)
    factories.unit(db, clock, "FRESNEL", location="A-00")
    factories.bulk(db)
    with db.write() as uow:
        set_setting(uow, COOPERATIVE_NAME, "Coopérative Scènes d’Oc")
        from inventory.catalogue import item_by_code

        item_by_code(uow, "DMX-10").notes = "Étagère C-3\nbac bleu"
    customer = factories.customer(db, "Compagnie du Rocher")
    from booking import bookings

    ref = factories.booking(
        db,
        clock,
        customer,
        "2027-03-05T09:00",
        "2027-03-08T18:30",
        {"SM58": 3, "LYRE-WASH": 2, "DMX-10": 12, "PAR-64": 1, "FRESNEL": 1},
    )
    with db.write() as uow:
        booking = bookings.booking_by_ref(uow, ref)
        booking.event, booking.venue = "Festival de Thau", "Parc Simone Veil"
    return ref


def test_data_grouped_by_category_then_location(db, booked):
    with db.read() as uow:
        data = picklist_data(uow, booked)
    assert [(ln.code, ln.location, ln.quantity) for ln in data.lines] == [
        ("FRESNEL", "A-00", 1),
        ("LYRE-WASH", "A-01", 2),  # the most common location of its units in service
        ("PAR-64", "", 1),  # no location: last of its category
        ("SM58", "B-02", 3),
        ("DMX-10", "Étagère C-3", 12),  # bulk: the first line of its notes
    ]
    assert data.weight_grams == 2 * 7300 + 3 * 300 + 2000 + 6000
    assert data.unweighed == 1  # the cables have no weight


def test_pdf_barcode_and_texts(db, booked):
    with db.read() as uow:
        pdf = render_to_bytes(uow, booked)
    codes, texts = read_pdf(pdf)
    assert codes == [booked]
    page = texts[0]
    for expected in (
        "COOPÉRATIVE SCÈNES D’OC",
        "Liste de préparation",
        booked,
        "Compagnie du Rocher",
        "Festival de Thau",
        "Parc Simone Veil",
        "vendredi 05/03/2027 09:00",
        "lundi 08/03/2027 18:30",
        "Lumière",
        "Son",
        "Câbles et adaptateurs",
        "Micro Shure SM58",
        "Étagère C-3",
        "Sorti",
        "Retour",
        "Poids total : 23,5 kg",
        "hors 1 ligne sans poids connu",
        "Page 1 / 1",
    ):
        assert expected in page, expected
    assert page.index("Lumière") < page.index("FRESNEL") < page.index("LYRE-WASH")
    assert page.index("LYRE-WASH") < page.index("PAR-64") < page.index("Son")
    assert page.index("Son") < page.index("SM58") < page.index("Câbles et adaptateurs")


def test_long_pick_list_numbers_its_pages(db, clock):
    for n in range(70):
        factories.item(db, f"T{n:03d}", f"Type {n}", Category.LIGHTING)
        factories.unit(db, clock, f"T{n:03d}", location=f"R-{n:03d}")
    customer = factories.customer(db)
    ref = factories.booking(
        db,
        clock,
        customer,
        "2027-03-05T09:00",
        "2027-03-06T09:00",
        {f"T{n:03d}": 1 for n in range(70)},
    )
    with db.read() as uow:
        pdf = render_to_bytes(uow, ref)
    codes, texts = read_pdf(pdf)
    assert len(texts) >= 3 and codes == [ref]  # the barcode on the first page
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} / {len(texts)}" in text
    assert "Lumière (suite)" in texts[1]
    assert all(f"T{n:03d}" in "".join(texts) for n in range(70))
    assert "70 lignes, 70 pièces" in texts[-1]


def test_a_heading_never_ends_a_page():
    lines = [PickLine(1, f"C{n}", "x", list(Category)[n // 7].value, "", 0) for n in range(7 * 8)]
    pages = paginate(lines)
    for rows in pages[:-1]:
        assert rows[-1].line is not None
    assert [r.line for rows in pages for r in rows if r.line] == lines


def test_unknown_booking(db):
    with db.read() as uow, pytest.raises(NotFound, match="R-1999-0001"):
        render_to_bytes(uow, "R-1999-0001")
