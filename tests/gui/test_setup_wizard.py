"""The first-start assistant: each field checked as it is typed (a wrong SIRET says why and
keeps Next disabled), the VAT choice, prefixes with a sample number, the coefficient table,
the membership year, the administrator; Create writes the cooperative's own database (read
back here as Régie stores it) or says why not, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from app.core import accounts, settings
from app.core.migrate import open_database
from app.core.settings import get_setting
from app.gui.shell.operations import SyncRunner
from app.gui.shell.setup_wizard import SetupWizard
from invoicing import rates
from invoicing.setup import COEFFICIENT_TABLE

SIREN = "842317562"
SIRET = "84231756200010"
VAT = "FR72842317562"
IBAN = "FR76 3000 6000 0112 3456 7890 189"

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    shown = SetupWizard(tmp_path / "regie.db", SyncRunner())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _type(qtbot, wizard: SetupWizard, page, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Typed key by key (QTest types ASCII only: a legal form is chosen from the list)."""
    field = page.fields[key]
    if field.combo is not None and not text.isascii():
        field.combo.setCurrentIndex(field.combo.findText(text))
        return
    field.edit.clear()
    QTest.keyClicks(field.edit, text)


def _next_enabled(wizard: SetupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _fill_identity(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    legal = wizard.legal
    for key, text in (
        ("name", "Le Plateau Commun"),
        ("legal_form", "SCIC SAS à capital variable"),
        ("capital", "18 500,00"),
        ("siret", SIRET),
        ("rcs", f"RCS Lyon {SIREN}"),
        ("vat", VAT),
    ):
        _type(qtbot, wizard, legal, key, text)
    wizard.next()
    contact = wizard.contact
    for key, text in (
        ("address", "12 rue des Tanneurs"),
        ("postcode", "69001"),
        ("city", "Lyon"),
        ("email", "contact@plateau.example"),
        ("iban", IBAN),
    ):
        _type(qtbot, wizard, contact, key, text)


def test_a_wrong_siret_is_named_as_it_is_typed_and_next_waits(qtbot, wizard: SetupWizard):
    assert not _next_enabled(wizard)  # required fields empty
    assert not wizard.legal.fields["name"].note.isVisible()  # not shouted at before typing
    _type(qtbot, wizard, wizard.legal, "name", "Le Plateau Commun")
    _type(qtbot, wizard, wizard.legal, "legal_form", "SCOP SARL")
    _type(qtbot, wizard, wizard.legal, "siret", "84231756200011")  # one digit wrong
    siret = wizard.legal.fields["siret"]
    assert siret.note.isVisible() and "not a valid SIRET" in siret.note.text()
    assert siret.edit.property("invalid") is True
    assert not _next_enabled(wizard)
    _type(qtbot, wizard, wizard.legal, "siret", SIRET)
    assert not siret.note.isVisible() and _next_enabled(wizard)
    _type(qtbot, wizard, wizard.legal, "vat", "FR00842317562")  # the key does not match
    assert "not a valid VAT number" in wizard.legal.fields["vat"].note.text()
    assert not _next_enabled(wizard)


def test_a_required_field_emptied_says_so(qtbot, wizard: SetupWizard):
    _type(qtbot, wizard, wizard.legal, "name", "X")
    QTest.keyClick(wizard.legal.fields["name"].edit, Qt.Key.Key_Backspace)
    assert "required" in wizard.legal.fields["name"].note.text()


def test_the_whole_assistant_creates_the_cooperatives_database(qtbot, wizard: SetupWizard):
    _fill_identity(qtbot, wizard)
    assert _next_enabled(wizard)
    wizard.next()  # logo: optional
    assert wizard.currentPage() is wizard.logo and _next_enabled(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.vat and _next_enabled(wizard)
    wizard.vat.rate.setText("abc")
    assert not _next_enabled(wizard) and wizard.vat.problem.isVisible()
    wizard.vat.rate.setText("20")
    wizard.next()
    numbering = wizard.numbering
    numbering.invoice.setText("FAC")
    assert "FAC-" in numbering.sample.text() and "-00001" in numbering.sample.text()
    numbering.credit.setText("FAC")
    assert not _next_enabled(wizard)  # the same prefix twice
    numbering.credit.setText("AVO")
    numbering.days.setValue(45)
    wizard.next()
    assert wizard.rates.table.rowCount() > 5
    wizard.next()
    wizard.membership.season.setChecked(True)
    wizard.membership.month.setCurrentIndex(8)
    wizard.next()
    wizard.admin.name.setText("camille")
    wizard.admin.password.setText("un mot de passe sûr")
    wizard.admin.again.setText("un autre")
    assert not _next_enabled(wizard) and "differ" in wizard.admin.problem.text()
    wizard.admin.again.setText("un mot de passe sûr")
    wizard.next()
    assert wizard.currentPage() is wizard.summary
    assert "Le Plateau Commun" in wizard.summary.text.text()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled() and finish.text() == "C&reate"
    with qtbot.waitSignal(wizard.created) as created:
        finish.click()
    target = Path(str(created.args[0]))
    assert target == wizard.target and target.exists()
    db = open_database(target)
    try:
        with db.read() as uow:
            assert get_setting(uow, settings.COOPERATIVE_NAME) == "Le Plateau Commun"
            assert get_setting(uow, settings.DATABASE_KIND) == settings.OWN
            assert get_setting(uow, settings.SIRET) == SIRET
            assert get_setting(uow, settings.SIREN) == SIREN
            assert get_setting(uow, settings.IBAN) == IBAN.replace(" ", "")
            assert get_setting(uow, settings.CAPITAL) == "18500.00"
            assert get_setting(uow, settings.INVOICE_PREFIX) == "FAC"
            assert get_setting(uow, settings.CREDIT_PREFIX) == "AVO"
            assert get_setting(uow, settings.MEMBERSHIP_YEAR_START) == "09-01"
            assert get_setting(uow, rates.PAYMENT_DAYS) == "45"
            assert get_setting(uow, settings.VAT_REGIME) == settings.VAT_NORMAL
            assert "69001 Lyon" in get_setting(uow, settings.ADDRESS)
            assert rates.coefficient_table(uow, COEFFICIENT_TABLE).is_default
        assert accounts.needs_password(db, "camille")
    finally:
        db.dispose()
    assert not wizard.isVisible()


def test_franchise_needs_no_vat_number(qtbot, wizard: SetupWizard):
    _fill_identity(qtbot, wizard)
    wizard.contact.fields["iban"].set_text(IBAN)
    wizard.back()
    _type(qtbot, wizard, wizard.legal, "vat", "")
    wizard.legal.fields["vat"].edit.clear()
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.vat
    assert not _next_enabled(wizard) and "VAT number" in wizard.vat.problem.text()
    wizard.vat.franchise.setChecked(True)
    assert _next_enabled(wizard)
    assert wizard.setup_value().vat_regime == settings.VAT_FRANCHISE


def test_the_coefficient_table_is_checked_as_it_is_edited(qtbot, wizard: SetupWizard):
    page = wizard.rates
    assert page.steps()[0] == (1, "1")
    page.table.item(1, 1).setText("0,5")  # 2 days cheaper than 1
    assert "below" in page.problem.text() and not page.isComplete()
    page.reset()
    assert page.isComplete()


def test_a_refusal_is_shown_on_the_summary_and_nothing_is_written(
    qtbot, wizard: SetupWizard, tmp_path: Path
):
    _fill_identity(qtbot, wizard)
    while wizard.currentPage() is not wizard.summary:
        wizard.next()
    wizard.target.write_bytes(b"something else's file")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert "already holds a database" in wizard.summary.problems.text()
    assert wizard.target.read_bytes() == b"something else's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["regie.db"]


def test_the_logo_is_previewed_or_refused(qtbot, wizard: SetupWizard, tmp_path: Path):
    from PIL import Image

    picture = tmp_path / "logo.png"
    Image.new("RGB", (1200, 400), "navy").save(picture)
    wizard.logo.load(picture)
    assert wizard.logo.logo is not None and not wizard.logo.preview.pixmap().isNull()
    text = tmp_path / "logo.txt"
    text.write_text("not an image")
    wizard.logo.load(text)
    assert "PNG or JPEG" in wizard.logo.problem.text()
    assert wizard.logo.logo is not None  # the earlier logo is kept
    wizard.logo.remove.click()
    assert wizard.logo.logo is None


def test_the_assistant_fits_a_laptop_screen(wizard: SetupWizard):
    hint = wizard.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 700


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_two_labels_of_a_page_share_an_alt_key(qtbot, tmp_path: Path, language: str):
    from app import i18n
    from tests.gui.test_mnemonics import clashes, widget_texts

    i18n.install(language)
    try:
        wizard = SetupWizard(tmp_path / "regie.db", SyncRunner())
        qtbot.addWidget(wizard)
        wizard.show()
        _fill_identity(qtbot, wizard)
        wizard.back()
        found = {}
        for _page in range(9):
            found[wizard.currentPage().title()] = clashes(widget_texts(wizard))
            wizard.next()
        assert found == {title: [] for title in found}
        assert len(found) == 9
    finally:
        i18n.install("en")


def test_alt_n_while_next_waits_types_nothing(qtbot, wizard: SetupWizard):
    _type(qtbot, wizard, wizard.legal, "siret", "84231756200011")
    edit = wizard.legal.fields["siret"].edit
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert edit.text() == "84231756200011" and wizard.currentPage() is wizard.legal


def test_while_creating_nothing_can_be_cancelled(qtbot, tmp_path: Path):
    class Later:
        """A runner that keeps the work for later (the creation still running)."""

        def submit(self, work, done, failed):  # type: ignore[no-untyped-def]
            self.work, self.done = work, done

    runner = Later()
    wizard = SetupWizard(tmp_path / "regie.db", runner)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_identity(qtbot, wizard)
    while wizard.currentPage() is not wizard.summary:
        wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()  # Escape
    assert wizard.isVisible()
    with qtbot.waitSignal(wizard.created):
        runner.done(runner.work())
    assert not wizard.isVisible() and (tmp_path / "regie.db").exists()
