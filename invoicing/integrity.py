"""Integrity a person can check (``regie verify``, Fichier → Vérifier l'intégrité…).

The full check: the engine's own checks (``app.core.dialect.integrity_problems``: SQLite's
``integrity_check`` and ``foreign_key_check``; on PostgreSQL every constraint validated,
no invalid index, no disabled trigger); every
immutability trigger present and refusing; the row seals (``app.core.seals``) — each issued
document's rows (number, dates, buyer, amounts, lines, frozen JSON) and each payment
recomputed and compared with its seal, the seals' hash chain unbroken, no row without a seal
and no seal without its row; the amounts agreeing with the frozen document; the numbers of
each series gapless; and the chain of the PDF and XML bytes (``issuing.verify_chain``).

The quick check (at start): the triggers, the counts of rows against seals, and the tail
of the seals' chain (the last ``TAIL`` seals and the rows they seal) — milliseconds.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import text as sql_text

from app.core import dialect, seals
from app.core.db import UnitOfWork
from app.core.errors import N_, Conflict
from app.core.money import to_cents
from invoicing import issuing
from invoicing.serial import from_json

#: The append-only tables and their triggers (migration 0006_invoicing, then 0010).
IMMUTABLE = ("issued_document", "issued_line", "document_file", "payment", "record_seal")
TRIGGERS = tuple(
    (f"{table}_no_{action}", table) for table in IMMUTABLE for action in ("update", "delete")
)
#: Seals the quick check recomputes at the chain's end.
TAIL = 50

_PART_CHANGED = {
    "header": N_("number, dates or buyer changed since issue"),
    "amounts": N_("amounts changed since issue"),
    "lines": N_("lines changed since issue"),
    "document": N_("frozen document changed since issue"),
    "payment": N_("payment {id} changed since it was recorded"),
}


@dataclass(frozen=True)
class Problem:
    """What is wrong, about a document (``number``) or the database (``number`` "")."""

    number: str
    error: Conflict
    #: The message names the document itself ("FA-2026-00329 is missing …").
    named: bool = False

    def line(self, text: str) -> str:
        """The problem's line, from its message ``text`` (translated or not):
        "FA-2026-00012: amounts changed since issue"."""
        return f"{self.number}: {text}" if self.number and not self.named else text

    def __str__(self) -> str:
        return self.line(str(self.error))


@dataclass
class Report:
    documents: int = 0
    payments: int = 0
    seals: int = 0
    triggers: int = 0
    full: bool = True
    problems: list[Problem] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def broken_documents(self) -> list[str]:
        return sorted({p.number for p in self.problems if p.number})

    def add(self, number: str, template: str, /, **params: object) -> None:
        self.problems.append(Problem(number, Conflict(template, **params)))

    def add_named(self, number: str, template: str, /, **params: object) -> None:
        """A problem whose message names the document ``number`` itself."""
        self.problems.append(Problem(number, Conflict(template, **params), named=True))


def _conn(uow: UnitOfWork) -> seals.Connection:
    return uow.session.connection()


def _numbers(uow: UnitOfWork) -> dict[int, str]:
    rows = _conn(uow).exec_driver_sql("SELECT id, number FROM issued_document").all()
    return {int(i): str(n) for i, n in rows}


def _name(numbers: dict[int, str], document_id: int) -> str:
    return numbers.get(document_id, f"#{document_id}")


def check_triggers(uow: UnitOfWork, report: Report) -> None:
    found = dialect.trigger_states(_conn(uow))
    for name, table in TRIGGERS:
        state = found.get(name)
        if state is None:
            report.add("", N_("trigger {name} is missing"), name=name)
            continue
        on_table, refuses = state
        if on_table.lower() != table.lower() or not refuses:
            report.add("", N_("trigger {name} no longer refuses changes"), name=name)
            continue
        report.triggers += 1


def _check_seal_rows(
    uow: UnitOfWork, report: Report, rows: list[tuple[object, ...]], numbers: dict[int, str]
) -> None:
    """Each seal (id, kind, ref_id, document_id, parts) against the row it seals now."""
    conn = _conn(uow)
    for _id, kind, ref_id, document_id, parts_json in rows:
        kind, ref, doc = str(kind), int(str(ref_id)), int(str(document_id))
        sealed = json.loads(str(parts_json))
        now = seals.parts_of(conn, kind, ref)
        name = _name(numbers, doc)
        if now is None:
            if kind == seals.DOCUMENT:
                report.add(name, N_("document deleted since issue"))
            else:
                report.add(name, N_("payment {id} deleted"), id=ref)
            continue
        for part, value in sealed.items():
            if part != "v" and now.get(part) != value:
                report.add(name, _PART_CHANGED[part], id=ref)


def _check_chain(uow: UnitOfWork, report: Report, numbers: dict[int, str], start: int) -> None:
    rows = (
        _conn(uow)
        .execute(
            sql_text(
                "SELECT id, kind, ref_id, document_id, parts, row_sha256, prev_hash, "
                "chain_hash FROM record_seal WHERE id > :start ORDER BY id"
            ),
            {"start": start},
        )
        .all()
    )
    prev = seals.GENESIS
    if start > 0:
        found = (
            _conn(uow)
            .execute(
                sql_text(
                    "SELECT chain_hash FROM record_seal WHERE id <= :start ORDER BY id DESC LIMIT 1"
                ),
                {"start": start},
            )
            .first()
        )
        prev = str(found[0]) if found is not None else seals.GENESIS
    for _id, kind, ref_id, document_id, parts, row_sha, prev_hash, chain_hash in rows:
        ok = (
            prev_hash == prev
            and seals.row_hash(str(parts)) == row_sha
            and chain_hash
            == seals.link(prev, str(kind), int(ref_id), int(document_id), str(row_sha))
        )
        if not ok:
            report.add(
                _name(numbers, int(document_id)),
                N_("seal chain broken at seal {id}"),
                id=int(_id),
            )
        prev = str(chain_hash)
    _check_seal_rows(uow, report, [r[:5] for r in rows], numbers)


def _check_unsealed(uow: UnitOfWork, report: Report, numbers: dict[int, str]) -> None:
    conn = _conn(uow)
    for (doc_id,) in conn.exec_driver_sql(
        "SELECT d.id FROM issued_document d LEFT JOIN record_seal s "
        "ON s.kind = 'document' AND s.ref_id = d.id WHERE s.id IS NULL ORDER BY d.id"
    ).all():
        report.add(_name(numbers, int(doc_id)), N_("document not sealed: not issued by Régie"))
    for pay_id, doc_id in conn.exec_driver_sql(
        "SELECT p.id, p.document_id FROM payment p LEFT JOIN record_seal s "
        "ON s.kind = 'payment' AND s.ref_id = p.id WHERE s.id IS NULL ORDER BY p.id"
    ).all():
        report.add(
            _name(numbers, int(doc_id)),
            N_("payment {id} not sealed: not recorded by Régie"),
            id=int(pay_id),
        )


def _check_amounts(uow: UnitOfWork, report: Report) -> None:
    """The rows' amounts against the frozen document they were issued from."""
    conn = _conn(uow)
    nets: dict[int, list[int]] = defaultdict(list)
    for doc_id, net in conn.exec_driver_sql(
        "SELECT document_id, net_cents FROM issued_line ORDER BY document_id, position, id"
    ).all():
        nets[int(doc_id)].append(int(net))
    for doc_id, number, net, vat, gross, text in conn.exec_driver_sql(
        "SELECT id, number, net_cents, vat_cents, gross_cents, document_json "
        "FROM issued_document ORDER BY id"
    ).all():
        try:
            document = from_json(str(text))
        except Exception:  # noqa: BLE001 - any unreadable JSON is the finding itself
            report.add(str(number), N_("frozen document unreadable"))
            continue
        totals = (
            to_cents(document.net_total),
            to_cents(document.vat_total),
            to_cents(document.gross_total),
        )
        if totals != (net, vat, gross) or document.number != number:
            report.add(str(number), N_("amounts differ from the frozen document"))
        if [to_cents(ln.net) for ln in document.lines] != nets.get(int(doc_id), []):
            report.add(str(number), N_("lines differ from the frozen document"))


def _runs(values: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs (first, last) of sorted ``values``."""
    runs: list[tuple[int, int]] = []
    for value in values:
        if runs and value == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def _check_sequences(uow: UnitOfWork, report: Report) -> None:
    """Each series' numbers gapless from 1 to the last number its counter gave out (a
    number given out whose document is gone — even the last one — is named)."""
    conn = _conn(uow)
    taken: dict[tuple[str, int], list[int]] = defaultdict(list)
    for series, year, sequence in conn.exec_driver_sql(
        "SELECT series, year, sequence FROM issued_document ORDER BY series, year, sequence"
    ).all():
        taken[(str(series), int(year))].append(int(sequence))
    nexts = {
        (str(s), int(y)): int(n)
        for s, y, n in conn.exec_driver_sql(
            "SELECT series, year, next_value FROM document_sequence"
        ).all()
    }
    for (series, year), values in sorted(taken.items()):
        given = max(max(values), nexts.get((series, year), 1) - 1)
        missing = sorted(set(range(1, given + 1)) - set(values))
        name = f"{series}-{year}"
        for first, last in _runs(missing):
            number = f"{name}-{first:05d}"
            if first == last:
                report.add_named(
                    number,
                    N_("{number} is missing (the numbering of {series} has a gap)"),
                    number=number,
                    series=name,
                )
            else:
                report.add_named(
                    number,
                    N_("{first} to {last} are missing (the numbering of {series} has a gap)"),
                    first=number,
                    last=f"{name}-{last:05d}",
                    series=name,
                )
        if not missing and nexts.get((series, year), 0) != len(values) + 1:
            report.add(
                name,
                N_("the counter of {series} does not follow its last number {number}"),
                series=name,
                number=f"{name}-{max(values):05d}",
            )


def _counts(uow: UnitOfWork, report: Report) -> None:
    conn = _conn(uow)
    report.documents = int(conn.exec_driver_sql("SELECT count(*) FROM issued_document").scalar())
    report.payments = int(conn.exec_driver_sql("SELECT count(*) FROM payment").scalar())
    report.seals = int(conn.exec_driver_sql("SELECT count(*) FROM record_seal").scalar())


def verify(uow: UnitOfWork) -> Report:
    """The full check (seconds on a large database)."""
    report = Report(full=True)
    conn = _conn(uow)
    for found in dialect.integrity_problems(conn):
        report.add("", N_("the database's own check: {result}"), result=found)
    _counts(uow, report)
    check_triggers(uow, report)
    numbers = _numbers(uow)
    _check_chain(uow, report, numbers, 0)
    _check_unsealed(uow, report, numbers)
    _check_amounts(uow, report)
    _check_sequences(uow, report)
    for number in issuing.verify_chain(uow):
        report.add(number, N_("PDF or XML changed since issue"))
    _dedupe(report)
    return report


def quick_check(uow: UnitOfWork) -> Report:
    """Triggers present, as many seals as rows, and the chain's last ``TAIL`` seals."""
    report = Report(full=False)
    _counts(uow, report)
    check_triggers(uow, report)
    conn = _conn(uow)
    documents = int(
        conn.exec_driver_sql("SELECT count(*) FROM record_seal WHERE kind = 'document'").scalar()
    )
    if documents != report.documents or report.seals - documents != report.payments:
        report.add("", N_("documents or payments were added or deleted outside Régie"))
    last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM record_seal").scalar()
    _check_chain(uow, report, _numbers(uow), max(int(last or 0) - TAIL, 0))
    _dedupe(report)
    return report


def _dedupe(report: Report) -> None:
    seen: set[str] = set()
    kept = []
    for problem in report.problems:
        key = str(problem)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    # the database's own problems first, then document by document (numbers in order)
    report.problems = sorted(kept, key=lambda p: (p.number != "", p.number))
