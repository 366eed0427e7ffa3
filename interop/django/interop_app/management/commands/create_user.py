from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from ._output import emit


class Command(BaseCommand):
    help = 'Creates an auth_user with a real (PBKDF2) password hash; prints id, username and hash.'

    def add_arguments(self, parser):
        parser.add_argument('username')
        parser.add_argument('password')

    def handle(self, *args, username, password, **options):
        user = get_user_model().objects.create_user(username=username, password=password)
        emit({'id': user.pk, 'username': user.get_username(), 'password': user.password})
