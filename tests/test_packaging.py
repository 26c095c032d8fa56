"""The package metadata ships what the code needs, and the README's commands are what CI runs."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib
import importlib.machinery
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import quotetrack

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "quotetrack"


@pytest.fixture(scope="module")
def setup_cfg() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    return config


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def test_every_data_file_is_package_data(setup_cfg):
    """Each file in quotetrack/data matches a package_data pattern, so the wheel has it."""
    patterns = _lines(setup_cfg["options.package_data"]["quotetrack"])
    shipped = [
        p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "data").iterdir() if p.is_file()
    ]
    assert any(name.endswith(".tsv") for name in shipped)
    missing = [name for name in shipped if not any(fnmatch.fnmatch(name, pat) for pat in patterns)]
    assert missing == []


def test_py_typed_ships(setup_cfg):
    """py.typed exists and is listed as package data."""
    assert (PACKAGE / "py.typed").is_file()
    assert "py.typed" in _lines(setup_cfg["options.package_data"]["quotetrack"])


def test_metadata(setup_cfg):
    """The version comes from quotetrack.__version__ and the runtime requirements are regex, attrs."""
    assert setup_cfg["metadata"]["version"].strip() == "attr: quotetrack.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+", quotetrack.__version__)
    assert _lines(setup_cfg["options"]["install_requires"]) == ["regex", "attrs"]
    assert setup_cfg["options"]["python_requires"].strip() == ">=3.11"
    assert _lines(setup_cfg["options.extras_require"]["test"]) == ["pytest", "hypothesis",
                                                                      "mypy>=1.10,<3",
                                                                      "jsonschema"]


def test_console_script_is_the_cli_main(setup_cfg):
    """The quotetrack console script points at quotetrack.cli:main."""
    (script,) = _lines(setup_cfg["options.entry_points"]["console_scripts"])
    name, target = (part.strip() for part in script.split("="))
    module, function = target.split(":")
    assert name == "quotetrack"
    assert getattr(importlib.import_module(module), function) is quotetrack.cli.main


def test_pytest_settings(setup_cfg):
    """Strict xfails and warnings as errors are configured for the test suite."""
    section = setup_cfg["tool:pytest"]
    assert section["xfail_strict"].strip() == "true"
    assert section["filterwarnings"].strip() == "error"


def _first_code_block(text: str) -> list[str]:
    match = re.search(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M)
    assert match, "README.md has no code block"
    return match.group(1).strip().splitlines()


def test_readme_starts_with_two_commands():
    """README.md's first code block holds exactly the install-and-run and the test commands."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    install, test = _first_code_block(readme)
    assert readme.index("```") < readme.index("\n## ")  # before any other section
    assert (
        install.startswith("python3 -m venv .venv && ")
        and "quotetrack extract examples/" in install
    )
    assert test.startswith("python3 -m venv .venv && ") and test.endswith("-m pytest")


def test_ci_runs_the_readme_test_command():
    """.ci/run finds the same test command in README.md as the second line of its first block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    script = REPO / ".ci" / "run"
    assert script.stat().st_mode & 0o111, ".ci/run is not executable"
    text = script.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text
    extract = re.search(r"test_command=\$\((.*)\)\n", text)
    assert extract
    found = subprocess.run(
        ["bash", "-c", extract.group(1)], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == _first_code_block(readme)[1]


def test_compiled_modules_are_the_stage_modules():
    """setup.py compiles text.py and every module of rules/ (new rule modules are not forgotten),
    and nothing else: the attrs models, serialisation and the command line stay Python."""
    tree = ast.parse((REPO / "setup.py").read_text("utf-8"))
    (listed,) = [ast.literal_eval(node.value) for node in tree.body
                 if isinstance(node, ast.Assign) and node.targets[0].id == "COMPILED_MODULES"]
    rules = sorted(p.relative_to(REPO).as_posix() for p in (PACKAGE / "rules").glob("*.py")
                   if p.name != "__init__.py")
    assert sorted(listed) == sorted(["quotetrack/text.py", *rules])


def test_checkout_holds_no_compiled_modules():
    """A checkout's package has no extension modules next to its sources: a stale in-place build
    (``setup.py build_ext --inplace``) would shadow the .py files, so that edits and these tests
    ran old compiled code. Build the compiled package by installing it instead."""
    if not (REPO / ".git").exists() or PACKAGE != Path(quotetrack.__file__).resolve().parent:
        pytest.skip("not testing a checkout's own package")
    stale = sorted(p.relative_to(REPO).as_posix()
                   for suffix in importlib.machinery.EXTENSION_SUFFIXES
                   for p in PACKAGE.rglob(f"*{suffix}"))
    assert stale == [], "remove the in-place build: " + " ".join(stale)


@pytest.mark.slow
def test_mypy_accepts_the_package():
    """The annotations hold (the compiled build relies on them): mypy finds no error."""
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install 'quotetrack[test]')")
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "quotetrack"],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_the_licence_is_declared(setup_cfg):
    """The package says it is MIT-licensed, and ships the licence text."""
    assert setup_cfg["metadata"]["license"] == "MIT"
    assert setup_cfg["metadata"]["license_files"].strip() == "LICENSE"
    assert "License :: OSI Approved :: MIT License" in setup_cfg["metadata"]["classifiers"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_schemas_are_package_data(setup_cfg):
    """The JSON Schemas ship with the package."""
    patterns = _lines(setup_cfg["options.package_data"]["quotetrack"])
    shipped = [p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "schemas").iterdir()]
    assert shipped and all(any(fnmatch.fnmatch(n, pat) for pat in patterns) for n in shipped)
