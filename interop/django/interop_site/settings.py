"""Settings of the interop Django project, all taken from the environment.

CLOAKROOM_DJANGO_DB               sqlite:/abs/path/db.sqlite3  or  postgres://user@host:port/dbname
CLOAKROOM_DJANGO_SECRET_KEY       SECRET_KEY (required)
CLOAKROOM_DJANGO_SECRET_KEY_FALLBACKS
                                  comma-separated SECRET_KEY_FALLBACKS (read by Django >= 4.1 only;
                                  Django 3.2 has no such setting and ignores it)
CLOAKROOM_DJANGO_SESSION_ENGINE   db (default) or signed_cookies, or a dotted engine path
CLOAKROOM_DJANGO_NOW              ISO datetime: a test-only fixed "now" for sessions (see apps.py)
"""
import os
from urllib.parse import urlsplit, unquote

from django.core.exceptions import ImproperlyConfigured


def _required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f'Set the environment variable {name} (see interop_site/settings.py)')
    return value


def _database(url):
    if url.startswith('sqlite:'):
        return {'ENGINE': 'django.db.backends.sqlite3', 'NAME': url[len('sqlite:'):]}
    if url.startswith('postgres://') or url.startswith('postgresql://'):
        parts = urlsplit(url)
        return {
            'ENGINE': 'django.db.backends.postgresql',
            'NAME': parts.path.lstrip('/'),
            'USER': unquote(parts.username or 'postgres'),
            'PASSWORD': unquote(parts.password or ''),
            'HOST': parts.hostname or '127.0.0.1',
            'PORT': str(parts.port or 5432),
        }
    raise ImproperlyConfigured(
        f'CLOAKROOM_DJANGO_DB must be sqlite:/path or postgres://user@host:port/db, was {url!r}')


_ENGINES = {
    'db': 'django.contrib.sessions.backends.db',
    'signed_cookies': 'django.contrib.sessions.backends.signed_cookies',
}

SECRET_KEY = _required('CLOAKROOM_DJANGO_SECRET_KEY')
SECRET_KEY_FALLBACKS = [k for k in os.environ.get('CLOAKROOM_DJANGO_SECRET_KEY_FALLBACKS', '').split(',') if k]
DEBUG = False
ALLOWED_HOSTS = ['testserver', 'localhost', '127.0.0.1']

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'interop_app',
]
MIDDLEWARE = [
    'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware',
    'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware',
    'django.contrib.messages.middleware.MessageMiddleware',
]
ROOT_URLCONF = 'interop_site.urls'
TEMPLATES = []
DATABASES = {'default': _database(_required('CLOAKROOM_DJANGO_DB'))}
DEFAULT_AUTO_FIELD = 'django.db.models.AutoField'

USE_TZ = True
TIME_ZONE = 'UTC'

# What Cloakroom lines up with (see the README section "Sharing sessions with Django").
SESSION_ENGINE = _ENGINES.get(os.environ.get('CLOAKROOM_DJANGO_SESSION_ENGINE', 'db'),
                              os.environ.get('CLOAKROOM_DJANGO_SESSION_ENGINE', 'db'))
SESSION_SERIALIZER = 'django.contrib.sessions.serializers.JSONSerializer'
SESSION_COOKIE_NAME = 'sessionid'
SESSION_COOKIE_AGE = 1209600
# DEFAULT_HASHING_ALGORITHM stays at its 3.2 default, 'sha256' (with 'sha1' 3.2 writes the legacy format).
MESSAGE_STORAGE = 'django.contrib.messages.storage.session.SessionStorage'
CSRF_USE_SESSIONS = True
AUTHENTICATION_BACKENDS = ['django.contrib.auth.backends.ModelBackend']

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'stderr': {'class': 'logging.StreamHandler'}},
    'loggers': {'django.security': {'handlers': ['stderr'], 'level': 'WARNING', 'propagate': False}},
}
