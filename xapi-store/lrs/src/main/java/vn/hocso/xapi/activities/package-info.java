/**
 * The Activities resource (xAPI 2.0 Part 3 §2.5; 1.0.3 §7.5): the canonical Activity Object of an
 * activity id, merged from the definitions statements gave it.
 */
package vn.hocso.xapi.activities;
