"""Bodies larger than the service takes are refused (413) before they are read whole."""

from __future__ import annotations

import json
from typing import Any

from counter_app.server.settings import ServiceSettings

Scope = dict[str, Any]


class BodyLimit:
    """ASGI middleware: a declared Content-Length over the limit is refused at once, and a body
    streamed without one is cut off once it passes the limit."""

    def __init__(self, app: Any, settings: ServiceSettings) -> None:
        self.app, self.limit = app, settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _too_large(send, self.limit)


class _TooLarge(Exception):
    pass


async def _too_large(send: Any, limit: int) -> None:
    body = json.dumps(
        {"error": "body_too_large", "message": f"bodies up to {limit} bytes", "detail": {}}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})
