"""A spec-first client generator: OpenAPI 3.0/3.1 documents -> a typed Python package.

Stages: :mod:`codegen.load` (read, resolve, validate, through :mod:`specmodel`),
:mod:`codegen.build_ir` (the IR in :mod:`codegen.ir`, with every name decided),
:mod:`codegen.render` (files on disk: the templates print the IR, the runtime in
``codegen/runtime`` is copied as it is).
"""
