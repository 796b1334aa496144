"""A simulated card that leaves the reader in the middle of a read, for the fault drills."""

from __future__ import annotations

from counter_app.simulator.vpcd import CardVanished, VirtualCard


class VanishingCard:
    """A card that answers `answered` commands, then vanishes at the next one."""

    def __init__(self, card: VirtualCard, answered: int) -> None:
        if answered < 0:
            raise ValueError(f"a card answers 0 or more commands, not {answered}")
        self._card, self._left = card, answered

    @property
    def atr(self) -> bytes:
        return self._card.atr

    def power_on(self) -> None:
        self._card.power_on()

    def power_off(self) -> None:
        self._card.power_off()

    def reset(self) -> None:
        self._card.reset()

    def transmit(self, apdu: bytes) -> bytes:
        if self._left == 0:
            raise CardVanished(f"pulled at {apdu.hex()}")
        self._left -= 1
        return self._card.transmit(apdu)
