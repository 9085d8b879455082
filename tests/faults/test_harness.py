"""The pure pieces of the fault harness (faults/): the TCP proxy that makes a database
outage, the SMTP sink that records Message-IDs, and the JSON lines with their exit code.
No experiment runs here; `make faults` runs them."""

import json
import smtplib
import socket
from email.message import EmailMessage

import pytest

from faults.aio import BackgroundLoop
from faults.lines import emit, exit_code, line, meets
from faults.proxy import TcpProxy
from faults.smtp import SmtpSink


@pytest.fixture
def loop():
    with BackgroundLoop() as background:
        yield background


@pytest.fixture
def echo_server():
    """A loopback server that answers each connection with what it received."""
    import asyncio

    async def echo(reader, writer):
        try:
            while data := await reader.read(1024):
                writer.write(data)
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.transport.abort()

    with BackgroundLoop() as background:
        server = background.call(asyncio.start_server(echo, "127.0.0.1", 0))
        yield server.sockets[0].getsockname()[1]
        server.close()


def _echo_through(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"ping")
        return sock.recv(16)


def _still_open(sock: socket.socket) -> bool:
    """Whether an established connection survived: the proxy's cut resets it."""
    try:
        sock.sendall(b"y")
        return sock.recv(16) != b""
    except ConnectionResetError:
        return False
    finally:
        sock.close()


def test_proxy_forwards_cuts_and_restores(loop, echo_server):
    proxy = TcpProxy(target_host="127.0.0.1", target_port=echo_server)
    port = loop.call(proxy.start())
    held = socket.create_connection(("127.0.0.1", port), timeout=5)
    held.sendall(b"x")
    held_before_cut = held.recv(16)

    before = _echo_through(port)
    loop.call(proxy.cut())
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)
    held_open_after_cut = _still_open(held)
    loop.call(proxy.restore())
    after = _echo_through(port)
    loop.call(proxy.stop())

    assert (held_before_cut, before, held_open_after_cut, after, proxy.port) == (
        b"x",
        b"ping",
        False,
        b"ping",
        port,
    )


def test_smtp_sink_records_message_ids(loop):
    sink = SmtpSink()
    port = loop.call(sink.start())
    message = EmailMessage()
    message["From"] = "app@example.org"
    message["To"] = "Person@Example.org"
    message["Subject"] = "Votre inscription est confirmée"
    message["Message-ID"] = "<row-42@gcm.example.org>"
    message.set_content(".starts with a dot\nand ends\n")

    with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
        client.send_message(message)
        client.send_message(message)
    deliveries = sink.deliveries()
    loop.call(sink.stop())

    assert [(d.message_id, d.recipients, d.subject) for d in deliveries] == [
        ("<row-42@gcm.example.org>", ("person@example.org",), "Votre inscription est confirmée")
    ] * 2


@pytest.mark.parametrize(
    ("value", "target", "ok"),
    [
        (0, 0, True),
        (1, 0, False),
        (170.5, "<= 180", True),
        (181, "<= 180", False),
        (None, "<= 180", False),
        (None, None, True),
        (7, None, True),
    ],
)
def test_meets_compares_value_with_target(value, target, ok):
    assert meets(value, target) is ok


def test_line_printed_as_one_json_object(capsys):
    emit(line("report", "report_recovered_s", 95.2, "<= 180", attempts=2))

    printed = capsys.readouterr().out

    assert printed.count("\n") == 1
    assert json.loads(printed) == {
        "experiment": "report",
        "metric": "report_recovered_s",
        "value": 95.2,
        "target": "<= 180",
        "ok": True,
        "attempts": 2,
    }


def test_exit_code_nonzero_when_a_target_is_missed():
    met = line("broker", "mails_lost", 0, 0)
    missed = line("broker", "mails_duplicated", 2, 0)

    assert (exit_code([met]), exit_code([met, missed]), exit_code([])) == (0, 1, 1)


def test_readonly_switch_refuses_writes_while_flagged(tmp_path, monkeypatch):
    import errno

    from django.core.files.base import ContentFile

    from faults.storage import ReadOnlySwitch

    flag = tmp_path / "readonly"
    monkeypatch.setenv("FAULTS_READONLY_FLAG", str(flag))
    storage = ReadOnlySwitch(location=tmp_path / "private")
    flag.touch()

    with pytest.raises(OSError, match="Read-only file system") as refused:
        storage.save("cv.pdf", ContentFile(b"%PDF-"))
    flag.unlink()
    saved = storage.save("cv.pdf", ContentFile(b"%PDF-"))

    assert (refused.value.errno, saved) == (errno.EROFS, "cv.pdf")


def test_main_refuses_unknown_experiment_without_starting_anything(capsys):
    from faults.__main__ import main

    assert main(["no-such-experiment"]) == 2
    assert "no-such-experiment" in capsys.readouterr().err
