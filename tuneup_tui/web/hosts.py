"""Which names the attendee page answers to, and the address attendees are given.

A browser names the server it asked for in the Host header, and the page that opened a
websocket in the Origin header. The server answers only to the names it was started for, so a
page from elsewhere (a web site open in the facilitator's browser, or a name rebound to this
machine) is refused even before the join code is checked.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    return host.strip("[]") in WILDCARDS


def bracketed(host: str) -> str:
    """`host` as it is written in a URL (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def lan_address() -> str | None:
    """This machine's address on its default route, or None. Connecting a UDP socket sends
    nothing: it only asks the kernel which local address it would use."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith(("0.", "127.")) else address


def base_url(host: str, port: int) -> str:
    """The scheme, host and port attendees reach the server by. A wildcard listen address
    (which no browser can connect to) becomes this machine's address on the network, or its
    name when it has none."""
    if is_wildcard(host):
        host = lan_address() or socket.gethostname()
    return f"http://{bracketed(host.strip('[]'))}:{port}"


def allowed_hosts(host: str, port: int, public_url: str) -> frozenset[str]:
    """Every Host header value the server answers to (lower case, with the port; without it
    too for the scheme's default port)."""
    # Never the wildcard itself: some browsers reach this machine at 0.0.0.0, and a page
    # elsewhere can aim at it.
    names = set() if is_wildcard(host) else {bracketed(host.strip("[]"))}
    if is_loopback(host) or is_wildcard(host):
        names.update(LOOPBACK_NAMES)
    if is_wildcard(host):
        name = socket.gethostname()
        names.update({name, f"{name}.local"})
        if (address := lan_address()) is not None:
            names.add(address)
    names = {n.lower() for n in names}
    hosts = {f"{n}:{port}" for n in names}
    if port == 80:
        hosts.update(names)
    public = urlsplit(public_url)
    if public.hostname:
        public_port = public.port or (443 if public.scheme == "https" else 80)
        public_name = bracketed(public.hostname.lower())
        hosts.add(f"{public_name}:{public_port}")
        if public_port in (80, 443):
            hosts.add(public_name)
    return frozenset(hosts)
