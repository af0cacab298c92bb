from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Literal

from fastapi import Depends, Request
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Development defaults. Production refuses to start while any of them is still in use.
DEFAULT_JWT_KEY = "dev-only-jwt-key-change-me-0123456789abcdef"
DEFAULT_FIELD_KEY = "dev-only-field-encryption-key-change-me"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DONGHANH_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite+aiosqlite:///./donghanh.db"
    database_echo: bool = False

    # Token signing: HMAC keys by key id; `jwt_active_kid` signs, every listed key verifies
    # (so a key can be rotated without logging everyone out).
    jwt_keys: dict[str, str] = Field(default_factory=lambda: {"k1": DEFAULT_JWT_KEY})
    jwt_active_kid: str = "k1"
    jwt_issuer: str = "donghanh"
    jwt_audience: str = "donghanh-api"
    access_token_minutes: int = 15
    refresh_token_days: int = 14
    refresh_cookie_name: str = "donghanh_refresh"
    cookie_secure: bool = False

    # Field encryption: secrets by key id; the active one encrypts, all of them decrypt (rotation).
    field_encryption_keys: dict[str, str] = Field(default_factory=lambda: {"k1": DEFAULT_FIELD_KEY})
    field_encryption_active_kid: str = "k1"
    # Keys the blind indexes used to find possible duplicates; never rotated with the encryption keys.
    blind_index_key: str = DEFAULT_FIELD_KEY + "-index"

    login_max_failures: int = 5
    login_failure_window_minutes: int = 15
    # API rate limits, requests a minute (0 turns one off): per signed-in caller, per caller on the routes
    # that read whole tables (exports, imports, indicators, dashboard), per IP address without a token.
    rate_limit_per_minute: int = Field(1200, ge=0)
    rate_limit_heavy_per_minute: int = Field(60, ge=0)
    rate_limit_anonymous_per_minute: int = Field(120, ge=0)
    # Where the counters live: in process, or `async+redis://host:6379` shared by several workers.
    rate_limit_storage: str = "async+memory://"

    # Webhooks: private/loopback targets are refused (SSRF) unless explicitly allowed (tests, intranets).
    webhook_allow_private_targets: bool = False
    webhook_max_attempts: int = 12
    webhook_backoff_seconds: float = 10.0
    webhook_timeout_seconds: float = 10.0
    # A worker's claim on a delivery lapses after this long, so a worker that died mid-delivery leaves
    # nothing stuck: another (or its restart) takes the delivery again. Longer than any send can take.
    webhook_claim_seconds: float = 120.0
    # The embedded setup delivers from inside the server; production runs `donghanh worker` instead.
    outbox_worker_in_process: bool = True
    outbox_poll_seconds: float = 2.0

    small_cell_threshold: int = 5
    # Imports: files with more data rows than this run as a background job (202 + job resource).
    import_job_threshold_rows: int = 5000
    import_max_bytes: int = 50 * 1024 * 1024
    # Report due dates (PRODUCT.md §1): monthly on this day of the next month; quarterly and six-monthly on
    # this day of the period's last month; yearly on this month and day.
    report_due_day_monthly: int = Field(5, ge=1, le=28)
    report_due_day_quarterly: int = Field(10, ge=1, le=28)
    report_due_annual_month: int = Field(12, ge=1, le=12)
    report_due_annual_day: int = Field(10, ge=1, le=28)
    serve_spa: bool = True
    spa_dist: str = "frontend/dist"
    # Origins allowed to call the API from a browser (a separately hosted SPA); none by default: the
    # embedded SPA is same-origin.
    cors_origins: list[str] = Field(default_factory=list)
    # The interactive API documentation at /api/docs (turn off in production if it should not be public).
    api_docs: bool = True
    # HSTS for a year once a request arrives over HTTPS (directly or via a trusted proxy's X-Forwarded-Proto).
    hsts_max_age_seconds: int = 31_536_000

    @model_validator(mode="after")
    def _refuse_default_secrets_in_production(self) -> Settings:
        if self.environment != "production":
            return self
        problems = []
        if DEFAULT_JWT_KEY in self.jwt_keys.values():
            problems.append("DONGHANH_JWT_KEYS still holds the development key")
        if any(len(k) < 32 for k in self.jwt_keys.values()):
            problems.append("every DONGHANH_JWT_KEYS key must be at least 32 characters")
        if DEFAULT_FIELD_KEY in self.field_encryption_keys.values():
            problems.append("DONGHANH_FIELD_ENCRYPTION_KEYS still holds the development key")
        if self.blind_index_key == DEFAULT_FIELD_KEY + "-index" or len(self.blind_index_key) < 32:
            problems.append("DONGHANH_BLIND_INDEX_KEY must be set (at least 32 characters)")
        if any(len(k) < 32 for k in self.field_encryption_keys.values()):
            problems.append("every DONGHANH_FIELD_ENCRYPTION_KEYS key must be at least 32 characters")
        if not self.cookie_secure:
            problems.append("DONGHANH_COOKIE_SECURE must be true in production (cookies only over HTTPS)")
        if problems:
            raise ValueError("refusing to start in production: " + "; ".join(problems))
        return self

    @model_validator(mode="after")
    def _active_kid_exists(self) -> Settings:
        if self.jwt_active_kid not in self.jwt_keys:
            raise ValueError(f"DONGHANH_JWT_ACTIVE_KID {self.jwt_active_kid!r} is not in DONGHANH_JWT_KEYS")
        if self.field_encryption_active_kid not in self.field_encryption_keys:
            raise ValueError(f"DONGHANH_FIELD_ENCRYPTION_ACTIVE_KID {self.field_encryption_active_kid!r} "
                             "is not in DONGHANH_FIELD_ENCRYPTION_KEYS")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()


def _settings_from_app(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(_settings_from_app)]
