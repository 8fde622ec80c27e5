"""A rejected event stays rejected when `accordwatch ingest` runs again over a changed rule set.

The changed rule set is a temporary copy of the package with one event rule removed; the
second ingest runs that copy in a subprocess, as a user who upgraded would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from accordwatch.fuse import current_record
from accordwatch.review.decisions import Decision, span_target
from accordwatch.review.decisions import record as decide
from accordwatch.review.items import orphans
from accordwatch.store import Store
from tests.conftest import EXAMPLES, ROOT
from tests.review.test_karabakh_review import AS_OF, REMOVED_RULE, _name, _offensive


def _package_with_changed_rules(tmp_path: Path) -> Path:
    """A copy of the accordwatch package whose event rules lack REMOVED_RULE; returns its sys.path entry."""
    root = tmp_path / "upgraded"
    shutil.copytree(ROOT / "src" / "accordwatch", root / "accordwatch",
                    ignore=shutil.ignore_patterns("__pycache__"))
    triggers = root / "accordwatch" / "data" / "rules" / "events" / "triggers.yaml"
    rules = yaml.safe_load(triggers.read_text(encoding="utf-8"))
    kept = [r for r in rules if r["id"] != REMOVED_RULE]
    assert len(kept) == len(rules) - 1
    triggers.write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    return root


def _ingest(db: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-m", "accordwatch.cli", "ingest", str(EXAMPLES), "--db", str(db)],
                          capture_output=True, text=True, env=env, timeout=600, check=False)


def test_a_rejected_event_stays_rejected_after_ingest_over_changed_rules(tmp_path):
    db = tmp_path / "k.db"
    assert _ingest(db).returncode == 0
    with Store.open(str(db)) as store:
        record = current_record(store, as_of=AS_OF)
        mention = next(m for m in _offensive(record).mentions if _name(record, m.ref.doc_id) == "004")
        target = span_target(mention.ref.doc_id, mention.ref.start, mention.ref.end)
        decide(store, Decision("event", target, "reject", "analyst", "not the offensive itself"))
        rules_before = {s.rule_id for d in record.documents for s in store.spans(d.id, "event")}
    assert REMOVED_RULE in rules_before

    again = _ingest(db, _package_with_changed_rules(tmp_path))
    assert again.returncode == 0, again.stderr
    assert "5 re-extracted" in again.stderr

    with Store.open(str(db)) as store:
        rules_after = {s.rule_id for d in record.documents for s in store.spans(d.id, "event")}
        assert REMOVED_RULE not in rules_after  # the changed rules were used
        assert any(s.start == mention.ref.start for s in store.spans(mention.ref.doc_id, "event"))
        after = current_record(store, as_of=AS_OF)
        mentions = {span_target(m.ref.doc_id, m.ref.start, m.ref.end) for e in after.events for m in e.mentions}
        assert target not in mentions  # still rejected
        assert orphans(store, after) == []
    # Unchanged rules: a third ingest re-extracts nothing.
    third = _ingest(db, tmp_path / "upgraded")
    assert third.returncode == 0 and "re-extracted" not in third.stderr
