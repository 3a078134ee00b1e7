"""The demo exemplars (gương sáng) and their categories. Every person here is invented.

``parent`` is "guong-sang" (recognised by the whole union) or a department slug; the page title
is the person's full name and ``date`` the day the page went up. Drafts still lack consent or a
basis for the recognition, so they stay unpublished.
"""

import datetime

D = datetime.date

CATEGORIES = [
    {
        "slug": "nguoi-tot-viec-tot",
        "name": "Người tốt việc tốt",
        "description": "Cán bộ, nhà giáo, người lao động có hành động đẹp trong công việc và cuộc sống: giúp người, nhặt được của rơi trả lại, dũng cảm xử lý sự cố.",
    },
    {
        "slug": "guong-sang-nha-giao",
        "name": "Gương sáng nhà giáo",
        "description": "Nhà giáo tận tụy, sáng tạo trong giảng dạy, nghiên cứu và được người học, đồng nghiệp tin yêu.",
    },
    {
        "slug": "can-bo-cong-doan-tieu-bieu",
        "name": "Cán bộ công đoàn tiêu biểu",
        "description": "Cán bộ công đoàn các cấp có nhiều đóng góp trong chăm lo, bảo vệ quyền lợi đoàn viên và xây dựng tổ chức công đoàn.",
    },
]

UNION_BOARD = "Ban Chấp hành Công đoàn trường"

EXEMPLARS = [
    {
        "slug": "ha-thi-minh-nguyet",
        "date": D(2024, 3, 12),
        "title": "Hà Thị Minh Nguyệt",
        "parent": "guong-sang",
        "category": "can-bo-cong-doan-tieu-bieu",
        "position": "Ủy viên Ban Chấp hành, Trưởng ban Nữ công Công đoàn trường",
        "unit": "Phòng Đào tạo",
        "year": 2024,
        "decision_number": "46/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "citation": "Mười năm làm công tác nữ công, người khởi xướng “Tủ sách cho con” và quỹ hỗ trợ nữ đoàn viên nuôi con nhỏ.",
        "tags": ["Chăm lo đời sống"],
        "story": [
            (
                "p",
                "Chị Nguyệt nhận nhiệm vụ Trưởng ban Nữ công từ năm 2014, khi Nhà trường có hơn 300 nữ đoàn viên nhưng chưa có hoạt động riêng cho các chị đang nuôi con nhỏ. Chị đề xuất quỹ hỗ trợ nữ đoàn viên sinh con, mỗi năm giúp đỡ từ 15 đến 20 trường hợp.",
            ),
            (
                "p",
                "Năm 2019, chị khởi xướng “Tủ sách cho con” tại phòng sinh hoạt công đoàn: đoàn viên quyên góp sách cũ, con em đến mượn đọc khi chờ bố mẹ tan làm. Đến nay tủ sách có hơn 1.500 cuốn.",
            ),
            (
                "quote",
                "Chăm lo cho người mẹ cũng là chăm lo cho một lớp học tương lai.",
                "Hà Thị Minh Nguyệt",
            ),
        ],
    },
    {
        "slug": "vu-duc-thang",
        "date": D(2024, 11, 21),
        "title": "Vũ Đức Thắng",
        "parent": "khoa-toan-tin",
        "category": "guong-sang-nha-giao",
        "position": "Giảng viên chính, bộ môn Giải tích",
        "unit": "Khoa Toán – Tin",
        "year": 2024,
        "decision_number": "118/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "citation": "Mười lăm năm bồi dưỡng đội tuyển Olympic Toán sinh viên, 27 sinh viên đạt giải cấp quốc gia.",
        "tags": ["20/11"],
        "story": [
            (
                "p",
                "Thầy Thắng bắt đầu bồi dưỡng đội tuyển Olympic Toán từ năm 2009, khi khoa chỉ có ba sinh viên đăng ký. Mỗi tuần, thầy dành hai buổi tối cùng sinh viên giải đề, không tính giờ giảng.",
            ),
            (
                "p",
                "Nhiều học trò của thầy nay là giảng viên trong và ngoài trường, tiếp tục bồi dưỡng thế hệ sau theo cách thầy đã làm: kiên nhẫn, nghiêm khắc và luôn bắt đầu từ câu hỏi “vì sao”.",
            ),
            (
                "quote",
                "Bài toán khó nhất không nằm trong đề thi, mà là làm sao để sinh viên không bỏ cuộc.",
                "Vũ Đức Thắng",
            ),
        ],
    },
    {
        "slug": "ngo-minh-tuan",
        "date": D(2024, 6, 14),
        "title": "Ngô Minh Tuấn",
        "parent": "khoa-ngu-van",
        "category": "nguoi-tot-viec-tot",
        "position": "Chuyên viên văn phòng khoa",
        "unit": "Khoa Ngữ văn",
        "year": 2024,
        "nominating_unit": "Công đoàn Khoa Ngữ văn",
        "citation": "Hai mươi lần hiến máu tình nguyện và người vận động thành lập nhóm hiến máu của khoa.",
        "tags": ["Chăm lo đời sống"],
        "story": [
            (
                "p",
                "Anh Tuấn hiến máu lần đầu khi còn là sinh viên năm nhất. Đến năm 2024, anh đã hiến máu 20 lần và vận động được hơn 40 đồng nghiệp, sinh viên cùng tham gia các đợt hiến máu do Nhà trường phối hợp tổ chức.",
            ),
            (
                "p",
                "Nhóm hiến máu của khoa do anh lập trên Zalo luôn sẵn sàng khi bệnh viện cần nhóm máu hiếm.",
            ),
        ],
    },
    {
        "slug": "ly-thi-thu-trang",
        "date": D(2025, 5, 28),
        "title": "Lý Thị Thu Trang",
        "parent": "khoa-kinh-te",
        "category": "can-bo-cong-doan-tieu-bieu",
        "position": "Giảng viên, Phó Chủ tịch Công đoàn Khoa Kinh tế",
        "unit": "Khoa Kinh tế",
        "year": 2025,
        "decision_number": "52/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "campaign": "thang-cong-nhan-2025",
        "citation": "Tổ chức tập huấn an toàn lao động đầu tiên có sinh viên tham gia và minh bạch hóa toàn bộ thu chi công đoàn bộ phận.",
        "tags": ["Tháng Công nhân", "An toàn lao động"],
        "story": [
            (
                "p",
                "Chị Trang là người đề xuất mời ban cán sự các lớp sinh viên cùng tham gia tập huấn phòng cháy chữa cháy của khoa trong Tháng Công nhân năm 2025, để kỹ năng an toàn đến được với người học.",
            ),
            (
                "p",
                "Với kiến thức tài chính – kế toán, chị xây dựng bảng công khai thu chi của công đoàn bộ phận, cập nhật hằng quý để mọi đoàn viên cùng theo dõi.",
            ),
        ],
    },
    {
        "slug": "le-dinh-khoa",
        "date": D(2025, 11, 21),
        "title": "Lê Đình Khoa",
        "parent": "guong-sang",
        "category": "guong-sang-nha-giao",
        "position": "Phó Giáo sư, Giảng viên cao cấp",
        "unit": "Khoa Vật lý",
        "year": 2025,
        "decision_number": "121/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "campaign": "ngay-nha-giao-2025",
        "citation": "Ba mươi năm dẫn dắt sinh viên nghiên cứu khoa học, người xây dựng phòng thí nghiệm vật lý mở cho học sinh phổ thông.",
        "tags": ["20/11"],
        "story": [
            (
                "p",
                "Thầy Khoa về trường năm 1995, khi phòng thí nghiệm của khoa chỉ có vài bộ dụng cụ cũ. Ba mươi năm qua, thầy hướng dẫn hơn 60 đề tài nghiên cứu khoa học của sinh viên, nhiều đề tài đạt giải cấp bộ.",
            ),
            (
                "p",
                "Từ năm 2018, thầy mở cửa phòng thí nghiệm vào sáng thứ Bảy cho học sinh phổ thông trong thành phố đến làm thí nghiệm miễn phí, cùng các sinh viên sư phạm hướng dẫn.",
            ),
            (
                "quote",
                "Một thí nghiệm tự tay làm đáng giá hơn mười trang giáo trình.",
                "Lê Đình Khoa",
            ),
        ],
    },
    {
        "slug": "dang-thi-huong",
        "date": D(2025, 11, 22),
        "title": "Đặng Thị Hường",
        "parent": "khoa-ngu-van",
        "category": "guong-sang-nha-giao",
        "position": "Thạc sĩ, Giảng viên chính",
        "unit": "Khoa Ngữ văn",
        "year": 2025,
        "decision_number": "121/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "campaign": "ngay-nha-giao-2025",
        "citation": "Hành trình mười năm đưa sách và những giờ văn đến các trường vùng khó cùng sinh viên sư phạm.",
        "tags": ["20/11", "Văn nghệ"],
        "story": [
            (
                "p",
                "Mỗi dịp hè, cô Hường cùng nhóm sinh viên sư phạm Ngữ văn lên các trường vùng khó, mang theo những thùng sách quyên góp và dạy những giờ văn “không có trong chương trình”: đọc thơ, kể chuyện, viết nhật ký.",
            ),
            (
                "p",
                "Mười năm qua, hành trình đã đến 23 điểm trường, trao hơn 8.000 cuốn sách. Nhiều sinh viên từng đi cùng cô nay là giáo viên ở chính những vùng đất ấy.",
            ),
            (
                "quote",
                "Tôi không mang văn chương lên núi; tôi chỉ giúp các em thấy văn chương vẫn ở quanh mình.",
                "Đặng Thị Hường",
            ),
        ],
    },
    {
        "slug": "tran-thi-kim-oanh",
        "date": D(2026, 5, 29),
        "title": "Trần Thị Kim Oanh",
        "parent": "guong-sang",
        "category": "can-bo-cong-doan-tieu-bieu",
        "position": "Kế toán Công đoàn trường",
        "unit": "Văn phòng Công đoàn trường",
        "year": 2026,
        "decision_number": "49/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "campaign": "thang-cong-nhan-2026",
        "citation": "Người số hóa toàn bộ hồ sơ thăm hỏi, giúp đoàn viên nhận hỗ trợ trong ba ngày thay vì hai tuần.",
        "tags": ["Chuyển đổi số", "Chăm lo đời sống", "Tháng Công nhân"],
        "story": [
            (
                "p",
                "Trước năm 2025, một hồ sơ thăm hỏi ốm đau phải qua nhiều chữ ký giấy, có khi mất hai tuần đoàn viên mới nhận được tiền hỗ trợ. Chị Oanh đề xuất chuyển toàn bộ quy trình sang e-office và chuyển khoản trực tiếp.",
            ),
            (
                "p",
                "Nay, hồ sơ đầy đủ được giải quyết trong ba ngày làm việc, mọi bước đều có lịch sử trên hệ thống.",
            ),
        ],
    },
    {
        "slug": "phan-thi-lan-anh",
        "date": D(2026, 11, 18),
        "title": "Phan Thị Lan Anh",
        "parent": "khoa-toan-tin",
        "category": "nguoi-tot-viec-tot",
        "position": "Giảng viên, bộ môn Khoa học máy tính",
        "unit": "Khoa Toán – Tin",
        "year": 2026,
        "nominating_unit": "Công đoàn Khoa Toán – Tin",
        "campaign": "ngay-nha-giao-2026",
        "citation": "Mở lớp “Kỹ năng số cho thầy cô” miễn phí, hướng dẫn hơn 120 đồng nghiệp lớn tuổi dùng công cụ dạy học trực tuyến.",
        "tags": ["Chuyển đổi số", "20/11"],
        "story": [
            (
                "p",
                "Thấy nhiều thầy cô lớn tuổi lúng túng khi Nhà trường chuyển sang hệ thống học tập trực tuyến, cô Lan Anh mở lớp “Kỹ năng số cho thầy cô” vào chiều thứ Sáu hằng tuần, không nhận thù lao.",
            ),
            (
                "p",
                "Lớp học không có giáo trình cố định: mỗi buổi bắt đầu bằng câu hỏi thật của các thầy cô, từ tạo bài kiểm tra trực tuyến đến ký số văn bản trên điện thoại.",
            ),
            (
                "quote",
                "Tôi học được từ các thầy cô cách giảng bài; giờ đến lượt tôi góp lại một chút.",
                "Phan Thị Lan Anh",
            ),
        ],
    },
    {
        "slug": "mai-xuan-phuc",
        "date": D(2026, 11, 21),
        "title": "Mai Xuân Phúc",
        "parent": "khoa-ngoai-ngu",
        "category": "guong-sang-nha-giao",
        "position": "Thạc sĩ, Giảng viên",
        "unit": "Khoa Ngoại ngữ",
        "year": 2026,
        "decision_number": "127/QĐ-CĐT",
        "issuing_body": UNION_BOARD,
        "campaign": "ngay-nha-giao-2026",
        "citation": "Tác giả bộ bài giảng điện tử nghe hiểu tiếng Anh được dùng chung cho sinh viên toàn trường.",
        "tags": ["20/11", "Chuyển đổi số"],
        "story": [
            (
                "p",
                "Từ giải Nhất hội thi thiết kế bài giảng điện tử năm 2025, thầy Phúc tiếp tục phát triển bộ bài giảng nghe hiểu thành 24 bài, có bài tập phản hồi tự động, được đưa vào kho học liệu số của Nhà trường.",
            ),
            (
                "p",
                "Hơn 2.000 sinh viên đã dùng bộ bài giảng trong năm học 2025–2026. Thầy chia sẻ miễn phí mẫu thiết kế để đồng nghiệp các khoa khác dùng lại.",
            ),
        ],
    },
    {
        "slug": "bui-van-son",
        "date": D(2026, 11, 21),
        "title": "Bùi Văn Sơn",
        "parent": "guong-sang",
        "category": "nguoi-tot-viec-tot",
        "position": "Nhân viên bảo vệ",
        "unit": "Phòng Hành chính – Tổ chức",
        "year": 2026,
        "nominating_unit": "Công đoàn Phòng Hành chính – Tổ chức",
        "campaign": "ngay-nha-giao-2026",
        "citation": "Kịp thời phát hiện, dập tắt sự cố chập điện tại giảng đường lúc nửa đêm, bảo vệ an toàn tài sản Nhà trường.",
        "tags": ["An toàn lao động"],
        "story": [
            (
                "p",
                "Đêm 14/9/2026, trong ca trực, anh Sơn phát hiện mùi khét ở tầng 3 giảng đường C2. Anh nhanh chóng ngắt cầu dao, dùng bình chữa cháy dập tắt đám cháy nhỏ từ ổ cắm và báo cho tổ kỹ thuật.",
            ),
            (
                "p",
                "Nhờ xử lý đúng quy trình đã được tập huấn trong Tháng Công nhân, sự cố không gây thiệt hại lớn. Anh cũng là người nhiều lần nhặt được tài sản đánh rơi và trả lại cho sinh viên.",
            ),
            ("quote", "Tôi chỉ làm đúng những gì đã được học trong buổi diễn tập.", "Bùi Văn Sơn"),
        ],
    },
    {
        "slug": "chu-van-binh",
        "date": D(2026, 11, 24),
        "title": "Chu Văn Bình",
        "parent": "phong-hanh-chinh-to-chuc",
        "category": "nguoi-tot-viec-tot",
        "position": "Lái xe",
        "unit": "Phòng Hành chính – Tổ chức",
        "year": 2026,
        "nominating_unit": "",
        "citation": "Nhiều năm tình nguyện đưa đón đoàn viên ốm đau đi khám bệnh ngoài giờ làm việc.",
        "tags": ["Chăm lo đời sống"],
        "draft": True,
        "story": [
            (
                "p",
                "(Bản nháp: chờ anh Bình đồng ý cho đăng và bổ sung biên bản đề cử của công đoàn bộ phận.)",
            ),
        ],
    },
]
