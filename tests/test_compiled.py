"""The compiled build (``QUOTETRACK_COMPILE=1``, mypyc) gives exactly what the pure-Python build gives.

The module fixture compiles a copy of the package the way ``setup.py`` does for an install and
parses the same documents in both builds, each in its own process: the bundled fixtures, every
hostile shape, synthetic articles and, when ``../shared`` is next to the repository, its corpus
and evaluation texts. It skips when mypy or a C compiler is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from fixture_texts import fixture_texts
from test_hostile import SHAPES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

pytestmark = pytest.mark.slow  # builds the package with mypyc: about two minutes

#: parses the texts of a JSON file (argv[1]) with and without claims and beliefs, one output
#: line per text and parser; prints which build ran first
PARSE_SCRIPT = """
import json, sys
import quotetrack
from quotetrack import Parser
from quotetrack.serialize import result_to_dict
texts = json.load(open(sys.argv[1], encoding="utf-8"))
print(json.dumps({"compiled": quotetrack.COMPILED,
                  "tokens_module": quotetrack.rules.tokens.__file__}))
for parser in (Parser(), Parser(claims=True, beliefs=True)):
    for i, text in enumerate(texts):
        print(json.dumps(result_to_dict(parser.parse(text, id=str(i))), sort_keys=True))
"""


def _compiler_missing() -> str:
    if importlib.util.find_spec("mypy") is None:
        return "mypy is not installed (pip install 'quotetrack[test]')"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler}) on PATH"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "the Python headers (Python.h) are not installed"
    return ""


def _texts() -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench
    finally:
        sys.path.pop(0)
    texts = fixture_texts() + [doc["text"] for doc in bench.synthetic_docs(200)]
    if SHARED.is_dir():
        for path in [SHARED / "corpus" / "bbc.jsonl", *sorted((SHARED / "eval").glob("*.jsonl"))]:
            texts += [doc["text"] for doc in bench.read_jsonl_texts(path)]
    return texts


@pytest.fixture(scope="module")
def compiled_copy(tmp_path_factory) -> Path:
    reason = _compiler_missing()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("compiled")
    for name in ("setup.py", "setup.cfg", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "quotetrack", root / "quotetrack",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    done = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--inplace", "-j", "2"],
        cwd=root, env={**os.environ, "QUOTETRACK_COMPILE": "1"},
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return root


def _parse_in(path: Path, texts_file: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PARSE_SCRIPT, str(texts_file)],
        cwd=path, env={**os.environ, "PYTHONPATH": str(path)},
        capture_output=True, text=True, timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def outputs(compiled_copy, tmp_path_factory) -> tuple[list[str], list[str]]:
    texts_file = tmp_path_factory.mktemp("texts") / "texts.json"
    texts_file.write_text(json.dumps(_texts()), encoding="utf-8")
    return _parse_in(REPO, texts_file), _parse_in(compiled_copy, texts_file)


def test_compiled_build_runs_compiled_modules(outputs):
    """The copy built with QUOTETRACK_COMPILE=1 imports extension modules and says so."""
    pure, compiled = (json.loads(out[0]) for out in outputs)
    assert pure["compiled"] is False and pure["tokens_module"].endswith(".py")
    assert compiled["compiled"] is True
    assert not compiled["tokens_module"].endswith(".py")


def test_compiled_output_equals_pure_output(outputs):
    """Every document parses to the same full result in both builds (with claims and beliefs too)."""
    pure, compiled = outputs
    assert len(pure) == len(compiled) > 2 * len(SHAPES)
    differing = [i for i, (a, b) in enumerate(zip(pure[1:], compiled[1:])) if a != b]
    n = (len(pure) - 1) // 2
    assert differing == [], (
        f"{len(differing)} results differ; the first is text {differing[0] % n} parsed with "
        f"{'claims and beliefs' if differing[0] >= n else 'the default parser'}")
