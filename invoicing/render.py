"""Render a ``Document`` to its PDF, and for invoices and credit notes its Factur-X XML
embedded in the PDF (EN 16931 profile).

The pipeline of INVOICING-FR.md §8, all in memory except one private temp dir per call
(so two processes can render at once):

1. reportlab draws the PDF (``pdf_layout``: embedded DejaVu fonts only, RGB, no alpha,
   PDF 1.7, ``/Lang fr-FR``);
2. ``facturx_xml`` builds the CII XML from the same Document, checked here against the
   EN 16931 XSD (a schema parsed once per process; an invalid XML is a bug: ValueError);
   the schematrons are not run here (``validation.check_xml``, called once by the issuing
   service, runs them);
3. ``facturx.generate_from_file(path, xml, output_pdf_file=...)`` embeds it as
   ``factur-x.xml`` with the PDF/A-3 XMP, ``/AF`` and ``/AFRelationship /Data``
   (never ``generate_from_binary``, which concatenates two PDFs: akretion/factur-x#24);
4. pypdf post-fix: an ``/OutputIntents`` sRGB ICC profile (made in memory by Pillow),
   the Info dictionary made to agree with the XMP (Producer, dates; no Keywords or
   Trapped), header ``%PDF-1.7``.

A quote (and a monthly statement, ``pdfa_bytes``) gets steps 1 and 4 and a PDF/A-3B XMP
packet of its own (no XML). docs/PDFA.md
says what is and is not PDF/A-3B compliant.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import facturx
from PIL import ImageCms
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from app.core.db import UnitOfWork
from app.core.pdf import Logo
from app.core.settings import logo_bytes
from invoicing.document import Document, Kind
from invoicing.facturx_xml import build_xml
from invoicing.issuing import Renderer
from invoicing.letterhead import current_logo
from invoicing.pdf_layout import document_title, pdf_bytes
from invoicing.validation import xsd_problems

PRODUCER = "pypdf"  # what factur-x writes in the XMP pdf:Producer
CREATOR = "Régie"  # a quote's Info /Creator and XMP xmp:CreatorTool


@dataclass  # plain attributes, as the protocol issuing.Rendered declares them
class Rendered:
    pdf: bytes
    xml: bytes | None  # the embedded factur-x.xml; None for a quote


def render(document: Document, *, logo: Logo = None) -> Rendered:
    """The PDF (and, for an invoice or a credit note, the Factur-X XML it embeds), with
    ``logo`` (image bytes or a file) on its letterhead; without one, the logo the issuing
    service put in use (``letterhead.current_logo``), if any."""
    if logo is None:
        logo = current_logo()
    title = document_title(document)
    base = pdf_bytes(document, logo=logo, title=title)
    if document.kind == Kind.QUOTE:
        pdfa = pdfa_bytes(
            base, title=title, author=document.seller.name, subject=_subject(document)
        )
        return Rendered(pdf=pdfa, xml=None)
    xml = build_xml(document)
    problems = xsd_problems(xml)
    if problems:
        raise ValueError("The Factur-X XML does not match its schema: " + "; ".join(problems))
    with tempfile.TemporaryDirectory(prefix="regie-render-") as tmp:
        source = Path(tmp) / "base.pdf"
        target = Path(tmp) / "factur-x.pdf"
        source.write_bytes(base)
        facturx.generate_from_file(
            str(source),
            xml,
            flavor="factur-x",
            level="en16931",
            check_xsd=False,  # done above with a cached schema
            pdf_metadata={
                "author": document.seller.name,
                "title": title,
                "subject": _subject(document),
                "keywords": "",
            },
            lang="fr-FR",
            output_pdf_file=str(target),
            xmp_compression=False,  # PDF/A: the metadata stream must not be filtered
        )
        embedded = target.read_bytes()
    return Rendered(pdf=_post_fix(embedded), xml=xml)


def renderer_for(uow: UnitOfWork) -> Renderer:
    """The real renderer with the cooperative's logo (``settings.logo_bytes``)."""
    return functools.partial(render, logo=logo_bytes(uow))


def _subject(document: Document) -> str:
    what = {Kind.QUOTE: "Devis", Kind.INVOICE: "Facture", Kind.CREDIT_NOTE: "Avoir"}
    return (
        f"{what[document.kind]} {document.number} de {document.seller.name} à {document.buyer.name}"
    )


# --- PDF/A post-fix -------------------------------------------------------------------


@functools.cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS (through Pillow), its header version set
    from 4.4 to 4.2 (ICC.1:2004-10, the version PDF 1.7 cites; the profile has no MD5
    profile ID to invalidate)."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    if data[84:100] == bytes(16) and data[8] == 4:
        data[8:12] = bytes((4, 0x20, 0, 0))
    return bytes(data)


def _output_intent(writer: PdfWriter) -> DictionaryObject:
    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    icc = profile.flate_encode()
    icc[NameObject("/N")] = NumberObject(3)
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB"),
            NameObject("/Info"): TextStringObject("sRGB IEC61966-2.1"),
            NameObject("/RegistryName"): TextStringObject("http://www.color.org"),
            NameObject("/DestOutputProfile"): writer._add_object(icc),
        }
    )


_XMP_DATE = re.compile(r"<xmp:(CreateDate|ModifyDate)>([^<]+)</xmp:\1>")


def _pdf_date(xmp_date: str) -> str:
    """``2026-11-26T09:00:00+00:00`` → ``D:20261126090000+00'00'``."""
    moment = dt.datetime.fromisoformat(xmp_date)
    offset = moment.strftime("%z") or "+0000"
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


def _stream(value: object) -> StreamObject:
    if not isinstance(value, StreamObject):
        raise ValueError("the PDF's /Metadata is not a stream")
    return value


def _post_fix(pdf: bytes, *, xmp: bytes | None = None, info: dict[str, str] | None = None) -> bytes:
    """OutputIntent, Info ↔ XMP agreement, header 1.7 (and, for a quote, the XMP); the
    natural language ``fr-FR`` when the PDF names none (a merged PDF loses it)."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    root = writer._root_object
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(_output_intent(writer))])
    if "/Lang" not in root:
        root[NameObject("/Lang")] = TextStringObject("fr-FR")
    if xmp is not None:
        stream = DecodedStreamObject()
        stream.set_data(xmp)
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        root[NameObject("/Metadata")] = writer._add_object(stream)
    metadata = _stream(root["/Metadata"].get_object()).get_data().decode("utf-8")
    info_object = writer._info.get_object() if writer._info is not None else None
    entries = info_object if isinstance(info_object, DictionaryObject) else DictionaryObject()
    for key in ("/Keywords", "/Trapped"):
        if key in entries:
            del entries[key]
    for key, value in (info or {}).items():
        entries[NameObject(key)] = TextStringObject(value)
    entries[NameObject("/Producer")] = TextStringObject(PRODUCER)
    dates = dict(_XMP_DATE.findall(metadata))
    if "CreateDate" in dates:
        entries[NameObject("/CreationDate")] = TextStringObject(_pdf_date(dates["CreateDate"]))
    if "ModifyDate" in dates:
        entries[NameObject("/ModDate")] = TextStringObject(_pdf_date(dates["ModifyDate"]))
    trailer_id = reader.trailer.get("/ID")
    if trailer_id is not None and writer._ID is None:
        writer._ID = trailer_id
    writer.pdf_header = b"%PDF-1.7"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdfa_bytes(pdf: bytes, *, title: str, author: str, subject: str) -> bytes:
    """A PDF without Factur-X XML (a quote, a statement, the merged statements of a month)
    made PDF/A-3B like the invoices:
    the sRGB OutputIntent, an XMP packet (pdfaid part 3) and the Info dictionary agreeing
    with it. The fonts are already embedded (``app.core.pdf.build_flow``: DejaVu only)."""
    info = {"/Title": title, "/Author": author, "/Subject": subject, "/Creator": CREATOR}
    return _post_fix(pdf, xmp=_xmp(title, author, subject), info=info)


def _xmp(title: str, author: str, subject: str) -> bytes:
    """A minimal PDF/A-3B XMP packet (factur-x writes the invoices' one)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(subject)}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{PRODUCER}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{CREATOR}</xmp:CreatorTool>
   <xmp:CreateDate>{now}</xmp:CreateDate>
   <xmp:ModifyDate>{now}</xmp:ModifyDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")
