"""Prints password-hash test vectors of this Django as JSON: for every hasher it has, hashes made by
Django itself (default costs, and cheaper explicit ones), with what check_password says of the right and
a wrong password, and whether check_password would upgrade the hash (its setter is called).

    manage.py password_vectors > passwords-django-X.Y.json
"""
import django
from django.contrib.auth import hashers
from django.core.management.base import BaseCommand

from ._output import emit

PASSWORDS = ['correct horse', '', 'pässwörd ✓ 日本', 'x' * 80]
NAMES = ['pbkdf2_sha256', 'pbkdf2_sha1', 'argon2', 'bcrypt_sha256', 'bcrypt', 'scrypt', 'md5', 'sha1',
         'unsalted_md5', 'unsalted_sha1']


def _check(password, encoded):
    upgraded = []
    ok = hashers.check_password(password, encoded, setter=lambda raw: upgraded.append(raw))
    return ok, bool(upgraded)


class Command(BaseCommand):
    help = 'Prints password-hash vectors made by this Django (see the module docstring).'

    def handle(self, *args, **options):
        available = {h.algorithm: h for h in (hashers.get_hasher(n) for n in NAMES if self._has(n))}
        preferred = hashers.get_hasher('default')
        vectors = []
        for name, hasher in available.items():
            for index, password in enumerate(PASSWORDS):
                if name == 'bcrypt' and len(password.encode()) > 72:
                    continue  # plain bcrypt truncates; bcrypt_sha256 exists for this
                encoded = self._encode(hasher, password, cheap=index > 0)
                ok, upgrade = _check(password, encoded)
                wrong_ok, _ = _check(password + '!', encoded)
                vectors.append({'algorithm': name, 'password': password, 'encoded': encoded, 'valid': ok,
                                'wrong_password_valid': wrong_ok, 'must_update': upgrade,
                                'hasher_must_update': hasher.must_update(encoded)})
        vectors += self._old_pbkdf2(preferred)
        emit({
            'django_version': django.get_version(),
            'preferred': preferred.algorithm,
            'pbkdf2_sha256_iterations': hashers.PBKDF2PasswordHasher.iterations,
            'unusable': self._unusable(),
            'vectors': vectors,
        })

    @staticmethod
    def _has(name):
        try:
            hashers.get_hasher(name)
            return True
        except ValueError:
            return False

    @staticmethod
    def _encode(hasher, password, cheap):
        salt = hasher.salt()
        name = hasher.algorithm
        if cheap and name.startswith('pbkdf2'):
            return hasher.encode(password, salt, iterations=1000)
        if cheap and name == 'argon2':
            class Cheap(type(hasher)):
                time_cost, memory_cost, parallelism = 1, 1024, 2
            return Cheap().encode(password, salt)
        if cheap and name in ('bcrypt_sha256', 'bcrypt'):
            class Cheap(type(hasher)):
                rounds = 4
            return Cheap().encode(password, Cheap().salt())
        if cheap and name == 'scrypt':
            return hasher.encode(password, salt, n=1024, r=8, p=1)
        if name in ('unsalted_md5', 'unsalted_sha1'):
            return hasher.encode(password, '')
        return hasher.encode(password, salt)

    @staticmethod
    def _old_pbkdf2(preferred):
        """pbkdf2_sha256 hashes with the iteration counts of other Djangos, and a short (old) salt."""
        out = []
        for iterations, salt in ((260000, 'abcdefghijklmnopqrstuv'), (600000, 'abcdefghijklmnopqrstuv'),
                                 (1000000, 'abcdefghijklmnopqrstuv'), (1000000, 'shortsalt')):
            encoded = hashers.PBKDF2PasswordHasher().encode('correct horse', salt, iterations)
            ok, upgrade = _check('correct horse', encoded)
            out.append({'algorithm': 'pbkdf2_sha256', 'password': 'correct horse', 'encoded': encoded,
                        'valid': ok, 'wrong_password_valid': _check('wrong', encoded)[0],
                        'must_update': upgrade, 'hasher_must_update': preferred.must_update(encoded)})
        return out

    @staticmethod
    def _unusable():
        return [{'encoded': e, 'usable': hashers.is_password_usable(e),
                 'valid': hashers.check_password('x', e)}
                for e in ('!', '!abcdefghijklmnopqrstuvwxyz0123456789ABCD', '', 'nonsense$1$2',
                          )]
