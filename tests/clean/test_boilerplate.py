"""Boilerplate removal: the pinned floor on the reference corpus, precision on clean texts, generality."""

from __future__ import annotations

import importlib.util
import json
from itertools import pairwise
from pathlib import Path

import pytest

from accordwatch.clean import CorpusContext, clean_document
from accordwatch.model import RawInput, content_hash
from tests.conftest import EXAMPLES, shared_path

RESOURCES = Path(__file__).parent / "resources"


def _raw(path: Path) -> RawInput:
    text = path.read_text(encoding="utf-8")
    return RawInput(source=path.name, raw=text, id=content_hash(text))


def _raw_text(text: str, source: str = "page.txt") -> RawInput:
    return RawInput(source=source, raw=text, id=content_hash(text))


def _load_scorer():
    path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("accordwatch_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reference_corpus_floor(tmp_path):
    """Boilerplate lines of the five reference texts: precision 1.0 and F1 >= 0.95."""
    scorer = _load_scorer()
    raws = [_raw(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    context = CorpusContext.from_inputs(raws)
    export = tmp_path / "export.jsonl"
    with export.open("w", encoding="utf-8") as fh:
        for raw in raws:
            doc = clean_document(raw, context)
            fh.write(json.dumps({"source": raw.source, "removed_lines": [r.text for r in doc.removed]}) + "\n")
    result = scorer.score(shared_path("eval", "karabakh"), export)["boilerplate"]
    assert result["p"] == 1.0, result
    assert result["f1"] >= 0.95, result


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_removed_lines_keep_exact_raw_offsets(path):
    raw = _raw(path)
    doc = clean_document(raw)
    for line in doc.removed:
        assert raw.raw[line.raw_start:line.raw_end] == line.text
        assert line.reason
    # Nothing is thrown away: every non-blank raw line is in the clean text or among the removed lines.
    removed = {(r.raw_start, r.raw_end) for r in doc.removed}
    pos = 0
    for piece in raw.raw.split("\n"):
        stripped = piece.strip()
        if stripped:
            start = pos + piece.index(stripped)
            assert (start, start + len(stripped)) in removed or " ".join(stripped.split()) in " ".join(doc.text.split())
        pos += len(piece) + 1


def test_title_and_dateline_are_body():
    doc = clean_document(_raw(EXAMPLES / "000_c05b379aa9dd4fa4.txt"))
    assert doc.text.startswith("Foreign Ministry statement on the fifth anniversary")
    assert "7 November 2025 13:52" in doc.text
    assert "1872-07-11-2025" in doc.text  # a reference number is not chrome


def test_generic_page_from_another_site():
    """Other chrome than the reference corpus: menus, share buttons, related headlines, copyright."""
    doc = clean_document(_raw(RESOURCES / "generic_page.txt"))
    removed = {r.text for r in doc.removed}
    for junk in ("Skip to main content", "Home", "Share this article", "Twitter", "Related stories",
                 "Flooding displaces thousands in northern provinces", "© 2024 Example News. All rights reserved."):
        assert junk in removed
    assert doc.text.startswith("Ceasefire talks resume in Geneva")
    for body in ("By Maria Lopez", "Published 12 March 2024 09:30", "monitoring mechanism would be discussed"):
        assert body in doc.text


def test_clean_text_is_left_alone():
    """A clean one-paragraph-a-line text loses nothing, short closing lines included."""
    text = ("Talks end without a deal\n\nThe two delegations left the capital on Friday without signing "
            "the framework document that mediators had prepared over several months of shuttle diplomacy.\n\n"
            "Both sides said they would meet again.\n\nThank you.\n")
    doc = clean_document(_raw_text(text))
    assert doc.removed == ()
    assert doc.get("title") == "Talks end without a deal"


def test_line_in_another_script_is_removed():
    text = ("Peace talks resume\n\nԳլխավոր էջ\n\nThe foreign ministers met in Almaty on Friday and agreed to "
            "continue work on the draft treaty, according to a statement issued after the meeting.\n")
    doc = clean_document(_raw_text(text))
    assert [r.text for r in doc.removed] == ["Գլխավոր էջ"]


def _site_page(headline: str, body: str) -> str:
    return (f"Subscribe to our weekly digest\n\n{headline}\n\n{body}\n\nMore from this author\n"
            f"Leave your thoughts below\n")


_BODIES = [
    ("The parliament voted on Tuesday to ratify the border protocol, ending a dispute that had lasted "
    "for more than a decade and had twice brought the two armies close to open conflict."),
    ("Aid convoys reached the besieged town for the first time in three weeks, carrying food, fuel and "
    "medicine for some forty thousand residents, the Red Cross said in a statement."),
    ("Monitors reported fewer violations of the truce along the front line this week than at any time "
    "since it was agreed in the spring, although shelling continued near the river crossing."),
]


def test_template_lines_repeated_across_the_batch():
    raws = [_raw_text(_site_page(f"Headline number {i} about the talks", body), f"site{i}.txt")
            for i, body in enumerate(_BODIES)]
    context = CorpusContext.from_inputs(raws)
    doc = clean_document(raws[0], context)
    removed = {r.text for r in doc.removed}
    assert "Leave your thoughts below" in removed  # no navigation word: only the repetition tells
    assert "Headline number 0 about the talks" in doc.text


def test_versions_of_one_story_do_not_make_template_lines():
    """Two copies of one story share their title; that is not a site template."""
    base = "Ministers sign transit deal\n\n" + "\n\n".join(_BODIES)
    other = base + "\n\nThe agreement enters into force next month."
    unrelated = ("Ministers sign transit deal\n\nA different report on the same day described the "
                 "ceremony, the guests and the speeches in detail, without repeating any paragraph.")
    raws = [_raw_text(base, "a.txt"), _raw_text(other, "b.txt"), _raw_text(unrelated, "c.txt")]
    context = CorpusContext.from_inputs(raws)
    assert context.stories == 2
    assert context.stories_with("ministers sign transit deal") == 2
    doc = clean_document(raws[1], context)
    assert doc.removed == ()
    assert doc.get("title") == "Ministers sign transit deal"


def test_bbc_texts_lose_almost_nothing():
    """Clean news texts: at most a few lines in a thousand are removed (precision on other text)."""
    corpus = shared_path("corpus", "bbc")
    paths = sorted(p for p in corpus.glob("*.txt") if p.name != "README.TXT")[::8]
    raws = [_raw(p) for p in paths]
    context = CorpusContext.from_inputs(raws)
    lines = sum(1 for r in raws for line in r.raw.split("\n") if line.strip())
    removed = sum(len(clean_document(r, context).removed) for r in raws)
    assert removed <= 0.003 * lines, (removed, lines)


def test_repeated_speaker_labels_of_a_transcript_stay():
    text = ("Press conference of the foreign minister\n\n"
            "Question:\n\nWhen will the border commissions meet again, and where will the next round of talks "
            "take place after the summit in the capital?\n\n"
            "Answer:\n\nThe commissions will meet next month, and we expect the venue to be agreed by the "
            "parties through the usual diplomatic channels very soon.\n\n"
            "Question:\n\nIs the peace treaty ready to be signed by the two leaders at the next summit meeting "
            "or will the negotiations continue into the next year?\n\n"
            "Answer:\n\nThe text is nearly agreed, but a few questions remain open and we will not rush the "
            "signing before the parties are ready for it.\n")
    doc = clean_document(_raw_text(text))
    assert doc.removed == ()


def test_menu_labels_above_a_clear_title_go():
    text = ("Menu\nPolitics\nEconomy\nWorld\n\nParliament ratifies the border protocol after long debate\n\n"
            + _BODIES[0] + "\n\n" + _BODIES[1] + "\n")
    doc = clean_document(_raw_text(text))
    assert [r.text for r in doc.removed] == ["Menu", "Politics", "Economy", "World"]
    assert doc.get("title") == "Parliament ratifies the border protocol after long debate"


def test_page_in_another_language():
    doc = clean_document(_raw(RESOURCES / "russian_page.txt"))
    removed = [r.text for r in doc.removed]
    assert removed[:3] == ["Главная", "Новости", "Политика"]
    assert {"Поделиться", "Telegram", "Читайте также", "Путин провел встречу с премьер-министром Армении"} <= set(removed)
    assert doc.text.startswith("Лавров провел переговоры")
    assert doc.get("language") == "ru"
    assert doc.get("published") == "2025-11-07"


def test_widget_between_title_and_body_goes():
    text = ("Border talks stall over transit road\n\nListen to this article\n\nBy Anna Petrosyan\n\n"
            + _BODIES[0] + "\n\n" + _BODIES[2] + "\n")
    doc = clean_document(_raw_text(text))
    assert [r.text for r in doc.removed] == ["Listen to this article"]
    assert "By Anna Petrosyan" in doc.text


def _plain_story_groups():
    """The story grouping as first written: the documents sharing a key counted one key at a time."""
    from collections import Counter

    from accordwatch.clean.boilerplate import _StoryGroups

    class PlainStoryGroups(_StoryGroups):
        def add(self, long_keys: set[str]) -> int:
            doc = len(self.parent)
            self.parent.append(doc)
            self.sizes.append(len(long_keys))
            shared: Counter[int] = Counter()
            for key in long_keys:
                shared.update(self.owners.setdefault(key, []))
                self.owners[key].append(doc)
            for other, n in shared.items():
                if n >= max(1, min(len(long_keys), self.sizes[other]) / 2):
                    self.parent[self.story_of(other)] = self.story_of(doc)
            return doc

    return PlainStoryGroups()


def test_story_groups_equal_the_plain_grouping():
    """Real texts, with versions of a story (a paragraph dropped, two texts joined) to group."""
    from accordwatch.clean.boilerplate import _StoryGroups
    from accordwatch.clean.lines import normalise

    paths = [*sorted(EXAMPLES.glob("*.txt")), *sorted(RESOURCES.glob("*.txt"))]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    paragraphs = [[normalise(line) for line in text.split("\n") if len(line.strip()) >= 150] for text in texts]
    versions = [*paragraphs, *(p[1:] for p in paragraphs), *(a + b for a, b in pairwise(paragraphs))]
    fast, plain = _StoryGroups(), _plain_story_groups()
    for keys in versions:
        assert fast.add(set(keys)) == plain.add(set(keys))
    assert fast.parent == plain.parent and fast.owners == plain.owners
    assert len({fast.story_of(doc) for doc in range(len(versions))}) < len(versions)
