"""The pricing screen's price categories page: the categories with their customers (a
tree, on the left), adding a category and putting a customer in one (on the right).
Written through ``invoicing.rates``; a refusal shows next to its field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.gui.invoicing.pricing_tables import button, muted
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import FormFields, set_invalid
from invoicing import rates
from invoicing.pricing_setup import PricingState

tr = QCoreApplication.translate


class CategoriesPage(QWidget):
    def __init__(self, ops: Operations, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.feedback = feedback
        self.category_tree = QTreeWidget()
        self.category_tree.setHeaderLabels(
            [tr("PricingScreen", "Category / customer"), tr("PricingScreen", "Code / number")]
        )
        self.category_tree.setAccessibleName(tr("PricingScreen", "Price categories"))
        self.category_tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.category_tree.header()
        header.setStretchLastSection(False)  # the names take the width, the codes their own
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.category_tree.setStyleSheet(
            f"QTreeView::item {{ padding: {style.SPACE.xs // 2}px 0; }}"
        )
        self.empty = EmptyState(
            self.category_tree,
            lambda: tr(
                "PricingScreen",
                "No price category yet. Add one on the right (e.g. partner communes), then "
                "put its customers in it.",
            ),
        )
        self.category_message = QLabel()
        right = QVBoxLayout()
        right.addWidget(self.category_message)
        right.addWidget(self._build_add())
        right.addWidget(self._build_assign())
        right.addWidget(
            muted(
                tr(
                    "PricingScreen",
                    "A customer in a category pays its day rates (set with each item type); "
                    "the others pay the member or non-member rate.",
                )
            )
        )
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.setSpacing(style.SPACE.l)
        row.addWidget(self.category_tree, 3)
        row.addLayout(right, 2)

    def _build_add(self) -> QGroupBox:
        add_box = QGroupBox(tr("PricingScreen", "New price category"))
        add_form = QFormLayout(add_box)
        self.category_fields = FormFields(add_form, self.category_message)
        self.category_code = QLineEdit()
        self.category_code.setPlaceholderText(tr("PricingScreen", "e.g. COMMUNES"))
        self.category_fields.add(tr("PricingScreen", "Co&de:"), "code", self.category_code)
        self.category_name = QLineEdit()
        self.category_name.setPlaceholderText(tr("PricingScreen", "e.g. Partner communes"))
        self.category_fields.add(tr("PricingScreen", "Na&me:"), "name", self.category_name)
        self.add_category_button = button("add", tr("PricingScreen", "Add the &category"))
        self.add_category_button.clicked.connect(self.add_category)
        add_form.addRow("", self.add_category_button)
        return add_box

    def _build_assign(self) -> QGroupBox:
        assign_box = QGroupBox(tr("PricingScreen", "Customers of a category"))
        assign_form = QFormLayout(assign_box)
        self.assign_customer = QComboBox()
        self.assign_customer.setEditable(True)
        self.assign_customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assign_customer.setAccessibleName(tr("PricingScreen", "Customer"))
        assign_form.addRow(tr("PricingScreen", "Cus&tomer:"), self.assign_customer)
        self.assign_category = QComboBox()
        self.assign_category.setAccessibleName(tr("PricingScreen", "Category"))
        assign_form.addRow(tr("PricingScreen", "Cate&gory:"), self.assign_category)
        self.assign_button = button("confirm", tr("PricingScreen", "&Assign"))
        self.assign_button.clicked.connect(self.assign)
        assign_form.addRow("", self.assign_button)
        return assign_box

    def fill(self, state: PricingState) -> None:
        self.category_tree.clear()
        for category in state.categories:
            top = QTreeWidgetItem([category.name, category.code])
            for column in (0, 1):  # the category stands out from its customers
                top.setFont(column, style.font("heading", self.category_tree.font()))
            for number, name in category.customers:
                top.addChild(QTreeWidgetItem([name, number]))
            self.category_tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.assign_customer.clear()
        for number, name in state.customers:
            self.assign_customer.addItem(f"{name} ({number})", number)
        self.assign_category.clear()
        self.assign_category.addItem(tr("PricingScreen", "None (member / non-member rates)"), "")
        for category in state.categories:
            self.assign_category.addItem(f"{category.name} ({category.code})", category.code)

    def _refused(self, err: DomainError) -> None:
        self.category_fields.show(err)

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
            self._refused,
            changes=Change.PRICING,
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
            self._refused,
            changes=Change.PRICING,
        )
