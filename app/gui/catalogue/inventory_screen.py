"""The inventory screen: search-as-you-type (or scan) over the catalogue, the types table,
the selected type's units and a detail panel; the catalogue's actions are in
``inventory_commands``, the detail panel in ``item_detail``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.db import UnitOfWork
from app.gui.catalogue.inventory_commands import InventoryCommands
from app.gui.catalogue.inventory_filters import FilterBar
from app.gui.catalogue.item_detail import DetailPanel
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.chips import ChipDelegate
from app.gui.shell.column_fit import ColumnFitter
from app.gui.shell.empty import EmptyState
from app.gui.shell.models import ID_ROLE, TypeTableModel, UnitTableModel
from app.gui.shell.operations import Operations
from app.gui.shell.searching import Debounce
from inventory import catalogue_views, queries
from inventory.barcodes import normalise
from inventory.catalogue_views import Detail
from inventory.models import Tracking

tr = QCoreApplication.translate
STATUS_COLUMN = 2  # of the units table


def lookup_code(uow: UnitOfWork, code: str) -> tuple[int, int | None] | None:
    """A scanned code: (type id, unit id) of the unit, bulk type or type code it names."""
    return queries.code_lookup(uow, code)


def _table(model: TypeTableModel | UnitTableModel, label: str) -> QTableView:
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
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + style.SPACE.m)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return view


class InventoryScreen(InventoryCommands):
    """Search, types, units, details; every action also on the keyboard."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog = None
        self.current_detail: Detail | None = None
        self._search_generation = 0
        self._want: tuple[int | None, int | None] = (None, None)
        self._type_id: int | None = None
        self._unit_id: int | None = None
        self.types = TypeTableModel(ops, self)
        self.units = UnitTableModel(ops, self)
        self._build_filters()
        self._build_tables()
        self.detail = DetailPanel(ops.ctx.clock.tz)
        self._build_actions()
        self._layout()
        ops.changed.connect(self._on_changed)
        self.search()

    # --- construction ------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.filters = FilterBar()
        self.search_box = self.filters.search_box
        self.category_filter = self.filters.category_filter
        self.status_filter = self.filters.status_filter
        self.typed = Debounce(self.ops, self.search, self)
        self.search_box.textChanged.connect(self.typed)
        self.search_box.returnPressed.connect(self.scan)
        self.category_filter.currentIndexChanged.connect(self.search)
        self.status_filter.currentIndexChanged.connect(self.search)
        self.count_label = QLabel()
        style.set_role(self.count_label, "muted")
        self.notice = QLabel()
        style.set_role(self.notice, "error")
        self.notice.setWordWrap(True)

    def _build_tables(self) -> None:
        self.types_view = _table(self.types, tr("InventoryScreen", "Item types"))
        self.units_view = _table(self.units, tr("InventoryScreen", "Units"))
        self.status_chips = ChipDelegate("unit", self.units_view)
        self.units_view.setItemDelegateForColumn(STATUS_COLUMN, self.status_chips)
        # the name (types) and the owner (units) take the free width; a model's long
        # name elides in the middle past 170 px rather than squeeze the type's name
        self.types_fit = ColumnFitter(self.types_view, 1, {3: 140, 4: 170})
        self.units_fit = ColumnFitter(self.units_view, 4, {})
        self.types_empty = EmptyState(self.types_view, self._types_empty_text)
        self.units_empty = EmptyState(self.units_view, self._units_empty_text)
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

    def _types_empty_text(self) -> str:
        if self.filters.filtered():
            return tr(
                "InventoryScreen",
                "No item type matches this search. Check the spelling, choose All categories"
                " and Any status, or create the item type with Ctrl+N.",
            )
        return tr(
            "InventoryScreen",
            "The catalogue is empty. Create an item type with Ctrl+N, or import a CSV file"
            " from the File menu.",
        )

    def _units_empty_text(self) -> str:
        row = self.types.row_of(self._type_id) if self._type_id is not None else None
        found = self.types.row_data(row) if row is not None else None
        if found is None:
            return tr("InventoryScreen", "Choose an item type above to see its units.")
        if found.tracking == Tracking.BULK:
            return tr(
                "InventoryScreen",
                "Counted in bulk: no units, its stock quantity is in the details.",
            )
        if self.status_filter.currentIndex() > 0:
            return tr(
                "InventoryScreen", "No unit of this item type has this status. Choose Any status."
            )
        return tr("InventoryScreen", "No unit of this item type yet. Add one with Ctrl+Shift+N.")

    def _layout(self) -> None:
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.units_view)
        bottom.addWidget(self.detail)
        bottom.setSizes([720, 400])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.types_view)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([340, 360])
        self.splitter.setCollapsible(0, False)
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addWidget(self.notice, 1)
        outer = QVBoxLayout(self)
        s = style.SPACE
        outer.setContentsMargins(s.s, s.xs, s.s, s.xs)
        outer.setSpacing(s.s)
        outer.addWidget(self.toolbar)
        outer.addWidget(self.filters)
        outer.addWidget(self.splitter, 1)
        outer.addLayout(status)
        self.setTabOrder(self.status_filter, self.types_view)
        self.setTabOrder(self.types_view, self.units_view)

    # --- compatibility: the detail panel's parts ------------------------------------------

    @property
    def title(self) -> QLabel:
        return self.detail.title

    @property
    def photo(self) -> QLabel:
        return self.detail.photo

    @property
    def unit_box(self) -> QLabel:
        return self.detail.unit_box

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
            self.filters.reset_filters()
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

    def _on_changed(self, what: str) -> None:
        if what in (Change.CATALOGUE, Change.CASES):
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
            lambda uow: catalogue_views.detail(uow, type_id, unit_id, today),
            lambda detail: self._detail_arrived(type_id, unit_id, detail),
        )

    def _detail_arrived(self, type_id: int, unit_id: int | None, detail: Detail) -> None:
        if (type_id, unit_id) == (self._type_id, self._unit_id):
            self._show_detail(detail)

    def _show_detail(self, detail: Detail | None) -> None:
        self.current_detail = detail
        self.detail.show_detail(detail)
