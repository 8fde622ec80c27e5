"""Publisher identity: metadata first, else reposts told apart from independent reports by text."""

from __future__ import annotations

from accordwatch.fuse.publishers import independent_count, normalise_publisher, publisher_keys
from tests.fuse.helpers import doc

FOOTER = "Subscribe to our newsletter to receive the latest news and analysis from the region every morning."
BODIES = [f"Report number {i}: the council met on day {i} and discussed topic {i * 7} at length with officials."
          for i in range(25)]


def test_publisher_metadata_is_normalised():
    assert normalise_publisher("https://www.Azatutyun.am/") == "azatutyun.am"
    assert normalise_publisher("  RFE/RL  ") == "rfe rl"


def test_a_shared_site_footer_does_not_make_reposts():
    docs = [doc(f"{body}\n\n{FOOTER}", f"site{i}") for i, body in enumerate(BODIES)]
    keys = publisher_keys(docs)
    assert len(set(keys.values())) == len(docs)


def test_a_repost_with_other_chrome_is_the_same_publication():
    body = " ".join(BODIES[:6])
    docs = [doc(body, "original"), doc(f"Menu\n\n{body}\n\nShare this", "repost"), doc(BODIES[7], "other")]
    keys = publisher_keys(docs)
    assert keys[docs[0].id] == keys[docs[1].id] != keys[docs[2].id]


def test_independent_count_merges_a_publisher_and_a_quote():
    quote = "the agreements remain valid and relevant for the whole peace process in the region"
    items = [("pub:a", "", f"The ministry said {quote}."), ("pub:a", "", "Another sentence entirely."),
             ("pub:b", "", f"Reporters were told that {quote}."), ("pub:c", "", "Independent words here only.")]
    assert independent_count(items) == 2
