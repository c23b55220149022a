"""The user guide (F1): HTML pages shipped with the app in ``resources/help/<lang>/``,
shown in a window of their own, opened on the page of the screen in use.

The guide follows the app's language (French, else English). Its pages are listed once, in
``help_guide.PAGES``; each main-window area has its page (``page_for``). The window has a
contents list, Back / Forward (Alt+Left / Alt+Right), Home, and a search over every page
(Ctrl+F: the pages holding every word typed, accents ignored; Enter shows the next match).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.gui.shell import help_guide
from app.gui.shell.icons import icon

tr = QCoreApplication.translate

#: Main-window area key → the guide's page (with its section).
AREA_PAGES: dict[str, str] = {
    "dashboard": "daily.html#home",
    "desk": "daily.html#desk",
    "inventory": "catalogue.html",
    "kits": "catalogue.html#kits",
    "cases": "catalogue.html#cases",
    "labels": "catalogue.html#labels",
    "timeline": "booking.html#timeline",
    "calendar": "booking.html#timeline",
    "customers": "booking.html#customers",
    "bookings": "booking.html",
    "invoices": "invoicing.html",
    "pricing": "invoicing.html#rates",
    "reports": "month-end.html#reports",
}

#: Other places that open the guide with F1 (dialogs, the desk window).
PLACES: dict[str, str] = {
    "welcome": "first-start.html",
    "setup": "first-start.html#assistant",
    "import": "first-start.html#import",
    "desk-window": "daily.html#desk",
    "statements": "month-end.html#statements",
    "backups": "backups.html",
}


def page_for(area: str) -> str:
    """The guide's page for a main-window area key (``"desk"``, ``"invoices"``…) or one of
    ``PLACES``; the index for anything else."""
    return AREA_PAGES.get(area) or PLACES.get(area) or help_guide.INDEX


class HelpWindow(QMainWindow):
    """The guide: contents (or search results) on the left, the page on the right."""

    def __init__(self, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("HelpWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.guide = help_guide.Guide(language or help_guide.app_language())
        self.setWindowTitle(tr("HelpWindow", "User guide — Régie"))
        self.resize(1100, 700)
        self._build()
        self._fill_contents()

    # --- building ----------------------------------------------------------------------

    def _build(self) -> None:
        self.browser = QTextBrowser()
        self.browser.setObjectName("HelpPage")
        self.browser.setAccessibleName(tr("HelpWindow", "Guide page"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSearchPaths([str(self.guide.folder)])
        self.browser.sourceChanged.connect(self._source_changed)
        self.browser.historyChanged.connect(self._history_changed)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("HelpWindow", "Search the guide (Ctrl+F)"))
        self.search.setAccessibleName(tr("HelpWindow", "Search the guide"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.find_next)
        self.search.installEventFilter(self)
        self.pages = QListWidget()
        self.pages.setAccessibleName(tr("HelpWindow", "Contents"))
        self.pages.setSpacing(2)
        self.pages.itemActivated.connect(self._page_chosen)
        self.pages.itemClicked.connect(self._page_chosen)
        self.heading = QLabel(tr("HelpWindow", "Contents"))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        column.addWidget(self.search)
        column.addWidget(self.heading)
        column.addWidget(self.pages)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 840])
        self.setCentralWidget(splitter)
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("HelpWindow", "Navigation"))
        bar.setObjectName("HelpToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.back_action = self._action(
            bar, "previous", tr("HelpWindow", "&Back"), QKeySequence(QKeySequence.StandardKey.Back)
        )
        self.back_action.triggered.connect(self.browser.backward)
        self.forward_action = self._action(
            bar,
            "next",
            tr("HelpWindow", "&Forward"),
            QKeySequence(QKeySequence.StandardKey.Forward),
        )
        self.forward_action.triggered.connect(self.browser.forward)
        self.home_action = self._action(
            bar, "home", tr("HelpWindow", "&Contents"), QKeySequence("Alt+Home")
        )
        self.home_action.triggered.connect(lambda: self.open_page(help_guide.INDEX))
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, self.find_next)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)

    def _action(self, bar: QToolBar, name: str, text: str, shortcut: QKeySequence) -> QAction:
        action = QAction(icon(name), text, self)
        action.setShortcut(shortcut)
        action.setToolTip(f"{text.replace('&', '')} ({shortcut.toString()})")
        bar.addAction(action)
        return action

    def _fill_contents(self) -> None:
        self.pages.clear()
        self.heading.setText(tr("HelpWindow", "Contents"))
        for page in self.guide.pages:
            item = QListWidgetItem(self.guide.title(page))
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.pages.addItem(item)
        self._mark_current()

    # --- navigation --------------------------------------------------------------------

    def open_page(self, page: str) -> None:
        """Show ``page`` (``"booking.html#customers"``); an unknown page shows the index."""
        name, _, section = page.partition("#")
        if name not in self.guide.pages:
            name, section = help_guide.INDEX, ""
        url = QUrl.fromLocalFile(str(self.guide.path(name)))
        if section:
            url.setFragment(section)
        self.browser.setSource(url)
        self._mark_current()

    def current_page(self) -> str:
        return self.browser.source().fileName()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = url.fileName() or self.current_page()
        self.open_page(f"{target}#{url.fragment()}" if url.fragment() else target)

    def _page_chosen(self, item: QListWidgetItem) -> None:
        page = str(item.data(Qt.ItemDataRole.UserRole))
        self.open_page(page)
        words = self.search.text().strip()
        if words:
            self._highlight(words, from_start=True)

    def _source_changed(self, _url: QUrl) -> None:
        self._mark_current()

    def _show_title(self) -> None:
        """The page's title first: the window's title says where the guide is."""
        page = self.current_page()
        guide = tr("HelpWindow", "User guide — Régie")
        known = page in self.guide.pages
        self.setWindowTitle(f"{self.guide.title(page)} — {guide}" if known else guide)

    def _history_changed(self) -> None:
        self._mark_current()
        self.back_action.setEnabled(self.browser.isBackwardAvailable())
        self.forward_action.setEnabled(self.browser.isForwardAvailable())

    def _mark_current(self) -> None:
        self._show_title()
        current = self.current_page()
        for row in range(self.pages.count()):
            item = self.pages.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == current:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(row)
                self.pages.blockSignals(False)
                return

    # --- search ------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        words = text.strip()
        if not words:
            self._fill_contents()
            return
        found = self.guide.search(words)
        self.pages.clear()
        self.heading.setText(
            tr("HelpWindow", "%n page(s) found", None, len(found))
            if found
            else tr("HelpWindow", "No page holds these words.")
        )
        for page, count in found:
            item = QListWidgetItem(f"{self.guide.title(page)} ({count})")
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.pages.addItem(item)
        if found:
            self.pages.setCurrentRow(0)

    def find_next(self) -> None:
        """Enter or F3: the next place of the searched words in the page, else the next
        page found."""
        words = self.search.text().strip()
        if not words:
            return
        if self._highlight(words, from_start=False):
            return
        found = [page for page, _count in self.guide.search(words)]
        if not found:
            return
        current = self.current_page()
        after = found[(found.index(current) + 1) % len(found)] if current in found else found[0]
        self.open_page(after)
        self._highlight(words, from_start=True)

    def _highlight(self, words: str, *, from_start: bool) -> bool:
        """Select the next place of the first word searched; False when there is none."""
        document = self.browser.document()
        start = 0 if from_start else self.browser.textCursor().selectionEnd()
        place = help_guide.find_folded(document.toPlainText(), words.split()[0], start)
        if place is None:
            return False
        cursor = QTextCursor(document)
        cursor.setPosition(place[0])
        cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        bar = self.browser.verticalScrollBar()  # the place a third down the page, not at its foot
        top = self.browser.cursorRect().top()
        bar.setValue(bar.value() + top - self.browser.viewport().height() // 3)
        return True

    def _escape(self) -> None:
        if self.search.text():
            self.search.clear()
        else:
            self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """Down from the search box goes to the pages found."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = getattr(event, "key", lambda: None)()
            if key == Qt.Key.Key_Down and self.pages.count():
                self.pages.setFocus()
                return True
        return super().eventFilter(watched, event)


_windows: dict[str, HelpWindow] = {}


def show_help(parent: QWidget | None, page: str) -> HelpWindow:
    """Open (or raise) the guide's window on ``page``: one window per language; above a
    modal dialog (an assistant), a window of the dialog's own, which the dialog does not
    block."""
    language = help_guide.app_language()
    modal = QApplication.activeModalWidget()
    if modal is not None:
        window = modal.findChild(HelpWindow) or HelpWindow(language, modal)
    else:
        window = _windows.get(language) or HelpWindow(language)
        _windows[language] = window
    window.open_page(page)
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.activateWindow()  # already open: the window manager brings it forward
    return window


def close_all() -> None:
    """Close the guide's windows (tests; a language switch)."""
    for window in _windows.values():
        window.close()
        window.deleteLater()
    _windows.clear()


def add_f1(widget: QWidget, place: str) -> QShortcut:
    """F1 on ``widget`` (a dialog, the desk window) opens the guide on ``place``'s page
    (a key of ``PLACES`` or of ``AREA_PAGES``, or a page name)."""
    page = page_for(place) if place in AREA_PAGES or place in PLACES else place
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), widget)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: show_help(widget, page))
    return shortcut
