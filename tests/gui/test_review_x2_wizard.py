"""Review findings on the set-up assistant: the SIRET, the VAT key and the RCS are checked
again against the SIREN whenever either changes (on the page they are typed on); a payment
term of 90 days stays 90 and is refused with the domain's sentence; the summary writes
numbers as the interface's language does and lists every field given."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWizard

from app.gui.shell.operations import SyncRunner
from app.gui.shell.setup_wizard import SetupWizard, summary_html
from invoicing import setup

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    shown = SetupWizard(tmp_path / "regie.db", SyncRunner())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _type(page, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = page.fields[key]
    field.edit.clear()
    QTest.keyClicks(field.edit, text)


def _next(wizard: SetupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_siren_typed_after_the_siret_is_checked_against_it_at_once(qtbot, wizard):
    legal = wizard.legal
    _type(legal, "name", "Le Plateau Commun")
    _type(legal, "legal_form", "SCOP SARL")
    _type(legal, "siret", "81234567600025")
    _type(legal, "vat", "FR19812345676")
    assert _next(wizard)
    _type(legal, "siren", "732829320")  # another company's SIREN
    siret = legal.fields["siret"]
    assert siret.note.isVisible() and siret.note.text()
    assert legal.fields["vat"].note.isVisible()
    assert not _next(wizard)
    _type(legal, "siren", "812345676")  # corrected: both messages go
    assert not siret.note.isVisible() and not legal.fields["vat"].note.isVisible()
    assert _next(wizard)


def test_a_payment_term_of_90_days_is_kept_and_refused_with_the_range(qtbot, wizard):
    page = wizard.numbering
    page.days.lineEdit().selectAll()
    QTest.keyClicks(page.days, "90")
    assert page.days.value() == 90  # not cut to 9
    assert not page.days_problem.isHidden() and "60" in page.days_problem.text()
    assert not page.isComplete()
    page.days.setValue(45)
    assert page.days_problem.isHidden() and page.isComplete()
    assert "60" in page.days_range.text()  # the range is on screen before any mistake
    labels = [w for w in page.findChildren(QLabel) if w.buddy() is page.days]
    assert labels and labels[0].text() == "&Payment term:"  # Alt+P reaches it


def test_the_summary_lists_every_field_and_writes_numbers_locally(qtbot):
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        chosen = setup.SetUp(
            setup.Identity(
                name="Le Plateau Commun",
                legal_form="SCOP SARL",
                capital="18500.00",
                address="12 rue des Tanneurs",
                postcode="69001",
                city="Lyon",
                siret="84231756200010",
                rcs="RCS Lyon 842317562",
                vat="FR72842317562",
                iban="FR7630006000011234567890189",
                bic="AGRIFRPP",
                email="contact@plateau.example",
                phone="04 71 00 00 00",
            ),
            coefficients=((1, "1"), (2, "1.5")),
        )
        text = summary_html(chosen, Path("/tmp/regie.db"))
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for given in ("RCS Lyon 842317562", "AGRIFRPP", "contact@plateau.example", "04 71 00 00 00"):
        assert given in text
    assert "18\u202f500,00" in text or "18\u00a0500,00" in text or "18 500,00" in text
    assert "€ €" not in text.replace("\u00a0", " ")
    assert "1,5" in text and "1.5" not in text
