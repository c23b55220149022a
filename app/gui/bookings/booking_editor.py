"""The booking editor: customer, event, planned and usage periods, lines added by search or
by scanning, live availability of each line, and the shortage explained before confirming.

Every check goes through the one availability engine (``booking.availability``); saving
goes through ``booking.bookings``, which checks again inside the writing transaction, so
what the panel shows is advice and the service has the last word.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import select

from app import i18n
from app.core.db import UnitOfWork
from app.core.errors import DomainError, NotFound, ValidationError
from app.gui.bookings.booking_models import (
    STATUS_COLOURS,
    EditorLine,
    LinesModel,
    booking_status_label,
    membership_note,
)
from app.gui.bookings.booking_pricing import BookingPricingDialog, read_state
from app.gui.bookings.booking_totals import PricePanel
from app.gui.invoicing.invoice_dialogs import (
    DraftDialog,
    PdfDialog,
    choose_pdf_path,
    renderer,
    write_pdf,
)
from app.gui.shell import printing
from app.gui.shell.operations import Operations
from app.gui.shell.scan_widgets import Feedback
from app.gui.shell.widgets import INVALID_STYLE, FormFields, format_datetime, set_invalid
from booking import availability, bookings, customers, picklist, queries
from booking.availability import Availability, Shortage
from booking.models import HOLDING, TRANSITIONS, Booking, BookingStatus, Customer
from inventory import queries as inventory_queries
from inventory.barcodes import normalise
from inventory.containers import kit_lines
from inventory.models import ItemType, Kit
from invoicing import invoices, issuing
from invoicing.document import Document
from invoicing.invoices import Quote
from invoicing.validation import check_xml

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
SEPARATOR = " — "
CUSTOMER_NUMBER = re.compile(r"\(([^()]+)\)\s*$")


# --- reads -----------------------------------------------------------------------------------


@dataclass
class Choices:
    """What the pickers offer: customers ("Name (number)") and catalogue entries."""

    customers: list[tuple[str, str]] = field(default_factory=list)  # (number, name)
    entries: list[str] = field(default_factory=list)  # "CODE — Name"


def read_choices(uow: UnitOfWork) -> Choices:
    people = uow.session.exec(select(Customer.number, Customer.name).order_by(Customer.name))
    types = uow.session.exec(select(ItemType.code, ItemType.name).order_by(ItemType.code))
    kit_word = tr("BookingEditor", "kit")
    kits = uow.session.exec(select(Kit.code, Kit.name).order_by(Kit.code))
    entries = [f"{code}{SEPARATOR}{name}" for code, name in types]
    entries += [f"{code}{SEPARATOR}{name} ({kit_word})" for code, name in kits]
    return Choices([(n, name) for n, name in people], entries)


@dataclass
class Loaded:
    """A stored booking as the editor shows it."""

    id: int
    reference: str
    status: str
    customer: str  # "Name (number)"
    event: str
    venue: str
    notes: str
    start: dt.datetime
    end: dt.datetime
    use_start: dt.datetime
    use_end: dt.datetime
    lines: list[EditorLine]


def read_booking(uow: UnitOfWork, booking_id: int) -> Loaded:
    booking = uow.session.get(Booking, booking_id)
    if booking is None:
        raise NotFound("This booking no longer exists.")
    customer = uow.session.get(Customer, booking.customer_id)
    merged: dict[int, EditorLine] = {}
    for row in queries.line_rows(uow, booking_id):
        if row.item_type_id in merged:
            merged[row.item_type_id].quantity += row.quantity
        else:
            merged[row.item_type_id] = EditorLine(
                row.item_type_id, row.code, row.name, row.quantity
            )
    return Loaded(
        booking_id,
        booking.reference,
        booking.status,
        f"{customer.name} ({customer.number})" if customer else "",
        booking.event,
        booking.venue,
        booking.notes,
        booking.start,
        booking.end,
        booking.use_start,
        booking.use_end,
        list(merged.values()),
    )


def resolve_entry(uow: UnitOfWork, text: str) -> list[tuple[int, str, str, int]]:
    """What the add field names: ``CODE``, ``CODE=QTY``, a unit or bulk barcode, a kit code
    (expanded to its types), or a search matching exactly one type. Codes are compared
    without case; a code scanned by a scanner set up for the other keyboard layout (AZERTY
    or QWERTY) is read back before giving up. Returns (type id, code, name, quantity) for
    each type to add."""
    text = text.split(SEPARATOR)[0]
    line = bookings.parse_line(text)
    code = normalise(line.code)
    found = inventory_queries.entry_named(uow, code)
    if isinstance(found, ItemType):
        return [(found.id or 0, found.code, found.name, line.quantity)]
    if isinstance(found, Kit) and found.id is not None:
        result = []
        for part in kit_lines(uow, found.id):
            member = uow.session.get(ItemType, part.item_type_id)
            if member is not None:
                result.append(
                    (member.id or 0, member.code, member.name, part.quantity * line.quantity)
                )
        if not result:
            raise ValidationError("item code", "The kit {code} is empty.", code=found.code)
        return result
    ids = inventory_queries.search_types(uow, code)
    if len(ids) == 1:
        row = inventory_queries.type_rows(uow, ids)[ids[0]]
        return [(row.id, row.code, row.name, line.quantity)]
    if not ids:
        raise ValidationError("item code", "Nothing in the catalogue matches {text}.", text=code)
    raise ValidationError(
        "item code",
        "{count} item types match {text}: choose one from the list.",
        count=len(ids),
        text=code,
    )


@dataclass
class Check:
    """The live check of the request: availability per line, shortages, membership."""

    found: dict[int, Availability]
    shortages: list[Shortage]
    membership: str | None
    first_day: dt.date
    last_day: dt.date


def check_booking(
    uow: UnitOfWork,
    *,
    wanted: dict[int, int],
    start: dt.datetime,
    end: dt.datetime,
    use_start: dt.datetime,
    use_end: dt.datetime,
    now: dt.datetime,
    exclude: int | None,
    customer: str,
) -> Check:
    ids = sorted(wanted)
    found = (
        availability.availability_many(
            uow, start, end, now=now, type_ids=ids, exclude_booking=exclude
        )
        if ids
        else {}
    )
    short = availability.check_request(uow, wanted, start, end, now=now, exclude_booking=exclude)
    first = use_start.date()
    last = max(first, (use_end - dt.timedelta(microseconds=1)).date())
    member = None
    if customer:
        row = uow.session.exec(select(Customer.id).where(Customer.number == customer)).first()
        if row is not None:
            covering = customers.membership_covering(uow, row, first, last)
            member = covering.member_number if covering else None
    return Check(found, short, member, first, last)


LINE_FIELDS = ("item code", "quantity", "lines")


def local_now(ops: Operations) -> dt.datetime:
    clock = ops.ctx.clock
    return clock.now().astimezone(clock.tz).replace(tzinfo=None)


# --- widgets ---------------------------------------------------------------------------------


def to_qdatetime(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def datetime_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat) + " HH:mm")
    edit.setMinimumWidth(160)
    return edit


class QuantityDelegate(QStyledItemDelegate):
    """Quantities as spin boxes that commit on every change (live availability)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, LinesModel.MAX_QUANTITY)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        spin.setAccessibleName(tr("BookingEditor", "Quantity"))
        spin.valueChanged.connect(lambda _=0, s=spin: self.commitData.emit(s))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QSpinBox) and isinstance(value, int) and editor.value() != value:
            editor.blockSignals(True)
            editor.setValue(value)
            editor.blockSignals(False)
        if isinstance(editor, QSpinBox) and not editor.hasFocus():
            editor.lineEdit().deselect()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


def lines_hint(lines: int, pieces: int) -> str:
    """The lines hint: "2 lines, 5 pieces." and how to change them."""
    return (
        tr("BookingEditor", "%1, %2. Delete removes a line; + and - change its quantity.")
        .replace("%1", tr("BookingEditor", "%n line(s)", None, lines))
        .replace("%2", tr("BookingEditor", "%n piece(s)", None, pieces))
    )


class BookingEditor(QDialog):
    """New booking (``booking_id`` None) or an existing one; non-blocking, keyboard first."""

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        booking_id: int | None = None,
        *,
        customer: str = "",
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.booking_id = booking_id
        self.reference = ""
        self.status = ""
        self.check: Check | None = None
        self.dialog: Any = None  # the last invoicing dialog opened (tests read it)
        self._generation = 0
        self._loading = False
        self._customers: dict[str, str] = {}  # "Name (number)" → number
        self._clean: tuple[Any, ...] = ()  # the state last loaded or saved
        self._closing = False
        self.unsaved_box: QMessageBox | None = None  # the "save changes?" question, if open
        self.setStyleSheet(INVALID_STYLE)
        self.setWindowTitle(tr("BookingEditor", "New booking"))
        self.resize(1180, 720)
        self.lines = LinesModel(self)
        self._build()
        self._set_default_period()
        self.customer.setText(customer)
        ops.read(read_choices, self._choices_arrived)
        if booking_id is not None:
            self.load(booking_id)
        else:
            self._update_header()
            self.refresh()
            self._clean = self.state()

    # --- construction ------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.fields = FormFields(form, self.message)
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(tr("BookingEditor", "Type part of a name or number"))
        self.customer_completer = QCompleter(QStringListModel(self), self)
        self.customer_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.customer_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.customer.setCompleter(self.customer_completer)
        self.fields.add(tr("BookingEditor", "C&ustomer:"), "customer", self.customer)
        self.member_note = QLabel()
        self.member_note.setWordWrap(True)
        self.fields.add("", (), self.member_note)
        self.event = QLineEdit()
        self.event.setPlaceholderText(tr("BookingEditor", "e.g. Festival des Nuits d’été"))
        self.fields.add(tr("BookingEditor", "&Event:"), "event", self.event)
        self.venue = QLineEdit()
        self.fields.add(tr("BookingEditor", "&Venue:"), "venue", self.venue)
        self.start = datetime_edit()
        self.fields.add(tr("BookingEditor", "&Pick-up:"), ("from", "start"), self.start)
        self.end = datetime_edit()
        self.fields.add(tr("BookingEditor", "&Return:"), ("to", "end"), self.end)
        self.same_use = QCheckBox(tr("BookingEditor", "Days of use &same as the planned period"))
        self.same_use.setChecked(True)
        self.fields.add("", (), self.same_use)
        self.use_start = datetime_edit()
        self.fields.add(tr("BookingEditor", "Usage fro&m:"), "use from", self.use_start)
        self.use_end = datetime_edit()
        self.fields.add(tr("BookingEditor", "Usage &to:"), "use to", self.use_end)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(56)
        self.fields.add(tr("BookingEditor", "&Notes:"), "notes", self.notes)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 8, 0)
        left_column.addLayout(form)
        self.price_panel = PricePanel(self.ops, self)
        self.price_panel.priced.connect(self._priced)
        left_column.addWidget(self.price_panel)
        left_column.addStretch(1)
        left.setMinimumWidth(420)
        left.setMaximumWidth(470)

        self.add_field = QLineEdit()
        self.add_field.setPlaceholderText(
            tr("BookingEditor", "Code, name, kit or scanned barcode; CODE=3 adds three")
        )
        self.add_completer = QCompleter(QStringListModel(self), self)
        self.add_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.add_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.add_completer.setMaxVisibleItems(12)
        self.add_field.setCompleter(self.add_completer)
        # A pick in the list (click, or arrows then Enter) comes as ``activated``; Enter on
        # typed or scanned text as ``returnPressed``. Enter on a highlighted suggestion
        # gives both (the line edit sees the key first): only ``activated`` acts then. The
        # line edit itself copies the pick into the field after our slot ran, so the pick
        # is handled once that is done (queued) and the field emptied again.
        self.add_completer.activated.connect(self._picked, Qt.ConnectionType.QueuedConnection)
        self.add_field.returnPressed.connect(self._return_in_add_field)
        add_label = QLabel(tr("BookingEditor", "&Add item type or kit (search or scan):"))
        add_label.setBuddy(self.add_field)
        self.add_feedback = Feedback(self)
        self.lines_view = QTableView()
        self.lines_view.setModel(self.lines)
        self.lines_view.setAccessibleName(tr("BookingEditor", "Lines"))
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setTabKeyNavigation(False)
        self.lines_view.setShowGrid(False)
        self.lines_view.setAlternatingRowColors(True)
        self.lines_view.verticalHeader().hide()
        self.lines_view.verticalHeader().setDefaultSectionSize(30)
        header = self.lines_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 90), (3, 120), (4, 110)):
            self.lines_view.setColumnWidth(column, width)
        self.delegate = QuantityDelegate(self.lines_view)
        self.lines_view.setItemDelegateForColumn(LinesModel.QUANTITY, self.delegate)
        self.remove_button = QPushButton(tr("BookingEditor", "Remove l&ine"))
        self.remove_button.setToolTip(tr("BookingEditor", "Remove the selected line (Delete)"))
        self.remove_button.clicked.connect(self.remove_line)
        self.remove_button.setAutoDefault(False)
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_line),
            ("+", lambda: self.step_quantity(1)),
            ("-", lambda: self.step_quantity(-1)),
            ("F2", self.focus_quantity),
            ("Return", self.focus_quantity),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.lines_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.shortage_panel = QLabel()
        self.shortage_panel.setWordWrap(True)
        self.shortage_panel.setTextFormat(Qt.TextFormat.RichText)
        self.shortage_panel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shortage_panel.setStyleSheet(
            "QLabel { background:#ffebee; color:#b71c1c; border-left:5px solid #c62828;"
            " padding:6px 10px; }"
        )
        self.shortage_panel.hide()
        self.lines_hint = QLabel()
        self.lines_hint.setStyleSheet("color: palette(mid);")
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(8, 0, 0, 0)
        right_column.addWidget(add_label)
        right_column.addWidget(self.add_field)
        right_column.addWidget(self.add_feedback)
        right_column.addWidget(self.lines_view, 1)
        below = QHBoxLayout()
        below.addWidget(self.lines_hint, 1)
        below.addWidget(self.remove_button)
        right_column.addLayout(below)
        right_column.addWidget(self.shortage_panel)

        body = QHBoxLayout()
        body.addWidget(left)
        body.addWidget(right, 1)

        self.save_button = QPushButton(tr("BookingEditor", "Save as &quote"))
        self.save_button.clicked.connect(lambda: self.save(confirm=False))
        self.confirm_button = QPushButton(tr("BookingEditor", "Save and &confirm"))
        self.confirm_button.clicked.connect(lambda: self.save(confirm=True))
        self.cancel_booking_button = QPushButton(tr("BookingEditor", "Cance&l booking"))
        self.cancel_booking_button.clicked.connect(self.cancel_booking)
        self.quote_button = QPushButton(tr("BookingEditor", "Quote P&DF…"))
        self.quote_button.setToolTip(
            tr(
                "BookingEditor",
                "The quote: preview, print, save as PDF (unsaved changes are saved first)",
            )
        )
        self.quote_button.clicked.connect(self.show_quote)
        self.picklist_menu = QMenu(self)
        self.print_picklist_action = QAction(tr("BookingEditor", "&Print the pick list…"), self)
        self.print_picklist_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_picklist_action.triggered.connect(self.print_picklist)
        self.save_picklist_action = QAction(
            tr("BookingEditor", "&Save the pick list as PDF…"), self
        )
        self.save_picklist_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.save_picklist_action.triggered.connect(self.save_picklist)
        for action in (self.print_picklist_action, self.save_picklist_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.picklist_menu.addAction(action)
            self.addAction(action)
        self.picklist_button = QPushButton(tr("BookingEditor", "Pic&k list"))
        self.picklist_button.setToolTip(
            tr(
                "BookingEditor",
                "The warehouse pick list: print it (Ctrl+P) or save it as PDF (Ctrl+Shift+P)",
            )
        )
        self.picklist_button.setMenu(self.picklist_menu)
        self.invoice_button = QPushButton(tr("BookingEditor", "Inv&oice…"))
        self.invoice_button.setToolTip(
            tr("BookingEditor", "Invoice what is not invoiced yet (the draft is shown first)")
        )
        self.invoice_button.clicked.connect(self.invoice)
        self.pricing_button = QPushButton(tr("BookingEditor", "Pricin&g and deposit…"))
        self.pricing_button.setToolTip(
            tr("BookingEditor", "The saved booking's discounts, coefficient, minimum and deposits")
        )
        self.pricing_button.clicked.connect(self.open_pricing)
        self.close_button = QPushButton(tr("BookingEditor", "Close"))
        self.close_button.setToolTip(
            tr("BookingEditor", "Close (Esc); asks first when there are unsaved changes")
        )
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_booking_button)
        buttons.addWidget(self.quote_button)
        buttons.addWidget(self.picklist_button)
        buttons.addWidget(self.invoice_button)
        buttons.addWidget(self.pricing_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.confirm_button)
        for button in (
            self.save_button,
            self.confirm_button,
            self.cancel_booking_button,
            self.quote_button,
            self.picklist_button,
            self.invoice_button,
            self.pricing_button,
        ):
            button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        self.feedback = Feedback(self)

        outer = QVBoxLayout(self)
        outer.addWidget(self.header)
        outer.addWidget(self.message)
        outer.addLayout(body, 1)
        outer.addWidget(self.feedback)
        outer.addLayout(buttons)

        self.customer.textChanged.connect(self.refresh)
        for edit in (self.start, self.end, self.use_start, self.use_end):
            edit.dateTimeChanged.connect(self._dates_changed)
        self.same_use.toggled.connect(self._dates_changed)
        self.lines.dataChanged.connect(self._lines_data_changed)
        self.lines.rowsInserted.connect(self._lines_changed)
        self.lines.rowsRemoved.connect(self._lines_changed)
        self.lines.modelReset.connect(self._lines_changed)
        self.setTabOrder(self.customer, self.event)
        self.setTabOrder(self.event, self.venue)
        self.setTabOrder(self.venue, self.start)
        self.setTabOrder(self.start, self.end)
        self.setTabOrder(self.end, self.same_use)
        self.setTabOrder(self.same_use, self.use_start)
        self.setTabOrder(self.use_start, self.use_end)
        self.setTabOrder(self.use_end, self.notes)
        self.setTabOrder(self.notes, self.add_field)
        self.setTabOrder(self.add_field, self.lines_view)

    def _set_default_period(self) -> None:
        today = self.ops.ctx.clock.today() + dt.timedelta(days=1)
        start = dt.datetime.combine(today, dt.time(10, 0))
        self._loading = True
        self.start.setDateTime(to_qdatetime(start))
        self.end.setDateTime(to_qdatetime(start + dt.timedelta(days=2)))
        self._loading = False
        self._dates_changed()

    def _choices_arrived(self, choices: Choices) -> None:
        self._customers = {f"{name} ({number})": number for number, name in choices.customers}
        model = self.customer_completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(self._customers))
        entries = self.add_completer.model()
        assert isinstance(entries, QStringListModel)
        entries.setStringList(choices.entries)
        if self.customer.text() and self.customer.text() in {n for n in self._customers.values()}:
            number = self.customer.text()
            self.customer.setText(next(k for k, v in self._customers.items() if v == number))

    # --- loading ------------------------------------------------------------------------

    def load(self, booking_id: int) -> None:
        self.booking_id = booking_id
        self.ops.read(lambda uow: read_booking(uow, booking_id), self._loaded, self._failed)

    def _loaded(self, found: Loaded) -> None:
        self._loading = True
        self.booking_id, self.reference, self.status = found.id, found.reference, found.status
        self.customer.setText(found.customer)
        self.event.setText(found.event)
        self.venue.setText(found.venue)
        for edit in (self.customer, self.event, self.venue):
            edit.setCursorPosition(0)
        self.notes.setPlainText(found.notes)
        self.start.setDateTime(to_qdatetime(found.start))
        self.end.setDateTime(to_qdatetime(found.end))
        same = (found.use_start, found.use_end) == (found.start, found.end)
        self.same_use.setChecked(same)
        self.use_start.setDateTime(to_qdatetime(found.use_start))
        self.use_end.setDateTime(to_qdatetime(found.use_end))
        self.lines.set_lines(found.lines)
        if self.price_panel.quote is not None:
            self._priced(self.price_panel.quote)  # until the saved booking is priced again
        self._loading = False
        self._dates_changed()
        self._update_header()
        self._clean = self.state()

    def _update_header(self) -> None:
        if self.booking_id is None:
            self.setWindowTitle(tr("BookingEditor", "New booking"))
            self.header.setText(html.escape(tr("BookingEditor", "New booking")))
        else:
            colour = STATUS_COLOURS.get(self.status, "#000000")
            self.setWindowTitle(tr("BookingEditor", "Booking %1").replace("%1", self.reference))
            self.header.setText(
                f"{html.escape(self.reference)} &nbsp;<span style='color:{colour}'>"
                f"{html.escape(booking_status_label(self.status))}</span>"
            )
        self._update_buttons()

    # --- the period ---------------------------------------------------------------------

    def period(self) -> tuple[dt.datetime, dt.datetime, dt.datetime, dt.datetime]:
        start = from_qdatetime(self.start.dateTime())
        end = from_qdatetime(self.end.dateTime())
        if self.same_use.isChecked():
            return start, end, start, end
        return (
            start,
            end,
            from_qdatetime(self.use_start.dateTime()),
            from_qdatetime(self.use_end.dateTime()),
        )

    def _dates_changed(self) -> None:
        same = self.same_use.isChecked()
        if same:
            for target, source in ((self.use_start, self.start), (self.use_end, self.end)):
                target.blockSignals(True)
                target.setDateTime(source.dateTime())
                target.blockSignals(False)
        self.use_start.setEnabled(not same)
        self.use_end.setEnabled(not same)
        if not self._loading:
            self.refresh()

    # --- the customer -------------------------------------------------------------------

    def customer_number(self) -> str:
        text = self.customer.text().strip()
        if not text:
            return ""
        if text in self._customers:
            return self._customers[text]
        if text in self._customers.values():
            return text
        found = CUSTOMER_NUMBER.search(text)
        if found and found.group(1) in self._customers.values():
            return found.group(1)
        by_name = [
            n
            for label, n in self._customers.items()
            if label.casefold().startswith(text.casefold() + " (")
        ]
        return by_name[0] if len(by_name) == 1 else ""

    # --- unsaved changes -------------------------------------------------------------

    def state(self) -> tuple[Any, ...]:
        """What saving would write, to tell whether anything changed since the last load
        or save (the customer by number, whether its list has arrived or not)."""
        text = self.customer.text().strip()
        number = CUSTOMER_NUMBER.search(text)
        return (
            number.group(1) if number else text,
            self.event.text(),
            self.venue.text(),
            self.notes.toPlainText(),
            self.period(),
            tuple((line.item_type_id, line.quantity) for line in self.lines.lines),
        )

    def is_dirty(self) -> bool:
        return self.state() != self._clean

    def reject(self) -> None:
        """Esc, Close or the window's close button: asks Save / Discard / Cancel when
        something is not saved, closes quietly otherwise."""
        if self._closing or not self.is_dirty():
            self._closing = True
            super().reject()
            return
        self.ask_unsaved()

    def ask_unsaved(self) -> QMessageBox:
        if self.unsaved_box is not None:
            return self.unsaved_box
        name = self.reference or tr("BookingEditor", "this new booking")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("BookingEditor", "Unsaved changes"),
            tr("BookingEditor", "Save the changes to %1 before closing?").replace("%1", name),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        save = box.addButton(tr("BookingEditor", "&Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            tr("BookingEditor", "&Discard"), QMessageBox.ButtonRole.DestructiveRole
        )
        cancel = box.addButton(tr("BookingEditor", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        self.unsaved_box = box

        def answered(button: object) -> None:
            self.unsaved_box = None
            if button is save:
                self.save(confirm=False, then=self.close_now)
            elif button is discard:
                self.close_now()
            else:
                self.activateWindow()  # back to the editor (also without a window manager)
                self.add_field.setFocus()

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def close_now(self) -> None:
        """Close without asking (after saving, or when the changes are discarded)."""
        self._closing = True
        self.reject()

    # --- lines --------------------------------------------------------------------------

    def _return_in_add_field(self) -> None:
        """Enter in the add field: adds what was typed or scanned, unless a suggestion is
        highlighted in the open list (the completer's ``activated`` adds that one)."""
        popup = self.add_completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return
        self.add_text(self.add_field.text())

    def _picked(self, text: str) -> None:
        """A suggestion chosen in the list (mouse, or arrows and Enter)."""
        typed = self.add_field.text().strip()
        if typed in (text.strip(), self.add_completer.completionPrefix().strip()):
            self.add_field.clear()  # the pick or the text it completed, not a new scan
        self.add_text(text, clear=False)

    def add_text(self, text: str, clear: bool = True) -> None:
        """Add what the add field names (Enter, a completion or a scan); the field is
        emptied at once so the next scan starts clean."""
        text = text.strip()
        if not text:
            return
        if clear:
            self.add_field.clear()

        def added(found: list[tuple[int, str, str, int]]) -> None:
            self.fields.clear()
            row = 0
            for type_id, code, name, qty in found:
                row = self.lines.add(type_id, code, name, qty)
            self.lines_view.selectRow(row)
            if len(found) == 1:
                _, code, name, qty = found[0]
                total = self.lines.lines[row].quantity
                self.add_feedback.ok(
                    tr("BookingEditor", "Added %n × %1 (%2): %3 on the line.", None, qty)
                    .replace("%1", name)
                    .replace("%2", code)
                    .replace("%3", str(total))
                )
            else:
                self.add_feedback.ok(
                    tr("BookingEditor", "Added the %1 item types of the kit.").replace(
                        "%1", str(len(found))
                    )
                )
            self.add_field.setFocus()

        def failed(err: DomainError) -> None:
            self.add_field.setText(text)
            self.add_field.selectAll()
            self.add_feedback.error(i18n.message(err))
            QApplication.beep()

        self.ops.read(lambda uow: resolve_entry(uow, text), added, failed)

    def remove_line(self) -> None:
        row = self.lines_view.currentIndex().row()
        if row >= 0:
            self.lines.remove(row)

    def step_quantity(self, delta: int) -> None:
        row = self.lines_view.currentIndex().row()
        if 0 <= row < self.lines.rowCount():
            self.lines.set_quantity(row, self.lines.lines[row].quantity + delta)

    def focus_quantity(self) -> None:
        row = self.lines_view.currentIndex().row()
        if row >= 0:
            editor = self.lines_view.indexWidget(self.lines.index(row, LinesModel.QUANTITY))
            if editor is not None:
                editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if isinstance(editor, QSpinBox):
                    editor.selectAll()

    def quantity_editor(self, row: int) -> QSpinBox | None:
        editor = self.lines_view.indexWidget(self.lines.index(row, LinesModel.QUANTITY))
        return editor if isinstance(editor, QSpinBox) else None

    def _lines_data_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        if first.column() <= LinesModel.QUANTITY <= last.column():
            self.refresh()

    def _lines_changed(self) -> None:
        for row in range(self.lines.rowCount()):
            index = self.lines.index(row, LinesModel.QUANTITY)
            if not self.lines_view.isPersistentEditorOpen(index):
                self.lines_view.openPersistentEditor(index)
            spin = self.quantity_editor(row)
            if spin is not None and not spin.hasFocus():
                spin.lineEdit().deselect()
        pieces = sum(line.quantity for line in self.lines.lines)
        self.lines_hint.setText(lines_hint(self.lines.rowCount(), pieces))
        if not self._loading:
            self.refresh()

    # --- the live check -----------------------------------------------------------------

    def refresh(self) -> None:
        """Check availability and membership for the request as it stands."""
        if self._loading:
            return
        self._generation += 1
        generation = self._generation
        start, end, use_start, use_end = self.period()
        pieces = sum(line.quantity for line in self.lines.lines)
        self.lines_hint.setText(lines_hint(self.lines.rowCount(), pieces))
        self.price_panel.request(self._price_source)
        if end <= start or use_end <= use_start:
            self.check = None
            self.lines.set_availability({})
            self.member_note.setText("")
            self._show_shortages([], bad_period=True)
            return
        wanted, exclude, customer = self.lines.wanted(), self.booking_id, self.customer_number()
        now = local_now(self.ops)
        self.ops.read(
            lambda uow: check_booking(
                uow,
                wanted=wanted,
                start=start,
                end=end,
                use_start=use_start,
                use_end=use_end,
                now=now,
                exclude=exclude,
                customer=customer,
            ),
            lambda found: self._checked(generation, found),
        )

    def _price_source(self) -> tuple[bookings.BookingData, str] | str:
        """What the price panel prices: the booking as on screen and the stored booking's
        reference, or why there is nothing to price yet."""
        if not self.customer_number():
            return tr("BookingEditor", "Choose the customer to see the price.")
        start, end, use_start, use_end = self.period()
        if end <= start or use_end <= use_start:
            return tr("BookingEditor", "The return must come after the pick-up.")
        return self.booking_data(), self.reference

    def _priced(self, quote: Quote | None) -> None:
        if quote is None:
            self.lines.set_prices(None)
            return
        prices: dict[str, tuple[Decimal, str]] = {}
        for line in quote.document.lines:
            if line.item_code:
                net, detail = prices.get(line.item_code, (Decimal(0), ""))
                details = "\n".join(d for d in (detail, line.detail) if d)
                prices[line.item_code] = (net + line.net, details)
        self.lines.set_prices(prices)

    def _checked(self, generation: int, found: Check) -> None:
        if generation != self._generation:
            return
        self.check = found
        self.lines.set_availability(
            found.found, {s.item_type_id: s.missing for s in found.shortages}
        )
        if self.customer_number():
            self.member_note.setText(
                membership_note(found.membership, found.first_day, found.last_day)
            )
            colour = "#1b5e20" if found.membership else "palette(mid)"
            self.member_note.setStyleSheet(f"color: {colour};")
        else:
            self.member_note.setText("")
        self._show_shortages(found.shortages)

    def _show_shortages(self, shortages: list[Shortage], bad_period: bool = False) -> None:
        self.shortages = shortages
        if bad_period:
            self.shortage_panel.setText(
                html.escape(tr("BookingEditor", "The return must come after the pick-up."))
            )
            self.shortage_panel.show()
        elif shortages:
            head = tr(
                "BookingEditor",
                "Not enough stock for these dates: the booking cannot be confirmed as it is.",
            )
            items = []
            for s in shortages:
                holders = ", ".join(s.holders) or "—"
                if s.reserved:
                    text = tr(
                        "BookingEditor",
                        "%1 (%2): %3 missing on %4 — requested %5, serviceable %6, "
                        "already held %7 by %8",
                    )
                else:
                    text = tr(
                        "BookingEditor",
                        "%1 (%2): %3 missing on %4 — requested %5, only %6 serviceable",
                    )
                text = (
                    text.replace("%1", html.escape(s.name))
                    .replace("%2", html.escape(s.code))
                    .replace("%3", f"<b>{s.missing}</b>")
                    .replace("%4", format_datetime(s.at))
                    .replace("%5", str(s.requested))
                    .replace("%6", str(s.serviceable))
                    .replace("%7", str(s.reserved))
                    .replace("%8", f"<b>{html.escape(holders)}</b>")
                )
                items.append(f"<li>{text}</li>")
            self.shortage_panel.setText(
                f"<b>{html.escape(head)}</b><ul style='margin:2px 0 0 -20px'>{''.join(items)}</ul>"
            )
            self.shortage_panel.show()
        else:
            self.shortage_panel.clear()
            self.shortage_panel.hide()
        self._update_buttons()

    def shortage_text(self) -> str:
        return self.shortage_panel.text() if self.shortage_panel.isVisibleTo(self) else ""

    def _update_buttons(self) -> None:
        status = BookingStatus(self.status) if self.status else None
        editable = status is None or status in (
            BookingStatus.QUOTE,
            BookingStatus.CONFIRMED,
            BookingStatus.OUT,
        )
        holding = status in HOLDING
        short = bool(getattr(self, "shortages", []))
        bad_period = self.check is None and self.shortage_panel.isVisibleTo(self)
        why = ""
        if short:
            names = ", ".join(f"{s.missing} × {s.code}" for s in self.shortages)
            why = tr(
                "BookingEditor", "Not enough stock: %1 missing (see the list above the buttons)."
            ).replace("%1", names)
        elif bad_period:
            why = tr("BookingEditor", "The return must come after the pick-up.")
        elif not self.lines.rowCount():
            why = tr("BookingEditor", "Add at least one line to confirm.")
        self.save_button.setText(
            tr("BookingEditor", "Save c&hanges")
            if holding
            else tr("BookingEditor", "Save as &quote")
        )
        self.save_button.setEnabled(editable and not (holding and (short or bad_period)))
        self.save_button.setToolTip(why if holding else "")
        can_confirm = status is None or status == BookingStatus.QUOTE
        self.confirm_button.setVisible(can_confirm)
        self.confirm_button.setEnabled(can_confirm and not why)
        self.confirm_button.setToolTip(
            why or tr("BookingEditor", "Save, then hold the stock for this booking")
        )
        cancellable = status is not None and BookingStatus.CANCELLED in TRANSITIONS[status]
        editable_or_saved = status is not None or bool(self.lines.rowCount())
        self.cancel_booking_button.setVisible(self.booking_id is not None)
        self.cancel_booking_button.setEnabled(cancellable)
        self.quote_button.setEnabled(status != BookingStatus.CANCELLED and editable_or_saved)
        self.picklist_button.setVisible(self.booking_id is not None)
        self.picklist_button.setEnabled(status != BookingStatus.CANCELLED)
        for action in (self.print_picklist_action, self.save_picklist_action):
            action.setEnabled(self.booking_id is not None and status != BookingStatus.CANCELLED)
        self.invoice_button.setVisible(self.booking_id is not None)
        self.invoice_button.setEnabled(status in invoices.INVOICEABLE)
        self.pricing_button.setVisible(self.booking_id is not None)
        for widget in (
            self.customer,
            self.event,
            self.venue,
            self.start,
            self.end,
            self.notes,
            self.add_field,
            self.lines_view,
            self.same_use,
            self.remove_button,
        ):
            widget.setEnabled(editable)
        if not editable:
            self.use_start.setEnabled(False)
            self.use_end.setEnabled(False)

    # --- saving -------------------------------------------------------------------------

    def booking_data(self) -> bookings.BookingData:
        number = self.customer_number()
        if not number:
            raise ValidationError(
                "customer",
                "Choose the customer from the list (type part of a name or number).",
            )
        start, end, use_start, use_end = self.period()
        return bookings.BookingData(
            customer=number,
            start=start,
            end=end,
            use_start=use_start,
            use_end=use_end,
            event=self.event.text(),
            venue=self.venue.text(),
            notes=self.notes.toPlainText(),
            lines=[bookings.Line(line.code, line.quantity) for line in self.lines.lines],
        )

    def save(self, confirm: bool = False, then: Any = None) -> bool:
        """Write the booking (and confirm it); True when written. Refusals (a shortage that
        appeared meanwhile, a bad field) are shown and nothing is written. ``then()`` runs
        once the saved booking is shown again."""
        self.fields.clear()
        self.feedback.clear_message()
        try:
            data = self.booking_data()
        except DomainError as err:
            self._failed(err)
            return False
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        booking_id = self.booking_id

        def action(uow: UnitOfWork) -> int:
            if booking_id is None:
                created = bookings.create_booking(
                    uow, user=user, data=data, clock=clock, confirm=confirm
                )
                assert created.id is not None
                return created.id
            booking = bookings.update_booking(
                uow, user=user, reference=reference, data=data, clock=clock
            )
            if confirm and booking.status == BookingStatus.QUOTE:
                bookings.confirm_booking(uow, user=user, reference=reference, clock=clock)
            assert booking.id is not None
            return booking.id

        written = False

        def done(new_id: int) -> None:
            nonlocal written
            written = True
            self.booking_id = new_id

            def reread(found: Loaded) -> None:
                self._saved(found)
                if then is not None:
                    then()

            self.ops.read(lambda uow: read_booking(uow, new_id), reread)

        self.ops.write(action, done, self._failed, changes="bookings")
        return written

    def _saved(self, found: Loaded) -> None:
        self._loaded(found)
        self.feedback.ok(
            tr("BookingEditor", "Booking %1 saved (%2).")
            .replace("%1", found.reference)
            .replace("%2", booking_status_label(found.status).lower())
        )

    def _failed(self, err: DomainError) -> None:
        set_invalid(self.add_field, False)
        name = err.field if isinstance(err, ValidationError) else None
        if name in LINE_FIELDS:
            self.fields.clear()
            set_invalid(self.add_field, True)
            self.add_feedback.error(i18n.message(err))
            self.add_field.setFocus()
        elif self.fields.show(err) is None:
            self.message.hide()
            self.feedback.error(i18n.message(err))
        self.refresh()

    def cancel_booking(self) -> None:
        if not self.reference:
            return
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        booking_id = self.booking_id
        assert booking_id is not None
        self.ops.write(
            lambda uow: (
                bookings.cancel_booking(uow, user=user, reference=reference, clock=clock).id
            ),
            lambda _: self.ops.read(lambda uow: read_booking(uow, booking_id), self._saved),
            self._failed,
            changes="bookings",
        )

    # --- quote and invoice ----------------------------------------------------------------

    def _open_dialog(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _invoicing_failed(self, err: DomainError) -> None:
        self.feedback.error(i18n.message(err))

    def _saved_then(self, action: Any) -> None:
        """Run ``action`` on the booking as on screen: saved first when it is new or has
        unsaved changes (so what is printed is what is shown)."""
        if self.booking_id is not None and not self.is_dirty():
            action()
        else:
            self.save(confirm=False, then=action)

    def show_quote(self) -> None:
        """The quote (devis) in a preview with Print and Save; unsaved changes are saved
        first, so the quote is what the screen shows."""
        self._saved_then(self._open_quote)

    def _open_quote(self) -> None:
        if not self.reference:
            return
        reference, clock, render_with = self.reference, self.ops.ctx.clock, renderer()

        def build(uow: UnitOfWork) -> tuple[str, bytes]:
            document = invoices.quote_document(uow, reference, clock)
            return document.number, bytes(render_with(document).pdf)

        def built(found: tuple[str, bytes]) -> None:
            number, pdf = found
            title = tr("BookingEditor", "Quote %1").replace("%1", number)
            self._open_dialog(PdfDialog(title, pdf, number, self))

        self.ops.read(build, built, self._invoicing_failed)

    # --- the pick list ----------------------------------------------------------------------

    def print_picklist(self) -> None:
        """The pick list (as ``regie picklist`` makes it) through the system print dialog;
        unsaved changes are saved first."""
        self._saved_then(lambda: self._with_picklist(self._print_picklist))

    def save_picklist(self) -> None:
        """The pick list saved as a PDF file chosen by the person."""

        def chosen(pdf: bytes) -> None:
            path = choose_pdf_path(self, self.picklist_name())
            if path is not None:
                self._write_picklist(pdf, path)

        self._saved_then(lambda: self._with_picklist(chosen))

    def save_picklist_to(self, path: Any) -> None:
        self._saved_then(lambda: self._with_picklist(lambda pdf: self._write_picklist(pdf, path)))

    def picklist_name(self) -> str:
        return tr("BookingEditor", "pick-list-%1").replace("%1", self.reference)

    def _with_picklist(self, use: Any) -> None:
        if not self.reference:
            return
        reference = self.reference
        self.ops.read(
            lambda uow: picklist.render_to_bytes(uow, reference), use, self._invoicing_failed
        )

    def _print_picklist(self, pdf: bytes) -> None:
        title = tr("BookingEditor", "Pick list %1").replace("%1", self.reference)
        try:
            printed = printing.print_with_dialog(self, pdf, title)
        except DomainError as err:
            self.feedback.error(i18n.message(err))
            return
        if printed:
            self.feedback.ok(
                tr("BookingEditor", "Pick list %1 sent to the printer.").replace(
                    "%1", self.reference
                )
            )

    def _write_picklist(self, pdf: bytes, path: Any) -> None:
        try:
            write_pdf(path, pdf)
        except DomainError as err:
            self.feedback.error(i18n.message(err))
            return
        self.feedback.ok(tr("BookingEditor", "Pick list saved to %1.").replace("%1", str(path)))

    def invoice(self) -> None:
        """Show the draft invoice; its dialog's Issue button issues it."""
        if not self.reference:
            return
        reference, clock = self.reference, self.ops.ctx.clock

        def drafted(document: Document) -> None:
            dialog = DraftDialog(document, self)
            dialog.accepted.connect(self.issue_invoice)
            self._open_dialog(dialog)

        self.ops.read(
            lambda uow: invoices.draft_invoice(uow, reference, clock),
            drafted,
            self._invoicing_failed,
        )

    def open_pricing(self) -> None:
        """The saved booking's pricing and deposits (BookingPricingDialog)."""
        if not self.reference:
            return
        reference, today = self.reference, self.ops.ctx.clock.today()
        self.ops.read(
            lambda uow: read_state(uow, reference, today),
            lambda state: self._open_dialog(BookingPricingDialog(self.ops, state, self)),
            self._invoicing_failed,
        )

    def issue_invoice(self) -> None:
        user, clock, reference = self.ops.user, self.ops.ctx.clock, self.reference
        render_with = renderer()

        def action(uow: UnitOfWork) -> tuple[str, bytes]:
            row = invoices.issue_invoice(
                uow,
                user=user,
                reference=reference,
                clock=clock,
                renderer=render_with,
                check=check_xml,
            )
            return row.number, bytes(issuing.files_of(uow, row.id or 0).pdf)

        def done(found: tuple[str, bytes]) -> None:
            number, pdf = found
            self.issued_number = number
            self.feedback.ok(tr("BookingEditor", "Invoice %1 issued.").replace("%1", number))
            title = tr("BookingEditor", "Invoice %1").replace("%1", number)
            self._open_dialog(PdfDialog(title, pdf, number, self))

        self.ops.write(action, done, self._invoicing_failed, changes="invoices")
