"""Settings of the interop Django project, all taken from the environment.

CLOAKROOM_DJANGO_DB               sqlite:/abs/path/db.sqlite3, postgres://user@host:port/dbname or
                                  mysql://user@host:port/dbname (MariaDB)
CLOAKROOM_DJANGO_SECRET_KEY       SECRET_KEY (required)
CLOAKROOM_DJANGO_SECRET_KEY_FALLBACKS
                                  comma-separated SECRET_KEY_FALLBACKS (read by Django >= 4.1 only;
                                  Django 3.2 has no such setting and ignores it)
CLOAKROOM_DJANGO_SESSION_ENGINE   db (default) or signed_cookies, or a dotted engine path
CLOAKROOM_DJANGO_NOW              ISO datetime: a test-only fixed "now" for sessions (see apps.py)
CLOAKROOM_DJANGO_PASSWORD_HASHER  the first of PASSWORD_HASHERS (the one new passwords get), by its
                                  algorithm name: pbkdf2_sha256 (default), pbkdf2_sha1, argon2,
                                  bcrypt_sha256, bcrypt, scrypt (4.0+), md5, sha1 (3.2), ...
CLOAKROOM_DJANGO_MESSAGE_STORAGE  session (default), cookie or fallback
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
    if url.startswith('mysql://'):
        try:
            import MySQLdb  # noqa: F401  (Debian's mysqlclient, beside Django 3.2)
        except ImportError:
            # The 5.2 virtualenv has PyMySQL, which stands in for mysqlclient; Django 5.2 asks for 2.2.1+.
            import pymysql
            pymysql.version_info = (2, 2, 1, 'final', 0)
            pymysql.install_as_MySQLdb()
        parts = urlsplit(url)
        return {
            'ENGINE': 'django.db.backends.mysql',
            'NAME': parts.path.lstrip('/'),
            'USER': unquote(parts.username or 'root'),
            'PASSWORD': unquote(parts.password or ''),
            'HOST': parts.hostname or '127.0.0.1',
            'PORT': str(parts.port or 3306),
            'OPTIONS': {'charset': 'utf8mb4'},
        }
    raise ImproperlyConfigured(
        f'CLOAKROOM_DJANGO_DB must be sqlite:/path, postgres://user@host:port/db or mysql://user@host:port/db, '
        f'was {url!r}')


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
_MESSAGE_STORAGES = {
    'session': 'django.contrib.messages.storage.session.SessionStorage',
    'cookie': 'django.contrib.messages.storage.cookie.CookieStorage',
    'fallback': 'django.contrib.messages.storage.fallback.FallbackStorage',
}
MESSAGE_STORAGE = _MESSAGE_STORAGES[os.environ.get('CLOAKROOM_DJANGO_MESSAGE_STORAGE', 'session')]
CSRF_USE_SESSIONS = True
AUTHENTICATION_BACKENDS = ['django.contrib.auth.backends.ModelBackend']

_HASHERS = {
    'pbkdf2_sha256': 'django.contrib.auth.hashers.PBKDF2PasswordHasher',
    'pbkdf2_sha1': 'django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher',
    'argon2': 'django.contrib.auth.hashers.Argon2PasswordHasher',
    'bcrypt_sha256': 'django.contrib.auth.hashers.BCryptSHA256PasswordHasher',
    'bcrypt': 'django.contrib.auth.hashers.BCryptPasswordHasher',
    'scrypt': 'django.contrib.auth.hashers.ScryptPasswordHasher',
    'md5': 'django.contrib.auth.hashers.MD5PasswordHasher',
    'sha1': 'django.contrib.auth.hashers.SHA1PasswordHasher',
    'unsalted_md5': 'django.contrib.auth.hashers.UnsaltedMD5PasswordHasher',
    'unsalted_sha1': 'django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher',
}


def _password_hashers():
    import django
    missing = {'scrypt'} if django.VERSION < (4, 0) else set()
    if django.VERSION >= (5, 1):
        missing |= {'sha1', 'unsalted_md5', 'unsalted_sha1'}
    available = {name: path for name, path in _HASHERS.items() if name not in missing}
    first = os.environ.get('CLOAKROOM_DJANGO_PASSWORD_HASHER', 'pbkdf2_sha256')
    if first not in available:
        raise ImproperlyConfigured(f'CLOAKROOM_DJANGO_PASSWORD_HASHER {first!r} is not a hasher of this Django')
    return [available[first]] + [path for name, path in available.items() if name != first]


# Every hasher this Django has, the chosen one first; Django's default list starts with the same four or
# five, so what one Django writes the other reads.
PASSWORD_HASHERS = _password_hashers()

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'stderr': {'class': 'logging.StreamHandler'}},
    'loggers': {'django.security': {'handlers': ['stderr'], 'level': 'WARNING', 'propagate': False}},
}
