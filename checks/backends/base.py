"""What every backend offers the engine."""
from __future__ import annotations

from abc import ABC, abstractmethod

from checks.rules.base import Rule


class Backend(ABC):
    """Runs a planned run's rules over its inputs and hands back an `engine.Outcome`."""

    name = "backend"
    scopes: tuple[str, ...] = ()

    def can_run(self, rule: Rule) -> bool:
        """Whether this backend has a way to run the rule (checked for every rule before any work)."""
        return rule.scope in self.scopes

    @abstractmethod
    def run(self, source, plan, progress=None):
        """Read `source` (input paths or a Corpus), run `plan.rules`, return an engine.Outcome."""
