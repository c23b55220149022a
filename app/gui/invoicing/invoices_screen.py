"""The invoices screen: issued invoices and credit notes (number, date, customer, total,
paid, balance, status as a chip: issued / paid / overdue / credit note), filtered by
status, customer and dates and searched as you type; the selected document's number,
status and balance due over its stored PDF, Print…, Save as PDF… (the exact stored
bytes), Record payment…, Credit note…, its payments with reversal. "To invoice" lists the
bookings with something not invoiced yet: the draft's lines and totals, then Issue.

Composed of the filter bar (``invoices_filters``), the models (``invoices_models``), the
detail panel and the payments box (``invoices_detail``) and the actions
(``invoices_actions``); every read is a Qt-free query of ``invoicing.invoice_queries``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError
from app.gui.invoicing.export_dialog import ExportDialog
from app.gui.invoicing.invoices_actions import InvoiceActions
from app.gui.invoicing.invoices_detail import DetailPanel, PaymentsBox, table
from app.gui.invoicing.invoices_filters import InvoiceFilterBar
from app.gui.invoicing.invoices_models import (
    BALANCE,
    CUSTOMER,
    DATE,
    KEY_ROLE,
    KIND,
    NUMBER,
    PAID,
    STATUS,
    TOTAL,
    DocumentsModel,
    PaymentsModel,
    status_label,
)
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.chips import ChipDelegate
from app.gui.shell.column_fit import ColumnFitter
from app.gui.shell.empty import EmptyState
from app.gui.shell.list_filters import FilteredList
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.searching import Debounce, latest
from app.gui.shell.widgets import format_amount
from invoicing import invoices
from invoicing.balance import InvoiceStatus
from invoicing.document import Document, Kind
from invoicing.invoice_list import DocumentList, document_list, draft_candidates, drafts_of
from invoicing.invoice_queries import CREDIT, DocumentRow, PaymentRow, Selected, read_document

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
#: Changes that alter the list (customers also refill the customer filter).
#: Bookings whose drafts one job computes (~15 ms each): the list fills as they come.
DRAFT_CHUNK = 40
RELOADS = (
    Change.INVOICES,
    Change.BOOKINGS,
    Change.CUSTOMERS,
    Change.CATALOGUE,
    Change.PRICING,
    Change.SETTINGS,
)


class AmountDelegate(QStyledItemDelegate):
    """A right-aligned amount with a gap on its left, so amounts sized to their contents
    side by side do not run together."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + style.SPACE.m, size.height())


class InvoicesScreen(FilteredList, InvoiceActions):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.dialog: Any = None  # the dialog an action opened (tests read it)
        self.print_job: Any = None  # the last print started (tests wait on it)
        self.selected: Selected | None = None
        self.draft: Document | None = None
        self._generation = 0
        self._want: str | None = None
        self._drafts = False
        self.model = DocumentsModel(ops, self)
        self.payments_model = PaymentsModel(self)
        self._build()
        ops.changed.connect(self._on_changed)
        self._load_customers()
        self.search()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.filter_bar = InvoiceFilterBar(self.ops.ctx.clock.today())
        bar = self.filter_bar
        self.search_box, self.status_filter = bar.search_box, bar.status_filter
        self.customer_filter, self.dates_filter = bar.customer_filter, bar.dates_filter
        self.date_from, self.date_to = bar.date_from, bar.date_to
        bar.changed.connect(self.search)
        self.typed = Debounce(self.ops, self.search, self)
        bar.typed.connect(self.typed)
        self.dates_filter.toggled.connect(self._dates_toggled)
        self._build_list()
        self._build_actions()
        self._build_export_action()
        self.payments_box = PaymentsBox(self.payments_model)
        self.payments_view = self.payments_box.view
        self.reverse_button = self.payments_box.reverse_button
        self.payment_summary = self.payments_box.summary
        self.reverse_button.clicked.connect(self.reverse_payment)
        self.payments_view.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_actions()
        )
        self.detail_panel = DetailPanel()
        self.detail = self.detail_panel.stack
        self.preview = self.detail_panel.preview
        self.draft_view = self.detail_panel.draft_view
        self.issue_button = self.detail_panel.issue_button
        self.issue_button.clicked.connect(self.issue)
        self.count_label = QLabel()
        style.set_role(self.count_label, "muted")
        self.feedback = Feedback(self)
        self._lay_out()
        self._update_actions()

    def _build_export_action(self) -> None:
        """Export for the accountant…: in the Invoices menu and at the end of the toolbar."""
        self.export_action = self._action(
            tr("InvoicesScreen", "E&xport for the accountant…"), "Ctrl+E", self.export_accounts
        )
        self.export_action.setIcon(icons.icon("export"))
        self.menu.addSeparator()
        self.menu.addAction(self.export_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export_action)

    def export_accounts(self) -> None:
        self.dialog = ExportDialog(self.ops, self)
        self.dialog.open()

    def _build_list(self) -> None:
        self.view = table(self.model, tr("InvoicesScreen", "Invoices and credit notes"))
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setItemDelegateForColumn(STATUS, ChipDelegate("invoice", self.view))
        self._size_columns()
        self.empty_state = EmptyState(self.view, self._empty_text)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self._popup(pos, self.context_actions())
        )

    def _size_columns(self) -> None:
        """Number, date, amounts and status as wide as what they show (their header or
        their widest value, remeasured as rows come); the customer takes the rest of the
        width, elided in the middle only when it must be (whole in its tooltip). The kind
        is not shown: the number (FA-/AV-) and the status chip say it, the number's
        tooltip has it in words."""
        header = self.view.horizontalHeader()
        # measured on the rows in view once shown: Qt sizing a hidden view reads every row
        self.fit = ColumnFitter(
            self.view, CUSTOMER, {}, only=(NUMBER, KIND, DATE, TOTAL, PAID, BALANCE)
        )
        # the status as wide as its longest word (a draft's problem is in its tooltip)
        words = [status_label(s.value) for s in InvoiceStatus] + [status_label(CREDIT)]
        chip = max(self.view.fontMetrics().horizontalAdvance(w) for w in words)
        title = header.fontMetrics().horizontalAdvance(self.model.headers()[STATUS])
        self.view.setColumnWidth(STATUS, max(chip + 3 * style.SPACE.s, title + 2 * style.SPACE.m))
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnHidden(KIND, True)
        for column in (TOTAL, PAID, BALANCE):
            self.view.setItemDelegateForColumn(column, AmountDelegate(self.view))
        header.setMinimumSectionSize(self.view.fontMetrics().horizontalAdvance("M") * 4)

    def _lay_out(self) -> None:
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(style.SPACE.s)
        left_column.addWidget(self.view, 3)
        left_column.addWidget(self.count_label)
        left_column.addWidget(self.payments_box, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 350])
        self.splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.SPACE.s, style.SPACE.xs, style.SPACE.s, style.SPACE.xs)
        outer.setSpacing(style.SPACE.s)
        outer.addWidget(self.toolbar)
        outer.addWidget(self.filter_bar)
        outer.addWidget(self.splitter, 1)
        outer.addWidget(self.feedback)

    def _empty_text(self) -> str:
        filters = self.filter_bar.filters()
        if filters.status == InvoiceStatus.DRAFT.value and not filters.text:
            return tr(
                "InvoicesScreen",
                "Nothing to invoice: every confirmed, out or returned booking is invoiced.",
            )
        if filters.narrowed:
            return tr(
                "InvoicesScreen",
                "No document matches these filters. Clear the search or choose “All documents”.",
            )
        return tr(
            "InvoicesScreen",
            "No invoice yet. Choose “To invoice (drafts)” to issue one from a booking.",
        )

    # --- search -------------------------------------------------------------------------

    def filters(self) -> Any:
        return self.filter_bar.filters()

    def search(self) -> None:
        """The issued documents the filters keep (ids; rows come by block as the list
        scrolls), or the drafts, computed chunk by chunk (``_more_drafts``)."""
        self.typed.cancel()
        self._generation += 1
        generation = self._generation
        filters, clock = self.filters(), self.ops.ctx.clock

        def current() -> bool:  # asked on the worker: skip a search overtaken by another
            return generation == self._generation

        if filters.status == InvoiceStatus.DRAFT.value:
            self.ops.read(
                latest(current, lambda uow: draft_candidates(uow, filters), list[int]()),
                lambda ids: self._drafts_found(generation, ids),
            )
            return
        today = clock.today()
        self.ops.read(
            latest(current, lambda uow: document_list(uow, filters, today), DocumentList([], 0)),
            lambda found: self._show(generation, found),
        )

    def _wanted(self) -> str | None:
        wanted = self._want if self._want is not None else self.selected_key()
        self._want = None
        return wanted

    def _show(self, generation: int, found: DocumentList) -> None:
        if generation != self._generation:
            return
        wanted = self._wanted()
        self._drafts_mode(False)
        self.model.show_documents(found.ids)
        text = tr("InvoicesScreen", "%Ln document(s)", None, len(found.ids))
        if found.left_cents:
            text += " — " + tr("InvoicesScreen", "%1 left to pay").replace(
                "%1", format_amount(found.left_cents)
            )
        self.count_label.setText(text)
        row = self.model.key_row(wanted) if wanted else None
        if row is None and found.ids:
            row = 0
        if row is not None:
            self.view.selectRow(row)
        self._row_changed()

    def _drafts_found(self, generation: int, candidates: list[int]) -> None:
        if generation != self._generation:
            return
        wanted = self._wanted()
        self._drafts_mode(True)
        self.model.show_drafts()
        self._more_drafts(generation, candidates, 0, wanted)

    def _more_drafts(
        self, generation: int, candidates: list[int], first: int, wanted: str | None
    ) -> None:
        """Compute the next chunk of drafts (DRAFT_CHUNK bookings, a job of its own: the
        worker serves the other screens between two), show them, then the next."""
        chunk = candidates[first : first + DRAFT_CHUNK]
        count = self.model.rowCount()
        if not chunk:
            self.count_label.setText(tr("InvoicesScreen", "%Ln document(s)", None, count))
            if count == 0:
                self._row_changed()
            return
        self.count_label.setText(
            tr(
                "InvoicesScreen",
                "%Ln document(s) so far, %1 of %2 bookings looked at…",
                None,
                count,
            )
            .replace("%1", QLocale().toString(first))
            .replace("%2", QLocale().toString(len(candidates)))
        )
        clock = self.ops.ctx.clock

        def arrived(rows: dict[int, DocumentRow]) -> None:
            if generation != self._generation:
                return
            self.model.append_rows(rows)
            selected = self.view.currentIndex().isValid()
            row = self.model.key_row(wanted) if wanted else None
            if row is None and not selected and self.model.rowCount():
                row = 0
            if row is not None and (not selected or self.selected_key() != wanted):
                self.view.selectRow(row)
            self._more_drafts(generation, candidates, first + DRAFT_CHUNK, wanted)

        self.ops.read(
            latest(
                lambda: generation == self._generation,
                lambda uow: drafts_of(uow, chunk, clock),
                dict[int, DocumentRow](),
            ),
            arrived,
        )

    def _drafts_mode(self, drafts: bool) -> None:
        """Drafts have no date, payment or balance: those columns go, and the draft's
        lines get half of the width."""
        if drafts == self._drafts:
            return
        self._drafts = drafts
        for column in (DATE, PAID, BALANCE):
            self.view.setColumnHidden(column, drafts)
        width = sum(self.splitter.sizes())
        left = width // 2 if drafts else width * 2 // 3
        self.splitter.setSizes([left, width - left])

    def select_key(self, key: str) -> None:
        """Select a row by key ("doc:<id>"), looking at every document if needed."""
        row = self.model.key_row(key)
        if row is None:
            self._want = key
            self.filter_bar.reset(quietly=True)
            self.search()
            return
        self.view.selectRow(row)

    def show_document(self, document_id: int) -> None:
        """Show an issued document (from every document, whatever the filters)."""
        self._want = f"doc:{document_id}"
        self.filter_bar.reset(quietly=True)
        self.search()

    def selected_key(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def selected_row(self) -> DocumentRow | None:
        return self.model.row_at(self.view.currentIndex())

    def _on_changed(self, what: Change) -> None:
        if what == Change.CUSTOMERS:
            self._load_customers()
        if what in RELOADS:
            self.search()

    # --- the selected document ------------------------------------------------------------

    def _row_changed(self) -> None:
        index = self.view.currentIndex()
        key = self.selected_key()
        self.selected = None
        self.draft = None
        self.payments_box.has_invoice = self.payments_box.is_credit_note = False
        if key is None:
            self.payments_model.set_rows([])
            self.detail_panel.show_nothing()
            self._update_actions()
            return
        row = self.model.row_data(index.row())  # asks for its block before the document
        if key.startswith("draft:") and row is not None:
            reference, clock = row.booking, self.ops.ctx.clock
            self.payments_model.set_rows([])
            self.ops.read(
                lambda uow: invoices.draft_invoice(uow, reference, clock),
                lambda doc: self._draft_arrived(key, doc),
                self._draft_failed,
            )
            return
        document_id, today = int(key.split(":", 1)[1]), self.ops.ctx.clock.today()
        self.ops.read(
            lambda uow: read_document(uow, document_id, today),
            lambda found: self._document_arrived(key, found),
            self._failed,
        )

    def _draft_arrived(self, key: str, document: Document) -> None:
        row = self.selected_row()
        if row is None or row.key != key:
            return
        self.draft = document
        self.detail_panel.show_draft(row, document)
        self._update_actions()

    def _draft_failed(self, err: DomainError) -> None:
        self.draft = None
        row = self.selected_row()
        if row is not None:
            self.detail_panel.show_draft(row, None, i18n.message(err))
        self._update_actions()

    def _document_arrived(self, key: str, found: Selected) -> None:
        if self.selected_key() != key:
            return
        self.selected = found
        self.detail_panel.show_document(self.selected_row(), found)
        self.payments_box.has_invoice = found.kind == Kind.INVOICE.value
        self.payments_box.is_credit_note = found.kind == Kind.CREDIT_NOTE.value
        self.payments_model.set_rows(found.payments)
        if found.kind == Kind.INVOICE.value:
            self.payment_summary.setText(
                tr("InvoicesScreen", "%1 left to pay").replace(
                    "%1", format_amount(found.balance_cents)
                )
            )
        else:
            self.payment_summary.setText(
                tr("InvoicesScreen", "Credit note on %1").replace("%1", found.document.cited_number)
            )
        self._update_actions()

    def selected_payment(self) -> PaymentRow | None:
        return self.payments_model.row_at(self.payments_view.currentIndex())

    def _update_actions(self) -> None:
        doc = self.selected
        invoice = doc if doc is not None and doc.kind == Kind.INVOICE.value else None
        self.print_action.setEnabled(doc is not None)
        self.save_action.setEnabled(doc is not None)
        self.payment_action.setEnabled(invoice is not None and invoice.balance_cents > 0)
        refund_action = getattr(self, "refund_action", None)  # once the actions have it
        if refund_action is not None:  # a refund: an invoice in credit (balance < 0)
            refund_action.setEnabled(invoice is not None and invoice.balance_cents < 0)
        self.credit_action.setEnabled(invoice is not None and invoice.creditable_cents > 0)
        self.issue_action.setEnabled(self.draft is not None)
        self.issue_button.setEnabled(self.draft is not None)
        payment = self.selected_payment()
        can_reverse = payment is not None and payment.reverses is None and not payment.reversed
        self.reverse_action.setEnabled(can_reverse)
        self.reverse_button.setEnabled(can_reverse)
        if doc is None:
            self.payment_summary.setText("")
