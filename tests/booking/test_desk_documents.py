"""The delivery note (bon de sortie) and the return report: rasterised, the booking's
Code 128 decoded as a scanner would, their text extracted."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from app.core.clock import PARIS, Clock, FixedClock
from app.core.errors import NotFound
from app.core.settings import COOPERATIVE_NAME, set_setting
from booking import desk
from booking.desk_documents import (
    COOPERATIVE_ADDRESS,
    Block,
    paginate,
    render_delivery_note,
    render_return_report,
    to_bytes,
)
from booking.models import Condition
from inventory.models import Category
from tests import factories
from tests.booking.test_picklist import read_pdf


@pytest.fixture
def moved(db, clock):
    with db.write() as uow:
        set_setting(uow, COOPERATIVE_NAME, "SCIC Le Plateau Commun")
        set_setting(uow, COOPERATIVE_ADDRESS, "12 rue des Tanneurs\n34000 Montpellier")
    factories.item(db)
    lyres = [factories.unit(db, clock, serial=f"LW19-{1000 + n}") for n in range(4)]
    factories.item(db, code="SM58", name="Micro Shure SM58", category=Category.SOUND)
    mics = [factories.unit(db, clock, item_code="SM58", serial=f"SM-{n}") for n in range(2)]
    factories.bulk(db, barcode="DMX10")
    customer = factories.customer(db, name="Compagnie du Rocher")
    ref = factories.booking(
        db,
        clock,
        customer,
        "2026-11-26T09:00",
        "2026-11-28T18:00",
        {"LYRE-WASH": 4, "SM58": 2, "DMX-10": 12},
    )
    for code in lyres[:3] + mics[:1]:
        with db.write() as uow:
            assert desk.check_out(uow, user="t", reference=ref, code=code, clock=clock).ok
    with db.write() as uow:
        assert desk.check_out(
            uow, user="t", reference=ref, code="DMX10", quantity=10, clock=clock
        ).ok
    return ref, lyres, mics


def test_delivery_note_lists_serials_and_what_did_not_go(db, clock, moved):
    ref, lyres, mics = moved
    with db.read() as uow:
        pdf = to_bytes(render_delivery_note, uow, ref, clock=clock)
        rendered = render_delivery_note(uow, ref, io.BytesIO(), clock=clock)
    codes, texts = read_pdf(pdf)
    assert codes == [ref]
    page = texts[0]
    for expected in (
        "Bon de sortie",
        "SCIC Le Plateau Commun",
        "34000 Montpellier",
        "Compagnie du Rocher",
        "Remis par",
        "Reçu par",
        "Non sorti",
        "réservé 4, sorti 3",
        "réservé 12, sorti 10",
        "26/11/2026 09:00",
    ):
        assert expected in page, expected
    for lyre, serial in zip(lyres[:3], ("LW19-1000", "LW19-1001", "LW19-1002"), strict=True):
        assert lyre in page and serial in page
    assert lyres[3] not in page and "LW19-1003" not in page
    assert mics[0] in page and "SM-0" in page
    assert [(p.code, p.wanted, p.left) for p in rendered.not_gone] == [
        ("LYRE-WASH", 4, 3),
        ("SM58", 2, 1),
        ("DMX-10", 12, 10),
    ]


def test_return_report_missing_damaged_late(db, moved):
    ref, lyres, mics = moved
    later = FixedClock(dt.datetime(2026, 11, 29, 11, 30, tzinfo=PARIS))  # after the end
    with db.write() as uow:
        desk.check_in(uow, user="t", code=lyres[0], clock=later)
        desk.check_in(
            uow,
            user="t",
            code=lyres[1],
            condition=Condition.DAMAGED,
            note="Lentille fêlée",
            clock=later,
        )
        desk.check_in(uow, user="t", code=mics[0], condition=Condition.MISSING, clock=later)
        desk.check_in(uow, user="t", code="DMX10", quantity=10, clock=later)
    with db.read() as uow:
        pdf = to_bytes(render_return_report, uow, ref, clock=later)
        rendered = render_return_report(uow, ref, io.BytesIO(), clock=later)
    codes, texts = read_pdf(pdf)
    assert codes == [ref]
    text = "\n".join(texts)
    for expected in (
        "Rapport de retour",
        "RETOUR EN RETARD",
        "29/11/2026 11:30",  # the last return, local time
        "ENDOMMAGÉ",
        "Lentille fêlée",
        "MANQUANT",
        "ENCORE DEHORS",
        "Revenu en bon état",
        "LW19-1000",
    ):
        assert expected in text, expected
    assert (rendered.late, rendered.missing, rendered.damaged, rendered.still_out) == (
        True,
        1,
        1,
        1,
    )


def test_return_report_on_time_and_complete(db, clock, moved):
    ref, lyres, mics = moved
    with db.write() as uow:
        for code in lyres[:3] + mics[:1]:
            desk.check_in(uow, user="t", code=code, clock=clock)
        desk.check_in(uow, user="t", code="DMX10", quantity=10, clock=clock)
    with db.read() as uow:
        rendered = render_return_report(uow, ref, io.BytesIO(), clock=clock)
        text = "\n".join(read_pdf(to_bytes(render_return_report, uow, ref, clock=clock))[1])
    assert not rendered.late and rendered.still_out == 0
    assert "Retour complet, dans les délais" in text
    assert "Aucun : tout est revenu en bon état." in text


def test_many_units_flow_onto_further_pages(db, clock):
    factories.item(db)
    lyres = [factories.unit(db, clock, serial=f"S{n:04d}") for n in range(150)]
    customer = factories.customer(db)
    ref = factories.booking(
        db, clock, customer, "2026-11-26T09:00", "2026-11-28T18:00", {"LYRE-WASH": 150}
    )
    for code in lyres:
        with db.write() as uow:
            desk.check_out(uow, user="t", reference=ref, code=code, clock=clock)
    with db.read() as uow:
        codes, texts = read_pdf(to_bytes(render_delivery_note, uow, ref, clock=clock))
    assert len(texts) >= 2 and codes == [ref]  # the barcode is on the first page only
    assert "(suite)" in texts[1] and f"Page 2 / {len(texts)}" in texts[1]
    joined = "\n".join(texts)
    assert all(f"S{n:04d}" in joined for n in range(150))
    assert "Reçu par" in texts[-1]


def test_a_heading_never_ends_a_page():
    blocks = [
        Block(100.0, lambda c, t: None),
        Block(10.0, lambda c, t: None, True),
        Block(100.0, lambda c, t: None),
    ]
    pages = paginate(blocks)
    assert [len(p) for p in pages] == [1, 2]


def test_local_time_converts_stored_utc():
    assert Clock(PARIS).to_local(dt.datetime(2026, 7, 1, 8, 0)) == dt.datetime(2026, 7, 1, 10, 0)


def test_unknown_booking(db, clock):
    with db.read() as uow, pytest.raises(NotFound):
        to_bytes(render_delivery_note, uow, "R-2099-0001", clock=clock)
