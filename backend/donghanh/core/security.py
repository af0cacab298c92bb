"""Password hashing and tokens. The only module that touches JWT."""
from __future__ import annotations

import functools
import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from jose import JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from donghanh.config import Settings
from donghanh.core.errors import Unauthorized

_password_hash = PasswordHash((Argon2Hasher(),))
# Verified against when the username is unknown, so both paths cost one argon2 verification.
_DUMMY_HASH = _password_hash.hash("timing-equaliser-" + secrets.token_hex(8))

# Explicit allow-list: a token claiming any other algorithm ("none", RS256, HS512…) is refused
# before any key is touched.
ALLOWED_ALGORITHMS = ("HS256",)
MAX_TOKEN_LENGTH = 4096
ACCESS_TOKEN_TYPE = "access"
REQUIRED_CLAIMS = ("sub", "role", "iss", "aud", "exp", "iat", "jti", "typ")


def hash_password(password: str) -> str:
    return _password_hash.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    if password_hash is None:
        _password_hash.verify(password, _DUMMY_HASH)
        return False
    try:
        return _password_hash.verify(password, password_hash)
    except Exception:  # a malformed stored hash must not become a 500 at login
        return False


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_access_token(
    settings: Settings,
    *,
    subject: str,
    role: str,
    org_unit: str | None,
    organisation: str | None,
    scope: str,
    session_id: str | None,
    kind: str = "user",
    now: datetime | None = None,
) -> tuple[str, int]:
    now = now or datetime.now(UTC)
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims: dict[str, Any] = {
        "sub": subject,
        "role": role,
        "org_unit": org_unit,
        "org": organisation,
        "scope": scope,
        "sid": session_id,
        "kind": kind,
        "typ": ACCESS_TOKEN_TYPE,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": uuid.uuid4().hex,
    }
    kid = settings.jwt_active_kid
    token = jwt.encode(claims, settings.jwt_keys[kid], algorithm=ALLOWED_ALGORITHMS[0], headers={"kid": kid})
    return token, int(lifetime.total_seconds())


def decode_access_token(settings: Settings, token: str) -> dict[str, Any]:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise _invalid()
    try:
        kid = _signing_kid(token)
        if kid not in settings.jwt_keys:
            raise _invalid()
        claims = _verified_claims(token, settings.jwt_keys[kid], settings.jwt_audience, settings.jwt_issuer)
    except JWTError as exc:
        raise _invalid() from exc
    # The cache above remembers a signature once checked; the token's time window is checked on every use.
    now = datetime.now(UTC).timestamp()
    if not claims["exp"] > now >= claims.get("nbf", claims["iat"]):
        raise _invalid()
    return dict(claims)


def _invalid() -> Unauthorized:
    return Unauthorized("The access token is invalid or expired.")


@functools.lru_cache(maxsize=4096)
def _signing_kid(token: str) -> str:
    """The key id of a token whose header names an allowed algorithm (parsed once per token, like its
    claims below); refusals are exceptions, which are not cached."""
    header = jwt.get_unverified_header(token)
    kid = header.get("kid")
    if header.get("alg") not in ALLOWED_ALGORITHMS or not isinstance(kid, str):
        raise JWTError("algorithm or key id refused")
    return kid


@functools.lru_cache(maxsize=4096)
def _verified_claims(token: str, key: str, audience: str, issuer: str) -> dict[str, Any]:
    """A token's claims once its signature, audience, issuer and claims are verified: a token is sent with
    every request of its lifetime, and verifying it again each time was a tenth of a list request's CPU.
    Keyed by the key as well, so a token is never taken on the word of a key since replaced. Refusals are
    exceptions, which are not cached."""
    claims = jwt.decode(
        token, key, algorithms=list(ALLOWED_ALGORITHMS), audience=audience, issuer=issuer,
        options={
            "require_exp": True, "require_iat": True, "require_aud": True, "require_iss": True,
            "require_jti": True, "require_sub": True, "verify_nbf": True, "leeway": 0,
        },
    )
    if any(claims.get(name) in (None, "") for name in REQUIRED_CLAIMS) or claims["typ"] != ACCESS_TOKEN_TYPE:
        raise JWTError("missing claims")
    if not all(isinstance(claims[name], int | float) for name in ("exp", "iat")) or \
            not isinstance(claims.get("nbf", 0), int | float):
        raise JWTError("malformed time claims")
    return claims
