"""Admin pieces for tables that grow to hundreds of thousands of rows.

A changelist page must cost the same with 100 rows or 100,000: no COUNT(*) over the whole
table on each page, and no filter whose choices are a DISTINCT over the big table.
"""

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

# Below this many rows an exact count is cheap; above it the planner's estimate is shown.
ESTIMATE_ABOVE = 10_000


class EstimatedCountPaginator(Paginator):
    """Counts exactly, except an unfiltered queryset on PostgreSQL with more rows than
    ESTIMATE_ABOVE: its count is the planner's estimate (pg_class.reltuples, refreshed by
    autovacuum), read in one cheap query instead of a sequential scan of the table. A
    filtered queryset is counted exactly: its filters match indexes."""

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is not None and not query.where and not query.distinct:
            connection = connections[queryset.db]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                        [queryset.model._meta.db_table],
                    )
                    row = cursor.fetchone()
                if row and row[0] > ESTIMATE_ABOVE:
                    return int(row[0])
        return super().count


def country_list_filter(*, path: str, title, parameter_name: str = "country"):
    """A changelist filter on a country field reached by `path`, whose choices are the ISO
    3166 list (reference data), not the countries found in the table."""

    class CountryListFilter(admin.SimpleListFilter):
        def lookups(self, request, model_admin):
            from django_countries import countries

            return [(code, name) for code, name in countries]

        def queryset(self, request, queryset):
            if self.value():
                return queryset.filter(**{path: self.value()})
            return queryset

    CountryListFilter.title = title
    CountryListFilter.parameter_name = parameter_name
    return CountryListFilter
