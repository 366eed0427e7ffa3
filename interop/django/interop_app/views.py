"""Views the interop tests drive through Django's test Client, so every request runs the real
middleware stack: SessionMiddleware, CsrfViewMiddleware, AuthenticationMiddleware, MessageMiddleware."""
import json

from django.contrib import auth, messages
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.utils.safestring import SafeData, mark_safe


def _body(request):
    return json.loads(request.body.decode('utf-8')) if request.body else {}


def session(request):
    """GET: the session's data. POST: update the session with the JSON object in the body
    (a key "__expiry__" calls set_expiry with its value instead of being stored)."""
    if request.method == 'POST':
        data = _body(request)
        if '__expiry__' in data:
            request.session.set_expiry(data.pop('__expiry__'))
        request.session.update(data)
    return JsonResponse({'data': dict(request.session.items())})


def login_view(request):
    """POST {"username", "password"}: django.contrib.auth.authenticate + login (403 if wrong)."""
    body = _body(request)
    user = auth.authenticate(request, username=body['username'], password=body['password'])
    if user is None:
        return JsonResponse({'error': 'invalid credentials'}, status=403)
    auth.login(request, user)
    return JsonResponse({'id': user.pk, 'username': user.get_username()})


def logout_view(request):
    auth.logout(request)
    return JsonResponse({})


def whoami(request):
    """Who django.contrib.auth.get_user says the session belongs to (AuthenticationMiddleware)."""
    user = request.user
    if not user.is_authenticated:
        return JsonResponse({'authenticated': False})
    return JsonResponse({'authenticated': True, 'id': user.pk, 'username': user.get_username()})


def messages_view(request):
    """POST {"level", "message", "extra_tags", "safe"}: add a message (mark_safe when "safe").
    GET: read them, which consumes them: MessageMiddleware then stores only what is left."""
    if request.method == 'POST':
        body = _body(request)
        text = mark_safe(body['message']) if body.get('safe') else body['message']
        messages.add_message(request, body['level'], text, extra_tags=body.get('extra_tags', ''))
        return JsonResponse({})
    return JsonResponse({'messages': [
        {'level': m.level, 'message': str(m.message), 'extra_tags': m.extra_tags or '',
         'safe': isinstance(m.message, SafeData)}
        for m in messages.get_messages(request)
    ]})


def csrf_token(request):
    """GET: a masked CSRF token for a form (get_token), which stores the secret in the session."""
    return JsonResponse({'token': get_token(request)})


def csrf_protected(request):
    """POST: reached only if CsrfViewMiddleware accepted the token (403 otherwise)."""
    return JsonResponse({'accepted': True})


def password(request):
    """POST {"username", "password"}: django.contrib.auth.authenticate, without logging in."""
    body = _body(request)
    user = auth.authenticate(request, username=body['username'], password=body['password'])
    if user is None:
        return JsonResponse({'authenticated': False})
    return JsonResponse({'authenticated': True, 'id': user.pk, 'password': user.password})
