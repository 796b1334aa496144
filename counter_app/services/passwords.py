"""Password hashing (Argon2id) and the policy for new passwords."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from counter_app.services.errors import WeakPassword

_hasher = PasswordHasher()


@cache
def _decoy_hash() -> str:
    """Verified when the staff number is unknown, so a wrong number costs as long as a wrong
    password; made on first use, not at import (hashing is deliberately slow)."""
    return _hasher.hash("decoy password 0")


MIN_LENGTH = 8


def check_policy(password: str) -> None:
    has_letter = any(ch.isalpha() for ch in password)
    has_digit = any(ch.isdigit() for ch in password)
    if len(password) < MIN_LENGTH or not (has_letter and has_digit):
        raise WeakPassword()


def hash_password(password: str) -> str:
    check_policy(password)
    return _hasher.hash(password)


def matches(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _decoy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
