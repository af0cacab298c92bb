"""referrals partners webhooks

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 03:59:43.072286
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import donghanh.core.base

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('outbox_event',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('event_type', sa.String(length=60), nullable=False),
    sa.Column('aggregate_type', sa.String(length=40), nullable=False),
    sa.Column('aggregate_id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_event')),
    sa.UniqueConstraint('event_id', name=op.f('uq_outbox_event_event_id'))
    )
    with op.batch_alter_table('outbox_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_event_aggregate_id'), ['aggregate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_event_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('api_client',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('client_id', sa.String(length=64), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('scopes', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_used_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_api_client_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_client')),
    sa.UniqueConstraint('client_id', name=op.f('uq_api_client_client_id'))
    )
    with op.batch_alter_table('api_client', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_client_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('webhook_subscription',
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('events', sa.JSON(), nullable=False),
    sa.Column('secret', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_webhook_subscription_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_subscription'))
    )
    with op.batch_alter_table('webhook_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_subscription_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('api_client_secret',
    sa.Column('api_client_id', sa.Uuid(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('hint', sa.String(length=8), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['api_client_id'], ['api_client.id'], name=op.f('fk_api_client_secret_api_client_id_api_client')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_client_secret')),
    sa.UniqueConstraint('secret_hash', name=op.f('uq_api_client_secret_secret_hash'))
    )
    with op.batch_alter_table('api_client_secret', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_client_secret_api_client_id'), ['api_client_id'], unique=False)

    op.create_table('webhook_delivery',
    sa.Column('webhook_id', sa.Uuid(), nullable=False),
    sa.Column('outbox_event_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('aggregate_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_status_code', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('delivered_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['outbox_event_id'], ['outbox_event.id'], name=op.f('fk_webhook_delivery_outbox_event_id_outbox_event')),
    sa.ForeignKeyConstraint(['webhook_id'], ['webhook_subscription.id'], name=op.f('fk_webhook_delivery_webhook_id_webhook_subscription')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_delivery'))
    )
    with op.batch_alter_table('webhook_delivery', schema=None) as batch_op:
        batch_op.create_index('ix_webhook_delivery_due', ['status', 'next_attempt_at'], unique=False)
        batch_op.create_index('ix_webhook_delivery_order', ['webhook_id', 'aggregate_id', 'outbox_event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_delivery_outbox_event_id'), ['outbox_event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_webhook_delivery_webhook_id'), ['webhook_id'], unique=False)

    op.create_table('referral',
    sa.Column('client_id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('service_type', sa.String(length=40), nullable=False),
    sa.Column('from_organisation_id', sa.Uuid(), nullable=True),
    sa.Column('to_organisation_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('follow_up_due_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('decline_reason', sa.Text(), nullable=True),
    sa.Column('legal_basis', sa.String(length=300), nullable=True),
    sa.Column('legal_basis_reason', sa.Text(), nullable=True),
    sa.Column('sent_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=True),
    sa.Column('org_unit_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['client.id'], name=op.f('fk_referral_client_id_client')),
    sa.ForeignKeyConstraint(['contact_id'], ['outreach_contact.id'], name=op.f('fk_referral_contact_id_outreach_contact')),
    sa.ForeignKeyConstraint(['from_organisation_id'], ['organisation.id'], name=op.f('fk_referral_from_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_unit.id'], name=op.f('fk_referral_org_unit_id_org_unit')),
    sa.ForeignKeyConstraint(['to_organisation_id'], ['organisation.id'], name=op.f('fk_referral_to_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_client_id'), ['client_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_org_unit_id'), ['org_unit_id'], unique=False)
        batch_op.create_index('ix_referral_status_follow_up', ['status', 'follow_up_due_on'], unique=False)
        batch_op.create_index('ix_referral_to_org_status', ['to_organisation_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_to_organisation_id'), ['to_organisation_id'], unique=False)

    op.create_table('referral_event',
    sa.Column('referral_id', sa.Uuid(), nullable=False),
    sa.Column('at', donghanh.core.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_type', sa.String(length=16), nullable=False),
    sa.Column('actor_id', sa.Uuid(), nullable=True),
    sa.Column('actor_name', sa.String(length=150), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_event_referral_id_referral')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_event'))
    )
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_event_referral_id'), ['referral_id'], unique=False)

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('opening_hours', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('eligibility', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('website', sa.String(length=300), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('website')
        batch_op.drop_column('eligibility')
        batch_op.drop_column('opening_hours')
        batch_op.drop_column('description')

    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_event_referral_id'))

    op.drop_table('referral_event')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_to_organisation_id'))
        batch_op.drop_index('ix_referral_to_org_status')
        batch_op.drop_index('ix_referral_status_follow_up')
        batch_op.drop_index(batch_op.f('ix_referral_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_referral_contact_id'))
        batch_op.drop_index(batch_op.f('ix_referral_client_id'))

    op.drop_table('referral')
    with op.batch_alter_table('webhook_delivery', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_delivery_webhook_id'))
        batch_op.drop_index(batch_op.f('ix_webhook_delivery_outbox_event_id'))
        batch_op.drop_index('ix_webhook_delivery_order')
        batch_op.drop_index('ix_webhook_delivery_due')

    op.drop_table('webhook_delivery')
    with op.batch_alter_table('api_client_secret', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_client_secret_api_client_id'))

    op.drop_table('api_client_secret')
    with op.batch_alter_table('webhook_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_subscription_organisation_id'))

    op.drop_table('webhook_subscription')
    with op.batch_alter_table('api_client', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_client_organisation_id'))

    op.drop_table('api_client')
    with op.batch_alter_table('outbox_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_event_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_outbox_event_aggregate_id'))

    op.drop_table('outbox_event')
