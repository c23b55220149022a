"""Dialogs editing the catalogue. Each builds the raw text dict a form holds, parses it with
the domain's parsers and writes through ``ops.write``; a ValidationError highlights the
field it names and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound, ValidationError
from app.core.money import from_cents
from app.gui.shell.models import category_label, status_label
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import (
    INVALID_STYLE,
    FitScrollArea,
    FormFields,
    edit_amount,
    edit_date,
    no_mnemonic,
)
from inventory import catalogue, fields, maintenance
from inventory.dues import schedules_of
from inventory.models import Category, ItemType, Owner, Tracking, Unit, UnitStatus
from invoicing import rates
from invoicing.models import CategoryRate, ItemRate, PriceCategory

tr = QCoreApplication.translate
Action = Callable[[UnitOfWork], Any]


class FormDialog(QDialog):
    """A form with a message area, Save/Cancel; ``action()`` parses the form and returns the
    write to run (raising DomainError on bad input)."""

    changes = "catalogue"

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.result_value: Any = None
        self.setStyleSheet(INVALID_STYLE)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.message = QLabel()
        self.layout_.addWidget(self.message)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.scroll = FitScrollArea(body)  # a long form scrolls on a laptop's screen
        self.layout_.addWidget(self.scroll, 1)
        self.fields = FormFields(self.form, self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)

    def line(self, label: str, name: str | tuple[str, ...], text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        self.fields.add(label, name, edit)
        return edit

    def action(self) -> Action:
        raise NotImplementedError

    def save(self) -> bool:
        """Parse and write; True when written (the dialog is then accepted)."""
        self.fields.clear()
        try:
            action = self.action()
        except DomainError as err:
            self.fields.show(err)
            return False
        written = False
        self.buttons.setEnabled(False)

        def done(result: Any) -> None:
            nonlocal written
            written = True
            self.result_value = result
            self.accept()

        def failed(err: DomainError) -> None:
            self.buttons.setEnabled(True)
            self.fields.show(err)

        self.ops.write(action, done, failed, changes=self.changes)
        return written


def _combo(items: list[tuple[str, str]], current: str = "") -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    if current:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _notes(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(70)
    return edit


def tracking_label(value: str) -> str:
    if value == Tracking.BULK:
        return tr("ItemTypeDialog", "Bulk (counted stock)")
    return tr("ItemTypeDialog", "Serialized (one barcode per unit)")


# --- item types ------------------------------------------------------------------------------


def item_type_raw(uow: UnitOfWork, item_id: int) -> dict[str, str]:
    """An item type as the text its form shows (amounts in the locale's writing)."""
    item = uow.session.get(ItemType, item_id)
    if item is None:
        raise NotFound("This item type no longer exists.")
    raw = {k: str(getattr(item, k)) for k in ("code", "name", "category", "tracking")}
    raw.update(manufacturer=item.manufacturer, model=item.model, notes=item.notes)
    raw.update(barcode=item.barcode or "")
    for key in ("weight_grams", "stock_quantity", "prep_hours", "deprep_hours"):
        raw[key] = str(getattr(item, key) or "")
    for key in ("replacement_value", "deposit", "sale_price"):
        raw[key] = edit_amount(getattr(item, f"{key}_cents") or None)
    return raw


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
        self.code = self.line(tr("ItemTypeDialog", "&Code:"), "code", raw.get("code", ""))
        self.code.setPlaceholderText(tr("ItemTypeDialog", "Short unique code, e.g. LYRE-WASH"))
        self.name = self.line(tr("ItemTypeDialog", "&Name:"), "name", raw.get("name", ""))
        self.category = _combo(
            [(category_label(c.value), c.value) for c in Category], raw.get("category", "")
        )
        self.fields.add(tr("ItemTypeDialog", "C&ategory:"), "category", self.category)
        self.tracking = _combo(
            [(tracking_label(t.value), t.value) for t in Tracking], raw.get("tracking", "")
        )
        self.fields.add(tr("ItemTypeDialog", "&Tracking:"), "tracking", self.tracking)
        self.manufacturer = self.line(
            tr("ItemTypeDialog", "&Manufacturer:"), "manufacturer", raw.get("manufacturer", "")
        )
        self.model = self.line(tr("ItemTypeDialog", "M&odel:"), "model", raw.get("model", ""))
        self.replacement = self.line(
            tr("ItemTypeDialog", "&Replacement value (€):"),
            "replacement value",
            raw.get("replacement_value", ""),
        )
        self.deposit = self.line(
            tr("ItemTypeDialog", "&Deposit (€):"), "deposit", raw.get("deposit", "")
        )
        self.weight = self.line(
            tr("ItemTypeDialog", "&Weight (g):"), "weight", raw.get("weight_grams", "")
        )
        self.quantity = self.line(
            tr("ItemTypeDialog", "Stock &quantity:"), "quantity", raw.get("stock_quantity", "")
        )
        self.barcode = self.line(
            tr("ItemTypeDialog", "&Barcode:"), "barcode", raw.get("barcode", "")
        )
        self.barcode.setPlaceholderText(tr("ItemTypeDialog", "Generated when left empty"))
        self.sale_price = self.line(
            tr("ItemTypeDialog", "&Sale price (€):"), "sale price", raw.get("sale_price", "")
        )
        self.prep = self.line(
            tr("ItemTypeDialog", "&Prep buffer (hours):"), "prep buffer", raw.get("prep_hours", "")
        )
        self.deprep = self.line(
            tr("ItemTypeDialog", "D&e-prep buffer (hours):"),
            "de-prep buffer",
            raw.get("deprep_hours", ""),
        )
        self.member_rate = self.line(
            tr("ItemTypeDialog", "Member da&y rate (€):"), "member day rate"
        )
        self.public_rate = self.line(
            tr("ItemTypeDialog", "Pub&lic day rate, non-members (€):"), "non-member day rate"
        )
        self.vat_rate = self.line(tr("ItemTypeDialog", "&VAT rate (%):"), "VAT rate")
        self.category_rates: dict[str, QLineEdit] = {}
        self.category_box = QWidget()
        self.category_form = QFormLayout(self.category_box)
        self.category_form.setContentsMargins(0, 0, 0, 0)
        # a long category name goes above its field rather than squeezing it
        self.category_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.category_fields = FormFields(self.category_form, QLabel())
        self.fields.add(tr("ItemTypeDialog", "Price categories:"), (), self.category_box)
        self._category_row = self.form.rowCount() - 1
        self.form.setRowVisible(self._category_row, False)
        self._rates_loaded = False
        self.notes = _notes(raw.get("notes", ""))
        self.fields.add(tr("ItemTypeDialog", "Notes:"), "notes", self.notes)
        ops.read(lambda uow: item_rates_raw(uow, item_id), self._rates_arrived)
        self.tracking.currentIndexChanged.connect(self._update_enabled)
        self.category.currentIndexChanged.connect(self._update_enabled)
        self._update_enabled()
        self.finish()

    def _rates_arrived(self, found: ItemRates) -> None:
        self.member_rate.setText(found.member)
        self.public_rate.setText(found.non_member)
        self.vat_rate.setText(found.vat)
        self.vat_rate.setPlaceholderText(
            tr("ItemTypeDialog", "Default: %1 %").replace("%1", found.default_vat)
        )
        for code, name, value in found.categories:
            edit = QLineEdit(value)
            edit.setPlaceholderText(tr("ItemTypeDialog", "Member or non-member rate"))
            label = tr("ItemTypeDialog", "%1 (€/day):").replace("%1", no_mnemonic(name))
            self.category_fields.add(label, f"rate:{code}", edit)
            self.category_rates[code] = edit
        self.fields.widgets.update(self.category_fields.widgets)
        self.fields.errors.update(self.category_fields.errors)
        self.form.setRowVisible(self._category_row, bool(found.categories))
        self._rates_loaded = True

    def rates_raw(self) -> dict[str, str]:
        raw = {
            "member": self.member_rate.text(),
            "non_member": self.public_rate.text(),
            "vat": self.vat_rate.text(),
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
                saved = catalogue.update_item_type(uow, user=user, item_id=item_id, data=data)
            if parsed is not None:
                save_item_rates(uow, user=user, item_code=saved.code, rates_=parsed)
            return saved.id

        return write


# --- rates of an item type (invoicing) --------------------------------------------------------


@dataclass
class ItemRates:
    """An item type's rates as its form shows them."""

    member: str = ""
    non_member: str = ""
    vat: str = ""
    default_vat: str = ""
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, rate


def _percent_text(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", QLocale().decimalPoint())


def item_rates_raw(uow: UnitOfWork, item_id: int | None) -> ItemRates:
    found = ItemRates(default_vat=_percent_text(rates.default_vat(uow)))
    rate = uow.session.get(ItemRate, item_id) if item_id is not None else None
    if rate is not None:
        found.member = edit_amount(rate.member_day_cents)
        found.non_member = edit_amount(rate.non_member_day_cents)
        if rate.vat_rate_bp is not None:
            found.vat = _percent_text(rates.bp_percent(rate.vat_rate_bp))
    for category in uow.session.exec(select(PriceCategory).order_by(PriceCategory.code)):
        row = uow.session.get(CategoryRate, (category.id, item_id)) if item_id is not None else None
        value = edit_amount(row.day_cents) if row is not None else ""
        found.categories.append((category.code, category.name, value))
    return found


@dataclass(frozen=True)
class ParsedRates:
    member: int | None  # cents; None: no rate (both empty)
    non_member: int | None
    vat: Decimal | None
    categories: dict[str, int | None]


def parse_item_rates(raw: dict[str, str]) -> ParsedRates:
    """Check the rates typed in the item type form (nothing is written on refusal)."""
    member_text, public_text = raw.get("member", ""), raw.get("non_member", "")
    member = public = None
    if member_text.strip() or public_text.strip():
        member = fields.money_cents("member day rate", member_text, required=True)
        public = fields.money_cents("non-member day rate", public_text, required=True)
    vat_text = raw.get("vat", "").strip()
    vat = rates.percent("VAT rate", vat_text) if vat_text else None
    if vat is not None and member is None:
        raise ValidationError(
            "member day rate", "The {field} cannot be empty.", field="member day rate"
        )
    categories: dict[str, int | None] = {}
    for key, text in raw.items():
        if not key.startswith("rate:"):
            continue
        try:
            categories[key[5:]] = fields.money_cents("day rate", text) if text.strip() else None
        except ValidationError as err:
            err.field = key  # the category's own field
            raise
    return ParsedRates(member, public, vat, categories)


def save_item_rates(uow: UnitOfWork, *, user: str, item_code: str, rates_: ParsedRates) -> None:
    """Write the checked rates in the caller's transaction (emptied fields remove them)."""
    item = catalogue.item_by_code(uow, item_code)
    if rates_.member is not None and rates_.non_member is not None:
        rates.set_item_rate(
            uow,
            user=user,
            item_code=item_code,
            member_day=from_cents(rates_.member),
            non_member_day=from_cents(rates_.non_member),
            vat_rate=rates_.vat,
        )
    else:
        old = uow.session.get(ItemRate, item.id)
        if old is not None:
            uow.session.delete(old)
    for code, cents in rates_.categories.items():
        if cents is not None:
            rates.set_category_rate(
                uow, user=user, category_code=code, item_code=item_code, day=from_cents(cents)
            )
            continue
        category = rates.price_category(uow, code)
        row = uow.session.get(CategoryRate, (category.id, item.id))
        if row is not None:
            uow.session.delete(row)
    uow.flush()


# --- units -----------------------------------------------------------------------------------


def unit_raw(uow: UnitOfWork, unit_id: int) -> dict[str, str]:
    unit = uow.session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("This unit no longer exists.")
    item = uow.session.get(ItemType, unit.item_type_id)
    owner = uow.session.get(Owner, unit.owner_id) if unit.owner_id else None
    return {
        "item_code": item.code if item else "",
        "item_name": item.name if item else "",
        "barcode": unit.barcode,
        "serial": unit.serial,
        "status": unit.status,
        "location": unit.location,
        "purchase_date": edit_date(unit.purchase_date),
        "purchase_price": edit_amount(unit.purchase_price_cents),
        "condition_notes": unit.condition_notes,
        "owner": owner.name if owner else "",
    }


def owner_names(uow: UnitOfWork) -> list[str]:
    return list(uow.session.exec(select(Owner.name).order_by(Owner.name)))


class UnitDialog(FormDialog):
    """A new unit of a serialized type, or an existing unit's details (its status changes
    through the status dialog, which logs why)."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        raw: dict[str, str],
        unit_id: int | None = None,
        owners: list[str] | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.unit_id = unit_id
        self.item_code = raw.get("item_code", "")
        self.setWindowTitle(
            tr("UnitDialog", "Edit unit") if unit_id is not None else tr("UnitDialog", "New unit")
        )
        item = QLabel(f"<b>{raw.get('item_name', '')}</b> ({self.item_code})")
        item.setTextFormat(Qt.TextFormat.RichText)
        self.fields.add(tr("UnitDialog", "Item type:"), "item code", item)
        self.barcode = self.line(tr("UnitDialog", "&Barcode:"), "barcode", raw.get("barcode", ""))
        self.barcode.setPlaceholderText(
            tr("UnitDialog", "Scan a label, or leave empty to generate")
        )
        self.serial = self.line(
            tr("UnitDialog", "&Serial number:"), "serial number", raw.get("serial", "")
        )
        self.status = _combo(
            [(status_label(s.value), s.value) for s in UnitStatus], raw.get("status", "")
        )
        if unit_id is None:
            self.fields.add(tr("UnitDialog", "S&tatus:"), "status", self.status)
        self.location = self.line(
            tr("UnitDialog", "&Location:"), "location", raw.get("location", "")
        )
        self.location.setPlaceholderText(tr("UnitDialog", "Warehouse shelf, e.g. B3-2"))
        self.purchase_date = self.line(
            tr("UnitDialog", "&Purchase date:"), "purchase date", raw.get("purchase_date", "")
        )
        self.purchase_date.setPlaceholderText(tr("UnitDialog", "dd/mm/yyyy"))
        self.purchase_price = self.line(
            tr("UnitDialog", "Purchase p&rice (€):"),
            "purchase price",
            raw.get("purchase_price", ""),
        )
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems([""] + (owners or []))
        self.owner.setCurrentText(raw.get("owner", ""))
        self.owner.lineEdit().setPlaceholderText(tr("UnitDialog", "The cooperative"))
        self.fields.add(tr("UnitDialog", "&Owner:"), "owner", self.owner)
        self.notes = _notes(raw.get("condition_notes", ""))
        self.fields.add(tr("UnitDialog", "Condition notes:"), "condition notes", self.notes)
        self.finish()

    def raw(self) -> dict[str, str]:
        return {
            "item_code": self.item_code,
            "barcode": self.barcode.text(),
            "serial": self.serial.text(),
            "status": self.status.currentData(),
            "location": self.location.text(),
            "purchase_date": self.purchase_date.text(),
            "purchase_price": self.purchase_price.text(),
            "owner": self.owner.currentText(),
            "condition_notes": self.notes.toPlainText(),
        }

    def action(self) -> Action:
        data = catalogue.parse_unit(self.raw())
        user, clock, unit_id = self.ops.user, self.ops.ctx.clock, self.unit_id
        if unit_id is None:
            return lambda uow: catalogue.add_unit(uow, user=user, data=data, clock=clock).id
        return lambda uow: (
            catalogue.update_unit(uow, user=user, unit_id=unit_id, data=data, clock=clock).id
        )


class StatusDialog(FormDialog):
    """Change a unit's status with a note (logged with who and when)."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        barcode: str,
        current: str,
        target: str | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.barcode = barcode
        self.setWindowTitle(tr("StatusDialog", "Change status of %1").replace("%1", barcode))
        self.fields.add(tr("StatusDialog", "Current status:"), (), QLabel(status_label(current)))
        choices = [(status_label(s.value), s.value) for s in UnitStatus if s.value != current]
        self.status = _combo(choices, target or "")
        self.fields.add(tr("StatusDialog", "&New status:"), "status", self.status)
        self.note = _notes()
        self.fields.add(tr("StatusDialog", "N&ote:"), "note", self.note)
        self.note.setPlaceholderText(tr("StatusDialog", "Why: fault seen, lost on tour..."))
        self.finish()

    def action(self) -> Action:
        status = fields.choice("status", self.status.currentData() or "", UnitStatus)
        note = fields.text("note", self.note.toPlainText(), limit=fields.MAX_NOTES)
        user, clock, barcode = self.ops.user, self.ops.ctx.clock, self.barcode
        return lambda uow: (
            catalogue.set_status(
                uow, user=user, barcode=barcode, status=status, note=note, clock=clock
            ).id
        )


# --- maintenance -----------------------------------------------------------------------------


def _required_date(field: str, text: str) -> dt.date:
    value = fields.optional_date(field, text)
    if value is None:
        raise ValidationError(field, "The {field} cannot be empty.", field=field)
    return value


class InspectionDialog(FormDialog):
    """Log an inspection of a unit: a pass moves the next due date; a failure sends the
    unit to repair."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        *,
        barcode: str,
        schedules: list[tuple[int, str]],
    ) -> None:
        super().__init__(ops, parent)
        self.barcode = barcode
        self.setWindowTitle(tr("InspectionDialog", "Log inspection of %1").replace("%1", barcode))
        items = [(name, str(sid)) for sid, name in schedules]
        items.append((tr("InspectionDialog", "Other check (no schedule)"), ""))
        self.schedule = _combo(items)
        self.fields.add(tr("InspectionDialog", "&Schedule:"), "schedule", self.schedule)
        today = ops.ctx.clock.today()
        self.date = self.line(tr("InspectionDialog", "&Date:"), "date", edit_date(today))
        self.result = _combo(
            [
                (tr("InspectionDialog", "Passed"), "pass"),
                (tr("InspectionDialog", "Failed (unit goes to repair)"), "fail"),
            ]
        )
        self.fields.add(tr("InspectionDialog", "&Result:"), "passed", self.result)
        self.inspector = self.line(tr("InspectionDialog", "&Inspector:"), "inspector", ops.user)
        self.notes = _notes()
        self.fields.add(tr("InspectionDialog", "&Notes:"), "notes", self.notes)
        self.finish()

    def action(self) -> Action:
        date = _required_date("date", self.date.text())
        schedule = self.schedule.currentData()
        schedule_id = int(schedule) if schedule else None
        passed = self.result.currentData() == "pass"
        inspector, notes = self.inspector.text(), self.notes.toPlainText()
        user, clock, barcode = self.ops.user, self.ops.ctx.clock, self.barcode
        return lambda uow: (
            maintenance.log_inspection(
                uow,
                user=user,
                barcode=barcode,
                schedule_id=schedule_id,
                date=date,
                passed=passed,
                inspector=inspector,
                notes=notes,
                clock=clock,
            ).id
        )


class RepairDialog(FormDialog):
    """Add to a unit's repair log; "back in service" closes the repair."""

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, barcode: str, in_repair: bool
    ) -> None:
        super().__init__(ops, parent)
        self.barcode = barcode
        self.setWindowTitle(tr("RepairDialog", "Log repair of %1").replace("%1", barcode))
        self.description = _notes()
        self.fields.add(tr("RepairDialog", "&Work done:"), "description", self.description)
        self.repairer = self.line(tr("RepairDialog", "&Repairer:"), "repairer")
        self.cost = self.line(tr("RepairDialog", "&Cost (€):"), "cost")
        self.close_repair = QCheckBox(tr("RepairDialog", "&Back in service"))
        self.close_repair.setChecked(in_repair)
        self.close_repair.setEnabled(in_repair)
        self.fields.add("", "close", self.close_repair)
        self.finish()

    def action(self) -> Action:
        cost = fields.money_cents("cost", self.cost.text())
        description = fields.text(
            "description", self.description.toPlainText(), required=True, limit=fields.MAX_NOTES
        )
        repairer, close = self.repairer.text(), self.close_repair.isChecked()
        user, clock, barcode = self.ops.user, self.ops.ctx.clock, self.barcode
        return lambda uow: (
            maintenance.log_repair(
                uow,
                user=user,
                barcode=barcode,
                description=description,
                repairer=repairer,
                cost_cents=cost,
                close=close,
                clock=clock,
            ).id
        )


def schedule_rows(uow: UnitOfWork, item_type_id: int) -> list[tuple[int, str, int, bool]]:
    return [
        (s.id or 0, s.name, s.interval_months, s.at_each_remount)
        for s in schedules_of(uow, item_type_id)
    ]


class SchedulesDialog(QDialog):
    """The periodic inspections of a type (VGP every 12 months...): add and remove."""

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, item_type_id: int, title: str
    ) -> None:
        super().__init__(parent)
        self.ops, self.item_type_id = ops, item_type_id
        self.setWindowTitle(
            tr("SchedulesDialog", "Inspection schedules of %1").replace("%1", title)
        )
        self.setStyleSheet(INVALID_STYLE)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        layout.addWidget(self.list)
        self.remove_button = QPushButton(tr("SchedulesDialog", "&Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        message = QLabel()
        layout.addWidget(message)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = FormFields(form, message)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("SchedulesDialog", "e.g. VGP (periodic check)"))
        self.fields.add(tr("SchedulesDialog", "&Name:"), "schedule", self.name)
        self.interval = QSpinBox()
        self.interval.setRange(1, 120)
        self.interval.setValue(12)
        self.interval.setSuffix(tr("SchedulesDialog", " months"))
        self.fields.add(tr("SchedulesDialog", "&Every:"), "interval", self.interval)
        self.remount = QCheckBox(tr("SchedulesDialog", "Also at each re-mount (touring hoists)"))
        self.fields.add("", (), self.remount)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("SchedulesDialog", "&Add schedule"))
        self.add_button.clicked.connect(self.add)
        self.add_button.setDefault(True)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.ops.read(lambda uow: schedule_rows(uow, self.item_type_id), self._show)

    def _show(self, rows: list[tuple[int, str, int, bool]]) -> None:
        self.list.clear()
        for sid, name, months, remount in rows:
            text = tr("SchedulesDialog", "%1 — every %2 months").replace("%1", name)
            text = text.replace("%2", str(months))
            if remount:
                text += " " + tr("SchedulesDialog", "(and at each re-mount)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(rows))

    def add(self) -> None:
        self.fields.clear()
        name, months, remount = self.name.text(), self.interval.value(), self.remount.isChecked()
        user, clock, type_id = self.ops.user, self.ops.ctx.clock, self.item_type_id

        def done(_: object) -> None:
            self.name.clear()
            self.reload()

        self.ops.write(
            lambda uow: (
                maintenance.add_schedule(
                    uow,
                    user=user,
                    item_type_id=type_id,
                    name=name,
                    interval_months=months,
                    at_each_remount=remount,
                    clock=clock,
                ).id
            ),
            done,
            self.fields.show,
        )

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        sid, user = int(item.data(Qt.ItemDataRole.UserRole)), self.ops.user
        self.ops.write(
            lambda uow: maintenance.remove_schedule(uow, user=user, schedule_id=sid),
            lambda _: self.reload(),
            self.fields.show,
        )
