package vn.hocso.lms.privacy.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.privacy.control.AuditQuery;
import vn.hocso.lms.privacy.control.PersonalData;
import vn.hocso.lms.privacy.domain.AuditAction;
import vn.hocso.lms.privacy.domain.AuditEntry;
import vn.hocso.lms.units.control.AccessDeniedException;

/** The central admin's search of the audit log, a page at a time. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Inject PersonalData personalData;
  @Inject AccessScope access;

  private String actor;
  private AuditAction action;
  private Long personId;
  private LocalDate fromDay;
  private LocalDate untilDay;
  private AuditQuery query = AuditQuery.everything();

  /** One line of the log as the page shows it: the time already in Vietnam's zone. */
  public record AuditLine(
      String when, String actor, AuditAction action, Long personId, String detail)
      implements Serializable {

    static AuditLine of(AuditEntry entry) {
      return new AuditLine(
          WHEN.format(entry.happenedAt().atZone(VIETNAM)),
          entry.actor(),
          entry.action(),
          entry.subjectPersonId(),
          entry.detail());
    }
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

  private final LazyDataModel<AuditLine> entries =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int)
              Math.min(Integer.MAX_VALUE, personalData.countAuditLog(query, access.requester()));
        }

        @Override
        public List<AuditLine> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return personalData.auditLog(query, access.requester(), first, pageSize).stream()
              .map(AuditLine::of)
              .toList();
        }
      };

  public boolean isAllowed() {
    try {
      personalData.countAuditLog(AuditQuery.everything(), access.requester());
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }

  /** Applies the filters; days are whole days in Vietnam, the last one included. */
  public void search() {
    query =
        new AuditQuery(
            actor,
            action,
            personId,
            fromDay == null ? null : fromDay.atStartOfDay(VIETNAM).toInstant(),
            untilDay == null ? null : untilDay.plusDays(1).atStartOfDay(VIETNAM).toInstant());
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public LazyDataModel<AuditLine> getEntries() {
    return entries;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public Long getPersonId() {
    return personId;
  }

  public void setPersonId(Long personId) {
    this.personId = personId;
  }

  public LocalDate getFromDay() {
    return fromDay;
  }

  public void setFromDay(LocalDate fromDay) {
    this.fromDay = fromDay;
  }

  public LocalDate getUntilDay() {
    return untilDay;
  }

  public void setUntilDay(LocalDate untilDay) {
    this.untilDay = untilDay;
  }
}
