"""Event fusion over hand-built mentions in real sentences of the reference corpus."""

from __future__ import annotations

from accordwatch.fuse import Corpus, fuse_events
from tests.fuse.helpers import doc, event

MFA = ("When hostilities resumed in September 2023, Russian military personnel facilitated a ceasefire. "
       "The peacekeepers continued to fulfil their duty until their withdrawal on June 12, 2024.")
RFE = ("Approximately 2,000 Russian troops were stationed in Nagorno-Karabakh, but their presence did not "
       "prevent Azerbaijan from regaining control of the region in September 2023.")
AGG = ("In September 2023, Azerbaijani authorities announced a local operation aimed at disarming Armenian "
       "forces within the region.")
PRESS = "Baku carried out \u201canti-terrorist measures\u201d in Nagorno-Karabakh on September 19\u201320."


def _offensive_corpus():
    a, b, c, d = doc(MFA, "mfa"), doc(RFE, "rfe"), doc(AGG, "agg"), doc(PRESS, "press")
    spans = [
        (a, [event(a, "hostilities resumed in September 2023", "ASSAULT", "2023-09"),
            event(a, "facilitated a ceasefire", "AGREE", "2023-09", ("Russia",)),
            event(a, "their withdrawal on June 12, 2024", "RETREAT", "2024-06-12", ("Russia",))]),
        (b, [event(b, "regaining control of the region in September 2023", "COERCE", "2023-09", ("Azerbaijan",))]),
        (c, [event(c, "announced a local operation", "ASSAULT", "2023-09", ("Azerbaijan",))]),
        (d, [event(d, "Baku carried out", "ASSAULT", "2023-09-19/2023-09-20", ("Azerbaijan",))]),
    ]
    return Corpus.of(spans)


def test_the_september_2023_offensive_is_one_event_from_four_sources():
    events = fuse_events(_offensive_corpus())
    offensive = [e for e in events if e.type in ("ASSAULT", "COERCE")]
    assert len(offensive) == 1
    e = offensive[0]
    assert len(e.sources) == 4 and e.corroboration == 4
    assert e.date == "2023-09-19/2023-09-20"  # the most precise date its mentions agree on
    assert e.actors == ("Azerbaijan",)


def test_different_happenings_in_the_same_month_stay_apart():
    events = fuse_events(_offensive_corpus())
    assert {e.type for e in events} == {"ASSAULT", "AGREE", "RETREAT"}
    assert len(events) == 3


def test_different_days_do_not_merge_and_month_joins_the_day():
    text = ("The leaders met in Sochi on October 31, 2022. They met again in Moscow on May 25, 2023. "
            "A meeting took place in October 2022.")
    d = doc(text, "meetings")
    spans = [event(d, "met in Sochi on October 31, 2022", "CONSULT", "2022-10-31", ("Russia",)),
             event(d, "met again in Moscow on May 25, 2023", "CONSULT", "2023-05-25", ("Russia",)),
             event(d, "A meeting took place in October 2022", "CONSULT", "2022-10", ("Russia",))]
    events = fuse_events(Corpus.of([(d, spans)]))
    assert [(e.date, len(e.mentions)) for e in events] == [("2022-10-31", 2), ("2023-05-25", 1)]
    assert all(e.corroboration == 1 for e in events)  # one document is one source


def test_same_day_same_type_with_other_actors_does_not_merge():
    text = "Armenia shelled a village on 3 May 2021. Azerbaijan shelled a town on 3 May 2021."
    d1, d2 = doc(text, "one"), doc(text + " More later.", "two", publisher="Other Wire")
    spans1 = [event(d1, "Armenia shelled a village", "ASSAULT", "2021-05-03", ("Armenia",)),
              event(d1, "Azerbaijan shelled a town", "ASSAULT", "2021-05-03", ("Azerbaijan",))]
    spans2 = [event(d2, "Azerbaijan shelled a town", "ASSAULT", "2021-05-03", ("Azerbaijan",))]
    events = fuse_events(Corpus.of([(d1, spans1), (d2, spans2)]))
    assert sorted(len(e.mentions) for e in events) == [1, 2]


def test_a_plan_does_not_fuse_with_the_deed():
    text = "The troops will withdraw in June 2024. The troops withdrew on June 12, 2024."
    d = doc(text, "plan")
    spans = [event(d, "will withdraw in June 2024", "RETREAT", "2024-06", ("Russia",), modality="planned"),
             event(d, "withdrew on June 12, 2024", "RETREAT", "2024-06-12", ("Russia",))]
    events = fuse_events(Corpus.of([(d, spans)]))
    assert sorted(e.modality for e in events) == ["asserted", "planned"]


def test_a_repost_is_one_source_and_a_named_publisher_another():
    statement = MFA + " Russia is ready to continue providing comprehensive assistance in all areas."
    original = doc(statement, "ministry")
    repost = doc("Military\n\n" + statement + "\n\nJoin the mailing list", "repost")
    other = doc("The peacekeepers left on June 12, 2024, officials said.", "wire", publisher="www.Wire.example")
    spans = [(original, [event(original, "their withdrawal on June 12, 2024", "RETREAT", "2024-06-12")]),
             (repost, [event(repost, "their withdrawal on June 12, 2024", "RETREAT", "2024-06-12")]),
             (other, [event(other, "The peacekeepers left on June 12, 2024", "RETREAT", "2024-06-12")])]
    corpus = Corpus.of(spans)
    assert corpus.publishers[original.id] == corpus.publishers[repost.id]
    assert corpus.publishers[other.id] == "pub:wire.example"
    (e,) = fuse_events(corpus)
    assert len(e.sources) == 3 and e.corroboration == 2


def test_a_quoted_sentence_is_not_corroboration():
    quote = "The agreements remain valid and relevant, and the foundations built are being actively utilised."
    a = doc(f"On 7 November 2025 the ministry said: {quote}", "statement")
    b = doc(f"Moscow restated its view on 7 November 2025. \u201c{quote}\u201d the statement said.", "news",
            publisher="Some News")
    spans = [(a, [event(a, "the ministry said", "OTHER", "2025-11-07", ("Russia",))]),
             (b, [event(b, "the statement said", "OTHER", "2025-11-07", ("Russia",))])]
    (e,) = fuse_events(Corpus.of(spans))
    assert len(e.sources) == 2 and e.corroboration == 1
