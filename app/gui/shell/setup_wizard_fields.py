"""The assistant's fields checked as they are typed, and its two identity pages.

Each field asks the domain (``invoicing.setup.check_field``, the same rules as ``regie
init``) at every keystroke: a wrong value is outlined, its sentence shown under it, and the
page's Next stays disabled while a field is wrong or a required one is empty. A required
field left empty says so only once it was touched (an empty form is not shouted at).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.core.errors import ValidationError
from app.gui.shell import style
from app.i18n import message
from invoicing import setup

tr = QCoreApplication.translate

#: Legal forms offered (any other may be typed).
LEGAL_FORMS = (
    "SCIC SAS à capital variable",
    "SCIC SARL à capital variable",
    "SCIC SA à capital variable",
    "SCOP SARL à capital variable",
    "SCOP SA à capital variable",
    "Association loi 1901",
    "SAS",
    "SARL",
)

#: Fields checked against one another (the SIRET, the VAT key and the RCS against the SIREN,
#: the SIREN taken from the SIRET when none is typed): each change re-checks the others.
LINKED = ("siren", "siret", "vat", "rcs")


class CheckedField(QWidget):
    """A line edit with the sentence of its problem under it. ``problem`` is "" when the
    value is accepted; ``changed`` is emitted at each keystroke once checked."""

    changed = Signal()

    def __init__(
        self,
        key: str,
        check: Callable[[str], str],
        *,
        required: bool = False,
        combo: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.required = required
        self._check = check
        self.problem = ""
        self.touched = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.edit = QLineEdit(self)
        self.combo: QComboBox | None = None
        if combo:
            self.combo = QComboBox(self)
            self.combo.setEditable(True)
            self.combo.setLineEdit(self.edit)
            self.combo.addItems(combo)
            self.combo.setCurrentIndex(-1)
            column.addWidget(self.combo)
        else:
            column.addWidget(self.edit)
        self.edit.setObjectName(key)
        self.note = QLabel(self)
        self.note.setObjectName(f"{key}-problem")
        self.note.setWordWrap(True)
        style.set_role(self.note, "error")
        self.note.hide()
        column.addWidget(self.note)
        self.edit.textEdited.connect(self._typed)
        self.edit.textChanged.connect(lambda _text: self.recheck())

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, value: str) -> None:
        self.edit.setText(value)

    def focus_target(self) -> QWidget:
        return self.combo if self.combo is not None else self.edit

    def _typed(self, _text: str) -> None:
        self.touched = True
        self.recheck()

    def recheck(self) -> None:
        """Ask the domain again (also when a field this one depends on changed)."""
        try:
            self._check(self.edit.text())
            self.problem = ""
        except ValidationError as err:
            self.problem = message(err)
        empty = not self.edit.text().strip()
        shown = self.problem if (self.touched or not empty) else ""
        self.note.setText(shown)
        self.note.setVisible(bool(shown))
        self.edit.setProperty("invalid", bool(shown))
        self.edit.setAccessibleDescription(shown)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        self.changed.emit()


class IdentityPage(QWizardPage):
    """A page of identity fields, in two columns; complete when every field is accepted."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        rows: list[tuple[str, str]],
        identity: Callable[[], setup.Identity],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.fields: dict[str, CheckedField] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(style.SPACE.xl)
        forms = [QFormLayout(), QFormLayout()]
        for form in forms:
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        half = (len(rows) + 1) // 2
        for index, (key, label) in enumerate(rows):
            required = key in setup.REQUIRED
            field = CheckedField(
                key,
                partial(_check, key, identity),
                required=required,
                combo=LEGAL_FORMS if key == "legal_form" else (),
                parent=self,
            )
            field.changed.connect(self.completeChanged)
            shown = QLabel(label + (" *" if required else ""), self)
            shown.setBuddy(field.focus_target())
            forms[0 if index < half else 1].addRow(shown, field)
            self.fields[key] = field
        for key in LINKED:  # a field checked against another is checked again when it changes
            if key in self.fields:
                self.fields[key].edit.textChanged.connect(partial(self._linked_changed, key))
        grid.addLayout(forms[0], 0, 0)
        grid.addLayout(forms[1], 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        legend = QLabel(tr("SetupWizard", "* required"), self)
        style.set_role(legend, "muted")
        grid.addWidget(legend, 1, 0, 1, 2)
        grid.setRowStretch(2, 1)

    def _linked_changed(self, key: str, _text: str) -> None:
        for other in LINKED:
            if other != key and other in self.fields:
                self.fields[other].recheck()

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        for field in self.fields.values():
            field.recheck()  # the SIREN of the other page may have changed
        first = next(iter(self.fields.values()), None)
        if first is not None:  # typing goes to the page's first field at once
            first.focus_target().setFocus()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return all(not field.problem for field in self.fields.values())

    def values(self) -> dict[str, str]:
        return {key: field.text() for key, field in self.fields.items()}


def _check(key: str, identity: Callable[[], setup.Identity], text: str) -> str:
    return setup.check_field(key, text, identity())


def legal_page(identity: Callable[[], setup.Identity]) -> IdentityPage:
    return IdentityPage(
        tr("SetupWizard", "Your cooperative"),
        tr(
            "SetupWizard",
            "Its legal identity, printed on every quote, invoice and credit note. Each "
            "number is checked as you type it.",
        ),
        [
            ("name", tr("SetupWizard", "Na&me:")),
            ("legal_form", tr("SetupWizard", "&Legal form:")),
            ("capital", tr("SetupWizard", "Share &capital (€):")),
            ("siret", tr("SetupWizard", "SIRE&T:")),
            ("siren", tr("SetupWizard", "S&IREN:")),
            ("rcs", tr("SetupWizard", "RCS or RN&A:")),
            ("vat", tr("SetupWizard", "&VAT number:")),
        ],
        identity,
    )


def contact_page(identity: Callable[[], setup.Identity]) -> IdentityPage:
    page = IdentityPage(
        tr("SetupWizard", "Address and bank"),
        tr(
            "SetupWizard",
            "Where the cooperative is, how customers reach it and the account they pay into "
            "(printed on invoices with the payment terms).",
        ),
        [
            ("address", tr("SetupWizard", "&Street:")),
            ("postcode", tr("SetupWizard", "&Postcode:")),
            ("city", tr("SetupWizard", "&Town:")),
            ("email", tr("SetupWizard", "&Email:")),
            ("phone", tr("SetupWizard", "P&hone:")),
            ("iban", tr("SetupWizard", "&IBAN:")),
            ("bic", tr("SetupWizard", "BI&C:")),
        ],
        identity,
    )
    return page
