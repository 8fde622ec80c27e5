"""`accordwatch serve`: registered on the CLI, binds to this machine only unless told otherwise."""

from __future__ import annotations

from click.testing import CliRunner

from accordwatch.cli import cli


def _run_capturing(monkeypatch, tmp_path, *args: str) -> dict:
    import uvicorn

    seen: dict = {}

    def fake_run(app, **kwargs):
        seen.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 0, result.output
    return seen


def test_serve_has_help():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "127.0.0.1" in result.output and "/api/openapi.json" in result.output


def test_serve_binds_to_localhost_by_default(monkeypatch, tmp_path):
    from fastapi.testclient import TestClient

    seen = _run_capturing(monkeypatch, tmp_path)
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    client = TestClient(seen["app"], base_url="http://127.0.0.1:8000")
    assert client.get("/api/stats").status_code == 200
    rebound = client.get("/api/stats", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400  # a DNS-rebinding page names its own host


def test_serve_takes_host_and_port(monkeypatch, tmp_path):
    seen = _run_capturing(monkeypatch, tmp_path, "--host", "0.0.0.0", "--port", "8123")
    assert (seen["host"], seen["port"]) == ("0.0.0.0", 8123)


def test_serve_refuses_a_bad_port(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--port", "70000"])
    assert result.exit_code != 0
