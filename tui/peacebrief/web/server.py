"""`peacebrief serve`'s web server: textual-serve's, behind the token guard.

textual-serve runs one app process per browser session (`AppService`: the process
speaks Textual's web driver over its standard input and output) and relays files the
app delivers (`App.deliver_text`) through single-use `/download/KEY` addresses. This
subclass keeps those and changes what a served reader must not do otherwise:

- every route sits behind `token_guard`, so a request without the token never reaches
  a handler (and never starts a process);
- the page is our own: it loads only textual-serve's scripts and fonts from this
  server (its own page also asks a font of a public site), and it points the websocket
  at the host the browser used, so the token's cookie goes with it;
- the static files are served without a folder listing;
- the sessions' processes end when the server stops: each session's handler is
  cancelled, which makes textual-serve tell its app to quit.
"""

from __future__ import annotations

import asyncio
import html
import shlex
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from string import Template

from aiohttp import web
from textual_serve.server import Server

from peacebrief.web.guard import cookie_name, token_guard

PAGE = Template((Path(__file__).parent / "page.html").read_text(encoding="utf-8"))
SESSION_END_SECONDS = 10  # how long the sessions' apps get to quit when the server stops


def reader_command(target: Path) -> str:
    """The shell command of one session: the reader on `target`, and nothing a browser
    sends can change it. `exec`: one process per session, not a shell and its child."""
    return f"exec {shlex.quote(sys.executable)} -m peacebrief -- {shlex.quote(str(target))}"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free one). Raises OSError."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    return socket.create_server((host, port), family=family)


class ReaderServer(Server):
    """Serves the reader on `target` to whoever holds `token`, on an already bound socket."""

    def __init__(self, target: Path, sock: socket.socket, token: str) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(reader_command(target), host=host, port=port, title=f"peacebrief: {target.name}")
        self.sock = sock
        self.token = token
        self._sessions: set[asyncio.Task[object]] = set()

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[token_guard(self.token, cookie_name(self.port))])
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_session, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_shutdown.append(self._end_sessions)
        return app

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        try:
            font_size = min(max(int(request.query.get("fontsize", "16")), 6), 64)
        except ValueError:
            font_size = 16
        page = PAGE.substitute(
            title=html.escape(self.title),
            websocket_url=html.escape(f"ws://{request.host}/ws"),
            font_size=font_size,
        )
        # The address holds the token: no cache keeps the page, no link followed from it names it.
        headers = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
        return web.Response(text=page, content_type="text/html", headers=headers)

    async def handle_session(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's websocket handler (one app process for the session), kept
        track of so that stopping the server ends every session's process."""
        task = asyncio.current_task()
        assert task is not None
        self._sessions.add(task)
        try:
            return await self.handle_websocket(request)
        finally:
            self._sessions.discard(task)

    async def _end_sessions(self, app: web.Application) -> None:
        sessions = list(self._sessions)
        for task in sessions:
            task.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=SESSION_END_SECONDS)

    async def run(self, ready: Callable[[], None]) -> None:
        """Serve until SIGINT or SIGTERM, then end every session and return."""
        runner = web.AppRunner(self.make_app(), access_log=None, handle_signals=False)
        await runner.setup()
        await web.SockSite(runner, self.sock).start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, stop.set)
            except NotImplementedError:  # Windows: Ctrl+C raises KeyboardInterrupt instead
                pass
        ready()
        try:
            await stop.wait()
        finally:
            await runner.cleanup()
