from django.contrib import admin

from .models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organization", "created_at")
    search_fields = ("user__username", "organization__name")
    raw_id_fields = ("user", "organization", "invited_by")
