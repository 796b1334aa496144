"""The key diversification and authentication cryptography of third-generation cards (psam.md).

One small interface, `CipherRule`, per card algorithm: 3DES (8-byte blocks) and the 16-byte
block rule shared by SSF33 and SM4 (SM4's is inferred from code and traces, not from the spec).
The primitives come from `cryptography`; SSF33 has no maintained implementation, so its rule
frames the PSAM's data (which needs no cipher) but raises CipherUnavailable when asked to
compute. The terminal only computes with this module in the simulator and in tests: with a PSAM,
the PSAM computes and the terminal pads, folds and compares.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes
from cryptography.hazmat.primitives.ciphers.algorithms import SM4

# The card's algorithm byte (FCI `9F0C … 86 01 xx`).
ALGORITHM_3DES = 0x01
ALGORITHM_SSF33 = 0x02
ALGORITHM_SM4 = 0x03

FACTOR_LENGTH = 8  # every diversification factor, process factor and raw block on the card


class CipherUnavailable(RuntimeError):
    """No maintained implementation of this cipher here (SSF33)."""


BlockEncrypt = Callable[[bytes, bytes], bytes]  # (key, data) → ECB encryption of data


def _ecb(algorithm: object, data: bytes) -> bytes:
    encryptor = Cipher(algorithm, modes.ECB()).encryptor()  # type: ignore[arg-type]
    return encryptor.update(data) + encryptor.finalize()


def triple_des(key: bytes, data: bytes) -> bytes:
    """ECB with a 16- or 24-byte 3DES key; an 8-byte key is single DES (K1 = K2 = K3)."""
    return _ecb(TripleDES(key), data)


def sm4(key: bytes, data: bytes) -> bytes:
    """ECB with SM4 (GB/T 32907), 16-byte key and blocks."""
    return _ecb(SM4(key), data)


def _unavailable_ssf33(key: bytes, data: bytes) -> bytes:
    raise CipherUnavailable("SSF33 has no maintained implementation in this application")


def complement(block: bytes) -> bytes:
    return bytes(byte ^ 0xFF for byte in block)


def xor(first: bytes, second: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(first, second, strict=True))


def _check_factor(factor: bytes, what: str) -> None:
    if len(factor) != FACTOR_LENGTH:
        raise ValueError(f"{what} must be {FACTOR_LENGTH} bytes, not {len(factor)}")


@dataclass(frozen=True)
class CipherRule:
    """How one algorithm diversifies keys and makes session keys and authentication data.

    `block` is the cipher's block size: 8 (3DES) or 16 (SSF33, SM4). On the PSAM interface a
    16-byte-block rule pads 8-byte process factors and raw blocks with 8 zero bytes, and the
    PSAM's 16-byte answer folds to the 8 bytes the card sees (C[0:8] XOR C[8:16]).
    """

    name: str
    algorithm: int
    block: int
    encrypt: BlockEncrypt

    # -- the PSAM interface (no cipher needed) ----------------------------------------------
    def pad(self, block8: bytes) -> bytes:
        """An 8-byte process factor or raw block as the PSAM takes it."""
        _check_factor(block8, "a process factor or raw block")
        return block8 if self.block == 8 else block8 + bytes(self.block - 8)

    def fold(self, answer: bytes) -> bytes:
        """The PSAM's CIPHER DATA answer as the 8 bytes of authentication data."""
        if len(answer) != self.block:
            raise ValueError(f"{self.name} answers {self.block} bytes, not {len(answer)}")
        return answer if self.block == 8 else xor(answer[:8], answer[8:16])

    # -- the computation (what the PSAM and the card do) ------------------------------------
    def diversify_once(self, key: bytes, factor: bytes) -> bytes:
        """3DES: `3DES_K(f) ‖ 3DES_K(~f)`; 16-byte blocks: `E_K(f ‖ ~f)`."""
        _check_factor(factor, "a diversification factor")
        if self.block == 8:
            return self.encrypt(key, factor) + self.encrypt(key, complement(factor))
        return self.encrypt(key, factor + complement(factor))

    def diversify(self, key: bytes, factors_highest_first: Sequence[bytes]) -> bytes:
        """Province, then city, then card (or fewer, for a key held at a lower level)."""
        for factor in factors_highest_first:
            key = self.diversify_once(key, factor)
        return key

    def session_key(self, diversified: bytes, process_factor: bytes) -> bytes:
        """3DES: `3DES_DK(r)` (8 bytes); 16-byte blocks: `E_DK(r ‖ 00×8)` (16 bytes)."""
        return self.encrypt(diversified, self.pad(process_factor))

    def cipher(self, session_key: bytes, data: bytes) -> bytes:
        """CIPHER DATA: ECB with the session key (an 8-byte 3DES session key is single DES)."""
        if len(data) % self.block:
            raise ValueError(f"{self.name} ciphers whole {self.block}-byte blocks")
        return self.encrypt(session_key, data)

    def authentication(self, session_key: bytes, raw: bytes) -> bytes:
        """3DES: `DES_KS(raw)`; 16-byte blocks: `C = E_KS(raw ‖ 00×8)`, C[0:8] XOR C[8:16]."""
        return self.fold(self.cipher(session_key, self.pad(raw)))

    def cryptogram(
        self,
        root_or_held: bytes,
        factors_highest_first: Sequence[bytes],
        process_factor: bytes,
        raw: bytes,
    ) -> bytes:
        """Diversify, make the session key, authenticate `raw`: one whole computation."""
        diversified = self.diversify(root_or_held, factors_highest_first)
        return self.authentication(self.session_key(diversified, process_factor), raw)


TRIPLE_DES = CipherRule("3DES", ALGORITHM_3DES, 8, triple_des)
SSF33 = CipherRule("SSF33", ALGORITHM_SSF33, 16, _unavailable_ssf33)
SM4_RULE = CipherRule("SM4", ALGORITHM_SM4, 16, sm4)
RULES = {rule.algorithm: rule for rule in (TRIPLE_DES, SSF33, SM4_RULE)}


def effective_algorithm(algorithm: int | None, region_code: str) -> int:
    """The card's algorithm byte; without one, SSF33 for region codes starting `11`, else 3DES."""
    if algorithm is not None:
        return algorithm
    return ALGORITHM_SSF33 if region_code.startswith("11") else ALGORITHM_3DES


def rule_for(algorithm: int) -> CipherRule:
    try:
        return RULES[algorithm]
    except KeyError:
        raise ValueError(f"unknown card algorithm {algorithm:#04x}") from None
