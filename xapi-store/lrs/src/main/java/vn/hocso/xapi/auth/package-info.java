/**
 * Who may call the LRS: HTTP Basic against the {@code lrs_client} table (secrets hashed at rest,
 * successful checks cached in memory by a SHA-256 of the credentials), the scopes of xAPI 2.0 Part
 * 3 §4.2, the authority the LRS stamps on statements, and the bootstrap client created at start
 * from LRS_BOOTSTRAP_KEY / LRS_BOOTSTRAP_SECRET.
 */
package vn.hocso.xapi.auth;
