"""What start-up makes from the package's own rules, kept on disk between runs as .pyc files keep
compiled Python: compiled regular expressions, what is read off them, and the parsed rule files.

    startup_cache.compile(pattern, flags)   # what re.compile(pattern, flags) returns
    startup_cache.derived(function, regex)  # function(regex), for a pure function of a regex
    startup_cache.parsed(function, text)    # function(text), for a parser of the rules' source

`re.compile` parses the pattern and generates the regex engine's code in pure Python, which for
the big rule alternations costs a good part of a second at every start of an ingest (and of every
worker). The engine itself only needs that code: `_sre.compile(pattern, flags, code, groups,
groupindex, indexgroup)`, what `re._compiler.compile` ends with. This module keeps those arguments
by (pattern, flags) in a file of the user's cache directory and builds a later run's patterns from
them directly. `derived` keeps in the same way what is read off a regex's parse tree (the timex
prefilter's analysis of a rule, which costs as much again), and `parsed` the parse of the rule
files' YAML the patterns are made from (PyYAML builds Python objects in Python, slowly).

The file is named after the Python version and the regex engine's MAGIC and CODESIZE, so another
Python never reads it. Anything amiss (no file, a corrupt or foreign one, an unwritable directory, a
Python whose private regex API differs) falls back to plain `re.compile`: the cache can only save
time, never change a result or fail a run. At exit a process that compiled something new merges
what it used into the file (temp file and os.replace: several workers may write at once, the last
one wins, none leaves a half-written file); what it used comes first and the file is capped.
Each write is a generation of the file; an entry that no process used in the last KEEP_GENERATIONS
writes is dropped, so that the patterns of rules since edited or upgraded (their keys are their
text and digests) do not pile up in the file and in every later run's memory.

ACCORDWATCH_STARTUP_CACHE=0 turns it off; ACCORDWATCH_CACHE_DIR sets the directory (default
$XDG_CACHE_HOME/accordwatch or ~/.cache/accordwatch).
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any, AnyStr, TypeVar

try:  # private: where they are missing or differ, every pattern takes plain re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE: tuple[str, int, int, int] | None = (sys.implementation.cache_tag, sys.hexversion, _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _ENGINE = None

DISABLE_ENV = "ACCORDWATCH_STARTUP_CACHE"
DIR_ENV = "ACCORDWATCH_CACHE_DIR"
# Entries kept in the file: a run of every command uses under a thousand; the cap keeps rules that
# were edited many times from piling up.
MAX_ENTRIES = 5000
# Writes an entry outlives unused. A file is written only by a run that compiled something new
# (after an upgrade or an edit of the rules), so a command run daily but seldom changed keeps its
# entries across many such runs of others; and if it loses them, its next run writes them again.
KEEP_GENERATIONS = 8
_FORMAT = 2  # 2: entries stamped with the generation that last wrote them
_MARSHAL_VERSION = 2  # no shared-object references: a third faster to load than the default
# What a damaged file or entry (or another Python's private API) may raise: the fallback's cue
_DAMAGED = (TypeError, ValueError, RuntimeError, OverflowError)
_DELEGATED = re.DEBUG | getattr(re, "TEMPLATE", 0)  # flags with side effects: left to re.compile

T = TypeVar("T")
# (pattern, flags) of a compiled pattern, or (function tag, pattern, flags) of a derived value
Key = tuple[Any, ...]
# (flags, code, groups - 1, groupindex, indexgroup): the arguments of _sre.compile after the
# pattern; or (value,) of a derived value
Entry = tuple[Any, ...]


class _State:
    """This process's view of the file: what it read, what it used, whether it must write."""

    def __init__(self) -> None:
        self.loaded: dict[Key, Entry] | None = None  # None: not read yet
        self.written_in: dict[Key, int] = {}  # the generation of the file that last wrote each loaded entry
        self.generation = 0  # of the file as read
        self.used: dict[Key, Entry] = {}
        self.dirty = False
        self.pid = -1  # the process that registered the exit hook (a forked worker registers its own)


_state = _State()


def enabled() -> bool:
    return _ENGINE is not None and os.environ.get(DISABLE_ENV, "1").strip().lower() not in ("0", "off", "no", "false")


def cache_dir() -> Path:
    if os.environ.get(DIR_ENV):
        return Path(os.environ[DIR_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "accordwatch"


def cache_file() -> Path:
    """The file for this Python and regex engine (another one never reads it)."""
    tag, version, magic, size = _ENGINE or ("none", 0, 0, 0)
    return cache_dir() / f"startup-{tag}-{version:x}-{magic}-{size}.marshal"


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """re.compile(pattern, flags), built from the cache where it holds the pattern."""
    flags = int(flags)
    if not isinstance(pattern, (str, bytes)) or flags & _DELEGATED or not enabled():
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _entries().get(key)
    if entry is not None:
        try:
            compiled = _built(pattern, entry)
        except _DAMAGED:  # a damaged entry (the engine validates the code): compile it afresh
            compiled = None
        if isinstance(compiled, re.Pattern):
            _state.used[key] = entry
            return compiled
    try:
        entry = _generated(pattern, flags)
        compiled = _built(pattern, entry)
    except (re.error, AttributeError, *_DAMAGED):  # a bad pattern, or a private API that changed:
        # re.compile raises or copes
        return re.compile(pattern, flags)
    _state.used[key] = entry
    _remember_to_save()
    return compiled


def derived(function: Callable[[re.Pattern[Any]], T], regex: re.Pattern[Any]) -> T:
    """function(regex), for a pure function of a compiled regex whose result marshal can store,
    kept under the function's name and a digest of its module's source: an edited function is run
    afresh. The result must not be mutated (a later run gets the stored one)."""
    tag = _function_tag(function) if enabled() else None
    if tag is None:
        return function(regex)
    key = (tag, regex.pattern, regex.flags)
    entry = _entries().get(key)
    if not (isinstance(entry, tuple) and len(entry) == 1):
        entry = (function(regex),)
        try:
            marshal.dumps(entry)  # type: ignore[arg-type]
        except ValueError:  # not storable: computed at every run
            return entry[0]
        _remember_to_save()
    _state.used[key] = entry
    return entry[0]  # type: ignore[no-any-return]


def parsed(function: Callable[[str], T], text: str, version: str = "",
           reads: tuple[Callable[..., Any], ...] = ()) -> T:
    """function(text), for a pure function of a text whose result marshal can store (the YAML of a
    rule file: the patterns' source, parsed at every start as they are compiled), kept as `derived`
    keeps its values, under a digest of the text; `version` names what else the result depends on
    (the parser's version), `reads` the functions of other modules it calls (kept under their
    modules' source too, as under its own). Each call returns a fresh copy, as parsing again would."""
    tags = tuple(map(_function_tag, (function, *reads))) if enabled() else (None,)
    if None in tags:
        return function(text)
    key = (*tags, version, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest())
    entry = _entries().get(key)
    if isinstance(entry, tuple) and len(entry) == 1 and isinstance(entry[0], bytes):
        with suppress(EOFError, *_DAMAGED):  # a damaged entry: parsed afresh
            value: T = marshal.loads(entry[0])
            _state.used[key] = entry
            return value
    value = function(text)
    try:  # the default marshal version: objects the value shares (YAML aliases) stay shared
        entry = (marshal.dumps(value),)  # type: ignore[arg-type]
    except ValueError:  # not storable (a YAML date): parsed at every run
        return value
    _state.used[key] = entry
    _remember_to_save()
    return value


@cache
def _function_tag(function: Callable[..., Any]) -> str | None:
    """module:name:digest of the module's source; None where the source cannot be read."""
    try:
        source = Path(sys.modules[function.__module__].__file__ or "").read_bytes()
    except (OSError, KeyError, AttributeError, TypeError):
        return None
    return f"{function.__module__}:{function.__qualname__}:{hashlib.blake2b(source, digest_size=16).hexdigest()}"


def _built(pattern: str | bytes, entry: Entry) -> re.Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, list(code), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _generated(pattern: str | bytes, flags: int) -> Entry:
    """What re._compiler.compile passes to _sre.compile after the pattern."""
    tree = _parser.parse(pattern, flags)
    # A tuple of plain ints: opcodes are an int subclass marshal refuses, and the garbage collector
    # skips a tuple of ints where it would walk a list of thousands at every collection.
    code = tuple(map(int, _compiler._code(tree, flags)))
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup))


def _entries() -> dict[Key, Entry]:
    if _state.loaded is None:
        _state.generation, _state.loaded, _state.written_in = _read_file(cache_file())
    return _state.loaded


def _read(path: Path) -> dict[Key, Entry]:
    """The entries of the file; {} where it is missing, unreadable, damaged or not ours."""
    return _read_file(path)[1]


def _read_file(path: Path) -> tuple[int, dict[Key, Entry], dict[Key, int]]:
    """(generation of the file, its entries, the generation that last wrote each); (0, {}, {}) where
    it is missing, unreadable, damaged or not ours."""
    try:
        header, generation, stamped = marshal.loads(path.read_bytes())
        if header != (_FORMAT, _ENGINE) or not isinstance(stamped, dict) or not isinstance(generation, int):
            return 0, {}, {}
        entries = {key: entry for key, (_, entry) in stamped.items()}
        return generation, entries, {key: written for key, (written, _) in stamped.items()}
    except (OSError, EOFError, *_DAMAGED):
        return 0, {}, {}


def _remember_to_save() -> None:
    _state.dirty = True
    if _state.pid != os.getpid():
        _state.pid = os.getpid()
        atexit.register(save)
        # A multiprocessing worker leaves with os._exit, past atexit; it runs these finalizers.
        # (In the main process both run; the second finds nothing left to save.)
        mp_util = sys.modules.get("multiprocessing.util")
        if mp_util is not None:
            mp_util.Finalize(None, save, exitpriority=0)


def save() -> None:
    """Merge this process's patterns into the file, if it compiled any anew; errors are ignored."""
    if not _state.dirty or not enabled():
        return
    _state.dirty = False
    path = cache_file()
    with suppress(OSError, *_DAMAGED):  # an unwritable directory: this run just saves nothing
        on_disk = _read_file(path)  # with a concurrent writer's entries since we read
        generation = max(on_disk[0], _state.generation) + 1
        merged = {key: (generation, entry) for key, entry in _state.used.items()}
        for _, entries, written_in in (on_disk, (_state.generation, _state.loaded or {}, _state.written_in)):
            for key, entry in entries.items():
                if len(merged) >= MAX_ENTRIES:
                    break
                written = written_in[key]
                if key not in merged and written > generation - KEEP_GENERATIONS:
                    merged[key] = (written, entry)
        _write(path, marshal.dumps(((_FORMAT, _ENGINE), generation, merged), _MARSHAL_VERSION))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _reset(loaded: dict[Key, Any] | None = None) -> None:
    """Forget this process's view (tests: to read the file again as a new run would)."""
    _state.loaded = loaded
    _state.written_in = dict.fromkeys(loaded or (), 0)
    _state.generation = 0
    _state.used = {}
    _state.dirty = False
