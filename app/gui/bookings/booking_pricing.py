"""A booking's pricing and deposits, opened from the booking editor ("Pricing and
deposit…"): the booking discount, the coefficients (the families' tables, another table or
a fixed coefficient), its own minimum charge and a discount per item type; the deposit it
requires, the deposits recorded with their status, and recording, returning or keeping
one to settle an invoice.

Every write goes through ``ops.write`` and the services of ``invoicing.rates`` and
``invoicing.deposits``, which check everything before writing anything; a refusal is shown
next to the field it names.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork, require_id
from app.core.errors import DomainError, ValidationError
from app.core.money import from_cents, to_cents
from app.gui.bookings.editor_pricing_parts import (
    FIXED,
    TABLE,
    USUAL,
    DepositRow,
    PricingState,
    read_state,
    status_label,
)
from app.gui.bookings.editor_pricing_parts import cell as _cell
from app.gui.bookings.editor_pricing_parts import make_table as _table
from app.gui.invoicing.invoice_dialogs import method_label, money
from app.gui.shell import icons
from app.gui.shell.changes import Change
from app.gui.shell.chips import STATUS_ROLE, ChipDelegate
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import (
    FitScrollArea,
    FormFields,
    edit_amount,
    format_amount,
    format_date,
)
from invoicing import deposits, payments, rates
from invoicing.models import DepositStatus

tr = QCoreApplication.translate
#: A deposit's status as its chip's key (``chips.TONES["deposit"]``).
CHIP_OF = {DepositStatus.RETAINED.value: "kept"}
__all__ = ["FIXED", "TABLE", "USUAL", "BookingPricingDialog", "DepositRow", "PricingState"]


class BookingPricingDialog(QDialog):
    """The pricing (saved with "Save pricing") and the deposits of one saved booking."""

    def __init__(self, ops: Operations, state: PricingState, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.state = state
        self.reference = state.reference
        self.setWindowTitle(
            tr("BookingPricing", "Pricing and deposit — %1").replace("%1", state.reference)
        )
        self.resize(760, 720)
        self.status = QLabel()
        self.status.setWordWrap(True)

        # --- pricing --------------------------------------------------------------------
        pricing_box = QGroupBox(tr("BookingPricing", "Pricing"))
        pricing_column = QVBoxLayout(pricing_box)
        self.pricing_message = QLabel()
        pricing_column.addWidget(self.pricing_message)
        form = QFormLayout()
        pricing_column.addLayout(form)
        self.pricing_fields = FormFields(form, self.pricing_message)
        self.discount = QLineEdit()
        self.pricing_fields.add(
            tr("BookingPricing", "Booking &discount (%):"), "discount", self.discount
        )
        self.mode = QComboBox()
        self.mode.addItem(tr("BookingPricing", "The equipment families' tables"), USUAL)
        self.mode.addItem(tr("BookingPricing", "Another coefficient table"), TABLE)
        self.mode.addItem(tr("BookingPricing", "A fixed coefficient"), FIXED)
        self.pricing_fields.add(tr("BookingPricing", "Coe&fficients:"), (), self.mode)
        self.table = QComboBox()
        self.pricing_fields.add(tr("BookingPricing", "Ta&ble:"), "table", self.table)
        self.coefficient = QLineEdit()
        self.coefficient.setPlaceholderText("1,5")
        self.pricing_fields.add(
            tr("BookingPricing", "Fi&xed coefficient:"), "coefficient", self.coefficient
        )
        self.minimum = QLineEdit()
        self.pricing_fields.add(
            tr("BookingPricing", "&Minimum charge (€):"), "minimum charge", self.minimum
        )
        self.lines = _table(
            [
                tr("BookingPricing", "Code"),
                tr("BookingPricing", "Item type"),
                tr("BookingPricing", "Discount (%)"),
            ],
            tr("BookingPricing", "Line discounts"),
        )
        self.lines.setMinimumHeight(120)
        self.pricing_fields.add(tr("BookingPricing", "Line discounts:"), (), self.lines)
        self.save_pricing_button = QPushButton(tr("BookingPricing", "&Save pricing"))
        self.save_pricing_button.setIcon(icons.icon("save"))
        self.save_pricing_button.clicked.connect(self.save_pricing)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_pricing_button)
        pricing_column.addLayout(row)
        self.mode.currentIndexChanged.connect(self._mode_changed)

        # --- deposits -------------------------------------------------------------------
        deposit_box = QGroupBox(tr("BookingPricing", "Deposit"))
        deposit_column = QVBoxLayout(deposit_box)
        self.summary = QLabel()
        deposit_column.addWidget(self.summary)
        self.deposits = _table(
            [
                tr("BookingPricing", "No."),
                tr("BookingPricing", "Received"),
                tr("BookingPricing", "Amount"),
                tr("BookingPricing", "Method"),
                tr("BookingPricing", "Status"),
                tr("BookingPricing", "Kept"),
                tr("BookingPricing", "Notes"),
            ],
            tr("BookingPricing", "Deposits"),
        )
        self.deposits.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deposits.setMinimumHeight(110)
        self.deposits.setItemDelegateForColumn(4, ChipDelegate("deposit", self.deposits))
        deposit_column.addWidget(self.deposits)
        self.deposit_message = QLabel()
        deposit_column.addWidget(self.deposit_message)
        record_form = QFormLayout()
        deposit_column.addLayout(record_form)
        self.deposit_fields = FormFields(record_form, self.deposit_message)
        self.amount = QLineEdit()
        self.deposit_fields.add(tr("BookingPricing", "Amo&unt (€):"), "amount", self.amount)
        self.method = QComboBox()
        for method in payments.METHODS:
            self.method.addItem(method_label(method.value), method.value)
        self.method.setCurrentIndex(max(0, self.method.findData("cheque")))
        self.deposit_fields.add(tr("BookingPricing", "Met&hod:"), "method", self.method)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(tr("BookingPricing", "Cheque number, bank…"))
        self.deposit_fields.add(tr("BookingPricing", "N&otes:"), "notes", self.notes)
        self.record_button = QPushButton(tr("BookingPricing", "&Record the deposit"))
        self.record_button.setIcon(icons.icon("deposit"))
        self.record_button.clicked.connect(self.record_deposit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        deposit_column.addLayout(row)

        self.retain_message = QLabel()
        deposit_column.addWidget(self.retain_message)
        retain_form = QFormLayout()
        deposit_column.addLayout(retain_form)
        self.retain_fields = FormFields(retain_form, self.retain_message)
        self.invoice = QComboBox()
        self.retain_fields.add(tr("BookingPricing", "&Invoice to settle:"), "invoice", self.invoice)
        self.kept = QLineEdit()
        self.kept.setPlaceholderText(tr("BookingPricing", "the invoice's balance"))
        self.retain_fields.add(tr("BookingPricing", "&Kept amount (€):"), "amount", self.kept)
        self.return_button = QPushButton(tr("BookingPricing", "Re&turn the deposit"))
        self.return_button.setIcon(icons.icon("undo"))
        self.return_button.clicked.connect(self.return_deposit)
        self.retain_button = QPushButton(tr("BookingPricing", "Kee&p for the invoice"))
        self.retain_button.setToolTip(
            tr(
                "BookingPricing",
                "Settle the invoice from the selected deposit; the rest of it is returned",
            )
        )
        self.retain_button.setIcon(icons.icon("payment"))
        self.retain_button.clicked.connect(self.retain_deposit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.return_button)
        row.addWidget(self.retain_button)
        deposit_column.addLayout(row)
        self.deposits.itemSelectionChanged.connect(self._update_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (
            self.save_pricing_button,
            self.record_button,
            self.return_button,
            self.retain_button,
        ):
            button.setAutoDefault(False)
        # the two boxes scroll when the screen is short (a laptop's 768 px): the status and
        # Close stay in sight
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(pricing_box)
        column.addWidget(deposit_box, 1)
        self.scroll_area = FitScrollArea(content)  # not ``scroll``: QWidget's scroll()
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self.status)
        outer.addWidget(buttons)
        self.set_state(state)

    # --- state --------------------------------------------------------------------------

    def set_state(self, state: PricingState) -> None:
        self.state = state
        self.discount.setText(state.discount)
        self.table.clear()
        self.table.addItems(state.tables)
        if state.table:
            self.table.setCurrentIndex(max(0, self.table.findText(state.table)))
        self.coefficient.setText(state.coefficient)
        self.mode.setCurrentIndex(max(0, self.mode.findData(state.mode)))
        self.minimum.setText(state.minimum)
        self.minimum.setPlaceholderText(
            tr("BookingPricing", "the cooperative's: %1").replace(
                "%1", format_amount(state.cooperative_minimum)
            )
        )
        self.lines.setRowCount(len(state.lines))
        for row, (code, name, discount) in enumerate(state.lines):
            self.lines.setItem(row, 0, _cell(code))
            self.lines.setItem(row, 1, _cell(name))
            self.lines.setItem(row, 2, _cell(discount, editable=True, right=True))
        self.summary.setText(
            tr("BookingPricing", "Deposit required: %1 — held: %2")
            .replace("%1", money(state.required))
            .replace("%2", money(state.held))
        )
        self.deposits.setRowCount(len(state.deposits))
        for row, dep in enumerate(state.deposits):
            cells = [
                _cell(str(dep.id), right=True),
                _cell(format_date(dep.received_on)),
                _cell(format_amount(dep.amount_cents), right=True),
                _cell(method_label(dep.method)),
                _cell(status_label(dep.status)),
                _cell(format_amount(dep.retained_cents) if dep.retained_cents else "", right=True),
                _cell(dep.notes),
            ]
            cells[4].setData(STATUS_ROLE, CHIP_OF.get(dep.status, dep.status))
            for column, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, dep.id)
                self.deposits.setItem(row, column, cell)
        missing = state.required - state.held
        self.amount.setText(edit_amount(to_cents(missing)) if missing > 0 else "")
        self.invoice.clear()
        for number, balance in state.invoices:
            self.invoice.addItem(
                tr("BookingPricing", "%1 — %2 left to pay")
                .replace("%1", number)
                .replace("%2", money(balance)),
                number,
            )
        held = [r for r, d in enumerate(state.deposits) if d.status == DepositStatus.HELD.value]
        if held:
            self.deposits.selectRow(held[0])
        else:
            self.deposits.clearSelection()
        self._update_buttons()

    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        self.table.setEnabled(mode == TABLE)
        self.coefficient.setEnabled(mode == FIXED)

    def selected_deposit(self) -> DepositRow | None:
        rows = {i.row() for i in self.deposits.selectedItems()}
        if len(rows) != 1:
            return None
        return self.state.deposits[rows.pop()]

    def _update_buttons(self) -> None:
        chosen = self.selected_deposit()
        held = chosen is not None and chosen.status == DepositStatus.HELD.value
        self.return_button.setEnabled(held)
        self.retain_button.setEnabled(held and self.invoice.count() > 0)
        self.invoice.setEnabled(self.invoice.count() > 0)
        self._mode_changed()

    def reload(self, message: str = "") -> None:
        reference, today = self.reference, self.ops.ctx.clock.today()

        def arrived(state: PricingState) -> None:
            self.set_state(state)
            self.status.setText(message)

        self.ops.read(lambda uow: read_state(uow, reference, today), arrived, self._failed)

    def _failed(self, err: DomainError) -> None:
        self.status.setText(i18n.message(err))

    # --- pricing ------------------------------------------------------------------------

    def save_pricing(self) -> bool:
        """Check the line discounts, then write the pricing and the line discounts in one
        transaction; True when written."""
        self.pricing_fields.clear()
        lines = []
        for row in range(self.lines.rowCount()):
            code = _text_at(self.lines, row, 0)
            text = _text_at(self.lines, row, 2).strip() or "0"
            try:
                rates.percent("discount", text)
            except ValidationError as err:
                self.pricing_message.setText(f"{code}: {i18n.message(err)}")
                self.pricing_message.show()
                self.lines.setCurrentCell(row, 2)
                self.lines.setFocus()
                return False
            lines.append((code, text))
        mode = self.mode.currentData()
        table = self.table.currentText() if mode == TABLE else None
        if mode == TABLE and not table:
            self.pricing_fields.show(
                ValidationError("table", "The {field} cannot be empty.", field="table")
            )
            return False
        fixed = self.coefficient.text() if mode == FIXED else None
        discount = self.discount.text().strip() or "0"
        minimum = self.minimum.text()
        user, reference = self.ops.user, self.reference

        def write(uow: UnitOfWork) -> None:
            rates.set_booking_pricing(
                uow,
                user=user,
                reference=reference,
                table_name=table,
                fixed_coefficient=fixed,
                discount=discount,
                minimum=minimum,
            )
            for code, value in lines:
                rates.set_line_discount(
                    uow, user=user, reference=reference, item_code=code, discount=value
                )

        written = False

        def done(_: None) -> None:
            nonlocal written
            written = True
            self.reload(tr("BookingPricing", "Pricing saved."))

        self.ops.write(write, done, _shown_by(self.pricing_fields), changes=Change.INVOICES)
        return written

    # --- deposits -----------------------------------------------------------------------

    def record_deposit(self) -> bool:
        self.deposit_fields.clear()
        amount, method, notes = self.amount.text(), self.method.currentData(), self.notes.text()
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        if not amount.strip():
            self.deposit_fields.show(
                ValidationError("amount", "The {field} cannot be empty.", field="amount")
            )
            return False
        written = False

        def done(deposit_id: int) -> None:
            nonlocal written
            written = True
            self.notes.clear()
            self.reload(tr("BookingPricing", "Deposit %1 recorded.").replace("%1", str(deposit_id)))

        self.ops.write(
            lambda uow: require_id(
                deposits.record_deposit(
                    uow,
                    user=user,
                    reference=reference,
                    amount=amount,
                    method=method,
                    notes=notes,
                    clock=clock,
                )
            ),
            done,
            _shown_by(self.deposit_fields),
            changes=Change.INVOICES,
        )
        return written

    def return_deposit(self) -> bool:
        self.retain_fields.clear()
        chosen = self.selected_deposit()
        if chosen is None:
            return False
        user, clock, deposit_id = self.ops.user, self.ops.ctx.clock, chosen.id
        written = False

        def done(_: object) -> None:
            nonlocal written
            written = True
            self.reload(tr("BookingPricing", "Deposit %1 returned.").replace("%1", str(deposit_id)))

        self.ops.write(
            lambda uow: (
                deposits.return_deposit(uow, user=user, deposit_id=deposit_id, clock=clock).id
            ),
            done,
            _shown_by(self.retain_fields),
            changes=Change.INVOICES,
        )
        return written

    def retain_deposit(self) -> bool:
        self.retain_fields.clear()
        chosen = self.selected_deposit()
        number = self.invoice.currentData()
        if chosen is None or not number:
            return False
        kept = self.kept.text().strip() or None
        user, clock, deposit_id = self.ops.user, self.ops.ctx.clock, chosen.id
        written = False

        def done(retained_cents: int) -> None:
            nonlocal written
            written = True
            self.kept.clear()
            self.reload(
                tr("BookingPricing", "%1 kept from deposit %2 for %3; the rest is returned.")
                .replace("%1", money(from_cents(retained_cents)))
                .replace("%2", str(deposit_id))
                .replace("%3", number)
            )

        self.ops.write(
            lambda uow: (
                deposits.retain_deposit(
                    uow,
                    user=user,
                    deposit_id=deposit_id,
                    invoice_number=number,
                    amount=kept,
                    clock=clock,
                ).retained_cents
            ),
            done,
            _shown_by(self.retain_fields),
            changes=Change.INVOICES,
        )
        return written


def _text_at(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _shown_by(fields: FormFields) -> Callable[[DomainError], None]:
    """A write's refusal shown next to the field it names (or in the form's message)."""

    def show(err: DomainError) -> None:
        fields.show(err)

    return show
