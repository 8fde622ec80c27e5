"""`accordwatch serve`: the web pages and JSON API over a store (FastAPI on uvicorn)."""

from __future__ import annotations

import click

from accordwatch.cli import _console, cli, db_option, open_store


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only this machine by default. Use 0.0.0.0 to expose it.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@db_option
def serve_command(host: str, port: int, db: str | None) -> None:
    """Serve the pages (overview, timeline, events, agreements, documents, search, upload) and /api.

    The OpenAPI schema is at /api/openapi.json.
    """
    import uvicorn

    from accordwatch.serve.app import allowed_hosts_for, create_app

    with open_store(db) as store:
        app = create_app(store, allowed_hosts=allowed_hosts_for(host))
        _console(stderr=True).print(f"accordwatch on http://{host}:{port}/ (store {store.url}); Ctrl-C stops")
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
