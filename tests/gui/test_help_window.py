"""F1: the user guide opens on the page of the screen in use, in the app's language; its
window has contents, back/forward, a search over every page (Enter: the next place), all by
keyboard, and fits a laptop's screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QPushButton

from app.gui.shell import help_window
from app.gui.shell.main import MainWindow, build_main_window
from app.gui.shell.operations import Operations


@pytest.fixture(autouse=True)
def _no_guide_left() -> Iterator[None]:
    yield
    help_window.close_all()


@pytest.fixture
def window(qtbot, ops: Operations) -> MainWindow:  # type: ignore[no-untyped-def]
    win = build_main_window(ops)
    qtbot.addWidget(win)
    win.show()
    return win


def _guide() -> help_window.HelpWindow:
    guide = help_window._windows["en"]
    assert guide.isVisible()
    return guide


def _shown(qtbot, page: str) -> help_window.HelpWindow:  # type: ignore[no-untyped-def]
    """The guide opened on ``page``, active (keys go to it)."""
    guide = help_window.show_help(None, page)
    qtbot.waitUntil(guide.isActiveWindow)
    return guide


def _heading(guide: help_window.HelpWindow) -> str:
    return guide.browser.document().toPlainText().strip().splitlines()[0].strip()


def test_f1_opens_the_guide_on_the_current_screens_page(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_area("invoices")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = _guide()
    assert guide.current_page() == "invoicing.html"
    assert _heading(guide) == "Invoicing"
    assert guide.windowTitle() == "Invoicing — User guide — Régie"
    window.show_area("desk")
    window.help_action.trigger()  # the same window, on the desk's section
    assert help_window._windows["en"] is guide
    assert guide.current_page() == "daily.html"
    assert guide.browser.source().fragment() == "desk"
    assert guide.pages.currentItem().text() == "The daily desk"


def test_the_contents_list_every_page_and_open_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = _shown(qtbot, "index.html")
    titles = [guide.pages.item(n).text() for n in range(guide.pages.count())]
    assert titles[0] == "Régie user guide" and "Backups" in titles and len(titles) == 9
    guide.pages.setFocus()
    guide.pages.setCurrentRow(titles.index("Backups"))
    qtbot.keyClick(guide.pages, Qt.Key.Key_Return)
    assert guide.current_page() == "backups.html"


def test_links_back_and_forward(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = _shown(qtbot, "index.html")
    assert not guide.back_action.isEnabled()
    guide.browser.anchorClicked.emit(guide.browser.source().resolved("booking.html"))
    assert guide.current_page() == "booking.html"
    assert guide.back_action.isEnabled()
    qtbot.keyClick(guide, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert guide.current_page() == "index.html"
    assert guide.forward_action.isEnabled()
    guide.forward_action.trigger()
    assert guide.current_page() == "booking.html"
    guide.home_action.trigger()
    assert guide.current_page() == "index.html"


def test_search_lists_the_pages_and_enter_shows_each_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = _shown(qtbot, "install.html")  # a page without the word
    qtbot.keyClick(guide, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert guide.search.hasFocus()
    qtbot.keyClicks(guide.search, "deposit")
    found = [guide.pages.item(n).text() for n in range(guide.pages.count())]
    assert found and all("(" in text for text in found)
    assert guide.heading.text() == f"{len(found)} pages found"
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.current_page() == guide.pages.item(0).data(Qt.ItemDataRole.UserRole)
    assert guide.browser.textCursor().selectedText().lower() == "deposit"
    places = {(guide.current_page(), guide.browser.textCursor().selectionStart())}
    for _ in range(6):
        qtbot.keyClick(guide.search, Qt.Key.Key_Return)
        assert guide.browser.textCursor().selectedText().lower() == "deposit"
        places.add((guide.current_page(), guide.browser.textCursor().selectionStart()))
    assert len(places) == 7  # each Enter moves on
    qtbot.keyClick(guide.search, Qt.Key.Key_Escape)
    assert guide.search.text() == "" and guide.pages.count() == 9
    guide.search.setText("qwertyuiop")
    assert guide.heading.text() == "No page holds these words." and guide.pages.count() == 0
    guide.search.clear()
    qtbot.keyClick(guide, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_the_guide_speaks_the_apps_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        guide = help_window.show_help(None, help_window.page_for("customers"))
        assert guide.guide.language == "fr"
        assert guide.current_page() == "booking.html"
        assert "Les clients et les adhésions" in guide.browser.document().toPlainText()
        guide.search.setText("reservation")  # without its accent
        assert guide.pages.count() > 0
        guide.find_next()
        assert guide.browser.textCursor().selectedText().lower() == "réservation"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        help_window.close_all()
    assert help_window.show_help(None, "index.html").guide.language == "en"


def test_the_guide_fits_a_laptop_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = _shown(qtbot, "index.html")
    assert guide.width() <= 1366 and guide.height() <= 768
    assert guide.search.accessibleName() and guide.pages.accessibleName()
    assert guide.browser.accessibleName()


def test_f1_in_a_modal_dialog_opens_a_guide_it_does_not_block(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    button = QPushButton("OK", dialog)
    help_window.add_f1(dialog, "import")
    dialog.show()
    qtbot.waitUntil(dialog.isActiveWindow)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_F1)
    guide = dialog.findChild(help_window.HelpWindow)
    assert guide is not None and guide.isVisible()
    assert guide.current_page() == "first-start.html"
    assert guide.browser.source().fragment() == "import"
