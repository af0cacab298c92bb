"""Signing and sending webhook deliveries; SSRF checks on every target."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import httpx

SIGNATURE_HEADER = "X-DongHanh-Signature"


class UnsafeTarget(ValueError):
    """The URL points somewhere a server-side request must not go."""


def sign(secret: str, body: bytes, timestamp: int) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


async def check_target(url: str, *, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeTarget("only http and https URLs can receive webhooks")
    if parts.username or parts.password:
        raise UnsafeTarget("credentials in the URL are not allowed; use the signing secret")
    host = parts.hostname
    if not host:
        raise UnsafeTarget("the URL has no host")
    if allow_private:
        return
    if parts.scheme != "https":
        raise UnsafeTarget("webhook URLs must use https")
    try:
        infos = await asyncio.to_thread(socket.getaddrinfo, host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise UnsafeTarget(f"the host {host} does not resolve") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise UnsafeTarget(f"{host} resolves to a non-public address ({address})")


async def send(
    client: httpx.AsyncClient, url: str, secret: str, payload: dict[str, Any], *, event_type: str, delivery_id: str
) -> httpx.Response:
    body = body_of(payload)
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(secret, body, int(time.time())),
        "X-DongHanh-Event": event_type,
        "X-DongHanh-Delivery": delivery_id,
        "User-Agent": "DongHanh-Webhooks/1",
    }
    return await client.post(url, content=body, headers=headers)
