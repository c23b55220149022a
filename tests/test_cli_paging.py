"""Every listing is paged (issue 14): ``--limit N`` and ``--offset N`` cut the rows in the
database's order; the text shows 100 rows unless ``--limit`` is given and says on stderr how
many more there are and how to see them; the JSON stays the complete array unless
``--limit`` is given; a bad value is a usage error (exit 2) naming the option, with
nothing changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.bootstrap import open_context
from app.cli import main
from app.core.access import Role
from app.core.accounts import add_account
from tests import factories

BOOKINGS = 105
CUSTOMERS = 5
LISTINGS = (
    ("bookings", "list"),
    ("customers", "list"),
    ("items", "list"),
    ("invoices", "list"),
    ("audit",),
    ("accounts", "list"),
    ("opening-balances", "list"),
)


@pytest.fixture
def listed(db, db_path, db_engine, clock, monkeypatch):
    """105 quotes (one DMX cable each, several picked up on the same day), five customers,
    four more item types, an account: the CLI's clock fixed at the test clock."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    fixed = open_context

    def fixed_context(db_option, **kwargs):
        ctx = fixed(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("bookings", "customers", "items", "invoicing", "audit", "accounts"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    factories.bulk(db, quantity=1000)
    for n in range(4):
        factories.item(db, code=f"TYPE-{n}", name=f"Type {n}")
    numbers = [factories.customer(db, name=f"Client {n:03}") for n in range(CUSTOMERS)]
    for n in range(BOOKINGS):
        day = 1 + n % 20
        factories.booking(
            db,
            clock,
            numbers[n % CUSTOMERS],
            f"2027-01-{day:02}T09:00",
            f"2027-01-{day + 2:02}T18:00",
            {"DMX-10": 1},
            confirm=False,
        )
    with db.write() as uow:
        # a server wants a password; on a PC, one would make every command log in
        password = "Lyre-wash-19x15" if db_engine == "postgresql" else ""
        add_account(uow, name="lea", role=Role.STAFF, password=password, clock=clock)
    return db_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def listing(capsys, *argv: str) -> list[dict]:
    status, out, err = run(capsys, *argv, "--json")
    assert status == 0, err
    assert err == ""
    return json.loads(out)


@pytest.mark.both_engines
@pytest.mark.parametrize(
    "command",
    [("bookings", "list"), ("customers", "list"), ("items", "list"), ("audit",)],
    ids=lambda c: c[0],
)
def test_a_json_page_is_the_slice_of_the_whole_list(listed, capsys, command) -> None:
    whole = listing(capsys, *command)
    assert len(whole) >= 5
    assert listing(capsys, *command, "--limit", "2", "--offset", "1") == whole[1:3]
    assert listing(capsys, *command, "--offset", "3") == whole[3:]
    assert listing(capsys, *command, "--limit", "0") == []
    assert listing(capsys, *command, "--offset", str(len(whole))) == []


@pytest.mark.both_engines
def test_pages_of_bookings_picked_up_together_follow_each_other(listed, capsys) -> None:
    """Bookings picked up on the same day are ordered by their id too: consecutive pages
    neither repeat nor skip one."""
    whole = listing(capsys, "bookings", "list")
    assert len(whole) == BOOKINGS
    pages = [
        listing(capsys, "bookings", "list", "--limit", "7", "--offset", str(start))
        for start in range(0, BOOKINGS, 7)
    ]
    assert [b["ref"] for page in pages for b in page] == [b["ref"] for b in whole]
    assert [b["from"] for b in whole] == sorted((b["from"] for b in whole), reverse=True)


def test_the_text_shows_one_page_and_says_how_to_see_the_rest(listed, capsys) -> None:
    status, out, err = run(capsys, "bookings", "list")
    assert status == 0
    assert len(out.splitlines()) == 100
    assert err.splitlines() == ["… 5 more: --offset 100"]
    status, out, err = run(capsys, "bookings", "list", "--offset", "100")
    assert status == 0 and len(out.splitlines()) == BOOKINGS - 100 and err == ""
    status, out, err = run(capsys, "customers", "list", "--limit", "2")
    assert len(out.splitlines()) == 2 and err.splitlines() == ["… 3 more: --offset 2"]
    status, out, err = run(capsys, "items", "list", "--limit", "1", "--offset", "1")
    assert len(out.splitlines()) == 1 and err.splitlines() == ["… 3 more: --offset 2"]
    status, out, err = run(capsys, "bookings", "list", "--search", "Client 001", "--limit", "5")
    assert len(out.splitlines()) == 5
    assert err.splitlines() == [f"… {BOOKINGS // CUSTOMERS - 5} more: --offset 5"]


def test_a_limit_of_zero_says_how_many_rows_there_are_and_how_to_see_them(listed, capsys) -> None:
    status, out, err = run(capsys, "bookings", "list", "--limit", "0")
    assert status == 0 and out == ""
    assert err.splitlines() == [f"… {BOOKINGS} rows: --limit N shows N of them"]


def test_the_text_of_every_listing_says_what_follows_a_page(listed, capsys) -> None:
    for command in LISTINGS:
        status, out, err = run(capsys, *command, "--limit", "1")
        assert status == 0, (command, err)
        rows = [line for line in out.splitlines() if not line.startswith("Opening entries")]
        assert len(rows) <= 1, command
        assert "Traceback" not in err


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    ("option", "value"), [("--limit", "-1"), ("--offset", "ten"), ("--limit", "1.5")]
)
def test_a_bad_limit_or_offset_is_a_usage_error(listed, capsys, command, option, value) -> None:
    before = _bytes(listed)
    status, out, err = run(capsys, *command, option, value)
    assert status == 2
    assert out == ""
    assert f"{option} {value}" in err
    assert "Give a whole number of rows, 0 or more" in err
    assert "Traceback" not in err
    assert _bytes(listed) == before


def test_the_refusal_reads_in_french_from_the_installed_command(listed, tmp_path) -> None:
    regie = shutil.which("regie")
    assert regie is not None, "the regie console script is installed by pip install -e"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIE_")}
    env.update(
        REGIE_LANG="fr",
        REGIE_DB=str(listed),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    refused = subprocess.run(
        [regie, "bookings", "list", "--limit", "dix"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "--limit dix : Donnez un nombre entier de lignes, 0 ou plus" in refused.stderr
    paged = subprocess.run(
        [regie, "bookings", "list", "--offset", "3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert len(paged.stdout.splitlines()) == 100
    assert paged.stderr.splitlines() == ["… 2 de plus : --offset 103"]
