"""The built SPA served at `/` beside the API (the embedded setup): its files and, for any other page, its
index; and none of that gets in the API's way — unknown API paths stay 404 problems, a trailing slash on
an API path still redirects, a wrong method on an API path is still its 405."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from donghanh.api import API_PREFIX
from donghanh.db import Database
from donghanh.main import create_app
from tests.fixtures.world import World

INDEX = "<!doctype html><title>Đồng Hành</title><div id=root></div>"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX, encoding="utf-8")
    (tmp_path / "assets" / "app-1a2b.js").write_text("console.log('app')", encoding="utf-8")
    (tmp_path / "favicon.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path.parent / "secret.txt").write_text("outside the build", encoding="utf-8")
    return tmp_path


@pytest.fixture
async def spa_client(app: Any, engine: Any, dist: Path, session: Any) -> Any:
    settings = app.state.settings.model_copy(update={"serve_spa": True, "spa_dist": str(dist)})
    served = create_app(settings, Database(settings, engine=engine))
    served.state.sessionmaker = app.state.sessionmaker
    transport = httpx.ASGITransport(app=served)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_pages_get_the_index_and_files_are_served_as_built(spa_client: httpx.AsyncClient) -> None:
    for page in ("/", "/clients", "/clients/7f3c/plan", "/login?next=/referrals"):
        response = await spa_client.get(page)
        assert response.status_code == 200, page
        assert response.text == INDEX
        assert response.headers["Cache-Control"] == "no-cache"  # a new build is picked up at once
    asset = await spa_client.get("/assets/app-1a2b.js")
    assert asset.status_code == 200 and asset.text == "console.log('app')"
    icon = await spa_client.get("/favicon.svg")
    assert icon.status_code == 200 and icon.text == "<svg/>"
    assert (await spa_client.head("/clients")).status_code == 200


async def test_nothing_outside_the_build_is_served(spa_client: httpx.AsyncClient) -> None:
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"):
        response = await spa_client.get(path)
        assert "outside the build" not in response.text, path


async def test_the_api_keeps_its_own_answers_beside_the_spa(spa_client: httpx.AsyncClient, world: World) -> None:
    auth = world.auth("case_worker")
    assert (await spa_client.get(f"{API_PREFIX}/referrals", headers=auth)).status_code == 200

    unknown = await spa_client.get(f"{API_PREFIX}/no-such-thing", headers=auth)
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("application/problem+json")
    assert unknown.json()["detail"] == "No API route /api/v1/no-such-thing."

    slashed = await spa_client.get(f"{API_PREFIX}/referrals/?status=sent", headers=auth)
    assert slashed.status_code == 307
    assert slashed.headers["location"].endswith(f"{API_PREFIX}/referrals?status=sent")

    wrong = await spa_client.delete(f"{API_PREFIX}/referrals", headers=auth)
    assert wrong.status_code == 405


async def test_a_page_is_only_read(spa_client: httpx.AsyncClient) -> None:
    response = await spa_client.post("/clients", json={})
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"
    assert response.headers["content-type"].startswith("application/problem+json")
