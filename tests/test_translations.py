"""French first: every string people see has a French translation, and it is used."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))
import translations  # noqa: E402

FIELD = re.compile(r"\{[^{}]*\}")


def test_every_translatable_string_has_french_in_the_catalogue():
    known = translations.read_ts()
    missing = [key for key in translations.extract() if key not in known]
    assert missing == [], "run: python3 installer/translations.py (then translate)"


def test_translations_keep_the_same_fields():
    for (context, english), french in translations.read_ts().items():
        assert sorted(FIELD.findall(english)) == sorted(FIELD.findall(french)), (context, english)
        assert english.count("%1") == french.count("%1"), (context, english)


@pytest.fixture
def french(qapp):
    from app import i18n

    yield i18n.install("fr")
    i18n.install("en")


def test_french_catalogue_compiles_and_translates(french):
    from app import i18n
    from app.core.errors import NotFound, ValidationError

    assert french == "fr"
    assert i18n.tr("messages", "In repair") == "En réparation"
    err = NotFound("No unit has the barcode {code}.", code="LUM-00042")
    assert i18n.message(err) == "Aucune unité n’a le code-barres LUM-00042."
    field_err = ValidationError(
        "serial number", "The {field} cannot be empty.", field="serial number"
    )
    assert i18n.message(field_err) == "Le champ « numéro de série » ne peut pas être vide."


def test_french_locale_formats_dates_and_amounts(french):
    import datetime as dt

    from app.gui.widgets import format_amount, format_date

    assert format_date(dt.date(2026, 11, 25)) == "25/11/2026"
    assert format_amount(123456).replace("\u202f", " ").replace("\xa0", " ") == "1 234,56 €"


def test_qt_standard_buttons_are_french_too(french):
    """Save/Cancel of every form come from Qt's own catalogue, loaded with ours."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Enregistrer", "Annuler"}
