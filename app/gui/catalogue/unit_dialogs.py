"""A unit's form (its identity beside where it is and how it was bought) and the change of a
unit's status, which logs why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.gui.catalogue.form_dialog import Action, FormDialog, combo, notes_edit
from app.gui.shell import style
from app.gui.shell.chips import StatusChip
from app.gui.shell.models import status_label
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import edit_amount, edit_date
from inventory import catalogue, fields
from inventory.models import UnitStatus

tr = QCoreApplication.translate


def unit_raw(values: dict[str, Any]) -> dict[str, str]:
    """A unit's values (``catalogue_views.unit_values``) as the text its form shows."""
    return {
        "item_code": values["item_code"],
        "item_name": values["item_name"],
        "barcode": values["barcode"],
        "serial": values["serial"],
        "status": values["status"],
        "location": values["location"],
        "purchase_date": edit_date(values["purchase_date"]),
        "purchase_price": edit_amount(values["purchase_price_cents"]),
        "condition_notes": values["condition_notes"],
        "owner": values["owner"],
    }


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
        self._build_identity(raw, owners or [])
        self._build_place(raw)
        self.notes = notes_edit(raw.get("condition_notes", ""))
        self.fields.add(tr("UnitDialog", "Condition notes:"), "condition notes", self.notes)
        self.finish()

    def _build_identity(self, raw: dict[str, str], owners: list[str]) -> None:
        part = self.section(tr("UnitDialog", "Unit"), 0, 0)
        item = QLabel(f"{raw.get('item_name', '')} ({self.item_code})")
        item.setTextFormat(Qt.TextFormat.PlainText)
        item.setWordWrap(True)
        style.set_role(item, "heading")
        part.add(tr("UnitDialog", "Item type:"), "item code", item)
        self.barcode = self.line(
            tr("UnitDialog", "&Barcode:"), "barcode", raw.get("barcode", ""), part
        )
        self.barcode.setPlaceholderText(
            tr("UnitDialog", "Scan a label, or leave empty to generate")
        )
        self.serial = self.line(
            tr("UnitDialog", "&Serial number:"), "serial number", raw.get("serial", ""), part
        )
        self.status = combo(
            [(status_label(s.value), s.value) for s in UnitStatus], raw.get("status", "")
        )
        if self.unit_id is None:
            part.add(tr("UnitDialog", "S&tatus:"), "status", self.status)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems([""] + owners)
        self.owner.setCurrentText(raw.get("owner", ""))
        owner_edit = self.owner.lineEdit()
        if owner_edit is not None:
            owner_edit.setPlaceholderText(tr("UnitDialog", "The cooperative"))
        part.add(tr("UnitDialog", "&Owner:"), "owner", self.owner)

    def _build_place(self, raw: dict[str, str]) -> None:
        part = self.section(tr("UnitDialog", "Location and purchase"), 0, 1)
        self.location = self.line(
            tr("UnitDialog", "&Location:"), "location", raw.get("location", ""), part
        )
        self.location.setPlaceholderText(tr("UnitDialog", "Warehouse shelf, e.g. B3-2"))
        self.purchase_date = self.line(
            tr("UnitDialog", "&Purchase date:"),
            "purchase date",
            raw.get("purchase_date", ""),
            part,
        )
        self.purchase_date.setPlaceholderText(tr("UnitDialog", "dd/mm/yyyy"))
        self.purchase_price = self.line(
            tr("UnitDialog", "Purchase p&rice (€):"),
            "purchase price",
            raw.get("purchase_price", ""),
            part,
        )

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
        chip = StatusChip("unit", current, status_label(current))
        self.fields.add(tr("StatusDialog", "Current status:"), (), chip)
        choices = [(status_label(s.value), s.value) for s in UnitStatus if s.value != current]
        self.status = combo(choices, target or "")
        self.fields.add(tr("StatusDialog", "&New status:"), "status", self.status)
        self.note = notes_edit()
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
