"""Cooperative-wide settings stored in the database (legal identity, label text...)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel, select

from app.core.db import UnitOfWork


class Setting(SQLModel, table=True):
    key: str = Field(primary_key=True)
    value: str = ""


COOPERATIVE_NAME = "cooperative.name"
DEFAULTS = {COOPERATIVE_NAME: "Régie"}


def get_setting(uow: UnitOfWork, key: str) -> str:
    row = uow.session.get(Setting, key)
    return row.value if row is not None else DEFAULTS.get(key, "")


def all_settings(uow: UnitOfWork) -> dict[str, str]:
    values = dict(DEFAULTS)
    values.update({s.key: s.value for s in uow.session.exec(select(Setting))})
    return values


def set_setting(uow: UnitOfWork, key: str, value: str) -> None:
    row = uow.session.get(Setting, key)
    if row is None:
        uow.session.add(Setting(key=key, value=value))
    else:
        row.value = value
