from django.urls import path

from bench.views import ceiling
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/ceiling/", ceiling, name="bench_ceiling"), *site_urlpatterns]
