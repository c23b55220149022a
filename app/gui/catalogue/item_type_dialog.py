"""The item type form: what it is, its stock and handling, its values and its rental rates,
in four sections side by side (the form does not scroll on a laptop's screen)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.core.db import UnitOfWork
from app.gui.catalogue.form_dialog import Action, FormDialog, combo, notes_edit
from app.gui.shell.models import category_label
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import FormFields, edit_amount, no_mnemonic
from booking.tracking import holders
from inventory import catalogue
from inventory.models import Category, Tracking
from invoicing.item_rates import ItemRates, item_rates, parse_item_rates, save_item_rates

tr = QCoreApplication.translate


def tracking_label(value: str) -> str:
    if value == Tracking.BULK:
        return tr("ItemTypeDialog", "Bulk (counted stock)")
    return tr("ItemTypeDialog", "Serialized (one barcode per unit)")


def item_type_raw(values: dict[str, Any]) -> dict[str, str]:
    """An item type's values (``catalogue_views.item_type_values``) as the text its form
    shows (amounts in the locale's writing)."""
    raw = {k: str(values[k]) for k in ("code", "name", "category", "tracking")}
    for key in ("manufacturer", "model", "notes"):
        raw[key] = values.get(key) or ""
    raw["barcode"] = values.get("barcode") or ""
    for key in ("weight_grams", "stock_quantity", "prep_hours", "deprep_hours"):
        raw[key] = str(values.get(key) or "")
    for key in ("replacement_value", "deposit", "sale_price"):
        raw[key] = edit_amount(values.get(f"{key}_cents") or None)
    return raw


def percent_text(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", QLocale().decimalPoint())


class ItemTypeDialog(FormDialog):
    """New or existing item type."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        item_id: int | None = None,
        raw: dict[str, str] | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.item_id = item_id
        raw = raw or {}
        self.setWindowTitle(
            tr("ItemTypeDialog", "Edit item type")
            if item_id is not None
            else tr("ItemTypeDialog", "New item type")
        )
        self._build_identity(raw)
        self._build_stock(raw)
        self._build_values(raw)
        self._build_rates()
        self.notes = notes_edit(raw.get("notes", ""))
        self.fields.add(tr("ItemTypeDialog", "Notes:"), "notes", self.notes)
        self._rates_loaded = False
        ops.read(lambda uow: item_rates(uow, item_id), self._rates_arrived)
        self.tracking.currentIndexChanged.connect(self._update_enabled)
        self.category.currentIndexChanged.connect(self._update_enabled)
        self._update_enabled()
        self.finish()

    def _build_identity(self, raw: dict[str, str]) -> None:
        part = self.section(tr("ItemTypeDialog", "Item"), 0, 0)
        self.code = self.line(tr("ItemTypeDialog", "&Code:"), "code", raw.get("code", ""), part)
        self.code.setPlaceholderText(tr("ItemTypeDialog", "Short unique code, e.g. LYRE-WASH"))
        self.name = self.line(tr("ItemTypeDialog", "&Name:"), "name", raw.get("name", ""), part)
        self.category = combo(
            [(category_label(c.value), c.value) for c in Category], raw.get("category", "")
        )
        part.add(tr("ItemTypeDialog", "C&ategory:"), "category", self.category)
        self.tracking = combo(
            [(tracking_label(t.value), t.value) for t in Tracking], raw.get("tracking", "")
        )
        part.add(tr("ItemTypeDialog", "&Tracking:"), "tracking", self.tracking)
        self.manufacturer = self.line(
            tr("ItemTypeDialog", "&Manufacturer:"),
            "manufacturer",
            raw.get("manufacturer", ""),
            part,
        )
        self.model = self.line(tr("ItemTypeDialog", "M&odel:"), "model", raw.get("model", ""), part)

    def _build_stock(self, raw: dict[str, str]) -> None:
        part = self.section(tr("ItemTypeDialog", "Stock and handling"), 0, 1)
        self.quantity = self.line(
            tr("ItemTypeDialog", "Stock &quantity:"),
            "quantity",
            raw.get("stock_quantity", ""),
            part,
        )
        self.barcode = self.line(
            tr("ItemTypeDialog", "&Barcode:"), "barcode", raw.get("barcode", ""), part
        )
        self.barcode.setPlaceholderText(tr("ItemTypeDialog", "Generated when left empty"))
        self.weight = self.line(
            tr("ItemTypeDialog", "&Weight (g):"), "weight", raw.get("weight_grams", ""), part
        )
        self.prep = self.line(
            tr("ItemTypeDialog", "&Prep buffer (hours):"),
            "prep buffer",
            raw.get("prep_hours", ""),
            part,
        )
        self.deprep = self.line(
            tr("ItemTypeDialog", "D&e-prep buffer (hours):"),
            "de-prep buffer",
            raw.get("deprep_hours", ""),
            part,
        )

    def _build_values(self, raw: dict[str, str]) -> None:
        part = self.section(tr("ItemTypeDialog", "Values"), 1, 0)
        self.replacement = self.line(
            tr("ItemTypeDialog", "&Replacement value (€):"),
            "replacement value",
            raw.get("replacement_value", ""),
            part,
        )
        self.deposit = self.line(
            tr("ItemTypeDialog", "&Deposit (€):"), "deposit", raw.get("deposit", ""), part
        )
        self.sale_price = self.line(
            tr("ItemTypeDialog", "&Sale price (€):"), "sale price", raw.get("sale_price", ""), part
        )
        # here, not under the rates: the rates' column is the taller one
        self.vat_exemption = self.line(
            tr("ItemTypeDialog", "VAT e&xemption:"), "VAT exemption", "", part
        )
        self.vat_exemption.setPlaceholderText(tr("ItemTypeDialog", "Empty: taxed"))
        self.vat_exemption.setToolTip(
            tr(
                "ItemTypeDialog",
                "Empty: taxed. Exempt: its article, e.g. article 261-4-4° a du CGI",
            )
        )

    def _build_rates(self) -> None:
        part = self.section(tr("ItemTypeDialog", "Rental rates"), 1, 1)
        self.member_rate = self.line(
            tr("ItemTypeDialog", "Member da&y rate (€):"), "member day rate", "", part
        )
        self.public_rate = self.line(
            tr("ItemTypeDialog", "Pub&lic day rate, non-members (€):"),
            "non-member day rate",
            "",
            part,
        )
        self.vat_rate = self.line(tr("ItemTypeDialog", "&VAT rate (%):"), "VAT rate", "", part)
        self.category_rates: dict[str, QLineEdit] = {}
        self.category_box = QWidget()
        self.category_form = QFormLayout(self.category_box)
        self.category_form.setContentsMargins(0, 0, 0, 0)
        # a long category name goes above its field rather than squeezing it
        self.category_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.category_fields = FormFields(self.category_form, QLabel())
        part.add(tr("ItemTypeDialog", "Price categories:"), (), self.category_box)
        self._rates_form = part.form
        self._category_row = part.form.rowCount() - 1
        part.form.setRowVisible(self._category_row, False)

    def _rates_arrived(self, found: ItemRates) -> None:
        self.member_rate.setText(edit_amount(found.member))
        self.public_rate.setText(edit_amount(found.non_member))
        self.vat_rate.setText(percent_text(found.vat) if found.vat is not None else "")
        self.vat_exemption.setText(found.exemption)
        self.vat_exemption.setCursorPosition(0)
        self.vat_rate.setPlaceholderText(
            tr("ItemTypeDialog", "Default: %1 %").replace("%1", percent_text(found.default_vat))
        )
        for row in found.categories:
            edit = QLineEdit(edit_amount(row.day_cents))
            edit.setPlaceholderText(tr("ItemTypeDialog", "Member or non-member rate"))
            label = tr("ItemTypeDialog", "%1 (€/day):").replace("%1", no_mnemonic(row.name))
            self.category_fields.add(label, f"rate:{row.code}", edit)
            self.category_rates[row.code] = edit
        self.fields.widgets.update(self.category_fields.widgets)
        self.fields.errors.update(self.category_fields.errors)
        self._rates_form.setRowVisible(self._category_row, bool(found.categories))
        self._rates_loaded = True
        self.grow()

    def rates_raw(self) -> dict[str, str]:
        raw = {
            "member": self.member_rate.text(),
            "non_member": self.public_rate.text(),
            "vat": self.vat_rate.text(),
            "vat_exemption": self.vat_exemption.text(),
        }
        raw.update({f"rate:{code}": edit.text() for code, edit in self.category_rates.items()})
        return raw

    def _update_enabled(self) -> None:
        bulk = self.tracking.currentData() == Tracking.BULK
        self.quantity.setEnabled(bulk)
        self.barcode.setEnabled(bulk)
        self.sale_price.setEnabled(self.category.currentData() == Category.CONSUMABLES)

    def raw(self) -> dict[str, str]:
        bulk = self.tracking.currentData() == Tracking.BULK
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "category": self.category.currentData(),
            "tracking": self.tracking.currentData(),
            "manufacturer": self.manufacturer.text(),
            "model": self.model.text(),
            "replacement_value": self.replacement.text(),
            "deposit": self.deposit.text(),
            "weight_grams": self.weight.text(),
            "stock_quantity": self.quantity.text() if bulk else "",
            "barcode": self.barcode.text() if bulk else "",
            "sale_price": self.sale_price.text() if self.sale_price.isEnabled() else "",
            "prep_hours": self.prep.text(),
            "deprep_hours": self.deprep.text(),
            "notes": self.notes.toPlainText(),
        }

    def action(self) -> Action:
        data = catalogue.parse_item_type(self.raw())
        user, item_id = self.ops.user, self.item_id
        parsed = parse_item_rates(self.rates_raw()) if self._rates_loaded else None

        def write(uow: UnitOfWork) -> int | None:
            if item_id is None:
                saved = catalogue.create_item_type(uow, user=user, data=data)
            else:
                saved = catalogue.update_item_type(
                    uow, user=user, item_id=item_id, data=data, holders=holders
                )
            if parsed is not None:
                save_item_rates(uow, user=user, item_code=saved.code, rates_=parsed)
            return saved.id

        return write
