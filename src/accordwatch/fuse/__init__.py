"""Fusion across sources: one record from many documents.

Plain functions over model objects (`fuse_corpus`, `fuse_events`, `compare_claims`,
`track_agreements`, `timeline`, `brief`), and `refresh(store)`, which recomputes the fused
record from the stored spans and writes it to its tables in one transaction.
"""

from accordwatch.fuse.agreements import track_agreements
from accordwatch.fuse.brief import brief
from accordwatch.fuse.compute import compare_claims, fuse_corpus
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.events import fuse_events
from accordwatch.fuse.refresh import current_record, refresh
from accordwatch.fuse.timeline import timeline

__all__ = ["Corpus", "brief", "compare_claims", "current_record", "fuse_corpus", "fuse_events", "refresh",
           "timeline", "track_agreements"]
