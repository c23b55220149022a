"""The invoicing period (BG-14) spans every line's own period (BG-26): late days after the
planned return are inside it (PEPPOL-EN16931-R110/R111), while the rental line keeps the
days of use as its period (none of its own)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from app.core.clock import PARIS, FixedClock
from booking import desk
from inventory.models import Unit
from invoicing import invoices, render, validation
from tests.invoicing.cli_helpers import OUT_CLOCK, read_back, xpath
from tests.invoicing.conftest import USER, book

BACK_LATE = FixedClock(dt.datetime(2026, 12, 8, 10, 0, tzinfo=PARIS))


def test_the_header_period_holds_the_late_days(coop, clock):
    ref = book(coop, clock, "C-PUB", {"LYRE": 2})  # used 02/12–04/12, planned back 05/12
    with coop.read() as uow:
        codes = [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))][:2]
    with coop.write() as uow:
        for code in codes:
            assert desk.check_out(uow, user=USER, reference=ref, code=code, clock=OUT_CLOCK).ok
    with coop.write() as uow:
        for code in codes:
            desk.check_in(uow, user=USER, code=code, clock=BACK_LATE)
    with coop.write() as uow:
        number = invoices.issue_invoice(
            uow,
            user=USER,
            reference=ref,
            clock=BACK_LATE,
            renderer=render.render,
            check=validation.check_xml,
        ).number
    doc, root, xml = read_back(coop, number)
    rental, late = doc.lines
    # lines differ: the rental says its days of use, the late line its late days
    assert (rental.period_start, rental.period_end) == (dt.date(2026, 12, 2), dt.date(2026, 12, 4))
    assert late.period_end is not None
    assert doc.period_start == dt.date(2026, 12, 2)
    assert doc.period_end == late.period_end == dt.date(2026, 12, 8)
    assert validation.check_xml(xml) == []
    header = "//ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod"
    assert xpath(root, f"{header}/ram:StartDateTime/udt:DateTimeString/text()") == ["20261202"]
    assert xpath(root, f"{header}/ram:EndDateTime/udt:DateTimeString/text()") == ["20261208"]
