"""Language of a text with lingua (models ship inside the package; nothing is downloaded).

The detector is restricted to the languages in data/clean/settings.yaml and runs in
low-accuracy mode on a bounded sample: at most about 35 MB RSS for the whole process. Its
models load on first use, only those of the script at hand (0.2 s for the Latin-script
ones, against 0.4 s to preload all), as most texts never reach lingua: a function-word
vote (wordvote.py) answers first when the sample leaves no doubt, some 30 microseconds
against lingua's millisecond on Latin-script text; on a long text, a second vote over a wider
sample answers what names left in doubt. lingua decides everything else.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from accordwatch.clean.resources import settings
from accordwatch.clean.wordvote import vote


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in settings()["languages"]]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def warm_up(sample: str = "The talks resumed in the capital on Monday.") -> None:
    """Load the models `sample`'s script needs now rather than on first use (benchmarks that
    time documents one by one, servers that should answer the first request quickly)."""
    _detector().detect_language_of(sample)


@lru_cache(maxsize=64)
def _iso_code(name: str) -> str:
    from lingua import Language

    return str(getattr(Language, name).iso_code_639_1.name.lower())


def _sample(text: str, limit: int) -> str:
    """Up to `limit` characters from the middle of the text, where the body is, cut at a space."""
    if len(text) <= limit:
        return text
    start = max(0, (len(text) - limit) // 3)
    start = text.find(" ", start) + 1
    return text[start:start + limit]


def _has_letters(text: str, least: int) -> bool:
    """At least `least` letters in `text`; stops at the last one needed (text starts with words)."""
    for char in text:
        if char.isalpha():
            least -= 1
            if least <= 0:
                return True
    return least <= 0


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of `text`, or None when there is too little to tell."""
    limit = settings()["language_sample_chars"]
    sample = _sample(text, limit)
    if not _has_letters(sample[:100], 3):
        return None
    # Only a full sample goes to the vote: on shorter texts lingua's answer is noisy (it calls
    # "The ceasefire held." Romanian), and the vote must give lingua's answer, not a better one.
    name = (vote(sample) if len(sample) >= limit else None) or _wide_vote(text, limit) or lingua_language(sample)
    return _iso_code(name) if name is not None else None


def _wide_vote(text: str, limit: int) -> str | None:
    """The vote over a wider sample of a text at least twice the sample long (names, a quoted
    phrase, can leave a 300-character sample undecided, not hundreds of words)."""
    if len(text) < 2 * limit:
        return None
    return vote(_sample(text, settings()["language_wide_sample_chars"]), wide=True)


def lingua_language(sample: str) -> str | None:
    """lingua's name of the language of `sample` (ENGLISH ...), or None."""
    language = _detector().detect_language_of(sample)
    return language.name if language is not None else None
