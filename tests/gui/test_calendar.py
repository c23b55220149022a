"""The booking calendar: pick-ups and returns on their days, coloured by status, details
of the selected entry, keyboard navigation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.bookings.calendar_screen import PICKUP, RETURN, STATUS_COLOURS, BookingCalendarScreen
from booking import bookings
from inventory.models import Category
from tests import factories


def build(db: Database, clock: FixedClock) -> dict[str, str]:
    factories.item(db)
    factories.item(db, "SM58", "Micro dynamique SM58", Category.SOUND)
    factories.unit(db, clock, barcode="LUM-00101")
    factories.unit(db, clock, "SM58", barcode="SON-00001")
    rocher = factories.customer(db)
    confirmed = factories.booking(
        db, clock, rocher, "2026-11-06T09:00", "2026-11-09T18:00", {"LYRE-WASH": 1}
    )
    quote = factories.booking(
        db, clock, rocher, "2026-11-09T10:00", "2026-12-02T10:00", {"SM58": 1}, confirm=False
    )
    cancelled = factories.booking(
        db, clock, rocher, "2026-11-20T10:00", "2026-11-21T10:00", {"SM58": 1}, confirm=False
    )
    with db.write() as uow:
        bookings.cancel_booking(uow, user="tester", reference=cancelled, clock=clock)
    return {"confirmed": confirmed, "quote": quote, "cancelled": cancelled}


def screen_of(qtbot, ops) -> BookingCalendarScreen:  # type: ignore[no-untyped-def]
    screen = BookingCalendarScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_pickups_and_returns_on_their_days(qtbot, ops, db, clock) -> None:  # type: ignore[no-untyped-def]
    refs = build(db, clock)
    screen = screen_of(qtbot, ops)
    assert screen.month == dt.date(2026, 11, 1)
    assert "November 2026" in screen.month_label.text()
    grid = screen.grid
    assert grid.days[0] == dt.date(2026, 10, 26) and grid.days[0].weekday() == 0

    def on(day: int) -> list[tuple[str, str, str]]:
        return [(e.reference, e.kind, e.status) for e in screen.day_entries(dt.date(2026, 11, day))]

    assert on(6) == [(refs["confirmed"], PICKUP, "confirmed")]
    assert on(9) == [
        (refs["quote"], PICKUP, "quote"),
        (refs["confirmed"], RETURN, "confirmed"),
    ] or sorted(on(9)) == sorted(
        [(refs["confirmed"], RETURN, "confirmed"), (refs["quote"], PICKUP, "quote")]
    )
    assert on(20) == [(refs["cancelled"], PICKUP, "cancelled")]
    assert on(7) == []
    # the quote's return falls in December, shown in the grid's last week
    assert on(2) == [] and [e.kind for e in screen.day_entries(dt.date(2026, 12, 2))] == [RETURN]
    # status colours: the grid paints the confirmed chip in the confirmed colour
    grid.grab()
    rect = grid.day_rect(dt.date(2026, 11, 6))
    image = grid.grab().toImage()
    fg, bg = STATUS_COLOURS["confirmed"]
    chip_bar = image.pixelColor(rect.left() + 4, rect.top() + 20 + 6)
    assert chip_bar.name() == fg.name()
    inside = image.pixelColor(rect.left() + rect.width() - 8, rect.top() + 20 + 2)
    assert inside.name() == bg.name()
    # the list beside shows the selected day's entries, coloured too
    grid.select_day(dt.date(2026, 11, 9))
    assert screen.day_list.count() == 2
    quote_item = next(
        screen.day_list.item(n) for n in range(2) if refs["quote"] in screen.day_list.item(n).text()
    )
    assert quote_item.foreground().color().name() == STATUS_COLOURS["quote"][0].name()
    assert "↗" in quote_item.text()


def test_selecting_an_entry_shows_details(qtbot, ops, db, clock) -> None:  # type: ignore[no-untyped-def]
    refs = build(db, clock)
    screen = screen_of(qtbot, ops)
    grid = screen.grid
    rect = grid.day_rect(dt.date(2026, 11, 6))
    chip = QPoint(rect.left() + 20, rect.top() + 24)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=chip)
    assert grid.selected == dt.date(2026, 11, 6)
    assert grid.selected_entry is not None and grid.selected_entry.reference == refs["confirmed"]
    text = screen.details.text()
    assert refs["confirmed"] in text and "Compagnie du Rocher" in text and "Confirmed" in text
    activated: list[str] = []
    screen.booking_activated.connect(activated.append)
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=chip)
    assert activated == [refs["confirmed"]]
    editor = screen.dialog
    assert editor is not None and editor.booking_id == grid.selected_entry.booking_id
    editor.close()


def test_keyboard_navigation(qtbot, ops, db, clock) -> None:  # type: ignore[no-untyped-def]
    build(db, clock)
    screen = screen_of(qtbot, ops)
    grid = screen.grid
    grid.setFocus()
    assert grid.selected == dt.date(2026, 11, 26)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.selected == dt.date(2026, 11, 25)
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.selected == dt.date(2026, 11, 18)
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.selected == dt.date(2026, 12, 18) and screen.month == dt.date(2026, 12, 1)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert screen.month == dt.date(2026, 10, 1)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected == dt.date(2026, 11, 1) and screen.month == dt.date(2026, 11, 1)
    screen.next_action.trigger()
    assert screen.month == dt.date(2026, 12, 1)
    screen.today_action.trigger()
    assert screen.month == dt.date(2026, 11, 1) and grid.selected == dt.date(2026, 11, 26)
    # 11 November is a public holiday
    assert "Armistice" in screen.grid.holidays[dt.date(2026, 11, 11)]


def test_refreshes_when_bookings_change(qtbot, ops, db, clock) -> None:  # type: ignore[no-untyped-def]
    refs = build(db, clock)
    screen = screen_of(qtbot, ops)
    with db.write() as uow:
        bookings.confirm_booking(uow, user="tester", reference=refs["quote"], clock=clock)
    ops.changed.emit("bookings")
    assert [e.status for e in screen.day_entries(dt.date(2026, 12, 2))] == ["confirmed"]


def test_an_empty_month_says_what_to_do(qtbot, ops, db, clock) -> None:  # type: ignore[no-untyped-def]
    build(db, clock)
    screen = screen_of(qtbot, ops)
    assert screen.grid.empty_text == ""
    screen.show_month(dt.date(2027, 3, 1))
    assert "No pick-up or return in March 2027" in screen.grid.empty_text
    assert "Ctrl+8" in screen.grid.empty_text
    screen.grid.grab()
    assert screen.day_panel.empty.label.isVisible()
    screen.go_today()
    assert screen.grid.empty_text == ""


def test_legend_and_chips_carry_words(qtbot, ops, db, clock) -> None:  # type: ignore[no-untyped-def]
    from app.gui.shell import chips

    build(db, clock)
    screen = screen_of(qtbot, ops)
    words = [c.text() for c in screen.legend.findChildren(chips.StatusChip)]
    assert words == ["Quote", "Confirmed", "Out", "Returned", "Closed", "Cancelled"]
    screen.grid.select_day(dt.date(2026, 11, 9))
    assert all("·" in screen.day_list.item(n).text() for n in range(2))
    assert "Quote" in " ".join(screen.day_list.item(n).text() for n in range(2))
    rect = screen.grid.day_rect(dt.date(2026, 11, 6))
    tip = screen.grid.tooltip_at(QPoint(rect.left() + 20, rect.top() + 24))
    assert "Confirmed" in tip and "Compagnie du Rocher" in tip
    for button in (screen.previous_button, screen.next_button, screen.refresh_button):
        assert button.accessibleName()


def test_status_colours_follow_the_theme(qtbot, ops, db, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from app.gui.shell import style

    build(db, clock)
    screen = screen_of(qtbot, ops)
    screen.grid.select_day(dt.date(2026, 11, 6))
    light = screen.day_list.item(0).background().color().name()
    assert light == STATUS_COLOURS["confirmed"][1].name()
    app = QApplication.instance()
    try:
        monkeypatch.setenv("REGIE_THEME", "dark")
        style.apply(app)  # type: ignore[arg-type]
        dark = screen.day_list.item(0).background().color().name()
        assert dark == STATUS_COLOURS["confirmed"][1].name() != light
    finally:
        monkeypatch.setenv("REGIE_THEME", "light")
        style.apply(app)  # type: ignore[arg-type]


def test_chips_read_as_words_with_the_reference_when_there_is_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QFont, QFontMetrics

    from app.gui.bookings.calendar_grid import chip_text
    from booking.planning import Entry

    start = dt.datetime(2026, 11, 30, 10)
    entry = Entry(
        1, "R-2026-0120", "confirmed", "Dupont", "Anniversaire de Lucie", "", start, start, PICKUP
    )
    metrics = QFontMetrics(QFont())
    narrow = chip_text(entry, metrics, metrics.averageCharWidth() * 18)
    # a narrow day: the arrow and the title's start, never a reference cut in the middle
    assert narrow.startswith("↗ Anniversaire") and "0120" not in narrow
    wide = chip_text(entry, metrics, metrics.horizontalAdvance("↗ R-2026-0120 " + entry.title))
    assert wide == "↗ R-2026-0120 Anniversaire de Lucie"
    middle = metrics.horizontalAdvance("↗ 0120 ") + metrics.averageCharWidth() * 17
    assert chip_text(entry, metrics, middle).startswith("↗ 0120 Anniversaire")
    for text in (narrow, chip_text(entry, metrics, middle)):
        assert "…" not in text or text.endswith("…")  # elided at the end of the title


def test_cancelled_entries_stay_readable_in_both_themes(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from app.gui.bookings.calendar_grid import entry_colours
    from app.gui.bookings.timeline_colours import colours
    from app.gui.shell import style
    from tests.gui.test_style import contrast

    app = QApplication.instance()
    try:
        for theme in ("light", "dark"):
            monkeypatch.setenv("REGIE_THEME", theme)
            style.apply(app)  # type: ignore[arg-type]
            fg, bg = entry_colours("cancelled")
            assert bg is None  # no grey chip: struck-out words on the day's background
            c = colours()
            for background in (c.base, c.weekend_bg, c.holiday_bg):
                assert contrast(fg.name(), background.name()) >= 4.5, (theme, background.name())
    finally:
        monkeypatch.setenv("REGIE_THEME", "light")
        style.apply(app)  # type: ignore[arg-type]
