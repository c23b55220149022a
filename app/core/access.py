"""Who is acting, and what their role lets them do.

Every unit of work carries the acting account (``uow.actor``, set from ``Database.actor``
by the face that logged the person in). Services refuse what the role may not do with
``require(uow, permission)`` (or the ``@requires(permission)`` decorator on a service whose
first argument is the unit of work): hiding a button is a courtesy, this is the rule.

Roles are cumulative: a manager may do what staff may do, staff what a technician may do,
an administrator everything.

| role | may |
|---|---|
| technician | the desk (check-out, check-in, undo), unit status, inspections and repairs |
| staff | customers, bookings, quotes, the catalogue, labels |
| manager | invoices, credit notes, payments, deposits, statements, reports, rates, exports |
| admin | accounts, settings, the cooperative's identity, backups and restores |
"""

from __future__ import annotations

import functools
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from app.core.errors import N_, DomainError

if TYPE_CHECKING:
    from app.core.db import UnitOfWork

P = ParamSpec("P")
R = TypeVar("R")


class Role(IntEnum):
    """Ordered: each role includes the ones below it."""

    TECHNICIAN = 1
    STAFF = 2
    MANAGER = 3
    ADMIN = 4

    @property
    def key(self) -> str:
        """The name used on the command line, in JSON and in the database."""
        return _ROLE_KEYS[self]

    @classmethod
    def parse(cls, text: str) -> Role:
        for role, key in _ROLE_KEYS.items():
            if text.strip().lower() in (key, role.name.lower()):
                return role
        raise DomainError(
            "Unknown role {role}: use technician, staff, manager or admin.", role=text
        )


_ROLE_KEYS = {
    Role.TECHNICIAN: "technician",
    Role.STAFF: "staff",
    Role.MANAGER: "manager",
    Role.ADMIN: "admin",
}

#: How each role is named to people (Qt context ``messages``).
ROLE_LABELS = {
    Role.TECHNICIAN: N_("technician"),
    Role.STAFF: N_("staff"),
    Role.MANAGER: N_("manager"),
    Role.ADMIN: N_("administrator"),
}


class Permission(StrEnum):
    """What a service needs. The value is the minimum role's key."""

    DESK = "desk"  # check-out, check-in, undo, unplanned items at the desk
    MAINTENANCE = "maintenance"  # unit status, inspections, repairs
    CUSTOMERS = "customers"
    BOOKINGS = "bookings"  # bookings, quotes, references, duplication, cancellation
    CATALOGUE = "catalogue"  # item types, units, kits, cases, imports, labels, photos
    INVOICING = "invoicing"  # invoices, credit notes, payments, refunds, deposits, charges
    RATES = "rates"  # rates, coefficient tables, price categories, pricing rules
    REPORTS = "reports"  # statements, reports, accounting and e-reporting exports
    SETTINGS = "settings"  # the cooperative's identity and settings
    ACCOUNTS = "accounts"  # accounts, roles, badges
    BACKUPS = "backups"  # backups, restores, copies, personal-data requests


MINIMUM_ROLE = {
    Permission.DESK: Role.TECHNICIAN,
    Permission.MAINTENANCE: Role.TECHNICIAN,
    Permission.CUSTOMERS: Role.STAFF,
    Permission.BOOKINGS: Role.STAFF,
    Permission.CATALOGUE: Role.STAFF,
    Permission.INVOICING: Role.MANAGER,
    Permission.RATES: Role.MANAGER,
    Permission.REPORTS: Role.MANAGER,
    Permission.SETTINGS: Role.ADMIN,
    Permission.ACCOUNTS: Role.ADMIN,
    Permission.BACKUPS: Role.ADMIN,
}

#: What each permission is, for the refusal sentence (Qt context ``messages``).
PERMISSION_LABELS = {
    Permission.DESK: N_("work at the desk"),
    Permission.MAINTENANCE: N_("change the status, inspections and repairs of units"),
    Permission.CUSTOMERS: N_("change customers"),
    Permission.BOOKINGS: N_("change bookings and quotes"),
    Permission.CATALOGUE: N_("change the catalogue"),
    Permission.INVOICING: N_("issue invoices and credit notes or record payments"),
    Permission.RATES: N_("change rates and pricing rules"),
    Permission.REPORTS: N_("print statements, reports and exports"),
    Permission.SETTINGS: N_("change the cooperative's settings"),
    Permission.ACCOUNTS: N_("manage accounts"),
    Permission.BACKUPS: N_(
        "back up, restore or copy the database, or answer personal-data requests"
    ),
}


class Forbidden(DomainError):
    """The acting account's role does not allow the action. Nothing was written."""


@dataclass(frozen=True)
class Actor:
    """The person behind a unit of work: their account name, role and workstation."""

    name: str
    role: Role
    workstation: str = ""

    def may(self, permission: Permission) -> bool:
        return self.role >= MINIMUM_ROLE[permission]


def workstation() -> str:
    """This PC's name as the audit trail records it (``REGIE_WORKSTATION`` overrides)."""
    name = os.environ.get("REGIE_WORKSTATION", "").strip()
    if name:
        return name
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


#: The acting account of internal work (migrations, the demo build, tests): may do anything.
SYSTEM = Actor("system", Role.ADMIN, "")


def require(uow: UnitOfWork, permission: Permission) -> None:
    """Refuse (``Forbidden``) unless the unit of work's actor may ``permission``."""
    actor = uow.actor
    if actor.may(permission):
        return
    raise Forbidden(
        _REFUSALS[MINIMUM_ROLE[permission]],
        name=actor.name,
        role=ROLE_LABELS[actor.role],
        action=PERMISSION_LABELS[permission],
    )


#: The refusal, by the role needed (whom to ask). ``role`` and ``action`` are labels
#: (``ROLE_LABELS``, ``PERMISSION_LABELS``): the faces translate them too (``LABEL_PARAMS``).
_REFUSALS = {
    Role.TECHNICIAN: N_("{name} ({role}) may not {action}: ask an administrator."),
    Role.STAFF: N_(
        "{name} ({role}) may not {action}: ask a staff member, a manager or an administrator."
    ),
    Role.MANAGER: N_("{name} ({role}) may not {action}: ask a manager or an administrator."),
    Role.ADMIN: N_("{name} ({role}) may not {action}: ask an administrator."),
}
#: The fields of a ``Forbidden`` that are translatable labels, not names.
LABEL_PARAMS = ("role", "action")


def requires(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service whose first positional argument is the unit of work."""

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(service)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            uow: Any = args[0] if args else kwargs.get("uow")
            require(uow, permission)
            return service(*args, **kwargs)

        setattr(checked, "regie_permission", permission)  # noqa: B010 (read by the tests)
        return checked

    return decorate
