from __future__ import annotations

from sqlalchemy import func, or_

from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository
from donghanh.core.text import fold, like_escape
from donghanh.users import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.users.models import User
from donghanh.users.schemas import UserFilter

SORT_KEYS = [SortKey(User.username, "username"), SortKey(User.id, "id")]


class UserRepository(ScopedRepository[User]):
    model = User
    not_found_detail = "No such user."

    async def by_username(self, username: str) -> User | None:
        stmt = self.select().where(User.username == username.strip().lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def list(  # noqa: A003
        self, flt: UserFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[User], str | None]:
        stmt = self.select(within=unit_paths)
        if flt.q and fold(flt.q):
            pattern = "%" + like_escape(fold(flt.q)) + "%"
            stmt = stmt.where(or_(User.username.like(pattern, escape="\\"),
                                  func.lower(User.full_name).like("%" + like_escape(flt.q.lower()) + "%", escape="\\")))
        if flt.role:
            stmt = stmt.where(User.role == flt.role)
        if flt.active is not None:
            stmt = stmt.where(User.active.is_(flt.active))
        return await self.page(stmt, SORT_KEYS, "username", cursor, limit)
