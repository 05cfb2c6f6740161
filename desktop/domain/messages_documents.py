"""Messages of documents, their contents and the state-secret registers, Vietnamese then
English. Part of the catalogue: desktop.domain.messages merges it into MESSAGES."""


DOCUMENT_MESSAGES: dict[str, tuple[str, str]] = {
    # refusals
    "doc.denied": (
        "Bạn không đủ độ mật để mở tài liệu {number} (độ mật {level}); lần thử đã được ghi nhật ký.",
        "Your clearance does not allow document {number} ({level}); the attempt was logged."),
    "doc.level_above_own": (
        "Không thể lưu tài liệu độ mật {level}, cao hơn độ mật của bạn.",
        "You cannot store a document at {level}, above your clearance."),
    "doc.key_unusable": (
        "Không mở được khóa nội dung của tài liệu {number} (phiên bản {version}) bằng khóa của bạn: "
        "bản ghi đã bị sửa đổi hoặc bạn không đủ độ mật.",
        "The content key of document {number} (version {version}) does not open with your keys: "
        "the record was altered or your clearance does not allow it."),
    "doc.destroy_role": (
        "Vai trò {role} không được tiêu hủy tài liệu (cần lãnh đạo hoặc quản trị).",
        "The role {role} may not destroy documents (a leader or an administrator may)."),
    # not found, wrong state
    "doc.not_found": ("Không có tài liệu số {id}.", "There is no document {id}."),
    "doc.version_not_found": ("Tài liệu {number} không có phiên bản {version}.",
                              "Document {number} has no version {version}."),
    "doc.no_content": ("Tài liệu {number} chưa có tệp nội dung.",
                       "Document {number} has no content file."),
    "doc.destroyed": (
        "Tài liệu {number} đã bị tiêu hủy ngày {date}; nội dung không còn khôi phục được.",
        "Document {number} was destroyed on {date}; its content can no longer be recovered."),
    "doc.already_destroyed": ("Tài liệu {number} đã được tiêu hủy trước đó.",
                              "Document {number} was already destroyed."),
    "doc.level_tampered": (
        "Tài liệu {number} ghi độ mật thấp hơn độ mật đã niêm phong hồ sơ của nó ({level}): "
        "có thể đã bị sửa ngoài chương trình. Không thêm nội dung; hãy báo quản trị viên.",
        "Document {number} shows a lower level than its record is sealed at ({level}): it may "
        "have been changed outside the program. No content added; tell the administrator."),
    "doc.changed_meanwhile": (
        "Tài liệu {number} vừa được người khác thay đổi độ mật; hãy thử lại.",
        "Someone changed the level of document {number} meanwhile; try again."),
    "doc.level_same": ("Tài liệu đã ở độ mật {level}.", "The document is already at {level}."),
    "doc.not_classified": ("Tài liệu {number} không phải tài liệu mật; không có thời hạn bảo vệ.",
                           "Document {number} is not classified; it has no protection period."),
    "doc.bad_years": ("Số năm gia hạn “{value}” không hợp lệ (từ 1 đến {maximum}).",
                      "Invalid extension “{value}” years (1 to {maximum})."),
    "doc.reason_required": ("Phải nêu lý do (--reason).", "A reason is required (--reason)."),
    # files
    "doc.source_missing": ("Không tìm thấy tệp {path}.", "File {path} not found."),
    "doc.source_unreadable": ("Không đọc được tệp {path} ({detail}).",
                              "Cannot read file {path} ({detail})."),
    "doc.export_exists": ("Đã có tệp {path}; chọn tên hoặc thư mục khác (không ghi đè).",
                          "{path} already exists; choose another name or folder (never overwritten)."),
    "doc.export_no_folder": ("Không có thư mục {path}.", "There is no folder {path}."),
    "doc.export_cancelled": ("Đã hủy xuất bản sao; không có tệp nào được ghi.",
                             "Export cancelled; no file was written."),
    "doc.export_failed": ("Không ghi được bản sao vào {path} ({detail}); không có tệp nào được để lại.",
                          "Could not write the copy to {path} ({detail}); no file was left behind."),
    # done
    "doc.added": ("Đã lưu tài liệu {number} (mã {id}, độ mật {level}).",
                  "Document {number} stored (id {id}, {level})."),
    "doc.added_register": ("Số đăng ký mật năm {year}: {seq}.",
                           "Classified register number for {year}: {seq}."),
    "doc.version_added": ("Đã thêm phiên bản {version} cho tài liệu {id}.",
                          "Version {version} added to document {id}."),
    "doc.exported": ("Đã xuất bản sao giải mã: {path}", "Decrypted copy written: {path}"),
    "doc.destroyed_done": (
        "Đã tiêu hủy nội dung tài liệu {number} (mã {id}); sổ đăng ký và nhật ký giữ lại việc tiêu hủy.",
        "Content of document {number} (id {id}) destroyed; the register and the audit trail keep the record."),
    "doc.level_changed": ("Đã đổi độ mật tài liệu {number}: {before} → {after}.",
                          "Level of document {number} changed: {before} → {after}."),
    "doc.extended": ("Đã gia hạn bảo vệ tài liệu {number} đến ngày {until}.",
                     "Protection of document {number} extended to {until}."),
    "doc.extension_late": (
        "Lưu ý: quyết định gia hạn muộn hơn quy định ({days} ngày trước khi hết hạn).",
        "Note: the extension was decided later than the rules ask ({days} days before the end)."),
    "doc.copy_recorded": ("Đã ghi sổ sao chụp: {copies} bản tài liệu {number}.",
                          "Copy register: {copies} copies of document {number} recorded."),
    "doc.none": ("Không có tài liệu nào.", "No documents."),
    "doc.search_none": ("Không tìm thấy tài liệu nào.", "No documents found."),
    "doc.expiring_none": ("Không có tài liệu nào sắp hết thời hạn bảo vệ.",
                          "No document's protection period ends soon."),
    "register.none": ("Sổ năm {year} chưa có dòng nào.", "The {year} register has no entries."),
}

