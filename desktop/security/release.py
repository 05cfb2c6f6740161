"""Release signatures: a release's SHA256SUMS is signed (Ed25519) with the release key, whose
public half ships inside the program, so `hoso verify-release` can tell a genuine USB copy
from an altered one without a network. The private key stays with whoever builds releases
(packaging/sign_release.py); a new key is added here beside the old, never in its place,
so copies signed before a change of key still verify."""

from __future__ import annotations

import base64
import json

from desktop.security.crypto import fingerprint, sign, signing_public, verify_signature

DOMAIN = b"hoso-release-sums-v1"
FORMAT = "hoso-release-signature-1"

# fingerprint → raw public key (hex). The fingerprint is what IT staff compare on paper.
RELEASE_KEYS: dict[str, str] = {
    # the first release key, made 06/12/2026
    "DA66 07B0 193A 1FD0 F986": "a869db602ed8e36886e84f1967d0b18dd06c1a433497778219e4a6c40ac26bb3",
}


def trusted_keys() -> dict[str, bytes]:
    return {name: bytes.fromhex(key) for name, key in RELEASE_KEYS.items()}


def sign_sums(private: bytes, sums: bytes) -> str:
    """The signature file's text for a SHA256SUMS file's bytes."""
    public = signing_public(private)
    return json.dumps({"format": FORMAT, "key": fingerprint(public),
                       "signature": base64.b64encode(sign(private, DOMAIN, sums)).decode()},
                      indent=1) + "\n"


def check_signature(sums: bytes, signature_text: str,
                    keys: dict[str, bytes] | None = None) -> tuple[str, str]:
    """(verdict, the fingerprint the signature names): verdict "" when genuine — by one of
    `keys` (the program's own unless given) and covering exactly these bytes — else
    "format", "unknown_key" or "bad_signature"."""
    keys = trusted_keys() if keys is None else keys
    try:
        data = json.loads(signature_text)
        if data.get("format") != FORMAT:
            return "format", ""
        name, signature = str(data["key"]), base64.b64decode(data["signature"], validate=True)
    except (ValueError, KeyError, TypeError, AttributeError):
        return "format", ""
    public = keys.get(name)
    if public is None:
        return "unknown_key", name
    if not verify_signature(public, DOMAIN, sums, signature):
        return "bad_signature", name
    return "", name
