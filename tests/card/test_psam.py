"""The PSAM authenticator with the simulated card and PSAM in process (no PC/SC): finding the
PSAM, its key levels, the card's answers, and what each failure becomes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from counter_app.card import crypto, errors, psam
from counter_app.card.apdu import ApduChannel
from counter_app.card.psam import PsamAuthenticator
from counter_app.card.sscard import SocialSecurityCardSession
from counter_app.simulator.control import build_card
from counter_app.simulator.sscard import SocialSecurityCard
from tests.card.chips import Chip, FakeContext
from tests.card.scripted import ScriptedTransport

CARD_READER, PSAM_READER, OTHER = "Card Reader 0", "Card Reader 1", "Card Reader 2"


@pytest.fixture(autouse=True)
def forget_known_psams() -> Iterator[None]:
    psam.forget_psams()
    yield
    psam.forget_psams()


def read(card_key: str, readers: dict[str, Chip | None], **options):  # type: ignore[no-untyped-def]
    card = Chip(build_card(card_key))
    context = FakeContext({CARD_READER: card, **readers})
    authenticator = PsamAuthenticator(context, CARD_READER, **options)  # type: ignore[arg-type]
    channel = ApduChannel(card)
    snapshot = SocialSecurityCardSession(channel, card.chip.atr, authenticator).read()
    return snapshot, card, authenticator


def psam_chip(key: str = "psam") -> Chip:
    return Chip(build_card(key))


@pytest.mark.parametrize(
    ("card_key", "algorithm", "name"),
    [("zhao_lei", crypto.ALGORITHM_3DES, "赵磊"), ("zhang_wei", crypto.ALGORITHM_SM4, "张伟")],
)
@pytest.mark.parametrize("psam_key", ["psam", "psam_province", "psam_city"])
def test_a_third_generation_card_reads_whole_with_a_psam(
    card_key: str, algorithm: int, name: str, psam_key: str
) -> None:
    module = psam_chip(psam_key)
    snapshot, card, authenticator = read(card_key, {PSAM_READER: module})
    assert snapshot.algorithm == algorithm
    assert not snapshot.needs_psam and snapshot.authenticated and snapshot.name == name
    assert snapshot.inconsistencies == ()
    terminal = module.chip.profile.terminal_number
    assert snapshot.terminal_number == terminal
    assert snapshot.interchange().endswith(f"|{terminal}||")
    # SELECT, 7 EF05 items, INTERNAL, GET CHALLENGE, EXTERNAL, 7 EF06 items: no probe of EF06.
    assert len(card.log) == 18
    assert [apdu[:4] for apdu in card.log[8:11]] == ["0088", "0084", "0082"]
    assert card.log[10].startswith("0082000A10")
    # The PSAM: identify, environment, terminal number, ADF, then BF DE + 80 FA twice; a key
    # held at fewer levels costs a refused BF DE the first time only.
    retries = {"psam": 0, "psam_province": 1, "psam_city": 2}[psam_key]
    # T=0: a GET RESPONSE after each answer with data (two SELECTs, READ BINARY, 80 FA ×2).
    get_responses = 5 if module.chip.profile.protocol == "T0" else 0
    assert authenticator.apdus == len(module.log) == 8 + retries + get_responses
    usages = [apdu[4:6] for apdu in module.log if apdu.startswith("BFDE")]
    held = {"psam": "67", "psam_province": "47", "psam_city": "27"}[psam_key]
    assert usages[-1] == usages[-2] == held and len(usages) == 2 + retries


def test_the_psam_environment_follows_the_cards_algorithm() -> None:
    module = psam_chip()
    read("zhang_wei", {PSAM_READER: module})
    assert module.log[1] == "00A404000F" + psam.environment_name(3).hex().upper()
    assert psam.environment_name(3) == "sx3.sh.社会保障".encode("gbk")
    bf_de = next(apdu for apdu in module.log if apdu.startswith("BFDE"))
    assert bf_de.startswith("BFDE670828")  # 3 factors + a 16-byte padded process factor
    assert bf_de.endswith("0" * 16)
    cipher = next(apdu for apdu in module.log if apdu.startswith("80FA"))
    assert cipher.startswith("80FA000010") and cipher.endswith("0" * 16)


def test_the_psam_is_found_among_other_readers_and_remembered() -> None:
    module = psam_chip()
    readers = {OTHER: Chip(build_card("wang_xiaoming")), PSAM_READER: module}
    _, _, first = read("zhao_lei", readers)
    assert first.reader_used == PSAM_READER
    assert readers[OTHER].log == ["00A4040006D15600000590"]  # asked, and it said no
    before = len(module.log)
    _, _, second = read("zhao_lei", readers)
    # Known by its reader and ATR: neither asked again, nor the other reader bothered.
    assert len(module.log) - before == 7 and not module.log[before].startswith("00A4040006")
    assert readers[OTHER].log == ["00A4040006D15600000590"]
    assert second.reader_used == PSAM_READER


def test_a_named_psam_reader_is_used_without_asking_what_it_is() -> None:
    module = psam_chip()
    snapshot, _, authenticator = read("zhao_lei", {PSAM_READER: module}, reader=PSAM_READER)
    assert snapshot.authenticated and authenticator.apdus == 7


def test_no_psam_gives_the_readable_part_after_one_look_at_ef06() -> None:
    snapshot, card, _ = read("zhang_wei", {PSAM_READER: None})
    assert snapshot.needs_psam and not snapshot.authenticated and snapshot.name == ""
    assert snapshot.card_number == "A34567892"
    assert snapshot.interchange().endswith("|000000000000||")
    assert len(card.log) == 9  # SELECT, EF05 and one look at EF06 (6982): nothing else


def test_a_named_reader_without_a_psam_gives_the_readable_part() -> None:
    snapshot, _, _ = read("zhang_wei", {PSAM_READER: None}, reader=PSAM_READER)
    assert snapshot.needs_psam
    snapshot, _, _ = read("zhang_wei", {}, reader="No Such Reader")
    assert snapshot.needs_psam


def test_a_counterfeit_card_is_refused_before_its_read_key_is_tried() -> None:
    card = Chip(build_card("qian_fang"))
    context = FakeContext({CARD_READER: card, PSAM_READER: psam_chip()})
    session = SocialSecurityCardSession(
        ApduChannel(card),
        card.chip.atr,
        PsamAuthenticator(context, CARD_READER),  # type: ignore[arg-type]
    )
    with pytest.raises(errors.CardNotGenuine):
        session.read()
    assert not any(apdu.startswith("0082") for apdu in card.log)
    assert card.chip.rksse_tries == 3


def test_a_blocked_read_key_is_a_locked_card() -> None:
    with pytest.raises(errors.ReadKeyBlocked) as raised:
        read("zheng_hao", {PSAM_READER: psam_chip()})
    assert isinstance(raised.value, errors.CardLocked)


def test_a_psam_pulled_during_the_authentication_is_named() -> None:
    for after in (1, 3, 5, 7):
        psam.forget_psams()  # each time found anew: identify, environment, number, ADF, …
        module = psam_chip()
        module.pull_after = after
        with pytest.raises(errors.PsamRemoved):
            read("zhang_wei", {PSAM_READER: module})


def test_a_psam_without_the_key_is_refused() -> None:
    script = {
        "00A4040006D15600000590": ["9000"],
        "00A404000F" + psam.environment_name(1).hex().upper(): ["9000"],
        "00B0960006": ["3201000000099000"],
        "00A4000002DF01": ["9000"],
    }
    module = ScriptedTransport(script, on_unknown="6A88")
    with pytest.raises(errors.PsamRefused, match="no key 08"):
        read("zhao_lei", {PSAM_READER: module})  # type: ignore[dict-item]
    assert [entry[:6] for entry in module.log[-3:]] == ["BFDE67", "BFDE47", "BFDE27"]


def test_an_ssf33_card_gets_the_ssf33_environment_and_16_byte_framing() -> None:
    """No SSF33 cipher here, but the PSAM computes: the terminal only frames and folds."""
    environment = "00A404000F" + psam.environment_name(2).hex().upper()
    module = ScriptedTransport(
        {
            environment: ["9000"],
            "00B0960006": ["1101000000019000"],
            "00A4000002DF01": ["9000"],
        },
        on_unknown="9000",
    )
    channel = ApduChannel(module)
    source = psam.Psam(channel, crypto.ALGORITHM_SSF33)
    source.open()
    card = psam.identity("110100D15600000501020304A1B2C3D4", bytes(13), None)
    assert card.algorithm == crypto.ALGORITHM_SSF33  # no 86 template, region 11
    module._script["80FA00001011111111111111110000000000000000"] = ["00" * 8 + "AB" * 8 + "9000"]
    assert source.internal(card, bytes(8), bytes.fromhex("11" * 8)) == bytes.fromhex("AB" * 8)
    assert module.log[3].startswith("BFDE670828") and source.terminal_number == "110100000001"


def test_a_rejected_cryptogram_says_how_many_tries_are_left() -> None:
    chip = build_card("zhang_wei")
    assert isinstance(chip, SocialSecurityCard)
    transport = Chip(chip)
    channel = ApduChannel(transport)
    from counter_app.card.authentication import external_authenticate, get_challenge

    for left in (2, 1, 0):
        get_challenge(channel)
        with pytest.raises(errors.AuthenticationRejected) as raised:
            external_authenticate(channel, bytes(8), bytes(8))
        assert raised.value.tries_left == left
    get_challenge(channel)
    with pytest.raises(errors.ReadKeyBlocked):
        external_authenticate(channel, bytes(8), bytes(8))


def test_a_third_generation_card_that_leaves_ef06_open_is_read_without_a_psam() -> None:
    chip = build_card("zhang_wei")
    assert isinstance(chip, SocialSecurityCard)
    chip._files[0xEF06] = dataclasses.replace(chip._files[0xEF06], protected=False)
    card = Chip(chip)
    context = FakeContext({CARD_READER: card})
    authenticator = PsamAuthenticator(context, CARD_READER)  # type: ignore[arg-type]
    snapshot = SocialSecurityCardSession(ApduChannel(card), chip.atr, authenticator).read()
    assert snapshot.name == "张伟" and not snapshot.needs_psam and not snapshot.authenticated
