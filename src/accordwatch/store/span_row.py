"""Spans as the rows the store writes, by a function written for each span class.

`span_values(spans)` gives each span's row without its id (bulk.SPAN_COLUMNS[1:]): its base fields,
then its attrs as JSON text, which is json_dumps(span.attrs()) character for character, in
about a third of the time. The C encoder, called on a dict once a span (some thirty spans a
document), spends most of its work on the call and on the dict itself: its items listed, every
key encoded, the pieces accumulated and joined. A span class's attrs are fields known in advance,
so the function made for a class reads all the fields in one call and fills a template
('{"value":%s,"mod":%s,...}', the keys encoded once) with the values, each encoded the cheapest
exact way for the value its field usually holds: a str by encode_basestring (the very function
the encoder uses), True, False, None and () as the words they are, a finite float by
float.__repr__ (which the encoder calls). Any other value (a tuple with items, an int, an object
for `default`) goes to the encoder itself, so the text is the encoder's whatever the value.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from accordwatch.model import Span
from accordwatch.store.codec import attr_names
from accordwatch.store.engine import encode_basestring, json_chunks

BASE_FIELDS = ("doc_id", "kind", "start", "end", "text", "label", "rule_id", "confidence")  # the row's first

SpanRow = Callable[[Span], tuple]
_MAKERS: dict[type[Span], SpanRow] = {}


def _encoded(value: Any) -> str:
    """The encoder's text for any value (what the generated expressions fall back on)."""
    return "".join(json_chunks(value, 0))


# An expression encoding the variable {v} exactly, chosen by the type of its field's default: the
# likely type is tested first, anything else goes to _encoded (J).
_BY_DEFAULT_TYPE = {
    str: "E({v}) if type({v}) is str else J({v})",
    bool: "'true' if {v} is True else 'false' if {v} is False else J({v})",
    tuple: "'[]' if type({v}) is tuple and not {v} else J({v})",
    type(None): "'null' if {v} is None else R({v}) if type({v}) is float and F({v}) else J({v})",
    float: "R({v}) if type({v}) is float and F({v}) else J({v})",
}


def span_values(spans: Sequence[Span]) -> list[tuple]:
    """The spans' rows without their ids: BASE_FIELDS' values, then the attrs as JSON text."""
    makers = _MAKERS
    return [(makers.get(type(span)) or row_maker(type(span)))(span) for span in spans]


def row_maker(cls: type[Span]) -> SpanRow:
    """The function making a span of `cls` into its row (written once a class)."""
    make = _MAKERS.get(cls)
    if make is None:
        make = _MAKERS[cls] = _write_row_maker(cls)
    return make


def _write_row_maker(cls: type[Span]) -> SpanRow:
    names = attr_names(cls)
    base = [f"b{i}" for i in range(len(BASE_FIELDS))]
    values = [f"v{i}" for i in range(len(names))]
    # A field without a default holds a str, as most do; a default's class attribute is the default.
    expressions = [_BY_DEFAULT_TYPE.get(type(getattr(cls, name, "")), _BY_DEFAULT_TYPE[str]).format(v=var)
                   for name, var in zip(names, values)]
    template = "{" + ",".join(encode_basestring(name).replace("%", "%%") + ":%s" for name in names) + "}"
    attrs = f"T % ({''.join(f'({e}), ' for e in expressions)})" if names else "'{}'"
    source = (f"def make(span):\n    {', '.join(base + values)}, = G(span)\n"
              f"    return ({', '.join(base)}, {attrs})\n")
    namespace: dict[str, Any] = {"G": attrgetter(*BASE_FIELDS, *names), "T": template, "E": encode_basestring,
                                 "J": _encoded, "R": float.__repr__, "F": math.isfinite}
    exec(source, namespace)  # noqa: S102 - the source is made above from fixed text and numbered variables
    make: SpanRow = namespace["make"]
    make.__qualname__ = make.__name__ = f"{cls.__name__}_row"
    return make
