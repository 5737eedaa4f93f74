package vn.hocso.lms.units.boundary;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import vn.hocso.lms.units.control.UnitDirectory;
import vn.hocso.lms.units.control.UnitRow;

/** A commune picked from a list travels as its id; only open communes convert back. */
@FacesConverter("openCommuneConverter")
public class OpenCommuneConverter implements Converter<UnitRow> {

  @Override
  public UnitRow getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      // Looked up, not injected: Faces creates converters itself unless the bean archive says so.
      return CDI.current()
          .select(UnitDirectory.class)
          .get()
          .openCommune(Long.parseLong(value.strip()))
          .orElseThrow(() -> new NumberFormatException(value));
    } catch (NumberFormatException e) {
      throw new ConverterException(
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, "Xã/phường không có trong danh sách", null));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, UnitRow unit) {
    return unit == null ? "" : Long.toString(unit.id());
  }
}
