"""The framing terms and the role cues are data: each entry's examples and counter-examples hold."""

from __future__ import annotations

import pytest

from accordwatch.fuse.lineage import infer_role
from accordwatch.fuse.rules import load
from accordwatch.review.framing import namings_in
from tests.conftest import make_doc

FRAMINGS = load("framing")["framings"]


@pytest.mark.parametrize("entry", FRAMINGS, ids=[f["frame"] for f in FRAMINGS])
def test_framing_terms_find_their_examples_only(entry):
    for text in entry["examples"]:
        assert entry["frame"] in {f for _, f, _ in namings_in(text)}, text
    for text in entry.get("counter_examples") or []:
        assert entry["frame"] not in {f for _, f, _ in namings_in(text)}, text


@pytest.mark.parametrize("head, publisher, role", [
    ("The Ministry of Foreign Affairs of the Russian Federation\n\nStatement on the talks", "", "official_statement"),
    ("Mr. Chairperson,\n\nWe welcome the progress.", "", "official_statement"),
    ("Talks resume\n\nNo time to read? Get a summary\n\nThe sides met.", "", "aggregator_rewrite"),
    ("Talks resume in Geneva\n\nThe sides met on Monday, officials said.", "Reuters", "independent_reporting"),
    ("Talks resume in Geneva\n\nThe sides met on Monday.", "mfa.am", "official_statement"),
    (("Statement\n\n1. The parties shall cease fire.\n2. The parties shall exchange prisoners.\n"
     "3. Peacekeepers shall be deployed.\n"), "", "primary_text"),
])
def test_roles_are_inferred_from_cues(head, publisher, role):
    doc = make_doc(head, **({"publisher": publisher} if publisher else {}))
    assert infer_role(doc)[0] == role
