import json
import sys


def emit(value):
    """Prints one compact JSON document on stdout, as Django's JSONSerializer writes it."""
    sys.stdout.write(json.dumps(value, separators=(',', ':')) + '\n')
    sys.stdout.flush()
