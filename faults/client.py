"""The harness's HTTP client (aiohttp): signed-in stakeholders posting forms, as a
browser would, with every answer classified."""

import asyncio
import io
import secrets
from dataclasses import dataclass

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=45)


@dataclass
class Answer:
    status: int | None  # None: no HTTP answer
    # "refused": the connection was never accepted; "lost": accepted (request sent), then
    # closed or timed out without an answer.
    failure: str = ""
    at: float = 0.0
    error: str = ""  # the client's exception, for a request without an answer


def session(limit: int = 32) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=limit, force_close=True), timeout=TIMEOUT
    )


async def request(http, method: str, url: str, *, cookie: str = "", data=None) -> Answer:
    headers = {}
    if method == "POST":
        csrf = secrets.token_hex(16)
        headers["Cookie"] = f"sessionid={cookie}; csrftoken={csrf}"
        if isinstance(data, aiohttp.FormData):
            data.add_field("csrfmiddlewaretoken", csrf)
        else:
            data = {"csrfmiddlewaretoken": csrf, **(data or {})}
    loop = asyncio.get_running_loop()
    try:
        async with http.request(
            method, url, data=data, headers=headers, allow_redirects=False
        ) as response:
            await response.read()
            return Answer(response.status, at=loop.time())
    except aiohttp.ClientConnectorError as exc:
        return Answer(None, "refused", at=loop.time(), error=type(exc).__name__)
    except (aiohttp.ClientError, TimeoutError) as exc:
        return Answer(None, "lost", at=loop.time(), error=type(exc).__name__)


async def register(http, base: str, slug: str, cookie: str) -> Answer:
    return await request(
        http,
        "POST",
        f"{base}/en/consultations/{slug}/register/",
        cookie=cookie,
        data={"mode": "online"},
    )


def minimal_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


async def submit_input(
    http, base: str, cookie: str, *, review_id: int, objective_id: int, pdf: bytes
) -> Answer:
    form = aiohttp.FormData()
    for name, value in {
        "review": str(review_id),
        "title": "Access to services irrespective of status",
        "text": "Firewalls between service providers and immigration enforcement.",
        "language": "en",
        "input_type": "content",
        "objectives": str(objective_id),
        "attribution": "anonymous",
        "publish_consent": "on",
    }.items():
        form.add_field(name, value)
    form.add_field("attachment", pdf, filename="input.pdf", content_type="application/pdf")
    return await request(http, "POST", f"{base}/en/inputs/new/", cookie=cookie, data=form)
