"""Setting up a cooperative's own database: its legal identity, logo, VAT regime, numbering,
payment terms, day-coefficient table, membership year and first administrator — what
``regie init`` and the first-start assistant ask, checked here once for both (the checks
of single fields live in ``invoicing.setup_fields``, re-exported here).

``check_field`` checks one identity field as it is typed (the compact value, or a
``ValidationError`` naming the field and saying what is wrong); ``check`` lists every problem
of a whole ``SetUp`` in form order; ``create_cooperative`` refuses an existing database and
any problem with nothing written (no file left behind), else creates the database and
writes everything in one transaction.

Decisions:

- The address stays one multi-line setting (street lines, then "43000 Town"), as the
  invoices read it; the set-up joins ``address``, ``postcode`` and ``city`` so.
- An uploaded logo is checked with Pillow (PNG or JPEG, at most ``MAX_LOGO_BYTES``), scaled
  to at most ``LOGO_BOX`` pixels and stored whole as a PNG ``data:`` URL in
  ``cooperative.logo`` (``settings.logo_bytes`` reads it back): a backup carries it.
- The first administrator is the database's built-in ``admin`` account (renamed when another
  name is given). With a password, logging in needs it from then on; without one, the
  automatic login of issue 12 applies (an SQLite file opens as that administrator while no
  account has a password; a server asks for the name).
- A database "in use" is refused: a file that exists (not empty), a server database holding
  a cooperative (an identity, a database kind, item types or customers).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, inspect
from sqlmodel import select

from app.core import accounts, paths, settings
from app.core.access import SYSTEM, Actor, Permission, Role, requires
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork
from app.core.errors import Conflict, DomainError, ValidationError
from app.core.migrate import open_database
from app.core.models import Account
from booking.models import Customer
from inventory.models import ItemType
from invoicing import rates
from invoicing.models import BookingPricing, CoefficientStep, CoefficientTable, FamilyCoefficient
from invoicing.pricing import DEFAULT_COEFFICIENTS as _DEFAULT_STEPS
from invoicing.setup_fields import FIELDS as FIELDS
from invoicing.setup_fields import LOGO_BOX as LOGO_BOX
from invoicing.setup_fields import MAX_LOGO_BYTES as MAX_LOGO_BYTES
from invoicing.setup_fields import MAX_PAYMENT_DAYS as MAX_PAYMENT_DAYS
from invoicing.setup_fields import REQUIRED as REQUIRED
from invoicing.setup_fields import VAT_REGIMES as VAT_REGIMES
from invoicing.setup_fields import FieldSpec as FieldSpec
from invoicing.setup_fields import Identity as Identity
from invoicing.setup_fields import (
    check_admin_name,
    check_identity,
    check_password,
    check_payment_days,
    check_regime,
    check_vat_rate,
)
from invoicing.setup_fields import check_coefficients as check_coefficients
from invoicing.setup_fields import check_field as check_field
from invoicing.setup_fields import check_logo as check_logo
from invoicing.setup_fields import check_prefix as check_prefix
from invoicing.setup_fields import check_year_start as check_year_start
from invoicing.setup_fields import coefficient_text as coefficient_text

#: The default day-coefficient table (INVOICING-FR.md §6.1), days → coefficient as text.
DEFAULT_COEFFICIENTS: tuple[tuple[int, str], ...] = tuple(
    (days, f"{value.normalize():f}") for days, value in _DEFAULT_STEPS
)
#: The name the set-up gives the default coefficient table.
COEFFICIENT_TABLE = "Tableau standard"


@dataclass(frozen=True)
class SetUp:
    """Everything the set-up writes. ``coefficients``: days → coefficient ("1.5");
    ``membership_year_start``: "MM-DD", the first day of a membership year."""

    identity: Identity
    logo: bytes | None = None
    vat_regime: str = settings.VAT_NORMAL
    vat_rate: str = "20.0"
    invoice_prefix: str = "FA"
    credit_prefix: str = "AV"
    payment_days: int = 30
    coefficients: tuple[tuple[int, str], ...] = DEFAULT_COEFFICIENTS
    membership_year_start: str = "01-01"
    admin_name: str = "admin"
    admin_password: str = ""


#: The settings key each identity field is written to (postcode and city go into the
#: address's last line).
SETTING_OF = {
    "name": settings.COOPERATIVE_NAME,
    "legal_form": settings.LEGAL_FORM,
    "capital": settings.CAPITAL,
    "siren": settings.SIREN,
    "siret": settings.SIRET,
    "rcs": settings.RCS,
    "vat": settings.VAT,
    "iban": settings.IBAN,
    "bic": settings.BIC,
    "email": settings.EMAIL,
    "phone": settings.PHONE,
}


class SetUpRefused(DomainError):
    """The set-up was refused: ``details`` holds every problem, in form order."""

    def __init__(self, problems: list[ValidationError]) -> None:
        self.details: list[DomainError] = list(problems)
        super().__init__(
            "The cooperative was not set up: {count} problem(s) found; nothing was written.",
            count=len(problems),
        )


def check(setup: SetUp) -> list[ValidationError]:
    """Every problem of ``setup``, in form order (empty: it can be created)."""
    return checked(setup)[1]


def checked(setup: SetUp) -> tuple[SetUp, list[ValidationError]]:
    """``setup`` with every value compact and normalised (a wrong one kept as given), and
    every problem, in form order."""
    identity, problems = check_identity(setup.identity)
    clean = replace(setup, identity=identity)

    def attempt(fn: Callable[[], SetUp]) -> None:
        nonlocal clean
        try:
            clean = fn()
        except ValidationError as err:
            problems.append(err)

    if setup.logo is not None:
        attempt(lambda: replace(clean, logo=check_logo(setup.logo or b"")))
    attempt(lambda: replace(clean, vat_regime=check_regime(setup.vat_regime)))
    if setup.vat_regime == settings.VAT_NORMAL and not identity.vat:
        if not any(p.field == "vat" for p in problems):
            problems.append(
                ValidationError(
                    "vat",
                    "A cooperative that charges VAT needs its VAT number (or choose the "
                    "franchise en base, art. 293 B du CGI).",
                )
            )
    attempt(lambda: replace(clean, vat_rate=check_vat_rate(setup.vat_rate)))
    attempt(
        lambda: replace(clean, invoice_prefix=check_prefix("invoice_prefix", setup.invoice_prefix))
    )
    attempt(
        lambda: replace(clean, credit_prefix=check_prefix("credit_prefix", setup.credit_prefix))
    )
    if clean.invoice_prefix == clean.credit_prefix:
        problems.append(
            ValidationError(
                "credit_prefix",
                "Invoices and credit notes need different prefixes ({prefix} is given for both).",
                prefix=clean.invoice_prefix,
            )
        )
    attempt(lambda: replace(clean, payment_days=check_payment_days(setup.payment_days)))
    attempt(lambda: _coefficients(clean, setup.coefficients))
    attempt(
        lambda: replace(clean, membership_year_start=check_year_start(setup.membership_year_start))
    )
    attempt(lambda: replace(clean, admin_name=check_admin_name(setup.admin_name)))
    if setup.admin_password:
        attempt(lambda: replace(clean, admin_password=check_password(setup.admin_password)))
    return clean, problems


def _coefficients(clean: SetUp, steps: tuple[tuple[int, str], ...]) -> SetUp:
    table = check_coefficients(tuple(steps))
    return replace(clean, coefficients=tuple((d, coefficient_text(c)) for d, c in table.items()))


# --- writing ----------------------------------------------------------------------------


def address_text(identity: Identity) -> str:
    """The multi-line address as stored: street lines, then "postcode city"."""
    last = f"{identity.postcode} {identity.city}".strip()
    return "\n".join(part for part in (identity.address, last) if part)


def identity_settings(identity: Identity) -> dict[str, str]:
    """The settings an identity (already checked) writes."""
    values = {SETTING_OF[key]: str(getattr(identity, key)) for key in SETTING_OF}
    values[settings.ADDRESS] = address_text(identity)
    return values


@requires(Permission.SETTINGS)
def write_setup(uow: UnitOfWork, setup: SetUp, *, clock: Clock | None = None) -> None:
    """Write a checked ``setup`` into a database that holds no cooperative yet."""
    values = identity_settings(setup.identity)
    values[settings.LOGO] = settings.logo_value(setup.logo) if setup.logo else ""
    values[settings.DATABASE_KIND] = settings.OWN
    values[settings.VAT_REGIME] = setup.vat_regime
    values[rates.VAT_RATE] = setup.vat_rate
    values[rates.PAYMENT_DAYS] = str(setup.payment_days)
    values[settings.INVOICE_PREFIX] = setup.invoice_prefix
    values[settings.CREDIT_PREFIX] = setup.credit_prefix
    values[settings.MEMBERSHIP_YEAR_START] = setup.membership_year_start
    for key, value in values.items():
        settings.set_setting(uow, key, value)
    rates.save_coefficient_table(
        uow,
        user=uow.actor.name,
        name=COEFFICIENT_TABLE,
        steps={days: Decimal(value) for days, value in setup.coefficients},
        is_default=True,
    )
    _drop_unused_tables(uow, keep=COEFFICIENT_TABLE)
    _first_admin(uow, setup, clock or Clock())


def _drop_unused_tables(uow: UnitOfWork, *, keep: str) -> None:
    """The set-up's table is the only default one: the table a new database comes with
    (the migration's "Barème standard", the same steps) goes, unless something uses it."""
    for table in uow.session.exec(select(CoefficientTable).where(CoefficientTable.name != keep)):
        used = (
            uow.session.exec(
                select(FamilyCoefficient).where(FamilyCoefficient.table_id == table.id)
            ).first()
            or uow.session.exec(
                select(BookingPricing).where(BookingPricing.coefficient_table_id == table.id)
            ).first()
        )
        if used is not None:
            continue
        for step in uow.session.exec(
            select(CoefficientStep).where(CoefficientStep.table_id == table.id)
        ):
            uow.session.delete(step)
        uow.flush()
        uow.session.delete(table)
        uow.flush()
        uow.memo.pop((CoefficientTable, table.id), None)


def _first_admin(uow: UnitOfWork, setup: SetUp, clock: Clock) -> None:
    """The built-in ``admin`` becomes the first administrator: renamed, given a password."""
    admin = uow.session.exec(select(Account).where(Account.name == "admin")).first()
    if admin is None:  # (a database made before accounts: not one the set-up builds)
        accounts.add_account(
            uow,
            name=setup.admin_name,
            role=Role.ADMIN,
            password=setup.admin_password,
            clock=clock,
        )
        return
    if admin.name != setup.admin_name:
        admin.name = setup.admin_name
        uow.session.add(admin)
        uow.flush()
    if setup.admin_password:
        accounts.set_password(uow, setup.admin_name, setup.admin_password)


def in_use(uow: UnitOfWork) -> bool:
    """Does this database hold a cooperative already (an identity, a kind, item types or
    customers)?"""
    found = {s.key: s.value for s in uow.session.exec(select(settings.Setting))}
    if found.get(settings.DATABASE_KIND) or found.get(settings.COOPERATIVE_NAME):
        return True
    for model in (ItemType, Customer):
        if uow.session.exec(select(func.count()).select_from(model)).one():
            return True
    return False


def create_cooperative(
    target: Path | str, setup: SetUp, *, actor: Actor = SYSTEM, clock: Clock | None = None
) -> Database:
    """Create the cooperative's database ``target`` (a file that does not exist yet, or an
    empty PostgreSQL database's URL) and write ``setup`` in one transaction. Refused with
    nothing written and no file left: any problem (``SetUpRefused`` listing each), an
    existing database (``Conflict``). Returns the opened database."""
    clean, problems = checked(setup)
    if paths.is_url(target) and not setup.admin_password:
        problems.append(
            ValidationError(
                "admin_password",
                "On a PostgreSQL server the administrator needs a password (at least {count} "
                "characters).",
                count=accounts.MIN_PASSWORD,
            )
        )
    if problems:
        raise SetUpRefused(problems)
    if paths.is_url(target):
        return _create_on_server(str(target), clean, actor, clock)
    return _create_file(Path(target), clean, actor, clock)


def _refuse_existing(where: str) -> Conflict:
    return Conflict(
        "{where} already holds a database: a cooperative is set up in a new one (choose "
        "another file, or move that one away first).",
        where=where,
    )


def _create_file(target: Path, setup: SetUp, actor: Actor, clock: Clock | None) -> Database:
    if target.exists() and (target.is_dir() or target.stat().st_size > 0):
        raise _refuse_existing(str(target))
    if not target.parent.is_dir() and target.resolve() != paths.default_db_path().resolve():
        raise Conflict(
            "There is no folder {folder} for the database {path}.",
            folder=str(target.parent),
            path=target.name,
        )
    partial = target.with_name(target.name + ".setup")
    _remove_files(partial)
    try:
        db = open_database(partial)
        try:
            db.actor = actor
            with db.write() as uow:
                write_setup(uow, setup, clock=clock)
        finally:
            db.dispose()
        _single_file(partial)
        if target.exists() and target.stat().st_size > 0:  # made meanwhile by another
            raise _refuse_existing(str(target))
        os.replace(partial, target)
    finally:
        _remove_files(partial)
    return open_database(target)


def _create_on_server(url: str, setup: SetUp, actor: Actor, clock: Clock | None) -> Database:
    db = open_database(url)
    try:
        db.actor = actor
        with db.write() as uow:
            if in_use(uow):
                raise _refuse_existing(paths.display_url(url))
            write_setup(uow, setup, clock=clock)
    except BaseException:
        db.dispose()
        raise
    return db


def server_is_empty(url: str) -> bool:
    """Has the server database no table at all (nothing Régie would migrate over)?"""
    from app.core.db import make_engine

    engine = make_engine(paths.normal_url(url))
    try:
        return not inspect(engine).get_table_names()
    finally:
        engine.dispose()


def _single_file(path: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        connection.close()


def _remove_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
