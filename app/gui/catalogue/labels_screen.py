"""Barcode labels: choose what to label (search, tick, scan, or everything), pick the sheet
format, then save a PDF or print it (``labels_output``).

The selection is a list of codes (unit barcodes, bulk barcodes, case barcodes) kept apart
from the search results, so searching again never loses what was ticked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.gui.catalogue.labels_output import LabelsOutput
from app.gui.catalogue.labels_tree import CODE, LabelTree
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.empty import EmptyState
from app.gui.shell.operations import Cancelled, Operations
from app.gui.shell.scan_widgets import Feedback, menu_entry, shortcut_action
from app.i18n import message
from inventory import labels
from inventory.barcodes import normalise
from inventory.catalogue_views import Found, label_search

tr = QCoreApplication.translate


class LabelsScreen(LabelsOutput):
    """Choose labels, then save them as a PDF or print them."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.selected: dict[str, str] = {}  # code -> what it is, in the order chosen
        self.all_count = 0
        self.print_job = None
        self._syncing = False
        self._build()
        ops.changed.connect(self._on_changed)
        self.search()
        self._update_count()

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_picker())
        splitter.addWidget(self._build_output())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # the names of the search results get the room; the chosen list's codes are short
        splitter.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._build_menu()

    def _build_menu(self) -> None:
        """The Labels menu, shown while this screen is current: every shortcut, in writing."""
        self.menu = QMenu(tr("LabelsScreen", "&Labels"), self)
        for text, keys, slot, icon in (
            (tr("LabelsScreen", "&Search"), "Ctrl+F", self._focus_search, "search"),
            (tr("LabelsScreen", "Save as P&DF…"), "Ctrl+S", self.save_pdf, "pdf"),
            (tr("LabelsScreen", "&Print…"), "Ctrl+P", self.print_labels, "print"),
            (tr("LabelsScreen", "&Remove"), "Delete", self.remove_button.click, "remove"),
            (tr("LabelsScreen", "C&lear"), "", self.clear_button.click, "delete"),
        ):
            menu_entry(self.menu, text, keys, slot).setIcon(icons.icon(icon))

    def _build_picker(self) -> QWidget:
        self.picker = QWidget()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            tr("LabelsScreen", "Search item types or units by code, name or serial number")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(lambda _: self.search())
        shortcut_action(self, tr("LabelsScreen", "Search"), "Ctrl+F", self._focus_search)
        search_label = QLabel(tr("LabelsScreen", "&Search:"))
        search_label.setBuddy(self.search_edit)
        self.tree = LabelTree()
        self.tree.itemChanged.connect(self._item_changed)
        EmptyState(self.tree, self._tree_empty_text)
        self.found_label = QLabel()
        style.set_role(self.found_label, "muted")
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(
            tr("LabelsScreen", "Scan or type a barcode or item code, then Enter")
        )
        self.scan_edit.addAction(icons.icon("desk"), QLineEdit.ActionPosition.LeadingPosition)
        self.scan_edit.returnPressed.connect(self.add_scanned)
        scan_label = QLabel(tr("LabelsScreen", "Add by scanni&ng:"))
        scan_label.setBuddy(self.scan_edit)
        self.feedback = Feedback()

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_edit, 1)
        scan = QHBoxLayout()
        scan.addWidget(scan_label)
        scan.addWidget(self.scan_edit, 1)
        layout = QVBoxLayout(self.picker)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.found_label)
        layout.addLayout(scan)
        layout.addWidget(self.feedback)
        return self.picker

    def _tree_empty_text(self) -> str:
        if self.search_edit.text().strip():
            return tr(
                "LabelsScreen",
                "No item type or unit matches this search. Check the spelling, or scan the"
                " label's code below.",
            )
        return tr(
            "LabelsScreen", "The catalogue is empty: create item types in the Inventory first."
        )

    def _build_output(self) -> QWidget:
        box = QWidget()
        chosen = QGroupBox(tr("LabelsScreen", "Labels to print"))
        self.all_check = QCheckBox(
            tr("LabelsScreen", "&All labels (every unit, bulk item and case)")
        )
        self.all_check.toggled.connect(self._all_toggled)
        self.chosen_list = QListWidget()
        self.chosen_list.setAccessibleName(tr("LabelsScreen", "Labels to print"))
        self.chosen_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.chosen_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen_empty = EmptyState(self.chosen_list, self._chosen_empty_text)
        shortcut_action(
            self.chosen_list,
            tr("LabelsScreen", "Remove"),
            "Delete",
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.count_label = QLabel()
        style.set_role(self.count_label, "heading")
        self.remove_button = QPushButton(icons.icon("remove"), tr("LabelsScreen", "&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(icons.icon("delete"), tr("LabelsScreen", "C&lear"))
        self.clear_button.clicked.connect(self.clear_selection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch()
        chosen_layout = QVBoxLayout(chosen)
        chosen_layout.addWidget(self.all_check)
        chosen_layout.addWidget(self.chosen_list, 1)
        chosen_layout.addWidget(self.count_label)
        chosen_layout.addLayout(buttons)
        output = self._build_format()
        self.format_combo.currentIndexChanged.connect(lambda _: self._update_count())
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(chosen, 1)
        layout.addWidget(output)
        return box

    def _chosen_empty_text(self) -> str:
        if self.all_check.isChecked():
            return tr("LabelsScreen", "Every unit, bulk item and case gets its label.")
        return tr(
            "LabelsScreen",
            "No label chosen yet. Tick units on the left, scan their codes, or choose All labels.",
        )

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- search results --------------------------------------------------------------

    def search(self) -> None:
        text = self.search_edit.text()
        self.ops.read(lambda uow: label_search(uow, text), lambda result: self._show(text, *result))

    def _on_changed(self, kind: str) -> None:
        if kind in (Change.CATALOGUE, Change.CASES):
            self.search()
            if self.all_check.isChecked():
                self._count_all()

    def _show(self, text: str, found: list[Found], total: int) -> None:
        if text != self.search_edit.text():
            return  # an older answer: the user typed on
        self._syncing = True
        self.tree.show_found(found)
        self._syncing = False
        self._sync_checks()
        if total > len(found):
            self.found_label.setText(
                tr(
                    "LabelsScreen", "{shown} of {total} item types shown: narrow the search."
                ).format(shown=len(found), total=total)
            )
        else:
            self.found_label.setText(tr("LabelsScreen", "%n item type(s) found.", None, total))

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        code = item.data(0, CODE)
        if self._syncing or column != 0 or not code:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            parent = item.parent()
            title = parent.text(1) if parent is not None else item.text(1)
            self.selected.setdefault(code, f"{code} — {title}")
        else:
            self.selected.pop(code, None)
        self._show_selection()

    def _sync_checks(self) -> None:
        """Tick the tree's items that are in the selection (after a search or a scan)."""
        self._syncing = True
        self.tree.tick(self.selected)
        self._syncing = False

    # --- selection -------------------------------------------------------------------

    def add_scanned(self) -> None:
        code = normalise(self.scan_edit.text())
        self.scan_edit.clear()
        if not code:
            return
        self.ops.read(
            lambda uow: labels.labels_for_codes(uow, [code]),
            lambda found: self._add_labels(code, found),
            self._refused,
        )

    def _add_labels(self, code: str, found: list[labels.Label]) -> None:
        added = 0
        for item in found:
            if item.code not in self.selected:
                self.selected[item.code] = f"{item.code} — {item.title}"
                added += 1
        if added:
            self.feedback.ok(
                tr("LabelsScreen", "Added %n label(s) for %1.", None, added).replace("%1", code)
            )
        else:
            self.feedback.info(
                tr("LabelsScreen", "{code} is already in the list.").format(code=code)
            )
        self._sync_checks()
        self._show_selection()
        self.scan_edit.setFocus()

    def _refused(self, err: DomainError | Cancelled) -> None:
        if isinstance(err, Cancelled):
            self.feedback.info(tr("LabelsScreen", "Cancelled: nothing was saved or printed."))
        else:
            self.feedback.error(message(err))

    def remove_selected(self) -> None:
        for item in self.chosen_list.selectedItems():
            self.selected.pop(item.data(CODE), None)
        self._sync_checks()
        self._show_selection()

    def clear_selection(self) -> None:
        self.selected.clear()
        self._sync_checks()
        self._show_selection()

    def _show_selection(self) -> None:
        self.chosen_list.clear()
        for code, text in self.selected.items():
            entry = QListWidgetItem(text)
            entry.setData(CODE, code)
            self.chosen_list.addItem(entry)
        self._update_count()

    def _all_toggled(self, on: bool) -> None:
        for widget in (self.picker, self.chosen_list, self.remove_button, self.clear_button):
            widget.setEnabled(not on)
        self.chosen_empty.refresh()
        if on:
            self._count_all()
        self._update_count()

    def _count_all(self) -> None:
        self.ops.read(lambda uow: len(labels.all_labels(uow)), self._all_counted)

    def _all_counted(self, count: int) -> None:
        self.all_count = count
        self._update_count()

    def label_count(self) -> int:
        return self.all_count if self.all_check.isChecked() else len(self.selected)

    def _update_count(self) -> None:
        count = self.label_count()
        pages = labels.page_count(count, self.fmt()) if count else 0
        self.count_label.setText(
            tr("LabelsScreen", "%n label(s) selected", None, count)
            + " — "
            + tr("LabelsScreen", "%n page(s)", None, pages)
        )
        for button in (self.pdf_button, self.print_button):
            button.setEnabled(count > 0)
