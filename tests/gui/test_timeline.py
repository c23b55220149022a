"""The availability timeline: cells agree with the engine, shortages and quotes stand out,
a cell lists the bookings holding its stock, filters narrow the rows."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core.clock import FixedClock
from app.core.db import Database
from app.gui.bookings.timeline import (
    MONTH,
    QUARTER,
    WEEK,
    TimelineScreen,
    TypeRow,
    build_and_paint_month,
    daily_peaks,
)
from app.gui.shell.operations import Operations
from booking import availability
from booking.availability import Hold
from inventory.models import Category
from tests import factories

JULY = dt.date(2026, 7, 1)


@pytest.fixture
def booked(db: Database, clock: FixedClock) -> dict[str, object]:
    """Two washes, 40 DMX cables, a microphone; a confirmed booking, a quote, a second
    confirmed booking on the cables."""
    factories.item(db)
    factories.bulk(db)
    factories.item(db, "SM58", "Micro dynamique SM58", Category.SOUND)
    for n in (1, 2):
        factories.unit(db, clock, barcode=f"LUM-0010{n}")
    factories.unit(db, clock, "SM58", barcode="SON-00001")
    rocher = factories.customer(db)
    jazz = factories.customer(db, "Jazz en Velay")
    firm = factories.booking(
        db, clock, rocher, "2026-07-10T09:00", "2026-07-13T18:00", {"LYRE-WASH": 2, "DMX-10": 10}
    )
    quote = factories.booking(
        db, clock, jazz, "2026-07-12T09:00", "2026-07-15T09:00", {"LYRE-WASH": 1}, confirm=False
    )
    cables = factories.booking(
        db, clock, jazz, "2026-07-11T08:00", "2026-07-12T20:00", {"DMX-10": 25}
    )
    return {"firm": firm, "quote": quote, "cables": cables}


def ids(db: Database) -> dict[str, int]:
    from sqlmodel import select

    from inventory.models import ItemType

    with db.read() as uow:
        return {code: tid for tid, code in uow.session.exec(select(ItemType.id, ItemType.code))}


def screen_on(qtbot, ops: Operations, start: dt.date = JULY) -> TimelineScreen:  # type: ignore[no-untyped-def]
    screen = TimelineScreen(ops)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.set_start(start)
    screen.show()
    qtbot.waitExposed(screen)
    screen.view.grab()
    return screen


def row_of(screen: TimelineScreen, type_id: int) -> int:
    return next(
        n for n, r in enumerate(screen.view.rows) if isinstance(r, TypeRow) and r.id == type_id
    )


def test_cells_match_the_engine(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    now = ops.ctx.clock.local_now()
    types = ids(db)
    checked = 0
    for code in ("LYRE-WASH", "DMX-10", "SM58"):
        for day in (dt.date(2026, 7, d) for d in (1, 9, 10, 11, 12, 13, 14, 15, 31)):
            cell = screen.view.cell(types[code], day)
            assert cell is not None
            d0 = dt.datetime.combine(day, dt.time())
            with db.read() as uow:
                found = availability.availability(
                    uow, types[code], d0, d0 + dt.timedelta(days=1), now=now
                )
            assert (cell.free, cell.total) == (found.available, found.serviceable), (code, day)
            checked += 1
    assert checked == 27
    wash = types["LYRE-WASH"]
    assert screen.view.cell(wash, dt.date(2026, 7, 11)) == (0, 2, 0)


def test_a_shortage_cell_is_flagged(qtbot, ops, db, clock, booked) -> None:  # type: ignore[no-untyped-def]
    from booking.models import Booking, BookingStatus

    # a unit retired after the booking was confirmed: the booking now lacks one
    from inventory import catalogue
    from inventory.models import UnitStatus

    with db.write() as uow:
        catalogue.set_status(
            uow,
            user="tester",
            barcode="LUM-00102",
            status=UnitStatus.RETIRED,
            clock=clock,
            note="broken",
        )
    screen = screen_on(qtbot, ops)
    wash = ids(db)["LYRE-WASH"]
    cell = screen.view.cell(wash, dt.date(2026, 7, 11))
    assert cell is not None and cell.shortage and (cell.free, cell.total) == (-1, 1)
    assert not screen.view.cell(wash, dt.date(2026, 7, 20)).shortage  # type: ignore[union-attr]
    with db.read() as uow:
        assert uow.session.get(Booking, 1).status == BookingStatus.CONFIRMED  # type: ignore[union-attr]


def test_a_quote_shows_as_tentative(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    wash = ids(db)["LYRE-WASH"]
    # 13 July: both washes confirmed until 18:00, the quote wants one more
    busy = screen.view.cell(wash, dt.date(2026, 7, 13))
    assert busy is not None and busy.free == 0 and busy.quoted and busy.quotes_exceed
    # 14 July: only the quote: free, but tentatively taken
    quiet = screen.view.cell(wash, dt.date(2026, 7, 14))
    assert quiet is not None
    assert (quiet.free, quiet.free_if_quotes) == (2, 1)
    assert quiet.quoted and not quiet.quotes_exceed and not quiet.shortage
    # the quote never blocks
    assert screen.view.cell(wash, dt.date(2026, 7, 16)) == (2, 2, 2)


def test_clicking_a_cell_lists_the_holders(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    view = screen.view
    types = ids(db)
    row = row_of(screen, types["DMX-10"])
    column = view.days.index(dt.date(2026, 7, 12))
    rect = view.cell_rect(row, column)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current == (row, column)
    assert screen.holder_references() == sorted([booked["firm"], booked["cables"]])
    table = screen.holders_table
    assert table.rowCount() == 2
    assert {table.item(n, 4).text() for n in range(2)} == {"10", "25"}
    assert {table.item(n, 1).text() for n in range(2)} == {"Compagnie du Rocher", "Jazz en Velay"}
    assert "DMX-10" in screen.holders_title.text()
    # Enter on the selected cell after moving right two days: the 14th, only the quote
    # holds the wash; cables are free
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.current_day() == dt.date(2026, 7, 14)
    assert screen.holder_references() == []
    qtbot.keyClick(view, Qt.Key.Key_Up)  # SM58 (the "cables" header is skipped)
    assert view.current_type() == types["SM58"]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.current_type() == types["LYRE-WASH"]
    assert screen.holder_references() == [booked["quote"]]
    assert screen.holders_table.item(0, 3).text() == "Quote"


def test_category_filter_and_search_narrow_rows(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    all_rows = screen.view.rows
    assert [r for r in all_rows if isinstance(r, str)] == ["lighting", "sound", "cables"]
    assert len(screen.view.type_rows()) == 3
    screen.category_filter.setCurrentIndex(screen.category_filter.findData("sound"))
    assert screen.view.rows == [
        "sound",
        next(r for r in all_rows if isinstance(r, TypeRow) and r.code == "SM58"),
    ]
    screen.category_filter.setCurrentIndex(0)
    qtbot.keyClicks(screen.search_box, "cable")
    assert screen.view.type_rows() == []  # the accent counts
    screen.search_box.setText("câble")
    assert [r.code for r in screen.view.type_rows()] == ["DMX-10"]
    screen.search_box.setText("lyre-w")
    assert [r.code for r in screen.view.type_rows()] == ["LYRE-WASH"]
    screen.search_box.setText("nothing like it")
    assert screen.view.rows == []
    screen.view.grab()  # an empty timeline paints its message


def test_weekends_and_holidays_are_shaded(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    view = screen.view
    assert view._day_shade(dt.date(2026, 7, 14)) is not None  # Bastille Day, a Tuesday
    assert view._day_shade(dt.date(2026, 7, 11)) is not None  # Saturday
    assert view._day_shade(dt.date(2026, 7, 15)) is None
    assert view._day_shade(dt.date(2026, 7, 14)) != view._day_shade(dt.date(2026, 7, 11))
    column = view.days.index(dt.date(2026, 7, 14))
    x = view.cell_rect(0, column).center().x()
    tip = view.tooltip_at(QPoint(x, 5))
    assert "National Day" in tip or "Fête nationale" in tip
    assert "2026" in tip
    # the shading is painted: the holiday column's pixels differ from a weekday's
    image = view.viewport().grab().toImage()
    y = view.HEADER_HEIGHT + 1 * view.ROW_HEIGHT + 3
    holiday = image.pixelColor(view.cell_rect(0, column).left() + 3, y)
    weekday = image.pixelColor(view.cell_rect(0, column + 1).left() + 3, y)
    assert holiday != weekday


def test_zoom_and_navigation(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    assert screen.zoom == MONTH and len(screen.view.days) == 31
    screen.zoom_in_action.trigger()
    assert screen.zoom == WEEK and len(screen.view.days) == 7
    assert screen.view.days[0].weekday() == 0
    screen.zoom_out_action.trigger()
    screen.zoom_out_action.trigger()
    assert screen.zoom == QUARTER and 89 <= len(screen.view.days) <= 92
    assert screen.zoom_box.currentData() == QUARTER
    screen.view.grab()
    screen.zoom_box.setCurrentIndex(1)
    screen.set_start(JULY)
    screen.next_action.trigger()
    assert screen.view.days[0] == dt.date(2026, 8, 1)
    screen.previous_action.trigger()
    screen.previous_action.trigger()
    assert screen.view.days[0] == dt.date(2026, 6, 1)
    screen.today_action.trigger()
    assert screen.view.days[0] == dt.date(2026, 11, 1)
    assert "November 2026" in screen.period_label.text()


def test_refreshes_when_bookings_change(qtbot, ops, db, clock, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    mic = ids(db)["SM58"]
    assert screen.view.cell(mic, dt.date(2026, 7, 20)) == (1, 1, 1)
    number = factories.customer(db, "Harmonie")
    factories.booking(db, clock, number, "2026-07-20T09:00", "2026-07-21T09:00", {"SM58": 1})
    ops.changed.emit("bookings")
    screen.view.grab()
    assert screen.view.cell(mic, dt.date(2026, 7, 20)) == (0, 1, 0)


def test_many_types_compute_only_visible_rows(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    with db.write() as uow:
        from inventory.models import ItemType

        for n in range(300):
            uow.session.add(ItemType(code=f"PAR-{n:03d}", name=f"PAR {n}", category="lighting"))
    screen = build_and_paint_month(ops, JULY, rows=40)
    qtbot.addWidget(screen)
    view = screen.view
    assert 40 <= view.visible_row_count() <= 60
    assert 0 < len(view.cells) < 120  # the visible rows and a margin, not 303
    view.verticalScrollBar().setValue(200)
    view.grab()
    row = view.rows[210]
    assert isinstance(row, TypeRow) and row.id in view.cells


def test_daily_peaks_equal_the_engine() -> None:
    rng = random.Random(5)
    days = [dt.date(2026, 7, 1) + dt.timedelta(days=n) for n in range(31)]
    base = dt.datetime(2026, 6, 25)
    for _ in range(200):
        holds = []
        for n in range(rng.randrange(0, 8)):
            start = base + dt.timedelta(hours=rng.randrange(0, 24 * 45))
            end = start + dt.timedelta(hours=rng.choice([1, 12, 24, 48, 24 * 7, 24 * 40]))
            status = rng.choice(["confirmed", "out", "quote"])
            holds.append(Hold(n, f"R-{n}", status, 1, rng.randrange(0, 5), start, end))
        assert daily_peaks(holds, days) == availability.daily(holds, days)


def test_empty_catalogue_and_filters_say_what_to_do(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    screen.search_box.setText("nothing like it")
    assert "No item type matches these filters" in screen.view.empty_text
    empty = TimelineScreen(ops)
    qtbot.addWidget(empty)
    empty.all_types = []
    empty.apply_filters()
    assert "Add one in Inventory (Ctrl+1)" in empty.view.empty_text
    empty.view.grab()


def test_a_period_without_bookings_says_so(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    assert screen.notice.isHidden() and screen.booked == 3
    screen.set_start(dt.date(2026, 9, 1))
    assert not screen.notice.isHidden() and screen.booked == 0
    assert "Nothing is booked in this period" in screen.notice.text()
    screen.previous_action.trigger()
    screen.previous_action.trigger()
    assert screen.notice.isHidden()


def test_holders_show_status_chips_and_an_empty_state(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    from app.gui.shell import chips

    screen = screen_on(qtbot, ops)
    panel = screen.panel
    assert panel.empty.label.isVisible() and "Click a cell" in panel.empty.label.text()
    types = ids(db)
    screen.show_holders(types["LYRE-WASH"], dt.date(2026, 7, 13))
    assert not panel.empty.label.isVisible()
    statuses = [screen.holders_table.item(n, 3).data(chips.STATUS_ROLE) for n in range(2)]
    assert statuses == ["confirmed", "quote"]
    screen.show_holders(types["SM58"], dt.date(2026, 7, 13))
    assert panel.empty.label.isVisible() and "No booking holds" in panel.empty.label.text()


def test_icon_buttons_and_the_view_have_names(qtbot, ops, db, booked) -> None:  # type: ignore[no-untyped-def]
    screen = screen_on(qtbot, ops)
    bar = screen.toolbar
    for button in (
        bar.previous_button,
        bar.next_button,
        bar.zoom_in_button,
        bar.zoom_out_button,
        bar.refresh_button,
    ):
        assert button.accessibleName() and not button.icon().isNull()
    assert screen.view.accessibleName() == "Availability timeline"
    wash = ids(db)["LYRE-WASH"]
    screen.view.set_current(row_of(screen, wash), screen.view.days.index(dt.date(2026, 7, 11)))
    assert "LYRE-WASH" in screen.view.accessibleDescription()
    assert "0 free of 2" in screen.view.accessibleDescription()


def test_the_dark_theme_repaints_the_cells(qtbot, ops, db, booked, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from app.gui.shell import style

    screen = screen_on(qtbot, ops)
    view = screen.view
    rect = view.cell_rect(row_of(screen, ids(db)["LYRE-WASH"]), 20)  # 21 July, free
    light = view.viewport().grab().toImage().pixelColor(rect.left() + 3, rect.top() + 3)
    app = QApplication.instance()
    try:
        monkeypatch.setenv("REGIE_THEME", "dark")
        style.apply(app)  # type: ignore[arg-type]
        dark = view.viewport().grab().toImage().pixelColor(rect.left() + 3, rect.top() + 3)
    finally:
        monkeypatch.setenv("REGIE_THEME", "light")
        style.apply(app)  # type: ignore[arg-type]
    assert dark.lightness() < 100 < light.lightness()
