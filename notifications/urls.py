from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("contul-meu/notificari/", views.email_settings, name="settings"),
    path(
        "contul-meu/notificari/nu-mai-urmari/<int:pk>/",
        views.stop_following,
        name="stop-following",
    ),
    path(
        "contul-meu/notificari/alerte/<int:pk>/oprire/",
        views.stop_alert,
        name="stop-alert",
    ),
    path(
        "contul-meu/notificari/intrebari/",
        views.satisfaction_questions,
        name="satisfaction-questions",
    ),
    path(
        "dezabonare/intrebari/<str:token>/",
        views.satisfaction_unsubscribe,
        name="satisfaction-unsubscribe",
    ),
    path("dezabonare/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path(
        "dezabonare/alerta/<str:token>/",
        views.alert_unsubscribe,
        name="alert-unsubscribe",
    ),
]
