"""Fuzzing: whatever is encoded decodes to itself; whatever decodes survives a round trip; and
frames cut anywhere and mixed with noise come out exactly as sent."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from counter_app.idcard.card import CardType, IdCard
from counter_app.idcard.errors import CardDataError
from counter_app.idcard.frames import Frame, FrameDecoder, answer_frame
from counter_app.idcard.layouts import TEXT_SIZE, TYPE_FLAGS, TYPE_OFFSET, decode_text, encode_text

# Any character UTF-16 can carry (surrogate code points alone cannot be encoded).
CHARACTERS = st.characters(exclude_categories=("Cs",))


def field(size: int) -> st.SearchStrategy[str]:
    """A value for a field of `size` bytes: fits, and ends in no padding space."""
    return st.text(CHARACTERS, max_size=size // 2).filter(
        lambda value: len(value.encode("utf-16-le")) <= size and not value.endswith(" ")
    )


SEX = st.sampled_from(["1", "2"])
ETHNICITY = st.none() | st.from_regex(r"[0-9]{2}", fullmatch=True)
DATES = st.dates()


@st.composite
def cards(draw: st.DrawFn) -> IdCard:
    card_type = draw(st.sampled_from(list(CardType)))
    common = {
        "card_type": card_type,
        "sex": draw(SEX),
        "birth_date": draw(DATES),
        "valid_from": draw(DATES),
        "valid_to": draw(st.none() | DATES),
        "ethnicity": None,
        "address": None,
        "issuing_authority": None,
    }
    if card_type in (CardType.RESIDENT, CardType.HK_MO_TW):
        common |= {
            "name": draw(field(30)),
            "ethnicity": draw(ETHNICITY),
            "address": draw(field(70)),
            "id_number": draw(field(36)),
            "issuing_authority": draw(field(30)),
        }
    if card_type is CardType.HK_MO_TW:
        common |= {"pass_number": draw(field(18)), "issue_count": draw(field(4))}
    if card_type is CardType.FOREIGN:
        common |= {
            "name": draw(field(30)),
            "english_name": draw(field(120)),
            "id_number": draw(field(30)),
            "nationality": draw(field(6)),
            "card_version": draw(field(4)),
            "authority_code": draw(field(8)),
        }
    if card_type is CardType.FOREIGN_2023:
        common |= {
            "name": draw(field(30)),
            "english_name": draw(field(92)),  # its two fields, 70 + 22 bytes
            "id_number": draw(field(36)),
            "issue_count": draw(field(4)),
            "nationality": draw(field(6)),
            "previous_number_link": draw(field(6)),
        }
    return IdCard(**common)


@given(cards())
def test_every_card_decodes_to_what_was_encoded(card: IdCard) -> None:
    text = encode_text(card)
    assert len(text) == TEXT_SIZE
    assert TYPE_FLAGS[text[TYPE_OFFSET : TYPE_OFFSET + 2].decode("utf-16-le")] is card.card_type
    assert decode_text(text) == card


@given(cards(), st.integers(0, TEXT_SIZE - 1), st.binary(min_size=1, max_size=40))
def test_damaged_text_is_refused_or_decodes_to_a_card_that_round_trips(
    card: IdCard, at: int, damage: bytes
) -> None:
    text = bytearray(encode_text(card))
    text[at : at + len(damage)] = damage[: TEXT_SIZE - at]
    try:
        decoded = decode_text(bytes(text))
    except CardDataError:
        return
    assert decoded.sex in ("1", "2")
    assert decoded.ethnicity is None or re.fullmatch("[0-9]{2}", decoded.ethnicity)
    assert decode_text(encode_text(decoded)) == decoded


# Answer frames: any status, any data that fits.
ANSWERS = st.lists(
    st.tuples(st.integers(0, 0xFFFFFF), st.binary(max_size=300)), min_size=1, max_size=6
)
NOISE = st.binary(max_size=20).map(lambda noise: noise.replace(b"\xaa", b""))


@given(ANSWERS, st.lists(NOISE, min_size=7, max_size=7), st.lists(st.integers(0, 2000)))
def test_frames_come_out_as_sent_however_the_stream_is_cut(
    answers: list[tuple[int, bytes]], noise: list[bytes], cuts: list[int]
) -> None:
    stream = b"".join(noise[i] + answer_frame(*answer) for i, answer in enumerate(answers))
    decoder = FrameDecoder()
    found: list[Frame] = []
    points = sorted({0, len(stream), *(cut % (len(stream) + 1) for cut in cuts)})
    for start, end in pairwise(points):
        decoder.feed(stream[start:end])
        while (frame := decoder.next_frame()) is not None:
            found.append(frame)
    assert found == [Frame(status, data) for status, data in answers]
    assert decoder.skipped == sum(len(n) for n in noise[: len(answers)])


@given(cards())
def test_the_photo_is_no_part_of_the_text(card: IdCard) -> None:
    with_photo = replace(card, photo=b"\x01" * 1024)
    assert encode_text(with_photo) == encode_text(card)
