"""Command line: ``python -m codegen SPEC [SPEC ...] -o OUT_DIR [--package-name NAME]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import SpecError


def _credential_names(text: str) -> tuple[str, tuple[str, ...]]:
    scheme, sep, names = text.partition("=")
    if not sep or not scheme or not names:
        raise argparse.ArgumentTypeError("expected SCHEME=NAME[,NAME]")
    return scheme, tuple(n.strip() for n in names.split(","))


def _namespace(text: str) -> tuple[str, str]:
    spec, sep, name = text.rpartition("=")
    if not sep or not spec or not name.isidentifier() or name.startswith("_"):
        raise argparse.ArgumentTypeError("expected SPEC=NAME, NAME a Python identifier")
    return spec, name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m codegen",
        description="Generate a typed Python client package from OpenAPI 3.0/3.1 documents.",
    )
    parser.add_argument("specs", nargs="+", type=Path, metavar="SPEC")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OUT_DIR")
    parser.add_argument("--package-name", help="import name of the package")
    parser.add_argument(
        "--env-prefix",
        help="prefix of the environment variables the client reads (default: package name)",
    )
    parser.add_argument(
        "--credential-names",
        action="append",
        type=_credential_names,
        default=[],
        metavar="SCHEME=NAME[,NAME]",
        help="constructor argument name(s) for a security scheme (two for HTTP Basic)",
    )
    parser.add_argument(
        "--namespace",
        action="append",
        type=_namespace,
        default=[],
        metavar="SPEC=NAME",
        help="put the resources of the document SPEC under the client attribute NAME (client.NAME.resource)",
    )
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="warn instead of failing on findings that do not stop generation "
        "(duplicate operationIds, defaults that do not match their schema)",
    )
    args = parser.parse_args(argv)

    from . import render

    # Started first: a child process imports datamodel-code-generator (its largest cost on
    # small documents) while this one loads the documents and builds the IR.
    models = render.ModelsProcess()
    from . import build_ir, load

    try:
        workspace, finish_validation = load.load(args.specs, lenient=args.lenient)
        options = build_ir.Options(
            package_name=args.package_name,
            env_prefix=args.env_prefix,
            credential_names=dict(args.credential_names),
            namespaces=dict(args.namespace),
        )
        api = build_ir.build(workspace, options)
        models.submit(api)
        # openapi-spec-validator here, while the child renders the models; its warnings are
        # printed once everything else succeeded, just before the files are moved into place.
        warnings = finish_validation()

        def report_validation() -> None:
            for warning in warnings:
                print(f"warning: {warning}", file=sys.stderr)

        render.write(api, args.output, before_replace=report_validation, models=models, source=str(args.specs[0]))
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        models.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
