import os
from datetime import datetime, timezone as dt_timezone

from django.apps import AppConfig


class InteropAppConfig(AppConfig):
    name = 'interop_app'
    default = True

    def ready(self):
        # Test-only time shift, like Cloakroom's MutableClock: with CLOAKROOM_DJANGO_NOW set, every
        # django.utils.timezone.now() call (session expiry dates, the db backend's "expire_date > now"
        # filter, clearsessions) sees that instant. Signing timestamps (time.time()) are not shifted.
        fixed = os.environ.get('CLOAKROOM_DJANGO_NOW')
        if fixed:
            from django.utils import timezone
            now = datetime.fromisoformat(fixed.replace('Z', '+00:00')).astimezone(dt_timezone.utc)
            timezone.now = lambda: now
