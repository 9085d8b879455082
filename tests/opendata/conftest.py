import pytest


@pytest.fixture(autouse=True)
def _generous_rate_limit(settings):
    """Tests send many requests from one address; the rate-limit tests set their own."""
    settings.OPENDATA_API_RATE_LIMIT = (10_000, 60)
