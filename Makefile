check: lint test

lint:
	.venv/bin/ruff check src tests bench
	.venv/bin/mypy src/accordwatch --ignore-missing-imports

test:
	.venv/bin/python -m pytest

.PHONY: check lint test
