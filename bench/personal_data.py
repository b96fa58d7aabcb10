"""Precision and recall of the personal-data detectors on the labelled corpus.

    python bench/personal_data.py [CORPUS]

A finding counts as right when a labelled span of the same kind overlaps
it and neither extends the other by more than a few characters (a closing
parenthesis or a title such as "Ing." is not a miss).
"""

import json
import sys
from collections import Counter
from pathlib import Path

# Run as a script from anywhere: the project's packages are one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from moderation.personal_data import PERSONAL_KINDS, find_personal_data

CORPUS = Path(__file__).with_name("corpus") / "personal_data.jsonl"
TOLERANCE = 4
TARGETS = {"cnp": 0.99, "phone": 0.99, "email": 0.99, "iban": 0.99, "name": 0.90}
PRECISION_TARGET = 0.95


def matches(found: tuple[str, int, int], label: tuple[str, int, int]) -> bool:
    kind, start, end = found
    return (
        kind == label[0]
        and start < label[2]
        and label[1] < end
        and abs(start - label[1]) <= TOLERANCE
        and abs(end - label[2]) <= TOLERANCE
    )


def evaluate(path: Path) -> tuple[Counter[str], Counter[str], Counter[str], list[str]]:
    true_pos: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    false_neg: Counter[str] = Counter()
    mistakes: list[str] = []

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        item = json.loads(line)
        text = item["text"]
        labels = [(s["kind"], s["start"], s["end"]) for s in item["spans"]]
        found = [(f.kind, f.start, f.end) for f in find_personal_data(text)]
        unmatched = list(labels)
        for finding in found:
            label = next((lb for lb in unmatched if matches(finding, lb)), None)
            if label is None:
                false_pos[finding[0]] += 1
                mistakes.append(
                    f"{number}: false {finding[0]} {text[finding[1] : finding[2]]!r}"
                )
            else:
                true_pos[finding[0]] += 1
                unmatched.remove(label)
        for kind, start, end in unmatched:
            false_neg[kind] += 1
            mistakes.append(f"{number}: missed {kind} {text[start:end]!r}")
    return true_pos, false_pos, false_neg, mistakes


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    true_pos, false_pos, false_neg, mistakes = evaluate(path)

    texts = len(path.read_text(encoding="utf-8").splitlines())
    say(f"{texts} texts, {path.name}")
    say()
    say(f"{'kind':<6} | {'precision':>9} | {'recall':>7} | {'support':>7} | aim")
    say(f"{'-' * 6}-+-{'-' * 9}-+-{'-' * 7}-+-{'-' * 7}-+-----")
    for kind in PERSONAL_KINDS:
        tp, fp, fn = true_pos[kind], false_pos[kind], false_neg[kind]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        met = recall >= TARGETS[kind] and precision >= PRECISION_TARGET
        say(
            f"{kind:<6} | {precision:>9.1%} | {recall:>7.1%} | {tp + fn:>7} | "
            f"{'met' if met else 'MISSED'}"
        )
    if mistakes:
        say()
        say("Mistakes:")
        for mistake in mistakes:
            say(mistake)
    return 0


if __name__ == "__main__":
    sys.exit(main())
