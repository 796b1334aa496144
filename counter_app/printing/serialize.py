"""Document data to JSON and back, so a kept document can be built again for a reprint: the
interface's wire codec, so a kept document and an answer on the wire are written alike."""

from __future__ import annotations

from counter_app.api.codec import decode as from_json
from counter_app.api.codec import encode as to_json

__all__ = ["from_json", "to_json"]
