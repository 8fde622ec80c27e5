"""The web pages and JSON API (`accordwatch serve`): `accordwatch.serve.app.create_app(store)`.

app.py (security headers, routing), pages.py (server-rendered pages), api.py (/api),
envelope.py (the API's envelope and span links), data.py (what the views read from the store
and the fused record), highlight.py (HTML from escaped pieces), forms.py and upload.py (uploads).
"""
