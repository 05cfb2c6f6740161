"""When HOSO_NET_LOG names a file, every attempt to resolve a host name or open a network
socket is written to it; without HOSO_NET_LOG it does nothing. packaging/test-offline.sh
proves with it that nothing tries a network: the bundle carries it as a PyInstaller
runtime hook, and pip and the installed program load it as their sitecustomize.py."""

import os
import socket
import sys

_LOG = os.environ.get("HOSO_NET_LOG")
_WATCHED = ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
            "socket.sendto", "urllib.Request")


def _hook(event, args):
    if event == "socket.connect":
        if getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", None):
            return   # a local socket (D-Bus for the credential store): no network
    elif event not in _WATCHED:
        return
    with open(_LOG, "a") as log:
        log.write(f"{os.path.basename(sys.argv[0])}: {event} {args[1:]!r}\n")


if _LOG:
    sys.addaudithook(_hook)
