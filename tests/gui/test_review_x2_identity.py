"""Review findings on Settings → Legal identity: each field is checked as it is typed (the
assistant's checks), every problem shown at once and cleared once fixed, nothing written
while one is left; the logo is shown, changed from a file (checked and scaled as the
assistant does) or removed, and written with the other fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from app.core import settings
from app.core.db import Database
from app.gui.shell.identity_dialog import IdentityDialog, read_identity
from app.gui.shell.operations import Operations

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _dialog(qtbot, ops: Operations, values: dict[str, str]) -> IdentityDialog:  # type: ignore[no-untyped-def]
    dialog = IdentityDialog(ops, None, values)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _identity(dialog: IdentityDialog) -> None:
    dialog.name.setText("Scène Commune")
    dialog.legal_form.setText("SCIC SAS à capital variable")
    dialog.address.setPlainText("12 rue des Tanneurs\n43000 Le Puy-en-Velay")
    dialog.siret.setText("73282932000074")
    dialog.iban.setText("FR7630006000011234567890189")


def test_problems_are_shown_as_typed_all_at_once_and_cleared_when_fixed(
    qtbot, ops: Operations, db: Database
):
    with db.read() as uow:
        before = read_identity(uow)
    dialog = _dialog(qtbot, ops, before)
    _identity(dialog)
    dialog.siret.setText("81234567600025")
    dialog.siren.setText("732829320")  # another company's SIREN: the SIRET is wrong now
    assert dialog.fields.error_text("SIRET")
    assert dialog.siret.property("invalid") is True
    dialog.siret.setText("73282932000074")  # corrected: its message goes at once
    assert dialog.fields.error_text("SIRET") == ""
    assert dialog.siret.property("invalid") is False
    dialog.vat.setText("FR00732829320")
    dialog.iban.setText("FR76 3000 6000 0112 3456 7890 188")
    # both wrong fields are named together, before any save
    assert "is not a valid VAT number" in dialog.fields.error_text("VAT number")
    assert "is not a valid IBAN" in dialog.fields.error_text("IBAN")
    assert dialog.save() is False
    with db.read() as uow:
        assert read_identity(uow) == before
    dialog.vat.setText("FR44732829320")
    dialog.iban.setText("FR7630006000011234567890189")
    assert dialog.fields.error_text("VAT number") == ""
    assert dialog.fields.error_text("IBAN") == ""
    assert dialog.save() is True
    with db.read() as uow:
        assert settings.get_setting(uow, settings.VAT) == "FR44732829320"


def test_the_logo_is_changed_and_removed_with_the_other_fields(
    qtbot, ops: Operations, db: Database, tmp_path: Path
):
    picture = tmp_path / "logo.jpg"
    Image.new("RGB", (1600, 400), "red").save(picture, format="JPEG")
    dialog = _dialog(qtbot, ops, {})
    assert "No logo" in dialog.logo_preview.text() and not dialog.logo_remove.isEnabled()
    _identity(dialog)
    not_an_image = tmp_path / "notes.png"
    not_an_image.write_text("hello")
    assert dialog.load_logo(not_an_image) is False
    assert "not a readable PNG or JPEG" in dialog.fields.error_text("logo")
    assert dialog.load_logo(picture) is True
    assert dialog.fields.error_text("logo") == ""
    assert not dialog.logo_preview.pixmap().isNull() and dialog.logo_remove.isEnabled()
    assert dialog.save() is True
    with db.read() as uow:
        stored = settings.logo_bytes(uow)
        assert settings.get_setting(uow, settings.COOPERATIVE_NAME) == "Scène Commune"
        value = settings.get_setting(uow, settings.LOGO)
    assert stored is not None and stored.startswith(b"\x89PNG")  # stored as the set-up does
    assert value.startswith("data:image/png;base64,")
    again = _dialog(qtbot, ops, {settings.LOGO: value})
    assert not again.logo_preview.pixmap().isNull()  # the current logo is shown
    _identity(again)
    again.logo_remove.click()
    assert "No logo" in again.logo_preview.text()
    assert again.save() is True
    with db.read() as uow:
        assert settings.logo_bytes(uow) is None
