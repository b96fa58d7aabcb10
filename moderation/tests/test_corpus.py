"""The detectors keep the benchmark's aims on the labelled corpus."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "personal_data.py"


def _bench():
    spec = importlib.util.spec_from_file_location("personal_data_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCHMARK = _bench()
RESULTS = BENCHMARK.evaluate(BENCHMARK.CORPUS)


@pytest.mark.parametrize("kind", sorted(BENCHMARK.TARGETS))
def test_detector_meets_its_aims_on_the_corpus(kind):
    true_pos, false_pos, false_neg, _mistakes = RESULTS

    found, missed = true_pos[kind] + false_pos[kind], false_neg[kind]
    assert true_pos[kind] / (true_pos[kind] + missed) >= BENCHMARK.TARGETS[kind]
    assert true_pos[kind] / found >= BENCHMARK.PRECISION_TARGET


def test_corpus_holds_at_least_300_texts():
    texts = BENCHMARK.CORPUS.read_text(encoding="utf-8").splitlines()

    assert len(texts) >= 300
