"""The assistant's other pages: logo, VAT, numbering and payment terms, day coefficients,
membership year, first administrator. Each checks what it holds with the domain's rules
(``invoicing.setup``) as it changes, and keeps Next disabled while something is wrong."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.core import settings
from app.core.errors import ValidationError
from app.core.storage import os_reason
from app.gui.shell import icons, style
from app.i18n import message
from invoicing import setup

tr = QCoreApplication.translate


def _problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    style.set_role(label, "error")
    label.hide()
    return label


def _say(label: QLabel, problem: str) -> None:
    label.setText(problem)
    label.setVisible(bool(problem))


class LogoPage(QWizardPage):
    """An optional logo: chosen from a file, previewed as it will be stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("SetupWizard", "Logo"))
        self.setSubTitle(
            tr(
                "SetupWizard",
                "Printed at the top of your documents. Optional: a PNG or JPEG image; it "
                "can be changed later in Settings → Legal identity.",
            )
        )
        self.logo: bytes | None = None
        layout = QVBoxLayout(self)
        self.preview = QLabel(tr("SetupWizard", "No logo"), self)
        self.preview.setObjectName("logo-preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 150)
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem = _problem_label(self, "logo-problem")
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        self.choose = QPushButton(icons.icon("photo"), tr("SetupWizard", "&Choose a file…"), self)
        self.choose.clicked.connect(self.choose_file)
        self.remove = QPushButton(icons.icon("delete"), tr("SetupWizard", "Remo&ve the logo"), self)
        self.remove.clicked.connect(lambda: self.set_logo(None))
        row.addWidget(self.choose)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.set_logo(None)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            tr("SetupWizard", "The cooperative's logo"),
            str(Path.home()),
            tr("SetupWizard", "Images (*.png *.jpg *.jpeg)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as err:
            _say(
                self.problem,
                tr("SetupWizard", "{file} cannot be read ({reason}).").format(
                    file=path.name, reason=message(os_reason(err))
                ),
            )
            return
        self.set_logo(data)

    def set_logo(self, data: bytes | None) -> None:
        """Keep the logo as the set-up will store it (checked and scaled), or say why not."""
        if data is None:
            self.logo = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(tr("SetupWizard", "No logo"))
            _say(self.problem, "")
        else:
            try:
                stored = setup.check_logo(data)
            except ValidationError as err:
                _say(self.problem, message(err))
                return
            self.logo = stored
            picture = QPixmap()
            picture.loadFromData(stored)
            self.preview.setPixmap(
                picture.scaled(
                    320,
                    150,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            _say(self.problem, "")
        self.remove.setEnabled(self.logo is not None)


class VatPage(QWizardPage):
    """VAT charged at a rate, or the franchise en base (art. 293 B du CGI)."""

    def __init__(self, vat_number: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vat_number = vat_number
        self.setTitle(tr("SetupWizard", "VAT"))
        self.setSubTitle(tr("SetupWizard", "Does the cooperative charge VAT on its invoices?"))
        layout = QVBoxLayout(self)
        self.normal = QRadioButton(tr("SetupWizard", "&Yes, VAT is charged at the rate of"), self)
        self.rate = QLineEdit("20", self)
        self.rate.setObjectName("vat_rate")
        self.rate.setAccessibleName(tr("SetupWizard", "Default VAT rate (%)"))
        self.rate.setMaximumWidth(90)
        row = QHBoxLayout()
        row.addWidget(self.normal)
        row.addWidget(self.rate)
        row.addWidget(QLabel("%", self))
        row.addStretch(1)
        layout.addLayout(row)
        self.franchise = QRadioButton(
            tr(
                "SetupWizard",
                "No: &franchise en base de TVA (art. 293 B du CGI); invoices say "
                "“TVA non applicable, art. 293 B du CGI”",
            ),
            self,
        )
        layout.addWidget(self.franchise)
        group = QButtonGroup(self)
        group.addButton(self.normal)
        group.addButton(self.franchise)
        self.normal.setChecked(True)
        self.problem = _problem_label(self, "vat-problem")
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for button in (self.normal, self.franchise):
            button.toggled.connect(self._changed)
        self.rate.textChanged.connect(self._changed)

    def regime(self) -> str:
        return settings.VAT_FRANCHISE if self.franchise.isChecked() else settings.VAT_NORMAL

    def rate_text(self) -> str:
        return self.rate.text().strip().replace(",", ".")

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self._changed()

    def _problem(self) -> str:
        if self.regime() == settings.VAT_FRANCHISE:
            return ""
        if not self._vat_number().strip():
            return tr(
                "SetupWizard",
                "A cooperative that charges VAT needs its VAT number: go back and type it, "
                "or choose the franchise en base.",
            )
        errors = setup.check(setup.SetUp(setup.Identity(), vat_rate=self.rate_text()))
        found = [err for err in errors if err.field == "vat_rate"]
        return message(found[0]) if found else ""

    def _changed(self) -> None:
        self.rate.setEnabled(self.normal.isChecked())
        _say(self.problem, self._problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.problem.text()


class NumberingPage(QWizardPage):
    """Invoice and credit-note prefixes (a sample number shown), and the payment term."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("SetupWizard", "Invoice numbers and payment"))
        self.setSubTitle(
            tr(
                "SetupWizard",
                "Numbers follow each other without gaps, per prefix and year. The payment "
                "term is printed on every invoice.",
            )
        )
        form = QFormLayout(self)
        self.invoice = QLineEdit("FA", self)
        self.invoice.setObjectName("invoice_prefix")
        self.credit = QLineEdit("AV", self)
        self.credit.setObjectName("credit_prefix")
        self.days = QSpinBox(self)
        self.days.setObjectName("payment_days")
        # Wider than the legal range, so "90" shows as typed and is refused with the
        # domain's sentence (a spin box clipped to 60 turned "90" into "9" silently).
        self.days.setRange(0, 999)
        self.days.setValue(30)
        self.days.setSuffix(tr("SetupWizard", " days"))
        self.days.setToolTip(
            tr("SetupWizard", "From 0 to {limit} days").format(limit=setup.MAX_PAYMENT_DAYS)
        )
        self.days_range = QLabel(
            tr("SetupWizard", "from 0 to {limit} days (the legal maximum)").format(
                limit=setup.MAX_PAYMENT_DAYS
            ),
            self,
        )
        style.set_role(self.days_range, "muted")
        self.days_problem = _problem_label(self, "payment_days-problem")
        self.sample = QLabel(self)
        self.sample.setObjectName("numbering-sample")
        style.set_role(self.sample, "muted")
        self.problem = _problem_label(self, "numbering-problem")
        form.addRow(tr("SetupWizard", "&Invoice prefix:"), self.invoice)
        form.addRow(tr("SetupWizard", "&Credit note prefix:"), self.credit)
        form.addRow("", self.sample)
        days_row = QHBoxLayout()
        days_row.addWidget(self.days)
        days_row.addWidget(self.days_range, 1)
        days_label = QLabel(tr("SetupWizard", "&Payment term:"), self)
        days_label.setBuddy(self.days)  # a row holding a layout gets no buddy by itself
        form.addRow(days_label, days_row)
        form.addRow("", self.days_problem)
        form.addRow("", self.problem)
        for edit in (self.invoice, self.credit):
            edit.textChanged.connect(self._changed)
        self.days.valueChanged.connect(self._changed)
        self._changed()

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.invoice.setFocus()

    def _changed(self) -> None:
        year = dt.date.today().year
        self.sample.setText(
            tr(
                "SetupWizard", "The first invoice: {invoice}; the first credit note: {credit}"
            ).format(
                invoice=f"{self.invoice.text().strip().upper()}-{year}-00001",
                credit=f"{self.credit.text().strip().upper()}-{year}-00001",
            )
        )
        errors = setup.check(
            setup.SetUp(
                setup.Identity(),
                invoice_prefix=self.invoice.text(),
                credit_prefix=self.credit.text(),
            )
        )
        found = [e for e in errors if e.field in ("invoice_prefix", "credit_prefix")]
        _say(self.problem, message(found[0]) if found else "")
        try:
            setup.check_field("payment_days", str(self.days.value()))
            _say(self.days_problem, "")
        except ValidationError as err:
            _say(self.days_problem, message(err))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.problem.text() and not self.days_problem.text()


class RatesPage(QWizardPage):
    """The default day-coefficient table: what N days of hire cost, in days of the day
    rate. Editable; sensible defaults."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("SetupWizard", "Day coefficients"))
        self.setSubTitle(
            tr(
                "SetupWizard",
                "A hire of several days costs the day rate times a coefficient (a weekend "
                "of 3 days: 2 days' rate, say). Rates per item are set in Pricing, or "
                "imported, later.",
            )
        )
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("coefficients")
        self.table.setAccessibleName(tr("SetupWizard", "Day coefficients"))
        self.table.setHorizontalHeaderLabels(
            [tr("SetupWizard", "Days"), tr("SetupWizard", "Coefficient")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        add = QPushButton(icons.icon("add"), tr("SetupWizard", "&Add a row"), self)
        add.clicked.connect(lambda: self._append("", ""))
        remove = QPushButton(icons.icon("remove"), tr("SetupWizard", "&Delete the row"), self)
        remove.clicked.connect(self._remove)
        reset = QPushButton(icons.icon("undo"), tr("SetupWizard", "Back to the defaul&ts"), self)
        reset.clicked.connect(self.reset)
        for button in (add, remove, reset):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.problem = _problem_label(self, "coefficients-problem")
        layout.addWidget(self.problem)
        self.table.itemChanged.connect(lambda _item: self._changed())
        self.reset()

    def reset(self) -> None:
        self.table.setRowCount(0)
        for days, value in setup.DEFAULT_COEFFICIENTS:
            self._append(str(days), value)
        self._changed()

    def _append(self, days: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(days))
        self.table.setItem(row, 1, QTableWidgetItem(decimal_text(value)))

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or [self.table.rowCount() - 1]:
            self.table.removeRow(row)
        self._changed()

    def steps(self) -> tuple[tuple[int, str], ...]:
        """The rows as typed (empty rows left out; a day count that is not a number is -1,
        which the check names)."""
        found = []
        for row in range(self.table.rowCount()):
            days = (self.table.item(row, 0) or QTableWidgetItem()).text().strip()
            value = (self.table.item(row, 1) or QTableWidgetItem()).text().strip()
            if not days and not value:
                continue
            found.append((int(days) if days.isdigit() else -1, value.replace(",", ".")))
        return tuple(found)

    def _changed(self) -> None:
        errors = setup.check(setup.SetUp(setup.Identity(), coefficients=self.steps()))
        found = [e for e in errors if e.field == "coefficients"]
        _say(self.problem, message(found[0]) if found else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.problem.text()


def decimal_text(value: str) -> str:
    """A coefficient as people of the interface's language write it (1,5 in French)."""
    if not value:
        return ""
    point = QLocale().decimalPoint()
    return value.replace(".", point)


class MembershipPage(QWizardPage):
    """The membership year: the calendar year, or a season starting on the 1st of a month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("SetupWizard", "Membership year"))
        self.setSubTitle(
            tr(
                "SetupWizard",
                "Members pay a yearly fee; a new membership runs for the year in which it starts.",
            )
        )
        layout = QVBoxLayout(self)
        self.calendar = QRadioButton(
            tr("SetupWizard", "The &calendar year (1 January to 31 December)"), self
        )
        self.season = QRadioButton(tr("SetupWizard", "A &season starting on 1"), self)
        self.month = QComboBox(self)
        self.month.setObjectName("season-month")
        self.month.setAccessibleName(tr("SetupWizard", "First month of the season"))
        locale = QLocale()
        for number in range(1, 13):
            self.month.addItem(locale.standaloneMonthName(number), number)
        self.month.setCurrentIndex(8)  # September: the usual season
        group = QButtonGroup(self)
        group.addButton(self.calendar)
        group.addButton(self.season)
        self.calendar.setChecked(True)
        layout.addWidget(self.calendar)
        row = QHBoxLayout()
        row.addWidget(self.season)
        row.addWidget(self.month)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.season.toggled.connect(self.month.setEnabled)
        self.month.setEnabled(False)

    def year_start(self) -> str:
        if self.calendar.isChecked():
            return "01-01"
        return f"{int(self.month.currentData()):02d}-01"


class AdminPage(QWizardPage):
    """The first administrator: a name, a password typed twice (or none on this PC)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("SetupWizard", "The first administrator"))
        self.setSubTitle(
            tr(
                "SetupWizard",
                "The account that sets everything up and adds the others. Without a "
                "password, Régie opens as this administrator by itself on this computer "
                "until someone is given one.",
            )
        )
        form = QFormLayout(self)
        self.name = QLineEdit("admin", self)
        self.name.setObjectName("admin_name")
        self.password = QLineEdit(self)
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setObjectName("admin_password_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = _problem_label(self, "admin-problem")
        form.addRow(tr("SetupWizard", "Na&me:"), self.name)
        form.addRow(tr("SetupWizard", "&Password:"), self.password)
        form.addRow(tr("SetupWizard", "Password &again:"), self.again)
        form.addRow("", self.problem)
        for edit in (self.name, self.password, self.again):
            edit.textChanged.connect(self._changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.name.setFocus()

    def _changed(self) -> None:
        errors = setup.check(
            setup.SetUp(
                setup.Identity(),
                admin_name=self.name.text().strip(),
                admin_password=self.password.text(),
            )
        )
        found = [e for e in errors if e.field in ("admin_name", "admin_password")]
        problem = message(found[0]) if found else ""
        if not problem and self.password.text() != self.again.text() and self.again.text():
            problem = tr("SetupWizard", "The two passwords differ.")
        _say(self.problem, problem)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.problem.text() and self.password.text() == self.again.text()
