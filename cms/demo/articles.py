"""The demo articles: the board's own under Tin tức, the rest under their departments.

``parent`` is "tin-tuc" or a department slug; ``campaign`` a campaign slug from
``cms.demo.content.CAMPAIGNS``; ``draft`` articles are saved but never published. Bodies use the
small tuple format described in ``cms.demo.content``.
"""

import datetime

D = datetime.date

BYLINES = {
    "tin-tuc": "Trần Minh Thư – Ban Tuyên giáo – Truyền thông",
    "khoa-toan-tin": "Phạm Thu Hà – CĐBP Khoa Toán – Tin",
    "khoa-ngu-van": "Đỗ Thị Mai – CĐBP Khoa Ngữ văn",
    "khoa-kinh-te": "Trần Thị Ngọc Ánh – CĐBP Khoa Kinh tế",
    "khoa-ngoai-ngu": "Nguyễn Hoài Phương – CĐBP Khoa Ngoại ngữ",
    "phong-hanh-chinh-to-chuc": "Vũ Thị Thanh Tâm – CĐBP Phòng Hành chính – Tổ chức",
}
CREDITS = {
    "tin-tuc": "Ảnh: Ban Tuyên giáo – Truyền thông",
    "khoa-toan-tin": "Ảnh: CĐBP Khoa Toán – Tin",
    "khoa-ngu-van": "Ảnh: CĐBP Khoa Ngữ văn",
    "khoa-kinh-te": "Ảnh: CĐBP Khoa Kinh tế",
    "khoa-ngoai-ngu": "Ảnh: CĐBP Khoa Ngoại ngữ",
    "phong-hanh-chinh-to-chuc": "Ảnh: CĐBP Phòng Hành chính – Tổ chức",
}

ARTICLES = [
    # 2024
    {
        "slug": "trien-khai-ke-hoach-truyen-thong-2023-2028",
        "title": "Công đoàn trường triển khai Kế hoạch truyền thông giai đoạn 2023–2028",
        "date": D(2024, 4, 26),
        "parent": "tin-tuc",
        "hero": "ke-hoach-truyen-thong",
        "hero_caption": "Hội nghị triển khai kế hoạch truyền thông tại Hội trường Nhà A1.",
        "tags": ["Chuyển đổi số"],
        "lead": "Chiều 25/4/2024, Ban Chấp hành Công đoàn trường tổ chức hội nghị triển khai Kế hoạch thực hiện các nhiệm vụ và giải pháp chương trình truyền thông Công đoàn giai đoạn 2023–2028 đến chủ tịch và biên tập viên của các công đoàn bộ phận.",
        "body": [
            (
                "p",
                "Kế hoạch được xây dựng trên cơ sở hướng dẫn của Công đoàn Giáo dục Việt Nam, với mục tiêu truyền thông đầy đủ, kịp thời chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến cán bộ, nhà giáo, người lao động, đồng thời tăng cường bài viết về hoạt động công đoàn, gương người tốt việc tốt và gương sáng nhà giáo.",
            ),
            ("h2", "Những chỉ tiêu cụ thể"),
            (
                "ul",
                [
                    "Mỗi năm tổ chức ít nhất một đợt truyền thông về các hoạt động lớn của công đoàn.",
                    "100% tài liệu phục vụ công tác truyền thông được số hóa và dùng chung.",
                    "Đến năm 2028, từ 50% Ủy viên Ban Chấp hành trở lên được bồi dưỡng nâng cao năng lực truyền thông.",
                    "Định kỳ khảo sát nhu cầu thông tin của đoàn viên.",
                ],
            ),
            (
                "p",
                "Phát biểu tại hội nghị, đồng chí Đoàn Thị Ngọc Lan, Chủ tịch Công đoàn trường, đề nghị các công đoàn bộ phận cử biên tập viên, chủ động viết tin, bài về hoạt động của đơn vị và gửi về Ban Tuyên giáo – Truyền thông để đăng trên trang tin “Lan Tỏa”.",
            ),
            (
                "quote",
                "Mỗi cán bộ, nhà giáo, người lao động là một tuyên truyền viên. Trang tin chỉ sống được khi các đơn vị cùng viết.",
                "Đoàn Thị Ngọc Lan, Chủ tịch Công đoàn trường",
            ),
            ("doc", "ke-hoach-truyen-thong", "Toàn văn kế hoạch (PDF)"),
            (
                "cta",
                "Bạn muốn đọc gì trên trang tin công đoàn? Hãy dành 5 phút trả lời phiếu khảo sát.",
                "Tham gia khảo sát",
                "page:khao-sat",
            ),
        ],
    },
    {
        "slug": "tap-huan-so-cuu-va-an-toan-dien",
        "title": "Khoa Toán – Tin tập huấn sơ cứu ban đầu và an toàn điện trong phòng máy",
        "date": D(2024, 5, 17),
        "parent": "khoa-toan-tin",
        "hero": "so-cuu-2024",
        "hero_caption": "Giảng viên trẻ thực hành băng bó vết thương dưới sự hướng dẫn của cán bộ Trạm Y tế.",
        "tags": ["An toàn lao động", "Tháng Công nhân"],
        "lead": "Hưởng ứng Tháng Công nhân năm 2024, Công đoàn Khoa Toán – Tin phối hợp với Trạm Y tế Nhà trường tổ chức buổi tập huấn sơ cứu ban đầu và an toàn điện cho 42 đoàn viên.",
        "body": [
            (
                "p",
                "Khoa hiện quản lý 6 phòng máy tính với gần 300 máy, thường xuyên sử dụng từ sáng đến tối. Vì vậy, bên cạnh kỹ năng sơ cứu, buổi tập huấn dành nhiều thời gian cho các tình huống chập điện, quá tải ổ cắm và cách ngắt nguồn an toàn.",
            ),
            ("h2", "Học bằng cách làm"),
            (
                "p",
                "Sau phần lý thuyết ngắn, đoàn viên chia nhóm thực hành băng bó, cầm máu, hô hấp nhân tạo trên mô hình và xử lý tình huống giả định khi có người bị điện giật trong phòng máy. Nhiều thầy cô lần đầu biết vị trí cầu dao tổng của tầng mình làm việc.",
            ),
            (
                "quote",
                "Có những việc tưởng nhỏ như biết cầu dao ở đâu, nhưng khi có sự cố thì từng giây đều quý.",
                "TS. Nguyễn Quốc Bảo, Chủ tịch Công đoàn Khoa Toán – Tin",
            ),
            (
                "p",
                "Kết thúc buổi tập huấn, công đoàn bộ phận đề xuất Nhà trường bổ sung tủ thuốc và dán sơ đồ điện tại cửa mỗi phòng máy.",
            ),
        ],
    },
    {
        "slug": "lop-tieng-anh-he-cho-con-doan-vien-2024",
        "title": "Lớp tiếng Anh hè miễn phí cho con đoàn viên",
        "date": D(2024, 7, 12),
        "parent": "khoa-ngoai-ngu",
        "hero": "tieng-anh-he",
        "hero_caption": "Các em nhỏ trong buổi học tiếng Anh qua trò chơi.",
        "tags": ["Chăm lo đời sống"],
        "lead": "Năm thứ ba liên tiếp, Công đoàn Khoa Ngoại ngữ mở lớp tiếng Anh hè miễn phí cho con đoàn viên toàn trường, thu hút 64 em từ lớp 3 đến lớp 9.",
        "body": [
            (
                "p",
                "Lớp học diễn ra vào sáng thứ Ba và thứ Năm trong 6 tuần, do 12 giảng viên và sinh viên tình nguyện của khoa phụ trách. Các em được học qua bài hát, trò chơi và dự án nhỏ như làm bưu thiếp, giới thiệu gia đình bằng tiếng Anh.",
            ),
            (
                "p",
                "Nhiều phụ huynh là giảng viên, nhân viên các khoa, phòng cho biết lớp học giúp họ yên tâm công tác trong những tuần hè bận rộn với tuyển sinh và bồi dưỡng chuyên môn.",
            ),
            (
                "quote",
                "Dạy con của đồng nghiệp là cách chúng tôi nói lời cảm ơn với cả trường.",
                "ThS. Lương Thị Hồng Vân, Chủ tịch Công đoàn Khoa Ngoại ngữ",
            ),
        ],
    },
    {
        "slug": "hoi-thao-chao-mung-nam-hoc-moi-2024",
        "title": "Sôi nổi hội thao chào mừng năm học mới 2024–2025",
        "date": D(2024, 9, 28),
        "parent": "khoa-kinh-te",
        "hero": "hoi-thao-2024",
        "hero_caption": "Đội bóng chuyền hơi nữ Khoa Kinh tế trong trận chung kết.",
        "tags": ["Thể thao"],
        "lead": "Hội thao truyền thống chào mừng năm học mới do Công đoàn Khoa Kinh tế đăng cai đã khép lại sau hai ngày thi đấu với sự tham gia của hơn 200 vận động viên từ 9 công đoàn bộ phận.",
        "body": [
            (
                "p",
                "Các nội dung thi đấu gồm bóng chuyền hơi nam, nữ, kéo co, cầu lông và cờ tướng. Điểm mới năm nay là nội dung kéo co hỗn hợp, mỗi đội bắt buộc có đủ giảng viên, chuyên viên và nhân viên phục vụ.",
            ),
            (
                "gallery",
                "Hình ảnh hội thao",
                [
                    ("anh-the-thao-keo-co", "Kéo co hỗn hợp – nội dung được cổ vũ nhiều nhất."),
                    ("anh-the-thao-bong-ban", "Thi đấu cầu lông đôi nam nữ."),
                    ("anh-the-thao-trao-giai", "Ban tổ chức trao giải cho các đội đoạt giải."),
                ],
            ),
            (
                "p",
                "Chung cuộc, Khoa Kinh tế giành giải Nhất toàn đoàn, Phòng Hành chính – Tổ chức giải Nhì, Khoa Toán – Tin giải Ba. Giải phong cách được trao cho đội kéo co của tổ bảo vệ.",
            ),
        ],
    },
    {
        "slug": "chuong-trinh-tho-loi-ru-cua-me",
        "title": "Chương trình thơ “Lời ru của mẹ” chào mừng 94 năm Ngày Phụ nữ Việt Nam",
        "date": D(2024, 10, 19),
        "parent": "khoa-ngu-van",
        "hero": "tho-20-10-2024",
        "hero_caption": "Nữ đoàn viên Khoa Ngữ văn trong tiết mục ngâm thơ mở màn.",
        "tags": ["Văn nghệ"],
        "lead": "Chiều 18/10/2024, Công đoàn Khoa Ngữ văn tổ chức chương trình thơ “Lời ru của mẹ” chào mừng 94 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 – 20/10/2024).",
        "body": [
            (
                "p",
                "Chương trình gồm 14 tiết mục ngâm thơ, đọc thơ và hát ru do chính giảng viên, sinh viên của khoa thể hiện. Nhiều bài thơ được các thầy cô sáng tác riêng tặng mẹ, tặng vợ và các đồng nghiệp nữ.",
            ),
            (
                "quote",
                "Lời ru là bài học đầu tiên của mỗi người về tiếng Việt.",
                "ThS. Hoàng Thị Thanh Nhàn, Chủ tịch Công đoàn Khoa Ngữ văn",
            ),
            (
                "p",
                "Dịp này, công đoàn bộ phận tặng hoa và quà cho 26 nữ đoàn viên, trong đó có 3 chị đang nuôi con nhỏ dưới 36 tháng tuổi.",
            ),
        ],
    },
    {
        "slug": "hoi-giang-chao-mung-20-11-2024",
        "title": "Khoa Toán – Tin tổ chức hội giảng chào mừng Ngày Nhà giáo Việt Nam",
        "date": D(2024, 11, 15),
        "parent": "khoa-toan-tin",
        "hero": "hoi-giang-2024",
        "hero_caption": "Tiết giảng Giải tích ứng dụng của giảng viên trẻ Phan Thị Lan Anh.",
        "tags": ["20/11"],
        "lead": "Trong hai tuần đầu tháng 11/2024, 14 giảng viên Khoa Toán – Tin tham gia hội giảng chào mừng 42 năm Ngày Nhà giáo Việt Nam, với nhiều tiết dạy ứng dụng phần mềm mô phỏng và học liệu số.",
        "body": [
            (
                "p",
                "Các tiết giảng được dự giờ, góp ý theo nhóm bộ môn. Tiêu chí năm nay nhấn mạnh khả năng tổ chức cho sinh viên tự khám phá, thay vì chỉ trình bày bài giảng.",
            ),
            ("h2", "Kết quả"),
            (
                "ul",
                [
                    "4 tiết xếp loại xuất sắc, 8 tiết loại tốt.",
                    "3 tiết được chọn quay video làm học liệu mẫu cho khoa.",
                    "Công đoàn bộ phận khen thưởng các giảng viên có tiết giảng xuất sắc.",
                ],
            ),
            (
                "p",
                "Kết quả hội giảng là một căn cứ để công đoàn bộ phận đề cử gương sáng nhà giáo của khoa trong năm học.",
            ),
        ],
    },
    {
        "slug": "gap-mat-ky-niem-42-nam-ngay-nha-giao",
        "title": "Gặp mặt kỷ niệm 42 năm Ngày Nhà giáo Việt Nam",
        "date": D(2024, 11, 20),
        "parent": "tin-tuc",
        "hero": "gap-mat-20-11-2024",
        "hero_caption": "Đại diện sinh viên tặng hoa các thầy cô tại buổi gặp mặt.",
        "tags": ["20/11", "Văn nghệ"],
        "lead": "Sáng 20/11/2024, Công đoàn trường phối hợp với Ban Giám hiệu tổ chức gặp mặt kỷ niệm 42 năm Ngày Nhà giáo Việt Nam, với sự tham dự của hơn 400 cán bộ, giảng viên đang công tác và đã nghỉ hưu.",
        "body": [
            (
                "p",
                "Buổi gặp mặt mở đầu bằng chương trình văn nghệ chào mừng do đoàn viên các công đoàn bộ phận biểu diễn. Ôn lại truyền thống của Nhà trường, các đại biểu xúc động khi gặp lại những thầy cô đã đặt nền móng cho các ngành đào tạo đầu tiên.",
            ),
            (
                "p",
                "Dịp này, Ban Chấp hành Công đoàn trường tặng giấy khen cho 8 nhà giáo tiêu biểu và 5 công đoàn bộ phận có nhiều tin, bài về gương sáng nhà giáo trong năm học 2023–2024.",
            ),
            (
                "quote",
                "Nghề giáo vất vả, nhưng mỗi mùa 20/11 lại thấy mình được tiếp thêm sức.",
                "Một giảng viên đã nghỉ hưu phát biểu tại buổi gặp mặt",
            ),
        ],
    },
    # 2025
    {
        "slug": "quan-ly-doan-phi-bang-bang-tinh-truc-tuyen",
        "title": "Ứng dụng bảng tính trực tuyến trong quản lý đoàn phí và thăm hỏi",
        "date": D(2025, 3, 20),
        "parent": "khoa-toan-tin",
        "hero": "bang-tinh-cong-doan",
        "hero_caption": "Bảng theo dõi thăm hỏi đoàn viên dùng chung của Công đoàn Khoa Toán – Tin.",
        "tags": ["Chuyển đổi số"],
        "lead": "Từ đầu năm 2025, Công đoàn Khoa Toán – Tin chuyển toàn bộ sổ theo dõi đoàn phí, danh sách thăm hỏi và kế hoạch hoạt động sang bảng tính trực tuyến dùng chung, giúp tiết kiệm thời gian và minh bạch thông tin.",
        "body": [
            (
                "p",
                "Trước đây, mọi số liệu được ghi trong sổ giấy do một đồng chí trong Ban Chấp hành giữ. Nay, các tổ công đoàn cập nhật trực tiếp, chủ tịch công đoàn bộ phận theo dõi được ngay trên điện thoại.",
            ),
            ("h2", "Ba nguyên tắc khi số hóa"),
            (
                "ul",
                [
                    "Chỉ những người có trách nhiệm mới được quyền sửa; đoàn viên chỉ xem phần liên quan đến mình.",
                    "Không đưa thông tin sức khỏe chi tiết của đoàn viên lên bảng dùng chung.",
                    "Sao lưu hằng tháng và lưu trữ theo quy định của Công đoàn trường.",
                ],
            ),
            (
                "p",
                "Cách làm này được Ban Tuyên giáo – Truyền thông đánh giá cao và giới thiệu với các công đoàn bộ phận khác trong hội nghị sơ kết quý I/2025.",
            ),
            (
                "cta",
                "Công đoàn bộ phận muốn áp dụng? Liên hệ Văn phòng Công đoàn trường để được hỗ trợ thiết lập.",
                "Xem thông tin liên hệ",
                "page:gioi-thieu",
            ),
        ],
    },
    {
        "slug": "phat-dong-thang-cong-nhan-2025",
        "title": "Phát động Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động năm 2025",
        "date": D(2025, 5, 2),
        "parent": "tin-tuc",
        "hero": "chien-dich-cong-nhan-2025",
        "hero_caption": "Lễ phát động Tháng Công nhân năm 2025 tại sân Nhà A1.",
        "campaign": "thang-cong-nhan-2025",
        "tags": ["Tháng Công nhân", "An toàn lao động"],
        "lead": "Sáng 02/5/2025, Công đoàn trường tổ chức lễ phát động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm 2025 với chủ đề “An toàn để lao động – Lao động để cống hiến”.",
        "body": [
            (
                "p",
                "Theo kế hoạch, trong tháng 5, mỗi công đoàn bộ phận tổ chức ít nhất một hoạt động về an toàn, vệ sinh lao động; rà soát bình chữa cháy, tủ thuốc; thăm hỏi đoàn viên có hoàn cảnh khó khăn và giới thiệu cán bộ công đoàn tiêu biểu.",
            ),
            ("h2", "Trọng tâm năm 2025"),
            (
                "ul",
                [
                    "An toàn điện tại phòng máy, phòng thí nghiệm.",
                    "Phòng cháy chữa cháy tại khu làm việc hành chính và ký túc xá.",
                    "Chăm lo sức khỏe, tinh thần cho người lao động trực tiếp: bảo vệ, vệ sinh môi trường, lái xe.",
                ],
            ),
            (
                "quote",
                "Tháng Công nhân là dịp để mỗi người tự hỏi: nơi mình làm việc đã thật sự an toàn chưa?",
                "Lê Văn Hòa, Phó Chủ tịch Công đoàn trường",
            ),
            (
                "cta",
                "Xem toàn bộ hoạt động của Tháng Công nhân năm 2025.",
                "Trang chiến dịch",
                "page:thang-cong-nhan-2025",
            ),
        ],
    },
    {
        "slug": "dien-tap-phong-chay-chua-chay-nha-a1",
        "title": "Diễn tập phòng cháy chữa cháy và cứu nạn, cứu hộ tại khu hành chính",
        "date": D(2025, 5, 10),
        "parent": "phong-hanh-chinh-to-chuc",
        "hero": "dien-tap-pccc",
        "hero_caption": "Tổ bảo vệ thực hành dập đám cháy giả định bằng bình bột.",
        "campaign": "thang-cong-nhan-2025",
        "tags": ["An toàn lao động", "Tháng Công nhân"],
        "lead": "Sáng 10/5/2025, Công đoàn Phòng Hành chính – Tổ chức phối hợp với lực lượng phòng cháy chữa cháy địa phương tổ chức diễn tập phương án chữa cháy và thoát nạn tại Nhà A1.",
        "body": [
            (
                "p",
                "Tình huống giả định: chập điện gây cháy tại kho lưu trữ tầng 2, khói lan ra hành lang trong giờ làm việc. Chỉ sau 4 phút, toàn bộ 86 cán bộ, nhân viên trong toà nhà đã được hướng dẫn thoát ra điểm tập kết an toàn.",
            ),
            (
                "gallery",
                "Các bước diễn tập",
                [
                    ("anh-atvsld-dap-lua", "Dập đám cháy giả định bằng bình bột."),
                    ("anh-atvsld-so-cuu", "Sơ cứu người bị ngạt khói."),
                    ("anh-atvsld-kiem-tra", "Kiểm tra áp suất bình chữa cháy sau diễn tập."),
                ],
            ),
            (
                "p",
                "Sau diễn tập, công đoàn bộ phận kiến nghị thay 12 bình chữa cháy sắp hết hạn và bổ sung đèn chỉ dẫn thoát hiểm ở cầu thang phía tây.",
            ),
        ],
    },
    {
        "slug": "tap-huan-phong-chay-chua-chay-khoa-kinh-te",
        "title": "Khoa Kinh tế tập huấn kỹ năng phòng cháy chữa cháy và sơ cấp cứu",
        "date": D(2025, 5, 21),
        "parent": "khoa-kinh-te",
        "hero": "pccc-2025",
        "hero_caption": "Đoàn viên Khoa Kinh tế thực hành sử dụng bình chữa cháy.",
        "campaign": "thang-cong-nhan-2025",
        "tags": ["An toàn lao động"],
        "lead": "Trong khuôn khổ Tháng Công nhân năm 2025, Công đoàn Khoa Kinh tế tổ chức tập huấn phòng cháy chữa cháy và sơ cấp cứu cho 38 đoàn viên cùng đại diện ban cán sự các lớp sinh viên.",
        "body": [
            (
                "p",
                "Buổi tập huấn do cán bộ Trạm Y tế và tổ bảo vệ Nhà trường hướng dẫn, tập trung vào cách nhận biết nguy cơ cháy từ thiết bị điện, cách dùng bình chữa cháy và xử lý ban đầu khi có người bị bỏng.",
            ),
            (
                "p",
                "Đây là lần đầu tiên công đoàn bộ phận mời sinh viên cùng tham gia, để kỹ năng an toàn lan tỏa ra các lớp học.",
            ),
        ],
    },
    {
        "slug": "tham-hoi-doan-vien-om-dau-quy-ii-2025",
        "title": "Thăm hỏi đoàn viên ốm đau, có hoàn cảnh khó khăn quý II/2025",
        "date": D(2025, 6, 12),
        "parent": "khoa-ngu-van",
        "hero": "tham-hoi-2025",
        "hero_caption": "Đại diện công đoàn bộ phận thăm một đoàn viên đang điều trị dài ngày.",
        "tags": ["Chăm lo đời sống"],
        "lead": "Trong quý II/2025, Công đoàn Khoa Ngữ văn đã thăm hỏi 5 đoàn viên ốm đau, nằm viện và đề nghị Công đoàn trường hỗ trợ một đoàn viên có hoàn cảnh đặc biệt khó khăn.",
        "body": [
            (
                "p",
                "Mỗi trường hợp đều được tổ công đoàn nắm tình hình ngay trong ngày, ban chấp hành công đoàn bộ phận đến thăm và làm hồ sơ đề nghị theo hướng dẫn của Công đoàn trường.",
            ),
            (
                "p",
                "Đặc biệt, với một đồng chí giảng viên trẻ có con đang điều trị bệnh dài ngày, công đoàn bộ phận đã vận động đoàn viên trong khoa quyên góp được 28 triệu đồng, cùng khoản hỗ trợ của Công đoàn trường.",
            ),
            ("doc", "huong-dan-tham-hoi", "Hướng dẫn thủ tục thăm hỏi đoàn viên ốm đau"),
        ],
    },
    {
        "slug": "luat-bao-hiem-xa-hoi-2024-nhung-diem-moi",
        "title": "Luật Bảo hiểm xã hội năm 2024: những điểm mới đoàn viên cần biết",
        "date": D(2025, 7, 8),
        "parent": "tin-tuc",
        "hero": "luat-bhxh-2024",
        "hero_caption": "Luật Bảo hiểm xã hội năm 2024 có hiệu lực từ ngày 01/7/2025.",
        "tags": ["Pháp luật"],
        "lead": "Luật Bảo hiểm xã hội năm 2024 có hiệu lực từ ngày 01/7/2025. Ban Tuyên giáo – Truyền thông tóm tắt một số điểm mới liên quan trực tiếp đến cán bộ, nhà giáo, người lao động.",
        "body": [
            ("h2", "Điều kiện hưởng lương hưu"),
            (
                "p",
                "Số năm đóng bảo hiểm xã hội tối thiểu để hưởng lương hưu giảm từ 20 năm xuống 15 năm, tạo cơ hội cho người tham gia muộn hoặc có quá trình đóng bị gián đoạn. Mức lương hưu vẫn tính theo số năm đóng và tiền lương làm căn cứ đóng.",
            ),
            ("h2", "Mở rộng quyền lợi"),
            (
                "ul",
                [
                    "Người tham gia bảo hiểm xã hội tự nguyện được hưởng trợ cấp khi sinh con.",
                    "Trợ cấp hưu trí xã hội dành cho người cao tuổi không có lương hưu được áp dụng từ đủ 75 tuổi.",
                    "Quy định chặt chẽ hơn việc hưởng bảo hiểm xã hội một lần, nhằm bảo đảm an sinh lâu dài cho người lao động.",
                ],
            ),
            (
                "p",
                "Bài viết chỉ nêu những điểm chính. Khi cần giải quyết chế độ cho trường hợp cụ thể, đoàn viên liên hệ Phòng Hành chính – Tổ chức để được hướng dẫn theo văn bản hiện hành.",
            ),
            (
                "cta",
                "Còn thắc mắc về chế độ bảo hiểm xã hội? Xem mục Hỏi đáp hoặc gửi câu hỏi cho Công đoàn trường.",
                "Đến mục Hỏi đáp",
                "page:hoi-dap",
            ),
        ],
    },
    {
        "slug": "ket-qua-khao-sat-nhu-cau-thong-tin-2025",
        "title": "Đoàn viên muốn đọc gì? Kết quả khảo sát nhu cầu thông tin năm 2025",
        "date": D(2025, 10, 28),
        "parent": "tin-tuc",
        "hero": "khao-sat-ket-qua",
        "hero_caption": "Kết quả khảo sát nhu cầu thông tin của đoàn viên năm 2025.",
        "tags": ["Chuyển đổi số"],
        "lead": "412 đoàn viên đã trả lời phiếu khảo sát tháng 10/2025. Chính sách, pháp luật và chăm lo đời sống là hai chủ đề được quan tâm nhất; điện thoại là thiết bị đọc tin chủ yếu.",
        "body": [
            (
                "infographic",
                "khao-sat-2025",
                "Đoàn viên muốn đọc gì trên trang công đoàn?",
                "Chính sách, pháp luật: 78%. Chăm lo đời sống: 64%. Gương người tốt việc tốt: 52%. Văn nghệ, thể thao: 47%. Kỹ năng số: 41%. 412 đoàn viên trả lời, tháng 10/2025.",
            ),
            (
                "p",
                "Có 83% người trả lời đọc tin công đoàn trên điện thoại, chủ yếu qua đường dẫn chia sẻ trong nhóm Zalo của đơn vị. Nhiều ý kiến đề nghị bài viết ngắn hơn, có ảnh, và có mục giải đáp chế độ, chính sách.",
            ),
            ("h2", "Trang tin sẽ thay đổi gì?"),
            (
                "ul",
                [
                    "Mở mục Hỏi đáp chính sách, pháp luật, cập nhật hằng tháng.",
                    "Mỗi bài có phần tóm tắt ngắn ở đầu, đọc nhanh trên điện thoại.",
                    "Hướng dẫn kỹ năng số ngắn gọn cho đoàn viên lớn tuổi.",
                ],
            ),
            (
                "cta",
                "Cảm ơn các đoàn viên đã tham gia. Đọc giải đáp các câu hỏi thường gặp tại mục Hỏi đáp.",
                "Đến mục Hỏi đáp",
                "page:hoi-dap",
            ),
        ],
    },
    {
        "slug": "hoi-thi-thiet-ke-bai-giang-dien-tu-2025",
        "title": "Hội thi thiết kế bài giảng điện tử chào mừng 20/11",
        "date": D(2025, 11, 8),
        "parent": "khoa-ngoai-ngu",
        "hero": "bai-giang-dien-tu",
        "hero_caption": "Giảng viên trình bày bài giảng điện tử trước ban giám khảo.",
        "campaign": "ngay-nha-giao-2025",
        "tags": ["20/11", "Chuyển đổi số"],
        "lead": "Chào mừng 43 năm Ngày Nhà giáo Việt Nam, Công đoàn Khoa Ngoại ngữ phối hợp với lãnh đạo khoa tổ chức hội thi thiết kế bài giảng điện tử với 11 sản phẩm dự thi.",
        "body": [
            (
                "p",
                "Các bài giảng được chấm theo ba tiêu chí: nội dung chính xác, tương tác với người học và khả năng dùng lại. Nhiều sản phẩm tích hợp bài tập nghe có phản hồi tự động và video do chính giảng viên quay.",
            ),
            (
                "p",
                "Giải Nhất thuộc về ThS. Mai Xuân Phúc với bài giảng “Kỹ năng nghe hiểu hội thoại học thuật”, được khoa đề xuất đưa vào kho học liệu số của Nhà trường.",
            ),
            (
                "quote",
                "Bài giảng điện tử tốt không phải là bài giảng có nhiều hiệu ứng, mà là bài giảng giúp sinh viên tự học được.",
                "ThS. Mai Xuân Phúc",
            ),
        ],
    },
    {
        "slug": "giai-bong-ban-giao-huu-chao-mung-20-11-2025",
        "title": "Giải bóng bàn giao hữu Khoa Toán – Tin chào mừng 20/11",
        "date": D(2025, 11, 14),
        "parent": "khoa-toan-tin",
        "hero": "bong-ban-2025",
        "hero_caption": "Trận chung kết đơn nam giữa hai giảng viên bộ môn Giải tích.",
        "campaign": "ngay-nha-giao-2025",
        "tags": ["Thể thao", "20/11"],
        "lead": "Giải bóng bàn giao hữu do Công đoàn Khoa Toán – Tin tổ chức đã thu hút 32 vận động viên là giảng viên, nhân viên và sinh viên, tạo không khí sôi nổi trong tuần lễ chào mừng Ngày Nhà giáo Việt Nam.",
        "body": [
            (
                "p",
                "Giải thi đấu ba nội dung: đơn nam, đơn nữ và đôi nam nữ giảng viên – sinh viên. Nội dung đôi nam nữ giúp thầy và trò hiểu nhau hơn ngoài giờ lên lớp.",
            ),
            (
                "gallery",
                "Khoảnh khắc ở bàn thi đấu",
                [
                    ("anh-the-thao-bong-ban", "Những pha bóng giằng co ở trận chung kết."),
                    ("anh-the-thao-trao-giai", "Trao giải cho các cặp đôi giảng viên – sinh viên."),
                ],
            ),
            (
                "p",
                "Công đoàn bộ phận dự kiến tổ chức giải thường niên, luân phiên mời các khoa bạn cùng tham gia.",
            ),
        ],
    },
    {
        "slug": "dem-van-nghe-buc-giang-mua-tri-an",
        "title": "Đêm văn nghệ “Bục giảng mùa tri ân” của Khoa Ngữ văn",
        "date": D(2025, 11, 19),
        "parent": "khoa-ngu-van",
        "hero": "van-nghe-2025",
        "hero_caption": "Tiết mục hợp ca “Bụi phấn” của giảng viên Khoa Ngữ văn.",
        "campaign": "ngay-nha-giao-2025",
        "tags": ["Văn nghệ", "20/11"],
        "lead": "Tối 19/11/2025, Hội trường lớn chật kín khán giả trong đêm văn nghệ “Bục giảng mùa tri ân” do Công đoàn Khoa Ngữ văn phối hợp với Liên chi đoàn khoa tổ chức.",
        "body": [
            (
                "p",
                "Chương trình gồm 16 tiết mục hát, múa, ngâm thơ và kịch ngắn. Lần đầu tiên, các thầy cô đã nghỉ hưu được mời lên sân khấu cùng thế hệ giảng viên trẻ trong tiết mục hợp ca khép lại đêm diễn.",
            ),
            (
                "gallery",
                "Hình ảnh đêm văn nghệ",
                [
                    ("anh-van-nghe-hop-ca", "Hợp ca “Bụi phấn” của ba thế hệ giảng viên."),
                    ("anh-van-nghe-ngam-tho", "Ngâm thơ “Người lái đò”."),
                    ("anh-van-nghe-khan-gia", "Sinh viên cổ vũ các thầy cô."),
                ],
            ),
            (
                "quote",
                "Đứng trên sân khấu cùng học trò cũ nay đã là đồng nghiệp, tôi thấy nghề mình thật đáng tự hào.",
                "Một giảng viên đã nghỉ hưu của Khoa Ngữ văn",
            ),
            (
                "p",
                "Toàn bộ kinh phí tiết kiệm từ chương trình được công đoàn bộ phận dành tặng quỹ học bổng cho sinh viên có hoàn cảnh khó khăn của khoa.",
            ),
        ],
    },
    {
        "slug": "le-ky-niem-43-nam-ngay-nha-giao-viet-nam",
        "title": "Lễ kỷ niệm 43 năm Ngày Nhà giáo Việt Nam và tuyên dương nhà giáo tiêu biểu",
        "date": D(2025, 11, 20),
        "parent": "tin-tuc",
        "hero": "le-20-11-2025",
        "hero_caption": "Toàn cảnh lễ kỷ niệm 43 năm Ngày Nhà giáo Việt Nam tại Hội trường lớn.",
        "campaign": "ngay-nha-giao-2025",
        "tags": ["20/11"],
        "lead": "Sáng 20/11/2025, Nhà trường long trọng tổ chức lễ kỷ niệm 43 năm Ngày Nhà giáo Việt Nam. Dịp này, Ban Chấp hành Công đoàn trường tuyên dương 8 nhà giáo tiêu biểu và 3 cán bộ công đoàn xuất sắc.",
        "body": [
            (
                "p",
                "Phát biểu tại buổi lễ, đại diện Ban Giám hiệu ghi nhận những đóng góp của đội ngũ nhà giáo trong đổi mới chương trình đào tạo và chuyển đổi số, đồng thời cảm ơn Công đoàn trường đã chăm lo, động viên kịp thời đoàn viên trong năm học.",
            ),
            (
                "gallery",
                "Hình ảnh buổi lễ",
                [
                    ("anh-le-toan-canh", "Đại biểu dự lễ kỷ niệm."),
                    ("anh-le-tang-hoa", "Sinh viên tặng hoa các thầy cô."),
                    ("anh-le-khen-thuong", "Tuyên dương nhà giáo tiêu biểu năm 2025."),
                ],
            ),
            ("h2", "Những gương sáng được tuyên dương"),
            (
                "p",
                "Trong số các nhà giáo được tuyên dương có PGS.TS. Lê Đình Khoa (Khoa Vật lý) với 30 năm gắn bó cùng sinh viên nghiên cứu khoa học và ThS. Đặng Thị Hường (Khoa Ngữ văn) với hành trình đưa văn học đến các trường vùng khó. Câu chuyện của các thầy cô được giới thiệu trong chuyên mục Gương sáng.",
            ),
            (
                "cta",
                "Đọc câu chuyện của những nhà giáo, người lao động tiêu biểu.",
                "Xem gương sáng",
                "page:guong-sang",
            ),
        ],
    },
    # 2026
    {
        "slug": "trao-qua-tet-binh-ngo-2026",
        "title": "Trao quà Tết Bính Ngọ 2026 cho đoàn viên có hoàn cảnh khó khăn",
        "date": D(2026, 2, 6),
        "parent": "tin-tuc",
        "hero": "qua-tet-2026",
        "hero_caption": "Chủ tịch Công đoàn trường trao quà Tết cho đoàn viên.",
        "tags": ["Chăm lo đời sống"],
        "lead": "Trước kỳ nghỉ Tết Nguyên đán Bính Ngọ 2026, Công đoàn trường đã trao 46 suất quà cho đoàn viên có hoàn cảnh khó khăn, ốm đau dài ngày và gặp mặt 120 cán bộ hưu trí.",
        "body": [
            (
                "p",
                "Danh sách đoàn viên nhận quà do các công đoàn bộ phận đề xuất, được Ban Thường vụ Công đoàn trường xem xét công khai. Mỗi suất quà gồm tiền mặt và nhu yếu phẩm, tổng giá trị hơn 90 triệu đồng từ nguồn kinh phí công đoàn và đóng góp tự nguyện của đoàn viên.",
            ),
            (
                "p",
                "Tại buổi gặp mặt cán bộ hưu trí, Ban Chấp hành Công đoàn trường thông tin về tình hình Nhà trường và lắng nghe những góp ý tâm huyết của các thế hệ đi trước.",
            ),
            (
                "quote",
                "Không để đoàn viên nào không có Tết – đó là lời hứa chúng tôi giữ mỗi năm.",
                "Đoàn Thị Ngọc Lan, Chủ tịch Công đoàn trường",
            ),
            ("doc", "mau-don-ho-tro", "Mẫu đơn đề nghị hỗ trợ đoàn viên có hoàn cảnh khó khăn"),
        ],
    },
    {
        "slug": "gap-mat-nu-doan-vien-8-3-2026",
        "title": "Công đoàn Khoa Ngữ văn gặp mặt nữ đoàn viên nhân Ngày Quốc tế Phụ nữ",
        "date": D(2026, 3, 7),
        "parent": "khoa-ngu-van",
        "hero": "phu-nu-2026",
        "hero_caption": "Nữ đoàn viên Khoa Ngữ văn trong buổi gặp mặt 8/3.",
        "tags": ["8/3", "Chăm lo đời sống"],
        "lead": "Chiều 07/3/2026, Công đoàn Khoa Ngữ văn tổ chức gặp mặt 26 nữ đoàn viên nhân kỷ niệm 116 năm Ngày Quốc tế Phụ nữ, kết hợp chuyên đề “Cân bằng công việc và gia đình”.",
        "body": [
            (
                "p",
                "Chuyên đề do một chuyên gia tâm lý của Trung tâm Tư vấn học đường trình bày, chia sẻ cách sắp xếp thời gian, chăm sóc sức khỏe tinh thần khi vừa giảng dạy, nghiên cứu vừa chăm lo gia đình.",
            ),
            (
                "p",
                "Các đoàn viên nam của khoa chuẩn bị hoa, thiệp và một tiết mục văn nghệ bất ngờ, khiến buổi gặp mặt thêm ấm áp.",
            ),
        ],
    },
    {
        "slug": "trien-khai-van-phong-dien-tu-trong-cong-tac-cong-doan",
        "title": "Triển khai văn phòng điện tử trong gửi, nhận văn bản công đoàn",
        "date": D(2026, 3, 16),
        "parent": "phong-hanh-chinh-to-chuc",
        "hero": "e-office",
        "hero_caption": "Chuyên viên văn thư hướng dẫn chủ tịch công đoàn bộ phận dùng e-office.",
        "tags": ["Chuyển đổi số"],
        "lead": "Từ tháng 3/2026, toàn bộ văn bản giữa Công đoàn trường và các công đoàn bộ phận được gửi, nhận qua hệ thống văn phòng điện tử (e-office) của Nhà trường, thay cho văn bản giấy.",
        "body": [
            (
                "p",
                "Công đoàn Phòng Hành chính – Tổ chức đã tổ chức hai buổi hướng dẫn cho chủ tịch và biên tập viên các công đoàn bộ phận: cách nhận văn bản, chuyển xử lý, ký số và tra cứu văn bản cũ.",
            ),
            (
                "ul",
                [
                    "Văn bản đến được chuyển trong ngày, không còn cảnh chờ “sổ chuyển công văn”.",
                    "Mỗi văn bản có lịch sử xử lý rõ ràng.",
                    "Tiết kiệm giấy in và thời gian đi lại giữa các khu nhà.",
                ],
            ),
            (
                "cta",
                "Đăng nhập hệ thống văn phòng điện tử của Nhà trường.",
                "Mở e-office",
                "https://eoffice.dhsonha.example.org/",
            ),
        ],
    },
    {
        "slug": "cong-doan-truong-phat-dong-thang-cong-nhan-2026",
        "title": "Công đoàn trường phát động Tháng Công nhân năm 2026",
        "date": D(2026, 5, 4),
        "parent": "tin-tuc",
        "hero": "chien-dich-cong-nhan-2026",
        "hero_caption": "Đại diện các công đoàn bộ phận ký cam kết bảo đảm an toàn, vệ sinh lao động.",
        "campaign": "thang-cong-nhan-2026",
        "tags": ["Tháng Công nhân", "An toàn lao động"],
        "lead": "Với chủ đề “Làm việc an toàn – Sống khỏe mỗi ngày”, Tháng Công nhân năm 2026 của Công đoàn trường chú trọng phòng ngừa rủi ro tại nơi làm việc và chăm lo sức khỏe đoàn viên.",
        "body": [
            (
                "p",
                "Tại lễ phát động, đại diện 5 công đoàn bộ phận ký cam kết rà soát nguy cơ mất an toàn tại đơn vị trước ngày 20/5/2026 và báo cáo kết quả khắc phục về Công đoàn trường.",
            ),
            (
                "quote",
                "Phòng ngừa bao giờ cũng rẻ hơn khắc phục.",
                "Lê Văn Hòa, Phó Chủ tịch Công đoàn trường",
            ),
            (
                "cta",
                "Theo dõi các hoạt động của Tháng Công nhân năm 2026.",
                "Trang chiến dịch",
                "page:thang-cong-nhan-2026",
            ),
        ],
    },
    {
        "slug": "kiem-tra-an-toan-phong-may-2026",
        "title": "Kiểm tra an toàn phòng máy tính, phòng thí nghiệm trong Tháng Công nhân",
        "date": D(2026, 5, 13),
        "parent": "khoa-toan-tin",
        "hero": "phong-may-2026",
        "hero_caption": "Kiểm tra ổ cắm, dây dẫn tại phòng máy B2-201.",
        "campaign": "thang-cong-nhan-2026",
        "tags": ["An toàn lao động", "Tháng Công nhân"],
        "lead": "Công đoàn Khoa Toán – Tin phối hợp với tổ kỹ thuật kiểm tra an toàn điện tại 6 phòng máy tính, phát hiện và đề nghị khắc phục 9 điểm có nguy cơ mất an toàn.",
        "body": [
            (
                "p",
                "Các lỗi thường gặp là ổ cắm nối dài quá tải, dây dẫn đi sát nguồn nhiệt của máy lạnh và thiếu biển báo lối thoát hiểm. Đến ngày 25/5, toàn bộ 9 điểm đã được sửa chữa.",
            ),
            ("h2", "Một thói quen mới"),
            (
                "p",
                "Từ học kỳ này, giảng viên dạy ca cuối trong ngày có trách nhiệm kiểm tra tắt nguồn tổng của phòng máy và ghi vào sổ theo dõi điện tử.",
            ),
            (
                "quote",
                "An toàn lao động trong trường đại học bắt đầu từ những việc rất nhỏ, như rút phích cắm trước khi ra về.",
                "Phạm Thu Hà, biên tập viên CĐBP Khoa Toán – Tin",
            ),
        ],
    },
    {
        "slug": "chuyen-de-tai-chinh-ca-nhan-cho-doan-vien-tre",
        "title": "Chuyên đề tài chính cá nhân cho đoàn viên trẻ",
        "date": D(2026, 5, 26),
        "parent": "khoa-kinh-te",
        "hero": "tai-chinh-ca-nhan",
        "hero_caption": "Đoàn viên trẻ trao đổi với báo cáo viên về lập ngân sách gia đình.",
        "campaign": "thang-cong-nhan-2026",
        "tags": ["Chăm lo đời sống"],
        "lead": "Nhằm chăm lo đời sống đoàn viên trong Tháng Công nhân, Công đoàn Khoa Kinh tế tổ chức chuyên đề “Tài chính cá nhân cho người mới đi làm” dành cho đoàn viên dưới 35 tuổi toàn trường.",
        "body": [
            (
                "p",
                "Các giảng viên bộ môn Tài chính – Kế toán chia sẻ cách lập ngân sách gia đình, quỹ dự phòng, nhận diện các hình thức lừa đảo tài chính trên mạng và những lưu ý khi vay tiêu dùng.",
            ),
            (
                "p",
                "Hơn 70 đoàn viên trẻ tham dự, nhiều câu hỏi được gửi trước qua phiếu trực tuyến để báo cáo viên chuẩn bị câu trả lời sát thực tế.",
            ),
        ],
    },
    {
        "slug": "trao-hoc-bong-tiep-suc-den-truong-2026",
        "title": "Trao học bổng “Tiếp sức đến trường” cho con đoàn viên",
        "date": D(2026, 9, 10),
        "parent": "khoa-ngoai-ngu",
        "hero": "hoc-bong-2026",
        "hero_caption": "Các em nhận học bổng cùng cha mẹ là đoàn viên Nhà trường.",
        "tags": ["Chăm lo đời sống"],
        "lead": "Nhân dịp năm học mới 2026–2027, Công đoàn Khoa Ngoại ngữ phối hợp với cựu sinh viên của khoa trao 15 suất học bổng “Tiếp sức đến trường” cho con đoàn viên có thành tích học tập tốt, hoàn cảnh khó khăn.",
        "body": [
            (
                "p",
                "Mỗi suất học bổng trị giá 2 triệu đồng kèm bộ sách giáo khoa và đồ dùng học tập. Các em được giới thiệu từ nhiều công đoàn bộ phận trong toàn trường, không riêng Khoa Ngoại ngữ.",
            ),
            (
                "p",
                "Quỹ học bổng được duy trì nhờ đóng góp của cựu sinh viên khóa 2005–2009, nay nhiều người đang công tác trong ngành giáo dục.",
            ),
        ],
    },
    {
        "slug": "hoi-thao-phuong-phap-day-hoc-tich-cuc-2026",
        "title": "Hội thảo phương pháp dạy học tích cực chào mừng 20/11",
        "date": D(2026, 11, 10),
        "parent": "khoa-kinh-te",
        "hero": "day-hoc-tich-cuc",
        "hero_caption": "Giảng viên trao đổi về mô hình lớp học đảo ngược.",
        "campaign": "ngay-nha-giao-2026",
        "tags": ["20/11", "Chuyển đổi số"],
        "lead": "Chào mừng 44 năm Ngày Nhà giáo Việt Nam, Công đoàn Khoa Kinh tế phối hợp với lãnh đạo khoa tổ chức hội thảo “Dạy học tích cực trong đào tạo kinh tế” với 12 báo cáo của giảng viên.",
        "body": [
            (
                "p",
                "Các báo cáo tập trung vào lớp học đảo ngược, học qua dự án với doanh nghiệp và dùng dữ liệu thật trong bài tập. Nhiều giảng viên trẻ chia sẻ cách dùng công cụ số để theo dõi tiến độ học tập của sinh viên.",
            ),
            (
                "p",
                "Kỷ yếu hội thảo được gửi đến các khoa bạn và đăng trên kho học liệu số của Nhà trường.",
            ),
        ],
    },
    {
        "slug": "toa-dam-nha-giao-va-van-hoa-doc",
        "title": "Tọa đàm “Nhà giáo và văn hóa đọc trong thời đại số”",
        "date": D(2026, 11, 12),
        "parent": "khoa-ngu-van",
        "hero": "van-hoa-doc",
        "hero_caption": "Các diễn giả tại tọa đàm văn hóa đọc.",
        "campaign": "ngay-nha-giao-2026",
        "tags": ["20/11", "Chuyển đổi số"],
        "lead": "Hướng tới Ngày Nhà giáo Việt Nam, Công đoàn Khoa Ngữ văn tổ chức tọa đàm về văn hóa đọc của nhà giáo khi sách điện tử, sách nói và mạng xã hội ngày càng phổ biến.",
        "body": [
            (
                "p",
                "Các diễn giả cho rằng thiết bị số không làm mất đi thói quen đọc, nhưng thay đổi cách đọc: ngắn hơn, nhanh hơn và dễ bị phân tán. Nhà giáo vì thế càng cần là tấm gương đọc sâu cho người học.",
            ),
            (
                "quote",
                "Một người thầy ham đọc sẽ có những học trò ham đọc.",
                "ThS. Đặng Thị Hường, giảng viên Khoa Ngữ văn",
            ),
            (
                "p",
                "Dịp này, câu lạc bộ đọc sách của khoa ra mắt tủ sách dùng chung tại phòng sinh hoạt công đoàn, với hơn 300 đầu sách do đoàn viên đóng góp.",
            ),
        ],
    },
    {
        "slug": "tri-an-thay-co-nguyen-la-giang-vien-cua-khoa",
        "title": "Tri ân các thầy cô nguyên là cán bộ, giảng viên của khoa",
        "date": D(2026, 11, 17),
        "parent": "khoa-toan-tin",
        "hero": "tri-an-2026",
        "hero_caption": "Đoàn công tác của khoa thăm thầy giáo nguyên Trưởng bộ môn Đại số.",
        "campaign": "ngay-nha-giao-2026",
        "tags": ["20/11", "Chăm lo đời sống"],
        "lead": "Trong tuần lễ 20/11, Công đoàn Khoa Toán – Tin đến thăm, tặng quà 11 thầy cô nguyên là cán bộ, giảng viên của khoa, trong đó có những thầy cô đã ngoài 80 tuổi.",
        "body": [
            (
                "p",
                "Mỗi chuyến thăm là một buổi ôn lại kỷ niệm: những năm đầu thành lập khoa, những lớp học đông sinh viên trong căn nhà cấp bốn, những bài toán thầy cô tự biên soạn khi chưa có giáo trình in.",
            ),
            (
                "p",
                "Các thầy cô gửi lời nhắn đến thế hệ giảng viên trẻ: giữ sự nghiêm túc trong chuyên môn và sự ân cần với sinh viên.",
            ),
            (
                "quote",
                "Thầy cô đã nghỉ hưu nhưng chưa bao giờ rời khỏi khoa trong tâm trí chúng tôi.",
                "TS. Nguyễn Quốc Bảo, Chủ tịch Công đoàn Khoa Toán – Tin",
            ),
        ],
    },
    {
        "slug": "mit-tinh-ky-niem-44-nam-ngay-nha-giao-viet-nam",
        "title": "Mít tinh kỷ niệm 44 năm Ngày Nhà giáo Việt Nam",
        "date": D(2026, 11, 20),
        "parent": "tin-tuc",
        "hero": "mit-tinh-20-11-2026",
        "hero_caption": "Lễ mít tinh kỷ niệm 44 năm Ngày Nhà giáo Việt Nam tại Hội trường lớn.",
        "campaign": "ngay-nha-giao-2026",
        "tags": ["20/11"],
        "lead": "Sáng 20/11/2026, hơn 500 cán bộ, giảng viên, người lao động và sinh viên dự lễ mít tinh kỷ niệm 44 năm Ngày Nhà giáo Việt Nam. Công đoàn trường tuyên dương 12 gương sáng nhà giáo và người tốt việc tốt năm 2026.",
        "body": [
            (
                "p",
                "Lễ mít tinh là điểm nhấn của đợt thi đua cao điểm tháng 11. Trong một tháng, các công đoàn bộ phận đã tổ chức 9 hội giảng, hội thảo, 4 chương trình văn nghệ, thể thao và đăng 21 tin, bài trên trang tin Công đoàn trường.",
            ),
            (
                "gallery",
                "Hình ảnh lễ mít tinh",
                [
                    ("anh-le-toan-canh", "Toàn cảnh lễ mít tinh."),
                    ("anh-le-tang-hoa", "Sinh viên tặng hoa các thầy cô."),
                    ("anh-le-khen-thuong", "Tuyên dương gương sáng năm 2026."),
                ],
            ),
            ("h2", "Những gương sáng năm 2026"),
            (
                "p",
                "Trong số những người được tuyên dương có ThS. Mai Xuân Phúc (Khoa Ngoại ngữ) với những bài giảng điện tử được dùng chung toàn trường, và anh Bùi Văn Sơn, nhân viên bảo vệ, người đã kịp thời phát hiện và dập tắt một sự cố chập điện tại giảng đường lúc nửa đêm.",
            ),
            (
                "cta",
                "Đọc câu chuyện của các gương sáng năm 2026.",
                "Xem gương sáng",
                "page:guong-sang",
            ),
        ],
    },
    # Drafts: saved, waiting for review, never published.
    {
        "slug": "ban-tin-so-thang-11-goc-chuyen-doi-so",
        "title": "Góc chuyển đổi số: ký số văn bản trên điện thoại trong 3 bước",
        "date": D(2026, 11, 23),
        "parent": "khoa-toan-tin",
        "hero": "bang-tinh-cong-doan",
        "hero_caption": "Hướng dẫn ký số văn bản trên điện thoại.",
        "tags": ["Chuyển đổi số"],
        "draft": True,
        "lead": "Bài hướng dẫn ngắn của Công đoàn Khoa Toán – Tin giúp đoàn viên ký số văn bản trên điện thoại, không cần máy tính.",
        "body": [
            (
                "p",
                "Bước 1: cài ứng dụng ký số được Nhà trường cấp và đăng nhập bằng tài khoản e-office. Bước 2: mở văn bản cần ký, chọn vị trí chữ ký. Bước 3: xác nhận bằng mã PIN đã đăng ký.",
            ),
            ("p", "(Biên tập viên: bổ sung ảnh chụp màn hình từng bước trước khi gửi duyệt.)"),
        ],
    },
    {
        "slug": "gioi-thieu-tap-tho-cua-doan-vien",
        "title": "Giới thiệu tập thơ “Mùa phượng cũ” của đoàn viên Khoa Ngữ văn",
        "date": D(2026, 11, 24),
        "parent": "khoa-ngu-van",
        "hero": "van-hoa-doc",
        "hero_caption": "Bìa tập thơ “Mùa phượng cũ”.",
        "tags": ["Văn nghệ"],
        "draft": True,
        "lead": "Tập thơ đầu tay của một giảng viên trẻ Khoa Ngữ văn, gồm 42 bài viết về mái trường, học trò và những mùa thi.",
        "body": [
            (
                "p",
                "Tập thơ được in với số lượng nhỏ, tác giả dành toàn bộ tiền bán sách cho quỹ khuyến học của khoa.",
            ),
        ],
    },
    {
        "slug": "ke-hoach-tham-quan-nghi-duong-he-2027",
        "title": "Dự kiến kế hoạch tham quan, nghỉ dưỡng hè 2027",
        "date": D(2026, 11, 25),
        "parent": "phong-hanh-chinh-to-chuc",
        "hero": "tham-quan-he",
        "hero_caption": "Ảnh minh họa chuyến tham quan hè của đoàn viên.",
        "tags": ["Chăm lo đời sống"],
        "draft": True,
        "lead": "Công đoàn Phòng Hành chính – Tổ chức lấy ý kiến đoàn viên về thời gian, địa điểm tham quan, nghỉ dưỡng hè 2027.",
        "body": [
            (
                "p",
                "Dự kiến chuyến đi 3 ngày 2 đêm vào đầu tháng 7/2027. Đoàn viên đăng ký và góp ý địa điểm với tổ trưởng công đoàn trước ngày 15/12/2026.",
            ),
        ],
    },
    {
        "slug": "tong-ket-dot-cao-diem-tuyen-truyen-thang-11-2026",
        "title": "Tổng kết đợt cao điểm tuyên truyền chào mừng 44 năm Ngày Nhà giáo Việt Nam",
        "date": D(2026, 11, 26),
        "parent": "tin-tuc",
        "hero": "chien-dich-nha-giao-2026",
        "hero_caption": "Đợt cao điểm tuyên truyền tháng 11/2026.",
        "campaign": "ngay-nha-giao-2026",
        "tags": ["20/11"],
        "draft": True,
        "lead": "Ban Tuyên giáo – Truyền thông tổng kết đợt cao điểm tuyên truyền tháng 11/2026: số tin, bài của từng công đoàn bộ phận, lượt đọc và những cách làm hay.",
        "body": [
            ("p", "Bản nháp: chờ số liệu lượt đọc đến hết ngày 30/11/2026 để hoàn thiện."),
        ],
    },
]
