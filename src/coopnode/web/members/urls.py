from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.home, name="home"),
    path("organizations/<uuid:pk>/", views.edit_organization, name="organization"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
