"""Domain errors: messages a person can act on.

A message is an English template with ``{named}`` fields; the GUI and CLI translate the
template (Qt context ``messages``) before filling the fields, so the domain stays Qt-free.
The translation extractor collects the first literal argument of every call to one of these
classes, so always pass the template as a literal.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refused action. Nothing was written."""

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params = params
        #: Further errors explaining this one (one per missing type, per bad line...).
        self.details: list[DomainError] = getattr(self, "details", [])
        super().__init__(self.render(template))

    def render(self, template: str) -> str:
        try:
            return template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return template


class NotFound(DomainError):
    """The thing named does not exist."""


class Conflict(DomainError):
    """The action clashes with existing data (duplicate code, wrong state...)."""


class ValidationError(DomainError):
    """One field of a form or row is wrong; ``field`` names it so a form can highlight it."""

    def __init__(self, field: str, template: str, /, **params: Any) -> None:
        self.field = field
        super().__init__(template, **params)


class ValidationErrors(DomainError):
    """Several problems at once (a CSV import): each keeps the line number it is about."""

    def __init__(self, errors: list[tuple[int, DomainError]]) -> None:
        self.errors = errors
        super().__init__("{count} problem(s) found; nothing was changed.", count=len(errors))

    def __str__(self) -> str:
        lines = [super().__str__()]
        lines += [f"line {line}: {err}" for line, err in self.errors]
        return "\n".join(lines)


def N_(text: str) -> str:
    """Mark a string for translation (Qt context ``messages``) without translating it here."""
    return text


class StorageError(DomainError):
    """The database file, its folder or the disk refused: busy, read-only, damaged, from a
    newer Régie, full. Nothing was written; the message says what to do."""


class UnexpectedError(DomainError):
    """A failure nobody foresaw (a bug, a broken installation). The message names it in one
    line; ``trace`` keeps the traceback for the log and the error dialog's details."""

    def __init__(self, error: BaseException, trace: str = "", log: str = "") -> None:
        self.original = error
        self.trace = trace
        self.log = log
        super().__init__("Unexpected error: {error}", error=describe(error))


def describe(error: BaseException) -> str:
    """An exception in one line: its type and its first line of text."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    name = type(error).__name__
    return f"{name}: {text}" if text else name
