"""Row: generation time and peak memory on real-world documents, ours against openapi-python-client.

The documents: the largest of ../shared/corpus/ (public specs) and the official Telnyx document in
../shared/bench/ (``--lenient``: it has duplicate operationIds and defaults outside their schemas).
Both generators run on both documents in the same run, taking turns; the target is ours <= 0.5x
its time on each document. Peak memory is each generator process's own peak RSS.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.generation import SCALE_SPEC_GLOB, generate_opc, generate_ours
from bench.measure import ProcessRun
from bench.report import Row

NAME = "generation, corpus"
SMALL_DOCUMENT = 1_000_000  # bytes


def documents(shared: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """(document, extra generator arguments): the largest corpus document, the Telnyx one."""
    corpus = [p for p in (shared / "corpus").glob("*") if p.suffix in {".yaml", ".yml", ".json"}]
    found: list[tuple[Path, tuple[str, ...]]] = []
    if corpus:
        found.append((max(corpus, key=lambda p: (p.stat().st_size, p.name)), ()))
    telnyx = sorted((shared / "bench").glob(SCALE_SPEC_GLOB))
    if telnyx:
        found.append((telnyx[-1], ("--lenient",)))
    return found


def row_corpus(shared: Path, repeat: int = 1) -> Row:
    """``shared``: the directory holding corpus/ and bench/ (../shared)."""
    docs = documents(shared)
    if not docs:
        return Row(NAME, "", "", None, "<= 0.5x time", None, skipped=f"no documents in {shared}/corpus or /bench")
    ours_text: list[str] = []
    peer_text: list[str] = []
    ratios: list[float] = []
    details: dict[str, object] = {}
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        config = tmpdir / "opc.yaml"
        config.write_text("literal_enums: true\n", encoding="utf-8")
        for doc, extra in docs:
            ours: list[ProcessRun] = []
            peer: list[ProcessRun] = []
            # a small document takes about a second: the best of 5 runs, so that one busy moment does not decide
            runs = repeat if doc.stat().st_size > SMALL_DOCUMENT else max(repeat, 5)
            for i in range(runs):  # taking turns, so that load falls on both alike
                ours.append(generate_ours([doc], tmpdir / f"ours-{doc.stem}-{i}", "corpus_client", *extra))
                peer.append(generate_opc(doc, tmpdir / f"opc-{doc.stem}-{i}", config))
            our_s = min(r.seconds for r in ours)
            opc_s = min(r.seconds for r in peer)
            our_mb = max(r.peak_rss_mb for r in ours)
            opc_mb = max(r.peak_rss_mb for r in peer)
            if any(r.returncode for r in ours):
                errors.append(f"ours failed on {doc.name}: {ours[-1].output.strip().splitlines()[-1:]}")
            peer_ok = all(r.returncode == 0 for r in peer)
            ours_text.append(f"{doc.name} {our_s:.1f} s, {our_mb:.0f} MB")
            peer_text.append(f"{doc.name} {opc_s:.1f} s, {opc_mb:.0f} MB" + ("" if peer_ok else " (failed)"))
            ratio = our_s / opc_s if opc_s > 0 else None
            if ratio is not None:
                ratios.append(ratio)
            details[doc.name] = {
                "ours_s": our_s,
                "ours_peak_rss_mb": our_mb,
                "opc_s": opc_s,
                "opc_peak_rss_mb": opc_mb,
                "opc_ok": peer_ok,
                "ratio": ratio,
                "rss_ratio": our_mb / opc_mb if opc_mb else None,
            }
    worst = max(ratios) if ratios else None
    return Row(
        NAME,
        "; ".join(ours_text),
        "openapi-python-client " + "; ".join(peer_text),
        worst,
        "<= 0.5x time on each",
        None if worst is None else (not errors and worst <= 0.5),
        {**details, "repeat": repeat, "errors": errors},
        error="; ".join(errors) or None,
        ratio_text=" / ".join(f"{r:.2f}x" for r in ratios) or None,
    )
