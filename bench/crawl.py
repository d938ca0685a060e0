#!/usr/bin/env python3
"""Finds every HTML page a signed-in person can reach by following links from home.

    crawl.py BASE_URL COOKIE_HEADER [LIMIT]

Prints one line per kind of page: its shape (numbers in the path stand as {id}), how many
addresses of that shape were found, and the first one found, tab-separated, in the order they
were first reached. Only GET links on the same server are followed; sign-out, assets and
anything that is not an HTML page (downloads, calendar files, PDFs, pictures) are left out.
LIMIT (default 2,000) caps the addresses fetched, so a crawl of a large database ends.
"""
import http.client
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

SKIPPED_PREFIXES = ("/sign-out", "/assets/")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def shape_of(path_and_query):
    """/cases/12?done=opened -> /cases/{id}?done: one measurement stands for a whole kind."""
    parts = urlsplit(path_and_query)
    path = re.sub(r"/\d+(?=/|$)", "/{id}", parts.path)
    keys = sorted({pair.split("=", 1)[0] for pair in parts.query.split("&") if pair})
    return path + ("?" + "&".join(keys) if keys else "")


def main():
    base, cookie = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    origin = urlsplit(base)
    connection = http.client.HTTPConnection(origin.hostname, origin.port, timeout=30)
    name, _, value = cookie.partition(": ")
    seen, queue, shapes = {"/"}, ["/"], {}
    while queue and limit > 0:
        target = queue.pop(0)
        limit -= 1
        connection.request("GET", target, headers={name: value})
        answer = connection.getresponse()
        body = answer.read()
        kind = answer.getheader("Content-Type", "")
        if answer.status != 200 or not kind.startswith("text/html"):
            continue
        if answer.getheader("Content-Disposition", "").startswith("attachment"):
            continue
        shape = shape_of(target)
        first, count = shapes.get(shape, (target, 0))
        shapes[shape] = (first, count + 1)
        parser = Links()
        parser.feed(body.decode("utf-8", errors="replace"))
        for href in parser.hrefs:
            absolute, _ = urldefrag(urljoin(base + target, href))
            parts = urlsplit(absolute)
            if (parts.scheme, parts.hostname, parts.port) != (origin.scheme, origin.hostname,
                                                               origin.port):
                continue
            local = parts.path + ("?" + parts.query if parts.query else "")
            if local in seen or local.startswith(SKIPPED_PREFIXES):
                continue
            seen.add(local)
            queue.append(local)
    for shape, (first, count) in shapes.items():
        print(f"{shape}\t{count}\t{first}")


if __name__ == "__main__":
    main()
