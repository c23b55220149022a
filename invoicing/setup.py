"""Setting up a cooperative's own database: its legal identity, logo, VAT regime, numbering,
payment terms, day-coefficient table, membership year and first administrator — what
``regie init`` and the first-start assistant ask, checked here once for both.

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
import datetime as dt
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, inspect
from sqlmodel import select
from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.eu import vat as std_vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from app.core import accounts, paths, settings
from app.core.access import SYSTEM, Actor, Permission, Role, requires
from app.core.clock import Clock
from app.core.db import Database, UnitOfWork
from app.core.errors import Conflict, DomainError, ValidationError
from app.core.migrate import open_database
from app.core.models import Account
from app.core.money import AmountError, parse_amount, to_decimal
from booking.models import Customer
from inventory.models import ItemType
from invoicing import rates
from invoicing.pricing import DEFAULT_COEFFICIENTS as _DEFAULT_STEPS

#: The default day-coefficient table (INVOICING-FR.md §6.1), days → coefficient as text.
DEFAULT_COEFFICIENTS: tuple[tuple[int, str], ...] = tuple(
    (days, f"{value.normalize():f}") for days, value in _DEFAULT_STEPS
)
#: The name the set-up gives the default coefficient table.
COEFFICIENT_TABLE = "Tableau standard"
VAT_REGIMES = (settings.VAT_NORMAL, settings.VAT_FRANCHISE)
MAX_LOGO_BYTES = 5 * 1024 * 1024
#: The largest logo kept, in pixels (40 × 18 mm printed at about 380 dpi).
LOGO_BOX = (600, 270)
MAX_PAYMENT_DAYS = 60  # the legal maximum (Code de commerce, L441-10)
_PREFIX = re.compile(r"[A-Z][A-Z0-9]{0,9}")
_POSTCODE = re.compile(r"[0-9]{5}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE = re.compile(r"\+?[0-9 .()\-]{6,25}")
_RNA = re.compile(r"W[0-9A-Z]{9}")
_RCS = re.compile(r"RCS\s+(?P<city>\D+?)\s+(?:[AB]\s+)?(?P<number>[0-9][0-9 ]{8,12})")
_MM_DD = re.compile(r"([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True)
class Identity:
    """The cooperative's legal identity as typed (``check_field`` gives the compact values).
    ``capital`` is an amount ("10000.00") or empty; ``rcs`` is "RCS Lyon 123 456 789" or an
    association's RNA number "W123456789"."""

    name: str = ""
    legal_form: str = ""
    capital: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    siren: str = ""
    siret: str = ""
    rcs: str = ""
    vat: str = ""
    iban: str = ""
    bic: str = ""
    email: str = ""
    phone: str = ""


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


@dataclass(frozen=True)
class FieldSpec:
    """An identity field: its ``Identity`` attribute, its label (English, context
    ``fields``), whether it is required."""

    key: str
    label: str
    required: bool


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's marker name
    """Mark a label for translation in ``context`` (``app.i18n.message`` translates a
    ``field`` parameter in the context ``fields``)."""
    return text


#: The identity fields in form order (labels as sentences name them).
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", QT_TRANSLATE_NOOP("fields", "cooperative's name"), True),
    FieldSpec("legal_form", QT_TRANSLATE_NOOP("fields", "legal form"), True),
    FieldSpec("capital", QT_TRANSLATE_NOOP("fields", "share capital"), False),
    FieldSpec("address", QT_TRANSLATE_NOOP("fields", "address"), True),
    FieldSpec("postcode", QT_TRANSLATE_NOOP("fields", "postcode"), True),
    FieldSpec("city", QT_TRANSLATE_NOOP("fields", "city"), True),
    FieldSpec("siren", QT_TRANSLATE_NOOP("fields", "SIREN"), False),
    FieldSpec("siret", QT_TRANSLATE_NOOP("fields", "SIRET"), True),
    FieldSpec("rcs", QT_TRANSLATE_NOOP("fields", "RCS or RNA number"), False),
    FieldSpec("vat", QT_TRANSLATE_NOOP("fields", "VAT number"), False),
    FieldSpec("iban", QT_TRANSLATE_NOOP("fields", "IBAN"), True),
    FieldSpec("bic", QT_TRANSLATE_NOOP("fields", "BIC"), False),
    FieldSpec("email", QT_TRANSLATE_NOOP("fields", "email"), False),
    FieldSpec("phone", QT_TRANSLATE_NOOP("fields", "phone"), False),
)
REQUIRED = frozenset(spec.key for spec in FIELDS if spec.required)
_LABELS = {spec.key: spec.label for spec in FIELDS}

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


# --- one field ------------------------------------------------------------------------


def check_field(key: str, value: str, identity: Identity | None = None) -> str:
    """The compact value of the identity field ``key`` (an ``Identity`` attribute) typed as
    ``value``, or ``ValidationError(key, sentence)``. ``identity`` gives the other fields a
    check depends on (the SIREN for the SIRET, the VAT number and the RCS). The other
    ``SetUp`` fields typed as text are checked too: ``vat_regime``, ``vat_rate``,
    ``invoice_prefix``, ``credit_prefix``, ``payment_days``, ``membership_year_start``,
    ``admin_name``, ``admin_password``."""
    if key in _SETUP_CHECKS:
        return _SETUP_CHECKS[key](value)
    if key not in _LABELS:
        raise KeyError(key)
    text = _clean(value, multiline=key == "address")
    if not text:
        if key in REQUIRED:
            raise ValidationError(key, "The {field} is required.", field=_LABELS[key])
        return ""
    checker = _CHECKS.get(key)
    if checker is None:
        return _within(key, text, 2000 if key == "address" else 200)
    return checker(text, _siren_of(identity, key))


def _clean(value: str, *, multiline: bool) -> str:
    lines = [
        " ".join("".join(ch for ch in line if ch.isprintable()).split())
        for line in str(value).splitlines()
    ]
    return "\n".join(line for line in lines if line) if multiline else " ".join(lines).strip()


def _within(key: str, text: str, limit: int) -> str:
    if len(text) > limit:
        raise ValidationError(
            key,
            "The {field} is too long ({length} characters, at most {limit}).",
            field=_LABELS[key],
            length=len(text),
            limit=limit,
        )
    return text


def _siren_of(identity: Identity | None, key: str) -> str:
    """The SIREN the other fields must agree with: the SIREN typed, else the SIRET's first
    nine digits (each only when valid)."""
    if identity is None:
        return ""
    if key != "siren" and identity.siren:
        with contextlib.suppress(StdnumError):
            return str(std_siren.validate(identity.siren))
    if key not in ("siret", "siren") and identity.siret:
        with contextlib.suppress(StdnumError):
            return str(std_siret.validate(identity.siret))[:9]
    return ""


def _capital(text: str, _siren: str) -> str:
    compact = re.sub(r"[\s\u00a0\u202f]|€|EUR", "", text, flags=re.IGNORECASE)
    try:
        amount = parse_amount(compact, field="share capital")
    except AmountError:
        raise ValidationError(
            "capital",
            "{value} is not an amount of share capital (write it like 18500.00).",
            value=text,
        ) from None
    if amount > Decimal(10) ** 11:
        raise ValidationError("capital", "{value} is too large a share capital.", value=text)
    return f"{amount:.2f}"


def _postcode(text: str, _siren: str) -> str:
    compact = text.replace(" ", "")
    if not _POSTCODE.fullmatch(compact):
        raise ValidationError(
            "postcode", "{value} is not a French postcode (five digits).", value=text
        )
    return compact


def _siren(text: str, _siren: str) -> str:
    try:
        return str(std_siren.validate(text))
    except StdnumError:
        raise ValidationError(
            "siren", "{value} is not a valid SIREN (nine digits, checked).", value=text
        ) from None


def _siret(text: str, siren: str) -> str:
    try:
        compact = str(std_siret.validate(text))
    except StdnumError:
        raise ValidationError(
            "siret", "{value} is not a valid SIRET (fourteen digits, checked).", value=text
        ) from None
    if siren and compact[:9] != siren:
        raise ValidationError(
            "siret",
            "The SIRET {value} does not start with the SIREN {siren}.",
            value=text,
            siren=siren,
        )
    return compact


def _vat(text: str, siren: str) -> str:
    try:
        compact = str(std_vat.validate(text))
    except StdnumError:
        raise ValidationError(
            "vat",
            "{value} is not a valid VAT number (FR and 11 characters for France).",
            value=text,
        ) from None
    if siren and compact.startswith("FR") and compact[4:] != siren:
        raise ValidationError(
            "vat",
            "The VAT number {value} is not the SIREN {siren}'s (FR, a two-digit key, then "
            "the SIREN).",
            value=text,
            siren=siren,
        )
    return compact


def _rcs(text: str, siren: str) -> str:
    upper = text.upper()
    rna = upper.removeprefix("RNA").strip().replace(" ", "")
    if _RNA.fullmatch(rna):
        return rna
    found = _RCS.fullmatch(text.strip()) or _RCS.fullmatch(upper.strip())
    if found is None:
        raise ValidationError(
            "rcs",
            "{value} is neither an RCS registration (RCS Lyon 123 456 789) nor an RNA "
            "number (W123456789).",
            value=text,
        )
    number = found.group("number").replace(" ", "")
    if len(number) != 9 or (siren and number != siren):
        raise ValidationError(
            "rcs",
            "The RCS registration {value} must end with the cooperative's SIREN{siren}.",
            value=text,
            siren=f" {siren}" if siren else "",
        )
    city = found.group("city").strip()
    return f"RCS {city} {number[:3]} {number[3:6]} {number[6:]}"


def _iban(text: str, _siren: str) -> str:
    try:
        return str(std_iban.validate(text))
    except StdnumError:
        raise ValidationError(
            "iban", "{value} is not a valid IBAN (its check digits do not match).", value=text
        ) from None


def _bic(text: str, _siren: str) -> str:
    try:
        return str(std_bic.validate(text))
    except StdnumError:
        raise ValidationError(
            "bic", "{value} is not a valid BIC (8 or 11 letters and digits).", value=text
        ) from None


def _email(text: str, _siren: str) -> str:
    if not _EMAIL.fullmatch(text) or len(text) > 200:
        raise ValidationError(
            "email", "{value} is not an email address (name@example.fr).", value=text
        )
    return text


def _phone(text: str, _siren: str) -> str:
    if not _PHONE.fullmatch(text):
        raise ValidationError(
            "phone",
            "{value} is not a phone number (digits, spaces, dots, + and dashes).",
            value=text,
        )
    return text


_CHECKS: dict[str, Callable[[str, str], str]] = {
    "capital": _capital,
    "postcode": _postcode,
    "siren": _siren,
    "siret": _siret,
    "vat": _vat,
    "rcs": _rcs,
    "iban": _iban,
    "bic": _bic,
    "email": _email,
    "phone": _phone,
}


def check_identity(identity: Identity) -> tuple[Identity, list[ValidationError]]:
    """The identity with compact values (a wrong field kept as typed) and every problem,
    in form order. The SIREN, when not typed, is the SIRET's first nine digits."""
    values: dict[str, str] = {}
    problems: list[ValidationError] = []
    for spec in FIELDS:
        raw = str(getattr(identity, spec.key))
        try:
            values[spec.key] = check_field(spec.key, raw, identity)
        except ValidationError as err:
            values[spec.key] = raw
            problems.append(err)
    if not values["siren"] and values["siret"] and not any(p.field == "siret" for p in problems):
        values["siren"] = values["siret"][:9]
    return Identity(**values), problems


# --- the other choices ------------------------------------------------------------------


def check_logo(data: bytes) -> bytes:
    """The logo as stored: a PNG at most ``LOGO_BOX`` pixels, from a PNG or JPEG image;
    ``ValidationError("logo", …)`` for anything else."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            "logo",
            "The logo is too large ({size} kB, at most {limit} kB).",
            size=len(data) // 1024,
            limit=MAX_LOGO_BYTES // 1024,
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ("PNG", "JPEG"):
                raise ValidationError(
                    "logo",
                    "The logo must be a PNG or JPEG image, not {format}.",
                    format=image.format or "?",
                )
            image.load()
            image.thumbnail(LOGO_BOX)
            kept = image if image.mode in ("RGB", "RGBA", "L", "LA") else image.convert("RGBA")
            out = io.BytesIO()
            kept.save(out, format="PNG", optimize=True)
            return out.getvalue()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError("logo", "The logo is not a readable PNG or JPEG image.") from None


def check_prefix(key: str, value: str) -> str:
    text = value.strip().upper()
    if not _PREFIX.fullmatch(text):
        raise ValidationError(
            key,
            "{value} is not a numbering prefix (1 to 10 capital letters and digits, starting "
            "with a letter: FA).",
            value=value,
        )
    return text


def check_coefficients(steps: tuple[tuple[int, str], ...]) -> dict[int, Decimal]:
    """Days → coefficient, checked: whole days from 1 (1 day given), coefficients above 0
    with at most three decimals, never falling as the days grow."""
    table: dict[int, Decimal] = {}
    for days, value in steps:
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 3660:
            raise ValidationError(
                "coefficients", "{days} is not a number of days (1 to 3660).", days=days
            )
        if days in table:
            raise ValidationError(
                "coefficients", "The coefficient of {days} day(s) is given twice.", days=days
            )
        try:
            coefficient = to_decimal(str(value).strip())
        except ValueError:
            coefficient = Decimal(0)
        if (
            coefficient <= 0
            or coefficient > 1000
            or coefficient != coefficient.quantize(Decimal("0.001"))
        ):
            raise ValidationError(
                "coefficients",
                "The coefficient of {days} day(s) must be above 0, with at most three "
                "decimals ({value} is not).",
                days=days,
                value=value,
            )
        table[days] = coefficient
    if 1 not in table:
        raise ValidationError(
            "coefficients", "A coefficient table must give the coefficient of 1 day."
        )
    ordered = sorted(table.items())
    for (days_a, coef_a), (days_b, coef_b) in zip(ordered, ordered[1:], strict=False):
        if coef_b < coef_a:
            raise ValidationError(
                "coefficients",
                "The coefficient of {days} day(s) ({value}) is below that of {fewer} day(s).",
                days=days_b,
                value=str(coef_b),
                fewer=days_a,
            )
    return dict(ordered)


def check_year_start(value: str) -> str:
    text = value.strip()
    found = _MM_DD.fullmatch(text)
    try:
        if found is None:
            raise ValueError(text)
        dt.date(2001, int(found.group(1)), int(found.group(2)))
    except ValueError:
        raise ValidationError(
            "membership_year_start",
            "{value} is not the first day of a membership year (MM-DD: 01-01 for the "
            "calendar year, 09-01 for a season from September).",
            value=value,
        ) from None
    return text


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
    attempt(lambda: replace(clean, vat_regime=_regime(setup.vat_regime)))
    if setup.vat_regime == settings.VAT_NORMAL and not identity.vat:
        if not any(p.field == "vat" for p in problems):
            problems.append(
                ValidationError(
                    "vat",
                    "A cooperative that charges VAT needs its VAT number (or choose the "
                    "franchise en base, art. 293 B du CGI).",
                )
            )
    attempt(lambda: replace(clean, vat_rate=_vat_rate(setup.vat_rate)))
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
    attempt(lambda: replace(clean, payment_days=_payment_days(setup.payment_days)))
    attempt(lambda: _coefficients(clean, setup.coefficients))
    attempt(
        lambda: replace(clean, membership_year_start=check_year_start(setup.membership_year_start))
    )
    attempt(lambda: replace(clean, admin_name=_admin_name(setup.admin_name)))
    if setup.admin_password:
        attempt(lambda: _password(clean, setup.admin_password))
    return clean, problems


def _regime(value: str) -> str:
    text = value.strip().lower()
    if text not in VAT_REGIMES:
        raise ValidationError(
            "vat_regime",
            "{value} is not a VAT regime (normal: VAT charged; franchise: franchise en base).",
            value=value,
        )
    return text


def _vat_rate(value: str) -> str:
    try:
        rate = rates.percent("VAT rate", str(value))
    except ValidationError as err:
        raise ValidationError("vat_rate", err.template, **err.params) from None
    return f"{rate:.2f}"


def _payment_days(value: int | str) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_PAYMENT_DAYS:
        raise ValidationError(
            "payment_days",
            "The payment term is 0 to {limit} days ({value} is not).",
            limit=MAX_PAYMENT_DAYS,
            value=value,
        )
    return days


def _coefficients(clean: SetUp, steps: tuple[tuple[int, str], ...]) -> SetUp:
    table = check_coefficients(tuple(steps))
    return replace(clean, coefficients=tuple((d, coefficient_text(c)) for d, c in table.items()))


def coefficient_text(value: Decimal) -> str:
    """A coefficient as people write it: 1, 1.5, 3.25 (no trailing zeros)."""
    return f"{value.quantize(Decimal('0.001')).normalize():f}"


def _admin_name(value: str) -> str:
    try:
        return accounts.check_name(value)
    except ValidationError as err:
        raise ValidationError("admin_name", err.template, **err.params) from None


def _password(clean: SetUp, password: str) -> SetUp:
    try:
        accounts.check_password(password)
    except ValidationError as err:
        raise ValidationError("admin_password", err.template, **err.params) from None
    return clean


def _password_text(value: str) -> str:
    _password(SetUp(identity=Identity()), value)
    return value


_SETUP_CHECKS: dict[str, Callable[[str], str]] = {
    "vat_regime": lambda value: _regime(value),
    "vat_rate": lambda value: _vat_rate(value),
    "invoice_prefix": lambda value: check_prefix("invoice_prefix", value),
    "credit_prefix": lambda value: check_prefix("credit_prefix", value),
    "payment_days": lambda value: str(_payment_days(value)),
    "membership_year_start": lambda value: check_year_start(value),
    "admin_name": lambda value: _admin_name(value),
    "admin_password": _password_text,
}


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
    _first_admin(uow, setup, clock or Clock())


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
