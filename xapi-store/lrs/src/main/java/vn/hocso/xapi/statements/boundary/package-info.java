/**
 * The Statement resource over HTTP (xAPI 2.0 Part 3 §2.1): its methods, the parsing of its query
 * parameters and {@code more} tokens, and the result formats.
 */
package vn.hocso.xapi.statements.boundary;
