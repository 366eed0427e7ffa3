from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from ._output import emit


class Command(BaseCommand):
    help = "Changes a user's password as an admin would (set_password + save); prints the new hash."

    def add_arguments(self, parser):
        parser.add_argument('username')
        parser.add_argument('password')

    def handle(self, *args, username, password, **options):
        user = get_user_model().objects.get_by_natural_key(username)
        user.set_password(password)
        user.save()
        emit({'id': user.pk, 'password': user.password})
