"""import_members: accounts from the union's member list, good rows saved, bad rows reported."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from cms import roles
from members.models import MemberProfile
from tests import factories

HEADER = "Họ và tên,Email,Đơn vị\n"


@pytest.fixture
def departments(department_index):
    return {
        "toan": factories.DepartmentPageFactory(
            parent=department_index, title="Công đoàn Khoa Toán – Tin", short_name="Khoa Toán – Tin"
        ),
        "van": factories.DepartmentPageFactory(
            parent=department_index, title="Công đoàn Khoa Ngữ văn", short_name="Khoa Ngữ văn"
        ),
    }


def run(tmp_path, text, encoding="utf-8", name="members.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    out = io.StringIO()
    call_command("import_members", str(path), stdout=out)
    return out.getvalue()


def members():
    return get_user_model().objects.filter(groups__name=roles.MEMBERS).order_by("email")


def test_good_and_bad_rows(tmp_path, departments):
    output = run(
        tmp_path,
        HEADER
        + "Nguyễn Thị Lan,lan.nguyen@truong.edu.vn,Khoa Toán – Tin\n"
        + "Trần Văn Bình,khong-phai-email,Khoa Ngữ văn\n"
        + ",an.le@truong.edu.vn,Khoa Ngữ văn\n"
        + "Lê Văn An,an.le@truong.edu.vn,Phòng Không Tồn Tại\n"
        + "Phạm Thu Hà,HA.PHAM@truong.edu.vn,khoa ngu van\n"
        + "Phạm Thu Hà,ha.pham@truong.edu.vn,Khoa Ngữ văn\n"
        + "Đỗ Minh,,Khoa Ngữ văn\n"
        + "Vũ Hải Yến,yen.vu@truong.edu.vn,\n",
    )
    assert [user.email for user in members()] == [
        "ha.pham@truong.edu.vn",
        "lan.nguyen@truong.edu.vn",
    ]
    lan = get_user_model().objects.get(email="lan.nguyen@truong.edu.vn")
    assert (lan.first_name, lan.last_name, lan.username) == (
        "Nguyễn Thị",
        "Lan",
        "lan.nguyen@truong.edu.vn",
    )
    assert not lan.has_usable_password()
    assert lan.member_profile.department == departments["toan"]
    ha = get_user_model().objects.get(email="ha.pham@truong.edu.vn")
    assert ha.member_profile.department == departments["van"]
    for expected in (
        "dòng 2: đã tạo lan.nguyen@truong.edu.vn",
        "dòng 3: bị từ chối – địa chỉ e-mail “khong-phai-email” không hợp lệ",
        "dòng 4: bị từ chối – thiếu họ tên",
        "dòng 5: bị từ chối – không có công đoàn bộ phận “Phòng Không Tồn Tại”",
        "dòng 7: bị từ chối – trùng: e-mail ha.pham@truong.edu.vn đã có ở dòng 6",
        "dòng 8: bị từ chối – thiếu địa chỉ e-mail",
        "dòng 9: bị từ chối – thiếu đơn vị",
        "Tạo mới 2, cập nhật 0, giữ nguyên 0, từ chối 6.",
    ):
        assert expected in output


def test_running_twice_changes_nothing_then_updates(tmp_path, departments):
    text = HEADER + "Nguyễn Thị Lan,lan.nguyen@truong.edu.vn,Khoa Toán – Tin\n"
    run(tmp_path, text)
    again = run(tmp_path, text)
    assert "Tạo mới 0, cập nhật 0, giữ nguyên 1, từ chối 0." in again
    assert members().count() == 1
    assert MemberProfile.objects.count() == 1

    moved = run(tmp_path, HEADER + "Nguyễn Thị Lan Anh,LAN.NGUYEN@truong.edu.vn,Khoa Ngữ văn\n")
    assert "dòng 2: đã cập nhật lan.nguyen@truong.edu.vn" in moved
    lan = members().get()
    assert lan.get_full_name() == "Nguyễn Thị Lan Anh"
    assert lan.member_profile.department == departments["van"]


def test_existing_account_joins_the_members_group_and_keeps_its_password(
    tmp_path, departments, django_user_model
):
    user = django_user_model.objects.create_user(
        "doanvien", email="vu.hai.yen@example.org", password="mat-khau-rieng-2026"
    )
    output = run(tmp_path, HEADER + "Vũ Hải Yến,Vu.Hai.Yen@example.org,Khoa Ngữ văn\n")
    assert "đã cập nhật vu.hai.yen@example.org" in output
    user.refresh_from_db()
    assert user.groups.filter(name=roles.MEMBERS).exists()
    assert user.check_password("mat-khau-rieng-2026")
    assert user.username == "doanvien"


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8-sig", HEADER),
        ("utf-8", HEADER),
        ("utf-8-sig", "Họ và tên;Email;Đơn vị\r\n"),  # Excel with a Vietnamese locale
        ("utf-8", "Ho va ten\tE-mail\tDon vi\n"),
    ],
)
def test_excel_style_files(tmp_path, departments, encoding, text):
    sep = ";" if ";" in text else "\t" if "\t" in text else ","
    row = sep.join(['"Nguyễn Thị Lan"', "lan.nguyen@truong.edu.vn", "Khoa Toán – Tin"])
    output = run(tmp_path, text + row + "\r\n\r\n", encoding=encoding)
    assert "Tạo mới 1" in output
    assert members().get().get_full_name() == "Nguyễn Thị Lan"


def test_a_file_without_the_columns_is_refused_clearly(tmp_path, departments):
    with pytest.raises(CommandError, match="Còn thiếu: Email, Đơn vị"):
        run(tmp_path, "Họ và tên,Điện thoại\nNguyễn Thị Lan,0905 123 456\n")
    with pytest.raises(CommandError, match="Tệp trống"):
        run(tmp_path, "")
    with pytest.raises(CommandError, match="Không đọc được"):
        call_command("import_members", str(tmp_path / "khong-co.csv"), stdout=io.StringIO())
