"""``regie init``: set up a cooperative's own database from the command line (scripted
installs) — the first-start assistant's questions as options, or a TOML file (``--from
F.toml``; options given beside it win; ``resources/examples/cooperative.toml`` shows every
key).

Refused, with every problem named and nothing written (no file left): an existing database
(a file, or a server database holding a cooperative) and any invalid field. The target is
``--db``/``REGIE_DB``/the database chosen on this computer, else the user's data
directory's ``regie.db`` (never the demo's ``demo.db``; a ``regie.db`` holding the demo, made
by an older Régie, moves to ``demo.db`` first).

The administrator's password comes from ``REGIE_PASSWORD``, else a prompt on a terminal
(typed twice; empty: none), else none: on an SQLite file the administrator then logs in
automatically while no account has a password (issue 12); a server needs one.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import tomllib
from dataclasses import fields, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.bootstrap import set_aside_old_demo
from app.cli.output import print_json
from app.core import paths
from app.core.db import Database
from app.core.errors import DomainError, ValidationError
from app.core.storage import os_reason
from app.i18n import message, tr
from invoicing import setup
from invoicing.setup import Identity, SetUp, SetUpRefused


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's marker name
    """Mark ``text`` for translation in ``context`` (translated where it is shown)."""
    return text


#: Identity options: (option, Identity attribute, help).
IDENTITY_OPTIONS = (
    ("--name", "name", QT_TRANSLATE_NOOP("cli", "the cooperative's name")),
    (
        "--legal-form",
        "legal_form",
        QT_TRANSLATE_NOOP("cli", "legal form, e.g. SCIC SAS à capital variable"),
    ),
    ("--capital", "capital", QT_TRANSLATE_NOOP("cli", "share capital in euros, e.g. 18500.00")),
    ("--address", "address", QT_TRANSLATE_NOOP("cli", "street address (postcode and city apart)")),
    ("--postcode", "postcode", QT_TRANSLATE_NOOP("cli", "postcode (five digits)")),
    ("--city", "city", QT_TRANSLATE_NOOP("cli", "city")),
    ("--siren", "siren", QT_TRANSLATE_NOOP("cli", "SIREN (else the SIRET's first nine digits)")),
    ("--siret", "siret", QT_TRANSLATE_NOOP("cli", "SIRET (fourteen digits)")),
    (
        "--rcs",
        "rcs",
        QT_TRANSLATE_NOOP(
            "cli", "RCS registration (RCS Lyon 123 456 789) or RNA number (W123456789)"
        ),
    ),
    ("--vat", "vat", QT_TRANSLATE_NOOP("cli", "intra-community VAT number (FR…)")),
    ("--iban", "iban", QT_TRANSLATE_NOOP("cli", "IBAN of the account customers pay into")),
    ("--bic", "bic", QT_TRANSLATE_NOOP("cli", "BIC of that bank")),
    ("--email", "email", QT_TRANSLATE_NOOP("cli", "email address printed on documents")),
    ("--phone", "phone", QT_TRANSLATE_NOOP("cli", "phone number printed on documents")),
)
#: The placeholders ``--help`` shows for the identity options (``--name NAME``).
METAVARS = {
    "name": "NAME",
    "legal_form": "FORM",
    "capital": "AMOUNT",
    "address": "ADDRESS",
    "postcode": "POSTCODE",
    "city": "CITY",
    "siren": "SIREN",
    "siret": "SIRET",
    "rcs": "RCS",
    "vat": "VAT",
    "iban": "IBAN",
    "bic": "BIC",
    "email": "EMAIL",
    "phone": "PHONE",
}
#: The other fields' options (``check`` names the field, the message names the option).
OPTION_OF = {attr: option for option, attr, _help in IDENTITY_OPTIONS} | {
    "logo": "--logo",
    "vat_regime": "--vat-regime",
    "vat_rate": "--vat-rate",
    "invoice_prefix": "--invoice-prefix",
    "credit_prefix": "--credit-prefix",
    "payment_days": "--payment-days",
    "coefficients": "--coefficient",
    "membership_year_start": "--membership-year-start",
    "admin_name": "--admin",
    "admin_password": "REGIE_PASSWORD",
}
#: TOML tables and keys → SetUp fields.
TOML_KEYS = {
    "cooperative": {f.name for f in fields(Identity)} | {"logo"},
    "invoicing": {"vat_regime", "vat_rate", "invoice_prefix", "credit_prefix", "payment_days"},
    "memberships": {"year_start"},
    "coefficients": None,  # days = coefficient
    "admin": {"name"},
}

RENAMED = {("memberships", "year_start"): "membership_year_start", ("admin", "name"): "admin_name"}


def register(commands: Any) -> None:
    init = commands.add_parser(
        "init",
        help=tr("cli", "set up a cooperative's own database (refused if one exists)"),
        description=tr(
            "cli",
            "Set up a cooperative's own database: its identity, VAT, numbering and first "
            "administrator. Every field is checked; nothing is written if one is wrong.",
        ),
    )
    init.add_argument(
        "--from",
        dest="from_file",
        metavar="F.toml",
        help=tr("cli", "read the answers from a TOML file (options given beside it win)"),
    )
    for option, attr, text in IDENTITY_OPTIONS:
        init.add_argument(
            option, dest=f"id_{attr}", metavar=METAVARS.get(attr), help=tr("cli", text)
        )
    init.add_argument("--logo", metavar="FILE", help=tr("cli", "logo image (PNG or JPEG)"))
    init.add_argument(
        "--vat-regime",
        choices=setup.VAT_REGIMES,
        metavar="{" + ",".join(setup.VAT_REGIMES) + "}",
        help=tr("cli", "normal: VAT charged; franchise: franchise en base (art. 293 B du CGI)"),
    )
    init.add_argument(
        "--vat-rate", metavar="PERCENT", help=tr("cli", "default VAT rate in percent (20.0)")
    )
    init.add_argument(
        "--invoice-prefix", metavar="PREFIX", help=tr("cli", "invoice number prefix (FA)")
    )
    init.add_argument(
        "--credit-prefix", metavar="PREFIX", help=tr("cli", "credit note number prefix (AV)")
    )
    init.add_argument("--payment-days", metavar="DAYS", help=tr("cli", "payment term in days (30)"))
    init.add_argument(
        "--membership-year-start",
        metavar="MM-DD",
        help=tr("cli", "first day of the membership year (01-01; 09-01 for a season)"),
    )
    init.add_argument(
        "--coefficient",
        action="append",
        metavar="DAYS=COEF",
        help=tr("cli", "a day coefficient (repeat; replaces the default table)"),
    )
    init.add_argument("--admin", metavar="NAME", help=tr("cli", "first administrator (admin)"))
    init.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    init.set_defaults(handler=run_init)


def run_init(args: argparse.Namespace) -> int:
    answers = _from_toml(Path(args.from_file).expanduser()) if args.from_file else {}
    answers.update(_from_options(args))
    logo_file = answers.pop("logo", None)
    base = Path(args.from_file).expanduser().parent if args.from_file else Path.cwd()
    problems: list[ValidationError] = []
    logo = _read_logo(logo_file, base, problems) if logo_file else None
    target = _target(args.db)
    built = _setup(answers, logo, problems)
    if problems:
        return _refused(problems)
    clean, _problems = setup.checked(built)
    password = _password(clean.admin_name)
    moved = set_aside_old_demo() if target == paths.default_db_path() else None
    if moved is not None:
        text = tr("cli", "The demo cooperative, kept in {own} by an older Régie, is now in {demo}.")
        print(text.format(own=target, demo=moved), file=sys.stderr)
    try:
        db = setup.create_cooperative(target, replace(clean, admin_password=password))
    except SetUpRefused as err:
        return _refused([d for d in err.details if isinstance(d, ValidationError)])
    try:
        _report(args, db, replace(clean, admin_password=password))
    finally:
        db.dispose()
    return 0


def _target(db_option: str | None) -> Path | str:
    chosen = os.environ.get("REGIE_DB") or db_option or paths.chosen_db()
    return paths.database(chosen) if chosen else paths.default_db_path()


def _from_options(args: argparse.Namespace) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _option, attr, _help in IDENTITY_OPTIONS:
        value = getattr(args, f"id_{attr}")
        if value is not None:
            found[attr] = value
    for attr in (
        "logo",
        "vat_regime",
        "vat_rate",
        "invoice_prefix",
        "credit_prefix",
        "payment_days",
        "membership_year_start",
    ):
        value = getattr(args, attr)
        if value is not None:
            found[attr] = value
    if args.admin is not None:
        found["admin_name"] = args.admin
    if args.coefficient:
        found["coefficients"] = [_step(text) for text in args.coefficient]
    return found


def _step(text: str) -> tuple[Any, str]:
    days, _, value = text.partition("=")
    try:
        return int(days.strip()), value.strip()
    except ValueError:
        return days.strip(), value.strip()


def _from_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except OSError as err:
        raise DomainError(
            "{path} cannot be read ({reason}).", path=str(path), reason=os_reason(err)
        ) from None
    except UnicodeDecodeError:
        raise DomainError(
            "{path} is not UTF-8 text: save it as UTF-8, then try again.", path=str(path)
        ) from None
    except tomllib.TOMLDecodeError as err:
        raise _toml_refused(path, err) from None
    found: dict[str, Any] = {}
    unknown = [f"[{table}]" for table in data if table not in TOML_KEYS]
    for table, keys in TOML_KEYS.items():
        section = data.get(table, {})
        if not isinstance(section, dict):
            unknown.append(f"[{table}]")
            continue
        if keys is None:
            if section:
                found["coefficients"] = [_step(f"{d}={v}") for d, v in section.items()]
            continue
        for key, value in section.items():
            if key not in keys:
                unknown.append(f"{table}.{key}")
                continue
            name = str(key)
            if (table, name) in RENAMED:
                name = RENAMED[(table, name)]
            found[name] = value if isinstance(value, int) and key == "payment_days" else str(value)
    if unknown:
        raise DomainError(
            "{path}: unknown keys {keys} (resources/examples/cooperative.toml lists them).",
            path=str(path),
            keys=", ".join(unknown),
        )
    return found


def _toml_refused(path: Path, err: tomllib.TOMLDecodeError) -> DomainError:
    """One sentence naming the file and the line (the parser's own words are English)."""
    found = re.search(r"at line (\d+)", str(err))
    if found:
        return DomainError(
            "{path}, line {line}: this line is not valid TOML (check its [brackets], quotes "
            "and key = value); resources/examples/cooperative.toml shows the format.",
            path=str(path),
            line=int(found.group(1)),
        )
    return DomainError(
        "{path} ends before its last value is complete: it is not valid TOML "
        "(resources/examples/cooperative.toml shows the format).",
        path=str(path),
    )


def _read_logo(name: str, base: Path, problems: list[ValidationError]) -> bytes | None:
    path = Path(name).expanduser()
    path = path if path.is_absolute() else base / path
    try:
        return path.read_bytes()
    except OSError as err:
        problems.append(
            ValidationError(
                "logo",
                "The logo {path} cannot be read ({reason}).",
                path=str(path),
                reason=os_reason(err),
            )
        )
        return None


def _setup(answers: dict[str, Any], logo: bytes | None, problems: list[ValidationError]) -> SetUp:
    identity_keys = {f.name for f in fields(Identity)}
    identity = Identity(**{k: str(v) for k, v in answers.items() if k in identity_keys})
    others = {k: v for k, v in answers.items() if k not in identity_keys}
    if "coefficients" in others:
        others["coefficients"] = tuple(others["coefficients"])
    built = SetUp(identity=identity, logo=logo, **others)
    problems.extend(setup.check(built))
    return built


def _terminal() -> bool:
    return sys.stdin.isatty()


def _password(name: str) -> str:
    """``REGIE_PASSWORD``, else typed twice at a terminal (empty: none), else none."""
    given = os.environ.get("REGIE_PASSWORD")
    if given is not None:
        return given
    if not _terminal():
        return ""
    while True:
        first = getpass.getpass(
            tr("cli", "Password for the administrator {name} (empty: none): ").format(name=name)
        )
        if not first:
            return ""
        if getpass.getpass(tr("cli", "The same password again: ")) == first:
            return first
        print(tr("cli", "The two passwords differ; again."), file=sys.stderr)


def _refused(problems: list[ValidationError]) -> int:
    head = SetUpRefused(problems)
    head.details = []  # listed below, each with its option
    lines = [message(head)]
    for err in problems:
        field = str(err.field)
        lines.append(f"- {OPTION_OF.get(field, field)}: {message(err)}")
    print("\n".join(lines), file=sys.stderr)
    return 1


def _report(args: argparse.Namespace, db: Database, done: SetUp) -> None:
    from app.core import settings

    with db.read() as uow:
        stored = settings.all_settings(uow)
    if args.json:
        print_json(
            {
                "database": db.display_name,
                "kind": stored.get(settings.DATABASE_KIND, ""),
                "identity": {key: stored.get(setup.SETTING_OF[key], "") for key in setup.SETTING_OF}
                | {"address": stored.get(settings.ADDRESS, "")},
                "logo": bool(settings.logo_from(stored.get(settings.LOGO, ""))),
                "vat_regime": done.vat_regime,
                "vat_rate": done.vat_rate,
                "invoice_prefix": done.invoice_prefix,
                "credit_prefix": done.credit_prefix,
                "payment_days": done.payment_days,
                "membership_year_start": done.membership_year_start,
                "coefficients": {str(d): c for d, c in done.coefficients},
                "admin": done.admin_name,
                "admin_password": bool(done.admin_password),
            }
        )
        return
    text = tr("cli", "{name} is set up in {database}.")
    print(text.format(name=done.identity.name, database=db.display_name))
    if done.admin_password:
        who = tr("cli", "Administrator: {admin} (with the password given).")
    else:
        who = tr(
            "cli",
            "Administrator: {admin}, without a password for now (give one with regie "
            "accounts passwd {admin}).",
        )
    print(who.format(admin=done.admin_name))
    print(
        tr(
            "cli",
            "Next: bring your data in (regie items import F.csv, regie customers import "
            "F.csv, regie rates import F.csv, regie opening-balances import F.csv; .xlsx "
            "files too) or open Régie.",
        )
    )
