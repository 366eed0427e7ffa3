"""Sends one request through Django's full middleware stack (django.test.Client) and prints
{"status", "body", "session_cookie", "session_cookie_deleted"} as JSON.

    manage.py request GET /whoami/ --session KEY
    manage.py request POST /session/ --session KEY --body -     (JSON body from stdin)
    manage.py request POST /csrf/protected/ --session KEY --csrf TOKEN   (CSRF checks enforced)
    manage.py request GET /messages/ --messages-cookie VALUE             (prints the messages cookie set)
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
        parser.add_argument('--csrf', help='enforce CSRF checks and send this X-CSRFToken header')
        parser.add_argument('--messages-cookie', help='the messages cookie value to send')

    def handle(self, *args, method, path, session, body, csrf, messages_cookie, **options):
        client = Client(enforce_csrf_checks=csrf is not None)
        headers = {} if csrf is None else {'HTTP_X_CSRFTOKEN': csrf}
        if session is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = session
        if messages_cookie is not None:
            client.cookies['messages'] = messages_cookie
        if method == 'GET':
            response = client.get(path, **headers)
        else:
            text = sys.stdin.read() if body == '-' else (body or '{}')
            response = client.post(path, data=text, content_type='application/json', **headers)
        morsel = response.cookies.get(settings.SESSION_COOKIE_NAME)
        deleted = morsel is not None and morsel['max-age'] == 0
        messages = response.cookies.get('messages')
        emit({
            'status': response.status_code,
            'body': _json_or_text(response),
            'session_cookie': None if morsel is None or deleted else morsel.value,
            'session_cookie_deleted': deleted,
            'messages_cookie': None if messages is None else messages.value,
        })


def _json_or_text(response):
    if not response.content:
        return None
    if response.get('Content-Type', '').startswith('application/json'):
        return json.loads(response.content)
    return {'text': response.content.decode('utf-8', 'replace')[:200]}
