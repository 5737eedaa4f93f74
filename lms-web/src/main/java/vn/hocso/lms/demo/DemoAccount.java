package vn.hocso.lms.demo;

import java.util.List;
import vn.hocso.lms.accounts.domain.Role;

/** One demo login per role. Demo only: never enable demo data on a real installation. */
public record DemoAccount(
    String username, String displayName, Role role, String scopeCode, String roleLabel) {

  /** The password of every demo account. */
  public static final String PASSWORD = "hocso-demo";

  /** The commune and province the demo accounts live in: Phường Ba Đình, Hà Nội. */
  static final String DEMO_COMMUNE = "00004";

  static final String DEMO_PROVINCE = "01";

  public static final List<DemoAccount> ALL =
      List.of(
          new DemoAccount("hocvien", "Nguyễn Thị Lan", Role.LEARNER, null, "học viên / learner"),
          new DemoAccount(
              "giangvien", "Trần Thị Hoa", Role.TRAINER, DEMO_COMMUNE, "giảng viên / trainer"),
          new DemoAccount(
              "canbo.xa",
              "Lê Thị Mai",
              Role.UNIT_OFFICER,
              DEMO_COMMUNE,
              "cán bộ Hội cấp xã / commune officer"),
          new DemoAccount(
              "canbo.tinh",
              "Phạm Thị Hồng",
              Role.UNIT_OFFICER,
              DEMO_PROVINCE,
              "cán bộ Hội cấp tỉnh / province officer"),
          new DemoAccount(
              "quantri",
              "Hoàng Thị Thu",
              Role.CENTRAL_ADMIN,
              null,
              "quản trị Trung ương / central admin"));
}
