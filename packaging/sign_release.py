"""The release signing key's two jobs, for whoever builds releases (the private key never
enters the repository; its public half ships in desktop/security/release.py):

    python packaging/sign_release.py keygen KEYFILE     a new key pair: KEYFILE (private,
                                                        0600) and the public key to paste
    python packaging/sign_release.py sign --key KEYFILE SHA256SUMS
                                                        writes SHA256SUMS.sig beside it

`hoso verify-release PATH` checks such a signature with the keys the program carries, then
every file against SHA256SUMS."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.security import release  # noqa: E402
from desktop.security.crypto import fingerprint, new_signing_key, signing_public  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    keygen = sub.add_parser("keygen")
    keygen.add_argument("keyfile", type=Path)
    sign = sub.add_parser("sign")
    sign.add_argument("--key", type=Path, required=True)
    sign.add_argument("sums", type=Path)
    args = ap.parse_args(argv)
    if args.command == "keygen":
        private, public = new_signing_key()
        fd = os.open(args.keyfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(private.hex() + "\n")
        print(f"public key {public.hex()}\nfingerprint {fingerprint(public)}")
        return 0
    private = bytes.fromhex(args.key.read_text().strip())
    signature = release.sign_sums(private, args.sums.read_bytes())
    target = args.sums.with_name(args.sums.name + ".sig")
    target.write_text(signature)
    print(f"{target} (key {fingerprint(signing_public(private))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
