"""Record a damage charge on a booking (the repair cost of pieces checked in damaged,
after inspection): the item type among the booking's own (those with damaged pieces not
yet charged first), how many pieces, the amount excl. VAT and what was damaged (printed on
the invoice). Choices read with ``charges.damage_choices``, written with
``charges.record_damage_charge`` through ``ops.write``; a refusal shows next to its field
(or under the form) and nothing is written. The charge goes on the booking's next invoice,
or on an invoice of its own ("Only the damage and loss charges")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import FormFields
from invoicing import charges

tr = QCoreApplication.translate


class DamageChargeDialog(QDialog):
    """``saved`` (the recorded charge's id) once written; the dialog then closes."""

    def __init__(self, ops: Operations, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.reference = reference
        self.saved: int | None = None
        self.choices: list[charges.DamageChoice] = []
        self.setWindowTitle(tr("DamageChargeDialog", "Damage charge — {ref}").format(ref=reference))
        self.setWindowIcon(icons.icon("repair"))
        intro = QLabel(
            tr(
                "DamageChargeDialog",
                "The repair cost of pieces that came back damaged, after inspection. It goes "
                "on the booking's next invoice, or on an invoice of its own (the draft invoice's "
                "“Only the damage and loss charges”).",
            )
        )
        intro.setWordWrap(True)
        style.set_role(intro, "muted")
        self.message = QLabel()
        form = QFormLayout()
        self.fields = FormFields(form, self.message)
        self.item = QComboBox()
        self.item.setMinimumContentsLength(28)
        self.fields.add(tr("DamageChargeDialog", "&Item type:"), "code", self.item)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        self.quantity.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10)
        self.fields.add(tr("DamageChargeDialog", "&Pieces:"), "quantity", self.quantity)
        self.amount = QLineEdit()
        self.amount.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
        self.amount.setPlaceholderText("85,00")
        self.fields.add(tr("DamageChargeDialog", "&Amount (€ excl. VAT):"), "amount", self.amount)
        self.description = QLineEdit()
        self.description.setMaxLength(200)
        self.description.setPlaceholderText(
            tr("DamageChargeDialog", "e.g. cracked lens (printed on the invoice)")
        )
        self.fields.add(
            tr("DamageChargeDialog", "&What was damaged:"), "description", self.description
        )
        self.state = QLabel()
        style.set_role(self.state, "muted")
        self.state.setWordWrap(True)
        self.item.currentIndexChanged.connect(self._item_changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("DamageChargeDialog", "&Record the charge"))
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.ops.read(lambda uow: charges.damage_choices(uow, reference), self._fill, self._refused)

    def _fill(self, choices: list[charges.DamageChoice]) -> None:
        self.choices = choices
        self.item.clear()
        for choice in choices:
            self.item.addItem(f"{choice.name} ({choice.code})", choice.code)
        self.save_button.setEnabled(bool(choices))
        if not choices:
            self.state.setText(tr("DamageChargeDialog", "This booking has no equipment."))
        self._item_changed()
        self.item.setFocus()

    def _item_changed(self) -> None:
        index = self.item.currentIndex()
        if not 0 <= index < len(self.choices):
            return
        choice = self.choices[index]
        text = tr("DamageChargeDialog", "Came back damaged: {damaged}; already charged: {charged}.")
        self.state.setText(text.format(damaged=choice.damaged, charged=choice.charged))
        self.quantity.setValue(max(choice.left, 1))

    def save(self) -> None:
        self.fields.clear()
        code = self.item.currentData()
        if not code:
            return
        quantity, amount = self.quantity.value(), self.amount.text()
        description = self.description.text().strip() or charges.DEFAULT_DAMAGE_NOTE
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        self.buttons.setEnabled(False)
        self.ops.write(
            lambda uow: (
                charges.record_damage_charge(
                    uow,
                    user=user,
                    reference=reference,
                    item_code=code,
                    amount=amount,
                    description=description,
                    quantity=quantity,
                    clock=clock,
                ).id
            ),
            self._saved,
            self._refused,
            changes=Change.INVOICES,
        )

    def _saved(self, charge_id: int | None) -> None:
        self.saved = charge_id
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, err: DomainError) -> None:
        self.buttons.setEnabled(True)
        self.fields.show(err)
