"""A stand-in for httpx, for running the library's tools where httpx is not installed.

It implements, over urllib, only what the tools use: AsyncClient.get and AsyncClient.post with
params, headers and json, and a response's status_code, headers, content, text and json().
Like httpx it follows no redirect and raises nothing for an error status. Any other argument is
refused with a TypeError, so a tool that needs more of httpx fails here rather than passing.
"""

import asyncio
import json as jsonlib
import urllib.error
import urllib.parse
import urllib.request


class Response:
    def __init__(self, status_code, headers, content):
        self.status_code = status_code
        self.headers = headers
        self.content = content
        self.text = content.decode("utf-8", errors="replace")

    def json(self):
        return jsonlib.loads(self.text)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class AsyncClient:
    def __init__(self, *, timeout=5.0):
        self._timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirects)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        return None

    async def get(self, url, *, params=None, headers=None):
        return await self._request("GET", url, params, headers, None)

    async def post(self, url, *, params=None, headers=None, json=None):
        return await self._request("POST", url, params, headers, json)

    async def _request(self, method, url, params, headers, json):
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, doseq=True)
        headers = dict(headers or {})
        content = None
        if json is not None:
            content = jsonlib.dumps(json, ensure_ascii=False).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        request = urllib.request.Request(url, data=content, headers=headers, method=method)
        return await asyncio.to_thread(self._send, request)

    def _send(self, request):
        try:
            with self._opener.open(request, timeout=self._timeout) as answer:
                return Response(answer.status, answer.headers, answer.read())
        except urllib.error.HTTPError as error:
            with error:
                return Response(error.code, error.headers, error.read())
