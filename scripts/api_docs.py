"""Write the API reference (docs/api.md) from the docstrings of the public modules.

    .venv/bin/python scripts/api_docs.py            # writes docs/api.md
    .venv/bin/python scripts/api_docs.py --check    # exit 1 if docs/api.md is out of date

Packages with ``__all__`` document those names; other modules document the functions and
classes they define (names without a leading underscore), in source order. pydantic models
and dataclasses get a table of their fields. The spaCy factories come from the
``spacy_factories`` entry points in pyproject.toml.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path
from types import ModuleType

import tomllib
from pydantic import BaseModel

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "api.md"

#: documented modules, in this order; the components follow them
MODULES = [
    "nlpkommun",
    "nlpkommun.records",
    "nlpkommun.errors",
    "nlpkommun.ingest",
    "nlpkommun.pipeline",
    "nlpkommun.extensions",
    "nlpkommun.display",
    "nlpkommun.backends",
    "nlpkommun.backends.spacy_model",
    "nlpkommun.backends.stanza",
    "nlpkommun.batch",
    "nlpkommun.index",
]


def _doc(obj: object) -> str:
    return inspect.cleandoc(obj.__doc__) if obj.__doc__ else ""


def _signature(obj: object) -> str:
    try:
        return str(inspect.signature(obj))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(...)"


def _line(obj: object) -> int:
    try:
        return inspect.getsourcelines(obj)[1]  # type: ignore[arg-type]
    except (OSError, TypeError):
        return 0


def _public_members(module: ModuleType) -> list[tuple[str, object]]:
    names = getattr(module, "__all__", None)
    if names is not None:
        return [(n, getattr(module, n)) for n in names if inspect.isclass(getattr(module, n))
                or inspect.isfunction(getattr(module, n))]
    members = [
        (name, obj)
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == module.__name__
    ]
    return sorted(members, key=lambda m: _line(m[1]))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _type_name(annotation: object) -> str:
    if isinstance(annotation, type) and not getattr(annotation, "__args__", None):
        return annotation.__name__
    return re.sub(r"\b(?:typing|[a-z_]+(?:\.[a-z_]+)*)\.(?=[A-Za-z_])", "", str(annotation))


def _fields_table(cls: type) -> list[str]:
    rows: list[tuple[str, str, str]] = []
    if issubclass(cls, BaseModel):
        for name, info in cls.model_fields.items():
            rows.append((name, _type_name(info.annotation), info.description or ""))
    elif dataclasses.is_dataclass(cls):
        for f in dataclasses.fields(cls):
            rows.append((f.name, _type_name(f.type), ""))
    if not rows:
        return []
    out = ["", "| field | type | description |", "|---|---|---|"]
    out += [f"| `{n}` | `{_cell(t)}` | {_cell(d)} |" for n, t, d in rows]
    return out


def _function(name: str, obj: object, level: str = "###") -> list[str]:
    out = [f"{level} `{name}{_signature(obj)}`", ""]
    if _doc(obj):
        out += [_doc(obj), ""]
    return out


def _class(name: str, cls: type) -> list[str]:
    out = [f"### class `{name}`", ""]
    if _doc(cls):
        out += [_doc(cls)]
    out += _fields_table(cls)
    out.append("")
    for attr, value in vars(cls).items():
        if attr.startswith("_") or not (inspect.isfunction(value) or isinstance(value, classmethod | property)):
            continue
        target = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
        if isinstance(value, property):
            out += [f"#### `{name}.{attr}` (property)", ""] + ([_doc(target), ""] if _doc(target) else [])
        else:
            out += _function(f"{name}.{attr}", target, level="####")
    return out


def module_section(module_name: str) -> list[str]:
    """Markdown for one module."""
    module = importlib.import_module(module_name)
    out = [f"## `{module_name}`", ""]
    if _doc(module):
        out += [_doc(module), ""]
    for name, obj in _public_members(module):
        out += _class(name, obj) if inspect.isclass(obj) else _function(name, obj)
    return out


def factories_section() -> list[str]:
    """Markdown table of the spaCy factories (entry points)."""
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    entries = data["project"].get("entry-points", {}).get("spacy_factories", {})
    out = [
        "## spaCy factories",
        "",
        "Registered through the `spacy_factories` entry points, so `spacy.load` and",
        "`nlp.add_pipe(name)` find them without importing nlpkommun first.",
        "",
        "| factory | defined in | summary |",
        "|---|---|---|",
    ]
    for name, target in entries.items():
        module, _, attr = target.partition(":")
        obj = getattr(importlib.import_module(module), attr)
        out.append(f"| `{name}` | `{module}` | {_cell(_doc(obj).split(chr(10) * 2)[0])} |")
    return out + [""]


def component_modules() -> list[str]:
    """The modules under nlpkommun/components, sorted."""
    package = importlib.import_module("nlpkommun.components")
    return sorted(f"nlpkommun.components.{m.name}" for m in pkgutil.iter_modules(package.__path__))


def render() -> str:
    """The whole reference as Markdown."""
    lines = [
        "# API reference",
        "",
        "Generated from the docstrings by `scripts/api_docs.py`; do not edit by hand.",
        "",
    ]
    for name in MODULES:
        lines += module_section(name)
    lines += factories_section()
    lines += ["# Components", ""]
    for name in component_modules():
        lines += module_section(name)
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run .venv/bin/python scripts/api_docs.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
