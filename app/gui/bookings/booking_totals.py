"""The booking editor's live price: the rate and why, the days charged and the coefficient,
the discounts, the minimum charge, the totals and the deposit of the booking as it stands
on screen, saved or not.

Nothing here prices anything: the numbers come from ``invoicing.invoices.draft_quote``, the
code path the printed quote takes, read off the GUI thread (``ops.read``) a moment after
the last change (debounced), the answer to an older request being dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from app import i18n
from app.core.clock import Clock
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.money import to_cents
from app.gui.shell import style
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_amount, format_date
from booking.bookings import BookingData
from invoicing import invoices
from invoicing.invoices import Quote
from invoicing.pricing import coef_text, percent_text

tr = QCoreApplication.translate
DEBOUNCE_MS = 250


def money(amount: Decimal) -> str:
    return format_amount(to_cents(amount))


def percent(value: Decimal) -> str:
    return percent_text(value) + "\u00a0%"


def decimal_text(value: Decimal) -> str:
    """A coefficient in the user's locale (2,5 in French)."""
    from PySide6.QtCore import QLocale

    return coef_text(value).removesuffix(",0").replace(",", QLocale().decimalPoint())


def read_quote(uow: UnitOfWork, data: BookingData, reference: str, clock: Clock) -> Quote:
    return invoices.draft_quote(uow, data, clock, reference=reference)


class PricePanel(QGroupBox):
    """What the booking costs, as the quote will print it."""

    #: The quote shown, or None when a sentence replaced it.
    priced = Signal(object)

    ROWS = ("rate", "days", "discounts", "minimum", "net", "vat", "gross", "deposit")

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(tr("PricePanel", "Price (as the quote will print it)"), parent)
        self.ops = ops
        self.quote: Quote | None = None
        self._generation = 0
        self._pending: Callable[[], tuple[BookingData, str] | str] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.update_now)
        self.setAccessibleName(tr("PricePanel", "Price"))
        grid = QGridLayout(self)
        grid.setContentsMargins(style.SPACE.s, style.SPACE.xs, style.SPACE.s, style.SPACE.s)
        grid.setVerticalSpacing(style.SPACE.xs - 1)
        grid.setColumnStretch(1, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        grid.addWidget(self.status, 0, 0, 1, 2)
        captions = {
            "rate": tr("PricePanel", "Rate:"),
            "days": tr("PricePanel", "Days charged:"),
            "discounts": tr("PricePanel", "Discounts:"),
            "minimum": tr("PricePanel", "Minimum charge:"),
            "net": tr("PricePanel", "Total excl. VAT:"),
            "vat": tr("PricePanel", "VAT:"),
            "gross": tr("PricePanel", "Total incl. VAT:"),
            "deposit": tr("PricePanel", "Deposit (not invoiced):"),
        }
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, name in enumerate(self.ROWS, start=1):
            caption = QLabel(captions[name])
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setAccessibleName(captions[name].rstrip(" :"))
            if name in ("net", "vat", "gross", "deposit"):
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if name == "gross":  # the figure that matters first: the largest
                style.set_role(caption, "heading")
                style.set_role(value, "display")
                caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[name], self.values[name] = caption, value
        self.show_message(tr("PricePanel", "Choose the customer to see the price."))

    # --- requests ---------------------------------------------------------------------

    def request(self, source: Callable[[], tuple[BookingData, str] | str]) -> None:
        """Price what ``source()`` gives (the booking data and the stored reference, or a
        sentence saying why there is nothing to price) a moment after the last call."""
        self._pending = source
        self._generation += 1  # an answer already on its way is now stale
        self.timer.start()

    def update_now(self) -> None:
        """Price at once what the last ``request`` named."""
        self.timer.stop()
        source, self._pending = self._pending, None
        if source is None:
            return
        self._generation += 1
        generation = self._generation
        try:
            found = source()
        except DomainError as err:
            found = i18n.message(err)
        if isinstance(found, str):
            self.quote = None
            self.show_message(found)
            return
        data, reference = found
        clock = self.ops.ctx.clock
        self.ops.read(
            lambda uow: read_quote(uow, data, reference, clock),
            lambda quote: self._arrived(generation, quote),
            lambda err: self._refused(generation, err),
        )

    def pending(self) -> bool:
        return self._pending is not None

    def _arrived(self, generation: int, quote: Quote) -> None:
        if generation == self._generation:
            self.show_quote(quote)

    def _refused(self, generation: int, err: DomainError) -> None:
        if generation == self._generation:
            self.quote = None
            self.show_message(i18n.message(err), error=True)

    # --- display ----------------------------------------------------------------------

    def show_message(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        colour = style.palette().danger if error else style.palette().muted
        self.status.setStyleSheet(f"color: {colour};")
        self.status.show()
        self.captions["vat"].setText(tr("PricePanel", "VAT:"))
        for name in self.ROWS:
            self.values[name].setText("—" if name in ("net", "vat", "gross") else "")
        self.priced.emit(None)

    def show_quote(self, quote: Quote) -> None:
        self.quote = quote
        document, priced = quote.document, quote.priced
        self.status.hide()
        values = self.values
        values["rate"].setText(rate_text(quote))
        values["days"].setText(days_text(quote))
        values["discounts"].setText(discounts_text(quote))
        values["minimum"].setText(minimum_text(quote))
        values["net"].setText(money(document.net_total))
        rates = ", ".join(percent(v.rate) for v in document.vat if v.amount or v.base)
        self.captions["vat"].setText(
            tr("PricePanel", "VAT (%1):").replace("%1", rates)
            if rates
            else tr("PricePanel", "VAT:")
        )
        values["vat"].setText(money(document.vat_total))
        values["gross"].setText(money(document.gross_total))
        values["deposit"].setText(money(priced.deposit))
        self.priced.emit(quote)

    def totals(self) -> tuple[str, str, str]:
        """The totals as shown: excl. VAT, VAT, incl. VAT."""
        return (self.values["net"].text(), self.values["vat"].text(), self.values["gross"].text())


def rate_text(quote: Quote) -> str:
    """Member or not, and why: "member no. S1001 until 31/12/2026", "non-member"."""
    priced = quote.priced
    if priced.member_number:
        if priced.member_until is None:
            return tr("PricePanel", "member rate: member no. %1 (no end date)").replace(
                "%1", priced.member_number
            )
        return (
            tr("PricePanel", "member rate: member no. %1 until %2")
            .replace("%1", priced.member_number)
            .replace("%2", format_date(priced.member_until))
        )
    if priced.choice.kind == "category":
        return tr("PricePanel", "non-member, %1").replace("%1", priced.choice.label)
    return tr("PricePanel", "non-member rate: no membership covers these days")


def days_text(quote: Quote) -> str:
    priced = quote.priced
    text = tr("PricePanel", "%n day(s)", None, priced.days)
    if priced.weekend:
        text += " " + tr(
            "PricePanel",
            "(weekend rule: out Friday, back Monday, %n day(s) of use)",
            None,
            priced.use_days,
        )
    coefficients = sorted(set(priced.coefficients.values()))
    if coefficients:
        shown = " – ".join(
            decimal_text(c)
            for c in (coefficients[0], coefficients[-1])[: 1 if len(coefficients) == 1 else 2]
        )
        text += ", " + tr("PricePanel", "coefficient %1").replace("%1", shown)
    return text


def discounts_text(quote: Quote) -> str:
    priced = quote.priced
    parts = []
    if priced.booking_discount:
        parts.append(
            tr("PricePanel", "%1 on the booking").replace("%1", percent(priced.booking_discount))
        )
    for code, pct in sorted(priced.line_discounts.items()):
        if pct:
            parts.append(f"{code} {percent(pct)}")
    return ", ".join(parts) if parts else tr("PricePanel", "no discount")


def minimum_text(quote: Quote) -> str:
    priced = quote.priced
    if not priced.minimum:
        return tr("PricePanel", "no minimum")
    if priced.top_up:
        return (
            tr("PricePanel", "%1: the rental is topped up by %2")
            .replace("%1", money(priced.minimum))
            .replace("%2", money(priced.top_up))
        )
    return tr("PricePanel", "%1 (reached)").replace("%1", money(priced.minimum))
