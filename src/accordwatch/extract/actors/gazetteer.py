"""The actor gazetteers: data files read once, validated row by row.

actors.tsv holds the canonical actors (states, leaders with their office terms, organisations, armed
forces, population groups, bodies created by agreements, ministries); places.tsv the capitals and seats
of government that stand for a state; offices.tsv the offices and titles that head a leader mention;
generic_actors.tsv the generic nouns ("police", "rebels", "the government"). A bad row fails loudly
with its file and line number.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from accordwatch.data_files import load_yaml

ACTOR_TYPES = ("state", "leader", "organisation", "armed_force", "population", "body", "ministry")
ACTORS_HEADER = ["id", "canonical", "type", "aliases", "parent", "office", "valid_from", "valid_to",
                 "wikidata", "demonyms"]
_QID = re.compile(r"Q[1-9][0-9]*")
_ID = re.compile(r"(?:Q[1-9][0-9]*|[a-z0-9][a-z0-9-]*)(?:@[0-9]+)?")


class GazetteerError(ValueError):
    """A row of a gazetteer file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    """One row of actors.tsv. Extra office terms of a leader are rows with id `<id>@<n>`."""

    id: str
    canonical: str
    type: str
    aliases: tuple[str, ...] = ()
    parent: str = ""
    office: str = ""
    valid_from: str = ""
    valid_to: str = ""
    wikidata: str = ""
    demonyms: tuple[str, ...] = ()

    @property
    def actor_id(self) -> str:
        """The id of the actor, shared by all its office terms."""
        return self.id.split("@", 1)[0]

    def valid_on(self, day: str) -> bool:
        """Whether an ISO date (any precision) falls in [valid_from, valid_to)."""
        return (not self.valid_from or self.valid_from[:len(day)] <= day) and \
            (not self.valid_to or day < self.valid_to)


@dataclass(frozen=True)
class Place:
    name: str
    state: str  # the state it stands for or lies in ("" for a region across states)
    kind: str  # capital, seat or region


@dataclass(frozen=True)
class Office:
    forms: tuple[str, ...]
    office: str
    kind: str  # office or title


@dataclass(frozen=True)
class GenericNoun:
    forms: tuple[str, ...]
    canonical: str
    actor_type: str
    stands_for: str  # state or group
    bare: bool
    context: str
    requires: str = ""  # speech_verb: an actor only as the subject of a speech verb


class Gazetteer:
    """The canonical actors, looked up by id or by any alias."""

    def __init__(self, entries: list[Entry]):
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_id = {e.id: e for e in entries}
        self._by_name: dict[str, Entry] = {}
        for e in entries:
            if "@" in e.id:
                continue
            for name in (e.canonical, *e.aliases):
                self._by_name.setdefault(normalise(name), e)

    def entry(self, actor_id: str) -> Entry:
        return self._by_id[actor_id]

    def get(self, actor_id: str) -> Entry | None:
        return self._by_id.get(actor_id)

    def lookup(self, name: str) -> Entry | None:
        """The entry whose canonical name or alias is `name` (case and quote-style insensitive)."""
        return self._by_name.get(normalise(name))

    def holders(self, parent: str, office: str, day: str | None) -> list[Entry]:
        """Leaders holding `office` of `parent` on `day` (ISO date); without a day, the current holders."""
        terms = [e for e in self.entries if e.type == "leader" and e.parent == parent and e.office == office]
        if day:
            return [e for e in terms if e.valid_on(day)]
        return [e for e in terms if not e.valid_to]


def normalise(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").replace("\u2013", "-").split()).casefold()


def _data_path(name: str) -> Path:
    return Path(str(resources.files("accordwatch") / "data" / "gazetteers" / name))


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Data rows of a TSV file with a header, skipping # comments and blank lines, with line numbers."""
    lines = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        raise GazetteerError(f"{path}: no header row")
    header = lines[0][1].split("\t")
    out = []
    for n, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise GazetteerError(f"{path}:{n}: {len(cells)} columns, the header has {len(header)}")
        out.append((n, dict(zip(header, (c.strip() for c in cells), strict=True))))
    return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _check_date(value: str, where: str) -> None:
    if value:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise GazetteerError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from None


def _entry(row: dict[str, str], where: str) -> Entry:
    if not _ID.fullmatch(row["id"]):
        raise GazetteerError(f"{where}: bad id {row['id']!r} (a Q-id or a lowercase slug, optionally @n)")
    if not row["canonical"]:
        raise GazetteerError(f"{where}: empty canonical name")
    if row["type"] not in ACTOR_TYPES:
        raise GazetteerError(f"{where}: unknown type {row['type']!r} (one of {', '.join(ACTOR_TYPES)})")
    if row["wikidata"] and not _QID.fullmatch(row["wikidata"]):
        raise GazetteerError(f"{where}: bad wikidata id {row['wikidata']!r}")
    if _QID.fullmatch(row["id"].split("@")[0]) and row["wikidata"] != row["id"].split("@")[0]:
        raise GazetteerError(f"{where}: a Q-id as id must equal the wikidata column")
    for key in ("valid_from", "valid_to"):
        _check_date(row[key], where)
    if row["valid_from"] and row["valid_to"] and row["valid_to"] < row["valid_from"]:
        raise GazetteerError(f"{where}: valid_to before valid_from")
    if row["type"] == "leader" and row["office"] and not row["parent"]:
        raise GazetteerError(f"{where}: a leader with an office needs a parent (the state or organisation)")
    return Entry(row["id"], row["canonical"], row["type"], _split(row["aliases"]), row["parent"],
                 row["office"], row["valid_from"], row["valid_to"], row["wikidata"], _split(row["demonyms"]))


def parse_actors(path: Path) -> list[Entry]:
    """Read and validate an actors TSV; raise GazetteerError naming the file and line of a bad row."""
    rows = _rows(path)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for n, row in rows:
        where = f"{path}:{n}"
        if list(row) != ACTORS_HEADER:
            raise GazetteerError(f"{path}: header must be {' '.join(ACTORS_HEADER)}")
        if row["id"] in seen:
            raise GazetteerError(f"{where}: duplicate id {row['id']!r} (first on line {seen[row['id']]})")
        seen[row["id"]] = n
        entries.append(_entry(row, where))
    ids = set(seen)
    for (n, row), e in zip(rows, entries, strict=True):
        if e.parent and e.parent not in ids:
            raise GazetteerError(f"{path}:{n}: unknown parent {e.parent!r}")
        if "@" in e.id and e.actor_id not in ids:
            raise GazetteerError(f"{path}:{n}: office term of unknown actor {e.actor_id!r}")
        if e.type == "ministry" and not e.parent:
            raise GazetteerError(f"{path}:{n}: a ministry needs a parent state")
    return entries


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return Gazetteer(parse_actors(_data_path("actors.tsv")))


@lru_cache(maxsize=1)
def load_places() -> tuple[Place, ...]:
    path = _data_path("places.tsv")
    ids = {e.id for e in load_gazetteer().entries}
    out = []
    for n, row in _rows(path):
        if (row["state"] or row["kind"] != "region") and row["state"] not in ids \
                or row["kind"] not in ("capital", "seat", "region"):
            raise GazetteerError(f"{path}:{n}: unknown state {row['state']!r} or kind {row['kind']!r}")
        out.append(Place(row["name"], row["state"], row["kind"]))
    return tuple(out)


@lru_cache(maxsize=1)
def load_offices() -> tuple[Office, ...]:
    path = _data_path("offices.tsv")
    out = []
    for n, row in _rows(path):
        if row["kind"] not in ("office", "title") or not _split(row["forms"]):
            raise GazetteerError(f"{path}:{n}: kind must be office or title, forms non-empty")
        out.append(Office(_split(row["forms"]), row["office"], row["kind"]))
    return tuple(out)


@lru_cache(maxsize=1)
def load_generic_nouns() -> tuple[GenericNoun, ...]:
    path = _data_path("generic_actors.tsv")
    out = []
    for n, row in _rows(path):
        if row["actor_type"] not in ACTOR_TYPES or row["stands_for"] not in ("state", "group") \
                or row["bare"] not in ("yes", "no") or row["requires"] not in ("", "speech_verb"):
            raise GazetteerError(f"{path}:{n}: bad actor_type, stands_for (state|group), bare (yes|no) "
                                 "or requires (speech_verb)")
        out.append(GenericNoun(_split(row["forms"]), row["canonical"], row["actor_type"],
                               row["stands_for"], row["bare"] == "yes", row["context"], row["requires"]))
    return tuple(out)


@dataclass(frozen=True)
class Words:
    """The closed word lists of actor_words.yaml."""

    location_preps: frozenset[str]
    stop: frozenset[str]
    speech_verbs: frozenset[str]
    name_particles: frozenset[str]
    org_heads: frozenset[str]
    connectors: frozenset[str]
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def load_words() -> Words:
    path = _data_path("actor_words.yaml")
    data = load_yaml(path)
    names = [f.name for f in Words.__dataclass_fields__.values()]
    if set(data) != set(names) or not all(isinstance(v, list) for v in data.values()):
        raise GazetteerError(f"{path}: want lists named {', '.join(names)}")
    return Words(**{k: frozenset(str(w).casefold() for w in data[k]) for k in names})
