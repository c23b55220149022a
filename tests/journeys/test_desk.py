"""A technician at the warehouse desk, with a USB scanner (a keyboard that types fast, with
Shift for capitals), on a US and on a French AZERTY X keyboard layout.

`regie desk` opens full screen; the booking's barcode (from its pick list) is scanned, then
its units, a bulk item with the quantity prefix (`*`, the quantity, then the scan; once
without Enter after the quantity, once with), one unknown code; then everything comes back,
one unit damaged (F7, scan, a note, Enter). The result is read with
`regie bookings show REF --json`.
"""

from __future__ import annotations

import pytest

from tests.journeys.conftest import Demo
from tests.journeys.driver import Regie

pytestmark = pytest.mark.journey


def _scan(regie: Regie, code: str, what: str) -> None:
    """Scan, then wait until the desk has shown its answer (the screen changed and settled)."""
    before = regie.display.picture()
    regie.scan(code)
    regie.display.wait_settled(before, f"the desk's answer to {what} ({code})")


def desk_journey(regie: Regie, demo: Demo) -> None:
    booking = demo.booking
    ref, unit_a, unit_b = booking.reference, *booking.units
    kind, bulk, quantity = booking.serialized, booking.bulk, booking.bulk_quantity

    regie.start("desk")
    window = regie.wait_window("Régie")
    regie.focus(window)
    regie.screenshot("desk-open", window)

    # check-out: the pick list's barcode opens the booking
    _scan(regie, ref, "the booking's barcode")
    regie.screenshot("booking-open", window)

    # an unknown code is refused, and leaves nothing behind in the field
    _scan(regie, "ZZQ-99999", "an unknown code")
    regie.screenshot("unknown-code", window)
    assert regie.progress(ref)[kind]["left"] == 0

    regie.scan(unit_a)
    regie.wait_progress(ref, {kind: {"left": 1}}, f"{unit_a} to leave")
    regie.scan(unit_b)
    regie.wait_progress(ref, {kind: {"left": 2}}, f"{unit_b} to leave")

    # bulk: `*`, the quantity typed by hand, then the scanner's burst (no Enter between)
    regie.type(f"*{quantity}")
    regie.scan(booking.bulk_barcode)
    progress = regie.wait_progress(
        ref, {bulk: {"left": quantity}}, f"{quantity} × {bulk} to leave with the `*` prefix"
    )
    regie.screenshot("everything-out", window)
    assert progress[kind] == {
        "code": kind,
        "wanted": 2,
        "left": 2,
        "back": 0,
        "damaged": 0,
        "missing": 0,
    }
    assert regie.booking(ref)["status"] == "out"

    # check-in (F6): one unit as it is, one damaged (F7, scan, the note, Enter), the bulk
    # with the quantity prefix and Enter after the quantity this time
    regie.key("F6")
    regie.scan(unit_a)
    regie.wait_progress(ref, {kind: {"back": 1}}, f"{unit_a} to come back")
    regie.key("F7")
    before = regie.display.picture()
    regie.scan(unit_b)
    regie.display.wait_settled(before, "the desk to ask what is damaged")
    regie.screenshot("damaged-note", window)
    regie.type("lentille fendue")
    regie.key("Return")
    regie.wait_progress(ref, {kind: {"back": 2, "damaged": 1}}, f"{unit_b} to come back damaged")
    regie.type(f"*{quantity}")
    regie.key("Return")
    regie.scan(booking.bulk_barcode)
    progress = regie.wait_progress(
        ref, {bulk: {"back": quantity}}, f"{quantity} × {bulk} to come back"
    )
    regie.screenshot("everything-back", window)

    shown = regie.booking(ref)
    assert shown["status"] == "returned"
    assert progress[kind] == {
        "code": kind,
        "wanted": 2,
        "left": 2,
        "back": 2,
        "damaged": 1,
        "missing": 0,
    }
    assert progress[bulk]["wanted"] == progress[bulk]["left"] == quantity
    assert progress[bulk]["damaged"] == progress[bulk]["missing"] == 0
    units = {u["barcode"]: u for u in shown["units"]}
    assert units[unit_b]["condition"] == "damaged"
    assert units[unit_a]["back"] and units[unit_b]["back"]
    # the damaged unit went to repair
    items = {t["code"]: t for t in regie.json("items", "list", "--search", kind)}
    statuses = {u["barcode"]: u["status"] for u in items[kind]["units"]}
    assert statuses[unit_b] == "in_repair" and statuses[unit_a] == "in_service"


def test_desk_with_a_scanner_on_a_us_keyboard(regie: Regie, demo: Demo) -> None:
    assert regie.display.layout() == "us"
    desk_journey(regie, demo)


def test_desk_with_a_scanner_on_a_french_keyboard(
    regie: Regie, demo: Demo, french_keyboard: str
) -> None:
    desk_journey(regie, demo)
