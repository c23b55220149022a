"""A customer created or edited in a dialog of two grouped columns (who it is, how to reach
it), checked by ``customers.parse_customer`` (country, SIREN/SIRET, VAT number, e-mail,
name); a bad field is highlighted with the reason and nothing is written. The country is
chosen by its French name (type a few letters to find it); a public buyer (Chorus Pro)
has a service code, a commune is one by default, a person has no business identifiers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.gui.bookings.booking_models import customer_category_label
from app.gui.catalogue.editors import Action, FormDialog
from app.gui.shell import style
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations
from app.gui.shell.widgets import FormFields
from booking import countries, customers
from booking.models import CustomerCategory, CustomerKind

tr = QCoreApplication.translate

#: Fields a customer's kind may disable (a person's identifiers, a service code without
#: public buyer): saved empty while disabled.
EMPTY_WHEN_DISABLED = frozenset({"siret", "siren", "vat_number", "public_buyer", "service_code"})


def kind_label(value: str) -> str:
    if value == CustomerKind.PERSON:
        return tr("CustomerDialog", "Person")
    return tr("CustomerDialog", "Organisation")


def _text(widget: QWidget) -> str:
    if isinstance(widget, CountryCombo):
        return widget.code()
    if isinstance(widget, QCheckBox):
        return "1" if widget.isChecked() else ""
    if isinstance(widget, QComboBox):
        return str(widget.currentData())
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


class CountryCombo(QComboBox):
    """Every country by its French name, code in brackets; typing finds it by any part of
    its name or its code."""

    def __init__(self, code: str = "FR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for value, name in sorted(countries.COUNTRIES.items(), key=lambda kv: kv[1].casefold()):
            self.addItem(f"{name} ({value})", value)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.set_code(code)

    def set_code(self, code: str) -> None:
        index = self.findData((code or "FR").upper())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)

    def code(self) -> str:
        """The chosen country's code; what was typed when it names no country (the domain
        then refuses it)."""
        typed = self.currentText().strip()
        index = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index))
        for i in range(self.count()):
            if str(self.itemData(i)).casefold() == typed.casefold():
                return str(self.itemData(i))
            if self.itemText(i).split(" (")[0].casefold() == typed.casefold():
                return str(self.itemData(i))
        return typed


class CustomerDialog(FormDialog):
    """New or existing customer."""

    changes = Change.CUSTOMERS

    def __init__(
        self,
        ops: Operations,
        parent: QWidget | None = None,
        customer_id: int | None = None,
        raw: dict[str, str] | None = None,
    ) -> None:
        super().__init__(ops, parent)
        self.customer_id = customer_id
        self.raw_in = raw or {}
        # wide enough for the identity column's placeholders, never wider than the screen
        self.setMinimumWidth(min(880, self.screen().availableGeometry().width() - 16))
        self.setWindowTitle(
            tr("CustomerDialog", "Edit customer")
            if customer_id is not None
            else tr("CustomerDialog", "New customer")
        )
        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(style.SPACE.l)
        identity = self._group(row, tr("CustomerDialog", "Who"))
        reach = self._group(row, tr("CustomerDialog", "Address and contact"))
        self.form.addRow(columns)
        self._identity_fields(identity)
        self._contact_fields(reach)
        self.notes = QPlainTextEdit(self.raw_in.get("notes", ""))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.fields.add(tr("CustomerDialog", "Notes:"), "notes", self.notes)
        self.widgets: dict[str, QWidget] = {
            "name": self.name,
            "kind": self.kind,
            "category": self.category,
            "number": self.number,
            "email": self.email,
            "phone": self.phone,
            "address": self.address,
            "postcode": self.postcode,
            "city": self.city,
            "country": self.country,
            "siret": self.siret,
            "siren": self.siren,
            "vat_number": self.vat,
            "public_buyer": self.public_buyer,
            "service_code": self.service_code,
            "notes": self.notes,
        }
        self.finish()

    def _group(self, row: QHBoxLayout, title: str) -> FormFields:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        row.addWidget(box, 1)
        fields = FormFields(form, self.message)
        # one message label and one set of named fields for the whole dialog
        fields.widgets = self.fields.widgets
        fields.errors = self.fields.errors
        return fields

    def _line(self, fields: FormFields, label: str, name: str, key: str) -> QLineEdit:
        edit = QLineEdit(self.raw_in.get(key, ""))
        fields.add(label, name, edit)
        return edit

    def _combo(
        self, fields: FormFields, label: str, name: str, choices: list[tuple[str, str]]
    ) -> QComboBox:
        combo = QComboBox()
        for text, value in choices:
            combo.addItem(text, value)
        fields.add(label, name, combo)
        return combo

    def _identity_fields(self, fields: FormFields) -> None:
        raw = self.raw_in
        self.name = self._line(fields, tr("CustomerDialog", "&Name:"), "name", "name")
        self.kind = self._combo(
            fields,
            tr("CustomerDialog", "&Kind:"),
            "kind",
            [(kind_label(k.value), k.value) for k in CustomerKind],
        )
        self.kind.setCurrentIndex(max(0, self.kind.findData(raw.get("kind", "organisation"))))
        self.category = self._combo(
            fields,
            tr("CustomerDialog", "C&ategory:"),
            "category",
            [(customer_category_label(c.value), c.value) for c in CustomerCategory],
        )
        self.category.setCurrentIndex(
            max(0, self.category.findData(raw.get("category", "association")))
        )
        self.number = self._line(
            fields, tr("CustomerDialog", "Customer n&umber:"), "customer number", "number"
        )
        self.number.setPlaceholderText(tr("CustomerDialog", "Given when left empty"))
        self.siret = self._line(fields, tr("CustomerDialog", "&SIRET:"), "SIRET", "siret")
        self.siret.setPlaceholderText(tr("CustomerDialog", "14 digits; the SIREN follows from it"))
        self.siren = self._line(fields, tr("CustomerDialog", "SI&REN:"), "SIREN", "siren")
        self.vat = self._line(
            fields, tr("CustomerDialog", "&VAT number:"), "VAT number", "vat_number"
        )
        self.vat.setPlaceholderText(tr("CustomerDialog", "e.g. BE0403019261"))
        self.public_buyer = QCheckBox(tr("CustomerDialog", "Public &buyer (Chorus Pro)"))
        self.public_buyer.setChecked(bool(raw.get("public_buyer", "")))
        fields.add("", "public buyer", self.public_buyer)
        self.service_code = self._line(
            fields, tr("CustomerDialog", "Serv&ice code:"), "service code", "service_code"
        )
        self.service_code.setPlaceholderText(tr("CustomerDialog", "Chorus Pro code, if any"))
        self._ticked_for_commune = False
        self.public_buyer.toggled.connect(self._follow_kind)
        self.public_buyer.clicked.connect(self._user_ticked)
        self.kind.currentIndexChanged.connect(self._follow_kind)
        self.category.currentIndexChanged.connect(self._category_chosen)
        self._follow_kind()

    def _individual(self) -> bool:
        return (
            self.kind.currentData() == CustomerKind.PERSON
            or self.category.currentData() == CustomerCategory.INDIVIDUAL
        )

    def _category_chosen(self) -> None:
        """A commune is a public buyer by default (the user may untick it); passing over
        Commune to another category takes back the tick it gave."""
        if self.category.currentData() == CustomerCategory.COMMUNE:
            if not self.public_buyer.isChecked():
                self.public_buyer.setChecked(True)
                self._ticked_for_commune = True
        elif self._ticked_for_commune:
            self.public_buyer.setChecked(False)
            self._ticked_for_commune = False
        self._follow_kind()

    def _user_ticked(self) -> None:
        self._ticked_for_commune = False

    def _follow_kind(self) -> None:
        """A person has no SIRET, SIREN, VAT number and is no public buyer; only a public
        buyer has a service code. Disabled fields are saved empty."""
        business = not self._individual()
        for widget in (self.siret, self.siren, self.vat, self.public_buyer):
            widget.setEnabled(business)
        self.service_code.setEnabled(business and self.public_buyer.isChecked())

    def _contact_fields(self, fields: FormFields) -> None:
        self.email = self._line(fields, tr("CustomerDialog", "&E-mail:"), "email", "email")
        self.phone = self._line(fields, tr("CustomerDialog", "&Phone:"), "phone", "phone")
        self.address = QPlainTextEdit(self.raw_in.get("address", ""))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(54)
        fields.add(tr("CustomerDialog", "A&ddress:"), "address", self.address)
        self.postcode = self._line(
            fields, tr("CustomerDialog", "P&ostcode:"), "postcode", "postcode"
        )
        self.city = self._line(fields, tr("CustomerDialog", "&City:"), "city", "city")
        self.country = CountryCombo(self.raw_in.get("country", "") or "FR")
        fields.add(tr("CustomerDialog", "Coun&try:"), "country", self.country)

    def raw(self) -> dict[str, str]:
        """The form as ``customers.parse_customer`` reads it (``CUSTOMER_FIELDS``)."""
        return {
            key: _text(widget) if widget.isEnabled() or key not in EMPTY_WHEN_DISABLED else ""
            for key, widget in ((k, self.widgets[k]) for k in customers.CUSTOMER_FIELDS)
        }

    def action(self) -> Action:
        data = customers.parse_customer(self.raw())
        user, customer_id = self.ops.user, self.customer_id
        return lambda uow: (
            customers.save_customer(uow, user=user, data=data, customer_id=customer_id).id
        )
