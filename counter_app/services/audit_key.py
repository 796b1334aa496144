"""The audit chain's key: random bytes in a file only the service reads, and the scheme it
makes hashes with. Never written to the trail, the log or a message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from counter_app.services.audit_hash import Scheme

MIN_KEY_BYTES = 32
MAKE_ONE = "head -c 32 /dev/urandom > FILE"


class AuditKeyError(ValueError):
    """The key file is missing, unreadable or too short to be a key."""


@dataclass(frozen=True)
class AuditKey:
    secret: bytes = field(repr=False)
    scheme: Scheme = Scheme.HMAC_SHA256

    def __post_init__(self) -> None:
        if not self.scheme.keyed:
            raise AuditKeyError(f"{self.scheme.title} is not a keyed scheme")
        if len(self.secret) < MIN_KEY_BYTES:
            # A short key is guessable, and a typed password is no key: refuse rather than weaken.
            raise AuditKeyError(
                f"the audit key holds {len(self.secret)} bytes; it needs at least "
                f"{MIN_KEY_BYTES} random bytes (e.g. `{MAKE_ONE}`)"
            )

    @classmethod
    def from_file(cls, path: Path, scheme: Scheme = Scheme.HMAC_SHA256) -> AuditKey:
        try:
            secret = path.read_bytes()
        except OSError as error:
            raise AuditKeyError(f"cannot read the audit key {path}: {error.strerror}") from error
        try:
            return cls(secret, scheme)
        except AuditKeyError as error:
            raise AuditKeyError(f"{path}: {error}") from None
