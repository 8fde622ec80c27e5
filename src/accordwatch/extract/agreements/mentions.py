"""Agreement mentions in one sentence: the noun phrase around an agreement noun, its date and parties.

"the November 9, 2020 Statement", "the tripartite agreement among Russia, Azerbaijan, and Armenia
signed on November 9, 2020", "a decision was made at the Moscow summit ... to establish a Trilateral
Working Group": a head noun (agreements.yaml `heads`), modifiers to its left, a complement to its
right ("on ...", "between A and B", "to establish ..."), and the evidence that the phrase names a
real agreement rather than, say, a ministry's statement.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from accordwatch.extract.agreements.lexicon import AgreementRules, agreement_rules
from accordwatch.extract.lowered import lowered
from accordwatch.model import ActorMention, Timex

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w'’&+-]+|[^\w\s]")
FUNCTION_WORDS = frozenset(["the", "a", "an", "under", "in", "on", "at", "of", "for", "with", "by", "to", "from", "and", "or", "as", "after", "following", "since"])
OPENERS = frozenset(["on", "of", "between", "among", "to", "for", "regarding", "concerning", "dated", "about"])
RIGHT_STOPS = frozenset(["which", "that", "who", "signed", "was", "were", "is", "are", "has", "have", "had", "by", "will", "would", "remain", "remains", "remained", "initialled", "initialed", "adopted", "reached", "at", "following", "after", "before", "committing", "calling", "form", "forms", "formed", "led", "lead", "could", "can", "may", "must", "should"])
FORUM = re.compile(r"\b(?:summit|meeting|council|conference|leaders|heads of state|parties|sides)\b", re.IGNORECASE)
# Actor types that can be party to an agreement (leaders sign for their states, and are signatories).
PARTY_TYPES = frozenset(("state", "organisation", "organization", "armed_group"))
# Weak heads that a capital makes a title ("the Washington Declaration"); "Deal", "Decision" do not.
TITLE_HEAD = re.compile(r"statement|declaration|communiqu|road ?map", re.IGNORECASE)
ANNIVERSARY = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
                         r" anniversary of(?: the)?\s*$", re.IGNORECASE)
ORDINALS = {w: i for i, w in enumerate(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1)}


@dataclass
class Mention:
    start: int
    end: int
    name: str
    head: str
    plural: bool
    date: str = ""
    date_how: str = ""  # inside, attached, sentence, narrative, anniversary
    prospective: bool = False
    parties: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    witnesses: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    kind: str = ""  # ceasefire, peace, border or agreement: set once the name is final


def date_timexes(timexes: Sequence[Timex]) -> list[Timex]:
    """Timexes that name a point or period on the calendar (not durations, not PRESENT_REF)."""
    return [t for t in timexes if t.label in ("DATE", "TIME") and t.value[:1].isdigit()]


def _inside(pos: int, timexes: Sequence[Timex]) -> Timex | None:
    return next((t for t in timexes if t.start <= pos < t.end), None)


def _left_edge(text: str, lo: int, head_start: int, tx: Sequence[Timex], rules: AgreementRules) -> int:
    """Walk left from the head over name modifiers, capitalised words, years and dates."""
    toks = [m for m in TOKEN.finditer(text, lo, head_start)]
    edge = head_start
    for i in range(len(toks) - 1, -1, -1):
        m = toks[i]
        w = m.group()
        t = _inside(m.start(), tx)
        low = w.lower()
        ok = (t is not None or low in rules.modifiers or re.fullmatch(r"\d{4}", w) is not None
              or (w[:1].isupper() and low not in FUNCTION_WORDS and low not in rules.anaphors)
              or (low == "and" and i > 0 and re.fullmatch(r"\d{4}", toks[i - 1].group()) is not None)
              or (w == "," and t is not None))
        if not ok:
            break
        edge = t.start if t is not None else m.start()
    while True:  # a name does not start with a joining word: "of hostilities agreement" -> "hostilities ..."
        lead = re.match(r"(?:of|and)\s+", text[edge:head_start], re.IGNORECASE)
        if not lead:
            return edge
        edge += lead.end()


def _right_edge(text: str, head_end: int, hi: int, tx: Sequence[Timex]) -> int:
    """Walk right over a complement: "on ...", "between A, B and C", "of 9 November 2020", "to establish ..."."""
    toks = list(TOKEN.finditer(text, head_end, hi))
    if not toks or toks[0].group().lower() not in OPENERS:
        return head_end
    edge = head_end
    for i, m in enumerate(toks):
        w, low = m.group(), m.group().lower()
        if _inside(m.start(), tx):
            edge = m.end()
            continue
        if w in ",;:.!?\u2014\u2013\"\u201c\u201d" or w == "-":
            nxt = toks[i + 1].group() if i + 1 < len(toks) else ""
            nxt2 = toks[i + 2].group() if i + 2 < len(toks) else ""
            if w == "," and (nxt[:1].isupper() or (nxt == "and" and nxt2[:1].isupper())):
                continue
            break
        if i > 0 and (low in RIGHT_STOPS or (low == "to" and edge > head_end and toks[0].group().lower() != "to")):
            break
        if low.endswith("ed") and w.islower() and i + 1 < len(toks) and toks[i + 1].group().lower() in (
                "by", "on", "in", "at", "with"):
            break
        if w == "(" and i + 2 < len(toks) and toks[i + 2].group() == ")":
            edge = toks[i + 2].end()
            continue
        if w in "()":
            break
        edge = m.end()
    return edge


def _qualifies(text: str, m: Mention, head_start: int, weak: bool, rules: AgreementRules, has_date: bool) -> bool:
    """Whether a phrase around a weak head ("statement", "declaration", "decision") names an agreement."""
    words = text[m.start:head_start].lower().split()
    head = m.head.lower()
    if head.startswith("decision"):
        after = text[head_start:head_start + 160]
        return bool(FORUM.search(m.name) or FORUM.search(after[:90])) and " to " in f" {after} "
    if not weak:
        return True
    if any(w.strip(",") in rules.qualifiers for w in words) or has_date:
        return True
    if re.search(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b", text[m.start:head_start]):  # "Armenian-Azerbaijani declaration"
        return True
    titled = m.head[:1].isupper() and TITLE_HEAD.match(head) is not None  # "the Washington Declaration"
    return titled and head_start > 0 and text[head_start - 2:head_start] not in (". ", "\n")


def _decision_name(text: str, head_start: int, hi: int) -> tuple[str, int]:
    """"decision [was made ...] to establish X" -> ("decision to establish X", end of X)."""
    m = re.search(r"\bto\s+(?:establish|create|set up|form|launch|hold|start|open|begin)\b", text[head_start:hi])
    if not m:
        return "", 0
    start = head_start + m.start()
    end = start
    for tok in TOKEN.finditer(text, start, hi):
        if tok.group() in ",;:.!?" or tok.group().lower() in ("tasked", "which", "that", "co-chaired"):
            break
        end = tok.end()
    return f"decision {text[start:end]}", end


def head_nouns(text: str) -> list[tuple[int, int, bool]]:
    """Every agreement head noun of a text as (start, end, weak), in text order."""
    rules = agreement_rules()
    low = lowered(text)  # (made once a text for the stages that read it lower-cased, see lowered.py)
    if len(low) != len(text):
        return sorted([(h.start(), h.end(), False) for h in rules.strong.finditer(text)]
                      + [(h.start(), h.end(), True) for h in rules.weak.finditer(text)])
    return sorted([(h.start(), h.end(), False) for h in _matches(rules.strong_lower, low, rules.strong_starts)]
                  + [(h.start(), h.end(), True) for h in _matches(rules.weak_lower, low, rules.weak_starts)])


def _matches(pattern: re.Pattern[str], low: str, starts: Sequence[str]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(low)` where every match begins with one of the literal `starts`: the pattern is
    tried only where one of them occurs (found by str.find, at C speed, instead of a regex attempt at
    every character), in text order and from the end of the last match on, as finditer tries it; so
    the first position where it matches is finditer's next match."""
    if not starts:
        yield from pattern.finditer(low)
        return
    end = 0
    for pos in sorted({i for s in starts for i in _occurrences(low, s)}):
        if pos >= end and (m := pattern.match(low, pos)):
            end = m.end()
            yield m


def _occurrences(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def mentions_in_sentence(text: str, lo: int, hi: int, tx: Sequence[Timex],
                         heads: Sequence[tuple[int, int, bool]]) -> list[Mention]:
    rules = agreement_rules()
    # heads are sorted by start: a bisection finds the sentence's (a 1-tuple sorts before any head at its offset)
    here = heads[bisect.bisect_left(heads, (lo,)):bisect.bisect_left(heads, (hi,))]
    out: list[Mention] = []
    for i, (hs, he, weak) in enumerate(here):
        if out and hs < out[-1].end:
            continue  # a head inside an earlier agreement's name: "agreements regarding ... a peace treaty"
        if i + 1 < len(here) and here[i + 1][0] - he <= 1:
            continue  # "ceasefire agreement": the first noun modifies the second
        m = _mention(text, lo, hi, hs, he, weak, tx, rules)
        if m is not None:
            out.extend(m)
    return out


def _mention(text: str, lo: int, hi: int, hs: int, he: int, weak: bool, tx: Sequence[Timex],
             rules: AgreementRules) -> list[Mention]:
    head = text[hs:he]
    start = _left_edge(text, lo, hs, tx, rules)
    end = _right_edge(text, he, hi, tx)
    prev = text[lo:start].split()[-1:] or [""]
    plural = head.lower().endswith(("s", "ies", "a")) and not head.lower().endswith(("ss", "us"))
    m = Mention(start, end, " ".join(text[start:end].split()), head, plural)
    if head.lower().startswith("decision"):
        name, dend = _decision_name(text, hs, hi)
        if not name or prev[0].lower() in rules.anaphors or not _qualifies(text, m, hs, weak, rules, False):
            return []
        m.name, m.end = name, max(end, dend)
        return [m]
    inner = [t for t in tx if start <= t.start and t.end <= m.end]
    if plural:
        listed = _dated_list(text, m, hs, he, hi, tx)
        if listed:
            return listed
        complement = text[he:m.end].split()[:1]
        if not (re.search(r"\d{4}", text[start:hs]) or complement[:1] in (["on"], ["regarding"], ["concerning"])):
            return []
    if prev[0].lower() in rules.anaphors:
        return []
    bare = start == hs and end == he
    if bare and (prev[0].lower() == "the" or weak):
        return []  # "the agreement", "the ceasefire": refers back, names nothing new
    dated = any(t.end <= hs or re.search(r"\b(?:of|dated)\s+$", text[he:t.start]) for t in inner)
    if not _qualifies(text, m, hs, weak, rules, dated):
        return []
    if head.lower().startswith(("ceasefire", "cease-fire", "truce")) and not inner:
        return []
    return [m]


def _dated_list(text: str, m: Mention, hs: int, he: int, hi: int, tx: Sequence[Timex]) -> list[Mention]:
    """"statements dated 9 November 2020, 11 January 2021 and 31 October 2022": one agreement per date."""
    after = re.match(r"\s+(?:dated|of)\s+", text[he:hi])
    if not after:
        return []
    pos = he + after.end()
    singular = re.sub(r"(ie)?s$", lambda g: "y" if g.group(1) else "", text[hs:he])
    out: list[Mention] = []
    for t in sorted(tx, key=lambda t: t.start):
        if t.start < pos:
            continue
        if re.fullmatch(r"[\s,]*(?:and\s+)?", text[pos:t.start]) is None:
            break
        out.append(Mention(t.start if out else m.start, t.end, f"{singular} dated {t.text}", singular, False,
                           date=t.value, date_how="inside"))
        pos = t.end
    return out if len(out) > 1 else []


def anniversary_date(text: str, lo: int, m: Mention, tx: Sequence[Timex]) -> str:
    """"November 9, 2025, marks the fifth anniversary of the Statement" -> 2020-11-09."""
    a = ANNIVERSARY.search(text[lo:m.start])
    if not a:
        return ""
    n = ORDINALS.get(a.group(1).lower()) or int(re.sub(r"\D", "", a.group(1)))
    before = [t for t in tx if lo <= t.start < m.start and t.value[:4].isdigit()]
    if not before:
        return ""
    v = before[-1].value
    return f"{int(v[:4]) - n:04d}{v[4:10]}"


def attach_actors(m: Mention, text: str, lo: int, hi: int, actors: Sequence[ActorMention]) -> None:
    """Parties (states and organisations named in the phrase, in its "signed by ..." clause, or as the
    subject of the verb that concluded it: "the government and the TPLF signed an agreement"),
    signatories and witnesses."""
    tail = re.match(r"[^.;]*?\bsigned by\b[^.;]*", text[m.end:hi])
    reach = m.end + (tail.end() if tail else 0)
    verb = agreement_rules().conclusion.search(text, max(lo, m.start - 40), m.start)
    subject = _subject_start(text, lo, verb.start()) if verb else m.start
    for a in actors:
        if not a.canonical:
            continue
        if subject <= a.start < reach and a.actor_type in PARTY_TYPES and a.canonical not in m.parties \
                and not (a.end <= m.start and a.start >= (verb.end() if verb else m.start)):
            m.parties.append(a.canonical)
        if tail and m.end + tail.start() <= a.start < reach and a.actor_type == "leader":
            m.signatories.append(a.canonical)
    presence = re.search(r"\bin the presence of\b", text[lo:hi])
    for a in actors:
        if presence and lo + presence.end() <= a.start < hi and a.actor_type == "leader" and a.canonical:
            m.witnesses.append(a.canonical)
            break


def _subject_start(text: str, lo: int, verb: int) -> int:
    """Where the subject of a verb can start: after the last clause break before it."""
    cut = lo
    for b in re.finditer(r"[;:]|,\s(?![A-Z])|\b(?:that|which|who|when|after|before)\b", text[lo:verb]):
        cut = lo + b.end()
    return cut


def statuses(text: str, lo: int, hi: int, m: Mention) -> list[str]:
    """Status words in the sentence near the mention (within about ten words)."""
    return statuses_between(text, max(lo, m.start - 60), min(hi, m.end + 80))


def statuses_between(text: str, a: int, b: int) -> list[str]:
    """Status words ("signed", "in force", "not revoked" ...) in text[a:b]."""
    window = text[a:b].lower()
    found = [name for name, prefixes, rx in agreement_rules().status
             if (not prefixes or any(p in window for p in prefixes)) and rx.search(window)]
    if "not revoked" in found and "revoked" in found:
        found.remove("revoked")
    return found
