"""The cooperative's legal identity, printed on every invoice (INVOICING-FR.md §1.2): name,
legal form and capital, address, SIREN, SIRET, RCS, VAT number, IBAN, BIC, email, phone.

Every field is checked by ``invoicing.setup`` (the checks of the first-start assistant and
``regie init``: SIREN and SIRET Luhn keys, the VAT number's key against the SIREN, IBAN check
digits, BIC, RCS or RNA, capital as an amount, email, phone) before anything is written; a
wrong one is highlighted with its message and nothing is saved. Numbers are stored compact.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.core import settings
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from inventory import fields
from invoicing import setup

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


#: The form's field names (what ``FormDialog`` highlights) by ``invoicing.setup`` key.
FORM_FIELD = {
    "name": "cooperative name",
    "legal_form": "legal form",
    "capital": "share capital",
    "siren": "SIREN",
    "siret": "SIRET",
    "rcs": "RCS",
    "vat": "VAT number",
    "iban": "IBAN",
    "bic": "BIC",
    "email": "email",
    "phone": "phone",
}
#: The setting each checked field is stored in.
SETTING = {key: setup.SETTING_OF[key] for key in FORM_FIELD}


def _checked(key: str, raw: dict[str, str], identity: setup.Identity) -> str:
    """One field checked by ``invoicing.setup`` (the same checks as the first-start
    assistant and ``regie init``); empty stays empty here, except the name: an identity is
    completed over time."""
    value = raw.get(SETTING[key], "")
    if not value.strip() and key != "name":
        return ""
    try:
        return setup.check_field(key, value, identity)
    except ValidationError as err:
        raise ValidationError(FORM_FIELD[key], err.template, **err.params) from None


def parse_identity(raw: dict[str, str]) -> dict[str, str]:
    """Checked and normalised values by setting key; ValidationError names the field."""
    identity = setup.Identity(**{key: raw.get(SETTING[key], "") for key in FORM_FIELD})
    values = {SETTING[key]: _checked(key, raw, identity) for key in FORM_FIELD}
    if not values[settings.SIREN]:
        values[settings.SIREN] = values[settings.SIRET][:9]
    values[settings.ADDRESS] = fields.text(
        "address", raw.get(settings.ADDRESS, ""), limit=fields.MAX_NOTES
    )
    return {key: values[key] for key in KEYS}


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
