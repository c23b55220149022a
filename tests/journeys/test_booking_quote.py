"""A staff member books kit for a member in the booking editor (French interface, keyboard
only), sees the member price and the totals, confirms, opens the quote and prints it on the
default printer; the printer's PDF is read back.

Keys: the Bookings area's shortcut, Ctrl+N (new booking), the customer's number then Down
and Enter (pick the suggestion), Alt+A (« &Ajouter un type de matériel… »), codes typed or
scanned then Enter, Alt+C (« Enregistrer et &confirmer »), Alt+D (« &Devis (PDF)… »), Ctrl+P
in the preview, Enter in the system print dialog. The Alt letters are read from the French
catalogue, so a changed mnemonic does not break the journey.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tests.journeys.conftest import Demo
from tests.journeys.driver import Regie, pdf_jobs, pdf_pages, render_pdf, wait_new_pdfs
from tests.journeys.test_screens import areas, xdotool_keys

pytestmark = pytest.mark.journey

REFERENCE = re.compile(r"R-\d{4}-\d{4,}")


def test_staff_books_kit_for_a_member_and_prints_the_quote(
    regie: Regie, demo: Demo, printer: str
) -> None:
    member = demo.member
    membership = regie.json("customers", "show", member)["memberships"][0]["member_number"]
    serialized, bulk_barcode = demo.booking.serialized, demo.booking.bulk_barcode
    before_refs = {b["ref"] for b in regie.json("bookings", "list")}

    regie.start()
    main = regie.wait_window("Régie")
    regie.focus(main)
    regie.key(xdotool_keys(dict(areas())["bookings"]))
    shown = set(regie.windows())
    regie.key("ctrl+n")
    editor = regie.wait_window_not_in(shown)
    regie.focus(editor)
    regie.display.wait_settled(b"", "the booking editor to draw")
    regie.screenshot("new-booking", editor)

    # the customer: part of the number, then the suggestion picked with Down and Enter
    before = regie.display.picture()
    regie.type(member)
    regie.display.wait_settled(before, "the customer suggestions")
    regie.key("Down", "Return")
    # the lines: a code typed with a quantity, then a scanned bulk barcode
    regie.key(regie.mnemonic("BookingEditor", "&Add item type or kit (search or scan):"))
    regie.scan(f"{serialized}=2")
    regie.scan(bulk_barcode)
    before = regie.display.picture()
    regie.display.wait_settled(before, "the price beside the lines", timeout=60)
    regie.screenshot("member-price-and-totals", editor)

    # confirm: the booking is saved and holds the stock
    regie.key(regie.mnemonic("BookingEditor", "Save and &confirm"))
    reference = REFERENCE.search(regie.title(regie.wait_window(r"R-[0-9]{4}-[0-9]+"))).group(0)  # type: ignore[union-attr]
    assert reference not in before_refs
    booking = regie.booking(reference)
    assert booking["status"] == "confirmed" and booking["customer"] == member
    assert {line["code"]: line["quantity"] for line in booking["lines"]} == {
        serialized: 2,
        demo.booking.bulk: 1,
    }
    regie.screenshot("confirmed", editor)

    # the quote: preview, then Ctrl+P and Enter in the system print dialog
    shown = set(regie.windows())
    regie.key(regie.mnemonic("BookingEditor", "Quote P&DF…"))
    preview = regie.wait_window_not_in(shown)
    regie.display.wait_settled(b"", "the quote preview to draw")
    regie.screenshot("quote-preview", preview)
    jobs = pdf_jobs()
    regie.focus(preview)
    shown = set(regie.windows())
    regie.key("ctrl+p")
    dialog = regie.wait_window_not_in(shown)
    regie.display.wait_settled(b"", "the print dialog to draw")
    regie.screenshot("print-dialog", dialog)
    regie.key("Return")
    quote = regie.json("quote", reference, "--out", str(regie.home / "quote.pdf"))
    # cups-pdf names the file after the job's title: the quote's number
    (printed,) = wait_new_pdfs(jobs, count=1, named=quote["number"])

    # what was printed is this booking's quote, priced at the member rate
    assert membership in quote["rate"]
    assert Decimal(quote["gross_total"]) > 0
    assert pdf_pages(printed) == pdf_pages(regie.home / "quote.pdf")
    pictures = render_pdf(printed, regie.shots, "printed-quote")
    assert pictures, "the printed quote could not be rendered"
