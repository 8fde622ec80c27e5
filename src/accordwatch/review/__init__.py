"""The analyst's workflow: accordwatch proposes, the analyst decides, and the tool remembers.

- decisions: record and read decisions (accept, reject, edit, merge, split, status, verdict,
  role, tier), the audit log, and the decisions in force as `fuse.overrides.Overrides`;
- items: every reviewable item (spans, entities, fused events, provisions, claims) with its
  source sentence and confidence, and decisions whose evidence vanished (orphans);
- reextract: extraction run again over stored documents (after a rule change);
- framing, changes, deadlines: how sources name a happening, what changed since an ingest,
  and the deadlines derived from agreements.
"""
