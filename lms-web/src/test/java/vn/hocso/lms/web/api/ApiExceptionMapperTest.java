package vn.hocso.lms.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hocso.lms.accounts.control.RoleGrantRejectedException;
import vn.hocso.lms.people.control.ImportOutdatedException;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.UnknownUnitException;
import vn.hocso.lms.units.domain.UnitRuleException;

class ApiExceptionMapperTest {

  private static ApiError vietnamese(Throwable thrown) {
    return ApiExceptionMapper.error(ApiExceptionMapper.known(thrown), false);
  }

  private static ApiError english(Throwable thrown) {
    return ApiExceptionMapper.error(ApiExceptionMapper.known(thrown), true);
  }

  @Test
  void aTargetOutsideTheScopeIsNotFoundInVietnameseFirst() {
    var error = vietnamese(new AccessDeniedException("No unit 7 in this account's scope"));
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.error()).isEqualTo("not-found");
    assertThat(error.message()).isEqualTo("Không tìm thấy, hoặc không thuộc phạm vi chị quản lý.");
    assertThat(english(new AccessDeniedException("x")).message())
        .isEqualTo("Not found, or not within your scope.");
  }

  @Test
  void aBodyOverTheCapIs413EvenWhenJsonBindingWrapsIt() {
    var wrapped =
        new jakarta.json.bind.JsonbException("Unable to read", new BodyTooLargeException());
    var error = vietnamese(new jakarta.ws.rs.ProcessingException(wrapped));
    assertThat(error.status()).isEqualTo(413);
    assertThat(error.error()).isEqualTo("too-large");
    assertThat(error.message()).isEqualTo("Nội dung gửi lên quá lớn: tối đa 256 KB.");
  }

  @Test
  void anAbsentUnitIsAnsweredExactlyAsOneOutsideTheScope() {
    assertThat(vietnamese(new UnknownUnitException(987654321L)))
        .isEqualTo(vietnamese(new AccessDeniedException("Huế lies outside the caller's scope")));
  }

  @Test
  void theServicesReasonsNeverReachTheBody() {
    // The exception's own text names the unit and the rule; the client learns only "not found".
    var error = vietnamese(new AccessDeniedException("Thừa Thiên Huế lies outside the scope"));
    assertThat(error.toString()).doesNotContain("Huế");
  }

  @Test
  void aRuleOfTheTreeIs422WithItsOwnMessageInEitherLanguage() {
    var rule =
        new UnitRuleException(
            "Chỉ sáp nhập được các đơn vị cùng cấp", "Only units of one kind merge");
    assertThat(vietnamese(rule).status()).isEqualTo(422);
    assertThat(vietnamese(rule).error()).isEqualTo("rule");
    assertThat(vietnamese(rule).message()).isEqualTo("Chỉ sáp nhập được các đơn vị cùng cấp");
    assertThat(english(rule).message()).isEqualTo("Only units of one kind merge");
  }

  @Test
  void aRefusedRoleGrantAndABadValueOfTheDomainAre422() {
    assertThat(vietnamese(new RoleGrantRejectedException("Tài khoản này đã có vai trò đó.")))
        .isEqualTo(new ApiError(422, "rule", "Tài khoản này đã có vai trò đó.", null));
    assertThat(vietnamese(new IllegalArgumentException("Họ và tên không được để trống")).status())
        .isEqualTo(422);
  }

  @Test
  void changesMadeMeanwhileAreConflicts() {
    assertThat(vietnamese(new ImportOutdatedException()).status()).isEqualTo(409);
    // A commit's optimistic lock failure arrives wrapped by the transaction.
    var wrapped = new RuntimeException("commit failed", new OptimisticLockException("stale"));
    var error = vietnamese(wrapped);
    assertThat(error.status()).isEqualTo(409);
    assertThat(error.message()).startsWith("Dữ liệu vừa bị người khác thay đổi");
    assertThat(
            vietnamese(new IllegalStateException("A closed unit takes no new sub-units")).status())
        .isEqualTo(409);
  }

  @Test
  void aMissingOrMalformedParameterIs400NamingIt() {
    assertThat(vietnamese(ApiBadRequestException.missing("name")))
        .isEqualTo(new ApiError(400, "bad-request", "Thiếu trường bắt buộc: name", null));
    assertThat(english(ApiBadRequestException.missing("name")).message())
        .isEqualTo("A required field is missing: name");
    assertThat(vietnamese(new ApiBadRequestException("1 ≤ limit ≤ 200")).message())
        .isEqualTo("Yêu cầu không hợp lệ: 1 ≤ limit ≤ 200");
    assertThat(vietnamese(new jakarta.json.bind.JsonbException("Unexpected char")).status())
        .isEqualTo(400);
  }

  @Test
  void beanValidationNamesEveryField() {
    var violations = Set.<jakarta.validation.ConstraintViolation<?>>of();
    var error = vietnamese(new jakarta.validation.ConstraintViolationException("bad", violations));
    assertThat(error.status()).isEqualTo(400);
  }

  @Test
  void anythingElseIs500AndTellsNothingOfItsCause() {
    var error = vietnamese(new NullPointerException("person.homeUnit was null at line 42"));
    assertThat(error.status()).isEqualTo(500);
    assertThat(error.error()).isEqualTo("failed");
    assertThat(error.toString()).doesNotContain("homeUnit");
  }
}
