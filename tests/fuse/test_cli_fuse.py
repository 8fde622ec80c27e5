"""The fusion commands as a user runs them, over a store of hand-built findings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from accordwatch.cli import cli
from tests.fuse.helpers import store_holding
from tests.fuse.test_tracker import _corpus

COMMANDS = ("timeline", "agreements", "figures", "conflicts", "brief")


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.db")
    store_holding(path, _corpus()).close()
    return path


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", COMMANDS)
def test_fusion_commands_have_help(name):
    assert cli.commands[name].help
    assert run(name, "--help").exit_code == 0


def test_timeline_json_in_date_order_and_filters(db):
    rows = [json.loads(line) for line in run("timeline", "--json", "--db", db).output.splitlines()]
    assert [r["date"] for r in rows] == ["2020-11", "2024-06-12"]
    assert rows[1]["corroboration"] == 2
    only = run("timeline", "--json", "--type", "RETREAT", "--from", "2024", "--db", db).output.splitlines()
    assert [json.loads(x)["type"] for x in only] == ["RETREAT"]
    assert run("timeline", "--json", "--source", "news", "--to", "2023", "--db", db).output == ""
    table = run("timeline", "--db", db).output
    assert "2024-06-12" in table and "RETREAT" in table


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_timeline_plot(db, tmp_path, suffix, magic):
    out = tmp_path / f"t{suffix}"
    assert run("timeline", "--plot", str(out), "--db", db).exit_code == 0
    assert out.read_bytes().startswith(magic)


def test_timeline_plot_refuses_other_formats(db, tmp_path):
    result = CliRunner().invoke(cli, ["timeline", "--plot", str(tmp_path / "t.pdf"), "--db", db])
    assert result.exit_code == 1 and ".png or .svg" in result.output


def test_agreements_list_and_detail(db):
    (row,) = [json.loads(x) for x in run("agreements", "--json", "--as-of", "2026-01-01", "--db", db).output.splitlines()]
    assert [(p["label"], p["status_label"]) for p in row["provisions"]] == [("deployment", "terminated early")]
    assert "agreements (1)" in run("agreements", "--db", db).output
    detail = run("agreements", "tripartite", "--as-of", "2026-01-01", "--db", db).output
    assert "terminated early" in detail and "2024-06-12" in detail and "before the stated end 2025-11" in detail
    missing = CliRunner().invoke(cli, ["agreements", "Treaty of Kars", "--db", db])
    assert missing.exit_code == 1 and "no agreement matches" in missing.output


def test_conflicts_show_the_superseded_end(db):
    rows = [json.loads(x) for x in run("conflicts", "--json", "--db", db).output.splitlines()]
    assert [r["verdict"] for r in rows if r["subject"].startswith("deployment")] == ["superseded"]
    assert "superseded" in run("conflicts", "--db", db).output


def test_figures_runs_on_a_store_without_figures(db):
    result = run("figures", "--db", db)
    assert result.exit_code == 0 and "figures (0)" in result.output


def test_brief_markdown_html_and_file(db, tmp_path):
    md = run("brief", "--db", db).output
    assert md.startswith("# Brief") and "withdrawal" in md
    assert run("brief", "--format", "html", "--topic", "withdrawal", "--db", db).output.startswith("<!doctype html>")
    out = tmp_path / "b.md"
    assert run("brief", "-o", str(out), "--db", db).exit_code == 0
    assert out.read_text(encoding="utf-8") == md
