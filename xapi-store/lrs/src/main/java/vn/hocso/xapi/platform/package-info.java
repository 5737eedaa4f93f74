/**
 * The LRS's wiring to HTTP: the JAX-RS application, the typed rejections every feature throws, the
 * one mapper that turns them into 4xx JSON bodies ({@code {"error", "field", "rule"}}) and the
 * bounded, strict reading of request bodies (413 beyond the limit).
 */
package vn.hocso.xapi.platform;
