"""The ATR's historical bytes (卡复位信息), found by walking its interface bytes (ISO 7816-3)."""

from __future__ import annotations

from counter_app.card.errors import CommunicationError


def historical_bytes(atr: bytes) -> bytes:
    if len(atr) < 2:
        raise CommunicationError(f"ATR too short: {atr.hex()}")
    count = atr[1] & 0x0F
    indicator, position = atr[1], 2
    while True:
        # Each set bit of the high nibble announces one interface byte (TA, TB, TC, TD).
        present = bin(indicator >> 4).count("1")
        has_td = bool(indicator & 0x80)
        position += present
        if not has_td:
            break
        if position > len(atr):
            raise CommunicationError(f"ATR ends inside its interface bytes: {atr.hex()}")
        indicator = atr[position - 1]
    if position + count > len(atr):
        raise CommunicationError(f"ATR shorter than its {count} historical bytes: {atr.hex()}")
    return atr[position : position + count]
