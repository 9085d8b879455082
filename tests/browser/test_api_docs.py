"""The API documentation runs in the browser under the site's CSP (script-src 'self'):
Swagger UI, served by the site, shows the operations read from the schema."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_show_the_operations_without_csp_violations(live_server, page):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(f"{live_server.url}/api/v1/docs")

    expect(page.get_by_text("/api/v1/sessions", exact=True).first).to_be_visible()
    expect(page.get_by_text("/api/v1/inputs", exact=True).first).to_be_visible()
    assert problems == []
