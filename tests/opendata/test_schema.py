"""The API's OpenAPI document is valid and every operation keeps to it: schemathesis
generates inputs for each operation, valid ones and invalid ones, and sends them
in-process through the WSGI app; every answer must be no server error and conform to
the schema (status code, headers, content type and body)."""

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode

from config.wsgi import application

pytestmark = pytest.mark.django_db

# Examples per operation and generation mode: enough to reach every parameter, few
# enough that the whole run stays well under a minute.
EXAMPLES = 20
OPERATIONS = 11


@pytest.fixture
def api_schema(settings):
    # Every generated request comes from one address: lift its rate limit here.
    settings.OPENDATA_API_RATE_LIMIT = (1_000_000, 60)
    call_command("load_demo", verbosity=0)
    # Requests go through the WSGI handler, which closes the database connection at the
    # end of each one; Django's own test client keeps it open for the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/schema", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_api_schema_is_an_openapi_3_document(client):
    response = client.get("/api/v1/schema")

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_every_operation_conforms_to_the_schema(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]

    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate()

        check()

    assert len(operations) == OPERATIONS
