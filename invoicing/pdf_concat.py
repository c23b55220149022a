"""Concatenating many PDFs into one, fast: the merged PDF of a month's statements.

pypdf's merge reads every object of every file into Python objects (the fonts' width
arrays, number by number) and writes them back: a few milliseconds per statement, most of
the batch for a thousand of them. The statements are PDFs this program wrote (reportlab,
then ``render.pdfa_bytes``): one classic cross-reference table, a flat page tree, direct
stream lengths. ``Concatenation`` copies their objects as bytes, renumbered: it reads only
the dictionaries (never a stream's content), follows the references from each page
(except ``/Parent``), and gives every page the merged file's page tree as parent.

The merged file is PDF/A-3B like each statement: its catalog, XMP packet, OutputIntent
and Info dictionary are those ``render.pdfa_bytes`` writes, taken from a one-page PDF it
made with the merged file's title (``skeleton``). A file that is not of that simple shape
raises ``NotSimple`` (the caller then merges with pypdf).
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from typing import BinaryIO


class NotSimple(ValueError):
    """A PDF that is not of the simple shape ``Concatenation`` copies."""


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)\s*\r?\n")
_REF = re.compile(rb"(\d+)\s+(\d+)\s+R(?![A-Za-z])")
_KEY_REF = {
    key: re.compile(rb"/" + key + rb"\s+(\d+)\s+0\s+R") for key in (b"Root", b"Pages", b"Info")
}
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*")
_STREAM = re.compile(rb"\s*stream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")
_PARENT = re.compile(rb"/Parent\s+\d+\s+0\s+R")
_OUTPUT_INTENTS = re.compile(rb"/OutputIntents\s*\[\s*(\d+)\s+0\s+R\s*\]")
_METADATA = re.compile(rb"/Metadata\s+(\d+)\s+0\s+R")
_PLACEHOLDER = b"/Parent \x00"
_HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


class _Pdf:
    """A PDF's objects: where each begins, read on demand."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        found = _STARTXREF.search(data, max(0, len(data) - 64))
        if found is None:
            raise NotSimple("no startxref")
        at = int(found.group(1))
        if data[at : at + 4] != b"xref":
            raise NotSimple("no classic cross-reference table")
        at += 4
        self.offsets: dict[int, int] = {}
        while True:
            while data[at : at + 1] in b" \r\n":
                at += 1
            if data.startswith(b"trailer", at):
                break
            section = _SUBSECTION.match(data, at)
            if section is None:
                raise NotSimple("a cross-reference table of an unknown shape")
            first, count = int(section.group(1)), int(section.group(2))
            at = section.end()
            for number in range(first, first + count):
                entry = data[at : at + 20]
                if entry[17:18] == b"n":
                    self.offsets[number] = int(entry[:10])
                at += 20
        self.trailer = data[at : found.start()]
        if b"/Prev" in self.trailer:
            raise NotSimple("an incremental update")

    def ref(self, text: bytes, key: bytes) -> int:
        found = _KEY_REF[key].search(text)
        if found is None:
            raise NotSimple(f"no /{key.decode()}")
        return int(found.group(1))

    def read(self, number: int) -> tuple[bytes, bytes | None]:
        """The object's value (bytes) and its stream's raw content (None: not a stream)."""
        at = self.offsets.get(number)
        if at is None:
            raise NotSimple(f"no object {number}")
        head = _OBJ.match(self.data, at)
        if head is None or int(head.group(1)) != number:
            raise NotSimple(f"object {number} is not where the table says")
        end = _value_end(self.data, head.end())
        value = self.data[head.end() : end]
        stream = _STREAM.match(self.data, end)
        if stream is None:
            return value, None
        length = _LENGTH.search(value)
        if length is None:
            raise NotSimple(f"object {number}: a stream without a direct /Length")
        begin = stream.end()
        return value, self.data[begin : begin + int(length.group(1))]

    def pages(self) -> list[int]:
        root, _ = self.read(self.ref(self.trailer, b"Root"))
        tree, _ = self.read(self.ref(root, b"Pages"))
        kids = _KIDS.search(tree)
        if kids is None:
            raise NotSimple("no /Kids")
        numbers = [int(m.group(1)) for m in _REF.finditer(kids.group(1))]
        for number in numbers:
            value, _ = self.read(number)
            if not re.search(rb"/Type\s*/Page(?![A-Za-z])", value):
                raise NotSimple("a page tree of more than one level")
        return numbers


_TOKEN = re.compile(rb"<<|>>|[()\[\]<\\]|endobj")


def _value_end(data: bytes, at: int) -> int:
    """Where the PDF value starting at ``at`` ends (strings, dictionaries and arrays
    nested; a stream's content is not part of it). Jumps from one delimiter to the next."""
    depth = 0
    string = 0  # nesting of parentheses inside a literal string
    i = at
    while True:
        found = _TOKEN.search(data, i)
        if found is None:
            raise NotSimple("an unterminated object")
        token, i = found.group(), found.end()
        if string:
            if token == b"\\":
                i += 1  # the escaped character
            elif token == b"(":
                string += 1
            elif token == b")":
                string -= 1
                if not string and not depth:
                    return i
            continue
        if token == b"(":
            string = 1
        elif token in (b"<<", b"["):
            depth += 1
        elif token in (b">>", b"]"):
            depth -= 1
            if not depth:
                return i
        elif token == b"<":  # a hex string
            close = data.find(b">", i)
            if close < 0:
                raise NotSimple("an unterminated hex string")
            i = close + 1
            if not depth:
                return i
        elif token == b"endobj" and not depth:
            return found.start()


def _renumber(value: bytes, numbers: dict[int, int]) -> bytes:
    """``value`` with each reference ``n 0 R`` outside its strings renumbered."""

    def swap(found: re.Match[bytes]) -> bytes:
        return b"%d 0 R" % numbers[int(found.group(1))]

    if b"(" not in value:
        return _REF.sub(swap, value)
    out, i = [], 0
    for start, end in _strings(value):
        out.append(_REF.sub(swap, value[i:start]))
        out.append(value[start:end])
        i = end
    out.append(_REF.sub(swap, value[i:]))
    return b"".join(out)


def _strings(value: bytes) -> list[tuple[int, int]]:
    """Where the literal strings of ``value`` are."""
    spans, i, n = [], 0, len(value)
    while i < n:
        if value[i] == 0x28:
            start, level = i, 1
            i += 1
            while i < n and level:
                c = value[i]
                if c == 0x5C:
                    i += 1
                elif c == 0x28:
                    level += 1
                elif c == 0x29:
                    level -= 1
                i += 1
            spans.append((start, i))
        else:
            i += 1
    return spans


def _refs(value: bytes) -> list[int]:
    if b"(" not in value:
        return [int(m.group(1)) for m in _REF.finditer(value)]
    found: list[int] = []
    i = 0
    for start, end in [*_strings(value), (len(value), len(value))]:
        found += [int(m.group(1)) for m in _REF.finditer(value, i, start)]
        i = end
    return found


class Concatenation:
    """Writes PDFs one after the other into ``out`` as one PDF; ``close`` ends it with the
    page tree, the catalog, the metadata of ``skeleton`` (a one-page PDF/A made by
    ``render.pdfa_bytes`` with the merged file's title) and the cross-reference table."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.offsets: list[int] = [0]  # object n at offsets[n]; 0 unused
        self.kids: list[int] = []
        self.pages_number = self._reserve()
        self.position = 0
        self._write(_HEADER)

    def _reserve(self) -> int:
        self.offsets.append(-1)
        return len(self.offsets) - 1

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def _object(self, number: int, value: bytes, stream: bytes | None = None) -> None:
        self.offsets[number] = self.position
        parts = [b"%d 0 obj\n" % number, value]
        if stream is not None:
            parts += [b"\nstream\n", stream, b"\nendstream"]
        parts.append(b"\nendobj\n")
        self._write(b"".join(parts))

    def _copy(self, pdf: _Pdf, starts: list[int], parent: int | None) -> list[int]:
        """Copies the objects reachable from ``starts`` (not through ``/Parent``, which
        becomes ``parent``); returns the new numbers of ``starts``."""
        numbers: dict[int, int] = {}
        values: dict[int, tuple[bytes, bytes | None]] = {}
        todo = list(starts)
        while todo:
            old = todo.pop()
            if old in numbers:
                continue
            numbers[old] = self._reserve()
            value, stream = pdf.read(old)
            if parent is not None:  # the page tree is the merged file's, not followed
                value = _PARENT.sub(_PLACEHOLDER, value)
            values[old] = (value, stream)
            todo += [n for n in _refs(value) if n not in numbers]
        for old, (value, stream) in values.items():
            value = _renumber(value, numbers)
            if parent is not None:
                value = value.replace(_PLACEHOLDER, b"/Parent %d 0 R" % parent)
            self._object(numbers[old], value, stream)
        return [numbers[n] for n in starts]

    def add(self, data: bytes) -> int:
        """Appends the pages of ``data`` (a PDF); returns how many."""
        pdf = _Pdf(data)
        pages = pdf.pages()
        self.kids += self._copy(pdf, pages, self.pages_number)
        return len(pages)

    def close(self, skeleton: bytes) -> None:
        pdf = _Pdf(skeleton)
        root_number = pdf.ref(pdf.trailer, b"Root")
        root, _ = pdf.read(root_number)
        intents = _OUTPUT_INTENTS.search(root)
        metadata = _METADATA.search(root)
        if intents is None or metadata is None:
            raise NotSimple("the skeleton is not a PDF/A")
        intent, xmp = self._copy(pdf, [int(intents.group(1)), int(metadata.group(1))], None)
        info_value, _ = pdf.read(pdf.ref(pdf.trailer, b"Info"))
        if _refs(info_value):
            raise NotSimple("an Info dictionary with references")
        info = self._reserve()
        self._object(info, info_value)
        kids = b" ".join(b"%d 0 R" % k for k in self.kids)
        self._object(
            self.pages_number,
            b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self.kids), kids),
        )
        catalog = self._reserve()
        self._object(
            catalog,
            b"<< /Type /Catalog /Pages %d 0 R /Lang (fr\\055FR) /PageMode /UseNone "
            b"/OutputIntents [ %d 0 R ] /Metadata %d 0 R >>" % (self.pages_number, intent, xmp),
        )
        start = self.position
        table = io.BytesIO()
        table.write(b"xref\n0 %d\n0000000000 65535 f \n" % len(self.offsets))
        for offset in self.offsets[1:]:
            table.write(b"%010d 00000 n \n" % offset)
        identifier = hashlib.md5(  # noqa: S324 - a file identifier, not a secret
            b"%d %d %d" % (start, len(self.kids), len(self.offsets)) + info_value
        ).hexdigest()
        table.write(
            b"trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [ <%s> <%s> ]\n>>\n"
            b"startxref\n%d\n%%%%EOF\n"
            % (len(self.offsets), catalog, info, identifier.encode(), identifier.encode(), start)
        )
        self._write(table.getvalue())


@functools.cache
def blank_page() -> bytes:
    """An empty A4 page: what ``skeleton`` makes PDF/A."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pdfVersion=(1, 7))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def skeleton(*, title: str, author: str, subject: str) -> bytes:
    """A one-page PDF/A with these title, author and subject (``render.pdfa_bytes``):
    the catalog's PDF/A parts and the Info dictionary of a concatenation."""
    from invoicing.render import pdfa_bytes  # factur-x and pypdf: imported when first used

    return pdfa_bytes(blank_page(), title=title, author=author, subject=subject)


def pdfa(pdf: bytes, *, title: str, author: str, subject: str) -> bytes:
    """``render.pdfa_bytes(pdf, ...)`` for a PDF of the simple shape, in a third of the
    time: its pages copied as bytes under the PDF/A parts of a ``skeleton``; any other
    PDF goes through ``render.pdfa_bytes``."""
    from invoicing.render import pdfa_bytes

    made = skeleton(title=title, author=author, subject=subject)
    try:
        return concatenate([pdf], made)
    except NotSimple:
        return pdfa_bytes(pdf, title=title, author=author, subject=subject)


def concatenate(pdfs: list[bytes], skeleton: bytes) -> bytes:
    """``pdfs`` as one PDF (see ``Concatenation``)."""
    out = io.BytesIO()
    merged = Concatenation(out)
    for data in pdfs:
        merged.add(data)
    merged.close(skeleton)
    return out.getvalue()
