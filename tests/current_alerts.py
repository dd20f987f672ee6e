#!/usr/bin/env python3
"""Writes an alerts feed for the video tests and benchmark: the demo's level-4 alert made current
(issued 5 minutes ago, valid 6 hours, no district filter) when WITH_ALERT is 1, no item when 0.
Polled every 5 s. The file is replaced atomically.

Usage: current_alerts.py DEMO_ALERTS_JSON OUT WITH_ALERT
"""
import datetime
import json
import os
import sys

demo, out, with_alert = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
d = json.load(open(demo))
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
iso = lambda t: t.isoformat().replace("+00:00", "Z")
d["generated"] = iso(now)
d["ttl"] = 5
items = [i for i in d["items"] if i.get("level") == 4][:1] if with_alert else []
for i in items:
    i["issued"] = iso(now - datetime.timedelta(minutes=5))
    i.pop("valid_from", None)
    i["valid_until"] = iso(now + datetime.timedelta(hours=6))
    i.pop("expires", None)
    i.pop("districts", None)
d["items"] = items
json.dump(d, open(out + ".tmp", "w"), ensure_ascii=False)
os.replace(out + ".tmp", out)
