"""English translations of the demo's home page, section pages, campaigns and a few articles.

Made the way an editor makes them, through wagtail-localize: a TranslationSource of the
Vietnamese page, a StringTranslation for each segment we have English for, then the
translation is saved and published. Segments without English (long bodies) keep the
Vietnamese text, as wagtail-localize does for an unfinished translation. A page that already
has an English translation is left alone, so a second run changes nothing.
"""

from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.demo.content import SITE, UNION
from cms.models import SiteText

UNION_EN = "Son Ha University Trade Union"

# Vietnamese source text -> English.
ENGLISH = {
    # Home page and its shortcuts
    "Trang chủ": "Home",
    "Trang tin của Công đoàn Trường Đại học Sơn Hà – nơi lan tỏa những câu chuyện đẹp về nhà giáo và người lao động.": (
        "The news site of Son Ha University Trade Union, spreading the good stories of our "
        "teachers and staff."
    ),
    "Tin hoạt động công đoàn, gương người tốt việc tốt, gương sáng nhà giáo và các đợt cao điểm tuyên truyền của Công đoàn Trường Đại học Sơn Hà.": (
        "Union news, good people and good deeds, outstanding teachers and the campaigns of "
        "Son Ha University Trade Union."
    ),
    "Văn bản": "Documents",
    "Kế hoạch, quy chế, hướng dẫn và biểu mẫu của Công đoàn trường.": (
        "The union's plans, rules, guides and forms."
    ),
    "Khảo sát": "Surveys",
    "Cho chúng tôi biết bạn muốn đọc gì trên trang công đoàn.": (
        "Tell us what you would like to read on the union's site."
    ),
    "Hỏi đáp": "Questions and answers",
    "Giải đáp chính sách, pháp luật liên quan đến đoàn viên.": (
        "Answers on policy and law for union members."
    ),
    "Giới thiệu": "About us",
    "Ban Chấp hành, các ban chuyên đề và thông tin liên hệ.": (
        "The executive committee, the boards and how to reach us."
    ),
    # Section pages
    "Tin tức": "News",
    "Hoạt động của Công đoàn trường và các công đoàn bộ phận, mới nhất ở trên.": (
        "What the university union and its department unions do, newest first."
    ),
    "Chiến dịch": "Campaigns",
    # Campaigns
    "Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động năm 2025": (
        "Workers' Month – Occupational Safety and Health Action Month 2025"
    ),
    "An toàn để lao động – Lao động để cống hiến": "Safe to work – Work to contribute",
    "Suốt tháng 5/2025, Công đoàn trường và các công đoàn bộ phận tổ chức tập huấn an toàn, vệ sinh lao động, diễn tập phòng cháy chữa cháy, thăm hỏi đoàn viên khó khăn và tuyên dương cán bộ công đoàn tiêu biểu.": (
        "Throughout May 2025 the university union and its department unions held safety and "
        "health training and fire drills, visited members in hardship and honoured outstanding "
        "union officers."
    ),
    "Đoàn viên Phòng Hành chính – Tổ chức thực hành dập lửa trong buổi diễn tập phòng cháy chữa cháy.": (
        "Members of the Administration and Personnel Office put out a fire during the drill."
    ),
    "Kỷ niệm 43 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2025)": (
        "43rd anniversary of Vietnamese Teachers' Day (20/11/1982 – 20/11/2025)"
    ),
    "Tri ân thầy cô – Lan tỏa yêu thương": "Thanking our teachers – Spreading kindness",
    "Đợt cao điểm tuyên truyền chào mừng 43 năm Ngày Nhà giáo Việt Nam: hội giảng, thi thiết kế bài giảng điện tử, văn nghệ, thể thao và giới thiệu gương sáng nhà giáo của các khoa, phòng.": (
        "The campaign for the 43rd Vietnamese Teachers' Day: teaching festivals, an e-lesson "
        "design contest, performances, sport and the outstanding teachers of every faculty."
    ),
    "Sinh viên tặng hoa các thầy cô trong lễ kỷ niệm Ngày Nhà giáo Việt Nam.": (
        "Students give flowers to their teachers at the Teachers' Day ceremony."
    ),
    "Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động năm 2026": (
        "Workers' Month – Occupational Safety and Health Action Month 2026"
    ),
    "Làm việc an toàn – Sống khỏe mỗi ngày": "Work safely – Live well every day",
    "Tháng 5/2026, công đoàn các cấp trong Nhà trường kiểm tra an toàn phòng máy, phòng thí nghiệm, tập huấn phòng cháy chữa cháy và chia sẻ kiến thức chăm sóc sức khỏe, tài chính cho đoàn viên.": (
        "In May 2026 the union checks the safety of computer rooms and laboratories, trains "
        "members in fire safety and shares advice on health and personal finance."
    ),
    "Kiểm tra hệ thống điện tại phòng máy tính Khoa Toán – Tin.": (
        "Checking the wiring of the Faculty of Mathematics and IT's computer room."
    ),
    "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026)": (
        "44th anniversary of Vietnamese Teachers' Day (20/11/1982 – 20/11/2026)"
    ),
    "Nhà giáo tận tâm – Đổi mới sáng tạo": "Dedicated teachers – Creative renewal",
    "Chào mừng 44 năm Ngày Nhà giáo Việt Nam, Công đoàn trường phát động đợt thi đua cao điểm, tôn vinh gương sáng nhà giáo, tri ân các thầy cô đã nghỉ hưu và lan tỏa những cách làm hay trong chuyển đổi số.": (
        "For the 44th Vietnamese Teachers' Day the union launches an emulation campaign, honours "
        "outstanding teachers, thanks retired colleagues and shares good digital practice."
    ),
    "Lễ mít tinh kỷ niệm 44 năm Ngày Nhà giáo Việt Nam tại Hội trường lớn.": (
        "The 44th Teachers' Day ceremony in the Main Hall."
    ),
    "Chăm lo Tết Nguyên đán Đinh Mùi 2027": "Caring for members at Lunar New Year 2027",
    "Tết sum vầy – Xuân chia sẻ": "A Tet together – A spring of sharing",
    "Chăm lo Tết cho đoàn viên: rà soát, tặng quà đoàn viên có hoàn cảnh khó khăn, gặp mặt cán bộ hưu trí và chương trình “Chợ Tết công đoàn” trước kỳ nghỉ Tết Nguyên đán Đinh Mùi.": (
        "Tet for our members: gifts for members in hardship, a meeting with retired staff and "
        "the union's Tet market before the Lunar New Year holiday."
    ),
    "Cành mai, đèn lồng – hình ảnh quen thuộc của “Tết sum vầy” tại Công đoàn trường.": (
        "Apricot blossom and lanterns, familiar sights of Tet at the union."
    ),
    "Chào mừng Ngày Quốc tế Phụ nữ 8/3/2027": "International Women's Day, 8 March 2027",
    "Tự tin – Tự trọng – Trung hậu – Đảm đang": "Confident – Self-respecting – Loyal – Capable",
    "Gặp mặt nữ đoàn viên, tọa đàm về sức khỏe phụ nữ và tôn vinh những nữ nhà giáo, nữ người lao động vượt khó của Nhà trường.": (
        "A meeting of women members, a talk on women's health, and tribute to the university's "
        "women teachers and staff who overcame hardship."
    ),
    "Hoa tươi dành tặng nữ đoàn viên nhân Ngày Quốc tế Phụ nữ.": (
        "Flowers for women members on International Women's Day."
    ),
    # Articles
    "Công đoàn trường triển khai Kế hoạch truyền thông giai đoạn 2023–2028": (
        "The union launches its 2023–2028 communications plan"
    ),
    "Chiều 25/4/2024, Ban Chấp hành Công đoàn trường tổ chức hội nghị triển khai Kế hoạch thực hiện các nhiệm vụ và giải pháp chương trình truyền thông Công đoàn giai đoạn 2023–2028 đến chủ tịch và biên tập viên của các công đoàn bộ phận.": (
        "On the afternoon of 25/4/2024 the union's executive committee presented the 2023–2028 "
        "communications plan to the chairs and editors of the department unions."
    ),
    "Hội nghị triển khai kế hoạch truyền thông tại Hội trường Nhà A1.": (
        "The communications plan conference in the Building A1 hall."
    ),
    "Gặp mặt kỷ niệm 42 năm Ngày Nhà giáo Việt Nam": "Meeting for the 42nd Vietnamese Teachers' Day",
    "Sáng 20/11/2024, Công đoàn trường phối hợp với Ban Giám hiệu tổ chức gặp mặt kỷ niệm 42 năm Ngày Nhà giáo Việt Nam, với sự tham dự của hơn 400 cán bộ, giảng viên đang công tác và đã nghỉ hưu.": (
        "On the morning of 20/11/2024 the union and the university's leadership held a meeting "
        "for the 42nd Vietnamese Teachers' Day, attended by more than 400 serving and retired "
        "staff."
    ),
    "Đại diện sinh viên tặng hoa các thầy cô tại buổi gặp mặt.": (
        "Student representatives give flowers to their teachers at the meeting."
    ),
    "Phát động Tháng Công nhân – Tháng hành động về an toàn, vệ sinh lao động năm 2025": (
        "Workers' Month and Occupational Safety and Health Action Month 2025 launched"
    ),
    "Sáng 02/5/2025, Công đoàn trường tổ chức lễ phát động Tháng Công nhân và Tháng hành động về an toàn, vệ sinh lao động năm 2025 với chủ đề “An toàn để lao động – Lao động để cống hiến”.": (
        "On the morning of 02/5/2025 the union launched Workers' Month and the Occupational "
        "Safety and Health Action Month 2025, themed “Safe to work – Work to contribute”."
    ),
    "Lễ phát động Tháng Công nhân năm 2025 tại sân Nhà A1.": (
        "The Workers' Month 2025 launch in the Building A1 courtyard."
    ),
}

# Vietnamese slug -> English slug, for the pages translated here.
SLUGS = {
    "trang-chu": "home",
    "tin-tuc": "news",
    "chien-dich": "campaigns",
    "thang-cong-nhan-2025": "workers-month-2025",
    "ngay-nha-giao-2025": "teachers-day-2025",
    "thang-cong-nhan-2026": "workers-month-2026",
    "ngay-nha-giao-2026": "teachers-day-2026",
    "tet-dinh-mui-2027": "lunar-new-year-2027",
    "quoc-te-phu-nu-2027": "womens-day-2027",
    "trien-khai-ke-hoach-truyen-thong-2023-2028": "communications-plan-2023-2028",
    "gap-mat-ky-niem-42-nam-ngay-nha-giao": "teachers-day-meeting-2024",
    "phat-dong-thang-cong-nhan-2025": "workers-month-2025-launched",
}
# Parents before children: wagtail-localize needs a page's parent translated first.
PAGES = [
    "trang-chu",
    "tin-tuc",
    "chien-dich",
    "thang-cong-nhan-2025",
    "ngay-nha-giao-2025",
    "thang-cong-nhan-2026",
    "ngay-nha-giao-2026",
    "tet-dinh-mui-2027",
    "quoc-te-phu-nu-2027",
    "trien-khai-ke-hoach-truyen-thong-2023-2028",
    "gap-mat-ky-niem-42-nam-ngay-nha-giao",
    "phat-dong-thang-cong-nhan-2025",
]

SITE_TEXT = {
    "vi": {
        "union_name": UNION,
        "tagline": SITE["tagline"],
        "address": SITE["address"],
        "footer_note": (
            "Nội dung do Ban Tuyên giáo – Truyền thông biên tập và kiểm duyệt trước khi đăng."
        ),
    },
    "en": {
        "union_name": UNION_EN,
        "tagline": "Caring – Standing together – Spreading kindness",
        "address": "Room 105, Building A1, 68 Le Loi Street, Binh Minh Ward, Son Ha City",
        "footer_note": (
            "Content is edited and checked by the Communications Board before it is published."
        ),
    },
}


def translate_page(page, locale, user):
    """Translate ``page`` into ``locale`` through wagtail-localize and publish it.

    Returns the translation, or None when there already is one (nothing to do). Publishing
    happens when the seed's transaction commits (wagtail-localize defers it).
    """
    if page.get_translation_or_none(locale) is not None:
        return None
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        english = SLUGS.get(text) if segment.context.path == "slug" else ENGLISH.get(text)
        if english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": english},
            )
    translation.save_target(user=user, publish=True)
    return page.get_translation(locale)


def ensure_site_text():
    """The header and footer words in Vietnamese and their English translation."""
    original, _ = SiteText.objects.get_or_create(
        locale=Locale.get_default(), defaults=SITE_TEXT["vi"]
    )
    english = Locale.objects.get(language_code="en")
    if original.get_translation_or_none(english) is None:
        translation = original.copy_for_translation(english)
        for name, value in SITE_TEXT["en"].items():
            setattr(translation, name, value)
        translation.save()


def seed(seeder, user):
    """English for the demo: called once from seed_demo, after the Vietnamese pages exist."""
    seeder.say("Bản dịch tiếng Anh…")
    english = Locale.objects.get(language_code="en")
    default = Locale.get_default()
    ensure_site_text()
    made = 0
    for slug in PAGES:
        page = Page.objects.filter(slug=slug, locale=default).first()
        if page is None:
            continue
        if translate_page(page.specific, english, user) is not None:
            made += 1
    seeder.say(f"  • {made} trang tiếng Anh mới")
    # wagtail-localize publishes when the transaction commits, saving the English home and
    # indexes from revisions taken before their children existed (numchild 0: no listing,
    # /en/news/ a 404). Recount after those publications (on_commit runs in order).
    transaction.on_commit(lambda: recount_children(english))


def recount_children(locale):
    """Set ``numchild`` of the pages of ``locale`` to their real number of children."""
    for page in Page.objects.filter(locale=locale).only("path", "depth", "numchild"):
        count = Page.objects.child_of(page).count()
        if page.numchild != count:
            Page.objects.filter(pk=page.pk).update(numchild=count)
