<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AddDocumentDialog</name>
    <message>
        <source>Thêm tài liệu</source>
        <translation>Add document</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>ví dụ 12/KL-TTCP</source>
        <translation>e.g. 12/KL-TTCP</translation>
    </message>
    <message>
        <source>Số, ký hiệu:</source>
        <translation>Number and symbol:</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Cơ quan, đơn vị ban hành</source>
        <translation>Issuing agency or unit</translation>
    </message>
    <message>
        <source>Cơ quan ban hành:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Trích yếu:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>Văn bản đến</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Văn bản đi</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Nội bộ</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Số lượng bản (sổ đăng ký)</source>
        <translation>Number of copies (register)</translation>
    </message>
    <message>
        <source>Hướng:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <source>Số bản:</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <source>Độ mật:</source>
        <translation>Classification:</translation>
    </message>
    <message>
        <source>Chỉ chọn được độ mật đến mức %1 của bạn.</source>
        <translation>You can choose a classification up to your clearance, %1.</translation>
    </message>
    <message>
        <source>để trống: cơ quan ban hành</source>
        <translation>leave empty: the issuing agency</translation>
    </message>
    <message>
        <source>Nơi gửi:</source>
        <translation>Sender:</translation>
    </message>
    <message>
        <source>Ngày đến:</source>
        <translation>Received on:</translation>
    </message>
    <message>
        <source>Nơi nhận:</source>
        <translation>Recipients:</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>Đơn vị, người nhận xử lý hoặc lưu</source>
        <translation>Unit or person who handles or keeps it</translation>
    </message>
    <message>
        <source>Xử lý, lưu:</source>
        <translation>Handled, kept by:</translation>
    </message>
    <message>
        <source>Ghi chú (không bắt buộc)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Phải nhập số, ký hiệu của tài liệu.</source>
        <translation>The document&apos;s number and symbol are required.</translation>
    </message>
</context>
<context>
    <name>AddItemDialog</name>
    <message>
        <source>Thêm mục vào kế hoạch năm %1</source>
        <translation>Add an item to the %1 plan</translation>
    </message>
    <message>
        <source>Chưa xác định</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Quý %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <source>chưa xác định</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Đối tượng thanh tra:</source>
        <translation>Inspected party:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Quý dự kiến:</source>
        <translation>Planned quarter:</translation>
    </message>
    <message>
        <source>Số ngày thanh tra:</source>
        <translation>Inspection days:</translation>
    </message>
    <message>
        <source>Số người trong đoàn:</source>
        <translation>Team size:</translation>
    </message>
    <message>
        <source>Số quyết định điều chỉnh:</source>
        <translation>Amending decision number:</translation>
    </message>
    <message>
        <source>Ngày quyết định điều chỉnh:</source>
        <translation>Date of the amending decision:</translation>
    </message>
    <message>
        <source>Hãy nhập đối tượng thanh tra.</source>
        <translation>Please enter the inspected party.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>không dấu, không khoảng trắng, ví dụ nguyenvana</source>
        <translation>no diacritics or spaces, e.g. nguyenvana</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Độ mật được tiếp cận:</source>
        <translation>Clearance:</translation>
    </message>
    <message>
        <source>Mật khẩu đầu tiên được tạo ngẫu nhiên và chỉ hiện một lần.</source>
        <translation>The first password is generated at random and shown only once.</translation>
    </message>
    <message>
        <source>Hãy nhập tên đăng nhập.</source>
        <translation>Please enter a user name.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Đến ngày:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Người dùng:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Thao tác:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Kiểm tra chuỗi</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <source>Kiểm tra mã xác thực của từng dòng: một dòng bị sửa, xóa hoặc chèn thêm sẽ làm đứt chuỗi tại dòng đó.</source>
        <translation>Checks the authentication code of every row: a row that was edited, deleted or inserted breaks the chain at that row.</translation>
    </message>
    <message>
        <source>Kiểm tra toàn bộ kho dữ liệu</source>
        <translation>Check the whole vault</translation>
    </message>
    <message>
        <source>Đọc lại mọi trang cơ sở dữ liệu, chuỗi nhật ký, mọi tệp tài liệu và tệp khóa; mỗi vấn đề được nêu kèm việc cần làm.</source>
        <translation>Reads back every database page, the audit chain, every document file and the key file; each problem is named with what to do.</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nhật ký hoạt động</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>(Tất cả)</source>
        <translation>(All)</translation>
    </message>
    <message>
        <source>(Tất cả thao tác)</source>
        <translation>(All actions)</translation>
    </message>
    <message>
        <source>%1.* (mọi thao tác nhóm này)</source>
        <translation>%1.* (every action in this group)</translation>
    </message>
    <message>
        <source>%1 dòng</source>
        <translation>Rows: %1</translation>
    </message>
    <message>
        <source>cuộn xuống để xem các dòng cũ hơn</source>
        <translation>scroll down for older rows</translation>
    </message>
    <message>
        <source>Đang đọc lại toàn bộ kho dữ liệu…</source>
        <translation>Reading back the whole vault…</translation>
    </message>
    <message>
        <source>Đang kiểm tra chuỗi nhật ký…</source>
        <translation>Verifying the audit log chain…</translation>
    </message>
    <message>
        <source>thiếu các dòng trước dòng này (đã bị xóa)</source>
        <translation>rows before this one are missing (deleted)</translation>
    </message>
    <message>
        <source>mã của dòng trước không khớp (dòng trước bị sửa, xóa hoặc chèn thêm)</source>
        <translation>the previous row&apos;s code does not match (a row before was edited, deleted or inserted)</translation>
    </message>
    <message>
        <source>nội dung dòng không khớp với mã xác thực (dòng đã bị sửa)</source>
        <translation>the row&apos;s content does not match its authentication code (the row was edited)</translation>
    </message>
    <message>
        <source>chữ ký của người ghi dòng không hợp lệ</source>
        <translation>the signature of the row&apos;s author does not verify</translation>
    </message>
    <message>
        <source>dòng được ký bằng một khóa không phải của người dùng ghi trên dòng</source>
        <translation>the row is signed with a key that is not the key of the user it names</translation>
    </message>
    <message>
        <source>dòng được ký bởi một tài khoản đã bị khóa trước đó</source>
        <translation>the row is signed by an account disabled before it</translation>
    </message>
    <message>
        <source>OK, %1 dòng — chuỗi nhật ký toàn vẹn.</source>
        <translation>OK, %1 rows — the audit log chain is intact.</translation>
    </message>
    <message>
        <source>Chuỗi nhật ký bị phá vỡ tại dòng số %1: %2. %3 dòng trước đó hợp lệ.</source>
        <translation>The audit log chain is broken at row %1: %2. The %3 rows before it are valid.</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <source>Chọn thư mục trống hoặc mới để lưu bản sao lưu</source>
        <translation>Choose an empty or new folder for the backup</translation>
    </message>
    <message>
        <source>Đang sao lưu kho dữ liệu…</source>
        <translation>Backing up the vault…</translation>
    </message>
    <message>
        <source>Đã sao lưu kho dữ liệu vào thư mục:</source>
        <translation>The vault has been backed up to the folder:</translation>
    </message>
    <message>
        <source>Bản sao lưu được mã hóa như kho dữ liệu và mở bằng cùng mật khẩu. Hãy cất giữ ở nơi an toàn, tách khỏi máy này.</source>
        <translation>The backup is encrypted like the vault and opens with the same password. Keep it in a safe place, away from this computer.</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Các bản sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>để trống: không sao lưu tự động</source>
        <translation>empty: no automatic backups</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Lưu thiết lập</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Thư mục sao lưu tự động:</source>
        <translation>Automatic backup folder:</translation>
    </message>
    <message>
        <source>Giữ lại:</source>
        <translation>Keep:</translation>
    </message>
    <message>
        <source>Mỗi ngày, lần mở khóa đầu tiên sao lưu vào thư mục này, và trước mỗi lần nâng cấp kho dữ liệu; bản sao lưu được kiểm tra lại trước khi được coi là xong.</source>
        <translation>Each day the first unlock backs up into this folder, and so does every upgrade of the vault first; a backup counts as made only once it has been read back and verified.</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Kiểm tra lại</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>hằng ngày</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>trước khi nâng cấp</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>sao lưu ngay</source>
        <translation>on request</translation>
    </message>
    <message>
        <source>đã kiểm tra</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>chưa chép xong</source>
        <translation>never finished</translation>
    </message>
    <message>
        <source>chưa kiểm tra</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>Chưa đặt thư mục sao lưu tự động.</source>
        <translation>No automatic backup folder is set.</translation>
    </message>
    <message>
        <source>Thư mục sao lưu tự động</source>
        <translation>Automatic backup folder</translation>
    </message>
    <message>
        <source>Đã lưu thiết lập sao lưu.</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: %1</source>
        <translation>Backed up and verified: %1</translation>
    </message>
    <message>
        <source>Chọn một bản sao lưu trong bảng.</source>
        <translation>Choose a backup in the table.</translation>
    </message>
    <message>
        <source>Bản sao lưu %1 nguyên vẹn.</source>
        <translation>The backup %1 is intact.</translation>
    </message>
</context>
<context>
    <name>CaseDocumentsPanel</name>
    <message>
        <source>Thêm tài liệu…</source>
        <translation>Add document…</translation>
    </message>
    <message>
        <source>Phiên bản mới…</source>
        <translation>New version…</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Xuất bản giải mã…</source>
        <translation>Export decrypted copy…</translation>
    </message>
    <message>
        <source>Có thể kéo thả tệp vào đây để thêm tài liệu.</source>
        <translation>You can drop files here to add documents.</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kích thước</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Người tạo</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>đã tiêu hủy</source>
        <translation>destroyed</translation>
    </message>
    <message>
        <source>(không đủ độ mật)</source>
        <translation>(above your clearance)</translation>
    </message>
    <message>
        <source>chưa có tệp</source>
        <translation>no file yet</translation>
    </message>
    <message>
        <source>%1 phiên bản</source>
        <translation>versions: %1</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number, symbol</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Độ mật</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Hướng</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Phiên bản của %1: đang đọc…</source>
        <translation>Versions of %1: reading…</translation>
    </message>
    <message>
        <source>Phiên bản: không hiển thị (tài liệu %1, cao hơn độ mật của bạn)</source>
        <translation>Versions: not shown (a %1 document, above your clearance)</translation>
    </message>
    <message>
        <source>Phiên bản của %1 (%2)</source>
        <translation>Versions of %1 (%2)</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <source>Sửa hồ sơ</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <source>Thêm hồ sơ</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Nguyễn Văn A:trưởng đoàn; Trần Thị B</source>
        <translation>Nguyễn Văn A:leader; Trần Thị B</translation>
    </message>
    <message>
        <source>Kết quả thanh tra</source>
        <translation>Results of the inspection</translation>
    </message>
    <message>
        <source>bắt buộc khi đổi độ mật</source>
        <translation>required when the classification changes</translation>
    </message>
    <message>
        <source>Lý do thay đổi:</source>
        <translation>Reason for the change:</translation>
    </message>
    <message>
        <source>Đoàn thanh tra:</source>
        <translation>Inspection team:</translation>
    </message>
    <message>
        <source>vừa được người khác sửa</source>
        <translation>just changed by someone else</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Tên cuộc thanh tra</source>
        <translation>Inspection title</translation>
    </message>
    <message>
        <source>Đối tượng thanh tra</source>
        <translation>Inspected party</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Ngày QĐ</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Độ mật</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>%1 từ ngày %2</source>
        <translation>%1 since %2</translation>
    </message>
    <message>
        <source>Quyết định số %1 ngày %2</source>
        <translation>Decision No. %1 dated %2</translation>
    </message>
    <message>
        <source>Có thời hạn đã quá hạn</source>
        <translation>A deadline is overdue</translation>
    </message>
    <message>
        <source>Cuộc thanh tra có thời hạn đã quá hạn (không sắp xếp theo cột này)</source>
        <translation>Inspections with an overdue deadline (the list cannot be sorted by this column)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Chọn một cuộc thanh tra trong danh sách (nhấp đúp hoặc Enter) để xem chi tiết.</source>
        <translation>Choose an inspection in the list (double-click or Enter) to see its details.</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Sửa thông tin hồ sơ (mỗi thay đổi được ghi lịch sử)</source>
        <translation>Edit the case (every change is kept in its history)</translation>
    </message>
    <message>
        <source>Tài liệu</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Đối tượng: %1</source>
        <translation>Inspected party: %1</translation>
    </message>
    <message>
        <source>Giai đoạn: %1</source>
        <translation>Stage: %1</translation>
    </message>
    <message>
        <source> (từ %1)</source>
        <translation> (since %1)</translation>
    </message>
    <message>
        <source>QĐ số %1 ngày %2</source>
        <translation>Decision No. %1 dated %2</translation>
    </message>
    <message>
        <source>Tài liệu (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Tìm theo mã, tên, đối tượng, số quyết định, người (gõ không dấu được)</source>
        <translation>Search by code, title, inspected party, decision number, person (diacritics optional)</translation>
    </message>
    <message>
        <source>Mọi giai đoạn</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Mọi độ mật</source>
        <translation>All classifications</translation>
    </message>
    <message>
        <source>Lãnh đạo phụ trách</source>
        <translation>Supervising leader</translation>
    </message>
    <message>
        <source>Mọi năm</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Năm của quyết định thanh tra</source>
        <translation>Year of the decision to inspect</translation>
    </message>
    <message>
        <source>Thêm hồ sơ…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <source>Thêm một cuộc thanh tra (Ctrl+N)</source>
        <translation>Add an inspection case (Ctrl+N)</translation>
    </message>
    <message>
        <source>Chưa có cuộc thanh tra nào. Bấm “Thêm hồ sơ…” (Ctrl+N) để nhập cuộc đầu tiên, nhập danh sách từ tệp Excel (Tệp → Nhập từ Excel), hoặc bắt đầu từ một mục của kế hoạch năm (trang Kế hoạch).</source>
        <translation>No inspection cases yet. Click “New case…” (Ctrl+N) to enter the first one, import a list from an Excel file (File → Import from Excel), or start from an item of the annual plan (Plan page).</translation>
    </message>
    <message>
        <source>Chép mã và tên</source>
        <translation>Copy code and title</translation>
    </message>
    <message>
        <source>Xem chi tiết</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Hơn %1 hồ sơ</source>
        <translation>Cases: more than %1</translation>
    </message>
    <message>
        <source>%1 hồ sơ</source>
        <translation>Cases: %1</translation>
    </message>
    <message>
        <source>Đã chép %1 hồ sơ; có hồ sơ mật nên bộ nhớ tạm sẽ được xóa sau %2 giây.</source>
        <translation>Copied cases: %1. Some are classified, so the clipboard will be cleared in %2 seconds.</translation>
    </message>
    <message>
        <source>Đã chép %1 hồ sơ.</source>
        <translation>Copied cases: %1.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu của riêng bạn.</source>
        <translation>This is your first sign-in: please set a password of your own.</translation>
    </message>
    <message>
        <source>Mật khẩu hiện tại:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>Mật khẩu mới:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Nhập lại:</source>
        <translation>Repeat new password:</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>ClassifiedTextEdit</name>
    <message>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Chọn tất cả</source>
        <translation>Select all</translation>
    </message>
</context>
<context>
    <name>CreatePlanDialog</name>
    <message>
        <source>Lập kế hoạch thanh tra năm</source>
        <translation>Create annual inspection plan</translation>
    </message>
    <message>
        <source>Kế hoạch thanh tra năm %1</source>
        <translation>Annual inspection plan %1</translation>
    </message>
    <message>
        <source>ví dụ 612/QĐ-TTCP</source>
        <translation>e.g. 612/QĐ-TTCP</translation>
    </message>
    <message>
        <source>Đã phê duyệt, ngày:</source>
        <translation>Approved on:</translation>
    </message>
    <message>
        <source>theo danh sách công chức của đơn vị</source>
        <translation>from the unit&apos;s staff list</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Tên kế hoạch:</source>
        <translation>Plan title:</translation>
    </message>
    <message>
        <source>Quyết định phê duyệt số:</source>
        <translation>Approval decision No.:</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Số công chức:</source>
        <translation>Number of staff:</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Quá hạn và sắp đến hạn</source>
        <translation>Overdue and due soon</translation>
    </message>
    <message>
        <source>Đang tính thời hạn…</source>
        <translation>Computing deadlines…</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Việc phải làm</source>
        <translation>What is due</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nhấp đúp hoặc nhấn Enter để mở hồ sơ</source>
        <translation>Double-click or press Enter to open the case</translation>
    </message>
    <message>
        <source>Hồ sơ theo giai đoạn hiện tại</source>
        <translation>Cases by current stage</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Tỷ lệ</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Kết luận ban hành và hồ sơ đang thực hiện theo tháng</source>
        <translation>Conclusions issued and cases in progress by month</translation>
    </message>
    <message>
        <source>tình hình đến ngày %1</source>
        <translation>as of %1</translation>
    </message>
    <message>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Không có việc nào quá hạn hay sắp đến hạn.</source>
        <translation>Nothing is overdue or due soon.</translation>
    </message>
    <message>
        <source>%1 việc quá hạn, %2 việc sắp đến hạn (xếp từ việc trễ nhất).</source>
        <translation>Overdue: %1, due soon: %2 (most overdue first).</translation>
    </message>
    <message>
        <source>Hiển thị %1 việc đầu tiên.</source>
        <translation>Showing the first %1.</translation>
    </message>
    <message>
        <source>(không gắn hồ sơ)</source>
        <translation>(no case)</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Thời hạn</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>xong %1</source>
        <translation>met on %1</translation>
    </message>
    <message>
        <source>* Hạn tính theo số liệu chưa đối chiếu được với văn bản luật (cần kiểm tra).</source>
        <translation>* A due date resting on a figure not yet confirmed against the law&apos;s text (to verify).</translation>
    </message>
    <message>
        <source>Thời hạn (%1 quá hạn)</source>
        <translation>Deadlines (%1 overdue)</translation>
    </message>
    <message>
        <source>Chưa có thời hạn nào được tính cho cuộc thanh tra này (cần có quyết định và ngày công bố).</source>
        <translation>No deadline has been computed for this inspection yet (it needs a decision to inspect and the date of its announcement).</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Xem tài liệu</source>
        <translation>View document</translation>
    </message>
    <message>
        <source>Đang mở tài liệu…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <source>Đang giải mã nội dung…</source>
        <translation>Decrypting the content…</translation>
    </message>
    <message>
        <source>Xuất bản giải mã…</source>
        <translation>Export decrypted copy…</translation>
    </message>
    <message>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Vừa trang</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Ghi một bản không mã hóa ra thư mục bạn chọn (phải nêu lý do; việc xuất được ghi nhật ký).</source>
        <translation>Writes an unencrypted copy to a folder you choose (a reason is required; the export is recorded in the audit log).</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kho dữ liệu đang khóa.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>Không mở được tài liệu</source>
        <translation>Cannot open the document</translation>
    </message>
    <message>
        <source>Tài liệu %1</source>
        <translation>Document %1</translation>
    </message>
    <message>
        <source>Ngày: %1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <source>Độ mật: %1</source>
        <translation>Classification: %1</translation>
    </message>
    <message>
        <source>Cơ quan ban hành: %1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <source>Hồ sơ: %1</source>
        <translation>Case: %1</translation>
    </message>
    <message>
        <source>Tệp: %1 · phiên bản %2 · %3</source>
        <translation>File: %1 · version %2 · %3</translation>
    </message>
    <message>
        <source>Chương trình không hiển thị được loại tệp này (%1). Chỉ có thể xuất bản giải mã để mở bằng chương trình khác.</source>
        <translation>The program cannot display this kind of file (%1). You can only export a decrypted copy to open it with another program.</translation>
    </message>
    <message>
        <source>Không đọc được tệp PDF (%1). Có thể xuất bản giải mã để mở bằng chương trình khác.</source>
        <translation>Cannot read the PDF file (%1). You can export a decrypted copy to open it with another program.</translation>
    </message>
    <message>
        <source>%1 trang</source>
        <translation>Pages: %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>(không đủ độ mật)</source>
        <translation>(above your clearance)</translation>
    </message>
    <message>
        <source>Tài liệu mật</source>
        <translation>Classified documents</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Năm của sổ đăng ký (sổ ghi số lại từ 01 mỗi năm)</source>
        <translation>Year of the registers (numbering restarts at 01 every year)</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Độ mật</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Số đến</source>
        <translation>Incoming No.</translation>
    </message>
    <message>
        <source>Ngày đến</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number, symbol</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Số bản</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Người nhận, xử lý</source>
        <translation>Received, handled by</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ngày sao, chụp</source>
        <translation>Copied on</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Người cho phép</source>
        <translation>Authorised by</translation>
    </message>
    <message>
        <source>Người thực hiện</source>
        <translation>Made by</translation>
    </message>
    <message>
        <source>Nơi nhận bản sao</source>
        <translation>Copies sent to</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Đến</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Đi</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Nội bộ</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Bản sao, chụp</source>
        <translation>Copies made</translation>
    </message>
    <message>
        <source>Điều chỉnh độ mật</source>
        <translation>Classification changed</translation>
    </message>
    <message>
        <source>Giải mật</source>
        <translation>Declassified</translation>
    </message>
    <message>
        <source>Gia hạn</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Tiêu hủy</source>
        <translation>Destroyed</translation>
    </message>
    <message>
        <source>Đang quản lý cuối kỳ</source>
        <translation>Held at period end</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>hồ sơ ghi</source>
        <translation>register record</translation>
    </message>
    <message>
        <source>Nội dung phiên bản %1 chứa các từ tìm</source>
        <translation>The content of version %1 contains the words searched for</translation>
    </message>
    <message>
        <source>Số, trích yếu hoặc cơ quan ban hành chứa các từ tìm</source>
        <translation>The number, summary or issuing agency contains the words searched for</translation>
    </message>
    <message>
        <source>Đoạn trích</source>
        <translation>Excerpt</translation>
    </message>
    <message>
        <source>Sổ đến (mẫu 15)</source>
        <translation>Incoming (form 15)</translation>
    </message>
    <message>
        <source>Sổ đi (mẫu 14)</source>
        <translation>Outgoing (form 14)</translation>
    </message>
    <message>
        <source>Tài liệu mật nội bộ</source>
        <translation>Internal classified</translation>
    </message>
    <message>
        <source>Sổ sao, chụp (mẫu 12)</source>
        <translation>Copies (form 12)</translation>
    </message>
    <message>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Thống kê năm (mẫu 18)</source>
        <translation>Statistics (form 18)</translation>
    </message>
    <message>
        <source>Tìm trong nội dung tài liệu (văn bản, PDF) và số, trích yếu – gõ không dấu được</source>
        <translation>Search the documents&apos; content (text, PDF), numbers and summaries – diacritics optional</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Chỉ tìm trong các tài liệu bạn đủ độ mật để xem.</source>
        <translation>Only documents within your clearance are searched.</translation>
    </message>
    <message>
        <source>Tìm trong tài liệu</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Người ký</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>Lưu tại</source>
        <translation>Kept by</translation>
    </message>
    <message>
        <source>Năm %1: %2 dòng</source>
        <translation>Year %1: rows: %2</translation>
    </message>
    <message>
        <source>Sổ năm %1 chưa có dòng nào.</source>
        <translation>The %1 register has no rows yet.</translation>
    </message>
    <message>
        <source>(%1 dòng cao hơn độ mật của bạn: chỉ hiện số, loại, ngày, độ mật)</source>
        <translation>(Rows above your clearance: %1; only their number, type, date and classification are shown)</translation>
    </message>
    <message>
        <source>Số liệu thống kê từ %1 đến %2</source>
        <translation>Statistics from %1 to %2</translation>
    </message>
    <message>
        <source>(kỳ số liệu theo quy định cần đối chiếu văn bản gốc)</source>
        <translation>(the statutory reporting period is to be verified against the original text)</translation>
    </message>
    <message>
        <source>Đang tìm…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>%1 tài liệu chứa “%2”.</source>
        <translation>Documents containing “%2”: %1.</translation>
    </message>
    <message>
        <source>Không tìm thấy tài liệu nào chứa “%1”.</source>
        <translation>No document contains “%1”.</translation>
    </message>
</context>
<context>
    <name>EventFixDialog</name>
    <message>
        <source>Sửa, hủy sự kiện</source>
        <translation>Correct or void an event</translation>
    </message>
    <message>
        <source>%1 ngày %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>Hủy sự kiện này (ghi nhầm, không xảy ra)</source>
        <translation>Void this event (recorded by mistake, did not happen)</translation>
    </message>
    <message>
        <source>bắt buộc</source>
        <translation>required</translation>
    </message>
    <message>
        <source>Ngày đúng:</source>
        <translation>Right date:</translation>
    </message>
    <message>
        <source>Văn bản đúng:</source>
        <translation>Right document:</translation>
    </message>
    <message>
        <source>Lý do:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>ExpiringDocumentsBox</name>
    <message>
        <source>Tài liệu sắp hết thời hạn bảo vệ (60 ngày)</source>
        <translation>Documents whose protection period ends soon (60 days)</translation>
    </message>
    <message>
        <source>(không đủ độ mật)</source>
        <translation>(above your clearance)</translation>
    </message>
    <message>
        <source>đã hết %1 ngày</source>
        <translation>ended %1 days ago</translation>
    </message>
    <message>
        <source>hết hôm nay</source>
        <translation>ends today</translation>
    </message>
    <message>
        <source>còn %1 ngày</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number, symbol</translation>
    </message>
    <message>
        <source>Hết hạn bảo vệ</source>
        <translation>Protected until</translation>
    </message>
    <message>
        <source>Độ mật</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Trích yếu</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Nhấp đúp hoặc nhấn Enter để mở tài liệu. Gia hạn phải được quyết định chậm nhất 60 ngày trước khi hết thời hạn.</source>
        <translation>Double-click or press Enter to open the document. An extension must be decided at least 60 days before the period ends.</translation>
    </message>
    <message>
        <source>Không có tài liệu nào sắp hết thời hạn bảo vệ.</source>
        <translation>No document&apos;s protection period ends soon.</translation>
    </message>
    <message>
        <source>%1 tài liệu sắp hết thời hạn bảo vệ</source>
        <translation>Protection period ending soon: %1</translation>
    </message>
    <message>
        <source>, %1 tài liệu đã hết hạn nhưng chưa giải mật</source>
        <translation>, ended but not declassified: %1</translation>
    </message>
</context>
<context>
    <name>ExportCopyDialog</name>
    <message>
        <source>Xuất bản giải mã</source>
        <translation>Export decrypted copy</translation>
    </message>
    <message>
        <source>Bản xuất ra không được mã hóa. Việc xuất, người xuất và lý do được ghi vào nhật ký; tên tệp có tiền tố độ mật.</source>
        <translation>The exported copy is not encrypted. The export, who made it and why are recorded in the audit log; the file name starts with the classification.</translation>
    </message>
    <message>
        <source>Tài liệu %1: bản xuất phải được quản lý như tài liệu mật.</source>
        <translation>%1 document: the exported copy must be handled as a classified document.</translation>
    </message>
    <message>
        <source>Bắt buộc, ví dụ: gửi Vụ Pháp chế theo Công văn 12/TTCP</source>
        <translation>Required, e.g. sent to the Legal Department under Official Letter 12/TTCP</translation>
    </message>
    <message>
        <source>Lý do xuất:</source>
        <translation>Reason for export:</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Thư mục lưu:</source>
        <translation>Save in folder:</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn thư mục lưu bản giải mã</source>
        <translation>Choose the folder for the decrypted copy</translation>
    </message>
    <message>
        <source>Phải ghi lý do xuất bản giải mã.</source>
        <translation>A reason is required to export a decrypted copy.</translation>
    </message>
    <message>
        <source>Chọn một thư mục có sẵn để lưu bản giải mã.</source>
        <translation>Choose an existing folder for the decrypted copy.</translation>
    </message>
    <message>
        <source>Kho dữ liệu đang khóa.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>Đã hủy; không có tệp nào được ghi.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Xuất ra Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Nội dung xuất</source>
        <translation>What to export</translation>
    </message>
    <message>
        <source>Sổ theo dõi cuộc thanh tra</source>
        <translation>Inspection register</translation>
    </message>
    <message>
        <source>Việc quá hạn và sắp đến hạn</source>
        <translation>Overdue and due-soon items</translation>
    </message>
    <message>
        <source>Kế hoạch thanh tra năm</source>
        <translation>Annual inspection plan</translation>
    </message>
    <message>
        <source>Báo cáo kỳ (biểu 01/TTr)</source>
        <translation>Period report (form 01/TTr)</translation>
    </message>
    <message>
        <source>Theo dõi thực hiện kết luận (kiến nghị)</source>
        <translation>Follow-up of conclusions (recommendations)</translation>
    </message>
    <message>
        <source>Tổng hợp kết quả theo nhóm</source>
        <translation>Summary of results by group</translation>
    </message>
    <message>
        <source>để trống: mọi hồ sơ bạn được xem</source>
        <translation>leave empty: every case you may see</translation>
    </message>
    <message>
        <source>theo cài đặt của kho dữ liệu</source>
        <translation>as set for the vault</translation>
    </message>
    <message>
        <source> ngày làm việc</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>Tất cả đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Chỉ hồ sơ khớp với:</source>
        <translation>Only cases matching:</translation>
    </message>
    <message>
        <source>Sắp đến hạn trong:</source>
        <translation>Due within:</translation>
    </message>
    <message>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <source>trong cùng khoảng ngày ở trên</source>
        <translation>over the same dates as above</translation>
    </message>
    <message>
        <source>đơn vị chủ trì</source>
        <translation>chairing unit</translation>
    </message>
    <message>
        <source>giai đoạn</source>
        <translation>stage</translation>
    </message>
    <message>
        <source>năm</source>
        <translation>year</translation>
    </message>
    <message>
        <source>lãnh đạo phụ trách</source>
        <translation>supervising leader</translation>
    </message>
    <message>
        <source>độ mật</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>đối tượng thanh tra</source>
        <translation>inspected party</translation>
    </message>
    <message>
        <source>(không chia tiếp)</source>
        <translation>(no second grouping)</translation>
    </message>
    <message>
        <source>rồi theo</source>
        <translation>then by</translation>
    </message>
    <message>
        <source>Theo:</source>
        <translation>By:</translation>
    </message>
    <message>
        <source>Tệp xuất</source>
        <translation>Output file</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <source>OpenDocument (.ods)</source>
        <translation>OpenDocument (.ods)</translation>
    </message>
    <message>
        <source>bắt buộc khi dữ liệu có nội dung mật</source>
        <translation>required when the data includes classified content</translation>
    </message>
    <message>
        <source>Lý do được ghi vào nhật ký cùng người xuất và nội dung xuất.</source>
        <translation>The reason is recorded in the audit log together with who exported what.</translation>
    </message>
    <message>
        <source>Lưu vào:</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>Lý do xuất:</source>
        <translation>Reason for export:</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Bảng tính OpenDocument (*.ods)</source>
        <translation>OpenDocument spreadsheets (*.ods)</translation>
    </message>
    <message>
        <source>Lưu tệp xuất</source>
        <translation>Save the export</translation>
    </message>
    <message>
        <source>Chọn nơi lưu tệp.</source>
        <translation>Choose where to save the file.</translation>
    </message>
    <message>
        <source>Hãy chọn hai trường khác nhau để tổng hợp.</source>
        <translation>Choose two different fields to group by.</translation>
    </message>
    <message>
        <source>Ngày bắt đầu kỳ báo cáo phải trước ngày kết thúc.</source>
        <translation>The start of the reporting period must be before its end.</translation>
    </message>
    <message>
        <source>Đang xuất…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Đã ghi %1 dòng…</source>
        <translation>Rows written: %1…</translation>
    </message>
    <message>
        <source>Đã xuất %1 dòng vào tệp:</source>
        <translation>Exported %1 rows to the file:</translation>
    </message>
    <message>
        <source>Dữ liệu có nội dung %1: tên tệp mang dấu độ mật; lần xuất và lý do đã được ghi vào nhật ký. Bảo quản tệp theo quy định bảo vệ bí mật nhà nước.</source>
        <translation>The data includes %1 content: the file name carries the classification mark, and the export and its reason have been recorded in the audit log. Keep the file as the rules on protecting state secrets require.</translation>
    </message>
    <message>
        <source>Đã dừng xuất; không có tệp nào được tạo.</source>
        <translation>Export stopped; no file was created.</translation>
    </message>
    <message>
        <source>Đang dừng…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <source>Đối tượng thanh tra:</source>
        <translation>Inspected party:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Thời kỳ thanh tra:</source>
        <translation>Period inspected:</translation>
    </message>
    <message>
        <source>Căn cứ:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>Quyết định:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <source>Lãnh đạo phụ trách:</source>
        <translation>Supervising leader:</translation>
    </message>
    <message>
        <source>Cấp thanh tra:</source>
        <translation>Inspecting level:</translation>
    </message>
    <message>
        <source>Đoàn thanh tra:</source>
        <translation>Inspection team:</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Thêm thành viên…</source>
        <translation>Add a member…</translation>
    </message>
    <message>
        <source>Thay trưởng đoàn…</source>
        <translation>Replace the leader…</translation>
    </message>
    <message>
        <source>Rút khỏi đoàn…</source>
        <translation>Take off the team…</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Số %1 ngày %2</source>
        <translation>No. %1 dated %2</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Lúc</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Người sửa</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Cũ</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Lịch sử (%1)</source>
        <translation>History (%1)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Nhập dữ liệu từ Excel</source>
        <translation>Import data from Excel</translation>
    </message>
    <message>
        <source>Tiếp &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Quay lại</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Xong</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <source>Kho dữ liệu bị hỏng — kiểm tra sau khi mở khóa đã tìm thấy:</source>
        <translation>The vault is damaged — the check after unlocking found:</translation>
    </message>
    <message>
        <source>Chạy “Kiểm tra toàn bộ kho dữ liệu” trên trang Nhật ký để xem hết; đừng sao lưu đè lên bản sao lưu tốt.</source>
        <translation>Run “Check the whole vault” on the Audit page to see everything; do not back up over a good backup.</translation>
    </message>
    <message>
        <source>… và %1 lỗi khác.</source>
        <translation>… and %1 more.</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Đang tạo kho dữ liệu mẫu…</source>
        <translation>Creating the demo vault…</translation>
    </message>
    <message>
        <source>Kho dữ liệu mẫu (sẽ bị xóa khi thoát). Mật khẩu của admin: %1</source>
        <translation>Demo vault (deleted when you quit). The password of admin is %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Đã khóa. Nhập mật khẩu để tiếp tục.</source>
        <translation>Locked. Enter your password to continue.</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Kho dữ liệu: %1</source>
        <translation>Vault: %1</translation>
    </message>
    <message>
        <source>Người dùng:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Dùng kho dữ liệu trên máy này…</source>
        <translation>Use a vault on this machine…</translation>
    </message>
    <message>
        <source>Kết nối máy chủ của đơn vị…</source>
        <translation>Connect to the department server…</translation>
    </message>
    <message>
        <source>Máy chủ của đơn vị: %1</source>
        <translation>Department server: %1</translation>
    </message>
    <message>
        <source>Chọn thư mục</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>Tệp cấu hình máy chủ</source>
        <translation>Server profile</translation>
    </message>
    <message>
        <source>Cấu hình máy chủ (*.json)</source>
        <translation>Server profiles (*.json)</translation>
    </message>
    <message>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Please enter your password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Cuộc thanh tra</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Ý kiến &amp; chỉ đạo</source>
        <translation>Opinions &amp; directives</translation>
    </message>
    <message>
        <source>Tài liệu mật</source>
        <translation>Classified documents</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Nhật ký</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Hồ sơ Thanh tra</source>
        <translation>Hồ sơ Thanh tra</translation>
    </message>
    <message>
        <source>Kho dữ liệu nằm trên ổ chỉ đọc: chỉ xem được, không ghi được, và việc xem không được ghi vào nhật ký. Chép kho dữ liệu sang ổ ghi được để làm việc tiếp.</source>
        <translation>The vault is on read-only media: it can be read, not written, and reading it is not recorded in the audit trail. Copy the vault to writable media to work on it.</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Khóa</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>&amp;Nhập từ Excel…</source>
        <translation>&amp;Import from Excel…</translation>
    </message>
    <message>
        <source>&amp;Xuất ra Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>&amp;Sao lưu…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <source>Các &amp;bản sao lưu…</source>
        <translation>&amp;Backups…</translation>
    </message>
    <message>
        <source>Đổi &amp;mật khẩu…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Đi tới</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Tìm hồ sơ</source>
        <translation>Find case</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Kiểm tra máy tính…</source>
        <translation>&amp;Check this computer…</translation>
    </message>
    <message>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation>The new language takes effect when the program is started again.</translation>
    </message>
    <message>
        <source>%1 · %2 · độ mật %3</source>
        <translation>%1 · %2 · clearance %3</translation>
    </message>
    <message>
        <source>Cũng đang mở kho dữ liệu này: %1</source>
        <translation>Also using this vault now: %1</translation>
    </message>
    <message>
        <source>Cảnh báo bảo mật</source>
        <translation>Security warning</translation>
    </message>
    <message>
        <source>Dữ liệu mẫu — ngày xem %1</source>
        <translation>Demo data — viewed as of %1</translation>
    </message>
    <message>
        <source>Ngày xem dữ liệu: %1</source>
        <translation>Data viewed as of %1</translation>
    </message>
    <message>
        <source>Đã sao lưu tự động và kiểm tra: %1</source>
        <translation>Automatic backup made and verified: %1</translation>
    </message>
    <message>
        <source>Không sao lưu tự động được: %1</source>
        <translation>The automatic backup was not made: %1</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>— không nhập —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <source>Cột %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>Tên cột được nhận ra: %1</source>
        <translation>Column names recognised: %1</translation>
    </message>
    <message>
        <source>Bắt buộc: mỗi dòng phải có giá trị.</source>
        <translation>Required: every row must have a value.</translation>
    </message>
    <message>
        <source>Trường dữ liệu</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Cột trong tệp</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Giá trị dòng đầu</source>
        <translation>First value</translation>
    </message>
</context>
<context>
    <name>MonthlyChart</name>
    <message>
        <source>T%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Chưa có số liệu</source>
        <translation>No figures yet</translation>
    </message>
    <message>
        <source>Kết luận ban hành trong tháng (trục trái)</source>
        <translation>Conclusions issued in the month (left axis)</translation>
    </message>
    <message>
        <source>Hồ sơ đang thực hiện cuối tháng (trục phải)</source>
        <translation>Cases in progress at month end (right axis)</translation>
    </message>
    <message>
        <source>%1: %2 kết luận ban hành; %3 hồ sơ đang thực hiện cuối tháng</source>
        <translation>%1: conclusions issued: %2; cases in progress at month end: %3</translation>
    </message>
</context>
<context>
    <name>NewVersionDialog</name>
    <message>
        <source>Phiên bản mới</source>
        <translation>New version</translation>
    </message>
    <message>
        <source>Các phiên bản trước được giữ nguyên.</source>
        <translation>The earlier versions are kept as they are.</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Ví dụ: bản đã ký, bản sửa theo ý kiến thẩm định</source>
        <translation>E.g. signed copy, revised after the review</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Chọn tệp của phiên bản mới.</source>
        <translation>Choose the file of the new version.</translation>
    </message>
</context>
<context>
    <name>OpinionsPage</name>
    <message>
        <source>Hạn và tình trạng được tính đến ngày này.</source>
        <translation>Deadlines and status are computed as of this date.</translation>
    </message>
    <message>
        <source>Chỉ việc quá hạn / sắp đến hạn</source>
        <translation>Only overdue / due soon</translation>
    </message>
    <message>
        <source>Tính đến ngày:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>Gửi xin ý kiến…</source>
        <translation>Request opinions…</translation>
    </message>
    <message>
        <source>Ghi trả lời…</source>
        <translation>Record the reply…</translation>
    </message>
    <message>
        <source>Ngày nhận…</source>
        <translation>Received…</translation>
    </message>
    <message>
        <source>Đôn đốc…</source>
        <translation>Remind…</translation>
    </message>
    <message>
        <source>Ghi chỉ đạo…</source>
        <translation>Record a directive…</translation>
    </message>
    <message>
        <source>Ghi tiến độ…</source>
        <translation>Progress note…</translation>
    </message>
    <message>
        <source>Hoàn thành…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <source>Cuộc thanh tra</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Nơi xin ý kiến</source>
        <translation>Opinion requested from</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hạn trả lời</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>Ngày gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Ngày trả lời</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Cơ quan chỉ đạo</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Ngày giao</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Ngày hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Xin ý kiến và chỉ đạo, nhiệm vụ được giao</source>
        <translation>Requests for opinions, directives and assigned tasks</translation>
    </message>
    <message>
        <source>Chọn một dòng trong bảng trước.</source>
        <translation>Select a row in the table first.</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Không có hạn</source>
        <translation>No deadline</translation>
    </message>
    <message>
        <source>Chưa xác định được hạn</source>
        <translation>Deadline not determined yet</translation>
    </message>
    <message>
        <source>Xin ý kiến (%1)</source>
        <translation>Requests for opinions (%1)</translation>
    </message>
    <message>
        <source>Chỉ đạo, nhiệm vụ (%1)</source>
        <translation>Directives, tasks (%1)</translation>
    </message>
    <message>
        <source>Chưa có văn bản xin ý kiến hay chỉ đạo nào. Bấm “Gửi xin ý kiến…” hoặc, ở thẻ Chỉ đạo, “Ghi chỉ đạo…”.</source>
        <translation>No requests for opinions or directives yet. Click “Request opinions…” or, on the Directives tab, “Record a directive…”.</translation>
    </message>
    <message>
        <source>Xin ý kiến: %1 quá hạn, %2 sắp đến hạn · Chỉ đạo, nhiệm vụ: %3 quá hạn, %4 sắp đến hạn</source>
        <translation>Requests for opinions: %1 overdue, %2 due soon · Directives, tasks: %3 overdue, %4 due soon</translation>
    </message>
</context>
<context>
    <name>OpinionsTab</name>
    <message>
        <source>Xin ý kiến:</source>
        <translation>Requests for opinions:</translation>
    </message>
    <message>
        <source>Nơi nhận</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>Nội dung, văn bản</source>
        <translation>Subject, document</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Chỉ đạo:</source>
        <translation>Directives:</translation>
    </message>
    <message>
        <source>Người chỉ đạo</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Hạn, tình trạng</source>
        <translation>Due, status</translation>
    </message>
    <message>
        <source>Gửi xin ý kiến…</source>
        <translation>Request opinions…</translation>
    </message>
    <message>
        <source>Ghi chỉ đạo…</source>
        <translation>Record a directive…</translation>
    </message>
    <message>
        <source>Ý kiến &amp; chỉ đạo</source>
        <translation>Opinions &amp; directives</translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Gửi %1</source>
        <translation>Sent: %1</translation>
    </message>
    <message>
        <source>Hạn %1</source>
        <translation>Due: %1</translation>
    </message>
    <message>
        <source>Trả lời %1</source>
        <translation>Reply: %1</translation>
    </message>
    <message>
        <source>Đang thực hiện</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Đã thực hiện</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Ngày chỉ đạo: %1</source>
        <translation>Directive dated %1</translation>
    </message>
    <message>
        <source>Ý kiến &amp; chỉ đạo (%1)</source>
        <translation>Opinions &amp; directives (%1)</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>Quá ngắn (ít nhất 8 ký tự)</source>
        <translation>Too short (at least 8 characters)</translation>
    </message>
    <message>
        <source>Yếu</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Trung bình</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Mạnh</source>
        <translation>Strong</translation>
    </message>
    <message>
        <source>Rất mạnh</source>
        <translation>Very strong</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Mật khẩu dùng một lần</source>
        <translation>One-time password</translation>
    </message>
    <message>
        <source>Mật khẩu đầu tiên của %1:</source>
        <translation>First password for %1:</translation>
    </message>
    <message>
        <source>Mật khẩu mới của %1:</source>
        <translation>New password for %1:</translation>
    </message>
    <message>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Mật khẩu chỉ hiện lần này. Hãy trao tận tay người dùng; họ phải đổi mật khẩu khi đăng nhập lần đầu. Bản sao trong bộ nhớ tạm tự xóa sau %1 giây.</source>
        <translation>The password is shown only this once. Hand it to the user in person; they must change it at their first sign-in. A copy on the clipboard is cleared after %1 seconds.</translation>
    </message>
    <message>
        <source>Đã sao chép.</source>
        <translation>Copied.</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Tình trạng các mục (chậm triển khai hay chưa) tính đến ngày này.</source>
        <translation>The status of the items (late or not) is computed as of this date.</translation>
    </message>
    <message>
        <source>Lập kế hoạch năm…</source>
        <translation>Create annual plan…</translation>
    </message>
    <message>
        <source>Thêm mục…</source>
        <translation>Add item…</translation>
    </message>
    <message>
        <source>Triển khai thành cuộc thanh tra…</source>
        <translation>Start as an inspection…</translation>
    </message>
    <message>
        <source>Phê duyệt…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Sửa mục…</source>
        <translation>Change item…</translation>
    </message>
    <message>
        <source>Bỏ mục…</source>
        <translation>Remove item…</translation>
    </message>
    <message>
        <source>Năm kế hoạch:</source>
        <translation>Plan year:</translation>
    </message>
    <message>
        <source>Tính đến ngày:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>Đối tượng thanh tra</source>
        <translation>Inspected party</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Số ngày</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>Team size</translation>
    </message>
    <message>
        <source>Ngày công</source>
        <translation>Staff-days</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Thêm mục</source>
        <translation>Item added</translation>
    </message>
    <message>
        <source>Sửa mục</source>
        <translation>Item changed</translation>
    </message>
    <message>
        <source>Bỏ mục</source>
        <translation>Item removed</translation>
    </message>
    <message>
        <source>Quyết định điều chỉnh</source>
        <translation>Amending decision</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Thay đổi</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Trước</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sau</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Kế hoạch thanh tra năm</source>
        <translation>Annual inspection plan</translation>
    </message>
    <message>
        <source>Đã triển khai (%1)</source>
        <translation>Started (%1)</translation>
    </message>
    <message>
        <source>Chậm triển khai</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Chưa triển khai</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Cuộc thanh tra %1, giai đoạn: %2. Bấm đúp để mở.</source>
        <translation>Inspection %1, stage: %2. Double-click to open.</translation>
    </message>
    <message>
        <source>Đã hết quý %1 mà chưa có quyết định thanh tra.</source>
        <translation>Quarter %1 has ended without a decision to inspect.</translation>
    </message>
    <message>
        <source>Chưa có quyết định thanh tra.</source>
        <translation>No decision to inspect yet.</translation>
    </message>
    <message>
        <source>%1 — %2 mục</source>
        <translation>%1 — items: %2</translation>
    </message>
    <message>
        <source>%1 (chưa có kế hoạch)</source>
        <translation>%1 (no plan yet)</translation>
    </message>
    <message>
        <source>Điều chỉnh kế hoạch đã phê duyệt (%1)</source>
        <translation>Amendments to the approved plan (%1)</translation>
    </message>
    <message>
        <source>Năm %1 chưa có kế hoạch thanh tra.</source>
        <translation>There is no inspection plan for %1 yet.</translation>
    </message>
    <message>
        <source>Bấm “Lập kế hoạch năm…” để lập.</source>
        <translation>Click “Create annual plan…” to create it.</translation>
    </message>
    <message>
        <source>phê duyệt tại Quyết định số %1 ngày %2</source>
        <translation>approved by Decision No. %1 dated %2</translation>
    </message>
    <message>
        <source>(%1 mục chưa có số ngày hoặc số người, chưa được tính.)</source>
        <translation>(Items without days or team size, not counted: %1.)</translation>
    </message>
    <message>
        <source>Cân đối lực lượng:</source>
        <translation>Capacity check:</translation>
    </message>
    <message>
        <source>%1 mục: %2 đã triển khai · %3 chưa triển khai · %4 chậm triển khai</source>
        <translation>Items: %1 · started: %2 · not started: %3 · late: %4</translation>
    </message>
    <message>
        <source>Cuộc thanh tra chưa kết thúc chuyển sang năm %1 (%2): </source>
        <translation>Unfinished inspections carried over into %1 (%2): </translation>
    </message>
    <message>
        <source>Không có cuộc thanh tra nào chưa kết thúc chuyển sang.</source>
        <translation>No unfinished inspections were carried over.</translation>
    </message>
    <message>
        <source>Đã lập kế hoạch năm %1.</source>
        <translation>Annual plan for %1 created.</translation>
    </message>
    <message>
        <source>Đã thêm mục vào kế hoạch.</source>
        <translation>Item added to the plan.</translation>
    </message>
    <message>
        <source>Đã ghi phê duyệt kế hoạch.</source>
        <translation>Plan approval recorded.</translation>
    </message>
    <message>
        <source>Đã cập nhật kế hoạch.</source>
        <translation>Plan updated.</translation>
    </message>
    <message>
        <source>Đã tạo cuộc thanh tra %1 từ kế hoạch.</source>
        <translation>Inspection %1 created from the plan.</translation>
    </message>
</context>
<context>
    <name>RegisterExportDialog</name>
    <message>
        <source>Xuất sổ ra Excel</source>
        <translation>Export register to Excel</translation>
    </message>
    <message>
        <source>mẫu %1</source>
        <translation>form %1</translation>
    </message>
    <message>
        <source>Sổ có tài liệu %1: tệp được đóng dấu %1, tên tệp có tiền tố độ mật; phải ghi lý do xuất.</source>
        <translation>The register holds %1 documents: the file is stamped %1 and its name starts with the classification; a reason for the export is required.</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Tệp Excel:</source>
        <translation>Excel file:</translation>
    </message>
    <message>
        <source>bắt buộc với sổ có tài liệu mật</source>
        <translation>required for a register with classified documents</translation>
    </message>
    <message>
        <source>không bắt buộc</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Lý do xuất:</source>
        <translation>Reason for export:</translation>
    </message>
    <message>
        <source>Tên cơ quan, đơn vị in ở đầu sổ (không bắt buộc)</source>
        <translation>Agency or unit name printed at the top of the register (optional)</translation>
    </message>
    <message>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lưu sổ ra tệp Excel</source>
        <translation>Save the register as an Excel file</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Chọn tệp để lưu.</source>
        <translation>Choose the file to save.</translation>
    </message>
    <message>
        <source>Không có thư mục %1.</source>
        <translation>There is no folder %1.</translation>
    </message>
    <message>
        <source>Sổ có tài liệu %1: phải ghi lý do xuất.</source>
        <translation>The register holds %1 documents: a reason for the export is required.</translation>
    </message>
    <message>
        <source>Kho dữ liệu đang khóa.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>Đã hủy; không có tệp nào được tạo.</source>
        <translation>Cancelled; no file was created.</translation>
    </message>
    <message>
        <source>Đã xuất %1 dòng vào %2</source>
        <translation>Exported %1 rows to %2</translation>
    </message>
</context>
<context>
    <name>RegisterForms</name>
    <message>
        <source>Đoán theo tên</source>
        <translation>Guess from the name</translation>
    </message>
    <message>
        <source>Hồ sơ (mã; bỏ trống nếu là việc chung):</source>
        <translation>Case (code; empty for a general one):</translation>
    </message>
    <message>
        <source>Nơi được xin ý kiến (mỗi nơi một dòng):</source>
        <translation>Addressees (one per line):</translation>
    </message>
    <message>
        <source>Loại:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Số văn bản:</source>
        <translation>Document number:</translation>
    </message>
    <message>
        <source>Ngày gửi:</source>
        <translation>Date sent:</translation>
    </message>
    <message>
        <source>Hạn ghi trong văn bản (bỏ trống: theo luật):</source>
        <translation>Due date in the letter (empty: by the law):</translation>
    </message>
    <message>
        <source>Nội dung xin ý kiến:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Gửi văn bản xin ý kiến</source>
        <translation>Send a request for opinions</translation>
    </message>
    <message>
        <source>Ngày trả lời:</source>
        <translation>Reply date:</translation>
    </message>
    <message>
        <source>Số văn bản trả lời:</source>
        <translation>Reply document number:</translation>
    </message>
    <message>
        <source>Tóm tắt ý kiến:</source>
        <translation>What the reply says:</translation>
    </message>
    <message>
        <source>Trả lời của %1</source>
        <translation>Reply from %1</translation>
    </message>
    <message>
        <source>Ngày đôn đốc:</source>
        <translation>Reminder date:</translation>
    </message>
    <message>
        <source>Số văn bản đôn đốc:</source>
        <translation>Reminder document number:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Đôn đốc %1</source>
        <translation>Remind %1</translation>
    </message>
    <message>
        <source>Ngày thủ trưởng nhận:</source>
        <translation>Day the head received it:</translation>
    </message>
    <message>
        <source>%1 nhận văn bản xin ý kiến</source>
        <translation>%1 received the request</translation>
    </message>
    <message>
        <source>Người, cơ quan chỉ đạo:</source>
        <translation>Given by:</translation>
    </message>
    <message>
        <source>Nội dung chỉ đạo:</source>
        <translation>What is to be done:</translation>
    </message>
    <message>
        <source>Ngày chỉ đạo:</source>
        <translation>Date given:</translation>
    </message>
    <message>
        <source>Hạn:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Giao cho (người, đơn vị):</source>
        <translation>Assigned to (person, unit):</translation>
    </message>
    <message>
        <source>Ghi chỉ đạo, nhiệm vụ được giao</source>
        <translation>Record a directive or assigned task</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Tiến độ thực hiện:</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <source>Tiến độ thực hiện chỉ đạo</source>
        <translation>Progress on a directive</translation>
    </message>
    <message>
        <source>Ngày hoàn thành:</source>
        <translation>Date done:</translation>
    </message>
    <message>
        <source>Văn bản báo cáo kết quả:</source>
        <translation>Report document:</translation>
    </message>
    <message>
        <source>Hoàn thành chỉ đạo</source>
        <translation>Directive done</translation>
    </message>
    <message>
        <source>Loại kiến nghị:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Đơn vị, người thực hiện:</source>
        <translation>Who must act:</translation>
    </message>
    <message>
        <source>Nội dung kiến nghị:</source>
        <translation>What is recommended:</translation>
    </message>
    <message>
        <source>Số tiền (đồng):</source>
        <translation>Amount (VND):</translation>
    </message>
    <message>
        <source>Diện tích đất (m²):</source>
        <translation>Land area (m²):</translation>
    </message>
    <message>
        <source>Thêm kiến nghị</source>
        <translation>Add a recommendation</translation>
    </message>
    <message>
        <source>Tình trạng:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Tổng số tiền đã thu đến nay (đồng):</source>
        <translation>Total recovered so far (VND):</translation>
    </message>
    <message>
        <source>Tổng diện tích đã thu đến nay (m²):</source>
        <translation>Total area recovered so far (m²):</translation>
    </message>
    <message>
        <source>Tiến độ thực hiện kiến nghị</source>
        <translation>Follow-up of a recommendation</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Có hiệu lực từ ngày:</source>
        <translation>Effective from:</translation>
    </message>
    <message>
        <source>Thêm thành viên đoàn</source>
        <translation>Add a team member</translation>
    </message>
    <message>
        <source>Thay trưởng đoàn</source>
        <translation>Replace the team leader</translation>
    </message>
    <message>
        <source>Rút khỏi đoàn</source>
        <translation>Take off the team</translation>
    </message>
    <message>
        <source>Số quyết định phê duyệt:</source>
        <translation>Approval decision number:</translation>
    </message>
    <message>
        <source>Ngày phê duyệt:</source>
        <translation>Approval date:</translation>
    </message>
    <message>
        <source>Phê duyệt kế hoạch năm %1</source>
        <translation>Approve the %1 plan</translation>
    </message>
    <message>
        <source>Số quyết định điều chỉnh:</source>
        <translation>Amending decision number:</translation>
    </message>
    <message>
        <source>Ngày quyết định điều chỉnh:</source>
        <translation>Date of the amending decision:</translation>
    </message>
    <message>
        <source>Đối tượng thanh tra:</source>
        <translation>Inspected party:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Quý dự kiến (1-4):</source>
        <translation>Planned quarter (1-4):</translation>
    </message>
    <message>
        <source>Số ngày thanh tra:</source>
        <translation>Inspection days:</translation>
    </message>
    <message>
        <source>Số người trong đoàn:</source>
        <translation>Team size:</translation>
    </message>
    <message>
        <source>Sửa mục kế hoạch</source>
        <translation>Change a plan item</translation>
    </message>
    <message>
        <source>Bỏ mục kế hoạch: %1</source>
        <translation>Remove plan item: %1</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>Sai phạm về kinh tế:</source>
        <translation>Economic violations:</translation>
    </message>
    <message>
        <source>Sai phạm về đất đai:</source>
        <translation>Land violations:</translation>
    </message>
    <message>
        <source>Kiến nghị thu hồi tiền:</source>
        <translation>Money recommended for recovery:</translation>
    </message>
    <message>
        <source>Kiến nghị thu hồi đất:</source>
        <translation>Land recommended for recovery:</translation>
    </message>
    <message>
        <source>Kiến nghị xử lý kỷ luật:</source>
        <translation>Recommended for disciplinary action:</translation>
    </message>
    <message>
        <source>Chuyển cơ quan điều tra:</source>
        <translation>Referred to investigating agencies:</translation>
    </message>
    <message>
        <source>Kiến nghị</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>Đơn vị thực hiện</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <source>Số tiền, diện tích</source>
        <translation>Amount, area</translation>
    </message>
    <message>
        <source>Đã thu</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Thêm kiến nghị…</source>
        <translation>Add a recommendation…</translation>
    </message>
    <message>
        <source>Ghi tiến độ kiến nghị…</source>
        <translation>Record follow-up…</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>%1 đồng</source>
        <translation>%1 VND</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>%1 tổ chức, %2 cá nhân</source>
        <translation>%1 organisations, %2 individuals</translation>
    </message>
    <message>
        <source>%1 vụ, %2 đối tượng</source>
        <translation>%1 matters, %2 persons</translation>
    </message>
    <message>
        <source>Chọn một kiến nghị trong bảng.</source>
        <translation>Select a recommendation in the table.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>(Tất cả đơn vị)</source>
        <translation>(All units)</translation>
    </message>
    <message>
        <source>Lập báo cáo</source>
        <translation>Run report</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Kỳ báo cáo:</source>
        <translation>Reporting period:</translation>
    </message>
    <message>
        <source>năm</source>
        <translation>year</translation>
    </message>
    <message>
        <source>Từ ngày:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>đến ngày:</source>
        <translation>to:</translation>
    </message>
    <message>
        <source>Đơn vị chủ trì:</source>
        <translation>Lead unit:</translation>
    </message>
    <message>
        <source>Chọn kỳ báo cáo rồi bấm “Lập báo cáo”.</source>
        <translation>Choose the reporting period, then click “Run report”.</translation>
    </message>
    <message>
        <source>Số liệu</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First six months</translation>
    </message>
    <message>
        <source>9 tháng</source>
        <translation>Nine months</translation>
    </message>
    <message>
        <source>Cả năm</source>
        <translation>Full year</translation>
    </message>
    <message>
        <source>Quý I</source>
        <translation>Quarter I</translation>
    </message>
    <message>
        <source>Quý II</source>
        <translation>Quarter II</translation>
    </message>
    <message>
        <source>Quý III</source>
        <translation>Quarter III</translation>
    </message>
    <message>
        <source>Quý IV</source>
        <translation>Quarter IV</translation>
    </message>
    <message>
        <source>Quý I (số liệu 15/12 – 14/3)</source>
        <translation>Quarter I (figures 15/12 – 14/3)</translation>
    </message>
    <message>
        <source>6 tháng (số liệu 15/12 – 14/6)</source>
        <translation>Six months (figures 15/12 – 14/6)</translation>
    </message>
    <message>
        <source>9 tháng (số liệu 15/12 – 14/9)</source>
        <translation>Nine months (figures 15/12 – 14/9)</translation>
    </message>
    <message>
        <source>Cả năm (số liệu 15/12 – 14/12)</source>
        <translation>Full year (figures 15/12 – 14/12)</translation>
    </message>
    <message>
        <source>Số cuộc thanh tra</source>
        <translation>Number of inspections</translation>
    </message>
    <message>
        <source>Kết quả (tiền: triệu đồng; đất: m²)</source>
        <translation>Results (money: million VND; land: m²)</translation>
    </message>
    <message>
        <source>Biểu 01/TTr — Tổng hợp kết quả thanh tra hành chính</source>
        <translation>Form 01/TTr — Summary of administrative inspection results</translation>
    </message>
    <message>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Cuộc thanh tra</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Số ngày</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Đang chờ</source>
        <translation>Waiting on</translation>
    </message>
    <message>
        <source>Nơi xin ý kiến</source>
        <translation>Opinion requested from</translation>
    </message>
    <message>
        <source>Ngày gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Hạn trả lời</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>Quá hạn (ngày)</source>
        <translation>Overdue (days)</translation>
    </message>
    <message>
        <source>Cơ quan chỉ đạo</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Đối tượng thanh tra</source>
        <translation>Inspected party</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Ngày kết luận</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <source>Kiến nghị đã xong</source>
        <translation>Recommendations done</translation>
    </message>
    <message>
        <source>Kiến nghị thu hồi (đồng)</source>
        <translation>Recommended (VND)</translation>
    </message>
    <message>
        <source>Đã thu hồi (đồng)</source>
        <translation>Recovered (VND)</translation>
    </message>
    <message>
        <source>Còn phải thu (đồng)</source>
        <translation>Outstanding (VND)</translation>
    </message>
    <message>
        <source>Báo cáo sơ kết, tổng kết</source>
        <translation>Interim and year-end review</translation>
    </message>
    <message>
        <source>Tùy chọn</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Dữ liệu đã thay đổi sau khi lập báo cáo: bấm “Lập báo cáo” để cập nhật.</source>
        <translation>The data has changed since the report was run: click “Run report” to update it.</translation>
    </message>
    <message>
        <source>Đang lập báo cáo…</source>
        <translation>Running the report…</translation>
    </message>
    <message>
        <source>tất cả đơn vị</source>
        <translation>all units</translation>
    </message>
    <message>
        <source>Kỳ %1 – %2 · %3 · %4 cuộc thanh tra chưa có kết luận</source>
        <translation>Period %1 – %2 · %3 · inspections without a conclusion: %4</translation>
    </message>
    <message>
        <source>Đã lập báo cáo.</source>
        <translation>Report ready.</translation>
    </message>
    <message>
        <source>Chưa có kết luận (%1)</source>
        <translation>No conclusion (%1)</translation>
    </message>
    <message>
        <source>Xin ý kiến quá hạn (%1)</source>
        <translation>Late opinions (%1)</translation>
    </message>
    <message>
        <source>Chỉ đạo quá hạn (%1)</source>
        <translation>Late directives (%1)</translation>
    </message>
    <message>
        <source>Kế hoạch chưa triển khai (%1)</source>
        <translation>Plan not started (%1)</translation>
    </message>
    <message>
        <source>Theo dõi thực hiện kết luận (%1)</source>
        <translation>Follow-up (%1)</translation>
    </message>
    <message>
        <source>Số cuộc thanh tra đã triển khai</source>
        <translation>Inspections carried out</translation>
    </message>
    <message>
        <source>Kỳ trước chuyển sang</source>
        <translation>Carried over from the previous period</translation>
    </message>
    <message>
        <source>Triển khai trong kỳ</source>
        <translation>Started in the period</translation>
    </message>
    <message>
        <source>Theo kế hoạch</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Đột xuất</source>
        <translation>Ad hoc</translation>
    </message>
    <message>
        <source>Đã kết thúc thanh tra trực tiếp</source>
        <translation>On-site inspection ended</translation>
    </message>
    <message>
        <source>Đã ban hành kết luận</source>
        <translation>Conclusion issued</translation>
    </message>
    <message>
        <source>Số đơn vị được thanh tra</source>
        <translation>Units inspected</translation>
    </message>
    <message>
        <source>Sai phạm về kinh tế: tiền (triệu đồng)</source>
        <translation>Economic violations: money (million VND)</translation>
    </message>
    <message>
        <source>Sai phạm về kinh tế: đất (m²)</source>
        <translation>Economic violations: land (m²)</translation>
    </message>
    <message>
        <source>Kiến nghị thu hồi: tiền (triệu đồng)</source>
        <translation>Recommended for recovery: money (million VND)</translation>
    </message>
    <message>
        <source>Kiến nghị thu hồi: đất (m²)</source>
        <translation>Recommended for recovery: land (m²)</translation>
    </message>
    <message>
        <source>Kiến nghị xử lý hành chính: tổ chức</source>
        <translation>Recommended for administrative action: organisations</translation>
    </message>
    <message>
        <source>Kiến nghị xử lý hành chính: cá nhân</source>
        <translation>Recommended for administrative action: individuals</translation>
    </message>
    <message>
        <source>Chuyển cơ quan điều tra: vụ</source>
        <translation>Referred to investigating agencies: matters</translation>
    </message>
    <message>
        <source>Chuyển cơ quan điều tra: đối tượng</source>
        <translation>Referred to investigating agencies: persons</translation>
    </message>
    <message>
        <source>Kiến nghị sửa đổi cơ chế, chính sách (văn bản)</source>
        <translation>Changes of rules or policy recommended (documents)</translation>
    </message>
    <message>
        <source>Chức năng xuất Excel chưa sẵn sàng trong cửa sổ này.</source>
        <translation>Export to Excel is not available in this window.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Vai trò và độ mật của %1</source>
        <translation>Role and clearance of %1</translation>
    </message>
    <message>
        <source>Người dùng:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Độ mật được tiếp cận:</source>
        <translation>Clearance:</translation>
    </message>
    <message>
        <source>Bạn không thể tự bỏ quyền quản trị của chính mình.</source>
        <translation>You cannot take away your own administrator rights.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Bắt đầu</source>
        <translation>Getting started</translation>
    </message>
</context>
<context>
    <name>StartItemDialog</name>
    <message>
        <source>Triển khai thành cuộc thanh tra</source>
        <translation>Start as an inspection</translation>
    </message>
    <message>
        <source>ví dụ 215/QĐ-TTCP</source>
        <translation>e.g. 215/QĐ-TTCP</translation>
    </message>
    <message>
        <source>Mục kế hoạch:</source>
        <translation>Plan item:</translation>
    </message>
    <message>
        <source>Mã hồ sơ:</source>
        <translation>Case code:</translation>
    </message>
    <message>
        <source>Tên cuộc thanh tra:</source>
        <translation>Inspection title:</translation>
    </message>
    <message>
        <source>Quyết định thanh tra số:</source>
        <translation>Decision to inspect No.:</translation>
    </message>
    <message>
        <source>Ngày quyết định:</source>
        <translation>Decision date:</translation>
    </message>
    <message>
        <source>Hãy nhập mã hồ sơ và tên cuộc thanh tra.</source>
        <translation>Please enter the case code and the inspection title.</translation>
    </message>
    <message>
        <source>Thanh tra %1</source>
        <translation>Inspection of %1</translation>
    </message>
    <message>
        <source>Thanh tra %1 tại %2</source>
        <translation>Inspection of %1 at %2</translation>
    </message>
</context>
<context>
    <name>SystemCheckDialog</name>
    <message>
        <source>Kiểm tra máy tính</source>
        <translation>Check this computer</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Mục kiểm tra</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Cách sửa</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>Chép kết quả</source>
        <translation>Copy the results</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Văn bản, ghi chú</source>
        <translation>Document, note</translation>
    </message>
    <message>
        <source>Sửa, hủy sự kiện đã chọn…</source>
        <translation>Correct or void the selected event…</translation>
    </message>
    <message>
        <source>Một sự kiện ghi sai được sửa hoặc hủy, có lý do; không bao giờ bị xóa</source>
        <translation>A wrongly recorded event is corrected or voided with a reason; never deleted</translation>
    </message>
    <message>
        <source>Ghi nhận sự kiện mới</source>
        <translation>Record a new event</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Số ngày gia hạn hoặc tạm dừng (nếu có)</source>
        <translation>Days of extension or suspension (if any)</translation>
    </message>
    <message>
        <source>Số ngày:</source>
        <translation>Days:</translation>
    </message>
    <message>
        <source>Số, ký hiệu văn bản (ví dụ 45/TTr-TTCP)</source>
        <translation>Document number and symbol (e.g. 45/TTr-TTCP)</translation>
    </message>
    <message>
        <source>Ghi chú (không bắt buộc)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Ghi nhận</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Giai đoạn:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <source>Ngày:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Văn bản:</source>
        <translation>Document:</translation>
    </message>
    <message>
        <source>Ghi chú:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Tiến trình</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source> (%1 ngày)</source>
        <translation> (%1 days)</translation>
    </message>
    <message>
        <source>%1 (đã hủy)</source>
        <translation>%1 (voided)</translation>
    </message>
    <message>
        <source>Lý do: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>%1 (đã sửa)</source>
        <translation>%1 (corrected)</translation>
    </message>
    <message>
        <source>Người ghi: %1</source>
        <translation>Recorded by: %1</translation>
    </message>
    <message>
        <source>Chọn một sự kiện còn hiệu lực trong bảng.</source>
        <translation>Select an event that is still in force in the table.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Chỉ quản trị viên được quản lý người dùng.</source>
        <translation>Only administrators can manage users.</translation>
    </message>
    <message>
        <source>Thêm người dùng…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Đổi vai trò, độ mật…</source>
        <translation>Change role, clearance…</translation>
    </message>
    <message>
        <source>Khóa tài khoản…</source>
        <translation>Disable account…</translation>
    </message>
    <message>
        <source>Mở khóa đăng nhập</source>
        <translation>Unlock login</translation>
    </message>
    <message>
        <source>Cho đăng nhập lại sau 10 lần nhập sai mật khẩu</source>
        <translation>Let the user log in again after 10 wrong passwords</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Độ mật được tiếp cận</source>
        <translation>Clearance</translation>
    </message>
    <message>
        <source>Phải đổi mật khẩu</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Người dùng và độ mật</source>
        <translation>Users and clearances</translation>
    </message>
    <message>
        <source>Người dùng mới nhận một mật khẩu đầu tiên (chỉ hiện một lần) và phải đổi mật khẩu khi đăng nhập lần đầu. Độ mật quyết định những tài liệu mật mà người đó giải mã được.</source>
        <translation>A new user receives a first password (shown only once) and must change it at their first sign-in. The clearance decides which classified documents the user can decrypt.</translation>
    </message>
    <message>
        <source>Bản ghi bị sửa ngoài chương trình — hiện theo chứng thư đã ký</source>
        <translation>Record altered outside the program — shown as signed</translation>
    </message>
    <message>
        <source>Không có chữ ký hợp lệ — không được tin cậy</source>
        <translation>No valid signature — not trusted</translation>
    </message>
    <message>
        <source>Cần đặt lại mật khẩu (từ trước khi nâng cấp)</source>
        <translation>Needs a password reset (from before the upgrade)</translation>
    </message>
    <message>
        <source>Mở lại tài khoản…</source>
        <translation>Enable account…</translation>
    </message>
    <message>
        <source>Đã thêm người dùng %1.</source>
        <translation>User %1 added.</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Để đổi mật khẩu của chính bạn, dùng “Tệp → Đổi mật khẩu…”.</source>
        <translation>To change your own password, use “File → Change password…”.</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu của %1? Mật khẩu cũ sẽ không dùng được nữa; người dùng phải đổi mật khẩu mới khi đăng nhập.</source>
        <translation>Reset the password of %1? The old password will stop working; the user must set a new password at sign-in.</translation>
    </message>
    <message>
        <source>Đã đặt lại mật khẩu của %1.</source>
        <translation>Password of %1 reset.</translation>
    </message>
    <message>
        <source>Mở lại tài khoản %1? Quyền tiếp cận theo độ mật được cấp lại.</source>
        <translation>Enable account %1 again? Its clearance is granted again.</translation>
    </message>
    <message>
        <source>Khóa tài khoản %1? Người này không đăng nhập được nữa và các khóa độ mật của họ bị thu hồi.</source>
        <translation>Disable account %1? This person can no longer log in and their level keys are revoked.</translation>
    </message>
    <message>
        <source>Khóa, mở lại tài khoản</source>
        <translation>Disable or enable an account</translation>
    </message>
    <message>
        <source>Đã mở lại tài khoản %1.</source>
        <translation>Account %1 enabled again.</translation>
    </message>
    <message>
        <source>Đã khóa tài khoản %1.</source>
        <translation>Account %1 disabled.</translation>
    </message>
    <message>
        <source>Đã mở khóa đăng nhập cho %1.</source>
        <translation>Login unlocked for %1.</translation>
    </message>
    <message>
        <source>Đã cập nhật vai trò, độ mật của %1.</source>
        <translation>Role and clearance of %1 updated.</translation>
    </message>
</context>
<context>
    <name>_AdminPage</name>
    <message>
        <source>Quản trị viên</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Người quản trị tạo tài khoản cho những người dùng khác.</source>
        <translation>The administrator creates the accounts of the other users.</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Họ và tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Mật khẩu:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Độ mạnh:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Nhập lại mật khẩu:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Đã nhập xong</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>Đã nhập tệp %1 vào kho dữ liệu: thêm mới %2, cập nhật %3, không đổi %4, bỏ qua %5 dòng lỗi.</source>
        <translation>File %1 imported into the vault: %2 added, %3 updated, %4 unchanged, %5 rows with errors skipped.</translation>
    </message>
    <message>
        <source>Lần nhập đã được ghi vào nhật ký.</source>
        <translation>The import has been recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>Chọn tệp Excel</source>
        <translation>Choose an Excel file</translation>
    </message>
    <message>
        <source>Tệp .xlsx, .xlsm, .ods hoặc .csv do đơn vị khác lập. Chương trình chỉ đọc tệp; chưa có gì được ghi vào kho dữ liệu cho đến bước cuối.</source>
        <translation>An .xlsx, .xlsm, .ods or .csv file made by another office. The program only reads it; nothing is written to the vault until the last step.</translation>
    </message>
    <message>
        <source>Đường dẫn tệp Excel</source>
        <translation>Path of the Excel file</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Tệp:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Hoặc kéo thả tệp Excel vào đây</source>
        <translation>Or drag and drop an Excel file here</translation>
    </message>
    <message>
        <source>Bảng tính Excel, OpenDocument hoặc CSV (*.xlsx *.xlsm *.ods *.csv)</source>
        <translation>Excel, OpenDocument or CSV spreadsheets (*.xlsx *.xlsm *.ods *.csv)</translation>
    </message>
    <message>
        <source>Chỉ nhập được tệp .xlsx, .xlsm, .ods hoặc .csv. Tệp .xls: hãy mở bằng Excel rồi lưu lại dạng .xlsx.</source>
        <translation>Only .xlsx, .xlsm, .ods or .csv files can be imported. An .xls file: open it in Excel and save it as .xlsx.</translation>
    </message>
</context>
<context>
    <name>_KindPage</name>
    <message>
        <source>Loại dữ liệu</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>Tệp này chứa dữ liệu gì?</source>
        <translation>What does this file contain?</translation>
    </message>
    <message>
        <source>Năm kế hoạch:</source>
        <translation>Plan year:</translation>
    </message>
    <message>
        <source>Cuộc thanh tra</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Danh sách các cuộc thanh tra: mã hồ sơ, tên cuộc thanh tra, quyết định, đối tượng, kết quả. Hồ sơ đã có trong kho (cùng mã hồ sơ) được cập nhật.</source>
        <translation>A list of inspections: case code, inspection title, decision, inspected party, results. Cases already in the vault (same case code) are updated.</translation>
    </message>
    <message>
        <source>Kế hoạch thanh tra năm</source>
        <translation>Annual inspection plan</translation>
    </message>
    <message>
        <source>Các mục của kế hoạch: đối tượng thanh tra, nội dung, quý triển khai, số ngày, số người. Nếu tệp không có cột “Năm”, dùng năm ghi dưới đây.</source>
        <translation>The items of a plan: inspected party, scope, quarter, days, team size. If the file has no “Year” column, the year given below is used.</translation>
    </message>
    <message>
        <source>Văn bản xin ý kiến</source>
        <translation>Requests for opinions</translation>
    </message>
    <message>
        <source>Các lần xin ý kiến của từng cuộc thanh tra: mã hồ sơ, cơ quan được xin ý kiến, ngày gửi, hạn trả lời. Hồ sơ phải có sẵn trong kho.</source>
        <translation>The requests for opinions of each inspection: case code, body consulted, date sent, reply due. The cases must already be in the vault.</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Danh sách cán bộ: họ và tên, chức vụ, đơn vị. Người đã có (cùng họ tên) được cập nhật chức vụ, đơn vị.</source>
        <translation>A staff list: full name, position, unit. People already listed (same full name) get their position and unit updated.</translation>
    </message>
    <message>
        <source>Theo các cột của tệp, chương trình đoán đây là: %1.</source>
        <translation>From the file&apos;s columns, the program guesses this is: %1.</translation>
    </message>
    <message>
        <source>Chương trình không nhận ra các cột của tệp: hãy chọn loại dữ liệu.</source>
        <translation>The program did not recognise the file&apos;s columns: please choose the kind of data.</translation>
    </message>
</context>
<context>
    <name>_MappingPage</name>
    <message>
        <source>Ghép cột</source>
        <translation>Match columns</translation>
    </message>
    <message>
        <source>Chương trình đã tự ghép các cột của tệp với các trường dữ liệu. Kiểm tra và sửa nếu cần; trường có dấu * là bắt buộc.</source>
        <translation>The program has matched the file&apos;s columns to the data fields. Check them and correct them if needed; fields marked * are required.</translation>
    </message>
    <message>
        <source>Vẫn nhập tệp được xuất từ một kho dữ liệu khác</source>
        <translation>Import anyway, although the file was exported from another vault</translation>
    </message>
    <message>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Trang “%1”, dòng tiêu đề %2; dữ liệu từ dòng %3.</source>
        <translation>Sheet “%1”, header row %2; data from row %3.</translation>
    </message>
    <message>
        <source>Cột không dùng đến (bỏ qua khi nhập): %1</source>
        <translation>Unused columns (ignored when importing): %1</translation>
    </message>
    <message>
        <source>Mọi cột có tiêu đề trong tệp đều đã được ghép.</source>
        <translation>Every column of the file that has a header is matched.</translation>
    </message>
    <message>
        <source>Chưa chọn cột cho trường bắt buộc: %1.</source>
        <translation>No column chosen for the required fields: %1.</translation>
    </message>
    <message>
        <source>Đang kiểm tra các dòng…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <source>Đã kiểm tra %1 dòng</source>
        <translation>Rows checked: %1</translation>
    </message>
    <message>
        <source>Tệp này được xuất từ một kho dữ liệu khác. Nếu vẫn muốn nhập, đánh dấu ô “Vẫn nhập…” rồi bấm Tiếp.</source>
        <translation>This file was exported from another vault. To import it all the same, tick “Import anyway…” and click Next.</translation>
    </message>
</context>
<context>
    <name>_ModePage</name>
    <message>
        <source>Chào mừng</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Chương trình lưu hồ sơ thanh tra trong một kho dữ liệu mã hóa trên máy này.</source>
        <translation>The program keeps inspection case files in an encrypted vault on this computer.</translation>
    </message>
    <message>
        <source>Tạo kho dữ liệu mới</source>
        <translation>Create a new vault</translation>
    </message>
    <message>
        <source>Mở kho dữ liệu có sẵn</source>
        <translation>Open an existing vault</translation>
    </message>
    <message>
        <source>Kết nối máy chủ của đơn vị (tệp cấu hình do quản trị viên cấp)</source>
        <translation>Connect to the department server (with the profile your administrator gave you)</translation>
    </message>
</context>
<context>
    <name>_PlacePage</name>
    <message>
        <source>Thư mục kho dữ liệu</source>
        <translation>Vault folder</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Tệp cấu hình máy chủ</source>
        <translation>Server profile</translation>
    </message>
    <message>
        <source>Cấu hình máy chủ (*.json)</source>
        <translation>Server profiles (*.json)</translation>
    </message>
    <message>
        <source>Chọn thư mục</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>Không có kho dữ liệu trong thư mục này.</source>
        <translation>There is no vault in this folder.</translation>
    </message>
</context>
<context>
    <name>_PreviewPage</name>
    <message>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Chưa có gì được ghi. Kiểm tra những gì sẽ thay đổi trong kho dữ liệu, rồi bấm “Nhập dữ liệu”.</source>
        <translation>Nothing has been written yet. Check what will change in the vault, then click “Import data”.</translation>
    </message>
    <message>
        <source>Nhập dữ liệu</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Dòng</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Khóa</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Thay đổi (cột: cũ → mới)</source>
        <translation>Changes (column: old → new)</translation>
    </message>
    <message>
        <source>Trang</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Ô</source>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Lưu bảng lỗi…</source>
        <translation>Save error workbook…</translation>
    </message>
    <message>
        <source>Ghi một bản sao của tệp, tô đỏ và ghi chú vào từng ô lỗi, để gửi lại đơn vị lập tệp.</source>
        <translation>Writes a copy of the file with every wrong cell in red and commented, to send back to the unit that made it.</translation>
    </message>
    <message>
        <source>Đảo lại ngày/tháng ở cột ngày bị bảng tính kiểu Mỹ đảo</source>
        <translation>Swap day and month back in date columns a US-style spreadsheet swapped</translation>
    </message>
    <message>
        <source>Bỏ qua dòng lỗi (chỉ nhập các dòng hợp lệ)</source>
        <translation>Skip rows with errors (import only the valid rows)</translation>
    </message>
    <message>
        <source>Hủy nhập</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Case code</translation>
    </message>
    <message>
        <source>Năm: đối tượng</source>
        <translation>Year: inspected party</translation>
    </message>
    <message>
        <source>Hồ sơ → nơi nhận</source>
        <translation>Case → addressee</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Chuyển cột “%1” từ bảng mã %2 sang Unicode (%3 ô; ví dụ “%4” → “%5”)</source>
        <translation>Convert column “%1” from the %2 encoding to Unicode (%3 cells; e.g. “%4” → “%5”)</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Thêm mới: %1</source>
        <translation>New: %1</translation>
    </message>
    <message>
        <source>Cập nhật: %1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <source>Không đổi: %1</source>
        <translation>Unchanged: %1</translation>
    </message>
    <message>
        <source>Bị loại: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <source>Cột không dùng đến (bỏ qua): %1</source>
        <translation>Unused columns (ignored): %1</translation>
    </message>
    <message>
        <source>dòng</source>
        <translation>row</translation>
    </message>
    <message>
        <source>Bỏ qua %1 dòng không phải dữ liệu: %2</source>
        <translation>Skipped %1 line(s) that are not data: %2</translation>
    </message>
    <message>
        <source>Lỗi (%1)</source>
        <translation>Errors (%1)</translation>
    </message>
    <message>
        <source>Cập nhật (%1)</source>
        <translation>Updates (%1)</translation>
    </message>
    <message>
        <source>Thêm mới (%1)</source>
        <translation>New (%1)</translation>
    </message>
    <message>
        <source>Có %1 dòng lỗi. Sửa tệp rồi nhập lại, hoặc đánh dấu “Bỏ qua dòng lỗi” để chỉ nhập các dòng hợp lệ.</source>
        <translation>Rows with errors: %1. Correct the file and import it again, or tick “Skip rows with errors” to import only the valid rows.</translation>
    </message>
    <message>
        <source>Không có gì để thêm hay cập nhật: kho dữ liệu đã có đủ các dòng của tệp.</source>
        <translation>Nothing to add or update: the vault already holds every row of the file.</translation>
    </message>
    <message>
        <source>Sẽ thêm %1 và cập nhật %2 dòng trong một lần ghi; nếu có lỗi, không dòng nào được ghi.</source>
        <translation>Will add %1 and update %2 rows in a single write; if anything fails, no row is written.</translation>
    </message>
    <message>
        <source>%1 dòng lỗi sẽ bị bỏ qua.</source>
        <translation>Rows with errors to be skipped: %1.</translation>
    </message>
    <message>
        <source>Lưu bảng lỗi</source>
        <translation>Save error workbook</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang ghi bảng lỗi…</source>
        <translation>Writing the error workbook…</translation>
    </message>
    <message>
        <source>Đã lưu bảng lỗi vào %1</source>
        <translation>Error workbook saved to %1</translation>
    </message>
    <message>
        <source>Đang chờ ghi vào kho dữ liệu…</source>
        <translation>Waiting to write to the vault…</translation>
    </message>
    <message>
        <source>Đang ghi vào kho dữ liệu (một lần ghi, không dừng giữa chừng được)…</source>
        <translation>Writing to the vault (a single write that cannot be stopped midway)…</translation>
    </message>
    <message>
        <source>Đã hủy nhập; kho dữ liệu không thay đổi.</source>
        <translation>Import cancelled; the vault has not changed.</translation>
    </message>
</context>
<context>
    <name>_TaskPage</name>
    <message>
        <source>Đã dừng.</source>
        <translation>Stopped.</translation>
    </message>
</context>
<context>
    <name>_UploadDialog</name>
    <message>
        <source>Tệp nội dung (PDF, ảnh, văn bản…)</source>
        <translation>Content file (PDF, image, text…)</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp tài liệu</source>
        <translation>Choose the document&apos;s file</translation>
    </message>
    <message>
        <source>Mọi tệp (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Kho dữ liệu đang khóa.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>Đã hủy; không có gì được lưu.</source>
        <translation>Cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>Không tìm thấy tệp %1.</source>
        <translation>File %1 not found.</translation>
    </message>
    <message>
        <source>Không đọc được tệp %1 (%2).</source>
        <translation>Cannot read file %1 (%2).</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Mở kho dữ liệu này?</source>
        <translation>Open this vault?</translation>
    </message>
</context>
</TS>
