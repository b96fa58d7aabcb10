from django.urls import path

from registratura import views

app_name = "registratura"

urlpatterns = [
    path("<slug:slug>/callback/", views.callback, name="callback"),
]
