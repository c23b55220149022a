"""The account numbers of the accounting export (settings of ``invoicing.accounting``):
each account's number and label, the journals' codes and labels, and whether customers
get an auxiliary account each (their customer number) or share one collective account.
Read and saved off the GUI thread; a bad value is refused with the domain's sentence and
nothing saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.errors import DomainError
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from invoicing import accounting

tr = QCoreApplication.translate


def role_text(setting: accounting.AccountSetting) -> str:
    text = i18n.label(setting.role)
    if setting.key.startswith(accounting.VAT + "."):
        rate = int(setting.key.rsplit(".", 1)[1])
        text = text.replace(
            "{rate}", f"{rate // 100},{rate % 100:02d}".rstrip("0").rstrip(",") + " %"
        )
    return text


class AccountsDialog(QDialog):
    """A grid: what the account is for, its number, its label; the customer-account mode."""

    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.saved = False
        self.setWindowTitle(tr("AccountsDialog", "Account numbers"))
        self.setWindowIcon(icons.icon("settings"))
        self.numbers: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(style.SPACE.m)
        grid.setVerticalSpacing(style.SPACE.xs)
        for column, title in enumerate(
            (
                tr("AccountsDialog", "For"),
                tr("AccountsDialog", "Account or journal"),
                tr("AccountsDialog", "Label in the file"),
            )
        ):
            head = QLabel(title)
            style.set_role(head, "muted")
            grid.addWidget(head, 0, column)
        for row, setting in enumerate(accounting.SETTINGS, start=1):
            role = role_text(setting)
            number, label = QLineEdit(), QLineEdit()
            number.setMaxLength(20 if not setting.journal else 8)
            number.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 14)
            label.setMaxLength(100)
            number.setAccessibleName(role + " — " + tr("AccountsDialog", "number"))
            label.setAccessibleName(role + " — " + tr("AccountsDialog", "label"))
            caption = QLabel(role)
            caption.setWordWrap(True)
            caption.setMinimumWidth(self.fontMetrics().averageCharWidth() * 42)
            caption.setBuddy(number)
            grid.addWidget(caption, row, 0)
            grid.addWidget(number, row, 1)
            grid.addWidget(label, row, 2)
            self.numbers[setting.key], self.labels[setting.key] = number, label
        self.mode = QComboBox()
        self.mode.addItem(
            tr("AccountsDialog", "One auxiliary account per customer (its customer number)"),
            accounting.AUXILIARY,
        )
        self.mode.addItem(
            tr("AccountsDialog", "One collective account for every customer"),
            accounting.COLLECTIVE,
        )
        mode_label = QLabel(tr("AccountsDialog", "&Customers:"))
        mode_label.setBuddy(self.mode)
        grid.addWidget(mode_label, len(accounting.SETTINGS) + 1, 0)
        grid.addWidget(self.mode, len(accounting.SETTINGS) + 1, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        style.set_role(self.message, "error")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        holder = QWidget()
        holder.setLayout(grid)
        self.scroll_area = QScrollArea()  # the rows scroll on a small screen (1366x768)
        self.scroll_area.setWidget(holder)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        note = QLabel(
            tr(
                "AccountsDialog",
                "Revenue goes to the account of each line's VAT treatment, so the VAT "
                "return and the European services declaration read from the balance; give "
                "the same account to several treatments to keep one.",
            )
        )
        note.setWordWrap(True)
        style.set_role(note, "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        wanted = holder.sizeHint().height() + 180
        wanted = min(wanted, 660)  # fits 1366x768 with the window frame and a panel
        self.resize(920, min(wanted, screen.height() - 60) if screen is not None else wanted)
        self.ops.read(accounting.accounts, self._fill)
        for edit in (*self.numbers.values(), *self.labels.values()):
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab through the rows: the focused field scrolls into view."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.scroll_area.ensureWidgetVisible(watched)
        return super().eventFilter(watched, event)

    def _fill(self, chart: accounting.Accounts) -> None:
        for key, edit in self.numbers.items():
            edit.setText(chart.numbers[key])
            self.labels[key].setText(chart.labels[key])
        self.mode.setCurrentIndex(max(self.mode.findData(chart.customer_mode), 0))
        first = self.numbers[accounting.SETTINGS[0].key]
        first.setFocus()
        first.selectAll()

    def save(self) -> None:
        numbers = {key: edit.text() for key, edit in self.numbers.items()}
        labels = {key: edit.text() for key, edit in self.labels.items()}
        mode = self.mode.currentData()
        self.buttons.setEnabled(False)
        self.ops.write(
            lambda uow: accounting.save_accounts(uow, numbers, labels, mode),
            self._saved,
            self._refused,
            changes=Change.SETTINGS,
        )

    def _saved(self, _chart: accounting.Accounts) -> None:
        self.saved = True
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, err: DomainError) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(i18n.message(err))
        self.message.show()
