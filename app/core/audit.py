"""The audit trail: every write, who, when, from which workstation, which entity, before
and after (table ``audit_event``, append-only on both engines; migration 0012).

``install(writer)`` hooks the writing sessions of a ``Database``: after each flush, one
``audit_event`` row per inserted, updated or deleted row, in the same transaction (so a
rolled-back write leaves no trace, and a committed one always has its record). The actor is
the unit of work's (``session.info["regie_actor"]``).

(Being written for issue 12 by the audit helper: ``install`` is wired, ``record`` fills.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

ACTOR_KEY = "regie_actor"


def install(writer: Any) -> None:
    """Record every flush of sessions made by ``writer`` (a ``sessionmaker``)."""
    event.listen(writer, "after_flush", record)


def record(session: Any, _context: Any) -> None:
    """One ``audit_event`` row per row the flush wrote."""
