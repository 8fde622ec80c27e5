"""The ordered stages: cleaning, then extraction, from a RawInput to a Document and its spans.

Every stage is a plain function; this module only decides their order and what each one
is given. The document's date comes first because every relative time expression, and so
every event date, is resolved against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from accordwatch.clean import CorpusContext, clean_document
from accordwatch.extract.actors import find_actors
from accordwatch.extract.agreements import find_agreements
from accordwatch.extract.docdate import infer_document_date
from accordwatch.extract.events import find_events
from accordwatch.extract.figures import find_figures
from accordwatch.extract.timex import find_timexes, recognise_text
from accordwatch.model import Document, RawInput, Span, Timex


@dataclass(frozen=True)
class Processed:
    doc: Document
    spans: list[Span]


# How a stage is called: `run(stage_name, fn, *args, **kwargs)`. The default just calls; the
# per-stage benchmark (bench/bench_stages.py) passes a clock, so that it times the very order and
# arguments used here instead of a copy of them.
StageRunner = Callable[..., Any]


def call_stage(stage: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return fn(*args, **kwargs)


def corpus_context(raws: Iterable[RawInput]) -> CorpusContext:
    return CorpusContext.from_inputs(raws)


def document_date(doc: Document) -> tuple[str | None, bool]:
    """The document creation time to anchor relative expressions: (ISO date, inferred?)."""
    published = doc.meta.get("published")
    if published is None or not published.value:
        return None, False
    return str(published.value)[:10], published.how == "inferred"


def date_document(doc: Document, run: StageRunner = call_stage) -> tuple[Document, list[Timex]]:
    """Find time expressions; where no date is stated, infer the document's date from them
    and resolve the relative expressions again against that inferred date."""
    dct, inferred = document_date(doc)
    # Recognised once: anchoring again against an inferred date needs no new recognition.
    recognised = run("timex recognition", recognise_text, doc.text)
    timexes = run("timex anchoring", find_timexes, doc, dct, dct_inferred=inferred, recognised=recognised)
    if dct is None:
        field = run("document date", infer_document_date, doc, timexes)
        if field is not None:
            doc = doc.with_meta("published", field)
            timexes = run("timex anchoring", find_timexes, doc, str(field.value),
                          dct_inferred=field.how == "inferred", recognised=recognised)
    return doc, timexes


def extract(doc: Document, run: StageRunner = call_stage) -> Processed:
    doc, timexes = date_document(doc, run)
    dct, _ = document_date(doc)
    actors = run("actors", find_actors, doc, when=dct)
    figures = run("figures", find_figures, doc, timexes)
    # Agreements before events: the events stage reads the agreement mentions of the document, which
    # the agreements stage has then just found (and kept, see agreements.find), so they are found once
    # and counted where they belong.
    agreements, provisions = run("agreements", find_agreements, doc, actors, timexes)
    events = run("events", find_events, doc, actors, timexes, dct)
    spans: list[Span] = [*timexes, *actors, *figures, *events, *agreements, *provisions]
    return Processed(doc, spans)


def process(raw: RawInput, context: CorpusContext | None = None, run: StageRunner = call_stage) -> Processed:
    return extract(run("clean", clean_document, raw, context), run)
