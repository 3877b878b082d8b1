# SPDX-License-Identifier: GPL-2.0-or-later
#
# Slow and idle clients against httpreply, used by tests/httpreply-slow.sh.
#
#   python3 httpreply-slow.py load HOST PORT SECONDS [SLOW IDLE REOPEN]
#   python3 httpreply-slow.py order HOST PORT SLOTS
#   python3 httpreply-slow.py deadline HOST PORT HEAD_TIMEOUT
#
# load: opens, over 3 s, SLOW (200) slowloris connections, each sending a
# request head one byte a second and reopened REOPEN (1) seconds after
# the server drops it, and IDLE (64) keep-alive connections, each answered
# once and then silent, reopened likewise; 2 s later a normal client starts to
# open a new connection every 0.5 s and GET /. After SECONDS (from the
# first normal GET) every connection is closed. Prints one line per kind; exits 1 when
# a normal GET failed or took more than 1 s, or the attack did not happen.
#
# order: with the server's SLOTS taken by one idle keep-alive connection
# and slowloris ones, a new client is served and the idle connection is
# the one dropped; with only slowloris ones, the oldest is dropped.
#
# deadline: one client sending a head a byte a second gets 408 and a
# close HEAD_TIMEOUT seconds (+1.5 at most) after it connected.
import selectors, socket, sys, threading, time

LIMIT = 1.0
RAMP = 3.0
mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
n_slow = int(sys.argv[5]) if len(sys.argv) > 5 else 200
n_idle = int(sys.argv[6]) if len(sys.argv) > 6 else 64
reopen = float(sys.argv[7]) if len(sys.argv) > 7 else 1.0
HEAD = b"GET / HTTP/1.1\r\nHost: slow\r\nX-Pad: " + b"a" * 200 + b"\r\n\r\n"
IDLE_REQ = b"GET / HTTP/1.1\r\nHost: idle\r\n\r\n"

sel = selectors.DefaultSelector()
stats = {"slow_open": 0, "slow_408": 0, "slow_reset": 0, "slow_eof": 0,
         "idle_open": 0, "idle_served": 0, "idle_dropped": 0,
         "connect_fail": 0}


class Conn:
    def __init__(self, kind, i, when):
        self.kind, self.i = kind, i
        self.sock = None
        self.next = when  # time of the next action
        self.sent = 0
        self.got = b""
        self.up = False


def open_conn(c, now):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect((host, port))
    except BlockingIOError:
        pass
    except OSError:
        s.close()
        stats["connect_fail"] += 1
        c.next = now + 1
        return
    c.sock, c.sent, c.got, c.up = s, 0, b"", False
    sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE, c)


def drop(c, now, why):
    if c.sock is None:
        return
    stats[c.kind + "_" + why] += 1
    sel.unregister(c.sock)
    c.sock.close()
    c.sock = None
    c.next = now + reopen


def on_event(c, mask, now):
    if not c.up and mask & selectors.EVENT_WRITE:
        err = c.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            stats["connect_fail"] += 1
            sel.unregister(c.sock)
            c.sock.close()
            c.sock, c.next = None, now + 1
            return
        c.up = True
        stats[c.kind + "_open"] += 1
        sel.modify(c.sock, selectors.EVENT_READ, c)
        if c.kind == "idle":
            c.sock.sendall(IDLE_REQ)
        else:
            c.next = now  # first byte at once
        return
    if mask & selectors.EVENT_READ:
        try:
            d = c.sock.recv(65536)
        except ConnectionError:
            drop(c, now, "reset" if c.kind == "slow" else "dropped")
            return
        if c.kind == "slow":
            if d.startswith(b"HTTP/1.1 408"):
                drop(c, now, "408")
            elif not d:
                drop(c, now, "eof")
            else:
                c.got += d
            return
        if not d:
            drop(c, now, "dropped")
            return
        c.got += d
        if b"</html>" in c.got:
            stats["idle_served"] += 1
            c.got = b""  # answered: now silent until the server closes


def attack(stop):
    now = time.monotonic()
    # Opened over RAMP seconds, as an attack builds up.
    conns = [Conn("slow", i, now + i * RAMP / n_slow) for i in range(n_slow)]
    conns += [Conn("idle", i, now + i * RAMP / n_idle) for i in range(n_idle)]
    while not stop.is_set():
        now = time.monotonic()
        for c in conns:
            if c.sock is None:
                if now >= c.next:
                    open_conn(c, now)
            elif c.kind == "slow" and c.up and now >= c.next:
                try:
                    c.sock.send(HEAD[c.sent % len(HEAD):][:1])
                    c.sent += 1
                    c.next = now + 1
                except (BlockingIOError, ConnectionError, OSError):
                    drop(c, now, "reset")
        for key, mask in sel.select(0.05):
            on_event(key.data, mask, time.monotonic())
    for c in conns:
        if c.sock is not None:
            sel.unregister(c.sock)
            c.sock.close()


def normal_get():
    t0 = time.monotonic()
    try:
        s = socket.create_connection((host, port), timeout=LIMIT + 2)
        tc = time.monotonic() - t0
        s.sendall(b"GET / HTTP/1.1\r\nHost: n\r\nConnection: close\r\n\r\n")
        data = b""
        while b"</html>" not in data:
            d = s.recv(65536)
            if not d:
                break
            data += d
        s.close()
    except OSError as e:
        return time.monotonic() - t0, "error %s" % e
    dt = time.monotonic() - t0
    if not data.startswith(b"HTTP/1.1 200 OK\r\n") or b"</html>" not in data:
        return dt, "bad answer %r" % data[:60]
    return dt, None if dt <= LIMIT else "connected after %.2f s" % tc


def dropped(s, wait):
    """True when the server reset or closed s within wait seconds."""
    s.settimeout(wait)
    try:
        return s.recv(4096) == b""
    except socket.timeout:
        return False
    except ConnectionError:
        return True


def slowloris(first_bytes):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(HEAD[:first_bytes])
    return s


def get(close):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: o\r\n%s\r\n"
              % (b"Connection: close\r\n" if close else b""))
    data = b""
    while b"</html>" not in data:
        d = s.recv(65536)
        if not d:
            break
        data += d
    if not data.startswith(b"HTTP/1.1 200 OK\r\n"):
        sys.exit("order: new client not served: %r" % data[:60])
    return s


def order(slots):
    idle = get(False)
    slow = []
    for i in range(slots - 1):
        slow.append(slowloris(3))
        time.sleep(0.02)
    time.sleep(0.3)
    # Full: the next client takes the idle connection's slot.
    new = get(True)
    if not dropped(idle, 2):
        sys.exit("order: slots full, a new client came, and the idle "
                 "keep-alive connection was not the one dropped")
    for i, s in enumerate(slow):
        if dropped(s, 0.05):
            sys.exit("order: slowloris %d dropped instead of the idle one"
                     % i)
    new.close()
    time.sleep(0.5)
    # Only unfinished heads: the oldest goes.
    slow.append(slowloris(3))
    time.sleep(0.3)
    new = get(True)
    if not dropped(slow[0], 2):
        sys.exit("order: only slowloris connections, and the oldest was "
                 "not the one dropped")
    for i, s in enumerate(slow[1:]):
        if dropped(s, 0.05):
            sys.exit("order: slowloris %d dropped, not the oldest" % (i + 1))
    new.close()
    for s in slow + [idle]:
        s.close()
    print("order: idle keep-alive dropped first, then the oldest head")


def deadline(limit):
    t0 = time.monotonic()
    s = slowloris(1)
    sent, data = 1, b""
    s.settimeout(0.05)
    while time.monotonic() - t0 < limit + 5:
        if time.monotonic() - t0 >= sent:
            try:
                s.send(HEAD[sent:sent + 1])
                sent += 1
            except OSError:
                pass
        try:
            d = s.recv(4096)
        except socket.timeout:
            continue
        except ConnectionError:
            break
        if not d:
            break
        data += d
    dt = time.monotonic() - t0
    s.close()
    first = data.split(b"\r\n", 1)[0].decode("latin-1")
    print("deadline: %d bytes sent a second apart, '%s' and closed after "
          "%.1f s" % (sent, first, dt))
    if first != "HTTP/1.1 408 Request Timeout" or b"Connection: close" \
            not in data:
        sys.exit("deadline: expected 408 and Connection: close")
    if not limit <= dt <= limit + 1.5:
        sys.exit("deadline: closed after %.1f s, not %d to %.1f s"
                 % (dt, limit, limit + 1.5))


if mode == "order":
    order(int(sys.argv[4]))
    sys.exit(0)
if mode == "deadline":
    deadline(int(sys.argv[4]))
    sys.exit(0)
seconds = float(sys.argv[4])
stop = threading.Event()
t = threading.Thread(target=attack, args=(stop,))
t.start()
time.sleep(RAMP + 2)  # the attack first: every connection opened
n = worst = 0
fails = []
start = time.monotonic()
while time.monotonic() - start < seconds:
    n += 1
    at = time.monotonic() - start
    dt, err = normal_get()
    worst = max(worst, dt)
    if err or dt > LIMIT:
        fails.append("GET %d at %.1f s: %.2f s%s" % (n, at, dt,
                     ", " + err if err else ""))
    time.sleep(max(0.0, 0.5 - dt))
stop.set()
t.join()
print("slow: %(slow_open)d connections, %(slow_408)d got 408, "
      "%(slow_reset)d reset, %(slow_eof)d closed" % stats)
print("idle: %(idle_open)d connections, %(idle_served)d answered, "
      "%(idle_dropped)d dropped; connects failed: %(connect_fail)d" % stats)
print("normal: %d GETs in %.0f s, slowest %.2f s, %d over %.1f s or failed"
      % (n, seconds, worst, len(fails), LIMIT))
for f in fails[:10]:
    print("  " + f)
if fails or stats["slow_open"] < n_slow or stats["idle_served"] == 0:
    sys.exit(1)
