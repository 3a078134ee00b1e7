"""The demo site's Vietnamese texts, as plain data: the union, its pages, campaigns and files.

Everyone and everything here is invented: the university, its people, phone numbers and
addresses. Articles and exemplars live in ``cms.demo.articles`` and ``cms.demo.exemplars``.

Bodies are lists of small tuples that ``seed_demo`` turns into StreamField blocks:
``("p", text)``, ``("ul", [items])``, ``("h2", text)``, ``("h3", text)``,
``("quote", text, attribution)``, ``("image", image, caption, credit)``,
``("gallery", title, [(image, caption), …])``, ``("doc", document, label)``,
``("cta", text, button, target)`` where target is ``"page:<slug>"`` or an address,
``("figures", [(number, label), …])`` (campaigns only) and
``("infographic", image, title, description)``.
"""

import datetime

D = datetime.date

UNIVERSITY = "Trường Đại học Sơn Hà"
UNION = "Công đoàn Trường Đại học Sơn Hà"
BOARD = "Ban Tuyên giáo – Truyền thông"
PHOTO_CREDIT = "Ảnh: Ban Tuyên giáo – Truyền thông"

SITE = {
    "site_name": "Lan Tỏa",
    "union_name": UNION,
    "short_name": "Lan Tỏa",
    "tagline": "Chăm lo – Đồng hành – Lan tỏa yêu thương",
    "address": "Phòng 105, Nhà A1, số 68 đường Lê Lợi, phường Bình Minh, thành phố Sơn Hà",
    "phone": "0123 456 700",
    "email": "congdoan.sonha@example.org",
    "facebook_url": "https://facebook.example.com/congdoan.dhsonha",
    "zalo_url": "https://zalo.example.com/congdoandhsonha",
    "website_url": "https://dhsonha.example.org/",
    "eoffice_url": "https://eoffice.dhsonha.example.org/",
}

HOME = {
    "title": "Trang chủ",
    "slug": "trang-chu",
    "intro": "Trang tin của Công đoàn Trường Đại học Sơn Hà – nơi lan tỏa những câu chuyện đẹp về nhà giáo và người lao động.",
    "search_description": "Tin hoạt động công đoàn, gương người tốt việc tốt, gương sáng nhà giáo và các đợt cao điểm tuyên truyền của Công đoàn Trường Đại học Sơn Hà.",
}

# The home page's shortcuts: label, description, page slug (a child of the home page).
QUICK_LINKS = [
    ("Văn bản", "Kế hoạch, quy chế, hướng dẫn và biểu mẫu của Công đoàn trường.", "van-ban"),
    ("Khảo sát", "Cho chúng tôi biết bạn muốn đọc gì trên trang công đoàn.", "khao-sat"),
    ("Hỏi đáp", "Giải đáp chính sách, pháp luật liên quan đến đoàn viên.", "hoi-dap"),
    ("Giới thiệu", "Ban Chấp hành, các ban chuyên đề và thông tin liên hệ.", "gioi-thieu"),
]

INDEXES = {
    "news": {
        "title": "Tin tức",
        "slug": "tin-tuc",
        "intro": "Hoạt động của Công đoàn trường và các công đoàn bộ phận, mới nhất ở trên.",
    },
    "exemplars": {
        "title": "Gương sáng",
        "slug": "guong-sang",
        "intro": "Những người tốt, việc tốt, những nhà giáo và cán bộ công đoàn tiêu biểu của Nhà trường.",
    },
    "campaigns": {
        "title": "Chiến dịch",
        "slug": "chien-dich",
        "intro": "<p>Các đợt <b>cao điểm tuyên truyền</b> trong năm: Ngày Nhà giáo Việt Nam 20/11, Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động, Tết Nguyên đán và các ngày lễ lớn của đất nước, của ngành.</p>",
    },
    "departments": {
        "title": "Công đoàn bộ phận",
        "slug": "cong-doan-bo-phan",
        "intro": "<p>Mỗi khoa, phòng là một công đoàn bộ phận. Các công đoàn bộ phận trực tiếp chăm lo cho đoàn viên và chủ động viết bài về gương người tốt việc tốt tại đơn vị, để <i>mỗi đoàn viên là một tuyên truyền viên</i>.</p>",
    },
}

DEPARTMENTS = [
    {
        "slug": "khoa-toan-tin",
        "title": "Công đoàn Khoa Toán – Tin",
        "short_name": "Khoa Toán – Tin",
        "chair_name": "Nguyễn Quốc Bảo",
        "email": "cdbp.toantin@example.org",
        "phone": "0123 456 711",
        "office": "Phòng B2-304, Nhà B2",
        "image": "don-vi-toan-tin",
        "description": "<p>Công đoàn Khoa Toán – Tin có <b>46 đoàn viên</b>, gồm giảng viên các bộ môn Đại số – Hình học, Giải tích, Toán ứng dụng, Khoa học máy tính và chuyên viên văn phòng khoa.</p><ul><li>Tổ chức hội giảng, sinh hoạt chuyên môn chào mừng 20/11.</li><li>Hỗ trợ đoàn viên ứng dụng công nghệ số trong giảng dạy và công tác công đoàn.</li><li>Thăm hỏi đoàn viên ốm đau, gia đình có việc hiếu, hỉ.</li></ul>",
    },
    {
        "slug": "khoa-ngu-van",
        "title": "Công đoàn Khoa Ngữ văn",
        "short_name": "Khoa Ngữ văn",
        "chair_name": "Hoàng Thị Thanh Nhàn",
        "email": "cdbp.nguvan@example.org",
        "phone": "0123 456 712",
        "office": "Phòng C1-210, Nhà C1",
        "image": "don-vi-ngu-van",
        "description": "<p>Công đoàn Khoa Ngữ văn có <b>38 đoàn viên</b>, trong đó hai phần ba là nữ. Đơn vị nổi bật với các chương trình thơ, văn nghệ chào mừng 20/10, 20/11 và câu lạc bộ đọc sách của giảng viên trẻ.</p>",
    },
    {
        "slug": "khoa-kinh-te",
        "title": "Công đoàn Khoa Kinh tế",
        "short_name": "Khoa Kinh tế",
        "chair_name": "Trịnh Văn Khải",
        "email": "cdbp.kinhte@example.org",
        "phone": "0123 456 713",
        "office": "Phòng D3-105, Nhà D3",
        "image": "don-vi-kinh-te",
        "description": "<p>Công đoàn Khoa Kinh tế có <b>41 đoàn viên</b> thuộc các bộ môn Kinh tế học, Quản trị kinh doanh, Tài chính – Kế toán. Đơn vị duy trì đội bóng chuyền hơi nam nữ và chuyên đề tài chính cá nhân cho đoàn viên trẻ.</p>",
    },
    {
        "slug": "khoa-ngoai-ngu",
        "title": "Công đoàn Khoa Ngoại ngữ",
        "short_name": "Khoa Ngoại ngữ",
        "chair_name": "Lương Thị Hồng Vân",
        "email": "cdbp.ngoaingu@example.org",
        "phone": "0123 456 714",
        "office": "Phòng C2-402, Nhà C2",
        "image": "don-vi-ngoai-ngu",
        "description": "<p>Công đoàn Khoa Ngoại ngữ có <b>35 đoàn viên</b>, giảng dạy tiếng Anh, tiếng Trung, tiếng Hàn cho sinh viên toàn trường. Mỗi mùa hè, đơn vị mở lớp tiếng Anh miễn phí cho con đoàn viên.</p>",
    },
    {
        "slug": "phong-hanh-chinh-to-chuc",
        "title": "Công đoàn Phòng Hành chính – Tổ chức",
        "short_name": "Phòng Hành chính – Tổ chức",
        "chair_name": "Đinh Công Thành",
        "email": "cdbp.hcth@example.org",
        "phone": "0123 456 715",
        "office": "Phòng A1-102, Nhà A1",
        "image": "don-vi-hanh-chinh",
        "description": "<p>Công đoàn Phòng Hành chính – Tổ chức có <b>29 đoàn viên</b>: chuyên viên tổ chức cán bộ, văn thư, lưu trữ, lái xe, bảo vệ và tổ vệ sinh môi trường – những người lặng lẽ giữ cho Nhà trường vận hành mỗi ngày.</p>",
    },
]

# slug, title, theme, start, end, key day, summary, hero, hero caption, tags, sections
CAMPAIGNS = [
    {
        "slug": "thang-cong-nhan-2025",
        "title": "Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động năm 2025",
        "theme": "An toàn để lao động – Lao động để cống hiến",
        "start": D(2025, 5, 1),
        "end": D(2025, 5, 31),
        "key": D(2025, 5, 1),
        "summary": "Suốt tháng 5/2025, Công đoàn trường và các công đoàn bộ phận tổ chức tập huấn an toàn, vệ sinh lao động, diễn tập phòng cháy chữa cháy, thăm hỏi đoàn viên khó khăn và tuyên dương cán bộ công đoàn tiêu biểu.",
        "hero": "chien-dich-cong-nhan-2025",
        "hero_caption": "Đoàn viên Phòng Hành chính – Tổ chức thực hành dập lửa trong buổi diễn tập phòng cháy chữa cháy.",
        "tags": ["Tháng Công nhân", "An toàn lao động"],
        "sections": [
            (
                "p",
                "Hưởng ứng Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động, Ban Chấp hành Công đoàn trường ban hành kế hoạch triển khai đến 100% công đoàn bộ phận. Trọng tâm năm nay là an toàn điện, phòng cháy chữa cháy trong phòng thí nghiệm, phòng máy và khu làm việc hành chính.",
            ),
            (
                "figures",
                [
                    ("5", "công đoàn bộ phận tổ chức tập huấn"),
                    ("186", "lượt đoàn viên được tập huấn an toàn, vệ sinh lao động"),
                    ("24", "suất quà cho đoàn viên có hoàn cảnh khó khăn"),
                ],
            ),
            ("h2", "Hoạt động chính"),
            (
                "ul",
                [
                    "Tập huấn sơ cứu ban đầu và an toàn điện (từ 05/5 đến 16/5).",
                    "Diễn tập phòng cháy chữa cháy tại khu hành chính (10/5).",
                    "Rà soát, kiểm tra bình chữa cháy, tủ thuốc tại các khoa, phòng.",
                    "Thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn.",
                    "Tuyên dương cán bộ công đoàn tiêu biểu.",
                ],
            ),
            (
                "quote",
                "An toàn không phải là việc của riêng ai; một bình chữa cháy còn hạn sử dụng có thể cứu cả một toà nhà.",
                "Lê Văn Hòa, Phó Chủ tịch Công đoàn trường",
            ),
            (
                "cta",
                "Tải tài liệu hướng dẫn thăm hỏi đoàn viên ốm đau và các văn bản của Công đoàn trường.",
                "Xem văn bản",
                "page:van-ban",
            ),
        ],
    },
    {
        "slug": "ngay-nha-giao-2025",
        "title": "Kỷ niệm 43 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2025)",
        "theme": "Tri ân thầy cô – Lan tỏa yêu thương",
        "start": D(2025, 11, 1),
        "end": D(2025, 11, 30),
        "key": D(2025, 11, 20),
        "summary": "Đợt cao điểm tuyên truyền chào mừng 43 năm Ngày Nhà giáo Việt Nam: hội giảng, thi thiết kế bài giảng điện tử, văn nghệ, thể thao và giới thiệu gương sáng nhà giáo của các khoa, phòng.",
        "hero": "chien-dich-nha-giao-2025",
        "hero_caption": "Sinh viên tặng hoa các thầy cô trong lễ kỷ niệm Ngày Nhà giáo Việt Nam.",
        "tags": ["20/11", "Văn nghệ"],
        "sections": [
            (
                "p",
                "Tháng 11 là tháng tri ân. Công đoàn trường phối hợp với chuyên môn và Đoàn Thanh niên tổ chức chuỗi hoạt động hướng tới Ngày Nhà giáo Việt Nam, đồng thời đẩy mạnh tin, bài về gương sáng nhà giáo trên trang tin và fanpage của Công đoàn trường.",
            ),
            (
                "figures",
                [
                    ("43", "năm Ngày Nhà giáo Việt Nam"),
                    ("27", "tiết hội giảng chào mừng"),
                    ("8", "gương sáng nhà giáo được giới thiệu"),
                    ("100%", "công đoàn bộ phận có tin, bài"),
                ],
            ),
            ("h2", "Lịch hoạt động"),
            (
                "ul",
                [
                    "01/11 – 15/11: hội giảng cấp khoa, thi thiết kế bài giảng điện tử.",
                    "Tuần 2: giải bóng bàn, cầu lông giao hữu giữa các công đoàn bộ phận.",
                    "19/11: đêm văn nghệ “Bục giảng mùa tri ân”.",
                    "20/11: lễ kỷ niệm và tuyên dương nhà giáo tiêu biểu.",
                ],
            ),
            (
                "quote",
                "Mỗi bài viết về một thầy cô tận tụy là một lời cảm ơn được nói thành tiếng.",
                "Trần Minh Thư, Trưởng ban Tuyên giáo – Truyền thông",
            ),
            (
                "cta",
                "Đơn vị bạn có một thầy cô đáng được kể lại? Hãy gửi bài cho Ban Tuyên giáo – Truyền thông.",
                "Gửi bài viết",
                "https://forms.example.org/gui-bai-20-11",
            ),
        ],
    },
    {
        "slug": "thang-cong-nhan-2026",
        "title": "Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động năm 2026",
        "theme": "Làm việc an toàn – Sống khỏe mỗi ngày",
        "start": D(2026, 5, 1),
        "end": D(2026, 5, 31),
        "key": D(2026, 5, 1),
        "summary": "Tháng 5/2026, công đoàn các cấp trong Nhà trường kiểm tra an toàn phòng máy, phòng thí nghiệm, tập huấn phòng cháy chữa cháy và chia sẻ kiến thức chăm sóc sức khỏe, tài chính cho đoàn viên.",
        "hero": "chien-dich-cong-nhan-2026",
        "hero_caption": "Kiểm tra hệ thống điện tại phòng máy tính Khoa Toán – Tin.",
        "tags": ["Tháng Công nhân", "An toàn lao động", "Chăm lo đời sống"],
        "sections": [
            (
                "p",
                "Tiếp nối kết quả năm 2025, Tháng Công nhân năm 2026 chú trọng phòng ngừa: mỗi khoa, phòng tự rà soát nguy cơ mất an toàn tại nơi làm việc và đề xuất khắc phục trước ngày 20/5.",
            ),
            (
                "figures",
                [
                    ("100%", "phòng máy, phòng thí nghiệm được kiểm tra"),
                    ("212", "lượt đoàn viên tham gia tập huấn"),
                    ("31", "kiến nghị khắc phục đã được xử lý"),
                ],
            ),
            ("h2", "Mỗi đơn vị một việc làm cụ thể"),
            (
                "p",
                "Khoa Toán – Tin kiểm tra an toàn điện 6 phòng máy; Khoa Kinh tế mở chuyên đề tài chính cá nhân cho đoàn viên trẻ; Phòng Hành chính – Tổ chức thay mới bình chữa cháy và biển chỉ dẫn thoát hiểm tại khu nhà A1.",
            ),
            (
                "quote",
                "Người lao động khỏe mạnh, an tâm là nền tảng của một nhà trường hạnh phúc.",
                "Đoàn Thị Ngọc Lan, Chủ tịch Công đoàn trường",
            ),
            (
                "cta",
                "Phát hiện nguy cơ mất an toàn tại nơi làm việc? Hãy báo cho công đoàn bộ phận hoặc gửi câu hỏi cho chúng tôi.",
                "Gửi câu hỏi",
                "page:hoi-dap",
            ),
        ],
    },
    {
        "slug": "ngay-nha-giao-2026",
        "title": "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026)",
        "theme": "Nhà giáo tận tâm – Đổi mới sáng tạo",
        "start": D(2026, 11, 1),
        "end": D(2026, 11, 30),
        "key": D(2026, 11, 20),
        "summary": "Chào mừng 44 năm Ngày Nhà giáo Việt Nam, Công đoàn trường phát động đợt thi đua cao điểm, tôn vinh gương sáng nhà giáo, tri ân các thầy cô đã nghỉ hưu và lan tỏa những cách làm hay trong chuyển đổi số.",
        "hero": "chien-dich-nha-giao-2026",
        "hero_caption": "Lễ mít tinh kỷ niệm 44 năm Ngày Nhà giáo Việt Nam tại Hội trường lớn.",
        "tags": ["20/11", "Chuyển đổi số"],
        "sections": [
            (
                "p",
                "Đợt thi đua cao điểm từ 01/11 đến 30/11/2026 hướng tới ba mục tiêu: mỗi công đoàn bộ phận có ít nhất hai tin, bài; mỗi đơn vị giới thiệu ít nhất một gương sáng nhà giáo hoặc người tốt việc tốt; 100% đoàn viên được tiếp cận thông tin về các hoạt động tri ân.",
            ),
            (
                "figures",
                [
                    ("44", "năm Ngày Nhà giáo Việt Nam"),
                    ("5", "công đoàn bộ phận tham gia"),
                    ("12", "gương sáng được giới thiệu"),
                    ("100%", "đoàn viên được tiếp cận thông tin"),
                ],
            ),
            ("h2", "Các hoạt động chính"),
            (
                "ul",
                [
                    "Hội thảo, tọa đàm chuyên môn tại các khoa.",
                    "Thăm hỏi, tri ân các thầy cô nguyên là cán bộ, giảng viên của Nhà trường.",
                    "Mít tinh kỷ niệm và tuyên dương nhà giáo tiêu biểu ngày 20/11.",
                    "Chuyên mục “Gương sáng” trên trang tin Công đoàn trường.",
                ],
            ),
            (
                "quote",
                "Đổi mới không làm mất đi điều cốt lõi của nghề giáo: sự tận tâm với từng người học.",
                "Đoàn Thị Ngọc Lan, Chủ tịch Công đoàn trường",
            ),
            ("doc", "ke-hoach-truyen-thong", "Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028"),
            (
                "cta",
                "Đọc các câu chuyện về những nhà giáo, người lao động tiêu biểu của Nhà trường.",
                "Xem gương sáng",
                "page:guong-sang",
            ),
        ],
    },
    {
        "slug": "tet-dinh-mui-2027",
        "title": "Chăm lo Tết Nguyên đán Đinh Mùi 2027",
        "theme": "Tết sum vầy – Xuân chia sẻ",
        "start": D(2027, 1, 15),
        "end": D(2027, 2, 14),
        "key": D(2027, 2, 6),
        "summary": "Chăm lo Tết cho đoàn viên: rà soát, tặng quà đoàn viên có hoàn cảnh khó khăn, gặp mặt cán bộ hưu trí và chương trình “Chợ Tết công đoàn” trước kỳ nghỉ Tết Nguyên đán Đinh Mùi.",
        "hero": "chien-dich-tet-2027",
        "hero_caption": "Cành mai, đèn lồng – hình ảnh quen thuộc của “Tết sum vầy” tại Công đoàn trường.",
        "tags": ["Chăm lo đời sống"],
        "sections": [
            (
                "p",
                "Từ ngày 15/01/2027, các công đoàn bộ phận rà soát, lập danh sách đoàn viên có hoàn cảnh khó khăn, ốm đau dài ngày để Công đoàn trường trao quà trước Tết. Chương trình “Chợ Tết công đoàn” dự kiến tổ chức ngày 29/01/2027 tại sân Nhà A1.",
            ),
            (
                "figures",
                [
                    ("15/01", "bắt đầu rà soát danh sách"),
                    ("29/01", "Chợ Tết công đoàn"),
                    ("06/02", "Mùng Một Tết Đinh Mùi"),
                ],
            ),
            (
                "cta",
                "Công đoàn bộ phận gửi danh sách đề nghị hỗ trợ theo mẫu trước ngày 20/01/2027.",
                "Tải mẫu đơn",
                "page:van-ban",
            ),
        ],
    },
    {
        "slug": "quoc-te-phu-nu-2027",
        "title": "Chào mừng Ngày Quốc tế Phụ nữ 8/3/2027",
        "theme": "Tự tin – Tự trọng – Trung hậu – Đảm đang",
        "start": D(2027, 3, 1),
        "end": D(2027, 3, 10),
        "key": D(2027, 3, 8),
        "summary": "Gặp mặt nữ đoàn viên, tọa đàm về sức khỏe phụ nữ và tôn vinh những nữ nhà giáo, nữ người lao động vượt khó của Nhà trường.",
        "hero": "chien-dich-phu-nu-2027",
        "hero_caption": "Hoa tươi dành tặng nữ đoàn viên nhân Ngày Quốc tế Phụ nữ.",
        "tags": ["8/3"],
        "sections": [
            (
                "p",
                "Ban Nữ công Công đoàn trường phối hợp với các công đoàn bộ phận tổ chức gặp mặt nữ đoàn viên, tọa đàm “Sức khỏe phụ nữ tuổi trung niên” và giới thiệu những câu chuyện đẹp về nữ nhà giáo, nữ người lao động.",
            ),
            ("figures", [("312", "nữ đoàn viên toàn trường"), ("08/3", "gặp mặt, tọa đàm")]),
        ],
    },
]

# Standard pages under the home page, in menu order.
STANDARD_PAGES = [
    {
        "slug": "van-ban",
        "title": "Văn bản",
        "intro": "Kế hoạch, quy chế, hướng dẫn và biểu mẫu của Công đoàn trường, số hóa để mọi đoàn viên tra cứu được trên điện thoại.",
        "hero": "trang-van-ban",
        "body": [
            (
                "p",
                "Theo Kế hoạch truyền thông giai đoạn 2023–2028, 100% tài liệu phục vụ công tác công đoàn được số hóa và dùng chung. Dưới đây là các văn bản đoàn viên hay cần nhất; toàn văn các văn bản khác có trên hệ thống e-office của Nhà trường.",
            ),
            ("h2", "Kế hoạch, quy chế"),
            ("doc", "ke-hoach-truyen-thong", ""),
            ("doc", "quy-che-chi-tieu", ""),
            ("h2", "Hướng dẫn, biểu mẫu"),
            ("doc", "huong-dan-tham-hoi", ""),
            ("doc", "mau-don-ho-tro", ""),
            (
                "cta",
                "Không tìm thấy văn bản bạn cần? Tra cứu trên hệ thống văn phòng điện tử của Nhà trường.",
                "Mở e-office",
                "https://eoffice.dhsonha.example.org/",
            ),
        ],
    },
    {
        "slug": "khao-sat",
        "title": "Khảo sát",
        "intro": "Mỗi năm một lần, Công đoàn trường hỏi đoàn viên muốn đọc gì, đọc ở đâu và đọc bằng thiết bị nào, để trang tin viết đúng điều mọi người cần.",
        "hero": "trang-khao-sat",
        "body": [
            (
                "p",
                "Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028 yêu cầu định kỳ khảo sát nhu cầu về nội dung và hình thức tiếp cận thông tin của cán bộ, nhà giáo, người lao động. Phiếu khảo sát ẩn danh, mất khoảng 5 phút, làm được trên điện thoại.",
            ),
            ("h2", "Phiếu khảo sát năm 2026 hỏi gì?"),
            (
                "ul",
                [
                    "Bạn muốn đọc thêm về chủ đề nào: chính sách, pháp luật; chăm lo đời sống; gương người tốt việc tốt; văn nghệ, thể thao; kỹ năng số?",
                    "Bạn thường đọc tin công đoàn ở đâu: trang tin, fanpage, nhóm Zalo, e-office hay bảng tin tại khoa?",
                    "Bạn muốn nhận thông báo khi có bài mới bằng cách nào?",
                    "Có câu hỏi nào về chế độ, chính sách bạn muốn Công đoàn giải đáp?",
                ],
            ),
            (
                "infographic",
                "khao-sat-2025",
                "Kết quả khảo sát năm 2025",
                "Khảo sát tháng 10/2025 có 412 đoàn viên trả lời. Chủ đề được quan tâm nhất: chính sách, pháp luật (78%); chăm lo đời sống (64%); gương người tốt việc tốt (52%); hoạt động văn nghệ, thể thao (47%); kỹ năng số (41%).",
            ),
            (
                "p",
                "Từ kết quả năm 2025, trang tin đã mở chuyên mục Hỏi đáp về chính sách, pháp luật và đăng các bài hướng dẫn ngắn về kỹ năng số cho đoàn viên.",
            ),
            (
                "cta",
                "Phiếu khảo sát năm 2026 mở đến hết ngày 15/12/2026. Cảm ơn bạn đã dành 5 phút!",
                "Tham gia khảo sát",
                "https://forms.example.org/khao-sat-doan-vien-2026",
            ),
        ],
    },
    {
        "slug": "hoi-dap",
        "title": "Hỏi đáp",
        "intro": "Những câu hỏi đoàn viên hay gửi về chế độ nghỉ phép, bảo hiểm xã hội, đoàn phí và quyền lợi đoàn viên, cùng câu trả lời ngắn gọn của Ban Chấp hành Công đoàn trường.",
        "hero": "trang-hoi-dap",
        "body": [
            (
                "p",
                "Câu trả lời dưới đây mang tính hướng dẫn chung. Trường hợp cụ thể, đoàn viên liên hệ công đoàn bộ phận, Phòng Hành chính – Tổ chức hoặc Văn phòng Công đoàn trường để được hướng dẫn theo hồ sơ của mình.",
            ),
            ("h2", "Nghỉ phép, nghỉ việc riêng"),
            ("h3", "Giảng viên có được nghỉ phép hằng năm như viên chức hành chính không?"),
            (
                "p",
                "Giảng viên nghỉ hè thay cho nghỉ phép hằng năm theo quy định về chế độ làm việc của giảng viên và kế hoạch năm học của Nhà trường. Viên chức, người lao động khối phòng, ban nghỉ phép hằng năm theo Bộ luật Lao động: 12 ngày làm việc đối với công việc trong điều kiện bình thường, cứ đủ 5 năm làm việc được tăng thêm 1 ngày.",
            ),
            ("h3", "Tôi kết hôn thì được nghỉ mấy ngày?"),
            (
                "p",
                "Theo Bộ luật Lao động, người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương 3 ngày khi kết hôn; 1 ngày khi con đẻ, con nuôi kết hôn; 3 ngày khi cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, cha mẹ của vợ hoặc chồng, vợ hoặc chồng, con đẻ, con nuôi chết. Đoàn viên báo trước cho đơn vị theo quy định của Nhà trường.",
            ),
            ("h2", "Bảo hiểm xã hội"),
            ("h3", "Ốm đau phải nghỉ việc thì hưởng chế độ thế nào?"),
            (
                "p",
                "Đoàn viên đang đóng bảo hiểm xã hội bắt buộc, nghỉ việc do ốm đau có xác nhận của cơ sở khám bệnh, chữa bệnh thì được hưởng chế độ ốm đau từ quỹ bảo hiểm xã hội. Số ngày nghỉ tối đa trong năm phụ thuộc thời gian đã đóng bảo hiểm xã hội; mức hưởng bằng 75% tiền lương làm căn cứ đóng bảo hiểm xã hội. Hồ sơ nộp qua Phòng Hành chính – Tổ chức.",
            ),
            ("h3", "Luật Bảo hiểm xã hội năm 2024 có gì mới cần biết?"),
            (
                "p",
                "Luật Bảo hiểm xã hội năm 2024 có hiệu lực từ ngày 01/7/2025. Một điểm mới đáng chú ý là điều kiện về số năm đóng bảo hiểm xã hội tối thiểu để hưởng lương hưu giảm từ 20 năm xuống 15 năm. Bài viết trong mục Tin tức tóm tắt các điểm mới khác.",
            ),
            ("h2", "Đoàn phí và quyền lợi đoàn viên"),
            ("h3", "Đoàn phí công đoàn được tính như thế nào?"),
            (
                "p",
                "Mức đóng đoàn phí thực hiện theo quy định của Tổng Liên đoàn Lao động Việt Nam, tính theo tỷ lệ phần trăm trên tiền lương làm căn cứ đóng bảo hiểm xã hội và có mức tối đa. Công đoàn bộ phận thông báo mức cụ thể và thu qua bảng lương hằng tháng; đoàn viên có thể xem lại trên phiếu lương.",
            ),
            ("h3", "Khi ốm đau nằm viện, tôi được công đoàn thăm hỏi ra sao?"),
            (
                "p",
                "Công đoàn bộ phận nắm tình hình và đề nghị Công đoàn trường thăm hỏi theo Quy chế chi tiêu nội bộ. Thủ tục, hồ sơ và mức thăm hỏi có trong văn bản hướng dẫn dưới đây.",
            ),
            ("doc", "huong-dan-tham-hoi", ""),
            (
                "cta",
                "Bạn có câu hỏi khác về chế độ, chính sách? Gửi cho chúng tôi, câu trả lời sẽ được đăng trong mục này.",
                "Gửi câu hỏi",
                "https://forms.example.org/hoi-dap-cong-doan",
            ),
        ],
    },
    {
        "slug": "gioi-thieu",
        "title": "Giới thiệu",
        "intro": "Công đoàn Trường Đại học Sơn Hà là tổ chức của cán bộ, nhà giáo, người lao động Nhà trường, trực thuộc Công đoàn Giáo dục Việt Nam.",
        "hero": "trang-gioi-thieu",
        "body": [
            (
                "p",
                "Công đoàn trường có hơn 600 đoàn viên, sinh hoạt tại các công đoàn bộ phận ở từng khoa, phòng. Công đoàn đại diện, chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên; tham gia xây dựng Nhà trường và tuyên truyền chủ trương của Đảng, chính sách, pháp luật của Nhà nước đến từng đoàn viên.",
            ),
            ("h2", "Ban Chấp hành nhiệm kỳ 2023–2028"),
            (
                "ul",
                [
                    "Chủ tịch: TS. Đoàn Thị Ngọc Lan",
                    "Phó Chủ tịch: ThS. Lê Văn Hòa",
                    "Trưởng ban Tuyên giáo – Truyền thông: ThS. Trần Minh Thư",
                    "Trưởng ban Nữ công: ThS. Hà Thị Minh Nguyệt",
                    "Chủ nhiệm Ủy ban Kiểm tra: ThS. Phùng Văn Dũng",
                    "Ủy viên: TS. Nguyễn Quốc Bảo, ThS. Hoàng Thị Thanh Nhàn, TS. Trịnh Văn Khải, ThS. Lương Thị Hồng Vân",
                ],
            ),
            ("h2", "Trang tin “Lan Tỏa”"),
            (
                "p",
                "Trang tin do Ban Tuyên giáo – Truyền thông quản lý. Biên tập viên của các công đoàn bộ phận viết bài về hoạt động của đơn vị; trưởng công đoàn bộ phận xem trước; Ban Tuyên giáo – Truyền thông duyệt lần cuối trước khi đăng.",
            ),
            (
                "quote",
                "Mỗi cán bộ, nhà giáo, người lao động là một tuyên truyền viên.",
                "Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028",
            ),
            ("h2", "Liên hệ"),
            (
                "p",
                "Văn phòng Công đoàn trường: Phòng 105, Nhà A1. Điện thoại: 0123 456 700. Thư điện tử: congdoan.sonha@example.org. Giờ làm việc: 7h30–11h30 và 13h30–17h00, từ thứ Hai đến thứ Sáu.",
            ),
        ],
    },
]

# Only members of the "Đoàn viên" group can read this page (a view restriction).
MEMBERS_PAGE = {
    "slug": "noi-bo",
    "title": "Tin nội bộ đoàn viên",
    "intro": "Thông tin chỉ dành cho đoàn viên Công đoàn trường: công khai tài chính, lịch sinh hoạt và văn bản nội bộ.",
    "hero": "trang-noi-bo",
    "body": [
        ("h2", "Công khai tài chính công đoàn năm 2025"),
        (
            "p",
            "Ban Chấp hành Công đoàn trường công khai thu, chi tài chính công đoàn hằng năm đến đoàn viên. Tóm tắt năm 2025 (đơn vị: triệu đồng):",
        ),
        (
            "ul",
            [
                "Tổng thu kinh phí công đoàn và đoàn phí được sử dụng tại cơ sở: 1.246.",
                "Chi chăm lo, thăm hỏi, hỗ trợ đoàn viên: 412.",
                "Chi hoạt động phong trào, văn nghệ, thể thao: 286.",
                "Chi tuyên truyền, bồi dưỡng cán bộ công đoàn: 94.",
                "Chi hành chính và dự phòng: 131. Số dư chuyển năm sau: 323.",
            ],
        ),
        ("doc", "quy-che-chi-tieu", "Quy chế chi tiêu nội bộ (trích)"),
        ("h2", "Lịch sinh hoạt tháng 12/2026"),
        (
            "ul",
            [
                "Thứ Tư 02/12: hội nghị Ban Chấp hành mở rộng, Phòng họp A1-201.",
                "Thứ Sáu 11/12: hạn gửi danh sách đề nghị hỗ trợ Tết Đinh Mùi về Văn phòng Công đoàn trường.",
                "Thứ Bảy 19/12: giải cầu lông đoàn viên tại Nhà thi đấu đa năng.",
            ],
        ),
        (
            "cta",
            "Có ý kiến về thu, chi công đoàn? Gửi trực tiếp cho Ủy ban Kiểm tra Công đoàn trường.",
            "Gửi ý kiến",
            "https://forms.example.org/uy-ban-kiem-tra",
        ),
    ],
}

# Pictures: key -> title (Vietnamese, as editors would name it), motif, palette, text on it.
# "size" is hero (1600×900) unless noted; the motif list is in cms.demo.images.MOTIFS.
# fmt: off
IMAGES = {
    # Campaigns
    "chien-dich-cong-nhan-2025": ("Tháng Công nhân 2025 – an toàn, vệ sinh lao động", "safety", "safety", "Tháng Công nhân 2025"),
    "chien-dich-nha-giao-2025": ("Tri ân thầy cô 20/11/2025", "flowers", "rose", "Tri ân thầy cô – Lan tỏa yêu thương"),
    "chien-dich-cong-nhan-2026": ("Tháng Công nhân 2026 – làm việc an toàn", "safety", "teal", "Làm việc an toàn – Sống khỏe mỗi ngày"),
    "chien-dich-nha-giao-2026": ("Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam", "books", "indigo", "Nhà giáo tận tâm – Đổi mới sáng tạo"),
    "chien-dich-tet-2027": ("Tết sum vầy – Xuân Đinh Mùi 2027", "tet", "tet", "Tết sum vầy – Xuân chia sẻ"),
    "chien-dich-phu-nu-2027": ("Chào mừng Ngày Quốc tế Phụ nữ 8/3", "flowers", "violet", "Chào mừng 8/3"),
    # Standard pages
    "trang-van-ban": ("Văn bản công đoàn", "law", "navy", "Văn bản – Biểu mẫu"),
    "trang-khao-sat": ("Khảo sát nhu cầu thông tin của đoàn viên", "digital", "teal", "Bạn muốn đọc gì?"),
    "trang-hoi-dap": ("Hỏi đáp chính sách, pháp luật", "law", "slate", "Hỏi đáp chính sách, pháp luật"),
    "trang-gioi-thieu": ("Công đoàn Trường Đại học Sơn Hà", "campus", "navy", "Công đoàn Trường Đại học Sơn Hà"),
    "trang-noi-bo": ("Tin nội bộ đoàn viên", "finance", "navy", "Tin nội bộ đoàn viên"),
    # Departments
    "don-vi-toan-tin": ("Khoa Toán – Tin", "campus", "indigo", "Khoa Toán – Tin"),
    "don-vi-ngu-van": ("Khoa Ngữ văn", "campus", "violet", "Khoa Ngữ văn"),
    "don-vi-kinh-te": ("Khoa Kinh tế", "campus", "green", "Khoa Kinh tế"),
    "don-vi-ngoai-ngu": ("Khoa Ngoại ngữ", "campus", "teal", "Khoa Ngoại ngữ"),
    "don-vi-hanh-chinh": ("Phòng Hành chính – Tổ chức", "campus", "sand", "Phòng Hành chính – Tổ chức"),
    # Articles
    "ke-hoach-truyen-thong": ("Hội nghị triển khai kế hoạch truyền thông 2023–2028", "hall", "navy", "Kế hoạch truyền thông 2023–2028"),
    "gap-mat-20-11-2024": ("Gặp mặt kỷ niệm 42 năm Ngày Nhà giáo Việt Nam", "flowers", "coral", "42 năm Ngày Nhà giáo Việt Nam"),
    "luat-bhxh-2024": ("Luật Bảo hiểm xã hội năm 2024", "law", "slate", "Luật Bảo hiểm xã hội 2024"),
    "khao-sat-ket-qua": ("Kết quả khảo sát đoàn viên 2025", "digital", "indigo", "Đoàn viên muốn đọc gì?"),
    "le-20-11-2025": ("Lễ kỷ niệm 43 năm Ngày Nhà giáo Việt Nam", "hall", "rose", "Lễ kỷ niệm 20/11/2025"),
    "qua-tet-2026": ("Trao quà Tết Bính Ngọ 2026", "tet", "coral", "Quà Tết cho đoàn viên"),
    "mit-tinh-20-11-2026": ("Mít tinh kỷ niệm 44 năm Ngày Nhà giáo Việt Nam", "hall", "indigo", "Mít tinh 20/11/2026"),
    "so-cuu-2024": ("Tập huấn sơ cứu ban đầu", "safety", "green", "Tập huấn sơ cứu ban đầu"),
    "hoi-giang-2024": ("Hội giảng chào mừng 20/11/2024", "books", "indigo", "Hội giảng chào mừng 20/11"),
    "bang-tinh-cong-doan": ("Bảng tính trực tuyến trong công tác công đoàn", "digital", "teal", "Chuyển đổi số trong công đoàn"),
    "bong-ban-2025": ("Giải bóng bàn giao hữu", "sports", "green", "Giải bóng bàn giao hữu"),
    "phong-may-2026": ("Kiểm tra an toàn phòng máy tính", "safety", "navy", "An toàn phòng máy"),
    "tri-an-2026": ("Tri ân thầy cô nguyên là giảng viên", "flowers", "coral", "Tri ân thầy cô"),
    "tho-20-10-2024": ("Chương trình thơ chào mừng 20/10", "flowers", "coral", "Lời ru của mẹ"),
    "tham-hoi-2025": ("Thăm hỏi đoàn viên ốm đau", "care", "coral", "Thăm hỏi đoàn viên"),
    "van-nghe-2025": ("Đêm văn nghệ Bục giảng mùa tri ân", "music", "violet", "Bục giảng mùa tri ân"),
    "phu-nu-2026": ("Gặp mặt nữ đoàn viên 8/3/2026", "flowers", "rose", "Chào mừng ngày 8/3"),
    "van-hoa-doc": ("Tọa đàm văn hóa đọc", "books", "sand", "Văn hóa đọc thời đại số"),
    "hoi-thao-2024": ("Hội thao chào mừng năm học mới", "sports", "navy", "Hội thao chào năm học mới"),
    "pccc-2025": ("Tập huấn phòng cháy chữa cháy", "safety", "safety", "Phòng cháy chữa cháy"),
    "tai-chinh-ca-nhan": ("Chuyên đề tài chính cá nhân", "finance", "green", "Tài chính cá nhân"),
    "day-hoc-tich-cuc": ("Hội thảo phương pháp dạy học tích cực", "hall", "teal", "Dạy học tích cực"),
    "tieng-anh-he": ("Lớp tiếng Anh hè cho con đoàn viên", "books", "green", "Lớp tiếng Anh hè"),
    "bai-giang-dien-tu": ("Hội thi thiết kế bài giảng điện tử", "digital", "violet", "Bài giảng điện tử"),
    "hoc-bong-2026": ("Học bổng Tiếp sức đến trường", "books", "coral", "Tiếp sức đến trường"),
    "dien-tap-pccc": ("Diễn tập phòng cháy chữa cháy tại Nhà A1", "safety", "safety", "Diễn tập phòng cháy chữa cháy"),
    "e-office": ("Văn phòng điện tử", "digital", "navy", "Văn phòng điện tử"),
    "tham-quan-he": ("Tham quan, nghỉ dưỡng hè", "care", "teal", "Nghỉ dưỡng hè 2027"),
    # Gallery pictures (1200×800)
    "anh-le-tang-hoa": ("Tặng hoa thầy cô", "flowers", "rose", "Tặng hoa thầy cô"),
    "anh-le-toan-canh": ("Toàn cảnh buổi lễ", "hall", "indigo", "Toàn cảnh buổi lễ"),
    "anh-le-khen-thuong": ("Tuyên dương nhà giáo tiêu biểu", "books", "indigo", "Tuyên dương nhà giáo tiêu biểu"),
    "anh-van-nghe-hop-ca": ("Tiết mục hợp ca", "music", "violet", "Tiết mục hợp ca"),
    "anh-van-nghe-ngam-tho": ("Ngâm thơ", "music", "rose", "Ngâm thơ"),
    "anh-van-nghe-khan-gia": ("Khán giả đêm văn nghệ", "hall", "violet", "Khán giả cổ vũ"),
    "anh-the-thao-bong-ban": ("Thi đấu bóng bàn", "sports", "green", "Thi đấu bóng bàn"),
    "anh-the-thao-keo-co": ("Kéo co", "sports", "navy", "Kéo co"),
    "anh-the-thao-trao-giai": ("Trao giải", "hall", "green", "Trao giải"),
    "anh-atvsld-so-cuu": ("Thực hành sơ cứu", "safety", "green", "Thực hành sơ cứu"),
    "anh-atvsld-dap-lua": ("Thực hành dập lửa", "safety", "safety", "Thực hành dập lửa"),
    "anh-atvsld-kiem-tra": ("Kiểm tra bình chữa cháy", "safety", "teal", "Kiểm tra bình chữa cháy"),
}
# fmt: on
GALLERY_IMAGES = {key for key in IMAGES if key.startswith("anh-")}

INFOGRAPHICS = {
    "khao-sat-2025": {
        "title": "Infographic: kết quả khảo sát đoàn viên năm 2025",
        "heading": "Đoàn viên muốn đọc gì trên trang công đoàn?",
        "rows": [
            ("Chính sách, pháp luật", 78),
            ("Chăm lo đời sống", 64),
            ("Gương người tốt việc tốt", 52),
            ("Văn nghệ, thể thao", 47),
            ("Kỹ năng số", 41),
        ],
        "footer": "Khảo sát tháng 10/2025 – 412 đoàn viên trả lời.",
    }
}

LOGO_TITLE = "Logo Công đoàn Trường Đại học Sơn Hà"

_LETTERHEAD = {
    "issuer_parent": "CÔNG ĐOÀN GIÁO DỤC VIỆT NAM",
    "issuer": "CĐ TRƯỜNG ĐẠI HỌC SƠN HÀ",
    "signer_title": "TM. BAN CHẤP HÀNH\nCHỦ TỊCH",
    "signer": "Đoàn Thị Ngọc Lan",
}

DOCUMENTS = {
    "ke-hoach-truyen-thong": {
        **_LETTERHEAD,
        "title": "Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028",
        "file": "ke-hoach-truyen-thong-cong-doan-2023-2028.pdf",
        "number": "15/KH-CĐT",
        "place_date": "Sơn Hà, ngày 25 tháng 4 năm 2024",
        "heading": "Kế hoạch",
        "subheading": "Triển khai thực hiện các nhiệm vụ và giải pháp chương trình truyền thông Công đoàn giai đoạn 2023–2028",
        "sections": [
            (
                None,
                [
                    "Thực hiện hướng dẫn của Công đoàn Giáo dục Việt Nam về triển khai chương trình truyền thông Công đoàn giai đoạn 2023–2028, Ban Chấp hành Công đoàn Trường Đại học Sơn Hà xây dựng kế hoạch như sau:"
                ],
            ),
            (
                "I. MỤC ĐÍCH, YÊU CẦU",
                [
                    "– Truyền thông đến cán bộ, nhà giáo, người lao động đầy đủ, kịp thời chủ trương của Đảng, chính sách, pháp luật của Nhà nước và các quy định mới liên quan trực tiếp đến đoàn viên.",
                    "– Các công đoàn bộ phận phối hợp với chuyên môn triển khai kế hoạch, gắn với nhiệm vụ trọng tâm của đơn vị.",
                ],
            ),
            (
                "II. NỘI DUNG",
                [
                    "1. Mỗi năm tổ chức ít nhất một đợt truyền thông về các hoạt động lớn của công đoàn; tuyên truyền cao điểm dịp 20/11, Tháng Công nhân và An toàn, vệ sinh lao động.",
                    "2. Tăng cường bài viết về hoạt động công đoàn, gương người tốt việc tốt, gương sáng nhà giáo trên trang tin Công đoàn trường.",
                    "3. Đẩy mạnh chuyển đổi số: 100% tài liệu phục vụ công tác truyền thông được số hóa, dùng chung.",
                    "4. Đến năm 2028, từ 50% Ủy viên Ban Chấp hành trở lên được bồi dưỡng nâng cao năng lực truyền thông.",
                    "5. Định kỳ khảo sát nhu cầu về nội dung, hình thức tiếp cận thông tin của đoàn viên.",
                ],
            ),
            (
                "III. TỔ CHỨC THỰC HIỆN",
                [
                    "– Ban Tuyên giáo – Truyền thông tham mưu, hướng dẫn và tổng hợp kết quả thực hiện.",
                    "– Các công đoàn bộ phận triển khai nội dung liên quan và chủ động viết bài về gương sáng tại đơn vị.",
                ],
            ),
        ],
    },
    "huong-dan-tham-hoi": {
        **_LETTERHEAD,
        "title": "Hướng dẫn thủ tục thăm hỏi đoàn viên ốm đau",
        "file": "huong-dan-tham-hoi-doan-vien-om-dau.pdf",
        "number": "08/HD-CĐT",
        "place_date": "Sơn Hà, ngày 10 tháng 01 năm 2025",
        "heading": "Hướng dẫn",
        "subheading": "Thủ tục thăm hỏi đoàn viên ốm đau, nằm viện",
        "sections": [
            (
                "1. Đối tượng",
                [
                    "Đoàn viên công đoàn đang công tác tại Nhà trường bị ốm đau phải nằm viện điều trị, phẫu thuật hoặc mắc bệnh hiểm nghèo."
                ],
            ),
            (
                "2. Hồ sơ",
                [
                    "– Giấy đề nghị thăm hỏi của công đoàn bộ phận.",
                    "– Bản chụp giấy ra viện hoặc giấy xác nhận của cơ sở khám bệnh, chữa bệnh.",
                ],
            ),
            (
                "3. Trình tự",
                [
                    "– Công đoàn bộ phận nắm tình hình, thăm hỏi ngay và gửi hồ sơ về Văn phòng Công đoàn trường trong 5 ngày làm việc.",
                    "– Văn phòng Công đoàn trường trình Chủ tịch Công đoàn trường duyệt, chi theo Quy chế chi tiêu nội bộ.",
                ],
            ),
            (
                "4. Mức thăm hỏi",
                ["Thực hiện theo Quy chế chi tiêu nội bộ của Công đoàn trường hiện hành."],
            ),
        ],
    },
    "quy-che-chi-tieu": {
        **_LETTERHEAD,
        "title": "Quy chế chi tiêu nội bộ Công đoàn trường (trích)",
        "file": "quy-che-chi-tieu-noi-bo-cong-doan-trich.pdf",
        "number": "02/QC-CĐT",
        "place_date": "Sơn Hà, ngày 15 tháng 01 năm 2025",
        "heading": "Quy chế chi tiêu nội bộ (trích)",
        "subheading": "Chương III – Chi thăm hỏi, chăm lo đời sống đoàn viên",
        "sections": [
            (
                "Điều 9. Chi thăm hỏi ốm đau",
                [
                    "– Đoàn viên ốm đau nằm viện: 500.000 đồng/lần, không quá 2 lần/năm.",
                    "– Đoàn viên phẫu thuật, mắc bệnh hiểm nghèo: 1.000.000 đồng/lần.",
                ],
            ),
            (
                "Điều 10. Chi hiếu, hỉ",
                [
                    "– Đoàn viên kết hôn: 500.000 đồng.",
                    "– Tứ thân phụ mẫu, vợ hoặc chồng, con của đoàn viên mất: 1.000.000 đồng và vòng hoa.",
                    "– Đoàn viên mất: 3.000.000 đồng và vòng hoa.",
                ],
            ),
            (
                "Điều 11. Chi hỗ trợ đoàn viên có hoàn cảnh khó khăn",
                [
                    "Mức hỗ trợ từ 1.000.000 đến 3.000.000 đồng/lần, theo đề nghị của công đoàn bộ phận và quyết định của Ban Thường vụ Công đoàn trường."
                ],
            ),
        ],
    },
    "mau-don-ho-tro": {
        **_LETTERHEAD,
        "title": "Mẫu đơn đề nghị hỗ trợ đoàn viên có hoàn cảnh khó khăn",
        "file": "mau-don-de-nghi-ho-tro-doan-vien.pdf",
        "number": "",
        "place_date": "Sơn Hà, ngày …… tháng …… năm ……",
        "heading": "Đơn đề nghị hỗ trợ",
        "subheading": "Kính gửi: Ban Chấp hành Công đoàn Trường Đại học Sơn Hà",
        "sections": [
            (
                None,
                [
                    "Họ và tên đoàn viên: ……………………………………………",
                    "Công đoàn bộ phận: ……………………………………………",
                    "Hoàn cảnh khó khăn (nêu rõ lý do): ……………………………………………",
                    "……………………………………………………………………………………",
                    "Đề nghị Ban Chấp hành Công đoàn trường xem xét, hỗ trợ.",
                ],
            ),
            ("Ý kiến của công đoàn bộ phận", ["……………………………………………………………………………………"]),
        ],
        "signer_title": "NGƯỜI LÀM ĐƠN\n(Ký, ghi rõ họ tên)",
        "signer": "",
    },
}

# Extra details for the demo accounts of cms.roles.DEMO_ACCOUNTS.
ACCOUNT_EMAILS = {
    "quantri": "quantri@example.org",
    "truongban": "tran.minh.thu@example.org",
    "bch": "le.van.hoa@example.org",
    "bientap.toan": "pham.thu.ha@example.org",
    "truong.toan": "nguyen.quoc.bao@example.org",
    "bientap.van": "do.thi.mai@example.org",
    "doanvien": "vu.hai.yen@example.org",
}
ROLE_LABELS = {
    "admin": "Quản trị hệ thống",
    "editor": "Biên tập viên",
    "head": "Trưởng công đoàn bộ phận",
}


# Pages left in the review workflow: slug, who submits, reviewers' actions (user, action,
# comment), days since submission, and a new lead for a live page edited into review.
REVIEWS = [
    (
        "ban-tin-so-thang-11-goc-chuyen-doi-so",
        "bientap.toan",
        [],
        1,
        None,
    ),
    (
        "kiem-tra-an-toan-phong-may-2026",
        "bientap.toan",
        [("truong.toan", "approve", "")],
        3,
        "Công đoàn Khoa Toán – Tin phối hợp với tổ kỹ thuật kiểm tra an toàn điện tại 6 phòng "
        "máy tính; bổ sung kết quả khắc phục 9 điểm có nguy cơ mất an toàn sau một tháng.",
    ),
    (
        "gioi-thieu-tap-tho-cua-doan-vien",
        "bientap.van",
        [
            (
                "truongban",
                "reject",
                "Đề nghị bổ sung ảnh bìa tập thơ và ghi rõ nguồn các đoạn thơ trích dẫn.",
            )
        ],
        2,
        None,
    ),
]
