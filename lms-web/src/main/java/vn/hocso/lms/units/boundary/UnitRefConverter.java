package vn.hocso.lms.units.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import vn.hocso.lms.accounts.control.AccessScope;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;

/**
 * A unit picked in a form travels as its id. A unit of the signed-in officer's scope comes back
 * with its name; any other id comes back bare, so the service it is sent to refuses it (and the
 * page never shows the name of a unit outside her scope).
 */
@FacesConverter("unitRefConverter")
public class UnitRefConverter implements Converter<UnitRow> {

  @Override
  public UnitRow getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    long id;
    try {
      id = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ConverterException(
          new FacesMessage(FacesMessage.SEVERITY_ERROR, "Chọn đơn vị trong danh sách", null));
    }
    // Looked up, not injected: Faces creates converters itself unless the bean archive says so.
    var scope = CDI.current().select(AccessScope.class).get().managed();
    return CDI.current()
        .select(UnitDirectory.class)
        .get()
        .row(id, scope)
        .orElseGet(() -> UnitRow.reference(id));
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, UnitRow unit) {
    return unit == null ? "" : Long.toString(unit.id());
  }
}
