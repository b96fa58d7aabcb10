from django.urls import path

from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.evolution_view, name="evolution"),
    path("unde/", views.where_view, name="where"),
    path("unde/hexagoane.json", views.hexagon_data, name="hexagons"),
    path("cand/", views.when_view, name="when"),
    path("activitate/", views.work_view, name="work"),
    path(
        "<slug:section>/export.<str:file_format>",
        views.section_export,
        name="export",
    ),
    path("exporturi/", views.export_jobs, name="exports"),
    path("exporturi/<uuid:token>/", views.export_job_status, name="export-status"),
    path(
        "exporturi/<uuid:token>/descarca/",
        views.export_download,
        name="export-download",
    ),
]
