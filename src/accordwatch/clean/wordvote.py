"""A cheap first vote on the language of a Latin-script sample, by its function words.

lingua weighs letter trigrams of every Latin-script language it knows, about a millisecond
for a 300-character sample. A sample of running text in one language carries a dozen or
more of that language's most frequent words; when one language has many such hits and a
wide lead over every other, lingua's answer is that language too, and it is not asked.
Anything less clear (short texts, mixed or close languages, other scripts) returns None:
lingua decides.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain, repeat

from accordwatch.clean.resources import function_words, settings

_WORD = re.compile(r"[^\W\d_]+")
# A letter outside the Latin blocks (Basic, Latin-1, Extended-A/B, IPA for Azerbaijani ə,
# Extended Additional): the sample is not (only) Latin script, the vote does not apply.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u02af\u1e00-\u1eff]")


@lru_cache(maxsize=1)
def _ballot() -> dict[str, tuple[str, ...]] | None:
    """Function word -> the configured languages it counts for.

    None when a configured Latin-script language has no word list: its texts could win no
    vote and might be taken for a neighbour's, so lingua must decide every Latin text.
    """
    from lingua import Language

    configured = set(settings()["languages"])
    latin = {language.name for language in Language.all_with_latin_script()} & configured
    lists = function_words()
    if not latin <= lists.keys():
        return None
    ballot: dict[str, set[str]] = {}
    for language in latin:
        for word in lists[language]:
            ballot.setdefault(word, set()).add(language)
    return {word: tuple(sorted(languages)) for word, languages in ballot.items()}


def vote(sample: str) -> str | None:
    """lingua's name of the language of `sample` (ENGLISH ...) when its function words leave no doubt."""
    lowered = sample.lower()
    ballot = _ballot()
    if ballot is None or _NON_LATIN_LETTER.search(lowered):
        return None
    words = _WORD.findall(lowered)
    hits = Counter(chain.from_iterable(map(ballot.get, words, repeat((), len(words)))))
    if not hits:
        return None
    best = max(hits, key=hits.__getitem__)
    runner_up = max((n for language, n in hits.items() if language != best), default=0)
    lead = hits[best] >= settings()["language_vote_lead"] * runner_up
    return best if lead and hits[best] >= settings()["language_vote_min_hits"] else None
