from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand

from ._output import emit


class Command(BaseCommand):
    help = 'Prints the django_session row of a key as the ORM reads it (no expiry filter), or exists=false.'

    def add_arguments(self, parser):
        parser.add_argument('key')

    def handle(self, *args, key, **options):
        row = Session.objects.filter(pk=key).first()
        if row is None:
            emit({'exists': False})
            return
        emit({
            'exists': True,
            'expire_date': row.expire_date.isoformat(),
            'decoded': row.get_decoded(),
        })
