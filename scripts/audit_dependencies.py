"""Audit the installed Python dependencies for known vulnerabilities with pip-audit.

Exit 1 when any installed package has a known vulnerability. When the vulnerability service cannot be
reached (a closed network), the packages cannot be audited: that is said loudly and the exit is 0, since the
absence of an answer is not a finding; the summary line tells how many packages were really audited.

    python scripts/audit_dependencies.py [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def audit() -> dict[str, object]:
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                            capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as requirements:
        requirements.write(frozen)
    # --no-deps: the requirements are the installed set already; the PyPI service needs no resolver run.
    run = subprocess.run([sys.executable, "-m", "pip_audit", "--format", "json", "--progress-spinner", "off",
                          "--vulnerability-service", "pypi", "--no-deps", "--disable-pip",
                          "--requirement", requirements.name],
                         capture_output=True, text=True)
    Path(requirements.name).unlink()
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return {"packages": len(frozen.splitlines()), "audited": 0, "vulnerable": [],
                "error": (run.stderr.strip().splitlines() or ["pip-audit gave no report"])[-1]}
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    vulnerable = [{"name": d["name"], "version": d["version"], "ids": [v["id"] for v in d["vulns"]]}
                  for d in audited if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    return {"packages": len(dependencies), "audited": len(audited), "vulnerable": vulnerable,
            "error": skipped[0]["skip_reason"] if skipped and not audited else None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the summary here")
    args = parser.parse_args()
    result = audit()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2))
    for package in result["vulnerable"]:
        print(f"VULNERABLE {package['name']} {package['version']}: {', '.join(package['ids'])}")
    print(f"dependencies: {result['audited']} of {result['packages']} packages audited, "
          f"{len(result['vulnerable'])} with a known vulnerability")
    if result["audited"] == 0:
        print(f"WARNING: no package could be audited, the vulnerability service did not answer ({result['error']})")
    return 1 if result["vulnerable"] else 0


if __name__ == "__main__":
    sys.exit(main())
