"""A real SMTP server for the tests (Debian's python3-aiosmtpd): every accepted message becomes a
file in a Maildir. A recipient whose address starts with "refuse" is refused with 550, as a
mailbox that does not exist would be.

Usage: python3 smtp_maildir.py HOST PORT MAILDIR
"""
import asyncio
import mailbox
import os
import signal
import sys

from aiosmtpd.controller import Controller


class MaildirHandler:
    def __init__(self, path):
        # Maildir creates its folders only when the path is missing; a given empty folder needs them too.
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(path, sub), exist_ok=True)
        self.maildir = mailbox.Maildir(path, create=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.maildir.add(envelope.original_content)
        return "250 Message accepted for delivery"


def main():
    host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    controller = Controller(MaildirHandler(path), hostname=host, port=port)
    controller.start()
    print(f"listening on {host}:{port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
