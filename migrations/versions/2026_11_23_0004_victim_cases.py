"""victim cases

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 04:14:24.150898
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import donghanh.core.base

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('victim_case',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('identified_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('reintegrated_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_reason', sa.Text(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('exploitation', sa.String(length=20), nullable=False),
    sa.Column('exploitation_country', sa.String(length=2), nullable=True),
    sa.Column('citizenship', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('intake_notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_victim_case_client_id_client')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_victim_case_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_victim_case'))
    )
    with op.batch_alter_table('victim_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_victim_case_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_victim_case_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index('ix_victim_case_org_unit_identified_on', ['org_unit_id', 'identified_on'], unique=False)

    op.create_table('victim_case_event',
    sa.Column('victim_case_id', sa.Uuid(), nullable=False),
    sa.Column('at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_name', sa.String(length=150), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=True),
    sa.Column('to_status', sa.String(length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['victim_case_id'], ['victim_case.id'], name=op.f('fk_victim_case_event_victim_case_id_victim_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_victim_case_event'))
    )
    with op.batch_alter_table('victim_case_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_victim_case_event_victim_case_id'), ['victim_case_id'], unique=False)

    op.create_table('victim_support',
    sa.Column('victim_case_id', sa.Uuid(), nullable=False),
    sa.Column('support_type', sa.String(length=40), nullable=False),
    sa.Column('provided_on', sa.Date(), nullable=False),
    sa.Column('amount_vnd', sa.BigInteger(), nullable=False),
    sa.Column('provider_id', sa.Uuid(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('amount_vnd >= 0', name=op.f('ck_victim_support_amount_non_negative')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_victim_support_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['provider_id'], ['organisation.id'], name=op.f('fk_victim_support_provider_id_organisation')),
    sa.ForeignKeyConstraint(['victim_case_id'], ['victim_case.id'], name=op.f('fk_victim_support_victim_case_id_victim_case')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_victim_support'))
    )
    with op.batch_alter_table('victim_support', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_victim_support_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_victim_support_victim_case_id'), ['victim_case_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('victim_support', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_victim_support_victim_case_id'))
        batch_op.drop_index(batch_op.f('ix_victim_support_org_unit_id'))

    op.drop_table('victim_support')
    with op.batch_alter_table('victim_case_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_victim_case_event_victim_case_id'))

    op.drop_table('victim_case_event')
    with op.batch_alter_table('victim_case', schema=None) as batch_op:
        batch_op.drop_index('ix_victim_case_org_unit_identified_on')
        batch_op.drop_index(batch_op.f('ix_victim_case_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_victim_case_client_id'))

    op.drop_table('victim_case')
