"""Imports every model and scope policy so metadata and the scope registry are complete (Alembic, tests)."""
from donghanh.activities import models as _activities  # noqa: F401
from donghanh.activities import policy as _activities_policy  # noqa: F401
from donghanh.api_clients import models as _api_clients  # noqa: F401
from donghanh.audit import policy as _audit_policy  # noqa: F401
from donghanh.auth import models as _auth  # noqa: F401
from donghanh.clients import models as _clients  # noqa: F401
from donghanh.clients import policy as _clients_policy  # noqa: F401
from donghanh.contacts import models as _contacts  # noqa: F401
from donghanh.contacts import policy as _contacts_policy  # noqa: F401
from donghanh.core.audit import AuditEvent  # noqa: F401
from donghanh.core.base import Base
from donghanh.core.concurrency import IdempotencyRecord  # noqa: F401
from donghanh.core.outbox import OutboxEvent  # noqa: F401
from donghanh.establishments import models as _establishments  # noqa: F401
from donghanh.establishments import policy as _establishments_policy  # noqa: F401
from donghanh.imports import models as _imports  # noqa: F401
from donghanh.org_units import models as _org_units  # noqa: F401
from donghanh.organisations import models as _organisations  # noqa: F401
from donghanh.peer_groups import models as _peer_groups  # noqa: F401
from donghanh.peer_groups import policy as _peer_groups_policy  # noqa: F401
from donghanh.plans import models as _plans  # noqa: F401
from donghanh.plans import policy as _plans_policy  # noqa: F401
from donghanh.referrals import models as _referrals  # noqa: F401
from donghanh.referrals import policy as _referrals_policy  # noqa: F401
from donghanh.reports import models as _reports  # noqa: F401
from donghanh.reports import policy as _reports_policy  # noqa: F401
from donghanh.users import models as _users  # noqa: F401
from donghanh.users import policy as _users_policy  # noqa: F401
from donghanh.victim_cases import models as _victim_cases  # noqa: F401
from donghanh.victim_cases import policy as _victim_cases_policy  # noqa: F401
from donghanh.webhooks import models as _webhooks  # noqa: F401

metadata = Base.metadata
