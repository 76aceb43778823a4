"""Tiny real Stanza NER models for tests, built through nkcorpus's own training recipe.

Each model is trained in a few seconds by :func:`nkcorpus.entities.train.train_ner`
on template sentences (English with spaCy's blank tokenizer, Chinese with jieba,
Korean with the particle-splitting tokenizer), installed in a Stanza resources
folder and listed in ``nkcorpus.json``, so tests load them exactly the way a
user's trained model is loaded. Names are drawn from one list and the held-out
names are never seen in training.
"""

from __future__ import annotations

import random
from pathlib import Path

from nkcorpus.entities.train import AnnotatedText, to_tagged_sentences, train_ner

PEOPLE = {
    "en": ["Kim Jong-un", "Marzuki Darusman", "Elizabeth Salmon", "Greg Scarlatoiu",
           "Xi Jinping", "Robert King", "Park Sang-ki", "Sonja Biserko", "Michael Kirby"],
    "zh": ["金正恩", "习近平", "金正日", "金与正", "达鲁斯曼", "李雪主", "张成泽"],
    "ko": ["김정은", "시진핑", "김정일", "김여정", "다루스만", "리설주", "장성택"],
}  # fmt: skip
PLACES = {
    "en": ["Pyongyang", "Brussels", "Geneva", "Seoul", "Beijing", "Hangzhou", "New York"],
    "zh": ["平壤", "北京", "首尔", "日内瓦", "杭州", "纽约", "丹东"],
    "ko": ["평양", "서울", "베이징", "제네바", "브뤼셀", "항저우", "뉴욕"],
}
TEMPLATES = {
    "en": [
        "{p} visited {l} on Monday.",
        "Officials in {l} met {p} last week.",
        "{p} said the talks in {l} had failed.",
        "A report by {p} was released in {l}.",
        "In {l}, {p} spoke about human rights.",
    ],
    "zh": [
        "{p}周一访问了{l}。",
        "{l}的官员上周会见了{p}。",
        "{p}说在{l}的会谈失败了。",
        "{p}在{l}发表了讲话。",
    ],
    "ko": [
        "{p}은 월요일 {l}을 방문했다.",
        "{l}에서 {p}이 연설했다.",
        "{p}는 {l}에서 회담이 실패했다고 말했다.",
        "{l}의 관리들이 지난주 {p}를 만났다.",
        "{p}의 보고서가 {l}에서 발표됐다.",
    ],
}
TOKENIZERS = {"en": "spacy", "zh": "jieba", "ko": "korean"}
STANZA_CODES = {"en": "en", "zh": "zh-hans", "ko": "ko"}


def example(template: str, person: str, place: str) -> AnnotatedText:
    """Fill a template and annotate the person (PER) and place (LOC) by offset."""
    text = template.format(p=person, l=place)
    p_at = template.index("{p}")
    l_at = template.index("{l}")
    if p_at < l_at:
        p_start = p_at
        l_start = l_at - 3 + len(person)
    else:
        l_start = l_at
        p_start = p_at - 3 + len(place)
    entities = sorted(
        [(p_start, p_start + len(person), "PER"), (l_start, l_start + len(place), "LOC")]
    )
    assert text[p_start : p_start + len(person)] == person
    assert text[l_start : l_start + len(place)] == place
    return AnnotatedText(text, tuple(entities))


def examples(language: str, count: int, seed: int = 0) -> list[AnnotatedText]:
    """``count`` random template sentences for ``language``."""
    rng = random.Random(seed)
    return [
        example(
            rng.choice(TEMPLATES[language]),
            rng.choice(PEOPLE[language]),
            rng.choice(PLACES[language]),
        )
        for _ in range(count)
    ]


def build_model(language: str, models_dir: Path, *, steps: int = 120) -> object:
    """Train and install the tiny model for ``language`` ("en", "zh" or "ko")."""
    tokenizer = TOKENIZERS[language]
    train = to_tagged_sentences(examples(language, 240, seed=1), tokenizer)
    dev = to_tagged_sentences(examples(language, 30, seed=2), tokenizer)
    return train_ner(
        train,
        dev,
        language=STANZA_CODES[language],
        models_dir=models_dir,
        package="tiny",
        tokenizer=tokenizer,
        max_steps=steps,
        eval_interval=40,
        batch_size=16,
        hidden_dim=32,
        char_hidden_dim=16,
        char_emb_dim=16,
        word_emb_dim=32,
        threads=1,
    )


def build_models(models_dir: Path) -> Path:
    """Build the English, Chinese and Korean tiny models in ``models_dir``; return it."""
    for language in ("en", "zh", "ko"):
        build_model(language, models_dir)
    return models_dir


class _ShellPayload:
    """An object whose unpickling runs a shell command (what a malicious model file holds)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os
        import shlex

        return (os.system, (f"touch {shlex.quote(str(self.marker))}",))


def write_poisoned_pt(path: Path, marker: Path) -> Path:
    """Write a real torch file that creates ``marker`` when loaded with ``weights_only=False``.

    It looks like Stanza word vectors (a dict with ``vocab`` and ``emb``), but
    ``vocab`` unpickles by calling ``os.system``.
    """
    import torch

    torch.save({"vocab": _ShellPayload(marker), "emb": torch.zeros(4, 8)}, path)
    return path
