from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("coopnode.web.api.urls")),
    path("operator/", include("coopnode.web.intake.urls")),
    path("members/", include("coopnode.web.members.urls")),
    path("partnering/", include("coopnode.web.partnering.urls")),
    path("", include("coopnode.web.portal.urls")),
]
