"""Agreements named in text, the provisions they contain, and one key per agreement.

    find_agreements(doc, actors, timexes) -> ([Agreement], [Provision])          one per agreement
    find_agreement_mentions(doc, actors, timexes) -> ([Agreement], [Provision])  every mention, keyed
    unique_agreements(mentions) -> [Agreement]                                   one per agreement_key
"""

from __future__ import annotations

from accordwatch.extract.agreements.find import find_agreement_mentions, find_agreements, unique_agreements

__all__ = ["find_agreement_mentions", "find_agreements", "unique_agreements"]
