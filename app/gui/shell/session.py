"""Who is working in a window: logging in at start, switching user, logging out, and the
courtesy of greying out what the person's role may not do.

The acting account lives on the context (``ctx.db.actor``, which every unit of work carries,
and ``ctx.user``, the name movements and bookings record). The services refuse what a role
may not do (``app.core.access``); greying an action out here only spares a person the
refusal, with a tooltip saying why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from app.core.access import Actor, Forbidden, Permission, require
from app.gui.shell.login_dialog import LoginDialog, who
from app.gui.shell.operations import Operations
from app.i18n import message

tr = QCoreApplication.translate

#: The main window's areas that are all about what a role below manager may not do.
AREA_PERMISSIONS = {
    "invoices": Permission.INVOICING,
    "pricing": Permission.RATES,
    "reports": Permission.REPORTS,
}


def act_as(ops: Operations, actor: Actor) -> None:
    """From now on every unit of work of this window acts as ``actor``."""
    ops.ctx.db.actor = actor
    ops.ctx.user = actor.name


def acting(ops: Operations) -> Actor:
    return ops.ctx.db.actor


def why_not(actor: Actor, permission: Permission) -> str:
    """The sentence the services would refuse with ("" when the role may)."""
    try:
        require(cast(Any, _Holder(actor)), permission)
    except Forbidden as err:
        return message(err)
    return ""


class _Holder:
    """Stands for a unit of work in ``require``: only its actor is read."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor


def automatic(ops: Operations) -> Actor | None:
    """The account that logs in by itself on this database (the single PC's administrator
    on the embedded SQLite file while it has no password), else None."""
    from app.core import accounts

    return accounts.automatic(ops.ctx.db)


def log_in(
    ops: Operations,
    parent: QWidget | None = None,
    *,
    cooperative: str = "",
    switching: bool = False,
) -> Actor | None:
    """Ask who is working (a modal dialog); the actor acts from now on. None: cancelled
    (nothing changed)."""
    from app.core import accounts

    dialog = LoginDialog(
        ops,
        parent,
        cooperative=cooperative,
        switching=switching,
        first_setup=accounts.first_setup(ops.ctx.db),
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    actor = dialog.actor if accepted else None
    dialog.deleteLater()
    if actor is not None:
        act_as(ops, actor)
    return actor


def start(ops: Operations, *, cooperative: str = "") -> Actor | None:
    """At start: the automatic account, else the login dialog (None: the person quit)."""
    actor = automatic(ops)
    if actor is not None:
        act_as(ops, actor)
        return actor
    return log_in(ops, None, cooperative=cooperative)


#: The title bar's mark of the demo database: the same word as on its documents ("DÉMO —
#: sans valeur"), in every language, so nobody takes the demo for their own data.
DEMO_MARK = "DÉMO"


def window_title(cooperative: str, actor: Actor, *, demo: bool = False) -> str:
    """``Coopérative — Régie — alice (manager)``; the demo database's title starts with
    ``DÉMO — ``."""
    person = who(actor)
    if cooperative and cooperative != "Régie":
        title = tr("MainWindow", "%1 — Régie — %2").replace("%1", cooperative)
    else:
        title = tr("MainWindow", "Régie — %1")
    title = title.replace("%2" if "%2" in title else "%1", person)
    return f"{DEMO_MARK} — {title}" if demo else title


def refusals(actor: Actor, permissions: dict[str, Permission]) -> dict[str, str]:
    """For each key whose permission the actor lacks, why."""
    found = {key: why_not(actor, permission) for key, permission in permissions.items()}
    return {key: why for key, why in found.items() if why}


def grey_out(widget: Any, why: str, tip: str = "") -> None:
    """Enable ``widget`` (an action or a widget), or disable it with ``why`` as its
    tooltip (``tip``: its tooltip when enabled)."""
    widget.setEnabled(not why)
    widget.setToolTip(why or tip)


def switch_user(window: Any, then: Callable[[Actor], None]) -> Actor | None:
    """File → Switch user…: someone else logs in over the open window."""
    actor = log_in(window.ops, window, cooperative=window.cooperative, switching=True)
    if actor is not None:
        then(actor)
    return actor


def person_label(window: Any) -> QLabel:
    """The status bar's permanent "alice (manager)"."""
    label = QLabel()
    label.setObjectName("person")
    window.statusBar().addPermanentWidget(label)
    return label


def apply_role(window: Any) -> None:
    """The main window after someone logged in: their name in the title and the status
    bar; areas all about what their role may not do greyed out in the navigation and the
    View menu (their shortcuts say why in the status bar); menu actions likewise."""
    actor = acting(window.ops)
    window.person.setText(who(actor))
    window.person.setAccessibleName(tr("MainWindow", "Logged in as %1").replace("%1", actor.name))
    window.refused = refusals(
        actor,
        {
            area.key: AREA_PERMISSIONS[area.key]
            for area in window.areas
            if area.key in AREA_PERMISSIONS
        },
    )
    for area in window.areas:
        why = window.refused.get(area.key, "")
        window.nav.set_area_enabled(area.key, why)
        grey_out(window.area_actions[area.key], why)
    for action, permission in (
        (window.import_action, Permission.CATALOGUE),
        (window.settings_action, Permission.SETTINGS),
        (window.accounts_action, Permission.ACCOUNTS),
        (window.activity_action, Permission.REPORTS),
        (window.backups_action, Permission.BACKUPS),
    ):
        grey_out(action, why_not(actor, permission))
    if window.current_area() in window.refused:
        allowed = [a.key for a in window.areas if a.key not in window.refused]
        if allowed:
            window.show_area(allowed[0])
    window._set_title(window.cooperative)  # noqa: SLF001 (the window's own title)


def log_out(window: Any) -> None:
    """File → Log out: the window hides until someone logs in; nobody: Régie closes."""
    app = QApplication.instance()
    quits = isinstance(app, QApplication) and app.quitOnLastWindowClosed()
    if isinstance(app, QApplication):  # the login closing with the window hidden: not the end
        app.setQuitOnLastWindowClosed(False)
    window.hide()
    try:
        actor = log_in(window.ops, None, cooperative=window.cooperative)
    finally:
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(quits)
    if actor is None:
        window.close()
        return
    window.apply_role()
    window.show()


def open_activity(window: Any) -> QWidget:
    """File → Activity… (managers and administrators): the audit trail."""
    from app.gui.shell.activity_view import open_activity as open_view

    return open_view(window, window.ops)


def open_backups(window: Any) -> QWidget:
    """File → Backups… (administrators)."""
    from app.gui.shell.backups_view import open_backups as open_view

    return open_view(window, window.ops)


def accounts_dialog(window: Any) -> QDialog:
    """File → Accounts… (administrators)."""
    from app.gui.shell.accounts_view import AccountsDialog

    return AccountsDialog(window.ops, window)
