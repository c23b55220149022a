"""Cooperative-wide settings stored in the database (legal identity, label text...)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel, select

from app.core.access import Permission, require
from app.core.db import UnitOfWork


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str = ""


# The cooperative's legal identity: every invoice prints it (INVOICING-FR §1.2).
COOPERATIVE_NAME = "cooperative.name"
LEGAL_FORM = "cooperative.legal_form"
CAPITAL = "cooperative.capital"
ADDRESS = "cooperative.address"
SIREN = "cooperative.siren"
SIRET = "cooperative.siret"
RCS = "cooperative.rcs"
VAT = "cooperative.vat"
IBAN = "cooperative.iban"
BIC = "cooperative.bic"
EMAIL = "cooperative.email"
PHONE = "cooperative.phone"
#: Path of the logo inside the ``resources`` package.
LOGO = "cooperative.logo"
IDENTITY_KEYS = (
    COOPERATIVE_NAME,
    LEGAL_FORM,
    CAPITAL,
    ADDRESS,
    SIREN,
    SIRET,
    RCS,
    VAT,
    IBAN,
    BIC,
    EMAIL,
    PHONE,
    LOGO,
)
DEFAULTS = {COOPERATIVE_NAME: "Régie"}

#: What this database holds: ``demo`` (the demo cooperative: marked "DÉMO" in the title
#: bar and on every document), ``own`` (a cooperative's own data, set up by ``regie init``
#: or the first-start assistant); empty in a database made before the distinction.
DATABASE_KIND = "database.kind"
DEMO = "demo"
OWN = "own"


def get_setting(uow: UnitOfWork, key: str) -> str:
    """A setting, all of them read in one query per unit of work."""
    return _cached(uow).get(key, DEFAULTS.get(key, ""))


def is_demo(uow: UnitOfWork) -> bool:
    """Does this database hold the demo cooperative (never a cooperative's own data)?"""
    return get_setting(uow, DATABASE_KIND) == DEMO


def _cached(uow: UnitOfWork) -> dict[str, str]:
    values = uow.memo.get(Setting)
    if not isinstance(values, dict):
        values = {s.key: s.value for s in uow.session.exec(select(Setting))}
        uow.memo[Setting] = values
    return values


def all_settings(uow: UnitOfWork) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update({s.key: s.value for s in uow.session.exec(select(Setting))})
    return values


def set_setting(
    uow: UnitOfWork, key: str, value: str, permission: Permission = Permission.SETTINGS
) -> None:
    """Store a setting. Changing the cooperative's settings is an administrator's
    (``Permission.SETTINGS``); a service whose settings belong to another role (rates,
    pricing rules, the accountant's accounts) says which it checked with ``permission``."""
    require(uow, permission)
    uow.memo.pop(Setting, None)
    row = uow.session.get(Setting, key)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value


def save_settings(
    uow: UnitOfWork, values: dict[str, str], permission: Permission = Permission.SETTINGS
) -> list[str]:
    """Store the settings whose value changed (a form saved as it was writes nothing, so a
    person who may not change them can still close it with OK); the keys written."""
    changed = [key for key, value in values.items() if get_setting(uow, key) != value]
    for key in changed:
        set_setting(uow, key, values[key], permission)
    return changed
