from datetime import datetime, timedelta, timezone


def record_runs(client, athlete, count):
    start = datetime(2024, 1, 1, 8, tzinfo=timezone.utc)
    for index in range(count):
        body = {"duration_seconds": 600 + index, "start_time": (start + timedelta(days=index % 2)).isoformat()}
        assert client.post("/api/runs/", json=body, headers=athlete.headers).status_code == 201


def test_pages_cover_every_run_once_even_with_equal_sort_keys(client, athlete):
    record_runs(client, athlete, 7)
    seen, url = [], "/api/runs/?limit=3&ordering=start_time"
    while url:
        page = client.get(url, headers=athlete.headers).json
        assert page["count"] == 7
        seen += [feature["id"] for feature in page["results"]["features"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 7


def test_links_are_absolute_and_keep_the_filters(client, athlete):
    record_runs(client, athlete, 3)
    page = client.get("/api/runs/?limit=1&offset=1&ordering=-duration_seconds", headers=athlete.headers).json
    assert page["next"].startswith("http://")
    assert "ordering=-duration_seconds" in page["next"] and "offset=2" in page["next"]
    assert "offset" not in page["previous"]
    assert [f["properties"]["duration_seconds"] for f in page["results"]["features"]] == [601]


def test_range_filters_narrow_the_list(client, athlete):
    record_runs(client, athlete, 4)
    page = client.get("/api/runs/?start_time__gte=2024-01-02T00:00:00Z", headers=athlete.headers).json
    assert page["count"] == 2
