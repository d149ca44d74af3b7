"""What every benchmark shares: a measured figure, the run's options, subprocess helpers.

A figure is one row of the bench table: its value, the baseline measured in the same run, the
ratio between them and the target it is judged by. A target is either on the ratio (start,
data: "no more than 1.15x the bare thing") or on the value itself (stalls, latencies, memory).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
RESULTS = BENCH_DIR / "results"
AS_OF = date(2026, 11, 23)
"""A fixed Monday, so cached packs stay valid from one bench run to the next."""
SEED = 7

TargetOn = Literal["ratio", "value"]


@dataclass(frozen=True)
class Figure:
    """One measured figure against its baseline and target."""

    name: str
    value: float
    unit: str
    """"ms", "s", "MB" or "" (a count)."""
    baseline: float | None
    target: float
    target_on: TargetOn
    """Whether `target` bounds the ratio or the value itself."""
    baseline_label: str = ""
    note: str = ""
    strict: bool = False
    """True: the target must be strictly beaten (value < target); else value <= target."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    @property
    def ok(self) -> bool:
        judged = self.ratio if self.target_on == "ratio" else self.value
        if judged is None:
            return False
        return judged < self.target if self.strict else judged <= self.target

    def target_text(self) -> str:
        sign = "<" if self.strict else "<="
        if self.target_on == "ratio":
            return f"ratio {sign} {self.target:g}x"
        return f"{sign} {self.target:g} {self.unit}".rstrip()

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["ok"] = self.ok
        data["target_text"] = self.target_text()
        return data


@dataclass(frozen=True)
class Options:
    """How this bench run was asked for."""

    quick: bool = False
    """Small scales and few repeats: a smoke run in a minute or two."""


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """The `pct` percentile by nearest rank (p99 of 500 samples = the 495th smallest)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no samples")
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return float(ordered[rank - 1])


def ratio_interval(values: Sequence[float], baseline: Sequence[float]) -> tuple[float, float]:
    """The 5th and 95th percentiles of the ratio of medians, the (value, baseline) pairs
    resampled: how far the figure's ratio could move from one run to the next."""
    import random

    pairs = list(zip(values, baseline, strict=True))
    pick = random.Random(0)
    ratios = [median([v for v, _ in sample]) / median([b for _, b in sample])
              for sample in ([pick.choice(pairs) for _ in pairs] for _ in range(1000))]
    return percentile(ratios, 5), percentile(ratios, 95)


def bench_env(home: Path) -> dict[str, str]:
    """The environment a child runs in: its own TUNEUP_HOME, no terminal, the repo importable,
    and bytecode read and written as an installed console has it (`compile_sources`)."""
    env = os.environ.copy()
    env["TUNEUP_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.pop("TEXTUAL", None)
    # With PYTHONDONTWRITEBYTECODE set (as on the build machine) every child compiled the
    # console's sources again inside its timed work; an installed console has them compiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["CI"] = "true"
    return env


def compile_sources() -> None:
    """Compile the console's and the bench's sources to bytecode (beside them, in __pycache__)
    before anything is timed, as installing the package does."""
    env = os.environ.copy()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "tuneup_tui"),
                    str(BENCH_DIR)], env=env, check=True, cwd=REPO)


def run_child(args: Sequence[str], *, env: dict[str, str], timeout: float = 600
              ) -> dict[str, Any]:
    """Run `python -m <args>` and return the JSON object it prints on its last stdout line."""
    proc = subprocess.run([sys.executable, "-m", *args], env=env, capture_output=True,
                          text=True, timeout=timeout, cwd=REPO)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): " + " | ".join(tail))
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{' '.join(args)} printed no result: {proc.stdout[-300:]!r}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def temp_home(prefix: str) -> Path:
    """A fresh TUNEUP_HOME for one measurement (never the user's own store)."""
    return Path(tempfile.mkdtemp(prefix=f"tuneup-bench-{prefix}-"))


def sample_pack(folder: Path, scale: float, history_weeks: int = 13) -> Path:
    """The sample pack at `scale`, generated into `folder` once and reused after (cached).

    The cache is used only while the generator's code is the one that made it, so a changed
    sample is never measured from an old pack.
    """
    done = folder / ".complete"
    stamp = (f"scale {scale} weeks {history_weeks} seed {SEED} as_of {AS_OF} "
             f"generator {_generator_hash()}\n")
    if done.exists() and done.read_text(encoding="utf-8") == stamp:
        return folder
    print(f"  generating the sample pack at scale {scale:g} into {folder} "
          "(once; later runs reuse it)...", flush=True)
    started = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    # In a child process: generating takes about 1 GB, and a process started later from this
    # one would inherit that peak as its own ru_maxrss (Linux carries it across fork and exec).
    code = ("import sys\nfrom datetime import date\nfrom pathlib import Path\n"
            "from tuneup_tui.data.sample.generate import generate_sample\n"
            "generate_sample(Path(sys.argv[1]), date.fromisoformat(sys.argv[2]),"
            " scale=float(sys.argv[3]), seed=int(sys.argv[4]),"
            " history_weeks=int(sys.argv[5]))\n")
    subprocess.run([sys.executable, "-c", code, str(folder), AS_OF.isoformat(), str(scale),
                    str(SEED), str(history_weeks)], check=True, cwd=REPO)
    done.write_text(stamp, encoding="utf-8")
    print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


def _generator_hash() -> str:
    import hashlib

    import tuneup_tui.data.sample.generate as sample

    digest = hashlib.sha256()
    for path in sorted(Path(sample.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def rss_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss), in MB (Linux reports KB, macOS
    bytes). On Linux it starts at the peak of the process that started this one, so the bench
    keeps its own process small."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def hwm_mb() -> float | None:
    """The peak resident memory of this process's own image (Linux VmHWM), as a cross-check."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None
