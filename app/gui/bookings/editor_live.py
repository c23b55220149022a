"""The booking editor's live check: as the booking is typed, the availability of each line
and the shortages (``booking.editor_reads.check_booking``), the membership covering the days
of use, the price (``PricePanel``), and which buttons that allows. A mixin of
``BookingEditor``; answers to an older request are dropped (``_generation``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.gui.bookings.booking_models import LinesModel, membership_note
from app.gui.bookings.booking_totals import PricePanel
from app.gui.bookings.editor_actions import ButtonState, EditorActions
from app.gui.bookings.editor_form import DetailsForm
from app.gui.bookings.editor_lines import LinesPanel
from app.gui.shell.operations import Operations
from booking import bookings
from booking.availability import Shortage
from booking.editor_reads import Check, check_booking
from booking.models import BookingStatus
from invoicing.invoices import Quote

tr = QCoreApplication.translate


class EditorLiveCheck:
    """Needs the editor's parts (``form``, ``lines``, ``lines_panel``, ``price_panel``,
    ``actions``) and ``period()``, ``customer_number()``, ``booking_data()``."""

    ops: Operations
    booking_id: int | None
    reference: str
    status: str
    check: Check | None
    shortages: list[Shortage]
    form: DetailsForm
    lines: LinesModel
    lines_panel: LinesPanel
    price_panel: PricePanel
    action_bar: EditorActions
    member_note: Any
    shortage_panel: Any
    _generation: int
    _loading: bool

    def period(self) -> tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime]:
        raise NotImplementedError

    def customer_number(self) -> str:
        raise NotImplementedError

    def booking_data(self) -> bookings.BookingData:
        raise NotImplementedError

    # --- the live check -----------------------------------------------------------------

    def refresh(self) -> None:
        """Check availability and membership for the request as it stands."""
        if self._loading:
            return
        self._generation += 1
        generation = self._generation
        start, end, use_start, use_end = self.period()
        self.lines_panel.update_hint()
        self.price_panel.request(self._price_source)
        if end <= start or use_end <= use_start:
            self.check = None
            self.lines.set_availability({})
            self.member_note.setText("")
            self._show_shortages([], bad_period=True)
            return
        wanted, exclude, customer = self.lines.wanted(), self.booking_id, self.customer_number()
        now = self.ops.ctx.clock.local_now()
        self.ops.read(
            lambda uow: check_booking(
                uow,
                wanted=wanted,
                start=start,
                end=end,
                use_start=use_start,
                use_end=use_end,
                now=now,
                exclude=exclude,
                customer=customer,
            ),
            lambda found: self._checked(generation, found),
        )

    def _price_source(self) -> tuple[bookings.BookingData, str] | str:
        """What the price panel prices: the booking as on screen and the stored booking's
        reference, or why there is nothing to price yet."""
        if not self.customer_number():
            return tr("BookingEditor", "Choose the customer to see the price.")
        start, end, use_start, use_end = self.period()
        if end <= start or use_end <= use_start:
            return tr("BookingEditor", "The return must come after the pick-up.")
        return self.booking_data(), self.reference

    def _priced(self, quote: Quote | None) -> None:
        if quote is None:
            self.lines.set_prices(None)
            return
        prices: dict[str, tuple[Decimal, str]] = {}
        for line in quote.document.lines:
            if line.item_code:
                net, detail = prices.get(line.item_code, (Decimal(0), ""))
                details = "\n".join(d for d in (detail, line.detail) if d)
                prices[line.item_code] = (net + line.net, details)
        self.lines.set_prices(prices)

    def _checked(self, generation: int, found: Check) -> None:
        if generation != self._generation:
            return
        self.check = found
        self.lines.set_availability(
            found.found, {s.item_type_id: s.missing for s in found.shortages}
        )
        if self.customer_number():
            self.form.set_member_note(
                membership_note(found.membership, found.first_day, found.last_day),
                bool(found.membership),
            )
        else:
            self.member_note.setText("")
        self._show_shortages(found.shortages)

    def _show_shortages(self, shortages: list[Shortage], bad_period: bool = False) -> None:
        self.shortages = shortages
        self.lines_panel.show_shortages(shortages, bad_period)
        self._update_buttons()

    def shortage_text(self) -> str:
        return self.shortage_panel.text() if self.shortage_panel.isVisibleTo(self) else ""

    def _update_buttons(self) -> None:
        status = BookingStatus(self.status) if self.status else None
        bad_period = self.check is None and self.shortage_panel.isVisibleTo(self)
        why = ""
        if self.shortages:
            names = ", ".join(f"{s.missing} × {s.code}" for s in self.shortages)
            why = tr(
                "BookingEditor", "Not enough stock: %1 missing (see the list above the buttons)."
            ).replace("%1", names)
        elif bad_period:
            why = tr("BookingEditor", "The return must come after the pick-up.")
        elif not self.lines.rowCount():
            why = tr("BookingEditor", "Add at least one line to confirm.")
        state = ButtonState(
            status=status,
            saved=self.booking_id is not None,
            has_lines=bool(self.lines.rowCount()),
            why_not=why,
            blocked=bool(self.shortages) or bad_period,
        )
        self.action_bar.show_state(state)
        editable = status is None or status in (
            BookingStatus.QUOTE,
            BookingStatus.CONFIRMED,
            BookingStatus.OUT,
        )
        self.form.set_editable(editable)
        self.lines_panel.set_editable(editable)
