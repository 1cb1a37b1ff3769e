from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("", views.index, name="index"),
    path("upload/", views.ingest_file, name="ingest_file"),
    path("url/", views.ingest_url, name="ingest_url"),
    path("feeds/", views.feeds, name="feeds"),
    path("feeds/<int:pk>/poll/", views.feed_poll, name="feed_poll"),
    path("feeds/<int:pk>/unsubscribe/", views.feed_unsubscribe, name="feed_unsubscribe"),
    path("review/", views.review_queue, name="review"),
    path("review/<uuid:pk>/", views.review_claim, name="review_claim"),
    path("merge/", views.merge, name="merge"),
    path("merge/<int:pk>/undo/", views.unmerge, name="unmerge"),
    path("audit/", views.audit_log, name="audit"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("members/", views.members, name="members"),
]
