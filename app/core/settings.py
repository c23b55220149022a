"""Cooperative-wide settings stored in the database (legal identity, label text...)."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from sqlmodel import Field, SQLModel, select

from app.core.access import Permission, require
from app.core.db import UnitOfWork

#: The ``resources`` package's folder (a logo named by a relative path lives there).
RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"


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
#: The logo: a path inside the ``resources`` package (the demo's ``demo/logo.png``) or an
#: uploaded image stored whole as a ``data:image/png;base64,…`` URL (``invoicing.setup``
#: checks and scales it); read it with ``logo_bytes``. Empty: no logo.
LOGO = "cooperative.logo"
#: The address is multi-line: street lines, then "43000 Town" on the last line
#: (``invoicing.parties`` splits it; the set-up joins street, postcode and city so).
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

# What the set-up decides (``invoicing.setup`` writes them; invoicing and memberships apply them).
#: ``normal`` (VAT charged) or ``franchise`` (franchise en base, art. 293 B du CGI).
VAT_REGIME = "invoicing.vat_regime"
VAT_NORMAL = "normal"
VAT_FRANCHISE = "franchise"
#: Prefixes of new invoice and credit note numbers (FA-2026-00001, AV-2026-00001).
INVOICE_PREFIX = "numbering.invoice_prefix"
CREDIT_PREFIX = "numbering.credit_prefix"
#: The first day of a membership year, "MM-DD" ("01-01": the calendar year; "09-01": a
#: season from September).
MEMBERSHIP_YEAR_START = "memberships.year_start"

DEFAULTS = {
    COOPERATIVE_NAME: "Régie",
    VAT_REGIME: VAT_NORMAL,
    INVOICE_PREFIX: "FA",
    CREDIT_PREFIX: "AV",
    MEMBERSHIP_YEAR_START: "01-01",
}

#: What this database holds: ``demo`` (the demo cooperative: marked "DÉMO" in the title
#: bar and on every document), ``own`` (a cooperative's own data, set up by ``regie init``
#: or the first-start assistant); empty in a database made before the distinction.
DATABASE_KIND = "database.kind"
DEMO = "demo"
OWN = "own"


def get_setting(uow: UnitOfWork, key: str) -> str:
    """A setting, all of them read in one query per unit of work."""
    return _cached(uow).get(key, DEFAULTS.get(key, ""))


#: The demo cooperative's (fictitious) SIREN: a database made before ``database.kind``
#: existed holds the demo when its identity has this SIREN.
DEMO_SIREN = "932817455"


def is_demo(uow: UnitOfWork) -> bool:
    """Does this database hold the demo cooperative (never a cooperative's own data)?
    ``database.kind`` says so; a database made before it (no kind) holds the demo when its
    SIREN is the demo's."""
    return kind_is_demo(get_setting(uow, DATABASE_KIND), get_setting(uow, SIREN))


def kind_is_demo(kind: str, siren: str) -> bool:
    """The rule of ``is_demo`` on the two settings' values."""
    return kind == DEMO or (not kind and siren == DEMO_SIREN)


def is_own(uow: UnitOfWork) -> bool:
    """Does this database hold a cooperative's own data (set up, or an identity that is not
    the demo's)?"""
    kind = get_setting(uow, DATABASE_KIND)
    if kind:
        return kind == OWN
    siren = get_setting(uow, SIREN)
    return bool(siren) and siren != DEMO_SIREN


def logo_bytes(uow: UnitOfWork) -> bytes | None:
    """The cooperative's logo as image bytes (PNG or JPEG), or None: no logo set, or the
    one named is missing or unreadable (documents are then printed without one)."""
    return logo_from(get_setting(uow, LOGO))


def logo_from(value: str) -> bytes | None:
    """The image a ``cooperative.logo`` value names (see ``LOGO``), or None."""
    text = value.strip()
    if not text:
        return None
    if text.startswith("data:"):
        _header, _, encoded = text.partition(",")
        try:
            return base64.b64decode(encoded, validate=True) or None
        except (binascii.Error, ValueError):
            return None
    path = Path(text) if Path(text).is_absolute() else RESOURCES / text
    try:
        return path.read_bytes()
    except OSError:
        return None


def logo_value(png: bytes) -> str:
    """The ``cooperative.logo`` value storing the PNG image ``png`` whole."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


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
