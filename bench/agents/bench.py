"""Drives the agent-generation benchmark against one agentgen instance and archon-sim (see ./run)."""

import argparse
import json
import statistics
import threading
import time
import urllib.request
from datetime import datetime

DESCRIPTION = "An agent that answers questions about the weather and the local time, run {n} of {tag}."


def request(method, url, key=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    if key:
        req.add_header("Authorization", "Bearer " + key)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=120) as response:
        raw = response.read()
        return json.loads(raw) if raw else None


class Bench:
    def __init__(self, args):
        self.args = args
        self.tag = str(int(time.time()))

    def api(self, method, path, body=None):
        return request(method, self.args.agentgen + path, self.args.key, body)

    def sim(self, method, path, body=None):
        return request(method, self.args.sim + path, self.args.sim_token, body)

    def submit(self, n, refinements=1):
        body = {"description": DESCRIPTION.format(n=n, tag=self.tag), "refinements": refinements, "cache": False}
        return self.api("POST", "/api/v1/agents", body)["id"]

    def follow(self, job_id):
        """Waits for a job as a client would, on its event stream, then reads it once."""
        req = urllib.request.Request(self.args.agentgen + "/api/v1/agents/%s/events" % job_id)
        req.add_header("Authorization", "Bearer " + self.args.key)
        req.add_header("Accept", "text/event-stream")
        with urllib.request.urlopen(req, timeout=120) as stream:
            for line in stream:
                if line.startswith(b"event:") and line[6:].strip() == b"done":
                    break
        return self.wait(job_id, 0.05)

    def wait(self, job_id, every):
        while True:
            job = self.api("GET", "/api/v1/agents/" + job_id)
            if job["status"] in ("succeeded", "failed", "cancelled"):
                return job
            time.sleep(every)

    def sequential(self, count, refinements=1):
        jobs = []
        for n in range(count):
            jobs.append(self.follow(self.submit(n, refinements)))
        return jobs

    def parallel(self, count):
        ids = []
        lock = threading.Lock()
        start = time.time()

        def submit(range_):
            for n in range_:
                job_id = self.submit(n)
                with lock:
                    ids.append(job_id)

        threads = [threading.Thread(target=submit, args=(range(i, count, 8),)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # Jobs are claimed oldest first: waiting for each in turn, at a pace that costs the
        # instance little, sees them all finish.
        jobs = [self.wait(job_id, 0.2) for job_id in ids]
        end = max(parse(job["finishedAt"]) for job in jobs)
        return jobs, end - start


def parse(instant):
    return datetime.fromisoformat(instant.replace("Z", "+00:00")).timestamp()


def took_ms(job):
    """From submission to the final status: queueing and claiming are the orchestration's too."""
    return (parse(job["finishedAt"]) - parse(job["createdAt"])) * 1000


def queued_ms(job):
    return (parse(job["startedAt"]) - parse(job["createdAt"])) * 1000


def llm_critical_path_ms(job):
    """LLM time on the critical path: scope and advisor overlap, and so do the three refiners of a round."""
    steps = {step["name"]: step["llmMs"] for step in job["steps"] if step["version"] == job["version"]}
    total = max(steps.get("scope", 0), steps.get("advisor", 0)) + steps.get("coder", 0)
    rounds = 1
    while "refine-%d-coder" % rounds in steps:
        prefix = "refine-%d-" % rounds
        total += max(steps.get(prefix + "prompt", 0), steps.get(prefix + "tools", 0), steps.get(prefix + "agent", 0))
        total += steps[prefix + "coder"]
        rounds += 1
    return total


def percentile(values, p):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser()
    for name in ("--agentgen", "--key", "--sim", "--sim-token", "--out"):
        parser.add_argument(name, required=True)
    parser.add_argument("--jobs", type=int, default=40)
    parser.add_argument("--throughput-jobs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--slow-jobs", type=int, default=200)
    args = parser.parse_args()
    bench = Bench(args)
    results = {"workers": args.workers}

    bench.sim("DELETE", "/_sim/llm/faults")
    bench.sequential(5)  # warm-up: JIT, connection pools
    healthy = bench.sequential(args.jobs)
    failed = [job for job in healthy if job["status"] != "succeeded" or job["degraded"]]
    overhead = [took_ms(job) - llm_critical_path_ms(job) for job in healthy]
    healthy_ms = [took_ms(job) for job in healthy]
    results["overhead_ms"] = {"p50": percentile(overhead, 50), "p99": percentile(overhead, 99),
                              "jobs": len(overhead), "failed_or_degraded": len(failed),
                              "definition": "createdAt to finishedAt minus the LLM time on the critical path",
                              "queue_wait_p50": percentile([queued_ms(job) for job in healthy], 50),
                              "queue_wait_p99": percentile([queued_ms(job) for job in healthy], 99)}
    results["healthy_job_ms"] = {"p50": percentile(healthy_ms, 50), "p99": percentile(healthy_ms, 99)}

    jobs, seconds = bench.parallel(args.throughput_jobs)
    results["throughput_0ms"] = {"jobs": len(jobs), "seconds": seconds, "jobs_per_hour": len(jobs) / seconds * 3600,
                                 "succeeded": sum(job["status"] == "succeeded" for job in jobs),
                                 "degraded": sum(job["degraded"] for job in jobs)}

    bench.sim("POST", "/_sim/llm/latency", {"fixedMs": 500})
    # Long enough that ramp-up and the last round weigh little: whole rounds of `workers` jobs, at least 200.
    slow_jobs = args.workers * -(-args.slow_jobs // args.workers)
    jobs, seconds = bench.parallel(slow_jobs)
    # Four LLM calls on each job's critical path (scope and advisor together, coder, the three refiners together,
    # coder) at 500 ms each, with `workers` jobs at once: what the simulator allows if we took no time at all.
    llm_path_s = 4 * 0.5
    bound = args.workers * 3600 / llm_path_s
    measured_path_s = statistics.mean(llm_critical_path_ms(job) for job in jobs) / 1000
    results["throughput_500ms"] = {"jobs": len(jobs), "seconds": seconds, "jobs_per_hour": len(jobs) / seconds * 3600,
                                   "llm_bound_jobs_per_hour": bound,
                                   "bound_definition": "workers * 3600 / (4 calls * 0.5 s on the critical path)",
                                   "ratio_to_bound": len(jobs) / seconds * 3600 / bound,
                                   "measured_llm_critical_path_s": measured_path_s,
                                   "succeeded": sum(job["status"] == "succeeded" for job in jobs),
                                   "degraded": sum(job["degraded"] for job in jobs)}
    bench.sim("DELETE", "/_sim/llm/faults")

    baseline = statistics.median(healthy_ms)
    bench.sim("POST", "/_sim/llm/faults", {"provider": "openai", "mode": "status", "status": 503,
                                           "retryAfterSeconds": 0})
    jobs = bench.sequential(max(10, args.jobs // 2))
    added = [took_ms(job) - baseline for job in jobs]
    results["failover_503"] = {"first_job_added_ms": added[0], "median_added_ms": statistics.median(added),
                               "later_jobs_added_ms_p50": statistics.median(added[3:]),
                               "providers": sorted({p["provider"] for job in jobs for p in job["providers"]})}
    bench.sim("DELETE", "/_sim/llm/faults")
    # Let the breaker of the simulated OpenAI close again before the next fault.
    time.sleep(31)
    bench.sim("POST", "/_sim/llm/faults", {"provider": "openai", "mode": "timeout"})
    jobs = bench.sequential(max(10, args.jobs // 2))
    added = [took_ms(job) - baseline for job in jobs]
    results["failover_timeout"] = {"first_job_added_ms": added[0], "later_jobs_added_ms_p50": statistics.median(added[3:]),
                                   "first_token_timeout_ms": 5000,
                                   "providers": sorted({p["provider"] for job in jobs for p in job["providers"]})}
    bench.sim("DELETE", "/_sim/llm/faults")

    with open(args.out, "w") as out:
        json.dump(results, out, indent=2)

    rows = [
        ("orchestration overhead p50 (ms)", results["overhead_ms"]["p50"], 100, "target p99 < 100"),
        ("orchestration overhead p99 (ms)", results["overhead_ms"]["p99"], 100, "target < 100"),
        ("jobs/hour/instance, sim 0 ms", results["throughput_0ms"]["jobs_per_hour"], 10000, "target > 10,000"),
        ("jobs/hour/instance, sim 500 ms", results["throughput_500ms"]["jobs_per_hour"], bound,
         "vs the LLM bound of %d workers" % args.workers),
        ("503: first job added (ms)", results["failover_503"]["first_job_added_ms"], 1000, "target < 1,000"),
        ("503: later jobs added p50 (ms)", results["failover_503"]["later_jobs_added_ms_p50"], 50, "target < 50"),
        ("timeout: first job added (ms)", results["failover_timeout"]["first_job_added_ms"], 6000,
         "target < 1,000 + 5,000 first-token timeout"),
        ("timeout: later jobs added p50 (ms)", results["failover_timeout"]["later_jobs_added_ms_p50"], 50,
         "target < 50"),
    ]
    print("%-38s %12s %12s %8s  %s" % ("figure", "measured", "reference", "ratio", "note"))
    for name, value, reference, note in rows:
        print("%-38s %12.1f %12.1f %8.2f  %s" % (name, value, reference, value / reference, note))
    print("healthy job p50 %.1f ms, p99 %.1f ms (from submission); queue wait p50 %.1f ms, p99 %.1f ms" % (
        results["healthy_job_ms"]["p50"], results["healthy_job_ms"]["p99"], results["overhead_ms"]["queue_wait_p50"],
        results["overhead_ms"]["queue_wait_p99"]))
    print("500 ms phase: %d jobs in %.1f s; LLM critical path measured %.2f s a job against 2.00 s nominal" % (
        results["throughput_500ms"]["jobs"], results["throughput_500ms"]["seconds"],
        results["throughput_500ms"]["measured_llm_critical_path_s"]))
    print("degraded jobs: %d at 0 ms, %d at 500 ms; written to %s" % (
        results["throughput_0ms"]["degraded"], results["throughput_500ms"]["degraded"], args.out))


if __name__ == "__main__":
    main()
