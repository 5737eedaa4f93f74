package vn.hocso.lms.scale;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import vn.hocso.lms.coverage.domain.StatementReading;
import vn.hocso.lms.people.domain.StaffEmployment;
import vn.hocso.lms.units.control.OfficialUnits;

/**
 * A synthetic country for the national-scale benchmark (issue 7, item 6): the real 34 provinces and
 * 3,321 communes (the official lists the LMS ships, MIT, see vn-admin-units-2025/SOURCE.md), and at
 * scale 1 about 30,000 branches, 2,000,000 people (members, non-members, Union staff with positions
 * at every level) and 20,000,000 xAPI statements over 18 months (July 2025 to November 2026):
 * enrolments, launches, lesson views, quiz answers, quiz results, completions, course passes,
 * certificates, a few voidings and statements that count nothing. Smaller sizes by {@code scale}.
 *
 * <p>Deterministic: everything follows from the seed and the scale. Each person draws from her own
 * {@link Random} (seeded by the seed and her number), so her statements can be generated apart from
 * the rest, after the real import has given her an xAPI account, and in any order. Statement ids
 * are name-based UUIDs of the seed and her number: the same in every loader.
 */
public final class SyntheticCountry {

  /** The first day of the data set (the two-level tree's first day) and the last. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);

  public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 27);

  /** A published course the statements name: its id (fixed), slug and track. */
  public record Course(long id, String slug, String track, int lessons, int questions) {
    public String iri() {
      return StatementReading.COURSE_PREFIX + slug;
    }
  }

  /** The courses: three or four per track, staff courses in UNION_WORK. */
  public static final List<Course> COURSES =
      List.of(
          new Course(900_001, "thanh-toan-dien-tu", "ELECTRONIC_PAYMENT", 4, 8),
          new Course(900_002, "vietqr-an-toan", "ELECTRONIC_PAYMENT", 3, 6),
          new Course(900_003, "phong-chong-lua-dao", "ELECTRONIC_PAYMENT", 5, 10),
          new Course(900_004, "ban-hang-truc-tuyen", "E_COMMERCE", 6, 10),
          new Course(900_005, "san-thuong-mai", "E_COMMERCE", 4, 8),
          new Course(900_006, "livestream-ban-hang", "E_COMMERCE", 3, 5),
          new Course(900_007, "dich-vu-cong", "ONLINE_PUBLIC_SERVICES", 4, 8),
          new Course(900_008, "vneid", "ONLINE_PUBLIC_SERVICES", 3, 6),
          new Course(900_009, "ky-nang-can-bo-hoi", "UNION_WORK", 5, 10),
          new Course(900_010, "chuyen-doi-so-cho-can-bo", "UNION_WORK", 4, 8));

  /** A branch: the commune it lies in and its number there (its name is "Chi hội số n"). */
  public record Branch(String communeCode, int number) {
    public String name() {
      return "Chi hội số " + number;
    }
  }

  /**
   * Where a person is homed: a branch (communeCode and number), a commune (number 0) or, for staff
   * of a province or of Central, that unit (communeCode is the province's 2-digit code or "" for
   * Central).
   */
  public record Home(String communeCode, int branch) {}

  /** A person as the import would have her. */
  public record PersonSpec(
      int number,
      String fullName,
      int birthYear,
      String phone,
      boolean member,
      StaffEmployment staff,
      String position,
      Home home,
      LocalDate since,
      Home movedTo,
      LocalDate movedOn) {}

  /** A statement: its id and JSON, as a learner page (or the LRS's query feed) has it. */
  public record GeneratedStatement(UUID id, String json) {}

  static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý"
  };
  static final String[] MIDDLE = {"Thị", "Thị Thu", "Thị Ngọc", "Thị Thanh", "Thị Minh", "Ngọc"};
  static final String[] GIVEN = {
    "An", "Bình", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên", "Mai", "Nga",
    "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Tuyết", "Vân", "Xuân", "Yến"
  };
  static final String[] POSITIONS = {"Chủ tịch", "Phó Chủ tịch", "Ủy viên Ban Thường vụ"};

  private final long seed;
  private final double scale;
  private final List<OfficialUnits.Province> provinces = OfficialUnits.provinces();
  private final List<OfficialUnits.Commune> communes = OfficialUnits.communes();
  private final List<Branch> branches = new ArrayList<>();
  private final int people;

  public SyntheticCountry(long seed, double scale) {
    if (scale <= 0 || scale > 1) {
      throw new IllegalArgumentException("scale must lie in (0, 1]: " + scale);
    }
    this.seed = seed;
    this.scale = scale;
    this.people = (int) Math.round(2_000_000 * scale);
    // Branches in communes drawn with replacement: a commune has 0 to a dozen or so (about 9 on
    // average at full scale), numbered from 1 in the order drawn.
    var random = new Random(seed);
    var perCommune = new int[communes.size()];
    long count = Math.round(30_000 * scale);
    for (long i = 0; i < count; i++) {
      int commune = random.nextInt(communes.size());
      branches.add(new Branch(communes.get(commune).code(), ++perCommune[commune]));
    }
  }

  public long seed() {
    return seed;
  }

  public double scale() {
    return scale;
  }

  public List<OfficialUnits.Province> provinces() {
    return provinces;
  }

  public List<OfficialUnits.Commune> communes() {
    return communes;
  }

  public List<Branch> branches() {
    return branches;
  }

  public int people() {
    return people;
  }

  private Random randomOf(int number) {
    return new Random(seed * 1_000_003L + number);
  }

  /**
   * Person {@code number} (0-based): 85% live in a branch, 13% directly in a commune; 2% are Union
   * staff (of a commune 85%, a province 14%, Central 1%) with a position; 70% are members; 3% move
   * to another home once.
   */
  public PersonSpec person(int number) {
    var random = randomOf(number);
    var name =
        FAMILY[random.nextInt(FAMILY.length)]
            + " "
            + MIDDLE[random.nextInt(MIDDLE.length)]
            + " "
            + GIVEN[random.nextInt(GIVEN.length)];
    int birthYear = 1950 + random.nextInt(56);
    // Unique, deterministic and valid (0 and nine digits): the key the loaders compare people by.
    var phone = String.format("09%08d", number);
    int roll = random.nextInt(100);
    StaffEmployment staff = null;
    String position = null;
    Home home;
    if (roll < 2) {
      staff = random.nextInt(3) == 0 ? StaffEmployment.PART_TIME : StaffEmployment.FULL_TIME;
      position = POSITIONS[random.nextInt(POSITIONS.length)];
      home = randomHome(random, true);
    } else {
      home = randomHome(random, false);
    }
    boolean member = staff != null || random.nextInt(100) < 70;
    var since = FIRST_DAY.plusDays(random.nextInt(365) < 250 ? 0 : random.nextInt(365));
    Home movedTo = null;
    LocalDate movedOn = null;
    if (staff == null && random.nextInt(100) < 3) {
      movedTo = randomHome(random, false);
      movedOn =
          since.plusDays(30 + random.nextInt((int) (LAST_DAY.toEpochDay() - since.toEpochDay())));
      if (movedTo.equals(home) || movedOn.isAfter(LAST_DAY)) {
        movedTo = null;
        movedOn = null;
      }
    }
    return new PersonSpec(
        number, name, birthYear, phone, member, staff, position, home, since, movedTo, movedOn);
  }

  private Home randomHome(Random random, boolean staff) {
    if (staff) {
      int level = random.nextInt(100);
      if (level == 0) {
        return new Home("", 0);
      }
      if (level < 15) {
        return new Home(provinces.get(random.nextInt(provinces.size())).code(), 0);
      }
    }
    if (!staff && !branches.isEmpty() && random.nextInt(100) < 87) {
      var branch = branches.get(random.nextInt(branches.size()));
      return new Home(branch.communeCode(), branch.number());
    }
    return new Home(communes.get(random.nextInt(communes.size())).code(), 0);
  }

  /** Where a staff member of a province or Central lives: the LMS keeps her there. */
  public static boolean isAboveCommune(Home home) {
    return home.communeCode().length() < 5;
  }

  /**
   * Her statements, in the order a learner's pages send them. 55% of people learn (staff always
   * take a UNION_WORK course); a learner enrols in 1–3 courses; of the enrolments a quarter stop
   * after a lesson or two, a fifth half way, the rest finish (a third of those fail the quiz once),
   * pass and complete, nine in ten get the certificate. One statement in a thousand is voided
   * afterwards.
   */
  public List<GeneratedStatement> statements(PersonSpec person, String account) {
    // A stream of its own, apart from the person's draws in person(number).
    final var random = new Random(randomOf(person.number()).nextLong() ^ 0x5DEECE66DL);
    var out = new ArrayList<GeneratedStatement>();
    boolean learns = person.staff() != null || random.nextInt(100) < 55;
    if (!learns) {
      return out;
    }
    int roll = random.nextInt(10);
    int enrolments = roll < 5 ? 1 : roll < 8 ? 2 : 3;
    var taken = new ArrayList<Course>();
    if (person.staff() != null) {
      taken.add(COURSES.get(8 + random.nextInt(2)));
    }
    while (taken.size() < enrolments) {
      var course = COURSES.get(random.nextInt(COURSES.size()));
      if (!taken.contains(course)) {
        taken.add(course);
      }
    }
    var counter = new int[1];
    var first = person.since().isAfter(FIRST_DAY) ? person.since() : FIRST_DAY;
    long span = LAST_DAY.toEpochDay() - first.toEpochDay();
    for (var course : taken) {
      var day = first.plusDays(random.nextInt((int) Math.max(1, span)));
      var registration = new UUID(seed ^ person.number(), out.size() + 1L);
      var emit =
          new Object() {
            void statement(String verb, String object, boolean inCourse, String parent) {
              var id = statementId(person.number(), counter[0]++);
              out.add(
                  new GeneratedStatement(
                      id,
                      json(
                          id,
                          account,
                          verb,
                          object,
                          inCourse ? course.iri() : null,
                          parent,
                          registration,
                          day(random))));
            }

            LocalDate current = day;

            LocalDate day(Random r) {
              if (r.nextInt(4) == 0) {
                current = current.plusDays(r.nextInt(5));
              }
              if (current.isAfter(LAST_DAY)) {
                current = LAST_DAY;
              }
              return current;
            }
          };
      emit.statement(VERBS + "registered", course.iri(), false, null);
      emit.statement(VERBS + "launched", course.iri(), false, null);
      int stop = random.nextInt(100);
      int lessons =
          stop < 25 ? random.nextInt(3) : stop < 45 ? course.lessons() / 2 : course.lessons();
      for (int l = 1; l <= Math.min(lessons, course.lessons()); l++) {
        emit.statement(
            VERBS + "experienced",
            course.iri() + "/lesson/bai-" + l,
            true,
            course.iri() + "/module/m1");
      }
      if (stop < 25) {
        continue;
      }
      var quiz = course.iri() + "/quiz/kiem-tra";
      int questions = stop < 45 ? course.questions() / 2 : course.questions();
      for (int q = 1; q <= questions; q++) {
        emit.statement(VERBS + "answered", quiz + "/question/q" + q, true, quiz);
      }
      if (stop < 45) {
        continue;
      }
      if (random.nextInt(3) == 0) {
        emit.statement(VERBS + "failed", quiz, true, null);
        for (int q = 1; q <= course.questions() / 2; q++) {
          emit.statement(VERBS + "answered", quiz + "/question/q" + q, true, quiz);
        }
      }
      emit.statement(VERBS + "passed", quiz, true, null);
      emit.statement(VERBS + "passed", course.iri(), false, null);
      emit.statement(VERBS + "completed", course.iri(), false, null);
      if (random.nextInt(10) < 9) {
        emit.statement(
            "http://id.tincanapi.com/verb/earned",
            "https://hocso.vn/xapi/activities/certificate/" + registration,
            true,
            null);
      }
      emit.statement(VERBS + "terminated", course.iri(), false, null);
    }
    // An officer's correction: a statement voided afterwards.
    int size = out.size();
    for (int i = 0; i < size; i++) {
      if (random.nextInt(1000) == 0) {
        var id = statementId(person.number(), counter[0]++);
        out.add(new GeneratedStatement(id, voiding(id, out.get(i).id(), account)));
      }
    }
    return out;
  }

  static final String VERBS = StatementReading.VERBS;

  private UUID statementId(int person, int n) {
    return UUID.nameUUIDFromBytes(
        ("hocso-country/" + seed + "/" + person + "/" + n).getBytes(StandardCharsets.UTF_8));
  }

  private static String agent(String account) {
    return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\""
        + StatementReading.HOME_PAGE
        + "\",\"name\":\""
        + account
        + "\"}}";
  }

  static String json(
      UUID id,
      String account,
      String verb,
      String object,
      String grouping,
      String parent,
      UUID registration,
      LocalDate day) {
    var context = new StringBuilder("{\"registration\":\"" + registration + "\"");
    if (grouping != null) {
      context.append(",\"contextActivities\":{\"grouping\":[{\"id\":\"").append(grouping);
      context.append("\"}]");
      if (parent != null) {
        context.append(",\"parent\":[{\"id\":\"").append(parent).append("\"}]");
      }
      context.append('}');
    }
    context.append('}');
    // Office hours, Vietnam time: the day is the same in UTC and in Vietnam.
    var at = day.atTime(LocalTime.of(9, 0)).atZone(StatementReading.VIETNAM).toOffsetDateTime();
    return "{\"id\":\""
        + id
        + "\",\"actor\":"
        + agent(account)
        + ",\"verb\":{\"id\":\""
        + verb
        + "\"},\"object\":{\"objectType\":\"Activity\",\"id\":\""
        + object
        + "\"},\"context\":"
        + context
        + ",\"timestamp\":\""
        + at
        + "\"}";
  }

  static String voiding(UUID id, UUID target, String account) {
    return "{\"id\":\""
        + id
        + "\",\"actor\":"
        + agent(account)
        + ",\"verb\":{\"id\":\""
        + VERBS
        + "voided\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
        + target
        + "\"}}";
  }

  /** The deterministic xAPI account the bulk loader gives person {@code number}. */
  public UUID bulkAccount(int number) {
    return UUID.nameUUIDFromBytes(
        ("hocso-country-account/" + seed + "/" + number).getBytes(StandardCharsets.UTF_8));
  }
}
