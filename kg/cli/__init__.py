"""The ``kg`` command: one subcommand per module, loaded only when it runs.

Exit codes: 0 success; 1 an error stopped the command; 2 a usage error; 3 the command finished but some
inputs failed (they are listed, the rest was processed); 70 an internal error (a bug: please report it);
75 the store is busy with another kg process (try again, or pass ``--wait``); 130 interrupted (Ctrl-C or
``kill``); 141 the
program reading the output stopped early (``kg extract ... | head``).
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
from typing import Any

import click

from kg import __version__, compiled
from kg.errors import KGError, one_line

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_ERROR", "EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_PARTIAL", "main", "run"]

EXIT_ERROR = 1
EXIT_PARTIAL = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Subcommand name -> module under kg.cli defining ``command``.
COMMANDS = {
    "ingest": "ingest",
    "load": "load",
    "extract": "extract",
    "query": "query",
    "stats": "stats",
    "export": "export",
    "validate": "validate",
    "retract": "retract",
    "viz": "viz",
    "entities": "entities",
    "merge": "merge",
    "split": "split",
}


class LazyGroup(click.Group):
    """Imports a subcommand's module only when that subcommand is used, so ``kg --help`` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"kg.cli.{COMMANDS[cmd_name]}")
        command: click.Command = module.command
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as err:
            click.echo(f"kg: error: {one_line(str(err))} [{err.code}]", err=True)
            ctx.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`kg extract ... | head`): stop quietly, as other command-line tools do,
            # and keep Python from failing again while flushing standard output at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_BROKEN_PIPE)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get("KG_DEBUG"):
                raise
            message = one_line(f"{type(exc).__name__}: {exc}")
            click.echo(f"kg: internal error: {message} (set KG_DEBUG=1 for the traceback)", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(f"{__version__} ({'compiled' if compiled() else 'pure Python'})", prog_name="kg")
def main() -> None:
    """Turn news articles into a knowledge graph in which every fact keeps the words it came from.

    \b
    kg ingest articles/          read, extract and store (default store ./kg-data, or $KG_STORE)
    kg extract article.txt       print the claims found, as JSON Lines, without storing
    kg query --sparql '...'      ask the store
    kg viz -o graph.html         draw the graph as an interactive page
    """


#: Allocations that start a collection of the youngest generation, and collections of one generation that
#: start one of the next (CPython's defaults: 700, 10, 10).
YOUNG_OBJECTS, OLDER_COLLECTIONS = 10_000, 10


def run() -> None:
    """The ``kg`` program: the command group, with ``kill`` (SIGTERM) handled as an interrupt, so that the store
    is closed and worker processes are stopped before the program ends."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # Extraction makes millions of small objects that live as long as their document; at CPython's default
    # threshold (700 allocations) the collector scans them again and again: 6 to 8 % of `kg extract`'s CPU
    # (bench/README.md). Cycles are still collected, less often; what was loaded at start is left out.
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, OLDER_COLLECTIONS, OLDER_COLLECTIONS)
    main()


if __name__ == "__main__":  # pragma: no cover
    run()
