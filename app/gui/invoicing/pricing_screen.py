"""The pricing screen: degressive day-coefficient tables (days → coefficient), which table
each equipment family uses, the weekend rule, the minimum charge, payment and quote terms,
the default VAT rate, and the price categories with the customers in them.

Everything is written through ``invoicing.rates`` (or ``set_setting`` for the plain
settings it reads), after every value was checked: a refusal shows its message next to the
field and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError, ValidationError
from app.core.money import to_decimal
from app.core.settings import set_setting
from app.gui.shell.models import category_label
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import INVALID_STYLE, FormFields, edit_amount, no_mnemonic, set_invalid
from booking.models import Customer
from inventory import fields
from inventory.models import Category
from invoicing import rates
from invoicing.models import (
    CoefficientStep,
    CoefficientTable,
    CustomerPriceCategory,
    FamilyCoefficient,
    PriceCategory,
)
from invoicing.pricing import DEFAULT_COEFFICIENTS

tr = QCoreApplication.translate
#: The built-in table (INVOICING-FR.md §6.1), offered until a table is saved.
BUILT_IN = "Barème standard"


# --- reads -----------------------------------------------------------------------------------


@dataclass
class Table:
    name: str
    is_default: bool
    steps: list[tuple[int, Decimal]]


@dataclass
class PriceCategoryRow:
    code: str
    name: str
    customers: list[tuple[str, str]]  # (number, name)


@dataclass
class PricingState:
    tables: list[Table] = field(default_factory=list)
    families: dict[str, str] = field(default_factory=dict)  # family → table name
    values: dict[str, str] = field(default_factory=dict)  # rates setting key → value
    categories: list[PriceCategoryRow] = field(default_factory=list)
    customers: list[tuple[str, str]] = field(default_factory=list)  # (number, name)


def read_pricing(uow: UnitOfWork) -> PricingState:
    state = PricingState()
    names: dict[int, str] = {}
    for table in uow.session.exec(select(CoefficientTable).order_by(CoefficientTable.name)):
        steps = uow.session.exec(
            select(CoefficientStep.days, CoefficientStep.coefficient_milli)
            .where(CoefficientStep.table_id == table.id)
            .order_by(CoefficientStep.days)
        ).all()
        state.tables.append(
            Table(table.name, table.is_default, [(d, Decimal(m) / 1000) for d, m in steps])
        )
        names[table.id or 0] = table.name
    for row in uow.session.exec(select(FamilyCoefficient)):
        state.families[row.family] = names.get(row.table_id, "")
    for key in rates.DEFAULTS:
        state.values[key] = rates.setting(uow, key)
    members: dict[int, list[tuple[str, str]]] = {}
    query = select(CustomerPriceCategory.category_id, Customer.number, Customer.name).join(
        Customer, Customer.id == CustomerPriceCategory.customer_id
    )
    for category_id, number, name in uow.session.exec(query.order_by(Customer.name)):
        members.setdefault(category_id, []).append((number, name))
    for category in uow.session.exec(select(PriceCategory).order_by(PriceCategory.code)):
        state.categories.append(
            PriceCategoryRow(category.code, category.name, members.get(category.id or 0, []))
        )
    state.customers = [
        (number, name)
        for number, name in uow.session.exec(
            select(Customer.number, Customer.name).order_by(Customer.name)
        )
    ]
    return state


def decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", QLocale().decimalPoint())


def parse_steps(rows: list[tuple[str, str]]) -> dict[int, str]:
    """(days, coefficient) texts → {days: coefficient}, empty rows skipped. The
    coefficients themselves are checked by ``rates.save_coefficient_table`` before it
    writes anything."""
    steps: dict[int, str] = {}
    for days_text, coefficient in rows:
        if not days_text.strip() and not coefficient.strip():
            continue
        if not days_text.strip():
            raise ValidationError("days", "The {field} cannot be empty.", field="days")
        days = fields.integer("days", days_text, minimum=1, maximum=3660)
        if days in steps:
            raise ValidationError("days", "The table gives {days} days twice.", days=days)
        if not coefficient.strip():
            raise ValidationError(
                "coefficient", "The {field} cannot be empty.", field="coefficient"
            )
        steps[days] = coefficient.strip().replace(",", ".")
    if 1 not in steps:
        raise ValidationError("days", "A coefficient table must give the coefficient of 1 day.")
    return steps


def parse_time(name: str, value: str) -> str:
    try:
        return dt.datetime.strptime(value.strip(), "%H:%M").strftime("%H:%M")
    except ValueError:
        raise ValidationError(
            name, "{value!r} is not a time of day (write it 14:00).", value=value
        ) from None


@dataclass(frozen=True)
class Rules:
    weekend: bool
    out_from: str
    back_by: str
    minimum_cents: int
    payment_days: int
    quote_days: int
    vat: Decimal


def parse_rules(raw: dict[str, Any]) -> Rules:
    out_from = parse_time("out from", raw["out_from"])
    back_by = parse_time("back by", raw["back_by"])
    minimum = fields.money_cents("minimum charge", raw["minimum"])
    if not raw["payment_days"].strip():
        raise ValidationError("payment days", "The {field} cannot be empty.", field="payment days")
    payment_days = fields.integer("payment days", raw["payment_days"], maximum=365)
    if not raw["quote_days"].strip():
        raise ValidationError(
            "quote validity", "The {field} cannot be empty.", field="quote validity"
        )
    quote_days = fields.integer("quote validity", raw["quote_days"], minimum=1, maximum=365)
    vat = rates.percent("VAT rate", raw["vat"].strip() or "x")
    return Rules(bool(raw["weekend"]), out_from, back_by, minimum, payment_days, quote_days, vat)


def write_rules(uow: UnitOfWork, user: str, rules: Rules) -> None:
    rates.set_weekend_rule(
        uow, user=user, enabled=rules.weekend, out_from=rules.out_from, back_by=rules.back_by
    )
    set_setting(uow, rates.MINIMUM_CHARGE, str(Decimal(rules.minimum_cents) / 100))
    set_setting(uow, rates.PAYMENT_DAYS, str(rules.payment_days))
    set_setting(uow, rates.QUOTE_VALIDITY_DAYS, str(rules.quote_days))
    set_setting(uow, rates.VAT_RATE, str(rules.vat))


# --- the screen ------------------------------------------------------------------------------


class PricingScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.state = PricingState()
        self.setStyleSheet(INVALID_STYLE)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_tables(), tr("PricingScreen", "Day coefficients"))
        self.tabs.addTab(self._build_rules(), tr("PricingScreen", "Rules and terms"))
        self.tabs.addTab(self._build_categories(), tr("PricingScreen", "Price categories"))
        self.feedback = Feedback(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        title = QLabel(tr("PricingScreen", "Pricing"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        outer.addWidget(title)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.feedback)
        ops.changed.connect(self._on_changed)
        self.reload()

    # --- coefficient tables -------------------------------------------------------------

    def _build_tables(self) -> QWidget:
        page = QWidget()
        self.table_list = QListWidget()
        self.table_list.setAccessibleName(tr("PricingScreen", "Coefficient tables"))
        self.table_list.setMaximumWidth(260)
        self.table_list.currentRowChanged.connect(self._table_chosen)
        self.new_table_button = QPushButton(tr("PricingScreen", "&New table"))
        self.new_table_button.clicked.connect(self.new_table)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("PricingScreen", "Tables:")))
        left.addWidget(self.table_list, 1)
        left.addWidget(self.new_table_button)

        self.table_message = QLabel()
        form = QFormLayout()
        self.table_fields = FormFields(form, self.table_message)
        self.table_name = QLineEdit()
        self.table_fields.add(tr("PricingScreen", "Table na&me:"), "name", self.table_name)
        self.table_default = QCheckBox(
            tr("PricingScreen", "&Default table (for families without their own)")
        )
        self.table_fields.add("", (), self.table_default)
        self.steps = QTableWidget(0, 2)
        self.steps.setHorizontalHeaderLabels(
            [tr("PricingScreen", "Days"), tr("PricingScreen", "Coefficient")]
        )
        self.steps.setAccessibleName(tr("PricingScreen", "Steps: days and coefficient"))
        self.steps.verticalHeader().hide()
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setMinimumWidth(240)
        self.table_fields.add(tr("PricingScreen", "S&teps:"), ("days", "coefficient"), self.steps)
        hint = QLabel(
            tr(
                "PricingScreen",
                "Each row: a number of days and its coefficient (the day rate is multiplied "
                "by it). Beyond the last row the coefficient grows by the last step.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.add_step_button = QPushButton(tr("PricingScreen", "&Add a step"))
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button = QPushButton(tr("PricingScreen", "&Remove the step"))
        self.remove_step_button.clicked.connect(self.remove_step)
        self.save_table_button = QPushButton(tr("PricingScreen", "&Save the table"))
        self.save_table_button.clicked.connect(self.save_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_step_button)
        buttons.addWidget(self.remove_step_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_table_button)
        middle = QVBoxLayout()
        middle.addWidget(self.table_message)
        middle.addLayout(form, 1)
        middle.addWidget(hint)
        middle.addLayout(buttons)

        families = QGroupBox(tr("PricingScreen", "Table of each equipment family"))
        self.family_form = QFormLayout(families)
        self.family_combos: dict[str, QComboBox] = {}
        for category in Category:
            combo = QComboBox()
            combo.setAccessibleName(category_label(category.value))
            self.family_combos[category.value] = combo
            name = tr("PricingScreen", "%1:").replace("%1", category_label(category.value))
            self.family_form.addRow(no_mnemonic(name), combo)  # "Power & distribution"
        self.save_families_button = QPushButton(tr("PricingScreen", "Save the &families"))
        self.save_families_button.clicked.connect(self.save_families)
        self.family_form.addRow("", self.save_families_button)

        row = QHBoxLayout(page)
        row.addLayout(left)
        row.addLayout(middle, 2)
        row.addWidget(families, 2)
        return page

    def _fill_tables(self) -> None:
        current = self.table_name.text()
        self.table_list.blockSignals(True)
        self.table_list.clear()
        tables = self.state.tables or [Table(BUILT_IN, True, list(DEFAULT_COEFFICIENTS))]
        for table in tables:
            text = table.name
            if table.is_default:
                text += " " + tr("PricingScreen", "(default)")
            if not self.state.tables:
                text += " " + tr("PricingScreen", "— built in, not saved yet")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, table.name)
            self.table_list.addItem(item)
        self.table_list.blockSignals(False)
        names = [t.name for t in tables]
        self.table_list.setCurrentRow(names.index(current) if current in names else 0)
        for family, combo in self.family_combos.items():
            combo.clear()
            combo.addItem(tr("PricingScreen", "The default table"), "")
            for table in self.state.tables:
                combo.addItem(table.name, table.name)
            combo.setCurrentIndex(max(0, combo.findData(self.state.families.get(family, ""))))

    def _table_chosen(self, row: int) -> None:
        tables = self.state.tables or [Table(BUILT_IN, True, list(DEFAULT_COEFFICIENTS))]
        if not 0 <= row < len(tables):
            return
        table = tables[row]
        self.table_fields.clear()
        self.table_name.setText(table.name)
        self.table_default.setChecked(table.is_default)
        self.steps.setRowCount(0)
        for days, coefficient in table.steps:
            self.add_step(str(days), decimal_text(coefficient))

    def new_table(self) -> None:
        self.table_list.clearSelection()
        self.table_fields.clear()
        self.table_name.clear()
        self.table_default.setChecked(False)
        self.steps.setRowCount(0)
        self.add_step("1", "1")
        self.table_name.setFocus()

    def add_step(self, days: str = "", coefficient: str = "") -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        for column, text in enumerate((days, coefficient)):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.steps.setItem(row, column, item)
        if not days:
            self.steps.setCurrentCell(row, 0)
            self.steps.editItem(self.steps.item(row, 0))

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.removeRow(row)

    def step_texts(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(self.steps.rowCount()):
            cells = [self.steps.item(row, c) for c in (0, 1)]
            rows.append(tuple(c.text() if c is not None else "" for c in cells))
        return rows  # type: ignore[return-value]

    def save_table(self) -> None:
        self.table_fields.clear()
        try:
            name = fields.text("name", self.table_name.text(), required=True)
            steps = parse_steps(self.step_texts())
        except DomainError as err:
            self.table_fields.show(err)
            return
        default, user = self.table_default.isChecked(), self.ops.user

        def action(uow: UnitOfWork) -> str:
            return rates.save_coefficient_table(
                uow, user=user, name=name, steps=steps, is_default=default
            ).name

        self.ops.write(
            action,
            lambda saved: self.feedback.ok(
                tr("PricingScreen", "Table %1 saved.").replace("%1", saved)
            ),
            self.table_fields.show,
            changes="pricing",
        )

    def save_families(self) -> None:
        chosen = {
            family: combo.currentData() or None for family, combo in self.family_combos.items()
        }
        user = self.ops.user

        def action(uow: UnitOfWork) -> None:
            for family, table in chosen.items():
                rates.set_family_table(uow, user=user, family=family, table_name=table)

        self.ops.write(
            action,
            lambda _: self.feedback.ok(tr("PricingScreen", "Families saved.")),
            self._failed,
            changes="pricing",
        )

    # --- rules --------------------------------------------------------------------------

    def _build_rules(self) -> QWidget:
        page = QWidget()
        self.rules_message = QLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.rules_fields = FormFields(form, self.rules_message)
        self.weekend = QCheckBox(
            tr(
                "PricingScreen",
                "&Weekend rule: out on Friday afternoon, back on Monday morning = 1 day",
            )
        )
        self.rules_fields.add("", (), self.weekend)
        self.out_from = QLineEdit()
        self.out_from.setMaximumWidth(90)
        self.rules_fields.add(
            tr("PricingScreen", "Out on Friday &from:"), "out from", self.out_from
        )
        self.back_by = QLineEdit()
        self.back_by.setMaximumWidth(90)
        self.rules_fields.add(tr("PricingScreen", "Back on Monday &by:"), "back by", self.back_by)
        self.minimum = QLineEdit()
        self.minimum.setMaximumWidth(120)
        self.rules_fields.add(
            tr("PricingScreen", "&Minimum charge (€, excl. VAT):"), "minimum charge", self.minimum
        )
        self.payment_days = QLineEdit()
        self.payment_days.setMaximumWidth(90)
        self.rules_fields.add(
            tr("PricingScreen", "&Payment term (days):"), "payment days", self.payment_days
        )
        self.quote_days = QLineEdit()
        self.quote_days.setMaximumWidth(90)
        self.rules_fields.add(
            tr("PricingScreen", "&Quote valid for (days):"), "quote validity", self.quote_days
        )
        self.vat = QLineEdit()
        self.vat.setMaximumWidth(90)
        self.rules_fields.add(tr("PricingScreen", "Default &VAT rate (%):"), "VAT rate", self.vat)
        self.save_rules_button = QPushButton(tr("PricingScreen", "Save the r&ules"))
        self.save_rules_button.clicked.connect(self.save_rules)
        column = QVBoxLayout(page)
        column.addWidget(self.rules_message)
        column.addLayout(form)
        column.addWidget(self.save_rules_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return page

    def _fill_rules(self) -> None:
        values = self.state.values
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

    def rules_raw(self) -> dict[str, Any]:
        return {
            "weekend": self.weekend.isChecked(),
            "out_from": self.out_from.text(),
            "back_by": self.back_by.text(),
            "minimum": self.minimum.text(),
            "payment_days": self.payment_days.text(),
            "quote_days": self.quote_days.text(),
            "vat": self.vat.text(),
        }

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
            self.rules_fields.show,
            changes="pricing",
        )

    # --- price categories ---------------------------------------------------------------

    def _build_categories(self) -> QWidget:
        page = QWidget()
        self.category_tree = QTreeWidget()
        self.category_tree.setHeaderLabels(
            [tr("PricingScreen", "Category / customer"), tr("PricingScreen", "Code / number")]
        )
        self.category_tree.setAccessibleName(tr("PricingScreen", "Price categories"))
        self.category_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.category_message = QLabel()
        add_box = QGroupBox(tr("PricingScreen", "New price category"))
        add_form = QFormLayout(add_box)
        self.category_fields = FormFields(add_form, self.category_message)
        self.category_code = QLineEdit()
        self.category_code.setPlaceholderText(tr("PricingScreen", "e.g. COMMUNES"))
        self.category_fields.add(tr("PricingScreen", "Co&de:"), "code", self.category_code)
        self.category_name = QLineEdit()
        self.category_name.setPlaceholderText(tr("PricingScreen", "e.g. Partner communes"))
        self.category_fields.add(tr("PricingScreen", "Na&me:"), "name", self.category_name)
        self.add_category_button = QPushButton(tr("PricingScreen", "Add the &category"))
        self.add_category_button.clicked.connect(self.add_category)
        add_form.addRow("", self.add_category_button)
        assign_box = QGroupBox(tr("PricingScreen", "Customers of a category"))
        assign_form = QFormLayout(assign_box)
        self.assign_customer = QComboBox()
        self.assign_customer.setEditable(True)
        self.assign_customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        assign_form.addRow(tr("PricingScreen", "Cus&tomer:"), self.assign_customer)
        self.assign_category = QComboBox()
        assign_form.addRow(tr("PricingScreen", "Cate&gory:"), self.assign_category)
        self.assign_button = QPushButton(tr("PricingScreen", "&Assign"))
        self.assign_button.clicked.connect(self.assign)
        assign_form.addRow("", self.assign_button)
        note = QLabel(
            tr(
                "PricingScreen",
                "A customer in a category pays its day rates (set with each item type); the "
                "others pay the member or non-member rate.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        right = QVBoxLayout()
        right.addWidget(self.category_message)
        right.addWidget(add_box)
        right.addWidget(assign_box)
        right.addWidget(note)
        right.addStretch(1)
        row = QHBoxLayout(page)
        row.addWidget(self.category_tree, 3)
        row.addLayout(right, 2)
        return page

    def _fill_categories(self) -> None:
        self.category_tree.clear()
        for category in self.state.categories:
            top = QTreeWidgetItem([category.name, category.code])
            for number, name in category.customers:
                top.addChild(QTreeWidgetItem([name, number]))
            self.category_tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.assign_customer.clear()
        for number, name in self.state.customers:
            self.assign_customer.addItem(f"{name} ({number})", number)
        self.assign_category.clear()
        self.assign_category.addItem(tr("PricingScreen", "None (member / non-member rates)"), "")
        for category in self.state.categories:
            self.assign_category.addItem(f"{category.name} ({category.code})", category.code)

    def add_category(self) -> None:
        self.category_fields.clear()
        code, name, user = self.category_code.text(), self.category_name.text(), self.ops.user

        def done(_: object) -> None:
            self.category_code.clear()
            self.category_name.clear()
            self.feedback.ok(tr("PricingScreen", "Price category added."))

        self.ops.write(
            lambda uow: rates.create_price_category(uow, user=user, code=code, name=name).code,
            done,
            self.category_fields.show,
            changes="pricing",
        )

    def assign(self) -> None:
        self.category_fields.clear()
        index = self.assign_customer.currentIndex()
        text = self.assign_customer.currentText()
        number = self.assign_customer.itemData(index) if index >= 0 else None
        if not number or self.assign_customer.itemText(index) != text:
            set_invalid(self.assign_customer, True)
            self.category_message.setText(tr("PricingScreen", "Choose the customer from the list."))
            self.category_message.show()
            return
        set_invalid(self.assign_customer, False)
        category, user = self.assign_category.currentData() or None, self.ops.user
        self.ops.write(
            lambda uow: rates.assign_price_category(
                uow, user=user, customer_number=number, category_code=category
            ),
            lambda _: self.feedback.ok(tr("PricingScreen", "Customer's category saved.")),
            self.category_fields.show,
            changes="pricing",
        )

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        self.ops.read(read_pricing, self._arrived)

    def _arrived(self, state: PricingState) -> None:
        self.state = state
        self._fill_tables()
        self._fill_rules()
        self._fill_categories()

    def _on_changed(self, what: str) -> None:
        if what in ("pricing", "customers"):
            self.reload()

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))
