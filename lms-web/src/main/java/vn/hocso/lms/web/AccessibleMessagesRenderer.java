package vn.hocso.lms.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' {@code p:messages} with list items that stay list items. PrimeFaces 15 writes {@code
 * role="alert"} on every {@code <li>}, which makes axe's "list" rule fail (WCAG 2.1 SC 1.3.1: a
 * list may only hold list items); the messages' container is already an {@code aria-live} region,
 * so the messages are still announced.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

  @Override
  public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
    var original = context.getResponseWriter();
    context.setResponseWriter(new ListItemsWithoutRole(original));
    try {
      super.encodeEnd(context, component);
    } finally {
      context.setResponseWriter(original);
    }
  }

  /** Drops the role (and its aria-atomic) from {@code <li>} elements; writes the rest as is. */
  static final class ListItemsWithoutRole extends ResponseWriterWrapper {

    private String element;

    ListItemsWithoutRole(ResponseWriter wrapped) {
      super(wrapped);
    }

    @Override
    public void startElement(String name, UIComponent component) throws IOException {
      element = name;
      super.startElement(name, component);
    }

    @Override
    public void writeAttribute(String name, Object value, String property) throws IOException {
      if ("li".equals(element) && ("role".equals(name) || "aria-atomic".equals(name))) {
        return;
      }
      super.writeAttribute(name, value, property);
    }
  }
}
