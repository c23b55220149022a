"""The booking editor: customer, event, planned and usage periods, lines added by search or
by scanning, live availability of each line, and the shortage explained before confirming.

Composed of small widgets: the header (``editor_header``), the details form
(``editor_form``), the price panel (``booking_totals``), the lines (``editor_lines``) and
the buttons (``editor_actions``); the documents (quote, pick list, invoice, pricing) are in
``editor_documents``. Every read goes through ``booking.editor_reads`` and
``booking.queries``; saving goes through ``booking.bookings``, which checks again inside
the writing transaction, so what the editor shows is advice and the service has the last
word.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.gui.bookings import cancel_flow
from app.gui.bookings.booking_models import (
    EditorLine,
    LinesModel,
    booking_status_label,
)
from app.gui.bookings.booking_totals import PricePanel
from app.gui.bookings.editor_actions import EditorActions
from app.gui.bookings.editor_documents import EditorDocuments
from app.gui.bookings.editor_form import (
    DetailsForm,
    datetime_edit,
    from_qdatetime,
    set_choices,
    to_qdatetime,
)
from app.gui.bookings.editor_header import EditorHeader
from app.gui.bookings.editor_lines import LinesPanel, QuantityDelegate, lines_hint
from app.gui.bookings.editor_live import EditorLiveCheck
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import set_invalid
from booking import bookings, customer_choices, queries
from booking.availability import Shortage
from booking.editor_reads import SEPARATOR, Check
from booking.models import BookingStatus

tr = QCoreApplication.translate
LINE_FIELDS = ("item code", "quantity", "lines")

__all__ = [
    "BookingEditor",
    "QuantityDelegate",
    "datetime_edit",
    "from_qdatetime",
    "lines_hint",
    "to_qdatetime",
]


def picker_entries(choices: queries.PickerChoices) -> list[str]:
    """The add field's suggestions: "CODE — Name" and "KIT — Name (kit)"."""
    kit_word = tr("BookingEditor", "kit")
    entries = [f"{code}{SEPARATOR}{name}" for code, name in choices.types]
    return entries + [f"{code}{SEPARATOR}{name} ({kit_word})" for code, name in choices.kits]


def editor_lines(form: queries.BookingForm) -> list[EditorLine]:
    return [EditorLine(ln.item_type_id, ln.code, ln.name, ln.quantity) for ln in form.lines]


class BookingEditor(EditorLiveCheck, EditorDocuments, QDialog):
    """New booking (``booking_id`` None) or an existing one; non-blocking, keyboard first."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        booking_id: int | None = None,
        *,
        customer: str = "",
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.booking_id = booking_id
        self.reference = ""
        self.status = ""
        self.check: Check | None = None
        self.shortages: list[Shortage] = []
        self.dialog: Any = None  # the last invoicing dialog opened (tests read it)
        self._generation = 0
        self._loading = False
        self._clean: tuple[Any, ...] = ()  # the state last loaded or saved
        self._closing = False
        self.unsaved_box: QMessageBox | None = None  # the "save changes?" question, if open
        self.setWindowTitle(tr("BookingEditor", "New booking"))
        self.resize(1180, 720)
        self.lines = LinesModel(self)
        self._build()
        self._loading = True
        self.form.set_default_period(self.ops.ctx.clock.today() + dt.timedelta(days=1))
        self._loading = False
        self._dates_changed()
        self.customer.setText(customer)
        ops.read(queries.picker_choices, self._choices_arrived)
        ops.read(customer_choices.service_codes, self.form.set_service_codes)
        if booking_id is not None:
            # a saved booking's buttons until it is read (every button shown would widen
            # the window past a 1366 px screen before the read arrives)
            self.confirm_button.hide()
            self.load(booking_id)
        else:
            self._update_header()
            self.refresh()
            self._clean = self.state()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.header_bar = EditorHeader(self)
        self.header = self.header_bar.title
        self.form = DetailsForm(self)
        self.price_panel = PricePanel(self.ops, self)
        self.price_panel.priced.connect(self._priced)
        self.lines_panel = LinesPanel(self.ops, self.lines, self)
        self.action_bar = EditorActions(self)
        self.feedback = Feedback(self)
        self._expose_parts()
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, style.SPACE.s, 0)
        left_column.addWidget(self.form)
        left_column.addWidget(self.price_panel)
        left_column.addStretch(1)
        left.setMinimumWidth(420)
        left.setMaximumWidth(470)
        body = QHBoxLayout()
        body.addWidget(left)
        body.addWidget(self.lines_panel, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.header_bar)
        outer.addWidget(self.message)
        outer.addLayout(body, 1)
        outer.addWidget(self.feedback)
        outer.addWidget(self.action_bar)
        self._connect()
        QWidget.setTabOrder(self.notes, self.add_field)
        QWidget.setTabOrder(self.add_field, self.lines_view)

    def _expose_parts(self) -> None:
        """The parts' fields and buttons as the editor's own attributes (callers and tests
        use ``editor.customer``, ``editor.save_button``…)."""
        form, lines, actions = self.form, self.lines_panel, self.action_bar
        self.message = form.message
        self.fields = form.fields
        self.customer = form.customer
        self.customer_completer = form.customer_completer
        self.member_note = form.member_note
        self.event_field = form.event_field
        self.venue = form.venue
        self.start = form.start
        self.end = form.end
        self.same_use = form.same_use
        self.use_start = form.use_start
        self.use_end = form.use_end
        self.notes = form.notes
        self.add_field = lines.add_field
        self.add_completer = lines.add_completer
        self.add_feedback = lines.add_feedback
        self.lines_view = lines.lines_view
        self.delegate = lines.delegate
        self.remove_button = lines.remove_button
        self.shortage_panel = lines.shortage_panel
        self.lines_hint = lines.lines_hint
        self.save_button = actions.save_button
        self.confirm_button = actions.confirm_button
        self.cancel_booking_button = actions.cancel_booking_button
        self.quote_button = actions.quote_button
        self.picklist_menu = actions.picklist_menu
        self.print_picklist_action = actions.print_picklist_action
        self.save_picklist_action = actions.save_picklist_action
        self.picklist_button = actions.picklist_button
        self.invoice_button = actions.invoice_button
        self.damage_button = actions.damage_button
        self.pricing_button = actions.pricing_button
        self.close_button = actions.close_button

    def as_widget(self) -> QWidget:
        return self

    def _connect(self) -> None:
        self.lines_panel.added.connect(self.fields.clear)
        self.save_button.clicked.connect(lambda: self.save(confirm=False))
        self.confirm_button.clicked.connect(lambda: self.save(confirm=True))
        self.cancel_booking_button.clicked.connect(self.cancel_booking)
        self.quote_button.clicked.connect(self.show_quote)
        self.print_picklist_action.triggered.connect(self.print_picklist)
        self.save_picklist_action.triggered.connect(self.save_picklist)
        self.invoice_button.clicked.connect(self.invoice)
        self.damage_button.clicked.connect(self.record_damage)
        self.pricing_button.clicked.connect(self.open_pricing)
        self.close_button.clicked.connect(self.reject)
        self.customer.textChanged.connect(self.refresh)
        for edit in (self.start, self.end, self.use_start, self.use_end):
            edit.dateTimeChanged.connect(self._dates_changed)
        self.same_use.toggled.connect(self._dates_changed)
        self.lines.dataChanged.connect(self._lines_data_changed)
        self.lines.rowsInserted.connect(self._lines_changed)
        self.lines.rowsRemoved.connect(self._lines_changed)
        self.lines.modelReset.connect(self._lines_changed)

    def _choices_arrived(self, choices: queries.PickerChoices) -> None:
        self.form.set_customers(choices.customers)
        set_choices(self.add_completer, picker_entries(choices))

    # --- loading ------------------------------------------------------------------------

    def load(self, booking_id: int) -> None:
        self.booking_id = booking_id
        self.ops.read(lambda uow: queries.booking_form(uow, booking_id), self._loaded, self._failed)

    def _loaded(self, found: queries.BookingForm) -> None:
        self._loading = True
        self.booking_id, self.reference, self.status = found.id, found.reference, found.status
        self.customer.setText(found.customer)
        self.event_field.setText(found.event)
        self.venue.setText(found.venue)
        for edit in (self.customer, self.event_field, self.venue):
            edit.setCursorPosition(0)
        self.notes.setPlainText(found.notes)
        self.form.set_references(found.buyer_reference, found.order_reference)
        self.form.set_period(found.start, found.end, found.use_start, found.use_end)
        self.lines.set_lines(editor_lines(found))
        if self.price_panel.quote is not None:
            self._priced(self.price_panel.quote)  # until the saved booking is priced again
        self._loading = False
        self._dates_changed()
        self._update_header(found)
        self._clean = self.state()

    def _update_header(self, found: queries.BookingForm | None = None) -> None:
        if self.booking_id is None:
            self.setWindowTitle(tr("BookingEditor", "New booking"))
            self.header_bar.show_new()
        elif found is not None:
            self.setWindowTitle(tr("BookingEditor", "Booking %1").replace("%1", self.reference))
            self.header_bar.show_booking(
                found.reference, found.status, found.customer, found.start, found.end
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.booking_id is not None and not self.reference:
            return  # a saved booking not read yet: its status decides (a new one's would widen)
        super()._update_buttons()

    # --- the period and the customer ----------------------------------------------------

    def period(self) -> tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime]:
        return self.form.period()

    def _dates_changed(self) -> None:
        self.form.follow_planned_period()
        if not self._loading:
            self.refresh()

    def customer_number(self) -> str:
        return self.form.customer_number()

    # --- unsaved changes -------------------------------------------------------------

    def state(self) -> tuple[Any, ...]:
        """What saving would write, to tell whether anything changed since the last load
        or save (the customer by number, whether its list has arrived or not)."""
        return (
            self.form.customer_key(),
            self.event_field.text(),
            self.venue.text(),
            self.notes.toPlainText(),
            self.form.references(),
            self.period(),
            tuple((line.item_type_id, line.quantity) for line in self.lines.lines),
        )

    def is_dirty(self) -> bool:
        return self.state() != self._clean

    def reject(self) -> None:
        """Esc, Close or the window's close button: asks Save / Discard / Cancel when
        something is not saved, closes quietly otherwise."""
        if self._closing or not self.is_dirty():
            self._closing = True
            super().reject()
            return
        self.ask_unsaved()

    def ask_unsaved(self) -> QMessageBox:
        if self.unsaved_box is not None:
            return self.unsaved_box
        name = self.reference or tr("BookingEditor", "this new booking")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("BookingEditor", "Unsaved changes"),
            tr("BookingEditor", "Save the changes to %1 before closing?").replace("%1", name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        save = box.addButton(tr("BookingEditor", "&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            tr("BookingEditor", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(tr("BookingEditor", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        self.unsaved_box = box

        def answered(button: object) -> None:
            self.unsaved_box = None
            if button is save:
                self.save(confirm=False, then=self.close_now)
            elif button is discard:
                self.close_now()
            else:
                self.activateWindow()  # back to the editor (also without a window manager)
                self.add_field.setFocus()

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def close_now(self) -> None:
        """Close without asking (after saving, or when the changes are discarded)."""
        self._closing = True
        self.reject()

    # --- lines --------------------------------------------------------------------------

    def add_text(self, text: str, clear: bool = True) -> None:
        self.lines_panel.add_text(text, clear)

    def remove_line(self) -> None:
        self.lines_panel.remove_line()

    def step_quantity(self, delta: int) -> None:
        self.lines_panel.step_quantity(delta)

    def focus_quantity(self) -> None:
        self.lines_panel.focus_quantity()

    def quantity_editor(self, row: int) -> Any:
        return self.lines_panel.quantity_editor(row)

    def _lines_data_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        if first.column() <= LinesModel.QUANTITY <= last.column():
            self.refresh()

    def _lines_changed(self) -> None:
        self.lines_panel.open_quantity_editors()
        if not self._loading:
            self.refresh()

    # --- saving -------------------------------------------------------------------------

    def booking_data(self) -> bookings.BookingData:
        number = self.customer_number()
        if not number:
            raise ValidationError(
                "customer",
                "Choose the customer from the list (type part of a name or number).",
            )
        start, end, use_start, use_end = self.period()
        buyer_reference, order_reference = self.form.references()
        return bookings.BookingData(
            customer=number,
            start=start,
            end=end,
            use_start=use_start,
            use_end=use_end,
            event=self.event_field.text(),
            venue=self.venue.text(),
            notes=self.notes.toPlainText(),
            lines=[bookings.Line(line.code, line.quantity) for line in self.lines.lines],
            buyer_reference=buyer_reference,
            order_reference=order_reference,
        )

    def save(self, confirm: bool = False, then: Any = None) -> bool:
        """Write the booking (and confirm it); True when written. Refusals (a shortage that
        appeared meanwhile, a bad field) are shown and nothing is written. ``then()`` runs
        once the saved booking is shown again."""
        self.fields.clear()
        self.feedback.clear_message()
        try:
            data = self.booking_data()
        except DomainError as err:
            self._failed(err)
            return False
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        booking_id = self.booking_id

        def action(uow: UnitOfWork) -> int:
            if booking_id is None:
                created = bookings.create_booking(
                    uow, user=user, data=data, clock=clock, confirm=confirm
                )
                assert created.id is not None
                return created.id
            booking = bookings.update_booking(
                uow, user=user, reference=reference, data=data, clock=clock
            )
            if confirm and booking.status == BookingStatus.QUOTE:
                bookings.confirm_booking(uow, user=user, reference=reference, clock=clock)
            assert booking.id is not None
            return booking.id

        written = False

        def done(new_id: int) -> None:
            nonlocal written
            written = True
            self.booking_id = new_id

            def reread(found: queries.BookingForm) -> None:
                self._saved(found)
                if then is not None:
                    then()

            self.ops.read(lambda uow: queries.booking_form(uow, new_id), reread)

        self.ops.write(action, done, self._failed, changes=Change.BOOKINGS)
        return written

    def _saved(self, found: queries.BookingForm) -> None:
        self._loaded(found)
        self.feedback.ok(
            tr("BookingEditor", "Booking %1 saved (%2).")
            .replace("%1", found.reference)
            .replace("%2", booking_status_label(found.status).lower())
        )

    def _failed(self, err: DomainError) -> None:
        set_invalid(self.add_field, False)
        name = err.field if isinstance(err, ValidationError) else None
        if name in LINE_FIELDS:
            self.fields.clear()
            set_invalid(self.add_field, True)
            self.add_feedback.error(i18n.message(err))
            self.add_field.setFocus()
        elif self.fields.show(err) is None:
            self.message.hide()
            self.feedback.error(i18n.message(err))
        self.refresh()

    def cancel_booking(self) -> None:
        """Cancel at once; an invoiced booking after a question offering to issue the
        credit note of what remains in the same step (``cancel_flow``)."""
        if not self.reference:
            return
        booking_id = self.booking_id
        assert booking_id is not None

        def cancelled(ref: str, notes: tuple[str, ...]) -> None:
            def loaded(found: queries.BookingForm) -> None:
                self._saved(found)
                if notes:
                    self.feedback.ok(
                        tr("BookingEditor", "Booking %1 cancelled; credit note %2 issued.")
                        .replace("%1", ref)
                        .replace("%2", ", ".join(notes))
                    )

            self.ops.read(lambda uow: queries.booking_form(uow, booking_id), loaded)

        cancel_flow.cancel_booking(
            self.ops,
            self,
            self.reference,
            ask_first=False,
            open_box=self._open_dialog,
            done=cancelled,
            failed=self._failed,
        )
