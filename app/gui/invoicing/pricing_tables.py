"""The pricing screen's first page: the degressive day-coefficient tables (days →
coefficient) in a list, the chosen table's steps, and the table each equipment family
uses. Written through ``invoicing.rates`` after ``pricing_setup.parse_steps`` checked
every row; a refusal shows next to its field and nothing is written."""

from __future__ import annotations

from decimal import Decimal

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
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.models import category_label
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import FormFields, no_mnemonic
from inventory import fields
from inventory.models import Category
from invoicing import rates
from invoicing.pricing import DEFAULT_COEFFICIENTS
from invoicing.pricing_setup import PricingState, Table, parse_steps

tr = QCoreApplication.translate
#: The built-in table (INVOICING-FR.md §6.1), offered until a table is saved.
BUILT_IN = "Barème standard"


def decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", QLocale().decimalPoint())


def button(icon: str, text: str) -> QPushButton:
    return QPushButton(icons.icon(icon), text)


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    style.set_role(label, "muted")
    return label


class TablesPage(QWidget):
    """Tables on the left, the chosen one's steps in the middle, families on the right."""

    def __init__(self, ops: Operations, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.feedback = feedback
        self.state = PricingState()
        row = QHBoxLayout(self)
        row.setSpacing(style.SPACE.l)
        row.addLayout(self._build_list())
        row.addLayout(self._build_steps(), 2)
        row.addWidget(self._build_families(), 2)

    def _build_list(self) -> QVBoxLayout:
        self.table_list = QListWidget()
        self.table_list.setAccessibleName(tr("PricingScreen", "Coefficient tables"))
        self.table_list.setMaximumWidth(260)
        self.table_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table_list.setStyleSheet(f"QListView::item {{ padding: {style.SPACE.xs}px; }}")
        self.table_list.currentRowChanged.connect(self._table_chosen)
        self.new_table_button = button("new", tr("PricingScreen", "&New table"))
        self.new_table_button.clicked.connect(self.new_table)
        label = QLabel(tr("PricingScreen", "Tables:"))
        label.setBuddy(self.table_list)
        left = QVBoxLayout()
        left.addWidget(label)
        left.addWidget(self.table_list, 1)
        left.addWidget(self.new_table_button)
        return left

    def _build_steps(self) -> QVBoxLayout:
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
        hint = muted(
            tr(
                "PricingScreen",
                "Each row: a number of days and its coefficient (the day rate is multiplied "
                "by it). Beyond the last row the coefficient grows by the last step.",
            )
        )
        self.add_step_button = button("add", tr("PricingScreen", "&Add a step"))
        self.add_step_button.clicked.connect(lambda: self.add_step())
        self.remove_step_button = button("remove", tr("PricingScreen", "&Remove the step"))
        self.remove_step_button.clicked.connect(self.remove_step)
        self.save_table_button = button("save", tr("PricingScreen", "&Save the table"))
        self.save_table_button.setProperty("primary", True)
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
        return middle

    def _build_families(self) -> QGroupBox:
        families = QGroupBox(tr("PricingScreen", "Table of each equipment family"))
        self.family_form = QFormLayout(families)
        self.family_combos: dict[str, QComboBox] = {}
        for category in Category:
            combo = QComboBox()
            combo.setAccessibleName(category_label(category.value))
            self.family_combos[category.value] = combo
            name = tr("PricingScreen", "%1:").replace("%1", category_label(category.value))
            self.family_form.addRow(no_mnemonic(name), combo)  # "Power & distribution"
        self.save_families_button = button("save", tr("PricingScreen", "Save the &families"))
        self.save_families_button.clicked.connect(self.save_families)
        self.family_form.addRow("", self.save_families_button)
        return families

    # --- filling ------------------------------------------------------------------------

    def _tables(self) -> list[Table]:
        return self.state.tables or [Table(BUILT_IN, True, list(DEFAULT_COEFFICIENTS))]

    def fill(self, state: PricingState) -> None:
        self.state = state
        current = self.table_name.text()
        self.table_list.blockSignals(True)
        self.table_list.clear()
        for table in self._tables():
            text = table.name
            if table.is_default:
                text += " " + tr("PricingScreen", "(default)")
            if not state.tables:
                text += " " + tr("PricingScreen", "— built in, not saved yet")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, table.name)
            item.setToolTip(text)
            self.table_list.addItem(item)
        self.table_list.blockSignals(False)
        names = [t.name for t in self._tables()]
        self.table_list.setCurrentRow(names.index(current) if current in names else 0)
        for family, combo in self.family_combos.items():
            combo.clear()
            combo.addItem(tr("PricingScreen", "The default table"), "")
            for table in state.tables:
                combo.addItem(table.name, table.name)
            combo.setCurrentIndex(max(0, combo.findData(state.families.get(family, ""))))

    def _table_chosen(self, row: int) -> None:
        tables = self._tables()
        if not 0 <= row < len(tables):
            return
        table = tables[row]
        self.table_fields.clear()
        self.table_name.setText(table.name)
        self.table_default.setChecked(table.is_default)
        self.steps.setRowCount(0)
        for days, coefficient in table.steps:
            self.add_step(str(days), decimal_text(coefficient))

    # --- editing ------------------------------------------------------------------------

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
            cell = self.steps.item(row, 0)
            if cell is not None:
                self.steps.editItem(cell)

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
            self._refused,
            changes=Change.PRICING,
        )

    def _refused(self, err: DomainError) -> None:
        self.table_fields.show(err)

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
            lambda err: self.feedback.error(i18n.message(err)),
            changes=Change.PRICING,
        )
