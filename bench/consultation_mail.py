#!/usr/bin/env python3
"""Phase m of bench/run.sh: submit -> coordinator mail at the SMTP server.

Runs a minimal SMTP sink on --smtp-port (records when each message arrives, its recipient and subject), submits
consultation requests to --url at --rate per second for --seconds (each with a phone of its own, no e-mail, so the only
mails are the coordinators'), then waits for a coordinator mail per accepted request and prints one line:
"accepted N refused R mails M missing X duplicates D p50 A p95 B p99 C max E" (latencies in ms, from the start of the POST).
Standard library only.
"""
import argparse, asyncio, email, email.policy, json, random, re, threading, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

arrivals = []  # (time, to, subject)


class Sink(asyncio.Protocol):
    def connection_made(self, transport):
        self.t, self.buf, self.data, self.to, self.lines = transport, b"", False, "", []
        transport.write(b"220 bench ESMTP\r\n")

    def data_received(self, chunk):
        self.buf += chunk
        while True:
            if self.data:
                end = self.buf.find(b"\r\n.\r\n")
                if end < 0:
                    return
                message, self.buf, self.data = self.buf[:end], self.buf[end + 5:], False
                # The subject is RFC 2047-encoded (Cyrillic) and may be folded: read it as a mail client would.
                subject = email.message_from_bytes(message, policy=email.policy.default)["Subject"] or ""
                arrivals.append((time.time(), self.to, str(subject).strip()))
                self.t.write(b"250 OK\r\n")
                continue
            end = self.buf.find(b"\r\n")
            if end < 0:
                return
            line, self.buf = self.buf[:end].decode("ascii", "replace"), self.buf[end + 2:]
            verb = line[:4].upper()
            if verb == "EHLO":
                self.t.write(b"250-bench\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
            elif verb == "RCPT":
                self.to = line.split(":", 1)[1].strip().strip("<>").split(">")[0]
                self.t.write(b"250 OK\r\n")
            elif verb == "DATA":
                self.data = True
                self.t.write(b"354 go on\r\n")
            elif verb == "QUIT":
                self.t.write(b"221 bye\r\n")
                self.t.close()
                return
            else:
                self.t.write(b"250 OK\r\n")


def serve(port, ready):
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(Sink, "127.0.0.1", port))
    ready.set()
    loop.run_forever()


def submit(url, sent):
    body = {"name": "Bench Patient", "phone_country": "UA", "phone": "067 %07d" % random.randint(1_000_000, 9_999_999),
            "phone_country_confirmed": True, "language": random.choice(["uk", "ru"]), "country": "UA", "message": "Bench request", "consent": True}
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    started = time.time()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            sent.append((started, json.load(response)["reference"]))
    except (urllib.error.URLError, OSError, KeyError, ValueError):
        sent.append((started, None))


def percentile(values, p):
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--url", required=True)
    args.add_argument("--smtp-port", type=int, required=True)
    args.add_argument("--rate", type=float, default=20)
    args.add_argument("--seconds", type=float, default=30)
    args.add_argument("--wait", type=float, default=30)
    a = args.parse_args()
    ready = threading.Event()
    threading.Thread(target=serve, args=(a.smtp_port, ready), daemon=True).start()
    ready.wait()
    sent = []
    count = int(a.rate * a.seconds)
    start = time.time() + 0.5
    with ThreadPoolExecutor(max_workers=64) as pool:
        for i in range(count):
            delay = start + i / a.rate - time.time()
            if delay > 0:
                time.sleep(delay)
            pool.submit(submit, a.url, sent)
    references = {ref: t for t, ref in sent if ref}
    deadline = time.time() + a.wait
    while time.time() < deadline:
        got = {r for _, to, s in arrivals if "coordinator" in to for r in references if r in s}
        if len(got) >= len(references):
            break
        time.sleep(0.2)
    time.sleep(1)  # a duplicate would come with the same batch
    latencies, seen, duplicates = [], set(), 0
    for at, to, subject in arrivals:
        if "coordinator" not in to:
            continue
        for ref, started in references.items():
            if ref in subject:
                if ref in seen:
                    duplicates += 1
                else:
                    seen.add(ref)
                    latencies.append((at - started) * 1000)
    latencies.sort()
    print("accepted %d refused %d mails %d missing %d duplicates %d p50 %.0f p95 %.0f p99 %.0f max %.0f" % (
        len(references), len(sent) - len(references), len(latencies) + duplicates, len(references) - len(seen), duplicates,
        percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[-1] if latencies else float("nan")))


if __name__ == "__main__":
    main()
