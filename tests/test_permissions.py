"""Roles enforced in the services, seen from the command line: a technician works at the
desk but neither books nor invoices, staff book, a manager invoices and reads the reports;
a refusal is one sentence, exit 1, nothing written. And every public domain service that
writes carries its permission (``@requires``)."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from app.bootstrap import open_context
from app.cli import main
from app.core import accounts
from app.core.access import Permission, Role
from app.core.clock import PARIS
from app.core.migrate import open_database
from booking.models import Movement
from inventory.models import Unit
from tests.invoicing.conftest import book, coop, customer, set_identity  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[1]
PASSWORDS = {"tom": "tech-pass-1", "sam": "staff-pass-1", "mia": "manager-pass-1"}
ADMIN_PASSWORD = "admin-pass-1"
ROLES = {"tom": Role.TECHNICIAN, "sam": Role.STAFF, "mia": Role.MANAGER}
TABLES = ("booking", "booking_line", "movement", "issued_document", "payment", "document_file")


@pytest.fixture
def people(coop, clock):  # noqa: F811 (the fixture imported above)
    """A technician (tom), staff (sam) and a manager (mia), each with a password, and admin
    with one (given first: passwords end logging in without one)."""
    with coop.write() as uow:
        accounts.set_password(uow, "admin", ADMIN_PASSWORD)
        for name, role in ROLES.items():
            accounts.add_account(uow, name=name, role=role, password=PASSWORDS[name], clock=clock)
    customer(coop, "C-PRO", "Compagnie du Rocher", siret="73282932000074")
    return coop


@pytest.fixture
def cli(people, db_path, clock, monkeypatch, qapp):
    """``regie`` in-process on the test database, its clock the test clock."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    monkeypatch.delenv("REGIE_USER", raising=False)
    monkeypatch.delenv("REGIE_PASSWORD", raising=False)

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("invoicing", "desk", "bookings", "reports", "statements", "export"):
        monkeypatch.setattr(f"app.cli.{module}.open_context", fixed_context)
    return db_path


def as_user(monkeypatch, name: str | None, password: str | None = None) -> None:
    """Log in as ``name`` (None: admin, with its password)."""
    if name is None:
        name, password = "admin", ADMIN_PASSWORD
    monkeypatch.setenv("REGIE_USER", name)
    if password is None:
        monkeypatch.delenv("REGIE_PASSWORD", raising=False)
    else:
        monkeypatch.setenv("REGIE_PASSWORD", password)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as stop:
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def snapshot(path) -> dict[str, list]:
    db = open_database(path)
    try:
        with db.read() as uow:
            conn = uow.session.connection()
            return {t: conn.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}
    finally:
        db.dispose()


def lyres(db) -> list[str]:
    with db.read() as uow:
        return [u.barcode for u in uow.session.exec(select(Unit).order_by(Unit.id))]


# --- what each role may do -------------------------------------------------------------


@pytest.mark.both_engines
def test_a_technician_cannot_invoice_nothing_is_written(
    cli, people, clock, tmp_path, capsys, monkeypatch
):
    ref = book(people, clock, "C-PRO", {"LYRE": 2})
    before = snapshot(cli)
    as_user(monkeypatch, "tom", PASSWORDS["tom"])
    status, out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"), "--json")
    assert status == 1 and out == ""
    assert err.strip() == (
        "tom (technician) may not issue invoices and credit notes or record payments: "
        "ask a manager or an administrator."
    )
    assert "Traceback" not in err
    assert snapshot(cli) == before and not (tmp_path / "f.pdf").exists()


@pytest.mark.both_engines
def test_a_technician_scans_out_and_the_movement_is_theirs(cli, people, clock, capsys, monkeypatch):
    ref = book(people, clock, "C-PRO", {"LYRE": 2})
    code = lyres(people)[0]
    as_user(monkeypatch, "tom", PASSWORDS["tom"])
    status, out, err = run(capsys, "scan", "out", ref, code, "--json")
    assert status == 0, err
    assert json.loads(out.splitlines()[0])["ok"] is True
    with people.read() as uow:
        moves = uow.session.exec(select(Movement)).all()
    assert [(m.user, m.direction) for m in moves] == [("tom", "out")]


def test_a_technician_neither_books_nor_changes_rates(cli, people, capsys, monkeypatch):
    before = snapshot(cli)
    as_user(monkeypatch, "tom", PASSWORDS["tom"])
    status, _, err = run(
        capsys,
        "bookings", "create", "--customer", "C-PRO", "--from", "2026-12-10T09:00",
        "--to", "2026-12-12T18:00", "--line", "LYRE=1", "--confirm",
    )  # fmt: skip
    assert status == 1 and "tom (technician) may not change bookings and quotes" in err
    status, _, err = run(capsys, "pricing", "exempt", "LYRE", "--article", "article 261 du CGI")
    assert status == 1 and "tom (technician) may not change rates and pricing rules" in err
    assert snapshot(cli) == before


@pytest.mark.both_engines
def test_staff_book_but_do_not_invoice(cli, people, tmp_path, capsys, monkeypatch):
    as_user(monkeypatch, "sam", PASSWORDS["sam"])
    status, out, err = run(
        capsys,
        "bookings", "create", "--customer", "C-PRO", "--from", "2026-12-10T09:00",
        "--to", "2026-12-12T18:00", "--line", "LYRE=1", "--confirm", "--json",
    )  # fmt: skip
    assert status == 0, err
    made = json.loads(out)
    assert made["status"] == "confirmed"
    with people.read() as uow:
        row = uow.session.execute(
            text("SELECT created_by FROM booking WHERE reference = :r"), {"r": made["ref"]}
        ).scalar()
    assert row == "sam"
    before = snapshot(cli)
    status, _, err = run(capsys, "invoice", made["ref"], "--out", str(tmp_path / "f.pdf"))
    assert status == 1 and "sam (staff) may not issue invoices" in err
    status, _, err = run(capsys, "report", "revenue", "--from", "2026-01-01", "--to", "2026-12-31")
    assert status == 1 and "sam (staff) may not print statements, reports and exports" in err
    assert snapshot(cli) == before


@pytest.mark.both_engines
def test_a_manager_invoices_and_reads_reports(cli, people, clock, tmp_path, capsys, monkeypatch):
    ref = book(people, clock, "C-PRO", {"LYRE": 2})
    as_user(monkeypatch, "mia", PASSWORDS["mia"])
    status, out, err = run(capsys, "invoice", ref, "--out", str(tmp_path / "f.pdf"), "--json")
    assert status == 0, err
    assert json.loads(out)["number"] == "FA-2026-00001"
    with people.read() as uow:
        issued_by = uow.session.execute(text("SELECT issued_by FROM issued_document")).scalar()
    assert issued_by == "mia"
    status, out, err = run(
        capsys, "report", "revenue", "--from", "2026-01-01", "--to", "2026-12-31"
    )
    assert status == 0, err
    status, _, err = run(capsys, "accounts", "list")
    assert status == 1 and "mia (manager) may not manage accounts" in err


@pytest.mark.parametrize(
    "argv",
    [
        ("statements", "--month", "2026-11", "--out", "{tmp}/statements"),
        ("export", "accounting", "--from", "2026-01-01", "--to", "2026-12-31", "--format",
         "fec", "--out", "{tmp}/fec.txt"),
        ("export", "ereporting", "--from", "2026-01-01", "--to", "2026-12-31", "--out",
         "{tmp}/e.csv"),
        ("report", "receivables", "--from", "2026-01-01", "--to", "2026-12-31", "--format",
         "csv", "--out", "{tmp}/r.csv"),
    ],
)  # fmt: skip
def test_statements_exports_and_reports_need_a_manager(
    cli, people, tmp_path, capsys, monkeypatch, argv
):
    folder = tmp_path / "out"
    (folder / "statements").mkdir(parents=True)
    as_user(monkeypatch, "sam", PASSWORDS["sam"])
    status, out, err = run(capsys, *(a.format(tmp=folder) for a in argv))
    assert status == 1 and out == "", err
    assert "sam (staff) may not print statements, reports and exports" in err
    assert [p for p in folder.rglob("*") if p.is_file()] == []


# --- logging in ------------------------------------------------------------------------


def test_wrong_password_and_unknown_name_are_the_same_sentence(cli, people, capsys, monkeypatch):
    before = snapshot(cli)
    as_user(monkeypatch, "mia", "not-her-password")
    status, out, err = run(capsys, "items", "list", "--json")
    assert (status, out, err.strip()) == (1, "", "Wrong name or password.")
    as_user(monkeypatch, "nobody", "not-her-password")
    status, out, err = run(capsys, "items", "list", "--json")
    assert (status, out, err.strip()) == (1, "", "Wrong name or password.")
    assert snapshot(cli) == before


def test_five_wrong_passwords_lock_the_account(cli, people, capsys, monkeypatch):
    as_user(monkeypatch, "mia", "guess-guess")
    for _ in range(accounts.MAX_FAILURES):
        assert run(capsys, "items", "list")[0] == 1
    as_user(monkeypatch, "mia", PASSWORDS["mia"])
    status, _, err = run(capsys, "items", "list")
    assert status == 1 and "mia is locked after 5 wrong passwords" in err
    as_user(monkeypatch, None)  # admin unlocks
    assert run(capsys, "accounts", "unlock", "mia")[0] == 0
    as_user(monkeypatch, "mia", PASSWORDS["mia"])
    assert run(capsys, "items", "list")[0] == 0


def test_user_option_and_the_prompt(cli, people, capsys, monkeypatch):
    asked = []

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASSWORDS["sam"])
    status, out, err = run(capsys, "--user", "sam", "accounts", "whoami", "--json")
    assert status == 0, err
    assert json.loads(out)["name"] == "sam" and json.loads(out)["role"] == "staff"
    assert asked == ["Password for sam: "]


def test_without_a_terminal_a_password_must_be_given(cli, people, capsys, monkeypatch):
    as_user(monkeypatch, "sam")
    status, out, err = run(capsys, "items", "list")
    assert status == 1 and out == ""
    assert "A password is needed for sam: give it in REGIE_PASSWORD" in err


def test_once_admin_has_a_password_it_must_be_named(cli, people, capsys, monkeypatch):
    monkeypatch.delenv("REGIE_USER", raising=False)
    status, _, err = run(capsys, "items", "list")
    assert status == 1 and "Name your account: --user NAME (or REGIE_USER)" in err
    as_user(monkeypatch, "admin", "admin-pass-1")
    status, out, _ = run(capsys, "accounts", "whoami")
    assert status == 0 and out.startswith("admin (administrator)")


def test_logging_in_without_a_password_ends_with_the_first_password(
    qapp, db_path, capsys, monkeypatch
):
    """A fresh file: admin acts unnamed; a staff account without a password logs in by name.
    A password for staff is refused until admin has one; then neither the unnamed command
    nor a passwordless account (whatever REGIE_PASSWORD says) logs in."""
    monkeypatch.setenv("REGIE_DB", str(db_path))
    for name in ("REGIE_USER", "REGIE_PASSWORD", "REGIE_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    assert run(capsys, "demo")[0] == 0
    assert run(capsys, "accounts", "whoami")[1].startswith("admin (")
    assert run(capsys, "accounts", "add", "bob", "--role", "staff")[0] == 0
    monkeypatch.setenv("REGIE_USER", "bob")
    assert run(capsys, "accounts", "whoami")[1].startswith("bob (")
    monkeypatch.delenv("REGIE_USER")

    monkeypatch.setenv("REGIE_NEW_PASSWORD", "staff-pass-1")
    before = snapshot(db_path)
    for argv in (("accounts", "add", "eve", "--role", "staff"), ("accounts", "passwd", "bob")):
        status, _, err = run(capsys, *argv)
        assert status == 1 and err.strip() == (
            "No administrator has a password yet, and once an account has one, accounts "
            "without a password can no longer log in: give yourself a password first "
            "(regie accounts passwd admin)."
        )
    assert snapshot(db_path) == before
    monkeypatch.setenv("REGIE_NEW_PASSWORD", "admin-pass-1")
    status, out, err = run(capsys, "accounts", "passwd", "admin")
    assert status == 0 and "no longer logs in automatically" in out, err
    monkeypatch.delenv("REGIE_NEW_PASSWORD")

    status, out, err = run(capsys, "accounts", "whoami")
    assert status == 1 and "Name your account" in err and out == ""
    as_user(monkeypatch, "bob", "whatever")
    status, out, err = run(capsys, "accounts", "whoami")
    assert (status, out) == (1, "")
    assert err.strip() == (
        "bob has no password yet: an administrator sets one with regie accounts passwd bob."
    )
    as_user(monkeypatch, "admin", "admin-pass-1")
    status, out, _ = run(capsys, "accounts", "list", "--json")
    assert not any(row["auto_login"] for row in json.loads(out))
    monkeypatch.setenv("REGIE_NEW_PASSWORD", "staff-pass-1")
    assert run(capsys, "accounts", "passwd", "bob")[0] == 0
    as_user(monkeypatch, "bob", "staff-pass-1")
    assert run(capsys, "accounts", "whoami")[1].startswith("bob (")


def test_the_global_user_is_not_a_commands_own_user_option(cli, people, capsys, monkeypatch):
    """``regie --user mia audit --user tom``: mia logs in, the audit is filtered on tom."""
    monkeypatch.setenv("REGIE_PASSWORD", PASSWORDS["mia"])
    status, out, err = run(capsys, "--user", "mia", "audit", "--user", "tom", "--json")
    assert status == 0, err
    assert json.loads(out) == []  # tom wrote nothing
    status, _, err = run(capsys, "--user", "mia", "accounts", "whoami")
    assert status == 0, err


def test_the_desk_window_has_its_own_login(cli, people, capsys, monkeypatch):
    """``regie desk`` is not refused by the command line's login (admin has a password,
    nobody named): the window asks for a badge or a name itself."""
    seen = []

    def fake_desk(db_option):
        ctx = open_context(db_option)
        seen.append(ctx.db.actor.name)
        ctx.db.dispose()
        return 0

    monkeypatch.setattr("app.gui.shell.launch.run_desk", fake_desk)
    monkeypatch.setattr("app.gui.shell.launch.gui_application", lambda: None)
    status, _, err = run(capsys, "desk")
    assert status == 0, err
    assert seen == ["system"]  # not logged in by the command line: the desk does it
    assert run(capsys, "items", "list")[0] == 1  # while a command is refused


# --- regie accounts ----------------------------------------------------------------------


def test_accounts_add_list_disable_and_refusals(cli, people, capsys, monkeypatch):
    as_user(monkeypatch, None)
    monkeypatch.setenv("REGIE_NEW_PASSWORD", "paul-pass-1")
    status, out, err = run(
        capsys, "accounts", "add", "paul", "--role", "staff", "--full-name", "Paul P", "--json"
    )
    assert status == 0, err
    added = json.loads(out)
    assert (added["name"], added["role"], added["has_password"]) == ("paul", "staff", True)
    status, out, _ = run(capsys, "accounts", "list", "--json")
    listed = {row["name"]: row for row in json.loads(out)}
    assert set(listed) == {"admin", "mia", "paul", "sam", "tom"}
    keys = {"name", "full_name", "role", "disabled", "locked", "has_password", "badge"}
    assert keys | {"last_login_at"} <= set(listed["paul"])
    assert not listed["admin"]["auto_login"] and listed["admin"]["has_password"]

    before = snapshot(cli)
    for argv, said in (
        (("accounts", "add", "Paul", "--role", "staff"), "already an account named Paul"),
        (("accounts", "add", "two words", "--role", "staff"), "1 to 40 letters"),
        (("accounts", "disable", "admin"), "admin is the last enabled administrator"),
        (("accounts", "role", "admin", "manager"), "admin is the last enabled administrator"),
        (("accounts", "disable", "zed"), "There is no account named zed."),
    ):
        status, _, err = run(capsys, *argv)
        assert status == 1 and said in err and "Traceback" not in err, argv
    monkeypatch.setenv("REGIE_NEW_PASSWORD", "short")  # (lea: a new account)
    status, _, err = run(capsys, "accounts", "add", "lea", "--role", "staff")
    assert status == 1 and "at least 8 characters" in err
    assert run(capsys, "accounts", "add", "lea", "--role", "boss")[0] == 2
    assert snapshot(cli) == before

    assert run(capsys, "accounts", "disable", "paul")[0] == 0
    as_user(monkeypatch, "paul", "paul-pass-1")
    status, _, err = run(capsys, "items", "list")
    assert status == 1 and "The account paul is disabled" in err


def test_badge_code_logs_in(cli, people, clock, capsys, monkeypatch):
    as_user(monkeypatch, None)
    status, out, err = run(capsys, "accounts", "badge", "tom", "--json")
    assert status == 0, err
    code = json.loads(out)["badge"]
    assert code.startswith("BADGE-")
    assert accounts.badge_login(people, code, clock).name == "tom"
    status, out, _ = run(capsys, "accounts", "list", "--json")
    assert {r["name"]: r["badge"] for r in json.loads(out)}["tom"] is True


def test_a_technician_sets_their_own_password_only(cli, people, capsys, monkeypatch):
    as_user(monkeypatch, "tom", PASSWORDS["tom"])
    monkeypatch.setenv("REGIE_NEW_PASSWORD", "tech-pass-2")
    assert run(capsys, "accounts", "passwd", "tom")[0] == 0
    monkeypatch.setenv("REGIE_PASSWORD", "tech-pass-2")
    status, _, err = run(capsys, "accounts", "passwd", "sam")
    assert status == 1 and "may not manage accounts" in err
    as_user(monkeypatch, "tom", PASSWORDS["tom"])  # the old password no longer works
    assert run(capsys, "accounts", "whoami")[:2] == (1, "")


# --- real processes ----------------------------------------------------------------------


def test_in_real_processes(people, db_path, clock, tmp_path):
    """``regie`` as its own process: admin adds an account; the technician's
    invoice is refused with the sentence, their scan at the desk accepted; a wrong password
    refused."""
    now = dt.datetime.now(PARIS).replace(tzinfo=None, second=0, microsecond=0)
    start, end = now - dt.timedelta(hours=1), now + dt.timedelta(days=2)
    ref = book(people, clock, "C-PRO", {"LYRE": 1}, start.isoformat(), end.isoformat(), None, None)
    home = tmp_path / "home"
    done = regie_as(
        db_path,
        home,
        "admin",
        ADMIN_PASSWORD,
        "accounts",
        "add",
        "zoe",
        "--role",
        "technician",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["role"] == "technician"

    pdf = tmp_path / "f.pdf"
    refused = regie_as(db_path, home, "tom", PASSWORDS["tom"], "invoice", ref, "--out", str(pdf))
    assert refused.returncode == 1 and not pdf.exists()
    assert "tom (technician) may not issue invoices" in refused.stderr
    code = lyres(people)[0]
    scanned = regie_as(db_path, home, "tom", PASSWORDS["tom"], "scan", "out", ref, code)
    assert scanned.returncode == 0, scanned.stderr + scanned.stdout
    with people.read() as uow:
        assert [m.user for m in uow.session.exec(select(Movement))] == ["tom"]
    wrong = regie_as(db_path, home, "tom", "not-his", "items", "list")
    assert (wrong.returncode, wrong.stderr.strip()) == (1, "Wrong name or password.")


def regie_as(db_path, home, user, password, *args, lang=None):
    """``regie ARGS`` in its own process, logged in as ``user`` (``lang``: REGIE_LANG)."""
    import subprocess

    from tests.invoicing.cli_helpers import process_env, regie_command

    env = process_env(db_path, home)
    env.update(REGIE_USER=user, REGIE_PASSWORD=password)
    if lang is not None:
        env["REGIE_LANG"] = lang
    done = subprocess.run(
        [*regie_command(), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


# --- every writing service carries its permission -----------------------------------------

PACKAGES = ("inventory", "booking", "invoicing")
#: Steps of other services (which check), never called on their own by a face.
HELPERS = {
    "inventory.barcodes.generate": "a step of creating an item type, a unit or a case",
    "inventory.catalogue.owner_id": "a step of adding or changing a unit",
    "inventory.dues.set_due": "a step of logging an inspection or adding a schedule",
    "inventory.dues.start_dues": "a step of adding a unit",
    "booking.bookings.next_reference": "a step of creating a booking",
}
_WRITES = {"add", "add_all", "delete", "flush", "merge"}
_SEEDS = {"set_setting"}  # app.core functions that write


def _direct_write(fn: ast.FunctionDef) -> bool:
    for node in ast.walk(fn):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        base = ast.unparse(node.func.value)
        if node.func.attr in _WRITES and ("session" in base or base == "uow"):
            return True
        if node.func.attr == "record_core" and base == "audit":  # a Core write, recorded
            return True
        if node.func.attr == "execute" and "session" in base and node.args:
            statement = ast.unparse(node.args[0])
            if any(verb in statement for verb in ("update(", "insert(", "delete(")):
                return True
    return False


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def writing_services() -> list[str]:
    """Every public module-level function of the domain packages whose first argument is
    the unit of work and that writes (adds, deletes, flushes, sets a setting or records a
    Core write on the audit trail: ``audit.record_core``), directly
    or through another function of these packages (matched by name)."""
    found: dict[str, ast.FunctionDef] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.FunctionDef):
                    found[f"{package}.{path.stem}.{node.name}"] = node
    by_name: dict[str, set[str]] = {}
    for key in found:
        by_name.setdefault(key.rsplit(".", 1)[1], set()).add(key)
    writers = {key for key, fn in found.items() if _direct_write(fn)}
    writers |= {k for name in _SEEDS for k in by_name.get(name, set())}
    grew = True
    while grew:
        grew = False
        for key, fn in found.items():
            if key in writers:
                continue
            for node in ast.walk(fn):
                name = _called(node) if isinstance(node, ast.Call) else None
                if name in _SEEDS or (name and by_name.get(name, set()) & writers):
                    writers.add(key)
                    grew = True
                    break
    out = []
    for key in sorted(writers):
        fn = found[key]
        first = [a.arg for a in fn.args.posonlyargs + fn.args.args][:1]
        if not key.rsplit(".", 1)[1].startswith("_") and first == ["uow"]:
            out.append(key)
    return out


def test_every_writing_service_carries_a_permission():
    services = writing_services()
    assert len(services) > 50  # the scan sees the services
    assert "booking.desk.check_out" in services and "invoicing.invoices.issue_invoice" in services
    missing = []
    for key in services:
        if key in HELPERS:
            continue
        module, name = key.rsplit(".", 1)
        permission = getattr(
            getattr(importlib.import_module(module), name), "regie_permission", None
        )
        if not isinstance(permission, Permission):
            missing.append(key)
    assert missing == [], "writing services without @requires(Permission.X): " + ", ".join(missing)


def test_what_each_face_needs_is_the_documented_role():
    from booking import bookings, desk
    from invoicing import invoices, payments, rates, reports, statements

    expected = {
        desk.check_out: Permission.DESK,
        desk.check_in: Permission.DESK,
        bookings.create_booking: Permission.BOOKINGS,
        invoices.issue_invoice: Permission.INVOICING,
        payments.add_payment: Permission.INVOICING,
        rates.set_item_rate: Permission.RATES,
        reports.report: Permission.REPORTS,
        statements.run_batch: Permission.REPORTS,
    }
    assert {fn: fn.regie_permission for fn in expected} == expected


def test_a_manager_sets_the_late_return_rule_from_the_command_line(
    cli, people, capsys, monkeypatch
):
    as_user(monkeypatch, "mia", PASSWORDS["mia"])
    status, out, err = run(capsys, "pricing", "late-returns", "--charge", "fee", "--fee", "15")
    assert status == 0, err
    as_user(monkeypatch, "sam", PASSWORDS["sam"])
    status, _, err = run(capsys, "pricing", "late-returns", "--charge", "none")
    assert status == 1 and "sam (staff) may not change rates and pricing rules" in err


def test_a_refusal_in_french_is_french_in_a_real_process(people, db_path, tmp_path):
    """The role, the action and whom to ask, all translated; English grammar right."""
    home = tmp_path / "home"
    fr = regie_as(
        db_path,
        home,
        "sam",
        PASSWORDS["sam"],
        "accounts",
        "add",
        "eve",
        "--role",
        "admin",
        lang="fr",
    )
    assert fr.returncode == 1
    assert fr.stderr.strip() == (
        "sam (personnel de bureau) ne peut pas gérer les comptes : demandez à un administrateur."
    )
    en = regie_as(
        db_path, home, "tom", PASSWORDS["tom"], "customers", "add", "--name", "X", lang="en"
    )
    assert en.returncode == 1 and en.stderr.strip().endswith(
        "ask a staff member, a manager or an administrator."
    ), en.stderr
    en = regie_as(db_path, home, "sam", PASSWORDS["sam"], "accounts", "list", lang="en")
    assert en.stderr.strip() == "sam (staff) may not manage accounts: ask an administrator."
    fr = regie_as(db_path, home, "admin", ADMIN_PASSWORD, "accounts", "enable", "tom", lang="fr")
    assert fr.stdout.strip() == "Le compte tom est réactivé : il peut de nouveau se connecter."
