"""Hồ sơ Thanh tra: offline inspection cases and state-secret documents."""

__version__ = "0.2.0"
