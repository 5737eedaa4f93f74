package vn.hocso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST half of issue 4's authorisation matrix, black-box over HTTP on the shared MariaDB
 * platform: each role (learner, trainer, commune officer, province officer, central admin) × target
 * inside / outside its scope × each operation of {@code /api/v1}. Inside: 2xx. Outside: 404 (the
 * API answers "not found or not yours" alike, so nothing of another province is told) and every
 * table a write could touch is unchanged. Lists filter rather than refuse: outside, the target is
 * not among the items.
 *
 * <p>The rows follow the service-level matrix ({@code lms-web} {@code AuthorisationMatrixTest}):
 * the same actors and the same policies ({@link Policy}), so both can be read side by side. Each
 * write works on units and people made for its row, so rows do not depend on each other and other
 * tests on the shared platform keep the demo tree as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnionApiScopeIT {

  enum Actor {
    LEARNER("hocvien"),
    TRAINER("giangvien"),
    COMMUNE_OFFICER("canbo.xa"),
    PROVINCE_OFFICER("canbo.tinh"),
    CENTRAL_ADMIN("quantri");

    final String username;

    Actor(String username) {
      this.username = username;
    }
  }

  /** Who may reach what, as in the service matrix. */
  enum Policy {
    /** Unit officers and the central admin, within their subtrees. */
    SCOPED,
    /** Herself (the learner), and officers whose subtree holds her home unit. */
    PERSONAL,
    /**
     * The officers above the unit: a commune officer reorganises her branches, never her commune.
     */
    LEVEL_ABOVE;

    boolean hasInside(Actor actor) {
      return switch (this) {
        case SCOPED, LEVEL_ABOVE -> actor.ordinal() >= Actor.COMMUNE_OFFICER.ordinal();
        // The demo trainer's login has no person of its own: nothing of hers to read.
        case PERSONAL -> actor != Actor.TRAINER;
      };
    }

    boolean hasOutside(Actor actor) {
      return actor != Actor.CENTRAL_ADMIN;
    }
  }

  static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
  static final String TOMORROW =
      LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();

  static PlatformProcess platform;
  static HttpClient http;
  static long badinh; // canbo.xa's commune, in canbo.tinh's province
  static long hoankiem; // another commune of Hà Nội
  static long hanoi;
  static long phuxuan; // a ward of Huế: another province
  static long anotherHueCommune;
  static long learnerPerson; // hocvien's own person, homed in a branch of Ba Đình
  static final AtomicInteger serial = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    platform = SharedPlatform.get();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    badinh = count("select id from org_unit where code = '00004'");
    hoankiem = count("select id from org_unit where code = '00070'");
    hanoi = count("select id from org_unit where code = '01'");
    phuxuan = count("select id from org_unit where code = '19753'");
    anotherHueCommune =
        count(
            "select min(id) from org_unit where kind = 'COMMUNE' and valid_to is null"
                + " and parent_id = (select id from org_unit where code = '46') and id <> "
                + phuxuan);
    learnerPerson =
        count("select person_id from account where username = '" + Actor.LEARNER.username + "'");
  }

  // ---------------------------------------------------------------------------------------------
  // Authentication.

  @Test
  @Order(1)
  void withoutCredentialsTheApiAnswers401WithAChallengeNotALoginPage() throws Exception {
    var response = send("GET", "/api/v1/units", null, null, null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
    assertThat(response.headers().firstValue("Location")).isEmpty();
    assertThat(json(response).getString("message")).contains("đăng nhập");
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();

    var wrong = send("GET", "/api/v1/units", "canbo.tinh:sai-mat-khau", null, null);
    assertThat(wrong.statusCode()).isEqualTo(401);

    // The pages still use the form: a visitor of a page is sent to the login page.
    var page = send("GET", "/app/units.xhtml", null, null, null);
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(value -> assertThat(value).contains("/login.xhtml"));
  }

  @Test
  @Order(1)
  void aPageSessionCookieDoesNotAuthenticateTheApi() throws Exception {
    // Basic creates no session; a session cookie alone is not a credential for the API.
    var response =
        http.send(
            HttpRequest.newBuilder(platform.uri("/api/v1/units"))
                .header("Cookie", "JSESSIONID=whatever")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void guessingPasswordsOverTheApiIsThrottledAsOnTheForm() throws Exception {
    // A name nobody has: the lockout must not reach the demo accounts other tests use.
    var user = "khong.co.ai." + System.nanoTime() + ":sai";
    for (int i = 0; i < 5; i++) {
      assertThat(send("GET", "/api/v1/units", user, null, null).statusCode()).isEqualTo(401);
    }
    var locked = send("GET", "/api/v1/units", user, null, null);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(locked).getString("message")).contains("Thử lại sau");
  }

  @Test
  @Order(3)
  void errorsSpeakVietnameseFirstAndEnglishOnRequest() throws Exception {
    var vi = send("GET", "/api/v1/units/" + phuxuan, "canbo.tinh", null, null);
    assertThat(vi.statusCode()).isEqualTo(404);
    assertThat(json(vi).getString("message"))
        .isEqualTo("Không tìm thấy, hoặc không thuộc phạm vi chị quản lý.");
    var en =
        http.send(
            request("GET", "/api/v1/units/" + phuxuan, "canbo.tinh", null, null)
                .header("Accept-Language", "en")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(json(en).getString("message")).isEqualTo("Not found, or not within your scope.");
    // An id that does not exist at all: the same answer as another province's unit.
    var absent = send("GET", "/api/v1/units/987654321", "canbo.tinh", null, null);
    assertThat(absent.statusCode()).isEqualTo(404);
    assertThat(absent.body()).isEqualTo(vi.body());
    var absentRename =
        send(
            "POST",
            "/api/v1/units/987654321/rename",
            "quantri",
            "{\"name\":\"X\"}",
            "application/json");
    assertThat(absentRename.statusCode()).isEqualTo(404);
    // A rule of the domain: 422 with the rule's message.
    var body = "{\"name\":\"Chi hội có mã\",\"kind\":\"BRANCH\",\"code\":\"12345\"}";
    var rule = post(Actor.PROVINCE_OFFICER, "/api/v1/units/" + badinh + "/children", body);
    assertThat(rule.statusCode()).isEqualTo(422);
    assertThat(json(rule).getString("error")).isEqualTo("rule");
    // A body without its Content-Type: 415, in the same JSON shape.
    var untyped = send("POST", "/api/v1/units/" + badinh + "/children", "canbo.tinh", body, null);
    assertThat(untyped.statusCode()).isEqualTo(415);
    assertThat(json(untyped).getInt("status")).isEqualTo(415);
    // Unreadable JSON: 400.
    var bad =
        send("POST", "/api/v1/units/" + badinh + "/rename", "canbo.tinh", "{", "application/json");
    assertThat(bad.statusCode()).isEqualTo(400);
    // A list holding null: 400 naming the element, not a failure inside (it was a 500).
    var nullSource =
        send(
            "POST",
            "/api/v1/units/" + badinh + "/merge",
            "canbo.tinh",
            "{\"sourceIds\":[null]}",
            "application/json");
    assertThat(nullSource.statusCode()).isEqualTo(400);
    assertThat(json(nullSource).getString("message")).contains("sourceIds[0]");
    var nullPart =
        send(
            "POST",
            "/api/v1/units/" + badinh + "/split",
            "canbo.tinh",
            "{\"parts\":[{\"name\":\"A\"},null]}",
            "application/json");
    assertThat(nullPart.statusCode()).isEqualTo(400);
    assertThat(json(nullPart).getString("message")).contains("parts[1]");
    // A JSON body over the cap (256 KB): 413, and the unit keeps its name.
    var huge =
        send(
            "POST",
            "/api/v1/units/" + badinh + "/rename",
            "canbo.tinh",
            "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}",
            "application/json");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(json(huge).getString("error")).isEqualTo("too-large");
  }

  // ---------------------------------------------------------------------------------------------
  // The matrix.

  /**
   * One operation: makes what its row needs (as the central admin), then returns the actor's
   * request, so that a refused row's tables are compared around her request alone.
   */
  interface Operation {
    Call prepare(Actor actor, boolean inside) throws Exception;
  }

  /** The actor's request of one row. */
  interface Call {
    HttpResponse<String> run() throws Exception;
  }

  record Row(String operation, Actor actor, boolean inside) {
    @Override
    public String toString() {
      return operation + " by " + actor + " on " + (inside ? "INSIDE" : "OUTSIDE") + " target";
    }
  }

  @Test
  @Order(10)
  void everyRoleReachesExactlyItsOwnScopeOverRest() throws Exception {
    var operations = new LinkedHashMap<String, Map.Entry<Policy, Operation>>();
    operations.put(
        "units.get",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long unit = scopedUnit(a, in);
              return () -> get(a, "/api/v1/units/" + unit);
            }));
    operations.put(
        "units.children",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long unit = scopedUnit(a, in);
              return () -> get(a, "/api/v1/units/" + unit + "/children?limit=5");
            }));
    operations.put(
        "units.create",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long unit = scopedUnit(a, in);
              var name = "Chi hội API " + serial.incrementAndGet();
              return () ->
                  post(
                      a,
                      "/api/v1/units/" + unit + "/children",
                      "{\"name\":\"" + name + "\",\"kind\":\"BRANCH\"}");
            }));
    operations.put(
        "units.impact",
        Map.entry(
            Policy.LEVEL_ABOVE,
            (a, in) -> {
              long unit = freshUnit(a, in);
              return () -> get(a, "/api/v1/units/" + unit + "/impact");
            }));
    operations.put(
        "units.rename",
        Map.entry(
            Policy.LEVEL_ABOVE,
            (a, in) -> {
              long unit = freshUnit(a, in);
              var name = "Chi hội Đổi Tên " + serial.incrementAndGet();
              return () ->
                  post(
                      a,
                      "/api/v1/units/" + unit + "/rename",
                      "{\"name\":\"" + name + "\",\"on\":\"" + TOMORROW + "\"}");
            }));
    operations.put(
        "units.move",
        Map.entry(
            Policy.LEVEL_ABOVE,
            (a, in) -> {
              long unit = movingUnit(a, in);
              long under = moveTarget(a, in);
              return () ->
                  post(
                      a,
                      "/api/v1/units/" + unit + "/move",
                      "{\"parentId\":" + under + ",\"on\":\"" + TOMORROW + "\"}");
            }));
    operations.put(
        "units.merge",
        Map.entry(
            Policy.LEVEL_ABOVE,
            (a, in) -> {
              // Outside: another scope's unit merged into one of hers (or, for the learner and
              // the trainer, who have none, into a unit of Ba Đình).
              long target =
                  freshUnitUnder(
                      a.ordinal() < Actor.COMMUNE_OFFICER.ordinal() ? badinh : scopedUnit(a, true));
              long source =
                  in ? freshUnitUnder(scopedUnit(a, true)) : freshUnitUnder(outsideParent(a));
              return () ->
                  post(
                      a,
                      "/api/v1/units/" + target + "/merge",
                      "{\"sourceIds\":[" + source + "],\"on\":\"" + TOMORROW + "\"}");
            }));
    operations.put(
        "units.split",
        Map.entry(
            Policy.LEVEL_ABOVE,
            (a, in) -> {
              long unit = freshUnit(a, in);
              int first = serial.incrementAndGet();
              return () ->
                  post(
                      a,
                      "/api/v1/units/" + unit + "/split",
                      "{\"parts\":[{\"name\":\"Chi hội Tách "
                          + first
                          + "a\"},{\"name\":\"Chi hội Tách "
                          + first
                          + "b\"}],\"on\":\""
                          + TOMORROW
                          + "\"}");
            }));
    operations.put(
        "units.close",
        Map.entry(
            Policy.LEVEL_ABOVE,
            (a, in) -> {
              long unit = freshUnit(a, in);
              return () ->
                  post(a, "/api/v1/units/" + unit + "/close", "{\"on\":\"" + TOMORROW + "\"}");
            }));
    operations.put(
        "people.list",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long unit = scopedUnit(a, in);
              return () -> get(a, "/api/v1/people?unit=" + unit + "&limit=5");
            }));
    operations.put(
        "people.get",
        Map.entry(
            Policy.PERSONAL,
            (a, in) -> {
              long woman = person(a, in);
              return () -> get(a, "/api/v1/people/" + woman);
            }));
    operations.put(
        "people.create",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long unit = scopedUnit(a, in);
              var name = "Thêm Qua API " + serial.incrementAndGet();
              return () ->
                  post(
                      a,
                      "/api/v1/people",
                      "{\"unitId\":" + unit + ",\"fullName\":\"" + name + "\",\"birthYear\":1990}");
            }));
    operations.put(
        "people.update",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long woman = freshPerson(scopedUnit(a, in));
              return () ->
                  send(
                      "PUT",
                      "/api/v1/people/" + woman,
                      a.username,
                      "{\"fullName\":\"Sửa Qua API "
                          + serial.incrementAndGet()
                          + "\",\"birthYear\":1986,\"member\":true}",
                      "application/json");
            }));
    operations.put(
        "people.transfer",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long woman = freshPerson(scopedUnit(a, in));
              long to = freshUnitUnder(scopedUnit(a, in));
              return () ->
                  post(
                      a,
                      "/api/v1/people/" + woman + "/transfer",
                      "{\"unitId\":" + to + ",\"on\":\"" + TOMORROW + "\"}");
            }));
    operations.put(
        "people.transferOut",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              // Her own woman, moved to a unit inside (allowed) or outside her scope (refused).
              long woman =
                  freshPerson(
                      a.ordinal() < Actor.COMMUNE_OFFICER.ordinal() ? badinh : scopedUnit(a, true));
              long to = freshUnitUnder(in ? scopedUnit(a, true) : outsideParent(a));
              return () ->
                  post(
                      a,
                      "/api/v1/people/" + woman + "/transfer",
                      "{\"unitId\":" + to + ",\"on\":\"" + TOMORROW + "\"}");
            }));
    operations.put(
        "people.erase",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long woman = freshPerson(scopedUnit(a, in));
              return () ->
                  send(
                      "DELETE",
                      "/api/v1/people/" + woman + "/personal-data",
                      a.username,
                      null,
                      null);
            }));
    operations.put(
        "roles.list",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long woman = in ? learnerPerson : person(a, false);
              return () -> get(a, "/api/v1/people/" + woman + "/roles");
            }));
    operations.put(
        "roles.grantAndRevoke",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              // The learner's own login (homed in Ba Đình) gets a trainer role over a unit inside
              // the actor's scope, then loses it; outside, over a unit beyond it.
              long unit = in ? badinh : outsideParent(a);
              return () -> {
                var granted =
                    post(
                        a,
                        "/api/v1/people/" + learnerPerson + "/roles",
                        "{\"role\":\"TRAINER\",\"unitId\":" + unit + "}");
                if (granted.statusCode() / 100 != 2) {
                  return granted;
                }
                return send(
                    "DELETE",
                    "/api/v1/people/" + learnerPerson + "/roles/TRAINER?unit=" + unit,
                    a.username,
                    null,
                    null);
              };
            }));
    operations.put(
        "roles.grantToOutsider",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              long woman = in ? learnerPerson : person(a, false);
              return () -> {
                var granted =
                    post(
                        a,
                        "/api/v1/people/" + woman + "/roles",
                        "{\"role\":\"TRAINER\",\"unitId\":" + badinh + "}");
                if (granted.statusCode() / 100 != 2) {
                  return granted;
                }
                return send(
                    "DELETE",
                    "/api/v1/people/" + woman + "/roles/TRAINER?unit=" + badinh,
                    a.username,
                    null,
                    null);
              };
            }));
    operations.put(
        "import.checkAndCommit",
        Map.entry(
            Policy.SCOPED,
            (a, in) -> {
              var code = communeCode(scopedUnit(a, in));
              var file =
                  "Họ và tên,Năm sinh,Số điện thoại,Mã xã\nNhập Qua API "
                      + serial.incrementAndGet()
                      + ",1979,,"
                      + code
                      + "\n";
              return () -> {
                var checked = send("POST", "/api/v1/people/imports", a.username, file, "text/csv");
                if (checked.statusCode() != 201) {
                  return checked;
                }
                return post(
                    a, "/api/v1/people/imports/" + json(checked).getString("id") + "/commit", "");
              };
            }));

    var rows = new ArrayList<Row>();
    var failures = new ArrayList<String>();
    for (var entry : operations.entrySet()) {
      var policy = entry.getValue().getKey();
      for (var actor : Actor.values()) {
        for (boolean inside : new boolean[] {true, false}) {
          if (inside ? !policy.hasInside(actor) : !policy.hasOutside(actor)) {
            continue;
          }
          var row = new Row(entry.getKey(), actor, inside);
          rows.add(row);
          HttpResponse<String> response;
          List<String> before;
          try {
            var call = entry.getValue().getValue().prepare(actor, inside);
            before = inside ? null : tables();
            response = call.run();
          } catch (Exception | AssertionError e) {
            failures.add(row + ": " + e);
            continue;
          }
          int status = response.statusCode();
          if (inside && status / 100 != 2) {
            failures.add(row + ": expected 2xx, got " + status + " " + response.body());
          } else if (!inside && !refused(entry.getKey(), response)) {
            failures.add(row + ": expected a refusal, got " + status + " " + response.body());
          } else if (!inside) {
            var after = tables();
            if (!after.equals(before)) {
              failures.add(row + ": refused but the tables changed");
            }
          }
        }
      }
    }
    assertThat(failures).as("rows that failed among " + rows.size()).isEmpty();
    // 19 operations × 7 rows (3 actors inside, 4 outside) + people.get × 8 (the learner's inside).
    assertThat(rows).hasSize(141);
  }

  @Test
  @Order(11)
  void listsAndSearchesDoNotShowAnotherProvince() throws Exception {
    var search = json(get(Actor.PROVINCE_OFFICER, "/api/v1/units?q=phu%20xuan"));
    assertThat(search.getJsonArray("items").toString()).doesNotContain("Phú Xuân");
    var own = json(get(Actor.PROVINCE_OFFICER, "/api/v1/units?q=ba%20dinh"));
    assertThat(own.getJsonNumber("total").longValue()).isPositive();
    assertThat(own.getJsonArray("items").toString()).contains("Ba Đình");
    var people = json(get(Actor.PROVINCE_OFFICER, "/api/v1/people?limit=200&q=api"));
    for (var item : people.getJsonArray("items")) {
      assertThat(item.asJsonObject().getString("unitCode", "")).isNotEqualTo("19753");
    }
    // Central sees both.
    assertThat(get(Actor.CENTRAL_ADMIN, "/api/v1/units/" + phuxuan).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(12)
  void importReportsEveryBadRowAndAnotherProvincesRowsAndAddsNothing() throws Exception {
    long before = count("select count(*) from person");
    var file =
        "Họ và tên,Năm sinh,Số điện thoại,Mã xã\n"
            + "Hà Thị Đúng,1980,,00004\n"
            + ",1981,,00004\n"
            + "Huế Thị Ngoài,1982,,19753\n";
    var checked = send("POST", "/api/v1/people/imports", "canbo.tinh", file, "text/csv");
    assertThat(checked.statusCode()).isEqualTo(200);
    var body = json(checked);
    assertThat(body.getBoolean("canCommit")).isFalse();
    assertThat(body.containsKey("id")).as("no id: nothing to commit").isFalse();
    var problems = body.getJsonArray("problems");
    assertThat(problems).hasSize(2);
    assertThat(problems.getJsonObject(0).getInt("row")).isEqualTo(3);
    assertThat(problems.getJsonObject(1).getInt("row")).isEqualTo(4);
    assertThat(problems.getJsonObject(1).getString("problem")).contains("ngoài phạm vi");
    assertThat(count("select count(*) from person")).isEqualTo(before);

    // A check made by one officer cannot be committed by another.
    var mine =
        send(
            "POST",
            "/api/v1/people/imports",
            "canbo.tinh",
            "Họ và tên,Năm sinh,Số điện thoại,Mã xã\nChỉ Của Tỉnh,1983,,00004\n",
            "text/csv");
    assertThat(mine.statusCode()).isEqualTo(201);
    var id = json(mine).getString("id");
    assertThat(
            post(Actor.COMMUNE_OFFICER, "/api/v1/people/imports/" + id + "/commit", "")
                .statusCode())
        .isEqualTo(404);
    assertThat(count("select count(*) from person")).isEqualTo(before);
    assertThat(
            post(Actor.PROVINCE_OFFICER, "/api/v1/people/imports/" + id + "/commit", "")
                .statusCode())
        .isEqualTo(200);
    assertThat(count("select count(*) from person")).isEqualTo(before + 1);
  }

  @Test
  @Order(13)
  void listsArePagedAndSortedWithATotal() throws Exception {
    var file = new StringBuilder("Họ và tên,Năm sinh,Số điện thoại,Mã xã\n");
    for (int year = 1970; year < 1975; year++) {
      file.append("Trang Thị Số ").append(year).append(',').append(year).append(",,00070\n");
    }
    var checked = send("POST", "/api/v1/people/imports", "quantri", file.toString(), "text/csv");
    post(
        Actor.CENTRAL_ADMIN,
        "/api/v1/people/imports/" + json(checked).getString("id") + "/commit",
        "");
    var page =
        json(
            get(
                Actor.PROVINCE_OFFICER,
                "/api/v1/people?unit="
                    + hoankiem
                    + "&q=trang%20thi%20so&sort=birthYear&order=desc&offset=1&limit=2"));
    assertThat(page.getInt("total")).isEqualTo(5);
    assertThat(page.getInt("offset")).isEqualTo(1);
    assertThat(page.getInt("limit")).isEqualTo(2);
    var items = page.getJsonArray("items");
    assertThat(items).hasSize(2);
    assertThat(items.getJsonObject(0).getInt("birthYear")).isEqualTo(1973);
    assertThat(items.getJsonObject(1).getInt("birthYear")).isEqualTo(1972);
    assertThat(get(Actor.PROVINCE_OFFICER, "/api/v1/people?limit=500").statusCode()).isEqualTo(400);
    var children =
        json(get(Actor.PROVINCE_OFFICER, "/api/v1/units/" + hanoi + "/children?limit=3"));
    assertThat(children.getInt("total")).isGreaterThan(3);
    assertThat(children.getJsonArray("items")).hasSize(3);
  }

  // ---------------------------------------------------------------------------------------------
  // Targets.

  /** A unit the actor's scope covers (inside) or does not (outside). */
  static long scopedUnit(Actor actor, boolean inside) {
    return switch (actor) {
      case LEARNER, TRAINER -> badinh; // no scope: every unit is outside
      case COMMUNE_OFFICER -> inside ? badinh : hoankiem;
      case PROVINCE_OFFICER -> inside ? badinh : phuxuan;
      case CENTRAL_ADMIN -> phuxuan;
    };
  }

  /**
   * A unit made for this row that the actor reorganises (inside: its parent lies in her scope) or
   * not. The commune officer's outside is her own commune: the level above reorganises it.
   */
  static long freshUnit(Actor actor, boolean inside) throws Exception {
    if (!inside && actor == Actor.COMMUNE_OFFICER) {
      return badinh;
    }
    return freshUnitUnder(scopedUnit(actor, inside));
  }

  /** A parent beyond the actor's scope (for a role, a transfer, a merge source). */
  static long outsideParent(Actor actor) {
    return actor == Actor.COMMUNE_OFFICER
        ? hoankiem
        : actor == Actor.PROVINCE_OFFICER ? phuxuan : badinh;
  }

  /**
   * What a row moves: inside, a unit she manages; outside, one of hers moved beyond her scope (a
   * commune officer: a group of her branch under another commune's branch).
   */
  static long movingUnit(Actor actor, boolean inside) throws Exception {
    return switch (actor) {
      case LEARNER, TRAINER -> freshUnitUnder(badinh);
      case COMMUNE_OFFICER -> freshGroupUnder(freshUnitUnder(badinh));
      case PROVINCE_OFFICER -> freshUnitUnder(badinh);
      case CENTRAL_ADMIN -> freshUnitUnder(phuxuan);
    };
  }

  /** Where a row's unit moves: a unit of her subtree (inside) or beyond it. */
  static long moveTarget(Actor actor, boolean inside) throws Exception {
    return switch (actor) {
      case LEARNER, TRAINER -> hoankiem;
      case COMMUNE_OFFICER -> inside ? freshUnitUnder(badinh) : freshUnitUnder(hoankiem);
      case PROVINCE_OFFICER -> inside ? hoankiem : phuxuan;
      case CENTRAL_ADMIN -> anotherHueCommune;
    };
  }

  /** A women's group made by the central admin below a branch. */
  static long freshGroupUnder(long branch) throws Exception {
    var made =
        post(
            Actor.CENTRAL_ADMIN,
            "/api/v1/units/" + branch + "/children",
            "{\"name\":\"Tổ Ma Trận "
                + serial.incrementAndGet()
                + "\",\"kind\":\"GROUP\",\"on\":\""
                + TODAY
                + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return json(made).getJsonObject("unit").getJsonNumber("id").longValue();
  }

  /** A person inside or outside the actor's reach (the learner's inside is herself). */
  static long person(Actor actor, boolean inside) throws Exception {
    if (actor == Actor.LEARNER || actor == Actor.TRAINER) {
      return inside
          ? count("select person_id from account where username = '" + actor.username + "'")
          : freshPerson(badinh);
    }
    return freshPerson(scopedUnit(actor, inside));
  }

  /** A branch made by the central admin for one row, open from today. */
  static long freshUnitUnder(long parent) throws Exception {
    var made =
        post(
            Actor.CENTRAL_ADMIN,
            "/api/v1/units/" + parent + "/children",
            "{\"name\":\"Chi hội Ma Trận "
                + serial.incrementAndGet()
                + "\",\"kind\":\"BRANCH\",\"on\":\""
                + TODAY
                + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return json(made).getJsonObject("unit").getJsonNumber("id").longValue();
  }

  /** A woman imported by the central admin into a commune for one row. */
  static long freshPerson(long commune) throws Exception {
    var name = "Người Ma Trận " + serial.incrementAndGet();
    var file =
        "Họ và tên,Năm sinh,Số điện thoại,Mã xã\n" + name + ",1985,," + communeCode(commune) + "\n";
    var checked = send("POST", "/api/v1/people/imports", "quantri", file, "text/csv");
    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(201);
    var committed =
        post(
            Actor.CENTRAL_ADMIN,
            "/api/v1/people/imports/" + json(checked).getString("id") + "/commit",
            "");
    assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
    return count("select id from person where full_name = '" + name + "'");
  }

  static String communeCode(long unit) throws SQLException {
    try (var connection = database();
        var result =
            connection
                .createStatement()
                .executeQuery("select code from org_unit where id = " + unit)) {
      result.next();
      return result.getString(1);
    }
  }

  /**
   * Outside: 404 for a target; for the import, a check that names the row outside and keeps
   * nothing.
   */
  static boolean refused(String operation, HttpResponse<String> response) {
    if (operation.startsWith("import.") && response.statusCode() == 200) {
      var body = json(response);
      return !body.getBoolean("canCommit") && body.toString().contains("ngoài phạm vi");
    }
    return response.statusCode() == 404;
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP.

  static HttpResponse<String> get(Actor actor, String path) throws Exception {
    return send("GET", path, actor.username, null, null);
  }

  static HttpResponse<String> post(Actor actor, String path, String body) throws Exception {
    return send("POST", path, actor.username, body, "application/json");
  }

  /** {@code user} is a username (demo password) or "username:password"; null sends none. */
  static HttpResponse<String> send(
      String method, String path, String user, String body, String type) throws Exception {
    return http.send(
        request(method, path, user, body, type).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder request(
      String method, String path, String user, String body, String type) {
    var builder = HttpRequest.newBuilder(platform.uri(path)).timeout(Duration.ofSeconds(120));
    if (user != null) {
      var credentials = user.contains(":") ? user : user + ":hocso-demo";
      builder.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (type != null) {
      builder.header("Content-Type", type);
    }
    return builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The database, read directly: what a refused request must not have changed.

  static Connection database() throws SQLException {
    var name = SharedPlatform.DATABASE;
    return DriverManager.getConnection("jdbc:mysql://127.0.0.1:3306/" + name, name, name);
  }

  static long count(String sql) throws SQLException {
    try (var connection = database();
        var result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Every table a refused API write could touch, as text. */
  static List<String> tables() throws SQLException {
    var all = new ArrayList<String>();
    for (var sql :
        List.of(
            "select id, name, code, parent_id, valid_from, valid_to from org_unit order by id",
            "select count(*), max(id) from unit_event",
            "select id, full_name, phone, home_unit_id, erased_on from person order by id",
            "select count(*), max(id) from person_membership",
            "select account_id, role, scope_unit_id from account_role order by 1, 2, 3",
            "select count(*), max(id) from audit_entry")) {
      try (var connection = database();
          var result = connection.createStatement().executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          var row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(result.getString(i)).append('|');
          }
          all.add(row.toString());
        }
      }
    }
    return all;
  }

  static URI uri(String path) {
    return platform.uri(path);
  }
}
