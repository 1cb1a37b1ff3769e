from django.urls import path

from . import views

app_name = "partnering"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("new/", views.profile_create, name="create"),
    path("mine/", views.my_profiles, name="mine"),
    path("matches/", views.my_matches, name="matches"),
    path("interests/", views.my_interests, name="interests"),
    path("interests/<uuid:pk>/respond/", views.interest_respond, name="interest_respond"),
    path("interests/<uuid:pk>/withdraw/", views.interest_withdraw, name="interest_withdraw"),
    path("notifications/", views.notifications, name="notifications"),
    path("operator/", views.operator_queue, name="operator"),
    path("operator/profiles/<uuid:pk>/review/", views.operator_review, name="operator_review"),
    path("operator/interests/<uuid:pk>/steer/", views.operator_steer, name="operator_steer"),
    path("<uuid:pk>/", views.profile_detail, name="profile"),
    path("<uuid:pk>/edit/", views.profile_edit, name="edit"),
    path("<uuid:pk>/submit/", views.profile_submit, name="submit"),
    path("<uuid:pk>/withdraw/", views.profile_withdraw, name="withdraw"),
    path("<uuid:pk>/interest/", views.express_interest, name="express_interest"),
]
