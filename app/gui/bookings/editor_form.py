"""The booking editor's left column: who books (the customer, picked from suggestions),
the buyer's references for its invoices (its own reference, BT-10 — a public buyer's
Chorus Pro service code by default, shown as the placeholder — and its purchase order or
commitment number, BT-13), the event and venue, the planned period and the usage period,
and notes. Fields are named
by the domain's field names (``FormFields``), so a refusal is shown beside its field."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QStringListModel, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.gui.shell import style
from app.gui.shell.widgets import FormFields

tr = QCoreApplication.translate
CUSTOMER_NUMBER = re.compile(r"\(([^()]+)\)\s*$")
Period = tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime]


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat) + " HH:mm")
    edit.setMinimumWidth(160)
    return edit


def completer(parent: QWidget) -> QCompleter:
    """Suggestions matching anywhere in the entry, without case."""
    found = QCompleter(QStringListModel(parent), parent)
    found.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    found.setFilterMode(Qt.MatchFlag.MatchContains)
    return found


def set_choices(found: QCompleter, entries: list[str]) -> None:
    model = found.model()
    assert isinstance(model, QStringListModel)
    model.setStringList(entries)


class DetailsForm(QWidget):
    """Customer, event, venue, periods and notes of the booking being edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customers: dict[str, str] = {}  # "Name (number)" → number
        self.service_codes: dict[str, str] = {}  # customer number → Chorus Pro service code
        self.message = QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields = FormFields(form, self.message)
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(tr("BookingEditor", "Type part of a name or number"))
        self.customer_completer = completer(self)
        self.customer.setCompleter(self.customer_completer)
        self.fields.add(tr("BookingEditor", "C&ustomer:"), "customer", self.customer)
        self.member_note = QLabel()
        self.member_note.setWordWrap(True)
        style.set_role(self.member_note, "small")
        self.fields.add("", (), self.member_note)
        self._references_row()
        self.event_field = QLineEdit()  # not ``event``: QWidget's event() handler
        self.event_field.setPlaceholderText(tr("BookingEditor", "e.g. Festival des Nuits d’été"))
        self.fields.add(tr("BookingEditor", "&Event:"), "event", self.event_field)
        self.venue = QLineEdit()
        self.fields.add(tr("BookingEditor", "&Venue:"), "venue", self.venue)
        self.start = datetime_edit()
        self.fields.add(tr("BookingEditor", "&Pick-up:"), ("from", "start"), self.start)
        self.end = datetime_edit()
        self.fields.add(tr("BookingEditor", "&Return:"), ("to", "end"), self.end)
        self.same_use = QCheckBox(tr("BookingEditor", "Days of use &same as the planned period"))
        self.same_use.setChecked(True)
        self.fields.add("", (), self.same_use)
        self.use_start = datetime_edit()
        self.fields.add(tr("BookingEditor", "Usage fro&m:"), "use from", self.use_start)
        self.use_end = datetime_edit()
        self.fields.add(tr("BookingEditor", "Usage &to:"), "use to", self.use_end)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        self.fields.add(tr("BookingEditor", "&Notes:"), "notes", self.notes)
        for widget, name in (
            (self.start, tr("BookingEditor", "Pick-up")),
            (self.end, tr("BookingEditor", "Return")),
            (self.use_start, tr("BookingEditor", "Usage from")),
            (self.use_end, tr("BookingEditor", "Usage to")),
            (self.notes, tr("BookingEditor", "Notes")),
        ):
            widget.setAccessibleName(name)
        order = (
            self.customer,
            self.buyer_reference,
            self.order_reference,
            self.event_field,
            self.venue,
            self.start,
            self.end,
            self.same_use,
            self.use_start,
            self.use_end,
            self.notes,
        )
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _references_row(self) -> None:
        """The buyer's reference and its order number, each on its row, wide enough for
        their placeholders at 1366x768."""
        self.buyer_reference = QLineEdit()
        self.buyer_reference.setAccessibleName(tr("BookingEditor", "Buyer's reference"))
        self.buyer_reference.setToolTip(
            tr(
                "BookingEditor",
                "The buyer's own reference on its invoices (a public buyer's service code)",
            )
        )
        self.fields.add(
            tr("BookingEditor", "Buyer's re&f.:"), "buyer reference", self.buyer_reference
        )
        self.order_reference = QLineEdit()
        self.order_reference.setAccessibleName(
            tr("BookingEditor", "Purchase order or commitment number")
        )
        self.order_reference.setPlaceholderText(tr("BookingEditor", "Order or commitment number"))
        self.order_reference.setToolTip(
            tr("BookingEditor", "The buyer's purchase order or commitment (engagement) number")
        )
        self.fields.add(
            tr("BookingEditor", "Order num&ber:"), "order reference", self.order_reference
        )
        self.customer.textChanged.connect(self._show_service_code)
        self._show_service_code()

    def set_service_codes(self, codes: dict[str, str]) -> None:
        """Customer number → Chorus Pro service code: the placeholder of the buyer's
        reference while it is empty (the invoice then carries the service code)."""
        self.service_codes = dict(codes)
        self._show_service_code()

    def _show_service_code(self) -> None:
        code = self.service_codes.get(self.customer_number(), "")
        self.buyer_reference.setPlaceholderText(
            code or tr("BookingEditor", "Buyer's reference (optional)")
        )

    def set_references(self, buyer_reference: str, order_reference: str) -> None:
        self.buyer_reference.setText(buyer_reference)
        self.order_reference.setText(order_reference)
        for edit in (self.buyer_reference, self.order_reference):
            edit.setCursorPosition(0)

    def references(self) -> tuple[str, str]:
        """(buyer's reference, order number) as typed, for ``BookingData``."""
        return self.buyer_reference.text().strip(), self.order_reference.text().strip()

    # --- the customer -------------------------------------------------------------------

    def set_customers(self, people: list[tuple[str, str]]) -> None:
        """The suggestions, from (number, name) pairs; a bare number already typed (a new
        booking for a given customer) becomes its "Name (number)" entry."""
        self.customers = {f"{name} ({number})": number for number, name in people}
        set_choices(self.customer_completer, list(self.customers))
        typed = self.customer.text()
        if typed and typed in set(self.customers.values()):
            self.customer.setText(next(k for k, v in self.customers.items() if v == typed))
        self._show_service_code()

    def customer_number(self) -> str:
        text = self.customer.text().strip()
        if not text:
            return ""
        if text in self.customers:
            return self.customers[text]
        if text in self.customers.values():
            return text
        found = CUSTOMER_NUMBER.search(text)
        if found and found.group(1) in self.customers.values():
            return found.group(1)
        by_name = [
            n
            for label, n in self.customers.items()
            if label.casefold().startswith(text.casefold() + " (")
        ]
        return by_name[0] if len(by_name) == 1 else ""

    def customer_key(self) -> str:
        """The customer as typed, by number when it names one (whether the suggestions
        have arrived or not): what tells a changed customer."""
        text = self.customer.text().strip()
        number = CUSTOMER_NUMBER.search(text)
        return number.group(1) if number else text

    # --- the period ---------------------------------------------------------------------

    def set_default_period(self, day: dt.date) -> None:
        start = dt.datetime.combine(day, dt.time(10, 0))
        self.set_period(start, start + dt.timedelta(days=2))

    def set_period(
        self,
        start: dt.datetime,
        end: dt.datetime,
        use_start: dt.datetime | None = None,
        use_end: dt.datetime | None = None,
    ) -> None:
        self.start.setDateTime(to_qdatetime(start))
        self.end.setDateTime(to_qdatetime(end))
        if use_start is not None and use_end is not None:
            self.same_use.setChecked((use_start, use_end) == (start, end))
            self.use_start.setDateTime(to_qdatetime(use_start))
            self.use_end.setDateTime(to_qdatetime(use_end))

    def period(self) -> Period:
        start = from_qdatetime(self.start.dateTime())
        end = from_qdatetime(self.end.dateTime())
        if self.same_use.isChecked():
            return start, end, start, end
        return (
            start,
            end,
            from_qdatetime(self.use_start.dateTime()),
            from_qdatetime(self.use_end.dateTime()),
        )

    def follow_planned_period(self) -> None:
        """Days of use same as planned: the usage fields follow, greyed."""
        same = self.same_use.isChecked()
        if same:
            for target, source in ((self.use_start, self.start), (self.use_end, self.end)):
                target.blockSignals(True)
                target.setDateTime(source.dateTime())
                target.blockSignals(False)
        self.use_start.setEnabled(not same)
        self.use_end.setEnabled(not same)

    def set_member_note(self, text: str, member: bool) -> None:
        self.member_note.setText(text)
        colour = style.palette().success if member else style.palette().muted
        self.member_note.setStyleSheet(f"color: {colour};")

    def set_editable(self, editable: bool) -> None:
        for widget in (
            self.customer,
            self.buyer_reference,
            self.order_reference,
            self.event_field,
            self.venue,
            self.start,
            self.end,
            self.notes,
            self.same_use,
        ):
            widget.setEnabled(editable)
        if not editable:
            self.use_start.setEnabled(False)
            self.use_end.setEnabled(False)
