"""Cancelling a booking from the booking editor or the bookings list: a booking with an
invoice not fully credited is cancelled together with the credit note of what remains, in
one step (``invoicing.cancellation``), after a question naming the invoices and the total
credited; otherwise as before (the list asks first, the editor does not)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.core.money import to_cents
from app.gui.invoicing.credit_note_dialog import issue_off_the_lock, renderer
from app.gui.shell import icons
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import format_amount
from invoicing import cancellation
from invoicing.cancellation import Cancelled, OpenInvoice
from invoicing.models import IssuedDocument
from invoicing.validation import check_xml

tr = QCoreApplication.translate
#: ``done(reference, credit note numbers)`` once cancelled.
Done = Callable[[str, tuple[str, ...]], None]


def cancel_booking(
    ops: Operations,
    parent: QWidget,
    reference: str,
    *,
    ask_first: bool,
    open_box: Callable[[QMessageBox], Any],
    done: Done,
    failed: Callable[[DomainError], object],
    description: str = "",
) -> None:
    """Cancel ``reference``: its open invoices read first; invoiced, a question offers
    "Cancel and issue the credit note"; otherwise cancelled at once, or after a Yes/No
    question when ``ask_first``."""

    def found(still: list[OpenInvoice]) -> None:
        if still:
            open_box(_invoiced_box(parent, reference, still, _with_credit))
        elif ask_first:
            open_box(_plain_box(parent, reference, description, _plain))
        else:
            _plain()

    user, clock = ops.user, ops.ctx.clock

    def _plain() -> None:
        ops.write(
            lambda uow: (
                cancellation.cancel_booking(
                    uow, user=user, reference=reference, clock=clock
                ).reference
            ),
            lambda ref: done(ref, ()),
            failed,
            changes=Change.BOOKINGS,
        )

    def _with_credit() -> None:
        render_with = renderer()
        result: list[Cancelled] = []

        def action(uow: UnitOfWork) -> IssuedDocument:
            cancelled = cancellation.cancel_with_credit_notes(
                uow,
                user=user,
                reference=reference,
                clock=clock,
                renderer=render_with,
                check=check_xml,
                require_open=True,  # under issuing.issue: the rehearsal must not write
            )
            result[:] = [cancelled]
            return cancelled.credit_notes[0]

        def finished(_row: IssuedDocument) -> None:
            ops.changed.emit(Change.BOOKINGS)
            done(result[0].booking.reference, tuple(r.number for r in result[0].credit_notes))

        issue_off_the_lock(ops, action, finished, failed)

    ops.read(lambda uow: cancellation.open_invoices(uow, reference), found, failed)


def _plain_box(
    parent: QWidget, reference: str, description: str, yes: Callable[[], None]
) -> QMessageBox:
    text = tr("BookingsScreen", "Cancel booking %1 (%2)? Its stock is released.")
    if not description:
        text = tr("BookingsScreen", "Cancel booking %1? Its stock is released.")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("BookingsScreen", "Cancel booking"),
        text.replace("%1", reference).replace("%2", description),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.buttonClicked.connect(
        lambda button: (
            yes() if box.standardButton(button) == QMessageBox.StandardButton.Yes else None
        )
    )
    return box


def _invoiced_box(
    parent: QWidget, reference: str, still: list[OpenInvoice], yes: Callable[[], None]
) -> QMessageBox:
    total = sum((i.remaining for i in still), Decimal("0.00"))
    numbers = ", ".join(i.number for i in still)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("BookingsScreen", "Cancel an invoiced booking"),
        tr(
            "BookingsScreen",
            "Booking %1 is invoiced (%2). Cancelling it issues the credit note of what "
            "remains: %3 incl. VAT credited.",
        )
        .replace("%1", reference)
        .replace("%2", numbers)
        .replace("%3", format_amount(to_cents(total))),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        tr(
            "BookingsScreen",
            "A credit note is numbered and final, like an invoice. The booking's stock is "
            "released.",
        )
    )
    go = box.addButton(
        tr("BookingsScreen", "Cancel and issue the &credit note"), QMessageBox.ButtonRole.AcceptRole
    )
    go.setIcon(icons.icon("credit"))
    keep = box.addButton(
        tr("BookingsScreen", "&Keep the booking"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.buttonClicked.connect(lambda button: yes() if button is go else None)
    return box


def credit_button(box: QMessageBox) -> QPushButton:
    """The box's "Cancel and issue the credit note" button (tests press it)."""
    for button in box.buttons():
        if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            assert isinstance(button, QPushButton)
            return button
    raise LookupError("no credit note button")
