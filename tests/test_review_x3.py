"""A new user's first steps (issue 13 review): a mistyped database path is refused with
nothing created, the demo says it is the demo when it is built on first use, ``regie init``
reads well (placeholders, the imports to do next, a TOML mistake in French), the set-up
leaves one default coefficient table, and the system's refusals are in our words."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.core.migrate import open_database
from app.core.storage import os_reason

REGIE = shutil.which("regie")
IDENTITY = [
    "--name",
    "Coopérative du Plateau",
    "--legal-form",
    "SCIC SAS",
    "--siret",
    "73282932000074",
    "--vat",
    "FR44732829320",
    "--address",
    "1 rue des Arts",
    "--postcode",
    "69001",
    "--city",
    "Lyon",
    "--iban",
    "FR7630006000011234567890189",
]


def _env(tmp_path: Path, lang: str = "fr", **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(
        REGIE_LANG=lang,
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
        **more,
    )
    return env


def _regie(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    assert REGIE is not None, "the regie console script is installed by pip install -e"
    return subprocess.run(
        [REGIE, *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_a_mistyped_database_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "x" / "nonexistent.db"
    typo = tmp_path / "regei.db"
    env = _env(tmp_path)
    for args, extra in (
        (["--db", str(missing), "customers", "list"], {}),
        (["customers", "list"], {"REGIE_DB": str(typo)}),
        (["--db", str(typo), "verify"], {}),
    ):
        result = _regie({**env, **extra}, *args)
        named = missing if str(missing) in args else typo
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.strip() == (
            f"Il n’y a pas de base de données à l’emplacement {named} (vérifiez le chemin ; "
            "pour en créer une : regie init ou regie demo)."
        )
    assert not missing.parent.exists() and not typo.exists()
    assert not (tmp_path / "data").exists()  # nor the demo built instead
    # the same path, now made on purpose: regie init creates it
    made = _regie(env, "--db", str(typo), "init", *IDENTITY)
    assert made.returncode == 0, made.stderr
    assert typo.stat().st_size > 0
    listed = _regie(env, "--db", str(typo), "customers", "list", "--json")
    assert listed.returncode == 0 and listed.stdout.strip() == "[]"


def test_an_empty_file_is_like_a_missing_one(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.delenv("REGIE_DB", raising=False)
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main(["--db", str(empty), "items", "list", "--json"]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert empty.stat().st_size == 0


def test_the_demo_built_on_first_use_says_so(tmp_path: Path, monkeypatch, capsys) -> None:
    """No --db, no REGIE_DB, nothing yet in the data directory: the demo is built (a
    stand-in here: the real build is tested in test_first_run) and stderr says it once,
    terminal or not."""
    from app import first_start
    from app.core.paths import demo_db_path

    monkeypatch.delenv("REGIE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    built: list[Path] = []

    def build(path: Path, **_kw: object) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        open_database(path).dispose()
        built.append(path)

    monkeypatch.setattr(first_start, "build_demo_file", build)
    assert main(["customers", "list", "--json"]) == 0
    err = capsys.readouterr().err
    assert built == [demo_db_path()]
    assert err.count("First use: the demonstration cooperative (DEMO) is being prepared") == 1
    assert str(demo_db_path()) in err and "regie init" in err
    assert main(["customers", "list", "--json"]) == 0  # built once: said once
    assert capsys.readouterr().err == ""


def test_init_help_advice_and_toml_mistakes_read_well(tmp_path: Path) -> None:
    env = _env(tmp_path, lang="en")
    shown = _regie(env, "init", "--help")
    assert shown.returncode == 0
    for placeholder in ("--name NAME", "--legal-form FORM", "--siret SIRET", "--iban IBAN"):
        assert placeholder in shown.stdout
    assert "ID_" not in shown.stdout

    bad = tmp_path / "coop.toml"
    bad.write_text('[identity\nname = "x"\n', encoding="utf-8")
    target = tmp_path / "own.db"
    fr = _env(tmp_path)
    refused = _regie(fr, "--db", str(target), "init", "--from", str(bad))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"{bad}, ligne 1 : cette ligne n’est pas du TOML valide (vérifiez ses [crochets], ses "
        "guillemets et la forme clé = valeur) ; resources/examples/cooperative.toml montre le "
        "format."
    ]
    gone = _regie(fr, "--db", str(target), "init", "--from", str(tmp_path / "nope.toml"))
    assert gone.returncode == 1
    assert gone.stderr.strip() == (
        f"{tmp_path / 'nope.toml'} ne peut pas être lu (le fichier n’existe pas)."
    )
    assert not target.exists()

    done = _regie(env, "--db", str(target), "init", *IDENTITY)
    assert done.returncode == 0, done.stderr
    for command in ("customers import", "rates import", "opening-balances import"):
        assert f"regie {command}" in done.stdout


def test_the_set_up_leaves_one_default_coefficient_table(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.delenv("REGIE_DB", raising=False)
    target = tmp_path / "own.db"
    assert (
        main(
            [
                "--db",
                str(target),
                "init",
                *IDENTITY,
                "--coefficient",
                "1=1",
                "--coefficient",
                "2=1.6",
            ]
        )
        == 0
    )
    capsys.readouterr()
    with sqlite3.connect(target) as con:
        tables = con.execute("SELECT name, is_default FROM coefficient_table").fetchall()
        steps = con.execute("SELECT days, coefficient_milli FROM coefficient_step").fetchall()
    assert tables == [("Tableau standard", 1)]
    assert sorted(steps) == [(1, 1000), (2, 1600)]


@pytest.mark.parametrize(
    ("code", "french"),
    [
        (errno.ENOENT, "le fichier n’existe pas"),
        (errno.EACCES, "accès refusé"),
        (errno.ENOSPC, "le disque est plein"),
        (errno.EISDIR, "c’est un dossier, pas un fichier"),
        (errno.ENOTDIR, "une partie du chemin est un fichier, pas un dossier"),
        (errno.EROFS, "le disque est en lecture seule"),
    ],
)
def test_system_refusals_are_in_our_words(code: int, french: str) -> None:
    from app import i18n

    i18n.install("fr")
    try:
        assert i18n.message(os_reason(OSError(code, os.strerror(code), "f.csv"))) == french
    finally:
        i18n.install("en")
    odd = os_reason(OSError(errno.ECONNRESET, "Connection reset by peer"))
    assert i18n.message(odd) == "the system says: Connection reset by peer"
