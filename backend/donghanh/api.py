from fastapi import FastAPI
from fastapi.routing import APIRoute

from donghanh.activities.router import router as activities_router
from donghanh.api_clients.router import router as api_clients_router
from donghanh.audit.router import router as audit_router
from donghanh.auth.router import router as auth_router
from donghanh.clients.router import router as clients_router
from donghanh.contacts.router import router as contacts_router
from donghanh.core.errors import PROBLEM_JSON, Problem
from donghanh.core.routing import DomainRouter
from donghanh.dashboard.router import router as dashboard_router
from donghanh.establishments.router import router as establishments_router
from donghanh.imports.router import exports_router
from donghanh.imports.router import router as imports_router
from donghanh.indicators.router import router as indicators_router
from donghanh.org_units.router import router as org_units_router
from donghanh.organisations.router import directory_router
from donghanh.organisations.router import router as organisations_router
from donghanh.peer_groups.router import router as peer_groups_router
from donghanh.plans.router import execution_router, expenditures_router, lines_router, plans_router
from donghanh.referrals.router import contact_router as contact_referrals_router
from donghanh.referrals.router import router as referrals_router
from donghanh.reports.router import router as reports_router
from donghanh.users.router import router as users_router
from donghanh.victim_cases.router import router as victim_cases_router
from donghanh.webhooks.router import router as webhooks_router

API_PREFIX = "/api/v1"
DOMAIN_ROUTERS: list[DomainRouter] = [
    auth_router,
    org_units_router,
    organisations_router,
    users_router,
    establishments_router,
    peer_groups_router,
    clients_router,
    contacts_router,
    activities_router,
    referrals_router,
    contact_referrals_router,
    victim_cases_router,
    plans_router,
    lines_router,
    expenditures_router,
    execution_router,
    indicators_router,
    imports_router,
    exports_router,
    dashboard_router,
    reports_router,
    directory_router,
    api_clients_router,
    webhooks_router,
    audit_router,
]

# Any API call may meet a rate limit (core/rate_limit.py) or a database outage (core/errors.py), so every
# operation documents its 429 and its 503.
ANY_OPERATION = {
    429: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": "Too many requests: wait Retry-After"},
    503: {"model": Problem, "content": {PROBLEM_JSON: {}},
          "description": "Service unavailable: the database cannot be reached; retry after Retry-After"},
}


def include_api(app: FastAPI) -> None:
    """Each domain's router straight into the app, not through one `/api/v1` router: FastAPI builds and
    walks included routers as a tree, and the extra level cost ~1.4G instructions of startup (bench/RESULTS.md)."""
    for router in DOMAIN_ROUTERS:
        app.include_router(router, prefix=API_PREFIX, responses=ANY_OPERATION)
        router.mounted_at = API_PREFIX + router.prefix


def route_inventory() -> list[tuple[str, str, APIRoute]]:
    """(method, full path, route) of every API operation: what policy tests walk."""
    return [
        (method, API_PREFIX + route.path_format, route)  # path_format: `{case_id}`, not `{case_id:uuid}`
        for router in DOMAIN_ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    ]
