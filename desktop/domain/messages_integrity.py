"""Messages of the integrity check (`hoso verify`, backups, restores, the check after
unlock), Vietnamese then English: each finding in one line, with what to do.

Part of the catalogue: desktop.domain.messages merges it into MESSAGES."""


_RESTORE_VI = "khôi phục từ bản sao lưu gần nhất đã kiểm tra"
_RESTORE_EN = "restore from the latest verified backup"

INTEGRITY_MESSAGES: dict[str, tuple[str, str]] = {
    "integrity.page": (
        "Cơ sở dữ liệu: trang {page} bị hỏng hoặc bị sửa đổi ({detail}). Cần " + _RESTORE_VI + ".",
        "Database: page {page} is damaged or was altered ({detail}). You need to "
        + _RESTORE_EN + "."),
    "integrity.structure": (
        "Cơ sở dữ liệu: cấu trúc bị hỏng ({detail}). Cần " + _RESTORE_VI + ".",
        "Database: its structure is damaged ({detail}). You need to " + _RESTORE_EN + "."),
    "integrity.unreadable": (
        "Cơ sở dữ liệu {path} không đọc được ({detail}). Cần " + _RESTORE_VI + ".",
        "Database {path} cannot be read ({detail}). You need to " + _RESTORE_EN + "."),
    "integrity.more": (
        "… và {count} lỗi khác cùng loại.",
        "… and {count} more of the same kind."),
    "integrity.audit": (
        "Nhật ký truy cập: chuỗi bị phá vỡ tại dòng {row} ({why}). Báo ngay cho người quản "
        "trị và đơn vị bảo vệ bí mật nhà nước; giữ nguyên kho dữ liệu để xác minh.",
        "Audit trail: the chain is broken at row {row} ({why}). Tell the administrator and "
        "the security officer at once; keep the vault as it is for investigation."),
    "integrity.blob": (
        "Tài liệu {number} (phiên bản {version}): {reason}. Cần khôi phục tệp {path} từ bản "
        "sao lưu đã kiểm tra.",
        "Document {number} (version {version}): {reason_en}. Restore the file {path} from a "
        "verified backup."),
    "integrity.stray_file": (
        "Lưu ý: tệp {path} là một lần ghi tài liệu dở dang (chương trình bị tắt giữa chừng); "
        "không thuộc tài liệu nào, không ảnh hưởng dữ liệu, sẽ được dọn sau một giờ.",
        "Note: {path} is a document write cut short (the program was stopped); it belongs to "
        "no document, harms nothing and is swept after an hour."),
    "integrity.unknown_file": (
        "Thư mục tài liệu có tệp lạ {path} mà chương trình không tạo ra. Báo quản trị viên; "
        "giữ nguyên để xác minh.",
        "The documents folder holds a foreign file {path} that the program did not write. "
        "Tell the administrator; keep it for investigation."),
    "integrity.keyfile": (
        "Tệp khóa {path}: {detail}. Cần " + _RESTORE_VI + ".",
        "Key file {path}: {detail}. You need to " + _RESTORE_EN + "."),
    "integrity.no_slot": (
        "Người dùng {user} có trong kho dữ liệu nhưng không có khóa trong tệp khóa: người này "
        "không đăng nhập được. Quản trị viên đặt lại mật khẩu.",
        "User {user} is in the vault but has no slot in the key file: they cannot log in. "
        "An administrator resets their password."),
    "integrity.ok": (
        "Kho dữ liệu nguyên vẹn: {pages} trang cơ sở dữ liệu, {rows} dòng nhật ký, {blobs} tệp "
        "tài liệu đã kiểm tra đầy đủ{partly}, tệp khóa.",
        "The vault is intact: {pages} database pages, {rows} audit rows, {blobs} document "
        "files fully checked{partly_en}, the key file."),
    "integrity.partly": (
        ", {count} tệp trên độ mật của bạn chỉ kiểm tra kích thước và phần đầu",
        ", {count} above your clearance checked for size and header only"),
    "integrity.found": (
        "Kho dữ liệu có {count} vấn đề:",
        "The vault has {count} problem(s):"),
    "backup.source_damaged": (
        "Không sao lưu: kho dữ liệu đang bị hỏng — {first} Bản sao lưu chép lại cái hỏng "
        "sẽ không dùng được; hãy kiểm tra toàn bộ kho dữ liệu để xem hết.",
        "No backup made: the vault is damaged — {first_en} A copy of the damage would be "
        "useless; check the whole vault to see everything."),
    "backup.copy_damaged": (
        "Bản sao lưu vừa chép không khớp với kho dữ liệu ({first}); đã xóa bản sao. Hãy "
        "kiểm tra ổ đĩa đích rồi sao lưu lại.",
        "The copy just written does not match the vault ({first_en}); it was removed. Check "
        "the destination disk and back up again."),
    "backup.damaged": (
        "Không khôi phục: bản sao lưu {path} bị hỏng — {first} Hãy dùng một bản sao lưu khác.",
        "Not restored: the backup {path} is damaged — {first_en} Use another backup."),
    "backup.incomplete": (
        "{path} là một bản sao lưu chưa chép xong (chương trình bị tắt giữa chừng); không "
        "dùng được để khôi phục.",
        "{path} is a backup that was never finished (the program was stopped while copying); "
        "it cannot be restored."),
    "settings.folder_not_absolute": (
        "“{value}” không phải là đường dẫn đầy đủ; hãy ghi đầy đủ, ví dụ /home/thanhtra/sao-luu "
        "hoặc D:\\SaoLuu.",
        "“{value}” is not a full path; write it in full, e.g. /home/inspector/backups or "
        "D:\\Backups."),
    "backup.auto_failed": (
        "Không sao lưu tự động được: {why}",
        "The automatic backup was not made: {why}"),
    "backup.auto_done": (
        "Đã sao lưu tự động vào {path} (đã kiểm tra).",
        "Automatic backup written to {path} (verified)."),
    "integrity.copy_differs": (
        "tệp {path} chép ra khác với bản gốc",
        "the file {path} differs from the original"),
}

