"""The set-up's checks, field by field (``invoicing.setup`` uses them for a whole set-up; the
first-start assistant and the identity dialog call them as people type): each returns the
compact value or raises ``ValidationError`` whose ``field`` is the ``Identity`` or ``SetUp``
field's name, with a sentence saying what is wrong."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.eu import vat as std_vat
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from app.core import accounts, settings
from app.core.errors import ValidationError
from app.core.money import AmountError, parse_amount, to_decimal
from invoicing import rates

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

# --- one field ------------------------------------------------------------------------


def check_field(key: str, value: str, identity: Identity | None = None) -> str:
    """The compact value of the identity field ``key`` (an ``Identity`` attribute) typed as
    ``value``, or ``ValidationError(key, sentence)``. ``identity`` gives the other fields a
    check depends on (the SIREN for the SIRET, the VAT number and the RCS). The other
    ``SetUp`` fields typed as text are checked too: ``vat_regime``, ``vat_rate``,
    ``invoice_prefix``, ``credit_prefix``, ``payment_days``, ``membership_year_start``,
    ``admin_name``, ``admin_password``."""
    if key in OTHER_CHECKS:
        return OTHER_CHECKS[key](value)
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


def check_regime(value: str) -> str:
    text = value.strip().lower()
    if text not in VAT_REGIMES:
        raise ValidationError(
            "vat_regime",
            "{value} is not a VAT regime (normal: VAT charged; franchise: franchise en base).",
            value=value,
        )
    return text


def check_vat_rate(value: str) -> str:
    try:
        rate = rates.percent("VAT rate", str(value))
    except ValidationError as err:
        raise ValidationError("vat_rate", err.template, **err.params) from None
    return f"{rate:.2f}"


def check_payment_days(value: int | str) -> int:
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


def coefficient_text(value: Decimal) -> str:
    """A coefficient as people write it: 1, 1.5, 3.25 (no trailing zeros)."""
    return f"{value.quantize(Decimal('0.001')).normalize():f}"


def check_admin_name(value: str) -> str:
    try:
        return accounts.check_name(value)
    except ValidationError as err:
        raise ValidationError("admin_name", err.template, **err.params) from None


def check_password(value: str) -> str:
    try:
        accounts.check_password(value)
    except ValidationError as err:
        raise ValidationError("admin_password", err.template, **err.params) from None
    return value


#: The set-up's other fields typed as text, each with its check (the compact text back).
OTHER_CHECKS: dict[str, Callable[[str], str]] = {
    "vat_regime": lambda value: check_regime(value),
    "vat_rate": lambda value: check_vat_rate(value),
    "invoice_prefix": lambda value: check_prefix("invoice_prefix", value),
    "credit_prefix": lambda value: check_prefix("credit_prefix", value),
    "payment_days": lambda value: str(check_payment_days(value)),
    "membership_year_start": lambda value: check_year_start(value),
    "admin_name": lambda value: check_admin_name(value),
    "admin_password": check_password,
}
