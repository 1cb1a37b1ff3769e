"""Extraction speed: the full pipeline against the raw NER models on the same documents.

    .venv/bin/python benchmarks/extraction/run.py [--docs 1000] [--quick] [--dev DEV_DIR]

Builds a corpus of press-release-sized documents per language by recombining the paragraphs
of the dev texts (``shared/eval/dev``; a fixed random seed, so runs are comparable), then for
each language runs, one document at a time as the CLI does:

* ``raw``: the statistical model alone - natasha's NER tagger for Russian, jieba's POS
  tagger for Chinese, the spaCy pipeline for English;
* ``pipeline``: ``coopnode.extract.extract_document`` (input reading, language detection,
  all components, gazetteer, assembly, contract JSON).

Figures are per core: BLAS runs single-threaded (``OPENBLAS_NUM_THREADS=1`` and friends are
set unless the environment already sets them), because the targets are per core and because
OpenBLAS threads spinning against other jobs on a shared 2-core machine made both the raw model
and the pipeline about four times slower.  Models are loaded and warmed up before timing; the
two run alternately, document by document, so load from other jobs on a shared machine hits both
alike.  Prints docs/s for both, the ratio pipeline/raw (time per document) and the peak resident
memory of the process.  ``--languages ru`` times one language (the corpora stay those of a full
run).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")     # before numpy is imported: per-core figures

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from coopnode.extract import extract_document  # noqa: E402

LANGUAGES = ("ru", "zh", "en")
SHARE = {"ru": 0.4, "zh": 0.3, "en": 0.3}        # of the corpus


def paragraphs(dev_dir: Path, language: str) -> list[str]:
    """Non-empty lines/paragraphs of the dev texts in ``language``."""
    found: list[str] = []
    for path in sorted(dev_dir.glob(f"{language}_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 20 and not line.startswith("date "):
                found.append(line)
    return found


def compose(pool: list[str], count: int, rng: random.Random) -> list[str]:
    """``count`` documents of 4-8 paragraphs each (about 1-3 KB, a press release)."""
    return ["\n\n".join(rng.sample(pool, min(len(pool), rng.randint(4, 8))))
            for _ in range(count)]


def raw_model(language: str) -> Callable[[str], object]:
    """The language's statistical model alone, loaded and ready."""
    if language == "ru":
        from natasha import NewsEmbedding, NewsNERTagger

        tagger = NewsNERTagger(NewsEmbedding())
        return tagger
    if language == "zh":
        import jieba
        import jieba.posseg

        jieba.initialize()
        return lambda text: jieba.posseg.lcut(text)
    import spacy

    from coopnode.extract.en import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    return nlp


def timed(function: Callable[[str], object], documents: list[str]) -> float:
    """Seconds to run ``function`` over ``documents`` one by one (after one warm-up call)."""
    function(documents[0])
    start = time.perf_counter()
    for document in documents:
        function(document)
    return time.perf_counter() - start


def timed_side_by_side(first: Callable[[str], object], second: Callable[[str], object],
                       documents: list[str]) -> tuple[float, float]:
    """Seconds for each function over ``documents``, alternating document by document, so a
    busy shared machine slows both alike and the ratio stays meaningful."""
    first(documents[0])
    second(documents[0])
    total_first = total_second = 0.0
    for document in documents:
        start = time.perf_counter()
        first(document)
        middle = time.perf_counter()
        second(document)
        total_first += middle - start
        total_second += time.perf_counter() - middle
    return total_first, total_second


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (all languages)")
    parser.add_argument("--quick", action="store_true", help="a small run (60 documents)")
    parser.add_argument("--dev", type=Path, default=REPO / ".." / "shared" / "eval" / "dev")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--languages", default=",".join(LANGUAGES),
                        help="comma-separated languages to run (default: all three)")
    args = parser.parse_args(argv)
    total = 60 if args.quick else args.docs
    rng = random.Random(20260605)
    rows = []
    for language in LANGUAGES:
        pool = paragraphs(args.dev, language)
        if not pool:
            print(f"{language}: no dev texts in {args.dev}", file=sys.stderr)
            continue
        documents = compose(pool, max(2, round(total * SHARE[language])), rng)
        if language not in args.languages.split(","):
            continue                # composed all the same: the corpora match a full run
        raw = raw_model(language)
        raw_seconds, pipeline_seconds = timed_side_by_side(
            raw, lambda text, lang=language: extract_document(text, lang=lang).to_contract(),
            documents)
        chars = sum(len(d) for d in documents)
        rows.append({
            "language": language, "documents": len(documents),
            "mean_chars": round(chars / len(documents)),
            "raw_docs_per_s": round(len(documents) / raw_seconds, 2),
            "pipeline_docs_per_s": round(len(documents) / pipeline_seconds, 2),
            "ratio": round(pipeline_seconds / raw_seconds, 2),
        })
    result = {"rows": rows, "peak_rss_mb": round(peak_rss_mb()),
              "documents": sum(r["documents"] for r in rows)}
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"{'lang':5} {'docs':>5} {'chars':>6} {'raw docs/s':>11} {'pipeline docs/s':>16} "
          f"{'ratio':>6}")
    for row in rows:
        print(f"{row['language']:5} {row['documents']:>5} {row['mean_chars']:>6} "
              f"{row['raw_docs_per_s']:>11} {row['pipeline_docs_per_s']:>16} {row['ratio']:>6}")
    loaded = ", ".join(row["language"] for row in rows)
    print(f"peak RSS {result['peak_rss_mb']} MB over {result['documents']} documents "
          f"(one process; models loaded: {loaded})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
