/**
 * What happens to statements between HTTP and storage: validation, completion (id, stored,
 * timestamp, version, authority), the conflict and voiding rules, and the clock that orders {@code
 * stored} and knows how far the store is consistent.
 */
package vn.hocso.xapi.statements.control;
