"""Hygiene of the word lists in quotetrack/data and the behaviour of the lexicon loader."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import quotetrack
from quotetrack import Lexicon, LexiconError, Parser, QuotetrackError
from quotetrack.lexicon import (CUE_CLASSES, HONORIFIC_KINDS, ROLE_FILES, default_lexicon,
                                read_table)

DATA = Path(quotetrack.__file__).parent / "data"
TSV = sorted(p.name for p in DATA.glob("*.tsv"))

# Columns per file. A file not listed here must have as many columns as its header line names.
COLUMNS = {
    "belief_verbs.tsv": 2,
    "claims_context.tsv": 2,
    "claims_endings.tsv": 2,
    "claims_number_words.tsv": 3,
    "claims_plurals.tsv": 2,
    "claims_predicates.tsv": 3,
    "claims_qualifiers.tsv": 3,
    "claims_time_words.tsv": 2,
    "claims_units.tsv": 3,
    "cue_phrases.tsv": 3,
    "cue_verbs.tsv": 3,
    "determiners.tsv": 2,
    "first_names.tsv": 2,
    "honorifics.tsv": 3,
    "pronouns.tsv": 4,
    "titles.tsv": 2,
}
# A word may have several kinds here, so the key is the whole row, not the first column.
MULTI_KEY = {"claims_context.tsv", "claims_endings.tsv", "confidence.tsv"} | set(ROLE_FILES)
UNSORTED: dict[str, str] = {}
UNDOCUMENTED: set[str] = set()


def lines(name: str) -> list[str]:
    return (DATA / name).read_bytes().decode("utf-8").split("\n")


def header(name: str) -> str:
    return lines(name)[0]


def rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in lines(name)[1:] if line and not line.startswith("#")]


def columns(name: str) -> int:
    return COLUMNS.get(name, header(name).count("\t") + 1)


def _marked(names, marks):
    return [pytest.param(n, id=n, marks=[pytest.mark.xfail(strict=True, reason=marks[n])]
                         if n in marks else []) for n in names]


def test_there_are_lexicon_files():
    """The data directory holds the core word lists the parser loads."""
    for name in ("cue_verbs.tsv", "titles.tsv", "pronouns.tsv", "first_names.tsv"):
        assert name in TSV


@pytest.mark.parametrize("name", TSV)
def test_utf8_with_a_header_line(name):
    """Each file is UTF-8, starts with a '#' header line and ends with a newline."""
    raw = (DATA / name).read_bytes()
    raw.decode("utf-8")  # strict: raises on bad bytes
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    assert header(name).startswith("# ")
    assert raw.endswith(b"\n")
    assert b"\r" not in raw


@pytest.mark.parametrize("name", TSV)
def test_header_names_every_column(name):
    """The header line has one tab-separated description per column."""
    assert header(name).count("\t") + 1 == columns(name)


@pytest.mark.parametrize("name", TSV)
def test_rows_have_the_right_number_of_columns(name):
    """Every data row has exactly the file's number of columns, and a non-empty first one."""
    assert rows(name)
    for row in rows(name):
        assert len(row) == columns(name), row
        assert row[0], row


@pytest.mark.parametrize("name", TSV)
def test_no_surrounding_whitespace(name):
    """No cell has leading or trailing white space (tabs separate, nothing else)."""
    for row in rows(name):
        for cell in row:
            assert cell == cell.strip(), row


@pytest.mark.parametrize("name", _marked(TSV, UNSORTED))
def test_rows_sorted_without_duplicates(name):
    """Rows are in C (code point) order of the first column, with no duplicate keys."""
    if name in MULTI_KEY:
        keys = [tuple(row) for row in rows(name)]
    else:
        keys = [row[0] for row in rows(name)]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_cue_verbs_have_a_valid_class_and_forms():
    """cue_verbs.tsv: lemma, a class from CUE_CLASSES, comma-separated lower-case forms."""
    for lemma, cue_class, forms in rows("cue_verbs.tsv"):
        assert cue_class in CUE_CLASSES, lemma
        for form in forms.split(","):
            assert form and form == form.strip() and form == form.lower(), (lemma, forms)


def test_each_cue_form_belongs_to_one_lemma():
    """No inflected form is listed under two lemmas (the loader would silently keep one)."""
    owners: dict[str, list[str]] = {}
    for lemma, _cue_class, forms in rows("cue_verbs.tsv"):
        for form in forms.split(","):
            owners.setdefault(form, []).append(lemma)
    assert {f: ls for f, ls in owners.items() if len(ls) > 1} == {}


def test_first_names_that_are_stopwords_are_few_and_known():
    """A first name may also be a never-a-name word only where both readings are common (a month,
    a modal verb); the mention rules then take it as a name before another capitalised word."""
    firsts = {name for name, _ in rows("first_names.tsv")}
    stop = {word.lower() for (word,) in rows("name_stopwords.tsv")}
    assert firsts & stop <= {"april", "june", "will"}


def test_cue_phrases_have_a_valid_class():
    """cue_phrases.tsv: lower-case multi-word phrases with a class from CUE_CLASSES."""
    for phrase, cue_class, _channel in rows("cue_phrases.tsv"):
        assert cue_class in CUE_CLASSES, phrase
        assert phrase == phrase.lower()


def test_first_names_have_a_gender():
    """first_names.tsv: lower-case names, gender female or male."""
    for name, gender in rows("first_names.tsv"):
        assert gender in ("female", "male"), name
        assert name == name.lower()


@pytest.mark.parametrize("name", ["titles.tsv", "honorifics.tsv"])
def test_titles_and_honorifics_gender_column(name):
    """titles and honorifics: the gender column is female, male or empty."""
    for word, gender, *_ in rows(name):
        assert gender in ("", "female", "male"), word


def test_honorific_kinds_reach_the_lexicon():
    """honorifics.tsv: the kind column is empty or "courtesy", and the courtesy titles ("Mr.",
    "Dr.") are the lexicon's courtesy_titles, which give a speaker no title."""
    for word, _, kind in rows("honorifics.tsv"):
        assert kind in HONORIFIC_KINDS, word
    assert default_lexicon().courtesy_titles == {
        word for word, _, kind in rows("honorifics.tsv") if kind == "courtesy"}
    assert "mr." in default_lexicon().courtesy_titles
    assert "sen." not in default_lexicon().courtesy_titles


def test_honorific_kind_is_checked_and_may_be_replaced():
    """An unknown honorific kind is a LexiconError; a user's row replaces the shipped kind (a
    two-column row, with no kind, makes a courtesy title one of office)."""
    with pytest.raises(LexiconError, match="honorifics.tsv.*'polite'.*courtesy"):
        Lexicon.load(extra={"honorifics.tsv": ["mx.\t\tpolite"]})
    lexicon = Lexicon.load(extra={"honorifics.tsv": ["mx.\t\tcourtesy", "dr.\t"]})
    assert "mx." in lexicon.courtesy_titles and "mx." in lexicon.honorifics
    assert "dr." not in lexicon.courtesy_titles and "dr." in lexicon.honorifics


def test_pronouns_columns():
    """pronouns.tsv: lower-case pronoun, gender, number and person from fixed vocabularies."""
    for pronoun, gender, number, person in rows("pronouns.tsv"):
        assert pronoun == pronoun.lower()
        assert gender in ("female", "male", "neuter", "unknown"), pronoun
        assert number in ("singular", "plural", "unknown"), pronoun
        assert person in ("first", "second", "third"), pronoun


def test_determiners_are_definite_or_indefinite():
    """determiners.tsv: every determiner is definite or indefinite."""
    for word, kind in rows("determiners.tsv"):
        assert kind in ("definite", "indefinite"), word


@pytest.mark.parametrize("name", sorted(ROLE_FILES))
def test_role_files_use_known_roles_and_describe_them(name):
    """A word-and-role file: lower-case words, every role one the loader knows, every known role
    used and described on a comment line of its own ("# role: …")."""
    roles = ROLE_FILES[name]
    used = set()
    for word, role in rows(name):
        assert word == word.lower(), word
        assert role in roles, (word, role)
        used.add(role)
    assert used == set(roles)
    comments = [line for line in lines(name)[1:] if line.startswith("#")]
    for role in roles:
        assert any(line.startswith(f"# {role}: ") for line in comments), role


def test_role_words_reach_the_lexicon():
    """Every word of a role file is in the Lexicon field its role fills (multi-word entries as
    tuples of words), and nothing else is."""
    lex = default_lexicon()
    for name, roles in ROLE_FILES.items():
        for role, field in roles.items():
            words = {word for word, r in rows(name) if r == role}
            loaded = getattr(lex, field)
            if field == "quantity_openers":
                words = {tuple(w.split()) for w in words}
            assert set(loaded) == words, field


def test_unknown_role_is_rejected(monkeypatch):
    """A row whose role the loader does not know makes Lexicon.load raise LexiconError naming
    the file, the role and the valid roles."""
    real = read_table

    def fake(name, cols, text=None):
        rows_ = real(name, cols, text)
        return rows_ + [("shout", "exclamation")] if name == "clause_words.tsv" else rows_

    monkeypatch.setattr("quotetrack.lexicon.read_table", fake)
    with pytest.raises(LexiconError, match="clause_words.tsv.*exclamation.*be_form"):
        Lexicon.load()


def test_a_role_without_words_is_rejected(monkeypatch):
    """A role with no word left (a file cut short) makes Lexicon.load raise LexiconError."""
    real = read_table

    def fake(name, cols, text=None):
        rows_ = real(name, cols, text)
        return [r for r in rows_ if r[1] != "weekday"] if name == "time_words.tsv" else rows_

    monkeypatch.setattr("quotetrack.lexicon.read_table", fake)
    with pytest.raises(LexiconError, match="time_words.tsv.*weekday"):
        Lexicon.load()


def test_readme_exists():
    """data/README.md says where the lists come from."""
    if not (DATA / "README.md").is_file():
        pytest.xfail("data/README.md not written yet")
    assert (DATA / "README.md").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("name", _marked(
    TSV, {n: "not described in data/README.md yet" for n in UNDOCUMENTED}))
def test_readme_mentions_every_file(name):
    """data/README.md mentions every .tsv file by name."""
    readme = DATA / "README.md"
    if not readme.is_file():
        pytest.xfail("data/README.md not written yet")
    assert name in readme.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the loader


def test_lexicon_loads_and_pickles():
    """The default lexicon loads and survives pickling unchanged (for process pools)."""
    lex = default_lexicon()
    assert isinstance(lex, Lexicon)
    assert pickle.loads(pickle.dumps(lex)) == lex
    parser = Parser()
    assert pickle.loads(pickle.dumps(parser)) == parser


def test_default_lexicon_is_loaded_once():
    """default_lexicon() returns the same object every time."""
    assert default_lexicon() is default_lexicon()


def test_lexicon_matches_the_files():
    """Cue verb forms, titles and first names in the files reach the loaded lexicon."""
    lex = default_lexicon()
    for lemma, cue_class, forms in rows("cue_verbs.tsv"):
        for form in forms.split(","):  # the lemma counts only where it is listed as a form
            assert lex.cue_forms[form.lower()].cue_class == cue_class
    for title, _ in rows("titles.tsv"):
        assert title.lower() in lex.titles
    for name, gender in rows("first_names.tsv"):
        assert lex.first_names[name] == gender


def test_read_table_reads_rows():
    """read_table skips comments and blank lines, pads trailing empty columns and strips cells."""
    text = "# a\tb\n\nx\ty\nz\n"
    assert read_table("demo.tsv", 2, text) == [("x", "y"), ("z", "")]


@pytest.mark.parametrize("text", ["# h\na\tb\tc\n", "# h\n\tb\n", "# h\n \tb\n"],
                         ids=["too-many-columns", "empty-key", "blank-key"])
def test_read_table_rejects_a_bad_row(text):
    """A malformed row raises LexiconError naming the file and the line number."""
    with pytest.raises(LexiconError) as info:
        read_table("demo.tsv", 2, text)
    assert "demo.tsv:2" in str(info.value)
    assert isinstance(info.value, QuotetrackError)


def test_read_table_missing_file():
    """A missing data file raises LexiconError naming it."""
    with pytest.raises(LexiconError, match="no_such_list.tsv"):
        read_table("no_such_list.tsv", 1)


def test_unknown_cue_class_is_rejected(monkeypatch):
    """A cue verb with a class outside CUE_CLASSES makes Lexicon.load raise LexiconError."""
    real = read_table

    def fake(name, cols, text=None):
        if name == "cue_verbs.tsv":
            return [("say", "shouty", "said,says")]
        return real(name, cols, text)

    monkeypatch.setattr("quotetrack.lexicon.read_table", fake)
    with pytest.raises(LexiconError, match="shouty"):
        Lexicon.load()


# --------------------------------------------------------------------------- a user's own words


def test_default_lexicon_cannot_be_changed():
    """The shared default lexicon refuses changes to its mappings and sets, also after a round
    trip through pickle (as in a process pool)."""
    lex = default_lexicon()
    for lexicon in (lex, pickle.loads(pickle.dumps(lex))):
        with pytest.raises(TypeError):
            lexicon.cue_forms["intoned"] = lexicon.cue_forms["said"]
        with pytest.raises(TypeError):
            lexicon.titles.update({"impresario": ""})
        with pytest.raises(AttributeError):
            lexicon.org_words.add("guild")  # a frozenset
    assert pickle.loads(pickle.dumps(lex)) == lex


USER_TEXT = '"The show must go on," intoned Max Ford, the impresario.'


def test_user_files_add_a_speech_verb_and_a_title(tmp_path):
    """A folder of the user's own TSV files, named like the shipped ones, adds a speech verb
    (with its class) and a title word, which the parser then uses; the default is unchanged."""
    (tmp_path / "cue_verbs.tsv").write_text("# lemma\tclass\tforms\nintone\tassertive\tintone,intoned,intones\n",
                                            encoding="utf-8")
    (tmp_path / "inversion_cues.tsv").write_text("intone\n", encoding="utf-8")
    (tmp_path / "titles.tsv").write_text("impresario\t\n", encoding="utf-8")
    lexicon = Lexicon.load(paths=[tmp_path])
    (quote,) = Parser(lexicon=lexicon).parse(USER_TEXT).quotes
    assert quote.speaker.name == "Max Ford"
    assert quote.speaker.title == "impresario"
    assert quote.attribution.cue.text == "intoned"
    assert quote.attribution.cue_class == "assertive"
    (plain,) = Parser().parse(USER_TEXT).quotes
    assert plain.speaker is None
    assert "intoned" not in default_lexicon().cue_forms


def test_extra_rows_override_a_shipped_row():
    """Rows given as ``extra`` replace the shipped row of the same word: the user's class of a
    cue verb wins."""
    lexicon = Lexicon.load(extra={"cue_verbs.tsv": ["say\thedging\tsaid,says"]})
    assert lexicon.cue_forms["said"].cue_class == "hedging"
    assert default_lexicon().cue_forms["said"].cue_class == "neutral"


def test_unknown_or_broken_user_files_are_refused(tmp_path):
    """A user file that is not a lexicon file, a malformed row, a string instead of lines and
    a missing path each raise LexiconError naming what was wrong."""
    (tmp_path / "verbs.tsv").write_text("intone\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="verbs.tsv.*not a lexicon file.*cue_verbs.tsv"):
        Lexicon.load(paths=[tmp_path])
    with pytest.raises(LexiconError, match=r"extra\['pronouns.tsv'\]:1"):
        Lexicon.load(extra={"pronouns.tsv": ["zie\tnone\tsingular\tthird\textra"]})
    with pytest.raises(LexiconError, match="list of lines"):
        Lexicon.load(extra={"titles.tsv": "impresario"})
    with pytest.raises(LexiconError, match="neither a folder nor a file"):
        Lexicon.load(paths=[tmp_path / "missing"])
