from django.urls import path, register_converter

from open311 import views


class FormatConverter:
    regex = "json|xml"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "format")

app_name = "open311"

urlpatterns = [
    path("", views.root, name="root"),
    path("discovery.<format:fmt>", views.discovery, name="discovery"),
    path("services.<format:fmt>", views.services, name="services"),
    path(
        "services/<str:code>.<format:fmt>",
        views.service_definition,
        name="service",
    ),
    path("requests.<format:fmt>", views.requests, name="requests"),
    path(
        "requests/<str:request_id>.<format:fmt>",
        views.request_detail,
        name="request",
    ),
    path("tokens/<str:token>.<format:fmt>", views.token, name="token"),
    path(
        "servicerequestupdates.<format:fmt>",
        views.request_updates,
        name="updates",
    ),
]
