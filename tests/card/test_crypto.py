"""The PSAM cryptography against psam.md's vectors, and the diversification factors."""

from __future__ import annotations

from functools import reduce

import pytest

from counter_app.card import crypto
from counter_app.card.atr import historical_bytes
from counter_app.card.authentication import (
    CardIdentity,
    card_factor,
    city_factor,
    province_factor,
)

# psam.md, "Checking an implementation (synthetic keys)".
ATR = bytes.fromhex("3B6D000000814A444686605199000001AC")
CARD_ID = "519900D15600000510000B26FFFFFFFF"
F3, F2, F1 = (
    bytes.fromhex(h) for h in ("86605199000001AC", "3531393930307378", "3531303030307368")
)
R1, R2 = bytes.fromhex("32D9E876ADB31BBF"), bytes.fromhex("DBF7A936D0D18C9E")
RC, RAW = bytes.fromhex("98B4D293D091C331"), bytes.fromhex("E603E2CAADAF02B6")
IRK = bytes.fromhex("00112233445566778899AABBCCDDEEFF")
RKSSSE = bytes.fromhex("0F1E2D3C4B5A69788796A5B4C3D2E1F0")
VECTORS = {
    crypto.TRIPLE_DES: ("2D02E484BFC5CD15", "EB88A1F304EBA579", "71C879356E47C44BD1FAC25F15E3F327"),
    crypto.SM4_RULE: ("B4193D38A4780C31", "CD18A6AEF86A112A", "67FF0F458A9561E8406073C3D552BE02"),
}
RULES = pytest.mark.parametrize("rule", list(VECTORS), ids=lambda rule: rule.name)


def test_the_factors_come_from_the_parsed_atr_and_the_card_identification_code() -> None:
    card = CardIdentity(CARD_ID, historical_bytes(ATR), crypto.ALGORITHM_3DES)
    assert card.factors() == (F3, F2, F1)


def test_the_card_factor_ignores_a_check_byte_ending_the_atr() -> None:
    # TA1 TC1 TD1 (T=1, TD2 follows) TD2 (TA3 TB3 follow): a T=1 ATR ends with TCK.
    body = bytes.fromhex("DD18008131FE45") + historical_bytes(ATR)
    atr = b"\x3b" + body + bytes([reduce(lambda a, b: a ^ b, body)])
    assert historical_bytes(atr) == historical_bytes(ATR)
    assert card_factor(historical_bytes(atr)) == F3
    assert atr[-8:] != F3  # what "the last 8 bytes" would wrongly give


def test_zhejiang_city_codes_keep_four_digits() -> None:
    assert city_factor("330100D156000005") == bytes.fromhex("3333303130307378")  # "3301" "00sx"
    assert city_factor("330282") == b"330200sx"
    assert province_factor("330100") == b"330000sh"
    assert city_factor("320105") == b"320105sx"


def test_region_codes_must_be_digits() -> None:
    with pytest.raises(ValueError):
        city_factor("FFFFFF")
    with pytest.raises(ValueError):
        card_factor(bytes(8))


@RULES
def test_internal_authentication_vector(rule: crypto.CipherRule) -> None:
    internal, _, _ = VECTORS[rule]
    assert rule.cryptogram(IRK, [F1, F2, F3], R1, R2).hex().upper() == internal


@RULES
def test_external_authentication_vector(rule: crypto.CipherRule) -> None:
    _, external, _ = VECTORS[rule]
    assert rule.cryptogram(RKSSSE, [F1, F2, F3], RC, RAW).hex().upper() == external


@RULES
def test_diversified_read_key_vector(rule: crypto.CipherRule) -> None:
    _, _, diversified = VECTORS[rule]
    assert rule.diversify(RKSSSE, [F1, F2, F3]).hex().upper() == diversified


@RULES
def test_a_psam_computes_the_same_from_the_padded_interface(rule: crypto.CipherRule) -> None:
    """What a PSAM does with BF DE and 80 FA, folded by the terminal, is the card's answer."""
    _, external, _ = VECTORS[rule]
    session = rule.encrypt(rule.diversify(RKSSSE, [F1, F2, F3]), rule.pad(RC))
    answer = rule.cipher(session, rule.pad(RAW))
    assert len(answer) == rule.block
    assert rule.fold(answer).hex().upper() == external


def test_sm4_primitive_check_from_gbt_32907() -> None:
    key = bytes.fromhex("0123456789ABCDEFFEDCBA9876543210")
    assert crypto.sm4(key, key).hex().upper() == "681EDF34D206965E86B3E94F536E4246"


def test_the_3des_session_key_is_single_des_on_the_raw_block() -> None:
    session = bytes.fromhex("0123456789ABCDEF")
    assert crypto.triple_des(session, RAW) == crypto.triple_des(session * 3, RAW)


def test_ssf33_frames_the_psam_data_but_computes_nothing_here() -> None:
    rule = crypto.rule_for(crypto.ALGORITHM_SSF33)
    assert rule.block == 16 and rule.pad(RC) == RC + bytes(8)
    assert rule.fold(bytes(8) + bytes(range(8))) == bytes(range(8))
    with pytest.raises(crypto.CipherUnavailable):
        rule.diversify(IRK, [F1])


def test_the_algorithm_defaults_without_the_fci_template() -> None:
    assert crypto.effective_algorithm(None, "110100") == crypto.ALGORITHM_SSF33
    assert crypto.effective_algorithm(None, "320100") == crypto.ALGORITHM_3DES
    assert crypto.effective_algorithm(crypto.ALGORITHM_SM4, "110100") == crypto.ALGORITHM_SM4
    with pytest.raises(ValueError):
        crypto.rule_for(0x07)


def test_factors_and_blocks_must_be_eight_bytes() -> None:
    with pytest.raises(ValueError):
        crypto.TRIPLE_DES.diversify_once(IRK, bytes(7))
    with pytest.raises(ValueError):
        crypto.SM4_RULE.pad(bytes(16))
    with pytest.raises(ValueError):
        crypto.SM4_RULE.fold(bytes(8))
