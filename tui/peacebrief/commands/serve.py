"""`peacebrief serve [BRIEF|FOLDER]`: the reader in a browser tab, private by default.

Each browser session gets its own reader process (textual-serve). The server binds to
127.0.0.1 unless told otherwise, and only a request that carries this run's random
token (printed in the address) gets anything: any other gets 403 and starts nothing.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path

from peacebrief.core.bundled import default_brief

HELP = "serve the reader to a web browser"
DESCRIPTION = """\
Serve the reader to a web browser: each tab that opens the printed address
gets its own reader on the brief (or case folder), which reloads when the
file changes.

Private by default: the server listens on 127.0.0.1 (this machine only), and
the address it prints carries a random token made for this run; a request
without it is refused (403). Stop the server with Ctrl+C: every open reader
ends with it.

In the browser, e downloads the digest (the same text as `peacebrief digest`),
and y copies the selected record where the browser lets a page use the
clipboard (on this machine's own address, or over https).

To let other machines in, give --host (an address of this machine, or 0.0.0.0
for all of them) with --allow-remote: anyone who has the printed address can
then read the brief, and the traffic is plain http, not encrypted.

Needs the serve extra: pip install 'peacebrief[serve]'.

Examples:
  peacebrief serve                             the bundled brief, this machine
  peacebrief serve briefs/talks.yaml --port 0  any free port
  peacebrief serve cases/talks --host 0.0.0.0 --allow-remote

Exit status: 0 once stopped, 2 on a usage error (no such file, a host of
another machine without --allow-remote, a port in use, the serve extra not
installed)."""

DEFAULT_PORT = 8000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "brief", nargs="?", metavar="BRIEF|FOLDER", help="the brief, or a case folder (default: the bundled brief)"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine only)"
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT}; 0 for any free port)"
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="let --host be an address other machines can reach (anyone with the address can read the brief)",
    )


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, not {port}")
    return port


def _fail(message: str) -> int:
    print(f"peacebrief serve: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    target = (Path(args.brief) if args.brief else default_brief()).resolve()
    if not target.exists():
        return _fail(f"{args.brief}: no such file or folder")
    try:
        from peacebrief.web.guard import is_loopback, new_token
        from peacebrief.web.server import ReaderServer, bind
    except ImportError as exc:
        return _fail(f"needs the serve extra ({exc.name} is missing): pip install 'peacebrief[serve]'")
    remote = not is_loopback(args.host)
    if remote and not args.allow_remote:
        return _fail(
            f"--host {args.host} can be reached from other machines; add --allow-remote to serve there "
            "(anyone who has the address can then read the brief)"
        )
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        return _fail(f"cannot listen on {args.host} port {args.port}: {_bind_error(exc)}")
    from peacebrief.app.browser import CLIPBOARD_ENV

    # Read by each session's reader: browsers reaching another machine over plain http
    # keep the clipboard from the page.
    os.environ[CLIPBOARD_ENV] = "no" if remote else "yes"
    token = new_token()
    server = ReaderServer(target, sock, token)
    address = _address(args.host, server.port, token)
    import asyncio

    asyncio.run(server.run(lambda: _announce(target, address, args.host if remote else None)))
    print("Stopped.", flush=True)
    return 0


def _bind_error(exc: OSError) -> str:
    if isinstance(exc, socket.gaierror) or not exc.errno:
        return exc.strerror or str(exc)
    reason = os.strerror(exc.errno)  # without the socket module's "(while attempting to bind ...)"
    if exc.errno == errno.EADDRINUSE:
        reason += "; choose another with --port, or --port 0 for any free port"
    return reason


def _announce(target: Path, address: str, remote_host: str | None) -> None:
    print(f"Serving {target} to {'other machines too' if remote_host else 'this machine only'}.", flush=True)
    if remote_host:
        print(
            f"warning: {remote_host} is reachable from other machines: anyone who has this address can read "
            "the brief, and plain http is not encrypted.",
            file=sys.stderr,
            flush=True,
        )
    print(
        "Open this address in a browser (it carries this run's token: whoever has it can read the brief):", flush=True
    )
    print(f"  {address}", flush=True)
    print("Press Ctrl+C to stop.", flush=True)


def _address(host: str, port: int, token: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()  # "every address": name this machine, as others reach it
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/?token={token}"
