"""Who may use a served reader: whoever holds the run's token.

The address `peacebrief serve` prints carries the token (`?token=...`). The page that
address opens sets it as a cookie, so that what the page asks for next (its scripts,
the websocket of its session, a download) carries it too: textual.js builds the
websocket and download addresses itself and would drop a token in a query string.
Every request without the token is refused before it reaches a handler, so no app
process is started for it.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

REFUSED = "403: Forbidden. Open the address that `peacebrief serve` printed: it carries the token this reader needs.\n"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def cookie_name(port: int) -> str:
    """A name per port: a browser keeps one cookie jar per host, whatever the port, and
    two readers served on one machine must not overwrite each other's token."""
    return f"peacebrief-{port}"


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost`: addresses only this machine can reach."""
    host = host.strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _holds(value: str | None, token: str) -> bool:
    return value is not None and secrets.compare_digest(value.encode(), token.encode())


def _same_origin(request: web.Request) -> bool:
    """A browser names the page a websocket comes from; one from another site is refused
    (the cookie would not travel there anyway: it is SameSite=Strict)."""
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host


def token_guard(token: str, cookie: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    """An aiohttp middleware: 403 for any request without the token, in the query or the cookie."""

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        by_query = _holds(request.query.get("token"), token)
        if not (by_query or _holds(request.cookies.get(cookie), token)) or not _same_origin(request):
            return web.Response(status=403, text=REFUSED)
        response = await handler(request)
        if by_query and not response.prepared:
            response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
        return response

    return guard
