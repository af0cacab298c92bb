"""audit_pending: events are written with their transaction into audit_pending and chained by the
sequencer (donghanh.core.audit.chain_pending), so no request holds the chain lock.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 02:15:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import donghanh.core.base

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_pending',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_type', sa.String(length=16), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_name', sa.String(length=150), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('resource', sa.String(length=60), nullable=False),
    sa.Column('resource_id', sa.String(length=64), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=True),
    sa.Column('request_id', sa.String(length=64), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_pending'))
    )
    with op.batch_alter_table('audit_pending', schema=None) as batch_op:
        batch_op.create_index('ix_audit_pending_at_id', ['at', 'id'], unique=False)


def downgrade() -> None:
    # Waiting events exist nowhere else: chain them first (`donghanh audit verify` does) rather than lose them.
    waiting = op.get_bind().execute(sa.text("SELECT count(*) FROM audit_pending")).scalar_one()
    if waiting:
        raise RuntimeError(f"{waiting} audit events are waiting to be chained: run `donghanh audit verify` "
                           "(it chains them) before downgrading")
    with op.batch_alter_table('audit_pending', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_pending_at_id')
    op.drop_table('audit_pending')
