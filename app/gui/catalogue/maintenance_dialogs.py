"""Maintenance of units: log an inspection, log a repair, and the periodic inspections an
item type needs (VGP every 12 months...)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.gui.catalogue.form_dialog import Action, FormDialog, combo, notes_edit
from app.gui.shell import icons
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import FormFields, edit_date
from inventory import fields, maintenance
from inventory.catalogue_views import ScheduleRow, schedule_rows

tr = QCoreApplication.translate


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
        self.setWindowIcon(icons.icon("inspect"))
        items = [(name, str(sid)) for sid, name in schedules]
        items.append((tr("InspectionDialog", "Other check (no schedule)"), ""))
        self.schedule = combo(items)
        self.fields.add(tr("InspectionDialog", "&Schedule:"), "schedule", self.schedule)
        today = ops.ctx.clock.today()
        self.date = self.line(tr("InspectionDialog", "&Date:"), "date", edit_date(today))
        self.outcome = combo(
            [
                (tr("InspectionDialog", "Passed"), "pass"),
                (tr("InspectionDialog", "Failed (unit goes to repair)"), "fail"),
            ]
        )
        self.fields.add(tr("InspectionDialog", "&Result:"), "passed", self.outcome)
        self.inspector = self.line(tr("InspectionDialog", "&Inspector:"), "inspector", ops.user)
        self.notes = notes_edit()
        self.fields.add(tr("InspectionDialog", "&Notes:"), "notes", self.notes)
        self.finish()

    def action(self) -> Action:
        date = _required_date("date", self.date.text())
        schedule = self.schedule.currentData()
        schedule_id = int(schedule) if schedule else None
        passed = self.outcome.currentData() == "pass"
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
        self.setWindowIcon(icons.icon("repair"))
        self.description = notes_edit()
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
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("SchedulesDialog", "Inspection schedules"))
        EmptyState(
            self.list,
            lambda: tr(
                "SchedulesDialog",
                "No periodic inspection for this item type. Name one below, then Add schedule.",
            ),
        )
        layout.addWidget(self.list)
        self.remove_button = QPushButton(
            icons.icon("remove"), tr("SchedulesDialog", "&Remove selected")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        message = QLabel()
        layout.addWidget(message)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields = FormFields(form, message)
        self._build_new(layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def _build_new(self, layout: QVBoxLayout) -> None:
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
        self.add_button = QPushButton(icons.icon("add"), tr("SchedulesDialog", "&Add schedule"))
        self.add_button.clicked.connect(self.add)
        self.add_button.setDefault(True)
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)

    def reload(self) -> None:
        self.ops.read(lambda uow: schedule_rows(uow, self.item_type_id), self._show)

    def _show(self, rows: list[ScheduleRow]) -> None:
        self.list.clear()
        for row in rows:
            text = tr("SchedulesDialog", "%1 — every %2 months").replace("%1", row.name)
            text = text.replace("%2", str(row.interval_months))
            if row.at_each_remount:
                text += " " + tr("SchedulesDialog", "(and at each re-mount)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
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
