from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import redirect
from django.views.decorators.http import require_POST


@require_POST
@login_required
def ceiling(request):
    """The least a signed-in POST can do on this stack: authenticate, one INSERT, redirect.
    Registration throughput is reported as a fraction of this."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_ceiling (user_id, created_at) VALUES (%s, now())",
            [request.user.pk],
        )
    return redirect("/en/")
