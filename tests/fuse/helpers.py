"""Hand-built documents and findings for fusion tests (the extractors' output, made by hand)."""

from __future__ import annotations

from accordwatch.model import Agreement, Document, Event, Figure, Provision
from accordwatch.store import Store
from tests.conftest import make_doc


def doc(text: str, name: str, published: str = "", publisher: str = "") -> Document:
    meta = {k: v for k, v in (("published", published), ("publisher", publisher)) if v}
    return make_doc(text, source=f"corpus/{name}.txt", **meta)


def _at(d: Document, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = d.text.index(phrase, start + 1)
    return start, start + len(phrase)


def event(d: Document, phrase: str, type_: str, date: str = "", actors: tuple[str, ...] = (),
          modality: str = "asserted", **kw) -> Event:
    s, e = _at(d, phrase)
    return Event(d.id, s, e, phrase, type_, "test", date=date, source_actors=actors, modality=modality, **kw)


def agreement(d: Document, phrase: str, key: str, date: str = "", parties: tuple[str, ...] = (),
              status: tuple[str, ...] = ()) -> Agreement:
    s, e = _at(d, phrase)
    return Agreement(d.id, s, e, phrase, "agreement", "test", name=phrase, agreement_key=key, date=date,
                     parties=parties, status_mentions=status)


def provision(d: Document, phrase: str, key: str, label: str, term: str = "",
              derived: tuple[tuple[str, str, str], ...] = ()) -> Provision:
    s, e = _at(d, phrase)
    return Provision(d.id, s, e, phrase, label, "test", agreement_key=key, term=term, derived=derived)


def figure(d: Document, phrase: str, value: float, obj: str, unit: str = "", qualifier: str = "",
           label: str = "count", time: str = "") -> Figure:
    s, e = _at(d, phrase)
    return Figure(d.id, s, e, phrase, label, "test", value=value, unit=unit, object=obj, qualifier=qualifier,
                  time=time)


def store_holding(url: str, items) -> Store:
    """A store at `url` holding `items`, (document, spans) pairs of hand-built findings; the caller closes it."""
    store = Store.open(url)
    for d, spans in items:
        store.add_document(d, spans)
    return store
