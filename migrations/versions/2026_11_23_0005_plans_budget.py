"""plans budget

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 04:25:10.554348
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import donghanh.core.base

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('plan',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('legal_basis', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('approved_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('approved_by', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_plan_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index('ix_plan_org_unit_year', ['org_unit_id', 'year'], unique=False)

    op.create_table('budget_line',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('funding_source', sa.String(length=20), nullable=False),
    sa.Column('allocated_vnd', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('allocated_vnd >= 0', name=op.f('ck_budget_line_allocated_non_negative')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_budget_line_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_budget_line_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_line'))
    )
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_line_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_budget_line_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index('uq_budget_line_plan_code', ['plan_id', 'code'], unique=True)

    op.create_table('plan_target',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('indicator', sa.String(length=60), nullable=False),
    sa.Column('target_value', sa.Numeric(precision=20, scale=4), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_target_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_target'))
    )
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_target_plan_id'), ['plan_id'], unique=False)

    op.create_table('budget_revision',
    sa.Column('budget_line_id', sa.Uuid(), nullable=False),
    sa.Column('at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_name', sa.String(length=150), nullable=False),
    sa.Column('old_vnd', sa.BigInteger(), nullable=False),
    sa.Column('new_vnd', sa.BigInteger(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['budget_line_id'], ['budget_line.id'], name=op.f('fk_budget_revision_budget_line_id_budget_line')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_revision'))
    )
    with op.batch_alter_table('budget_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_budget_revision_budget_line_id'), ['budget_line_id'], unique=False)

    op.create_table('expenditure',
    sa.Column('budget_line_id', sa.Uuid(), nullable=False),
    sa.Column('spent_on', sa.Date(), nullable=False),
    sa.Column('amount_vnd', sa.BigInteger(), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('activity_id', sa.Uuid(), nullable=True),
    sa.Column('voucher_no', sa.String(length=60), nullable=True),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('amount_vnd > 0', name=op.f('ck_expenditure_amount_positive')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_expenditure_activity_id_activity')),
    sa.ForeignKeyConstraint(['budget_line_id'], ['budget_line.id'], name=op.f('fk_expenditure_budget_line_id_budget_line')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_expenditure_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expenditure'))
    )
    with op.batch_alter_table('expenditure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_expenditure_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenditure_budget_line_id'), ['budget_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_expenditure_org_unit_id'), ['org_unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('expenditure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_expenditure_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_expenditure_budget_line_id'))
        batch_op.drop_index(batch_op.f('ix_expenditure_activity_id'))

    op.drop_table('expenditure')
    with op.batch_alter_table('budget_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_budget_revision_budget_line_id'))

    op.drop_table('budget_revision')
    with op.batch_alter_table('plan_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_target_plan_id'))

    op.drop_table('plan_target')
    with op.batch_alter_table('budget_line', schema=None) as batch_op:
        batch_op.drop_index('uq_budget_line_plan_code')
        batch_op.drop_index(batch_op.f('ix_budget_line_plan_id'))
        batch_op.drop_index(batch_op.f('ix_budget_line_org_unit_id'))

    op.drop_table('budget_line')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_org_unit_year')
        batch_op.drop_index(batch_op.f('ix_plan_org_unit_id'))

    op.drop_table('plan')
