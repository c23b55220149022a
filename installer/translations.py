"""Keep the French catalogue complete: extract every translatable string from the source,
merge known translations, write ``resources/translations/regie_fr.ts``.

    python3 installer/translations.py          # update the .ts (and list what is missing)
    python3 installer/translations.py --check  # exit 1 if a string has no translation

What counts as translatable (literal arguments only):
- ``QCoreApplication.translate("Context", "text")`` and ``tr("Context", "text")``;
- the desk's ``_refuse(code, outcome, "template", ...)``;
- domain errors ``NotFound/Conflict/DomainError("template", ...)`` and
  ``ValidationError(field, "template", ...)``, and ``N_("text")`` (context ``messages``).
Translations come from the existing .ts file, then from ``docs/fr/*.tsv`` fragments
(``context<TAB>English<TAB>French``).
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
FRAGMENTS = ROOT / "docs" / "fr"
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
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call) \
        and _name(func.value.func) == "super"


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


def extract_file(path: Path) -> list[Key]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Key] = []

    def visit(node: ast.AST, class_name: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            class_name = node.name
        if isinstance(node, ast.Call):
            found.extend(_strings_of_call(node, class_name))
        for child in ast.iter_child_nodes(node):
            visit(child, class_name)

    visit(tree, None)
    return found


def extract() -> list[Key]:
    keys: dict[Key, None] = {}
    for package in SOURCES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for key in extract_file(path):
                keys.setdefault(key, None)
    return list(keys)


def read_ts(path: Path = TS_FILE) -> dict[Key, str]:
    if not path.exists():
        return {}
    known: dict[Key, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for msg in context.iter("message"):
            trans = msg.find("translation")
            if trans is not None and trans.text and trans.get("type") != "unfinished":
                known[(ctx, msg.findtext("source", ""))] = trans.text
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


def write_ts(keys: list[Key], known: dict[Key, str], path: Path = TS_FILE) -> list[Key]:
    root = ET.Element("TS", version="2.1", language="fr_FR", sourcelanguage="en")
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
            if french:
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


def main(argv: list[str]) -> int:
    keys = extract()
    known = {**read_fragments(), **read_ts()}
    if "--check" in argv:
        missing = [k for k in keys if k not in known]
    else:
        missing = write_ts(keys, known)
    for ctx, text in missing:
        print(f"missing\t{ctx}\t{text!r}")
    print(f"{len(keys)} strings, {len(missing)} without French", file=sys.stderr)
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
