"""The arithmetic of the load benchmark, for bench/load/run.

  measure.py snapshot STATE_DIR OUT.json [wrk=PID,PID...]
      the CPU time so far of each process of the cluster (each with its children: the agentgen's Python
      syntax checker, NGINX's workers), of PostgreSQL's backends serving the cluster's database and of
      PostgreSQL as a whole, of Redis, of the named extra groups, and of the whole machine
  measure.py summarise RESULTS.json RUN_DIR...
      each run's routes, CPU per process and profile into RESULTS.json, and a table of them on stdout
"""

import json
import os
import re
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
# The figures of cores_between that are the machine's, not a process's.
MACHINE_FIGURES = ("machine", "restOfMachine", "cpuStalledShare")
CORES = os.cpu_count()


def ticks(pid):
    """User and system time of a process, in clock ticks."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return int(fields[11]) + int(fields[12])


def processes():
    """Every live process: pid -> (parent pid, command line)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except (FileNotFoundError, ProcessLookupError):
            continue
        found[int(entry)] = (parent, command)
    return found


def with_descendants(roots, table):
    """The pids of the roots and of everything they started."""
    group, frontier = set(roots), list(roots)
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in table.items():
            if ppid == parent and pid not in group:
                group.add(pid)
                frontier.append(pid)
    return group


def machine_busy():
    """Ticks the machine's CPUs spent on anything but idling, and all ticks."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return total - idle, total


def cpu_stalled_us():
    """Microseconds so far in which some runnable task waited for a CPU (Linux's pressure stall
    information), or None where the kernel does not keep it."""
    try:
        with open("/proc/pressure/cpu") as pressure:
            return int(pressure.readline().rsplit("total=", 1)[1])
    except (FileNotFoundError, IndexError, ValueError):
        return None


def snapshot(state_dir, out, extra):
    table = processes()
    groups = {}
    run = os.path.join(state_dir, "run")
    for name in sorted(os.listdir(run)):
        if not name.endswith(".pid") or name == "nginx-master.pid":
            continue
        with open(os.path.join(run, name)) as pidfile:
            pid = int(pidfile.read().split()[0])
        if pid in table:
            groups[name[:-4]] = sorted(with_descendants([pid], table))
    postmasters = [pid for pid, (_, cmd) in table.items() if "/bin/postgres -D /var/lib/postgresql/15/main" in cmd]
    postgres = with_descendants(postmasters, table)
    groups["postgres-all"] = sorted(postgres)
    groups["postgres-archon"] = [pid for pid in postgres if re.match(r"postgres: (\S+: )?archon archon ", table[pid][1])]
    groups["redis"] = [pid for pid, (_, cmd) in table.items() if "redis-server" in cmd and cmd.endswith(":6379")]
    for spec in extra:
        name, pids = spec.split("=", 1)
        roots = [int(p) for p in pids.split(",") if p]
        groups[name] = sorted(with_descendants(roots, table))
    busy, total = machine_busy()
    with open(out, "w") as target:
        json.dump({
            "at": time.monotonic(),
            "ticks": {name: sum(ticks(pid) for pid in pids) for name, pids in groups.items()},
            "machineBusy": busy,
            "machineTotal": total,
            "cpuStalledUs": cpu_stalled_us(),
        }, target)


def cores_between(before, after):
    """Each group's share of one core between two snapshots (1.0 is a whole core), and the machine's."""
    seconds = after["at"] - before["at"]
    cores = {name: round((after["ticks"][name] - before["ticks"].get(name, 0)) / TICKS / seconds, 3)
             for name in after["ticks"] if name in before["ticks"]}
    busy = (after["machineBusy"] - before["machineBusy"]) / max(1, after["machineTotal"] - before["machineTotal"])
    cores["machine"] = round(busy * CORES, 3)
    ours = sum(v for k, v in cores.items() if k not in ("machine", "postgres-all"))
    # PostgreSQL's own processes (checkpointer, WAL writer) are counted with the machine's rest: only the
    # backends of the cluster's database are ours for certain.
    cores["restOfMachine"] = round(max(0.0, cores["machine"] - ours), 3)
    # The share of the time in which some runnable task waited for a CPU: near 1.0, every request's
    # every wake-up queues behind the machine's other work.
    if before.get("cpuStalledUs") is not None and after.get("cpuStalledUs") is not None:
        cores["cpuStalledShare"] = round((after["cpuStalledUs"] - before["cpuStalledUs"]) / 1e6 / seconds, 3)
    return cores


def load(path):
    with open(path) as source:
        return json.load(source)


def summarise_run(run_dir):
    meta = load(os.path.join(run_dir, "meta.json"))
    routes = []
    with open(os.path.join(run_dir, "wrk.jsonl")) as lines:
        for line in lines:
            routes.append(json.loads(line))
    for route in routes:
        sockets = sum(route["socketErrors"].values())
        failed_jobs = sum(n for outcome, n in route.get("outcomes", {}).items() if outcome != "succeeded")
        route["errors"] = route["non2xx"] + sockets + failed_jobs
        route["perSecond"] = round(route["requests"] / route["seconds"], 2) if route["seconds"] else 0
        route["errorRate"] = round(route["errors"] / max(1, route["requests"] + sockets), 5)
    requests = sum(r["requests"] for r in routes if r["route"] != "generation")
    errors = sum(r["errors"] for r in routes)
    profiles = {}
    for name in sorted(os.listdir(run_dir)):
        if name.endswith(".profile.json"):
            instance = name[: -len(".profile.json")]
            with open(os.path.join(run_dir, instance + ".hot-methods.txt")) as text:
                # The title, the column names and their underline, then the ten hottest methods.
                hot = [line.rstrip() for line in text if line.strip()][3:13]
            profiles[instance] = {**load(os.path.join(run_dir, name)), "hotMethods": hot}
    return {
        **meta,
        "routes": routes,
        "requestsPerSecond": round(sum(r["perSecond"] for r in routes if r["route"] != "generation"), 1),
        "errorRate": round(errors / max(1, requests), 5),
        "idleCores": cores_between(load(os.path.join(run_dir, "idle-before.json")),
                                   load(os.path.join(run_dir, "idle-after.json"))),
        "loadCores": cores_between(load(os.path.join(run_dir, "load-before.json")),
                                   load(os.path.join(run_dir, "load-after.json"))),
        "profiles": profiles,
    }


def summarise(out, run_dirs):
    runs = sorted((summarise_run(d) for d in run_dirs), key=lambda run: run["instances"])
    base = next((r for r in runs if r["instances"] == 1), runs[0])
    for run in runs:
        run["scaling"] = {
            "instancesRatio": run["instances"] / base["instances"],
            "requestsPerSecondRatio": round(run["requestsPerSecond"] / max(0.001, base["requestsPerSecond"]), 3),
            "byRoute": {r["route"]: round(r["perSecond"] / max(0.001, b["perSecond"]), 3)
                        for r in run["routes"] for b in base["routes"] if b["route"] == r["route"]},
        }
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cores": CORES,
        "targets": {"errorRate": 0.01, "p95MsExceptGeneration": 100},
        "runs": runs,
    }
    with open(out, "w") as target:
        json.dump(result, target, indent=2)
        target.write("\n")
    print_table(result)
    print(f"\nraw figures: {out}")


def print_table(result):
    for run in result["runs"]:
        print(f'\n{run["instances"]} instance(s) of each service, {run["users"]} users, {run["seconds"]} s '
              f'(load average at start {run["loadAverage"]}; idle cluster {idle_total(run):.2f} cores)')
        print(f'{"route":<18}{"req/s":>10}{"p50 ms":>10}{"p95 ms":>10}{"p99 ms":>10}{"errors":>9}  target')
        for r in run["routes"]:
            lat = r["latencyMs"]
            target = "" if r["route"].startswith("generat") else ("p95 < 100 ms " + ("ok" if lat["p95"] < 100 else "MISSED"))
            print(f'{r["route"]:<18}{r["perSecond"]:>10.1f}{lat["p50"]:>10.1f}{lat["p95"]:>10.1f}{lat["p99"]:>10.1f}'
                  f'{r["errorRate"] * 100:>8.2f}%  {target}')
        print(f'{"all but generation":<18}{run["requestsPerSecond"]:>10.1f}{"":>30}{run["errorRate"] * 100:>8.2f}%  '
              f'errors < 1 % {"ok" if run["errorRate"] < 0.01 else "MISSED"}')
        cores = run["loadCores"]
        busiest = sorted(((v, k) for k, v in cores.items() if k not in MACHINE_FIGURES), reverse=True)
        print("CPU under load (cores): " + ", ".join(f"{k} {v:.2f}" for v, k in busiest if v >= 0.01)
              + f'; machine {cores["machine"]:.2f} of {result["cores"]}, others {cores["restOfMachine"]:.2f}'
              + (f', some task waiting for a CPU {cores["cpuStalledShare"]:.0%} of the time' if "cpuStalledShare" in cores else ""))
        for instance, profile in run["profiles"].items():
            libraries = ", ".join(f"{k} {v:.0%}" for k, v in list(profile["libraries"].items())[:5])
            threads = ", ".join(f"{k} {v:.2f}" for k, v in list(profile["threadCores"].items())[:4])
            print(f'{instance} (JFR): samples by library: {libraries}; cores by thread: {threads}; '
                  f'GC {profile["gc"]["collections"]} collections, {profile["gc"]["pauseMs"]} ms paused')
        print(f'scaling against 1 instance: requests/s x{run["scaling"]["requestsPerSecondRatio"]:.2f} '
              f'for x{run["scaling"]["instancesRatio"]:.0f} instances; by route: '
              + ", ".join(f"{k} x{v:.2f}" for k, v in run["scaling"]["byRoute"].items()))


def idle_total(run):
    return sum(v for k, v in run["idleCores"].items() if k not in MACHINE_FIGURES + ("postgres-all", "wrk"))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "snapshot":
        snapshot(sys.argv[2], sys.argv[3], sys.argv[4:])
    elif command == "summarise":
        summarise(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(f"unknown command {command}")
