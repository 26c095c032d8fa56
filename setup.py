"""Build hook for the optional compiled build; all metadata is in setup.cfg.

``QUOTETRACK_COMPILE=1 pip install .`` compiles the parser's stage modules with mypyc (they are
ordinary, fully annotated Python; see docs/performance.md). Without the variable the package is
pure Python. Compiling needs a C compiler and the Python headers; pip fetches mypy for the build.
"""

import os

from setuptools import setup

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

options = {}
if os.environ.get("QUOTETRACK_COMPILE", "").strip() not in ("", "0"):
    try:
        from mypyc.build import mypycify
    except ImportError:
        # first pass of a PEP 517 build: name mypy as a build requirement; pip installs it and
        # runs this file again
        options["setup_requires"] = ["mypy>=1.10,<3", "attrs"]
    else:
        options["ext_modules"] = mypycify(COMPILED_MODULES, opt_level="3",
                                          group_name="quotetrack")

setup(**options)
