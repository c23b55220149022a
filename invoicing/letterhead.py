"""The cooperative's logo at hand while a document is rendered.

The issuing service (``issuing.store``) renders invoices and credit notes with whatever
renderer its caller gave: the CLI's is handed the logo (``render.renderer_for``), the
desktop's and the demo's are the plain ``render.render``. So that every issued document
carries the cooperative's logo (``settings.logo_bytes``), the service puts it here for the
time of the rendering (``logo_in_use``), and ``render.render`` takes it when it was given
none (``current_logo``). A context variable: two threads issuing at once each see their
own; a renderer in another process (the demo's pool) is handed its logo explicitly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_LOGO: ContextVar[bytes | None] = ContextVar("regie_letterhead_logo", default=None)


@contextmanager
def logo_in_use(logo: bytes | None) -> Iterator[None]:
    """``logo`` is the cooperative's logo until the block ends."""
    token = _LOGO.set(logo)
    try:
        yield
    finally:
        _LOGO.reset(token)


def current_logo() -> bytes | None:
    """The logo put in use by the rendering under way, or None."""
    return _LOGO.get()
