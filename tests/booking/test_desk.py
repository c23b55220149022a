"""The desk service: every scan outcome, cases, bulk, partial and late returns, damaged and
missing, undo — and a refused scan never writes anything."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import func, select

from booking import desk
from booking.bookings import booking_by_ref, change_status
from booking.desk import Outcome
from booking.models import BookingStatus, Condition, Movement
from inventory import containers, maintenance
from inventory.catalogue import set_status, unit_by_barcode
from inventory.models import UnitStatus
from tests import factories


@pytest.fixture
def kit(db, clock):
    factories.item(db)
    lyres = [factories.unit(db, clock) for _ in range(4)]
    factories.item(db, code="SM58", name="Micro Shure SM58")
    mics = [factories.unit(db, clock, item_code="SM58") for _ in range(2)]
    factories.bulk(db, barcode="DMX10")
    customer = factories.customer(db)
    ref = factories.booking(
        db, clock, customer, "2026-11-27T09:00", "2026-11-30T09:00", {"LYRE-WASH": 2, "DMX-10": 5}
    )
    return ref, lyres, mics, customer


def _moves(db):
    with db.read() as uow:
        return uow.session.exec(select(func.count()).select_from(Movement)).one()


def _out(db, clock, ref, code, qty=None):
    with db.write() as uow:
        return desk.check_out(
            uow, user="t", station="desk1", reference=ref, code=code, quantity=qty, clock=clock
        )


def _in(db, clock, code, **kw):
    with db.write() as uow:
        return desk.check_in(uow, user="t", station="desk1", code=code, clock=clock, **kw)


def _status(db, ref):
    with db.read() as uow:
        return booking_by_ref(uow, ref).status


def test_accepted_scan_counts_and_booking_goes_out(db, clock, kit):
    ref, lyres, _, _ = kit
    result = _out(db, clock, ref, "  " + lyres[0] + "\r\n")
    assert (result.ok, result.outcome, result.line.left, result.line.wanted) == (
        True,
        Outcome.ACCEPTED,
        1,
        2,
    )
    assert str(result.message) == "Lyre wash LED 19x15 W 1 / 2"
    assert result.line.state == "partial"
    assert _status(db, ref) == "out"


@pytest.mark.parametrize(
    ("scan", "outcome", "message"),
    [
        ("NOPE-1", Outcome.UNKNOWN, "Unknown code NOPE-1"),
        ("mic", Outcome.NOT_ON_BOOKING, "Micro Shure SM58 is not on R-2026-0001"),
        ("twice", Outcome.TWICE, "already scanned out for R-2026-0001"),
        ("complete", Outcome.COMPLETE, "nothing is left to go out (2 booked piece(s), all out)"),
        ("repair", Outcome.IN_REPAIR, "is in repair"),
        ("lost", Outcome.LOST_RETIRED, "is declared lost"),
        ("", Outcome.INVALID, "empty"),
    ],
)
def test_refused_scans_change_nothing(db, clock, kit, scan, outcome, message):
    ref, lyres, mics, _ = kit
    if scan in ("twice", "complete"):
        _out(db, clock, ref, lyres[0])
        if scan == "complete":
            _out(db, clock, ref, lyres[1])
    with db.write() as uow:
        set_status(
            uow, user="t", barcode=lyres[2], status=UnitStatus.IN_REPAIR, note="", clock=clock
        )
        set_status(uow, user="t", barcode=lyres[3], status=UnitStatus.LOST, note="", clock=clock)
    code = {
        "mic": mics[0],
        "twice": lyres[0],
        "complete": lyres[3] if False else None,
        "repair": lyres[2],
        "lost": lyres[3],
    }.get(scan, scan)
    if scan == "complete":
        with db.write() as uow:  # a third serviceable lyre to try
            set_status(
                uow, user="t", barcode=lyres[2], status=UnitStatus.IN_SERVICE, note="", clock=clock
            )
        code = lyres[2]
    before = _moves(db)
    result = _out(db, clock, ref, code)
    assert (result.ok, result.outcome) == (False, outcome)
    assert message in str(result.message)
    assert _moves(db) == before


def test_already_out_on_another_booking(db, clock, kit):
    ref, lyres, _, customer = kit
    other = factories.booking(
        db, clock, customer, "2026-11-26T09:00", "2026-11-27T08:00", {"LYRE-WASH": 1}
    )
    _out(db, clock, other, lyres[0])
    result = _out(db, clock, ref, lyres[0])
    assert (result.outcome, str(result.message)) == (
        Outcome.ALREADY_OUT,
        f"{lyres[0]} is already out on {other}.",
    )
    with db.read() as uow:
        assert desk.booking_of_unit(uow, lyres[0]).reference == other


def test_overdue_inspection_blocks_check_out(db, clock, kit):
    ref, lyres, _, _ = kit
    with db.write() as uow:
        item_id = unit_by_barcode(uow, lyres[0]).item_type_id
        maintenance.add_schedule(
            uow, user="t", item_type_id=item_id, name="VGP", interval_months=12, clock=clock
        )
        unit_by_barcode(uow, lyres[0])  # due today for units of unknown age
        from inventory.models import InspectionDue

        for due in uow.session.exec(select(InspectionDue)):
            due.due_on = dt.date(2026, 11, 1)
    result = _out(db, clock, ref, lyres[0])
    assert result.outcome is Outcome.INSPECTION
    assert "was due on 01/11/2026" in str(result.message)


def test_case_counts_every_unit_inside(db, clock, kit):
    ref, lyres, _, _ = kit
    with db.write() as uow:
        case = containers.create_case(uow, user="t", name="Flight 2 lyres", permanent=False)
        code = case.barcode
        for lyre in lyres[:2]:
            containers.put_in_case(uow, user="t", case_code=code, unit_code=lyre)
    result = _out(db, clock, ref, code)
    assert result.ok and result.line.left == 2 and len(result.movement_ids) == 2
    back = _in(db, clock, code)
    assert back.ok and back.line.back == 2
    with db.read() as uow:  # a temporary case is emptied at check-in
        assert containers.case_contents(uow, case.id) == []


def test_bulk_quantities_out_and_back_partially(db, clock, kit):
    ref, _, _, _ = kit
    assert _out(db, clock, ref, "DMX10", qty=3).line.left == 3
    assert _out(db, clock, ref, "DMX10").line.left == 4
    refused = _out(db, clock, ref, "DMX10", qty=2)
    assert refused.outcome is Outcome.COMPLETE
    assert _in(db, clock, "DMX10", quantity=3).line.back == 3
    assert _in(db, clock, "DMX10", quantity=2).outcome is Outcome.COMPLETE  # only 1 out
    assert _status(db, ref) == "out"
    assert _in(db, clock, "DMX10").ok
    assert _status(db, ref) == "returned"  # everything that left is back


def test_damaged_and_missing_on_return(db, clock, kit):
    ref, lyres, _, _ = kit
    _out(db, clock, ref, lyres[0])
    _out(db, clock, ref, lyres[1])
    damaged = _in(db, clock, lyres[0], condition=Condition.DAMAGED, note="Lentille fêlée")
    assert damaged.ok and damaged.line.damaged == 1
    missing = _in(db, clock, lyres[1], condition=Condition.MISSING)
    assert missing.line.missing == 1
    with db.read() as uow:
        assert unit_by_barcode(uow, lyres[0]).status == "in_repair"
        assert unit_by_barcode(uow, lyres[1]).status == "lost"
    assert _status(db, ref) == "returned"


def test_late_return_is_flagged(db, clock, kit):
    _, lyres, _, customer = kit
    late = factories.booking(
        db, clock, customer, "2026-11-20T09:00", "2026-11-24T09:00", {"LYRE-WASH": 1}
    )
    _out(db, clock, late, lyres[3])
    result = _in(db, clock, lyres[3])
    assert result.late and "late: due 24/11/2026 09:00" in str(result.message)


def test_check_in_of_a_unit_not_out_is_refused(db, clock, kit):
    _, lyres, _, _ = kit
    before = _moves(db)
    assert _in(db, clock, lyres[0]).outcome is Outcome.NOT_OUT
    assert _moves(db) == before


def test_undo_last_scan(db, clock, kit):
    ref, lyres, _, _ = kit
    _out(db, clock, ref, lyres[0])
    with db.write() as uow:
        undone = desk.undo_last(uow, user="t", station="desk1", clock=clock)
    assert undone.ok and undone.line.left == 0
    assert _status(db, ref) == "confirmed"
    assert _out(db, clock, ref, lyres[0]).ok  # can be scanned again
    _in(db, clock, lyres[0], condition=Condition.DAMAGED)
    with db.write() as uow:
        desk.undo_last(uow, user="t", station="desk1", clock=clock)
        assert unit_by_barcode(uow, lyres[0]).status == "in_service"
        assert desk.where_is(uow, unit_by_barcode(uow, lyres[0]).id).reference == ref


def test_unplanned_item_and_substitution(db, clock, kit):
    ref, lyres, mics, _ = kit
    with db.write() as uow:
        added = desk.add_unplanned(uow, user="t", reference=ref, code=mics[0], clock=clock)
    assert added.ok and (added.line.code, added.line.wanted) == ("SM58", 1)
    with db.write() as uow:
        swapped = desk.substitute(
            uow, user="t", reference=ref, code=mics[1], for_type="LYRE-WASH", clock=clock
        )
    assert swapped.ok and swapped.line.wanted == 2
    with db.read() as uow:
        rows = {p.code: p.wanted for p in desk.progress(uow, booking_by_ref(uow, ref).id)}
    assert rows == {"LYRE-WASH": 1, "SM58": 2, "DMX-10": 5}


def test_quote_cannot_be_picked(db, clock, kit):
    ref, lyres, _, _ = kit
    with db.write() as uow:
        change_status(uow, user="t", reference=ref, status=BookingStatus.QUOTE, clock=clock)
    assert _out(db, clock, ref, lyres[0]).outcome is Outcome.WRONG_STATUS


def test_departures_lists_today_and_tomorrow(db, clock, kit):
    ref, _, _, customer = kit
    factories.booking(db, clock, customer, "2026-12-05T09:00", "2026-12-06T09:00", {"SM58": 1})
    with db.read() as uow:
        assert [b.reference for b in desk.departures(uow, clock=clock)] == [ref]


def test_returned_units_still_count_against_the_booked_quantity(db, clock, kit):
    ref, lyres, _, _ = kit
    _out(db, clock, ref, lyres[0])
    _out(db, clock, ref, lyres[1])
    _in(db, clock, lyres[0])  # back early, the other one still out
    third = _out(db, clock, ref, lyres[2])
    assert third.outcome is Outcome.COMPLETE


def test_which_booking_has_this_unit_by_searching_its_barcode(db, clock, kit):
    from booking.queries import search_bookings

    ref, lyres, _, _ = kit
    _out(db, clock, ref, lyres[0])
    with db.read() as uow:
        found = search_bookings(uow, lyres[0])
        assert [booking_by_ref(uow, ref).id] == found
        assert search_bookings(uow, lyres[1]) == []


# --- scans as scanners really type them -----------------------------------------------------


def test_codes_and_references_are_scanned_without_case(db, clock, kit):
    ref, lyres, _, _ = kit
    result = _out(db, clock, ref.lower(), lyres[0].lower())
    assert (result.ok, result.code, result.scanned) == (True, lyres[0], "")
    bulk = _out(db, clock, ref, "dmx10", qty=2)
    assert (bulk.ok, bulk.line.left) == (True, 2)
    back = _in(db, clock, lyres[0].lower())
    assert (back.ok, back.code) == (True, lyres[0])
    with db.read() as uow:
        assert desk.find_booking(uow, ref.lower()).reference == ref


def test_a_scanner_set_up_for_the_other_layout_is_read_back(db, clock, kit):
    from inventory.barcodes import typed_on

    ref, lyres, _, _ = kit
    wrong_ref = typed_on(ref, "us", "fr")  # R-2026-0001 arrives as R)éàé-)àààà&
    with db.read() as uow:
        assert desk.find_booking(uow, wrong_ref).reference == ref
    received = typed_on(lyres[0], "us", "fr")
    result = _out(db, clock, wrong_ref, received)
    assert (result.ok, result.code, result.scanned) == (True, lyres[0], received)
    bulk = _out(db, clock, ref, typed_on("DMX10", "fr", "us"), qty=3)
    assert (bulk.ok, bulk.line.left) == (True, 3)
    back = _in(db, clock, typed_on(lyres[0], "fr", "us"))
    assert (back.ok, back.code) == (True, lyres[0])


def test_an_unknown_code_is_refused_after_trying_the_swapped_readings(db, clock, kit):
    ref, _, _, _ = kit
    before = _moves(db)
    result = _out(db, clock, ref, "LU?)àààà9")
    assert (result.ok, result.outcome) == (False, Outcome.UNKNOWN)
    assert "LU?)àààà9" in result.message.template.format(**result.message.params)
    assert _moves(db) == before


def test_departures_list_only_what_still_has_to_leave(db, clock, kit):
    from app.core.clock import FixedClock

    ref, lyres, mics, customer = kit  # pick-up tomorrow, nothing gone
    earlier = FixedClock(clock.at - dt.timedelta(days=3))
    gone = factories.booking(
        db, earlier, customer, "2026-11-23T09:00", "2026-12-02T09:00", {"SM58": 1}
    )
    with db.write() as uow:
        assert desk.check_out(
            uow, user="t", station="d", reference=gone, code=mics[0], clock=earlier
        ).ok
    late = factories.booking(
        db, earlier, customer, "2026-11-24T09:00", "2026-12-03T09:00", {"LYRE-WASH": 1}
    )
    today = factories.booking(
        db, clock, customer, "2026-11-26T14:00", "2026-11-27T09:00", {"LYRE-WASH": 1, "SM58": 1}
    )
    done = factories.booking(
        db, clock, customer, "2026-11-26T15:00", "2026-11-27T09:00", {"LYRE-WASH": 1}
    )
    _out(db, clock, today, lyres[0])  # partly picked: the mic is still to go
    _out(db, clock, done, lyres[1])  # complete: gone
    with db.read() as uow:
        rows = desk.departures(uow, clock=clock)
        assert [b.reference for b in rows] == [late, today, ref]
        assert [desk.is_late(b, clock=clock) for b in rows] == [True, False, False]


def test_a_bulk_quantity_above_what_remains_is_refused_with_the_true_remaining_count(
    db, clock, kit
):
    ref, _, _, _ = kit
    assert _out(db, clock, ref, "DMX10", qty=2).ok
    before = _moves(db)
    refused = _out(db, clock, ref, "DMX10", qty=9)
    assert (refused.ok, refused.outcome) == (False, Outcome.COMPLETE)
    assert refused.message.template.startswith("Only {count} piece(s) of {name} left to go out")
    assert refused.message.params["count"] == 3  # 5 booked, 2 out: not "the 5 are out"
    assert refused.line.left == 2
    assert _moves(db) == before
    assert _out(db, clock, ref, "DMX10", qty=3).ok
    full = _out(db, clock, ref, "DMX10", qty=1)
    assert full.message.template.startswith("{name}: nothing is left to go out")
    assert full.message.params["count"] == 5


def test_an_unplanned_bulk_quantity_is_added_and_checked_out(db, clock, kit):
    ref, _, _, _ = kit
    factories.bulk(db, code="XLR-10", name="Câble XLR 10 m", barcode="XLR10")
    refused = _out(db, clock, ref, "XLR10", qty=4)
    assert (refused.outcome, refused.offer["quantity"]) == (Outcome.NOT_ON_BOOKING, 4)
    with db.write() as uow:
        added = desk.add_unplanned(
            uow, user="t", station="desk1", reference=ref, code="xlr10", quantity=4, clock=clock
        )
    assert added.ok and (added.line.code, added.line.wanted, added.line.left) == ("XLR-10", 4, 4)
    with db.write() as uow:
        one = desk.add_unplanned(
            uow, user="t", station="desk1", reference=ref, code="XLR10", clock=clock
        )
    assert one.ok and (one.line.wanted, one.line.left) == (5, 5)


def _wanted_by_code(db, ref):
    with db.read() as uow:
        return {p.code: p.wanted for p in desk.progress(uow, booking_by_ref(uow, ref).id)}


def test_undoing_an_unplanned_add_takes_it_off_the_booking(db, clock, kit):
    ref, lyres, mics, _ = kit
    _out(db, clock, ref, lyres[0])
    with db.write() as uow:
        desk.add_unplanned(uow, user="t", station="desk1", reference=ref, code=mics[0], clock=clock)
    assert _wanted_by_code(db, ref)["SM58"] == 1
    with db.write() as uow:
        undone = desk.undo_last(uow, user="t", station="desk1", clock=clock)
    assert undone.ok
    assert _wanted_by_code(db, ref) == {"LYRE-WASH": 2, "DMX-10": 5}  # no SM58 line left
    # a bulk quantity added to a line already on the booking: the line goes back to 5
    with db.write() as uow:
        desk.add_unplanned(
            uow, user="t", station="desk1", reference=ref, code="DMX10", quantity=3, clock=clock
        )
    assert _wanted_by_code(db, ref)["DMX-10"] == 8
    with db.write() as uow:
        desk.undo_last(uow, user="t", station="desk1", clock=clock)
    assert _wanted_by_code(db, ref) == {"LYRE-WASH": 2, "DMX-10": 5}
    # undoing a plain scan leaves the booked lines alone
    with db.write() as uow:
        desk.undo_last(uow, user="t", station="desk1", clock=clock)
    assert _wanted_by_code(db, ref) == {"LYRE-WASH": 2, "DMX-10": 5}
    assert _status(db, ref) == "confirmed"
