"""No word list is written into the rules: every set of words comes from the lexicon data files.

The test reads the syntax tree of every module in ``quotetrack/rules`` and finds each list, set,
tuple or dict literal holding two or more string constants, and each ``"a b c".split()`` call. A
find must be on `ALLOWED` (with a comment saying why it is no word list: mark characters, format
codes, field or rule names); every word list of the rules is in the data files. The list holds
only what is still in the code, so it shrinks when such a literal goes.

A literal is keyed by its module and its sorted strings (a dict by its keys), not by its line, so
editing a module elsewhere does not touch these lists; one assigned to a module constant may be
allowed by the constant's name instead (`ALLOWED_CONSTANTS`), so that adding a value to it does
not change its key.
"""

from __future__ import annotations

import ast
from pathlib import Path

import quotetrack

RULES = Path(quotetrack.__file__).parent / "rules"

#: literals of strings that are not words. Keep this short: a set of words belongs in a data file.
ALLOWED: dict[tuple[str, tuple[str, ...]], str] = {
    ("claims", ("num", "word")):
        "format codes: the token kinds of the claims tokenizer (its regex group names)",
    ("claims", ("count", "range")):
        "rule names recorded on a claim (Claim.rule)",
    ("claims", ("modifier", "vague")):
        "field names: values of the kind column of claims_number_words.tsv",
    ("claims", ("after", "both")):
        "field names: values of the position column of claims_predicates.tsv",
    ("claims", ("before", "both")):
        "field names: values of the position column of claims_predicates.tsv",
}

#: module constants of strings that are not words, by name: the values a column of a data file
#: may hold, which the loader checks each row against; rule names; sets of quotation marks
ALLOWED_CONSTANTS: dict[tuple[str, str], str] = {
    ("claims", "CLAIM_RULES"): "rule names: the claims rule family (Claim.rule)",
    ("claims", "_NUMBER_KINDS"): "field names: the kind column of claims_number_words.tsv",
    ("claims", "_UNIT_POSITIONS"): "field names: the position column of claims_units.tsv",
    ("claims", "_QUALIFIER_POSITIONS"): "field names: the position column of claims_qualifiers.tsv",
    ("claims", "_TIME_KINDS"): "field names: the kind column of claims_time_words.tsv",
    ("claims", "_CONTEXT_KINDS"): "field names: the kind column of claims_context.tsv",
    ("claims", "_ENDING_KINDS"): "field names: the kind column of claims_endings.tsv",
    ("claims", "_PREDICATE_POSITIONS"): "field names: the position column of claims_predicates.tsv",
    ("mentions", "PROFILE_READERS"):
        "rule names: the title readers of quotetrack.rules.resolve that run once the speakers "
        "are known",
    ("attribution", "_OWN_SIEVES"):
        "rule names: the sieves that find a quote part's own attribution (Attribution.sieve)",
    ("marks", "DOUBLE_OPEN"): "mark characters: double opening quotation marks",
    ("marks", "DOUBLE_CLOSE"): "mark characters: double closing quotation marks",
    ("marks", "DOUBLE_AMBIG"): "mark characters: straight double marks, opening or closing",
    ("marks", "DOUBLED"): "mark characters: a double mark written twice by a bad conversion",
    ("marks", "SINGLE_OPEN"): "mark characters: single opening quotation marks",
    ("marks", "SINGLE_CLOSE"): "mark characters: single closing quotation marks",
}


def _strings(nodes) -> list[str]:
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


_CONTAINERS = frozenset({"frozenset", "set", "tuple", "list"})


def string_literals(source: str) -> list[tuple[tuple[str, ...], int, str]]:
    """(sorted strings, line, the name of the constant it is assigned to or "") of each literal
    of two or more strings in ``source`` (``X = frozenset({...})`` assigns its literal to ``X``
    too); the values of ``__all__`` and ``__slots__`` (names of the module and of attributes) are
    not read."""
    tree = ast.parse(source)
    skip = set()
    constant: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if any(name in ("__all__", "__slots__") for name in names):
                skip.add(id(node.value))
            elif len(names) == 1 and node.value is not None:
                constant[id(node.value)] = names[0]
                value = node.value  # frozenset({...}): the literal is the constant's value too
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
                        and value.func.id in _CONTAINERS and len(value.args) == 1 \
                        and isinstance(value.args[0], (ast.Set, ast.List, ast.Tuple)):
                    constant[id(value.args[0])] = names[0]
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
            strings = _strings(node.elts)
        elif isinstance(node, ast.Dict):
            strings = _strings(k for k in node.keys if k is not None)
            if len(strings) < 2:
                strings = _strings(node.values)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "split" and isinstance(node.func.value, ast.Constant)
              and isinstance(node.func.value.value, str)):
            strings = node.func.value.value.split()
        else:
            continue
        if len(strings) >= 2:
            found.append((tuple(sorted(strings)), node.lineno, constant.get(id(node), "")))
    return found


def literals() -> dict[tuple[str, tuple[str, ...]], list[tuple[int, str]]]:
    """Every literal of two or more strings in quotetrack/rules, by key, with its lines and the
    constants it is assigned to."""
    out: dict[tuple[str, tuple[str, ...]], list[tuple[int, str]]] = {}
    for path in sorted(RULES.glob("*.py")):
        for strings, line, name in string_literals(path.read_text(encoding="utf-8")):
            out.setdefault((path.stem, strings), []).append((line, name))
    return out


def _allowed_constant(module: str, where: list[tuple[int, str]]) -> bool:
    return all((module, name) in ALLOWED_CONSTANTS for _, name in where)


def test_the_scanner_finds_word_lists():
    """The scanner finds lists, sets, tuples, dicts and split strings of words (with the constant
    a literal is assigned to, also inside ``frozenset(...)``), and skips ``__all__``, single
    strings and literals of one string."""
    source = '''
__all__ = ["a", "b"]
A = frozenset("x y z".split())
B = ("on", "in")
C = {"p": 1, "q": 2}
D = [1, "one"]
E = frozenset(";:")
F = frozenset({"<<", ">>"})
def f(w):
    return w in {"and", "or"}
'''
    assert sorted((s, name) for s, _, name in string_literals(source)) == [
        (("<<", ">>"), "F"), (("and", "or"), ""), (("in", "on"), "B"), (("p", "q"), "C"),
        (("x", "y", "z"), "")]


def test_no_word_list_in_the_rules():
    """Every literal of two or more strings in quotetrack/rules is on a commented allow-list: a
    new set of words goes to the data files."""
    unknown = {f"{module}.py:{[line for line, _ in where]}: {strings}"
               for (module, strings), where in literals().items()
               if (module, strings) not in ALLOWED and not _allowed_constant(module, where)}
    assert not unknown, (
        "word lists written into the rules (move them to quotetrack/data, see "
        "data/README.md):\n" + "\n".join(sorted(unknown)))


def test_the_lists_name_only_literals_still_there():
    """Each entry of ALLOWED and ALLOWED_CONSTANTS is still in the code: a literal that goes
    leaves the list, which so only shrinks."""
    found = literals()
    constants = {(module, name) for (module, _), where in found.items() for _, name in where}
    stale = sorted(str(key) for key in ALLOWED if key not in found)
    stale += sorted(str(key) for key in ALLOWED_CONSTANTS if key not in constants)
    assert not stale, "remove these entries:\n" + "\n".join(stale)


def test_the_allow_list_is_short_and_says_why():
    """The allow-list is short (the six sets of quotation marks of marks.py count one each) and
    each entry says why it is no word list."""
    assert len(ALLOWED) + len(ALLOWED_CONSTANTS) <= 21
    assert all(reason.strip() for reason in [*ALLOWED.values(), *ALLOWED_CONSTANTS.values()])

