"""The main window: one area per screen (inventory, kits, cases, labels...), the File and
View menus, and the entry point ``run_gui``.

Adding a screen is one entry appended to ``AREAS``::

    AREAS.append(Area("kits", QT_TRANSLATE_NOOP("MainWindow", "Kits"), "Ctrl+2", KitsScreen))

The title is English, marked with QT_TRANSLATE_NOOP in context "MainWindow" (translated when
shown); the factory takes ``(ops, parent)`` and returns the screen widget, built the first
time its area is shown. A screen may offer a ``menu`` attribute (a QMenu): it appears in the
menu bar while its area is current.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple, cast, overload

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError, UnexpectedError
from app.core.settings import COOPERATIVE_NAME, get_setting
from app.gui.bookings.bookings_screen import BookingsScreen
from app.gui.bookings.calendar_screen import BookingCalendarScreen
from app.gui.bookings.customers_screen import CustomersScreen
from app.gui.bookings.timeline import TimelineScreen
from app.gui.catalogue.inventory_screen import InventoryScreen
from app.gui.catalogue.kits_cases import CasesScreen, KitsScreen
from app.gui.catalogue.labels_screen import LabelsScreen
from app.gui.desk.desk_screen import DeskScreen
from app.gui.invoicing.invoices_screen import InvoicesScreen
from app.gui.invoicing.pricing_screen import PricingScreen
from app.gui.reports.dashboard import Dashboard
from app.gui.reports.reports_screen import ReportsScreen
from app.gui.shell import geometry, icons, session
from app.gui.shell.catalogue_csv import CatalogueCsv
from app.gui.shell.changes import Change
from app.gui.shell.integrity_view import IntegrityChecks
from app.gui.shell.keys import DigitRowShortcuts
from app.gui.shell.navigation import Navigation
from app.gui.shell.operations import Cancelled, Operations
from app.gui.shell.settings_dialog import SettingsDialog, read_settings
from app.gui.shell.widgets import ErrorListDialog

tr = QCoreApplication.translate
#: Qt's marker, typed as what it returns (the English text itself); the translation
#: scripts find the strings by this name.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)


class Area(NamedTuple):
    key: str
    title: str  # English, marked with QT_TRANSLATE_NOOP("MainWindow", ...)
    shortcut: str
    factory: Callable[[Operations, QWidget | None], QWidget]
    #: The navigation's section heading (English, QT_TRANSLATE_NOOP("Navigation", ...));
    #: empty: in the section of the area above.
    section: str = ""
    #: Its icon in ``icons.NAMES`` (empty: the icon named as the key, if any).
    icon: str = ""


_CATALOGUE = QT_TRANSLATE_NOOP("Navigation", "Catalogue")
_BOOKINGS = QT_TRANSLATE_NOOP("Navigation", "Bookings")
_INVOICING = QT_TRANSLATE_NOOP("Navigation", "Invoicing")
_REPORTS = QT_TRANSLATE_NOOP("Navigation", "Reports")

AREAS: list[Area] = [
    Area(
        "dashboard", QT_TRANSLATE_NOOP("MainWindow", "Home"), "Ctrl+Shift+0", Dashboard, icon="home"
    ),
    Area(
        "inventory",
        QT_TRANSLATE_NOOP("MainWindow", "Inventory"),
        "Ctrl+1",
        InventoryScreen,
        _CATALOGUE,
    ),
    Area("kits", QT_TRANSLATE_NOOP("MainWindow", "Kits"), "Ctrl+2", KitsScreen, _CATALOGUE),
    Area("cases", QT_TRANSLATE_NOOP("MainWindow", "Cases"), "Ctrl+3", CasesScreen, _CATALOGUE),
    Area("labels", QT_TRANSLATE_NOOP("MainWindow", "Labels"), "Ctrl+4", LabelsScreen, _CATALOGUE),
    Area(
        "timeline", QT_TRANSLATE_NOOP("MainWindow", "Timeline"), "Ctrl+5", TimelineScreen, _BOOKINGS
    ),
    Area(
        "calendar",
        QT_TRANSLATE_NOOP("MainWindow", "Calendar"),
        "Ctrl+6",
        BookingCalendarScreen,
        _BOOKINGS,
    ),
    Area(
        "customers",
        QT_TRANSLATE_NOOP("MainWindow", "Customers"),
        "Ctrl+7",
        CustomersScreen,
        _BOOKINGS,
    ),
    Area(
        "bookings", QT_TRANSLATE_NOOP("MainWindow", "Bookings"), "Ctrl+8", BookingsScreen, _BOOKINGS
    ),
    Area("desk", QT_TRANSLATE_NOOP("MainWindow", "Desk"), "Ctrl+9", DeskScreen, _BOOKINGS),
    Area(
        "invoices",
        QT_TRANSLATE_NOOP("MainWindow", "Invoices"),
        "Ctrl+Shift+1",
        InvoicesScreen,
        _INVOICING,
    ),
    Area(
        "pricing",
        QT_TRANSLATE_NOOP("MainWindow", "Pricing"),
        "Ctrl+Shift+2",
        PricingScreen,
        _INVOICING,
    ),
    Area(
        "reports",
        QT_TRANSLATE_NOOP("MainWindow", "Reports"),
        "Ctrl+Shift+3",
        ReportsScreen,
        _REPORTS,
    ),
]


def area_icon(area: Area) -> QIcon:
    name = area.icon or area.key
    return icons.icon(name) if name in icons.NAMES else QIcon()


class MainWindow(CatalogueCsv):
    def __init__(self, ops: Operations, areas: list[Area] | None = None) -> None:
        super().__init__()
        self.ops = ops
        self.areas = list(AREAS if areas is None else areas)
        self.screens: dict[str, QWidget] = {}
        self.dialog: Any = None  # the last dialog or message box shown (tests read it)
        self.progress_dialog: QProgressDialog | None = None
        self.cooperative = ""
        self.integrity = IntegrityChecks(self, ops)
        self._build_navigation()
        self._build_menus()
        self.setObjectName("MainWindow")
        geometry.fit(self, QSize(1280, 800))  # a laptop's 1366x768 less its panel, at most
        self.digit_keys = DigitRowShortcuts(
            self,
            {
                area.shortcut: partial(self.show_area, area.key)
                for area in self.areas
                if area.shortcut
            },
        ).install()
        ops.failed.connect(self.show_error)
        ops.changed.connect(self._on_changed)
        self.refused: dict[str, str] = {}  # area key -> why the person may not use it
        self.person = session.person_label(self)
        self.apply_role()
        self._load_title()
        if self.areas:
            self.show_area(self.areas[0].key)
        self.integrity.start()  # the quick check: a banner warns if something is wrong

    # --- construction ------------------------------------------------------------------

    def _build_navigation(self) -> None:
        self.nav = Navigation()
        self.nav.setAccessibleName(tr("MainWindow", "Areas"))
        self.stack = QStackedWidget()
        for area in self.areas:
            keys = QKeySequence(area.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            self.nav.add_area(area.key, tr("MainWindow", area.title), area_icon(area), keys)
        self.nav.set_sections(
            [tr("Navigation", area.section) if area.section else "" for area in self.areas]
        )
        self.nav.currentRowChanged.connect(self._nav_changed)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.integrity.banner)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        column.addLayout(row, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("MainWindow", "&File"))
        self.import_action = self._menu_action(
            file_menu,
            tr("MainWindow", "&Import catalogue (CSV)…"),
            "Ctrl+Shift+O",
            self.choose_import,
            "import",
        )
        self.export_action = self._menu_action(
            file_menu,
            tr("MainWindow", "&Export catalogue (CSV)…"),
            "Ctrl+Shift+X",
            self.choose_export,
            "export",
        )
        self.data_import_action = self._menu_action(
            file_menu,
            tr("MainWindow", "Import &data (customers, rates, balances)…"),
            "Ctrl+Shift+I",
            self.open_import,
            "import",
        )
        self.setup_action = self._menu_action(
            file_menu, tr("MainWindow", "Set up &my cooperative…"), "", self.open_setup
        )
        self.demo_action = self._menu_action(
            file_menu, tr("MainWindow", "Explore the demo c&ooperative…"), "", self.explore_demo
        )
        file_menu.addSeparator()
        self.verify_action = self._menu_action(
            file_menu,
            tr("MainWindow", "&Verify integrity…"),
            "",
            self.integrity.verify,
            "inspect",
        )
        self.settings_action = self._menu_action(
            file_menu, tr("MainWindow", "&Settings…"), "Ctrl+,", self.open_settings, "settings"
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.accounts_action = self._menu_action(
            file_menu, tr("MainWindow", "&Accounts…"), "", self.open_accounts, "customers"
        )
        self.activity_action = self._menu_action(
            file_menu, tr("MainWindow", "Ac&tivity…"), "Ctrl+Shift+A", self.open_activity, "inspect"
        )
        self.backups_action = self._menu_action(
            file_menu, tr("MainWindow", "&Backups…"), "", self.open_backups, "save"
        )
        file_menu.addSeparator()
        self.switch_action = self._menu_action(
            file_menu, tr("MainWindow", "S&witch user…"), "Ctrl+Shift+L", self.switch_user
        )
        self.logout_action = self._menu_action(
            file_menu, tr("MainWindow", "&Log out"), "", self.log_out
        )
        file_menu.setToolTipsVisible(True)
        self.file_menu = file_menu
        file_menu.addSeparator()
        self.quit_action = self._menu_action(
            file_menu, tr("MainWindow", "&Quit"), "Ctrl+Q", self.close, "quit"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.view_menu = bar.addMenu(tr("MainWindow", "&View"))
        self.view_menu.setToolTipsVisible(True)
        self.area_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for area in self.areas:
            action = self._menu_action(
                self.view_menu,
                tr("MainWindow", area.title),
                area.shortcut,
                lambda _=False, key=area.key: self.show_area(key),
            )
            action.setIcon(area_icon(area))
            action.setCheckable(True)
            group.addAction(action)
            self.area_actions[area.key] = action
        self.screen_menus: dict[str, QAction] = {}
        self.help_menu = bar.addMenu(tr("MainWindow", "&Help"))
        self.help_action = self._menu_action(
            self.help_menu, tr("MainWindow", "User &guide"), "F1", self.open_help
        )
        self.about_action = self._menu_action(
            self.help_menu, tr("MainWindow", "&About Régie"), "", self.open_about
        )
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _menu_action(
        self, menu: QMenu, text: str, shortcut: str, slot: Any, icon: str = ""
    ) -> QAction:
        action = QAction(icons.icon(icon), text, self) if icon else QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    # --- areas --------------------------------------------------------------------------

    @overload
    def screen(self) -> QScreen: ...
    @overload
    def screen(self, key: str) -> QWidget: ...
    def screen(self, key: str | None = None) -> QScreen | QWidget:
        """The screen of an area, built the first time it is asked for; without a key,
        QWidget's: the display the window is on."""
        if key is None:
            return super().screen()
        if key not in self.screens:
            area = next(a for a in self.areas if a.key == key)
            widget = area.factory(self.ops, self.stack)
            self.screens[key] = widget
            self.stack.addWidget(widget)
            menu = getattr(widget, "menu", None)
            if key == "invoices" and isinstance(menu, QMenu):
                self._add_statements_action(widget, menu)
            if isinstance(menu, QMenu):
                self.screen_menus[key] = self.menuBar().addMenu(menu)
            wants = getattr(widget, "open_requested", None)  # the dashboard's rows
            if wants is not None:
                wants.connect(self.open_target)
        return self.screens[key]

    def _add_statements_action(self, widget: QWidget, menu: QMenu) -> None:
        """Monthly statements are also run from the Invoices menu."""
        from app.gui.invoicing.statements_dialog import StatementsDialog

        action = QAction(icons.icon("statement"), tr("MainWindow", "&Monthly statements…"), widget)
        action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        action.triggered.connect(lambda: self._open(StatementsDialog(self.ops, self)))
        widget.addAction(action)
        menu.addSeparator()
        menu.addAction(action)
        self.statements_action = action

    def open_target(self, key: str, target: object) -> None:
        """Show area ``key`` and, where the screen can, what ``target`` names there (a
        dashboard row: a booking, a unit, an invoice, a shortage)."""
        if key not in self.area_actions:
            return
        self.show_area(key)
        widget: Any = self.screens[key]
        if target is None:
            return
        if key == "desk" and isinstance(target, str):
            widget.open_booking(target)
        elif key == "bookings" and isinstance(target, int):
            widget.select_booking(target)
        elif key == "invoices" and isinstance(target, int):
            widget.show_document(target)
        elif key == "inventory" and isinstance(target, str):
            widget.search_box.setText(target)
        elif key == "timeline" and isinstance(target, tuple):
            type_id, day = target
            widget.set_start(day)
            widget.show_holders(type_id, day)

    def show_area(self, key: str) -> None:
        if key in self.refused:  # a shortcut or a dashboard row: say why, stay
            self.statusBar().showMessage(self.refused[key], 10000)
            return
        widget = self.screen(key)
        self.stack.setCurrentWidget(widget)
        for other, menu_action in self.screen_menus.items():
            menu_action.setVisible(other == key)
        self.area_actions[key].setChecked(True)
        row = next(n for n, a in enumerate(self.areas) if a.key == key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        focus = getattr(widget, "focus_search", None)
        if callable(focus):
            focus()

    def current_area(self) -> str:
        current = self.stack.currentWidget()
        return next((k for k, w in self.screens.items() if w is current), "")

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.areas):
            self.show_area(self.areas[row].key)

    # --- title and settings -------------------------------------------------------------

    def _load_title(self) -> None:
        if not self.windowTitle():
            self.setWindowTitle("Régie")  # until the cooperative's name is read
        from app.core.settings import is_demo

        def shown(found: tuple[str, bool]) -> None:
            self.demo_database = found[1]
            self.demo_action.setVisible(not found[1])  # on the demo already
            self._set_title(found[0])

        self.ops.read(lambda uow: (get_setting(uow, COOPERATIVE_NAME), is_demo(uow)), shown)

    def _set_title(self, name: str) -> None:
        """The cooperative's name and the person in the title; "DÉMO" first on the demo."""
        self.cooperative = name
        demo = bool(getattr(self, "demo_database", False))
        self.setWindowTitle(session.window_title(name, session.acting(self.ops), demo=demo))

    # --- the person logged in -----------------------------------------------------------

    def apply_role(self) -> None:
        """The person's name in the title and the status bar; what their role may not do
        greyed out, with why (``session.apply_role``)."""
        session.apply_role(self)

    def switch_user(self) -> None:
        session.switch_user(self, lambda _actor: self.apply_role())

    def log_out(self) -> None:
        session.log_out(self)

    def open_activity(self) -> None:
        self.dialog = session.open_activity(self)

    def open_backups(self) -> None:
        self.dialog = session.open_backups(self)

    def open_accounts(self) -> None:
        self._open(session.accounts_dialog(self))

    def open_import(self) -> None:
        """File → Import data: the import assistant (customers, rates, opening balances,
        catalogue; encodings, column mapping, preview)."""
        from app.gui.shell import import_wizard

        import_wizard.open_import(self)

    def open_setup(self) -> None:
        """File → Set up my cooperative: the first-start assistant, into a new database."""
        from app.gui.shell import setup_wizard

        setup_wizard.open_setup(self)

    def explore_demo(self) -> None:
        """File → Explore the demo cooperative: Régie reopens on the demo's database."""
        from app.gui.shell import demo_switch

        demo_switch.explore_demo(self)

    def open_help(self) -> None:
        """F1: the user guide on the current screen's page."""
        from app.gui.shell import help_window

        help_window.show_help(self, help_window.page_for(self.current_area()))

    def open_about(self) -> None:
        from app.gui.shell import about

        about.show_about(self)

    def _on_changed(self, what: Change) -> None:
        if what == Change.SETTINGS:
            self._load_title()

    def open_settings(self) -> None:
        self.ops.read(read_settings, self._open_settings)

    def _open_settings(self, values: dict[str, str]) -> None:
        self._open(SettingsDialog(self.ops, self, values))

    def _open(self, dialog: Any) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    # --- errors -------------------------------------------------------------------------

    def show_error(self, err: DomainError | Cancelled) -> None:
        """An error nobody else handled (and every refused import); an unexpected one is
        already in the error dialog (``Operations``), not shown twice."""
        if isinstance(err, UnexpectedError):
            return
        if isinstance(err, Cancelled):
            self.statusBar().showMessage(tr("MainWindow", "Cancelled; nothing was changed."), 8000)
            return
        self._open(ErrorListDialog(tr("MainWindow", "Régie — action refused"), err, self))


def build_main_window(ops: Operations) -> MainWindow:
    return MainWindow(ops)
