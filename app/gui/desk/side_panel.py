"""The desk's right column: what still has to leave (check-out), what should come back
(check-in, no booking open), or the open booking's units still out (check-in: F8 declares
one missing). Late ones carry a red chip that says so; an empty list says what to do next.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.gui.desk import look
from app.gui.desk.desk_models import WHEN_ROLE, DeparturesModel
from app.gui.shell import chips, style
from app.gui.shell.empty import EmptyState
from booking.desk_queries import BulkOut, Departure

tr = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex


class WhenDelegate(QStyledItemDelegate):
    """The "when" column: a late row starts with a red chip "Late", then its time."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(chips.STATUS_ROLE) != "late":
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        word = tr("DeskScreen", "Late")
        metrics = QFontMetrics(option.font)
        s = style.SPACE
        height = min(option.rect.height() - 4, metrics.height() + 4)
        width = metrics.horizontalAdvance(word) + 2 * s.s
        rect = QRectF(option.rect.x() + s.xs, option.rect.y(), width, option.rect.height())
        rect.setTop(option.rect.y() + (option.rect.height() - height) / 2)
        rect.setHeight(height)
        tone = chips.tone_of("booking", "late")
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(tone.bg))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(tone.fg))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, word)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        rest = option.rect.adjusted(int(rect.width()) + s.s + s.xs, 0, 0, 0)
        when = metrics.elidedText(
            str(index.data(WHEN_ROLE) or ""), Qt.TextElideMode.ElideRight, rest.width()
        )
        painter.drawText(rest, int(Qt.AlignmentFlag.AlignVCenter), when)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.data(chips.STATUS_ROLE) == "late":
            metrics = QFontMetrics(option.font)
            word = metrics.horizontalAdvance(tr("DeskScreen", "Late")) + 3 * style.SPACE.s
            when = metrics.horizontalAdvance(str(index.data(WHEN_ROLE) or ""))
            size.setWidth(word + when + 2 * style.SPACE.s)
        return size


def _out_list(name: str) -> QListWidget:
    view = QListWidget()
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setAccessibleName(name)
    return view


def bookings_view(model: DeparturesModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(0, WhenDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(36)
    view.horizontalHeader().setStretchLastSection(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setShowGrid(False)
    view.setAccessibleName(name)
    return view


class SidePanel(QWidget):
    """Departures, returns, or the units still out: one shows at a time."""

    departure_chosen = Signal(str)  # a booking's reference, to open for check-out
    return_chosen = Signal(str)  # a booking's reference, to open for check-in
    missing_chosen = Signal(str)  # a unit's barcode, to declare missing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("section")
        self.title.setWordWrap(True)
        look.sized(self.title, "heading")
        self.departures_model = DeparturesModel(self, "departures")
        self.departures_view = bookings_view(self.departures_model, tr("DeskScreen", "Departures"))
        self.departures_view.activated.connect(
            lambda index: self._chosen(self.departures_model, index, self.departure_chosen)
        )
        self.returns_model = DeparturesModel(self, "returns")
        self.returns_view = bookings_view(self.returns_model, tr("DeskScreen", "Returns due"))
        self.returns_view.activated.connect(
            lambda index: self._chosen(self.returns_model, index, self.return_chosen)
        )
        self.out_list = _out_list(tr("DeskScreen", "Units still out"))
        self.out_list.itemActivated.connect(self._missing)
        self.bulk_heading = QLabel(
            tr("DeskScreen", "Bulk still out (* then a quantity, then the label)")
        )
        look.sized(self.bulk_heading, "small", "muted")
        self.bulk_heading.setWordWrap(True)
        self.bulk_list = _out_list(tr("DeskScreen", "Bulk still out"))
        self.bulk_list.itemActivated.connect(self._missing)
        self.out_page = QWidget()
        out_layout = QVBoxLayout(self.out_page)
        out_layout.setContentsMargins(0, 0, 0, 0)
        out_layout.setSpacing(style.SPACE.xs)
        out_layout.addWidget(self.out_list, 2)
        out_layout.addWidget(self.bulk_heading)
        out_layout.addWidget(self.bulk_list, 1)
        self._empty_states()
        self.stack = QStackedWidget()
        for view in (self.departures_view, self.returns_view, self.out_page):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACE.s)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.setMinimumWidth(300)

    def _empty_states(self) -> None:
        self.empty = [
            EmptyState(
                self.departures_view,
                lambda: tr(
                    "DeskScreen",
                    "Nothing left to pick today or tomorrow. Scan the reference on a "
                    "booking's pick list to open it.",
                ),
            ),
            EmptyState(
                self.returns_view,
                lambda: tr(
                    "DeskScreen",
                    "Nothing due back today or tomorrow. Scan a unit that comes back: the "
                    "desk finds its booking.",
                ),
            ),
            EmptyState(
                self.out_list,
                lambda: tr(
                    "DeskScreen",
                    "Nothing of this booking is still out. F10: the return report.",
                ),
            ),
        ]

    @staticmethod
    def _chosen(model: DeparturesModel, index: QModelIndex, signal: SignalInstance) -> None:
        reference = model.data(index, Qt.ItemDataRole.UserRole)
        if reference:
            signal.emit(str(reference))

    def _missing(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code:
            self.missing_chosen.emit(str(code))

    def show_departures(self) -> None:
        self.stack.setCurrentWidget(self.departures_view)
        self.title.setText(tr("DeskScreen", "Still to leave: today, tomorrow, late"))

    def show_returns(self) -> None:
        self.stack.setCurrentWidget(self.returns_view)
        self.title.setText(tr("DeskScreen", "Due back: today, tomorrow, late"))

    def show_units_out(
        self, units: list[tuple[str, str, str]], bulk: list[BulkOut] | None = None
    ) -> None:
        """What is still out: each unit, then each bulk line's pieces (the lines' "still
        out" column counts both). Enter on one declares it (one piece) missing."""
        bulk = bulk or []
        self.stack.setCurrentWidget(self.out_page)
        self.title.setText(tr("DeskScreen", "Still out (F8: declare missing)"))
        self.out_list.clear()
        for barcode, name, serial in units:
            item = QListWidgetItem(f"{barcode}   {name}" + (f"   ({serial})" if serial else ""))
            item.setData(Qt.ItemDataRole.UserRole, barcode)
            item.setToolTip(item.text())
            self.out_list.addItem(item)
        self.bulk_list.clear()
        for line in bulk:
            item = QListWidgetItem(
                tr("DeskScreen", "%1 × %2   %3")
                .replace("%1", str(line.count))
                .replace("%2", line.name)
                .replace("%3", line.label)
            )
            item.setData(Qt.ItemDataRole.UserRole, line.label)
            item.setToolTip(f"{line.label}   {line.name} ({line.code})")
            self.bulk_list.addItem(item)
        self.out_list.setVisible(bool(units) or not bulk)  # nothing at all: its empty state
        self.bulk_heading.setVisible(bool(bulk))
        self.bulk_list.setVisible(bool(bulk))
        rows = self.bulk_list.count()
        if rows and units:  # as tall as its rows (up to five), the units keep the rest
            frame = 2 * self.bulk_list.frameWidth()
            self.bulk_list.setMaximumHeight(self.bulk_list.sizeHintForRow(0) * min(rows, 5) + frame)
        else:
            self.bulk_list.setMaximumHeight(16777215)

    def showing_out(self) -> bool:
        return self.stack.currentWidget() is self.out_page

    def focus_out(self) -> bool:
        """F8: focus the first list of what is still out (units, else bulk); False when
        nothing is listed."""
        if not self.showing_out():
            return False
        for view in (self.out_list, self.bulk_list):
            if view.count() and view.isVisible():
                view.setCurrentRow(max(0, view.currentRow()))
                view.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return False

    def set_rows(self, departures: list[Departure], returns: list[Departure]) -> None:
        self.departures_model.set_rows(departures)
        self.returns_model.set_rows(returns)
        for view, model in (
            (self.departures_view, self.departures_model),
            (self.returns_view, self.returns_model),
        ):
            header = view.horizontalHeader()
            for column in range(2):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            if model.rowCount() and not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
