/**
 * Our own xAPI client: a typed statement model and the HTTP transport to any conformant LRS. It
 * depends on nothing but the JDK and Jakarta JSON Processing, so it can be published on its own.
 */
package vn.hocso.xapi.client;
