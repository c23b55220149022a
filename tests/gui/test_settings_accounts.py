"""Settings → "Account numbers…" opens the accounting export's accounts dialog (helper J's
AccountsDialog), modal over the settings."""

from __future__ import annotations

import pytest

from app.core.db import Database
from app.gui.invoicing.export_accounts import AccountsDialog
from app.gui.shell.operations import Operations
from app.gui.shell.settings_dialog import SettingsDialog, read_settings

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)


def test_the_account_numbers_button_opens_the_accounts_dialog(
    qtbot, ops: Operations, db: Database
) -> None:  # type: ignore[no-untyped-def]
    with db.read() as uow:
        values = read_settings(uow)
    dialog = SettingsDialog(ops, None, values)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.accounts_button
    assert button.isVisible() and button.isEnabled()
    assert button.text() == "Acco&unt numbers…" and button.toolTip()
    button.click()
    opened = dialog.findChildren(AccountsDialog)
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].reject()
