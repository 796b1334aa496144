"""The virtual card's answers, APDU by APDU, with no sockets."""

from __future__ import annotations

import dataclasses

import pytest

from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator.sscard import SocialSecurityCard

PROFILES = load_profiles()
SELECT_SSSE = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF"
SELECT_MF = "00A40000023F00"
SELECT_EF05 = "00A4020002EF05"
SELECT_EF06 = "00A4020002EF06"
SELECT_UNIONPAY = "00A4040008A000000333010101"
SSSE_FCI = "6F19840F7378312E73682EC9E7BBE1B1A3D5CFA5069F0C038601"

# The records of wang_xiaoming's card, as the chip stores them (tag, length, value).
WANG_EF05 = {
    0x01: "0110320100D15600000501020304A1B2C3D4",
    0x02: "020133",
    0x03: "0304322E3030",
    0x04: "040C320100000000000000000001",
    0x05: "050420190601",
    0x06: "060420290601",
    0x07: "0709413132333435363734",
}
WANG_EF06 = {
    0x08: "0812" + b"320102198503121234".hex().upper(),
    0x09: "091E" + ("王小明".encode("gbk") + bytes(24)).hex().upper(),
    0x4E: "4E14" + "00" * 20,
    0x0A: "0A0131",
    0x0B: "0B0101",
    0x0C: "0C03320102",
    0x0D: "0D0419850312",
}


def card(key: str = "wang_xiaoming", **changes: object) -> SocialSecurityCard:
    profile = PROFILES[key]
    return SocialSecurityCard(dataclasses.replace(profile, **changes) if changes else profile)


def send(chip: SocialSecurityCard, apdu: str) -> tuple[str, str]:
    """(data, status word) as upper-case hex."""
    answer = chip.transmit(bytes.fromhex(apdu)).hex().upper()
    return answer[:-4], answer[-4:]


def read(p1: int, p2: int, le: int | None = None) -> str:
    return f"00B2{p1:02X}{p2:02X}" + ("" if le is None else f"{le:02X}")


def read_whole(chip: SocialSecurityCard, p1: int, p2: int) -> tuple[str, str]:
    """READ RECORD as a reader does it: Le 00, then the length the card asked for."""
    data, sw = send(chip, read(p1, p2, 0))
    if not sw.startswith("6C"):
        return data, sw
    return send(chip, read(p1, p2, int(sw[2:], 16)))


# ATR


def test_atr_is_3b6d0000_and_the_profiles_13_historical_bytes() -> None:
    chip = card()
    assert chip.atr.hex().upper() == "3B6D0000" + PROFILES["wang_xiaoming"].atr_historical
    # T0's high nibble says two interface bytes follow (TB1, TC1), its low nibble 13 history.
    interface_bytes = bin(chip.atr[1] >> 4).count("1")
    assert chip.atr[1] & 0x0F == 13
    assert len(chip.atr) == 2 + interface_bytes + 13


def test_a_profile_with_a_short_atr_history_is_refused() -> None:
    with pytest.raises(ValueError, match="13 bytes"):
        card(atr_historical="0086815A10")


# SELECT


def test_select_ssse_answers_the_fci_with_3des() -> None:
    assert send(card(), SELECT_SSSE) == (SSSE_FCI + "01", "9000")


def test_a_third_generation_card_names_sm4_in_its_fci() -> None:
    assert send(card("zhang_wei"), SELECT_SSSE) == (SSSE_FCI + "03", "9000")


@pytest.mark.parametrize("p1", ["00", "02"])
def test_select_ef_by_file_id_with_p1_00_or_02(p1: str) -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, f"00A4{p1}0002EF06") == ("", "9000")
    assert read_whole(chip, 0x08, 0x00) == (WANG_EF06[0x08], "9000")


def test_select_of_an_unknown_file_or_name_is_6a82_and_keeps_the_selection() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    send(chip, SELECT_EF05)
    assert send(chip, "00A4020002EF07") == ("", "6A82")
    assert send(chip, "00A4040005A000000001") == ("", "6A82")
    assert read_whole(chip, 0x01, 0x00) == (WANG_EF05[0x01], "9000")


def test_select_mf_of_an_ordinary_card_has_no_social_security_files() -> None:
    chip = card()
    assert send(chip, SELECT_MF) == ("", "9000")
    assert send(chip, SELECT_EF05) == ("", "6A82")


def test_select_ef_before_any_application_is_6a82() -> None:
    assert send(card(), SELECT_EF05) == ("", "6A82")


@pytest.mark.parametrize(
    "apdu", ["00A4010002EF05", "00A4040C0F7378312E73682EC9E7BBE1B1A3D5CF", "00A4080002EF05"]
)
def test_select_with_wrong_p1_or_p2_is_6a86(apdu: str) -> None:
    assert send(card(), apdu) == ("", "6A86")


def test_select_by_file_id_with_other_than_two_bytes_is_6700() -> None:
    assert send(card(), "00A4020001EF") == ("", "6700")


def test_the_unionpay_application_answers_on_a_social_security_card_too() -> None:
    data, sw = send(card(), SELECT_UNIONPAY)
    assert sw == "9000"
    assert data.startswith("6F") and "8408A000000333010101" in data


# READ RECORD


@pytest.mark.parametrize("tag", sorted(WANG_EF05))
def test_every_ef05_record_by_sfi(tag: int) -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert read_whole(chip, tag, 0x28) == (WANG_EF05[tag], "9000")


@pytest.mark.parametrize("tag", sorted(WANG_EF06))
def test_every_ef06_record_by_sfi(tag: int) -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert read_whole(chip, tag, 0x30) == (WANG_EF06[tag], "9000")


def test_read_by_tag_in_the_current_ef() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    send(chip, SELECT_EF05)
    assert read_whole(chip, 0x07, 0x00) == (WANG_EF05[0x07], "9000")
    # EF06's tags are not in EF05.
    assert read_whole(chip, 0x08, 0x00) == ("", "6A83")


def test_read_by_record_number_in_the_current_ef_and_by_sfi() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    send(chip, SELECT_EF05)
    assert read_whole(chip, 1, 0x04) == (WANG_EF05[0x01], "9000")
    assert read_whole(chip, 7, 0x04) == (WANG_EF05[0x07], "9000")
    assert read_whole(chip, 8, 0x04) == ("", "6A83")
    assert read_whole(chip, 2, 0x2C) == (WANG_EF05[0x02], "9000")
    # EF06: 08, 09, 4E, 0A… so record 3 is the name extension.
    assert read_whole(chip, 3, 0x34) == (WANG_EF06[0x4E], "9000")


def test_reading_by_sfi_makes_that_file_current() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    read_whole(chip, 0x08, 0x30)
    assert read_whole(chip, 0x0D, 0x00) == (WANG_EF06[0x0D], "9000")


def test_le_00_absent_or_wrong_is_6cxx_with_the_records_length() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, read(0x07, 0x28, 0x00)) == ("", "6C0B")
    assert send(chip, read(0x07, 0x28)) == ("", "6C0B")
    assert send(chip, read(0x07, 0x28, 0x09)) == ("", "6C0B")
    assert send(chip, read(0x07, 0x28, 0x0C)) == ("", "6C0B")
    assert send(chip, read(0x07, 0x28, 0x0B)) == (WANG_EF05[0x07], "9000")
    assert send(chip, read(0x09, 0x30, 0x00)) == ("", "6C20")


def test_read_without_a_current_ef_is_6986() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, read(0x01, 0x00, 0x12)) == ("", "6986")
    assert send(chip, read(0x01, 0x04, 0x12)) == ("", "6986")


def test_read_by_an_sfi_the_application_lacks_is_6a82() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, read(0x01, 0x38, 0x12)) == ("", "6A82")  # SFI 7


def test_read_by_sfi_before_selecting_the_application_is_6a82() -> None:
    assert send(card(), read(0x01, 0x28, 0x12)) == ("", "6A82")


def test_a_missing_tag_is_6a83() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, read(0x20, 0x28, 0x00)) == ("", "6A83")


@pytest.mark.parametrize("p1, p2", [(0x01, 0x05), (0x01, 0x2A), (0x00, 0x28), (0x00, 0x04)])
def test_read_with_wrong_p1_or_p2_is_6a86(p1: int, p2: int) -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, read(p1, p2, 0x00)) == ("", "6A86")


def test_first_generation_card_has_neither_spec_version_nor_name_extension() -> None:
    chip = card("chen_jing")
    send(chip, SELECT_SSSE)
    assert read_whole(chip, 0x03, 0x28) == ("", "6A83")
    assert read_whole(chip, 0x4E, 0x30) == ("", "6A83")
    # Without record 03, the issuer number is record 3.
    data, sw = read_whole(chip, 3, 0x2C)
    assert (data[:4], sw) == ("040C", "9000")
    name, _ = read_whole(chip, 0x09, 0x30)
    assert bytes.fromhex(name[4:]).rstrip(b"\x00").decode("gb18030") == "陈静"


# Names across 09 and 4E


def name_items(chip: SocialSecurityCard) -> tuple[bytes, bytes]:
    send(chip, SELECT_SSSE)
    name, sw1 = read_whole(chip, 0x09, 0x30)
    extension, sw2 = read_whole(chip, 0x4E, 0x30)
    assert (sw1, sw2) == ("9000", "9000")
    return bytes.fromhex(name)[2:], bytes.fromhex(extension)[2:]


def test_a_long_name_continues_in_the_extension() -> None:
    name, extension = name_items(card("abdurahman"))
    assert len(name) == 30 and len(extension) == 20
    full = "阿卜杜热合曼·艾合买提江·买买提明"
    assert name == full.encode("gb18030")[:30]
    assert extension == "提明".encode("gb18030") + bytes(16)
    assert (name + extension).rstrip(b"\x00").decode("gb18030") == full


def test_a_rare_character_is_four_gb18030_bytes_in_the_name() -> None:
    name, extension = name_items(card("yang_ji"))
    assert bytes.fromhex("9534B235") in name  # 𠮷 U+20BB7
    assert name.rstrip(b"\x00").decode("gb18030") == "杨𠮷䶮"
    assert extension == bytes(20)
    with pytest.raises(UnicodeDecodeError):
        name.rstrip(b"\x00").decode("gbk")


def test_a_four_byte_character_straddling_byte_30_moves_whole_into_the_extension() -> None:
    name, extension = name_items(card(name="阿" * 14 + "𠮷明"))
    assert name == "阿".encode("gb18030") * 14 + b"\x00\x00"
    assert extension == bytes.fromhex("9534B235") + "明".encode("gb18030") + bytes(14)


def test_a_name_filling_exactly_30_bytes_leaves_the_extension_empty() -> None:
    name, extension = name_items(card(name="阿" * 15))
    assert name == "阿".encode("gb18030") * 15
    assert extension == bytes(20)


# GET CHALLENGE, EXTERNAL AUTHENTICATE, unknown commands


def test_get_challenge_gives_fresh_random_bytes() -> None:
    chip = card()
    first, sw1 = send(chip, "0084000008")
    second, sw2 = send(chip, "0084000008")
    assert (sw1, sw2) == ("9000", "9000")
    assert len(bytes.fromhex(first)) == 8 and first != second
    assert chip.challenge == bytes.fromhex(second)


def test_get_challenge_uses_the_cards_random_source_and_checks_le_and_p1p2() -> None:
    chip = SocialSecurityCard(PROFILES["wang_xiaoming"], random_bytes=lambda n: bytes(range(n)))
    assert send(chip, "0084000008") == ("0001020304050607", "9000")
    assert send(chip, "0084000004") == ("00010203", "9000")
    assert send(chip, "0084000000") == ("", "6C08")
    assert send(chip, "0084010008") == ("", "6A86")


def test_unknown_ins_is_6d00_and_unknown_cla_is_6e00() -> None:
    chip = card()
    assert send(chip, "00CA9F7F00") == ("", "6D00")
    assert send(chip, "80A404000F7378312E73682EC9E7BBE1B1A3D5CF") == ("", "6E00")
    assert send(chip, "00B2012C00".replace("00B2", "84B2")) == ("", "6E00")


@pytest.mark.parametrize("apdu", ["00A404", "00A404000F7378", "00B2012C0A0B"])
def test_malformed_apdus_are_6700(apdu: str) -> None:
    assert send(card(), apdu) == ("", "6700")


# Quirk: T=0


def test_t0_card_announces_data_with_61xx_and_gives_it_on_get_response() -> None:
    chip = card("sun_li")
    assert send(chip, SELECT_SSSE) == ("", "611B")
    assert send(chip, "00C000001B") == (SSSE_FCI + "01", "9000")
    # The answer is handed out once.
    assert send(chip, "00C000001B") == ("", "6985")


def test_t0_card_read_record_6cxx_then_61xx_then_get_response() -> None:
    chip = card("sun_li")
    send(chip, SELECT_SSSE)
    send(chip, "00C000001B")
    assert send(chip, read(0x07, 0x28, 0x00)) == ("", "6C0B")
    assert send(chip, read(0x07, 0x28, 0x0B)) == ("", "610B")
    assert send(chip, "00C0000000") == ("", "6C0B")
    assert send(chip, "00C000000A") == ("", "6C0B")
    data, sw = send(chip, "00C000000B")
    assert (bytes.fromhex(data), sw) == (b"\x07\x09A78901231", "9000")


def test_t0_card_statuses_without_data_come_directly() -> None:
    chip = card("sun_li")
    assert send(chip, SELECT_MF) == ("", "9000")
    assert send(chip, SELECT_EF05) == ("", "6A82")


def test_t0_card_drops_an_unfetched_answer_at_the_next_command() -> None:
    chip = card("sun_li")
    assert send(chip, SELECT_SSSE) == ("", "611B")
    send(chip, "0084000008")
    send(chip, SELECT_EF05)
    assert send(chip, "00C0000008") == ("", "6985")


def test_get_response_on_a_t1_card_has_nothing_to_give() -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    assert send(chip, "00C000001B") == ("", "6985")


# Quirk: the SSSE is the MF


def test_ssse_as_mf_refuses_the_name_and_serves_the_files_under_3f00() -> None:
    chip = card("zhou_min")
    assert send(chip, SELECT_SSSE) == ("", "6A82")
    assert send(chip, read(0x07, 0x28, 0x0B)) == ("", "6A82")
    assert send(chip, SELECT_MF) == (SSSE_FCI + "01", "9000")
    data, sw = read_whole(chip, 0x07, 0x28)
    assert (bytes.fromhex(data), sw) == (b"\x07\x09A89012341", "9000")
    assert send(chip, SELECT_EF06) == ("", "9000")
    data, sw = read_whole(chip, 0x08, 0x00)
    assert (bytes.fromhex(data), sw) == (b"\x08\x12320106197509032727", "9000")


# Quirk: third generation


def test_third_generation_card_reads_ef05_but_refuses_ef06_with_6982() -> None:
    chip = card("zhang_wei")
    send(chip, SELECT_SSSE)
    for tag in (0x01, 0x03, 0x07):
        assert read_whole(chip, tag, 0x28)[1] == "9000"
    assert read_whole(chip, 0x03, 0x28)[0] == "0304" + b"3.00".hex().upper()
    for tag in (0x08, 0x09, 0x4E, 0x0A, 0x0B, 0x0C, 0x0D):
        assert send(chip, read(tag, 0x30, 0x00)) == ("", "6982")
    assert send(chip, read(1, 0x34, 0x00)) == ("", "6982")
    send(chip, SELECT_EF06)
    assert send(chip, read(0x08, 0x00, 0x14)) == ("", "6982")


def test_a_wrong_cryptogram_does_not_open_ef06() -> None:
    chip = card("zhang_wei")
    send(chip, SELECT_SSSE)
    send(chip, "0084000008")
    assert send(chip, "0082000A10" + "00" * 16) == ("", "63C2")
    assert not chip.authenticated
    assert send(chip, read(0x08, 0x30, 0x14)) == ("", "6982")


def test_an_authenticated_third_generation_card_opens_ef06_until_reset() -> None:
    chip = card("zhang_wei")
    send(chip, SELECT_SSSE)
    chip.authenticated = True  # what a successful external authentication does
    data, sw = send(chip, read(0x08, 0x30, 0x14))
    assert (bytes.fromhex(data), sw) == (b"\x08\x12320113197811050313", "9000")
    chip.reset()
    send(chip, SELECT_SSSE)
    assert send(chip, read(0x08, 0x30, 0x14)) == ("", "6982")


# Quirk: locked


def test_locked_card_answers_9303_to_the_application_and_the_mf() -> None:
    chip = card("wu_gang")
    assert send(chip, SELECT_SSSE) == ("", "9303")
    assert send(chip, SELECT_MF) == ("", "9303")
    assert send(chip, read(0x07, 0x28, 0x0B)) == ("", "6A82")
    assert send(chip, SELECT_EF05) == ("", "6A82")


# Quirk: a bank card only


def test_bank_card_has_no_social_security_application() -> None:
    chip = card("bank_debit")
    assert send(chip, SELECT_SSSE) == ("", "6A82")
    assert send(chip, SELECT_MF) == ("", "9000")
    assert send(chip, SELECT_EF05) == ("", "6A82")
    assert send(chip, SELECT_EF06) == ("", "6A82")
    assert send(chip, read(0x07, 0x28, 0x0B)) == ("", "6A82")
    data, sw = send(chip, SELECT_UNIONPAY)
    assert sw == "9000"
    assert data.startswith("6F") and "8408A000000333010101" in data
    assert send(chip, SELECT_EF05) == ("", "6A82")


# Reset and power


@pytest.mark.parametrize("event", ["reset", "power_off", "power_on"])
def test_reset_and_power_clear_the_selection(event: str) -> None:
    chip = card()
    send(chip, SELECT_SSSE)
    send(chip, SELECT_EF05)
    assert read_whole(chip, 0x01, 0x00)[1] == "9000"
    getattr(chip, event)()
    assert send(chip, read(0x01, 0x00, 0x12)) == ("", "6986")
    assert send(chip, read(0x01, 0x28, 0x12)) == ("", "6A82")


def test_reset_drops_a_pending_t0_answer() -> None:
    chip = card("sun_li")
    send(chip, SELECT_SSSE)
    chip.reset()
    assert send(chip, "00C000001B") == ("", "6985")
