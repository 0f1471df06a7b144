def test_the_openapi_document_lists_the_api(client):
    spec = client.get("/api/openapi.json").json
    assert "/api/runs/" in spec["paths"]
    assert "/api/runs/{run_id}/" in spec["paths"]


def test_swagger_ui_and_redoc_are_served_from_local_files(client):
    for page, asset in (("/api/docs/", "/api/static/swagger-ui/swagger-ui-bundle.js"),
                        ("/api/redoc/", "/api/static/redoc/redoc.standalone.js")):
        html = client.get(page).get_data(as_text=True)
        assert asset.rsplit("/", 1)[0] in html
        assert "cdn" not in html.lower()
        assert client.get(asset).status_code == 200


def test_the_old_documentation_paths_redirect(client):
    assert client.get("/swagger/").headers["Location"].endswith("/api/docs/")
    assert client.get("/redoc/").headers["Location"].endswith("/api/redoc/")
