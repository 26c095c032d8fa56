"""Imports point one way: the model at the bottom, rules below the parser, the CLI on top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import quotetrack

PACKAGE = Path(quotetrack.__file__).parent
MODULE_FILES = sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in MODULE_FILES}


def imports_of(name: str) -> set[str]:
    """Absolute names of every module ``name`` imports, anywhere in its body (lazy ones too)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            found.add(stem)
            # "from . import marks" imports the submodule quotetrack.rules.marks
            for alias in node.names:
                found.add(f"{stem}.{alias.name}")
    return found


def package_imports(name: str) -> set[str]:
    """The modules of quotetrack that ``name`` imports."""
    return {m for m in imports_of(name) if m in MODULES}


def test_modules_found():
    """The walk sees the core modules, so the tests below are not vacuous."""
    for name in ("quotetrack.model", "quotetrack.parser", "quotetrack.rules.marks"):
        assert name in MODULES


def test_relative_import_resolution():
    """The helper resolves relative imports to absolute module names."""
    assert "quotetrack.model" in package_imports("quotetrack.rules.marks")
    assert "quotetrack.parser" in package_imports("quotetrack")


def test_model_imports_nothing_from_the_package():
    """quotetrack.model imports no other quotetrack module."""
    assert {m for m in imports_of("quotetrack.model") if m.startswith("quotetrack")} == set()


RULES = sorted(m for m in MODULES if m.startswith("quotetrack.rules."))
HIGHER = {"parser", "cli", "serialize", "evaluate", "batch", "__main__", "store"}


@pytest.mark.parametrize("name", RULES)
def test_rules_do_not_import_higher_layers(name):
    """No rule module imports parser, cli, serialize, evaluate, batch or the store."""
    bad = {m for m in package_imports(name) if m.split(".")[1] in HIGHER}
    assert bad == set()


@pytest.mark.parametrize(
    "name", sorted(set(MODULES) - {"quotetrack.__main__", "quotetrack.cli"}))
def test_only_main_imports_cli(name):
    """Nothing but quotetrack.__main__ imports quotetrack.cli."""
    assert "quotetrack.cli" not in imports_of(name)


@pytest.mark.parametrize("name", ["quotetrack.errors", "quotetrack.config", "quotetrack.text",
                                  "quotetrack.collector"])
def test_foundation_modules_stay_low(name):
    """errors, config and text import only errors from the package, never the rules or parser."""
    assert package_imports(name) <= {"quotetrack.errors"}


def test_no_import_cycles():
    """The package import graph has no cycles (the facade __init__ aside)."""
    graph = {m: package_imports(m) - {"quotetrack"} for m in MODULES if m != "quotetrack"}
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError(" -> ".join(path + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for module in graph:
        if module not in state:
            visit(module, [module])


def test_every_rule_is_documented():
    """Each attribution sieve and reported-speech rule has its name in docs/rules.md."""
    from quotetrack.parser import RULE_NAMES

    rules_doc = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text("utf-8")
    missing = [name for name in RULE_NAMES if f"`{name}`" not in rules_doc]
    assert missing == []


# --------------------------------------------------------------------------- the quote store

STORE = sorted(m for m in MODULES if m == "quotetrack.store" or m.startswith("quotetrack.store."))
#: the only modules that talk to SQLite
SQLITE_MODULES = {"quotetrack.store.store", "quotetrack.store.schema"}


def test_store_modules_found():
    """The walk sees the store package, so the store tests below are not vacuous."""
    assert {"quotetrack.store", "quotetrack.store.store", "quotetrack.store.cli"} <= set(STORE)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_only_the_store_imports_sqlite3(name):
    """Nothing below the store imports sqlite3; inside it, only the database modules do."""
    if name in SQLITE_MODULES:
        assert "sqlite3" in imports_of(name)
    else:
        assert "sqlite3" not in imports_of(name)


@pytest.mark.parametrize("name", STORE)
def test_store_imports_point_down(name):
    """The store builds on the engine (model, parser, serialize, batch) and never imports the
    command line, evaluation or the Dask layer."""
    outside = {m for m in package_imports(name) if not m.startswith("quotetrack.store")}
    assert outside <= {"quotetrack.model", "quotetrack.errors", "quotetrack.batch",
                       "quotetrack.parser", "quotetrack.serialize", "quotetrack.lexicon",
                       "quotetrack.claims_model"}


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"quotetrack.cli", "quotetrack.store.cli"}))
def test_only_the_cli_imports_the_store_cli(name):
    """quotetrack.store.cli is reached only from quotetrack.cli."""
    assert "quotetrack.store.cli" not in imports_of(name)


@pytest.mark.parametrize("name", sorted(m for m in MODULES if not m.startswith("quotetrack.store")
                                        and m not in {"quotetrack.cli"}))
def test_engine_does_not_import_the_store(name):
    """The engine below the store never imports it (only the CLI on top does)."""
    assert not any(m.startswith("quotetrack.store") for m in package_imports(name))
