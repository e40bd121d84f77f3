"""A spec-first client generator: OpenAPI 3.0/3.1 documents -> a typed Python package.

Stages: :mod:`codegen.load` (read, resolve, validate), :mod:`codegen.build_ir` (the IR in
:mod:`codegen.ir`, with every name decided), :mod:`codegen.render` (files on disk).
"""
