"""Schemathesis against the OpenAPI schema: whatever it sends, no 500s and answers in the schema.

Bounded: a few generated requests per operation, no shrinking. Driven through Hypothesis
directly (`operation.as_strategy()`) rather than schemathesis' pytest plugin, which does not
work with every pytest release.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install schemathesis)")
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

EXAMPLES_PER_OPERATION = 6


def _operations(app):
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def _exercise(operation) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

    run()


def test_api_never_fails_with_a_server_error(app):
    operations = _operations(app)
    assert len(operations) >= 12
    failures = []
    for operation in operations:
        try:
            _exercise(operation)
        except Exception as exc:  # noqa: BLE001 (collect every operation's failure, then report them all)
            failures.append(f"{operation.label}: {type(exc).__name__}: {exc}"[:2000])
    assert not failures, "\n\n".join(failures)
