from django.urls import path

from reports import feeds
from reports.views import citizen, duplicates, public, satisfaction

app_name = "reports"

urlpatterns = [
    path("sesizari/", public.report_list, name="list"),
    path("sesizari/<int:pk>/", public.report_detail, name="detail"),
    path("sesizari/noi.atom", feeds.new_reports, name="feed-new"),
    path("sesizari/rezolvate.atom", feeds.resolved_reports, name="feed-resolved"),
    path(
        "sesizari/<int:pk>/actualizari.atom",
        feeds.report_updates,
        name="feed-report",
    ),
    path("harta.json", public.map_data, name="map-data"),
    path("foto/<uuid:token>/<str:size>/", public.photo, name="photo"),
    path("sesizare-noua/", citizen.report_new, name="new"),
    path("geocodare/", citizen.geocode, name="geocode"),
    path("sesizari-apropiate.json", duplicates.nearby, name="nearby"),
    path("sesizari/<int:pk>/urmareste/", duplicates.follow, name="follow"),
    path("contul-meu/sesizari/", citizen.my_reports, name="mine"),
    path("contul-meu/sesizari/<int:pk>/", citizen.my_report, name="mine-detail"),
    path(
        "contul-meu/sesizari/<int:pk>/raspunde/",
        citizen.my_report_reply,
        name="mine-reply",
    ),
    path(
        "contul-meu/sesizari/<int:pk>/raspuns.pdf",
        citizen.resolution_document,
        name="resolution-document",
    ),
    path(
        "problema-rezolvata/<str:token>/",
        satisfaction.solved,
        name="satisfaction-solved",
    ),
    path(
        "problema-nerezolvata/<str:token>/",
        satisfaction.not_solved,
        name="satisfaction-not-solved",
    ),
]
