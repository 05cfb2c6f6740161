"""Messages about the department server (PostgreSQL): connecting, its certificate, its
schema. One line each, saying what to do; never a driver's traceback."""

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    "server.profile_unreadable": (
        "Không đọc được tệp cấu hình máy chủ {path}: {reason}.",
        "Cannot read the server profile {path}: {reason}."),
    "server.profile_field": (
        "Tệp cấu hình máy chủ {path} thiếu hoặc sai mục “{field}”.",
        "The server profile {path} lacks or has a wrong “{field}”."),
    "server.no_ca": (
        "Tệp cấu hình máy chủ không có chứng thư CA ({path}): không thể kiểm tra máy chủ; "
        "hãy xin quản trị viên tệp cấu hình đầy đủ.",
        "The server profile has no CA certificate ({path}): the server cannot be checked; "
        "ask the administrator for the complete profile."),
    "server.unreachable": (
        "Không kết nối được máy chủ {host}:{port} — kiểm tra mạng nội bộ hoặc hỏi quản trị viên.",
        "Cannot reach the server {host}:{port} — check the internal network or ask the "
        "administrator."),
    "server.bad_certificate": (
        "Chứng thư của máy chủ {host} không khớp với tệp cấu hình: đã dừng kết nối (có thể "
        "là máy chủ giả mạo).",
        "The server {host}'s certificate does not match the profile: the connection was "
        "stopped (it may be an impostor)."),
    "server.connection_lost": (
        "Mất kết nối tới máy chủ {host}; việc vừa làm chưa được lưu (không có gì ghi dở). "
        "Chương trình tự kết nối lại — hãy thử lại.",
        "The connection to the server {host} was lost; what you just did was not saved "
        "(nothing half-written). The program reconnects by itself — try again."),
    "server.reconnecting": (
        "Mất kết nối tới máy chủ — đang kết nối lại…",
        "Connection to the server lost — reconnecting…"),
    "server.reconnected": (
        "Đã kết nối lại với máy chủ.",
        "Reconnected to the server."),
    "server.bad_password": (
        "Tên đăng nhập hoặc mật khẩu máy chủ không đúng.",
        "Wrong server user name or password."),
    "server.no_database": (
        "Máy chủ {host} không có cơ sở dữ liệu “{database}”.",
        "The server {host} has no database “{database}”."),
    "server.not_initialised": (
        "Cơ sở dữ liệu “{database}” chưa được khởi tạo cho Hồ sơ Thanh tra (quản trị viên "
        "khởi tạo máy chủ trước).",
        "The database “{database}” is not set up for Hồ sơ Thanh tra yet (an administrator "
        "sets up the server first)."),
    "server.older_schema": (
        "Cơ sở dữ liệu trên máy chủ có phiên bản cũ hơn chương trình: quản trị viên cần "
        "nâng cấp máy chủ trước.",
        "The server's database is older than this program: an administrator must upgrade "
        "the server first."),
    "server.newer_schema": (
        "Cơ sở dữ liệu trên máy chủ mới hơn chương trình này: hãy cài phiên bản mới của "
        "chương trình.",
        "The server's database is newer than this program: install the newer program."),
    "server.failed": (
        "Máy chủ từ chối yêu cầu: {reason}.",
        "The server refused the request: {reason}."),
    "server.already_initialised": (
        "Cơ sở dữ liệu “{database}” đã được khởi tạo: không làm lại (dữ liệu giữ nguyên).",
        "The database “{database}” is already set up: nothing was changed."),
    "server.bad_dsn": (
        "Địa chỉ cơ sở dữ liệu không hợp lệ: “{dsn}” (dạng postgresql://tên@máy:cổng/csdl).",
        "Not a database address: “{dsn}” (postgresql://user@host:port/database)."),
    "server.user_needed": (
        "Hãy cho biết tên người dùng trên máy chủ (--user hoặc HOSO_USER).",
        "Say which user signs in to the server (--user or HOSO_USER)."),
    "server.vault_only": (
        "Việc này chỉ làm được trên kho dữ liệu của máy; với máy chủ, quản trị viên dùng "
        "công cụ của PostgreSQL (pg_dump, pg_basebackup).",
        "This works on a vault on this machine only; a server is backed up and checked "
        "with PostgreSQL's own tools (pg_dump, pg_basebackup)."),
    "server.init_done": (
        "Đã khởi tạo máy chủ {where}; quản trị viên: {user}.",
        "Set up the server {where}; administrator: {user}."),
    "server.login_disabled": (
        "Tài khoản này đã bị khóa trên máy chủ; hãy hỏi quản trị viên.",
        "This account is disabled on the server; ask the administrator."),
    "server.imported": (
        "Đã chuyển kho dữ liệu lên máy chủ {where} ({blobs} tệp tài liệu mã hóa). Số dòng:",
        "The vault is on the server {where} now ({blobs} encrypted document files). Rows:"),
    "server.first_passwords": (
        "Mật khẩu đầu tiên của từng người (trao tận tay; đổi khi đăng nhập lần đầu):",
        "Each user's first password (hand it over in person; changed at first sign-in):"),
}
