"""Dialogs editing the catalogue, kept importable from their first home: the form dialog
every editor builds on (``form_dialog``), the item type form, the unit and status forms and
the maintenance dialogs each live in their own module."""

from app.gui.catalogue.form_dialog import Action, FormDialog, SectionFields, combo, notes_edit
from app.gui.catalogue.item_type_dialog import ItemTypeDialog, item_type_raw, tracking_label
from app.gui.catalogue.maintenance_dialogs import InspectionDialog, RepairDialog, SchedulesDialog
from app.gui.catalogue.unit_dialogs import StatusDialog, UnitDialog, unit_raw

__all__ = [
    "Action",
    "FormDialog",
    "InspectionDialog",
    "ItemTypeDialog",
    "RepairDialog",
    "SchedulesDialog",
    "SectionFields",
    "StatusDialog",
    "UnitDialog",
    "combo",
    "item_type_raw",
    "notes_edit",
    "tracking_label",
    "unit_raw",
]
