"""The pricing screen's rules page, in two columns: the weekend rule and how late returns
are charged (on the left) and the charges and terms (minimum charge, payment term, quote
validity, default VAT rate, the VAT of damage and loss charges, on the right). Checked by ``pricing_setup.parse_rules`` and written by ``write_rules``; a refusal
shows next to its field and nothing is written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.core.money import to_decimal
from app.gui.invoicing.pricing_tables import button, muted
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import FormFields, edit_amount
from invoicing import rates
from invoicing.document import VatCategory
from invoicing.pricing import LateCharge
from invoicing.pricing_setup import PricingState, parse_rules, write_rules

tr = QCoreApplication.translate


def _short(width: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaximumWidth(width)
    return edit


class RulesPage(QWidget):
    def __init__(self, ops: Operations, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.feedback = feedback
        self.rules_message = QLabel()
        weekend_box, weekend_form = self._group(tr("PricingScreen", "Weekend"))
        late_box, late_form = self._group(tr("PricingScreen", "Late returns"))
        terms_box, terms_form = self._group(tr("PricingScreen", "Charges and terms"))
        self.rules_fields = FormFields(weekend_form, self.rules_message)
        self._weekend_rows()
        self.rules_fields.form = late_form  # the same checks, in each group
        self._late_rows()
        self.rules_fields.form = terms_form
        self._terms_rows()
        self.save_rules_button = button("save", tr("PricingScreen", "Save the r&ules"))
        self.save_rules_button.setProperty("primary", True)
        self.save_rules_button.clicked.connect(self.save_rules)
        columns = QHBoxLayout()
        columns.setSpacing(style.SPACE.l)
        left = QVBoxLayout()
        left.setSpacing(style.SPACE.l)
        left.addWidget(weekend_box)
        left.addWidget(late_box)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(terms_box, 1, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.addWidget(self.rules_message)
        column.addLayout(columns)
        column.addWidget(self.save_rules_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        return box, form

    def _weekend_rows(self) -> None:
        self.weekend = QCheckBox(
            tr(
                "PricingScreen",
                "&Weekend rule: out on Friday afternoon, back on Monday morning = 1 day",
            )
        )
        self.rules_fields.form.addRow(self.weekend)  # the whole width: the rule in words
        self.out_from = _short(90)
        self.rules_fields.add(
            tr("PricingScreen", "Out on Friday &from:"), "out from", self.out_from
        )
        self.back_by = _short(90)
        self.rules_fields.add(tr("PricingScreen", "Back on Monday &by:"), "back by", self.back_by)
        self.rules_fields.form.addRow(muted(tr("PricingScreen", "Write times as 14:00.")))

    def _late_rows(self) -> None:
        self.late = QComboBox()
        for charge, text in (
            (LateCharge.RATE, tr("PricingScreen", "Each late day at the day rate")),
            (LateCharge.FEE, tr("PricingScreen", "A fee per piece and per late day")),
            (LateCharge.NONE, tr("PricingScreen", "Not charged")),
        ):
            self.late.addItem(text, charge.value)
        self.rules_fields.add(tr("PricingScreen", "&Late returns:"), "late returns", self.late)
        self.late_fee = _short(120)
        self.rules_fields.add(
            tr("PricingScreen", "Late f&ee (€ excl. VAT, per piece and day):"),
            "late fee",
            self.late_fee,
        )
        self.late.currentIndexChanged.connect(self._late_changed)
        hint = muted(
            tr(
                "PricingScreen",
                "Counted in whole days after the planned return's day, from the check-in "
                "scan; a weekend booking back on Monday after the hour above loses its free "
                "Monday. The invoice shows the late days as the line's own period.",
            )
        )
        hint.setWordWrap(True)
        self.rules_fields.form.addRow(hint)
        self._late_changed()

    def _late_changed(self) -> None:
        self.late_fee.setEnabled(self.late.currentData() == LateCharge.FEE.value)

    def _terms_rows(self) -> None:
        self.minimum = _short(120)
        self.rules_fields.add(
            tr("PricingScreen", "&Minimum charge (€, excl. VAT):"), "minimum charge", self.minimum
        )
        self.payment_days = _short(90)
        self.rules_fields.add(
            tr("PricingScreen", "&Payment term (days):"), "payment days", self.payment_days
        )
        self.quote_days = _short(90)
        self.rules_fields.add(
            tr("PricingScreen", "&Quote valid for (days):"), "quote validity", self.quote_days
        )
        self.vat = _short(90)
        self.rules_fields.add(tr("PricingScreen", "Default &VAT rate (%):"), "VAT rate", self.vat)
        self._damage_rows()

    def _damage_rows(self) -> None:
        self.damage_vat = QComboBox()
        self.damage_vat.addItem("", VatCategory.STANDARD.value)  # its rate: ``fill``
        self.damage_vat.addItem(
            tr("PricingScreen", "Outside the scope of VAT (indemnity)"),
            VatCategory.OUT_OF_SCOPE.value,
        )
        self.damage_rate = rates.DEFAULTS[rates.DAMAGE_VAT_RATE]
        self._name_standard()
        self.rules_fields.add(
            tr("PricingScreen", "&Damage and loss charges:"),
            ("damage VAT", "damage VAT rate"),
            self.damage_vat,
        )
        hint = muted(
            tr(
                "PricingScreen",
                "VAT is the safer choice: a charge agreed in advance may count as the price "
                "of a service. Outside the scope of VAT (a pure compensation for a loss) once "
                "your accountant confirms it; such charges go on an invoice of their own.",
            )
        )
        hint.setWordWrap(True)
        self.rules_fields.form.addRow(hint)

    def _name_standard(self) -> None:
        shown = self.damage_rate.rstrip("0").rstrip(".").replace(".", QLocale().decimalPoint())
        self.damage_vat.setItemText(0, tr("PricingScreen", "VAT {rate} %").format(rate=shown))

    def fill(self, state: PricingState) -> None:
        values = state.values
        self.weekend.setChecked(values.get(rates.WEEKEND_ENABLED) == "1")
        self.out_from.setText(values.get(rates.WEEKEND_OUT_FROM, ""))
        self.back_by.setText(values.get(rates.WEEKEND_BACK_BY, ""))
        try:
            minimum = to_decimal(values.get(rates.MINIMUM_CHARGE, "0"))
            self.minimum.setText(edit_amount(int(minimum * 100)))
        except ValueError:
            self.minimum.setText(values.get(rates.MINIMUM_CHARGE, ""))
        self.payment_days.setText(values.get(rates.PAYMENT_DAYS, ""))
        self.quote_days.setText(values.get(rates.QUOTE_VALIDITY_DAYS, ""))
        self.vat.setText(values.get(rates.VAT_RATE, "").replace(".", QLocale().decimalPoint()))
        index = self.late.findData(values.get(rates.LATE_RETURN_RULE, LateCharge.RATE.value))
        self.late.setCurrentIndex(max(index, 0))
        self.damage_rate = values.get(rates.DAMAGE_VAT_RATE) or self.damage_rate
        self._name_standard()
        index = self.damage_vat.findData(values.get(rates.DAMAGE_VAT_CATEGORY, "S"))
        self.damage_vat.setCurrentIndex(max(index, 0))
        try:
            fee = to_decimal(values.get(rates.LATE_RETURN_FEE, "0"))
            self.late_fee.setText(edit_amount(int(fee * 100)) if fee else "")
        except ValueError:
            self.late_fee.setText(values.get(rates.LATE_RETURN_FEE, ""))

    def rules_raw(self) -> dict[str, Any]:
        return {
            "weekend": self.weekend.isChecked(),
            "out_from": self.out_from.text(),
            "back_by": self.back_by.text(),
            "minimum": self.minimum.text(),
            "payment_days": self.payment_days.text(),
            "quote_days": self.quote_days.text(),
            "vat": self.vat.text(),
            "late": self.late.currentData(),
            "late_fee": self.late_fee.text(),
            "damage_vat": self.damage_vat.currentData(),
            "damage_rate": self.damage_rate,
        }

    def _refused(self, err: DomainError) -> None:
        self.rules_fields.show(err)

    def save_rules(self) -> None:
        self.rules_fields.clear()
        try:
            rules = parse_rules(self.rules_raw())
        except DomainError as err:
            self.rules_fields.show(err)
            return
        user = self.ops.user
        self.ops.write(
            lambda uow: write_rules(uow, user, rules),
            lambda _: self.feedback.ok(tr("PricingScreen", "Rules saved.")),
            self._refused,
            changes=Change.PRICING,
        )
