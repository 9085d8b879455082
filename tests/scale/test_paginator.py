"""The admin paginator counts a filtered list exactly and reads PostgreSQL's estimate for
a whole big table instead of scanning it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import paginators
from core.paginators import EstimatedCountPaginator
from stakeholders.models import User
from tests.factories import UserFactory


@pytest.mark.django_db
def test_filtered_list_is_counted_exactly():
    UserFactory.create_batch(3)

    paginator = EstimatedCountPaginator(User.objects.filter(is_active=True).order_by("pk"), 50)

    assert paginator.count == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_unfiltered_big_table_is_estimated_on_postgresql(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the estimate is PostgreSQL's")
    UserFactory.create_batch(5)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE stakeholders_user")
    monkeypatch.setattr(paginators, "ESTIMATE_ABOVE", 1)

    with CaptureQueriesContext(connection) as queries:
        count = EstimatedCountPaginator(User.objects.order_by("pk"), 50).count

    assert count == 5
    assert "reltuples" in queries.captured_queries[0]["sql"]
    assert "COUNT" not in queries.captured_queries[0]["sql"]
