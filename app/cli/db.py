"""``regie db copy --from DB --to DB [--json]``: move a cooperative's data between an
SQLite file and a PostgreSQL server, either way (issue 12).

The target must hold no data (a new file, or a database just created on the server); its
schema comes from this Régie's migrations, then every row of the source is copied in one
transaction (``app.core.transfer``), the counts of every table compared, and ``regie
verify``'s checks (``invoicing.integrity``) run on the target before it commits. A copy
that fails writes nothing: a file it made is removed, a server database is left empty.
The source is only read. Copying needs an administrator of the source (``--user``).
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import print_json
from app.cli.verify import problem_text, report_json
from app.core import accounts, transfer
from app.core.db import Database, UnitOfWork
from app.core.errors import Conflict
from app.core.paths import resolve_db
from app.i18n import tr
from invoicing import integrity


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "db", help=tr("cli", "the database itself: copy it to a server or to a file")
    )
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    copy = sub.add_parser(
        "copy",
        help=tr("cli", "copy every row into an empty database (file or PostgreSQL server)"),
    )
    copy.add_argument(
        "--from",
        dest="source",
        metavar="FILE_OR_URL",
        help=tr("cli", "the database to copy (default: the one REGIE_DB or --db names)"),
    )
    copy.add_argument(
        "--to",
        dest="target",
        metavar="URL_OR_FILE",
        required=True,
        help=tr(
            "cli",
            "the empty database to fill: postgresql+psycopg://USER@HOST/DATABASE or a new file",
        ),
    )
    copy.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    copy.set_defaults(handler=copy_database)


class _Verified:
    """The integrity checks of both sides, run inside the copy (before it commits)."""

    def __init__(self) -> None:
        self.source = integrity.Report()
        self.target = integrity.Report()

    def __call__(self, src: UnitOfWork, dst: UnitOfWork) -> None:
        self.source = integrity.verify(src)
        self.target = integrity.verify(dst)
        before = {str(p) for p in self.source.problems}
        added = [p for p in self.target.problems if str(p) not in before]
        if added:
            raise Conflict(
                "The copy does not pass regie verify ({problem}): nothing was copied.",
                problem=problem_text(added[0]),
            )


def copy_database(args: argparse.Namespace) -> int:
    source_where = transfer.where_of(args.source) if args.source else resolve_db(args.db)
    target_where = transfer.where_of(args.target)
    if transfer.shown(source_where) == transfer.shown(target_where):
        raise Conflict(
            "--from and --to name the same database {where}.",
            where=transfer.shown(target_where),
        )
    source = transfer.open_source(source_where)
    try:
        login(source)
        transfer.may_copy(source)
        verified = _Verified()
        copied = _copy(source, target_where, verified)
    finally:
        source.dispose()
    _print(args, copied, verified)
    return 0


def login(source: Database) -> None:
    """The person copying acts on the source (``--user``; an administrator may copy)."""
    accounts.log_in(source)


def _copy(source: Database, target_where: Any, verified: _Verified) -> transfer.Copied:
    target, created = transfer.open_target(target_where)
    try:
        copied = transfer.copy(source, target, check=verified)
    except BaseException:
        target.dispose()
        if created:
            transfer.discard(target_where)
        raise
    target.dispose()
    return copied


def _print(args: argparse.Namespace, copied: transfer.Copied, verified: _Verified) -> None:
    if args.json:
        print_json(
            {
                "from": copied.source,
                "to": copied.target,
                "rows": copied.rows,
                "tables": [{"name": t.name, "rows": t.rows} for t in copied.tables],
                "verify": report_json(verified.target),
            }
        )
        return
    text = tr(
        "cli",
        "Copied {rows} rows of {tables} tables from {source} to {target}; every table's "
        "count checked.",
    )
    print(
        text.format(
            rows=copied.rows, tables=len(copied.tables), source=copied.source, target=copied.target
        )
    )
    for problem in verified.target.problems:
        print(
            tr("cli", "Copied as it was in the source: {problem}").format(
                problem=problem_text(problem)
            )
        )
    if verified.target.intact:
        report = verified.target
        text = tr(
            "cli",
            "Verified: {documents} documents, {payments} payments, {seals} seals, "
            "{triggers} triggers intact.",
        )
        print(
            text.format(
                documents=report.documents,
                payments=report.payments,
                seals=report.seals,
                triggers=report.triggers,
            )
        )
    hint = tr("cli", "Use it on each workstation with REGIE_DB={target} (or Settings → Database).")
    print(hint.format(target=copied.target))
