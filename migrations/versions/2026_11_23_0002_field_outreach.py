"""field outreach

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 03:40:25.207136
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import donghanh.core.base

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('peer_group',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('established_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('name_search', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_peer_group_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_group'))
    )
    with op.batch_alter_table('peer_group', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_peer_group_org_unit_id'), ['org_unit_id'], unique=False)

    op.create_table('activity',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('organiser_id', sa.Uuid(), nullable=True),
    sa.Column('peer_group_id', sa.Uuid(), nullable=True),
    sa.Column('budget_line_id', sa.Uuid(), nullable=True),
    sa.Column('participants_total', sa.Integer(), nullable=False),
    sa.Column('participants_female', sa.Integer(), nullable=False),
    sa.Column('materials', sa.JSON(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('participants_female >= 0 AND participants_female <= participants_total', name=op.f('ck_activity_participants_consistent')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_activity_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['organiser_id'], ['organisation.id'], name=op.f('fk_activity_organiser_id_organisation')),
    sa.ForeignKeyConstraint(['peer_group_id'], ['peer_group.id'], name=op.f('fk_activity_peer_group_id_peer_group')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_budget_line_id'), ['budget_line_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index('ix_activity_org_unit_starts_on', ['org_unit_id', 'starts_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_organiser_id'), ['organiser_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_peer_group_id'), ['peer_group_id'], unique=False)

    op.create_table('client',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('sex', sa.String(length=8), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('group', sa.String(length=32), nullable=False),
    sa.Column('ethnicity', sa.String(length=60), nullable=True),
    sa.Column('establishment_id', sa.Uuid(), nullable=True),
    sa.Column('full_name', sa.Text(), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('id_number', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('name_index', sa.String(length=64), nullable=True),
    sa.Column('given_name_index', sa.String(length=64), nullable=True),
    sa.Column('consent_data_processing_on', sa.Date(), nullable=True),
    sa.Column('consent_share_with_providers', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['establishment_id'], ['establishment.id'], name=op.f('fk_client_establishment_id_establishment')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_client_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client')),
    sa.UniqueConstraint('code', name=op.f('uq_client_code'))
    )
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_establishment_id'), ['establishment_id'], unique=False)
        batch_op.create_index('ix_client_match', ['org_unit_id', 'birth_year', 'sex'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_name_index'), ['name_index'], unique=False)
        batch_op.create_index(batch_op.f('ix_client_org_unit_id'), ['org_unit_id'], unique=False)

    op.create_table('outreach_contact',
    sa.Column('contacted_on', sa.Date(), nullable=False),
    sa.Column('peer_group_id', sa.Uuid(), nullable=True),
    sa.Column('recorded_by', sa.Uuid(), nullable=False),
    sa.Column('client_id', sa.Uuid(), nullable=True),
    sa.Column('establishment_id', sa.Uuid(), nullable=True),
    sa.Column('place', sa.String(length=16), nullable=False),
    sa.Column('first_contact', sa.Boolean(), nullable=False),
    sa.Column('topics', sa.JSON(), nullable=False),
    sa.Column('materials', sa.JSON(), nullable=False),
    sa.Column('needs', sa.JSON(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_outreach_contact_client_id_client')),
    sa.ForeignKeyConstraint(['establishment_id'], ['establishment.id'], name=op.f('fk_outreach_contact_establishment_id_establishment')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_outreach_contact_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['peer_group_id'], ['peer_group.id'], name=op.f('fk_outreach_contact_peer_group_id_peer_group')),
    sa.ForeignKeyConstraint(['recorded_by'], ['user_account.id'], name=op.f('fk_outreach_contact_recorded_by_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outreach_contact'))
    )
    with op.batch_alter_table('outreach_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_contact_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_contact_establishment_id'), ['establishment_id'], unique=False)
        batch_op.create_index('ix_outreach_contact_org_unit_contacted_on', ['org_unit_id', 'contacted_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_contact_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_contact_peer_group_id'), ['peer_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_contact_recorded_by'), ['recorded_by'], unique=False)

    op.create_table('peer_group_member',
    sa.Column('peer_group_id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sa.Text(), nullable=False),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.Column('member_role', sa.String(length=32), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_peer_group_member_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['peer_group_id'], ['peer_group.id'], name=op.f('fk_peer_group_member_peer_group_id_peer_group')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_peer_group_member_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_peer_group_member'))
    )
    with op.batch_alter_table('peer_group_member', schema=None) as batch_op:
        batch_op.create_index('ix_peer_group_member_group_role', ['peer_group_id', 'member_role'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_group_member_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_group_member_peer_group_id'), ['peer_group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_peer_group_member_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('peer_group_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_peer_group_member_user_id'))
        batch_op.drop_index(batch_op.f('ix_peer_group_member_peer_group_id'))
        batch_op.drop_index(batch_op.f('ix_peer_group_member_org_unit_id'))
        batch_op.drop_index('ix_peer_group_member_group_role')

    op.drop_table('peer_group_member')
    with op.batch_alter_table('outreach_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outreach_contact_recorded_by'))
        batch_op.drop_index(batch_op.f('ix_outreach_contact_peer_group_id'))
        batch_op.drop_index(batch_op.f('ix_outreach_contact_org_unit_id'))
        batch_op.drop_index('ix_outreach_contact_org_unit_contacted_on')
        batch_op.drop_index(batch_op.f('ix_outreach_contact_establishment_id'))
        batch_op.drop_index(batch_op.f('ix_outreach_contact_client_id'))

    op.drop_table('outreach_contact')
    with op.batch_alter_table('client', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_client_name_index'))
        batch_op.drop_index('ix_client_match')
        batch_op.drop_index(batch_op.f('ix_client_establishment_id'))

    op.drop_table('client')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_peer_group_id'))
        batch_op.drop_index(batch_op.f('ix_activity_organiser_id'))
        batch_op.drop_index('ix_activity_org_unit_starts_on')
        batch_op.drop_index(batch_op.f('ix_activity_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_activity_budget_line_id'))

    op.drop_table('activity')
    with op.batch_alter_table('peer_group', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_peer_group_org_unit_id'))

    op.drop_table('peer_group')
