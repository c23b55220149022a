"""Keep the French catalogue complete: extract every translatable string from the source,
merge known translations, write ``resources/translations/regie_fr.ts`` (and
``regie_en.ts``, which holds only the English plural forms).

    python3 installer/translations.py          # update the .ts (and list what is missing)
    python3 installer/translations.py --check  # exit 1 if a string has no translation

What counts as translatable (literal arguments only):
- ``QCoreApplication.translate("Context", "text")`` and ``tr("Context", "text")``;
- the desk's ``_refuse(code, outcome, "template", ...)``;
- domain errors ``NotFound/Conflict/DomainError("template", ...)`` and
  ``ValidationError(field, "template", ...)``, and ``N_("text")`` (context ``messages``).
Translations come from the existing .ts file, then from ``docs/fr/*.tsv`` fragments
(``context<TAB>English<TAB>French``).

Plurals use Qt's numerus forms: ``translate(ctx, "%n booking(s)", None, n)`` (the fourth
argument makes it numerus) and domain templates with a ``{count}`` field and "(s)" (see
``app.i18n.message``). They are written ``<message numerus="yes">`` with one
``<numerusform>`` per form; a fragment gives French as ``%n réservation|%n réservations``
(singular|plural). English forms are made from the source ("(s)" dropped or kept:
"%n booking" / "%n bookings"), or taken from ``docs/en/*.tsv`` fragments written the same
way when the rule does not fit.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("app", "inventory", "booking", "invoicing")
TS_FILE = ROOT / "resources" / "translations" / "regie_fr.ts"
EN_FILE = ROOT / "resources" / "translations" / "regie_en.ts"
FRAGMENTS = ROOT / "docs" / "fr"
EN_FRAGMENTS = ROOT / "docs" / "en"
#: Separates the singular and plural forms of a numerus message in fragments and ``read_ts``.
FORMS = "|"
ERROR_CLASSES = {"DomainError", "NotFound", "Conflict"}
FIELD_ERROR_CLASSES = {"ValidationError"}
#: ``fields.text("serial number", ...)``: the first argument names the field in messages.
FIELD_PARSERS = {
    "text",
    "money_cents",
    "optional_money_cents",
    "integer",
    "optional_date",
    "choice",
}

Key = tuple[str, str]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_fields_call(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "fields"
    )


def _is_super(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Call)
        and _name(func.value.func) == "super"
    )


def _is_numerus_call(call: ast.Call) -> bool:
    """``translate(ctx, text, None, n)``: Qt's plural forms."""
    return (
        _name(call.func) in ("translate", "tr")
        and len(call.args) >= 4
        and isinstance(call.args[2], ast.Constant)
        and call.args[2].value is None
    )


def is_numerus_template(context: str, text: str) -> bool:
    """A domain template counted by its ``{count}`` field (``app.i18n.message``)."""
    return context == "messages" and "{count}" in text and "(s)" in text


def _strings_of_call(call: ast.Call, class_name: str | None) -> Iterator[Key]:
    name = _name(call.func)
    args = [_literal(a) for a in call.args]
    if (
        name in ("translate", "tr", "QT_TRANSLATE_NOOP")
        and len(args) >= 2
        and args[0]
        and args[1] is not None
    ):
        yield args[0], args[1]
    elif name == "tr" and len(args) == 1 and args[0] and class_name:
        yield class_name, args[0]
    elif name in ERROR_CLASSES and args and args[0]:
        yield "messages", args[0]
    elif name in FIELD_ERROR_CLASSES and len(args) >= 2 and args[1]:
        if args[0]:
            yield "fields", args[0]
        yield "messages", args[1]
    elif name in FIELD_PARSERS and _is_fields_call(call) and args and args[0]:
        yield "fields", args[0]
    elif name == "_refuse" and len(args) >= 3 and args[2]:
        yield "messages", args[2]  # the desk's refusals: _refuse(code, outcome, template, ...)
    elif name == "N_" and args and args[0]:
        yield "messages", args[0]
    elif name == "__init__" and _is_super(call) and args and args[0]:
        yield "messages", args[0]  # a DomainError subclass passing its own template


def extract_file(path: Path, numerus: set[Key] | None = None) -> list[Key]:
    """The keys of ``path``; those used with plural forms are added to ``numerus``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Key] = []

    def visit(node: ast.AST, class_name: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            class_name = node.name
        if isinstance(node, ast.Call):
            keys = list(_strings_of_call(node, class_name))
            found.extend(keys)
            if numerus is not None:
                numerus.update(k for k in keys if _is_numerus_call(node))
                numerus.update(k for k in keys if is_numerus_template(*k))
        for child in ast.iter_child_nodes(node):
            visit(child, class_name)

    visit(tree, None)
    return found


def _sources() -> Iterator[Path]:
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def extract() -> list[Key]:
    keys: dict[Key, None] = {}
    for path in _sources():
        for key in extract_file(path):
            keys.setdefault(key, None)
    return list(keys)


def extract_numerus() -> set[Key]:
    """The keys used with plural forms (``translate(ctx, text, None, n)``)."""
    numerus: set[Key] = set()
    for path in _sources():
        extract_file(path, numerus)
    return numerus


def english_forms(text: str) -> str:
    """The English singular|plural of a numerus source: "%n booking(s)" gives
    "%n booking|%n bookings"."""
    return text.replace("(s)", "") + FORMS + text.replace("(s)", "s")


def read_ts(path: Path = TS_FILE) -> dict[Key, str]:
    if not path.exists():
        return {}
    known: dict[Key, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for msg in context.iter("message"):
            trans = msg.find("translation")
            if trans is None or trans.get("type") == "unfinished":
                continue
            forms = [f.text or "" for f in trans.iter("numerusform")]
            text = FORMS.join(forms) if msg.get("numerus") == "yes" else trans.text
            if text and all(forms or [text]):
                known[(ctx, msg.findtext("source", ""))] = text
    return known


def read_fragments(folder: Path = FRAGMENTS) -> dict[Key, str]:
    known: dict[Key, str] = {}
    for path in sorted(folder.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[2].strip():
                known[(parts[0], _unescape(parts[1]))] = _unescape(parts[2])
    return known


def _unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def write_ts(
    keys: list[Key],
    known: dict[Key, str],
    path: Path = TS_FILE,
    numerus: set[Key] | None = None,
    language: str = "fr_FR",
) -> list[Key]:
    """Write the catalogue; a numerus key's translation "one|many" becomes its forms."""
    numerus = numerus or set()
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    missing: list[Key] = []
    by_context: dict[str, list[str]] = {}
    for ctx, text in keys:
        by_context.setdefault(ctx, []).append(text)
    for ctx in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ctx
        for text in by_context[ctx]:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            translation = ET.SubElement(message, "translation")
            french = known.get((ctx, text))
            if (ctx, text) in numerus:
                message.set("numerus", "yes")
                forms = french.split(FORMS) if french else []
                for form in forms or ["", ""]:
                    ET.SubElement(translation, "numerusform").text = form
                if not french:
                    translation.set("type", "unfinished")
                    missing.append((ctx, text))
            elif french:
                translation.text = french
            else:
                translation.set("type", "unfinished")
                missing.append((ctx, text))
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def english(numerus: set[Key]) -> dict[Key, str]:
    """The English forms of every numerus key (fragments in docs/en win over the rule)."""
    overrides = read_fragments(EN_FRAGMENTS)
    return {key: overrides.get(key) or english_forms(key[1]) for key in numerus}


def main(argv: list[str]) -> int:
    keys = extract()
    numerus = extract_numerus()
    known = {**read_fragments(), **read_ts()}
    # a plural needs its forms ("%n client|%n clients"), a plain string has none
    known = {k: v for k, v in known.items() if (FORMS in v) == (k in numerus)}
    if "--check" in argv:
        missing = [k for k in keys if k not in known]
    else:
        missing = write_ts(keys, known, numerus=numerus)
        ordered = [k for k in keys if k in numerus]
        write_ts(ordered, english(numerus), EN_FILE, set(ordered), language="en_GB")
    for ctx, text in missing:
        print(f"missing\t{ctx}\t{text!r}")
    print(f"{len(keys)} strings, {len(missing)} without French", file=sys.stderr)
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
