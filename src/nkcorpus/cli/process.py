"""``nkcorpus process``: run the pipeline over files, directories, record files or stdin."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

import attrs

from nkcorpus.config import NER_BACKENDS, TRANSLATION_TARGETS, Config

if TYPE_CHECKING:  # pragma: no cover
    from nkcorpus.corpus.distributed import DatasetJob
    from nkcorpus.corpus.job import Job

__all__ = ["CACHE_ENV", "FLAGS", "config_from_args", "parse_size", "register", "run"]

#: Settings named in library messages, by the command-line flag that sets them.
FLAGS = {
    "EntityOptions.gazetteers": "--gazetteer",
    "EntityOptions.models_dir": "--models-dir",
    "EntityOptions.device": "--device",
    "EntityOptions.on_translations": "--entities-on-translations",
    "TranslateOptions.packages_dir": "--argos-dir",
    "TranslateOptions.device": "--device",
    "TranslateOptions.beam_size": "--beam-size",
    "Config.translate_to": "--translate-to",
    "Config.ner": "--ner",
    "ReadOptions.max_input_bytes": "--max-input-size",
    "ReadOptions.input_format": "--input-format",
    "RunOptions.batch_size": "--batch-size",
    "RunOptions.torch_threads": "--torch-threads",
    "RunOptions.workers": "--workers",
    "RunOptions.partition_size": "--partition-size",
    "RunOptions.scheduler": "--scheduler",
    "engine='dask'": "--engine dask",
    "max_input_bytes": "--max-input-size",
    "batch_size": "--batch-size",
    "torch_threads": "--torch-threads",
}

_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """Read a size such as ``"512M"``, ``"2G"``, ``"64k"`` or ``"1000"`` (bytes).

    >>> parse_size("512M"), parse_size("100")
    (536870912, 100)
    """
    value = text.strip().lower().removesuffix("b").removesuffix("i")
    unit = value[-1:] if value[-1:] in _UNITS else ""
    number = value[: len(value) - len(unit)]
    try:
        size = int(float(number) * _UNITS[unit])
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a size such as 512M, 2G or 1000000, got {text!r}"
        ) from None
    if size < 1:
        raise argparse.ArgumentTypeError(f"the size must be at least 1 byte, got {text!r}")
    return size


def _with_flags(message: str) -> str:
    """Name command-line flags instead of the Python settings behind them."""
    for setting, flag in FLAGS.items():
        message = message.replace(f"fix {setting}", f"fix {flag}").replace(setting, flag)
    return message


#: The environment variable that names a default result cache directory.
CACHE_ENV = "NKCORPUS_CACHE_DIR"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def register(subparsers: Any) -> None:
    """Add the ``process`` subcommand."""
    from nkcorpus.corpus.inputs import INPUT_FORMATS
    from nkcorpus.corpus.options import ENGINES
    from nkcorpus.corpus.outputs import OUTPUT_FORMATS

    parser = subparsers.add_parser(
        "process",
        help="process documents into JSON Lines or Parquet",
        description=(
            "Process documents (files, directories walked recursively, JSON Lines, CSV or "
            "Parquet record files, or - for standard input) and write one record per input, "
            "in input order. Inputs that cannot be processed become records with status "
            "'failed'. The exit status is 0 unless the command line is wrong (2) or "
            "--fail-on-error is given and a document failed (1)."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="file, directory, or -")
    parser.add_argument(
        "-o",
        "--output",
        default="-",
        metavar="OUT",
        help="output file, or - for standard output (default); OUT.parquet writes Parquet",
    )
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        default=None,
        help="output format (default: parquet for a .parquet output, else jsonl)",
    )
    reading = parser.add_argument_group("reading")
    reading.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="how to read inputs (default auto: .jsonl/.ndjson, .csv and .parquet files "
        "hold records, any other file is one document)",
    )
    reading.add_argument(
        "--max-input-size",
        type=parse_size,
        default=None,
        metavar="SIZE",
        help="largest input read (a file, a JSON line, a CSV or Parquet value); larger ones "
        "become failed records (default 256M; units k, M, G)",
    )
    reading.add_argument(
        "--text-field", default="text", metavar="NAME", help="record field with the text (text)"
    )
    reading.add_argument(
        "--id-field",
        default=None,
        metavar="NAME",
        help="record field with the record id, kept in the source as FILE#ID",
    )
    stages = parser.add_argument_group("stages")
    stages.add_argument("--no-clean", action="store_true", help="keep the decoded text as is")
    stages.add_argument("--no-language", action="store_true", help="skip language detection")
    stages.add_argument(
        "--ner", choices=NER_BACKENDS, default="auto", help="entity backend (default: auto)"
    )
    stages.add_argument(
        "--translate-to", choices=TRANSLATION_TARGETS, default=None, help="translate into"
    )
    models = parser.add_argument_group("models")
    models.add_argument(
        "--models-dir",
        metavar="DIR",
        help="Stanza models folder (default: $STANZA_RESOURCES_DIR or ~/stanza_resources)",
    )
    models.add_argument(
        "--argos-dir",
        metavar="DIR",
        help="Argos Translate packages folder (default: $NKCORPUS_ARGOS_DIR, "
        "$ARGOS_PACKAGES_DIR or Argos's own)",
    )
    models.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="FILE",
        help="extra alias file (JSON lines, TSV or CSV); repeat for more; later files win",
    )
    models.add_argument(
        "--entities-on-translations",
        action="store_true",
        help="also find entities in the translations (kept apart from the source's)",
    )
    models.add_argument(
        "--device", choices=("cpu", "cuda"), default="cpu", help="where models run (default: cpu)"
    )
    models.add_argument(
        "--beam-size", type=_positive, default=None, metavar="N", help="translation beam width (2)"
    )
    run_group = parser.add_argument_group("running")
    run_group.add_argument(
        "--batch-size", type=_positive, default=64, metavar="N", help="documents per batch (64)"
    )
    run_group.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="worker processes, each loading its models once (1: run in this process)",
    )
    run_group.add_argument(
        "--engine",
        choices=ENGINES,
        default=None,
        help="local worker processes (default), or a Dask cluster whose workers read the "
        "inputs and write OUT as a folder of Parquet parts",
    )
    run_group.add_argument(
        "--partition-size",
        type=_positive,
        default=1000,
        metavar="N",
        help="with --engine dask: text files per partition, one output part each (1000)",
    )
    run_group.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler address (implies --engine dask); without it the dask engine "
        "starts a local cluster of --workers processes",
    )
    run_group.add_argument(
        "--torch-threads",
        type=_positive,
        default=None,
        metavar="N",
        help="torch threads per worker process (default: the entity settings, 1)",
    )
    run_group.add_argument(
        "--resume",
        action="store_true",
        help="carry on from where a killed run with the same command line stopped",
    )
    cache = run_group.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache",
        default=None,
        metavar="DIR",
        help=f"reuse finished documents from this result cache (default: ${CACHE_ENV} if set)",
    )
    cache.add_argument("--no-cache", action="store_true", help="do not use a result cache")
    run_group.add_argument(
        "--fail-on-error",
        action="store_true",
        help="exit with status 1 when any document failed",
    )
    run_group.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary on stderr"
    )
    parser.set_defaults(handler=run)


def config_from_args(args: argparse.Namespace) -> Config:
    """Build the :class:`~nkcorpus.Config` that the command-line options describe."""
    defaults = Config()
    entities = attrs.evolve(
        defaults.entities,
        device=args.device,
        models_dir=args.models_dir,
        gazetteers=tuple(args.gazetteer),
        on_translations=args.entities_on_translations,
    )
    translate = attrs.evolve(defaults.translate, device=args.device, packages_dir=args.argos_dir)
    if args.beam_size is not None:
        translate = attrs.evolve(translate, beam_size=args.beam_size)
    overrides: dict[str, Any] = {
        "ner": args.ner,
        "translate_to": args.translate_to,
        "entities": entities,
        "translate": translate,
    }
    if args.no_clean:
        overrides["clean"] = None
    if args.no_language:
        overrides["language"] = None
    return Config(**overrides)


def _cache_dir(args: argparse.Namespace) -> str | None:
    if args.no_cache:
        return None
    return args.cache or os.environ.get(CACHE_ENV) or None


def run(args: argparse.Namespace) -> int:
    """Run ``nkcorpus process``; return the exit status."""
    from nkcorpus.errors import NkcorpusError

    try:
        return _run(args)
    except NkcorpusError as error:
        error.args = (_with_flags(str(error)),)
        raise


def _run(args: argparse.Namespace) -> int:
    from nkcorpus.corpus.inputs import DEFAULT_MAX_INPUT_BYTES, ReadOptions
    from nkcorpus.corpus.job import Job
    from nkcorpus.corpus.options import RunOptions
    from nkcorpus.corpus.progress import Progress

    options = RunOptions(
        engine=args.engine or ("dask" if args.scheduler else "local"),
        workers=args.workers,
        scheduler=args.scheduler,
        batch_size=args.batch_size,
        torch_threads=args.torch_threads,
        partition_size=args.partition_size,
    )
    reading = ReadOptions(
        input_format=args.input_format,
        text_field=args.text_field,
        id_field=args.id_field,
        max_input_bytes=args.max_input_size or DEFAULT_MAX_INPUT_BYTES,
    )
    # What both engines take alike.
    common: dict[str, Any] = {
        "inputs": args.inputs,
        "output": args.output,
        "config": config_from_args(args),
        "options": options,
        "reading": reading,
        "resume": args.resume,
        "progress": Progress(sys.stderr, enabled=not args.quiet),
    }
    job: Job | DatasetJob
    if options.engine == "dask":
        job = _dask_job(args, common)
    else:
        job = Job(**common, format=args.format, cache=_cache_dir(args))
    summary = job.run()
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
        if args.output != "-":
            print(f"  written    {args.output}", file=sys.stderr)
            from nkcorpus.corpus.outputs import entities_path, output_format

            if output_format(args.output, args.format) == "parquet":
                print(f"  entities   {entities_path(args.output)}", file=sys.stderr)
    failed = summary.status.get("failed", 0)
    return 1 if args.fail_on_error and failed else 0


def _dask_job(args: argparse.Namespace, common: dict[str, Any]) -> DatasetJob:
    """The ``--engine dask`` run: workers read the inputs and write OUT as Parquet parts."""
    from nkcorpus.corpus.distributed import DatasetJob
    from nkcorpus.errors import ConfigError

    if args.cache or args.format:
        raise ConfigError(
            "--engine dask writes a Parquet dataset and resumes per part (--resume); "
            "--cache and --format apply to the local engine"
        )
    return DatasetJob(**common)
