"""``regie verify [--quick] [--json]``: is the database intact? SQLite's integrity and
foreign keys, the immutability triggers, the seals of every issued document's rows and of
every payment (a hash chain), the numbering and the chain of the PDF and XML bytes
(``invoicing.integrity``).

Exit 0 with one line ("Intact: …") when all is well; exit 1 naming every broken document
and what is wrong with it ("FA-2026-00012: amounts changed since issue"), and every
problem of the database itself ("trigger issued_line_no_update is missing").
"""

from __future__ import annotations

import argparse
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import _usage_guard
from app.cli.output import print_json
from app.i18n import message, tr
from invoicing import integrity


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "verify",
        help=tr("cli", "check that the issued invoices, credit notes and payments are intact"),
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=tr("cli", "only the quick check made at start (triggers and the chain's end)"),
    )
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    parser.set_defaults(handler=_usage_guard(verify))


def problem_text(problem: integrity.Problem) -> str:
    return problem.line(message(problem.error))


def report_json(report: integrity.Report) -> dict[str, Any]:
    return {
        "intact": report.intact,
        "full": report.full,
        "documents": report.documents,
        "payments": report.payments,
        "seals": report.seals,
        "triggers": report.triggers,
        "broken": report.broken_documents,
        "problems": [{"number": p.number, "problem": message(p.error)} for p in report.problems],
    }


def summary(report: integrity.Report) -> str:
    text = tr(
        "cli",
        "Intact: {documents} documents, {payments} payments, {seals} seals, "
        "{triggers} triggers checked.",
    )
    return text.format(
        documents=report.documents,
        payments=report.payments,
        seals=report.seals,
        triggers=report.triggers,
    )


def verify(args: argparse.Namespace) -> int:
    ctx = open_context(args.db, demo_if_new=False)
    try:
        with ctx.db.read() as uow:
            report = integrity.quick_check(uow) if args.quick else integrity.verify(uow)
    finally:
        ctx.db.dispose()
    if args.json:
        print_json(report_json(report))
        return 0 if report.intact else 1
    if report.intact:
        print(summary(report))
        return 0
    broken = report.broken_documents
    head = tr("cli", "Not intact: problems found: {count}; documents concerned: {documents}.")
    print(head.format(count=len(report.problems), documents=len(broken)))
    for problem in report.problems:
        print(problem_text(problem))
    return 1
