"""The booking editor and the bookings list: lines by typing and scanning, live
availability, the shortage explained before confirming, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import func, select

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.bookings.booking_editor import BookingEditor, to_qdatetime
from app.gui.bookings.booking_models import BookingTableModel, LinesModel
from app.gui.bookings.bookings_screen import BookingsScreen, DuplicateDialog
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate
from app.gui.shell.operations import Operations
from booking import queries
from booking.models import Booking, BookingLine
from inventory.models import ItemType
from tests import factories

# The offscreen platform cannot raise a completer's popup or grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)

START = dt.datetime(2026, 12, 4, 10, 0)
END = dt.datetime(2026, 12, 7, 10, 0)


@pytest.fixture
def member(db: Database, stock: dict[str, str]) -> str:
    return factories.customer(db, "Compagnie du Rocher", member_from="2026-01-01")


@pytest.fixture
def editor(qtbot, ops: Operations, member: str) -> BookingEditor:  # type: ignore[no-untyped-def]
    widget = BookingEditor(ops)
    qtbot.addWidget(widget)
    widget.show()
    widget.customer.setText(f"Compagnie du Rocher ({member})")
    set_period(widget, START, END)
    return widget


def set_period(editor: BookingEditor, start: dt.datetime, end: dt.datetime) -> None:
    editor.start.setDateTime(to_qdatetime(start))
    editor.end.setDateTime(to_qdatetime(end))


def add(qtbot, editor: BookingEditor, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.add_field, text)
    qtbot.keyClick(editor.add_field, Qt.Key.Key_Return)


def line_texts(editor: BookingEditor) -> list[tuple[str, int, str]]:
    model = editor.lines
    return [
        (model.index(r, 0).data(), model.index(r, 2).data(), model.index(r, 3).data())
        for r in range(model.rowCount())
    ]


def snapshot(db: Database) -> dict[str, object]:
    with db.read() as uow:
        s = uow.session
        return {
            "bookings": [b.model_dump() for b in s.exec(select(Booking).order_by(Booking.id))],
            "lines": [
                ln.model_dump() for ln in s.exec(select(BookingLine).order_by(BookingLine.id))
            ],
        }


def type_id(db: Database, code: str) -> int:
    with db.read() as uow:
        return uow.session.exec(select(ItemType.id).where(ItemType.code == code)).one() or 0


# --- the editor ------------------------------------------------------------------------------


def test_booking_created_with_lines_typed_and_scanned(
    qtbot,
    editor: BookingEditor,
    db: Database,  # type: ignore[no-untyped-def]
    stock: dict[str, str],
) -> None:
    editor.event_field.setText("Festival des Nuits d'été")
    add(qtbot, editor, "LYRE-WASH")
    assert editor.add_field.text() == ""  # ready for the next scan
    add(qtbot, editor, stock["wash2"])  # a unit's barcode: one more of its type
    add(qtbot, editor, "CAB-DMX10")  # a bulk type's barcode
    add(qtbot, editor, "DMX-10=3")
    add(qtbot, editor, "micro")  # a search matching one type
    assert line_texts(editor) == [
        ("LYRE-WASH", 2, "2"),
        ("DMX-10", 4, "40"),
        ("SM58", 1, "1"),
    ]
    assert "Added 1 × Micro dynamique SM58 (SM58)" in editor.add_feedback.text()
    assert "S1001" in editor.member_note.text()
    assert not editor.shortage_panel.isVisibleTo(editor)
    assert editor.confirm_button.isEnabled()
    editor.confirm_button.click()
    assert "R-2026-0001 saved (confirmed)" in editor.feedback.text()
    with db.read() as uow:
        booking = uow.session.exec(select(Booking)).one()
        lines = {r.code: r.quantity for r in queries.line_rows(uow, booking.id or 0)}
    assert (booking.status, booking.start, booking.end, booking.event) == (
        "confirmed",
        START,
        END,
        "Festival des Nuits d'été",
    )
    assert (booking.use_start, booking.use_end) == (START, END)
    assert lines == {"LYRE-WASH": 2, "DMX-10": 4, "SM58": 1}
    assert editor.header.text().startswith("R-2026-0001")
    assert not editor.confirm_button.isVisible()  # confirmed now


def test_save_as_quote_then_the_usage_period(
    qtbot,
    editor: BookingEditor,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    add(qtbot, editor, "SM58")
    editor.same_use.setChecked(False)
    editor.use_start.setDateTime(to_qdatetime(START + dt.timedelta(days=1)))
    editor.use_end.setDateTime(to_qdatetime(END - dt.timedelta(hours=12)))
    editor.save_button.click()
    with db.read() as uow:
        booking = uow.session.exec(select(Booking)).one()
    assert booking.status == "quote"
    assert (booking.use_start, booking.use_end) == (
        START + dt.timedelta(days=1),
        END - dt.timedelta(hours=12),
    )


def test_unknown_code_and_ambiguous_search_are_explained(
    qtbot,
    editor: BookingEditor,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    add(qtbot, editor, "NOPE-42")
    assert "Nothing in the catalogue matches NOPE-42" in editor.add_feedback.text()
    assert editor.add_field.text() == "NOPE-42"  # kept, selected: the next scan replaces it
    editor.add_field.clear()
    add(qtbot, editor, "DMX-10=0")
    assert editor.add_feedback.kind == "error"
    assert editor.lines.rowCount() == 0


def test_missing_customer_is_highlighted_and_nothing_written(
    qtbot,
    editor: BookingEditor,
    db: Database,  # type: ignore[no-untyped-def]
) -> None:
    add(qtbot, editor, "SM58")
    editor.customer.setText("Nobody at all")
    before = snapshot(db)
    assert editor.save() is False
    assert editor.customer.property("invalid") is True
    assert editor.fields.error_text("customer")
    assert snapshot(db) == before


def test_return_before_pick_up_is_refused(qtbot, editor: BookingEditor, db: Database) -> None:  # type: ignore[no-untyped-def]
    add(qtbot, editor, "SM58")
    set_period(editor, END, START)
    assert "return must come after the pick-up" in editor.shortage_panel.text()
    assert not editor.confirm_button.isEnabled()
    before = snapshot(db)
    assert editor.save() is False
    assert editor.end.property("invalid") is True
    assert snapshot(db) == before


def test_shortage_shown_before_confirming(
    qtbot,
    ops: Operations,
    db: Database,
    clock: FixedClock,
    member: str,  # type: ignore[no-untyped-def]
) -> None:
    other = factories.customer(db, "Mairie de Saint-Agrève")
    holder = factories.booking(
        db, clock, other, "2026-12-05T09:00", "2026-12-06T18:00", {"LYRE-WASH": 2}
    )
    before = snapshot(db)
    editor = BookingEditor(ops)
    qtbot.addWidget(editor)
    editor.show()
    editor.customer.setText(member)
    set_period(editor, START, END)
    add(qtbot, editor, "LYRE-WASH")
    add(qtbot, editor, "SM58")
    assert line_texts(editor) == [("LYRE-WASH", 1, "0 (1 missing)"), ("SM58", 1, "1")]
    short = editor.lines.index(0, 3)
    assert short.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b3261e"
    assert "2 held by confirmed bookings" in short.data(Qt.ItemDataRole.ToolTipRole)
    panel = editor.shortage_text()
    assert "Lyre wash LED 19x15 W (LYRE-WASH): <b>1</b> missing on 05/12/2026 09:00" in panel
    assert holder in panel
    assert not editor.confirm_button.isEnabled()
    assert "1 × LYRE-WASH missing" in editor.confirm_button.toolTip()
    assert snapshot(db) == before
    # confirming anyway (the button bypassed) is refused by the service: nothing written
    assert editor.save(confirm=True) is False
    assert "Not enough stock; nothing was changed" in editor.feedback.text()
    assert holder in editor.feedback.text()
    assert snapshot(db) == before
    # one day later the lyres are back: the shortage goes away as the dates change
    set_period(editor, dt.datetime(2026, 12, 7, 10, 0), dt.datetime(2026, 12, 9, 10, 0))
    assert line_texts(editor)[0] == ("LYRE-WASH", 1, "2")
    assert not editor.shortage_panel.isVisibleTo(editor)
    assert editor.confirm_button.isEnabled()


def test_live_availability_follows_the_quantity_spin_box(
    qtbot,
    editor: BookingEditor,  # type: ignore[no-untyped-def]
) -> None:
    add(qtbot, editor, "LYRE-WASH")
    spin = editor.quantity_editor(0)
    assert spin is not None and spin.value() == 1
    spin.setValue(3)
    assert line_texts(editor) == [("LYRE-WASH", 3, "2 (1 missing)")]
    assert not editor.confirm_button.isEnabled()
    editor.lines_view.selectRow(0)
    editor.step_quantity(-1)
    assert spin.value() == 2
    assert line_texts(editor) == [("LYRE-WASH", 2, "2")]
    assert editor.confirm_button.isEnabled()
    editor.remove_line()
    assert editor.lines.rowCount() == 0
    assert not editor.confirm_button.isEnabled()
    assert "at least one line" in editor.confirm_button.toolTip()


def test_editing_a_confirmed_booking_into_a_shortage_is_refused(
    qtbot,
    ops: Operations,
    db: Database,
    clock: FixedClock,
    member: str,  # type: ignore[no-untyped-def]
) -> None:
    mine = factories.booking(
        db, clock, member, "2026-12-04T10:00", "2026-12-07T10:00", {"LYRE-WASH": 1}
    )
    other = factories.booking(
        db, clock, member, "2026-12-06T10:00", "2026-12-08T10:00", {"LYRE-WASH": 1}
    )
    with db.read() as uow:
        booking_id = uow.session.exec(select(Booking.id).where(Booking.reference == mine)).one()
    before = snapshot(db)
    editor = BookingEditor(ops, None, booking_id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.status == "confirmed"
    assert editor.save_button.text() == "Save c&hanges"
    assert line_texts(editor) == [("LYRE-WASH", 1, "1")]  # its own unit not counted against it
    editor.quantity_editor(0).setValue(2)  # type: ignore[union-attr]
    assert line_texts(editor) == [("LYRE-WASH", 2, "1 (1 missing)")]
    assert other in editor.shortage_text()
    assert not editor.save_button.isEnabled()
    assert "missing" in editor.save_button.toolTip()
    assert editor.save() is False  # the service refuses too
    assert "Not enough stock" in editor.feedback.text()
    assert snapshot(db) == before
    editor.quantity_editor(0).setValue(1)  # type: ignore[union-attr]
    editor.venue.setText("Salle des fêtes")
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    with db.read() as uow:
        assert uow.session.get(Booking, booking_id).venue == "Salle des fêtes"  # type: ignore[union-attr]


def test_cancel_a_booking_from_the_editor(
    qtbot,
    ops: Operations,
    db: Database,
    clock: FixedClock,
    member: str,  # type: ignore[no-untyped-def]
) -> None:
    ref = factories.booking(db, clock, member, "2026-12-04T10:00", "2026-12-07T10:00", {"SM58": 1})
    with db.read() as uow:
        booking_id = uow.session.exec(select(Booking.id).where(Booking.reference == ref)).one()
    editor = BookingEditor(ops, None, booking_id)
    qtbot.addWidget(editor)
    editor.cancel_booking_button.click()
    assert editor.status == "cancelled"
    assert not editor.save_button.isEnabled()
    assert not editor.add_field.isEnabled()


def test_lines_model_passes_modeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = LinesModel()
    model.add(1, "A", "Alpha", 2)
    model.add(2, "B", "Beta", 1)
    model.add(1, "A", "Alpha", 1)
    qtmodeltester.check(model)
    assert model.wanted() == {1: 3, 2: 1}
    assert model.setData(model.index(1, 2), 0) is False


# --- the list --------------------------------------------------------------------------------


@pytest.fixture
def listed(qtbot, ops: Operations, db: Database, clock: FixedClock, member: str):  # type: ignore[no-untyped-def]
    other = factories.customer(db, "Mairie de Saint-Agrève")
    refs = [
        factories.booking(
            db, clock, member, "2026-12-04T10:00", "2026-12-07T10:00", {"LYRE-WASH": 1}
        ),
        factories.booking(
            db, clock, other, "2027-01-10T10:00", "2027-01-12T10:00", {"SM58": 1}, confirm=False
        ),
        factories.booking(
            db, clock, member, "2027-02-01T10:00", "2027-02-03T10:00", {"DMX-10": 5}, confirm=False
        ),
    ]
    with db.write() as uow:
        b = uow.session.exec(select(Booking).where(Booking.reference == refs[2])).one()
        b.event = "Bal du printemps"
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    return screen, refs


def references(screen: BookingsScreen) -> list[str]:
    return [screen.model.index(r, 0).data() for r in range(screen.model.rowCount())]


def test_list_filters_by_status_and_search(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    screen, refs = listed
    assert references(screen) == [refs[2], refs[1], refs[0]]  # newest pick-up first
    assert screen.model.index(2, 1).data() == "Confirmed"
    assert screen.model.index(2, 4).data() == "04/12/2026 10:00"
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("quote"))
    assert references(screen) == [refs[2], refs[1]]
    qtbot.keyClicks(screen.search_box, "Mairie")
    assert references(screen) == [refs[1]]
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("confirmed"))
    assert references(screen) == []
    screen.status_filter.setCurrentIndex(0)
    screen.search_box.setText("SM58")  # an item on a line
    assert references(screen) == [refs[1]]
    assert screen.count_label.text() == "1 booking"


def test_list_filters_by_event_customer_and_dates(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    screen, refs = listed
    screen.event_filter.setText("printemps")
    assert references(screen) == [refs[2]]
    screen.event_filter.clear()
    screen.customer_filter.setCurrentIndex(
        screen.customer_filter.findText("Mairie de Saint-Agrève (1002)")
    )
    assert references(screen) == [refs[1]]
    screen.customer_filter.setCurrentIndex(0)
    screen.dates_filter.setChecked(True)
    screen.date_from.setDate(screen.date_from.date().fromString("2027-01-01", "yyyy-MM-dd"))
    screen.date_to.setDate(screen.date_to.date().fromString("2027-01-31", "yyyy-MM-dd"))
    assert references(screen) == [refs[1]]


def test_enter_opens_the_editor_and_new_booking(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    screen, refs = listed
    screen.view.setFocus()
    screen.view.selectRow(2)
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    editor = screen.dialog
    assert isinstance(editor, BookingEditor)
    assert editor.reference == refs[0]
    editor.reject()
    assert screen.dialog is None
    screen.new_action.trigger()
    assert isinstance(screen.dialog, BookingEditor)
    assert screen.dialog.booking_id is None
    assert screen.new_action.shortcut().toString() == "Ctrl+N"


def test_duplicate_and_cancel_from_the_list(qtbot, listed, db: Database) -> None:  # type: ignore[no-untyped-def]
    screen, refs = listed
    screen.view.selectRow(2)  # refs[0], confirmed
    screen.duplicate_selected()
    dialog = screen.dialog
    assert isinstance(dialog, DuplicateDialog)
    dialog.start.setDateTime(to_qdatetime(dt.datetime(2027, 12, 3, 10, 0)))
    dialog.accept()
    assert "R-2026-0004 created from " + refs[0] in screen.feedback.text()
    with db.read() as uow:
        copy = uow.session.exec(select(Booking).where(Booking.reference == "R-2026-0004")).one()
    assert (copy.status, copy.start, copy.end) == (
        "quote",
        dt.datetime(2027, 12, 3, 10, 0),
        dt.datetime(2027, 12, 6, 10, 0),
    )
    assert screen.selected_row().reference == "R-2026-0004"  # type: ignore[union-attr]
    screen.cancel_selected()
    box = screen.dialog
    assert box is not None
    box.button(box.StandardButton.Yes).click()  # type: ignore[union-attr]
    with db.read() as uow:
        assert uow.session.get(Booking, copy.id).status == "cancelled"  # type: ignore[union-attr]
        count = uow.session.exec(select(func.count()).select_from(Booking)).one()
    assert count == 4
    assert "R-2026-0004 cancelled" in screen.feedback.text()


def test_booking_model_passes_modeltester(
    qtmodeltester, listed, ops: Operations, db: Database
) -> None:  # type: ignore[no-untyped-def]
    model = BookingTableModel(ops)
    with db.read() as uow:
        model.set_ids(queries.search_bookings(uow))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_the_list_shows_statuses_as_chips_and_says_when_nothing_matches(qtbot, listed) -> None:  # type: ignore[no-untyped-def]
    screen, refs = listed
    assert screen.model.index(2, 1).data(STATUS_ROLE) == "confirmed"
    assert screen.model.index(0, 1).data(STATUS_ROLE) == "quote"
    assert screen.model.index(0, 0).data(STATUS_ROLE) is None
    assert isinstance(screen.view.itemDelegateForColumn(1), ChipDelegate)
    assert screen.view.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert not screen.empty.label.isVisible()
    screen.search_box.setText("nothing like this")
    assert references(screen) == []
    assert screen.empty.label.isVisible()
    assert "No booking matches these filters" in screen.empty.label.text()


def test_the_editor_starts_in_the_customer_field_and_tabs_through_the_form(editor) -> None:  # type: ignore[no-untyped-def]
    editor.activateWindow()
    QApplication.processEvents()
    assert editor.focusWidget() is editor.customer
    chain, widget = [], editor.customer
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget in (editor.event_field, editor.notes, editor.add_field, editor.lines_view):
            chain.append(widget)
        if widget is editor.customer:
            break
    assert chain == [editor.event_field, editor.notes, editor.add_field, editor.lines_view]
    assert editor.header.text() == "New booking"


def test_the_list_opens_on_the_bookings_of_today(qtbot, ops, db: Database, clock, member) -> None:  # type: ignore[no-untyped-def]
    """Newest pick-up first, filters untouched, but the first load selects (and scrolls to)
    the first booking whose period reaches today (26/11/2026), not next year's."""
    periods = [
        ("2026-11-02T10:00", "2026-11-04T10:00"),
        ("2026-11-24T10:00", "2026-11-27T10:00"),  # reaches today
        ("2026-11-26T09:00", "2026-11-26T18:00"),  # picked up today: first of today's
        ("2026-12-20T10:00", "2026-12-22T10:00"),
        *[(f"2027-0{m}-10T10:00", f"2027-0{m}-12T10:00") for m in range(1, 10)],
    ]
    refs = [factories.booking(db, clock, member, a, b, {"LYRE-WASH": 1}) for a, b in periods]
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1000, 300)
    screen.show()
    assert references(screen) == refs[::-1]  # the order is the list's, as before
    assert screen.selected_row().reference == refs[2]  # type: ignore[union-attr]
    index = screen.view.currentIndex()
    assert screen.view.viewport().rect().intersects(screen.view.visualRect(index))
    # later searches keep the selection's usual rule (the selected row, else the first)
    screen.search_box.setText(refs[0])
    assert screen.selected_row().reference == refs[0]  # type: ignore[union-attr]


def test_the_list_opens_where_today_falls_between_bookings(qtbot, ops, db, clock, member) -> None:  # type: ignore[no-untyped-def]
    past = factories.booking(
        db, clock, member, "2026-11-02T10:00", "2026-11-04T10:00", {"LYRE-WASH": 1}
    )
    factories.booking(db, clock, member, "2026-12-20T10:00", "2026-12-22T10:00", {"LYRE-WASH": 1})
    screen = BookingsScreen(ops)
    qtbot.addWidget(screen)
    assert screen.selected_row().reference == past  # type: ignore[union-attr]
