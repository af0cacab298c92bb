from fastapi import APIRouter

from donghanh.audit.router import router as audit_router
from donghanh.auth.router import router as auth_router
from donghanh.establishments.router import router as establishments_router
from donghanh.org_units.router import router as org_units_router
from donghanh.organisations.router import router as organisations_router
from donghanh.users.router import router as users_router

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(auth_router)
api_router.include_router(org_units_router)
api_router.include_router(organisations_router)
api_router.include_router(users_router)
api_router.include_router(establishments_router)
api_router.include_router(audit_router)
