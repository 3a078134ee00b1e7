"""The demo's document library: ten documents of Công đoàn Trường Đại học Sơn Hà.

Files are typeset with cms.demo.documents (Pillow PDFs); each document page is found again by
slug, each file by title, so running the seed again creates nothing. The people, numbers and
contact details are invented; the communication plan follows the union's own wording
(shared/seed/ke-hoach-truyen-thong-2023-2028.md).
"""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from cms import roles
from cms.demo import content, documents
from cms.demo.library import minimal_pdf
from library.models import DocumentLibraryPage, DocumentPage, DocumentPageFile

LIBRARY = {
    "title": "Thư viện văn bản",
    # The address of the home page's "Văn bản" shortcut: the library takes the place of the
    # plain page of documents that a site seeded before it has there.
    "slug": "van-ban",
    "intro": "<p>Kế hoạch, hướng dẫn, nghị quyết, thông báo và biểu mẫu của Công đoàn trường, "
    "số hóa để mọi đoàn viên tra cứu và tải về. Văn bản nội bộ hiện ra khi đoàn viên đăng nhập.</p>",
}

UNION = "Ban Chấp hành Công đoàn trường"
STANDING = "Ban Thường vụ Công đoàn trường"
SECTOR = "Công đoàn Giáo dục Việt Nam"
BOARD = "Ban Tuyên giáo – Truyền thông"

_SECTOR_LETTERHEAD = {
    "issuer_parent": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
    "issuer": "CÔNG ĐOÀN GIÁO DỤC VIỆT NAM",
    "signer_title": "TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH",
    "signer": "Hoàng Minh Đức",
}

# The plan in full, in the union's words (abbreviations spelled out once).
PLAN_SECTIONS = [
    (
        None,
        [
            "Thực hiện Hướng dẫn số 04/HD-CĐN ngày 10 tháng 4 năm 2024 của Công đoàn Giáo dục Việt "
            "Nam về việc hướng dẫn triển khai thực hiện các nhiệm vụ và giải pháp chương trình "
            "truyền thông Công đoàn giai đoạn 2023–2028, Ban Chấp hành Công đoàn trường xây dựng "
            "kế hoạch như sau:"
        ],
    ),
    (
        "I. MỤC ĐÍCH, YÊU CẦU",
        [
            "– Truyền thông đến cán bộ, nhà giáo, người lao động (CBNGNLĐ) đầy đủ, kịp thời chủ "
            "trương, đường lối của Đảng, chế độ, chính sách, pháp luật của Nhà nước liên quan trực "
            "tiếp đến CBNGNLĐ và tổ chức công đoàn Việt Nam; các quy định pháp luật mới ban hành "
            "liên quan đến quản lý nhà nước về giáo dục và đào tạo.",
            "– Các công đoàn bộ phận phối hợp với chuyên môn triển khai kế hoạch và thực hiện "
            "nghiêm túc, gắn với hoàn thành nhiệm vụ trọng tâm của đơn vị.",
            "– Tổ chức và tham gia các hoạt động truyền thông bảo đảm nghiêm túc, thường xuyên, "
            "hiệu quả.",
        ],
    ),
    (
        "II. NỘI DUNG",
        [
            "1. Triển khai và tổ chức các hoạt động tuyên truyền. Đưa kế hoạch truyền thông vào "
            "chương trình công tác hằng năm; mỗi năm tổ chức ít nhất một đợt truyền thông về các "
            "hoạt động lớn của công đoàn; tri ân, tôn vinh CBNGNLĐ; tuyên truyền cao điểm dịp Ngày "
            "Nhà giáo Việt Nam 20/11, Tháng Công nhân và Tháng hành động về An toàn, vệ sinh lao "
            "động. Tăng cường bài viết về hoạt động công đoàn, gương người tốt việc tốt, gương "
            "sáng nhà giáo trên trang tin Công đoàn trường, bảo đảm 100% CBNGNLĐ được tiếp cận "
            "thông tin.",
            "2. Đổi mới, đa dạng hóa hình thức, phương tiện truyền thông, đẩy mạnh chuyển đổi số: "
            "kết hợp website, e-office, Facebook, Zalo, fanpage, ứng dụng di động, tờ rơi số, "
            "infographic. Bảo đảm 100% tài liệu phục vụ công tác truyền thông được số hóa, kết "
            "nối, sử dụng chung.",
            "3. Tăng cường phối hợp với Trung tâm Truyền thông và Sản xuất học liệu của Nhà trường "
            "để truyền tải kịp thời, chính xác những thông tin tích cực mà CBNGNLĐ quan tâm.",
            "4. Tăng cường nguồn lực cho công tác truyền thông: đến năm 2028 có từ 50% Ủy viên Ban "
            "Chấp hành trở lên được bồi dưỡng nâng cao năng lực truyền thông; hằng năm bố trí kinh "
            "phí nâng cấp trang tin và trang thiết bị số hóa.",
            "5. Nâng cao khả năng tiếp cận thông tin của CBNGNLĐ: định kỳ khảo sát nhu cầu về nội "
            "dung, hình thức tiếp cận thông tin; khuyến khích các công đoàn bộ phận chủ động viết "
            "bài về gương sáng tại đơn vị để mỗi CBNGNLĐ là một tuyên truyền viên.",
        ],
    ),
    (
        "III. TỔ CHỨC THỰC HIỆN",
        [
            "– Ban Tuyên giáo – Truyền thông tham mưu cho Ban Chấp hành Công đoàn trường tổ chức "
            "thực hiện kế hoạch, triển khai đến các công đoàn bộ phận; sơ kết, tổng kết định kỳ.",
            "– Ban Chấp hành Công đoàn trường tuyên dương cán bộ có nhiều đóng góp trong công tác "
            "truyền thông công đoàn.",
            "– Các công đoàn bộ phận triển khai những nội dung có liên quan nêu trong Kế hoạch. "
            "Mọi vướng mắc phản ánh về Trưởng ban Tuyên giáo – Truyền thông (đồng chí Trần Minh "
            "Thư, điện thoại 0236 3 812 345, thư điện tử tuyengiao@congdoan.sonha.edu.vn).",
        ],
    ),
]


def _spec(**fields):
    return {**content._LETTERHEAD, **fields}


# slug, page fields, the file's spec for the typesetter (or a content.DOCUMENTS key), members-only
DOCUMENTS = [
    {
        "slug": "ke-hoach-truyen-thong-cong-doan-2023-2028",
        "title": "Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028",
        "number": "15/KH-CĐT",
        "kind": "ke-hoach",
        "issuer": UNION,
        "date_issued": datetime.date(2024, 4, 25),
        "effective_date": datetime.date(2024, 4, 25),
        "summary": "Kế hoạch triển khai các nhiệm vụ và giải pháp chương trình truyền thông Công "
        "đoàn giai đoạn 2023–2028: mục đích, yêu cầu, năm nhóm nội dung (tuyên truyền, chuyển đổi "
        "số, phối hợp, nguồn lực, tiếp cận thông tin) và phân công tổ chức thực hiện.",
        "tags": ["truyền thông", "chuyển đổi số"],
        "file": _spec(
            **{
                key: content.DOCUMENTS["ke-hoach-truyen-thong"][key]
                for key in ("title", "file", "number", "place_date", "heading", "subheading")
            },
            sections=PLAN_SECTIONS,
        ),
    },
    {
        "slug": "huong-dan-04-hd-cdn-truyen-thong-cong-doan",
        "title": "Hướng dẫn triển khai chương trình truyền thông Công đoàn giai đoạn 2023–2028",
        "number": "04/HD-CĐN",
        "kind": "huong-dan",
        "issuer": SECTOR,
        "date_issued": datetime.date(2024, 4, 10),
        "summary": "Hướng dẫn của Công đoàn Giáo dục Việt Nam để công đoàn các cấp trong ngành "
        "xây dựng kế hoạch truyền thông 2023–2028: chỉ tiêu số hóa tài liệu, bồi dưỡng cán bộ và "
        "khảo sát nhu cầu thông tin của đoàn viên.",
        "tags": ["truyền thông"],
        "file": {
            **_SECTOR_LETTERHEAD,
            "title": "Hướng dẫn 04/HD-CĐN về chương trình truyền thông Công đoàn 2023–2028",
            "file": "huong-dan-04-hd-cdn-truyen-thong-2023-2028.pdf",
            "number": "04/HD-CĐN",
            "place_date": "Hà Nội, ngày 10 tháng 4 năm 2024",
            "heading": "Hướng dẫn",
            "subheading": "Triển khai các nhiệm vụ và giải pháp chương trình truyền thông Công đoàn "
            "giai đoạn 2023–2028",
            "sections": [
                (
                    "1. Yêu cầu chung",
                    [
                        "Công đoàn cơ sở xây dựng kế hoạch truyền thông cả giai đoạn, đưa vào "
                        "chương trình công tác hằng năm và sơ kết, tổng kết định kỳ."
                    ],
                ),
                (
                    "2. Chỉ tiêu",
                    [
                        "– 100% tài liệu phục vụ công tác truyền thông được số hóa, dùng chung.",
                        "– Từ 50% Ủy viên Ban Chấp hành trở lên được bồi dưỡng năng lực truyền "
                        "thông đến năm 2028.",
                    ],
                ),
            ],
        },
    },
    {
        "slug": "huong-dan-tham-hoi-doan-vien-om-dau",
        "title": "Hướng dẫn thủ tục thăm hỏi đoàn viên ốm đau",
        "number": "08/HD-CĐT",
        "kind": "huong-dan",
        "issuer": UNION,
        "date_issued": datetime.date(2025, 1, 10),
        "effective_date": datetime.date(2025, 1, 15),
        "summary": "Đối tượng, hồ sơ, trình tự và mức thăm hỏi đoàn viên ốm đau, nằm viện; công "
        "đoàn bộ phận gửi hồ sơ về Văn phòng Công đoàn trường trong 5 ngày làm việc.",
        "tags": ["chăm lo đời sống"],
        "file": "huong-dan-tham-hoi",
    },
    {
        "slug": "quy-che-chi-tieu-noi-bo-cong-doan",
        "title": "Quy chế chi tiêu nội bộ Công đoàn trường (trích)",
        "number": "02/QC-CĐT",
        "kind": "quy-che",
        "issuer": UNION,
        "date_issued": datetime.date(2025, 1, 15),
        "effective_date": datetime.date(2025, 2, 1),
        "summary": "Chương III của Quy chế chi tiêu nội bộ: mức chi thăm hỏi ốm đau, hiếu hỉ và "
        "hỗ trợ đoàn viên có hoàn cảnh khó khăn. Văn bản nội bộ, dành cho đoàn viên.",
        "tags": ["tài chính công đoàn", "chăm lo đời sống"],
        "file": "quy-che-chi-tieu",
        "members_only": True,
    },
    {
        "slug": "mau-don-de-nghi-ho-tro-doan-vien",
        "title": "Mẫu đơn đề nghị hỗ trợ đoàn viên có hoàn cảnh khó khăn",
        "number": "",
        "kind": "bieu-mau",
        "issuer": UNION,
        "date_issued": datetime.date(2025, 1, 15),
        "summary": "Mẫu đơn đoàn viên điền để đề nghị Ban Chấp hành Công đoàn trường hỗ trợ khi "
        "gặp hoàn cảnh khó khăn, có ý kiến của công đoàn bộ phận.",
        "tags": ["chăm lo đời sống"],
        "file": "mau-don-ho-tro",
    },
    {
        "slug": "nghi-quyet-hoi-nghi-bch-lan-thu-8",
        "title": "Nghị quyết Hội nghị Ban Chấp hành Công đoàn trường lần thứ 8",
        "number": "09/NQ-CĐT",
        "kind": "nghi-quyet",
        "issuer": UNION,
        "date_issued": datetime.date(2025, 7, 18),
        "summary": "Hội nghị thống nhất ba nhiệm vụ trọng tâm năm học 2025–2026: chăm lo đời sống "
        "đoàn viên, phong trào thi đua dạy tốt – học tốt và chuyển đổi số công tác công đoàn.",
        "tags": ["ban chấp hành"],
        "file": _spec(
            title="Nghị quyết Hội nghị Ban Chấp hành Công đoàn trường lần thứ 8",
            file="nghi-quyet-hoi-nghi-bch-lan-thu-8.pdf",
            number="09/NQ-CĐT",
            place_date="Sơn Hà, ngày 18 tháng 7 năm 2025",
            heading="Nghị quyết",
            subheading="Hội nghị Ban Chấp hành Công đoàn trường lần thứ 8, khóa XXIV",
            sections=[
                (
                    "QUYẾT NGHỊ",
                    [
                        "1. Chăm lo đời sống: hoàn thành thăm hỏi 100% đoàn viên ốm đau nằm viện "
                        "trong 5 ngày làm việc.",
                        "2. Thi đua dạy tốt – học tốt: mỗi công đoàn bộ phận giới thiệu ít nhất "
                        "một gương sáng nhà giáo mỗi học kỳ.",
                        "3. Chuyển đổi số: toàn bộ văn bản của Công đoàn trường từ năm 2023 được "
                        "đưa lên Thư viện văn bản của trang tin Lan Tỏa.",
                    ],
                )
            ],
        ),
    },
    {
        "slug": "thong-bao-hoi-thao-chao-mung-20-11-2025",
        "title": "Thông báo tổ chức Hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11/2025",
        "number": "21/TB-CĐT",
        "kind": "thong-bao",
        "issuer": STANDING,
        "date_issued": datetime.date(2025, 10, 6),
        "summary": "Hội thao gồm bóng chuyền hơi, cầu lông và kéo co, từ ngày 01 đến 15/11/2025 "
        "tại Nhà thi đấu đa năng; công đoàn bộ phận đăng ký trước ngày 20/10/2025.",
        "tags": ["20/11", "văn nghệ thể thao"],
        "file": _spec(
            title="Thông báo tổ chức Hội thao chào mừng 20/11/2025",
            file="thong-bao-hoi-thao-20-11-2025.pdf",
            number="21/TB-CĐT",
            place_date="Sơn Hà, ngày 06 tháng 10 năm 2025",
            heading="Thông báo",
            subheading="Tổ chức Hội thao chào mừng Ngày Nhà giáo Việt Nam 20/11/2025",
            signer_title="TM. BAN THƯỜNG VỤ\nPHÓ CHỦ TỊCH",
            signer="Ngô Thanh Bình",
            sections=[
                (
                    None,
                    [
                        "– Môn thi: bóng chuyền hơi nam nữ phối hợp, cầu lông đôi, kéo co.",
                        "– Thời gian: từ ngày 01/11 đến 15/11/2025; địa điểm: Nhà thi đấu đa năng.",
                        "– Đăng ký: gửi danh sách về Văn phòng Công đoàn trường (Phòng A1-105, "
                        "điện thoại 0236 3 812 300) trước ngày 20/10/2025.",
                    ],
                )
            ],
        ),
    },
    {
        "slug": "cong-van-khao-sat-nhu-cau-thong-tin-2025",
        "title": "Công văn về việc khảo sát nhu cầu thông tin của đoàn viên năm 2025",
        "number": "34/CĐT-TGTT",
        "kind": "cong-van",
        "issuer": BOARD,
        "date_issued": datetime.date(2025, 9, 29),
        "summary": "Đề nghị các công đoàn bộ phận vận động đoàn viên trả lời phiếu khảo sát trực "
        "tuyến về nội dung và kênh thông tin (website, Facebook, Zalo, e-office) trước 31/10/2025.",
        "tags": ["khảo sát", "truyền thông"],
        "file": _spec(
            title="Công văn khảo sát nhu cầu thông tin của đoàn viên năm 2025",
            file="cong-van-khao-sat-nhu-cau-thong-tin-2025.pdf",
            number="34/CĐT-TGTT",
            place_date="Sơn Hà, ngày 29 tháng 9 năm 2025",
            heading="V/v khảo sát nhu cầu thông tin",
            subheading="Kính gửi: Các công đoàn bộ phận",
            signer_title="TRƯỞNG BAN\nTUYÊN GIÁO – TRUYỀN THÔNG",
            signer="Trần Minh Thư",
            sections=[
                (
                    None,
                    [
                        "Thực hiện Kế hoạch số 15/KH-CĐT, Ban Tuyên giáo – Truyền thông đề nghị các "
                        "công đoàn bộ phận vận động đoàn viên trả lời phiếu khảo sát trên trang tin "
                        "Lan Tỏa trước ngày 31/10/2025.",
                        "Kết quả khảo sát là căn cứ điều chỉnh nội dung và kênh truyền thông năm "
                        "học 2025–2026.",
                    ],
                )
            ],
        ),
    },
    {
        "slug": "bao-cao-tong-ket-cong-doan-nam-hoc-2024-2025",
        "title": "Báo cáo tổng kết công tác công đoàn năm học 2024–2025",
        "number": "27/BC-CĐT",
        "kind": "bao-cao",
        "issuer": UNION,
        "date_issued": datetime.date(2025, 8, 22),
        "summary": "Kết quả năm học 2024–2025: 1.036 đoàn viên, 38 lượt thăm hỏi, 126 bài viết "
        "trên trang tin, 412 đoàn viên trả lời khảo sát; tồn tại và phương hướng năm học mới. "
        "Văn bản nội bộ, dành cho đoàn viên.",
        "tags": ["ban chấp hành", "tổng kết"],
        "file": _spec(
            title="Báo cáo tổng kết công tác công đoàn năm học 2024–2025",
            file="bao-cao-tong-ket-cong-doan-2024-2025.pdf",
            number="27/BC-CĐT",
            place_date="Sơn Hà, ngày 22 tháng 8 năm 2025",
            heading="Báo cáo",
            subheading="Tổng kết công tác công đoàn năm học 2024–2025",
            sections=[
                (
                    "I. KẾT QUẢ",
                    [
                        "– Tổng số đoàn viên: 1.036, sinh hoạt tại 14 công đoàn bộ phận.",
                        "– Thăm hỏi 38 lượt đoàn viên ốm đau; hỗ trợ 12 đoàn viên có hoàn cảnh "
                        "khó khăn.",
                        "– Trang tin đăng 126 bài; 412 đoàn viên trả lời khảo sát nhu cầu thông "
                        "tin.",
                    ],
                ),
                (
                    "II. PHƯƠNG HƯỚNG",
                    ["Số hóa toàn bộ văn bản, mở chuyên mục hỏi đáp chính sách trên trang tin."],
                ),
            ],
        ),
        "members_only": True,
    },
    {
        "slug": "quyet-dinh-khen-thuong-20-11-2025",
        "title": "Quyết định khen thưởng tập thể, cá nhân tiêu biểu nhân dịp 20/11/2025",
        "number": "45/QĐ-CĐT",
        "kind": "quyet-dinh",
        "issuer": UNION,
        "date_issued": datetime.date(2025, 11, 18),
        "effective_date": datetime.date(2025, 11, 18),
        "summary": "Khen thưởng 3 tập thể và 12 cá nhân có thành tích tiêu biểu trong phong trào "
        "thi đua dạy tốt – học tốt và hoạt động công đoàn năm học 2024–2025.",
        "tags": ["20/11", "khen thưởng"],
        "file": _spec(
            title="Quyết định khen thưởng nhân dịp 20/11/2025",
            file="quyet-dinh-khen-thuong-20-11-2025.pdf",
            number="45/QĐ-CĐT",
            place_date="Sơn Hà, ngày 18 tháng 11 năm 2025",
            heading="Quyết định",
            subheading="Về việc khen thưởng tập thể, cá nhân tiêu biểu năm học 2024–2025",
            sections=[
                (
                    "Điều 1.",
                    [
                        "Tặng Giấy khen của Ban Chấp hành Công đoàn trường cho 3 tập thể và 12 cá "
                        "nhân có tên trong danh sách kèm theo."
                    ],
                ),
                (
                    "Điều 2.",
                    [
                        "Mức thưởng thực hiện theo Quy chế chi tiêu nội bộ. Quyết định có hiệu lực "
                        "từ ngày ký."
                    ],
                ),
            ],
        ),
    },
]


class LibrarySeeder:
    def __init__(self, home, media, report, owner=None):
        self.home = home
        self.media = media
        self.report = report
        self.owner = owner
        self.created_pages = 0

    def run(self, ensure_child):
        library = DocumentLibraryPage.objects.child_of(self.home).first()
        created = False
        if library is None:
            spec = dict(LIBRARY)
            # A site seeded before the library keeps its plain "Văn bản" page at this address.
            if self.home.get_children().filter(slug=spec["slug"]).exists():
                spec["slug"] = "thu-vien-van-ban"
            library, created = ensure_child(self.home, DocumentLibraryPage(**spec))
        self.report(f"  • {library.title}: {'đã tạo' if created else 'đã có, giữ nguyên'}")
        members = Group.objects.filter(name=roles.MEMBERS).first()
        for spec in DOCUMENTS:
            if library.get_children().filter(slug=spec["slug"]).exists():
                continue
            fields = {k: v for k, v in spec.items() if k not in ("file", "tags", "members_only")}
            page = DocumentPage(**fields)
            page.tags.add(*spec["tags"])
            page.files = [DocumentPageFile(document=self.document(spec["file"]))]
            ensure_child(library, page, when=spec["date_issued"], owner=self.owner)
            if spec.get("members_only") and members is not None:
                restriction = PageViewRestriction.objects.create(
                    page=page, restriction_type=PageViewRestriction.GROUPS
                )
                restriction.groups.set([members])
            label = " (đoàn viên)" if spec.get("members_only") else ""
            self.report(f"  • Văn bản{label}: {spec['title']}")
        return library

    def document(self, file_spec):
        """The Wagtail document for a content.DOCUMENTS key or a typesetter spec, made once."""
        if isinstance(file_spec, str):
            return self.media.document(file_spec)
        Document = get_document_model()
        document = Document.objects.filter(title=file_spec["title"]).first()
        if document is None:
            data = documents.render_pdf(file_spec) or minimal_pdf()
            document = Document(title=file_spec["title"], collection=self.media.root)
            document.file = ContentFile(data, name=file_spec["file"])
            document._set_document_file_metadata()
            document.save()
            self.media.created_documents += 1
        return document
