/**
 * The State, Activity Profile and Agent Profile resources over HTTP (xAPI 2.0 Part 3 §2.3, §2.6,
 * §2.7): their shared methods in {@code DocumentResource}, the strict reading of their parameters,
 * and the headers they answer with (Content-Type as stored, ETag, Last-Modified).
 */
package vn.hocso.xapi.documents.boundary;
