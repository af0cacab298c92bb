"""foundation

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 03:25:00.979671
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import donghanh.core.base

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
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
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_event_seq'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index('ix_audit_event_resource_resource_id', ['resource', 'resource_id'], unique=False)

    op.create_table('idempotency_record',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('actor', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('headers', sa.JSON(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_record')),
    sa.UniqueConstraint('actor', 'key', name=op.f('uq_idempotency_record_actor_key'))
    )
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_record_created_at'), ['created_at'], unique=False)

    op.create_table('login_failure',
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=True),
    sa.Column('at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failure'))
    )
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.create_index('ix_login_failure_username_at', ['username', 'at'], unique=False)
        batch_op.create_index('ix_login_failure_ip_at', ['ip', 'at'], unique=False)

    op.create_table('org_unit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('division_type', sa.String(length=40), nullable=True),
    sa.Column('parent_id', sa.Uuid(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('successor_id', sa.Uuid(), nullable=True),
    sa.Column('path', sa.String(length=255), nullable=False),
    sa.Column('name_search', sa.String(length=200), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['org_unit.id'], name=op.f('fk_org_unit_parent_id_org_unit')),
    sa.ForeignKeyConstraint(['successor_id'], ['org_unit.id'], name=op.f('fk_org_unit_successor_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_org_unit')),
    sa.UniqueConstraint('path', name=op.f('uq_org_unit_path'))
    )
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_unit_code'), ['code'], unique=False)
        batch_op.create_index('ix_org_unit_level_valid_to', ['level', 'valid_to'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_unit_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index('ix_org_unit_path_pattern', ['path'], unique=False, postgresql_ops={'path': 'varchar_pattern_ops'})
        batch_op.create_index(batch_op.f('ix_org_unit_successor_id'), ['successor_id'], unique=False)

    op.create_table('establishment',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('owner_name', sa.String(length=150), nullable=True),
    sa.Column('business_registration_no', sa.String(length=50), nullable=True),
    sa.Column('license_no', sa.String(length=50), nullable=True),
    sa.Column('license_expires_on', sa.Date(), nullable=True),
    sa.Column('workers_female', sa.Integer(), nullable=False),
    sa.Column('workers_male', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('commitment_signed_on', sa.Date(), nullable=True),
    sa.Column('risk_level', sa.String(length=8), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('workers_female >= 0 AND workers_male >= 0', name=op.f('ck_establishment_workers_non_negative')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_establishment_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_establishment')),
    sa.UniqueConstraint('external_id', name=op.f('uq_establishment_external_id'))
    )
    with op.batch_alter_table('establishment', schema=None) as batch_op:
        batch_op.create_index('ix_establishment_name', ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_establishment_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index('ix_establishment_org_unit_id_created_at', ['org_unit_id', 'created_at'], unique=False)

    op.create_table('organisation',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('name_search', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_organisation_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_name_search'), ['name_search'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_org_unit_id'), ['org_unit_id'], unique=False)

    op.create_table('inspection',
    sa.Column('establishment_id', sa.Uuid(), nullable=False),
    sa.Column('inspected_on', sa.Date(), nullable=False),
    sa.Column('team', sa.JSON(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=True),
    sa.Column('violations', sa.JSON(), nullable=False),
    sa.Column('fine_amount_vnd', sa.BigInteger(), nullable=False),
    sa.Column('follow_up', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('fine_amount_vnd >= 0', name=op.f('ck_inspection_fine_non_negative')),
    sa.ForeignKeyConstraint(['establishment_id'], ['establishment.id'], name=op.f('fk_inspection_establishment_id_establishment')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_inspection_org_unit_id_org_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection'))
    )
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_establishment_id'), ['establishment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspection_org_unit_id'), ['org_unit_id'], unique=False)

    op.create_table('user_account',
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('full_name', sa.String(length=150), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_login_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('sessions_valid_after', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_user_account_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_user_account_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_user_account_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('auth_session',
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_reason', sa.String(length=40), nullable=True),
    sa.Column('ip', sa.String(length=64), nullable=True),
    sa.Column('user_agent', sa.String(length=300), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_auth_session_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_auth_session'))
    )
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auth_session_user_id'), ['user_id'], unique=False)

    op.create_table('refresh_token',
    sa.Column('session_id', sa.Uuid(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('issued_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['auth_session.id'], name=op.f('fk_refresh_token_session_id_auth_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_refresh_token')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_refresh_token_token_hash'))
    )
    with op.batch_alter_table('refresh_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refresh_token_session_id'), ['session_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('refresh_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refresh_token_session_id'))

    op.drop_table('refresh_token')
    with op.batch_alter_table('auth_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auth_session_user_id'))

    op.drop_table('auth_session')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_user_account_org_unit_id'))

    op.drop_table('user_account')
    with op.batch_alter_table('inspection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_inspection_establishment_id'))

    op.drop_table('inspection')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_name_search'))

    op.drop_table('organisation')
    with op.batch_alter_table('establishment', schema=None) as batch_op:
        batch_op.drop_index('ix_establishment_org_unit_id_created_at')
        batch_op.drop_index(batch_op.f('ix_establishment_org_unit_id'))
        batch_op.drop_index('ix_establishment_name')

    op.drop_table('establishment')
    with op.batch_alter_table('org_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_unit_successor_id'))
        batch_op.drop_index('ix_org_unit_path_pattern', postgresql_ops={'path': 'varchar_pattern_ops'})
        batch_op.drop_index(batch_op.f('ix_org_unit_parent_id'))
        batch_op.drop_index('ix_org_unit_level_valid_to')
        batch_op.drop_index(batch_op.f('ix_org_unit_code'))

    op.drop_table('org_unit')
    with op.batch_alter_table('login_failure', schema=None) as batch_op:
        batch_op.drop_index('ix_login_failure_ip_at')
        batch_op.drop_index('ix_login_failure_username_at')

    op.drop_table('login_failure')
    with op.batch_alter_table('idempotency_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_record_created_at'))

    op.drop_table('idempotency_record')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_resource_resource_id')
        batch_op.drop_index(batch_op.f('ix_audit_event_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_audit_event_at'))
        batch_op.drop_index(batch_op.f('ix_audit_event_actor_id'))

    op.drop_table('audit_event')
