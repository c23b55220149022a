"""The inventory screen: search-as-you-type (or scan) over the catalogue, the types table,
the selected type's units and a detail panel, and the catalogue's actions."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError
from app.gui.catalogue import editors
from app.gui.shell import files
from app.gui.shell.models import (
    ID_ROLE,
    TypeTableModel,
    UnitTableModel,
    category_label,
    status_label,
)
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import (
    ERROR_COLOUR,
    format_amount,
    format_date,
    format_datetime,
    format_weight,
    screen_shortcuts_first,
)
from inventory import maintenance, photos, queries
from inventory.barcodes import normalise
from inventory.models import (
    Category,
    ItemType,
    Owner,
    Tracking,
    Unit,
    UnitEvent,
    UnitStatus,
)

tr = QCoreApplication.translate
LOG_LIMIT = 8


# --- reads -----------------------------------------------------------------------------------


@dataclass
class Detail:
    """What the detail panel shows: the type, and the selected unit's dues and logs."""

    item: dict[str, Any]
    photo: bytes | None
    schedules: list[tuple[int, str, int, bool]]
    unit: dict[str, Any] | None = None
    dues: list[maintenance.DueRow] = field(default_factory=list)
    inspections: list[Any] = field(default_factory=list)
    repairs: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)


def read_detail(uow: UnitOfWork, type_id: int, unit_id: int | None, today: dt.date) -> Detail:
    item = uow.session.get(ItemType, type_id)
    if item is None:
        return Detail({}, None, [])
    detail = Detail(
        item.model_dump(), photos.photo_of(uow, type_id), editors.schedule_rows(uow, type_id)
    )
    unit = uow.session.get(Unit, unit_id) if unit_id is not None else None
    if unit is None or unit.item_type_id != type_id:
        return detail
    owner = uow.session.get(Owner, unit.owner_id) if unit.owner_id else None
    detail.unit = unit.model_dump() | {"owner": owner.name if owner else ""}
    detail.dues = maintenance.dues_of(uow, unit.id or 0, today)
    detail.inspections = maintenance.inspection_log(uow, unit.id or 0)[:LOG_LIMIT]
    detail.repairs = maintenance.repair_log(uow, unit.id or 0)[:LOG_LIMIT]
    events = select(UnitEvent).where(UnitEvent.unit_id == unit.id)
    detail.events = list(uow.session.exec(events.order_by(UnitEvent.id.desc()).limit(LOG_LIMIT)))  # type: ignore[union-attr]
    return detail


def lookup_code(uow: UnitOfWork, code: str) -> tuple[int, int | None] | None:
    """A scanned code: (type id, unit id) of the unit, bulk type or type code it names."""
    return queries.code_lookup(uow, code)


# --- the screen ------------------------------------------------------------------------------


class InventoryScreen(QWidget):
    """Search, types, units, details; every action also on the keyboard."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: QDialog | None = None  # the dialog an action opened (tests fill it)
        self._search_generation = 0
        self._want: tuple[int | None, int | None] = (None, None)
        self._type_id: int | None = None
        self._unit_id: int | None = None
        self.types = TypeTableModel(ops, self)
        self.units = UnitTableModel(ops, self)
        self._build_filters()
        self._build_tables()
        self._build_detail()
        self._build_actions()
        self._layout()
        ops.changed.connect(self._on_changed)
        self.search()

    # --- construction ------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search_box = QLineEdit()
        screen_shortcuts_first(self.search_box)  # Ctrl+E edits, even from the search
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            tr(
                "InventoryScreen",
                "Search name, code, barcode, serial number, manufacturer… (Ctrl+F)",
            )
        )
        self.search_box.textChanged.connect(self.search)
        self.search_box.returnPressed.connect(self.scan)
        self.category_filter = QComboBox()
        self.category_filter.addItem(tr("InventoryScreen", "All categories"), "")
        for category in Category:
            self.category_filter.addItem(category_label(category.value), category.value)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("InventoryScreen", "Any status"), "")
        for status in UnitStatus:
            self.status_filter.addItem(status_label(status.value), status.value)
        self.category_filter.currentIndexChanged.connect(self.search)
        self.status_filter.currentIndexChanged.connect(self.search)
        self.count_label = QLabel()
        self.notice = QLabel()
        self.notice.setStyleSheet(f"color: {ERROR_COLOUR};")

    def _table(self, model: Any, label: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        # names that differ at their end ("APE de l'école de …") stay told apart
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setAccessibleName(label)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setShowGrid(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        view.horizontalHeader().setHighlightSections(False)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        return view

    def _build_tables(self) -> None:
        self.types_view = self._table(self.types, tr("InventoryScreen", "Item types"))
        self.units_view = self._table(self.units, tr("InventoryScreen", "Units"))
        widths = (140, 300, 150, 130, 130, 75, 85, 115)
        for column, width in enumerate(widths):
            self.types_view.setColumnWidth(column, width)
        self._stretch_name()
        self.types.modelReset.connect(self._stretch_name)
        for column, width in enumerate((90, 105, 90, 100, 95)):
            self.units_view.setColumnWidth(column, width)
        self.units_view.horizontalHeader().setStretchLastSection(True)
        self.types_view.selectionModel().currentRowChanged.connect(self._type_changed)
        self.units_view.selectionModel().currentRowChanged.connect(self._unit_changed)
        self.types_view.doubleClicked.connect(lambda _: self.edit_type())
        self.units_view.doubleClicked.connect(lambda _: self.edit_unit())
        self.types_view.customContextMenuRequested.connect(
            lambda pos: self._context_menu(self.types_view, pos, self.type_actions)
        )
        self.units_view.customContextMenuRequested.connect(
            lambda pos: self._context_menu(self.units_view, pos, self.unit_actions)
        )

    def _stretch_name(self) -> None:
        header = self.types_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _build_detail(self) -> None:
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(12, 8, 12, 8)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: palette(mid);")
        self.photo = QLabel()
        self.photo.setFixedSize(128, 128)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid palette(mid); color: palette(mid);")
        self.type_form = QFormLayout()
        self.type_values: dict[str, QLabel] = {}
        labels = (
            ("maker", tr("InventoryScreen", "Make / model:")),
            ("tracking", tr("InventoryScreen", "Tracking:")),
            ("value", tr("InventoryScreen", "Replacement value:")),
            ("deposit", tr("InventoryScreen", "Deposit:")),
            ("weight", tr("InventoryScreen", "Weight:")),
            ("schedules", tr("InventoryScreen", "Inspections:")),
            ("notes", tr("InventoryScreen", "Notes:")),
        )
        for key, text in labels:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.type_form.addRow(text, value)
            self.type_values[key] = value
        self.unit_box = QLabel()
        self.unit_box.setWordWrap(True)
        self.unit_box.setTextFormat(Qt.TextFormat.RichText)
        self.unit_box.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        top = QHBoxLayout()
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        facts = QVBoxLayout()
        facts.addWidget(self.title)
        facts.addWidget(self.subtitle)
        facts.addLayout(self.type_form)
        top.addLayout(facts, 1)
        column.addLayout(top)
        column.addWidget(self.unit_box)
        column.addStretch(1)
        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        self.detail.setWidget(panel)
        self.detail.setMinimumWidth(320)

    def _action(self, text: str, shortcut: str, slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(
            f"{text.replace('&', '').rstrip('…')} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
            if shortcut
            else text
        )
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.find_action = a(tr("InventoryScreen", "&Find"), "Ctrl+F", self.focus_search)
        self.new_type_action = a(tr("InventoryScreen", "&New item type…"), "Ctrl+N", self.new_type)
        self.edit_type_action = a(
            tr("InventoryScreen", "&Edit item type…"), "Ctrl+E", self.edit_type
        )
        self.schedules_action = a(
            tr("InventoryScreen", "Inspection sc&hedules…"), "Ctrl+Shift+S", self.manage_schedules
        )
        self.photo_action = a(
            tr("InventoryScreen", "Set &photo…"), "Ctrl+Shift+P", self.choose_photo
        )
        self.new_unit_action = a(tr("InventoryScreen", "New &unit…"), "Ctrl+Shift+N", self.new_unit)
        self.edit_unit_action = a(
            tr("InventoryScreen", "Edi&t unit…"), "Ctrl+Shift+E", self.edit_unit
        )
        self.status_action = a(
            tr("InventoryScreen", "Change &status…"), "Ctrl+T", self.change_status
        )
        self.retire_action = a(tr("InventoryScreen", "&Retire unit…"), "Ctrl+Del", self.retire)
        self.inspect_action = a(
            tr("InventoryScreen", "Log &inspection…"), "Ctrl+I", self.log_inspection
        )
        self.repair_action = a(tr("InventoryScreen", "Log rep&air…"), "Ctrl+R", self.log_repair)
        self.type_actions = [
            self.new_type_action,
            self.edit_type_action,
            self.schedules_action,
            self.photo_action,
            None,
            self.new_unit_action,
        ]
        self.unit_actions = [
            self.new_unit_action,
            self.edit_unit_action,
            None,
            self.status_action,
            self.retire_action,
            None,
            self.inspect_action,
            self.repair_action,
        ]
        self.menu = QMenu(tr("InventoryScreen", "&Inventory"), self)
        self.menu.addAction(self.find_action)
        self.menu.addSeparator()
        for action in self.type_actions + [None] + self.unit_actions[1:]:
            self.menu.addSeparator() if action is None else self.menu.addAction(action)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
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
        self._update_actions()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search_box, 1)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.status_filter)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.units_view)
        bottom.addWidget(self.detail)
        bottom.setSizes([610, 510])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.types_view)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([380, 320])
        self.splitter.setCollapsible(0, False)
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addWidget(self.notice, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.addWidget(self.toolbar)
        outer.addLayout(filters)
        outer.addWidget(self.splitter, 1)
        outer.addLayout(status)
        self.setTabOrder(self.search_box, self.category_filter)
        self.setTabOrder(self.category_filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.types_view)
        self.setTabOrder(self.types_view, self.units_view)

    # --- search -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self) -> None:
        """Run the search for the current text and filters; the table follows."""
        self._search_generation += 1
        generation = self._search_generation
        text = self.search_box.text()
        category = self.category_filter.currentData() or None
        status = self.status_filter.currentData() or None
        self.ops.read(
            lambda uow: queries.search_types(uow, text, category, status),
            lambda ids: self._show_types(ids, generation),
        )

    def _show_types(self, ids: list[int], generation: int) -> None:
        if generation != self._search_generation:
            return
        wanted = self._want[0] if self._want[0] is not None else self._type_id
        self.types.set_ids(ids)
        self.count_label.setText(tr("InventoryScreen", "%Ln item type(s)", None, len(ids)))
        row = self.types.row_of(wanted) if wanted is not None else None
        self._select_type_row(row if row is not None else (0 if ids else None))

    def _select_type_row(self, row: int | None) -> None:
        if row is None:
            self._type_changed(QModelIndex())
            return
        index = self.types.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.types_view.selectionModel().setCurrentIndex(index, flags)
        if self.types.id_at(row) == self._type_id:
            self._load_units()  # same type, new search text or refreshed data
        self.types_view.scrollTo(index)

    def scan(self) -> None:
        """Enter in the search box: a scanned (or typed) barcode selects its type and unit."""
        code = self.search_box.text()
        self.ops.read(lambda uow: lookup_code(uow, code), lambda found: self._scanned(code, found))

    def _scanned(self, code: str, found: tuple[int, int | None] | None) -> None:
        self.search_box.selectAll()
        if found is None:
            if normalise(code):
                self.notice.setText(
                    tr("InventoryScreen", "Nothing carries the barcode or code %1.").replace(
                        "%1", normalise(code)
                    )
                )
                QApplication.beep()
            return
        self.notice.clear()
        self.select(*found)

    def select(self, type_id: int, unit_id: int | None = None) -> None:
        """Select a type (and one of its units), clearing filters that would hide it."""
        self._want = (type_id, unit_id)
        row = self.types.row_of(type_id)
        if row is None:
            for combo in (self.category_filter, self.status_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.search()
        else:
            self._select_type_row(row)

    # --- selection ----------------------------------------------------------------------

    def selected_type_id(self) -> int | None:
        return self._type_id

    def selected_unit_id(self) -> int | None:
        return self._unit_id

    def _type_changed(self, current: QModelIndex) -> None:
        type_id = current.data(ID_ROLE) if current.isValid() else None
        self._type_id = type_id
        self._load_units()

    def _load_units(self) -> None:
        type_id = self._type_id
        if type_id is None:
            self.units.set_ids([])
            self._unit_changed(QModelIndex())
            return
        text = self.search_box.text()
        status = self.status_filter.currentData() or None
        self.ops.read(
            lambda uow: queries.unit_ids(uow, type_id, text, status),
            lambda ids: self._show_units(type_id, ids),
        )

    def _show_units(self, type_id: int, ids: list[int]) -> None:
        if type_id != self._type_id:
            return
        want_type, want_unit = self._want
        wanted = want_unit if want_type == type_id and want_unit else self._unit_id
        self._want = (None, None)
        self.units.set_ids(ids)
        row = self.units.row_of(wanted) if wanted is not None else None
        if row is None:
            self._unit_changed(QModelIndex())
            return
        index = self.units.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.units_view.selectionModel().setCurrentIndex(index, flags)
        self.units_view.scrollTo(index)
        if self.units.id_at(row) == self._unit_id:
            self._load_detail()

    def _unit_changed(self, current: QModelIndex) -> None:
        self._unit_id = current.data(ID_ROLE) if current.isValid() else None
        self._update_actions()
        self._load_detail()

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

    def _on_changed(self, what: str) -> None:
        if what in ("catalogue", "cases"):
            self.search()

    # --- detail panel -------------------------------------------------------------------

    def _load_detail(self) -> None:
        type_id, unit_id = self._type_id, self._unit_id
        self._update_actions()
        if type_id is None:
            self._show_detail(None)
            return
        today = self.ops.ctx.clock.today()
        self.ops.read(
            lambda uow: read_detail(uow, type_id, unit_id, today),
            lambda detail: self._detail_arrived(type_id, unit_id, detail),
        )

    def _detail_arrived(self, type_id: int, unit_id: int | None, detail: Detail) -> None:
        if (type_id, unit_id) == (self._type_id, self._unit_id):
            self._show_detail(detail)

    def _show_detail(self, detail: Detail | None) -> None:
        self.current_detail = detail
        item = detail.item if detail else {}
        self.title.setText(item.get("name", tr("InventoryScreen", "No item type selected")))
        self.subtitle.setText(
            f"{item['code']} · {category_label(item['category'])}" if item else ""
        )
        self._show_photo(detail.photo if detail else None, bool(item))
        values = self.type_values
        values["maker"].setText(
            " ".join(filter(None, [item.get("manufacturer"), item.get("model")]))
        )
        values["tracking"].setText(self._tracking_text(item) if item else "")
        values["value"].setText(format_amount(item["replacement_value_cents"]) if item else "")
        values["deposit"].setText(format_amount(item["deposit_cents"]) if item else "")
        values["weight"].setText(format_weight(item.get("weight_grams", 0)))
        values["schedules"].setText(self._schedules_text(detail.schedules if detail else []))
        values["notes"].setText(item.get("notes", ""))
        self.unit_box.setText(self._unit_html(detail) if detail and detail.unit else "")

    def _show_photo(self, png: bytes | None, has_item: bool) -> None:
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            self.photo.setPixmap(
                pixmap.scaled(
                    160,
                    160,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(
                tr("InventoryScreen", "No photo\n(Ctrl+Shift+P)") if has_item else ""
            )
        self.photo.setVisible(has_item)

    def _tracking_text(self, item: dict[str, Any]) -> str:
        if item["tracking"] != Tracking.BULK:
            return editors.tracking_label(item["tracking"])
        text = tr("InventoryScreen", "Bulk: %1 in stock, barcode %2")
        return text.replace("%1", str(item["stock_quantity"])).replace("%2", item["barcode"] or "")

    def _schedules_text(self, rows: list[tuple[int, str, int, bool]]) -> str:
        lines = []
        for _sid, name, months, _remount in rows:
            text = tr("InventoryScreen", "%1, every %n month(s)", None, months)
            lines.append(text.replace("%1", name))
        return "\n".join(lines) or tr("InventoryScreen", "None")

    def _unit_html(self, detail: Detail) -> str:
        unit = detail.unit or {}
        esc = html.escape
        head = tr("InventoryScreen", "Unit %1").replace("%1", esc(unit["barcode"]))
        owner = unit["owner"] or tr("InventoryScreen", "the cooperative")
        facts = [
            (tr("InventoryScreen", "Status"), esc(status_label(unit["status"]))),
            (tr("InventoryScreen", "Serial number"), esc(unit["serial"])),
            (tr("InventoryScreen", "Location"), esc(unit["location"])),
            (tr("InventoryScreen", "Owner"), esc(owner)),
            (
                tr("InventoryScreen", "Purchased"),
                format_date(unit["purchase_date"])
                + (
                    " · " + format_amount(unit["purchase_price_cents"])
                    if unit["purchase_price_cents"] is not None
                    else ""
                ),
            ),
        ]
        parts = [f"<hr><h3>{head}</h3><table cellspacing='2'>"]
        parts += [f"<tr><td style='color:gray'>{k}&nbsp;</td><td>{v}</td></tr>" for k, v in facts]
        parts.append("</table>")
        parts.append(f"<h4>{tr('InventoryScreen', 'Inspections due')}</h4>")
        parts.append(self._dues_html(detail.dues))
        parts.append(f"<h4>{tr('InventoryScreen', 'Inspection log')}</h4>")
        parts.append(
            self._list_html(
                [
                    f"{format_date(i.date)} — "
                    f"{tr('InventoryScreen', 'passed') if i.passed else tr('InventoryScreen', 'failed')}"
                    f" ({esc(i.inspector)}){' — ' + esc(i.notes) if i.notes else ''}"
                    for i in detail.inspections
                ]
            )
        )
        parts.append(f"<h4>{tr('InventoryScreen', 'Repair log')}</h4>")
        parts.append(
            self._list_html(
                [
                    f"{format_date(r.opened_on)}"
                    f"{' → ' + format_date(r.closed_on) if r.closed_on else ''} — {esc(r.description)}"
                    for r in detail.repairs
                ]
            )
        )
        parts.append(f"<h4>{tr('InventoryScreen', 'Status history')}</h4>")
        tz = self.ops.ctx.clock.tz
        parts.append(
            self._list_html(
                [
                    f"{format_datetime(e.at.replace(tzinfo=e.at.tzinfo or dt.UTC), tz)} — "
                    f"{esc(status_label(e.old_status))} → {esc(status_label(e.new_status))}"
                    f" ({esc(e.user)}){' — ' + esc(e.note) if e.note else ''}"
                    for e in detail.events
                ]
            )
        )
        return "".join(parts)

    def _dues_html(self, dues: list[maintenance.DueRow]) -> str:
        rows = []
        for due in dues:
            line = f"{html.escape(due.schedule)}: {format_date(due.due_on)}"
            if due.overdue:
                overdue = tr("InventoryScreen", "overdue")
                line = f"<b style='color:{ERROR_COLOUR}'>{line} ({overdue})</b>"
            rows.append(line)
        return self._list_html(rows)

    def _list_html(self, rows: list[str]) -> str:
        if not rows:
            return f"<p style='color:gray'>{tr('InventoryScreen', 'None')}</p>"
        return "<ul style='margin-left:-20px'>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>"

    # --- actions ------------------------------------------------------------------------

    def _context_menu(self, view: QTableView, pos: Any, actions: list[QAction | None]) -> None:
        menu = QMenu(self)
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(pos))

    def _open(self, dialog: QDialog) -> QDialog:
        """Show a dialog window-modal without blocking (tests reach it as ``self.dialog``)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(self._dialog_closed)
        dialog.open()
        return dialog

    def _dialog_closed(self) -> None:
        self.dialog = None

    def _failed(self, err: DomainError) -> None:
        self.notice.setText(i18n.message(err))

    def new_type(self) -> None:
        self._open(editors.ItemTypeDialog(self.ops, self))

    def edit_type(self) -> None:
        type_id = self._type_id
        if type_id is None:
            return
        self.ops.read(
            lambda uow: editors.item_type_raw(uow, type_id),
            lambda raw: self._open(editors.ItemTypeDialog(self.ops, self, type_id, raw)),
            self._failed,
        )

    def new_unit(self) -> None:
        type_id = self._type_id
        if type_id is None:
            return

        def opened(found: tuple[dict[str, str], list[str]]) -> None:
            raw, owners = found
            if raw["tracking"] == Tracking.BULK:
                self.notice.setText(
                    tr(
                        "InventoryScreen", "%1 is counted in bulk: edit its stock quantity instead."
                    ).replace("%1", raw["name"])
                )
                return
            start = {"item_code": raw["code"], "item_name": raw["name"]}
            self._open(editors.UnitDialog(self.ops, self, raw=start, owners=owners))

        self.ops.read(
            lambda uow: (editors.item_type_raw(uow, type_id), editors.owner_names(uow)),
            opened,
            self._failed,
        )

    def edit_unit(self) -> None:
        unit_id = self._unit_id
        if unit_id is None:
            return
        self.ops.read(
            lambda uow: (editors.unit_raw(uow, unit_id), editors.owner_names(uow)),
            lambda found: self._open(
                editors.UnitDialog(self.ops, self, raw=found[0], unit_id=unit_id, owners=found[1])
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
                editors.StatusDialog(
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
            lambda uow: [(sid, name) for sid, name, _m, _r in editors.schedule_rows(uow, type_id)],
            lambda rows: self._open(
                editors.InspectionDialog(self.ops, self, barcode=unit.barcode, schedules=rows)
            ),
        )

    def log_repair(self) -> None:
        unit = self._unit_row()
        if unit is not None:
            self._open(
                editors.RepairDialog(
                    self.ops,
                    self,
                    barcode=unit.barcode,
                    in_repair=unit.status == UnitStatus.IN_REPAIR,
                )
            )

    def manage_schedules(self) -> None:
        type_id = self._type_id
        row = self.types.row_of(type_id) if type_id is not None else None
        found = self.types.row_data(row) if row is not None else None
        if type_id is not None and found is not None:
            self._open(
                editors.SchedulesDialog(self.ops, self, item_type_id=type_id, title=found.name)
            )

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
                .replace("%2", err.strerror or str(err))
            )
            return
        self.ops.write(
            lambda uow: photos.set_photo(uow, user=user, item_type_id=type_id, image=data),
            lambda _: self.notice.clear(),
            self._failed,
        )
