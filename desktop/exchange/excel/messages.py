"""Messages of the Excel reader (Vietnamese first, English second).

desktop.exchange.excel registers them (its package init runs before any of its modules,
so every key they raise can be rendered). File messages name the file (its name only, never the folder: paths can reveal more than needed).
"""


_RESAVE_VI = "Hãy mở tệp bằng Excel, chọn Lưu thành → Sổ làm việc Excel (.xlsx) rồi nhập lại."
_RESAVE_EN = "Open it in Excel, choose Save As → Excel Workbook (.xlsx) and import it again."

FILE_MESSAGES: dict[str, tuple[str, str]] = {
    "excel.not_found": ("Không tìm thấy tệp {file}.", "The file {file} does not exist."),
    "excel.not_a_file": ("{file} là một thư mục, không phải tệp Excel.",
                         "{file} is a folder, not an Excel file."),
    "excel.empty": ("Tệp {file} rỗng (0 byte); có thể tệp chưa được sao chép hoặc tải về hết.",
                    "The file {file} is empty (0 bytes); it may not have been copied or "
                    "downloaded completely."),
    "excel.file_too_large": ("Tệp {file} quá lớn ({size} MB, giới hạn {limit} MB).",
                             "The file {file} is too large ({size} MB, limit {limit} MB)."),
    "excel.encrypted": (
        "Tệp {file} được đặt mật khẩu nên chương trình không đọc được. Hãy mở bằng Excel, gỡ mật "
        "khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu "
        "lại rồi nhập lại.",
        "The file {file} is password protected, so it cannot be read. Open it in Excel, remove "
        "the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save "
        "and import it again."),
    "excel.encrypted_or_xls": (
        "Tệp {file} được đặt mật khẩu hoặc là định dạng Excel cũ (.xls). Hãy mở bằng Excel, gỡ "
        "mật khẩu nếu có, rồi Lưu thành → Sổ làm việc Excel (.xlsx).",
        "The file {file} is password protected or in the old Excel format (.xls). Open it in "
        "Excel, remove any password, then Save As → Excel Workbook (.xlsx)."),
    "excel.legacy_xls": ("Tệp {file} là định dạng Excel 97-2003 (.xls) đã bị đổi tên. " + _RESAVE_VI,
                         "The file {file} is an Excel 97-2003 (.xls) file with another name. "
                         + _RESAVE_EN),
    "excel.not_excel": ("Tệp {file} không phải là tệp Excel (.xlsx).",
                        "The file {file} is not an Excel (.xlsx) file."),
    "excel.text_file": (
        "Tệp {file} là tệp văn bản (CSV hoặc TXT) bị đặt đuôi .xlsx. Hãy mở bằng Excel rồi Lưu "
        "thành → Sổ làm việc Excel (.xlsx).",
        "The file {file} is a text (CSV or TXT) file named .xlsx. Open it in Excel and Save As → "
        "Excel Workbook (.xlsx)."),
    "excel.html_file": (
        "Tệp {file} là trang web (HTML) mang đuôi Excel, thường do phần mềm trên mạng xuất ra. "
        + _RESAVE_VI,
        "The file {file} is a web page (HTML) with an Excel name, as web systems often export. "
        + _RESAVE_EN),
    "excel.xml2003_file": ("Tệp {file} là Bảng tính XML 2003, không phải .xlsx. " + _RESAVE_VI,
                           "The file {file} is an XML Spreadsheet 2003, not .xlsx. " + _RESAVE_EN),
    "excel.odf_not_spreadsheet": (
        "Tệp {file} là tài liệu OpenDocument nhưng không phải bảng tính (có thể là văn bản .odt "
        "hoặc trình chiếu .odp).",
        "The file {file} is an OpenDocument file but not a spreadsheet (a .odt text or .odp "
        "presentation, perhaps)."),
    "excel.ods_encrypted": (
        "Tệp {file} được đặt mật khẩu nên chương trình không đọc được. Hãy mở bằng LibreOffice, "
        "bỏ mật khẩu (Tệp → Lưu thành…, bỏ chọn “Lưu với mật khẩu”), rồi nhập lại.",
        "The file {file} is password protected, so it cannot be read. Open it in LibreOffice, "
        "save it without the password (File → Save As…, untick “Save with password”) and import "
        "it again."),
    "excel.xlsb": ("Tệp {file} là Sổ làm việc nhị phân Excel (.xlsb), chưa được hỗ trợ. " + _RESAVE_VI,
                   "The file {file} is an Excel Binary Workbook (.xlsb), not supported. "
                   + _RESAVE_EN),
    "excel.corrupt": (
        "Tệp {file} bị hỏng hoặc chưa được sao chép/tải về hết ({detail}). Hãy lấy lại tệp gốc.",
        "The file {file} is damaged or was not copied/downloaded completely ({detail}). Get the "
        "original file again."),
    "excel.missing_part": (
        "Tệp {file} không phải là sổ làm việc Excel hợp lệ: thiếu phần “{part}”.",
        "The file {file} is not a valid Excel workbook: the part “{part}” is missing."),
    "excel.too_many_parts": (
        "Tệp {file} bị từ chối: có {count} thành phần nén (giới hạn {limit}); tệp có thể là bom nén.",
        "The file {file} was refused: it holds {count} compressed parts (limit {limit}); it may "
        "be a zip bomb."),
    "excel.too_much_data": (
        "Tệp {file} bị từ chối: khi giải nén lên tới {size} MB (giới hạn {limit} MB).",
        "The file {file} was refused: it unpacks to {size} MB (limit {limit} MB)."),
    "excel.zip_bomb": (
        "Tệp {file} bị từ chối: phần “{part}” nén bất thường ({ratio} lần, giới hạn {limit}); "
        "tệp có thể là bom nén.",
        "The file {file} was refused: the part “{part}” is compressed abnormally ({ratio}×, limit "
        "{limit}); it may be a zip bomb."),
    "excel.xml_entities": (
        "Tệp {file} bị từ chối: phần “{part}” khai báo DOCTYPE/ENTITY, kiểu tấn công “bom XML”. "
        "Tệp do Excel tạo không bao giờ có khai báo này.",
        "The file {file} was refused: the part “{part}” declares a DOCTYPE/ENTITY, as an “XML "
        "bomb” attack does. Files made by Excel never contain one."),
    "excel.text_bomb": (
        "Tệp {file} bị từ chối: văn bản trong các ô lặp lại tới {size} MB (giới hạn {limit} MB); "
        "tệp có thể được tạo để làm treo máy.",
        "The file {file} was refused: its cell texts repeat to {size} MB (limit {limit} MB); it "
        "may have been made to exhaust memory."),
    "excel.sheet_too_large": (
        "Tệp {file} có trang tính quá lớn: dữ liệu trải tới ô {cell} ({rows} dòng × {cols} cột, "
        "giới hạn {limit} ô). Hãy xóa các ô thừa ở xa vùng dữ liệu rồi lưu lại.",
        "The file {file} has a sheet that is too large: data reaches cell {cell} ({rows} rows × "
        "{cols} columns, limit {limit} cells). Delete stray cells far from the data and save."),
    "excel.beta_format": (
        "Tệp {file} được tạo bởi bản thử nghiệm Excel 2007 (định dạng chưa chính thức). "
        + _RESAVE_VI,
        "The file {file} was made by a pre-release of Excel 2007 (an unofficial format). "
        + _RESAVE_EN),
    "excel.strict_unreadable": (
        "Tệp {file} được lưu ở dạng “Strict Open XML” và không đọc được ({detail}). Hãy Lưu "
        "thành → Sổ làm việc Excel (.xlsx) thông thường rồi nhập lại.",
        "The file {file} is saved as “Strict Open XML” and could not be read ({detail}). Save "
        "it as an ordinary Excel Workbook (.xlsx) and import it again."),
    "excel.unreadable": ("Không đọc được tệp {file} ({detail}). " + _RESAVE_VI,
                         "The file {file} could not be read ({detail}). " + _RESAVE_EN),
    "excel.no_sheets": ("Tệp {file} không có trang tính nào (chỉ có biểu đồ hoặc macro).",
                        "The file {file} has no worksheet (only charts or macros)."),
    "excel.header_not_found": (
        "Không tìm thấy dòng tiêu đề trong trang “{sheet}”: cần ít nhất {n} cột như {expected}.",
        "No header row found on the sheet “{sheet}”: at least {n} columns such as {expected} "
        "are needed."),
}

# Cell value problems. Each key is also registered with a ".at" suffix that names the cell,
# so an importer can say where the problem is without composing sentences itself.
VALUE_MESSAGES: dict[str, tuple[str, str]] = {
    "excel.value.required": ("Bỏ trống, nhưng cột này bắt buộc phải có giá trị.",
                              "Empty, but this column must have a value."),
    "excel.value.bad_date": (
        "“{value}” không phải là ngày hợp lệ; hãy ghi theo dạng dd/mm/yyyy, ví dụ 08/07/2024.",
        "“{value}” is not a valid date; write it as dd/mm/yyyy, e.g. 08/07/2024."),
    "excel.value.date_number": (
        "“{value}” là một con số, không phải ngày; hãy ghi ngày theo dạng dd/mm/yyyy.",
        "“{value}” is a number, not a date; write the date as dd/mm/yyyy."),
    "excel.value.bad_money": (
        "“{value}” không phải là số tiền hợp lệ; ví dụ đúng: 1.234.567 hoặc 12,5 tỷ hoặc 300 triệu.",
        "“{value}” is not a valid amount; for example 1.234.567, 12,5 tỷ or 300 triệu."),
    "excel.value.negative_money": ("Số tiền “{value}” bị âm.", "The amount “{value}” is negative."),
    "excel.value.too_large": ("Số “{value}” quá lớn, có lẽ ghi nhầm.",
                              "The number “{value}” is too large; probably a typing slip."),
    "excel.value.bad_int": ("“{value}” không phải là số nguyên.", "“{value}” is not a whole number."),
    "excel.value.bad_level": (
        "Độ mật “{value}” không hợp lệ; chỉ nhận Thường, Mật, Tối mật hoặc Tuyệt mật.",
        "The classification “{value}” is not valid; use Thường, Mật, Tối mật or Tuyệt mật."),
    "excel.value.not_text": ("Ô chứa “{value}” thay vì văn bản.", "The cell holds “{value}” instead of text."),
}

VALUE_MESSAGES.update({key + ".at": ("Ô {cell}: " + vi, "Cell {cell}: " + en)
                       for key, (vi, en) in list(VALUE_MESSAGES.items())})
