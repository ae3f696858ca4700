"""Access tokens: the only module that touches python-jose.

python-jose's `require_*` options are off by default and it accepts a token without
`aud` when none is demanded; everything is therefore demanded here explicitly.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from jose import JWTError, jwt

from app.domain.errors import AuthenticationFailed
from app.settings import Settings

ALGORITHMS = ["HS256"]
CLOCK_SKEW = timedelta(seconds=30)


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    issued_at: datetime
    expires_at: datetime
    # The user's token version when the token was issued: authentication compares it with
    # `users.token_version` on the row it loads anyway, so revocation costs no query.
    token_version: int


def issue_access_token(
    settings: Settings, user_id: uuid.UUID, token_version: int, now: datetime
) -> tuple[str, int]:
    lifetime = timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "ver": token_version,
        "iat": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(claims, _key(settings), algorithm=ALGORITHMS[0])
    return token, int(lifetime.total_seconds())


def decode_access_token(settings: Settings, token: str, now: datetime) -> AccessClaims:
    refused = AuthenticationFailed("the access token is invalid or expired")
    try:
        user_id, iat, exp, token_version = _verified(
            _key(settings), settings.jwt_audience, settings.jwt_issuer, token
        )
    except (JWTError, KeyError, TypeError, ValueError) as exc:
        raise refused from exc
    issued_at = datetime.fromtimestamp(iat, tz=now.tzinfo)
    expires_at = datetime.fromtimestamp(exp, tz=now.tzinfo)
    if issued_at > now + CLOCK_SKEW or expires_at <= now:
        raise refused
    return AccessClaims(user_id, issued_at, expires_at, token_version)


# Verifying a signature with python-jose costs a tenth of a millisecond and more, on
# every request and twice (rate limit, authentication). What a signature proves about a
# token's bytes never changes, so the claims of tokens verified lately are kept, keyed by
# the secret and the token itself; only successes are kept (an exception is never
# cached), and the clock checks above and revocation (the identity's token version,
# `accounts.actor_from_access_token`) still run on every request.
@functools.lru_cache(maxsize=4096)
def _verified(key: str, audience: str, issuer: str, token: str) -> tuple[uuid.UUID, int, int, int]:
    header = jwt.get_unverified_header(token)
    if header.get("alg") not in ALGORITHMS:
        raise JWTError("algorithm not allowed")
    claims = jwt.decode(
        token,
        key,
        algorithms=ALGORITHMS,
        audience=audience,
        issuer=issuer,
        options={
            "require_exp": True,
            "require_iat": True,
            "require_iss": True,
            "require_aud": True,
            "require_sub": True,
            # `exp` and `iat` are checked by the caller against the service clock, the
            # one clock every rule uses; python-jose would read the wall clock.
            "verify_exp": False,
            "verify_iat": True,
            "verify_aud": True,
            "verify_iss": True,
            "verify_sub": True,
            "verify_signature": True,
            "leeway": 0,
        },
    )
    token_version = claims["ver"]
    if type(token_version) is not int:
        raise TypeError("the token version is not an integer")
    return uuid.UUID(str(claims["sub"])), int(claims["iat"]), int(claims["exp"]), token_version


def _key(settings: Settings) -> str:
    assert settings.secret_key is not None
    return settings.secret_key.get_secret_value()
