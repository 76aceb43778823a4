"""Build tiny but real Argos Translate packages offline, for tests and benchmarks.

A package built here has everything a downloaded ``.argosmodel`` has: a
``metadata.json``, a CTranslate2 Transformer in ``model/`` (random weights, so
its output is nonsense but deterministic), a SentencePiece model trained on a
few kilobytes of English, Korean and Chinese, and a ``minisbd/`` sentence
splitter (a one-node ONNX graph that marks ``. ! ? 。！？`` as sentence ends).
``argostranslate`` installs and runs these packages without a network, and so
does nkcorpus, through the same code path real packages take.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path

#: Korean sentences about the field, used to train the tokenizer and as test text.
KOREAN = (
    "북한 인권 단체들은 중국에 구금된 탈북민의 석방을 요구했다.",
    "유엔 인권이사회는 제네바에서 북한 인권 상황을 논의했다.",
    "탈북민 대표 30여 명이 브뤼셀에서 처음으로 세계 총회를 열었다.",
    "그들은 김정은 정권의 억압적인 통치를 규탄했다.",
    "정치범 수용소의 운영과 해외 노동자 착취가 조사되어야 한다.",
    "마르주키 다루스만 특별보고관은 탈북민을 난민으로 규정했다.",
    "국제형사재판소에 김정은을 회부해야 한다고 그들은 말했다.",
    "강제 북송은 국제법 위반이라고 인권 단체들은 지적했다.",
    "17개국의 인권 전문가들이 시진핑 주석에게 공동 서한을 보냈다.",
    "북한 해외 노동자들은 하루 16시간 이상 일하고 있다.",
    "평양 정권은 노동자 임금의 90% 이상을 가져간다.",
    "로버트 킹 특사는 조용한 외교의 중요성을 강조했다.",
    "서울에서 열린 회의에 많은 활동가들이 참석했다.",
    "침묵은 공모라고 한 탈북자가 유엔 총회에서 말했다.",
    "가족과 헤어진 탈북민들은 여전히 소식을 기다리고 있다.",
)

#: Chinese sentences about the field (Simplified), used like :data:`KOREAN`.
CHINESE = (
    "人权组织要求中国释放被拘留的朝鲜脱北者。",
    "联合国人权理事会在日内瓦讨论了朝鲜人权状况。",
    "三十多名脱北者代表在布鲁塞尔举行了首次全球会议。",
    "他们谴责金正恩政权的压迫统治。",
    "政治犯收容所的运作和对海外劳工的剥削应当受到调查。",
    "特别报告员达鲁斯曼将脱北者定义为难民。",
    "他们说应当把金正恩移交国际刑事法院。",
    "人权团体指出，强制遣返违反国际法。",
    "来自十七个国家的人权专家致信习近平主席。",
    "朝鲜海外劳工每天工作超过十六个小时。",
    "平壤政权拿走了工人百分之九十以上的工资。",
    "罗伯特·金特使强调了安静外交的重要性。",
    "许多活动人士出席了在首尔举行的会议。",
    "一名脱北者在联合国大会上说：沉默就是共谋！",
    "与家人分离的脱北者仍在等待消息。",
)

#: English sentences about the field, used like :data:`KOREAN`.
ENGLISH = (
    "Human rights groups demanded that China release detained North Korean defectors.",
    "The U.N. Human Rights Council discussed the situation in North Korea in Geneva.",
    "Over 30 delegates of North Korean defectors met in Brussels for the first time.",
    "They denounced the repressive rule of the Kim Jong-un regime.",
    "The operation of political prison camps and the exploitation of workers abroad "
    "must be investigated.",
    "Special Rapporteur Marzuki Darusman defined the defectors as refugees.",
    "They said Kim Jong-un should be referred to the International Criminal Court.",
    "Forced repatriation violates international law, the rights groups said.",
    "Experts from 17 countries sent a joint letter to Xi Jinping.",
    "North Korean workers abroad work more than 16 hours a day.",
    "The Pyongyang regime takes more than 90% of their wages.",
    "Envoy Robert King stressed the importance of quiet diplomacy.",
    "Many activists attended the meeting held in Seoul.",
    "Silence is complicity, a defector told the U.N. General Assembly!",
    "Defectors separated from their families are still waiting for news.",
)

NAMES = {"en": "English", "ko": "Korean", "zh": "Chinese", "ja": "Japanese"}


def train_sentencepiece(
    out_dir: Path, extra_text: Iterable[str] = (), vocab_size: int = 800
) -> Path:
    """Train a small SentencePiece model on English, Korean and Chinese text.

    Returns the path of ``sentencepiece.model`` in ``out_dir``.
    """
    import sentencepiece as spm

    out_dir.mkdir(parents=True, exist_ok=True)
    corpus = out_dir / "corpus.txt"
    lines = [*ENGLISH, *KOREAN, *CHINESE, *extra_text]
    corpus.write_text("\n".join(lines * 3) + "\n", encoding="utf-8")
    prefix = out_dir / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=True,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        minloglevel=2,
        num_threads=1,
    )
    return prefix.with_suffix(".model")


def _pieces(sp_model: Path) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_ctranslate2_model(
    out_dir: Path,
    vocabulary: list[str],
    *,
    seed: int,
    d_model: int = 32,
    ffn: int = 64,
    layers: int = 1,
    heads: int = 2,
    end_bias: float = 2.0,
    projection_scale: float = 0.2,
    extra_vocabulary: int = 0,
    quantization: str | None = None,
    output_length: int | None = None,
) -> Path:
    """Save a Transformer with random weights as a CTranslate2 model in ``out_dir``.

    ``end_bias`` is added to the ``</s>`` logit so that the random model stops
    after a few tokens instead of decoding to the length limit.
    ``extra_vocabulary`` adds that many unused tokens, so that the embedding and
    output layers can have the size of a real model's (Argos models have tens
    of thousands of tokens); ``quantization`` (``"int8"``) stores the weights as
    downloaded Argos models do.

    With ``output_length``, every output is about that many tokens long, as a
    trained model's output has about the length of its input: the decoder
    layers still compute (same cost) but add nothing to the residual stream,
    and the ``</s>`` logit reads a position ramp added to the decoder's position
    encodings, so it wins after about ``output_length`` steps.
    """
    import numpy as np
    from ctranslate2.specs import transformer_spec

    vocabulary = [*vocabulary, *(f"<unused{i}>" for i in range(extra_vocabulary))]
    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    vocab_size = len(vocabulary)

    def weight(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    def norm(layer_norm: object) -> None:
        layer_norm.gamma = np.ones(d_model, dtype=np.float32)  # type: ignore[attr-defined]
        layer_norm.beta = np.zeros(d_model, dtype=np.float32)  # type: ignore[attr-defined]

    def linear(spec_linear: object, rows: int, cols: int) -> None:
        spec_linear.weight = weight(rows, cols)  # type: ignore[attr-defined]
        spec_linear.bias = np.zeros(rows, dtype=np.float32)  # type: ignore[attr-defined]

    def ffn_block(block: object) -> None:
        norm(block.layer_norm)  # type: ignore[attr-defined]
        linear(block.linear_0, ffn, d_model)  # type: ignore[attr-defined]
        linear(block.linear_1, d_model, ffn)  # type: ignore[attr-defined]

    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = weight(vocab_size, d_model)
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        ffn_block(layer.ffn)
    decoder.embeddings.weight = weight(vocab_size, d_model)
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)
        linear(layer.attention.linear[1], 2 * d_model, d_model)
        linear(layer.attention.linear[2], d_model, d_model)
        ffn_block(layer.ffn)
    # The decoder's residual stream is led by cross-attention, so what it writes depends
    # on the source sentence rather than on which piece the random weights favour.
    decoder.embeddings.weight = decoder.embeddings.weight * 0.1
    for layer in decoder.layer:
        layer.self_attention.linear[1].weight[:] = 0
        layer.ffn.linear_1.weight[:] = 0
        layer.attention.linear[2].weight = layer.attention.linear[2].weight * 4.0
    projection = weight(vocab_size, d_model) * projection_scale
    bias = np.zeros(vocab_size, dtype=np.float32)
    end = vocabulary.index("</s>")
    bias[end] = end_bias
    # A random model must write real pieces: a lone byte-fallback piece (<0x9E>) decodes
    # to "\ufffd", and which pieces win the argmax depends on the vocabulary that the
    # installed SentencePiece trains, so without this the output changes with its version.
    for index, piece in enumerate(vocabulary):
        if piece in ("<unk>", "<s>") or (piece.startswith("<0x") and piece.endswith(">")):
            bias[index] = -10.0
    if output_length is not None:
        positions = np.arange(1024, dtype=np.float32)[:, None]
        rates = np.exp(np.arange(0, d_model, 2, dtype=np.float32) * -(np.log(10000.0) / d_model))
        encodings = np.zeros((1024, d_model), dtype=np.float32)
        encodings[:, 0::2] = np.sin(positions * rates)
        encodings[:, 1::2] = np.cos(positions * rates)
        encodings[:, 0] = positions[:, 0] * 4.0 / output_length  # the ramp
        decoder.position_encodings.encodings = encodings
        decoder.embeddings.weight = decoder.embeddings.weight * (0.5 / np.sqrt(d_model))
        for layer in decoder.layer:
            layer.self_attention.linear[1].weight[:] = 0
            layer.attention.linear[2].weight[:] = 0
            layer.ffn.linear_1.weight[:] = 0
        logit_scale = 1.0 / np.sqrt(d_model)
        projection = (rng.standard_normal((vocab_size, d_model)) * logit_scale).astype(np.float32)
        projection[:, 0] = 0
        projection[end] = 0
        projection[end, 0] = 1.0
        bias[end] = 0.0
        bias[vocab_size - extra_vocabulary :] = -10.0
        for index, piece in enumerate(vocabulary):
            if piece in ("<unk>", "<s>") or (piece.startswith("<0x") and piece.endswith(">")):
                bias[index] = -10.0  # the padding tokens are never written
    decoder.projection.weight = projection
    decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    os.makedirs(out_dir)
    spec.save(str(out_dir))
    return out_dir


def build_minisbd(out_file: Path, lang_code: str) -> Path:
    """Write a one-node ONNX sentence splitter in MiniSBD's format.

    The graph looks each character id up in a table: a space ends a token,
    ``. ! ? 。！？`` end a sentence, anything else continues the token.
    """
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    units = ["<PAD>", "<UNK>", " ", ".", "!", "?", "。", "！", "？"]
    labels = [0, 0, 1, 2, 2, 2, 2, 2, 2]
    table = np.full((len(units), 5), -10.0, dtype=np.float32)
    for row, label in enumerate(labels):
        table[row, label] = 10.0
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "minisbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info(
                "features", TensorProto.FLOAT, ["batch", "length", "feats"]
            ),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "length", 5])],
        initializer=[numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {
        "lang": lang_code,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_unit2id": {unit: i for i, unit in enumerate(units)},
        "_id2unit": units,
    }
    for key, value in {
        "lang_code": lang_code,
        "config": json.dumps({"feat_funcs": ["space_before"], "batch_size": 16}),
        "vocab": json.dumps(vocab, ensure_ascii=False),
        "lexicon": "null",
    }.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(out_file))
    return out_file


def build_package(
    out_dir: Path,
    from_code: str,
    to_code: str,
    sp_model: Path,
    *,
    seed: int = 0,
    version: str = "1.0",
    minisbd: bool = True,
    **model_options: int | float,
) -> Path:
    """Build ``translate-FROM_TO-VERSION.argosmodel`` in ``out_dir`` and return its path.

    Args:
        out_dir: where to write the archive (a work folder is made beside it).
        from_code: the source language code (``"en"``, ``"ko"``, ``"zh"``).
        to_code: the target language code.
        sp_model: a SentencePiece model from :func:`train_sentencepiece`.
        seed: seeds the random weights; different seeds give different models.
        version: the ``package_version`` written to ``metadata.json``.
        minisbd: include the ``minisbd/`` sentence splitter.
        model_options: passed to :func:`build_ctranslate2_model` (``d_model``, ...).
    """
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    work = out_dir / f"{name}.build"
    if work.exists():
        shutil.rmtree(work)
    root = work / name
    root.mkdir(parents=True)
    metadata = {
        "package_version": version,
        "argos_version": "1.11",
        "from_code": from_code,
        "from_name": NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": NAMES.get(to_code, to_code),
        "type": "translate",
    }
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    shutil.copy(sp_model, root / "sentencepiece.model")
    build_ctranslate2_model(root / "model", _pieces(sp_model), seed=seed, **model_options)
    if minisbd:
        build_minisbd(root / "minisbd" / f"{from_code}.onnx", from_code)
    archive = out_dir / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            zf.write(path, path.relative_to(work).as_posix())
    shutil.rmtree(work)
    return archive


def use_packages_dir_in_argostranslate(packages_dir: Path) -> object:
    """Import ``argostranslate.translate`` reading packages from ``packages_dir`` only.

    ``argostranslate`` reads ``ARGOS_PACKAGES_DIR`` once, at its first import;
    when it is already imported, its settings are pointed at ``packages_dir``
    and its caches cleared. Returns the ``argostranslate.translate`` module.
    """
    previous = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
    try:
        from argostranslate import settings
        from argostranslate import translate as argos_translate
    finally:  # argostranslate has read it; do not leak it into the rest of the process
        if previous is None:
            del os.environ["ARGOS_PACKAGES_DIR"]
        else:
            os.environ["ARGOS_PACKAGES_DIR"] = previous

    settings.package_data_dir = Path(packages_dir)
    settings.package_dirs = [Path(packages_dir)]
    settings.intra_threads = 1
    argos_translate.get_installed_languages.cache_clear()
    argos_translate.installed_translates.clear()
    return argos_translate


def build_packages(
    work_dir: Path,
    pairs: Iterable[tuple[str, str]],
    **model_options: int | float,
) -> dict[tuple[str, str], Path]:
    """Build one tiny ``.argosmodel`` per pair in ``work_dir``, sharing one tokenizer.

    Returns the archive path by ``(from_code, to_code)``; each pair gets its own
    random weights.
    """
    sp_model = train_sentencepiece(work_dir / "sentencepiece")
    return {
        (a, b): build_package(work_dir, a, b, sp_model, seed=seed, **model_options)
        for seed, (a, b) in enumerate(pairs, start=1)
    }
