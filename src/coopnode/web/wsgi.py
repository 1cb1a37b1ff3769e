"""WSGI entry point used by ``coopnode serve`` (gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnode.web.settings")
application = get_wsgi_application()
