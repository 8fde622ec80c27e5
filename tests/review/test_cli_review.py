"""The review commands as an analyst runs them, over a store of hand-built findings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from accordwatch.batch import ingest
from accordwatch.cli import cli
from accordwatch.store import Store
from tests.fuse.helpers import store_holding
from tests.fuse.test_tracker import _corpus


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    store_holding(path, _corpus()).close()
    return path


def run(*args, who: str = "ana"):
    return CliRunner(env={"ACCORDWATCH_USER": who}).invoke(cli, list(args), catch_exceptions=False)


def _items(db, kind="event") -> list[dict]:
    return [json.loads(line) for line in run("review", "list", "--kind", kind, "--json", "--db", db).output.splitlines()]


@pytest.mark.parametrize("name", ["review", "reextract", "changes", "deadlines"])
def test_commands_have_help(name):
    assert cli.commands[name].help
    assert run(name, "--help").exit_code == 0


def test_reject_then_list_log_and_timeline(db):
    items = _items(db)
    withdrawal = next(i for i in items if "withdrawal" in i["text"])
    assert withdrawal["sentence"] and withdrawal["decision"] == ""
    refused = run("review", "reject", withdrawal["id"], "--db", db)
    assert refused.exit_code == 1 and "needs a reason" in refused.output
    done = run("review", "reject", withdrawal["id"], "-r", "a plan, not the deed", "--db", db)
    assert done.exit_code == 0, done.output
    after = next(i for i in _items(db) if i["id"] == withdrawal["id"])
    assert (after["decision"], after["decided_by"]) == ("reject", "ana")
    log = [json.loads(line) for line in run("review", "log", "--json", "--db", db).output.splitlines()]
    assert [(d["who"], d["action"], d["reason"]) for d in log] == [("ana", "reject", "a plan, not the deed")]
    dates = [json.loads(line)["date"] for line in run("timeline", "--json", "--db", db).output.splitlines()]
    assert dates == ["2020-11", "2024-06"]  # the ministry's 12 June mention is out; the news report's stays


def test_item_ids_take_a_file_name_for_the_document(db):
    item = _items(db)[0]
    kind, _, start, end = item["id"].split(":")
    name = item["source"].rsplit("/", 1)[-1]
    assert run("review", "accept", f"{kind}:{name}:{start}:{end}", "--db", db).exit_code == 0
    assert run("review", "accept", f"{kind}:nothing-like-it:{start}:{end}", "--db", db).exit_code == 1


def test_status_needs_a_citation_and_orphans_are_listed(db):
    key = "statement-2020-11-09"
    no_cite = run("review", "status", key, "deployment", "terminated", "-r", "withdrawn", "--db", db)
    assert no_cite.exit_code == 1 and "cited" in no_cite.output
    ok = run("review", "status", "nothing", "deployment", "terminated", "--date", "2024-06-12", "-r", "withdrawn",
             "--cite", "ministry", "--db", db)
    assert ok.exit_code == 0
    orphans = run("review", "orphans", "--db", db).output
    assert "nothing:deployment" in orphans and "no longer found" in orphans


def test_deadlines_with_ics_and_as_of(db, tmp_path):
    ics = tmp_path / "d.ics"
    rows = [json.loads(line) for line in
            run("deadlines", "--as-of", "2026-06-01", "--ics", str(ics), "--json", "--db", db).output.splitlines()
            if line.startswith("{")]
    (end,) = [r for r in rows if r["fact"] == "end"]
    assert end["value"] == "2025-11" and end["state"] == "overtaken" and end["overtaken_by"].startswith("2024-06")
    text = ics.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.count("BEGIN:VEVENT") == len(rows)


def test_changes_since_a_date_and_the_last_ingest(db, tmp_path, examples_dir):
    assert "Nothing new." in run("changes", "--since", "2999-01-01", "--db", db).output
    assert run("changes", "--last-ingest", "--db", db).exit_code == 1  # no ingest run stored anything
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text((examples_dir / "001_407ee6a12cab09b6.txt").read_text(encoding="utf-8"), "utf-8")
    with Store.open(db) as store:
        ingest(store, [str(src)])
    text = run("changes", "--last-ingest", "--db", db).output
    assert text.startswith("# What changed since") and "1 new documents." in text
    assert "## New events" in text


def test_reextract_re_finds_moved_spans_and_reports_vanished_ones(db):
    """The rules find the deployment with other bounds (found again by overlap) and do not find the
    hand-made withdrawal span at all (its decision is reported, and kept)."""
    items = {i["text"]: i for i in _items(db)}
    deployed = items["A Russian Peacekeeping Contingent was deployed to the region"]
    withdrawal = items["until their withdrawal on June 12, 2024"]
    run("review", "reject", deployed["id"], "-r", "wrong", "--db", db)
    run("review", "reject", withdrawal["id"], "-r", "wrong", "--db", db)
    assert run("reextract", "--db", db).exit_code == 0
    orphans = run("review", "orphans", "--db", db).output
    assert withdrawal["target"] in orphans and deployed["target"] not in orphans
    after = _items(db)
    (moved,) = [i for i in after if i["text"].startswith("Russian Peacekeeping Contingent was deployed")]
    assert moved["decision"] == "reject" and moved["target"] != deployed["target"]
    labels = [json.loads(line)["label"] for line in run("timeline", "--json", "--db", db).output.splitlines()]
    assert not any("Peacekeeping Contingent was deployed" in label for label in labels)  # and fusion applies it
    assert len(run("review", "log", "--json", "--db", db).output.splitlines()) == 2
