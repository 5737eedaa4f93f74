package vn.hocso.xapi.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The LRS answers at the root of its context (/xapi), as xAPI clients expect of an endpoint. */
@ApplicationPath("")
public class XapiApplication extends Application {}
