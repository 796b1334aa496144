"""A third-generation card read through the PSAM by counter_app, against bare pyscard sending
the bare APDU sequence to the same simulated card and PSAM in the same two virtual readers.
Prints the APDU counts, both medians and their ratio (goal ≤ 1.3).

Needs its own pcscd: run it as `scripts/bench.sh psam_read` (root: private namespaces).
"""

from __future__ import annotations

import os
import sys

from smartcard.System import readers

from bench.card_read import minimal_sequence
from bench.card_service import private_pcscd
from bench.timing import Figure, Goal, median_ms, print_table
from counter_app.card.apdu import ApduChannel, command
from counter_app.card.crypto import rule_for
from counter_app.card.pcsc import Context
from counter_app.card.psam import ADF_ID, PsamAuthenticator, environment_name, forget_psams
from counter_app.card.reader import read_card
from counter_app.card.sscard import SocialSecurityCardSession
from counter_app.resources.simulated_cards import SimulatedCard, load_profiles
from counter_app.simulator.pcscd import READERS
from tests.pcsc_env import CardSlots

GOAL = 1.3
CARD, PSAM = "zhang_wei", "psam"  # SM4, keys at 3 levels


def _send(connection, apdu: bytes) -> bytes:  # type: ignore[no-untyped-def]
    data, sw1, sw2 = connection.transmit(list(apdu))
    if (sw1, sw2) != (0x90, 0x00):
        raise RuntimeError(f"bare read failed at {apdu.hex()}: {sw1:02X}{sw2:02X}")
    return bytes(data)


def bare_sequence_length() -> int:
    # SELECT SSSE + 7 EF05 items, INTERNAL, GET CHALLENGE, EXTERNAL, 7 EF06 items; the PSAM:
    # environment, terminal number, ADF, then DELIVERY SESSION KEY and CIPHER DATA twice.
    return len(minimal_sequence()) + 3 + 7


def bare_pyscard_read(card_id: str, historical: bytes, algorithm: int) -> None:
    """What any terminal must send, with nothing checked that it need not check."""
    rule = rule_for(algorithm)
    sequence = minimal_sequence()
    by_name = {str(reader): reader for reader in readers()}
    card = by_name[READERS[0]].createConnection()
    psam = by_name[READERS[1]].createConnection()
    card.connect()
    psam.connect()
    try:
        for apdu in sequence[:8]:  # SELECT SSSE, EF05
            _send(card, bytes(apdu))
        _send(psam, command(0x00, 0xA4, 0x04, 0x00, environment_name(algorithm)))
        _send(psam, command(0x00, 0xB0, 0x96, 0x00, le=6))
        _send(psam, command(0x00, 0xA4, 0x00, 0x00, ADF_ID))
        f3 = historical[5:13]
        f2 = card_id[:6].encode() + b"sx"
        f1 = card_id[:2].encode() + b"0000sh"
        r1, r2, raw = os.urandom(8), os.urandom(8), os.urandom(8)
        _send(psam, command(0xBF, 0xDE, 0x67, 0x08, f3 + f2 + f1 + rule.pad(r1)))
        expected = rule.fold(_send(psam, command(0x80, 0xFA, 0x00, 0x00, rule.pad(r2))))
        if _send(card, command(0x00, 0x88, 0x00, 0x00, r1 + r2))[:8] != expected:
            raise RuntimeError("internal authentication failed")
        challenge = _send(card, command(0x00, 0x84, 0x00, 0x00, le=8))
        _send(psam, command(0xBF, 0xDE, 0x67, 0x0A, f3 + f2 + f1 + rule.pad(challenge)))
        auth = rule.fold(_send(psam, command(0x80, 0xFA, 0x00, 0x00, rule.pad(raw))))
        _send(card, command(0x00, 0x82, 0x00, 0x0A, auth + raw))
        for apdu in sequence[8:]:  # EF06
            _send(card, bytes(apdu))
    finally:
        card.disconnect()
        psam.disconnect()


def counted_read() -> tuple[int, int]:
    """(card APDUs, PSAM APDUs) of one counter_app read."""
    with Context() as context, context.exclusive(READERS[0]) as connection:
        channel = ApduChannel(connection)
        authenticator = PsamAuthenticator(context, READERS[0])
        snapshot = SocialSecurityCardSession(channel, connection.atr(), authenticator).read()
        connection.reset_when_done = True
    assert snapshot.authenticated
    return channel.sent, authenticator.apdus


def measure(quick: bool) -> list[Figure]:
    """Needs the virtual readers of a running pcscd (bench.card_service.private_pcscd)."""
    rounds = 10 if quick else 30
    profile = load_profiles()[CARD]
    assert isinstance(profile, SimulatedCard)
    slots = CardSlots()
    try:
        reader = slots.insert(CARD, 0)
        slots.insert(PSAM, 1)
        snapshot = read_card(reader)
        assert snapshot.authenticated and snapshot.name == profile.name
        algorithm = snapshot.algorithm or 1
        forget_psams()
        first_card, first_psam = counted_read()  # the PSAM found: one SELECT to recognise it
        card_apdus, psam_apdus = counted_read()  # …then known by its reader and ATR

        def bare() -> None:
            bare_pyscard_read(profile.card_id_code, snapshot.historical_bytes, algorithm)

        ours, baseline = [], []
        for _ in range(3):  # alternated, so drift on a shared machine hits both alike
            baseline.append(median_ms(bare, rounds))
            ours.append(median_ms(lambda: read_card(reader), rounds))
    finally:
        slots.remove_all()
    bare_apdus = bare_sequence_length()
    return [
        Figure(
            f"3.0 card + PSAM, APDUs, first read ({first_card}+{first_psam})",
            first_card + first_psam,
            "APDUs",
            bare_apdus,
        ),
        Figure(
            f"3.0 card + PSAM, APDUs, then ({card_apdus}+{psam_apdus})",
            card_apdus + psam_apdus,
            "APDUs",
            bare_apdus,
        ),
        Figure("3.0 card + PSAM read, median", min(ours), "ms", min(baseline), Goal(GOAL)),
    ]


def main() -> int:
    with private_pcscd():
        print_table(measure(quick=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
