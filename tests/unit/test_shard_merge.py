"""Sharding is a partition of the URL list; merging puts shard results back into one document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.combine import merge_documents, parse_shard, shard, site_documents
from auditor.errors import UsageError

urls = st.lists(st.from_regex(r"https://[a-z]{1,8}\.example/[a-z]{0,5}", fullmatch=True), max_size=40)


@given(urls, st.integers(min_value=1, max_value=12))
def test_every_url_is_in_exactly_one_shard_and_shards_are_balanced(url_list: list[str], total: int) -> None:
    shards = [shard(url_list, i, total) for i in range(1, total + 1)]
    flat = [u for s in shards for u in s]
    assert sorted(flat) == sorted(set(url_list))
    sizes = [len(s) for s in shards]
    assert max(sizes) - min(sizes) <= 1


@given(urls, st.integers(min_value=1, max_value=6), st.randoms())
def test_shards_do_not_depend_on_the_order_urls_were_given_in(url_list: list[str], total: int, rnd: object) -> None:
    shuffled = list(url_list)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert [shard(url_list, i, total) for i in range(1, total + 1)] == [shard(shuffled, i, total) for i in range(1, total + 1)]


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "a/b", "1", ""])
def test_bad_shard_specs_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        parse_shard(text)


def _report(tmp: Path, name: str, sites: list[str], shot: str) -> Path:
    folder = tmp / name
    (folder / "screenshots").mkdir(parents=True)
    (folder / "screenshots" / shot).write_bytes(b"png")
    doc = {"schema_version": "1", "tool": {"name": "cxaudit"}, "started_at": f"2026-01-0{len(name)}", "duration_ms": 10,
           "config": {"urls": sites, "gate": {"fail_on": "high"}}, "incomplete": False, "gate": {},
           "sites": [{"start_url": u, "screenshot": f"screenshots/{shot}", "checks": []} for u in sites]}
    (folder / "report.json").write_text(json.dumps(doc))
    return folder


def test_merge_combines_sites_and_keeps_screenshots_apart(tmp_path: Path) -> None:
    a = _report(tmp_path, "a", ["https://b.example/"], "s0-home.png")
    b = _report(tmp_path, "bb", ["https://a.example/"], "s0-home.png")
    out = tmp_path / "merged"
    doc = merge_documents([a, b], out)
    assert [s["start_url"] for s in doc["sites"]] == ["https://a.example/", "https://b.example/"]
    shots = sorted(s["screenshot"] for s in doc["sites"])
    assert shots == ["screenshots/m1-s0-home.png", "screenshots/m2-s0-home.png"]
    assert all((out / s).is_file() for s in shots)
    assert [slug for slug, _ in site_documents(doc)] == ["01-a.example", "02-b.example"]


def test_merge_refuses_a_directory_without_a_report(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no report\.json"):
        merge_documents([tmp_path], tmp_path / "out")
