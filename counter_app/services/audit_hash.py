"""How an audit event's hash is made: the fields it covers and the schemes that digest them."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from counter_app.store.models import AuditEvent

GENESIS_HASH = "0" * 64
# The event that moves the chain to a keyed scheme (its detail names the algorithm, never the key).
SWITCH_ACTION = "audit_chain_keyed"


class Scheme(StrEnum):
    """Stored in each event's `scheme` column; the chain may only move from unkeyed to keyed."""

    SHA256 = "sha256"  # unkeyed: the trail before keying, and an embedded database
    HMAC_SHA256 = "hmac-sha256"
    HMAC_SM3 = "hmac-sm3"  # GB/T 32905, for outlets whose rules call for the national algorithm

    @property
    def keyed(self) -> bool:
        return self is not Scheme.SHA256

    @property
    def title(self) -> str:
        return {
            Scheme.SHA256: "SHA-256",
            Scheme.HMAC_SHA256: "HMAC-SHA-256",
            Scheme.HMAC_SM3: "HMAC-SM3",
        }[self]


def canonical(event: AuditEvent) -> bytes:
    """The event's fields and the previous hash, the same for every scheme."""
    fields = [
        event.seq,
        event.at.astimezone(UTC).isoformat(timespec="microseconds"),
        event.actor,
        event.action,
        event.object_type,
        event.object_id,
        event.from_state,
        event.to_state,
        event.detail,
        event.workstation,
        event.prev_hash,
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def digest(event: AuditEvent, scheme: Scheme, secret: bytes | None = None) -> str:
    """The hex digest `scheme` makes of the event; a keyed scheme needs the secret."""
    message = canonical(event)
    if scheme is Scheme.SHA256:
        return hashlib.sha256(message).hexdigest()
    if secret is None:
        raise ValueError(f"{scheme.title} needs the audit key")
    if scheme is Scheme.HMAC_SHA256:
        return hmac.new(secret, message, hashlib.sha256).hexdigest()
    return _hmac_sm3(secret, message)


def _hmac_sm3(secret: bytes, message: bytes) -> str:
    # The standard library has no SM3; cryptography's OpenSSL does.
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives import hmac as crypto_hmac

    mac = crypto_hmac.HMAC(secret, hashes.SM3())
    mac.update(message)
    return mac.finalize().hex()
