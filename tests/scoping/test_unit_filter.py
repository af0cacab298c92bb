"""An `org_unit` list filter is applied inside the scoping layer: the caller's area narrowed to the filter's
subtree. It must select exactly the rows both would, and state the subtree once so PostgreSQL's estimate stays
sane (two copies of one subquery square its selectivity and turn a keyset walk into a sort of a province)."""
from __future__ import annotations

import itertools
import uuid

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import postgresql

import donghanh.models  # noqa: F401  (registers every model and policy)
from donghanh.contacts.models import OutreachContact
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.roles import Role
from donghanh.core.scoping import common_prefixes, visible_within

# Paths of a small tree: '/', '/a/', '/a/b/', … over three letters and three levels.
PATHS = st.lists(st.sampled_from("abc"), min_size=1, max_size=3).map(lambda parts: "/" + "/".join(parts) + "/")
TREE = sorted({"/" + "/".join(p) + "/" for n in (1, 2, 3) for p in itertools.product("abc", repeat=n)})


def _under(prefixes: tuple[str, ...] | list[str]) -> set[str]:
    return {path for path in TREE if any(path.startswith(p) for p in prefixes)}


@given(scope=st.lists(PATHS | st.just("/"), max_size=3), wanted=st.lists(PATHS, min_size=1, max_size=3))
def test_common_prefixes_cover_exactly_the_units_under_both(scope: list[str], wanted: list[str]) -> None:
    common = common_prefixes(scope, wanted)
    assert _under(common) == _under(scope) & _under(wanted)
    assert all(not a.startswith(b) for a in common for b in common if a != b), "prefixes are minimal"


def _principal(role: Role, *paths: str) -> Principal:
    return Principal.for_user(user_id=uuid.uuid4(), username="x", role=role, org_unit_id=uuid.uuid4(),
                              scope_paths=paths, organisation_id=None, session_id=None)


def _sql(clause: object) -> str:
    return str(clause.compile(dialect=postgresql.dialect()))  # type: ignore[attr-defined]


def test_an_area_rule_and_a_filter_inside_the_area_state_the_subtree_once() -> None:
    manager = _principal(Role.program_manager, "/p01/", "/lp01/")
    for wanted in (("/p01/", "/lp01/"), ("/p01/d05/",)):
        sql = _sql(visible_within(OutreachContact, manager, wanted))
        assert sql.count("FROM org_unit") == 1, sql
        assert sql.count("LIKE") == len(wanted), sql


def test_a_filter_outside_the_area_selects_nothing() -> None:
    manager = _principal(Role.program_manager, "/p01/")
    assert "false" in _sql(visible_within(OutreachContact, manager, ("/p02/",))).lower()


def test_an_ownership_rule_keeps_the_filter_beside_it() -> None:
    educator = _principal(Role.peer_educator, "/p01/d05/c07/")
    sql = _sql(visible_within(OutreachContact, educator, ("/p01/d05/",)))
    assert "recorded_by" in sql and "FROM org_unit" in sql, sql


def test_the_system_principal_still_gets_the_filter() -> None:
    assert "FROM org_unit" in _sql(visible_within(OutreachContact, SYSTEM, ("/p01/",)))
