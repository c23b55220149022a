"""``regie init``: a cooperative sets up its own database from the command line (options or
a TOML file); every invalid field is named with its option and nothing is written; an
existing database is refused; the demo and the cooperative's data stay in two files."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from app.core import paths, settings
from app.core.migrate import open_database

EXAMPLE = Path(__file__).resolve().parents[1] / "resources" / "examples" / "cooperative.toml"
GOOD = [
    "--name",
    "Les Plateaux Partagés",
    "--legal-form",
    "SCIC SAS",
    "--siret",
    "85274196600018",
    "--vat",
    "FR96852741966",
    "--address",
    "5 place du Marché",
    "--postcode",
    "63000",
    "--city",
    "Clermont-Ferrand",
    "--iban",
    "FR7699999006900009876543263",
]


@pytest.fixture(autouse=True)
def _no_password(monkeypatch):
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)


def _stored(path: Path) -> dict[str, str]:
    db = open_database(path)
    try:
        with db.read() as uow:
            return settings.all_settings(uow)
    finally:
        db.dispose()


def test_init_sets_up_the_cooperative_in_regie_db(capsys):
    assert main(["init", *GOOD, "--capital", "12 000", "--admin", "camille", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    own = paths.default_db_path()
    assert printed["database"] == str(own)
    assert printed["kind"] == "own"
    assert printed["identity"]["siren"] == "852741966"
    assert printed["identity"]["capital"] == "12000.00"
    assert printed["identity"]["address"] == "5 place du Marché\n63000 Clermont-Ferrand"
    assert printed["admin"] == "camille" and printed["admin_password"] is False
    assert printed["coefficients"]["2"] == "1.5"
    assert _stored(own)[settings.DATABASE_KIND] == "own"
    assert not paths.demo_db_path().exists()
    # from now on Régie opens the cooperative's file, and the demo never goes into it
    assert paths.resolve_db(None) == own
    assert main(["demo"]) == 1
    assert "own data" in capsys.readouterr().err


def test_every_invalid_field_is_named_with_its_option_and_nothing_is_written(capsys):
    bad = list(GOOD)
    bad[bad.index("85274196600018")] = "85274196600019"
    bad[bad.index("63000")] = "630"
    bad[bad.index("FR7699999006900009876543263")] = "FR76"
    assert main(["init", *bad, "--payment-days", "90", "--invoice-prefix", "FA 26"]) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert "5 problem" in lines[0] and "nothing was written" in lines[0]
    assert [line.split(":")[0] for line in lines[1:]] == [
        "- --postcode",
        "- --siret",
        "- --iban",
        "- --invoice-prefix",
        "- --payment-days",
    ]
    assert "Traceback" not in err
    assert not paths.data_dir().exists() or not any(paths.data_dir().iterdir())


def test_missing_required_fields_are_named(capsys):
    assert main(["init", "--name", "Seule"]) == 1
    err = capsys.readouterr().err
    for option in ("--legal-form", "--address", "--postcode", "--city", "--siret", "--iban"):
        assert f"- {option}:" in err
    assert "- --vat: A cooperative that charges VAT needs its VAT number" in err
    assert not paths.default_db_path().exists()


def test_an_existing_database_is_refused_unchanged(tmp_path, monkeypatch, capsys):
    target = tmp_path / "ours.db"
    monkeypatch.setenv("REGIE_DB", str(target))
    assert main(["init", *GOOD]) == 0
    before = target.read_bytes()
    assert main(["init", *GOOD, "--name", "Une autre"]) == 1
    assert "already holds a database" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert not paths.default_db_path().exists()


def test_init_from_the_shipped_example(capsys):
    assert main(["init", "--from", str(EXAMPLE), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["identity"]["name"] == "Les Plateaux Partagés"
    assert printed["identity"]["rcs"] == "RCS Clermont-Ferrand 852 741 966"
    assert printed["coefficients"] == {
        "1": "1",
        "2": "1.5",
        "3": "2",
        "4": "2.5",
        "5": "3",
        "7": "3.5",
        "14": "5.25",
        "30": "7.3",
    }


def test_options_beside_the_file_win(tmp_path, capsys):
    shutil_copy = tmp_path / "coop.toml"
    shutil_copy.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    argv = ["init", "--from", str(shutil_copy), "--vat-regime", "franchise", "--vat", ""]
    assert main([*argv, "--invoice-prefix", "F", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["vat_regime"] == "franchise" and printed["identity"]["vat"] == ""
    assert printed["invoice_prefix"] == "F"


def test_a_toml_file_with_unknown_keys_or_bad_syntax_is_refused(tmp_path, capsys):
    wrong = tmp_path / "coop.toml"
    wrong.write_text('[cooperative]\nnom = "X"\n[banque]\n', encoding="utf-8")
    assert main(["init", "--from", str(wrong)]) == 1
    err = capsys.readouterr().err
    assert "[banque]" in err and "cooperative.nom" in err
    wrong.write_text("[cooperative\n", encoding="utf-8")
    assert main(["init", "--from", str(wrong)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{wrong}, line 1: this line is not valid TOML (check its [brackets], quotes and "
        "key = value); resources/examples/cooperative.toml shows the format."
    )
    assert main(["init", "--from", str(tmp_path / "none.toml")]) == 1
    none = tmp_path / "none.toml"
    assert capsys.readouterr().err.strip() == f"{none} cannot be read (the file does not exist)."
    assert not paths.default_db_path().exists()


def test_a_logo_is_stored_and_a_bad_one_refused(tmp_path, capsys):
    logo = tmp_path / "logo.jpg"
    out = io.BytesIO()
    Image.new("RGB", (900, 300), (10, 120, 60)).save(out, format="JPEG")
    logo.write_bytes(out.getvalue())
    text = tmp_path / "logo.png"
    text.write_text("pas une image", encoding="utf-8")
    assert main(["init", *GOOD, "--logo", str(text)]) == 1
    assert "- --logo: The logo is not a readable PNG or JPEG image." in capsys.readouterr().err
    assert main(["init", *GOOD, "--logo", str(tmp_path / "none.png")]) == 1
    assert "- --logo: The logo" in capsys.readouterr().err
    assert not paths.default_db_path().exists()
    assert main(["init", *GOOD, "--logo", str(logo), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["logo"] is True
    assert settings.logo_from(_stored(paths.default_db_path())[settings.LOGO]).startswith(
        b"\x89PNG"
    )


def test_the_administrators_password_comes_from_regie_password(monkeypatch, capsys):
    monkeypatch.setenv("REGIE_PASSWORD", "court")
    assert main(["init", *GOOD]) == 1
    assert "- REGIE_PASSWORD: A password has at least 8 characters." in capsys.readouterr().err
    monkeypatch.setenv("REGIE_PASSWORD", "un-long-secret")
    assert main(["init", *GOOD, "--admin", "camille"]) == 0
    assert "camille (with the password given)" in capsys.readouterr().out
    # the next command must log in
    monkeypatch.delenv("REGIE_PASSWORD")
    assert main(["accounts", "list"]) == 1
    assert "Name your account" in capsys.readouterr().err
    monkeypatch.setenv("REGIE_USER", "camille")
    monkeypatch.setenv("REGIE_PASSWORD", "un-long-secret")
    assert main(["accounts", "list", "--json"]) == 0
    assert [a["name"] for a in json.loads(capsys.readouterr().out)] == ["camille"]


def test_an_older_demo_in_regie_db_moves_to_demo_db(capsys):
    own = paths.default_db_path()
    db = open_database(own)  # a demo built by an older Régie: the demo's SIREN, no kind
    try:
        with db.write() as uow:
            settings.set_setting(uow, settings.SIREN, settings.DEMO_SIREN)
            settings.set_setting(uow, settings.COOPERATIVE_NAME, "Scène Commune du Velay (démo)")
    finally:
        db.dispose()
    assert main(["init", *GOOD]) == 0
    assert "is now in" in capsys.readouterr().err
    assert _stored(paths.demo_db_path())[settings.SIREN] == settings.DEMO_SIREN
    assert _stored(own)[settings.DATABASE_KIND] == "own"


def test_init_on_an_empty_postgresql_database(pg_empty_url, monkeypatch, capsys):
    monkeypatch.setenv("REGIE_DB", pg_empty_url)
    assert main(["init", *GOOD]) == 1  # a server needs a password
    assert "- REGIE_PASSWORD: On a PostgreSQL server" in capsys.readouterr().err
    monkeypatch.setenv("REGIE_PASSWORD", "un-long-secret")
    assert main(["init", *GOOD, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "own"
    assert main(["init", *GOOD]) == 1
    assert "already holds a database" in capsys.readouterr().err


def test_regie_init_in_a_real_process(tmp_path):
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("REGIE_DB", None)
    env.pop("REGIE_PASSWORD", None)
    regie = [sys.executable, "-m", "app"]
    bad = subprocess.run(
        [*regie, "init", *GOOD[:-1], "FR00"], env=env, capture_output=True, text=True
    )
    assert bad.returncode == 1 and "--iban" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").rglob("*.db"))
    done = subprocess.run(
        [*regie, "init", "--from", str(EXAMPLE)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "Les Plateaux Partagés" in done.stdout
    listed = subprocess.run([*regie, "verify"], env=env, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    assert (tmp_path / "data" / "regie" / "regie.db").exists()
    assert not (tmp_path / "data" / "regie" / "demo.db").exists()


def test_a_logo_named_in_the_toml_file_is_found_beside_it(tmp_path, capsys):
    folder = tmp_path / "setup"
    folder.mkdir()
    out = io.BytesIO()
    Image.new("RGBA", (300, 100), (10, 120, 60, 128)).save(out, format="PNG")
    (folder / "logo.png").write_bytes(out.getvalue())
    text = EXAMPLE.read_text(encoding="utf-8").replace('logo = ""', 'logo = "logo.png"')
    (folder / "coop.toml").write_text(text, encoding="utf-8")
    assert main(["init", "--from", str(folder / "coop.toml"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["logo"] is True
