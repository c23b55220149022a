"""The cooperative's own logo (set up by ``regie init --logo`` or the assistant: stored in
``cooperative.logo``, read with ``settings.logo_bytes``) is on every document: invoices
issued as the desktop issues them (the plain renderer: the issuing service puts the logo
in use), quotes, the pick list, the delivery note and the return report; an image that
cannot be read leaves the documents without a logo, never without the document."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from app.bootstrap import open_context
from app.cli import main
from app.core import settings
from invoicing import invoices, issuing, render
from invoicing.render import renderer_for
from tests.invoicing.conftest import USER, book

RED = (200, 30, 30, 255)


def png_logo() -> bytes:
    """A red square on a transparent field (the flattening on white is exercised)."""
    image = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    image.paste(RED, (30, 0, 90, 60))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def set_logo(db, value: str) -> None:
    with db.write() as uow:
        settings.set_setting(uow, settings.LOGO, value)


def images(pdf_bytes: bytes) -> list[Image.Image]:
    found = []
    for page in PdfReader(io.BytesIO(pdf_bytes)).pages[:1]:
        found += [picture.image for picture in page.images]
    return found


def red_logo_in(pdf_bytes: bytes) -> bool:
    """Some image of the first page has the logo's red, its transparent field white."""
    for image in images(pdf_bytes):
        rgb = image.convert("RGB")
        colours = {colour for _count, colour in rgb.getcolors(1 << 16) or []}
        if RED[:3] in colours and (255, 255, 255) in colours:
            return True
    return False


@pytest.fixture
def cli(coop, db_path, clock, monkeypatch, qapp):
    monkeypatch.setenv("REGIE_DB", str(db_path))

    def fixed_context(db_option, **kwargs):
        ctx = open_context(db_option, **kwargs)
        ctx.clock = clock
        return ctx

    for module in ("app.cli.invoicing", "app.cli.desk"):
        monkeypatch.setattr(f"{module}.open_context", fixed_context)
    set_logo(coop, settings.logo_value(png_logo()))
    return coop


def test_an_invoice_issued_as_the_desktop_does_carries_the_logo(cli, clock):
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    issued = issuing.issue(
        cli,
        lambda uow: invoices.issue_invoice(
            uow, user=USER, reference=ref, clock=clock, renderer=render.render
        ),
    )
    with cli.read() as uow:
        stored = issuing.files_of(uow, issued.id).pdf
    assert red_logo_in(stored)


def test_the_renderer_of_the_cooperative_carries_its_logo(cli, clock):
    ref = book(cli, clock, "C-MEM", {"LYRE": 1})
    with cli.read() as uow:
        quote = invoices.quote_document(uow, ref, clock)
        rendered = renderer_for(uow)(quote)
    assert red_logo_in(rendered.pdf)
    assert not images(render.render(quote).pdf)  # no logo given, none in use: none printed


def test_the_desk_documents_carry_the_logo(cli, capsys, tmp_path, clock):
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    for argv in (("picklist",), ("scan", "finish"), ("scan", "report")):
        target = tmp_path / f"{argv[-1]}.pdf"
        assert main([*argv, ref, "--out", str(target)]) == 0, capsys.readouterr().err
        assert red_logo_in(target.read_bytes()), argv


def test_a_logo_that_cannot_be_read_leaves_the_documents_without_one(cli, capsys, tmp_path, clock):
    set_logo(cli, "data:image/png;base64,bm90IGFuIGltYWdl")  # "not an image"
    ref = book(cli, clock, "C-PUB", {"LYRE": 1})
    target = tmp_path / "pick.pdf"
    assert main(["picklist", ref, "--out", str(target)]) == 0, capsys.readouterr().err
    assert not images(target.read_bytes())
    with cli.read() as uow:
        quote = invoices.quote_document(uow, ref, clock)
        assert not images(renderer_for(uow)(quote).pdf)
