"""Setting up a cooperative (``invoicing.setup``): each identity field checked as typed,
every problem of a whole set-up listed, and the database created whole or not at all — on
SQLite and on a PostgreSQL server."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from app.core import accounts, settings
from app.core.errors import Conflict, ValidationError
from app.core.migrate import open_database
from app.core.models import Account
from invoicing import rates
from invoicing.setup import (
    Identity,
    SetUp,
    SetUpRefused,
    check,
    check_field,
    check_logo,
    create_cooperative,
)

IDENTITY = Identity(
    name="Les Plateaux Partagés",
    legal_form="SCIC SAS à capital variable",
    capital="12 000,00",
    address="Pôle associatif\n5 place du Marché",
    postcode="63000",
    city="Clermont-Ferrand",
    siret="852 741 966 00018",
    rcs="RCS Clermont-Ferrand 852741966",
    vat="FR 96 852741966",
    iban="FR76 9999 9006 9000 0987 6543 263",
    bic="CEPAFRPP871",
    email="contact@plateaux.example",
    phone="04 73 00 00 00",
)
SETUP = SetUp(identity=IDENTITY, admin_name="camille", admin_password="un-mot-de-passe")


def _png(size: tuple[int, int] = (1200, 400), fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


# --- one field as typed -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "typed", "compact"),
    [
        ("siret", "852 741 966 00018", "85274196600018"),
        ("siren", "852741966", "852741966"),
        ("vat", "fr 96 852741966", "FR96852741966"),
        ("iban", "fr76 9999 9006 9000 0987 6543 263", "FR7699999006900009876543263"),
        ("bic", "cepa fr pp 871", "CEPAFRPP871"),
        ("capital", "12 000,5", "12000.50"),
        ("capital", "18500 €", "18500.00"),
        ("postcode", "63 000", "63000"),
        ("rcs", "RCS Clermont-Ferrand 852741966", "RCS Clermont-Ferrand 852 741 966"),
        ("rcs", "rna w631234567", "W631234567"),
        ("email", "contact@plateaux.example", "contact@plateaux.example"),
        ("name", "  Les   Plateaux ", "Les Plateaux"),
        ("address", "5 place\n\n du Marché ", "5 place\ndu Marché"),
        ("capital", "", ""),
    ],
)
def test_a_good_field_comes_back_compact(key, typed, compact):
    assert check_field(key, typed, IDENTITY) == compact


@pytest.mark.parametrize(
    ("key", "typed", "words"),
    [
        ("siret", "85274196600019", "not a valid SIRET"),
        ("siren", "852741967", "not a valid SIREN"),
        ("vat", "FR00852741966", "not a valid VAT number"),
        ("vat", "FR49932817455", "is not the SIREN 852741966's"),  # another SIREN's key
        ("iban", "FR7699999006900009876543264", "check digits"),
        ("bic", "CEPA", "not a valid BIC"),
        ("capital", "douze mille", "not an amount of share capital"),
        ("capital", "-5", "not an amount of share capital"),
        ("postcode", "6300", "five digits"),
        ("rcs", "RCS Lyon 932817455", "SIREN 852741966"),
        ("rcs", "registre 12", "neither an RCS registration"),
        ("email", "contact@plateaux", "not an email address"),
        ("phone", "appelez-nous", "not a phone number"),
        ("name", "   ", "is required"),
        ("iban", "", "is required"),
    ],
)
def test_a_wrong_field_is_named_with_a_sentence(key, typed, words):
    with pytest.raises(ValidationError) as caught:
        check_field(key, typed, IDENTITY)
    assert caught.value.field == key
    assert words in str(caught.value)


def test_the_siret_must_start_with_the_siren_typed():
    identity = replace(IDENTITY, siren="932817455")
    with pytest.raises(ValidationError, match="does not start with the SIREN 932817455"):
        check_field("siret", IDENTITY.siret, identity)


def test_optional_fields_may_stay_empty():
    for key in ("capital", "siren", "rcs", "vat", "bic", "email", "phone"):
        assert check_field(key, "", IDENTITY) == ""


# --- a whole set-up -----------------------------------------------------------------------


def test_a_good_setup_has_no_problem():
    assert check(SETUP) == []


def test_every_problem_is_listed_in_form_order():
    bad = SetUp(
        identity=replace(IDENTITY, siret="123", postcode="", iban="FR76"),
        vat_regime="micro",
        invoice_prefix="fa-2026",
        credit_prefix="AV",
        payment_days=90,
        coefficients=((1, "1"), (2, "0.5")),
        membership_year_start="02-30",
        admin_name="camille dupont",
        admin_password="court",
    )
    fields = [err.field for err in check(bad)]
    assert fields == [
        "postcode",
        "siret",
        "iban",
        "vat_regime",
        "invoice_prefix",
        "payment_days",
        "coefficients",
        "membership_year_start",
        "admin_name",
        "admin_password",
    ]


def test_vat_charged_needs_a_vat_number_the_franchise_does_not():
    no_vat = replace(SETUP, identity=replace(IDENTITY, vat=""))
    assert [e.field for e in check(no_vat)] == ["vat"]
    assert check(replace(no_vat, vat_regime="franchise")) == []


def test_the_two_prefixes_must_differ():
    problems = check(replace(SETUP, invoice_prefix="FA", credit_prefix="fa"))
    assert [e.field for e in problems] == ["credit_prefix"]


def test_a_logo_is_scaled_and_kept_as_png():
    stored = check_logo(_png((2400, 800), "JPEG"))
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "PNG"
        assert image.size[0] <= 600 and image.size[1] <= 270


@pytest.mark.parametrize("data", [b"not an image", b"GIF89a" + b"\0" * 20])
def test_a_logo_that_is_not_png_or_jpeg_is_refused(data):
    assert [e.field for e in check(replace(SETUP, logo=data))] == ["logo"]


def test_a_gif_logo_is_refused_by_name():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    with pytest.raises(ValidationError, match="PNG or JPEG image, not GIF"):
        check_logo(out.getvalue())


# --- creating the database -----------------------------------------------------------------


def _settings(db) -> dict[str, str]:
    with db.read() as uow:
        return settings.all_settings(uow)


def test_create_writes_the_identity_choices_and_first_administrator(tmp_path):
    db = create_cooperative(tmp_path / "own.db", replace(SETUP, logo=_png()))
    try:
        stored = _settings(db)
        assert stored[settings.COOPERATIVE_NAME] == "Les Plateaux Partagés"
        assert stored[settings.SIRET] == "85274196600018"
        assert stored[settings.SIREN] == "852741966"  # from the SIRET
        assert stored[settings.CAPITAL] == "12000.00"
        assert (
            stored[settings.ADDRESS] == "Pôle associatif\n5 place du Marché\n63000 Clermont-Ferrand"
        )
        assert stored[settings.DATABASE_KIND] == settings.OWN
        assert stored[settings.VAT_REGIME] == "normal"
        assert stored[settings.INVOICE_PREFIX] == "FA"
        assert stored[rates.PAYMENT_DAYS] == "30"
        assert stored[settings.MEMBERSHIP_YEAR_START] == "01-01"
        with db.read() as uow:
            assert not settings.is_demo(uow) and settings.is_own(uow)
            logo = settings.logo_bytes(uow)
            assert logo is not None and logo.startswith(b"\x89PNG")
            table = rates.coefficient_table(uow, "Tableau standard")
            assert table.is_default
            names = [a.name for a in uow.session.exec(select(Account))]
        assert names == ["camille"]  # the built-in admin, renamed
        assert accounts.automatic(db) is None  # a password: nobody logs in by default
        assert accounts.needs_password(db, "camille")
    finally:
        db.dispose()


def test_without_a_password_the_administrator_logs_in_automatically(tmp_path):
    db = create_cooperative(tmp_path / "own.db", replace(SETUP, admin_password=""))
    try:
        actor = accounts.automatic(db)
        assert actor is not None and actor.name == "camille"
    finally:
        db.dispose()


def test_a_refused_setup_leaves_no_file(tmp_path):
    target = tmp_path / "own.db"
    with pytest.raises(SetUpRefused) as caught:
        create_cooperative(target, replace(SETUP, identity=replace(IDENTITY, iban="FR00")))
    assert [d.field for d in caught.value.details] == ["iban"]
    assert "1 problem" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_refused_and_left_as_it_was(tmp_path):
    target = tmp_path / "own.db"
    open_database(target).dispose()
    before = target.read_bytes()
    with pytest.raises(Conflict, match="already holds a database"):
        create_cooperative(target, SETUP)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["own.db"]


def test_a_folder_that_does_not_exist_is_refused(tmp_path):
    with pytest.raises(Conflict, match="There is no folder"):
        create_cooperative(tmp_path / "nowhere" / "own.db", SETUP)
    assert list(tmp_path.iterdir()) == []


def test_the_settings_of_a_set_up_database_are_its_own(tmp_path: Path):
    db = create_cooperative(
        tmp_path / "own.db",
        replace(
            SETUP,
            vat_regime="franchise",
            identity=replace(IDENTITY, vat=""),
            invoice_prefix="F",
            credit_prefix="A",
            payment_days=0,
            membership_year_start="09-01",
            coefficients=((1, "1"), (2, "1,8"), (7, "4")),
        ),
    )
    try:
        stored = _settings(db)
        assert stored[settings.VAT_REGIME] == "franchise"
        assert (stored[settings.INVOICE_PREFIX], stored[settings.CREDIT_PREFIX]) == ("F", "A")
        assert stored[rates.PAYMENT_DAYS] == "0"
        assert stored[settings.MEMBERSHIP_YEAR_START] == "09-01"
        with db.read() as uow:
            table = rates.coefficient_table(uow, "Tableau standard")
            steps = rates._steps(uow, table.id)
        assert [(d, str(c)) for d, c in steps.steps] == [(1, "1"), (2, "1.8"), (7, "4")]
    finally:
        db.dispose()


# --- on a PostgreSQL server ---------------------------------------------------------------


def test_a_server_database_is_set_up_once(pg_empty_url):
    db = create_cooperative(pg_empty_url, SETUP)
    try:
        assert _settings(db)[settings.DATABASE_KIND] == settings.OWN
    finally:
        db.dispose()
    with pytest.raises(Conflict, match="already holds a database"):
        create_cooperative(pg_empty_url, replace(SETUP, identity=replace(IDENTITY, name="Autre")))
    again = open_database(pg_empty_url)
    try:
        assert _settings(again)[settings.COOPERATIVE_NAME] == "Les Plateaux Partagés"
    finally:
        again.dispose()


def test_a_server_needs_the_administrators_password(pg_empty_url):
    with pytest.raises(SetUpRefused) as caught:
        create_cooperative(pg_empty_url, replace(SETUP, admin_password=""))
    assert [d.field for d in caught.value.details] == ["admin_password"]


@pytest.mark.parametrize(
    ("key", "typed", "compact"),
    [
        ("vat_rate", "5,5", "5.50"),
        ("payment_days", " 45 ", "45"),
        ("invoice_prefix", "fa", "FA"),
        ("membership_year_start", "09-01", "09-01"),
        ("vat_regime", "Franchise", "franchise"),
        ("admin_name", " camille ", "camille"),
    ],
)
def test_the_assistants_other_fields_are_checked_one_by_one(key, typed, compact):
    assert check_field(key, typed) == compact


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("vat_rate", "vingt"),
        ("payment_days", "61"),
        ("credit_prefix", "2AV"),
        ("membership_year_start", "13-01"),
        ("admin_name", "camille dupont"),
        ("admin_password", "court"),
    ],
)
def test_the_assistants_other_fields_refuse_with_their_name(key, typed):
    with pytest.raises(ValidationError) as caught:
        check_field(key, typed)
    assert caught.value.field == key
