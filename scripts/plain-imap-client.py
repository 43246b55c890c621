#!/usr/bin/env python3
"""The IMAP server's limit, for scripts/bench.sh: a plain client that only fetches and moves.

It does what the job must do at the IMAP level and nothing else (no parsing, no database), the
cheapest way the protocol allows: LOGIN, COMPRESS=DEFLATE (RFC 4978) when offered, SELECT, one
UID SEARCH, then `UID FETCH <1,000 UIDs> BODY.PEEK[]` pipelined two commands deep, and one
`UID MOVE` of every fetched UID at the end. Its rate is what the job's in-run rate is compared with.

    plain-imap-client.py --host 127.0.0.1 --port 10993 --cafile cert.pem --user U --password-env VAR \
                         [--folder INBOX] [--move-to Bench/Plain] [--batch 1000] [--depth 2] [--no-compress]

Prints one line `plain-client messages=N bytes=B seconds=S rate=R` (S counts from SELECT to the
end of the MOVE, as the job's in-run rate does). Exit 0 on success, 1 on a protocol error, 2 on usage.
"""
import argparse
import os
import re
import socket
import ssl
import sys
import time
import zlib

LITERAL = re.compile(rb"\{(\d+)\}\r\n$")


class Connection:
    def __init__(self, host, port, cafile, timeout):
        context = ssl.create_default_context(cafile=cafile)
        context.check_hostname = False  # the bench certificate names localhost; the chain is still verified
        raw = socket.create_connection((host, port), timeout=timeout)
        self.sock = context.wrap_socket(raw, server_hostname=host)
        self.buffer = b""
        self.inflate = None
        self.deflate = None
        self.tag = 0

    def start_compression(self):
        self.inflate = zlib.decompressobj(-15)
        self.deflate = zlib.compressobj(6, zlib.DEFLATED, -15)

    def send(self, line):
        data = line.encode() + b"\r\n"
        if self.deflate:
            data = self.deflate.compress(data) + self.deflate.flush(zlib.Z_SYNC_FLUSH)
        self.sock.sendall(data)

    def command(self, text):
        self.tag += 1
        tag = "p%d" % self.tag
        self.send("%s %s" % (tag, text))
        return tag

    def _fill(self):
        chunk = self.sock.recv(262144)
        if not chunk:
            raise IOError("server closed the connection")
        self.buffer += self.inflate.decompress(chunk) if self.inflate else chunk

    def line(self):
        """One response line, literals included in place (returns the bytes and the literals' total size)."""
        parts, literal_bytes = [], 0
        while True:
            end = self.buffer.find(b"\r\n")
            while end < 0:
                self._fill()
                end = self.buffer.find(b"\r\n")
            piece, self.buffer = self.buffer[:end + 2], self.buffer[end + 2:]
            parts.append(piece)
            match = LITERAL.search(piece)
            if not match:
                return b"".join(parts), literal_bytes
            size = int(match.group(1))
            while len(self.buffer) < size:
                self._fill()
            parts.append(self.buffer[:size])
            self.buffer = self.buffer[size:]
            literal_bytes += size

    def until_tagged(self, tag, on_untagged=None):
        while True:
            text, literal_bytes = self.line()
            if text.startswith(tag.encode() + b" "):
                if not text[len(tag) + 1:].startswith(b"OK"):
                    raise IOError("%s failed: %s" % (tag, text.decode(errors="replace").strip()))
                return text
            if on_untagged:
                on_untagged(text, literal_bytes)


def uid_set(uids):
    """Compact UID set (1:5,7,9:12) of a sorted list."""
    ranges, start, prev = [], None, None
    for uid in uids:
        if start is None:
            start = prev = uid
        elif uid == prev + 1:
            prev = uid
        else:
            ranges.append((start, prev))
            start = prev = uid
    if start is not None:
        ranges.append((start, prev))
    return ",".join(str(a) if a == b else "%d:%d" % (a, b) for a, b in ranges)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=993)
    parser.add_argument("--cafile", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password-env", required=True, help="environment variable holding the password")
    parser.add_argument("--folder", default="INBOX")
    parser.add_argument("--move-to", default="Bench/Plain")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--no-compress", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    password = os.environ.get(args.password_env)
    if password is None:
        parser.error("environment variable %s is not set" % args.password_env)

    c = Connection(args.host, args.port, args.cafile, args.timeout)
    greeting, _ = c.line()
    capabilities = greeting.upper()
    seen = []
    capabilities += c.until_tagged(c.command('LOGIN "%s" "%s"' % (args.user, password.replace('"', '\\"'))),
                                   lambda t, _: seen.append(t))
    c.until_tagged(c.command("CAPABILITY"), lambda t, _: seen.append(t))
    capabilities += b" ".join(seen)
    if not args.no_compress and b"COMPRESS=DEFLATE" in capabilities.upper():
        c.until_tagged(c.command("COMPRESS DEFLATE"))
        c.start_compression()
    tag = c.command('CREATE "%s"' % args.move_to)
    try:
        c.until_tagged(tag)
    except IOError:
        pass  # exists already
    started = time.monotonic()
    c.until_tagged(c.command('SELECT "%s"' % args.folder))
    uids = []

    def on_search(text, _):
        if text.startswith(b"* SEARCH"):
            uids.extend(int(u) for u in text[8:].split())

    c.until_tagged(c.command("UID SEARCH UNSEEN"), on_search)
    uids.sort()
    batches = [uids[i:i + args.batch] for i in range(0, len(uids), args.batch)]
    fetched = {"messages": 0, "bytes": 0}

    def on_fetch(text, literal_bytes):
        if b" FETCH " in text[:40]:
            fetched["messages"] += 1
            fetched["bytes"] += literal_bytes

    in_flight = []
    for batch in batches:
        in_flight.append(c.command("UID FETCH %s BODY.PEEK[]" % uid_set(batch)))
        if len(in_flight) >= args.depth:
            c.until_tagged(in_flight.pop(0), on_fetch)
    for tag in in_flight:
        c.until_tagged(tag, on_fetch)
    if uids:
        c.until_tagged(c.command('UID MOVE %s "%s"' % (uid_set(uids), args.move_to)))
    seconds = time.monotonic() - started
    try:
        c.until_tagged(c.command("LOGOUT"))
    except IOError:
        pass
    if fetched["messages"] != len(uids):
        print("plain-client: fetched %d of %d messages" % (fetched["messages"], len(uids)), file=sys.stderr)
        return 1
    print("plain-client messages=%d bytes=%d seconds=%.3f rate=%.0f compress=%s" % (
        len(uids), fetched["bytes"], seconds, len(uids) / seconds if seconds else 0, c.inflate is not None))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (IOError, OSError, ssl.SSLError) as e:
        print("plain-client: %s" % e, file=sys.stderr)
        sys.exit(1)
