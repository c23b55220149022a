"""The first-start assistant: a cooperative's own database, set up from its legal identity,
logo, VAT, numbering, day coefficients, membership year and first administrator.

Every page checks what it holds with the domain's rules as it is typed (``invoicing.setup``,
shared with ``regie init``); the summary lists everything once more, and Create runs
``create_cooperative`` off the GUI thread: the database appears whole or not at all. It is
opened from the first-start window (``app.gui.shell.launch``) and from File → Set up my
cooperative (``open_setup``), always into the cooperative's own file
(``<data dir>/regie.db``), never over an existing one; Régie then reopens on it.
"""

from __future__ import annotations

import contextlib
import html
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget, QWizard, QWizardPage

from app.core import paths, settings
from app.core.errors import DomainError
from app.core.money import to_cents
from app.gui.shell import setup_wizard_pages as pages
from app.gui.shell.setup_wizard_fields import contact_page, legal_page
from app.gui.shell.setup_wizard_pages import decimal_text
from app.gui.shell.widgets import format_amount
from app.i18n import message
from invoicing import setup

tr = QCoreApplication.translate


class Runner(Protocol):
    """Runs work off the GUI thread (``ThreadRunner``; ``SyncRunner`` in tests)."""

    def submit(self, work: Any, done: Any, failed: Any) -> None: ...


class SummaryPage(QWizardPage):
    """Everything once more, the problems the domain still sees, and Create."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(tr("SetupWizard", "Ready to create"))
        self.setSubTitle(
            tr(
                "SetupWizard",
                "Check what Régie will write, then Create. The database is made whole or "
                "not at all; everything can be changed later in the settings.",
            )
        )
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.problems = QLabel(self)
        self.problems.setObjectName("summary-problems")
        self.problems.setWordWrap(True)
        from app.gui.shell import style

        style.set_role(self.problems, "error")
        layout.addWidget(self.problems)
        layout.addStretch(1)
        self.busy = False

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        chosen = self._wizard.setup_value()
        self.text.setText(summary_html(chosen, self._wizard.target))
        self.say("\n".join(message(err) for err in setup.check(chosen)))

    def say(self, problems: str) -> None:
        self.problems.setText(problems)
        self.problems.setVisible(bool(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return not self.busy and not self.problems.text()


def summary_html(chosen: setup.SetUp, target: Path | str) -> str:
    """What the set-up will write, as a short list a person checks at a glance."""
    who = chosen.identity
    vat = (
        tr("SetupWizard", "franchise en base (art. 293 B du CGI)")
        if chosen.vat_regime == settings.VAT_FRANCHISE
        else tr("SetupWizard", "charged, {rate} % by default").format(rate=chosen.vat_rate)
    )
    season = (
        tr("SetupWizard", "the calendar year")
        if chosen.membership_year_start == "01-01"
        else tr("SetupWizard", "from {day} each year").format(
            day="/".join(reversed(chosen.membership_year_start.split("-")))
        )
    )
    given = [  # every identity field typed, none left out (an empty optional one: "—")
        (tr("SetupWizard", "Cooperative"), f"{who.name} — {who.legal_form}"),
        (tr("SetupWizard", "Share capital"), _money_text(who.capital)),
        (tr("SetupWizard", "Address"), f"{who.address}, {who.postcode} {who.city}"),
        (tr("SetupWizard", "SIRET"), who.siret),
        (tr("SetupWizard", "SIREN"), who.siren or who.siret[:9]),
        (tr("SetupWizard", "RCS or RNA"), who.rcs),
        (tr("SetupWizard", "VAT number"), who.vat),
        (tr("SetupWizard", "IBAN"), who.iban),
        (tr("SetupWizard", "BIC"), who.bic),
        (tr("SetupWizard", "Email"), who.email),
        (tr("SetupWizard", "Phone"), who.phone),
    ]
    rows = [(label, value or "—") for label, value in given] + [
        (tr("SetupWizard", "Logo"), tr("SetupWizard", "yes") if chosen.logo else "—"),
        (tr("SetupWizard", "VAT"), vat),
        (
            tr("SetupWizard", "Numbers"),
            f"{chosen.invoice_prefix}-…, {chosen.credit_prefix}-…; "
            + tr("SetupWizard", "payment within {days} days").format(days=chosen.payment_days),
        ),
        (
            tr("SetupWizard", "Day coefficients"),
            "; ".join(f"{days} → {decimal_text(value)}" for days, value in chosen.coefficients),
        ),
        (tr("SetupWizard", "Membership year"), season),
        (
            tr("SetupWizard", "Administrator"),
            chosen.admin_name
            + (
                tr("SetupWizard", " (with a password)")
                if chosen.admin_password
                else tr("SetupWizard", " (no password yet)")
            ),
        ),
        (tr("SetupWizard", "Database"), _where(target)),
    ]
    lines = "".join(
        f"<tr><td><b>{html.escape(label)}</b>&nbsp;&nbsp;</td><td>{html.escape(value)}</td></tr>"
        for label, value in rows
    )
    return f"<table>{lines}</table>"


def _money_text(amount: str) -> str:
    """A share capital as the interface's language writes it ("18 500,00 €" in French)."""
    if not amount:
        return ""
    try:
        return format_amount(to_cents(Decimal(amount)))
    except ArithmeticError:
        return amount


def _where(target: Path | str) -> str:
    return str(target) if isinstance(target, Path) else paths.display_url(target)


class SetupWizard(QWizard):
    """The assistant. ``created(target)`` once the cooperative's database exists."""

    created = Signal(object)

    def __init__(
        self, target: Path | str, runner: Runner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.target = target
        if runner is None:
            from app.gui.shell.operations import ThreadRunner

            runner = ThreadRunner(self)
        self.runner = runner
        self.setObjectName("setup-wizard")
        self.setWindowTitle(tr("SetupWizard", "Set up my cooperative — Régie"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in (  # Régie's own words, so that no field's Alt key clashes
            (QWizard.WizardButton.BackButton, tr("SetupWizard", "< &Back")),
            (QWizard.WizardButton.NextButton, tr("SetupWizard", "&Next >")),
            (QWizard.WizardButton.CancelButton, tr("SetupWizard", "Cancel")),
            (QWizard.WizardButton.FinishButton, tr("SetupWizard", "C&reate")),
        ):
            self.setButtonText(button, text)
        self.legal = legal_page(self.identity)
        self.contact = contact_page(self.identity)
        self.logo = pages.LogoPage()
        self.vat = pages.VatPage(lambda: self.legal.fields["vat"].text())
        self.numbering = pages.NumberingPage()
        self.rates = pages.RatesPage()
        self.membership = pages.MembershipPage()
        self.admin = pages.AdminPage()
        self.summary = SummaryPage(self)
        for page in (
            self.legal,
            self.contact,
            self.logo,
            self.vat,
            self.numbering,
            self.rates,
            self.membership,
            self.admin,
            self.summary,
        ):
            self.addPage(page)
        self.error = ""
        self._quiet = self._quiet_keys()
        self.currentIdChanged.connect(lambda _id: self._update_quiet())
        for page_id in self.pageIds():
            self.page(page_id).completeChanged.connect(self._update_quiet)
        from app.gui.shell import help_window

        help_window.add_f1(self, "setup")

    def _quiet_keys(self) -> dict[QWizard.WizardButton, QShortcut]:
        """Alt+N while Next waits (a field is wrong) must not type an "n" into the field
        (Qt types an Alt+letter no shortcut takes): these take it, doing nothing."""
        found = {}
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            quiet = QShortcut(QKeySequence.mnemonic(self.buttonText(which)), self)
            quiet.setContext(Qt.ShortcutContext.WindowShortcut)
            found[which] = quiet
        return found

    def _update_quiet(self) -> None:
        page = self.currentPage()
        complete = page is not None and page.isComplete()
        final = page is self.summary
        self._quiet[QWizard.WizardButton.NextButton].setEnabled(final or not complete)
        self._quiet[QWizard.WizardButton.FinishButton].setEnabled(not (final and complete))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(920, 640)  # fits 1366x768 with a panel

    # -- what was typed

    def identity(self) -> setup.Identity:
        values = {**self.legal.values(), **self.contact.values()}
        return setup.Identity(**values)

    def setup_value(self) -> setup.SetUp:
        return setup.SetUp(
            identity=self.identity(),
            logo=self.logo.logo,
            vat_regime=self.vat.regime(),
            vat_rate=self.vat.rate_text() or "0",
            invoice_prefix=self.numbering.invoice.text().strip().upper(),
            credit_prefix=self.numbering.credit.text().strip().upper(),
            payment_days=self.numbering.days.value(),
            coefficients=self.rates.steps(),
            membership_year_start=self.membership.year_start(),
            admin_name=self.admin.name.text().strip(),
            admin_password=self.admin.password.text(),
        )

    def credentials(self) -> tuple[str, str] | None:
        """The first administrator's name and password (None without a password: Régie
        then opens as that administrator by itself), to log in once the database exists."""
        password = self.admin.password.text()
        return (self.admin.name.text().strip(), password) if password else None

    # -- Create

    def accept(self) -> None:
        """Create, off the GUI thread; the assistant closes once the database exists."""
        if self.summary.busy:
            return
        chosen = self.setup_value()
        target = self.target
        self._busy(True)
        self.summary.say("")
        self.summary.text.setText(
            self.summary.text.text()
            + "<p>"
            + html.escape(tr("SetupWizard", "Creating the database…"))
            + "</p>"
        )

        def work() -> Path | str:
            setup.create_cooperative(target, chosen).dispose()
            return target

        self.runner.submit(work, self._created, self._refused)

    def _busy(self, busy: bool) -> None:
        """While the database is being created, nothing else can be pressed."""
        self.summary.busy = busy
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)

    def reject(self) -> None:
        if not self.summary.busy:  # Escape while creating: the database comes whole
            super().reject()

    def _created(self, target: Path | str) -> None:
        self._busy(False)
        super().accept()
        self.created.emit(target)

    def _refused(self, err: DomainError) -> None:
        self._busy(False)
        self.error = message(err)
        self.summary.initializePage()
        self.summary.say(self.error)


def own_database() -> Path:
    """Where a cooperative's own data lives (the demo is ``demo.db`` beside it)."""
    return paths.default_db_path()


def open_setup(window: Any) -> QWidget:
    """File → Set up my cooperative (from the demo or anywhere): the assistant into the
    cooperative's own file; then Régie reopens on it (``launch.reopen``) and offers to
    import data. When that file exists already: from the demo, "Open my cooperative" is
    offered; elsewhere a sentence says where it is."""
    from app.bootstrap import set_aside_old_demo

    target = own_database()
    # an older Régie's demo in regie.db moves to demo.db (still in use on Windows: then
    # regie.db is said to exist below)
    with contextlib.suppress(OSError):
        set_aside_old_demo()
    if target.exists() and getattr(window, "demo_database", False):
        from app.gui.shell import demo_switch  # from the demo: go to one's own data

        return demo_switch.offer_own(window, target)
    if target.exists():
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("SetupWizard", "Set up my cooperative — Régie"),
            tr(
                "SetupWizard",
                "Your cooperative is set up already: its database is {path}. Régie opens it "
                "when it starts (choose another database in Settings → Database).",
            ).format(path=target),
            QMessageBox.StandardButton.Ok,
            window,
        )
        window.dialog = box
        box.open()
        return box
    wizard = SetupWizard(target, parent=window)

    def created(path: object) -> None:
        from app.gui.shell import launch

        launch.reopen(window, Path(str(path)), wizard.credentials())

    wizard.created.connect(created)
    window.dialog = wizard
    wizard.open()
    return wizard


def offer_import(window: Any) -> QMessageBox:
    """After the set-up, on the main window: import the cooperative's data now?"""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("SetupWizard", "Your cooperative is set up — Régie"),
        tr(
            "SetupWizard",
            "Your cooperative is set up. Import your customers, catalogue, rates and unpaid "
            "invoices from your spreadsheets now? (File → Import data, later.)",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setObjectName("offer-import")
    from PySide6.QtGui import QIcon

    from app.gui.shell import icons

    yes, later = (
        box.button(QMessageBox.StandardButton.Yes),
        box.button(QMessageBox.StandardButton.No),
    )
    yes.setText(tr("SetupWizard", "&Import now"))
    yes.setIcon(icons.icon("import"))
    later.setText(tr("SetupWizard", "&Later"))
    later.setIcon(QIcon())

    def answered(_result: int) -> None:
        if box.clickedButton() is yes:
            from app.gui.shell import import_wizard

            import_wizard.open_import(window)

    box.finished.connect(answered)
    window.dialog = box
    box.open()
    return box
