#!/usr/bin/env python3
"""Writes the six Archon dashboards as Grafana JSON into grafana/dashboards/.

The JSON files are committed next to this script, which is the source to edit: every panel states its
unit, and its thresholds where an SLO or an alert of deploy/prometheus/rules exists, in one place.
Run it after an edit (python3 grafana/generate.py); deploy/prometheus/dashboard-check then evaluates
every query of the output against a running Prometheus.
"""

import json
import pathlib

DATASOURCE = {"type": "prometheus", "uid": "prometheus"}
SERVICES = 'job=~"archon-(agentgen|vector|ha-bridge)"'
SEL = 'service=~"$service", instance=~"$instance"'
API = SEL + ', uri!~"/actuator.*"'
# Durations leave out the Server-Sent Event streams, open for minutes by design (as red.yml does).
API_TIMED = SEL + ', uri!~"/actuator.*|.*/events"'
RATE = "$__rate_interval"

# Threshold ladders, shared with the alerts and SLOs they draw.
LATENCY = [("green", None), ("orange", 5), ("red", 15)]  # ServiceSlow, ServiceVerySlow
ERRORS = [("green", None), ("orange", 0.05), ("red", 0.15)]  # ServiceErrorRateHigh, ...Critical
CPU = [("green", None), ("red", 0.8)]  # HostCpuHigh, InstanceCpuHigh
UP = [("red", None), ("green", 1)]  # InstanceDown, ServiceDown, DatabaseUnreachable, RedisDown
OVERHEAD = [("green", None), ("red", 5)]  # p95 of generation excluding LLM time < 5 s
COMPLEX = [("green", None), ("red", 15)]  # p99 of complex operations < 15 s
HA_SUCCESS = [("red", None), ("green", 0.995)]  # Home Assistant integration SLO 99.5 %
BUDGET = [("red", None), ("orange", 0.25), ("green", 0.5)]
BURN = [("green", None), ("yellow", 1), ("orange", 6), ("red", 14.4)]  # ticket and page burn rates


def target(expr, legend="", ref="A"):
    return {"datasource": DATASOURCE, "expr": expr, "legendFormat": legend, "refId": ref, "range": True}


class Dashboard:
    def __init__(self, uid, title, description, default_service="All"):
        self.uid = uid
        self.title = title
        self.description = description
        self.default_service = default_service
        self.panels = []
        self.x = 0
        self.y = 0
        self.row_height = 0

    def row(self, title):
        self._newline()
        self.panels.append({"type": "row", "title": title, "collapsed": False, "id": len(self.panels) + 1,
                            "gridPos": {"x": 0, "y": self.y, "w": 24, "h": 1}, "panels": []})
        self.y += 1

    def _newline(self):
        if self.x:
            self.y += self.row_height
            self.x = 0
            self.row_height = 0

    def panel(self, title, queries, unit, kind="timeseries", thresholds=None, w=12, h=8, description="",
              minimum=None, maximum=None, stack=False):
        """queries: (expr, legend) pairs."""
        if self.x + w > 24:
            self._newline()
        refs = "ABCDEFGHIJ"
        defaults = {"unit": unit}
        if minimum is not None:
            defaults["min"] = minimum
        if maximum is not None:
            defaults["max"] = maximum
        if thresholds:
            defaults["thresholds"] = {"mode": "absolute",
                                      "steps": [{"color": color, "value": value} for color, value in thresholds]}
        options = {}
        if kind == "timeseries":
            defaults["custom"] = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never",
                                  "spanNulls": True,
                                  "stacking": {"mode": "normal" if stack else "none", "group": "A"},
                                  "thresholdsStyle": {"mode": "dashed" if thresholds else "off"}}
            options = {"legend": {"displayMode": "table", "placement": "bottom", "calcs": ["lastNotNull", "max"]},
                       "tooltip": {"mode": "multi", "sort": "desc"}}
        elif kind == "stat":
            options = {"colorMode": "background" if thresholds else "value", "graphMode": "area",
                       "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                       "textMode": "value_and_name"}
        elif kind == "state-timeline":
            options = {"showValue": "auto", "mergeValues": True, "rowHeight": 0.9}
        elif kind == "table":
            options = {"showHeader": True, "sortBy": [{"displayName": "Value", "desc": True}]}
        panel = {
            "id": len(self.panels) + 1,
            "type": kind,
            "title": title,
            "description": description,
            "datasource": DATASOURCE,
            "gridPos": {"x": self.x, "y": self.y, "w": w, "h": h},
            "fieldConfig": {"defaults": defaults, "overrides": []},
            "options": options,
            "targets": [target(expr, legend, refs[i]) for i, (expr, legend) in enumerate(queries)],
        }
        if kind == "table":
            for t in panel["targets"]:
                t["instant"] = True
                t["range"] = False
                t["format"] = "table"
        self.panels.append(panel)
        self.x += w
        self.row_height = max(self.row_height, h)

    def json(self):
        variable = {"type": "query", "datasource": DATASOURCE, "refresh": 2, "multi": True, "includeAll": True,
                    "allValue": ".+", "sort": 1}
        service = dict(variable, name="service", label="service",
                       query=f"label_values(up{{{SERVICES}}}, service)",
                       definition=f"label_values(up{{{SERVICES}}}, service)",
                       current={"text": [self.default_service], "value": [
                           "$__all" if self.default_service == "All" else self.default_service]})
        instance = dict(variable, name="instance", label="instance",
                        query=f'label_values(up{{{SERVICES}, service=~"$service"}}, instance)',
                        definition=f'label_values(up{{{SERVICES}, service=~"$service"}}, instance)',
                        current={"text": ["All"], "value": ["$__all"]})
        return {
            "uid": self.uid,
            "title": self.title,
            "description": self.description,
            "tags": ["archon"],
            "timezone": "browser",
            "editable": True,
            "graphTooltip": 1,
            "refresh": "10s",
            "schemaVersion": 39,
            "version": 1,
            "time": {"from": "now-1h", "to": "now"},
            "templating": {"list": [service, instance]},
            "annotations": {"list": [{
                "name": "Alerts", "datasource": DATASOURCE, "enable": True, "iconColor": "red",
                "expr": 'ALERTS{alertstate="firing", service=~"$service"}', "titleFormat": "{{alertname}}",
                "textFormat": "{{severity}}: {{service}} {{instance}}", "step": "60s"}]},
            "panels": self.panels,
        }


def ratio(numerator, denominator, by):
    """numerator / denominator, 0 rather than no series when the numerator has none."""
    return (f"(sum by ({by}) ({numerator}) or sum by ({by}) ({denominator}) * 0)"
            f" / sum by ({by}) ({denominator})")


def quantiles(d, title, bucket, by, thresholds=None, description="", qs=(0.5, 0.95, 0.99), w=12):
    legend = " ".join("{{" + label.strip() + "}}" for label in by.split(",")) if by else ""
    group = f"{by}, le" if by else "le"
    d.panel(title, [(f"histogram_quantile({q}, sum by ({group}) (rate({bucket}[{RATE}])))",
                     f"{legend} p{int(q * 100)}".strip()) for q in qs],
            "s", thresholds=thresholds, description=description, w=w)


def overview():
    d = Dashboard("archon-overview", "Archon / Overview",
                  "Requests, errors and latency of every service and instance, instances up, SLO budgets.")
    count = f"http_server_requests_seconds_count{{{API}}}"
    errors = f'http_server_requests_seconds_count{{{API}, status=~"5.."}}'
    d.row("Availability")
    d.panel("Instances up", [(f"up{{{SERVICES}, {SEL}}}", "{{instance}}")], "none", kind="stat",
            thresholds=UP, w=12, h=5, minimum=0, maximum=1,
            description="1 when Prometheus scraped the instance. Alerts: InstanceDown (critical), ServiceDown (emergency).")
    d.panel("SLO error budget remaining (30 days)", [(
        f"1 - ({ratio(f'increase({errors}[30d])', f'increase({count}[30d])', 'service')})"
        " / on (service) (1 - service:slo_objective:ratio)", "{{service}}")],
        "percentunit", kind="stat", thresholds=BUDGET, w=6, h=5,
        description="Share of the 30-day error budget left: 99.9 % availability, 99.5 % for ha-bridge "
                    "(the Home Assistant integration). Alerts: ErrorBudgetBurningFast, ErrorBudgetBurningSlowly.")
    d.panel("Error budget burn rate (1 h)", [(
        "service:slo_errors:ratio_rate1h / on (service) (1 - service:slo_objective:ratio)", "{{service}}")],
        "suffix:×", kind="stat", thresholds=BURN, w=6, h=5,
        description="How many times faster than sustainable the budget burns: 14.4 pages (with the 5 m "
                    "window), 6 pages over 6 h, 3 and 1 open tickets.")
    d.panel("Latency objectives (1 h)", [
        ("operation:slo_latency_seconds:p95_rate1h", "{{operation}} p95 (objective 5 s)"),
        ("operation:slo_latency_seconds:p99_rate1h", "{{operation}} p99 (objective 15 s)")],
        "s", kind="stat", thresholds=LATENCY, w=24, h=5,
        description="p95 of agent generation excluding LLM time under 5 s; p99 of complex operations (pattern "
                    "analysis, ingestion, generation overhead) under 15 s. Alerts: LatencyObjectiveMissed, "
                    "LatencyObjectiveAtRisk.")
    d.row("Traffic")
    d.panel("Requests per service", [(f"sum by (service) (rate({count}[{RATE}]))", "{{service}}")], "reqps")
    d.panel("Requests per instance", [(f"sum by (instance) (rate({count}[{RATE}]))", "{{instance}}")],
            "reqps")
    d.row("Errors")
    d.panel("5xx ratio per service", [(ratio(f"rate({errors}[{RATE}])", f"rate({count}[{RATE}])", "service"),
                                       "{{service}}")], "percentunit", thresholds=ERRORS, minimum=0,
            description="Alerts: ServiceErrorRateHigh over 5 %, ServiceErrorRateCritical over 15 %.")
    d.panel("5xx ratio per instance",
            [(ratio(f"rate({errors}[{RATE}])", f"rate({count}[{RATE}])", "instance"), "{{instance}}")],
            "percentunit", thresholds=ERRORS, minimum=0)
    d.panel("Responses by status", [(f"sum by (service, status) (rate({count}[{RATE}]))",
                                     "{{service}} {{status}}")], "reqps", stack=True, w=24)
    d.row("Latency")
    bucket = f"http_server_requests_seconds_bucket{{{API_TIMED}}}"
    quantiles(d, "Response time per service (p50, p95, p99)", bucket, "service", LATENCY,
              "Alerts: ServiceSlow when p95 > 5 s, ServiceVerySlow when p95 > 15 s.")
    quantiles(d, "Response time p95 per instance", bucket, "instance", LATENCY, qs=(0.95,))
    d.row("Routes")
    d.panel("Busiest routes", [("topk(15, service_route:http_requests:rate5m{service=~\"$service\"})",
                                "{{service}} {{method}} {{uri}}")], "reqps", kind="table")
    d.panel("Slowest routes (p95, 5 m)", [(
        "topk(15, service_route:http_request_duration_seconds:p95_5m{service=~\"$service\"} > 0)",
        "{{service}} {{method}} {{uri}}")], "s", kind="table", thresholds=LATENCY)
    d.panel("Route error ratio (5 m)", [(
        "topk(15, service_route:http_errors:ratio_rate5m{service=~\"$service\"})",
        "{{service}} {{method}} {{uri}}")], "percentunit", kind="table", thresholds=ERRORS, w=24)
    return d


def agent_generation():
    d = Dashboard("archon-agentgen", "Archon / Agent generation",
                  "Generation jobs: status, queue, time, steps, refinements, success and degraded results.",
                  default_service="agentgen")
    sel = 'instance=~"$instance"'
    gen = f"archon_agent_generation_seconds_count{{{sel}}}"
    d.row("Jobs")
    d.panel("Jobs by status", [
        (f"max(archon_agent_queue_depth{{{sel}}})", "queued"),
        (f"sum(archon_agent_jobs_running{{{sel}}})", "running"),
        (f"sum by (outcome) (increase({gen}[{RATE}]))", "{{outcome}} (finished per interval)")], "none",
        description="Queued (across instances) and running jobs now; finished jobs by outcome.")
    d.panel("Running jobs per instance", [(f"sum by (instance) (archon_agent_jobs_running{{{sel}}})",
                                           "{{instance}}")], "none", stack=True)
    d.panel("Generations finished", [(f"sum by (outcome) (rate({gen}[{RATE}]))", "{{outcome}}")], "ops",
            stack=True)
    d.panel("Success rate", [(ratio(f'rate(archon_agent_generation_seconds_count{{{sel}, outcome="succeeded"}}[{RATE}])',
                                    f"rate({gen}[{RATE}])", "service"), "succeeded")],
            "percentunit", thresholds=[("red", None), ("orange", 0.95), ("green", 0.99)], minimum=0, maximum=1)
    d.panel("Degraded results (built-in provider)", [(
        ratio(f'rate(archon_llm_requests_total{{{sel}, provider="builtin", outcome="success"}}[{RATE}])',
              f'rate(archon_llm_requests_total{{{sel}, outcome="success"}}[{RATE}])', "service"), "built-in")],
        "percentunit", minimum=0, maximum=1,
        description="Share of LLM steps answered by the built-in template provider because no LLM answered "
                    "(or none is configured): their results are marked degraded.")
    d.panel("Refinement rounds per generated version (mean)", [(
        f"sum(rate(archon_agent_refinement_rounds_sum{{{sel}}}[{RATE}]))"
        f" / sum(rate(archon_agent_refinement_rounds_count{{{sel}}}[{RATE}]))", "rounds")], "none")
    d.row("Time")
    quantiles(d, "Generation time excluding LLM calls (p50, p95, p99)",
              f"archon_agent_overhead_seconds_bucket{{{sel}}}", "", OVERHEAD,
              "The SLO: p95 under 5 s. The LLM is not ours, its time is left out.")
    d.panel("Generation time excluding LLM calls (mean, from the two timers)", [(
        f"(sum(rate(archon_agent_generation_seconds_sum{{{sel}}}[{RATE}]))"
        f" - sum(rate(archon_llm_latency_seconds_sum{{{sel}}}[{RATE}])))"
        f" / sum(rate({gen}[{RATE}]))", "mean overhead")], "s", thresholds=OVERHEAD,
        description="Time in jobs minus time in LLM calls, per job. An average over all jobs, so it shows the "
                    "trend; the SLO reads the per-job timer archon.agent.overhead.")
    quantiles(d, "Generation time, end to end (p50, p95, p99)", f"archon_agent_generation_seconds_bucket{{{sel}}}",
              "", description="From claim to completion, LLM calls included.")
    d.panel("Step time (mean)", [(
        f"sum by (step) (rate(archon_agent_step_seconds_sum{{{sel}}}[{RATE}]))"
        f" / sum by (step) (rate(archon_agent_step_seconds_count{{{sel}}}[{RATE}]))", "{{step}}")], "s", w=24)
    return d


def llm_providers():
    d = Dashboard("archon-llm", "Archon / LLM providers",
                  "The provider pool: requests, latency, time to first token, failovers, circuits, tokens, cost.",
                  default_service="agentgen")
    sel = 'instance=~"$instance"'
    d.row("Requests")
    d.panel("Requests by provider and outcome", [(
        f"sum by (provider, outcome) (rate(archon_llm_requests_total{{{sel}}}[{RATE}]))",
        "{{provider}} {{outcome}}")], "reqps", stack=True)
    d.panel("Availability per provider", [(
        ratio(f'rate(archon_llm_requests_total{{{sel}, outcome="success"}}[{RATE}])',
              f"rate(archon_llm_requests_total{{{sel}}}[{RATE}])", "provider"), "{{provider}}")],
        "percentunit", minimum=0, maximum=1)
    quantiles(d, "Latency per provider (p50, p95)",
              f'archon_llm_latency_seconds_bucket{{{sel}, outcome="success"}}', "provider", qs=(0.5, 0.95))
    quantiles(d, "Time to first token per provider (p50, p95)",
              f"archon_llm_first_token_seconds_bucket{{{sel}}}", "provider", qs=(0.5, 0.95))
    d.row("Failover")
    d.panel("Failovers (from → to)", [(
        f"sum by (from, to, reason) (increase(archon_llm_failovers_total{{{sel}}}[{RATE}]))",
        "{{from}} → {{to}} ({{reason}})")], "none", stack=True)
    d.panel("Circuit breaker state", [(
        f'max by (name, state) (resilience4j_circuitbreaker_state{{{sel}, name=~"llm-.+"}}) == 1',
        "{{name}} {{state}}")], "none", kind="state-timeline",
        description="The breaker of each provider (llm-<provider>): closed, open or half_open.")
    d.row("Tokens and cost")
    d.panel("Tokens per provider and model", [(
        f"sum by (provider, model, direction) (rate(archon_llm_tokens_total{{{sel}}}[{RATE}]))",
        "{{provider}} {{model}} {{direction}}")], "short", stack=True,
        description="Tokens per second, input and output.")
    d.panel("Cost per provider and model", [(
        f"sum by (provider, model) (rate(archon_llm_cost_usd_total{{{sel}}}[{RATE}])) * 3600",
        "{{provider}} {{model}}")], "currencyUSD", stack=True, description="US dollars per hour at the current rate.")
    d.panel("Cost per hour", [(f"sum(rate(archon_llm_cost_usd_total{{{sel}}}[1h])) * 3600", "all providers")],
            "currencyUSD", kind="stat", w=6, h=5)
    d.panel("Cost in the selected range", [(
        f"sum(increase(archon_llm_cost_usd_total{{{sel}}}[$__range]))", "all providers")],
        "currencyUSD", kind="stat", w=6, h=5)
    return d


def vector_search():
    d = Dashboard("archon-vector", "Archon / Vector search",
                  "Searches, caches, embeddings, ingestion and the ANN index of archon-vector.",
                  default_service="vector")
    sel = 'instance=~"$instance"'
    d.row("Search")
    d.panel("Searches per second", [(
        f"sum by (instance) (rate(archon_vector_search_seconds_count{{{sel}}}[{RATE}]))", "{{instance}}")], "reqps")
    quantiles(d, "Search latency (p50, p95, p99)", f"archon_vector_search_seconds_bucket{{{sel}}}", "",
              LATENCY)
    quantiles(d, "Search latency p95 by path and cache", f"archon_vector_search_seconds_bucket{{{sel}}}",
              "path, cache", LATENCY, qs=(0.95,),
              description="path: the index or an exact scan (small sources, tiny tables); cache: result cache hit or miss.")
    d.panel("Cache hit ratio per layer", [
        (ratio(f'rate(archon_vector_cache_total{{{sel}, outcome="hit"}}[{RATE}])',
               f"rate(archon_vector_cache_total{{{sel}}}[{RATE}])", "cache, layer"), "{{cache}} {{layer}}"),
        (ratio(f'rate(archon_cache_gets_total{{{sel}, cache="embedding", outcome="hit"}}[{RATE}])',
               f'rate(archon_cache_gets_total{{{sel}, cache="embedding"}}[{RATE}])', "cache, layer"),
         "{{cache}} {{layer}}")],
        "percentunit", minimum=0, maximum=1,
        description="Search results (archon_vector_cache) and query embeddings (archon-api's shared cache, "
                    "memory first, then Redis).")
    d.panel("Sampled recall@10 against exact search", [(f"min by (instance) (archon_vector_search_recall{{{sel}}})",
                                                        "{{instance}}")],
            "percentunit", thresholds=[("red", None), ("green", 0.98)], minimum=0, maximum=1,
            description="At the probes (or ef_search) chosen from the index's measured recall curve; the target "
                        "is archon.vector.index.target-recall, 0.98 by default.")
    d.row("Embeddings")
    d.panel("Embedding time per request (mean and max)", [
        (f"sum(rate(archon_vector_embedding_seconds_sum{{{sel}}}[{RATE}]))"
         f" / sum(rate(archon_vector_embedding_seconds_count{{{sel}}}[{RATE}]))", "mean"),
        (f"max(archon_vector_embedding_seconds_max{{{sel}}})", "max")], "s",
        description="All texts of one request (a query, or a group of chunks being ingested), one model call "
                    "per text on the bounded pool.")
    d.panel("Embedding requests per second", [(
        f"sum by (instance) (rate(archon_vector_embedding_seconds_count{{{sel}}}[{RATE}]))", "{{instance}}")],
        "reqps")
    d.row("Ingestion and index")
    d.panel("Ingested chunks per second", [(
        f"sum(rate(archon_vector_ingest_chunks_total{{{sel}}}[{RATE}]))", "chunks/s")], "short")
    d.panel("Rows in site_pages", [("max(archon_pg_table_n_live_tup{relname=\"site_pages\"})", "now"),
                                    (f"max(archon_vector_index_rows{{{sel}}})", "at the last index build")],
            "short", kind="stat", w=6, h=5)
    d.panel("ANN index size", [(f"max(archon_vector_index_size_bytes{{{sel}}})", "index")], "bytes",
            kind="stat", w=6, h=5)
    d.panel("Index lists and probes", [
        (f"max(archon_vector_index_lists{{{sel}}})", "lists"),
        (f"max(archon_vector_index_probes{{{sel}}})", "probes")], "none", kind="stat", w=6, h=5)
    return d


def home_assistant():
    d = Dashboard("archon-ha", "Archon / Home Assistant",
                  "The bridge to Home Assistant: commands, WebSocket, events, state cache, patterns, rate limiter.",
                  default_service="ha-bridge")
    sel = 'instance=~"$instance"'
    cmds = f"archon_ha_commands_seconds_count{{{sel}}}"
    d.row("Commands")
    d.panel("Commands by domain and outcome", [(
        f"sum by (domain, outcome) (rate({cmds}[{RATE}]))", "{{domain}} {{outcome}}")], "ops", stack=True)
    d.panel("Command success by domain", [(
        ratio(f'rate(archon_ha_commands_seconds_count{{{sel}, outcome="success"}}[{RATE}])',
              f"rate({cmds}[{RATE}])", "domain"), "{{domain}}")], "percentunit", thresholds=HA_SUCCESS,
        minimum=0, maximum=1, description="The Home Assistant integration SLO: 99.5 %.")
    d.panel("Command latency by domain (mean and max)", [
        (f"sum by (domain) (rate(archon_ha_commands_seconds_sum{{{sel}}}[{RATE}]))"
         f" / sum by (domain) (rate({cmds}[{RATE}]))", "{{domain}} mean"),
        (f"max by (domain) (archon_ha_commands_seconds_max{{{sel}}})", "{{domain}} max")], "s",
        thresholds=[("green", None), ("red", 0.5)], description="The guide's target: device control under 500 ms.")
    d.panel("Rate-limiter waits", [
        (f"sum(rate(archon_ha_ratelimiter_waits_seconds_sum{{{sel}}}[{RATE}]))"
         f" / sum(rate(archon_ha_ratelimiter_waits_seconds_count{{{sel}}}[{RATE}]))", "mean wait"),
        (f"max(archon_ha_ratelimiter_waits_seconds_max{{{sel}}})", "max wait")], "s")
    d.panel("Circuit breaker toward Home Assistant", [(
        f'max by (instance, state) (resilience4j_circuitbreaker_state{{{sel}, job="archon-ha-bridge", name="home-assistant"}}) == 1',
        "{{instance}}")], "none", kind="state-timeline", w=24, h=5,
        description="closed, open or half_open per instance. Alert: CircuitBreakerOpen after 5 minutes open.")
    d.row("WebSocket and state cache")
    d.panel("WebSocket connected", [(f"archon_ha_websocket_connected{{{sel}}}", "{{instance}}")], "none",
            kind="stat", thresholds=UP, w=6, h=5, minimum=0, maximum=1,
            description="Alert: HomeAssistantDisconnected (critical) after 2 minutes at 0.")
    d.panel("Reconnects", [(f"sum by (instance) (increase(archon_ha_websocket_reconnects_total{{{sel}}}[$__range]))",
                            "{{instance}}")], "none", kind="stat", w=6, h=5)
    d.panel("Events per second", [(f"sum by (instance) (rate(archon_ha_events_total{{{sel}}}[{RATE}]))",
                                   "{{instance}}")], "short")
    d.panel("State cache staleness", [(f"max by (instance) (archon_ha_cache_staleness_seconds{{{sel}}})",
                                       "{{instance}}")], "s", thresholds=[("green", None), ("red", 60)],
            description="0 while the cache is synchronised with Home Assistant.")
    d.panel("Entities in the state cache", [(f"max by (instance) (archon_ha_cache_size{{{sel}}})",
                                             "{{instance}}")], "short")
    d.row("Pattern analysis")
    quantiles(d, "Pattern analysis time (p50, p95, p99)", f"archon_ha_patterns_analysis_seconds_bucket{{{sel}}}", "",
              COMPLEX, "A complex operation: p99 under 15 s. The guide's target: 7 days under 5 s.")
    d.panel("Pattern analysis time (mean and max)", [
        (f"sum(rate(archon_ha_patterns_analysis_seconds_sum{{{sel}}}[{RATE}]))"
         f" / sum(rate(archon_ha_patterns_analysis_seconds_count{{{sel}}}[{RATE}]))", "mean"),
        (f"max(archon_ha_patterns_analysis_seconds_max{{{sel}}})", "max")], "s", thresholds=COMPLEX)
    return d


def platform():
    d = Dashboard("archon-platform", "Archon / Platform",
                  "JVMs, connection pools, Redis, PostgreSQL, NGINX and the host.")
    d.row("JVM")
    d.panel("Heap used", [(f'sum by (instance) (jvm_memory_used_bytes{{{SEL}, area="heap"}})', "{{instance}}")],
            "bytes")
    d.panel("GC pause time", [(f"sum by (instance) (rate(jvm_gc_pause_seconds_sum{{{SEL}}}[{RATE}]))",
                               "{{instance}}")], "percentunit",
            description="Share of wall-clock time spent in GC pauses.")
    d.panel("Live threads", [(f"max by (instance) (jvm_threads_live_threads{{{SEL}}})", "{{instance}}")], "short")
    d.panel("Process CPU", [(f"max by (instance) (process_cpu_usage{{{SEL}}})", "{{instance}}")],
            "percentunit", thresholds=CPU, minimum=0, maximum=1, description="Alert: InstanceCpuHigh over 80 %.")
    d.row("Connection pools (Hikari)")
    d.panel("Active and pending connections", [
        (f"sum by (instance) (hikaricp_connections_active{{{SEL}}})", "{{instance}} active"),
        (f"sum by (instance) (hikaricp_connections_pending{{{SEL}}})", "{{instance}} pending")], "short")
    d.panel("Connection timeouts", [(
        f"sum by (instance) (increase(hikaricp_connections_timeout_total{{{SEL}}}[{RATE}]))", "{{instance}}")],
        "short")
    d.row("Redis")
    d.panel("Redis up", [("redis_up", "redis")], "none", kind="stat", thresholds=UP, w=4, h=5)
    d.panel("Redis commands per second", [(f"sum(rate(redis_commands_processed_total[{RATE}]))", "commands")],
            "ops", w=10)
    d.panel("Redis memory", [("redis_memory_used_bytes", "used"), ("redis_memory_max_bytes > 0", "max")],
            "bytes", w=10)
    d.panel("Redis keyspace hit ratio", [(
        f"sum(rate(redis_keyspace_hits_total[{RATE}])) / (sum(rate(redis_keyspace_hits_total[{RATE}]))"
        f" + sum(rate(redis_keyspace_misses_total[{RATE}])))", "hits")], "percentunit", minimum=0, maximum=1, w=24)
    d.row("PostgreSQL")
    d.panel("PostgreSQL up", [("pg_up", "postgres")], "none", kind="stat", thresholds=UP, w=4, h=5,
            description="Alert: DatabaseUnreachable (emergency).")
    d.panel("Connections", [('sum by (datname) (pg_stat_database_numbackends{datname=~"archon.*"})',
                             "{{datname}}")], "short", w=10)
    d.panel("Transactions per second", [
        (f'sum by (datname) (rate(pg_stat_database_xact_commit{{datname=~"archon.*"}}[{RATE}]))', "{{datname}} commit"),
        (f'sum by (datname) (rate(pg_stat_database_xact_rollback{{datname=~"archon.*"}}[{RATE}]))',
         "{{datname}} rollback")], "ops", w=10)
    d.panel("Buffer cache hit ratio", [(
        f'sum(rate(pg_stat_database_blks_hit{{datname="archon"}}[{RATE}])) / (sum(rate(pg_stat_database_blks_hit'
        f'{{datname="archon"}}[{RATE}])) + sum(rate(pg_stat_database_blks_read{{datname="archon"}}[{RATE}])))',
        "archon")], "percentunit", minimum=0, maximum=1)
    d.panel("Scans of site_pages", [
        (f'sum(rate(archon_pg_table_idx_scan{{relname="site_pages"}}[{RATE}]))', "index scans"),
        (f'sum(rate(archon_pg_table_seq_scan{{relname="site_pages"}}[{RATE}]))', "sequential scans")], "ops",
        description="Searches should show as index scans; sequential scans mean a query missed the index.")
    d.row("NGINX")
    d.panel("NGINX connections", [("nginx_connections_active", "active"), ("nginx_connections_waiting", "waiting")],
            "short")
    d.panel("NGINX requests per second", [(f"sum(rate(nginx_http_requests_total[{RATE}]))", "requests")], "reqps",
            description="stub_status has no upstream error counts: the 5xx of the services are on Archon / Overview.")
    d.row("Host")
    d.panel("CPU busy", [(f'1 - avg by (instance) (rate(node_cpu_seconds_total{{mode="idle"}}[{RATE}]))',
                          "{{instance}}")], "percentunit", thresholds=CPU, minimum=0, maximum=1,
            description="Alert: HostCpuHigh over 80 %.")
    d.panel("Memory used", [("1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes", "{{instance}}")],
            "percentunit", minimum=0, maximum=1)
    d.panel("Disk used", [(
        '1 - node_filesystem_avail_bytes{fstype!~"tmpfs|overlay|squashfs"} / node_filesystem_size_bytes{fstype!~"tmpfs|overlay|squashfs"}',
        "{{mountpoint}}")], "percentunit", thresholds=[("green", None), ("orange", 0.8), ("red", 0.9)],
        minimum=0, maximum=1)
    d.panel("Network", [
        (f'sum(rate(node_network_receive_bytes_total{{device!="lo"}}[{RATE}]))', "received"),
        (f'sum(rate(node_network_transmit_bytes_total{{device!="lo"}}[{RATE}]))', "sent")], "Bps")
    return d


def main():
    out = pathlib.Path(__file__).resolve().parent / "dashboards"
    out.mkdir(exist_ok=True)
    for build in (overview, agent_generation, llm_providers, vector_search, home_assistant, platform):
        dashboard = build()
        path = out / f"{dashboard.uid}.json"
        path.write_text(json.dumps(dashboard.json(), indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {path.relative_to(out.parent.parent)}")


if __name__ == "__main__":
    main()
