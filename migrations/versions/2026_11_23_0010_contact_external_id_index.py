"""contact_external_id_index: an import's upsert finds contacts by external_id across the caller's units
(issue #9); the unique (org_unit_id, external_id) index cannot serve it, so every chunk scanned the table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23 09:45:00
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('outreach_contact', schema=None) as batch_op:
        batch_op.create_index('ix_outreach_contact_external_id', ['external_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outreach_contact', schema=None) as batch_op:
        batch_op.drop_index('ix_outreach_contact_external_id')
