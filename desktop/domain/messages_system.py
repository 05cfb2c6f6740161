"""Messages of the workstation check (`hoso doctor`, Help → Kiểm tra máy tính): each check's
name, what it found, and the fix in one line."""

SYSTEM_MESSAGES: dict[str, tuple[str, str]] = {
    "doctor.title": ("Hồ sơ Thanh tra {version} — kiểm tra máy tính",
                     "Hồ sơ Thanh tra {version} — workstation check"),
    "doctor.status.ok": ("ĐẠT", "OK"),
    "doctor.status.warn": ("LƯU Ý", "NOTE"),
    "doctor.status.fail": ("LỖI", "PROBLEM"),
    "doctor.fix": ("Cách sửa: {fix}", "Fix: {fix}"),
    "doctor.all_well": ("Máy này chạy được chương trình.",
                        "This workstation can run the program."),
    "doctor.problems": ("{count} mục cần sửa trước khi dùng chương trình trên máy này.",
                        "{count} item(s) to fix before using the program on this workstation."),

    # --- the desktop program's platform ------------------------------------------------------
    "doctor.qt": ("Nền tảng hiển thị Qt ({plugin})", "Qt display platform ({plugin})"),
    "doctor.qt.ok": ("nạp được trình cắm {plugin} (Qt {qt})",
                     "the {plugin} plugin loads (Qt {qt})"),
    "doctor.qt.missing": ("thiếu thư viện hệ thống: {libraries} — chương trình giao diện "
                          "sẽ không mở được",
                          "system libraries missing: {libraries} — the desktop program will "
                          "not open"),
    "doctor.qt.failed": ("không nạp được trình cắm {plugin}: {reason}",
                         "the {plugin} plugin does not load: {reason}"),
    "doctor.qt.no_pyside": ("không có PySide6 (Qt cho Python): {reason}",
                            "PySide6 (Qt for Python) is missing: {reason}"),
    "doctor.qt.fix_apt": ("sudo apt install {packages}", "sudo apt install {packages}"),
    "doctor.qt.fix_reinstall": ("cài lại chương trình (packaging/install-offline.sh)",
                                "reinstall the program (packaging/install-offline.sh)"),
    "doctor.display": ("Màn hình", "Display"),
    "doctor.display.ok": ("có ({display})", "present ({display})"),
    "doctor.display.none": ("không có màn hình (DISPLAY trống): chỉ dùng được dòng lệnh",
                            "no display (DISPLAY is empty): the command line only"),
    "doctor.display.fix": ("mở chương trình trong phiên làm việc đồ họa",
                           "start the program in a graphical session"),

    # --- fonts --------------------------------------------------------------------------------
    "doctor.fonts": ("Phông chữ tiếng Việt", "Vietnamese fonts"),
    "doctor.fonts.ok": ("{count} phông có đủ dấu tiếng Việt (ví dụ: {examples})",
                        "{count} font(s) with every Vietnamese letter (e.g. {examples})"),
    "doctor.fonts.none": ("không có phông nào có đủ dấu tiếng Việt: chữ sẽ hiện thành ô vuông",
                          "no font has every Vietnamese letter: text would show as boxes"),
    "doctor.fonts.fix": ("sudo apt install fonts-dejavu-core (hoặc fonts-noto-core)",
                         "sudo apt install fonts-dejavu-core (or fonts-noto-core)"),

    # --- the OS credential store ----------------------------------------------------------------
    "doctor.keyring": ("Kho khóa của hệ điều hành", "OS credential store"),
    "doctor.keyring.ok": ("có ({backend}): “Ghi nhớ trên máy này” dùng được",
                          "present ({backend}): “Remember on this computer” works"),
    "doctor.keyring.none": ("không có: chương trình vẫn chạy, mỗi lần mở phải nhập mật khẩu",
                            "none: the program works, asking for the password every time"),
    "doctor.keyring.fix_none": ("cài gnome-keyring (hoặc KWallet) nếu muốn ghi nhớ trên máy này",
                                "install gnome-keyring (or KWallet) to remember on this computer"),
    "doctor.keyring.plaintext": ("có gói lưu bí mật không mã hóa ({backend}): không an toàn",
                                 "a backend that stores secrets in plain text is installed "
                                 "({backend}): unsafe"),
    "doctor.keyring.fix_plaintext": ("pip uninstall keyrings.alt", "pip uninstall keyrings.alt"),

    # --- disk space ------------------------------------------------------------------------------
    "doctor.disk": ("Dung lượng trống cạnh kho dữ liệu", "Free space beside the vault"),
    "doctor.disk.ok": ("{free} trống ở {folder}", "{free} free at {folder}"),
    "doctor.disk.low": ("chỉ còn {free} trống ở {folder}: sao lưu và nhập tệp có thể không đủ chỗ",
                        "only {free} free at {folder}: backups and imports may not fit"),
    "doctor.disk.full": ("chỉ còn {free} trống ở {folder}: không đủ để ghi an toàn",
                         "only {free} free at {folder}: not enough to write safely"),
    "doctor.disk.fix": ("giải phóng ít nhất {need} trên ổ đĩa này",
                        "free at least {need} on this disk"),

    # --- the vault folder's permissions --------------------------------------------------------
    "doctor.perms": ("Quyền truy cập thư mục kho", "The vault folder's permissions"),
    "doctor.perms.ok": ("chỉ chủ sở hữu đọc được {folder} (thư mục 0700, tệp 0600)",
                        "only the owner can read {folder} (folders 0700, files 0600)"),
    "doctor.perms.loose": ("người khác trên máy đọc được: {paths}",
                           "other users of this computer can read: {paths}"),
    "doctor.perms.fix": ("chmod -R go-rwx {folder} (hoặc mở kho một lần: chương trình tự siết quyền)",
                         "chmod -R go-rwx {folder} (or open the vault once: the program "
                         "tightens them)"),
    "doctor.perms.none": ("chưa có kho ở {folder} (sẽ được tạo với quyền 0700)",
                          "no vault at {folder} yet (it will be created 0700)"),
    "doctor.perms.windows": ("Windows: quyền theo ACL của thư mục người dùng",
                             "Windows: permissions follow the user folder's ACL"),

    # --- the clock ---------------------------------------------------------------------------------
    "doctor.clock": ("Đồng hồ của máy", "The workstation's clock"),
    "doctor.clock.ok": ("{now}", "{now}"),
    "doctor.clock.behind": ("{now} — sớm hơn lần ghi cuối vào kho ({last}): đồng hồ chạy sai, "
                            "thời hạn sẽ bị tính sai",
                            "{now} — earlier than the vault's last write ({last}): the clock is "
                            "wrong and deadlines would be counted wrong"),
    "doctor.clock.fix": ("đặt lại ngày giờ của máy (hỏi bộ phận CNTT)",
                         "set the computer's date and time (ask IT staff)"),
    "doctor.clock.no_calendar": ("{now} — lịch nghỉ lễ chưa có năm {year} (có {first}–{last}): "
                                 "thời hạn chỉ trừ thứ Bảy, Chủ nhật",
                                 "{now} — the holiday calendar has no year {year} (it has "
                                 "{first}–{last}): deadlines skip weekends only"),
    "doctor.clock.fix_calendar": ("quản trị viên bổ sung ngày nghỉ năm {year} vào lịch",
                                  "an administrator adds the year {year}'s holidays to the "
                                  "calendar"),

    # --- the encrypted database --------------------------------------------------------------------
    "doctor.sqlcipher": ("Cơ sở dữ liệu mã hóa (SQLCipher)", "Encrypted database (SQLCipher)"),
    "doctor.sqlcipher.ok": ("SQLCipher {cipher}, SQLite {sqlite}, tìm kiếm FTS5 có",
                            "SQLCipher {cipher}, SQLite {sqlite}, FTS5 search present"),
    "doctor.sqlcipher.missing": ("không dùng được: {reason}", "unusable: {reason}"),
    "doctor.sqlcipher.old": ("SQLCipher {cipher} quá cũ (cần từ 4)",
                             "SQLCipher {cipher} is too old (4 or newer needed)"),
    "doctor.sqlcipher.no_fts5": ("SQLite {sqlite} không có FTS5: tìm kiếm không chạy",
                                 "SQLite {sqlite} has no FTS5: search cannot work"),
    "doctor.sqlcipher.fix": ("cài lại chương trình từ bộ cài của đơn vị (gói sqlcipher3 trong "
                             "wheelhouse, hoặc gói một thư mục)",
                             "reinstall the program from the department's installer (the "
                             "sqlcipher3 wheel of the wheelhouse, or the one-folder bundle)"),
    "doctor.python": ("Python", "Python"),
    "doctor.python.ok": ("{version} ({where})", "{version} ({where})"),
}

RELEASE_MESSAGES: dict[str, tuple[str, str]] = {
    "release.genuine": (
        "Bản sao thật: {count} tệp khớp SHA256SUMS, ký bằng khóa phát hành {key}.",
        "Genuine copy: {count} file(s) match SHA256SUMS, signed with the release key {key}."),
    "release.not_genuine": (
        "KHÔNG cài đặt bản sao này: {count} vấn đề.",
        "Do NOT install this copy: {count} problem(s)."),
    "release.no_sums": (
        "Không có tệp SHA256SUMS ở {folder}: không kiểm tra được bản sao này.",
        "No SHA256SUMS file in {folder}: this copy cannot be checked."),
    "release.no_signature": (
        "SHA256SUMS không có chữ ký (SHA256SUMS.sig): không biết bản sao có phải do đơn vị "
        "phát hành hay không.",
        "SHA256SUMS is not signed (no SHA256SUMS.sig): nothing says the copy was released by "
        "the department."),
    "release.format": (
        "Tệp chữ ký SHA256SUMS.sig không đọc được (sai định dạng).",
        "The signature file SHA256SUMS.sig cannot be read (wrong format)."),
    "release.unknown_key": (
        "SHA256SUMS được ký bằng một khóa mà chương trình này không biết ({key}): không phải "
        "bản phát hành chính thức.",
        "SHA256SUMS is signed with a key this program does not know ({key}): not an official "
        "release."),
    "release.bad_signature": (
        "Chữ ký không khớp với SHA256SUMS: danh sách tệp đã bị sửa sau khi ký.",
        "The signature does not match SHA256SUMS: the list of files was changed after "
        "signing."),
    "release.file_differs": (
        "{file}: khác với SHA256SUMS (hỏng khi chép hoặc bị sửa).",
        "{file}: differs from SHA256SUMS (damaged in copying, or altered)."),
    "release.file_missing": (
        "{file}: có trong SHA256SUMS nhưng không có trong bản sao.",
        "{file}: listed in SHA256SUMS but missing from the copy."),
    "release.file_extra": (
        "{file}: không có trong SHA256SUMS (tệp lạ được thêm vào).",
        "{file}: not listed in SHA256SUMS (a file was added)."),
    "release.bad_line": (
        "SHA256SUMS dòng {line}: không đọc được hoặc trỏ ra ngoài thư mục.",
        "SHA256SUMS line {line}: unreadable or pointing outside the folder."),
    "release.not_found": (
        "Không có {path}.", "{path} does not exist."),
}
