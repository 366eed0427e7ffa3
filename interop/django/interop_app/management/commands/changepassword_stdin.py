"""Runs Django's own changepassword for a user, reading the new password (twice) from stdin instead of
the terminal, so a test can drive it: the rest is Django's command unchanged.

    printf 'new\\nnew\\n' | manage.py changepassword_stdin USERNAME
"""
import getpass
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Django's changepassword, with the password read from stdin."

    def add_arguments(self, parser):
        parser.add_argument('username')

    def handle(self, *args, username, **options):
        getpass.getpass = lambda prompt='Password: ', stream=None: sys.stdin.readline().rstrip('\n')
        call_command('changepassword', username)
