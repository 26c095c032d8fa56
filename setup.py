"""Build hook for the optional compiled build; all metadata is in setup.cfg.

``QUOTETRACK_COMPILE=1 pip install .`` compiles the parser's stage modules with mypyc (they are
ordinary, fully annotated Python; see docs/performance.md). Without the variable the package is
pure Python. Compiling needs a C compiler and the Python headers; pip fetches mypy for the build.
"""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

#: the modules compiled: the stages that run once per token or sentence. The rest (the attrs
#: models, configuration, serialisation, the command line) stays Python: mypyc cannot compile
#: attrs classes, and that code runs once per quote or document.
COMPILED_MODULES = [
    "quotetrack/text.py",
    "quotetrack/rules/tokens.py",
    "quotetrack/rules/marks.py",
    "quotetrack/rules/context.py",
    "quotetrack/rules/mentions.py",
    "quotetrack/rules/cues.py",
    "quotetrack/rules/attribution.py",
    "quotetrack/rules/indirect.py",
    "quotetrack/rules/resolve.py",
    "quotetrack/rules/claims.py",
]



class _MypycMissing(build_py):
    """Refuses to build: the compiled build was asked for, and mypyc cannot be imported."""

    def run(self):
        raise SystemExit(
            "QUOTETRACK_COMPILE is set but mypyc cannot be imported; install 'mypy>=1.10,<3' "
            "in the build environment (pip does this unless --no-build-isolation is given) or "
            "unset QUOTETRACK_COMPILE for the pure-Python build"
        )


options = {}
if os.environ.get("QUOTETRACK_COMPILE", "").strip() not in ("", "0"):
    try:
        from mypyc.build import mypycify
    except ImportError:
        # the first pass of a PEP 517 build only asks for the build requirements: name mypy,
        # which pip installs before it runs this file again to build. A build that gets here
        # without mypyc must fail, not quietly make a pure-Python wheel.
        options["setup_requires"] = ["mypy>=1.10,<3", "attrs"]
        options["cmdclass"] = {"build_py": _MypycMissing}
    else:
        options["ext_modules"] = mypycify(COMPILED_MODULES, opt_level="3",
                                          group_name="quotetrack")

setup(**options)
