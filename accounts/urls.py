from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("contul-meu/date/", views.my_data, name="my-data"),
    path("contul-meu/date/descarca/", views.my_data_download, name="my-data-download"),
]
