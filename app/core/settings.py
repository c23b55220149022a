"""Cooperative-wide settings stored in the database (legal identity, label text...)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel, select

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


def get_setting(uow: UnitOfWork, key: str) -> str:
    """A setting, all of them read in one query per unit of work."""
    return _cached(uow).get(key, DEFAULTS.get(key, ""))


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


def set_setting(uow: UnitOfWork, key: str, value: str) -> None:
    uow.memo.pop(Setting, None)
    row = uow.session.get(Setting, key)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value
