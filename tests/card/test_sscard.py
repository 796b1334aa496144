"""The card session against the simulator's chip directly (no PC/SC): every profile, every
quirk, and what a read costs in APDUs."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.card import errors
from counter_app.card.apdu import ApduChannel
from counter_app.card.sscard import SocialSecurityCardSession
from counter_app.resources.simulated_cards import SimulatedCard, load_profiles
from counter_app.simulator.control import build_card
from counter_app.simulator.sscard import SocialSecurityCard
from tests.card.scripted import ScriptedTransport

PROFILES = load_profiles()
SS_CARDS = {key: p for key, p in PROFILES.items() if isinstance(p, SimulatedCard)}


class ChipTransport:
    """The simulated chip as a transport: the card's logic without the socket."""

    def __init__(self, card: SocialSecurityCard) -> None:
        self.card = card
        card.power_on()

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        answer = self.card.transmit(apdu)
        return answer[:-2], int.from_bytes(answer[-2:], "big")


def session_for(key: str, authenticator=None) -> tuple[SocialSecurityCardSession, ApduChannel]:  # type: ignore[no-untyped-def]
    card = build_card(key)
    channel = ApduChannel(ChipTransport(card))
    return SocialSecurityCardSession(channel, card.atr, authenticator), channel


@pytest.mark.parametrize(
    "key",
    sorted(k for k, p in SS_CARDS.items() if not p.locked and not p.spec_version.startswith("3")),
)
def test_each_readable_card_decodes_to_its_profile(key: str) -> None:
    profile = SS_CARDS[key]
    session, channel = session_for(key)
    snapshot = session.read()
    assert (snapshot.card_number, snapshot.ssn, snapshot.name) == (
        profile.card_number,
        profile.ss_number,
        profile.name,
    )
    assert (snapshot.birth_date, snapshot.sex) == (profile.birth_date, profile.sex)
    assert snapshot.generation == (profile.spec_version[:3] or "1.0")
    assert snapshot.inconsistencies == ()
    extra = {"T0": 15, "T1": 0}[profile.protocol] + (1 if profile.ssse_as_mf else 0)
    assert channel.sent == 15 + extra  # T=0 costs a GET RESPONSE per answer, MF one SELECT


def test_third_generation_without_psam_gives_the_readable_part() -> None:
    session, _ = session_for("zhang_wei")
    snapshot = session.read()
    assert snapshot.needs_psam
    assert snapshot.card_number == "A34567892" and snapshot.spec_version == "3.00"
    assert snapshot.algorithm == 3  # SM4
    assert (snapshot.ssn, snapshot.name) == ("", "")


def test_an_authenticator_opens_ef06_in_the_same_session() -> None:
    calls = []

    class OpensTheCard:
        def authenticate(self, channel, card_id, historical, algorithm):  # type: ignore[no-untyped-def]
            calls.append((card_id, historical.hex().upper(), algorithm))
            card.authenticated = True  # what a PSAM's internal + external authentication achieve

    card = build_card("zhang_wei")
    session = SocialSecurityCardSession(ApduChannel(ChipTransport(card)), card.atr, OpensTheCard())
    snapshot = session.read()
    assert not snapshot.needs_psam and snapshot.name == "张伟"
    assert calls == [("320100D15600000503040506F1E2D3C4", "0086815A100000320100000002", 3)]


def test_locked_and_bank_cards_are_named() -> None:
    with pytest.raises(errors.CardLocked):
        session_for("wu_gang")[0].read()
    with pytest.raises(errors.NotSocialSecurityCard):
        session_for("bank_debit")[0].read()


SELECT_SSSE = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF"


def scripted_card(records: dict[str, str], select: str = "9000") -> SocialSecurityCardSession:
    """A 2.0 card whose answers are written out, for data no profile should carry."""
    script = {SELECT_SSSE: [select]}
    script.update({command: [answer] for command, answer in records.items()})
    atr = bytes.fromhex("3B6D0000" + "0086815A100000320100000000")
    return SocialSecurityCardSession(ApduChannel(ScriptedTransport(script, "6A83")), atr)


def minimal_records(ssn: str = "11010519491231002X", birth: str = "19491231") -> dict[str, str]:
    def rec(tag: int, value: bytes) -> str:
        return f"{tag:02X}{len(value):02X}{value.hex()}9000"

    return {
        "00B2012812": rec(1, bytes(16)),
        "00B2022803": rec(2, b"3"),
        "00B2032806": rec(3, b"2.00"),
        "00B204280E": rec(4, bytes.fromhex("3201" + "F" * 20)),
        "00B2052806": rec(5, bytes.fromhex("20190601")),
        "00B2062806": rec(6, bytes.fromhex("20290601")),
        "00B207280B": rec(7, b"D2143569X"),
        "00B2083014": rec(8, ssn.encode()),
        "00B2093020": rec(9, "测试".encode("gb18030").ljust(30, b"\0")),
        "00B20A3003": rec(10, b"2"),
        "00B20B3003": rec(11, bytes.fromhex("01")),
        "00B20C3005": rec(12, bytes.fromhex("110105")),
        "00B20D3006": rec(13, bytes.fromhex(birth)),
    }


def test_missing_name_extension_is_tolerated_and_numbers_are_checked() -> None:
    snapshot = scripted_card(minimal_records()).read()  # no 4E record: 6A83
    assert snapshot.name == "测试" and snapshot.issue_date == date(2019, 6, 1)
    assert snapshot.inconsistencies == ()


def test_what_does_not_add_up_is_reported_not_hidden() -> None:
    snapshot = scripted_card(minimal_records("110105194912310021", "19500101")).read()
    assert "ssn_check" in snapshot.inconsistencies
    snapshot = scripted_card(minimal_records(birth="19500101")).read()
    assert snapshot.inconsistencies == ("birth_date_mismatch",)


def test_a_missing_mandatory_record_is_an_error() -> None:
    records = minimal_records()
    del records["00B207280B"]  # the card number
    with pytest.raises(errors.RecordNotFound):
        scripted_card(records).read()


def test_select_answers_other_than_6a82_propagate() -> None:
    with pytest.raises(errors.ApduError) as raised:
        scripted_card(minimal_records(), select="6F00").read()
    assert raised.value.sw == 0x6F00
