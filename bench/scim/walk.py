#!/usr/bin/env python3
"""Walks every SCIM User by RFC 9865 cursor, as a sync client does: one keep-alive connection, every
page parsed. Prints "<users> <pages> <milliseconds>". usage: walk.py <base-url> <count> (TOKEN in env)"""
import http.client
import json
import os
import sys
import time
import urllib.parse

base = urllib.parse.urlsplit(sys.argv[1])
count = sys.argv[2]
headers = {"Authorization": "Bearer " + os.environ["TOKEN"]}
conn = http.client.HTTPConnection(base.hostname, base.port)
start = time.monotonic()
cursor, pages, seen = "", 0, 0
while True:
    conn.request("GET", "/scim/v2/Users?" + urllib.parse.urlencode({"count": count, "cursor": cursor}), headers=headers)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"page {pages + 1}: HTTP {response.status} {body[:200]!r}")
    page = json.loads(body)
    seen += len(page["Resources"])
    pages += 1
    cursor = page.get("nextCursor")
    if not cursor:
        break
print(seen, pages, round((time.monotonic() - start) * 1000))
