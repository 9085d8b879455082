"""The search page, the open data page and the dataset downloads."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from gcm.selectors import objective_list
from opendata import datasets
from opendata.forms import SearchForm
from opendata.search import KINDS
from opendata.search import search as run_search

PER_PAGE = 20


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("q") or data.get("objective"):
        objective = None
        if data.get("objective"):
            objective = objective_list().filter(number=data["objective"]).first()
        page = data.get("page") or 1
        results = run_search(
            query=data["q"],
            language=get_language(),
            review=data.get("review") or "",
            objective=objective,
            kinds=(data["type"],) if data.get("type") else KINDS,
            page=page,
            per_page=PER_PAGE,
        )
    query = request.GET.copy()
    query.pop("page", None)
    page = data.get("page") or 1
    shown = results.counts.get(data.get("type"), results.total) if results else 0
    return render(
        request,
        "opendata/search.html",
        {
            "form": form,
            "results": results,
            "page": page,
            "query_string": query.urlencode(),
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if results and page * PER_PAGE < min(shown, 200) else None,
        },
    )


@require_GET
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets.DATASETS,
            "licence_url": datasets.LICENCE_URL,
            "languages": settings.LANGUAGES,
        },
    )


@require_GET
def dataset(request, name: str, fmt: str):
    return datasets.download(request, name=name, fmt=fmt)
