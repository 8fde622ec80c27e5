"""Actor mentions from matched phrases: the composition rules.

One left-to-right pass over the phrases of lexicon.py. At each phrase the first rule that applies wins
and consumes its tokens, so mentions never overlap and the longest reading wins:

- a state or demonym qualifying what follows: an office and a name ("Russian President Vladimir Putin"),
  an office alone resolved by state and date ("the Armenian Prime Minister"), a generic noun ("the Russian
  side" -> Russia, "Syrian rebels" -> a group), coordinated ("the Azerbaijani and Armenian sides");
- a gazetteer name (aliases and transliterations; a ministry stands for its state);
- a capital or seat of government: the state when it acts or speaks ("Baku said"), a place after
  in/at/to/from ("in Moscow");
- an office or title with a name ("Commander Ahmed Yusuf" -> a candidate);
- a generic noun, resolved from context where it refers back ("the ministry", "the president",
  "the peacekeepers") or kept generic ("police", "protesters").
Proper nouns left over become candidates where they look like an actor (candidates.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accordwatch.extract.actors.gazetteer import (
    Entry,
    GenericNoun,
    Office,
    Place,
    load_gazetteer,
    load_words,
)
from accordwatch.extract.actors.lexicon import Phrase, Tokens, load_lexicon, tokenize


@dataclass
class Found:
    """A mention under construction, over tokens first..last (inclusive)."""

    first: int
    last: int
    canonical: str
    actor_id: str
    actor_type: str
    resolved_via: str
    rule: str
    office: str = ""
    ministry: bool = False
    label: str = ""  # defaults to actor_type; "location" for places

    @property
    def is_location(self) -> bool:
        return self.label == "location"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


class Scan:
    """The state of one pass over a text."""

    def __init__(self, text: str, when: str | None):
        self.text = text
        self.when = when
        self.gaz = load_gazetteer()
        self.words = load_words()
        self.tokens: Tokens = tokenize(text)
        self.n = len(self.tokens)  # asked for at every step of the rules
        self.phrases = load_lexicon().match(self.tokens)
        self.at: dict[int, Phrase] = {p.first: p for p in self.phrases}
        self.found: list[Found] = []

    # -- helpers over tokens -------------------------------------------------------------------------
    def key(self, i: int) -> str:
        return self.tokens.keys[i] if 0 <= i < self.n else ""

    def state_ref(self, p: Phrase | None) -> tuple[Entry, str] | None:
        """(state, how) where the phrase names a state ('alias') or is its demonym ('demonym')."""
        if p is None:
            return None
        item = p.of_kind("entry")
        if item and isinstance(item.ref, Entry) and item.ref.type == "state":
            return item.ref, "alias"
        item = p.of_kind("demonym")
        if item and isinstance(item.ref, Entry):
            return item.ref, "demonym"
        return None

    def entry_of(self, p: Phrase | None, *types: str) -> Entry | None:
        item = p.of_kind("entry") if p else None
        if item and isinstance(item.ref, Entry) and (not types or item.ref.type in types):
            return item.ref
        return None

    def add(self, f: Found) -> int:
        self.found.append(f)
        return f.last + 1

    # -- the pass --------------------------------------------------------------------------------------
    def run(self) -> list[Found]:
        pos = 0
        for p in self.phrases:
            if p.first < pos:
                continue
            pos = max(pos, self.at_phrase(p))
        return self.found

    def at_phrase(self, p: Phrase) -> int:
        """Apply the first rule that fits at phrase p; return the next free token index."""
        if self.state_ref(p):
            return self.qualified(p)
        org = self.entry_of(p, "organisation", "body")
        head = self.at.get(p.last + 1)
        if org and head and head.of_kind("office"):
            done = self.office(head, p.first, org, "alias")
            if done:
                return done
        if self.entry_of(p, "leader") and self.inside_longer_name(p):
            return p.last + 1  # "the Trump Route for International Peace", not Donald Trump
        if self.entry_of(p):
            return self.add(self.entry_mention(p))
        if p.of_kind("people"):
            return self.add(self.people(p))
        if p.of_kind("place"):
            return p.last + 1 if self.inside_longer_name(p) else self.place(p)
        if p.of_kind("office"):
            done = self.office(p, p.first, None, "")
            if done:
                return done
        if p.of_kind("generic"):
            return self.generic(p, [])
        return p.last + 1

    def inside_longer_name(self, p: Phrase) -> bool:
        """A one-word surname or city followed by a capitalised word no phrase starts: part of a longer
        proper name ('Trump Route', 'Washington Post', 'Moscow State University')."""
        nxt = p.last + 1
        if p.first != p.last or nxt >= self.n or nxt in self.at:
            return False
        word = self.tokens.words[nxt]
        return word[:1].isupper() and word.isalpha() and self.key(nxt) not in self.words.stop \
            and self.key(nxt) not in self.words.not_names

    def entry_mention(self, p: Phrase) -> Found:
        e = self.entry_of(p)
        assert e is not None
        if e.type == "ministry":
            state = self.gaz.entry(e.parent)
            return Found(p.first, p.last, state.canonical, state.actor_id, "state", "metonymy",
                         f"actors.ministry:{e.id}", ministry=True)
        return Found(p.first, p.last, e.canonical, e.actor_id, e.type, "alias", "actors.alias",
                     office=e.office)

    def people(self, p: Phrase) -> Found:
        """'Libyans', 'ethnic Albanians': a population group named after a state's people."""
        item = p.of_kind("people")
        assert item is not None and isinstance(item.ref, Entry)
        first = p.first - 1 if self.key(p.first - 1) == "ethnic" else p.first
        return Found(first, p.last, item.form, f"{item.ref.actor_id}/people", "population", "demonym",
                     "actors.people")

    # -- state or demonym qualifying what follows ---------------------------------------------------------
    def coordinated_refs(self, p: Phrase) -> tuple[list[tuple[Phrase, Entry, str]], int]:
        """'Azerbaijani and Armenian': the qualifiers, and the token index after them (and any 's)."""
        ref = self.state_ref(p)
        assert ref is not None
        refs = [(p, *ref)]
        pos = p.last + 1
        while self.key(pos) in ("and", ",") and self.state_ref(self.at.get(pos + 1)):
            nxt = self.at[pos + 1]
            refs.append((nxt, *self.state_ref(nxt)))  # type: ignore[misc]
            pos = nxt.last + 1
        if self.key(pos) == "'s":
            pos += 1
        return refs, pos

    def skip_modifiers(self, pos: int, limit: int = 2) -> int:
        """Past up to `limit` plain words before a head noun ('junior', 'nationalist', 'Sandinista')."""
        start = pos
        while pos - start < limit and pos < self.n and pos not in self.at:
            tok = self.tokens[pos]
            if not tok.text.replace("-", "").isalpha() or tok.key in self.words.stop:
                break
            pos += 1
        return pos if pos in self.at else start

    def qualified(self, p: Phrase) -> int:
        refs, pos = self.coordinated_refs(p)
        head_at = self.skip_modifiers(pos)
        head = self.at.get(head_at)
        if head is not None and len(refs) == 1:
            state, how = refs[0][1], refs[0][2]
            if head.of_kind("office"):
                done = self.office(head, p.first, state, how)
                if done:
                    return done
            target = self.entry_of(head, "leader", "population", "armed_force", "organisation", "body")
            if target and head_at == pos and how == "demonym":
                f = self.entry_mention(head)
                f.first = p.first
                return self.add(f)
        if head is not None and head.of_kind("generic"):
            return self.generic(head, refs)
        for ref_phrase, state, how in refs:
            if how == "alias":
                self.add(Found(ref_phrase.first, ref_phrase.last, state.canonical, state.actor_id,
                               "state", "alias", "actors.alias"))
            elif self.key(ref_phrase.first - 1) == "ethnic":
                self.add(Found(ref_phrase.first - 1, ref_phrase.last, f"ethnic {ref_phrase_text(self, ref_phrase)}",
                               f"{state.actor_id}/people", "population", "demonym", "actors.people"))
        return refs[-1][0].last + 1

    # -- offices and titles ------------------------------------------------------------------------------
    def office(self, head: Phrase, first: int, state: Entry | None, how: str) -> int | None:
        """An office or title, with its state and the holder's name where given; None if it is no leader."""
        item = head.of_kind("office")
        assert item is not None and isinstance(item.ref, Office)
        office: Office = item.ref
        pos = head.last + 1
        if state is None and self.key(pos) == "of":
            at = pos + 2 if self.key(pos + 1) == "the" else pos + 1
            ref = self.state_ref(self.at.get(at)) or self._org_ref(self.at.get(at))
            if ref:
                state, pos = ref[0], self.at[at].last + 1
        name_end, name = self.holder_name(pos)
        if name is not None:
            return self.add(Found(first, name_end, name.canonical, name.actor_id, "leader", "alias",
                                  "actors.office_name", office=office.office))
        if name_end >= pos:
            text = self.text[self.tokens.starts[pos]:self.tokens.end(name_end)]
            kind = "leader" if office.kind == "office" else "person"
            return self.add(Found(first, name_end, text, f"candidate:{text}", kind, "candidate",
                                  "actors.office_candidate", office=office.office))
        if office.kind != "office" or state is None:
            return None
        return self.add(self.office_holder(first, pos - 1, office, state))

    def _org_ref(self, p: Phrase | None) -> tuple[Entry, str] | None:
        e = self.entry_of(p, "organisation")
        return (e, "alias") if e else None

    def office_holder(self, first: int, last: int, office: Office, state: Entry) -> Found:
        """'the President of Azerbaijan' on the document's date -> the holder of that office then."""
        holders = self.gaz.holders(state.actor_id, office.office, self.when)
        if holders:
            e = holders[0]
            return Found(first, last, e.canonical, e.actor_id, "leader", "office", "actors.office",
                         office=office.office)
        name = f"{office.office} of {state.canonical}"
        return Found(first, last, name, f"office:{state.actor_id}:{slug(office.office)}", "leader", "office",
                     "actors.office", office=office.office)

    def holder_name(self, pos: int) -> tuple[int, Entry | None]:
        """A known leader ('Vladimir Putin', also after a comma) or a capitalised name at pos.

        Returns (last token, entry) for a known leader, (last token, None) for an unknown name, and
        (pos - 1, None) when there is no name.
        """
        at = pos + 1 if self.key(pos) == "," else pos
        leader = self.entry_of(self.at.get(at), "leader")
        if leader:
            return self.at[at].last, leader
        return self.name_run(pos) - 1, None

    def name_run(self, pos: int) -> int:
        """The token index after a run of 1-4 capitalised name words (with particles: 'F.W. de Klerk')."""
        end = pos
        while end < self.n and end - pos < 5:
            tok = self.tokens[end]
            name_word = tok.capitalised and tok.text[:1].isalpha() and tok.key not in self.words.stop \
                and not self._blocks(end)
            particle = tok.key in self.words.name_particles and end > pos \
                and self.tokens.words[end + 1:end + 2] != [] and self.tokens.words[end + 1][:1].isupper()
            if not (name_word or particle):
                break
            end += 1
        return end

    def _blocks(self, i: int) -> bool:
        """A known non-name phrase starts here (a state, a demonym, an office, a generic noun)."""
        p = self.at.get(i)
        return p is not None and not p.of_kind("entry") or (p is not None and self.state_ref(p) is not None)

    # -- capitals and seats --------------------------------------------------------------------------------
    def place(self, p: Phrase) -> int:
        item = p.of_kind("place")
        assert item is not None and isinstance(item.ref, Place)
        place: Place = item.ref
        if place.kind == "region" or self.is_location(p, place):
            return self.add(Found(p.first, p.last, place.name, f"place:{slug(place.name)}", "location",
                                  "location", "actors.place", label="location"))
        state = self.gaz.entry(place.state)
        return self.add(Found(p.first, p.last, state.canonical, state.actor_id, state.type, "metonymy",
                              f"actors.metonymy:{place.kind}"))

    def is_location(self, p: Phrase, place: Place) -> bool:
        if self.key(p.last + 1) == "'s":
            return False
        before = p.first - 1
        if self.key(before) in ("the", "a", "an"):
            if place.kind == "capital":
                return True  # "the Moscow summit"
            before -= 1
        if self.key(before) in self.words.location_preps:
            return True
        # "in Baku and Yerevan": a place coordinated with a place
        prev = self.found[-1] if self.found else None
        return self.key(before) in ("and", ",") and prev is not None and prev.is_location \
            and prev.last == before - 1

    # -- generic nouns ----------------------------------------------------------------------------------
    def generic(self, head: Phrase, refs: list[tuple[Phrase, Entry, str]]) -> int:
        item = head.of_kind("generic")
        assert item is not None and isinstance(item.ref, GenericNoun)
        g: GenericNoun = item.ref
        if g.requires == "speech_verb" and not self.speaks(head.last + 1):
            return head.last + 1
        if not refs:
            f = self.from_context(head, g)
            return self.add(f) if f else head.last + 1
        for n, (ref_phrase, state, how) in enumerate(refs):
            last = head.last if n == len(refs) - 1 else ref_phrase.last
            self.add(self.qualified_generic(ref_phrase.first, last, g, state, how, ref_phrase))
        if g.stands_for == "group":
            self.found[-1].last = self.extend_in_place(head.last)
        return self.found[-1].last + 1

    def qualified_generic(self, first: int, last: int, g: GenericNoun, state: Entry, how: str,
                          ref_phrase: Phrase) -> Found:
        via = "demonym" if how == "demonym" else "metonymy"
        if g.stands_for == "state":
            return Found(first, last, state.canonical, state.actor_id, state.type, via,
                         f"actors.generic:{slug(g.canonical)}", ministry=g.context == "ministry")
        qualifier = ref_phrase_text(self, ref_phrase) if how == "demonym" else \
            (state.demonyms[0] if state.demonyms else state.canonical)
        name = f"{qualifier} {g.canonical}"
        known = self.gaz.lookup(name)  # "Israeli military" is the Israel Defense Forces
        if known is not None and known.parent == state.actor_id and known.type == g.actor_type:
            return Found(first, last, known.canonical, known.actor_id, known.type, via,
                         f"actors.generic:{slug(g.canonical)}")
        return Found(first, last, name, f"{state.actor_id}/{slug(g.canonical)}", g.actor_type, via,
                     f"actors.generic:{slug(g.canonical)}")

    def speaks(self, pos: int) -> bool:
        """A speech verb at pos, or after one adverb ('the statement also said')."""
        return self.key(pos) in self.words.speech_verbs or (self.key(pos).endswith("ly") or self.key(pos) == "also") \
            and self.key(pos + 1) in self.words.speech_verbs

    def extend_in_place(self, last: int) -> int:
        """'Palestinian police in Jericho', 'demonstrators in Baghdad': the place qualifies the group."""
        pos = last + 1
        if self.key(pos) != "in":
            return last
        at = pos + 2 if self.key(pos + 1) == "the" else pos + 1
        end = self.name_run(at) if at < self.n else at
        p = self.at.get(at)
        if p is not None and (p.of_kind("place") or self.state_ref(p)):
            end = max(end, p.last + 1)
        return end - 1 if end > at else last

    def from_context(self, head: Phrase, g: GenericNoun) -> Found | None:
        first = head.first
        if g.context:
            prior = self.refers_to(g.context)
            if prior is not None:
                return Found(first, head.last, prior.canonical, prior.actor_id, prior.actor_type, "context",
                             f"actors.context:{slug(g.canonical)}", office=prior.office,
                             ministry=prior.ministry)
        if not g.bare:
            return None
        last = self.extend_in_place(head.last) if g.stands_for == "group" else head.last
        return Found(first, last, g.canonical, f"generic:{slug(g.canonical)}", g.actor_type, "generic",
                     f"actors.generic:{slug(g.canonical)}")

    def refers_to(self, context: str) -> Found | None:
        """The most recent mention an unqualified noun refers back to."""
        for f in reversed(self.found):
            if f.is_location:
                continue
            if context == "ministry" and f.ministry:
                return f
            if context.startswith("office:") and f.office == context[7:] and f.actor_type == "leader":
                return f
            if context not in ("ministry",) and not context.startswith("office:") \
                    and context in f.canonical.casefold():
                return f
        return None


def ref_phrase_text(scan: Scan, p: Phrase) -> str:
    return scan.text[scan.tokens.starts[p.first]:scan.tokens.end(p.last)]
