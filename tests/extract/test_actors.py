"""Actors: gazetteer validation, aliases and transliterations, offices by date, metonymy, demonyms,
context, generic actors and candidates, on sentences from the reference texts and the PLOVER dev set."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from accordwatch.extract.actors import (
    GazetteerError,
    find_actors,
    load_gazetteer,
    parse_actors,
    resolve_name,
)
from accordwatch.extract.actors.gazetteer import ACTORS_HEADER, load_generic_nouns, load_places
from tests.conftest import EXAMPLES, make_doc, shared_path


def mentions(text: str, **meta):
    return [(m.text, m.canonical) for m in find_actors(make_doc(text, **meta))]


def one(text: str, surface: str, **meta):
    """The mention whose text is `surface`, failing the test where there is none."""
    found = [m for m in find_actors(make_doc(text, **meta)) if m.text == surface]
    assert found, f"no mention {surface!r} in {mentions(text, **meta)}"
    return found[0]


# -- the gazetteer ---------------------------------------------------------------------------------------

SEEDS = ["Russia", "Azerbaijan", "Armenia", "Nagorno-Karabakh authorities", "Vladimir Putin", "Ilham Aliyev",
         "Nikol Pashinyan", "Sergey Lavrov", "Jeyhun Bayramov", "Ararat Mirzoyan", "Donald Trump",
         "United States", "Iran", "Turkey", "Georgia", "Russian peacekeeping contingent",
         "Trilateral Working Group", "Armenia–Azerbaijan border delimitation commissions",
         "Commonwealth of Independent States", "Karabakh Armenians", "Russian Foreign Ministry"]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_actors_are_in_the_gazetteer(name):
    assert load_gazetteer().lookup(name) is not None


@pytest.mark.parametrize("alias, canonical", [
    ("UN", "United Nations"), ("AU", "African Union"), ("EU", "European Union"),
    ("OSCE", "Organization for Security and Co-operation in Europe"), ("CIS", "Commonwealth of Independent States"),
    ("ECOWAS", "Economic Community of West African States"), ("IGAD", "Intergovernmental Authority on Development"),
    ("NATO", "NATO"), ("ICRC", "International Committee of the Red Cross"), ("MONUSCO", "MONUSCO"),
    ("FARC", "FARC"), ("Timochenko", "Rodrigo Londoño"), ("Gustavo Petro", "Gustavo Petro"),
    ("TPLF", "Tigray People's Liberation Front"), ("Abiy Ahmed", "Abiy Ahmed"),
    ("RSF", "Rapid Support Forces"), ("Hemedti", "Mohamed Hamdan Dagalo"), ("al-Burhan", "Abdel Fattah al-Burhan"),
    ("M23", "March 23 Movement"), ("Tshisekedi", "Félix Tshisekedi"), ("Kagame", "Paul Kagame"),
    ("Hamas", "Hamas"), ("Netanyahu", "Benjamin Netanyahu"), ("IDF", "Israel Defense Forces"),
    ("Zelenskyy", "Volodymyr Zelensky"), ("Armed Forces of Ukraine", "Armed Forces of Ukraine"),
    ("MILF", "Moro Islamic Liberation Front"), ("BARMM", "Bangsamoro Autonomous Region in Muslim Mindanao"),
    ("Pashinian", "Nikol Pashinyan"), ("Sergei Lavrov", "Sergey Lavrov"), ("Türkiye", "Turkey"),
])
def test_peace_process_actors_resolve(alias, canonical):
    assert resolve_name(alias) == canonical


def test_every_row_is_valid_and_ids_are_unique():
    gaz = load_gazetteer()
    assert len(gaz.entries) > 300
    assert len({e.id for e in gaz.entries}) == len(gaz.entries)
    for e in gaz.entries:
        if e.wikidata:  # one Wikidata id names one actor
            assert all(o.actor_id == e.actor_id for o in gaz.entries if o.wikidata == e.wikidata), e
        if e.type == "leader" and e.office:
            assert gaz.get(e.parent) is not None, e


def test_places_and_generic_nouns_load():
    places = {p.name: p for p in load_places()}
    assert places["Baku"].state == "Q227" and places["Kremlin"].kind == "seat"
    assert any("police" in g.forms for g in load_generic_nouns())


def _write_tsv(tmp_path: Path, *rows: list[str]) -> Path:
    path = tmp_path / "actors.tsv"
    lines = ["# comment", "\t".join(ACTORS_HEADER), *("\t".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = ["Q227", "Azerbaijan", "state", "Azerbaijani Republic", "", "", "", "", "Q227", "Azerbaijani"]


@pytest.mark.parametrize("bad, message", [
    (["x-y", "X", "empire", "", "", "", "", "", "", ""], "unknown type"),
    (["x-y", "X", "leader", "", "Q227", "President", "2020-13-01", "", "", ""], "bad date"),
    (["x-y", "X", "leader", "", "nowhere", "President", "", "", "", ""], "unknown parent"),
    (["Q227", "Azerbaijan again", "state", "", "", "", "", "", "Q227", ""], "duplicate id"),
    (["Q5", "Someone", "leader", "", "", "", "", "", "Q6", ""], "must equal the wikidata"),
    (["Bad Id", "X", "state", "", "", "", "", "", "", ""], "bad id"),
    (["x-y", "X", "state", "", "", ""], "columns"),
])
def test_a_bad_row_fails_with_file_and_line(tmp_path, bad, message):
    path = _write_tsv(tmp_path, GOOD, bad)
    with pytest.raises(GazetteerError, match=message) as err:
        parse_actors(path)
    assert f"{path}:4" in str(err.value)


def test_a_good_file_parses(tmp_path):
    entries = parse_actors(_write_tsv(tmp_path, GOOD))
    assert entries[0].demonyms == ("Azerbaijani",) and entries[0].aliases == ("Azerbaijani Republic",)


# -- aliases, transliterations, leaders with offices ----------------------------------------------------

def test_transliteration_resolves_to_the_canonical_leader():
    text = "In August 2025, Armenian Prime Minister Nikol Pashinian and Azerbaijani President Ilham Aliyev met."
    m = one(text, "Armenian Prime Minister Nikol Pashinian")
    assert (m.canonical, m.actor_type, m.label) == ("Nikol Pashinyan", "leader", "leader")
    assert one(text, "Azerbaijani President Ilham Aliyev").canonical == "Ilham Aliyev"
    assert resolve_name("Pashinian") == "Nikol Pashinyan"


def test_office_and_name_are_one_mention():
    text = ("signed by Russian President Vladimir Putin, President of Azerbaijan Ilham Aliyev, and Prime "
            "Minister of Armenia Nikol Pashinyan.")
    assert mentions(text) == [("Russian President Vladimir Putin", "Vladimir Putin"),
                              ("President of Azerbaijan Ilham Aliyev", "Ilham Aliyev"),
                              ("Prime Minister of Armenia Nikol Pashinyan", "Nikol Pashinyan")]
    assert one(text, "Russian President Vladimir Putin").actor_id == "Q7747"


def test_office_with_comma_before_the_name():
    text = ("trilateral talks between the Minister for Foreign Affairs of the Russian Federation, Sergey "
            "Lavrov, and the foreign policy chiefs of Azerbaijan and Armenia, Jeyhun Bayramov and Ararat Mirzoyan")
    got = {c: t for t, c in mentions(text)}
    assert got["Sergey Lavrov"].startswith("Minister for Foreign Affairs")
    assert {"Jeyhun Bayramov", "Ararat Mirzoyan", "Azerbaijan", "Armenia"} <= set(got)


@pytest.mark.parametrize("text, published, holder", [
    ("The President of Azerbaijan arrived in Sochi.", "2023-05-01", "Ilham Aliyev"),
    ("The Armenian Prime Minister replied.", "2024-06-12", "Nikol Pashinyan"),
    ("The President of the United States called.", "2019-06-01", "Donald Trump"),
    ("The President of the United States called.", "2022-06-01", "Joe Biden"),
    ("The President of the United States called.", "2025-09-01", "Donald Trump"),
    ("The Russian Prime Minister spoke.", "2010-01-01", "Vladimir Putin"),
    ("The Russian Prime Minister spoke.", "2021-01-01", "Mikhail Mishustin"),
])
def test_office_resolves_to_the_holder_on_the_document_date(text, published, holder):
    found = find_actors(make_doc(text, published=published))
    assert [(m.canonical, m.resolved_via) for m in found if m.actor_type == "leader"] == [(holder, "office")]


def test_office_without_a_known_holder_stays_an_office():
    m = one("The Zambian Prime Minister resigned.", "Zambian Prime Minister", published="2020-01-01")
    assert m.canonical == "Prime Minister of Zambia" and m.actor_id.startswith("office:Q953")


def test_the_president_refers_back_to_the_last_president():
    text = ("Russian President Vladimir Putin said during a press conference following the CIS summit in "
            "Bishkek. In addition, the president reiterated that Russia is ready to facilitate negotiations.")
    m = one(text, "president")
    assert (m.canonical, m.resolved_via) == ("Vladimir Putin", "context")


# -- metonymy and places ----------------------------------------------------------------------------------

def test_capital_as_speaker_is_the_state():
    m = one("Baku said it had restored constitutional order.", "Baku")
    assert (m.canonical, m.actor_type, m.resolved_via) == ("Azerbaijan", "state", "metonymy")
    text = "Baku and Yerevan still have much to do to make the normalisation of their bilateral relations irreversible."
    assert mentions(text) == [("Baku", "Azerbaijan"), ("Yerevan", "Armenia")]
    assert mentions("Baku carried out “anti-terrorist measures” in Nagorno-Karabakh on September 19–20.") \
        == [("Baku", "Azerbaijan")]
    assert mentions("adding that Moscow welcomes the initialing") == [("Moscow", "Russia")]
    assert mentions("representatives of official Baku held several meetings") == [("Baku", "Azerbaijan")]


@pytest.mark.parametrize("text", [
    "trilateral talks took place in Moscow for the second time this year.",
    "A view of the Russian Foreign Ministry building in Moscow (file photo)",
    "a decision was made at the Moscow summit on January 11, 2021",
    "the foreign ministers met in Baku and Yerevan last week",
])
def test_capital_as_place_is_not_an_actor(text):
    assert all(m.canonical not in ("Azerbaijan", "Armenia") or m.text not in ("Baku", "Yerevan")
               for m in find_actors(make_doc(text)))
    assert all(m.text != "Moscow" for m in find_actors(make_doc(text)))


def test_places_are_location_mentions_on_request():
    found = find_actors(make_doc("talks took place in Moscow; Moscow welcomed them."), include_locations=True)
    assert [(m.text, m.label, m.canonical) for m in found] == [
        ("Moscow", "location", "Moscow"), ("Moscow", "state", "Russia")]


def test_a_surname_or_city_inside_a_longer_name_is_not_the_actor():
    text = ("The United States is to oversee the project, dubbed the Trump Route for International Peace and "
            "Prosperity (TRIPP). The Washington Post reported that Trump also signed.")
    assert mentions(text) == [("United States", "United States"), ("Trump", "Donald Trump")]


def test_seat_of_government_speaks_for_the_state():
    assert mentions("The Kremlin said the talks were useful.") == [("Kremlin", "Russia")]
    assert mentions("the witness signed at the White House in Washington.") == []


# -- demonyms, sides, populations, ministries in context ------------------------------------------------

def test_sides_and_authorities_are_states():
    text = ("The important foundations built in the trilateral format are being actively utilised by the "
            "Azerbaijani and Armenian sides. In this context, the Russian side welcomed the initialling.")
    assert mentions(text) == [("Azerbaijani", "Azerbaijan"), ("Armenian sides", "Armenia"),
                              ("Russian side", "Russia")]
    m = one("In September 2023, Azerbaijani authorities announced a local operation.", "Azerbaijani authorities")
    assert (m.canonical, m.resolved_via) == ("Azerbaijan", "demonym")


@pytest.mark.parametrize("text, surface", [
    ("100,514 ethnic Armenians out of 120,000 left the region", "ethnic Armenians"),
    ("the rights and security of the Armenians of Nagorno-Karabakh.", "Armenians of Nagorno-Karabakh"),
    ("guaranteed the safe passage of the ethnic Armenian population to Armenia.", "ethnic Armenian population"),
    ("held several meetings with the delegation of Karabakh Armenians", "Karabakh Armenians"),
])
def test_karabakh_armenians(text, surface):
    m = one(text, surface)
    assert (m.canonical, m.actor_type) == ("Karabakh Armenians", "population")


def test_ministry_and_statement_resolve_from_context():
    text = ("Russia’s Foreign Ministry said on Friday that trilateral agreements remain valid. The ministry "
            "recalled that Russia’s peacekeeping mission operated until June 2024. “The agreements remain "
            "valid,” the statement said.")
    m = one(text, "Russia’s Foreign Ministry")
    assert (m.canonical, m.resolved_via, m.rule_id) == ("Russia", "metonymy", "actors.ministry:russian-foreign-ministry")
    assert (one(text, "ministry").canonical, one(text, "ministry").resolved_via) == ("Russia", "context")
    assert one(text, "statement").canonical == "Russia"
    assert one(text, "Russia’s peacekeeping mission").canonical == "Russian peacekeeping contingent"


def test_a_statement_that_is_a_document_is_no_actor():
    text = "The Foreign Ministry said so. The Statement on a complete ceasefire was signed on November 9, 2020."
    assert all(m.text != "Statement" for m in find_actors(make_doc(text)))


def test_peacekeepers_refer_back_to_the_contingent():
    text = ("A Russian Peacekeeping Contingent was deployed to the region. The peacekeepers continued to "
            "fulfil their duty until their withdrawal on June 12, 2024.")
    assert mentions(text) == [("Russian Peacekeeping Contingent", "Russian peacekeeping contingent"),
                              ("peacekeepers", "Russian peacekeeping contingent")]


# -- generic actors and candidates (PLOVER dev-set sentences) -------------------------------------------

@pytest.mark.parametrize("text, surface, canonical, actor_type", [
    ("Turkish police prevented the demonstration staged by students.", "Turkish police", "Turkish police",
     "armed_force"),
    ("Sudanese rebels shelled the southern regional capital Juba.", "Sudanese rebels", "Sudanese rebels",
     "armed_force"),
    ("Irish nationalist guerrillas wounded two British soldiers in a bomb attack on Thursday, police said.",
     "Irish nationalist guerrillas", "Irish rebels", "armed_force"),
    ("Sudan's government on Sunday lifted a state of emergency in West Darfur State.", "Sudan's government",
     "Sudan", "state"),
    ("The Turkish government has refused to commit to any direct assistance.", "Turkish government", "Turkey",
     "state"),
    ("A Russian official offered concessions last November.", "Russian official", "Russia", "state"),
    ("Egyptian demonstrators rioted following a peaceful demonstration.", "Egyptian demonstrators",
     "Egyptian protesters", "population"),
    ("Up to 1,000 ethnic Turks began a hunger strike on Monday.", "ethnic Turks", "Turks", "population"),
    ("At least three Iraqi civilians were killed, police said.", "police", "police", "armed_force"),
    ("Hezbollah guerrillas killed the deputy chief of Israel's militia ally in southern Lebanon.", "Hezbollah",
     "Hezbollah", "armed_force"),
])
def test_generic_actors(text, surface, canonical, actor_type):
    m = one(text, surface)
    assert (m.canonical, m.actor_type) == (canonical, actor_type)


@pytest.mark.parametrize("text, surface, canonical", [
    ("Israeli troops raided the camp.", "Israeli troops", "Israel Defense Forces"),
    ("Armenian forces withdrew from the line of contact.", "Armenian forces", "Armenian Armed Forces"),
])
def test_demonym_and_military_noun_is_the_national_force(text, surface, canonical):
    m = one(text, surface)
    assert (m.canonical, m.actor_type, m.resolved_via) == (canonical, "armed_force", "demonym")


@pytest.mark.parametrize("text, surface, canonical", [
    ("The Russian Peacekeeping Contingent was deployed. Russian military personnel later facilitated a ceasefire.",
     "Russian military", "Russian peacekeeping contingent"),
    ("UNIFIL and the Israel Defense Forces met. Later Israeli troops left the village.",
     "Israeli troops", "Israel Defense Forces"),  # no specific Israeli force named before
    ("Russian troops crossed the border. Russian peacekeepers arrived later.", "Russian troops",
     "Russian Armed Forces"),  # the specific force comes after: no referent yet
])
def test_generic_national_force_refers_back_to_a_specific_force(text, surface, canonical):
    assert one(text, surface).canonical == canonical


def test_unqualified_ministry_takes_the_state_of_a_later_qualified_ministry():
    text = "Foreign Ministry statement on the talks\n\nRussia's Foreign Ministry said the talks went well."
    m = one(text, "Foreign Ministry")
    assert (m.canonical, m.resolved_via) == ("Russia", "context")


def test_unqualified_ministry_takes_the_state_of_a_removed_header_line():
    from dataclasses import replace

    from accordwatch.model import RemovedLine

    text = "Foreign Ministry statement on the anniversary\n\nThe parties signed the agreement in 2020."
    doc = replace(make_doc(text), removed=(RemovedLine(0, 10, "The Ministry of Foreign Affairs of the Russian "
                                                             "Federation", "boilerplate"),))
    m = next(m for m in find_actors(doc) if m.text == "Foreign Ministry")
    assert m.canonical == "Russia"
    assert one(text, "Foreign Ministry").canonical == "Foreign Ministry"  # without it, still a candidate


@pytest.mark.parametrize("text, surface, wanted", [
    (("Talks between Sergey Lavrov, Jeyhun Bayramov and Ararat Mirzoyan took place. The two foreign policy "
      "chiefs confirmed the plan."), "The two foreign policy chiefs", ["Jeyhun Bayramov", "Ararat Mirzoyan"]),
    ("Ilham Aliyev met Nikol Pashinyan in Prague. Both leaders agreed to continue.", "Both leaders",
     ["Ilham Aliyev", "Nikol Pashinyan"]),
])
def test_counted_plural_roles_stand_for_the_leaders_named_last(text, surface, wanted):
    found = [m.canonical for m in find_actors(make_doc(text)) if m.text == surface]
    assert found == wanted


def test_counted_plural_states_stand_for_the_states_named_last():
    text = "Russia, Azerbaijan and Armenia signed in 2020. In 2021 the leaders of the three countries met."
    found = [m.canonical for m in find_actors(make_doc(text)) if m.text == "the three countries"]
    assert found == ["Russia", "Azerbaijan", "Armenia"]


@pytest.mark.parametrize("text, wanted", [
    ("Sergey Lavrov met Jeyhun Bayramov and Ararat Mirzoyan in Moscow. The foreign ministers agreed to meet again.",
     ["Sergey Lavrov", "Jeyhun Bayramov", "Ararat Mirzoyan"]),
    (("Vladimir Putin spoke at length about the economy and the weather and many other things of the day, and "
     "much later, after a long break, Ilham Aliyev spoke. The leaders left."), []),  # not named together
    ("Ilham Aliyev met Nikol Pashinyan. The leaders of Russia and Armenia spoke.", []),  # qualified
])
def test_uncounted_plural_roles_stand_for_the_leaders_named_together_last(text, wanted):
    found = [m.canonical for m in find_actors(make_doc(text)) if m.rule_id == "actors.context:plural"]
    assert found == wanted


def test_a_count_beyond_the_leaders_named_resolves_to_nobody():
    text = "Ilham Aliyev spoke. The three presidents will meet."
    assert all(m.rule_id != "actors.context:plural" for m in find_actors(make_doc(text)))


def test_group_in_a_place_keeps_the_place():
    m = one("Demonstrators in Baghdad blocked a road.", "Demonstrators in Baghdad")
    assert m.canonical == "protesters" and m.resolved_via == "generic"


@pytest.mark.parametrize("text, surface, canonical, actor_type", [
    ("Commander Ahmed Yusuf said the fighters would withdraw.", "Commander Ahmed Yusuf", "Ahmed Yusuf", "person"),
    ("Zimbabwean Prime Minister Robert Mugabe today accused the United States.",
     "Zimbabwean Prime Minister Robert Mugabe", "Robert Mugabe", "leader"),
    ("Members of the Association of African Jurists investigated welfare of nearly 2,000 Libyans.",
     "Association of African Jurists", "Association of African Jurists", "organisation"),
    ("The Nigerian Union of Teachers (NUT) announced Thursday that it has called off a strike.",
     "Nigerian Union of Teachers", "Nigerian Union of Teachers", "organisation"),
])
def test_unknown_proper_nouns_are_candidates(text, surface, canonical, actor_type):
    m = one(text, surface)
    assert (m.canonical, m.actor_type, m.resolved_via) == (canonical, actor_type, "candidate")
    assert m.actor_id == f"candidate:{canonical}"


def test_plain_capitalised_words_are_not_candidates():
    assert mentions("On Monday, the Lachin corridor reopened. Thank you for your attention.") == []
    assert mentions("Analysts said the deal would hold. I said no.") == []


def test_resolve_name_on_free_actor_strings():
    assert resolve_name("Russia's Foreign Ministry") == "Russia"
    assert resolve_name("the Russian side") == "Russia"
    assert resolve_name("Nigerian police") == "Nigerian police"
    assert resolve_name("Zimbabwean Prime Minister Robert Mugabe") == "Robert Mugabe"
    assert resolve_name("a car bomb") is None


# -- the reference texts and the PLOVER dev set -------------------------------------------------------------

def _reference_docs():
    return [(p.name.split(".")[0], make_doc(p.read_text(encoding="utf-8"), source=p.name))
            for p in sorted(EXAMPLES.glob("*.txt"))]


def test_mentions_are_exact_sorted_and_non_overlapping():
    """Mentions never overlap, except that a counted plural ("the two foreign policy chiefs") is one span
    standing for several actors."""
    docs = _reference_docs()
    assert len(docs) == 5
    for _, doc in docs:
        found = find_actors(doc, include_locations=True)
        assert found
        for m in found:
            m.check(doc)
        assert all(a.end <= b.start or (a.start, a.end) == (b.start, b.end) and a.rule_id == "actors.context:plural"
                   for a, b in itertools.pairwise(found))


def test_gold_event_actors_of_the_reference_texts_are_found():
    for name, doc in _reference_docs():
        gold = json.loads(shared_path("eval", "karabakh", f"{name}.gold.json").read_text(encoding="utf-8"))
        wanted = {a for e in gold["events"] for a in e["actors"]}
        found = {m.canonical for m in find_actors(doc)}
        assert wanted <= found, (name, wanted - found)


def plover_source_coverage(path: Path) -> tuple[int, int]:
    """(found, total): gold source actors of the PLOVER dev set overlapped by a mention."""
    hit = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        found = find_actors(make_doc(text))
        for source in record["source"]:
            at = text.find(" ".join(source.split()))
            if at < 0:
                continue
            total += 1
            end = at + len(" ".join(source.split()))
            hit += any(m.start < end and at < m.end for m in found)
    return hit, total


def test_plover_dev_source_actors_are_found():
    hit, total = plover_source_coverage(shared_path("eval", "plover", "dev.jsonl"))
    assert total > 150
    assert hit / total >= 0.95, f"source coverage {hit}/{total} (measured 162/168)"
