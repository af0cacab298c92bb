"""Default deny, checked from the route list: every API route declares who may call it."""
from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute

from donghanh.api import route_inventory

# Routes anyone may call (they authenticate the caller themselves).
PUBLIC = {("POST", "/api/v1/auth/token"), ("POST", "/api/v1/auth/refresh")}
# Routes any signed-in principal may call, whatever the role.
ANY_SIGNED_IN = {("POST", "/api/v1/auth/logout"), ("GET", "/api/v1/me")}


def _required_permissions(route: APIRoute) -> set[str]:
    found: set[str] = set()

    def walk(dependant: Any) -> None:
        for dep in dependant.dependencies:
            perms = getattr(dep.call, "required_permissions", None)
            if perms:
                found.update(perms)
            walk(dep)

    walk(route.dependant)
    return found


def _api_routes(app: Any) -> list[tuple[str, str, APIRoute]]:
    return route_inventory()


def _signed_in(route: APIRoute) -> bool:
    def walk(dependant: Any) -> bool:
        return any(dep.call.__name__ == "current_principal" or walk(dep) for dep in dependant.dependencies)

    return walk(route.dependant)


def test_every_route_requires_a_permission_or_is_listed(app: Any) -> None:
    unguarded = [
        f"{method} {path}"
        for method, path, route in _api_routes(app)
        if (method, path) not in PUBLIC | ANY_SIGNED_IN and not _required_permissions(route)
    ]
    assert unguarded == [], f"routes without a permission entry: {unguarded}"


def test_signed_in_routes_authenticate(app: Any) -> None:
    for method, path, route in _api_routes(app):
        if (method, path) in ANY_SIGNED_IN:
            assert _signed_in(route), f"{method} {path} does not authenticate"


def test_openapi_paths_match_routes(app: Any) -> None:
    documented = {
        (method.upper(), path)
        for path, item in app.openapi()["paths"].items()
        for method in item
    }
    assert documented == {(m, p) for m, p, _ in _api_routes(app)}
