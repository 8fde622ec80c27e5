"""The CLI as a user runs it: ingest the bundled examples, list, show, export, re-ingest."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from accordwatch.cli import cli
from tests.conftest import EXAMPLES


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "k.db")


def run(*args, input=None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def summary_counts(output: str) -> tuple[int, ...]:
    """(added, already stored, failed) from the summary table that ingest prints last."""
    rows = re.findall(r"│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│", output)
    return tuple(int(x) for x in rows[-1])


def test_commands_have_help():
    for name, command in cli.commands.items():
        assert command.help, f"command {name} has no help"
        assert run(name, "--help").exit_code == 0


def test_ingest_twice_adds_nothing_the_second_time(db):
    first = run("ingest", str(EXAMPLES), "--db", db)
    assert first.exit_code == 0, first.output
    assert "5" in first.output
    second = run("ingest", str(EXAMPLES), "--db", db)
    assert second.exit_code == 0
    rows = json.loads("[" + ",".join(run("docs", "--json", "--db", db).output.split("\n")[:-1]) + "]")
    assert len(rows) == 5
    assert summary_counts(first.output) == (5, 0, 0)
    assert summary_counts(second.output) == (0, 5, 0)


def test_show_by_file_prefix_and_removed_lines(db):
    run("ingest", str(EXAMPLES), "--db", db)
    out = run("show", "001", "--db", db).output
    assert "Russia’s Foreign Ministry said on Friday" in out
    assert "XS" not in out.split("Russia’s Foreign Ministry said")[1].split("timex")[0]
    with_removed = run("show", "001", "--removed", "--db", db).output
    assert "⌫ XS" in with_removed


def test_show_unknown_key_is_one_clear_error(db):
    run("ingest", str(EXAMPLES), "--db", db)
    result = CliRunner().invoke(cli, ["show", "nonexistent-doc", "--db", db])
    assert result.exit_code == 1
    assert "no document matches" in result.output


def test_export_jsonl_and_csv(db, tmp_path):
    run("ingest", str(EXAMPLES), "--db", db)
    out = tmp_path / "out.jsonl"
    assert run("export", "--format", "jsonl", "-o", str(out), "--db", db).exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["source"].split("/")[-1][:3] for r in records} == {"000", "001", "002", "003", "004"}
    for r in records:
        for key in ("published", "published_inferred", "removed_lines", "timex", "figures", "events",
                    "agreements"):
            assert key in r
    csv_out = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "-o", str(csv_out), "--db", db).exit_code == 0
    assert csv_out.read_text().count("\n") >= 6


def test_ingest_exit_status_is_1_when_some_input_failed(db, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Armenia and Azerbaijan met in Moscow on 25 May 2023 to discuss peace.")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 1
    assert "empty.txt" in result.output


def test_extract_prints_findings_without_store(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Russia's Foreign Ministry said on Friday that the agreements remain valid.")
    result = run("extract", "--date", "2025-11-09", "--json", str(f))
    rec = json.loads(result.output)
    assert any(t["value"] == "2025-11-07" for t in rec["timex"])
