"""A figure while it is being read: the fields of model.Figure less the document id, as a named tuple.

Ranges, relations and times change a figure after it is read; a named tuple is made and
`_replace`d several times faster than the frozen dataclass, which is made once, at the end
(`Figure(doc_id, *draft)`: the fields are in Figure's order).
"""

from __future__ import annotations

from typing import NamedTuple


class Draft(NamedTuple):
    start: int
    end: int
    text: str
    label: str
    rule_id: str
    confidence: float
    value: float | None = None
    unit: str = ""
    object: str = ""
    qualifier: str = ""
    time: str = ""
    relations: tuple[tuple[str, str], ...] = ()
