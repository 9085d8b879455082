"""The public, read-only API, version 1: /api/v1/ (schema at /api/v1/schema, docs at
/api/v1/docs). Built with django-ninja: typed schemas that both shape every answer
and generate the OpenAPI 3 document, on plain Django views."""

from opendata.api.endpoints import api

__all__ = ["api"]
