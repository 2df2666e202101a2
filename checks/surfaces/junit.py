"""junit.xml: one test case per rule run, its findings as failures, so CI systems show them."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from checks.engine import RunResult
from checks.model import fails_run


def render(result: RunResult) -> str:
    by_rule: dict[str, list] = {}
    for finding in result.findings:
        by_rule.setdefault(finding.check, []).append(finding)
    suite = ET.Element("testsuite", name="checks", tests=str(len(result.rules)))
    failures = 0
    for rule in result.rules:
        found = by_rule.get(rule.code, [])
        case = ET.SubElement(suite, "testcase", classname=f"checks.{rule.category}", name=f"{rule.code} {rule.title}",
                             time=f"{result.seconds.get(rule.code, 0.0):.3f}")
        failing = [f for f in found if fails_run(f.severity, result.config.fail_on)]
        if failing:
            failures += 1
            lines = []
            for f in found:
                where = "; ".join(f"{loc.file}:{loc.line_start}" for loc in f.locations) or "-"
                lines.append(f"[{f.severity}] {f.id} {where}: {f.message}")
            failure = ET.SubElement(case, "failure", message=f"{len(found)} finding(s)", type=rule.category)
            failure.text = _xml_safe("\n".join(lines))
        elif found:
            out = ET.SubElement(case, "system-out")
            out.text = _xml_safe("\n".join(f"[{f.severity}] {f.id}: {f.message}" for f in found))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters, which untrusted text may carry."""
    return "".join(c if c in "\t\n\r" or (ord(c) >= 0x20 and c not in "\ufffe\uffff") else f"\\x{ord(c):02x}" for c in text)
