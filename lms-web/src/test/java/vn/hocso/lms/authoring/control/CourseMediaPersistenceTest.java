package vn.hocso.lms.authoring.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Persistence;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.hocso.content.course.domain.Level;
import vn.hocso.content.course.domain.Track;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.accounts.domain.Role;
import vn.hocso.lms.platform.LmsSchema;
import vn.hocso.lms.platform.TestDatabases;
import vn.hocso.lms.platform.Transactions;
import vn.hocso.lms.units.domain.OrgUnit;

/**
 * The authoring tables of V12 on H2 and MariaDB: a course with its owner, an uploaded image stored
 * and read back byte for byte, and an image block that refers to it.
 */
class CourseMediaPersistenceTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void storesAnUploadedImageAndAnImageBlockUsingIt(TestDatabases kind) throws Exception {
    try (var database = kind.create()) {
      LmsSchema.migrate(database.dataSource());
      var factory =
          Persistence.createEntityManagerFactory("hocso", database.persistenceProperties());
      try {
        var trainer =
            Transactions.inTransaction(
                factory,
                em -> {
                  var central = OrgUnit.central("Trung ương Hội", LocalDate.of(2025, 7, 1));
                  em.persist(central);
                  var account = new Account("hoa", "mat-khau-dai".toCharArray(), "Hoa", central);
                  account.grant(Role.TRAINER, central);
                  em.persist(account);
                  em.flush();
                  return Caller.of(account);
                });
        var photo =
            ImageUploadsTest.bytes(
                new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB), "png");
        var ids =
            Transactions.inTransaction(
                factory,
                em -> {
                  var service = new CourseAuthoring(em, Clock.systemUTC());
                  var id =
                      service.create(
                          trainer,
                          new CourseDetails(
                              "Ảnh sản phẩm",
                              null,
                              "Chụp ảnh đẹp",
                              null,
                              Track.E_COMMERCE,
                              Level.BASIC,
                              15));
                  var module = service.addModule(trainer, id, "Chụp ảnh");
                  var lesson = service.addLesson(trainer, id, module, "Ánh sáng");
                  var reference = service.uploadImage(trainer, id, photo);
                  service.addImage(trainer, id, lesson, reference, "Một chiếc áo", null);
                  return new Object[] {id, reference};
                });
        long id = (Long) ids[0];
        var file = ((String) ids[1]).substring("media/".length());

        var em = factory.createEntityManager();
        var service = new CourseAuthoring(em, Clock.systemUTC());
        var media = service.media(trainer, id, file).orElseThrow();
        assertThat(media.width()).isEqualTo(1280);
        assertThat(media.contentType()).isEqualTo("image/jpeg");
        assertThat(media.content()).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(service.lesson(trainer, id, "anh-sang").blocks())
            .singleElement()
            .satisfies(block -> assertThat(block.mediaFile()).isEqualTo(file));
        em.close();

        assertThatThrownBy(
                () ->
                    Transactions.inTransaction(
                        factory,
                        em2 -> {
                          new CourseAuthoring(em2, Clock.systemUTC())
                              .addImage(trainer, id, "anh-sang", "media/khong-co.jpg", "x", null);
                          return null;
                        }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("No uploaded image");

        // A cmi5 import stores external units in the V15 columns and reads them back unchanged.
        long imported;
        try (var xml =
            getClass().getResourceAsStream("/vn/hocso/lms/authoring/cmi5-two-units.xml")) {
          imported =
              Transactions.inTransaction(
                  factory,
                  em3 ->
                      new CourseAuthoring(em3, Clock.systemUTC())
                          .importCmi5(trainer, xml, Track.ONLINE_PUBLIC_SERVICES, 25));
        }
        var em4 = factory.createEntityManager();
        try {
          var course = em4.find(vn.hocso.content.course.domain.Course.class, imported);
          var unit =
              (vn.hocso.content.course.domain.ExternalAuBlock)
                  course.workingVersion().orElseThrow().lessons().get(1).blocks().get(0);
          assertThat(unit.auId()).isEqualTo("https://noidung.example.vn/au/dang-nhap-vneid");
          assertThat(unit.url()).isEqualTo("https://noidung.example.vn/au/dang-nhap-vneid/");
          assertThat(unit.moveOn())
              .isEqualTo(vn.hocso.content.course.domain.ExternalAuBlock.MoveOn.COMPLETED_OR_PASSED);
          assertThat(unit.launchMethod())
              .isEqualTo(vn.hocso.content.course.domain.ExternalAuBlock.LaunchMethod.OWN_WINDOW);
          assertThat(unit.masteryScore()).isEqualByComparingTo("0.8125");
          assertThat(unit.launchParameters()).isEqualTo("Mode=Normal");
        } finally {
          em4.close();
        }
      } finally {
        factory.close();
      }
    }
  }
}
