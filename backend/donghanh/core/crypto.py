"""Field encryption at rest (AES-256-GCM) with a key ring, and blind indexes for matching on encrypted values.

Ciphertext reads `v1:<kid>:<base64(nonce ‖ ciphertext ‖ tag)>`; the key id lets old rows decrypt after the
active key changes, and `donghanh rotate-keys` re-encrypts them. The column name is authenticated data, so a
value copied into another column does not decrypt."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import String, Text, TypeDecorator

PREFIX = "v1"
_EMPTY_BLOB_LENGTH = len(base64.b64encode(bytes(12 + 16)))  # nonce and tag around no text: 40 characters


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"donghanh-field-keys", info=purpose).derive(
        secret.encode()
    )


@dataclass
class KeyRing:
    keys: dict[str, bytes]
    active: str
    index_key: bytes
    # One cipher per key, built on first use (building one costs as much as sealing a short field).
    _ciphers: dict[bytes, AESGCM] = field(default_factory=dict, init=False, repr=False, compare=False)

    def _cipher(self, key: bytes) -> AESGCM:
        cipher = self._ciphers.get(key)
        if cipher is None:
            cipher = self._ciphers[key] = AESGCM(key)
        return cipher

    @classmethod
    def from_secrets(cls, secrets: dict[str, str], active: str, index_secret: str) -> KeyRing:
        if active not in secrets:
            raise ValueError(f"active field-encryption key {active!r} is not in the key ring")
        return cls(
            keys={kid: _derive(secret, b"aes-gcm") for kid, secret in secrets.items()},
            active=active,
            # A key of its own: blind indexes must stay stable when encryption keys rotate.
            index_key=_derive(index_secret, b"blind-index"),
        )

    def encrypt(self, plaintext: str, context: str) -> str:
        nonce = os.urandom(12)
        sealed = self._cipher(self.keys[self.active]).encrypt(nonce, plaintext.encode(), context.encode())
        return f"{PREFIX}:{self.active}:{base64.b64encode(nonce + sealed).decode()}"

    def decrypt(self, stored: str, context: str) -> str:
        version, kid, blob = stored.split(":", 2)
        if version != PREFIX or kid not in self.keys:
            raise ValueError(f"cannot decrypt: unknown key {kid!r}")
        raw = base64.b64decode(blob)
        return self._cipher(self.keys[kid]).decrypt(raw[:12], raw[12:], context.encode()).decode()

    def holds_text(self, stored: str | None, context: str) -> bool:
        """Whether a sealed value holds any text, opened only when its length cannot tell: AES-GCM adds
        no padding, so the blob is base64 of the nonce, the text's bytes and the tag, and one longer than
        an empty text's holds three bytes or more. For flags a list shows (a client's notes: is there
        anything to open?) without decrypting every row."""
        if stored is None:
            return False
        if len(stored) - stored.rindex(":") - 1 > _EMPTY_BLOB_LENGTH:
            return True
        return bool(self.decrypt(stored, context))

    def key_id_of(self, stored: str) -> str:
        return stored.split(":", 2)[1]

    def blind_index(self, value: str | None) -> str | None:
        if not value:
            return None
        return hmac.new(self.index_key, value.encode(), hashlib.sha256).hexdigest()


_ring: KeyRing | None = None


def configure(secrets: dict[str, str], active: str, index_secret: str) -> KeyRing:
    global _ring
    _ring = KeyRing.from_secrets(secrets, active, index_secret)
    return _ring


def ring() -> KeyRing:
    if _ring is None:
        raise RuntimeError("field encryption is not configured (crypto.configure at start-up)")
    return _ring


class Encrypted(TypeDecorator[str]):
    """A text column stored encrypted; the application sees plaintext."""

    impl = Text
    cache_ok = True

    def __init__(self, context: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.context = context

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else ring().encrypt(value, self.context)

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else ring().decrypt(value, self.context)


BlindIndex = String(64)
