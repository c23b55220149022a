"""A write the database could not take for now (the server restarting, the write lock held
too long) saved nothing: the window offers to run it again. Retry runs the same write as a
whole, once more; Cancel gives the screen its usual failure; a lasting refusal is never
offered a retry; a screen may keep such a failure for itself (the desk's pending scans)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.bootstrap import Context
from app.core import storage
from app.core.clock import FixedClock
from app.core.db import Database, UnitOfWork
from app.core.errors import DomainError
from app.gui.shell import lost
from app.gui.shell.changes import Change
from app.gui.shell.operations import Operations, ThreadRunner
from booking.models import Customer

WAIT_MS = 10_000


@pytest.fixture
def ops(db: Database, clock: FixedClock) -> Iterator[Operations]:
    operations = Operations(Context(db=db, clock=clock, user="tester"), ThreadRunner())
    yield operations
    if operations.live is not None:
        operations.live.stop()
    operations.runner.wait()


class Person:
    """Answers "Not saved — Retry?" as told (in order) and remembers what was asked."""

    def __init__(self) -> None:
        self.answers: list[bool] = []
        self.asked: list[str] = []

    def ask(self, err: DomainError, parent: Any = None) -> bool:
        self.asked.append(str(err))
        return self.answers.pop(0)


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch) -> Person:
    someone = Person()
    monkeypatch.setattr(lost, "ask_retry", someone.ask)
    return someone


class FlakyServer:
    """A write that fails as a lost connection would, ``failures`` times, then saves."""

    def __init__(self, failures: int, lasting: bool = False) -> None:
        self.failures = failures
        self.lasting = lasting
        self.runs = 0

    def __call__(self, uow: UnitOfWork) -> str:
        self.runs += 1
        uow.session.add(Customer(name=f"Attempt {self.runs}", number=f"N{self.runs}"))
        uow.flush()  # written in the transaction, then lost with it
        if self.runs <= self.failures:
            if self.lasting:
                raise DomainError("That customer is refused for good.")
            raise storage.lost_connection("postgresql+psycopg://regie@server/regie")
        return f"N{self.runs}"


def customers(db: Database) -> list[str]:
    from sqlmodel import select

    with db.read() as uow:
        return list(uow.session.exec(select(Customer.name)))


def run(qtbot, ops: Operations, action: FlakyServer, **options: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    outcome: dict[str, Any] = {}
    heard: list[Change] = []
    ops.changed.connect(heard.append)
    ops.write(
        action,
        lambda result: outcome.setdefault("done", result),
        lambda err: outcome.setdefault("failed", err),
        changes=Change.CUSTOMERS,
        **options,
    )
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    outcome["changed"] = heard
    return outcome


def test_retry_runs_the_whole_write_again_and_saves_it_once(qtbot, ops, db, person) -> None:  # type: ignore[no-untyped-def]
    person.answers = [True]
    action = FlakyServer(failures=1)

    outcome = run(qtbot, ops, action)

    assert outcome == {"done": "N2", "changed": [Change.CUSTOMERS]}
    assert action.runs == 2
    assert customers(db) == ["Attempt 2"]  # the first attempt left nothing behind
    assert len(person.asked) == 1 and "connection" in person.asked[0]


def test_cancel_gives_the_screen_its_failure_with_nothing_saved(qtbot, ops, db, person) -> None:  # type: ignore[no-untyped-def]
    person.answers = [True, False]  # retry once, it fails again: cancel
    action = FlakyServer(failures=5)

    outcome = run(qtbot, ops, action)

    assert storage.transient(outcome["failed"]) and "done" not in outcome
    assert outcome["changed"] == []
    assert action.runs == 2 and customers(db) == []


def test_a_lock_held_past_the_wait_is_not_offered_a_retry(qtbot, ops, db, person) -> None:  # type: ignore[no-untyped-def]
    def busy(uow: UnitOfWork) -> None:
        raise storage.busy(None, 30)  # the status bar said so for the whole wait

    outcome: dict[str, Any] = {}
    ops.write(busy, lambda _: None, lambda err: outcome.setdefault("failed", err))
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)

    assert "still busy" in str(outcome["failed"]) and person.asked == []


def test_a_lasting_refusal_is_not_offered_a_retry(qtbot, ops, db, person) -> None:  # type: ignore[no-untyped-def]
    outcome = run(qtbot, ops, FlakyServer(failures=1, lasting=True))

    assert str(outcome["failed"]) == "That customer is refused for good."
    assert person.asked == [] and customers(db) == []


def test_a_screen_may_keep_the_failure_for_itself(qtbot, ops, db, person) -> None:  # type: ignore[no-untyped-def]
    outcome = run(qtbot, ops, FlakyServer(failures=1), retry=False)

    assert storage.transient(outcome["failed"])
    assert person.asked == [] and customers(db) == []
