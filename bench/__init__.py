"""Benchmarks of Đồng Hành against the database's own limits (issue #9). Not shipped with the package."""
