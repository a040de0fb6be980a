"""Tornado side of the template benchmark.

Renders Benchmarks/TemplateBench/message.html (the chat demo's message
template) and message_rich.html with Tornado's compiled templates and prints
renders/s and ns/render in the same format as TemplateBench.

`{% module linkify(...) %}` needs `_tt_modules`; it is given the plain
`tornado.escape.linkify` function, which is the cheapest possible setup for
Tornado (a real RequestHandler adds a UI-module lookup per call).

Usage: template_tornado.py [--seconds S] [--print]
"""

import os
import sys
import time

from tornado import escape, template
from tornado.util import ObjectDict

MESSAGE = {
    "id": "5f0c6a1e-3b2d-4c8e-9a7f-1d2e3f4a5b6c",
    "body": "Hello <b>world</b> see https://example.com/a?b=1 — 你好 🎉",
    "from": "alice",
    "time": "12:34",
}


def main() -> None:
    seconds = 1.0
    print_output = False
    args = sys.argv[1:]
    while args:
        arg = args.pop(0)
        if arg == "--seconds":
            seconds = float(args.pop(0))
        elif arg == "--print":
            print_output = True
        else:
            sys.exit("usage: template_tornado.py [--seconds S] [--print]")
    directory = os.path.join(os.path.dirname(os.path.abspath(__file__)), "TemplateBench")
    loader = template.Loader(directory)
    modules = ObjectDict(linkify=escape.linkify)
    for name in ("message.html", "message_rich.html"):
        t = loader.load(name)
        if print_output:
            sys.stdout.write(t.generate(message=MESSAGE, _tt_modules=modules).decode("utf-8"))
            continue
        for _ in range(2000):
            t.generate(message=MESSAGE, _tt_modules=modules)
        renders = 0
        start = time.perf_counter()
        elapsed = 0.0
        while elapsed < seconds:
            for _ in range(1000):
                t.generate(message=MESSAGE, _tt_modules=modules)
            renders += 1000
            elapsed = time.perf_counter() - start
        print("tornado %s renders/s=%d ns/render=%d" % (name, renders / elapsed, round(elapsed * 1e9 / renders)))


if __name__ == "__main__":
    main()
