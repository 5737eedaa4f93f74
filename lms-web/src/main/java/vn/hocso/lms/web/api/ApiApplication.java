package vn.hocso.lms.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The LMS's JSON API, version 1: units, people, their import and role grants, for the Union's other
 * systems and scripts. Each feature's {@code boundary} package holds its resources, which call the
 * same services as the pages, so access is decided in one place. HTTP Basic only (see {@code
 * accounts.control.HocsoAuthenticationMechanism}); refusals and errors come from {@link
 * ApiExceptionMapper}. Faces keeps {@code *.xhtml}; this path is separate.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
