"""The cooperative's settings are an administrator's: a manager may not change the identity
printed on every invoice (the rates are tests/test_permissions.py's); a form saved
unchanged writes nothing and needs no permission."""

from __future__ import annotations

import pytest

from app.core import settings
from app.core.access import Actor, Forbidden, Role


def _as(db, role: Role) -> None:
    db.actor = Actor(f"someone-{role.key}", role, "pc")


def test_identity_refused_below_admin_and_unchanged(db):
    with db.write() as uow:
        settings.set_setting(uow, settings.COOPERATIVE_NAME, "Coop du Rocher")
    _as(db, Role.MANAGER)
    with (
        pytest.raises(Forbidden, match="may not change the cooperative's settings"),
        db.write() as uow,
    ):
        settings.set_setting(uow, settings.COOPERATIVE_NAME, "Autre nom")
    with db.read() as uow:
        assert settings.get_setting(uow, settings.COOPERATIVE_NAME) == "Coop du Rocher"


def test_a_form_saved_as_it_was_needs_no_permission(db):
    with db.write() as uow:
        settings.set_setting(uow, settings.EMAIL, "contact@coop.fr")
    _as(db, Role.STAFF)
    with db.write() as uow:
        assert settings.save_settings(uow, {settings.EMAIL: "contact@coop.fr"}) == []
    with pytest.raises(Forbidden), db.write() as uow:
        settings.save_settings(uow, {settings.EMAIL: "autre@coop.fr"})
    _as(db, Role.ADMIN)
    with db.write() as uow:
        assert settings.save_settings(uow, {settings.EMAIL: "autre@coop.fr"}) == [settings.EMAIL]
