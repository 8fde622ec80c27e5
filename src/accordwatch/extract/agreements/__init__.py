"""Agreements named in text, the provisions they contain, and one key per agreement.

    find_agreements(doc, actors, timexes) -> ([Agreement], [Provision])   every mention, with its key
    unique_agreements(agreements) -> [Agreement]                          one per key, for export
"""

from __future__ import annotations

from accordwatch.extract.agreements.find import find_agreements, unique_agreements

__all__ = ["find_agreements", "unique_agreements"]
