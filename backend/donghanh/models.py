"""Imports every model and scope policy so metadata and the scope registry are complete (Alembic, tests)."""
from donghanh.audit import policy as _audit_policy  # noqa: F401
from donghanh.auth import models as _auth  # noqa: F401
from donghanh.core.audit import AuditEvent  # noqa: F401
from donghanh.core.base import Base
from donghanh.core.concurrency import IdempotencyRecord  # noqa: F401
from donghanh.establishments import models as _establishments  # noqa: F401
from donghanh.establishments import policy as _establishments_policy  # noqa: F401
from donghanh.org_units import models as _org_units  # noqa: F401
from donghanh.organisations import models as _organisations  # noqa: F401
from donghanh.users import models as _users  # noqa: F401
from donghanh.users import policy as _users_policy  # noqa: F401

metadata = Base.metadata
