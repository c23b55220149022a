"""The booking editor's buttons: cancel, the quote, the pick list (print or save), the
invoice, pricing and deposit on the left; Close, Save and Save and confirm on the right.
Which are shown and enabled follows the booking's status (``update``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from app.gui.shell import icons
from booking.models import HOLDING, TRANSITIONS, BookingStatus
from invoicing import invoices

tr = QCoreApplication.translate


def _button(icon: str, text: str, tip: str = "") -> QPushButton:
    button = QPushButton(icons.icon(icon), text)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    return button


@dataclass(frozen=True)
class ButtonState:
    """What the buttons depend on."""

    status: BookingStatus | None  # None: a new booking
    saved: bool
    has_lines: bool
    why_not: str  # why it cannot be confirmed ("" when it can)
    blocked: bool  # a shortage or a bad period: a holding booking cannot be saved


class EditorActions(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.save_button = _button("save", tr("BookingEditor", "Save as &quote"))
        self.confirm_button = _button("confirm", tr("BookingEditor", "Save and &confirm"))
        self.confirm_button.setProperty("primary", True)
        self.cancel_booking_button = _button("cancel", tr("BookingEditor", "Cance&l booking"))
        self.quote_button = _button(
            "quote",
            tr("BookingEditor", "Quote P&DF…"),
            tr(
                "BookingEditor",
                "The quote: preview, print, save as PDF (unsaved changes are saved first)",
            ),
        )
        self.print_picklist_action = self._action(
            "print", tr("BookingEditor", "&Print the pick list…"), "Ctrl+P", parent
        )
        self.save_picklist_action = self._action(
            "pdf", tr("BookingEditor", "&Save the pick list as PDF…"), "Ctrl+Shift+P", parent
        )
        self.picklist_menu = QMenu(self)
        self.picklist_menu.addAction(self.print_picklist_action)
        self.picklist_menu.addAction(self.save_picklist_action)
        self.picklist_button = _button(
            "picklist",
            tr("BookingEditor", "Pic&k list"),
            tr(
                "BookingEditor",
                "The warehouse pick list: print it (Ctrl+P) or save it as PDF (Ctrl+Shift+P)",
            ),
        )
        self.picklist_button.setMenu(self.picklist_menu)
        self.invoice_button = _button(
            "invoices",
            tr("BookingEditor", "Inv&oice…"),
            tr("BookingEditor", "Invoice what is not invoiced yet (the draft is shown first)"),
        )
        self.damage_button = _button(
            "repair",
            tr("BookingEditor", "Da&mage charge…"),
            tr("BookingEditor", "Record the repair cost of pieces that came back damaged"),
        )
        self.pricing_button = _button(
            "pricing",
            tr("BookingEditor", "Pricin&g and deposit…"),
            tr("BookingEditor", "The saved booking's discounts, coefficient, minimum and deposits"),
        )
        self.close_button = _button(
            "close",
            tr("BookingEditor", "Close"),
            tr("BookingEditor", "Close (Esc); asks first when there are unsaved changes"),
        )
        # Ctrl+S saves as the Save button would (nothing when it is disabled)
        self.save_shortcut = self._action("save", tr("BookingEditor", "Save"), "Ctrl+S", parent)
        self.save_shortcut.triggered.connect(self.save_button.click)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.cancel_booking_button,
            self.quote_button,
            self.picklist_button,
            self.invoice_button,
            self.damage_button,
            self.pricing_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.close_button, self.save_button, self.confirm_button):
            row.addWidget(button)

    @staticmethod
    def _action(icon: str, text: str, keys: str, window: QWidget) -> QAction:
        action = QAction(icons.icon(icon), text, window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        return action

    def show_state(self, state: ButtonState) -> None:
        status = state.status
        editable = status is None or status in (
            BookingStatus.QUOTE,
            BookingStatus.CONFIRMED,
            BookingStatus.OUT,
        )
        holding = status in HOLDING
        self.save_button.setText(
            tr("BookingEditor", "Save c&hanges")
            if holding
            else tr("BookingEditor", "Save as &quote")
        )
        self.save_button.setEnabled(editable and not (holding and state.blocked))
        self.save_button.setVisible(status != BookingStatus.CANCELLED)  # nothing to save
        self.save_button.setToolTip(state.why_not if holding else "")
        can_confirm = status is None or status == BookingStatus.QUOTE
        self.confirm_button.setVisible(can_confirm)
        self.confirm_button.setEnabled(can_confirm and not state.why_not)
        self.confirm_button.setToolTip(
            state.why_not or tr("BookingEditor", "Save, then hold the stock for this booking")
        )
        live = status != BookingStatus.CANCELLED
        cancellable = status is not None and BookingStatus.CANCELLED in TRANSITIONS[status]
        self.cancel_booking_button.setVisible(state.saved)
        self.cancel_booking_button.setEnabled(cancellable)
        self.quote_button.setEnabled(live and (status is not None or state.has_lines))
        self.picklist_button.setVisible(state.saved)
        self.picklist_button.setEnabled(live)
        for action in (self.print_picklist_action, self.save_picklist_action):
            action.setEnabled(state.saved and live)
        self.damage_button.setVisible(state.saved)
        self.damage_button.setEnabled(status in (BookingStatus.OUT, BookingStatus.RETURNED))
        self.invoice_button.setVisible(state.saved)
        self.invoice_button.setEnabled(status in invoices.INVOICEABLE)
        self.pricing_button.setVisible(state.saved)
        self.pricing_button.setEnabled(live)
