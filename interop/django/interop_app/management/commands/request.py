"""Sends one request through Django's full middleware stack (django.test.Client) and prints
{"status", "body", "session_cookie", "session_cookie_deleted"} as JSON.

    manage.py request GET /whoami/ --session KEY
    manage.py request POST /session/ --session KEY --body -     (JSON body from stdin)
"""
import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client

from ._output import emit


class Command(BaseCommand):
    help = 'Sends one request through the middleware and prints the outcome as JSON.'

    def add_arguments(self, parser):
        parser.add_argument('method', choices=['GET', 'POST'])
        parser.add_argument('path')
        parser.add_argument('--session', help='the session cookie value to send')
        parser.add_argument('--body', help='a JSON body, or - to read it from stdin')

    def handle(self, *args, method, path, session, body, **options):
        client = Client()
        if session is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = session
        if method == 'GET':
            response = client.get(path)
        else:
            text = sys.stdin.read() if body == '-' else (body or '{}')
            response = client.post(path, data=text, content_type='application/json')
        morsel = response.cookies.get(settings.SESSION_COOKIE_NAME)
        deleted = morsel is not None and morsel['max-age'] == 0
        emit({
            'status': response.status_code,
            'body': json.loads(response.content) if response.content else None,
            'session_cookie': None if morsel is None or deleted else morsel.value,
            'session_cookie_deleted': deleted,
        })
