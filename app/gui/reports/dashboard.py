"""The home screen ("Accueil"): what needs doing today, at a glance.

Six panels, each a count and its first rows: today's pick-ups (the desk's departures),
the returns due today, late returns (out bookings past their end), shortages in the next
14 days (the availability engine), overdue inspections and overdue invoices. Enter or a
double-click on a row asks the main window (``open_requested``) to show the screen that
deals with it. The screen is cheap to build: its data is read through ``ops.read`` when
it is shown, and again whenever ``ops.changed`` says something changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.money import to_cents
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import ERROR_COLOUR, format_amount, format_date, qdate
from booking import availability, desk
from booking.models import Booking, BookingStatus, Customer
from inventory.models import InspectionDue, InspectionSchedule, ItemType, Unit, UnitStatus
from invoicing import payments
from invoicing.document import Kind
from invoicing.models import IssuedDocument

tr = QCoreApplication.translate

#: Rows listed per panel (the count says how many there are in all).
FIRST_ROWS = 50
SHORTAGE_DAYS = 14
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


# --- reads -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One row of a panel; ``target`` is what opening it needs (an id, a reference...)."""

    target: Any
    when: dt.datetime | dt.date | None
    title: str
    detail: str
    amount_cents: int | None = None
    figure: int | None = None


@dataclass(frozen=True)
class PanelData:
    lines: list[Line] = field(default_factory=list)
    count: int = 0
    total_cents: int | None = None


@dataclass(frozen=True)
class DashboardData:
    today: dt.date
    pickups: PanelData
    returns: PanelData
    late: PanelData
    shortages: PanelData
    inspections: PanelData
    invoices: PanelData


def _local_now(clock: Clock) -> dt.datetime:
    return clock.now().astimezone(clock.tz).replace(tzinfo=None)


def _panel(lines: list[Line], total_cents: int | None = None) -> PanelData:
    return PanelData(lines[:FIRST_ROWS], len(lines), total_cents)


def _customers(uow: UnitOfWork, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    query = select(Customer.id, Customer.name).where(Customer.id.in_(ids))  # type: ignore[union-attr]
    return {cid: name for cid, name in uow.session.exec(query)}


def pickups(uow: UnitOfWork, clock: Clock) -> list[Booking]:
    """Today's pick-ups: the desk's departures of the day still to pick (confirmed, or
    out since today and maybe not complete)."""
    today = clock.today()
    return [
        b
        for b in desk.departures(uow, clock=clock, days=1)
        if b.status == BookingStatus.CONFIRMED.value or b.start.date() == today
    ]


def returns_due(uow: UnitOfWork, clock: Clock) -> list[Booking]:
    """Out bookings due back today and not late yet."""
    now = _local_now(clock)
    tomorrow = dt.datetime.combine(clock.today() + dt.timedelta(days=1), dt.time())
    query = (
        select(Booking)
        .where(
            Booking.status == BookingStatus.OUT.value,
            Booking.end >= now,
            Booking.end < tomorrow,
        )
        .order_by(Booking.end, Booking.id)
    )
    return list(uow.session.exec(query))


def late_returns(uow: UnitOfWork, clock: Clock) -> list[Booking]:
    """Out bookings past their end: something is still out."""
    query = (
        select(Booking)
        .where(Booking.status == BookingStatus.OUT.value, Booking.end < _local_now(clock))
        .order_by(Booking.end, Booking.id)
    )
    return list(uow.session.exec(query))


def overdue_inspections(uow: UnitOfWork, today: dt.date) -> list[tuple[str, str, str, dt.date]]:
    """(barcode, type name, schedule, due date) of each inspection past due on a unit not
    retired, the oldest first."""
    query = (
        select(Unit.barcode, ItemType.name, InspectionSchedule.name, InspectionDue.due_on)
        .join(Unit, Unit.id == InspectionDue.unit_id)
        .join(ItemType, ItemType.id == Unit.item_type_id)
        .join(InspectionSchedule, InspectionSchedule.id == InspectionDue.schedule_id)
        .where(InspectionDue.due_on < today, Unit.status != UnitStatus.RETIRED.value)
        .order_by(InspectionDue.due_on, Unit.barcode)
    )
    return list(uow.session.exec(query))  # type: ignore[arg-type]


def _booking_lines(uow: UnitOfWork, found: list[Booking], when: str) -> list[Line]:
    names = _customers(uow, {b.customer_id for b in found})
    return [
        Line(
            (b.id, b.reference),
            getattr(b, when),
            b.reference,
            " · ".join(filter(None, (names.get(b.customer_id, ""), b.event))),
        )
        for b in found
    ]


def load_dashboard(uow: UnitOfWork, clock: Clock) -> DashboardData:
    today, now = clock.today(), _local_now(clock)
    short = availability.shortages(uow, now, now + dt.timedelta(days=SHORTAGE_DAYS), now=now)
    shortage_lines = [
        Line((s.item_type_id, s.at.date()), s.at, s.code, s.name, figure=s.missing) for s in short
    ]
    inspection_lines = [
        Line(barcode, due, barcode, f"{name} · {schedule}")
        for barcode, name, schedule, due in overdue_inspections(uow, today)
    ]
    overdue = payments.overdue_invoices(uow, today)
    ids = dict(
        uow.session.exec(
            select(IssuedDocument.number, IssuedDocument.id).where(
                IssuedDocument.kind == Kind.INVOICE.value,
                IssuedDocument.number.in_([b.number for b in overdue]),  # type: ignore[attr-defined]
            )
        ).all()
    )
    balances = [to_cents(b.balance) for b in overdue]
    invoice_lines = [
        Line(ids.get(b.number), b.due_date, b.number, b.buyer_name, amount_cents=cents)
        for b, cents in zip(overdue, balances, strict=True)
    ]
    return DashboardData(
        today,
        _panel(_booking_lines(uow, pickups(uow, clock), "start")),
        _panel(_booking_lines(uow, returns_due(uow, clock), "end")),
        _panel(_booking_lines(uow, late_returns(uow, clock), "end")),
        _panel(shortage_lines),
        _panel(inspection_lines),
        _panel(invoice_lines, sum(balances)),
    )


# --- the screen --------------------------------------------------------------------------


class Panel(QFrame):
    """A count, a title and the first rows; ``opened(target)`` on Enter or double-click."""

    def __init__(
        self, key: str, title: str, headers: list[str], alarm: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.total = 0
        self.alarm = alarm  # a count above zero is a problem (shown in red)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("panel")
        self.count_label = QLabel("–")
        self.count_label.setStyleSheet("font-size: 22pt; font-weight: 600;")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet("font-size: 11pt; font-weight: 600;")
        self.title_label.setWordWrap(True)
        self.note = QLabel()
        self.note.setStyleSheet("color: #5f6368;")
        head = QHBoxLayout()
        head.addWidget(self.count_label)
        head.addSpacing(6)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.note)
        head.addLayout(titles, 1)
        self.list = QTreeWidget()
        self.list.setAccessibleName(title)
        self.list.setHeaderLabels(headers)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the reference tells rows apart
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.wide = 1 if key == "shortages" else 2  # the column that takes what is left
        header.setSectionResizeMode(self.wide, QHeaderView.ResizeMode.Stretch)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.addLayout(head)
        column.addWidget(self.list, 1)

    def set_rows(self, rows: list[tuple[Any, list[str]]], count: int, empty: str) -> None:
        self.list.clear()
        self.total = count
        for target, cells in rows:
            item = QTreeWidgetItem(cells)
            item.setData(0, KEY_ROLE, target)
            if self.key in ("invoices", "shortages"):  # the last column is a figure
                item.setTextAlignment(
                    len(cells) - 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            item.setToolTip(self.wide, cells[self.wide])
            self.list.addTopLevelItem(item)
        self.count_label.setText(QLocale().toString(count))
        colour = ERROR_COLOUR if self.alarm and count else "palette(text)"
        self.count_label.setStyleSheet(f"font-size: 22pt; font-weight: 600; color: {colour};")
        if count > len(rows):
            more = tr("Dashboard", "The first %1 of %2.")
            self.note.setText(
                more.replace("%1", QLocale().toString(len(rows))).replace(
                    "%2", QLocale().toString(count)
                )
            )
        if not rows:  # the list stays (it holds the keyboard focus): one quiet line
            item = QTreeWidgetItem([empty])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        self.list.setCurrentItem(
            self.list.topLevelItem(0), 0, QItemSelectionModel.SelectionFlag.NoUpdate
        )

    @property
    def shown(self) -> int:
        """Rows listed (the quiet "nothing" line is not one)."""
        items = (self.list.topLevelItem(n) for n in range(self.list.topLevelItemCount()))
        return sum(1 for item in items if item.data(0, KEY_ROLE) is not None)


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
        self.heading = QLabel(tr("Dashboard", "Today"))
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.refresh_action = QAction(tr("Dashboard", "&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.refresh_button = QPushButton(tr("Dashboard", "&Refresh"))
        keys = self.refresh_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.refresh_button.setToolTip(keys)
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.refresh_button)

        when, booking, customer = (
            tr("Dashboard", "When"),
            tr("Dashboard", "Booking"),
            tr("Dashboard", "Customer · event"),
        )
        self.panels: dict[str, Panel] = {
            "pickups": Panel(
                "pickups", tr("Dashboard", "Pick-ups today"), [when, booking, customer], False
            ),
            "returns": Panel(
                "returns", tr("Dashboard", "Returns due today"), [when, booking, customer], False
            ),
            "late": Panel(
                "late",
                tr("Dashboard", "Late returns"),
                [tr("Dashboard", "Due"), booking, customer],
                True,
            ),
            "shortages": Panel(
                "shortages",
                tr("Dashboard", "Shortages in the next 14 days"),
                [tr("Dashboard", "From"), tr("Dashboard", "Item type"), tr("Dashboard", "Missing")],
                True,
            ),
            "inspections": Panel(
                "inspections",
                tr("Dashboard", "Overdue inspections"),
                [tr("Dashboard", "Due"), tr("Dashboard", "Unit"), tr("Dashboard", "Type · check")],
                True,
            ),
            "invoices": Panel(
                "invoices",
                tr("Dashboard", "Overdue invoices"),
                [
                    tr("Dashboard", "Due"),
                    tr("Dashboard", "Invoice"),
                    tr("Dashboard", "Customer"),
                    tr("Dashboard", "Left to pay"),
                ],
                True,
            ),
        }
        for panel in self.panels.values():
            panel.list.itemActivated.connect(
                lambda item, _col=0, key=panel.key: self._activated(key, item)
            )
        grid = QGridLayout()
        grid.setSpacing(10)
        order = ("pickups", "returns", "late", "shortages", "inspections", "invoices")
        for n, key in enumerate(order):
            grid.addWidget(self.panels[key], n // 3, n % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.addLayout(top)
        outer.addLayout(grid, 1)
        lists = [self.panels[k].list for k in order]
        for first, second in zip(lists, lists[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_search(self) -> None:  # the main window calls it when the area shows
        """Keyboard focus on the first panel: Tab moves on, Enter opens the row."""
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
        locale = QLocale()
        self.heading.setText(
            tr("Dashboard", "Today, %1").replace(
                "%1", locale.toString(qdate(data.today), QLocale.FormatType.LongFormat)
            )
        )
        nothing = tr("Dashboard", "Nothing today.")
        self._fill("pickups", data.pickups, self._booking_cells(data.today), nothing)
        self._fill("returns", data.returns, self._booking_cells(data.today), nothing)
        self._fill("late", data.late, self._booking_cells(data.today), tr("Dashboard", "None."))
        self._fill(
            "shortages",
            data.shortages,
            lambda line: [
                format_date(_day(line.when)),
                f"{line.title} — {line.detail}",
                locale.toString(line.figure or 0),
            ],
            tr("Dashboard", "No shortage."),
        )
        self._fill(
            "inspections",
            data.inspections,
            lambda line: [format_date(_day(line.when)), line.title, line.detail],
            tr("Dashboard", "Every inspection is up to date."),
        )
        self._fill(
            "invoices",
            data.invoices,
            lambda line: [
                format_date(_day(line.when)),
                line.title,
                line.detail,
                format_amount(line.amount_cents),
            ],
            tr("Dashboard", "No overdue invoice."),
        )
        if data.invoices.count:
            self.panels["invoices"].note.setText(
                tr("Dashboard", "%1 overdue in all").replace(
                    "%1", format_amount(data.invoices.total_cents)
                )
            )

    @staticmethod
    def _booking_cells(today: dt.date) -> Any:
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

    def _fill(self, key: str, data: PanelData, cells: Any, empty: str) -> None:
        panel = self.panels[key]
        panel.note.setText("")
        panel.set_rows([(line.target, cells(line)) for line in data.lines], data.count, empty)

    def counts(self) -> dict[str, int]:
        """The count each panel shows (tests read it)."""
        return {key: panel.total for key, panel in self.panels.items()}

    # --- opening ------------------------------------------------------------------------

    def _activated(self, key: str, item: QTreeWidgetItem) -> None:
        target = item.data(0, KEY_ROLE)
        if target is None:
            return
        area = {
            "pickups": "desk",
            "returns": "bookings",
            "late": "bookings",
            "shortages": "timeline",
            "inspections": "inventory",
            "invoices": "invoices",
        }[key]
        if key == "pickups":
            target = target[1]  # the desk opens a booking by its reference
        elif key in ("returns", "late"):
            target = target[0]
        self.open_requested.emit(area, target)


def _day(value: dt.datetime | dt.date | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value
