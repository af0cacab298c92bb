"""Đồng Hành: case management for social protection against prostitution and human trafficking."""

__version__ = "0.1.0"
