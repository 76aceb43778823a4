"""``nkcorpus models``: list, download, bundle, install and train models.

- ``nkcorpus models list`` shows, per language and processor, what is installed
  and what is missing (Stanza), and the Argos Translate pairs.
- ``nkcorpus models download LANG...`` wraps ``stanza.download``;
  ``nkcorpus models download --translate FROM TO`` fetches an Argos package.
  Both fail within seconds when offline.
- ``nkcorpus models bundle OUT.tar`` packs the installed models with a checksum
  manifest and prints the archive's SHA-256; ``nkcorpus models install OUT.tar
  --sha256 DIGEST`` checks and installs it on a machine without network (a
  ``.argosmodel`` file is installed as an Argos package). A file whose digest
  you do not have installs only with ``--trust``.
- ``nkcorpus models train-ner`` trains a Stanza NER model (:mod:`nkcorpus.entities.train`).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

__all__ = ["register", "run_bundle", "run_download", "run_install", "run_list", "run_train"]


def register(subparsers: Any) -> None:
    """Add the ``models`` subcommand and its own subcommands."""
    parser = subparsers.add_parser(
        "models",
        help="list, download, bundle, install or train models",
        description="Manage the Stanza and Argos Translate models nkcorpus uses. Nothing is "
        "downloaded unless you run `nkcorpus models download`.",
    )
    parser.add_argument(
        "--models-dir",
        metavar="DIR",
        help="Stanza resources folder (default: $STANZA_RESOURCES_DIR or ~/stanza_resources)",
    )
    parser.add_argument(
        "--argos-dir", metavar="DIR", help="Argos packages folder (default: see docs)"
    )
    commands = parser.add_subparsers(title="model commands", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="show installed and missing models")
    listing.add_argument("languages", nargs="*", metavar="LANG", help="languages to show")
    listing.add_argument("--json", action="store_true", help="print JSON lines")
    listing.set_defaults(handler=run_list)

    download = commands.add_parser(
        "download", help="download Stanza models for languages, or an Argos pair"
    )
    download.add_argument("languages", nargs="*", metavar="LANG", help="e.g. en zh-hans")
    download.add_argument(
        "--translate", nargs=2, metavar=("FROM", "TO"), help="download an Argos Translate pair"
    )
    download.add_argument(
        "--processors", default="tokenize,ner", help="Stanza processors (default: tokenize,ner)"
    )
    download.set_defaults(handler=run_download)

    bundle = commands.add_parser("bundle", help="pack installed models into one archive")
    bundle.add_argument("out", metavar="OUT", help="archive to write (.tar, or .tar.gz)")
    bundle.add_argument(
        "--languages", metavar="LANGS", help="only these Stanza languages, comma-separated"
    )
    bundle.add_argument("--no-argos", action="store_true", help="leave the Argos packages out")
    bundle.set_defaults(handler=run_bundle)

    install = commands.add_parser("install", help="verify and install a bundle or .argosmodel")
    install.add_argument("path", metavar="PATH", help="a bundle or an .argosmodel file")
    install.add_argument(
        "--sha256",
        metavar="DIGEST",
        help="the SHA-256 the file must have (printed by `nkcorpus models bundle`)",
    )
    install.add_argument(
        "--trust",
        action="store_true",
        help="install without --sha256, trusting where the file came from",
    )
    install.set_defaults(handler=run_install)

    train = commands.add_parser(
        "train-ner",
        help="train a Stanza NER model from BIO/CoNLL, KLUE-NER or KMOU data, or a recipe",
        description="Train a NER model and install it. With --recipe, public data is read from "
        "--data-dir (downloaded there only with --accept-licence), a held-out part is scored "
        "and the scores are recorded with the model. Progress and dev scores go to stderr.",
    )
    train.add_argument("language", nargs="?", metavar="LANG", help="language code, e.g. ko")
    train.add_argument("--lang", help="language code (same as LANG)")
    train.add_argument("--recipe", help="a training recipe: klue or kmou (see the docs)")
    train.add_argument("--data-dir", metavar="DIR", help="where the recipe's files are kept")
    train.add_argument(
        "--accept-licence",
        action="store_true",
        help="accept the recipe data's licence and download missing files",
    )
    train.add_argument("--train", metavar="FILE", help="training data")
    train.add_argument("--dev", metavar="FILE", help="development data")
    train.add_argument("--format", choices=("conll", "klue", "kmou"), default="conll")
    train.add_argument("--package", default="nkcorpus", help="model name (default: nkcorpus)")
    train.add_argument(
        "--tokenizer",
        choices=("spacy", "jieba", "korean", "whitespace"),
        help="default: korean for ko, jieba for zh, spacy for en, else whitespace",
    )
    train.add_argument("--labels", help="keep only these labels, comma-separated (PER,LOC,ORG)")
    train.add_argument("--pretrain", metavar="FILE", help="word vectors (.pt or word2vec text)")
    train.add_argument("--max-steps", type=int, default=20000)
    train.add_argument("--eval-interval", type=int, default=500)
    train.add_argument(
        "--patience", type=int, default=2500, help="stop after this many steps without progress"
    )
    train.add_argument("--batch-size", type=int, default=32)
    train.add_argument("--hidden-dim", type=int, default=256)
    train.add_argument("--threads", type=int, default=None, help="torch threads while training")
    train.add_argument("--device", default="auto", help="auto (GPU if torch sees one), cpu, cuda")
    train.add_argument(
        "--checkpoint-dir", metavar="DIR", help="keep a checkpoint here after each evaluation"
    )
    train.add_argument(
        "--resume", action="store_true", help="continue from the checkpoint in --checkpoint-dir"
    )
    train.set_defaults(handler=run_train)


def run_list(args: argparse.Namespace) -> int:
    """Print what is installed and missing; return 0."""
    from nkcorpus.models import list_models, resources_dir

    rows = list_models(args.models_dir, args.languages or None, argos_dir=args.argos_dir)
    if args.json:
        for row in rows:
            print(json.dumps(
                {
                    "kind": row.kind,
                    "language": row.language,
                    "processor": row.processor,
                    "package": row.package,
                    "installed": row.installed,
                    "origin": row.origin,
                    "detail": row.detail,
                },
                ensure_ascii=False,
            ))  # fmt: skip
        return 0
    print(f"Stanza models in {resources_dir(args.models_dir)}")
    table = [("kind", "language", "processor", "package", "status", "detail")]
    for row in rows:
        status = "installed" if row.installed else "MISSING"
        table.append(
            (row.kind, row.language, row.processor, row.package or "-", status, row.detail)
        )
    widths = [max(len(r[i]) for r in table) for i in range(5)]
    for r in table:
        cells = "  ".join(cell.ljust(w) for cell, w in zip(r[:5], widths, strict=False))
        print(cells + "  " + r[5])
    return 0


def run_download(args: argparse.Namespace) -> int:
    """Download what was asked for; return 0."""
    from nkcorpus.errors import ConfigError
    from nkcorpus.models import download_stanza, download_translation

    if not args.languages and not args.translate:
        raise ConfigError(
            "name languages (`nkcorpus models download en zh-hans`) or a pair "
            "(`nkcorpus models download --translate ko en`)"
        )
    if args.languages:
        codes = download_stanza(args.languages, args.models_dir, processors=args.processors)
        print(f"downloaded Stanza models: {', '.join(codes)}")
    if args.translate:
        folder = download_translation(args.translate[0], args.translate[1], args.argos_dir)
        print(f"installed Argos package {folder}")
    return 0


def run_bundle(args: argparse.Namespace) -> int:
    """Write a bundle; return 0."""
    from nkcorpus.models import bundle

    languages = args.languages.split(",") if args.languages else None
    manifest = bundle(
        args.out,
        args.models_dir,
        languages=languages,
        argos_dir=args.argos_dir,
        include_argos=not args.no_argos,
    )
    size = sum(int(item["size"]) for item in manifest["files"])
    print(
        f"wrote {args.out}: {len(manifest['files'])} files, {size / 1e6:.1f} MB; Stanza "
        f"{', '.join(manifest['stanza_languages']) or '-'}; Argos "
        f"{', '.join(f'{a}->{b}' for a, b, _v in manifest['argos_pairs']) or '-'}"
    )
    print(f"sha256 {manifest['sha256']}")
    print(
        "install it elsewhere with: nkcorpus models install "
        f"{args.out} --sha256 {manifest['sha256']}"
    )
    return 0


def run_install(args: argparse.Namespace) -> int:
    """Verify and install a bundle or package; return 0."""
    from nkcorpus.models import install

    lines = install(
        args.path, args.models_dir, argos_dir=args.argos_dir, sha256=args.sha256, trust=args.trust
    )
    for line in lines:
        print(f"installed {line}")
    return 0


def _progress_printer(stream: Any) -> Any:
    """A progress callback printing a status line and each dev score to ``stream``."""
    live = stream.isatty()

    def clock(seconds: float | None) -> str:
        if seconds is None:
            return "--:--"
        minutes, secs = divmod(int(seconds), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"

    def show(report: Any) -> None:
        done = report.step / max(report.max_steps, 1)
        bar = "#" * int(done * 20)
        line = (
            f"step {report.step}/{report.max_steps} [{bar:<20}] {clock(report.elapsed)} "
            f"elapsed, ETA {clock(report.eta)}, loss {report.loss:.3f}"
        )
        if report.best is not None:
            line += f", best dev F1 {report.best.f1:.3f}"
        if report.score is not None:
            score = report.score
            end = "\n"
            line = (
                f"{line}\n  dev at step {score.step}: P {score.precision:.3f} "
                f"R {score.recall:.3f} F1 {score.f1:.3f}"
            )
        elif not live:
            return
        else:
            end = ""
        print(("\r" if live else "") + line, end=end, file=stream, flush=True)

    return show


def run_train(args: argparse.Namespace) -> int:
    """Train and install a NER model (from files or a recipe); return 0."""
    import sys

    from nkcorpus.entities.train import (
        TrainOptions,
        default_tokenizer,
        load_training_data,
        train_ner,
    )
    from nkcorpus.errors import ConfigError

    language = args.language or args.lang
    if not language:
        raise ConfigError("name the language: `nkcorpus models train-ner ko --recipe klue`")
    options = TrainOptions(
        language=language,
        models_dir=args.models_dir,
        package=args.package,
        tokenizer=args.tokenizer,
        pretrain=args.pretrain,
        max_steps=args.max_steps,
        eval_interval=args.eval_interval,
        patience=args.patience,
        batch_size=args.batch_size,
        hidden_dim=args.hidden_dim,
        threads=args.threads,
        device=args.device,
        checkpoint_dir=args.checkpoint_dir,
        resume=args.resume,
    )
    progress = _progress_printer(sys.stderr)
    if args.recipe:
        return _run_recipe(args, options, progress)
    if not args.train or not args.dev:
        raise ConfigError("give --train and --dev files, or a --recipe")
    tokenizer = args.tokenizer or default_tokenizer(language)
    labels = args.labels.split(",") if args.labels else None
    train = load_training_data(args.train, args.format, tokenizer, labels=labels)
    dev = load_training_data(args.dev, args.format, tokenizer, labels=labels)
    model = train_ner(train, dev, options, tokenizer=tokenizer, progress=progress)
    print(f"installed {model.language} NER model {model.package!r} at {model.model_path}")
    return 0


def _run_recipe(args: argparse.Namespace, options: Any, progress: Any) -> int:
    import sys

    from nkcorpus.entities import recipes

    chosen = recipes.recipe(args.recipe)
    data_dir = args.data_dir or recipes.default_data_dir(chosen.name)
    accept = args.accept_licence
    missing = recipes.missing_files(chosen, data_dir)
    print(recipes.describe(chosen), file=sys.stderr)
    if missing and not accept and sys.stdin.isatty():
        answer = input(
            f"Download {', '.join(f.name for f in missing)} to {data_dir} under "
            f"{chosen.licence}? [y/N] "
        )
        accept = answer.strip().lower() in ("y", "yes")
    result = recipes.run_recipe(
        chosen.name, options, data_dir=data_dir, accept_licence=accept, progress=progress
    )
    model = result.model
    print(f"installed {model.language} NER model {model.package!r} at {model.model_path}")
    held = result.held_out
    print(
        f"held-out {chosen.held_out.name}: P {held['precision']:.3f} R {held['recall']:.3f} "
        f"F1 {held['f1']:.3f}; best dev F1 {result.dev['f1']:.3f} at step {result.dev['step']}; "
        f"trained in {result.train_seconds / 60:.1f} min"
    )
    return 0
