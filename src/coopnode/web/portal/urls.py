from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("organizations/", views.entity_list, {"entity_type": "organization"}, name="organizations"),
    path("persons/", views.entity_list, {"entity_type": "person"}, name="persons"),
    path("places/", views.entity_list, {"entity_type": "place"}, name="places"),
    path("entities/<uuid:pk>/", views.entity_detail, name="entity"),
    path("entities/<uuid:pk>/graph/", views.entity_graph, name="entity_graph"),
    path("events/", views.event_list, name="events"),
    path("events/<uuid:pk>/", views.event_detail, name="event"),
    path("agreements/", views.agreement_list, name="agreements"),
    path("agreements/<uuid:pk>/", views.agreement_detail, name="agreement"),
    path("projects/", views.project_list, name="projects"),
    path("projects/<uuid:pk>/", views.project_detail, name="project"),
    path("documents/<uuid:pk>/", views.document_detail, name="document"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("network/", views.network, name="network"),
    path("search", views.search, name="search"),
    path("search/", views.search),
]
