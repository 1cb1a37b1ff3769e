"""Time the portal search on this node's data: ``manage.py search_benchmark``.

Times both the index query alone (:func:`search.search`) and the whole ``/search`` page (query,
loading the public records, rendering), for names and phrases in the three languages, after one
warm-up round (jieba's dictionary loads once per process).
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from coopnode.web.portal import search
from coopnode.web.portal.models import SearchEntry

QUERIES = [
    "Урумчи", "Urumqi", "乌鲁木齐", "Беларусь", "白俄罗斯", "Ministry of Communications",
    "министерство связи", "工业和信息化部", "BRICS", "цифровой индустрии", "数字产业", "ceremony",
]


class Command(BaseCommand):
    help = "Measure search latency (index query and full page) on this node's data."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--rounds", type=int, default=20)

    def handle(self, *args: Any, **options: Any) -> None:
        rounds = options["rounds"]
        client = Client(HTTP_HOST="localhost")
        for q in QUERIES:  # warm-up
            search.search(q)
            client.get("/search", {"q": q})
        index_ms: list[float] = []
        page_ms: list[float] = []
        for _ in range(rounds):
            for q in QUERIES:
                t = time.perf_counter()
                search.search(q)
                index_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                response = client.get("/search", {"q": q})
                page_ms.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200
        self.stdout.write(f"backend: {connection.vendor}; index entries: {SearchEntry.objects.count()}; "
                          f"{len(QUERIES)} queries x {rounds} rounds")
        for label, values in (("index query", index_ms), ("full page", page_ms)):
            values.sort()
            p95 = values[int(len(values) * 0.95) - 1]
            self.stdout.write(f"{label}: median {statistics.median(values):.1f} ms, "
                              f"p95 {p95:.1f} ms, max {values[-1]:.1f} ms")
