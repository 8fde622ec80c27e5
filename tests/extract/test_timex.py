"""The temporal engine on real text: extents, values, anchoring, tense, and what is not a date."""

from __future__ import annotations

import re
import sys

import pytest

from accordwatch.extract.timex import find_timexes, tag_text
from tests.conftest import EXAMPLES, make_doc


def values(text: str, dct: str | None = "2023-10-13") -> dict[str, str]:
    return {text[s:e]: v for s, e, _, v, _ in tag_text(text, dct)}


def test_extent_leaves_out_the_preposition() -> None:
    text = "The ministry said on Friday that the force had served for five years."
    assert values(text) == {"Friday": "2023-10-13", "five years": "P5Y"}


def test_values_keep_their_own_granularity() -> None:
    found = values("In June 2024 and in 2024, in the 2020s, by winter 2023 and in week 11 of 2023.")
    assert found["June 2024"] == "2024-06"
    assert found["2024"] == "2024"
    assert found["the 2020s"] == "202"
    assert found["winter 2023"] == "2023-WI"


@pytest.mark.parametrize(("sentence", "friday"), [
    ("The ministry said on Friday that talks would go on.", "2023-10-13"),
    ("The ministers will meet on Friday in Geneva.", "2023-10-20"),
])
def test_tense_decides_which_friday(sentence: str, friday: str) -> None:
    assert values(sentence, "2023-10-16")["Friday"] == friday


def test_relative_expressions_resolve_against_the_document_date() -> None:
    found = values("Yesterday he said last week was hard; this year and next month matter.", "2023-10-13")
    assert found == {"Yesterday": "2023-10-12", "last week": "2023-W40", "this year": "2023",
                     "next month": "2023-11"}


def test_modifiers() -> None:
    text = "Fighting in late September lasted more than 15 months."
    tagged = {text[s:e]: (v, m) for s, e, _, v, m in tag_text(text, "2023-12-01")}
    assert tagged == {"late September": ("2023-09", "END"), "more than 15 months": ("P15M", "MORE_THAN")}


def test_range_is_one_interval_timex() -> None:
    assert values("Baku acted on September 19–20.", "2023-10-13") == {
        "September 19–20": "2023-09-19/2023-09-20"}


def test_yearless_date_takes_the_narrative_year_without_a_document_date() -> None:
    found = values("In September 2023 Baku attacked. After the events of late September, talks began.", None)
    assert found["late September"] == "2023-09"


def test_the_same_period_repeats_the_duration() -> None:
    found = values("deployed for five years, with extension for the same period")
    assert found["the same period"] == "P5Y"


@pytest.mark.parametrize("text", [
    "cooperation within the 3+3 platform", "Florida Panthers triumph 4-3 over Rangers",
    "support rose to 76%", "statement no. 1872-07-11-2025", "UN Security Council Resolution 2334",
    "Resolution 2020 was adopted", "He sent 2000 troops", "the score was 20-18",
])
def test_no_dates_in_numbers_scores_and_codes(text: str) -> None:
    assert tag_text(text, "2023-10-13") == []


def test_relative_dates_stay_underspecified_without_a_document_date() -> None:
    found = values("He said on Friday that it ended yesterday.", None)
    assert found == {"Friday": "XXXX-WXX-5", "yesterday": "PAST_REF"}


def test_find_timexes_spans_and_fields_on_the_reference_corpus() -> None:
    text = (EXAMPLES / "000_c05b379aa9dd4fa4.txt").read_text(encoding="utf-8")
    doc = make_doc(text)
    timexes = find_timexes(doc, "2025-11-07")
    for t in timexes:
        t.check(doc)
    by_text = {t.text: t for t in timexes}
    assert by_text["7 November 2025 13:52"].value == "2025-11-07T13:52"
    assert by_text["7 November 2025 13:52"].label == "TIME"
    assert by_text["June 12, 2024"].granularity == "day"
    assert by_text["September 2023"].granularity == "month"
    assert not any("1872" in t.text or t.text == "2025" for t in timexes)


def test_anchor_inferred_is_marked() -> None:
    doc = make_doc("Russia's Foreign Ministry said on Friday that the agreements stand. In 2020 they were signed.")
    timexes = {t.text: t for t in find_timexes(doc, "2025-11-07", dct_inferred=True)}
    assert timexes["Friday"].anchored_to == "dct" and timexes["Friday"].anchor_inferred
    assert timexes["Friday"].confidence < timexes["2020"].confidence
    assert not timexes["2020"].anchor_inferred


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_scanning_only_near_trigger_words_loses_nothing(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    text = (EXAMPLES / name).read_text(encoding="utf-8")
    windowed = tag_text(text, "2025-11-07")
    recognise = sys.modules["accordwatch.extract.timex.recognise"]
    monkeypatch.setattr(recognise, "windows", lambda t, lang: {
        k: [(0, len(t))] for k in ("any", "month", "weekday", "season", "pod", "unit", "holiday", "number", "word")})
    assert tag_text(text, "2025-11-07") == windowed


def test_a_month_level_document_date_does_not_invent_days() -> None:
    found = values("Last week talks stalled; this year they resumed; two days ago a deal was near.", "2023-10")
    assert found == {"Last week": "PAST_REF", "this year": "2023", "two days ago": "PAST_REF"}


def test_two_days_later_counts_from_the_narrative_date() -> None:
    text = "The talks began on 3 March 2023. Two days later they collapsed."
    tagged = {t.text: t for t in find_timexes(make_doc(text), "2023-10-13")}
    assert tagged["Two days later"].value == "2023-03-05"
    assert tagged["Two days later"].anchored_to == "narrative"


@pytest.mark.parametrize(("sentence", "day"), [
    ("The envoy could arrive as soon as Tuesday, officials said.", "2023-10-17"),
    ("Brokers expected to buy as soon as trading opened Monday.", "2023-10-16"),
    ("The talks are set to resume Monday in Geneva.", "2023-10-16"),
    ("The court is to rule Thursday on the appeal.", "2023-10-19"),
    ("The delegation planned to leave on Thursday for Baku.", "2023-10-19"),
    ("The ceasefire had been due to expire Wednesday evening.", "2023-10-11TEV"),
    ("The court set Friday as the deadline.", "2023-10-13"),
    ("The index closed below the record set on Aug. 6.", "2023-08-06"),
    ("Relatives said they would look for ways to get around Wednesday's ruling.", "2023-10-11"),
])
def test_tense_cues_of_plans_and_past_plans(sentence: str, day: str) -> None:
    found = values(sentence, "2023-10-14")  # a Saturday
    assert day in found.values(), found


@pytest.mark.parametrize(("sentence", "value"), [
    ("The new labor pact is effective June 1.", "2024-06-01"),
    ("The dividend would be paid on a date in January.", "2024-01"),
    ("The dividend was paid in January.", "2023-01"),
])
def test_future_and_past_months(sentence: str, value: str) -> None:
    assert value in values(sentence, "2023-10-26").values()


def test_quarterly_report_comparisons_are_the_reported_quarter_a_year_before() -> None:
    text = ("Net income rose in the third quarter to $5 million from $3 million last year. In the year-ago "
            "quarter, sales were lower. Revenue also beat the year-earlier period. The company had sales of "
            "$2 billion in the 1988 period. Last year, it opened two plants.")
    found = values(text, "1989-11-02")
    assert found["the third quarter"] == "1989-Q3"
    assert found["last year"] == "1988-Q3"
    assert found["the year-ago quarter"] == "1988-Q3"
    assert found["the year-earlier period"] == "1988-Q3"
    assert found["the 1988 period"] == "1988-Q3"
    assert found["Last year"] == "1988"


def test_year_ago_quarter_without_a_named_quarter_is_the_last_one_over() -> None:
    assert values("Profit fell from the year-ago quarter.", "1989-11-02")["the year-ago quarter"] == "1988-Q3"


def test_current_as_an_adjective_is_the_present() -> None:
    found = values("Under current market conditions the current account deficit grows.")
    assert found == {"current": "PRESENT_REF"}


def test_after_a_part_of_the_year_a_year_earlier_is_the_year() -> None:
    text = ("Profit rose in the third quarter, from $2 million a year earlier. For the first nine months, "
            "net was $9 million, up from $7 million a year earlier.")
    tagged = [(text[s:e], v) for s, e, _, v, _ in tag_text(text, "1989-10-26")]
    assert [v for t, v in tagged if t == "a year earlier"] == ["1988-Q3", "1988"]


@pytest.mark.parametrize(("year", "easter"), [(2000, "2000-04-23"), (2024, "2024-03-31"), (2025, "2025-04-20")])
def test_easter_and_movable_holidays(year: int, easter: str) -> None:
    from accordwatch.extract.timex.anchor import holiday_date

    assert holiday_date("E+0", year).isoformat() == easter
    assert holiday_date("11-4#4", 1999).isoformat() == "1999-11-25"  # Thanksgiving
    assert holiday_date("05-1#-1", 2023).isoformat() == "2023-05-29"  # Memorial Day, the last Monday


def test_the_quarter_a_report_leads_with_stays_the_reported_one() -> None:
    text = ("Net income rose in the third quarter. After a flat second quarter, sales recovered; interest "
            "costs were lower than a year ago. The quarter-to-quarter comparison was better.")
    found = values(text, "1989-11-01")
    assert found["second quarter"] == "1989-Q2"
    assert found["a year ago"] == "1988-Q3"
    assert "The quarter" not in found


def test_a_participle_after_be_is_not_the_past() -> None:
    text = "Colonel Collins will be named commander of the shuttle for a mission in December."
    assert values(text, "1998-03-04")["December"] == "1998-12"


def test_a_clock_time_without_a_day_is_on_the_day_the_story_is_at() -> None:
    text = "The embassy was bombed on Friday. The blast occurred at about 10:35 a.m., witnesses said."
    assert values(text, "1998-08-08")["about 10:35 a.m."] == "1998-08-07T10:35"
    assert values("Talks resume at 9 a.m.", "1998-08-08")["9 a.m."] == "1998-08-08T09:00"


def test_anchoring_again_with_what_was_recognised_gives_the_same_timexes():
    from accordwatch.extract.timex import find_timexes, recognise_text
    from tests.conftest import make_doc

    doc = make_doc("Russia's Foreign Ministry said on Friday that the agreements of November 2020 remain valid; "
                   "talks will resume next month.")
    once = recognise_text(doc.text)
    for dct in (None, "2025-11-09", "2023-10"):
        assert find_timexes(doc, dct, recognised=once) == find_timexes(doc, dct)
    other = make_doc("Nothing happened in 1999.")
    assert find_timexes(other, "2025-11-09", recognised=once) == find_timexes(other, "2025-11-09")


def test_fold_maps_every_letter_an_ignorecase_literal_matches() -> None:
    import re
    import sys

    from accordwatch.extract.timex.rules import fold

    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if letter.fullmatch(ch):
            assert re.fullmatch(fold(ch), ch, re.IGNORECASE), ch


def test_needles_are_the_literals_every_match_needs() -> None:
    import re

    from accordwatch.extract.timex.rules import needles

    assert needles(re.compile(r"\b(?:last|next) (?:week|month)s?\b", re.IGNORECASE)) == (
        "last month", "last week", "next month", "next week")
    assert needles(re.compile(r"(?:Jan\.?|February) \d+|\d+ (?:days|day)", re.IGNORECASE)) == (
        " day", "february ", "jan ", "jan. ")
    assert needles(re.compile(r"\d+(?:st|nd)?|today")) == ()  # a bare number needs no letter


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_every_rule_match_contains_one_of_its_needles(name: str) -> None:
    from accordwatch.extract.timex.rules import fold, load_language, needles

    rules = load_language("en").rules
    texts = [(EXAMPLES / name).read_text(encoding="utf-8")]
    texts += [c if isinstance(c, str) else c["text"] for r in rules for c in r.examples]
    matched = 0
    for rule, required in ((r, needles(r.regex)) for r in rules):
        for m in (m for text in texts for m in rule.regex.finditer(text)) if required else ():
            matched += 1
            assert any(n in fold(m.group(0)) for n in required), (rule.id, m.group(0))
    assert matched > 50


def test_windows_keep_their_offsets_in_text_with_non_ascii_letters() -> None:
    import sys

    from accordwatch.extract.timex.rules import load_language

    windows = sys.modules["accordwatch.extract.timex.recognise"].windows
    text = "On Monday İlham Əliyev spoke in Bakı about the talks; on 9 DECEMBER they resumed. " + "x" * 80
    month = text.index("DECEMBER")
    assert windows(text, load_language("en"))["month"] == [(month - 45, month + len("DECEMBER") + 35)]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_gated_matching_finds_what_a_full_scan_finds(name: str) -> None:
    import sys

    from accordwatch.extract.timex.rules import fold, load_language

    matches = sys.modules["accordwatch.extract.timex.recognise"].matches
    rules = load_language("en").rules
    assert all(r.gate is not None for r in rules)  # else the test below proves less
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    texts = [text, text.upper(), text.title()]
    texts += [c if isinstance(c, str) else c["text"] for r in rules for c in r.examples]
    texts += [c for r in rules for c in r.counter_examples]
    found = 0
    for scan in texts:
        for rule in rules:
            full = [(m.span(), m.groupdict()) for m in rule.regex.finditer(scan)]
            assert [(m.span(), m.groupdict()) for m in matches(rule, scan, fold(scan))] == full, rule.id
            found += len(full)
    assert found > 100


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_rules_sharing_a_gate_find_what_each_finds_alone(name: str) -> None:
    import sys

    from accordwatch.extract.timex.rules import fold, load_language

    recognise = sys.modules["accordwatch.extract.timex.recognise"]
    rules = load_language("en").rules
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    texts = [text, text.upper(), text.title()]
    texts += [c if isinstance(c, str) else c["text"] for r in rules for c in r.examples]
    found = 0
    for group in recognise._rule_groups("en"):
        for scan in texts:
            shared = sorted((rule.order, m.span(), m.groupdict()) for rule, m in
                            recognise.group_matches(group, scan, fold(scan)))
            alone = sorted((rule.order, m.span(), m.groupdict()) for rule in group.gated
                           for m in rule.regex.finditer(scan))
            assert shared == alone, group.needs
            found += len(alone)
    assert found > 100


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_a_start_table_names_the_rules_whose_own_gate_stops_there(name: str) -> None:
    import sys

    from accordwatch.extract.timex.rules import fold

    recognise = sys.modules["accordwatch.extract.timex.recognise"]
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    stops = 0
    for folded in (fold(text), fold(text.upper()), "in 12 to 18 months, by 3 p.m. on 9 Dec. 2005"):
        for group in recognise._rule_groups("en"):
            shared = [p.end() - 1 for p in group.gate.finditer("\0" + folded)]
            table = group.starts_at
            anyone: set[int] = set()
            for i, rule in enumerate(group.gated):
                alone = [p.end() - 1 for p in rule.gate.finditer("\0" + folded)]
                assert [at for at in shared if i in table[folded[at:at + table.width]]] == alone, rule.id
                stops += len(alone)
                anyone.update(alone)
            assert sorted(anyone) == shared, group.needs  # the shared gate stops where one of them does
    assert stops > 100


def test_a_gate_lets_through_every_place_a_match_can_start() -> None:
    import re

    from accordwatch.extract.timex.prefilter import gate, parse

    regex = re.compile(r"(?<!\w)(?:(?:the )?(?:last|next) \d+ (?:days|weeks)|[A-C]\d{2}-\s?x)", re.IGNORECASE)
    opened = gate(parse(regex), r"\w")
    text = "In the last 3 days, B12- x and the next 10 weeks; then c99-x. Thelast 3 days"
    starts = {m.start() for m in regex.finditer(text)}
    assert starts == {3, 20, 31, 55}
    places = {m.end() for m in opened.finditer(text.lower())}  # (the first place is not looked at)
    assert starts <= places
    assert 65 not in places  # "Thelast": not after a word start
    assert gate(parse(re.compile(r"a|b?")), r"\w") is None  # may match nothing: no gate
    assert gate(parse(re.compile(r"[^a]bc")), r"\w") is None  # a negated class: not modelled


def test_compact_widens_windows_to_every_kind_of_space() -> None:
    import sys

    compact = sys.modules["accordwatch.extract.timex.recognise"].compact
    text = "on\u00a0Monday\u2003the talks\tresumed,\u3000then stalled\u2028again later"
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1, 3):
            scan, _, origins = compact(text, [(a, b)])
            left, right = a, b
            while left > 0 and not text[left - 1].isspace():
                left -= 1
            while right < len(text) and not text[right].isspace():
                right += 1
            assert (scan, origins) == (text[left:right], [left])


# The trigger tokens as they were found before, token by token: every run of ASCII letters and
# every number, each looked up.
_TOKEN = re.compile(r"[A-Za-z\d'’](?:(?<=[A-Za-z])[A-Za-z]*|(?<=1)[5-9]\d\d|(?<=2)0\d\d|(?<=\d):\d\d"
                    r"|(?<=\d)\s?[aApP]\.?[mM]\b|(?<=['’])\d0s)")


def _triggers_token_by_token(lowered: str) -> list[tuple[int, int, str]]:
    recognise = sys.modules["accordwatch.extract.timex.recognise"]
    words = recognise._trigger_words("en")
    out = []
    for m in _TOKEN.finditer(lowered):
        token = m.group()
        category = (words.get(token) or words.get(token.rstrip("s"))) if token[0].isalpha() else "number"
        if category:
            out.append((m.start(), m.end(), category))
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_trigger_scan_finds_the_triggers_of_a_token_by_token_scan(name: str) -> None:
    triggers = sys.modules["accordwatch.extract.timex.recognise"].triggers
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    odd = ("Mays 1999may the '80sjanuary ’90s, 3pm 4 P.M. 10:30 résumé Christmass DAYS ٣:٣٠ "
           "monday-friday x2005 20050 s sss 'tis yearss")
    for sample in (text, text.upper(), text.title(), odd, "may", "1999", "'80s"):
        lowered = sample.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
        assert triggers(lowered, "en") == _triggers_token_by_token(lowered)


def _clause_one_by_one(text: str, start: int, end: int, width: int = 120) -> tuple[list[str], list[str]]:
    """The clause words as they were found before: every clause end looked at, each word lowered."""
    word = re.compile(r"[A-Za-z’']+")
    clause_end = re.compile(r"[.!?;\n]\s|\n")
    left = text[max(0, start - width):start]
    cut = list(clause_end.finditer(left))
    if cut:
        left = left[cut[-1].end():]
    right = text[end:end + width // 2]
    m = clause_end.search(right)
    if m:
        right = right[:m.start()]
    return ([w.lower() for w in word.findall(left) if not w[0].isupper()][::-1],
            [w.lower() for w in word.findall(right) if not w[0].isupper()])


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_clause_words_are_those_of_a_scan_of_every_clause_end(name: str) -> None:
    from accordwatch.extract.timex.anchor import _clause

    text = (EXAMPLES / name).read_text(encoding="utf-8") + "\nEnd.!\n O'Neil said: no;\n\n ’twas.\n"
    for start in range(0, len(text), 7):
        end = min(len(text), start + 5)
        assert _clause(text, start, end) == _clause_one_by_one(text, start, end)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_lower_words_from_the_skeleton_are_those_of_the_regex(name: str) -> None:
    from accordwatch.extract.timex.anchor import _lower_words

    word = re.compile(r"[A-Za-z’']+")
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    odd = "Ça va, l'été: O'Neil said DON'T don't café's x_y 5th 'tis ''  Über naïve résumé\u00a0done"
    pieces = [text[i:i + 90] for i in range(0, len(text), 45)] + [odd, odd + " ’twas", "", "   "]
    latin1 = [p for p in pieces if not p.isascii() and p == p.encode("latin-1", "ignore").decode("latin-1")]
    assert latin1 and any("’" in p for p in pieces)  # both ways are taken
    for piece in pieces:
        assert _lower_words(piece) == [w.lower() for w in word.findall(piece) if not w[0].isupper()]
