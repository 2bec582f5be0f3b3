"""Ingests the advisor's library (agent-resources/) into archon-vector, as ./archon up does.

Run once by docker-compose's agent-resources service, from the agentgen image that carries both the
library and python3. Ingesting replaces each file's chunks, so running it at every start keeps the
source current without duplicates. Standard library only: the image installs nothing else.
"""

import json
import os
import pathlib
import sys
import urllib.error
import urllib.request

LIBRARY = pathlib.Path(os.environ.get("ARCHON_AGENT_RESOURCES", "/app/agent-resources"))
ENDPOINT = os.environ.get("ARCHON_VECTOR_URL", "http://nginx:8080").rstrip("/") + "/api/v1/vector/documents"
BATCH = 20


def post(documents):
    body = json.dumps({"source": "agent_resources", "documents": documents}).encode()
    request = urllib.request.Request(ENDPOINT, data=body, method="POST", headers={
        "Content-Type": "application/json",
        "X-API-Key": os.environ["ARCHON_API_KEY"],
    })
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def main():
    files = sorted(path for path in LIBRARY.rglob("*.md") if path.is_file())
    if not files:
        sys.exit(f"no Markdown files under {LIBRARY}")
    for start in range(0, len(files), BATCH):
        documents = [{"url": f"file://{path.relative_to(LIBRARY)}", "content": path.read_text(encoding="utf-8")}
                     for path in files[start:start + BATCH]]
        try:
            post(documents)
        except urllib.error.HTTPError as error:
            sys.exit(f"{ENDPOINT} answered {error.code}: {error.read().decode(errors='replace')[:500]}")
        print(f"ingested documents {start + 1}-{start + len(documents)} of {len(files)}", flush=True)


if __name__ == "__main__":
    main()
