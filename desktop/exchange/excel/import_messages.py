"""Messages of imports (Vietnamese first, English second); desktop.exchange.excel
registers them."""

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    "excel.value.bad_basis": ("“{value}” không phải căn cứ hợp lệ (Theo kế hoạch / Đột xuất).",
                              "“{value}” is not a valid basis (planned / ad hoc)."),
    "excel.value.bad_basis.at": ("Ô {cell}: “{value}” không phải căn cứ hợp lệ (Theo kế hoạch / Đột xuất).",
                                 "Cell {cell}: “{value}” is not a valid basis (planned / ad hoc)."),
    "excel.value.bad_quarter": ("“{value}” không phải quý hợp lệ (1–4).",
                                "“{value}” is not a valid quarter (1–4)."),
    "excel.value.bad_quarter.at": ("Ô {cell}: “{value}” không phải quý hợp lệ (1–4).",
                                   "Cell {cell}: “{value}” is not a valid quarter (1–4)."),
    "excel.value.not_positive": ("“{value}” phải là số dương.", "“{value}” must be a positive number."),
    "excel.value.not_positive.at": ("Ô {cell}: “{value}” phải là số dương.",
                                    "Cell {cell}: “{value}” must be a positive number."),
    "import.duplicate": ("“{value}” đã xuất hiện ở dòng {first}.",
                         "“{value}” already appears in row {first}."),
    "import.no_case": ("Không có hồ sơ “{code}” trong kho dữ liệu.", "There is no case “{code}” in the vault."),
    "import.no_year": ("Thiếu năm kế hoạch: thêm cột “Năm” hoặc cho biết năm khi nhập.",
                       "The plan year is missing: add a “Năm” column or give the year."),
    "import.level_above": ("Độ mật {level} cao hơn độ mật của bạn.", "Classification {level} is above your clearance."),
    "import.role_level": ("Vai trò {role} chỉ được ghi hồ sơ đến độ mật {ceiling}.",
                          "The role {role} may write cases up to {ceiling} only."),
    "import.foreign": ("Tệp {file} được xuất từ một kho dữ liệu khác; chỉ nhập khi bạn xác nhận "
                       "đó là điều mong muốn.",
                       "{file} was exported from another vault; it is imported only if you "
                       "confirm that is intended."),
    "import.bad_kind": ("Loại dữ liệu “{kind}” không hợp lệ (cases, plan, opinions, staff).",
                        "Invalid kind “{kind}” (cases, plan, opinions, staff)."),
    "import.converted": (
        "Cột “{column}”: {cells} ô gõ bằng bảng mã {encoding} đã được chuyển sang Unicode (ví dụ "
        "“{before}” → “{after}”).",
        "Column “{column}”: {cells} cells typed in the {encoding} encoding were converted to "
        "Unicode (e.g. “{before}” → “{after}”)."),
    "import.kept_encoding": (
        "Cột “{column}”: {cells} ô có vẻ gõ bằng bảng mã {encoding} được giữ nguyên như trong tệp "
        "(ví dụ “{before}”).",
        "Column “{column}”: {cells} cells that look typed in the {encoding} encoding are kept "
        "as in the file (e.g. “{before}”)."),
    "import.kind_unknown": ("Không nhận ra tệp {file} chứa loại dữ liệu nào (không thấy dòng tiêu đề "
                            "quen thuộc); hãy ghi rõ --kind cases|plan|opinions|staff.",
                            "Cannot tell what {file} holds (no familiar header row); say "
                            "--kind cases|plan|opinions|staff."),
    "import.kind_guessed": ("Tệp được nhận là: {kind}.", "The file was taken as: {kind}."),
    "import.no_rows": ("Không tìm thấy dòng dữ liệu nào dưới dòng tiêu đề trong trang “{sheet}”.",
                       "No data rows below the header on sheet “{sheet}”."),
    "import.done": ("Đã nhập {file}: thêm {inserted}, cập nhật {updated}, không đổi {unchanged}, bị loại {rejected}.",
                    "Imported {file}: {inserted} added, {updated} updated, {unchanged} unchanged, {rejected} rejected."),
    "import.dry": ("Nhập thử {file} (chưa ghi gì): sẽ thêm {inserted}, cập nhật {updated}, không đổi {unchanged}, bị loại {rejected}.",
                   "Dry run of {file} (nothing written): would add {inserted}, update {updated}, leave {unchanged} unchanged, reject {rejected}."),
    "import.rejected_all": ("Tệp {file} có {rejected} dòng lỗi; không nhập gì. Sửa lỗi rồi nhập lại.",
                            "{file} has {rejected} rows with errors; nothing was imported. Fix them and import again."),
    "import.errors_written": ("Đã ghi bảng lỗi vào {path}.", "Error workbook written to {path}."),
    "import.unknown_columns": ("Cột không nhận ra (bỏ qua): {columns}.", "Columns not recognised (ignored): {columns}."),
    "import.missing_rows": ("{count} hồ sơ có trong tệp đã xuất nhưng không còn trong tệp này "
                            "(không bị xóa khỏi kho dữ liệu): {codes}.",
                            "{count} case(s) of the exported file are no longer in this file "
                            "(not deleted from the vault): {codes}."),
    "import.dates_swapped": (
        "Cột “{column}” có vẻ đã bị một bảng tính kiểu Mỹ đảo ngày và tháng: ô này là ngày "
        "{value} nhưng cùng cột có ngày viết dạng chữ mà ngày lớn hơn 12 (ví dụ ô {example}). "
        "Nếu đúng là bị đảo, ngày đúng là {proposed}: cho đảo lại ngày/tháng của cột này khi "
        "nhập; nếu không, sửa tệp.",
        "Column “{column}” looks swapped by a month/day spreadsheet: this cell is {value} but "
        "the same column has text dates whose day is above 12 (e.g. cell {example}). If it was "
        "swapped, the right date is {proposed}: have this column's day and month swapped back "
        "when importing; otherwise correct the file."),
    "import.skipped_lines": ("Bỏ qua {count} dòng không phải dữ liệu: {lines}.",
                             "Skipped {count} line(s) that are not data: {lines}."),
    "import.missing_columns": ("Thiếu cột bắt buộc: {columns}.", "Required columns missing: {columns}."),
}
