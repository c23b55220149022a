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
        for form in french.split(translations.FORMS):  # each plural form has them all
            assert sorted(FIELD.findall(english)) == sorted(FIELD.findall(form)), (context, form)
            assert english.count("%1") == form.count("%1"), (context, english)


def test_plurals_are_written_with_their_forms_in_both_catalogues():
    numerus = translations.extract_numerus()
    assert ("CustomersScreen", "%Ln customer(s)") in numerus
    assert ("messages", "{count} problem(s) found; nothing was changed.") in numerus
    french = translations.read_ts()
    english = translations.read_ts(translations.EN_FILE)
    for key in numerus & set(french):
        assert len(french[key].split("|")) == 2, key
        assert "(s)" not in french[key], key
    assert english[("CustomersScreen", "%Ln customer(s)")] == "%Ln customer|%Ln customers"
    assert set(english) == numerus


def test_english_forms_the_rule_cannot_make_come_from_fragments(tmp_path, monkeypatch):
    (tmp_path / "x.tsv").write_text("Ctx\t%n item(s) match\t%n item matches|%n items match\n")
    monkeypatch.setattr(translations, "EN_FRAGMENTS", tmp_path)
    forms = translations.english({("Ctx", "%n item(s) match"), ("Ctx", "%n day(s)")})
    assert forms == {
        ("Ctx", "%n item(s) match"): "%n item matches|%n items match",
        ("Ctx", "%n day(s)"): "%n day|%n days",
    }


def test_a_numerus_call_becomes_a_numerus_message(tmp_path):
    source = tmp_path / "screen.py"
    source.write_text('tr("Ctx", "%n booking(s)", None, n)\ntr("Ctx", "Plain")\n', encoding="utf-8")
    numerus: set[tuple[str, str]] = set()
    keys = translations.extract_file(source, numerus)
    assert keys == [("Ctx", "%n booking(s)"), ("Ctx", "Plain")]
    assert numerus == {("Ctx", "%n booking(s)")}
    ts = tmp_path / "x.ts"
    known = {("Ctx", "%n booking(s)"): "%n réservation|%n réservations", ("Ctx", "Plain"): "Net"}
    assert translations.write_ts(keys, known, ts, numerus) == []
    text = ts.read_text(encoding="utf-8")
    assert '<message numerus="yes">' in text
    assert "<numerusform>%n réservations</numerusform>" in text
    assert translations.read_ts(ts) == known


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

    from app.gui.shell.widgets import format_amount, format_date

    assert format_date(dt.date(2026, 11, 25)) == "25/11/2026"
    assert format_amount(123456).replace("\u202f", " ").replace("\xa0", " ") == "1 234,56 €"


@pytest.mark.parametrize(
    ("language", "one", "two", "none"),
    [
        ("fr", "1 client", "2 clients", "0 client"),
        ("en", "1 customer", "2 customers", "0 customers"),
    ],
)
def test_plural_forms_in_both_languages(qapp, language, one, two, none):
    from PySide6.QtCore import QCoreApplication

    from app import i18n

    try:
        i18n.install(language)
        words = [
            QCoreApplication.translate("CustomersScreen", "%Ln customer(s)", None, n)
            for n in (1, 2, 0)
        ]
        assert words == [one, two, none]
    finally:
        i18n.install("en")


def test_domain_messages_counted_by_their_count_field(french):
    from app import i18n
    from app.core.errors import NotFound, ValidationErrors

    bad = NotFound("No unit has the barcode {code}.", code="X-1")
    one = ValidationErrors([(2, bad)])
    assert i18n.message(one).startswith("1 problème trouvé ; rien n’a été modifié.")
    two = ValidationErrors([(2, bad), (3, bad)])
    assert i18n.message(two).startswith("2 problèmes trouvés ; rien n’a été modifié.")


def test_qt_standard_buttons_are_french_too(french):
    """Save/Cancel of every form come from Qt's own catalogue, loaded with ours."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Enregistrer", "Annuler"}
