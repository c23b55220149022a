"""The cooperative's legal identity, printed on every invoice (INVOICING-FR.md §1.2): name,
legal form and capital, address, SIREN, SIRET, RCS, VAT number, IBAN, BIC, email, phone.

Every field is checked by ``invoicing.setup`` (the checks of the first-start assistant and
``regie init``: SIREN and SIRET Luhn keys, the VAT number's key against the SIREN, IBAN check
digits, BIC, RCS or RNA, capital as an amount, email, phone) as it is typed, as the
assistant does: every problem is shown under its field at once (the SIRET, VAT number and RCS
again whenever the SIREN or SIRET changes), a fixed one loses its message, and Save writes
nothing while one is left. Numbers are stored compact.

The logo (``cooperative.logo``) is shown, changed from a PNG or JPEG file (checked and
scaled by ``invoicing.setup.check_logo`` and stored whole as the assistant stores it,
``settings.logo_value``) or removed; it is written with the other fields, in one write.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.core import settings
from app.core.db import UnitOfWork
from app.core.errors import ValidationError
from app.core.storage import os_reason
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.shell import icons, style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import set_invalid
from app.i18n import message
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


def problems(raw: dict[str, str]) -> list[ValidationError]:
    """Every problem of the form, in form order (empty: it can be saved)."""
    identity = setup.Identity(**{key: raw.get(SETTING[key], "") for key in FORM_FIELD})
    found: list[ValidationError] = []
    for key in FORM_FIELD:
        try:
            _checked(key, raw, identity)
        except ValidationError as err:
            found.append(err)
    try:
        fields.text("address", raw.get(settings.ADDRESS, ""), limit=fields.MAX_NOTES)
    except ValidationError as err:
        found.append(err)
    return found


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
        self._logo_row(get(settings.LOGO, ""))
        for column in (0, 1):  # a section keeps its height when the other grows (messages)
            item = self.sections.itemAtPosition(0, column)
            section = item.widget() if item is not None else None
            if section is not None:
                self.sections.setAlignment(section, Qt.AlignmentFlag.AlignTop)
        self.touched: set[str] = set()
        self.shown: dict[str, str] = {}  # the message under each field, by form field name
        for name, widget in self.fields.widgets.items():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _t, n=name: self._typed(n))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda n=name: self._typed(n))
        self.validate()
        self.finish()

    # --- the logo ------------------------------------------------------------------------

    def _logo_row(self, value: str) -> None:
        box = self.section(tr("IdentityDialog", "Logo"), 1, 0, 2)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logo-preview")
        self.logo_preview.setFixedSize(200, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.logo_change = QPushButton(icons.icon("photo"), tr("IdentityDialog", "C&hange…"))
        self.logo_change.setAutoDefault(False)
        self.logo_change.setToolTip(
            tr("IdentityDialog", "A PNG or JPEG image, printed at the top of documents")
        )
        self.logo_change.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(icons.icon("delete"), tr("IdentityDialog", "Re&move"))
        self.logo_remove.setAutoDefault(False)
        self.logo_remove.setAccessibleName(tr("IdentityDialog", "Remove the logo"))
        self.logo_remove.clicked.connect(lambda: self.set_logo(""))
        row.addWidget(self.logo_preview)
        row.addWidget(self.logo_change)
        row.addWidget(self.logo_remove)
        row.addStretch(1)
        holder.setFocusProxy(self.logo_change)
        box.add(tr("IdentityDialog", "Lo&go:"), "logo", holder)
        self.logo_value = value
        self.logo_changed = False
        self._show_logo()

    def _show_logo(self) -> None:
        data = settings.logo_from(self.logo_value)
        picture = QPixmap()
        if data is not None and picture.loadFromData(data):
            self.logo_preview.setPixmap(
                picture.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(tr("IdentityDialog", "No logo"))
        self.logo_remove.setEnabled(bool(self.logo_value))

    def choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            tr("IdentityDialog", "The cooperative's logo"),
            str(Path.home()),
            tr("IdentityDialog", "Images (*.png *.jpg *.jpeg)"),
        )
        if name:
            self.load_logo(Path(name))

    def load_logo(self, path: Path) -> bool:
        """Take the image at ``path`` as the new logo (checked and scaled), or say why not."""
        try:
            data = path.read_bytes()
        except OSError as err:
            self._say_logo(
                tr("IdentityDialog", "{file} cannot be read ({reason}).").format(
                    file=path.name, reason=message(os_reason(err))
                )
            )
            return False
        try:
            png = setup.check_logo(data)
        except ValidationError as err:
            self._say_logo(message(err))
            return False
        self.set_logo(settings.logo_value(png))
        return True

    def set_logo(self, value: str) -> None:
        """The logo to save ("" removes it); shown at once, written with the other fields."""
        self.logo_value = value
        self.logo_changed = True
        self._say_logo("")
        self._show_logo()

    def _say_logo(self, text: str) -> None:
        label = self.fields.errors["logo"]
        label.setText(text)
        label.setVisible(bool(text))

    # --- checked as typed ------------------------------------------------------------------

    def _typed(self, name: str) -> None:
        self.touched.add(name)
        self.validate()

    def validate(self, everything: bool = False) -> list[ValidationError]:
        """Check every field now: each problem under its field (an empty required field
        only once touched, or with ``everything``), every fixed one cleared."""
        raw = self.raw()
        found = problems(raw)
        wrong: dict[str, str] = {}
        for err in found:
            widget = self.fields.widgets.get(err.field or "")
            empty = isinstance(widget, QLineEdit) and not widget.text().strip()
            if err.field and (everything or not empty or err.field in self.touched):
                wrong.setdefault(err.field, message(err))
        for name, label in self.fields.errors.items():
            if name == "logo":
                continue
            text = wrong.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))
            widget = self.fields.widgets[name]
            set_invalid(widget, bool(text))
            widget.setAccessibleDescription(text)
        if wrong.keys() != self.shown.keys() and self.isVisible():
            # a message takes lines more: the dialog grows to show them (once laid out)
            QTimer.singleShot(0, self._grow)
        self.shown = wrong
        return found

    def _grow(self) -> None:
        """As tall as the form now needs (within the screen: the form scrolls beyond)."""
        widget: QWidget | None = self.scroll_area.widget()
        while widget is not None:  # size hints are cached up to the dialog: recompute
            layout = widget.layout()
            if layout is not None:
                layout.invalidate()
                layout.activate()
            widget.updateGeometry()
            widget = None if widget is self else widget.parentWidget()
        self.resize(self.size().expandedTo(self.sizeHint()))

    def save(self) -> bool:
        found = self.validate(everything=True)
        if found:
            first = self.fields.widgets.get(found[0].field or "")
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return super().save()

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
        if self.logo_changed:
            values[settings.LOGO] = self.logo_value

        def write(uow: UnitOfWork) -> dict[str, str]:
            settings.save_settings(uow, values)
            return values

        return write
