"""The inventory screen's actions (menu, toolbar, context menus, shortcuts) and what they
do: open the editors on the selected type or unit, set a photo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QTableView, QToolBar, QWidget

from app import i18n
from app.core.errors import DomainError
from app.core.storage import os_reason
from app.gui.catalogue.item_type_dialog import ItemTypeDialog, item_type_raw
from app.gui.catalogue.maintenance_dialogs import InspectionDialog, RepairDialog, SchedulesDialog
from app.gui.catalogue.unit_dialogs import StatusDialog, UnitDialog, unit_raw
from app.gui.shell import files, icons
from app.gui.shell.models import TypeTableModel, UnitTableModel
from app.gui.shell.operations import Operations
from inventory import catalogue_views, photos, queries
from inventory.models import Tracking, UnitStatus

tr = QCoreApplication.translate
NATIVE = QKeySequence.SequenceFormat.NativeText


class InventoryCommands(QWidget):
    """Base of the inventory screen: its actions and their slots, on the selection the
    screen keeps (``_type_id``, ``_unit_id``)."""

    ops: Operations
    types: TypeTableModel
    units: UnitTableModel
    notice: QLabel
    dialog: QDialog | None  # the dialog an action opened (tests fill it)
    _type_id: int | None
    _unit_id: int | None

    def _action(self, text: str, shortcut: str, slot: Any, icon: str) -> QAction:
        action = QAction(icons.icon(icon), text, self)
        action.setShortcut(QKeySequence(shortcut))
        plain = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{plain} ({QKeySequence(shortcut).toString(NATIVE)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.find_action = a(tr("InventoryScreen", "&Find"), "Ctrl+F", self.focus_search, "search")
        self.new_type_action = a(
            tr("InventoryScreen", "&New item type…"), "Ctrl+N", self.new_type, "new"
        )
        self.edit_type_action = a(
            tr("InventoryScreen", "&Edit item type…"), "Ctrl+E", self.edit_type, "edit"
        )
        self.schedules_action = a(
            tr("InventoryScreen", "Inspection sc&hedules…"),
            "Ctrl+Shift+S",
            self.manage_schedules,
            "schedule",
        )
        self.photo_action = a(
            tr("InventoryScreen", "Set &photo…"), "Ctrl+Shift+P", self.choose_photo, "photo"
        )
        self.new_unit_action = a(
            tr("InventoryScreen", "New &unit…"), "Ctrl+Shift+N", self.new_unit, "add"
        )
        self.edit_unit_action = a(
            tr("InventoryScreen", "Edi&t unit…"), "Ctrl+Shift+E", self.edit_unit, "edit"
        )
        self.status_action = a(
            tr("InventoryScreen", "Change &status…"), "Ctrl+T", self.change_status, "status"
        )
        self.retire_action = a(
            tr("InventoryScreen", "&Retire unit…"), "Ctrl+Del", self.retire, "retire"
        )
        self.inspect_action = a(
            tr("InventoryScreen", "Log &inspection…"), "Ctrl+I", self.log_inspection, "inspect"
        )
        self.repair_action = a(
            tr("InventoryScreen", "Log rep&air…"), "Ctrl+R", self.log_repair, "repair"
        )
        self.type_actions: list[QAction | None] = [
            self.new_type_action,
            self.edit_type_action,
            self.schedules_action,
            self.photo_action,
            None,
            self.new_unit_action,
        ]
        self.unit_actions: list[QAction | None] = [
            self.new_unit_action,
            self.edit_unit_action,
            None,
            self.status_action,
            self.retire_action,
            None,
            self.inspect_action,
            self.repair_action,
        ]
        self._build_menu()
        self._build_toolbar()
        self._update_actions()

    def _build_menu(self) -> None:
        self.menu = QMenu(tr("InventoryScreen", "&Inventory"), self)
        self.menu.addAction(self.find_action)
        self.menu.addSeparator()
        for action in self.type_actions + [None] + self.unit_actions[1:]:
            self.menu.addSeparator() if action is None else self.menu.addAction(action)

    def _build_toolbar(self) -> None:
        for named, short in (
            (self.new_type_action, tr("InventoryScreen", "New type")),
            (self.edit_type_action, tr("InventoryScreen", "Edit type")),
            (self.photo_action, tr("InventoryScreen", "Photo")),
            (self.new_unit_action, tr("InventoryScreen", "New unit")),
            (self.edit_unit_action, tr("InventoryScreen", "Edit unit")),
            (self.status_action, tr("InventoryScreen", "Status")),
            (self.inspect_action, tr("InventoryScreen", "Inspection")),
            (self.repair_action, tr("InventoryScreen", "Repair")),
        ):
            named.setIconText(short)  # the toolbar's words; menus keep the full text
        self.toolbar = QToolBar()
        self.toolbar.setAccessibleName(tr("InventoryScreen", "Inventory actions"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.new_type_action,
            self.edit_type_action,
            self.photo_action,
            None,
            self.new_unit_action,
            self.edit_unit_action,
            self.status_action,
            None,
            self.inspect_action,
            self.repair_action,
        ):
            self.toolbar.addSeparator() if action is None else self.toolbar.addAction(action)

    def _update_actions(self) -> None:
        has_type = self._type_id is not None
        for action in (
            self.edit_type_action,
            self.schedules_action,
            self.photo_action,
            self.new_unit_action,
        ):
            action.setEnabled(has_type)
        has_unit = self._unit_id is not None
        for action in (
            self.edit_unit_action,
            self.status_action,
            self.retire_action,
            self.inspect_action,
            self.repair_action,
        ):
            action.setEnabled(has_unit)

    def _context_menu(self, view: QTableView, pos: QPoint, actions: list[QAction | None]) -> None:
        menu = QMenu(self)
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(pos))

    def focus_search(self) -> None:
        raise NotImplementedError

    # --- dialogs ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        """Show a dialog window-modal without blocking (tests reach it as ``self.dialog``)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _failed(self, err: DomainError) -> None:
        self.notice.setText(i18n.message(err))

    def new_type(self) -> None:
        self._open(ItemTypeDialog(self.ops, self))

    def edit_type(self) -> None:
        type_id = self._type_id
        if type_id is None:
            return
        self.ops.read(
            lambda uow: catalogue_views.item_type_values(uow, type_id),
            lambda values: self._open(
                ItemTypeDialog(self.ops, self, type_id, item_type_raw(values))
            ),
            self._failed,
        )

    def new_unit(self) -> None:
        type_id = self._type_id
        if type_id is None:
            return

        def opened(found: tuple[dict[str, Any], list[str]]) -> None:
            values, owners = found
            if values["tracking"] == Tracking.BULK:
                self.notice.setText(
                    tr(
                        "InventoryScreen", "%1 is counted in bulk: edit its stock quantity instead."
                    ).replace("%1", values["name"])
                )
                return
            start = {"item_code": values["code"], "item_name": values["name"]}
            self._open(UnitDialog(self.ops, self, raw=start, owners=owners))

        self.ops.read(
            lambda uow: (
                catalogue_views.item_type_values(uow, type_id),
                catalogue_views.owner_names(uow),
            ),
            opened,
            self._failed,
        )

    def edit_unit(self) -> None:
        unit_id = self._unit_id
        if unit_id is None:
            return
        self.ops.read(
            lambda uow: (
                catalogue_views.unit_values(uow, unit_id),
                catalogue_views.owner_names(uow),
            ),
            lambda found: self._open(
                UnitDialog(self.ops, self, raw=unit_raw(found[0]), unit_id=unit_id, owners=found[1])
            ),
            self._failed,
        )

    def _unit_row(self) -> queries.UnitRow | None:
        row = self.units.row_of(self._unit_id) if self._unit_id is not None else None
        return self.units.row_data(row) if row is not None else None

    def change_status(self, target: str | None = None) -> None:
        unit = self._unit_row()
        if unit is not None:
            self._open(
                StatusDialog(
                    self.ops, self, barcode=unit.barcode, current=unit.status, target=target or None
                )
            )

    def retire(self) -> None:
        unit = self._unit_row()
        if unit is not None and unit.status != UnitStatus.RETIRED:
            self.change_status(UnitStatus.RETIRED.value)

    def log_inspection(self) -> None:
        unit, type_id = self._unit_row(), self._type_id
        if unit is None or type_id is None:
            return
        self.ops.read(
            lambda uow: [(r.id, r.name) for r in catalogue_views.schedule_rows(uow, type_id)],
            lambda rows: self._open(
                InspectionDialog(self.ops, self, barcode=unit.barcode, schedules=rows)
            ),
        )

    def log_repair(self) -> None:
        unit = self._unit_row()
        if unit is not None:
            in_repair = unit.status == UnitStatus.IN_REPAIR
            self._open(RepairDialog(self.ops, self, barcode=unit.barcode, in_repair=in_repair))

    def manage_schedules(self) -> None:
        type_id = self._type_id
        row = self.types.row_of(type_id) if type_id is not None else None
        found = self.types.row_data(row) if row is not None else None
        if type_id is not None and found is not None:
            self._open(SchedulesDialog(self.ops, self, item_type_id=type_id, title=found.name))

    def choose_photo(self) -> None:
        if self._type_id is None:
            return
        path = files.open_file_name(
            self,
            tr("InventoryScreen", "Photo of the item type"),
            str(Path.home()),
            tr("InventoryScreen", "Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)"),
        )
        if path:
            self.set_photo_from_file(Path(path))

    def set_photo_from_file(self, path: Path) -> None:
        type_id, user = self._type_id, self.ops.user
        if type_id is None:
            return
        try:
            data = path.read_bytes()
        except OSError as err:
            self.notice.setText(
                tr("InventoryScreen", "Cannot read %1: %2")
                .replace("%1", str(path))
                .replace("%2", i18n.message(os_reason(err)))
            )
            return
        self.ops.write(
            lambda uow: photos.set_photo(uow, user=user, item_type_id=type_id, image=data),
            lambda _: self.notice.clear(),
            self._failed,
        )
