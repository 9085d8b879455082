"""The admin of roundtables, one module per domain; importing them registers them."""

from roundtables.admin import clusters, inputs, rapporteur  # noqa: F401
