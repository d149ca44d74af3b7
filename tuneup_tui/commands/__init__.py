"""The `tuneup` subcommands, one module each (part of the cli layer)."""

from __future__ import annotations
