"""The pricing screen: three pages — the degressive day-coefficient tables and the table
of each equipment family (``pricing_tables``), the weekend rule and the terms
(``pricing_rules``), the price categories with their customers (``pricing_categories``).

The set-up is read by ``invoicing.pricing_setup.read_pricing`` and refreshed whenever the
pricing or the customers change; each page writes through ``invoicing.rates`` after every
value was checked (a refusal shows next to its field and nothing is written).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app import i18n
from app.core.errors import DomainError
from app.gui.invoicing.pricing_categories import CategoriesPage
from app.gui.invoicing.pricing_rules import RulesPage
from app.gui.invoicing.pricing_tables import BUILT_IN, TablesPage
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import INVALID_STYLE
from invoicing.pricing_setup import PricingState, read_pricing

__all__ = ["BUILT_IN", "PricingScreen"]

tr = QCoreApplication.translate


class PricingScreen(QWidget):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.state = PricingState()
        self.setStyleSheet(INVALID_STYLE)
        self.feedback = Feedback(self)
        self.tables_page = TablesPage(ops, self.feedback)
        self.rules_page = RulesPage(ops, self.feedback)
        self.categories_page = CategoriesPage(ops, self.feedback)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page, icon, text in (
            (self.tables_page, "pricing", tr("PricingScreen", "Day coefficients")),
            (self.rules_page, "settings", tr("PricingScreen", "Rules and terms")),
            (self.categories_page, "customers", tr("PricingScreen", "Price categories")),
        ):
            self.tabs.addTab(page, icons.icon(icon), text)
        self._expose_pages()
        title = QLabel(tr("PricingScreen", "Pricing"))
        style.set_role(title, "title")
        outer = QVBoxLayout(self)
        m = style.SPACE.m
        outer.setContentsMargins(m, style.SPACE.s, m, style.SPACE.xs)
        outer.addWidget(title)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.feedback)
        ops.changed.connect(self._on_changed)
        self.reload()

    def _expose_pages(self) -> None:
        """The pages' fields and actions under the names the screen always had (tests
        and the keyboard-driven journeys use them)."""
        tables, rules, categories = self.tables_page, self.rules_page, self.categories_page
        self.table_list, self.table_name, self.steps = (
            tables.table_list,
            tables.table_name,
            tables.steps,
        )
        self.table_default, self.table_fields = tables.table_default, tables.table_fields
        self.family_combos = tables.family_combos
        self.new_table, self.add_step, self.remove_step = (
            tables.new_table,
            tables.add_step,
            tables.remove_step,
        )
        self.step_texts, self.save_table = tables.step_texts, tables.save_table
        self.save_families = tables.save_families
        self.weekend, self.out_from, self.back_by = rules.weekend, rules.out_from, rules.back_by
        self.minimum, self.payment_days = rules.minimum, rules.payment_days
        self.quote_days, self.vat = rules.quote_days, rules.vat
        self.rules_fields, self.rules_raw, self.save_rules = (
            rules.rules_fields,
            rules.rules_raw,
            rules.save_rules,
        )
        self.category_tree, self.category_message = (
            categories.category_tree,
            categories.category_message,
        )
        self.category_code, self.category_name = categories.category_code, categories.category_name
        self.category_fields = categories.category_fields
        self.assign_customer, self.assign_category = (
            categories.assign_customer,
            categories.assign_category,
        )
        self.add_category, self.assign = categories.add_category, categories.assign

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        self.ops.read(read_pricing, self._arrived)

    def _arrived(self, state: PricingState) -> None:
        self.state = state
        self.tables_page.fill(state)
        self.rules_page.fill(state)
        self.categories_page.fill(state)

    def _on_changed(self, what: str) -> None:
        if what in (Change.PRICING, Change.CUSTOMERS):
            self.reload()

    def _failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))
