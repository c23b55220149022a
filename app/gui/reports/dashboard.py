"""The home screen ("Accueil"): what needs doing today, at a glance.

Six cards, each a count and its first rows: today's pick-ups (the desk's departures), the
returns due today, late returns (out bookings past their end), shortages in the next 14
days (the availability engine), overdue inspections and overdue invoices — read by
``invoicing.dashboard.load_dashboard``. The day's work (pick-ups, returns, late returns)
is the first row of cards, the taller one. Enter or a double-click on a row asks the main
window (``open_requested``) to show the screen that deals with it. The screen is cheap to
build: its data is read through ``ops.read`` when it is shown, and again whenever
``ops.changed`` says something changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.reports.dashboard_panel import KEY_ROLE, Panel, role_label
from app.gui.shell import icons, style
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_amount, format_date, qdate
from invoicing.dashboard import PANELS, DashboardData, Line, PanelData, load_dashboard

tr = QCoreApplication.translate

#: The share of its row's width each card takes (overdue invoices have four columns).
WIDTH = {"pickups": 1, "returns": 1, "late": 1, "shortages": 5, "inspections": 5, "invoices": 6}
#: Where a row of each card leads (an area of the main window).
AREA_OF = {
    "pickups": "desk",
    "returns": "bookings",
    "late": "bookings",
    "shortages": "timeline",
    "inspections": "inventory",
    "invoices": "invoices",
}


def _panels() -> dict[str, Panel]:
    when, booking, customer = (
        tr("Dashboard", "When"),
        tr("Dashboard", "Booking"),
        tr("Dashboard", "Customer · event"),
    )
    due = tr("Dashboard", "Due")
    return {
        "pickups": Panel(
            "pickups",
            tr("Dashboard", "Pick-ups today"),
            [when, booking, customer],
            False,
            "scan_out",
        ),
        "returns": Panel(
            "returns",
            tr("Dashboard", "Returns due today"),
            [when, booking, customer],
            False,
            "scan_in",
        ),
        "late": Panel(
            "late", tr("Dashboard", "Late returns"), [due, booking, customer], True, "late"
        ),
        "shortages": Panel(
            "shortages",
            tr("Dashboard", "Shortages in the next 14 days"),
            [tr("Dashboard", "From"), tr("Dashboard", "Item type"), tr("Dashboard", "Missing")],
            True,
            "warning",
        ),
        "inspections": Panel(
            "inspections",
            tr("Dashboard", "Overdue inspections"),
            [due, tr("Dashboard", "Unit"), tr("Dashboard", "Type · check")],
            True,
            "inspect",
        ),
        "invoices": Panel(
            "invoices",
            tr("Dashboard", "Overdue invoices"),
            [
                due,
                tr("Dashboard", "Invoice"),
                tr("Dashboard", "Customer"),
                tr("Dashboard", "Left to pay"),
            ],
            True,
            "invoices",
        ),
    }


class Dashboard(QWidget):
    """The home screen. ``open_requested(area key, target)``: show what a row is about."""

    open_requested = Signal(str, object)

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.data: DashboardData | None = None
        self._generation = 0
        self._stale = True
        self._build()
        ops.changed.connect(self._on_changed)

    def _build(self) -> None:
        self.panels = _panels()
        for panel in self.panels.values():
            panel.list.itemActivated.connect(
                lambda item, _col=0, key=panel.key: self._activated(key, item)
            )
        rows = QVBoxLayout()
        rows.setSpacing(style.SPACE.m)
        for keys, stretch in ((PANELS[:3], 3), (PANELS[3:], 2)):  # the day's work first, larger
            row = QHBoxLayout()
            row.setSpacing(style.SPACE.m)
            for key in keys:
                row.addWidget(self.panels[key], WIDTH[key])
            rows.addLayout(row, stretch)
        outer = QVBoxLayout(self)
        m = style.SPACE.l
        outer.setContentsMargins(m, style.SPACE.m, m, m)
        outer.setSpacing(style.SPACE.m)
        outer.addLayout(self._top())
        outer.addLayout(rows, 1)
        lists = [self.panels[k].list for k in PANELS]
        for first, second in zip(lists, lists[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _top(self) -> QHBoxLayout:
        self.heading = role_label(tr("Dashboard", "Today"), "title")
        self.refresh_action = QAction(icons.icon("refresh"), tr("Dashboard", "&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.refresh_button = QPushButton(icons.icon("refresh"), tr("Dashboard", "&Refresh"))
        keys = self.refresh_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.refresh_button.setToolTip(keys)
        self.refresh_button.clicked.connect(self.refresh)
        self.status = role_label("", "muted")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)
        return top

    def focus_search(self) -> None:  # the main window calls it when the area shows
        """Keyboard focus on the first card: Tab moves on, Enter opens the row."""
        self.panels["pickups"].list.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- data ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_changed(self, _what: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._generation += 1
        generation, clock = self._generation, self.ops.ctx.clock
        self._stale = False
        self.status.setText(tr("Dashboard", "Loading…"))
        self.ops.read(
            lambda uow: load_dashboard(uow, clock), lambda data: self._show(generation, data)
        )

    def _show(self, generation: int, data: DashboardData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.status.setText("")
        day = QLocale().toString(qdate(data.today), QLocale.FormatType.LongFormat)
        self.heading.setText(tr("Dashboard", "Today, %1").replace("%1", day))
        for key, (cells, empty) in self._contents(data.today).items():
            self._fill(key, data.panel(key), cells, empty)
        if data.invoices.count:
            self.panels["invoices"].note.setText(
                tr("Dashboard", "%1 overdue in all").replace(
                    "%1", format_amount(data.invoices.total_cents)
                )
            )

    def _contents(self, today: dt.date) -> dict[str, tuple[Callable[[Line], list[str]], str]]:
        """Per card: the cells of a line, the sentence shown when there is none."""
        locale, bookings, nothing = (
            QLocale(),
            _booking_cells(today),
            tr("Dashboard", "Nothing today."),
        )
        return {
            "pickups": (bookings, nothing),
            "returns": (bookings, nothing),
            "late": (bookings, tr("Dashboard", "No late return.")),
            "shortages": (
                lambda line: [
                    format_date(_day(line.when)),
                    f"{line.title} — {line.detail}",
                    locale.toString(line.figure or 0),
                ],
                tr("Dashboard", "No shortage."),
            ),
            "inspections": (
                lambda line: [format_date(_day(line.when)), line.title, line.detail],
                tr("Dashboard", "Every inspection is up to date."),
            ),
            "invoices": (
                lambda line: [
                    format_date(_day(line.when)),
                    line.title,
                    line.detail,
                    format_amount(line.amount_cents),
                ],
                tr("Dashboard", "No overdue invoice."),
            ),
        }

    def _fill(self, key: str, data: PanelData, cells: Any, empty: str) -> None:
        panel = self.panels[key]
        panel.note.setText("")
        panel.set_rows([(line.target, cells(line)) for line in data.lines], data.count, empty)

    def counts(self) -> dict[str, int]:
        """The count each card shows (tests read it)."""
        return {key: panel.total for key, panel in self.panels.items()}

    # --- opening ------------------------------------------------------------------------

    def _activated(self, key: str, item: QTreeWidgetItem) -> None:
        target = item.data(0, KEY_ROLE)
        if target is None:
            return
        if key == "pickups":
            target = target[1]  # the desk opens a booking by its reference
        elif key in ("returns", "late"):
            target = target[0]
        self.open_requested.emit(AREA_OF[key], target)


def _booking_cells(today: dt.date) -> Callable[[Line], list[str]]:
    def cells(line: Line) -> list[str]:
        when = line.when
        if isinstance(when, dt.datetime):
            text = (
                f"{when:%H:%M}"
                if when.date() == today
                else (f"{format_date(when.date())} {when:%H:%M}")
            )
        else:
            text = format_date(when)
        return [text, line.title, line.detail]

    return cells


def _day(value: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value
