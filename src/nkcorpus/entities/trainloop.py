"""Run Stanza's NER trainer step by step: dev scores, progress, best model, resume.

Stanza 1.10's ``ner_tagger`` trains in one call with no progress bar, no
checkpoint and no way to continue after an interruption. :func:`run_training`
drives the same pieces (Stanza's ``Trainer``, ``DataLoader`` and pretrain) in
its own loop:

* every ``eval_interval`` steps the dev set is tagged and entity-level
  precision, recall and F1 are reported (:class:`DevScore`, exact spans);
* a progress line with steps per second and the time left goes to a callback
  (the command line prints it on standard error);
* the best model by dev F1 is written to the model path, Stanza's own format;
* after each evaluation the current model and its optimizer state are written
  to a checkpoint folder, and a later call with the same folder continues from
  that step with the same dev history (``resume``).
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

__all__ = ["DevScore", "Progress", "entity_scores", "evaluate_model", "run_training"]

logger = logging.getLogger(__name__)

_CHECKPOINT_MODEL = "checkpoint_model.pt"
_CHECKPOINT_STATE = "checkpoint_state.pt"


@attrs.frozen
class DevScore:
    """Entity-level scores on the dev set after ``step`` training steps."""

    step: int
    precision: float
    recall: float
    f1: float
    train_loss: float

    def as_dict(self) -> dict[str, float]:
        """The scores as a JSON-ready dict."""
        return attrs.asdict(self)


@attrs.frozen
class Progress:
    """Where a training run stands, for progress display.

    Attributes:
        step: steps done.
        max_steps: steps the run will take at most.
        elapsed: seconds since this call started (a resumed run starts again at 0).
        eta: estimated seconds left, ``None`` before the first timed steps.
        loss: the mean training loss since the last report.
        score: the dev score just computed, or ``None`` on a plain progress tick.
        best: the best dev score so far, or ``None``.
    """

    step: int
    max_steps: int
    elapsed: float
    eta: float | None
    loss: float
    score: DevScore | None = None
    best: DevScore | None = None


def entity_scores(
    predicted: Sequence[Sequence[str]], gold: Sequence[Sequence[str]]
) -> tuple[float, float, float]:
    """Micro precision, recall and F1 of exact entity spans from BIO or BIOES tags.

    >>> entity_scores([["B-PER", "I-PER", "O"]], [["B-PER", "E-PER", "S-LOC"]])
    (1.0, 0.5, 0.6666666666666666)
    """
    from stanza.models.ner.utils import bio2_to_bioes, decode_from_bioes, to_bio2

    def spans(sequences: Sequence[Sequence[str]]) -> set[tuple[int, int, int, str]]:
        found = set()
        for number, tags in enumerate(sequences):
            bioes = list(tags)
            if not any(tag[:2] in ("E-", "S-") for tag in bioes):
                bioes = bio2_to_bioes(to_bio2(bioes))
            for item in decode_from_bioes(bioes):
                found.add((number, item["start"], item["end"], item["type"]))
        return found

    guessed, expected = spans(predicted), spans(gold)
    hits = len(guessed & expected)
    precision = hits / len(guessed) if guessed else 0.0
    recall = hits / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _predict(trainer: Any, batches: Any) -> list[list[str]]:
    predictions: list[list[str]] = []
    for batch in batches:
        predictions += trainer.predict(batch)
    return predictions


def run_training(
    stanza_args: Sequence[str],
    *,
    model_path: Path,
    checkpoint_dir: Path | None = None,
    resume: bool = False,
    report: Callable[[Progress], None] | None = None,
    report_every: int = 20,
) -> list[DevScore]:
    """Train a Stanza NER model with dev scores, progress reports and checkpoints.

    Args:
        stanza_args: ``stanza.models.ner_tagger`` arguments (``--train_file``,
            ``--eval_file``, ``--wordvec_pretrain_file``, sizes, ``--max_steps``,
            ``--eval_interval``, ``--max_steps_no_improve``, ``--device``...).
        model_path: where the best model is written.
        checkpoint_dir: where the checkpoint (model, optimizer, step, dev
            history) is written after every evaluation; ``None`` keeps none.
        resume: continue from the checkpoint in ``checkpoint_dir`` if there is one.
        report: called with a :class:`Progress` every ``report_every`` steps and
            after every evaluation.
        report_every: steps between plain progress reports.

    Returns:
        The dev scores of this run and of the run it resumed, in step order.
    """
    import torch
    from stanza.models import ner_tagger
    from stanza.models.common import utils
    from stanza.models.common.doc import Document
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import Trainer

    args = ner_tagger.parse_args(list(stanza_args))
    utils.set_random_seed(args["seed"])
    pretrain = ner_tagger.load_pretrain(args)
    args["word_emb_dim"] = pretrain.emb.shape[1]
    state_file = checkpoint_dir / _CHECKPOINT_STATE if checkpoint_dir else None
    checkpoint_model = checkpoint_dir / _CHECKPOINT_MODEL if checkpoint_dir else None
    history: list[DevScore] = []
    step = 0
    trainer = None
    if resume and state_file is not None and state_file.is_file() and checkpoint_model:
        state = torch.load(state_file, map_location="cpu", weights_only=True)
        trainer = Trainer(
            args=args, pretrain=pretrain, model_file=str(checkpoint_model), device=args["device"]
        )
        trainer.optimizer.load_state_dict(state["optimizer"])
        step = int(state["step"])
        history = [DevScore(**item) for item in json.loads(state["history"])]
        logger.info("resuming NER training at step %d", step)
    with open(args["train_file"], encoding="utf-8") as handle:
        train_doc = Document(json.load(handle))
    with open(args["eval_file"], encoding="utf-8") as handle:
        dev_doc = Document(json.load(handle))
    vocab = trainer.vocab if trainer is not None else None
    train_batches = DataLoader(
        train_doc, args["batch_size"], args, pretrain, vocab=vocab, evaluation=False,
        max_batch_words=args["max_batch_words"],
    )  # fmt: skip
    if trainer is None:
        trainer = Trainer(args=args, vocab=train_batches.vocab, pretrain=pretrain,
                          device=args["device"])  # fmt: skip
    dev_batches = DataLoader(
        dev_doc, args["batch_size"], args, pretrain, vocab=trainer.vocab, evaluation=True
    )
    column = trainer.args["predict_tagset"]
    dev_gold = [[word[column] for word in tags] for tags in dev_batches.tags]
    max_steps, interval = args["max_steps"], args["eval_interval"]
    patience = args["max_steps_no_improve"]
    best = max(history, key=lambda s: s.f1) if history else None
    started, start_step = time.monotonic(), step
    loss_sum, loss_count = 0.0, 0

    def emit(score: DevScore | None) -> None:
        if report is None:
            return
        elapsed = time.monotonic() - started
        done = step - start_step
        eta = elapsed / done * (max_steps - step) if done else None
        report(Progress(step, max_steps, elapsed, eta,
                        loss_sum / max(loss_count, 1), score, best))  # fmt: skip

    stop = step >= max_steps
    while not stop:
        for batch in train_batches:
            step += 1
            loss_sum += trainer.update(batch, eval=False)
            loss_count += 1
            if step % interval == 0 or step >= max_steps:
                score = _evaluate(trainer, dev_batches, dev_gold, step, loss_sum / loss_count)
                history.append(score)
                if best is None or score.f1 > best.f1 or not model_path.is_file():
                    best = score if best is None or score.f1 > best.f1 else best
                    trainer.save(str(model_path))
                if checkpoint_dir is not None:
                    _save_checkpoint(trainer, checkpoint_dir, step, history)
                emit(score)
                loss_sum, loss_count = 0.0, 0
            elif step % report_every == 0:
                emit(None)
            if step >= max_steps or (best is not None and step - best.step >= patience):
                stop = True
                break
        train_batches.reshuffle()
    return history


def _evaluate(trainer: Any, dev_batches: Any, gold: list[list[str]], step: int,
              loss: float) -> DevScore:  # fmt: skip
    precision, recall, f1 = entity_scores(_predict(trainer, dev_batches), gold)
    if math.isnan(loss):
        loss = float("inf")
    return DevScore(step, precision, recall, f1, loss)


def _save_checkpoint(trainer: Any, folder: Path, step: int, history: list[DevScore]) -> None:
    import torch

    folder.mkdir(parents=True, exist_ok=True)
    model_tmp = folder / (_CHECKPOINT_MODEL + ".tmp")
    state_tmp = folder / (_CHECKPOINT_STATE + ".tmp")
    trainer.save(str(model_tmp))
    state = {
        "optimizer": trainer.optimizer.state_dict(),
        "step": step,
        "history": json.dumps([s.as_dict() for s in history]),
    }
    torch.save(state, state_tmp)
    model_tmp.replace(folder / _CHECKPOINT_MODEL)
    state_tmp.replace(folder / _CHECKPOINT_STATE)


def evaluate_model(
    model_path: Path, pretrain_path: Path, data_file: Path, *, device: str = "cpu"
) -> tuple[float, float, float]:
    """Entity-level precision, recall and F1 of a saved model on a Stanza JSON file."""
    from stanza.models.common.doc import Document
    from stanza.models.common.pretrain import Pretrain
    from stanza.models.ner.data import DataLoader
    from stanza.models.ner.trainer import Trainer

    pretrain = Pretrain(str(pretrain_path), None, -1, save_to_file=False)
    trainer = Trainer(pretrain=pretrain, model_file=str(model_path), device=device)
    with open(data_file, encoding="utf-8") as handle:
        doc = Document(json.load(handle))
    batches = DataLoader(doc, 64, trainer.args, pretrain, vocab=trainer.vocab, evaluation=True)
    column = trainer.args["predict_tagset"]
    gold = [[word[column] for word in tags] for tags in batches.tags]
    return entity_scores(_predict(trainer, batches), gold)
