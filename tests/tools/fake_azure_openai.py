#!/usr/bin/env python3
"""A stand-in for an Azure OpenAI chat deployment on 127.0.0.1, for trying extraction without Azure.

It speaks the wire contract of the AzureOpenAI extractor (README, "Azure OpenAI extraction") and plays a model
that cannot be trusted: besides quotes taken from the report, every answer carries one invented quote and one
paraphrase, which verification must drop. It is no language model and says nothing about answer quality.

  python3 tests/tools/fake_azure_openai.py --port 8089                       # quotes the opening sentences of the report
  python3 tests/tools/fake_azure_openai.py --port 8089 --corpus seeds/corpus # quotes the labelled snippets in the text shown
  python3 tests/tools/fake_azure_openai.py --port 8089 --throttle 1          # the first request gets 429 with Retry-After: 1

It reports no token usage, so the client counts tokens itself (o200k_base). Stop it with Ctrl+C.
"""
import argparse
import glob
import http.server
import json
import os
import re
import sys

INVENTED = "The Committee should be dissolved and its mandate handed to the General Assembly."
FENCE = re.compile(r"BEGIN REPORT (\w+)\n(.*)\nEND REPORT \1\n", re.S)


def collapse(text):
    return " ".join(text.split())


def corpus_snippets(directory):
    snippets = []
    for path in sorted(glob.glob(os.path.join(directory, "*.expected.json"))):
        with open(path, encoding="utf-8") as f:
            labels = json.load(f)
        for question, texts in labels["answers"].items():
            snippets.extend((question, text) for text in texts)
    return snippets


def opening_sentences(report):
    answers = []
    paragraphs = [p for p in report.split("\n\n") if len(p.strip()) > 40]
    for i, paragraph in enumerate(paragraphs[:8]):
        sentence = re.split(r"(?<=[.!?。])\s", paragraph.strip(), maxsplit=1)[0]
        # A line break where the report has a space: verification compares white space as one space.
        answers.append({"question": "abcd"[i % 4], "quote": sentence.replace(" ", "\n", 1)})
    return answers


def paraphrase(quote):
    words = quote.split()
    return " ".join(reversed(words[:3])) + " " + " ".join(words[3:]) if len(words) > 3 else quote + " indeed"


class Handler(http.server.BaseHTTPRequestHandler):
    snippets = None
    throttle = 0

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        auth = "api-key" if self.headers.get("api-key") else ("bearer" if self.headers.get("Authorization") else "none")
        sys.stderr.write(f"fake-azure-openai: POST {self.path} ({auth})\n")
        if not re.fullmatch(r"/openai/deployments/[\w.-]+/chat/completions\?api-version=[\w-]+", self.path):
            return self.reply(404, {"error": {"code": "DeploymentNotFound", "message": "no such deployment"}})
        if Handler.throttle > 0:
            Handler.throttle -= 1
            return self.reply(429, {"error": {"code": "429", "message": "Rate limit reached"}}, {"Retry-After": "1"})
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        text = user if isinstance(user, str) else "".join(part.get("text", "") for part in user)
        fenced = FENCE.search(text)
        report = fenced.group(2) if fenced else ""
        if Handler.snippets is None:
            answers = opening_sentences(report)
        else:
            shown = collapse(report)
            answers = [{"question": q, "quote": s} for q, s in Handler.snippets if collapse(s) in shown]
        if answers:
            answers.append({"question": answers[0]["question"], "quote": paraphrase(answers[0]["quote"])})
        answers.append({"question": "c", "quote": INVENTED})
        content = json.dumps({"answers": answers}, ensure_ascii=False)
        self.reply(200, {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": "fake-model",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        })

    def reply(self, status, payload, headers=None):
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--corpus", help="a labelled corpus (seeds/corpus): quote its snippets found in the text shown")
    parser.add_argument("--throttle", type=int, default=0, help="answer this many first requests with 429 and Retry-After: 1")
    args = parser.parse_args()
    Handler.snippets = corpus_snippets(args.corpus) if args.corpus else None
    Handler.throttle = args.throttle
    server = http.server.HTTPServer(("127.0.0.1", args.port), Handler)
    sys.stderr.write(f"fake-azure-openai: listening on http://127.0.0.1:{args.port}\n")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
