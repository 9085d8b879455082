from django.shortcuts import render

from reports.selectors import report_list_published


def report_list(request):
    return render(request, "reports/report_list.html", {"reports": report_list_published()})
