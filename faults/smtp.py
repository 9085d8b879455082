"""A small SMTP server on loopback that records what it receives: the Message-ID, the
recipients and the subject of every message, and when it arrived. Enough of RFC 5321 for
Django's SMTP backend (smtplib): HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.

`delay` holds back the final "250" after a message is recorded: the message has reached
the recipient, but the sender does not know it yet. A worker killed in that window sends
the message again, which is how a duplicate happens in real life."""

import asyncio
import email.parser
import email.policy
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Delivery:
    message_id: str
    recipients: tuple[str, ...]
    subject: str
    received_at: float  # time.monotonic()


class SmtpSink:
    def __init__(self, *, port: int = 0, delay: float = 0.0) -> None:
        self.port = port
        self.delay = delay
        self._server: asyncio.AbstractServer | None = None
        self._deliveries: list[Delivery] = []
        self._lock = threading.Lock()

    async def start(self) -> int:
        self._server = await asyncio.start_server(
            self._session, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def deliveries(self) -> list[Delivery]:
        with self._lock:
            return list(self._deliveries)

    def _record(self, data: bytes, recipients: list[str]) -> None:
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
        delivery = Delivery(
            message_id=str(message.get("Message-ID", "")).strip(),
            recipients=tuple(recipients),
            subject=str(message.get("Subject", "")),
            received_at=time.monotonic(),
        )
        with self._lock:
            self._deliveries.append(delivery)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        def reply(text: str) -> None:
            writer.write(text.encode() + b"\r\n")

        recipients: list[str] = []
        try:
            reply("220 faults-sink ESMTP")
            await writer.drain()
            while line := await reader.readline():
                verb = line[:4].upper().decode("ascii", "replace")
                if verb == "EHLO":
                    reply("250-faults-sink")
                    reply("250-8BITMIME")
                    reply("250 SIZE 52428800")
                elif verb == "HELO":
                    reply("250 faults-sink")
                elif verb == "MAIL":
                    recipients = []
                    reply("250 OK")
                elif verb == "RCPT":
                    address = line.decode("utf-8", "replace").split(":", 1)[-1]
                    recipients.append(address.strip().strip("<>").split(">")[0].lower())
                    reply("250 OK")
                elif verb == "DATA":
                    reply("354 End data with <CR><LF>.<CR><LF>")
                    await writer.drain()
                    data = await _read_data(reader)
                    self._record(data, recipients)
                    if self.delay:
                        await asyncio.sleep(self.delay)
                    reply("250 OK queued")
                elif verb == "RSET":
                    recipients = []
                    reply("250 OK")
                elif verb == "NOOP":
                    reply("250 OK")
                elif verb == "QUIT":
                    reply("221 Bye")
                    await writer.drain()
                    break
                else:
                    reply("502 Command not implemented")
                await writer.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.transport.abort()


async def _read_data(reader: asyncio.StreamReader) -> bytes:
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            raise asyncio.IncompleteReadError(b"", None)
        if line in (b".\r\n", b".\n"):
            return b"".join(lines)
        # Dot-stuffing (RFC 5321 4.5.2).
        lines.append(line[1:] if line.startswith(b"..") else line)
