/**
 * The one strict statement validator. Parsing at the edge is lenient about nothing but whitespace;
 * every rule here names the field path it checked, a short rule name and the xAPI section it
 * implements, so that a client's 400 says exactly what to fix.
 */
package vn.hocso.xapi.validation;
