"""Real-world spec constructs, one small fixture each (tests/codegen/realworld/): each generates,
passes ruff check, ruff format --check and mypy --strict, and behaves as its document says."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen import build_ir, load, render
from codegen.errors import SpecError

from .test_codegen import check_quality, codegen, python

HERE = Path(__file__).resolve().parent / "realworld"


def generate(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / "out"
    result = codegen(HERE / name, "-o", out, *args)
    assert result.returncode == 0, result.stderr
    return out


def package_of(out: Path) -> str:
    return next(p.name for p in (out / "src").iterdir() if p.is_dir())


def test_lint_classes_are_fixed_in_the_generator(tmp_path: Path) -> None:
    out = generate(tmp_path, "lint-classes.yaml")
    check_quality(out, tmp_path)  # RUF022, PYI030, RUF012 among ruff's rules
    src = out / "src" / package_of(out)
    resource = (src / "resources" / "v2.py").read_text()
    assert 'speed: Literal["fast", "slow", "latest"] | NotGiven' in resource
    models = (src / "models.py").read_text()
    assert "tags: list[str] | None = Field(default_factory=list)" in models
    assert "levels: list[int] | None = Field(default_factory=lambda: [1, 2])" in models
    result = python(
        f"""
        from {package_of(out)}.models import Version
        a, b = Version(), Version()
        a.tags.append("x")
        assert b.tags == [] and b.levels == [1, 2] and b.labels == {{}}, b
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_all_of_narrowing_and_conflicting_parts_type_check(tmp_path: Path) -> None:
    out = generate(tmp_path, "allof-narrowing.yaml")
    check_quality(out, tmp_path)
    result = python(
        f"""
        from {package_of(out)}.models import Combined, Dog
        dog = Dog.model_validate({{"kind": "dog", "barks": True}})
        assert dog.kind == "dog" and dog.barks is True and dog.tags == []
        both = Combined.model_validate({{"region_code": {{"code": "ashburn-va"}}}})
        assert both.region_code is not None and both.region_code.code == "ashburn-va"
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_a_default_of_the_wrong_type_is_dropped_under_lenient(tmp_path: Path) -> None:
    strict = codegen(HERE / "dcg-failure.yaml", "-o", tmp_path / "refused")
    assert strict.returncode == 2 and "Traceback" not in strict.stderr
    assert "dcg-failure.yaml#/components/schemas/Thing/properties/a/default" in strict.stderr
    out = generate(tmp_path, "dcg-failure.yaml", "--lenient")
    models = (out / "src" / package_of(out) / "models.py").read_text()
    assert "a: str | None = None" in models and '= ""' not in models
    check_quality(out, tmp_path)


def test_a_datamodel_code_generator_failure_is_one_line() -> None:
    # A document datamodel-code-generator itself cannot render: one SpecError, no traceback.
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"A": {"$ref": "missing-file.yaml#/A"}}},
    }
    with pytest.raises(SpecError, match=r"^<models>: datamodel-code-generator failed: ") as info:
        render.generate_models(document, "pkg")
    assert "\n" not in str(info.value)


def test_invalid_generated_python_names_the_module_and_the_document(tmp_path: Path) -> None:
    files = {"src/pkg/ok.py": "x = 1\n", "src/pkg/resources/bad.py": "x = 1\ny = cast('a'b', z)\n"}
    with pytest.raises(
        SpecError, match=r"^api\.yaml: the generated src/pkg/resources/bad\.py is not valid Python at line 2"
    ):
        render._check_syntax("api.yaml", files)


def test_invalid_generated_python_names_the_operation_or_schema_it_comes_from(tmp_path: Path) -> None:
    files, origins, doc = _rendered("name-collisions.yaml")
    resource, models = "src/pkg/resources/batch.py", "src/pkg/models.py"
    cases = [
        (resource, "cast_to=Batch,", "cast_to=Batch Batch,", "#/paths/~1batches~1{id}/get"),  # the method's body
        (
            resource,
            "raw_response_wrapper(resource.get)",
            "raw_response_wrapper(resource.get",
            "#/paths/~1batches~1{id}/get",
        ),
        (models, "    id: str", "    id: str str", "#/components/schemas/Batch"),
    ]
    for relative, good, bad, pointer in cases:
        assert good in files[relative]
        broken = {**files, relative: files[relative].replace(good, bad, 1)}
        with pytest.raises(SpecError) as info:
            render._check_syntax("api.yaml", broken, origins)
        message = str(info.value)
        assert message.startswith(f"{doc}{pointer}: the generated {relative} is not valid Python at line "), message
        assert "\n" not in message
    # ruff, given code it cannot parse (the syntax check comes first in a generation): the same origin.
    broken = {**files, resource: files[resource].replace("cast_to=Batch,", "cast_to=Batch Batch,", 1)}
    for relative, text in broken.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        render._ruff(tmp_path, broken, origins)
    message = str(info.value)
    assert message.startswith(f"{doc}#/paths/~1batches~1{{id}}/get: ruff format failed on the generated code: "), (
        message
    )
    assert f"{resource}:" in message and str(tmp_path) not in message and "\n" not in message


def test_resource_classes_never_take_a_model_name_and_untagged_paths_group_by_resource(tmp_path: Path) -> None:
    out = generate(tmp_path, "name-collisions.yaml")
    check_quality(out, tmp_path)
    package = package_of(out)
    resources = sorted(p.stem for p in (out / "src" / package / "resources").glob("*.py") if p.stem != "__init__")
    assert resources == ["batch", "customers", "repositories", "webhooks_"]
    result = python(
        f"""
        from tests.codegen.json_server import serve_json
        from {package} import Client
        from {package}.models import Batch
        from {package}.resources.batch import BatchResource

        url, server = serve_json(lambda path: {{"id": path}})
        client = Client(base_url=url)
        assert isinstance(client.batch, BatchResource)
        batch = client.batch.get("b1")
        assert type(batch) is Batch and batch.id == "/batches/b1", batch
        assert type(client.webhooks_).__name__ == "WebhooksResource"
        assert type(client.webhooks).__name__ == "WebhookParser"
        assert client.customers.list.__name__ == "list" and client.repositories.list.__name__ == "list"
        server.shutdown()
        """,
        out / "src",
        helpers=True,
    )
    assert result.returncode == 0, result.stderr


def test_base_url_replaces_the_whole_server_url_and_a_query_in_a_path_key_is_sent(tmp_path: Path) -> None:
    out = generate(tmp_path, "query-in-path.yaml")
    check_quality(out, tmp_path)
    package = package_of(out)
    client_module = (out / "src" / package / "_client.py").read_text()
    assert 'DEFAULT_BASE_URL: Final = "https://api.example.com/v1"' in client_module
    result = python(
        f"""
        from tests.codegen.json_server import serve_json
        from {package} import Client

        url, server = serve_json(lambda path: {{"id": path}})
        # A proxy serving the API under /proxy: base_url replaces https://api.example.com/v1 whole.
        client = Client(base_url=f"{{url}}/proxy")
        assert client.responses.get("r1").id == "/proxy/responses/r1?beta=true"
        sent = client.responses.get("r1", include="usage").id
        assert sent.startswith("/proxy/responses/r1?") and sorted(sent.split("?")[1].split("&")) == [
            "beta=true", "include=usage"], sent
        server.shutdown()
        """,
        out / "src",
        helpers=True,
    )
    assert result.returncode == 0, result.stderr


def test_a_discriminator_without_mapping_keeps_the_wire_values(tmp_path: Path) -> None:
    out = generate(tmp_path, "discriminator-no-mapping.yaml")
    check_quality(out, tmp_path)
    models = (out / "src" / package_of(out) / "models.py").read_text()
    assert 'record_type: Literal["message_detail_record"]' in models
    assert "#-datamodel-code-generator-#" not in models
    result = python(
        f"""
        from {package_of(out)}.models import CallDetailRecord, MessageDetailRecord, Record
        a = Record.model_validate({{"record_type": "message_detail_record", "text": "hi"}}).root
        b = Record.model_validate({{"record_type": "call_detail_record", "seconds": 3}}).root
        assert type(a) is MessageDetailRecord and type(b) is CallDetailRecord and b.seconds == 3
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_a_string_enum_answer_with_quotes_is_valid_python_and_keeps_new_values(tmp_path: Path) -> None:
    out = generate(tmp_path, "string-enum-answer.yaml")
    check_quality(out, tmp_path)
    result = python(
        f"""
        from tests.codegen.json_server import serve_json
        from {package_of(out)} import Client

        answers = ['say "hi"', "added later"]

        url, server = serve_json(lambda path: answers.pop(0))
        client = Client(base_url=url)
        assert client.status.get() == 'say "hi"'
        assert client.status.get() == "added later"
        server.shutdown()
        """,
        out / "src",
        helpers=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("fixture", "name", "body", "model", "check"),
    [
        ("webhooks-only.yaml", "newPet", {"name": "Rex", "kind": "wolf"}, "NewPetWebhook", "event.kind == 'wolf'"),
        ("webhooks-only.yaml", "petGone", {"id": 4}, "Gone", "event.id == 4"),
        (
            "callbacks.yaml",
            "onData",
            {"timestamp": "2024-01-02T03:04:05Z", "userData": "u"},
            "OnDataCallback",
            "event.timestamp.year == 2024 and event.userData == 'u'",
        ),
    ],
)
def test_webhooks_and_callbacks_parse_by_name_into_typed_models(
    tmp_path: Path, fixture: str, name: str, body: dict[str, object], model: str, check: str
) -> None:
    out = generate(tmp_path, fixture)
    check_quality(out, tmp_path)
    package = package_of(out)
    result = python(
        f"""
        import json
        from {package} import Client, WebhookError, WebhookPayloadError
        from {package}.models import {model}
        client = Client()
        event = client.webhooks.parse({name!r}, json.dumps({body!r}))
        assert type(event) is {model} and ({check}), event
        try:
            client.webhooks.parse("nope", "{{}}")
        except WebhookError as exc:
            assert "no webhook or callback named 'nope'" in str(exc) and {name!r} in str(exc)
        else:
            raise AssertionError("an unknown name parsed")
        try:
            client.webhooks.parse({name!r}, "[]")
        except WebhookPayloadError as exc:
            assert str(exc).startswith({name!r} + " webhook: "), exc
        else:
            raise AssertionError("a list parsed as an object")
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_openapi_32_query_method_additional_operations_querystring_and_self(tmp_path: Path) -> None:
    # $self as the base of references, and responses without a description, load as well.
    out = generate(tmp_path, "openapi-32.yaml")
    check_quality(out, tmp_path)
    result = python(
        f"""
        import json, threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from {package_of(out)} import Client

        seen = []

        class Answer(BaseHTTPRequestHandler):
            def answer(self):
                length = int(self.headers.get("content-length") or 0)
                seen.append((self.command, self.path, self.rfile.read(length)))
                body = b"" if self.command == "PURGE" else json.dumps(["a", "b"]).encode()
                self.send_response(204 if self.command == "PURGE" else 200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            do_GET = do_QUERY = do_PURGE = answer
            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        client = Client(base_url=f"http://127.0.0.1:{{server.server_address[1]}}")
        assert client.search.items(text="blue") == ["a", "b"]
        assert client.items.list(filter={{"color": "blue", "size": "L"}}) == ["a", "b"]
        assert client.items.list(filter="color=red&q=") == ["a", "b"]
        assert client.items.purge() is None
        assert [(m, p) for m, p, _ in seen] == [
            ("QUERY", "/search"),
            ("GET", "/items?color=blue&size=L"),
            ("GET", "/items?color=red&q="),
            ("PURGE", "/items"),
        ], seen
        assert json.loads(seen[0][2]) == {{"text": "blue"}}
        server.shutdown()
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_websocket_operations_are_skipped_with_a_warning_naming_them(tmp_path: Path) -> None:
    result = codegen(HERE / "websocket.yaml", "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (
        "warning: " in result.stderr and "websocket.yaml#/paths/~1speech-to-text~1transcriptions/get" in result.stderr
    )
    assert "WebSocket operation, skipped" in result.stderr
    resources = sorted(p.stem for p in (tmp_path / "out" / "src").glob("*/resources/*.py"))
    assert resources == ["__init__", "transcripts"]
    check_quality(tmp_path / "out", tmp_path)


def test_schemas_of_other_files_are_named_from_their_title_or_file(tmp_path: Path) -> None:
    out = generate(tmp_path, "external-files.yaml")
    check_quality(out, tmp_path)
    models = (out / "src" / package_of(out) / "models.py").read_text()
    assert "class PurchaseOrder(BaseModel):" in models  # its title
    assert "class CustomerAddress(BaseModel):" in models  # its file: customer-address.yaml
    assert "ship_to: CustomerAddress | None" in models and "Model" not in models.replace("BaseModel", "")


def test_sequential_media_types_stream_typed_items_as_they_arrive(tmp_path: Path) -> None:
    out = generate(tmp_path, "streams.yaml")
    check_quality(out, tmp_path)
    result = python(
        f"""
        import asyncio, json, threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from {package_of(out)} import AsyncClient, Client
        from {package_of(out)}.models import Tick

        FRAMES = {{
            "/events": (b"text/event-stream", [b": hello\\n\\n", b'data: {{"n": 1}}\\n\\n'],
                        [b'event: tick\\ndata: {{"n": 7,\\ndata: "note": "two lines"}}\\n\\n']),
            "/ticks.jsonl": (b"application/jsonl", [b'{{"n": 1}}\\n'], [b'{{"n": 7, "note": "x"}}\\n', b"\\n"]),
            "/ticks.seq": (b"application/json-seq", [b'\\x1e{{"n": 1}}\\n'], [b'\\x1e{{"n": 7, "note": "x"}}\\n']),
        }}
        go = {{}}

        class Answer(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_GET(self):
                media, first, rest = FRAMES[self.path]
                self.send_response(200)
                self.send_header("content-type", media.decode())
                self.send_header("transfer-encoding", "chunked")
                self.end_headers()
                def chunk(data):
                    self.wfile.write(b"%x\\r\\n%s\\r\\n" % (len(data), data))
                    self.wfile.flush()
                for data in first:
                    chunk(data)
                assert go[self.path].wait(10), "the client never read the first item"
                for data in rest:
                    chunk(data)
                self.wfile.write(b"0\\r\\n\\r\\n")
            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{{server.server_address[1]}}"

        def run_sync(method, path):
            go[path] = threading.Event()
            items = iter(method())
            first = next(items)  # parsed while the server still holds the rest back
            assert type(first) is Tick and first.n == 1, first
            go[path].set()
            rest = list(items)
            assert [type(t) for t in rest] == [Tick] and rest[0].n == 7, rest  # n > maximum: lenient
            return rest[0]

        client = Client(base_url=url)
        assert run_sync(client.events.listen, "/events").note == "two lines"
        run_sync(client.ticks_jsonl.download_ticks, "/ticks.jsonl")
        run_sync(client.ticks_seq.sequence_ticks, "/ticks.seq")

        async def run_async():
            async with AsyncClient(base_url=url) as aclient:
                go["/events"] = threading.Event()
                stream = await aclient.events.listen()
                seen = []
                async for tick in stream:
                    seen.append(tick)
                    go["/events"].set()
                assert [t.n for t in seen] == [1, 7] and all(type(t) is Tick for t in seen)

        asyncio.run(run_async())

        # with_raw_response: the response first (status, headers), its parse() the stream
        go["/ticks.jsonl"] = threading.Event()
        raw = client.ticks_jsonl.with_raw_response.download_ticks()
        assert raw.status_code == 200 and raw.headers["content-type"] == "application/jsonl", raw
        items = iter(raw.parse())
        assert next(items).n == 1
        go["/ticks.jsonl"].set()
        assert [t.n for t in items] == [7]

        async def run_async_raw():
            async with AsyncClient(base_url=url) as aclient:
                go["/ticks.seq"] = threading.Event()
                raw = await aclient.ticks_seq.with_raw_response.sequence_ticks()
                assert raw.status_code == 200, raw
                seen = []
                async for tick in raw.parse():
                    seen.append(tick.n)
                    go["/ticks.seq"].set()
                assert seen == [1, 7], seen

        asyncio.run(run_async_raw())
        strict = Client(base_url=url, strict=True)
        go["/ticks.jsonl"] = threading.Event()
        items = iter(strict.ticks_jsonl.download_ticks())
        next(items)
        go["/ticks.jsonl"].set()
        try:
            next(items)
        except Exception as exc:
            assert "less than or equal to 2" in str(exc), exc
        else:
            raise AssertionError("strict mode kept n = 7 > maximum 2")
        server.shutdown()
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_model_names_are_the_ones_datamodel_code_generator_wrote(tmp_path: Path) -> None:
    # Schemas whose names datamodel-code-generator gives to other classes (inline objects, an
    # imported type): every method and webhook uses the class it wrote for the schema.
    out = generate(tmp_path, "model-renames.yaml")
    check_quality(out, tmp_path)  # mypy: no name imported from models that it does not define
    package = package_of(out)
    result = python(
        f"""
        import json
        from tests.codegen.json_server import serve_json
        from {package} import Client, models

        ANSWERS = {{
            "/customers/c1": {{"name": "Ada", "email": "ada@example.com"}},
            "/orders/o1": {{"id": "o1", "customer": {{"id": "c1"}}, "image": {{"url": "u"}}}},
            "/images": [{{"width": 640}}],
            "/networks": [{{"cidr": "10.0.0.0/8"}}],
        }}

        def schema_fields(value):
            assert type(value).__module__ == models.__name__, type(value)
            return sorted(type(value).model_fields)

        url, server = serve_json(ANSWERS.__getitem__)
        client = Client(base_url=url)
        customer = client.customers.get("c1")
        assert schema_fields(customer) == ["email", "name"] and customer.name == "Ada", customer
        order = client.orders.get("o1")
        assert schema_fields(order) == ["customer", "id", "image"] and order.customer.id == "c1", order
        [image] = client.images.list()
        assert schema_fields(image) == ["width"] and image.width == 640, image
        [network] = client.networks.list()
        assert schema_fields(network) == ["cidr"] and network.cidr == "10.0.0.0/8", network
        event = client.webhooks.parse("customerCreated", json.dumps({{"name": "Bo"}}))
        assert type(event) is type(customer) and event.name == "Bo", event
        server.shutdown()
        """,
        out / "src",
        helpers=True,
    )
    assert result.returncode == 0, result.stderr


def test_inline_variants_of_a_discriminator_keep_the_wire_values(tmp_path: Path) -> None:
    out = generate(tmp_path, "discriminator-inline-variants.yaml")
    check_quality(out, tmp_path)
    models = (out / "src" / package_of(out) / "models.py").read_text()
    assert render.PLACEHOLDER not in models
    result = python(
        f"""
        from {package_of(out)}.models import Animal, Owner
        cat = Owner.model_validate({{"pet": {{"kind": "cat", "meows": True}}}}).pet
        dog = Owner.model_validate({{"pet": {{"kind": "dog", "barks": False}}}}).pet
        assert cat.kind == "cat" and cat.meows is True and dog.kind == "dog" and dog.barks is False, (cat, dog)
        assert type(cat) is not type(dog)
        fish = Animal.model_validate({{"type": "fish", "fins": 2}}).root
        assert fish.type == "fish" and fish.fins == 2, fish
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def _rendered(name: str) -> tuple[dict[str, str], render.Origins, str]:
    """The files and origins of a fixture, rendered in this process, and the fixture's name as errors give it."""
    workspace, _ = load.load([HERE / name], lenient=False)
    files, origins = render._render(build_ir.build(workspace, build_ir.Options(package_name="pkg")), None)
    return files, origins, workspace.roots[0].name


def test_a_placeholder_of_datamodel_code_generator_in_the_models_names_the_schema() -> None:
    files, origins, doc = _rendered("discriminator-inline-variants.yaml")
    code = files["src/pkg/models.py"]
    render._check_placeholders(code, origins)  # none: nothing raised
    leaked = code.replace("Literal['cat']", "Literal['0#-datamodel-code-generator-#-allOf-#-special-#']", 1)
    assert leaked != code
    with pytest.raises(SpecError) as info:
        render._check_placeholders(leaked, origins)
    message = str(info.value)
    assert message.startswith(f"{doc}#/components/schemas/Pet/oneOf/0: datamodel-code-generator left an internal")
    assert "models.py at line" in message and "\n" not in message


def test_model_names_reach_every_place_the_client_prints_them() -> None:
    from codegen.build_ir.model_names import apply_model_names

    workspace, _ = load.load([HERE / "name-collisions.yaml"], lenient=False)
    api = build_ir.build(workspace, build_ir.Options(package_name="pkg"))
    assert apply_model_names(api, {"Batch": "Batch"}) is api
    # As if datamodel-code-generator had written the schema Batch as a class named like a resource class.
    renamed = apply_model_names(api, {"Batch": "Customers"})
    classes = {r.module_name: r.class_name for r in renamed.resources}
    assert classes["customers"] == "CustomersResource" and classes["batch"] == "BatchResource", classes
    assert {link.module: link.class_name for link in renamed.client_resources}["customers"] == "CustomersResource"
    batch = next(r for r in renamed.resources if r.module_name == "batch")
    assert "from ..models import Customers" in batch.imports and batch.operations[0].response.annotation == "Customers"
    customers = next(r for r in renamed.resources if r.module_name == "customers")
    assert customers.operations[0].response.annotation == "builtins.list[Customers]"
    assert [w.model for w in renamed.webhooks] == ["Customers"] and list(renamed.webhook_schemas) == ["Customers"]
    with pytest.raises(
        SpecError, match=r"^<models>: datamodel-code-generator wrote no class for the schema\(s\) Batch$"
    ):
        apply_model_names(api, {})


def test_quotes_and_backslashes_in_the_documents_free_text_are_printed_as_python_strings(tmp_path: Path) -> None:
    out = generate(tmp_path, "quoted-strings.yaml")  # before: "malformed \N character escape" in __init__.py
    check_quality(out, tmp_path)
    package = package_of(out)
    result = python(
        f"""
        import {package}
        from {package}._client import DEFAULT_BASE_URL, SECURITY_SCHEMES
        assert DEFAULT_BASE_URL == 'https://api.example.com/v1"beta"', DEFAULT_BASE_URL
        assert SECURITY_SCHEMES["key"].name == 'X-"Key"', SECURITY_SCHEMES
        doc = {package}.__doc__
        assert doc.startswith('Quoted "strings" \\\\N: a typed') and 'Has \"\"\" and \\\\x and \\\\N{{x}}' in doc, doc
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_an_enum_annotated_through_all_of_keeps_its_values_and_takes_new_ones(tmp_path: Path) -> None:
    out = generate(tmp_path, "enum-all-of-annotations.yaml")
    check_quality(out, tmp_path)
    models = (out / "src" / package_of(out) / "models.py").read_text()
    assert 'shade: Literal["red", "green"] | str | None = "red"' in models
    result = python(
        f"""
        from {package_of(out)}.models import Paint
        paint = Paint.model_validate({{"shade": "green", "trim": "ochre"}})  # a value added later too
        assert (paint.shade, paint.trim) == ("green", "ochre"), paint
        assert Paint.model_validate({{}}).shade == "red"
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr
