"""Runs manage.py commands for the interop tests without paying Python's and Django's start-up each time.

Imports Django's modules once, then, for each request, forks a child that sets the request's environment,
sets Django up from it (so every command sees exactly the settings it asks for, as a fresh process would)
and runs the command. One request and one answer per line, JSON, on stdin and stdout:

    {"env": {"NAME": "value", ...}, "args": ["request", "GET", "/session/"], "stdin": "..."}
    {"exit": 0, "stdout": "...", "stderr": "..."}
"""
import io
import json
import os
import sys
import tempfile

# Imports that need no settings: most of Django's start-up time.
import django  # noqa: F401
import django.core.management  # noqa: F401
import django.db.models  # noqa: F401
import django.http  # noqa: F401
import django.test  # noqa: F401
import django.utils.timezone  # noqa: F401


def _child(request, stdin_fd, out_fd, err_fd):
    os.dup2(stdin_fd, 0)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, 'rb', closefd=False), encoding='utf-8')
    sys.stdout = io.TextIOWrapper(io.FileIO(1, 'wb', closefd=False), encoding='utf-8', write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, 'wb', closefd=False), encoding='utf-8', write_through=True)
    os.environ.clear()
    os.environ.update(request['env'])
    code = 0
    try:
        from django.core.management import execute_from_command_line
        execute_from_command_line(['manage.py'] + request['args'])
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:  # noqa: B036 - report anything, as a failed process would
        import traceback
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main():
    requests = sys.stdin.buffer
    answers = sys.stdout.buffer
    for line in requests:
        request = json.loads(line)
        with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as out, \
                tempfile.TemporaryFile() as err:
            stdin.write(request.get('stdin', '').encode('utf-8'))
            stdin.flush()
            stdin.seek(0)
            pid = os.fork()
            if pid == 0:
                _child(request, stdin.fileno(), out.fileno(), err.fileno())
            _, status = os.waitpid(pid, 0)
            out.seek(0)
            err.seek(0)
            answer = {'exit': os.waitstatus_to_exitcode(status),
                      'stdout': out.read().decode('utf-8', 'replace'),
                      'stderr': err.read().decode('utf-8', 'replace')}
        answers.write(json.dumps(answer).encode('utf-8') + b'\n')
        answers.flush()


if __name__ == '__main__':
    main()
