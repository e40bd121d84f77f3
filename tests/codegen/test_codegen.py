"""The generator: spec -> IR -> package, on our specs, third-party-style specs and bad input."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import specmodel
from codegen.naming import NameSet, pascal, snake, strip_resource_words, words

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SPECS = ["spec/call-control-v1.yaml", "spec/call-control-applications-v2.yaml", "spec/call-control-v2.yaml"]
NAMESPACES = ["--namespace", "spec/call-control-v2.yaml=v2"]
# The arguments `make generate` passes (checked against the Makefile below).
GENERATE_ARGS = [
    "--package-name",
    "telnyx_call_control",
    "--env-prefix",
    "TELNYX",
]
THIRD_PARTY = ["petstore-ish.yaml", "events-31.yaml"]


def codegen(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codegen", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def tool(name: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / name
    return subprocess.run([str(exe), *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False)


def python(script: str, src: Path, *, helpers: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with the generated package in ``src`` importable (``helpers``: and this
    repository's test helpers, e.g. ``tests.codegen.json_server``)."""
    path = f"{src}{os.pathsep}{ROOT}" if helpers else str(src)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
    )


def check_quality(out: Path, tmp: Path) -> None:
    """ruff check, ruff format --check and mypy --strict, all clean."""
    for args in (["check", "--no-cache", "."], ["format", "--no-cache", "--check", "."]):
        result = tool("ruff", *args, cwd=out)
        assert result.returncode == 0, result.stdout + result.stderr
    result = tool("mypy", "--strict", "--cache-dir", tmp / "mypy-cache", "src", cwd=out)
    assert result.returncode == 0, result.stdout + result.stderr


def is_cache(part: str) -> bool:
    """A directory tools leave behind: __pycache__, .mypy_cache, .ruff_cache, .pytest_cache, ..."""
    return part == "__pycache__" or (part.startswith(".") and part.endswith("_cache"))


def tree(path: Path) -> dict[str, bytes]:
    """Every file under ``path`` by relative path, but those in cache directories."""
    return {
        str(p.relative_to(path)): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and not any(is_cache(part) for part in p.relative_to(path).parts)
    }


def test_tree_ignores_every_cache_directory(tmp_path: Path) -> None:
    for cache in ("__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "src/pkg/__pycache__"):
        (tmp_path / cache).mkdir(parents=True)
        (tmp_path / cache / "x.bin").write_bytes(b"cache")
    (tmp_path / "src" / "pkg" / "mod.py").write_text("kept")
    (tmp_path / "src" / "pkg" / "ruff_cache.py").write_text("kept too")
    assert tree(tmp_path) == {"src/pkg/mod.py": b"kept", "src/pkg/ruff_cache.py": b"kept too"}


# -- naming ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("page[number]", "page_number"),
        ("filter[application_name][contains]", "filter_application_name_contains"),
        ("from", "from_"),
        ("X-Request-Id", "x_request_id"),
        ("2fa", "_2fa"),
        ("sendDTMF", "send_dtmf"),
        ("getV2Pets", "get_v2_pets"),
    ],
)
def test_snake(text: str, expected: str) -> None:
    assert snake(text) == expected


def test_pascal_and_resource_words() -> None:
    assert pascal("pet.adopted") == "PetAdopted"
    assert pascal("2nd place") == "N2ndPlace"
    strip = strip_resource_words
    assert strip(words("petFeed"), words("pets")) == ["feed"]
    assert strip(words("listStoreOrders"), words("store_orders")) == ["list"]
    assert strip(words("retrieveStoreOrder"), words("Store Orders")) == ["retrieve"]
    assert strip(words("pets"), words("pets")) == ["pets"]
    names = NameSet({"self"})
    assert [names.claim("self"), names.claim("id"), names.claim("id")] == ["self_2", "id", "id_2"]


def test_codegen_names_no_api() -> None:
    """The generator is generic: no word of our API in codegen/."""
    pattern = re.compile(r"telnyx|\bcalls?\b|\bapplications?\b(?!/)", re.IGNORECASE)
    hits = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "codegen").rglob("*"))
        if path.is_file() and path.suffix in {".py", ".jinja", ".md"}
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert hits == []


# -- our specs -> generated/ ------------------------------------------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("regen") / "generated"
    result = codegen(*SPECS, "-o", out, *NAMESPACES, *GENERATE_ARGS)
    assert result.returncode == 0, result.stderr
    return out


def test_makefile_uses_the_tested_arguments() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert f"SPECS := {' '.join(SPECS)}" in makefile
    assert f"NAMESPACES := {' '.join(NAMESPACES)}" in makefile
    assert (
        "python -m codegen $(SPECS) -o generated $(NAMESPACES) "
        + " ".join(a if a != "telnyx_call_control" else "$(PACKAGE)" for a in GENERATE_ARGS)
        in makefile
    )


def test_regeneration_is_byte_identical(regenerated: Path) -> None:
    committed = tree(ROOT / "generated")
    fresh = tree(regenerated)
    assert sorted(fresh) == sorted(committed)
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert changed == [], "run `make generate`"


def test_generated_is_clean(tmp_path: Path) -> None:
    check_quality(ROOT / "generated", tmp_path)


def test_import_is_lazy() -> None:
    result = python(
        """
        import sys
        import telnyx_call_control as pkg

        def loaded():
            return sorted(m for m in sys.modules if m.startswith("telnyx_call_control."))

        assert loaded() == [], loaded()
        client = pkg.Client(api_key="k", v1_key="a", v1_secret="b")
        assert not [m for m in loaded() if ".resources." in m or m.endswith(".models")], loaded()
        client.calls
        assert "telnyx_call_control.resources.calls" in loaded()
        assert "telnyx_call_control.resources.call_control_applications" not in loaded()
        """,
        ROOT / "generated" / "src",
    )
    assert result.returncode == 0, result.stderr


def test_generated_client_sends_what_the_specs_say() -> None:
    result = python(
        """
        import json
        import httpx
        from telnyx_call_control import APIStatusError, AsyncClient, Client
        from telnyx_call_control._base_client import MissingCredentialsError
        from telnyx_call_control.resources import calls

        sent = []

        def handler(request):
            sent.append(request)
            if request.url.path.startswith("/v2/"):
                return httpx.Response(200, json={"data": [], "meta": {
                    "page_number": 2, "page_size": 20, "total_pages": 1, "total_results": 0}})
            if request.url.path == "/calls":
                return httpx.Response(422, json={"errors": [{"code": "10015", "title": "Bad"}]})
            return httpx.Response(200, json={"result": "ok"})

        http = httpx.Client(transport=httpx.MockTransport(handler))
        client = Client(api_key="k2", v1_key="key", v1_secret="secret", http_client=http)

        result = client.calls.answer("v2:a/b", client_state="c3RhdGU=")
        request = sent[-1]
        assert request.method == "POST"
        assert str(request.url) == "https://api.telnyx.com/calls/v2%3Aa%2Fb/actions/answer"
        assert request.headers["authorization"] == "Basic a2V5OnNlY3JldA=="
        body = json.loads(request.content)
        assert set(body) == {"client_state", "command_id"}, body
        assert len(body["command_id"]) == 36

        try:
            client.calls.dial(to="+1", from_="+2", connection_id="1")
        except APIStatusError as exc:
            assert exc.status_code == 422
        else:
            raise AssertionError("a 422 did not raise")
        assert json.loads(sent[-1].content)["from"] == "+2"
        assert result.result == "ok"

        page = client.call_control_applications.list(
            page_number=2, filter_application_name_contains="router")
        request = sent[-1]
        assert request.url.path == "/v2/call_control_applications"
        assert request.url.params["page[number]"] == "2"
        assert request.url.params["filter[application_name][contains]"] == "router"
        assert request.headers["authorization"] == "Bearer k2"
        assert page.meta.page_number == 2

        assert calls.DIAL_WEBHOOKS[1].events == ("call.answered", "call.hangup")
        assert "Webhooks sent" in calls.Calls.answer.__doc__
        import inspect
        retrieve = AsyncClient(api_key="k").call_control_applications.retrieve
        assert inspect.iscoroutinefunction(retrieve), retrieve
        assert type(retrieve.__self__).__name__ == "AsyncCallControlApplications"

        no_v1 = Client(api_key="k", v1_key=None, v1_secret=None, http_client=http)
        try:
            no_v1.calls.hangup("x")
        except MissingCredentialsError as exc:
            assert "TELNYX_V1_KEY" in str(exc)
        else:
            raise AssertionError("no error without V1 credentials")
        """,
        ROOT / "generated" / "src",
    )
    assert result.returncode == 0, result.stderr


def test_environment_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELNYX_API_KEY", "from-env")
    monkeypatch.setenv("TELNYX_V1_KEY", "k")
    monkeypatch.setenv("TELNYX_V1_SECRET", "s")
    monkeypatch.setenv("TELNYX_BASE_URL", "http://127.0.0.1:9")
    result = python(
        """
        from telnyx_call_control import Client
        client = Client()
        assert (client.api_key, client.v1_key, client.v1_secret) == ("from-env", "k", "s")
        assert str(client.base_url) == "http://127.0.0.1:9"
        """,
        ROOT / "generated" / "src",
    )
    assert result.returncode == 0, result.stderr


# -- third-party-style specs ------------------------------------------------------------------


@pytest.fixture(scope="module", params=THIRD_PARTY)
def third_party(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("third") / "out"
    result = codegen(HERE / "specs" / request.param, "-o", out)
    assert result.returncode == 0, result.stderr
    return request.param, out


def test_third_party_output_is_clean_and_complete(third_party: tuple[str, Path], tmp_path: Path) -> None:
    spec_name, out = third_party
    check_quality(out, tmp_path)
    expected = len(specmodel.load_spec(HERE / "specs" / spec_name, validate=False).operations)
    package = next((out / "src").iterdir()).name
    result = python(
        f"""
        import inspect, sys
        import {package} as pkg
        assert not [m for m in sys.modules if m.startswith("{package}.")]
        from {package} import resources
        count = 0
        for name in resources.__all__:
            cls = getattr(resources, name)
            methods = [m for m, f in vars(cls).items() if inspect.isfunction(f)
                       and not m.startswith("_")]
            if name.startswith("Async"):
                # Every async method is awaited, but a list method also iterates directly.
                # (unwrap: a deprecated method is wrapped by its warning.)
                assert all(inspect.iscoroutinefunction(inspect.unwrap(getattr(cls, m)))
                           or inspect.signature(getattr(cls, m)).return_annotation.startswith("AsyncPaginator[")
                           for m in methods)
            else:
                count += len(methods)
        print(count)
        import {package}.models
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == expected


def test_petstore_features(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert codegen(HERE / "specs" / "petstore-ish.yaml", "-o", out).returncode == 0
    result = python(
        """
        import json, httpx
        from petstore_ish_client import Client
        from petstore_ish_client.models import Cat, ListPetsFilter

        sent = []
        def handler(request):
            sent.append(request)
            if request.url.path.endswith("/pets"):
                return httpx.Response(200, json=[{"name": "Tom", "petType": "cat"}])
            if request.method in {"DELETE", "PATCH"} or request.url.path.endswith("/feedback"):
                return httpx.Response(204)
            return httpx.Response(200, json={"id": 1, "status": "in transit"})

        client = Client(api_key="secret", http_client=httpx.Client(
            transport=httpx.MockTransport(handler)))
        pets = client.pets.list(filter=ListPetsFilter(species="cat", min_age=2), sort="name asc")
        assert isinstance(pets[0], Cat), pets
        url = sent[-1].url
        assert url.path == "/api/v1/pets"
        assert url.params["filter[species]"] == "cat" and url.params["filter[min_age]"] == "2"
        assert url.params["sort"] == "name asc"
        assert sent[-1].headers["x-api-key"] == "secret"

        order = client.store.place_order(from_="me", class_="economy", import_=True, x_request_id="r")
        body = json.loads(sent[-1].content)
        assert body == {"from": "me", "class": "economy", "import": True}, body
        assert sent[-1].headers["x-request-id"] == "r"
        assert order.status == "in transit"
        assert sent[-1].extensions["timeout"]["read"] == 60.0

        # A body field called ``timeout`` is renamed; ``timeout=`` stays the request's own.
        client.store.place_order(from_="me", class_="first class", body_timeout=30, timeout=2.5)
        assert json.loads(sent[-1].content) == {"from": "me", "class": "first class", "timeout": 30}
        assert sent[-1].extensions["timeout"]["read"] == 2.5

        assert client.pets.delete(7) is None
        assert sent[-1].url.path == "/api/v1/pets/7"

        # A form body is sent form-encoded.
        client.store.send_feedback(text="great & quick", stars=5)
        assert sent[-1].headers["content-type"] == "application/x-www-form-urlencoded"
        assert sent[-1].content == b"text=great+%26+quick&stars=5"

        # A deprecated operation warns when called, and says so in its docstring.
        import warnings
        from petstore_ish_client.resources.pets import AsyncPets, Pets
        message = "pets.rename is deprecated by the API description."
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert client.pets.rename(7, name="Rex") is None
            client.pets.delete(7)
        assert [(w.category, str(w.message)) for w in caught] == [(DeprecationWarning, message)], caught
        assert (sent[-1].method, sent[-2].method, json.loads(sent[-2].content)) == ("DELETE", "PATCH", {"name": "Rex"})
        assert Pets.rename.__deprecated__ == AsyncPets.rename.__deprecated__ == message
        assert Pets.rename.__doc__.rstrip().endswith("Deprecated.")
        assert not hasattr(Pets.delete, "__deprecated__")
        assert client.health.health() is None
        assert "x-api-key" not in sent[-1].headers
        assert sent[-1].url == "https://petstore.example.com/api/v1/health"

        # Path-level and operation-level `servers` replace the document's.
        client = Client(api_key="secret", base_url="https://petstore.example.com", http_client=httpx.Client(
            transport=httpx.MockTransport(handler)))
        client.health.well_known_status()
        assert sent[-1].url == "https://petstore.example.com/.well-known/status", sent[-1].url
        client.health.status_detail()
        assert sent[-1].url == "https://status.example.com/v9/status/detail", sent[-1].url
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_deprecated_operations_are_deprecated_for_type_checkers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert codegen(HERE / "specs" / "petstore-ish.yaml", "-o", out).returncode == 0
    assert '"typing-extensions>=4.5"' in (out / "pyproject.toml").read_text()
    user = tmp_path / "user.py"
    user.write_text(
        textwrap.dedent(
            """
            from petstore_ish_client import AsyncClient, Client

            async def use(client: Client, async_client: AsyncClient) -> None:
                client.pets.rename(1, name="Rex")
                await async_client.pets.rename(1)
                client.pets.delete(1)
                client.pets.with_raw_response.delete(1)
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--enable-error-code", "deprecated",
         "--cache-dir", str(tmp_path / "cache"), str(user), str(out / "src" / "petstore_ish_client")],
        capture_output=True, text=True, check=False, env={**os.environ, "MYPYPATH": str(out / "src")},
    )  # fmt: skip
    reported = [line.split(": error: ")[0] for line in result.stdout.splitlines() if ": error: " in line]
    assert reported == [f"{user}:5", f"{user}:6"], result.stdout  # the two calls of rename, nothing else
    assert result.stdout.count("pets.rename is deprecated by the API description.") == 2, result.stdout


def test_events_features(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert codegen(HERE / "specs" / "events-31.yaml", "-o", out).returncode == 0
    result = python(
        """
        import inspect
        from event_hub_client import Client
        from event_hub_client.resources import events
        from event_hub_client.webhook_events import WEBHOOK_EVENTS
        from event_hub_client.models import Event, ReplayedHook

        sig = inspect.signature(events.Events.replay)
        assert list(sig.parameters)[:2] == ["self", "event_id"]
        assert set(sig.parameters) >= {"request_id", "mode", "priority"}
        annotations = {name: p.annotation for name, p in sig.parameters.items()}
        assert annotations["mode"] == "Literal['replay'] | NotGiven", annotations  # const
        assert annotations["priority"] == "int | None | NotGiven", annotations  # type: [integer, "null"]
        assert annotations["request_id"] == "str | NotGiven", annotations
        assert events.REPLAY_WEBHOOKS[1].optional and events.REPLAY_WEBHOOKS[1].when == "delivery"
        assert hasattr(Client, "subscriptions")
        from event_hub_client.resources.subscriptions import Subscriptions
        assert hasattr(Subscriptions, "subscribe") and hasattr(Subscriptions, "delete")
        assert "id" not in inspect.signature(Subscriptions.subscribe).parameters  # readOnly
        assert "from_" in inspect.signature(events.Events.list).parameters
        assert {w.key: w.event_type_pointer for w in WEBHOOK_EVENTS} == {
            "eventReplayed": "/type", "eventDelivered": "/type"}
        hook = ReplayedHook.model_validate(
            {"type": "event.replayed", "event": {"id": "1", "kind": "order placed", "note": None}})
        assert hook.event.note is None
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_several_specs_into_one_package(tmp_path: Path) -> None:
    out = tmp_path / "out"
    specs = HERE / "specs"
    result = codegen(specs / "petstore-ish.yaml", specs / "events-31.yaml", "-o", out,
                     "--package-name", "combo", "--env-prefix", "COMBO")  # fmt: skip
    assert result.returncode == 0, result.stderr
    client = (out / "src" / "combo" / "_client.py").read_text()
    assert 'DEFAULT_BASE_URL: Final = "https://petstore.example.com/api/v1"' in client  # the whole server URL
    assert "COMBO_API_KEY" in client and "COMBO_USERNAME" in client
    events = (out / "src" / "combo" / "resources" / "events.py").read_text()
    assert '"https://hub.example.org/events"' in events  # another origin: absolute URL


# -- bad input --------------------------------------------------------------------------------

BAD = {
    "yaml-syntax.yaml": ":8: invalid YAML",
    "empty.yaml": "#: empty file",
    "not-a-mapping.yaml": "#: an OpenAPI document must be a mapping",
    "missing-openapi.yaml": "#: missing required field 'openapi'",
    "swagger-2.yaml": "#/swagger: Swagger 2.0",
    "dangling-ref.yaml": "#/paths/~1pets/get/responses/200/content/application~1json/schema/$ref:",
    "missing-file-ref.yaml": "/schema/$ref: $ref 'no-such-file.yaml#/components/schemas/Pet' points to a missing file",
    "ref-loop.yaml": "#/components/schemas/A: $ref loop",
    "undeclared-path-parameter.yaml": "#/paths/~1pets~1{petId}/get: path parameter 'petId'",
    "duplicate-operation-id.yaml": "#/paths/~1animals/get/operationId: duplicate operationId",
    "invalid-schema-type.yaml": "#/components/schemas/Pet/properties/name/type: invalid schema",
    "missing-info-title.yaml": '#/info: "title" is a required property',
    "bad-credential-names.yaml": "#/components/securitySchemes/token/x-credential-names: security scheme 'token' "
    "takes 1 credential name(s)",
    "bad-webhook-step.yaml": "#/paths/~1pets/post/x-webhooks/1: a step needs exactly one of 'event' or 'one_of'",
}


def test_bad_corpus_is_covered() -> None:
    assert sorted(p.name for p in (HERE / "bad").iterdir()) == sorted(BAD)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("untouched")
    spec = tmp_path / name
    shutil.copy(HERE / "bad" / name, spec)
    result = codegen(name, "-o", out, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {name}"), lines[0]
    assert BAD[name] in lines[0]
    assert "Traceback" not in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    assert (out / "keep.txt").read_text() == "untouched"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]


def test_lenient_generates_despite_duplicate_ids(tmp_path: Path) -> None:
    result = codegen(HERE / "bad" / "duplicate-operation-id.yaml", "-o", tmp_path / "o", "--lenient")
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr
