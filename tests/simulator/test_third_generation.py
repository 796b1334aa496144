"""The third-generation card's authentication and the simulated PSAM, APDU by APDU."""

from __future__ import annotations

import pytest

from counter_app.card import crypto
from counter_app.card.authentication import card_factor, city_factor, province_factor
from counter_app.card.psam import environment_name
from counter_app.simulator.control import SimulatorError, build_card
from counter_app.simulator.psam import SimulatedPsam
from counter_app.simulator.security import load_security, psam_profiles
from counter_app.simulator.sscard import SocialSecurityCard

SELECT_SSSE = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF"
SELECT_UNIONPAY = "00A4040008A000000333010101"
READ_SSN = "00B2083014"
NATIONAL = load_security().keys["national"]


def send(chip: SocialSecurityCard | SimulatedPsam, apdu: str | bytes) -> tuple[bytes, str]:
    raw = bytes.fromhex(apdu) if isinstance(apdu, str) else apdu
    answer = chip.transmit(raw)
    return answer[:-2], answer[-2:].hex().upper()


def card(key: str = "zhang_wei") -> SocialSecurityCard:
    chip = build_card(key)
    assert isinstance(chip, SocialSecurityCard)
    chip.power_on()
    return chip


def factors_of(chip: SocialSecurityCard) -> list[bytes]:
    code = chip.profile.card_id_code  # type: ignore[union-attr]
    return [province_factor(code), city_factor(code), card_factor(chip.atr[4:])]


def rule_of(chip: SocialSecurityCard) -> crypto.CipherRule:
    assert chip.security is not None
    return crypto.rule_for(chip.security.algorithm)


def external(chip: SocialSecurityCard, rksse_root: bytes = NATIONAL.rksse) -> str:
    """GET CHALLENGE, then EXTERNAL AUTHENTICATE computed from the root: the status word."""
    challenge, sw = send(chip, "0084000008")
    assert sw == "9000" and len(challenge) == 8
    raw = bytes(range(8))
    auth = rule_of(chip).cryptogram(rksse_root, factors_of(chip), challenge, raw)
    return send(chip, bytes.fromhex("0082000A10") + auth + raw)[1]


@pytest.mark.parametrize(
    ("key", "algorithm"),
    [("zhang_wei", crypto.ALGORITHM_SM4), ("zhao_lei", crypto.ALGORITHM_3DES)],
)
def test_cards_are_personalised_from_the_national_roots(key: str, algorithm: int) -> None:
    chip = card(key)
    fci, sw = send(chip, SELECT_SSSE)
    assert sw == "9000" and fci.endswith(bytes([0x86, 0x01, algorithm]))
    rule = rule_of(chip)
    r1, r2 = bytes(8), bytes.fromhex("0102030405060708")
    answer, sw = send(chip, b"\x00\x88\x00\x00\x10" + r1 + r2)
    assert sw == "9000"
    assert answer == rule.cryptogram(NATIONAL.irk, factors_of(chip), r1, r2)
    assert send(chip, READ_SSN)[1] == "6982"  # internal authentication opens nothing
    assert external(chip) == "9000" and chip.authenticated
    data, sw = send(chip, READ_SSN)
    assert sw == "9000" and data[2:] == chip.profile.ss_number.encode()  # type: ignore[union-attr]


def test_a_challenge_serves_only_the_next_command() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    challenge, _ = send(chip, "0084000008")
    send(chip, "00B2072800")  # anything at all between the two
    raw = bytes(8)
    auth = rule_of(chip).cryptogram(NATIONAL.rksse, factors_of(chip), challenge, raw)
    assert send(chip, bytes.fromhex("0082000A10") + auth + raw)[1] == "6984"
    # …and only once: the same answer again finds no challenge.
    challenge, _ = send(chip, "0084000008")
    auth = rule_of(chip).cryptogram(NATIONAL.rksse, factors_of(chip), challenge, raw)
    assert send(chip, bytes.fromhex("0082000A10") + auth + raw)[1] == "9000"
    assert send(chip, bytes.fromhex("0082000A10") + auth + raw)[1] == "6984"
    assert chip.rksse_tries == 3  # a missing challenge costs no try


def test_the_key_version_may_follow_the_cryptogram() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    challenge, _ = send(chip, "0084000008")
    raw = bytes(8)
    auth = rule_of(chip).cryptogram(NATIONAL.rksse, factors_of(chip), challenge, raw)
    assert send(chip, bytes.fromhex("0082000A11") + auth + raw + b"\x01")[1] == "9000"


def test_wrong_cryptograms_count_down_then_block_and_a_good_one_restores() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert external(chip, NATIONAL.irk) == "63C2"
    assert external(chip) == "9000" and chip.rksse_tries == 3
    for left in (2, 1, 0):
        assert external(chip, NATIONAL.irk) == f"63C{left}"
    assert external(chip) == "6983"  # blocked: even the right key is refused
    chip.reset()
    send(chip, SELECT_SSSE)
    assert external(chip) == "6983"  # a reset gives no tries back


def test_the_blocked_card_and_the_counterfeit_card() -> None:
    blocked = card("zheng_hao")
    send(blocked, SELECT_SSSE)
    assert external(blocked) == "6983"
    counterfeit = card("qian_fang")
    send(counterfeit, SELECT_SSSE)
    r1, r2 = bytes(8), bytes(8)
    answer, _ = send(counterfeit, b"\x00\x88\x00\x00\x10" + r1 + r2)
    assert answer != rule_of(counterfeit).cryptogram(NATIONAL.irk, factors_of(counterfeit), r1, r2)
    assert external(counterfeit) == "9000"  # only its IRK is forged


@pytest.mark.parametrize("event", ["reset", "power_off", "another application"])
def test_the_grant_ends_with_reset_power_off_or_another_application(event: str) -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert external(chip) == "9000"
    send(chip, "0084000008")
    if event == "another application":
        send(chip, SELECT_UNIONPAY)
    else:
        getattr(chip, event)()
    assert chip.challenge is None
    send(chip, SELECT_SSSE)
    assert send(chip, READ_SSN)[1] == "6982"


def test_older_cards_have_no_authentication() -> None:
    chip = card("wang_xiaoming")
    send(chip, SELECT_SSSE)
    assert send(chip, "0088000010" + "00" * 16)[1] == "6D00"
    assert send(chip, READ_SSN)[1] == "9000"


# -- the PSAM --------------------------------------------------------------------------------


def psam(key: str = "psam") -> SimulatedPsam:
    chip = build_card(key)
    assert isinstance(chip, SimulatedPsam)
    chip.power_on()
    return chip


def select_environment(chip: SimulatedPsam, algorithm: int) -> str:
    name = environment_name(algorithm)
    return send(chip, bytes([0, 0xA4, 4, 0, len(name)]) + name)[1]


def test_the_psam_reads_its_terminal_number_in_the_environment_only() -> None:
    chip = psam()
    assert select_environment(chip, crypto.ALGORITHM_SM4) == "9000"
    assert send(chip, "00B0960006") == (bytes.fromhex("320100000001"), "9000")
    assert send(chip, "00A4000002DF01")[1] == "9000"
    assert send(chip, "00B0960006")[1] == "6A82"
    assert select_environment(chip, crypto.ALGORITHM_SSF33) == "6A82"  # no SSF33 cipher here
    assert send(chip, "00A4040006D15600000590")[1] == "9000"


def test_the_psam_refuses_cipher_data_without_a_session_key_and_wrong_levels() -> None:
    chip = psam("psam_province")
    select_environment(chip, crypto.ALGORITHM_3DES)
    send(chip, "00A4000002DF01")
    assert send(chip, "80FA000008" + "00" * 8)[1] == "6901"
    three = "BFDE6708" + "20" + "00" * 32
    assert send(chip, three)[1] == "6A80"
    assert send(chip, "BFDE4709" + "18" + "00" * 24)[1] == "6A88"  # no key 09
    assert send(chip, "BFDE4708" + "18" + "00" * 24)[1] == "9000"
    assert send(chip, "80FA000008" + "00" * 8)[1] == "6108"  # T=0
    assert len(send(chip, "00C0000008")[0]) == 8


@pytest.mark.parametrize("key", sorted(psam_profiles()))
@pytest.mark.parametrize("card_key", ["zhang_wei", "zhao_lei"])
def test_every_psam_computes_what_the_card_answers(key: str, card_key: str) -> None:
    chip, module = card(card_key), psam(key)
    rule = rule_of(chip)
    levels = module.profile.levels
    select_environment(module, rule.algorithm)
    send(module, "00A4000002DF01")
    f1, f2, f3 = factors_of(chip)
    r1, r2 = bytes.fromhex("32D9E876ADB31BBF"), bytes.fromhex("DBF7A936D0D18C9E")
    data = b"".join([f3, f2, f1][:levels]) + rule.pad(r1)
    usage = (levels << 5) | 7
    assert send(module, bytes([0xBF, 0xDE, usage, 0x08, len(data)]) + data)[1] == "9000"
    answer, sw = send(module, bytes([0x80, 0xFA, 0, 0, rule.block]) + rule.pad(r2))
    if sw.startswith("61"):
        answer, sw = send(module, "00C00000" + sw[2:])
    expected, _ = send(chip, b"\x00\x88\x00\x00\x10" + r1 + r2)
    assert rule.fold(answer) == expected


def test_psams_are_offered_by_the_simulator() -> None:
    assert {"psam", "psam_province", "psam_city"} <= set(psam_profiles())
    assert {p.levels for p in psam_profiles().values()} == {1, 2, 3}
    with pytest.raises(SimulatorError):
        build_card("no_such_psam")
