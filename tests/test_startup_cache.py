"""The start-up cache: patterns built from the file behave exactly as re.compile's, and a
missing, damaged or foreign file, or an unwritable directory, only costs the time it would save."""

from __future__ import annotations

import functools
import marshal
import multiprocessing
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from accordwatch import data_files, startup_cache
from accordwatch.extract.actors import lexicon
from accordwatch.extract.events.lexicon import trigger_rules
from accordwatch.extract.events.scan import start_pattern
from accordwatch.extract.timex.prefilter import _analysis, analysis
from accordwatch.extract.timex.rules import load_language

from .conftest import EXAMPLES


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache directory, and a process that has read nothing yet (as at a run's start)."""
    monkeypatch.setenv(startup_cache.DIR_ENV, str(tmp_path))
    monkeypatch.delenv(startup_cache.DISABLE_ENV, raising=False)
    startup_cache._reset()
    yield tmp_path
    startup_cache._reset()


def new_run() -> None:
    """What a later run sees: the file as the last one left it."""
    startup_cache.save()
    startup_cache._reset()


def refuse_parsing(monkeypatch) -> None:
    """re's pure-Python parser out of use (re.compile's too): a pattern built now came from the file."""
    monkeypatch.setattr(startup_cache._parser, "parse", lambda *a, **k: pytest.fail("parsed, not read"))


def real_patterns() -> list[tuple[str | bytes, int]]:
    """The (pattern, flags) of the rule regexes an ingest builds: timex rules, event triggers."""
    out: list[tuple[str | bytes, int]] = [(r.regex.pattern, r.regex.flags) for r in load_language("en").rules]
    for rule in trigger_rules()[:8]:
        out.append((rule.regex.pattern, rule.regex.flags))
        out.extend((a.regex.pattern, a.regex.flags) for a in rule.alternatives)
    out.append((start_pattern().pattern, start_pattern().flags))
    return out


def text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))


def assert_same(cached: re.Pattern, plain: re.Pattern, subject: str | bytes) -> None:
    assert cached == plain  # pattern, flags and the engine's code
    assert (cached.flags, cached.groups, cached.groupindex) == (plain.flags, plain.groups, plain.groupindex)
    found = [(m.span(), m.groups(), m.groupdict()) for m in cached.finditer(subject)]
    assert found == [(m.span(), m.groups(), m.groupdict()) for m in plain.finditer(subject)]


def test_patterns_from_the_file_match_as_re_compiles_do(cache, monkeypatch):
    patterns = real_patterns()
    words = text()
    plain = [re.compile(p, f) for p, f in patterns]
    first = [startup_cache.compile(p, f) for p, f in patterns]
    new_run()
    assert startup_cache.cache_file().is_file()
    refuse_parsing(monkeypatch)
    for (pattern, flags), reference, before in zip(patterns, plain, first):
        cached = startup_cache.compile(pattern, flags)
        subject = words.lower().encode("ascii", "replace") if isinstance(pattern, bytes) else words
        assert_same(cached, reference, subject)
        assert cached == before
    assert sum(len(r.findall(words)) for r in plain if isinstance(r.pattern, str)) > 50  # a real test


def test_named_groups_and_inline_flags_survive(cache, monkeypatch):
    pattern = r"(?x) (?P<day>\d{1,2}) \s (?P<month>jan|feb)(?:uary)?  # verbose, set inline"
    reference = re.compile(pattern, re.IGNORECASE)
    startup_cache.compile(pattern, re.IGNORECASE)
    new_run()
    refuse_parsing(monkeypatch)
    cached = startup_cache.compile(pattern, re.IGNORECASE)
    assert_same(cached, reference, "On 12 January and 3 FEB")
    assert cached.groupindex == {"day": 1, "month": 2} and cached.flags & re.VERBOSE


@pytest.mark.parametrize("damage", [b"", b"garbage\x00\xff", "truncated"])
def test_a_corrupt_file_falls_back_and_is_replaced(cache, damage):
    startup_cache.compile(r"(\w+) signed", re.IGNORECASE)
    new_run()
    path = startup_cache.cache_file()
    path.write_bytes(path.read_bytes()[:40] if damage == "truncated" else damage)
    startup_cache._reset()
    got = startup_cache.compile(r"(\w+) signed", re.IGNORECASE)
    assert_same(got, re.compile(r"(\w+) signed", re.IGNORECASE), "Armenia signed a truce")
    new_run()
    assert startup_cache._read(path)  # written afresh


def test_a_damaged_entry_is_compiled_afresh(cache):
    key = (r"(\d+) dead", 0)
    path = startup_cache.cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    bad = (32, [999, 1, 2], 0, {}, (None, None))  # code the engine rejects
    path.write_bytes(marshal.dumps(((startup_cache._FORMAT, startup_cache._ENGINE), 1, {key: (1, bad)})))
    got = startup_cache.compile(*key)
    assert_same(got, re.compile(*key), "12 dead, 30 wounded")


def test_another_pythons_file_is_not_read(cache, monkeypatch):
    pattern = r"cease(?:-| )?fire"
    genuine = startup_cache._generated(pattern, 0)  # a sound entry, but filed under another engine
    other = ("cpython-399", 0x3090000, 1, 4)
    path = startup_cache.cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(marshal.dumps(((startup_cache._FORMAT, other), 1, {(pattern, 0): (1, genuine)})))
    assert startup_cache._read(path) == {}
    assert startup_cache.compile(pattern) == re.compile(pattern)
    monkeypatch.setattr(startup_cache, "_ENGINE", other)
    assert startup_cache.cache_file() != path  # and another Python looks elsewhere


def test_unwritable_directory_and_switch_off(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(startup_cache.DIR_ENV, str(blocker / "cache"))
    startup_cache._reset()
    assert startup_cache.compile(r"truce", re.IGNORECASE).match("Truce")
    startup_cache.save()  # nothing raised, nothing written
    monkeypatch.setenv(startup_cache.DIR_ENV, str(tmp_path / "off"))
    monkeypatch.setenv(startup_cache.DISABLE_ENV, "0")
    startup_cache._reset()
    assert startup_cache.compile(r"truce", re.IGNORECASE).match("Truce")
    startup_cache.save()
    assert not (tmp_path / "off").exists()
    startup_cache._reset()


def test_a_bad_pattern_raises_as_re_compile_does(cache):
    with pytest.raises(re.error, match="missing \\)"):
        startup_cache.compile(r"(unclosed")


def test_the_file_keeps_what_a_run_used_first_and_is_capped(cache, monkeypatch):
    monkeypatch.setattr(startup_cache, "MAX_ENTRIES", 3)
    for word in ("alpha", "beta", "gamma"):
        startup_cache.compile(word)
    new_run()
    startup_cache.compile("delta")
    startup_cache.compile("gamma")
    new_run()
    kept = list(startup_cache._read(startup_cache.cache_file()))
    assert kept[:2] == [("delta", 0), ("gamma", 0)] and len(kept) == 3


def test_entries_no_run_used_for_many_writes_are_dropped(cache, monkeypatch):
    """The patterns of rules since edited stop being carried along; those in use stay."""
    monkeypatch.setattr(startup_cache, "KEEP_GENERATIONS", 3)
    startup_cache.compile("old rule")
    startup_cache.compile("rule in use")
    new_run()
    for version in range(1, 4):  # runs that compile something new, and use one old pattern
        startup_cache.compile(f"edited rule, version {version}")
        startup_cache.compile("rule in use")
        new_run()
        kept = startup_cache._read(startup_cache.cache_file())
        assert ("rule in use", 0) in kept and ("edited rule, version 1", 0) in kept
        assert (("old rule", 0) in kept) == (version < 3)  # written by the first run only
    assert len(kept) == 4


def test_a_file_of_the_former_layout_is_replaced(cache):
    path = startup_cache.cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    pattern = r"cease(?:-| )?fire"
    path.write_bytes(marshal.dumps(((1, startup_cache._ENGINE), {(pattern, 0): startup_cache._generated(pattern, 0)})))
    assert startup_cache._read(path) == {}
    assert startup_cache.compile(pattern) == re.compile(pattern)
    new_run()
    assert list(startup_cache._read(path)) == [(pattern, 0)]


def _compile_in_worker(pattern: str) -> bool:
    return bool(startup_cache.compile(pattern).search("a worker's " + pattern))


def test_a_worker_process_saves_what_it_compiled(cache):
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(1) as pool:
        assert pool.apply(_compile_in_worker, ("compiled in a worker",))
        pool.close()
        pool.join()
    assert ("compiled in a worker", 0) in startup_cache._read(startup_cache.cache_file())


def test_prefilter_analysis_from_the_file_is_the_parsed_one(cache, monkeypatch):
    rules = load_language("en").rules
    fresh = [analysis(r.regex) for r in rules]
    parsed = [_analysis(r.regex) for r in rules]
    new_run()
    refuse_parsing(monkeypatch)
    cached = [analysis(r.regex) for r in rules]
    assert cached == fresh == parsed == [(r.starts, r.start_regex) for r in rules]
    assert any(starts for starts, _ in cached)
    assert all((starts is None) == (regex is None) for starts, regex in cached)


def test_rule_files_yaml_from_the_file_is_the_parsed_one(cache, monkeypatch):
    files = sorted(Path(data_files.__file__).parent.joinpath("data", "rules").rglob("*.yaml"))
    plain = [yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.SafeLoader) for f in files]
    assert [data_files.load_yaml(f) for f in files] == plain
    new_run()
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed, not read"))
    first = [data_files.load_yaml(f) for f in files]
    assert first == plain and len(files) > 10
    first[0].clear()  # each call gets a copy of its own, as from parsing
    assert data_files.load_yaml(files[0]) == plain[0]


def test_an_edit_of_a_module_the_parse_reads_parses_again(cache, monkeypatch):
    """`parsed(..., reads=(f,))` keeps its value under the source of f's module too: edited, it is parsed afresh."""
    from accordwatch.extract.events import heads

    calls: list[str] = []

    def count_words(text: str) -> int:
        calls.append(text)
        return len(heads.word_starts.__name__) + len(text.split())

    for _ in range(2):
        assert startup_cache.parsed(count_words, "ceasefire signed in Geneva", reads=(heads.word_starts,)) == 15
        new_run()
    assert len(calls) == 1  # the second run read it
    real_tag = startup_cache._function_tag
    monkeypatch.setattr(startup_cache, "_function_tag",
                        lambda f: real_tag(f) + "-edited" if f is heads.word_starts else real_tag(f))
    startup_cache._reset()
    assert startup_cache.parsed(count_words, "ceasefire signed in Geneva", reads=(heads.word_starts,)) == 15
    assert len(calls) == 2


def test_actor_lexicon_from_the_file_is_the_tokenised_one(cache, monkeypatch):
    def index(lex: lexicon.Lexicon) -> tuple:
        return lex._index, lex._sizes, lex._seconds, lex._single

    lexicon.load_lexicon.cache_clear()
    first = index(lexicon.load_lexicon())
    plain = lexicon.Lexicon()
    for form, kind, ref in lexicon._names():
        plain.add(form, kind, ref, (lexicon.tokenize(form).keys, lexicon._case_rule(form)))
    new_run()
    lexicon.load_lexicon.cache_clear()
    monkeypatch.setattr(lexicon, "read_form", lambda form: pytest.fail("tokenised, not read"))
    cached = index(lexicon.load_lexicon())
    lexicon.load_lexicon.cache_clear()  # later tests build it afresh, not from this test's file
    assert cached == first == index(plain) and len(plain._index) > 1000


def test_a_value_marshal_cannot_store_is_parsed_every_time(cache):
    assert startup_cache.parsed(yaml.safe_load, "signed: 2024-05-01\n") == {"signed": date(2024, 5, 1)}
    assert not startup_cache._state.dirty


def test_trigger_starts_from_the_file_are_the_ones_read_off_the_patterns(cache, monkeypatch):
    """The literal prefixes and word starts of the trigger patterns, kept by the cache, are what
    heads.py and literal_prefixes read off the patterns (which the cached run does not call)."""
    from accordwatch.extract.agreements.rules import literal_prefixes
    from accordwatch.extract.events import lexicon
    from accordwatch.extract.events.heads import word_starts

    def starts(rules):
        return [(a.prefixes, a.starts) for r in rules for a in r.alternatives]

    lexicon.trigger_rules.cache_clear()
    fresh = starts(lexicon.trigger_rules())
    new_run()
    for reader in (literal_prefixes, word_starts):  # (wrapped: the cache key names their modules)
        monkeypatch.setattr(lexicon, reader.__name__, functools.wraps(reader)(lambda *a: pytest.fail("read, not kept")))
    lexicon.trigger_rules.cache_clear()
    try:
        cached = starts(lexicon.trigger_rules())
    finally:
        lexicon.trigger_rules.cache_clear()
    patterns = [p for r in lexicon.load_rules("events", "triggers.yaml") for p in r["patterns"]]
    plain = [(lp, word_starts(p, lp) if lp else ()) for p in patterns for lp in [literal_prefixes(p)]]
    assert cached == fresh == plain
    assert sum(1 for _, s in plain if any(" " in x for x in s)) > 10  # heads that reach over words
