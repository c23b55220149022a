"""``regie audit [--from D] [--to D] [--user NAME] [--entity TABLE] [--id ID] [--limit N]
[--offset N] [--json]``: the audit trail, who changed what and when (issue 12).

Newest first. Days are the cooperative's, both included. ``--limit N`` keeps the N most
recent events (after the first ``--offset N``); the text shows 100 unless ``--limit`` is
given and says how many more there are, the JSON is complete. Reading it needs a manager
(the services refuse others, exit 1). A malformed or reversed date, a negative limit or
offset, or ``--id`` without ``--entity`` is a usage error (exit 2).

``--json``: a list of objects ``id, at, at_local, account, workstation, entity, entity_id,
action, before, after, reference`` (``app.core.audit_queries.to_json``; ``reference`` is how
people name the record — a booking's reference, an account's name — or "").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from app.bootstrap import open_context
from app.cli.bookings import UsageError, _usage_guard
from app.cli.output import (
    add_page_options,
    more_rows,
    page_of,
    print_json_rows,
    printing,
    say_more,
    streamed,
)
from app.core import audit_queries
from app.core.audit_queries import AuditFilter, AuditRow
from app.core.clock import Clock
from app.core.errors import ValidationError
from app.i18n import label, tr
from inventory import fields


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "audit", help=tr("cli", "the audit trail: who changed what, when and where")
    )
    parser.add_argument(
        "--from",
        dest="start",
        default="",
        metavar="DATE",
        help=tr("cli", "first day, e.g. 2026-01-01"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        default="",
        metavar="DATE",
        help=tr("cli", "last day (included), e.g. 2026-12-31"),
    )
    parser.add_argument(
        "--user",
        dest="account",
        default="",
        metavar="NAME",
        help=tr("cli", "only this account's writes"),
    )
    parser.add_argument(
        "--entity", default="", metavar="TABLE", help=tr("cli", "only this table, e.g. booking")
    )
    parser.add_argument(
        "--id",
        dest="entity_id",
        default="",
        metavar="ID",
        help=tr("cli", "only this row (with --entity)"),
    )
    add_page_options(parser)
    parser.add_argument("--json", action="store_true", help=tr("cli", "print JSON"))
    parser.set_defaults(handler=_usage_guard(run_audit))


def _day(field: str, value: str) -> dt.date | None:
    try:
        return fields.optional_date(field, value)
    except ValidationError as err:
        raise UsageError(err, f"--{field} {value}") from err


def _filter(args: argparse.Namespace) -> AuditFilter:
    start, end = _day("from", args.start), _day("to", args.end)
    if start is not None and end is not None and end < start:
        raise UsageError(
            ValidationError("to", "The end of the period must come after its start."), "--to"
        )
    if args.entity_id.strip() and not args.entity.strip():
        err = ValidationError(
            "id",
            "--id {id} names a row of one table: say which with --entity TABLE (e.g. "
            "--entity booking --id {id}).",
            id=args.entity_id.strip(),
        )
        raise UsageError(err, f"--id {args.entity_id}")
    return AuditFilter(
        start=start,
        end=end,
        account=args.account,
        entity=_entity(args.entity),
        entity_id=args.entity_id,
    )


def _entity(value: str) -> str:
    """A table of Régie's (any case), or a usage error listing them."""
    name = value.strip().lower()
    if not name or name in audit_queries.ENTITY_LABELS:
        return name
    err = ValidationError(
        "entity",
        "No table is called {name}: use one of {tables}.",
        name=value,
        tables=", ".join(sorted(audit_queries.ENTITY_LABELS)),
    )
    raise UsageError(err, f"--entity {value}")


def run_audit(args: argparse.Namespace) -> int:
    where = _filter(args)
    page = page_of(args)
    ctx = open_context(args.db, demo_if_new=False)
    try:
        with streamed(), ctx.db.read() as uow:
            if args.json:  # the whole trail: streamed, a block of events at a time
                found = audit_queries.stream_events(
                    uow, where, ctx.clock, limit=page.limit, offset=page.offset
                )
                with printing():
                    print_json_rows(audit_queries.to_json(row, ctx.clock) for row in found)
                return 0
            rows = audit_queries.events(uow, where, ctx.clock, limit=page.limit, offset=page.offset)
            more = more_rows(
                page, len(rows), lambda: audit_queries.count_events(uow, where, ctx.clock)
            )
    finally:
        ctx.db.dispose()
    if not rows:
        print(tr("cli", "No recorded write matches."))
        return 0
    for row in rows:
        print(line(row, ctx.clock))
    say_more(page, len(rows), more)
    return 0


def line(row: AuditRow, clock: Clock) -> str:
    """One event as a line: local time, who, where, what, which columns."""
    when = clock.to_local(row.at).strftime("%Y-%m-%d %H:%M:%S")
    where = f"@{row.workstation}" if row.workstation else ""
    what = f"{row.entity} {row.entity_id}".strip()
    if row.reference:
        what += f" ({row.reference})"
    action = label(audit_queries.ACTION_LABELS.get(row.action, row.action))
    return f"{when}  {row.account}{where}  {action} {what}  {_changes(row)}".rstrip()


def _changes(row: AuditRow) -> str:
    """``column: old → new`` for an update; the columns set or removed otherwise."""
    if row.action != "update":
        return ", ".join(row.changed)
    before, after = row.before or {}, row.after or {}
    parts = [f"{name}: {_short(before.get(name))} → {_short(after[name])}" for name in row.changed]
    return ", ".join(parts)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"
