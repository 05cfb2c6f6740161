"""hoso server …: setting up a department server's database and moving a vault to it.
(Signing in to a server is every command's --server, in commands.open_session.)"""

from pathlib import Path

from desktop import bootstrap
from desktop.cli import print_json
from desktop.cli.args import ServerImportArgs, ServerInitArgs
from desktop.cli.commands import headers, table
from desktop.cli.passwords import PasswordSource, say


def add_parsers(command, group) -> None:
    servers = group("server", "máy chủ của đơn vị (PostgreSQL) / department server")
    p = command(servers, "init", cmd_server_init,
                "khởi tạo cơ sở dữ liệu trên máy chủ / set up the server's database")
    p.add_argument("--dsn", required=True, metavar="postgresql://…",
                   help="địa chỉ cơ sở dữ liệu, đăng nhập bằng chủ sở hữu / the database's "
                        "address, as its owner")
    p.add_argument("--admin", required=True, metavar="NAME")
    p.add_argument("--full-name", default="")

    p = command(servers, "import-vault", cmd_server_import,
                "chuyển kho dữ liệu của máy này lên máy chủ / move this machine's vault to "
                "the server")
    p.add_argument("source", metavar="VAULT", help="thư mục kho dữ liệu / the vault's folder")
    p.add_argument("--dsn", required=True, metavar="postgresql://…",
                   help="cơ sở dữ liệu mới trên máy chủ, đăng nhập bằng chủ sở hữu / the "
                        "new database on the server, as its owner")
    p.add_argument("--json", action="store_true")


def cmd_server_init(args: ServerInitArgs) -> None:
    """Set up a department server's database: the schema and the first administrator."""
    from desktop.services import server_service
    passwords = PasswordSource(args.password_stdin, args.lang)
    password = passwords.new_password("cli.prompt.admin_password")
    where = server_service.found(args.dsn, args.admin, password, args.full_name)
    say("server.init_done", args.lang, where=where, user=args.admin)


def cmd_server_import(args: ServerImportArgs) -> int:
    """Copy a vault to a new server database; print the counts side by side and each
    user's first password (to hand over in person). Exit 1 when a count differs."""
    from desktop.services import server_import
    passwords = PasswordSource(args.password_stdin, args.lang)
    password = passwords.next("cli.prompt.password")
    report = server_import.import_vault(Path(args.source), bootstrap.user_name(args.user),
                                        password, args.dsn)
    if args.json:
        print_json({"server": report.server, "matches": report.matches, "blobs": report.blobs,
                    "counts": {k: {"vault": v, "server": s}
                               for k, (v, s) in report.counts.items()},
                    "first_passwords": report.first_passwords})
        return 0 if report.matches else 1
    say("server.imported", args.lang, where=report.server, blobs=report.blobs)
    differs = [] if report.matches else [""]   # a mark beside a count that differs
    table([(name, vault, server, *(["≠"] if vault != server else differs))
           for name, (vault, server) in report.counts.items()],
          headers(args.lang, ["Bảng", "Trong kho", "Trên máy chủ", *differs],
                  ["Table", "In the vault", "On the server", *differs]))
    if report.first_passwords:
        say("server.first_passwords", args.lang)
        table(sorted(report.first_passwords.items()),
              headers(args.lang, ["Người dùng", "Mật khẩu đầu tiên"],
                      ["User", "First password"]))
    return 0 if report.matches else 1
