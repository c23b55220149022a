"""The cooperative's legal identity, printed on every invoice (INVOICING-FR.md §1.2): name,
legal form and capital, address, SIREN, SIRET, RCS, VAT number, IBAN, BIC, email, phone.

SIREN and SIRET (Luhn), the VAT number and the IBAN (check digits) and the BIC (format) are
checked with python-stdnum before anything is written; a wrong one is highlighted with its
message and nothing is saved. Numbers are stored compact (no spaces).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget
from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.eu import vat as std_vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from app.core import settings
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from inventory import fields

tr = QCoreApplication.translate

#: The settings this dialog edits, in the order of the form.
KEYS = (
    settings.COOPERATIVE_NAME,
    settings.LEGAL_FORM,
    settings.CAPITAL,
    settings.ADDRESS,
    settings.SIREN,
    settings.SIRET,
    settings.RCS,
    settings.VAT,
    settings.IBAN,
    settings.BIC,
    settings.EMAIL,
    settings.PHONE,
)


def read_identity(uow: UnitOfWork) -> dict[str, str]:
    return {key: settings.get_setting(uow, key) for key in KEYS}


def check_siren(value: str) -> str:
    if not value:
        return ""
    try:
        return std_siren.validate(value)
    except StdnumError:
        raise ValidationError(
            "SIREN", "{value} is not a valid SIREN (nine digits, checked).", value=value
        ) from None


def check_siret(value: str, siren: str) -> str:
    if not value:
        return ""
    try:
        compact = std_siret.validate(value)
    except StdnumError:
        raise ValidationError(
            "SIRET", "{value} is not a valid SIRET (fourteen digits, checked).", value=value
        ) from None
    if siren and compact[:9] != siren:
        raise ValidationError(
            "SIRET",
            "The SIRET {value} does not start with the SIREN {siren}.",
            value=value,
            siren=siren,
        )
    return compact


def check_vat(value: str) -> str:
    if not value:
        return ""
    try:
        return std_vat.validate(value)
    except StdnumError:
        raise ValidationError(
            "VAT number",
            "{value} is not a valid VAT number (FR and 11 characters for France).",
            value=value,
        ) from None


def check_iban(value: str) -> str:
    if not value:
        return ""
    try:
        return std_iban.validate(value)
    except StdnumError:
        raise ValidationError(
            "IBAN", "{value} is not a valid IBAN (its check digits do not match).", value=value
        ) from None


def check_bic(value: str) -> str:
    if not value:
        return ""
    try:
        return std_bic.validate(value)
    except StdnumError:
        raise ValidationError(
            "BIC", "{value} is not a valid BIC (8 or 11 letters and digits).", value=value
        ) from None


def parse_identity(raw: dict[str, str]) -> dict[str, str]:
    """Checked and normalised values by setting key; ValidationError names the field."""
    siren = check_siren(raw.get(settings.SIREN, ""))
    siret = check_siret(raw.get(settings.SIRET, ""), siren)
    return {
        settings.COOPERATIVE_NAME: fields.text(
            "cooperative name", raw.get(settings.COOPERATIVE_NAME, ""), required=True
        ),
        settings.LEGAL_FORM: fields.text("legal form", raw.get(settings.LEGAL_FORM, "")),
        settings.CAPITAL: fields.text("share capital", raw.get(settings.CAPITAL, "")),
        settings.ADDRESS: fields.text(
            "address", raw.get(settings.ADDRESS, ""), limit=fields.MAX_NOTES
        ),
        settings.SIREN: siren or siret[:9],
        settings.SIRET: siret,
        settings.RCS: fields.text("RCS", raw.get(settings.RCS, "")),
        settings.VAT: check_vat(raw.get(settings.VAT, "")),
        settings.IBAN: check_iban(raw.get(settings.IBAN, "")),
        settings.BIC: check_bic(raw.get(settings.BIC, "")),
        settings.EMAIL: fields.text("email", raw.get(settings.EMAIL, "")),
        settings.PHONE: fields.text("phone", raw.get(settings.PHONE, "")),
    }


class IdentityDialog(FormDialog):
    """Edit the cooperative's legal identity (shared by everyone, in the database)."""

    changes = Change.SETTINGS

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, values: dict[str, str] | None = None
    ) -> None:
        super().__init__(ops, parent)
        values = values or {}
        self.setWindowTitle(tr("IdentityDialog", "The cooperative's legal identity"))
        self.setMinimumWidth(560)
        heading = QLabel(tr("IdentityDialog", "The cooperative's legal identity"))
        style.set_role(heading, "title")
        intro = QLabel(
            tr(
                "IdentityDialog",
                "Printed on every quote, invoice and credit note. Invoices cannot be issued "
                "while a mandatory mention is missing.",
            )
        )
        intro.setWordWrap(True)
        style.set_role(intro, "muted")
        self.layout_.insertWidget(0, heading)
        self.layout_.insertWidget(1, intro)
        get = values.get
        who = self.section(tr("IdentityDialog", "The cooperative"), 0, 0)
        self.name = self.line(
            tr("IdentityDialog", "&Name:"),
            "cooperative name",
            get(settings.COOPERATIVE_NAME, ""),
            who,
        )
        self.legal_form = self.line(
            tr("IdentityDialog", "&Legal form:"), "legal form", get(settings.LEGAL_FORM, ""), who
        )
        self.legal_form.setPlaceholderText(tr("IdentityDialog", "e.g. SCIC SAS à capital variable"))
        self.capital = self.line(
            tr("IdentityDialog", "Share &capital:"), "share capital", get(settings.CAPITAL, ""), who
        )
        self.capital.setPlaceholderText(tr("IdentityDialog", "e.g. 18500.00"))
        self.address = QPlainTextEdit(get(settings.ADDRESS, ""))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(74)
        self.address.setPlaceholderText(
            tr("IdentityDialog", "Street on the first lines, the last line: 43000 Town")
        )
        who.add(tr("IdentityDialog", "&Address:"), "address", self.address)
        self.email = self.line(
            tr("IdentityDialog", "&Email:"), "email", get(settings.EMAIL, ""), who
        )
        self.phone = self.line(
            tr("IdentityDialog", "&Phone:"), "phone", get(settings.PHONE, ""), who
        )
        numbers = self.section(tr("IdentityDialog", "Registration and bank"), 0, 1)
        self.siren = self.line(
            tr("IdentityDialog", "SI&REN:"), "SIREN", get(settings.SIREN, ""), numbers
        )
        self.siret = self.line(
            tr("IdentityDialog", "SIRE&T:"), "SIRET", get(settings.SIRET, ""), numbers
        )
        self.rcs = self.line(tr("IdentityDialog", "RC&S:"), "RCS", get(settings.RCS, ""), numbers)
        self.rcs.setPlaceholderText(tr("IdentityDialog", "e.g. RCS Le Puy-en-Velay 932 817 455"))
        self.vat = self.line(
            tr("IdentityDialog", "&VAT number:"), "VAT number", get(settings.VAT, ""), numbers
        )
        self.iban = self.line(
            tr("IdentityDialog", "&IBAN:"), "IBAN", get(settings.IBAN, ""), numbers
        )
        self.bic = self.line(tr("IdentityDialog", "&BIC:"), "BIC", get(settings.BIC, ""), numbers)
        widest = self.iban.fontMetrics().horizontalAdvance("FR76 3000 6000 0112 3456 7890 189")
        for edit in (self.siren, self.siret, self.rcs, self.vat, self.iban, self.bic):
            edit.setMinimumWidth(widest + style.SPACE.l)  # an IBAN shows whole
        for edit in (self.name, self.legal_form, self.capital, self.email, self.phone):
            edit.setMinimumWidth(widest)
        for edit in self.findChildren(QLineEdit):
            edit.setCursorPosition(0)  # a long value shows its beginning
        self.finish()

    def raw(self) -> dict[str, str]:
        return {
            settings.COOPERATIVE_NAME: self.name.text(),
            settings.LEGAL_FORM: self.legal_form.text(),
            settings.CAPITAL: self.capital.text(),
            settings.ADDRESS: self.address.toPlainText(),
            settings.SIREN: self.siren.text(),
            settings.SIRET: self.siret.text(),
            settings.RCS: self.rcs.text(),
            settings.VAT: self.vat.text(),
            settings.IBAN: self.iban.text(),
            settings.BIC: self.bic.text(),
            settings.EMAIL: self.email.text(),
            settings.PHONE: self.phone.text(),
        }

    def action(self) -> Action:
        values = parse_identity(self.raw())

        def write(uow: UnitOfWork) -> dict[str, str]:
            settings.save_settings(uow, values)
            return values

        return write
