"""Demo and own data in two files: which file Régie opens when nothing names one, when the
desktop app must ask first, how a database says it is the demo (older ones included), and
that the demo never goes into a cooperative's own database."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import bootstrap
from app.cli import main
from app.core import paths, settings
from app.core.migrate import open_database
from app.core.settings import DEMO_SIREN


def _file(path: Path, **values: str) -> Path:
    db = open_database(path)
    try:
        with db.write() as uow:
            for key, value in values.items():
                settings.set_setting(uow, key, value)
    finally:
        db.dispose()
    return path


def test_nothing_named_opens_regie_db_once_it_exists_else_the_demo():
    assert paths.resolve_db(None) == paths.demo_db_path()
    assert bootstrap.needs_choice(None) and bootstrap.first_run(None)
    _file(paths.demo_db_path())
    assert not bootstrap.needs_choice(None) and not bootstrap.first_run(None)
    assert paths.resolve_db(None) == paths.demo_db_path()
    _file(paths.default_db_path())
    assert paths.resolve_db(None) == paths.default_db_path()
    assert not bootstrap.needs_choice(None)


def test_a_named_database_never_asks(tmp_path, monkeypatch):
    assert not bootstrap.needs_choice(str(tmp_path / "x.db"))
    monkeypatch.setenv("REGIE_DB", str(tmp_path / "x.db"))
    assert not bootstrap.needs_choice(None)
    assert paths.resolve_db(None) == tmp_path / "x.db"


def test_regie_db_named_explicitly_is_not_filled_with_the_demo(monkeypatch):
    monkeypatch.setenv("REGIE_DB", str(paths.default_db_path()))
    assert not bootstrap.first_run(None)
    ctx = bootstrap.open_context(None)
    try:
        with ctx.db.read() as uow:
            assert not settings.is_demo(uow)
    finally:
        ctx.db.dispose()
    assert not paths.demo_db_path().exists()


@pytest.mark.parametrize(
    ("values", "demo", "own"),
    [
        ({settings.DATABASE_KIND: "demo"}, True, False),
        ({settings.DATABASE_KIND: "own", settings.SIREN: DEMO_SIREN}, False, True),
        ({settings.SIREN: DEMO_SIREN}, True, False),  # built before the kind existed
        ({settings.SIREN: "852741966"}, False, True),  # an identity typed in by hand
        ({}, False, False),  # an empty database
    ],
)
def test_what_a_database_says_it_is(tmp_path, values, demo, own):
    path = _file(tmp_path / "x.db", **values)
    db = open_database(path)
    try:
        with db.read() as uow:
            assert (settings.is_demo(uow), settings.is_own(uow)) == (demo, own)
    finally:
        db.dispose()
    assert bootstrap.holds_demo(path) is demo
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]  # read, nothing left


def test_an_older_demo_in_regie_db_is_set_aside_only_when_free():
    own = _file(paths.default_db_path(), **{settings.SIREN: DEMO_SIREN})
    wal = own.with_name("regie.db-wal")
    wal.write_bytes(b"")  # another Régie has it open
    assert bootstrap.set_aside_old_demo() is None and own.exists()
    wal.unlink()
    assert bootstrap.set_aside_old_demo() == paths.demo_db_path()
    assert not own.exists() and bootstrap.holds_demo(paths.demo_db_path())


def test_a_cooperatives_own_file_is_never_set_aside():
    _file(paths.default_db_path(), **{settings.DATABASE_KIND: "own"})
    assert bootstrap.set_aside_old_demo() is None
    assert paths.default_db_path().exists() and not paths.demo_db_path().exists()


def test_regie_demo_refuses_an_own_database_unchanged(tmp_path, monkeypatch, capsys):
    path = _file(
        tmp_path / "ours.db",
        **{settings.DATABASE_KIND: "own", settings.COOPERATIVE_NAME: "Les Plateaux"},
    )
    before = path.read_bytes()
    monkeypatch.setenv("REGIE_DB", str(path))
    assert main(["demo"]) == 1
    err = capsys.readouterr().err
    assert "Les Plateaux" in err and "demo.db demo" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_regie_demo_refuses_a_database_with_an_identity_of_its_own(tmp_path, monkeypatch, capsys):
    path = _file(tmp_path / "old.db", **{settings.SIREN: "852741966"})
    monkeypatch.setenv("REGIE_DB", str(path))
    assert main(["demo"]) == 1
    assert "own data" in capsys.readouterr().err
