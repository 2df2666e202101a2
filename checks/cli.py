"""The `checks` command line: run, derive, list, explain, baseline, bench.

Exit status (see checks/surfaces/CONTRACT.md): 0 no finding at or above --fail-on, 1 there are
such findings, 2 the run could not be done (a one-line reason on stderr).
"""
from __future__ import annotations

import os
import sys

import click

from checks import __version__
from checks.errors import UsageError

FAIL_ON = click.Choice(["error", "warning", "info", "never"])


def _progress_wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    """Progress on stderr for long runs: bytes read, then one step per rule."""

    def __init__(self, total_bytes: int, rules: int):
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        self._bar = Bar(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
        self._read = self._bar.add_task("reading", total=total_bytes)
        self._rules = self._bar.add_task("checking", total=rules, visible=False)

    def __enter__(self):
        self._bar.__enter__()
        return self

    def __exit__(self, *exc):
        self._bar.__exit__(*exc)

    def advance_bytes(self, n: int) -> None:
        self._bar.advance(self._read, n)

    def rule(self, code: str) -> None:
        self._bar.update(self._rules, visible=True, description=f"checking {code}")
        self._bar.advance(self._rules, 1)


def _input_bytes(inputs: list[str]) -> int:
    from checks.ingest.reader import collect_paths

    return sum(p.stat().st_size for p in collect_paths(inputs))


def _load_config(config_path, select, ignore, fail_on, baseline, report_dir, jobs=None):
    from checks import config as config_module

    config = config_module.load(config_path)
    if jobs is not None:
        config.jobs = jobs
    if select:
        config.select = [s.upper() for part in select for s in part.split(",") if s]
    if ignore:
        config.ignore = [s.upper() for part in ignore for s in part.split(",") if s]
    if fail_on:
        config.fail_on = fail_on
    if baseline:
        config.baseline = baseline
    if report_dir:
        config.report_dir = report_dir
    return config


def _execute(inputs, config, quiet, engine="pandas", master=None, spark_conf=None):
    from checks.engine import prepare, run

    inputs = list(inputs) or list(config.inputs)
    backend = None
    if engine == "spark":
        from checks.spark.backend import SparkBackend

        backend = SparkBackend(master, conf=spark_conf)
    if _progress_wanted(quiet) and backend is None:
        rules = prepare(config)
        with Progress(_input_bytes(inputs), len(rules)) as progress:
            return run(inputs, config, backend, progress)
    return run(inputs, config, backend)


common_options = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML file with [tool.checks] settings (default: ./pyproject.toml)."),
    click.option("--select", multiple=True, help="Only run rules whose code starts with these prefixes (e.g. DUP,NUM001)."),
    click.option("--ignore", multiple=True, help="Skip rules whose code starts with these prefixes."),
    click.option("--quiet", "-q", is_flag=True, help="No progress display and no summary on stdout."),
    click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                 help="Worker processes for the pandas engine (default: one per core; 0 means the same). "
                      "The findings are the same for every value."),
]


def with_common(func):
    for option in reversed(common_options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checks")
def cli():
    """Validate datasets derived from news articles.

    Raw article text is read into `articles` and `paragraphs` datasets (and the
    numbers and claims found in them), each held to a pandera schema, then
    consistency rules run over them: duplicates, truncation, repetition,
    growth arithmetic, shares, contradictions, provenance of curated tables.

    \b
    Exit status: 0 no finding at or above --fail-on, 1 there are such findings,
    2 the run could not be done (bad input, configuration or arguments).
    """


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--report-dir", help="Where to write index.html, findings.json, junit.xml (and gx/) (default: reports/).")
@click.option("--data-docs/--no-data-docs", default=None,
              help="Also build the Great Expectations Data Docs under gx/ in the report folder "
                   "(default: the `data-docs` setting, off unless set).")
@click.option("--baseline", help="JSON file of accepted findings; they are reported apart and do not fail the run.")
@click.option("--fail-on", type=FAIL_ON, help="Lowest severity that makes the exit status 1 (default: error).")
@click.option("--format", "output_format", type=click.Choice(["text", "github", "none"]), default=None,
              help="How findings are printed on stdout; github prints workflow annotations (default under GitHub Actions).")
@click.option("--engine", type=click.Choice(["pandas", "spark"]), default="pandas", show_default=True,
              help="Where the checks run: pandas on this machine, or PySpark (needs the spark extra).")
@click.option("--master", help="Spark master URL for --engine spark, e.g. spark://host:7077 (default: local[2]).")
@click.option("--spark-conf", multiple=True, metavar="KEY=VALUE",
              help="A Spark setting for --engine spark, as spark-submit's --conf (repeatable), e.g. "
                   "spark.driver.memory=16g. Local runs get half of this machine's memory by default.")
@with_common
def run(inputs, report_dir, data_docs, baseline, fail_on, output_format, engine, master, spark_conf, config_path, select,
        ignore, quiet, jobs):
    """Check INPUT files or folders (.txt pages, .jsonl corpora; default: datasets/) and write reports."""
    from checks.surfaces.console import print_result
    from checks.surfaces.write import write_reports

    config = _load_config(config_path, select, ignore, fail_on, baseline, report_dir, jobs)
    if data_docs is not None:
        config.data_docs = data_docs
    if (master or spark_conf) and engine != "spark":
        raise UsageError(f"{'--master' if master else '--spark-conf'} needs --engine spark")
    from checks.spark.session import parse_conf  # no PySpark import: a bad setting fails before any work

    result = _execute(inputs, config, quiet, engine, master, parse_conf(spark_conf))
    folder = write_reports(result, config.report_dir)
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if not quiet or output_format == "github":
        print_result(result, folder, output_format)
    sys.exit(result.exit_status())


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--out", default="datasets/derived", show_default=True, help="Folder for the Parquet and CSV files.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML configuration file.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success.")
def derive(inputs, out, config_path, quiet):
    """Derive the datasets from INPUT and write each as Parquet and CSV under --out."""
    from checks.derive import write_datasets

    config = _load_config(config_path, (), (), None, None, None)
    written = write_datasets(list(inputs) or list(config.inputs), config, out)
    if not quiet:
        for name, rows in written.items():
            click.echo(f"{name}: {rows} rows -> {out}/{name}.parquet, {out}/{name}.csv")


@cli.command(name="list")
def list_rules():
    """List every rule: code, category, default severity and title."""
    from checks.datasets import load_plugins
    from checks.rules.base import RULES

    load_plugins()
    for code in sorted(RULES):
        r = RULES[code]
        click.echo(f"{code:8} {r.category:13} {r.severity:8} {r.title}")


@cli.command()
@click.argument("code")
def explain(code):
    """Print a rule's documentation: what it does, why, an example, what to write instead, its options."""
    from checks.datasets import load_plugins
    from checks.rules.base import RULES
    from checks.rules.docs import rule_page

    load_plugins()
    r = RULES.get(code.upper())
    if r is None:
        raise UsageError(f"no rule {code!r}; `checks list` shows the rules")
    click.echo(rule_page(r), nl=False)


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the page to this file (default: stdout).")
def docs(output):
    """Print (or write) the documentation page of every rule, generated from the registry."""
    from checks.datasets import load_plugins
    from checks.rules.docs import rules_page

    load_plugins()
    page = rules_page()
    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(page)
        except OSError as exc:
            raise UsageError(f"{output}: cannot write ({exc.strerror or exc})") from None
    else:
        click.echo(page, nl=False)


@cli.command(name="baseline")
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--output", "-o", default="checks-baseline.json", show_default=True, help="Baseline file to write.")
@with_common
def baseline_command(inputs, output, config_path, select, ignore, quiet, jobs):
    """Accept every current finding: write them to a baseline file, keeping reasons already given."""
    from checks import baseline as baseline_file

    config = _load_config(config_path, select, ignore, None, None, None, jobs)
    previous = baseline_file.load(output) if os.path.exists(output) else {}
    config.baseline = None
    result = _execute(inputs, config, quiet)
    count = baseline_file.write(output, result.findings, previous)
    if not quiet:
        click.echo(f"wrote {count} accepted finding(s) to {output}; fill in each 'reason'")


def _register_bench():
    try:
        from checks.bench import bench
    except ImportError:  # the bench package is optional in a minimal install
        return
    cli.add_command(bench)


_register_bench()


def main(argv=None):
    """Entry point: map every failure to exit 2 with one line, never a traceback."""
    try:
        cli.main(args=argv, prog_name="checks", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"checks: error: {exc.format_message()}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("checks: error: interrupted", err=True)
        sys.exit(2)
    except UsageError as exc:
        click.echo(f"checks: error: {exc}", err=True)
        sys.exit(2)
    except RecursionError:
        click.echo("checks: error: input nested too deeply to process", err=True)
        sys.exit(2)
    except MemoryError:
        click.echo("checks: error: out of memory; split the input into smaller runs", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("checks: error: interrupted", err=True)
        sys.exit(2)
    except SystemExit:
        raise
    except Exception as exc:  # a bug of ours: still one line, and how to get the details
        if os.environ.get("CHECKS_DEBUG"):
            raise
        click.echo(f"checks: internal error: {type(exc).__name__}: {exc} (set CHECKS_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)
    sys.exit(0)
