package vn.hocso.lms.people.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.accounts.domain.Account;
import vn.hocso.lms.people.control.PeopleDirectory;
import vn.hocso.lms.people.control.PeopleFilter;
import vn.hocso.lms.people.control.PersonKind;
import vn.hocso.lms.people.control.PersonRow;
import vn.hocso.lms.privacy.control.Requester;
import vn.hocso.lms.units.control.AccessDeniedException;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;

/**
 * The people of a unit's subtree (or of the whole scope): filters, server-side paging and sorting,
 * XLSX export. The scope is enforced by {@link PeopleDirectory}; this bean only binds the page.
 */
@Named
@ViewScoped
public class PeopleListView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PeopleDirectory directory;
  @Inject UnitDirectory units;
  @Inject AccessScope access;
  @Inject SecurityContext security;

  private Long unit;
  private Long subUnit;
  private String name;
  private PersonKind kind;
  private UnitRow unitShown;
  private List<UnitRow> subUnits = List.of();
  private boolean denied;
  private final LazyDataModel<PersonRow> people = new People();

  /** Called by f:viewAction once the unit parameter is set. */
  public void load() {
    var scope = access.managed();
    if (scope.isEmpty()) {
      denied = true;
      return;
    }
    if (unit == null && scope.rootUnitIds().size() == 1) {
      unit = scope.rootUnitIds().iterator().next();
    }
    try {
      if (unit == null) {
        subUnits = units.roots(scope);
      } else {
        var details = units.details(unit, scope);
        unitShown = details.unit();
        subUnits = details.subUnits();
      }
    } catch (AccessDeniedException e) {
      denied = true;
    }
  }

  /** Applies the filters typed (the table reloads its first page). */
  public void search() {
    var table = FacesContext.getCurrentInstance().getViewRoot().findComponent(":people:table");
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  public StreamedContent getExport() throws IOException {
    var filter = filter();
    if (filter.unitId() != null) {
      // A forged request naming a unit outside her scope: 404, as for the page itself. The
      // service would refuse the export anyway, but only after the download had begun.
      if (units.row(filter.unitId(), access.managed()).isEmpty()) {
        var context = FacesContext.getCurrentInstance();
        context
            .getExternalContext()
            .responseSendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND, "");
        context.responseComplete();
        return null;
      }
    }
    var requester = requester();
    return DefaultStreamedContent.builder()
        .name("danh-sach-" + LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) + ".xlsx")
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .writer(
            out -> {
              try {
                directory.exportXlsx(filter, PeopleFilter.Sort.NAME, true, requester, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .build();
  }

  public PersonKind[] getKinds() {
    return PersonKind.values();
  }

  private PeopleFilter filter() {
    return new PeopleFilter(subUnit != null ? subUnit : unit, name, kind);
  }

  private Requester requester() {
    var caller = security.getCallerPrincipal();
    return new Requester(
        caller == null ? "" : Account.normalise(caller.getName()), null, access.managed());
  }

  /** The table's rows, fetched a page at a time. */
  private final class People extends LazyDataModel<PersonRow> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      if (denied) {
        return 0;
      }
      return (int) directory.count(filter(), requester());
    }

    @Override
    public List<PersonRow> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      if (denied) {
        return List.of();
      }
      var sort = PeopleFilter.Sort.NAME;
      boolean ascending = true;
      for (var meta : sortBy.values()) {
        if (meta.getOrder() != SortOrder.UNSORTED) {
          sort = PeopleFilter.Sort.valueOf(meta.getField());
          ascending = meta.getOrder() == SortOrder.ASCENDING;
          break;
        }
      }
      return directory.list(filter(), sort, ascending, first, pageSize, requester());
    }

    @Override
    public String getRowKey(PersonRow row) {
      return String.valueOf(row.id());
    }

    @Override
    public PersonRow getRowData(String rowKey) {
      return null;
    }
  }

  public LazyDataModel<PersonRow> getPeople() {
    return people;
  }

  public Long getUnit() {
    return unit;
  }

  public void setUnit(Long unit) {
    this.unit = unit;
  }

  public Long getSubUnit() {
    return subUnit;
  }

  public void setSubUnit(Long subUnit) {
    this.subUnit = subUnit;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public PersonKind getKind() {
    return kind;
  }

  public void setKind(PersonKind kind) {
    this.kind = kind;
  }

  public UnitRow getUnitShown() {
    return unitShown;
  }

  public List<UnitRow> getSubUnits() {
    return subUnits;
  }

  public boolean isDenied() {
    return denied;
  }
}
