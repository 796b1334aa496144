"""The rules' optional [photo] section: the photo file's byte limits."""

from __future__ import annotations

import pytest

from counter_app.domain.rules import DEFAULT_PHOTO_FILE_SIZE, PhotoFileSize, RulesError, parse_rules
from counter_app.resources import load_rules
from tests.domain.test_rules import rules_text


def with_photo(body: str) -> str:
    return rules_text() + "\n[photo]\n" + body


def test_shipped_limits_lie_within_the_published_ones() -> None:
    limits = load_rules().photo_file_size
    assert limits == PhotoFileSize(9216, 40960)
    assert 9000 <= limits.min_bytes < limits.max_bytes <= 40960


def test_without_the_section_the_default_fits_every_published_pair() -> None:
    limits = parse_rules(rules_text(), "test.toml").photo_file_size
    assert limits == DEFAULT_PHOTO_FILE_SIZE == PhotoFileSize(14336, 20480)
    assert limits.admits(14336) and limits.admits(20480)
    assert not limits.admits(14335) and not limits.admits(20481)


def test_the_section_sets_the_limits() -> None:
    rules = parse_rules(with_photo("min_bytes = 10000\nmax_bytes = 30000\n"), "test.toml")
    assert rules.photo_file_size == PhotoFileSize(10000, 30000)


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("min_bytes = 10000\n", "photo.max_bytes"),
        ("min_bytes = 10000\nmax_bytes = 30000\nquality = 70\n", "photo.quality"),
        ('min_bytes = "10000"\nmax_bytes = 30000\n', "photo.min_bytes"),
        ("min_bytes = true\nmax_bytes = 30000\n", "photo.min_bytes"),
        ("min_bytes = 10\nmax_bytes = 30000\n", "photo.min_bytes"),
        ("min_bytes = 10000\nmax_bytes = 99999999\n", "photo.max_bytes"),
        ("min_bytes = 30000\nmax_bytes = 30000\n", "photo.max_bytes"),
    ],
)
def test_a_bad_section_names_its_key(body: str, key: str) -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules(with_photo(body), "test.toml")
    assert caught.value.key == key
    assert key in str(caught.value)


def test_photo_must_be_a_table() -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules('photo = "small"\n' + rules_text(), "test.toml")
    assert caught.value.key == "photo"
