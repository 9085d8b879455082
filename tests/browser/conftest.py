import pytest
from playwright.sync_api import expect


@pytest.fixture(scope="session", autouse=True)
def _expect_timeout():
    """expect() waits up to 5 s by default, navigations up to 30 s. On a busy CI machine
    a signup (password hashing) or a render can take longer than 5 s without being
    broken, so expectations wait as long as a navigation would."""
    expect.set_options(timeout=30_000)
