"""Bulk import (CSV/XLSX in, upsert by external_id through each domain's service) and export of lists."""
