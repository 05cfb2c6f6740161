"""Messages of the encrypted content store (desktop.security.blobs), Vietnamese then English.

Registered into desktop.domain.messages.MESSAGES when this module is imported;
desktop.security.blobs imports it, so the keys exist whenever a blob error can be raised.
The reason of a damaged blob comes in both languages: {reason} in Vietnamese,
{reason_en} in English.
"""

from desktop.domain.messages import MESSAGES

BLOB_MESSAGES: dict[str, tuple[str, str]] = {
    "blob.damaged": (
        "Tệp nội dung tài liệu {path} bị hỏng hoặc đã bị sửa đổi ({reason}); "
        "nội dung không được hiển thị.",
        "The document content file {path} is damaged or was tampered with ({reason_en}); "
        "its content is not shown."),
    "blob.cancelled": (
        "Đã hủy; không có gì được lưu vào kho dữ liệu.",
        "Cancelled; nothing was stored in the vault."),
    "blob.too_large": (
        "Tài liệu quá lớn để xem trực tiếp ({size} byte, giới hạn {limit} byte); "
        "hãy xuất bản sao để mở bằng chương trình khác.",
        "The document is too large to view here ({size} bytes, limit {limit} bytes); "
        "export a copy to open it with another program."),
}

# Why a blob was refused: BlobDamaged.reason → (Vietnamese, English). {chunk} is 1-based.
BLOB_REASONS: dict[str, tuple[str, str]] = {
    "missing": ("không tìm thấy tệp", "the file is missing"),
    "unreadable": ("không đọc được tệp", "the file cannot be read"),
    "not_a_blob": ("không phải tệp nội dung của chương trình",
                   "not a content file of this program"),
    "unsupported_version": ("định dạng tệp không được hỗ trợ, có thể do phiên bản mới hơn tạo ra",
                            "unsupported file format, perhaps made by a newer version"),
    "wrong_blob": ("tệp thuộc về một tài liệu khác", "the file belongs to another document"),
    "wrong_key": ("khóa nội dung không khớp với tệp", "the content key does not match the file"),
    "truncated": ("tệp bị cắt cụt", "the file is truncated"),
    "extended": ("tệp có dữ liệu thừa ở cuối", "the file has extra data at the end"),
    "reordered": ("đoạn dữ liệu thứ {chunk} nằm sai vị trí",
                  "chunk {chunk} is out of order"),
    "altered": ("đoạn dữ liệu thứ {chunk} bị thay đổi", "chunk {chunk} was altered"),
    "end_altered": ("phần kết thúc của tệp bị thay đổi", "the end of the file was altered"),
    "checksum": ("mã kiểm tra SHA-256 không khớp", "the SHA-256 checksum does not match"),
}

MESSAGES.update(BLOB_MESSAGES)
