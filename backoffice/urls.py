from django.urls import path

from backoffice import views
from moderation import views as moderation_views
from registratura import staff as registry_views

app_name = "backoffice"

urlpatterns = [
    path("", views.home, name="home"),
    path("registratura/", views.clerk_queue, name="clerk-queue"),
    path("registratura/apeluri/", registry_views.registry_calls, name="registry-calls"),
    path(
        "registratura/apeluri/<int:pk>/reincearca/",
        registry_views.registry_call_retry,
        name="registry-call-retry",
    ),
    path("departament/", views.department_queue, name="department-queue"),
    path("lucrul-meu/", views.my_work, name="my-work"),
    path("sesizari/<int:pk>/", views.report_detail, name="report"),
    path("sesizari/<int:pk>/publica/", views.report_publish, name="report-publish"),
    path("sesizari/<int:pk>/respinge/", views.report_reject, name="report-reject"),
    path("sesizari/<int:pk>/aloca/", views.report_assign, name="report-assign"),
    path("sesizari/<int:pk>/nota/", views.report_note, name="report-note"),
    path("sesizari/<int:pk>/mesaj/", views.report_message, name="report-message"),
    path(
        "sesizari/<int:pk>/numar-registratura/",
        registry_views.report_registry_number,
        name="report-registry-number",
    ),
    path(
        "sesizari/<int:pk>/redirectioneaza/",
        views.report_forward,
        name="report-forward",
    ),
    path("sesizari/<int:pk>/conexeaza/", views.report_join, name="report-join"),
    path("sesizari/<int:pk>/prelungeste/", views.report_extend, name="report-extend"),
    path(
        "sesizari/<int:pk>/ascunde/",
        moderation_views.report_mask,
        name="report-mask",
    ),
    path("sesizari/<int:pk>/rezolutie/", views.report_resolve, name="report-resolve"),
    path(
        "sesizari/<int:pk>/raspuns.pdf",
        views.report_document,
        name="report-document",
    ),
    path("foto/<uuid:token>/original/", views.photo_original, name="photo-original"),
    path(
        "sesizari/<int:pk>/foto/<int:photo_pk>/ascunde/",
        views.photo_hide,
        name="photo-hide",
    ),
    path(
        "sesizari/<int:pk>/foto/<int:photo_pk>/arata/",
        views.photo_show,
        name="photo-show",
    ),
    path(
        "sesizari/<int:pk>/foto/<int:photo_pk>/acopera/",
        views.photo_covers,
        name="photo-covers",
    ),
]
